//! The one place that sends a request: to the in-browser sandbox, or over the network with
//! gloo-net. Either way the request is the exact [`PreparedRequest`] the inspector shows —
//! method, path, headers and body bytes, with its own `Content-Type` (no `FormData`, no
//! `URLSearchParams`, spec §2.3).

use crate::browser::{self, Area, SANDBOX_STATE_KEY};
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use signkit::sandbox::state::OutboundRecord;
use signkit::PreparedRequest;
use signkit_web_sandbox::{Answer, DemoValues, Question};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// How long a network request may take before it is abandoned.
pub const TIMEOUT_SECONDS: u32 = 20;

/// An answer, whoever gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// The URL requested (`None`: the in-browser sandbox).
    pub url: Option<String>,
    /// The HTTP status.
    pub status: u16,
    /// The answer's `Content-Type`.
    pub content_type: Option<String>,
    /// The answer's body as text (bytes that are not UTF-8 become U+FFFD).
    pub body: String,
    /// For a sandbox target: the outbound calls this request recorded (spec §10.5); `None`
    /// when they could not be read, or the target is not a sandbox.
    pub outbound: Option<Vec<OutboundRecord>>,
    /// The in-browser sandbox could not persist its new state.
    pub storage_failed: bool,
}

/// Why there is no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The browser got no HTTP answer (CORS, connection refused, bad address, mixed content).
    Network {
        /// The URL requested.
        url: String,
        /// The browser's own words.
        detail: String,
    },
    /// No answer within [`TIMEOUT_SECONDS`].
    Timeout {
        /// The URL requested.
        url: String,
    },
    /// The user cancelled.
    Cancelled,
    /// The in-browser sandbox module could not be loaded or gave an unreadable answer.
    SandboxUnavailable {
        /// The browser's (or the decoder's) own words.
        detail: String,
    },
}

