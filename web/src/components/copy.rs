//! A copy-to-clipboard button with feedback.

use crate::app::AppState;
use crate::browser;
use crate::i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use signkit::Bilingual;
use std::time::Duration;

/// What the button last did.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Idle,
    Done,
    Failed,
}

/// Copies `text()` when pressed; says "Copied" (or how to copy by hand) for a moment.
#[component]
pub fn CopyButton(
    /// The text to copy, read when the button is pressed.
    text: Signal<String>,
    /// The button's label.
    #[prop(default = &i18n::COPY)]
    label: &'static Bilingual,
    /// The test hook, if any.
    #[prop(optional_no_strip)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let state = RwSignal::new(Copied::Idle);
    let copy = move |_| {
        let content = text.get_untracked();
        spawn_local(async move {
            let copied = browser::copy_text(&content).await;
            state.set(if copied { Copied::Done } else { Copied::Failed });
            set_timeout(move || state.set(Copied::Idle), Duration::from_millis(1800));
        });
    };
    view! {
        <button type="button" class="btn small" data-testid=testid on:click=copy>
            {move || match state.get() {
                Copied::Idle => label.get(lang.get()),
                Copied::Done => i18n::COPIED.get(lang.get()),
                Copied::Failed => i18n::COPY_FAILED.get(lang.get()),
            }}
        </button>
    }
}
