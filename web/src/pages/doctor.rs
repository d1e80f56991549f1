//! The sign doctor page (`#/doctor`, issue #12 item 3): paste a request exactly as your code
//! sent it and see what the server sees, signs and expects, and the named mistake.
//!
//! The diagnosis is the core's (`signkit::doctor`), computed in the doctor module's Web
//! Worker (`web/doctor-module`, loaded when this page is first opened, see [`crate::worker`]);
//! this page only renders it. Every explanation shown is the core's bilingual text.

use crate::app::AppState;
use crate::browser;
use crate::components::copy::CopyButton;
use crate::components::credentials::CredentialsPanel;
use crate::i18n::tr;
use crate::model::Slot;
use crate::worker;
use leptos::prelude::*;
use leptos::task::spawn_local;
use signkit::{Api, Bilingual, Vendor};
use signkit_web_doctor::{Answer, Example, Examples, Inputs, Question};
use std::time::Duration;

/// The worker module (Trunk's `data-bin` of `web/doctor-module` in index.html).
const MODULE: &str = "signkit-web-doctor";
/// Typing pauses this long before the doctor is asked.
const DEBOUNCE: Duration = Duration::from_millis(150);

macro_rules! texts {
    ($($name:ident = $en:literal, $zh:literal;)*) => {
        $(static $name: Bilingual = Bilingual::new($en, $zh);)*
    };
}

/// The navigation entry and the page title.
pub static TITLE: Bilingual = Bilingual::new("Sign doctor", "签名诊断");

texts! {
    INTRO = "Paste a request exactly as your code sent it — a curl command, a raw HTTP request or just the body. The doctor shows what the server sees and signs and, with the secret, names the mistake by reproducing your sign.", "粘贴你的代码实际发出的请求——curl 命令、原始 HTTP 请求或仅请求体。诊断会显示服务器看到并签名的内容；提供密钥时，还会通过重现你的签名指出错误所在。";
    EXAMPLE = "Load an example", "载入示例";
    EXAMPLE_PICK = "Choose a broken request…", "选择一个出错的请求……";
    EXAMPLE_HINT = "Each example is a request with one common mistake; loading it also sets the test secret it was signed with.", "每个示例都是带有一个常见错误的请求；载入时会同时填入签名用的测试密钥。";
    CAPTURE = "Captured request", "捕获的请求";
    CAPTURE_HINT = "curl command, raw HTTP request (request line, headers, empty line, body) or a bare body.", "curl 命令、原始 HTTP 请求（请求行、头部、空行、请求体）或仅请求体。";
    API = "Endpoint", "接口";
    API_FROM_CAPTURE = "From the capture's path", "取自请求路径";
    API_HINT = "Used only when the capture does not name the endpoint (a bare body).", "仅当请求中未指明接口（仅请求体）时使用。";
    MINE = "My string to sign (optional)", "我的待签名字符串（可选）";
    MINE_HINT = "The exact text your code hashed; the doctor marks where it first differs from the server's.", "你的代码实际哈希的文本；诊断会标出它与服务器字符串第一次不同的位置。";
    DIAGNOSIS = "Diagnosis", "诊断结果";
    COPY_STRING = "Copy the server's string to sign", "复制服务器的待签名字符串";
    LOADING = "Loading the doctor…", "正在加载诊断模块……";
    EMPTY = "Paste a request to start.", "粘贴请求即可开始。";
    UNAVAILABLE = "The doctor module could not be loaded:", "诊断模块无法加载：";
    DIAGNOSE = "Diagnose this request", "诊断此请求";
    DIAGNOSE_HINT = "Opens the sign doctor with this request as sent (the secret from the credentials panel).", "用实际发送的此请求打开签名诊断（密钥取自凭据面板）。";
}

/// The doctor page's inputs, kept while switching pages (app state, never storage or the
/// URL: the reply panel's "Diagnose this request" fills `capture` here).
#[derive(Clone, Copy)]
pub struct DoctorState {
    /// The pasted capture.
    pub capture: RwSignal<String>,
    /// The endpoint picked for a capture that names none.
    pub api: RwSignal<Option<Api>>,
    /// The caller's own string to sign.
    pub mine: RwSignal<String>,
}

impl DoctorState {
    /// Empty inputs.
    pub fn new() -> DoctorState {
        DoctorState {
            capture: RwSignal::new(String::new()),
            api: RwSignal::new(None),
            mine: RwSignal::new(String::new()),
        }
    }
}

/// What the results area shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Empty,
    Loading,
    Failed(String),
    Diagnosis(Box<Answer>),
}

