//! Target selector, Send / Cancel, the reasons Send is disabled, and "reset sandbox".
//! The Send handler is the only code that starts a request (through `send.rs`).

use crate::app::AppState;
use crate::browser;
use crate::components::inspector::prepare_error_text;
use crate::i18n::{self, tr};
use crate::model::{network_base, Blocker, PrepareError, Prepared, TargetKind, SANDBOX_PROXY};
use crate::send::{self, Attempt, Exchange, Failure, InFlight};
use leptos::prelude::*;
use leptos::task::spawn_local;
use signkit::reply::decode_reply_for;
use signkit::{Api, Bilingual, Lang, PreparedRequest};
use std::rc::Rc;

/// The selector's label for a target kind.
fn target_label(kind: TargetKind) -> &'static Bilingual {
    match kind {
        TargetKind::Browser => &i18n::TARGET_BROWSER,
        TargetKind::HttpSandbox => &i18n::TARGET_HTTP_SANDBOX,
        TargetKind::Vendor => &i18n::TARGET_VENDOR,
        TargetKind::Custom => &i18n::TARGET_CUSTOM,
    }
}

/// The text of one reason not to send.
fn blocker_text(blocker: &Blocker, lang: Lang) -> String {
    match blocker {
        Blocker::Finding(finding) => finding.message.get(lang).to_owned(),
        Blocker::MissingSecret => i18n::MISSING_SECRET.get(lang).to_owned(),
        Blocker::Prepare(error) => prepare_error_text(error, lang),
        Blocker::CustomUrl => i18n::CUSTOM_URL_INVALID.get(lang).to_owned(),
    }
}

/// The parameter a reason is about (a link moves the focus there).
fn blocker_field(blocker: &Blocker) -> Option<String> {
    match blocker {
        Blocker::Finding(finding) => Some(finding.field.clone()),
        Blocker::MissingSecret => Some(String::from("secret")),
        Blocker::Prepare(PrepareError::PartiesUnreadable) => Some(String::from("parties")),
        Blocker::Prepare(PrepareError::Build(error)) => error.field.clone(),
        Blocker::CustomUrl => None,
    }
}

/// Keeps one attempt in the history (decoding its reply, spec §7) and draws a fresh boundary
/// seed for the next request.
fn record(
    app: AppState,
    api: Api,
    target: TargetKind,
    request: PreparedRequest,
    outcome: Result<Exchange, Failure>,
) {
    let reply = outcome
        .as_ref()
        .ok()
        .map(|exchange| decode_reply_for(api, &exchange.body));
    let at = browser::local_time();
    app.history.update(|history| {
        let id = history.len() + 1;
        history.push(Attempt {
            id,
            at,
            api,
            target,
            request,
            outcome,
            reply,
        });
    });
    app.boundary_seed.set(browser::random_u64());
}

/// One request as the send action runs it.
#[derive(Clone)]
struct SendJob {
    request: PreparedRequest,
    target: TargetKind,
    /// For a network target: its base URL and the in-flight abort controller and timeout;
    /// `None` for the in-browser sandbox.
    network: Option<(String, Rc<InFlight>)>,
}

