//! Structured editors kept in sync with a parameter's raw text: the raw text (carrying
//! `data-param`) is the single source of truth, and every edit here rewrites it.
//!
//! * [`ChipEditor`] — comma lists: keyword tags (channelKeyWords) and account IDs
//!   (applyAccountID). Splitting and joining use the ASCII comma only (spec §3.2).
//! * [`PartiesTable`] — YTX participants (name + phone), written back with the core's
//!   [`parties_json`].
//! * [`FlagSwitch`] — a daoke 0/1 flag.

use crate::app::AppState;
use crate::i18n::{self, tr};
use crate::model::{join_items, list_items, read_parties};
use leptos::prelude::*;
use signkit::endpoint::CounterReading;
use signkit::ytx::parties_json;
use signkit::Party;

/// Comma-list chips with an input that adds items (Enter or a comma).
#[component]
pub fn ChipEditor(
    /// The raw comma list.
    value: Signal<String>,
    /// Called with the new raw comma list.
    on_change: Callback<String>,
    /// The parameter's label, for the accessible names.
    label: Signal<String>,
    /// The add input's placeholder.
    placeholder: &'static signkit::Bilingual,
    /// The counter under the chips.
    counter: Signal<String>,
    /// Each item's counter, in item order (tags: the core's
    /// [`ParamDescription::counters`](signkit::endpoint::ParamDescription::counters)); an
    /// item over its limit is marked.
    #[prop(optional)]
    item_counters: Option<Signal<Vec<CounterReading>>>,
    /// The ids of the parameter's status line and help (`aria-describedby`).
    described_by: String,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let pending = RwSignal::new(String::new());
    let add = move || {
        let typed = pending.get_untracked();
        let mut items = list_items(&value.get_untracked());
        items.extend(
            list_items(&typed)
                .into_iter()
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty()),
        );
        on_change.run(join_items(&items));
        pending.set(String::new());
    };
    let remove = move |index: usize| {
        let mut items = list_items(&value.get_untracked());
        if index < items.len() {
            items.remove(index);
        }
        on_change.run(join_items(&items));
    };
    let chips = move || {
        let readings = item_counters.map(|counters| counters.get());
        list_items(&value.get())
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                let reading = readings.as_ref().and_then(|r| r.get(index)).cloned();
                let over = reading.as_ref().is_some_and(|r| r.over);
                let count = reading.map(|r| r.text.get(lang.get()).to_owned());
                let remove_label =
                    format!("{} {}: {item}", i18n::REMOVE.get(lang.get()), label.get());
                view! {
                    <li class="chip" class:over=over>
                        <span class="chip-text">{item}</span>
                        {count.map(|count| view! { <span class="chip-count">{count}</span> })}
                        <button
                            type="button"
                            class="chip-remove"
                            aria-label=remove_label
                            on:click=move |_| remove(index)
                        ></button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="chip-editor">
            <ul class="chips">{chips}</ul>
            <div class="chip-add">
                <input
                    type="text"
                    class="input"
                    autocomplete="off"
                    spellcheck="false"
                    aria-label=move || format!("{} {}", i18n::ADD.get(lang.get()), label.get())
                    aria-describedby=described_by
                    placeholder=tr(lang, placeholder)
                    prop:value=pending
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        let finished = typed.ends_with(',');
                        pending.set(typed);
                        if finished {
                            add();
                        }
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    }
                />
                <button type="button" class="btn small" on:click=move |_| add()>
                    {tr(lang, &i18n::ADD)}
                </button>
            </div>
            <p class="counter">{counter}</p>
        </div>
    }
}

