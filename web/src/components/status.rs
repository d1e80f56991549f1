//! The live status line of one parameter: OK, WARN or ERROR with the core's bilingual
//! message and the server code the value would cause. The icon (✓ ! ✕ –) is drawn by the
//! style sheet from `data-status`: a decoration, not text.

use crate::app::AppState;
use crate::i18n;
use leptos::prelude::*;
use signkit::catalogue;
use signkit::rules::Severity;
use signkit::validate::Finding;
use signkit::Api;

/// `ok`, `warn`, `error`, `unsent` or `untouched` (a finding not shown yet: the field has not
/// been touched and no send was attempted): the `data-status` attribute and the CSS state.
pub fn status_code(finding: Option<&Finding>, sent: bool, shown: bool) -> &'static str {
    match finding.map(|finding| finding.severity) {
        Some(_) if !shown => "untouched",
        Some(Severity::Error) => "error",
        Some(Severity::Warn) => "warn",
        None if sent => "ok",
        None => "unsent",
    }
}

/// The status line under an input.
#[component]
pub fn FindingStatus(
    /// The endpoint (for the server code's meaning).
    api: Api,
    /// The parameter's finding, if any.
    finding: Signal<Option<Finding>>,
    /// Whether the parameter is sent.
    sent: Signal<bool>,
    /// Whether the finding is shown (touched, or a send was attempted).
    shown: Signal<bool>,
    /// The default that applies when it is not sent.
    default: Option<&'static str>,
    /// The builder fills the parameter in when it is not set (rather than leaving it out).
    #[prop(optional)]
    builder: bool,
    /// The element id (inputs point at it with `aria-describedby`).
    id: String,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let line = move || {
        let lang = lang.get();
        match finding.get() {
            Some(_) if !shown.get() => view! {
                <span class="icon" aria-hidden="true"></span>
            }
            .into_any(),
            Some(finding) => {
                let label = match finding.severity {
                    Severity::Error => &i18n::STATUS_ERROR,
                    Severity::Warn => &i18n::STATUS_WARN,
                };
                let code = finding.server_code.map(|code| {
                    let meaning = catalogue::lookup(api.vendor(), code)
                        .map(|entry| entry.meaning_for(Some(api)).get(lang).to_owned())
                        .unwrap_or_default();
                    view! {
                        <span class="code-badge" title=meaning>
                            <span class="sr">{i18n::SERVER_CODE.get(lang)}" "</span>
                            {code}
                        </span>
                    }
                });
                view! {
                    <span class="icon" aria-hidden="true"></span>
                    <span class="sev">{label.get(lang)}</span>
                    {code}
                    <span class="class-tag" title=finding.class.as_str()>
                        {i18n::finding_class(lang, finding.class)}
                    </span>
                    <span class="msg">{finding.message.get(lang).to_owned()}</span>
                }
                .into_any()
            }
            None if sent.get() => view! {
                <span class="icon" aria-hidden="true"></span>
                <span class="sev">{i18n::STATUS_OK.get(lang)}</span>
            }
            .into_any(),
            None => view! {
                <span class="icon" aria-hidden="true"></span>
                <span class="msg">
                    {if builder {
                        i18n::builder_fills(lang, default)
                    } else {
                        i18n::not_sent_default(lang, default)
                    }}
                </span>
            }
            .into_any(),
        }
    };
    view! {
        <div
            class="status"
            id=id
            data-status=move || finding.with(|finding| status_code(finding.as_ref(), sent.get(), shown.get()))
            aria-live="polite"
        >
            {line}
        </div>
    }
}