/// Asks the worker and reads its JSON answer.
async fn ask<T: serde::de::DeserializeOwned>(question: &Question) -> Result<T, String> {
    let request = serde_json::to_string(question).map_err(|error| error.to_string())?;
    let answer = worker::call(MODULE, request).await?;
    serde_json::from_str(&answer).map_err(|error| format!("{error}: {answer}"))
}

/// The page.
#[component]
pub fn DoctorPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let doctor = expect_context::<DoctorState>();
    let lang = app.lang;
    let shown = RwSignal::new(Shown::Empty);
    let examples = RwSignal::new(Vec::<Example>::new());
    let latest = StoredValue::new(0_u64);

    spawn_local(async move {
        if let Ok(answer) = ask::<Examples>(&Question::Examples).await {
            examples.set(answer.examples);
        }
    });

    // Live diagnosis: each change waits DEBOUNCE, and only the latest question's answer shows.
    Effect::new(move |_| {
        let inputs = app.credentials.with(|credentials| Inputs {
            capture: doctor.capture.get(),
            api: doctor.api.get().map(|api| api.name().to_owned()),
            secret: credentials.get(Slot::Secret).to_owned(),
            auth_token: credentials.get(Slot::AuthToken).to_owned(),
            my_string_to_sign: doctor.mine.get(),
            now_unix: Some(browser::now_unix()),
        });
        let number = latest.get_value() + 1;
        latest.set_value(number);
        if inputs.capture.trim().is_empty() {
            shown.set(Shown::Empty);
            return;
        }
        if !matches!(shown.get_untracked(), Shown::Diagnosis(_)) {
            shown.set(Shown::Loading);
        }
        set_timeout(
            move || {
                if latest.get_value() != number {
                    return;
                }
                spawn_local(async move {
                    let answer = ask::<Answer>(&Question::Diagnose(inputs)).await;
                    if latest.get_value() == number {
                        shown.set(match answer {
                            Ok(view) => Shown::Diagnosis(Box::new(view)),
                            Err(error) => Shown::Failed(error),
                        });
                    }
                });
            },
            DEBOUNCE,
        );
    });

    // The credentials panel of the vendor diagnosed (daoke until the capture says otherwise).
    let vendor = Memo::new(move |_| {
        let diagnosed = shown.with(|shown| match shown {
            Shown::Diagnosis(view) => view.api.as_deref().and_then(Api::from_name),
            _ => None,
        });
        diagnosed
            .or(doctor.api.get())
            .map_or(Vendor::Daoke, Api::vendor)
    });
    let no_findings = Memo::new(|_| Vec::new());
    let credentials = move || {
        let api = match vendor.get() {
            Vendor::Daoke => Api::CreateGroup,
            Vendor::Ytx => Api::InviteMeeting,
        };
        view! { <CredentialsPanel api findings=no_findings /> }
    };

    let load_example = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let Some(example) = examples.with(|list| list.iter().find(|e| e.id == id).cloned()) else {
            return;
        };
        doctor
            .api
            .set(example.api.as_deref().and_then(Api::from_name));
        doctor.mine.set(String::new());
        if let Some(secret) = example.secret {
            app.credentials.update(|c| c.set(Slot::Secret, secret));
        }
        doctor.capture.set(example.capture);
    };

    let api_option = move |api: Api| {
        view! {
            <option value=api.name() prop:selected=move || doctor.api.get() == Some(api)>
                {api.name()}
            </option>
        }
    };

    view! {
        <div class="page doctor" data-page="doctor">
            <section class="page-head">
                <div class="page-title">
                    <h1>{tr(lang, &TITLE)}</h1>
                    <p class="summary">{tr(lang, &INTRO)}</p>
                </div>
                <div class="page-actions">
                    <label class="inline-field">
                        <span>{tr(lang, &EXAMPLE)}</span>
                        <select
                            class="input"
                            data-testid="doctor-example"
                            aria-describedby="doctor-example-hint"
                            on:change=load_example
                        >
                            <option value="" selected>{tr(lang, &EXAMPLE_PICK)}</option>
                            <For each=move || examples.get() key=|e| e.id.clone() let:example>
                                <option value=example.id.clone()>
                                    {format!("{} ({})", example.mistake, example.id)}
                                </option>
                            </For>
                        </select>
                    </label>
                    <p class="hint" id="doctor-example-hint">{tr(lang, &EXAMPLE_HINT)}</p>
                </div>
            </section>
            <div class="columns">
                <div class="column">
                    <section class="card" aria-labelledby="doctor-capture-title">
                        <div class="card-head">
                            <h2 id="doctor-capture-title">{tr(lang, &CAPTURE)}</h2>
                        </div>
                        <div class="field">
                            <label class="field-label" for="doctor-input">{tr(lang, &CAPTURE)}</label>
                            <textarea
                                id="doctor-input"
                                class="input code doctor-input"
                                rows="12"
                                spellcheck="false"
                                autocomplete="off"
                                data-testid="doctor-input"
                                aria-describedby="doctor-input-hint"
                                prop:value=doctor.capture
                                on:input=move |ev| doctor.capture.set(event_target_value(&ev))
                            ></textarea>
                            <p class="hint" id="doctor-input-hint">{tr(lang, &CAPTURE_HINT)}</p>
                        </div>
                        <div class="field">
                            <label class="field-label" for="doctor-api">{tr(lang, &API)}</label>
                            <select
                                id="doctor-api"
                                class="input"
                                data-testid="doctor-api"
                                aria-describedby="doctor-api-hint"
                                on:change=move |ev| doctor.api.set(Api::from_name(&event_target_value(&ev)))
                            >
                                <option value="" prop:selected=move || doctor.api.get().is_none()>
                                    {tr(lang, &API_FROM_CAPTURE)}
                                </option>
                                {Api::ALL.into_iter().map(api_option).collect_view()}
                            </select>
                            <p class="hint" id="doctor-api-hint">{tr(lang, &API_HINT)}</p>
                        </div>
                        <div class="field">
                            <label class="field-label" for="doctor-mine">{tr(lang, &MINE)}</label>
                            <textarea
                                id="doctor-mine"
                                class="input code"
                                rows="3"
                                spellcheck="false"
                                autocomplete="off"
                                data-testid="doctor-mine"
                                aria-describedby="doctor-mine-hint"
                                prop:value=doctor.mine
                                on:input=move |ev| doctor.mine.set(event_target_value(&ev))
                            ></textarea>
                            <p class="hint" id="doctor-mine-hint">{tr(lang, &MINE_HINT)}</p>
                        </div>
                    </section>
                    {credentials}
                </div>
                <div class="column">
                    <Results shown />
                </div>
            </div>
        </div>
    }
}