/// The send bar of `api`'s page.
#[component]
pub fn SendPanel(
    /// The endpoint.
    api: Api,
    /// The request the inspector shows.
    prepared: Memo<Result<Prepared, PrepareError>>,
    /// Why it cannot be sent.
    blockers: Memo<Vec<Blocker>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    // Sending: the action's pending state is "sending", its input (while in flight) holds a
    // network request's abort controller for the Cancel button, and the outcome is recorded
    // when the future ends — answered, timed out, cancelled, or the sandbox module unavailable.
    let network = Action::new_local(move |job: &SendJob| {
        let job = job.clone();
        async move {
            let outcome = match &job.network {
                // The in-browser sandbox (its module is loaded on first use).
                None => send::send_in_browser(&job.request).await,
                Some((base, flight)) => {
                    let sandbox_base =
                        (job.target == TargetKind::HttpSandbox).then(|| base.clone());
                    send::send_network(&job.request, base, sandbox_base.as_deref(), flight).await
                }
            };
            record(app, api, job.target, job.request, outcome);
        }
    });
    let sending = network.pending();
    let reset_notice = RwSignal::new(None::<&'static Bilingual>);

    let send = move |_| {
        if sending.get_untracked() {
            return;
        }
        // "Now" is read at the edge when sending; the memos recompute the request from it,
        // and exactly that request (the one the inspector now shows) is sent.
        app.now.set(browser::now_unix());
        if let Some(first) = blockers.with_untracked(|blockers| blockers.first().map(blocker_field))
        {
            // An attempt while blocked: every finding of the page is shown from now on, and the
            // focus goes to the first field to fix.
            let draft = app.draft(api);
            if !draft.with_untracked(|draft| draft.attempted()) {
                draft.update(|draft| draft.attempt());
            }
            if let Some(field) = first {
                browser::focus_param(&field);
            }
            return;
        }
        let Some(request) = prepared.with_untracked(|p| p.as_ref().ok().map(|p| p.request.clone()))
        else {
            return;
        };
        let target = app.target.get_untracked();
        let env = app.credentials.with_untracked(|c| c.ytx_env);
        let custom = app.custom_base.get_untracked();
        reset_notice.set(None);
        let Some(base) = network_base(target, api.vendor(), env, &custom) else {
            network.dispatch_local(SendJob {
                request,
                target,
                network: None,
            });
            return;
        };
        let Some(flight) = InFlight::start().map(Rc::new) else {
            let failure = Failure::Network {
                url: request.url(&base),
                detail: String::from("AbortController is not available"),
            };
            record(app, api, target, request, Err(failure));
            return;
        };
        network.dispatch_local(SendJob {
            request,
            target,
            network: Some((base, flight)),
        });
    };
    let cancel = move |_| {
        network.input().with_untracked(|job| {
            if let Some((_, flight)) = job.as_ref().and_then(|job| job.network.as_ref()) {
                flight.cancel();
            }
        });
    };
    let reset = move |_| match app.target.get_untracked() {
        TargetKind::HttpSandbox => spawn_local(async move {
            let done = send::reset_http_sandbox(SANDBOX_PROXY).await;
            reset_notice.set(Some(if done {
                &i18n::RESET_DONE
            } else {
                &i18n::RESET_FAILED
            }));
        }),
        _ => {
            send::reset_in_browser();
            reset_notice.set(Some(&i18n::RESET_DONE));
        }
    };

    let options = TargetKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <option value=kind.code() prop:selected=move || app.target.get() == kind>
                    {move || target_label(kind).get(lang.get())}
                </option>
            }
        })
        .collect_view();
    let reasons = move || {
        let lang = lang.get();
        blockers.with(|blockers| {
            if blockers.is_empty() {
                return view! { <p class="ready">{i18n::SEND_READY.get(lang)}</p> }.into_any();
            }
            let items = blockers
                .iter()
                .map(|blocker| {
                    let field = blocker_field(blocker);
                    let text = blocker_text(blocker, lang);
                    let link = field.map(|field| {
                        let target = field.clone();
                        view! {
                            <button
                                type="button"
                                class="link"
                                on:click=move |_| browser::focus_param(&target)
                            >
                                <code>{field}</code>
                            </button>
                            ": "
                        }
                    });
                    view! { <li>{link} {text}</li> }
                })
                .collect_view();
            view! {
                <p class="blocked-title">
                    {i18n::SEND_BLOCKED.get(lang)} " (" {i18n::error_count(lang, blockers.len())} ")"
                </p>
                <ul class="blockers">{items}</ul>
            }
            .into_any()
        })
    };
    // A body too large for the server's buffer is a warning: Send stays enabled (spec §3.1).
    let body_warning = move || {
        let lang = lang.get();
        prepared.with(|prepared| {
            let warning = prepared.as_ref().ok()?.body_warning.as_ref()?;
            let text = warning.message.get(lang).to_owned();
            Some(view! { <p class="notice warn" data-testid="body-warning">{text}</p> })
        })
    };
    let is_network = move || app.target.get() != TargetKind::Browser;
    let demo_to_vendor = move || {
        app.target.get() == TargetKind::Vendor
            && app.credentials.with(|c| {
                app.demo.with(|demo| {
                    demo.as_ref()
                        .is_some_and(|demo| c.is_demo(api.vendor(), demo))
                })
            })
    };
    view! {
        <section class="card send-card" aria-labelledby="send-title">
            <div class="card-head">
                <h2 id="send-title">
                    <label for="target">{tr(lang, &i18n::TARGET)}</label>
                </h2>
            </div>
            <div class="send-row">
                <select
                    id="target"
                    class="input"
                    data-testid="target"
                    on:change=move |ev| {
                        if let Some(kind) = TargetKind::from_code(&event_target_value(&ev)) {
                            app.target.set(kind);
                        }
                    }
                >
                    {options}
                </select>
                <Show when=move || app.target.get().is_sandbox()>
                    <button type="button" class="btn" data-testid="reset-sandbox" on:click=reset>
                        {tr(lang, &i18n::RESET_SANDBOX)}
                    </button>
                </Show>
            </div>
            <Show when=move || app.target.get() == TargetKind::Custom>
                <label class="field-label" for="custom-base">{tr(lang, &i18n::CUSTOM_BASE)}</label>
                <input
                    id="custom-base"
                    class="input"
                    type="url"
                    data-testid="custom-base"
                    placeholder="http://127.0.0.1:8787"
                    prop:value=app.custom_base
                    on:input=move |ev| app.custom_base.set(event_target_value(&ev))
                />
            </Show>
            <Show when=is_network>
                <p class="hint">
                    {tr(lang, &i18n::PROXY_NOTE)} " " {tr(lang, &i18n::TIMEOUT_NOTE)}
                </p>
            </Show>
            <Show when=demo_to_vendor>
                <p class="notice warn">{tr(lang, &i18n::DEMO_TO_VENDOR)}</p>
            </Show>
            {body_warning}
            {move || reset_notice.get().map(|notice| view! { <p class="notice" role="status">{notice.get(lang.get())}</p> })}
            <div class="send-actions">
                <button
                    type="button"
                    class="btn primary"
                    data-testid="send"
                    aria-describedby="send-reason"
                    // Blocked, it stays focusable and clickable (aria-disabled, not disabled): a
                    // click shows every finding and moves the focus to the first one.
                    aria-disabled=move || (!blockers.with(Vec::is_empty)).to_string()
                    disabled=move || sending.get()
                    on:click=send
                >
                    <Show when=move || sending.get()>
                        <span class="spinner" aria-hidden="true"></span>
                    </Show>
                    {move || if sending.get() { i18n::SENDING.get(lang.get()) } else { i18n::SEND.get(lang.get()) }}
                </button>
                <Show when=move || sending.get()>
                    <button type="button" class="btn" data-testid="cancel" on:click=cancel>
                        {tr(lang, &i18n::CANCEL)}
                    </button>
                </Show>
            </div>
            <div
                id="send-reason"
                class="send-reason"
                class:attempted=move || app.draft(api).with(|draft| draft.attempted())
                data-testid="send-reason"
                aria-live="polite"
            >
                {reasons}
            </div>
        </section>
    }
}
