//! One form field rendered from a [`ParamDescription`]: label, the raw input (which carries
//! `data-param`), a structured editor where the kind calls for one, the "send" switch of an
//! optional parameter, a live counter where the limit is counted, and the status line.

use crate::app::AppState;
use crate::components::editors::{ChipEditor, FlagSwitch, PartiesTable};
use crate::components::status::FindingStatus;
use crate::i18n::{self, tr};
use crate::model::Draft;
use leptos::prelude::*;
use signkit::endpoint::{ParamDescription, ParamKind, Requirement};
use signkit::rules::Severity;
use signkit::validate::Finding;
use signkit::ytx::timestamp_at;
use signkit::Api;

/// The label of a requirement.
fn requirement_text(required: Requirement) -> &'static signkit::Bilingual {
    match required {
        Requirement::Required => &i18n::REQUIRED,
        Requirement::SeedRequired => &i18n::SEED_REQUIRED,
        Requirement::Optional => &i18n::OPTIONAL,
        Requirement::BuilderDefault => &i18n::BUILDER_DEFAULT,
    }
}

/// The `inputmode` that brings up the right phone keyboard.
fn input_mode(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::Digits | ParamKind::Version | ParamKind::Timestamp | ParamKind::Flag => {
            "numeric"
        }
        ParamKind::Url => "url",
        _ => "text",
    }
}

/// The text of `draft`'s entry `name` (empty when absent).
fn entry_value(draft: RwSignal<Draft>, name: &'static str) -> Signal<String> {
    Signal::derive(move || {
        draft.with(|draft| {
            draft
                .entry(name)
                .map(|entry| entry.value.clone())
                .unwrap_or_default()
        })
    })
}

/// A form field for parameter `param` of `api`, editing `draft`: the head (label, requirement,
/// send switch), the raw input with the kind's editor, the status line with the counter, and
/// the help.
#[component]
pub fn ParamField(
    /// The endpoint.
    api: Api,
    /// The parameter.
    param: &'static ParamDescription,
    /// The form.
    draft: RwSignal<Draft>,
    /// The parameter's finding, if any.
    finding: Signal<Option<Finding>>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let name = param.name;
    let id = format!("param-{name}");
    let help_id = format!("{id}-help");
    let status_id = format!("{id}-status");
    // The finding is shown once the field is touched or a send was attempted.
    let shown = Signal::derive(move || draft.with(|draft| draft.shows_finding(name)));
    let sent = Signal::derive(move || {
        draft.with(|draft| draft.entry(name).is_some_and(|entry| entry.sent))
    });
    let invalid = Signal::derive(move || {
        shown.get()
            && finding.with(|finding| {
                finding
                    .as_ref()
                    .is_some_and(|f| f.severity == Severity::Error)
            })
    });
    let builder_default = param.required == Requirement::BuilderDefault;
    // Every input of the field (raw text, chips, switch) points at its finding and help.
    let described_by = format!("{status_id} {help_id}");
    view! {
        <div
            class="field"
            class:unsent=move || !sent.get()
            data-field=name
            data-status=move || finding.with(|f| crate::components::status::status_code(f.as_ref(), sent.get(), shown.get()))
            on:focusout=move |_| {
                if !shown.get_untracked() {
                    draft.update(|draft| draft.touch(name));
                }
            }
        >
            <div class="field-head">
                <label class="field-label" for=id.clone()>{tr(lang, &param.label)}</label>
                <code class="pname">{name}</code>
                <span class="req">{tr(lang, requirement_text(param.required))}</span>
                <span class="spacer"></span>
                {(param.required != Requirement::Required).then(|| view! { <SendToggle param draft sent /> })}
            </div>
            <div class="field-body" class:row=matches!(param.kind, ParamKind::Flag)>
                <RawInput param draft id described_by=described_by.clone() invalid />
                <KindEditor param draft sent described_by />
            </div>
            <div class="field-foot">
                <FindingStatus
                    api
                    finding
                    sent
                    shown
                    default=param.default
                    builder=builder_default
                    id=status_id
                />
                {param.limit.map(|_| view! { <FieldCounter param draft sent /> })}
            </div>
            <details class="help">
                <summary>{tr(lang, &i18n::ABOUT)}</summary>
                <p id=help_id>{tr(lang, &param.help)}</p>
            </details>
        </div>
    }
}