/// The participants table: one row per `{name, phone}`.
#[component]
pub fn PartiesTable(
    /// The raw JSON text.
    value: Signal<String>,
    /// Called with the new JSON text.
    on_change: Callback<String>,
    /// The ids of the parameter's status line and help (`aria-describedby`).
    described_by: String,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let described_by = StoredValue::new(described_by);
    let rows = Memo::new(move |_| read_parties(&value.get()));
    let edit = move |index: usize, update: fn(&mut Party, String), text: String| {
        let mut parties = read_parties(&value.get_untracked()).unwrap_or_default();
        if let Some(party) = parties.get_mut(index) {
            update(party, text);
        }
        on_change.run(parties_json(&parties));
    };
    let add_row = move |_| {
        let mut parties = read_parties(&value.get_untracked()).unwrap_or_default();
        parties.push(Party::default());
        on_change.run(parties_json(&parties));
    };
    let remove_row = move |index: usize| {
        let mut parties = read_parties(&value.get_untracked()).unwrap_or_default();
        if index < parties.len() {
            parties.remove(index);
        }
        on_change.run(parties_json(&parties));
    };
    let cell = move |index: usize,
                     column: &'static signkit::Bilingual,
                     read: fn(&Party) -> String,
                     update: fn(&mut Party, String),
                     inputmode: &'static str| {
        view! {
            <input
                type="text"
                class="input"
                inputmode=inputmode
                autocomplete="off"
                spellcheck="false"
                aria-label=move || format!("{} {}", column.get(lang.get()), index + 1)
                aria-describedby=described_by.get_value()
                prop:value=move || {
                    rows.with(|rows| {
                        rows.as_ref().and_then(|rows| rows.get(index)).map(read).unwrap_or_default()
                    })
                }
                on:input=move |ev| edit(index, update, event_target_value(&ev))
            />
        }
    };
    let table = move || {
        view! {
            <table class="parties">
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{tr(lang, &i18n::PARTY_NAME)}</th>
                        <th scope="col">{tr(lang, &i18n::PARTY_PHONE)}</th>
                        <th scope="col"><span class="sr">{tr(lang, &i18n::REMOVE)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || 0..rows.with(|rows| rows.as_ref().map_or(0, Vec::len))
                        key=|index| *index
                        let(index)
                    >
                        <tr>
                            <td class="num">{index + 1}</td>
                            <td>{cell(index, &i18n::PARTY_NAME, |p| p.name.clone(), |p, text| p.name = text, "text")}</td>
                            <td>{cell(index, &i18n::PARTY_PHONE, |p| p.phone.clone(), |p, text| p.phone = text, "tel")}</td>
                            <td>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    aria-label=move || format!("{} {}", i18n::REMOVE.get(lang.get()), index + 1)
                                    on:click=move |_| remove_row(index)
                                ></button>
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <button type="button" class="btn small" on:click=add_row>
                {tr(lang, &i18n::ADD_PARTY)}
            </button>
        }
    };
    let unreadable = move || {
        view! {
            <p class="hint">{tr(lang, &i18n::PARTIES_UNREADABLE)}</p>
            <button
                type="button"
                class="btn small"
                on:click=move |_| on_change.run(parties_json(&[Party::default()]))
            >
                {tr(lang, &i18n::NEW_TABLE)}
            </button>
        }
    };
    view! {
        <div class="parties-editor">
            <Show when=move || rows.with(Option::is_some) fallback=unreadable>
                {table}
            </Show>
        </div>
    }
}

/// A 0/1 switch for a daoke flag; shows the default while the flag is not sent.
#[component]
pub fn FlagSwitch(
    /// The raw value.
    value: Signal<String>,
    /// Whether the flag is sent.
    sent: Signal<bool>,
    /// The server's default.
    default: Option<&'static str>,
    /// The parameter's label, for the accessible name.
    label: Signal<String>,
    /// Called with `"0"` or `"1"`.
    on_change: Callback<String>,
    /// The ids of the parameter's status line and help (`aria-describedby`).
    described_by: String,
) -> impl IntoView {
    let on = move || {
        if sent.get() {
            value.get() == "1"
        } else {
            default == Some("1")
        }
    };
    view! {
        <label class="switch" class:unsent=move || !sent.get()>
            <input
                type="checkbox"
                role="switch"
                aria-label=label
                aria-describedby=described_by
                prop:checked=on
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    on_change.run(String::from(if checked { "1" } else { "0" }));
                }
            />
            <span class="switch-track" aria-hidden="true"></span>
            <span class="switch-text" aria-hidden="true">{move || if on() { "1" } else { "0" }}</span>
        </label>
    }
}
