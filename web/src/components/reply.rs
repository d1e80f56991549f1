//! The decoded reply (spec §7): success as a result, failure as meaning and remedy in the
//! current language, the raw reply one click away, and — for a sandbox — the outbound calls
//! the real server would have made (spec §10.5).

use crate::app::AppState;
use crate::browser;
use crate::i18n::{self, tr};
use crate::send::{Attempt, Exchange, Failure, TIMEOUT_SECONDS};
use leptos::prelude::*;
use signkit::reply::{Outcome, Reply};
use signkit::sandbox::state::{OutboundCall, OutboundRecord};
use signkit::Lang;

/// The reply panel of `api`'s page: its latest attempt.
#[component]
pub fn ReplyPanel(api: signkit::Api) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let latest = Memo::new(move |_| {
        app.history.with(|history| {
            history
                .iter()
                .rev()
                .find(|attempt| attempt.api == api)
                .cloned()
        })
    });
    view! {
        <section class="card reply-card" aria-labelledby="reply-title">
            <div class="card-head">
                <h2 id="reply-title">{tr(lang, &i18n::REPLY)}</h2>
            </div>
            // The verdict in one short sentence for screen readers (a live region that is
            // always there, so each new reply is announced).
            <p class="sr" role="status" data-testid="reply-announce">
                {move || latest.with(|attempt| attempt.as_ref().map(|attempt| announcement(attempt, lang.get())))}
            </p>
            {move || match latest.get() {
                Some(attempt) => view! { <AttemptView attempt /> }.into_any(),
                None => view! { <p class="hint">{tr(lang, &i18n::NO_REPLY)}</p> }.into_any(),
            }}
        </section>
    }
}

/// "Reply 2: Success, 0" — the attempt's number (so a repeated verdict is announced again),
/// the verdict and the code, or why there is no answer.
fn announcement(attempt: &Attempt, lang: Lang) -> String {
    let verdict = match (&attempt.outcome, &attempt.reply) {
        (Err(failure), _) => {
            format!(
                "{}, {}",
                i18n::FAILURE.get(lang),
                failure_text(failure, lang)
            )
        }
        (Ok(_), Some(reply)) if reply.ok => String::from(i18n::SUCCESS.get(lang)),
        (Ok(exchange), reply) => {
            let unrecognised = reply
                .as_ref()
                .is_none_or(|r| matches!(r.outcome, Outcome::Unrecognised { .. }));
            let verdict = if unrecognised {
                &i18n::UNRECOGNISED
            } else {
                &i18n::FAILURE
            };
            format!(
                "{}, {} {}",
                verdict.get(lang),
                i18n::HTTP_STATUS.get(lang),
                exchange.status
            )
        }
    };
    let code = attempt
        .reply
        .as_ref()
        .and_then(|reply| reply.code.clone())
        .map(|code| format!(", {code}"))
        .unwrap_or_default();
    format!("{} {}: {verdict}{code}", i18n::REPLY.get(lang), attempt.id)
}

/// One attempt: the decoded reply or why there is none, then the outbound calls.
#[component]
pub fn AttemptView(attempt: Attempt) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    match attempt.outcome {
        Ok(exchange) => {
            let reply = attempt.reply;
            let code = reply.as_ref().and_then(|reply| reply.code.as_deref());
            let diagnose = crate::model::doctor::offers_diagnosis(attempt.target, code)
                .then(|| crate::model::doctor::capture_of(&attempt.request));
            view! { <ExchangeView exchange reply diagnose /> }.into_any()
        }
        Err(failure) => view! {
            <div class="reply failed" data-testid="reply" data-ok="false">
                <p class="reply-line">
                    <span class="badge error">{tr(lang, &i18n::FAILURE)}</span>
                    <code class="reply-code" data-testid="reply-code">"—"</code>
                </p>
                <p class="notice error" data-testid="send-failure">
                    {move || failure_text(&failure, lang.get())}
                </p>
            </div>
        }
        .into_any(),
    }
}

/// Plain words for a request without an answer.
fn failure_text(failure: &Failure, lang: Lang) -> String {
    match failure {
        Failure::Network { url, detail } => i18n::network_failure(lang, url, detail),
        Failure::Timeout { url } => i18n::timed_out(lang, url, TIMEOUT_SECONDS),
        Failure::Cancelled => i18n::CANCELLED.get(lang).to_owned(),
        Failure::SandboxUnavailable { detail } => i18n::sandbox_unavailable(lang, detail),
    }
}