/// The raw text of the parameter (it carries `data-param`): a text area for long texts and
/// participants, a one-line input with the right phone keyboard otherwise.
#[component]
fn RawInput(
    param: &'static ParamDescription,
    draft: RwSignal<Draft>,
    id: String,
    described_by: String,
    invalid: Signal<bool>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let name = param.name;
    let value = entry_value(draft, name);
    let set_value = move |text: String| draft.update(|draft| draft.set_value(name, text));
    let invalid = move || invalid.get().to_string();
    // The timestamp's placeholder is the value the builder will use: "now".
    let placeholder = move || match param.kind {
        ParamKind::Timestamp => timestamp_at(app.now.get()),
        _ => param
            .example
            .or(param.default)
            .unwrap_or_default()
            .to_owned(),
    };
    match param.kind {
        ParamKind::LongText | ParamKind::Parties => view! {
            <textarea
                id=id
                class="input"
                rows=if param.kind == ParamKind::Parties { 3 } else { 2 }
                data-param=name
                spellcheck="false"
                placeholder=placeholder
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=value
                on:input=move |ev| set_value(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
        kind => view! {
            <input
                id=id
                type="text"
                class="input"
                class:narrow=matches!(kind, ParamKind::Flag)
                data-param=name
                inputmode=input_mode(kind)
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=value
                on:input=move |ev| set_value(event_target_value(&ev))
            />
        }
        .into_any(),
    }
}

/// The structured editor the parameter's kind calls for, kept in sync with the raw text:
/// a 0/1 switch, tag or account-ID chips, the participants table, or "use now" for the
/// timestamp; nothing for plain text.
#[component]
fn KindEditor(
    param: &'static ParamDescription,
    draft: RwSignal<Draft>,
    sent: Signal<bool>,
    described_by: String,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let name = param.name;
    let value = entry_value(draft, name);
    let set_value =
        Callback::new(move |text: String| draft.update(|draft| draft.set_value(name, text)));
    let label = Signal::derive(move || param.label.get(lang.get()).to_owned());
    match param.kind {
        ParamKind::Flag => Some(
            view! { <FlagSwitch value sent default=param.default label on_change=set_value described_by /> }
                .into_any(),
        ),
        ParamKind::Tags { .. } => {
            // The core counts the tags and each tag (characters and server units).
            let counters = Memo::new(move |_| value.with(|value| param.counters(value)));
            let counter = Signal::derive(move || {
                counters.with(|c| {
                    c.field
                        .as_ref()
                        .map(|reading| reading.text.get(lang.get()).to_owned())
                        .unwrap_or_default()
                })
            });
            let item_counters = Signal::derive(move || counters.with(|c| c.items.clone()));
            Some(
                view! {
                    <ChipEditor
                        value
                        on_change=set_value
                        label
                        placeholder=&i18n::TAGS_ADD_PLACEHOLDER
                        counter
                        item_counters
                        described_by
                    />
                }
                .into_any(),
            )
        }
        ParamKind::AccountIdList => Some({
            // The core counts the IDs (the same list split as its rules).
            let counter = Signal::derive(move || {
                value.with(|value| {
                    param
                        .counters(value)
                        .field
                        .map(|reading| reading.text.get(lang.get()).to_owned())
                        .unwrap_or_default()
                })
            });
            view! {
                <ChipEditor
                    value
                    on_change=set_value
                    label
                    placeholder=&i18n::IDS_ADD_PLACEHOLDER
                    counter
                    described_by
                />
            }
            .into_any()
        }),
        ParamKind::Parties => Some(view! { <PartiesTable value on_change=set_value described_by /> }.into_any()),
        ParamKind::Timestamp => Some(
            view! {
                <p class="hint now">
                    <span>
                        {tr(lang, &i18n::TIMESTAMP_NOW)}
                        " (UTC+8): "
                        <code>{move || timestamp_at(app.now.get())}</code>
                    </span>
                    <button
                        type="button"
                        class="btn small"
                        on:click=move |_| {
                            app.now.set(crate::browser::now_unix());
                            draft.update(|draft| draft.set_sent(name, false));
                        }
                    >
                        {tr(lang, &i18n::TIMESTAMP_USE_NOW)}
                    </button>
                </p>
            }
            .into_any(),
        ),
        _ => None,
    }
}

/// The "send" (or, for a builder default, "set") switch of a parameter that may be left out.
#[component]
fn SendToggle(
    param: &'static ParamDescription,
    draft: RwSignal<Draft>,
    sent: Signal<bool>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let name = param.name;
    let toggle_text = if param.required == Requirement::BuilderDefault {
        &i18n::SET_PARAM
    } else {
        &i18n::SEND_PARAM
    };
    view! {
        <label class="send-toggle">
            <input
                type="checkbox"
                aria-label=move || format!("{} {name}", toggle_text.get(lang.get()))
                prop:checked=sent
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    draft.update(|draft| draft.set_sent(name, checked));
                }
            />
            <span>{tr(lang, toggle_text)}</span>
        </label>
    }
}

/// The core's counter reading of a limited parameter: the count(s) with their measure.
#[component]
fn FieldCounter(
    param: &'static ParamDescription,
    draft: RwSignal<Draft>,
    sent: Signal<bool>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let value = entry_value(draft, param.name);
    let reading = Memo::new(move |_| value.with(|value| param.counters(value).field));
    view! {
        <span
            class="counter"
            class:hidden=move || !sent.get()
            class:over=move || reading.with(|r| r.as_ref().is_some_and(|r| r.over))
        >
            {move || reading.with(|r| r.as_ref().map(|r| r.text.get(lang.get()).to_owned()))}
        </span>
    }
}
