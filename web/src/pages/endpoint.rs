//! The one generic page: it renders any [`EndpointDescription`] — header, credentials,
//! parameters, inspector, send bar, reply, history — and derives everything from the
//! signals with memos calling the pure model.

use crate::app::AppState;
use crate::components::credentials::CredentialsPanel;
use crate::components::field::ParamField;
use crate::components::history::History;
use crate::components::inspector::Inspector;
use crate::components::reply::ReplyPanel;
use crate::components::send_panel::SendPanel;
use crate::i18n::{self, tr};
use crate::model::{self, example_credentials, Draft, Edge, Slot};
use leptos::prelude::*;
use signkit::endpoint::describe;
use signkit::{Api, Encoding};

/// The page of `api`.
#[component]
pub fn EndpointPage(api: Api) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let description = describe(api);
    let draft = app.draft(api);
    let encoding = app.encoding(api);

    let edge = Memo::new(move |_| Edge {
        now_unix: app.now.get(),
        boundary_seed: app.boundary_seed.get(),
    });
    let findings = Memo::new(move |_| {
        draft.with(|draft| {
            app.credentials
                .with(|credentials| model::findings(api, draft, credentials, &edge.get()))
        })
    });
    let prepared = Memo::new(move |_| {
        draft.with(|draft| {
            app.credentials.with(|credentials| {
                model::prepare(api, draft, credentials, &edge.get(), encoding.get())
            })
        })
    });
    let blockers = Memo::new(move |_| {
        findings.with(|findings| {
            prepared.with(|prepared| {
                app.credentials.with(|credentials| {
                    model::blockers(
                        api,
                        findings,
                        credentials,
                        prepared,
                        app.target.get(),
                        &app.custom_base.get(),
                    )
                })
            })
        })
    });

    let load_example = move |_| {
        draft.set(Draft::example(description));
        app.credentials.update(|credentials| {
            for (slot, value) in example_credentials(api) {
                if credentials.get(slot).is_empty() {
                    credentials.set(slot, value.to_owned());
                }
            }
        });
    };
    let clear = move |_| draft.set(Draft::new(description));

    let fields = description
        .params
        .iter()
        .filter(|param| Slot::for_param(api, param).is_none())
        .map(|param| {
            let name = param.name;
            let finding = Signal::derive(move || {
                findings.with(|findings| findings.iter().find(|f| f.field == name).cloned())
            });
            view! { <ParamField api param draft finding /> }
        })
        .collect_view();

    let encoding_choice = api.accepts_multipart().then(|| {
        let default = api.default_encoding();
        let option = move |choice: Encoding| {
            view! {
                <option
                    value=choice.name()
                    prop:selected=move || encoding.get().or(default) == Some(choice)
                >
                    {choice.name()}
                </option>
            }
        };
        view! {
            <label class="inline-field">
                <span>{tr(lang, &i18n::ENCODING)}</span>
                <select
                    class="input"
                    data-testid="encoding"
                    on:change=move |ev| encoding.set(Encoding::from_name(&event_target_value(&ev)))
                >
                    {option(Encoding::FormUrlencoded)}
                    {option(Encoding::Multipart)}
                </select>
            </label>
        }
    });

    view! {
        <div class="page" data-api=api.name()>
            <section class="page-head">
                <div class="page-title">
                    <h1>{tr(lang, &description.title)}</h1>
                    <p class="endpoint-line">
                        <span class="method">{description.method}</span>
                        <code>{description.path}</code>
                    </p>
                    <p class="summary">{tr(lang, &description.summary)}</p>
                </div>
                <div class="page-actions">
                    <button
                        type="button"
                        class="btn"
                        data-testid="load-example"
                        title=tr(lang, &i18n::LOAD_EXAMPLE_HINT)
                        on:click=load_example
                    >
                        {tr(lang, &i18n::LOAD_EXAMPLE)}
                    </button>
                    <button type="button" class="btn subtle" data-testid="clear-form" on:click=clear>
                        {tr(lang, &i18n::CLEAR_FORM)}
                    </button>
                    {encoding_choice}
                </div>
            </section>
            <div class="columns">
                <div class="column">
                    <CredentialsPanel api findings />
                    <section class="card" aria-labelledby="params-title">
                        <div class="card-head">
                            <h2 id="params-title">{tr(lang, &i18n::PARAMETERS)}</h2>
                        </div>
                        <form class="fields" on:submit=|ev| ev.prevent_default()>
                            {fields}
                        </form>
                    </section>
                </div>
                <div class="column">
                    <SendPanel api prepared blockers />
                    <ReplyPanel api />
                    <Inspector prepared />
                    <History />
                </div>
            </div>
        </div>
    }
}