/// An answer and its decoding.
#[component]
fn ExchangeView(
    exchange: Exchange,
    reply: Option<Reply>,
    /// The request as raw HTTP, when the reply offers "Diagnose this request".
    diagnose: Option<String>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let reply = StoredValue::new(reply);
    let ok = reply.with_value(|r| r.as_ref().is_some_and(|r| r.ok));
    let unrecognised = reply.with_value(|r| {
        r.as_ref()
            .is_none_or(|r| matches!(r.outcome, Outcome::Unrecognised { .. }))
    });
    let code = reply.with_value(|r| r.as_ref().and_then(|r| r.code.clone()));
    let proxy_missing = exchange.status == 404
        && unrecognised
        && exchange
            .url
            .as_deref()
            .is_some_and(|url| url.starts_with("/proxy/"));
    // Trunk's proxy answers 500 with an empty body when its backend refuses the connection.
    let proxy_backend_down = exchange.status >= 500
        && unrecognised
        && exchange.body.trim().is_empty()
        && exchange
            .url
            .as_deref()
            .is_some_and(|url| url.starts_with("/proxy/"));
    let url = exchange.url.clone().unwrap_or_default();
    let backend_url = url.clone();
    let badge = move || {
        let (class, text) = if ok {
            ("badge ok", &i18n::SUCCESS)
        } else if unrecognised {
            ("badge warn", &i18n::UNRECOGNISED)
        } else {
            ("badge error", &i18n::FAILURE)
        };
        view! { <span class=class>{tr(lang, text)}</span> }
    };
    let details = move || {
        let lang = lang.get();
        reply.with_value(|reply| reply.as_ref().map(|reply| reply_details(reply, lang)))
    };
    let outbound = exchange.outbound.clone();
    let has_outbound_view = outbound.is_some() || exchange.url.as_deref().is_none();
    view! {
        <div class="reply" class:ok=ok data-testid="reply" data-ok=ok.to_string()>
            <p class="reply-line">
                {badge}
                <code class="reply-code" data-testid="reply-code">{code.unwrap_or_else(|| String::from("—"))}</code>
                <span class="muted small">
                    {tr(lang, &i18n::HTTP_STATUS)} " " {exchange.status}
                </span>
            </p>
            {details}
            {diagnose.map(|capture| view! { <crate::pages::doctor::DiagnoseLink capture /> })}
            {proxy_missing.then(|| view! {
                <p class="notice error">{move || i18n::proxy_missing(lang.get(), &url)}</p>
            })}
            {proxy_backend_down.then(|| view! {
                <p class="notice error" data-testid="proxy-backend-down">
                    {move || i18n::proxy_backend_down(lang.get(), &backend_url)}
                </p>
            })}
            {exchange.storage_failed.then(|| view! {
                <p class="notice warn">{move || i18n::storage_failure(lang.get())}</p>
            })}
            <details class="raw">
                <summary>{tr(lang, &i18n::RAW_REPLY)}</summary>
                <p class="muted small">
                    {exchange.content_type.clone().unwrap_or_default()}
                </p>
                <pre class="code" data-testid="raw-reply">{exchange.body.clone()}</pre>
            </details>
        </div>
        {has_outbound_view.then(|| view! { <OutboundView records=outbound /> })}
    }
}

