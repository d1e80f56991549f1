//! The clock and the random source: the only places where time and randomness enter
//! signkit. Callers can pass both in instead (`clock`, `timestamp`, `seed`).

use js_sys::{Function, Math, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// The current time in Unix seconds (`Date.now()`).
#[cfg(feature = "full")]
pub(super) fn now_unix() -> i64 {
    // Date.now() is a whole number of milliseconds well inside i64.
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// A fresh seed for a generated multipart boundary: from `crypto.getRandomValues` when the
/// host has Web Crypto (browsers, workers, Node ≥ 19), otherwise from `Math.random`.
/// It only has to make a boundary collision unlikely, not be secret.
pub(super) fn random_seed() -> u64 {
    crypto_seed().unwrap_or_else(math_random_seed)
}

fn crypto_seed() -> Option<u64> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok()?;
    let get_random_values: Function = Reflect::get(&crypto, &JsValue::from_str("getRandomValues"))
        .ok()?
        .dyn_into()
        .ok()?;
    let bytes = Uint8Array::new_with_length(8);
    get_random_values.call1(&crypto, &bytes).ok()?;
    let mut seed = [0u8; 8];
    bytes.copy_to(&mut seed);
    Some(u64::from_le_bytes(seed))
}

fn math_random_seed() -> u64 {
    // Math.random() is in [0, 1): each draw gives 32 bits.
    let draw = || (Math::random() * 4_294_967_296.0) as u64;
    (draw() << 32) | draw()
}
