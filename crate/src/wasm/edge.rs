//! The clock and the random source: the only places where time and randomness enter
//! signkit. Callers can pass both in instead (`clock`, `timestamp`, `seed`).

/// The current time in Unix seconds (`Date.now()`).
#[cfg(feature = "full")]
pub(super) fn now_unix() -> i64 {
    // Date.now() is a whole number of milliseconds well inside i64.
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// A fresh seed for a generated multipart boundary, from `crypto.getRandomValues` when the
/// host has Web Crypto, otherwise from `Math.random` (see `random32` in `glue.js`). It only
/// has to make a boundary collision unlikely, not be secret.
pub(super) fn random_seed() -> u64 {
    (u64::from(super::glue::random32()) << 32) | u64::from(super::glue::random32())
}
