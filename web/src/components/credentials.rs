//! The credentials panel: daoke appKey + secret, or YTX accountSID, authToken, appid, version
//! and platform. Secret inputs are masked with a reveal toggle; nothing here is written to
//! storage except by the explicit "remember in this tab" (sessionStorage, see `app.rs`).

use crate::app::AppState;
use crate::components::status::FindingStatus;
use crate::i18n::{self, tr};
use crate::model::Slot;
use leptos::prelude::*;
use signkit::validate::Finding;
use signkit::{Api, YtxEnvironment};

/// The panel for `api`'s vendor; `findings` are the page's (credential parameters are
/// validated like any other).
#[component]
pub fn CredentialsPanel(api: Api, findings: Memo<Vec<Finding>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let credentials = app.credentials;
    let vendor = api.vendor();
    let demo = app.demo;
    let demo_in_use = move || {
        credentials.with(|current| {
            demo.with(|demo| {
                demo.as_ref()
                    .is_some_and(|demo| current.is_demo(vendor, demo))
            })
        })
    };
    let use_demo = move |_| {
        app.with_demo(move |demo| {
            credentials.update(|current| {
                // Both vendors at once: one click and every page works against the sandbox.
                for slot in Slot::of(signkit::Vendor::Daoke)
                    .iter()
                    .chain(Slot::of(signkit::Vendor::Ytx))
                {
                    current.set(*slot, demo.get(*slot).to_owned());
                }
                current.ytx_env = demo.ytx_env;
            });
        });
    };
    let rows = Slot::of(vendor)
        .iter()
        .map(|slot| view! { <CredentialInput api which=*slot findings /> })
        .collect_view();
    let environment = (vendor == signkit::Vendor::Ytx).then(|| {
        let choice = move |env: YtxEnvironment, text: &'static signkit::Bilingual| {
            view! {
                <label class="radio">
                    <input
                        type="radio"
                        name="ytx-env"
                        value=env.name()
                        data-testid=format!("cred-env-{}", env.name())
                        prop:checked=move || credentials.with(|c| c.ytx_env == env)
                        on:change=move |_| credentials.update(|c| c.ytx_env = env)
                    />
                    <span>{tr(lang, text)}</span>
                </label>
            }
        };
        view! {
            <fieldset class="cred-env">
                <legend>{tr(lang, &i18n::YTX_ENV)}</legend>
                {choice(YtxEnvironment::Sandbox, &i18n::ENV_SANDBOX)}
                {choice(YtxEnvironment::Production, &i18n::ENV_PRODUCTION)}
            </fieldset>
        }
    });
    view! {
        <section class="card" aria-labelledby="credentials-title">
            <div class="card-head">
                <h2 id="credentials-title">{tr(lang, &i18n::CREDENTIALS)}</h2>
                <Show when=demo_in_use>
                    <span class="badge demo">{tr(lang, &i18n::DEMO_BADGE)}</span>
                </Show>
            </div>
            <p class="hint">{tr(lang, &i18n::CREDENTIALS_HINT)}</p>
            <div class="demo-row">
                <button type="button" class="btn" data-testid="use-demo" on:click=use_demo>
                    {tr(lang, &i18n::USE_DEMO)}
                </button>
                <span class="hint">{tr(lang, &i18n::USE_DEMO_HINT)}</span>
            </div>
            {rows}
            {environment}
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="remember"
                    prop:checked=app.remember
                    on:change=move |ev| app.remember.set(event_target_checked(&ev))
                />
                <span>{tr(lang, &i18n::REMEMBER)}</span>
            </label>
            <p class="hint">{tr(lang, &i18n::REMEMBER_HINT)}</p>
        </section>
    }
}

