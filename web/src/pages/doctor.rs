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
use crate::model::doctor::split_at_difference;
use crate::model::Slot;
use crate::worker;
use leptos::prelude::*;
use leptos::task::spawn_local;
use signkit::{Api, Bilingual, Lang, Vendor};
use signkit_web_doctor::{DiagnosisView, Example, Examples, Inputs, Question};
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
    LOADING = "Loading the doctor…", "正在加载诊断模块……";
    EMPTY = "Paste a request to start.", "粘贴请求即可开始。";
    UNAVAILABLE = "The doctor module could not be loaded:", "诊断模块无法加载：";
    MATCH = "Match: the server computes the same sign.", "匹配：服务器计算出的签名与此相同。";
    MISMATCH = "Mismatch: the server rejects this sign.", "不匹配：服务器会拒绝此签名。";
    UNVERIFIED = "Unverified: enter the secret (or authToken) to check the sign.", "未验证：请输入密钥（或 authToken）以检查签名。";
    UNREADABLE = "Unreadable: no endpoint could be found in this capture.", "无法读取：无法从此请求中确定接口。";
    MISTAKES = "Named mistakes", "指出的错误";
    CONFIRMED = "confirmed", "已确认";
    SUSPECTED = "suspected", "疑似";
    SIGNS = "Signs", "签名";
    PROVIDED = "Provided sign", "请求中的签名";
    EXPECTED = "Expected sign", "应有的签名";
    NONE = "none", "无";
    NEEDS_SECRET = "needs the secret", "需要密钥";
    SERVER_STRING = "The server's string to sign (secret redacted)", "服务器的待签名字符串（密钥已隐去）";
    DIFFERENCE = "First difference", "第一处不同";
    AT_BYTE = "at byte", "位于字节";
    SERVER = "server", "服务器";
    YOURS = "yours", "你的";
    SEES = "What the server sees", "服务器看到的参数";
    NAME = "Name", "名称";
    VALUE = "Value", "值";
    KIND = "Kind", "类型";
    NOTHING_SEEN = "The server sees no parameters.", "服务器没有读到任何参数。";
    FINDINGS = "Other findings", "其他发现";
    DIAGNOSE = "Diagnose this request", "诊断此请求";
    DIAGNOSE_HINT = "Opens the sign doctor with this request as sent (the secret from the credentials panel).", "用实际发送的此请求打开签名诊断（密钥取自凭据面板）。";
    NEXT = "What the server would answer next, once the sign is right", "签名正确后，服务器接下来会返回的问题";
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
    Diagnosis(Box<DiagnosisView>),
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
                    let answer = ask::<DiagnosisView>(&Question::Diagnose(inputs)).await;
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