/// The verdict banner (always present: a live region) and the diagnosis, which the doctor
/// module renders (escaped HTML in both languages: the app carries no view code for it).
#[component]
fn Results(shown: RwSignal<Shown>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let verdict = move || {
        shown.with(|shown| match shown {
            Shown::Diagnosis(answer) => answer.verdict.clone(),
            _ => String::new(),
        })
    };
    let banner = move || {
        let lang = lang.get();
        shown.with(|shown| match shown {
            Shown::Empty => EMPTY.get(lang).to_owned(),
            Shown::Loading => LOADING.get(lang).to_owned(),
            Shown::Failed(error) => format!("{} {error}", UNAVAILABLE.get(lang)),
            Shown::Diagnosis(answer) => answer.banner.get(lang).to_owned(),
        })
    };
    let html = move || {
        shown.with(|shown| match shown {
            Shown::Diagnosis(answer) => answer.html.get(lang.get()).to_owned(),
            _ => String::new(),
        })
    };
    let string_to_sign = move || {
        shown.with(|shown| match shown {
            Shown::Diagnosis(answer) => answer.string_to_sign.clone(),
            _ => None,
        })
    };
    let copy = move || {
        string_to_sign().map(|text| {
            view! {
                <CopyButton
                    text=Signal::stored(text)
                    label=&COPY_STRING
                    testid=Some("doctor-copy-string-to-sign")
                />
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="doctor-results-title">
            <div class="card-head">
                <h2 id="doctor-results-title">{tr(lang, &DIAGNOSIS)}</h2>
            </div>
            <p
                class="notice doctor-verdict"
                class:error=move || matches!(verdict().as_str(), "mismatch" | "unreadable")
                class:ok=move || verdict() == "match"
                role="status"
                aria-live="polite"
                data-testid="doctor-verdict"
                data-verdict=verdict
            >
                {banner}
            </p>
            {copy}
            <div class="doctor-details" inner_html=html></div>
        </section>
    }
}

/// "Diagnose this request" under a sign-mismatch reply: opens `#/doctor` with `capture` (the
/// request as sent) through app state.
#[component]
pub fn DiagnoseLink(capture: String) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let doctor = expect_context::<DoctorState>();
    let open = move |_| {
        doctor.api.set(None);
        doctor.mine.set(String::new());
        doctor.capture.set(capture.clone());
    };
    view! {
        <p class="notice">
            <a
                href=format!("#/{}", crate::app::DOCTOR_ROUTE)
                data-testid="diagnose-request"
                title=tr(lang, &DIAGNOSE_HINT)
                on:click=open
            >
                {tr(lang, &DIAGNOSE)}
            </a>
        </p>
    }
}