/// One credential: label, (masked) input, reveal toggle, status and counter.
#[component]
fn CredentialInput(api: Api, which: Slot, findings: Memo<Vec<Finding>>) -> impl IntoView {
    let slot = which;
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let credentials = app.credentials;
    let param = slot.param(api);
    let id = format!("cred-{}", slot.name());
    let status_id = format!("{id}-status");
    let revealed = RwSignal::new(false);
    let value = Signal::derive(move || credentials.with(|c| c.get(slot).to_owned()));
    let label = move || match param {
        Some(param) => param.label.get(lang.get()).to_owned(),
        None => i18n::SECRET_LABEL.get(lang.get()).to_owned(),
    };
    let help = move || match param {
        Some(param) => param.help.get(lang.get()).to_owned(),
        None => i18n::SECRET_HELP.get(lang.get()).to_owned(),
    };
    let finding = Signal::derive(move || {
        param.and_then(|param| {
            findings.with(|findings| findings.iter().find(|f| f.field == param.name).cloned())
        })
    });
    let sent = Signal::derive(move || !value.get().is_empty());
    // Shown once this input was touched (on any page) or a send of this page was attempted.
    let shown = Signal::derive(move || {
        app.touched_slots.with(|touched| touched.contains(&slot))
            || app.draft(api).with(|draft| draft.attempted())
    });
    let touch = move || {
        if !app
            .touched_slots
            .with_untracked(|touched| touched.contains(&slot))
        {
            app.touched_slots.update(|touched| touched.push(slot));
        }
    };
    let reveal = slot.is_secret().then(|| {
        view! {
            <button
                type="button"
                class="btn small reveal"
                aria-controls=id.clone()
                aria-pressed=move || revealed.get().to_string()
                data-testid=format!("reveal-{}", slot.name())
                on:click=move |_| revealed.update(|shown| *shown = !*shown)
            >
                {move || if revealed.get() { i18n::HIDE.get(lang.get()) } else { i18n::REVEAL.get(lang.get()) }}
            </button>
        }
    });
    let counter = param.filter(|param| param.limit.is_some() && !slot.is_secret()).map(|param| {
        let reading = Memo::new(move |_| value.with(|value| param.counters(value).field));
        view! {
            <span class="counter" class:over=move || reading.with(|r| r.as_ref().is_some_and(|r| r.over))>
                {move || reading.with(|r| r.as_ref().map(|r| r.text.get(lang.get()).to_owned()))}
            </span>
        }
    });
    let status = param.map(|param| {
        let builder = param.required == signkit::endpoint::Requirement::BuilderDefault;
        view! { <FindingStatus api finding sent shown default=param.default builder id=status_id.clone() /> }
    });
    view! {
        <div
            class="field cred"
            data-status=move || finding.with(|f| crate::components::status::status_code(f.as_ref(), sent.get(), shown.get()))
            on:focusout=move |_| touch()
        >
            <div class="field-head">
                <label class="field-label" for=id.clone()>{label}</label>
                <code class="pname">{slot.name()}</code>
            </div>
            <div class="field-body inline">
                <input
                    id=id.clone()
                    class="input"
                    type=move || if slot.is_secret() && !revealed.get() { "password" } else { "text" }
                    data-testid=id.clone()
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=param.and_then(|p| p.default.or(p.example)).unwrap_or_default()
                    // The secret has no status line of its own (its blocker is in the Send panel).
                    aria-describedby=param.map(|_| status_id.clone())
                    aria-invalid=move || {
                        (shown.get()
                            && finding.with(|f| {
                                f.as_ref()
                                    .is_some_and(|f| f.severity == signkit::rules::Severity::Error)
                            }))
                        .to_string()
                    }
                    prop:value=value
                    on:input=move |ev| {
                        touch();
                        credentials.update(|c| c.set(slot, event_target_value(&ev)));
                    }
                />
                {reveal}
            </div>
            <div class="field-foot">{status} {counter}</div>
            <details class="help">
                <summary>{tr(lang, &i18n::ABOUT)}</summary>
                <p>{help}</p>
            </details>
        </div>
    }
}
