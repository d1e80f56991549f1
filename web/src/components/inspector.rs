//! The inspector: what is signed and exactly what is sent — sorted keys, the string to sign
//! (secret redacted), the sign, the body, the raw HTTP request byte for byte, and curl.
//! Nothing shown here can contain a secret: the redaction happens in the core.

use crate::app::AppState;
use crate::components::copy::CopyButton;
use crate::i18n::{self, tr};
use crate::model::{curl_base, PrepareError, Prepared, Signing};
use leptos::prelude::*;

/// The message of a request that cannot be built.
pub fn prepare_error_text(error: &PrepareError, lang: signkit::Lang) -> String {
    match error {
        PrepareError::Build(error) => error.message.get(lang).to_owned(),
        PrepareError::PartiesUnreadable => i18n::PARTIES_NOT_BUILT.get(lang).to_owned(),
    }
}

/// A labelled block of exact text with a copy button.
#[component]
fn Block(
    title: &'static signkit::Bilingual,
    text: Signal<String>,
    testid: &'static str,
    #[prop(optional)] note: Option<&'static signkit::Bilingual>,
    #[prop(optional)] copy_label: Option<&'static signkit::Bilingual>,
    #[prop(optional)] copy_testid: Option<&'static str>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <div class="block">
            <div class="block-head">
                <h3>{tr(lang, title)}</h3>
                <CopyButton text label=copy_label.unwrap_or(&i18n::COPY) testid=copy_testid />
            </div>
            {note.map(|note| view! { <p class="hint">{tr(lang, note)}</p> })}
            <pre class="code" data-testid=testid tabindex="0">{text}</pre>
        </div>
    }
}

/// The inspector for the page's prepared request.
#[component]
pub fn Inspector(prepared: Memo<Result<Prepared, PrepareError>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let ready = move || prepared.with(Result::is_ok);
    let pick = move |read: fn(&Prepared) -> String| {
        Signal::derive(move || prepared.with(|p| p.as_ref().map(read).unwrap_or_default()))
    };
    let signing = move || {
        prepared.with(|prepared| match prepared.as_ref().map(|p| &p.signing) {
            Ok(Signing::Daoke { sorted_keys, .. }) => {
                let keys = sorted_keys
                    .iter()
                    .map(|key| view! { <li><code>{key.clone()}</code></li> })
                    .collect_view();
                view! {
                    <div class="block">
                        <h3>{tr(lang, &i18n::SORTED_KEYS)}</h3>
                        <ol class="keys" data-testid="sorted-keys">{keys}</ol>
                    </div>
                }
                .into_any()
            }
            Ok(Signing::Ytx {
                authorization_plain,
                authorization,
                timestamp,
                ..
            }) => {
                let (plain, header, timestamp) = (
                    authorization_plain.clone(),
                    authorization.clone(),
                    timestamp.clone(),
                );
                view! {
                    <div class="block">
                        <h3>{tr(lang, &i18n::AUTHORIZATION)}</h3>
                        <dl class="pairs">
                            <dt>"timestamp"</dt>
                            <dd><code data-testid="timestamp">{timestamp}</code></dd>
                            <dt>"accountSID|timestamp"</dt>
                            <dd><code>{plain}</code></dd>
                            <dt>"Authorization"</dt>
                            <dd><code data-testid="authorization">{header}</code></dd>
                        </dl>
                    </div>
                }
                .into_any()
            }
            Err(_) => ().into_any(),
        })
    };
    let string_to_sign = pick(|p| match &p.signing {
        Signing::Daoke { string_to_sign, .. } | Signing::Ytx { string_to_sign, .. } => {
            string_to_sign.clone()
        }
    });
    let sign = pick(|p| match &p.signing {
        Signing::Daoke { sign, .. } | Signing::Ytx { sign, .. } => sign.clone(),
    });
    let body = pick(|p| String::from_utf8_lossy(&p.request.body).into_owned());
    let raw = pick(|p| p.request.to_string());
    let curl = Signal::derive(move || {
        let target = app.target.get();
        let custom = app.custom_base.get();
        prepared.with(|p| {
            p.as_ref()
                .map(|p| p.request.to_curl(&curl_base(target, &p.request, &custom)))
                .unwrap_or_default()
        })
    });
    let content_type = pick(|p| p.request.content_type().unwrap_or_default().to_owned());
    let error = move || {
        prepared.with(|p| {
            p.as_ref()
                .err()
                .map(|error| prepare_error_text(error, lang.get()))
        })
    };
    view! {
        <section class="card inspector" aria-labelledby="inspector-title">
            <div class="card-head">
                <h2 id="inspector-title">{tr(lang, &i18n::INSPECTOR)}</h2>
            </div>
            <Show
                when=ready
                fallback=move || view! {
                    // Neutral: an untouched form is calm (the Send panel says what to fix).
                    <p class="notice">{tr(lang, &i18n::NO_REQUEST)} " " {error}</p>
                }
            >
                {signing}
                <Block title=&i18n::STRING_TO_SIGN text=string_to_sign testid="string-to-sign" />
                <div class="block">
                    <div class="block-head">
                        <h3>{tr(lang, &i18n::SIGN)}</h3>
                        <CopyButton text=sign />
                    </div>
                    <code class="sign" data-testid="sign">{sign}</code>
                </div>
                <div class="block">
                    <div class="block-head">
                        <h3>
                            {tr(lang, &i18n::BODY)}
                            " "
                            <code class="muted small">{content_type}</code>
                        </h3>
                        <CopyButton text=body />
                    </div>
                    <pre class="code" data-testid="body" tabindex="0">{body}</pre>
                </div>
                <Block title=&i18n::RAW_REQUEST text=raw testid="raw-request" note=&i18n::HOST_NOTE />
                <Block
                    title=&i18n::CURL
                    text=curl
                    testid="curl"
                    copy_label=&i18n::COPY_CURL
                    copy_testid="copy-curl"
                />
            </Show>
        </section>
    }
}
