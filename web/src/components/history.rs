//! This session's requests, newest first; each opens to the exact request and reply.

use crate::app::AppState;
use crate::i18n::{self, tr};
use crate::send::Attempt;
use leptos::prelude::*;
use signkit::Lang;

/// A one-line result: the reply code and whether it means success, or the failure kind.
fn summary(attempt: &Attempt, lang: Lang) -> String {
    match (&attempt.outcome, &attempt.reply) {
        (Ok(_), Some(reply)) => reply.summary(lang),
        (Ok(exchange), None) => format!("HTTP {}", exchange.status),
        (Err(_), _) => String::from(i18n::FAILURE.get(lang)),
    }
}

/// The history card.
#[component]
pub fn History() -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let items = move || {
        let lang = lang.get();
        app.history.with(|history| {
            if history.is_empty() {
                return view! { <p class="hint">{i18n::HISTORY_EMPTY.get(lang)}</p> }.into_any();
            }
            history
                .iter()
                .rev()
                .map(|attempt| {
                    let ok = attempt.reply.as_ref().is_some_and(|reply| reply.ok);
                    let reply_body = attempt
                        .outcome
                        .as_ref()
                        .map(|exchange| exchange.body.clone())
                        .unwrap_or_default();
                    view! {
                        <details class="history-item" class:ok=ok>
                            <summary>
                                <span class="muted">"#"{attempt.id} " " {attempt.at.clone()}</span>
                                " "
                                <code>{attempt.api.name()}</code>
                                <span class="arrow" aria-hidden="true"></span>
                                <span>{attempt.target.code()}</span>
                                <span class="history-summary">{summary(attempt, lang)}</span>
                            </summary>
                            <h4>{i18n::RAW_REQUEST.get(lang)}</h4>
                            <pre class="code">{attempt.request.to_string()}</pre>
                            <h4>{i18n::RAW_REPLY.get(lang)}</h4>
                            <pre class="code">{reply_body}</pre>
                        </details>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="card" aria-labelledby="history-title">
            <div class="card-head">
                <h2 id="history-title">{tr(lang, &i18n::HISTORY)}</h2>
            </div>
            <div class="history" data-testid="history">{items}</div>
        </section>
    }
}
