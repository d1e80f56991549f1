//! The browser edge that is not sending: clock, randomness, storage, clipboard, language.
//!
//! Only effects and event handlers call these; memos never do, so everything derived stays a
//! pure function of the signals. Failures degrade quietly (a private window without storage
//! still works, only without remembering).

use signkit::Lang;
use wasm_bindgen::JsCast;

/// The `localStorage` key of the in-browser sandbox's state document.
pub const SANDBOX_STATE_KEY: &str = "signkit.sandbox.state";
/// The `localStorage` key of the chosen language.
pub const LANG_KEY: &str = "signkit.lang";
/// The `localStorage` key of the chosen target (kind and custom base URL; never a secret).
pub const TARGET_KEY: &str = "signkit.target";
/// The `sessionStorage` key of remembered credentials ("remember in this tab").
pub const CREDENTIALS_KEY: &str = "signkit.credentials";

/// "Now" in Unix seconds, from the browser's clock.
pub fn now_unix() -> i64 {
    // Milliseconds since the epoch fit an f64 exactly; seconds fit an i64.
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// The local wall-clock time `HH:MM:SS`, for the history.
pub fn local_time() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// 64 random bits from `crypto.getRandomValues` (a multipart boundary seed).
pub fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto (very old browser): a boundary only has to be unlikely in the body,
        // and the builder redraws it on a collision anyway.
        bytes = ((js_sys::Math::random() * 2f64.powi(53)) as u64).to_le_bytes();
    }
    u64::from_le_bytes(bytes)
}

/// Which storage area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Survives the tab (no secrets, ever).
    Local,
    /// Cleared when the tab closes.
    Session,
}

fn storage(area: Area) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match area {
        Area::Local => window.local_storage().ok().flatten(),
        Area::Session => window.session_storage().ok().flatten(),
    }
}

/// The stored value of `key`.
pub fn load(area: Area, key: &str) -> Option<String> {
    storage(area)?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; false when storage is unavailable or full.
pub fn store(area: Area, key: &str, value: &str) -> bool {
    storage(area).is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// Removes `key`.
pub fn forget(area: Area, key: &str) {
    if let Some(storage) = storage(area) {
        let _ = storage.remove_item(key);
    }
}

/// The language the browser prefers, when it is English or Chinese.
pub fn preferred_lang() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let languages = navigator.languages();
    languages
        .iter()
        .filter_map(|language| language.as_string())
        .chain(navigator.language())
        .find_map(|code| Lang::from_code(&code))
}

/// Sets `<html lang>` so screen readers and fonts follow the language switch.
pub fn set_document_lang(lang: Lang) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(element) = element {
        let code = match lang {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        };
        let _ = element.set_attribute("lang", code);
    }
}

/// Sets the document title (the tab and the history list show which endpoint is open).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Scrolls the active endpoint tab into view (on a phone the tabs are one scrollable strip).
pub fn reveal_active_tab() {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(".tab.active").ok().flatten());
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The route part of `location.hash` (`#/createGroup` → `createGroup`).
pub fn hash_route() -> String {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    hash.trim_start_matches('#')
        .trim_start_matches('/')
        .to_owned()
}

/// Copies `text` to the clipboard; false when the browser refuses (no permission, or not a
/// secure context).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Moves the keyboard focus to the input of parameter `name` (from a finding or a reply that
/// blames it) and scrolls it into view.
pub fn focus_param(name: &str) {
    let selector = format!("[data-param=\"{name}\"], [data-testid=\"cred-{name}\"]");
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(&selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        element.scroll_into_view();
        let _ = element.focus();
    }
}