// The in-browser sandbox is a second wasm module (`web/sandbox-module`, built by Trunk next to
// the app as `signkit-web-sandbox.js` + `_bg.wasm`), imported on first use and cached.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
let loading;
function load() {
  if (!loading) {
    const url = new URL('signkit-web-sandbox.js', document.baseURI).href;
    loading = import(url).then(async (module) => { await module.default(); return module; });
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}
export async function sandbox_handle(question) { return (await load()).handle(question); }
export async function sandbox_demo() { return (await load()).demo(); }
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn sandbox_handle(
        question: String,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    #[wasm_bindgen(catch)]
    async fn sandbox_demo() -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

/// Why the in-browser sandbox module gave no answer (it could not be loaded, or answered
/// something unreadable), in the browser's words.
fn module_failure(error: &wasm_bindgen::JsValue) -> Failure {
    use wasm_bindgen::JsCast;
    let detail = match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error.as_string().unwrap_or_default(),
    };
    Failure::SandboxUnavailable { detail }
}

/// The fixtures' DEMO credentials, from the in-browser sandbox module (loading it).
pub async fn demo_values() -> Result<DemoValues, Failure> {
    let json = sandbox_demo()
        .await
        .map_err(|error| module_failure(&error))?;
    serde_json::from_str(&json.as_string().unwrap_or_default()).map_err(|error| {
        Failure::SandboxUnavailable {
            detail: error.to_string(),
        }
    })
}

/// Answers `request` with the in-browser sandbox at the browser's "now" and persists the new
/// state. Only the request reaches the sandbox — never a credential.
pub async fn send_in_browser(request: &PreparedRequest) -> Result<Exchange, Failure> {
    let question = Question {
        state: browser::load(Area::Local, SANDBOX_STATE_KEY),
        method: request.method.clone(),
        target: request.path.clone(),
        headers: request.headers.clone(),
        body: request.body.clone(),
        now_unix: browser::now_unix(),
    };
    let question =
        serde_json::to_string(&question).map_err(|error| Failure::SandboxUnavailable {
            detail: error.to_string(),
        })?;
    let json = sandbox_handle(question)
        .await
        .map_err(|error| module_failure(&error))?;
    let answer: Answer =
        serde_json::from_str(&json.as_string().unwrap_or_default()).map_err(|error| {
            Failure::SandboxUnavailable {
                detail: error.to_string(),
            }
        })?;
    let storage_failed = !browser::store(Area::Local, SANDBOX_STATE_KEY, &answer.state);
    Ok(Exchange {
        url: None,
        status: answer.status,
        content_type: answer.content_type,
        body: answer.body,
        outbound: Some(answer.outbound),
        storage_failed,
    })
}

/// A network request in progress: its abort controller and timeout.
pub struct InFlight {
    controller: web_sys::AbortController,
    timed_out: Rc<Cell<bool>>,
    timer: Option<TimeoutHandle>,
}

impl InFlight {
    /// Starts the clock; `None` when the browser has no `AbortController`.
    pub fn start() -> Option<InFlight> {
        let controller = web_sys::AbortController::new().ok()?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let controller = controller.clone();
            let timed_out = Rc::clone(&timed_out);
            set_timeout_with_handle(
                move || {
                    timed_out.set(true);
                    controller.abort();
                },
                Duration::from_secs(u64::from(TIMEOUT_SECONDS)),
            )
            .ok()
        };
        Some(InFlight {
            controller,
            timed_out,
            timer,
        })
    }

    /// Abandons the request (the Cancel button).
    pub fn cancel(&self) {
        self.controller.abort();
    }

    fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    fn failure(&self, url: &str, error: &gloo_net::Error) -> Failure {
        if self.timed_out.get() {
            Failure::Timeout {
                url: url.to_owned(),
            }
        } else if self.signal().aborted() {
            Failure::Cancelled
        } else {
            Failure::Network {
                url: url.to_owned(),
                detail: error.to_string(),
            }
        }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// Sends `request` to `base` (a proxy prefix or a custom base URL) exactly as previewed.
/// `sandbox_base` is the HTTP sandbox's base when the target is that sandbox: its outbound
/// record is read before and after, to show what this request added.
pub async fn send_network(
    request: &PreparedRequest,
    base: &str,
    sandbox_base: Option<&str>,
    in_flight: &InFlight,
) -> Result<Exchange, Failure> {
    let url = request.url(base);
    let recorded_before = match sandbox_base {
        Some(base) => last_outbound_seq(base).await,
        None => None,
    };
    let method = Method::from_bytes(request.method.as_bytes()).unwrap_or(Method::POST);
    let mut builder = RequestBuilder::new(&url)
        .method(method)
        .abort_signal(Some(&in_flight.signal()));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let body = js_sys::Uint8Array::from(request.body.as_slice());
    let sent = match builder.body(body) {
        Ok(built) => built.send().await,
        Err(error) => Err(error),
    };
    let response = sent.map_err(|error| in_flight.failure(&url, &error))?;
    let bytes = response
        .binary()
        .await
        .map_err(|error| in_flight.failure(&url, &error))?;
    let outbound = match (sandbox_base, recorded_before) {
        (Some(base), Some(before)) => outbound_after(base, before).await,
        _ => None,
    };
    Ok(Exchange {
        url: Some(url),
        status: response.status(),
        content_type: response.headers().get("Content-Type"),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        outbound,
        storage_failed: false,
    })
}

/// The HTTP sandbox's outbound records (`GET /_sandbox/outbound`, spec §10.5).
async fn outbound_records(base: &str) -> Option<Vec<OutboundRecord>> {
    let response = RequestBuilder::new(&format!("{base}/_sandbox/outbound"))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    serde_json::from_str(&response.text().await.ok()?).ok()
}

/// The highest sequence number recorded so far (0 when none).
async fn last_outbound_seq(base: &str) -> Option<u64> {
    let records = outbound_records(base).await?;
    Some(records.iter().map(|record| record.seq).max().unwrap_or(0))
}

/// The records after sequence number `before`.
async fn outbound_after(base: &str, before: u64) -> Option<Vec<OutboundRecord>> {
    let records = outbound_records(base).await?;
    Some(
        records
            .into_iter()
            .filter(|record| record.seq > before)
            .collect(),
    )
}

/// Restores the in-browser sandbox's demo fixtures.
pub fn reset_in_browser() {
    browser::forget(Area::Local, SANDBOX_STATE_KEY);
}

/// `POST /_sandbox/reset` on the HTTP sandbox (spec §10.5); true on `200`.
pub async fn reset_http_sandbox(base: &str) -> bool {
    let request = RequestBuilder::new(&format!("{base}/_sandbox/reset"))
        .method(Method::POST)
        .body("");
    match request {
        Ok(request) => request.send().await.is_ok_and(|response| response.ok()),
        Err(_) => false,
    }
}

/// One Send of this session, as the history keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    /// 1, 2, … in this session.
    pub id: usize,
    /// Local time of sending, `HH:MM:SS`.
    pub at: String,
    /// The endpoint.
    pub api: signkit::Api,
    /// Where it went.
    pub target: crate::model::TargetKind,
    /// Exactly what was sent.
    pub request: PreparedRequest,
    /// The answer, or why there is none.
    pub outcome: Result<Exchange, Failure>,
    /// The decoded answer (spec §7), when there is one.
    pub reply: Option<signkit::reply::Reply>,
}