/// The verdict banner (always present: a live region) and the diagnosis.
#[component]
fn Results(shown: RwSignal<Shown>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let verdict = move || {
        shown.with(|shown| match shown {
            Shown::Diagnosis(view) => view.verdict.clone(),
            _ => String::new(),
        })
    };
    let banner = move || {
        let lang = lang.get();
        shown.with(|shown| match shown {
            Shown::Empty => EMPTY.get(lang).to_owned(),
            Shown::Loading => LOADING.get(lang).to_owned(),
            Shown::Failed(error) => format!("{} {error}", UNAVAILABLE.get(lang)),
            Shown::Diagnosis(view) => verdict_text(&view.verdict).get(lang).to_owned(),
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
            {move || shown.with(|shown| match shown {
                Shown::Diagnosis(view) => Some(details(view, lang.get())),
                _ => None,
            })}
        </section>
    }
}

fn verdict_text(verdict: &str) -> &'static Bilingual {
    match verdict {
        "match" => &MATCH,
        "mismatch" => &MISMATCH,
        "unverified" => &UNVERIFIED,
        _ => &UNREADABLE,
    }
}

/// Everything below the banner, in `lang`.
fn details(view: &DiagnosisView, lang: Lang) -> AnyView {
    let mistakes = (!view.mistakes.is_empty()).then(|| {
        let items = view
            .mistakes
            .iter()
            .map(|mistake| {
                let (class, label) = if mistake.confirmed {
                    ("badge error", &CONFIRMED)
                } else {
                    ("badge warn", &SUSPECTED)
                };
                view! {
                    <li
                        class="doctor-mistake"
                        data-testid="doctor-mistake"
                        data-id=mistake.id.clone()
                        data-confirmed=mistake.confirmed.to_string()
                    >
                        <p>
                            <span class=class>{label.get(lang)}</span>
                            " "
                            <code>{mistake.id.clone()}</code>
                        </p>
                        <p>{mistake.message.get(lang).to_owned()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{MISTAKES.get(lang)}</h3>
            <ul class="doctor-list">{items}</ul>
        }
    });
    let sign = |value: &Option<String>, missing: &'static Bilingual, testid: &'static str| {
        view! {
            <dd>
                <code data-testid=testid>
                    {value.clone().unwrap_or_else(|| missing.get(lang).to_owned())}
                </code>
            </dd>
        }
    };
    let string_to_sign = view.string_to_sign.clone().map(|text| {
        let copied = Signal::stored(text.clone());
        view! {
            <h3>{SERVER_STRING.get(lang)}</h3>
            <pre class="code" data-testid="doctor-string-to-sign">{text}</pre>
            <CopyButton text=copied testid=Some("doctor-copy-string-to-sign") />
        }
    });
    let difference = view.first_difference.as_ref().map(|difference| {
        let (common, server_rest, mine_rest) =
            split_at_difference(&difference.server, &difference.mine);
        let excerpt = |rest: &str| {
            let mut chars = rest.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            view! {
                <code class="excerpt">
                    {common.to_owned()}
                    <mark>{first}</mark>
                    {chars.as_str().to_owned()}
                </code>
            }
        };
        view! {
            <h3>{DIFFERENCE.get(lang)}</h3>
            <dl class="pairs" data-testid="doctor-first-difference" data-offset=difference.offset>
                <dt>{AT_BYTE.get(lang)}</dt>
                <dd><code>{difference.offset}</code></dd>
                <dt>{SERVER.get(lang)}</dt>
                <dd>{excerpt(server_rest)}</dd>
                <dt>{YOURS.get(lang)}</dt>
                <dd>{excerpt(mine_rest)}</dd>
            </dl>
        }
    });
    let sees = if view.server_sees.is_empty() {
        view! { <p class="hint">{NOTHING_SEEN.get(lang)}</p> }.into_any()
    } else {
        let rows = view
            .server_sees
            .iter()
            .map(|seen| {
                view! {
                    <tr>
                        <td><code>{seen.name.clone()}</code></td>
                        <td><code class="value">{seen.value.clone()}</code></td>
                        <td>{seen.kind.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table" data-testid="doctor-server-sees">
                <thead>
                    <tr>
                        <th scope="col">{NAME.get(lang)}</th>
                        <th scope="col">{VALUE.get(lang)}</th>
                        <th scope="col">{KIND.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let finding_list = |source: &str, title: &'static Bilingual| {
        let items = view
            .findings
            .iter()
            .filter(|finding| finding.source == source)
            .map(|finding| {
                let code = finding
                    .server_code
                    .clone()
                    .map(|code| view! { <code class="code-badge">{code}</code> " " });
                let field = finding
                    .field
                    .clone()
                    .map(|field| view! { <code>{field}</code> " " });
                view! {
                    <li data-testid="doctor-finding" data-id=finding.id.clone()>
                        {code}
                        {field}
                        {finding.message.get(lang).to_owned()}
                    </li>
                }
            })
            .collect::<Vec<_>>();
        (!items.is_empty()).then(|| {
            view! {
                <h3>{title.get(lang)}</h3>
                <ul class="doctor-list">{items}</ul>
            }
        })
    };
    view! {
        {mistakes}
        <h3>{SIGNS.get(lang)}</h3>
        <dl class="pairs">
            <dt>{PROVIDED.get(lang)}</dt>
            {sign(&view.provided_sign, &NONE, "doctor-provided-sign")}
            <dt>{EXPECTED.get(lang)}</dt>
            {sign(&view.expected_sign, &NEEDS_SECRET, "doctor-expected-sign")}
        </dl>
        {string_to_sign}
        {difference}
        <h3>{SEES.get(lang)}</h3>
        {sees}
        {finding_list("capture", &FINDINGS)}
        {finding_list("validation", &NEXT)}
    }
    .into_any()
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