/// The structured result, meaning and remedy of a decoded reply.
fn reply_details(reply: &Reply, lang: Lang) -> AnyView {
    let result = match &reply.outcome {
        Outcome::GroupCreated { group_id } => Some(
            view! {
                <dl class="pairs result">
                    <dt>{i18n::NEW_GROUP_ID.get(lang)}</dt>
                    <dd><code data-testid="result-group-id">{group_id.clone()}</code></dd>
                </dl>
            }
            .into_any(),
        ),
        Outcome::Invited { count } => Some(
            view! {
                <dl class="pairs result">
                    <dt>{i18n::INVITATIONS_SENT.get(lang)}</dt>
                    <dd><strong data-testid="result-count">{*count}</strong></dd>
                </dl>
            }
            .into_any(),
        ),
        Outcome::MeetingInvited { request_id } => Some(
            view! {
                <dl class="pairs result">
                    <dt>{i18n::REQUEST_ID.get(lang)}</dt>
                    <dd><code data-testid="result-request-id">{request_id.clone()}</code></dd>
                </dl>
            }
            .into_any(),
        ),
        Outcome::Verified { applicants } => {
            let rows = applicants
                .iter()
                .map(|applicant| {
                    view! {
                        <tr>
                            <td><code>{applicant.account_id.clone()}</code></td>
                            <td class="num">{applicant.status}</td>
                            <td>{applicant.meaning().get(lang).to_owned()}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <table class="table result" data-testid="result-applicants">
                        <thead>
                            <tr>
                                <th scope="col">{i18n::APPLICANT.get(lang)}</th>
                                <th scope="col">{i18n::STATUS.get(lang)}</th>
                                <th scope="col">{i18n::MEANING.get(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any(),
            )
        }
        Outcome::Failed {
            detail: Some(detail),
            ..
        } => Some(
            view! {
                <dl class="pairs">
                    <dt>{i18n::SERVER_TEXT.get(lang)}</dt>
                    <dd><code>{detail.clone()}</code></dd>
                </dl>
            }
            .into_any(),
        ),
        // The meaning already states the reason; repeat it only if the core ever says more.
        Outcome::Unrecognised { reason } if *reason != reply.meaning => Some(
            view! {
                <p class="notice warn">{reason.get(lang).to_owned()}</p>
            }
            .into_any(),
        ),
        Outcome::ChannelApplied
        | Outcome::Ok
        | Outcome::Failed { detail: None, .. }
        | Outcome::Unrecognised { .. } => None,
    };
    let field = reply.field.clone().map(|field| {
        let target = field.clone();
        view! {
            <dl class="pairs">
                <dt>{i18n::BLAMED_FIELD.get(lang)}</dt>
                <dd>
                    <button type="button" class="link" on:click=move |_| browser::focus_param(&target)>
                        <code>{field}</code> " · " {i18n::GO_TO_FIELD.get(lang)}
                    </button>
                </dd>
            </dl>
        }
    });
    let remedy = reply.remedy.get(lang);
    let remedy = (!remedy.is_empty()).then(|| {
        view! {
            <p class="remedy" data-testid="reply-remedy">
                <strong>{i18n::REMEDY.get(lang)}": "</strong>
                {remedy.to_owned()}
            </p>
        }
    });
    let note = reply
        .note
        .as_ref()
        .map(|note| view! { <p class="hint">{note.get(lang).to_owned()}</p> });
    view! {
        <p class="meaning" data-testid="reply-meaning">{reply.meaning.get(lang).to_owned()}</p>
        {result}
        {field}
        {remedy}
        {note}
    }
    .into_any()
}

/// The outbound calls a sandbox recorded for this request.
#[component]
fn OutboundView(records: Option<Vec<OutboundRecord>>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let body = move || {
        let lang = lang.get();
        match &records {
            None => view! { <p class="hint">{i18n::OUTBOUND_UNKNOWN.get(lang)}</p> }.into_any(),
            Some(records) if records.is_empty() => {
                view! { <p class="hint">{i18n::OUTBOUND_NONE.get(lang)}</p> }.into_any()
            }
            Some(records) => records
                .iter()
                .map(|record| outbound_record(record, lang))
                .collect_view()
                .into_any(),
        }
    };
    view! {
        <div class="outbound" data-testid="outbound">
            <h3>{tr(lang, &i18n::OUTBOUND)}</h3>
            <p class="hint">{tr(lang, &i18n::OUTBOUND_HINT)}</p>
            {body}
        </div>
    }
}

/// One recorded outbound call.
fn outbound_record(record: &OutboundRecord, lang: Lang) -> AnyView {
    let stamp = format!("#{} · {} (UTC+8)", record.seq, record.at);
    match &record.call {
        OutboundCall::VerifyCallback {
            url,
            request_line,
            host_header,
            sent,
            ..
        } => {
            let (class, state) = if *sent {
                ("badge ok", i18n::DELIVERED.get(lang))
            } else {
                ("badge warn", i18n::NOT_CONNECTED.get(lang))
            };
            view! {
                <div class="outbound-item" data-kind="verifyCallback">
                    <p class="reply-line">
                        <strong>{i18n::VERIFY_CALLBACK.get(lang)}</strong>
                        <span class=class>{state}</span>
                        <span class="muted small">{stamp}</span>
                    </p>
                    <p class="small"><code>{url.clone()}</code></p>
                    <pre class="code">{format!("{request_line}\r\nHost: {host_header}\r\n")}</pre>
                </div>
            }
            .into_any()
        }
        OutboundCall::WeiboSend {
            sender,
            receiver,
            multimedia_url,
            callback_url,
            ok,
            detail,
            ..
        } => {
            let (class, state) = if *ok {
                ("badge ok", i18n::DELIVERED.get(lang))
            } else {
                ("badge error", i18n::NOT_DELIVERED.get(lang))
            };
            view! {
                <div class="outbound-item" data-kind="weiboSend">
                    <p class="reply-line">
                        <strong>{i18n::WEIBO_SEND.get(lang)}</strong>
                        <code>{sender.clone()}" → "{receiver.clone()}</code>
                        <span class=class>{state}</span>
                        <span class="muted small">{stamp}</span>
                    </p>
                    {detail.clone().map(|detail| view! { <p class="small"><code>{detail}</code></p> })}
                    <dl class="pairs small">
                        <dt>"multimediaURL"</dt>
                        <dd><code>{multimedia_url.clone()}</code></dd>
                        <dt>"callbackURL"</dt>
                        <dd><code>{callback_url.clone()}</code></dd>
                    </dl>
                </div>
            }
            .into_any()
        }
    }
}
