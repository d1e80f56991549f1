//! The functions of `glue.js`, the JavaScript half of the edge, and [`Pieces`], the packed
//! form in which results cross into JS.
//!
//! A call from wasm into JS (or back) costs far more than signing a short string, so the
//! signing functions cross once in each direction: their arguments arrive packed into one
//! string by [`join_params`], and their results leave as one string cut into pieces by the
//! `*_result` functions, which build the result object in JS.

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/wasm/glue.js")]
extern "C" {
    /// `name \0 value \0 … \0 secret` when every parameter and the secret is a well-formed
    /// string without NUL and the whole fits `budget` units; `None` when the arguments need
    /// the checking reader. Exceptions from getters and proxies are the error.
    #[wasm_bindgen(catch, js_name = joinParams)]
    pub(super) fn join_params(
        params: &JsValue,
        secret: &JsValue,
        budget: u32,
    ) -> Result<Option<String>, JsValue>;

    /// `{ sign, stringToSign, sortedKeys }` from those pieces in that order.
    #[wasm_bindgen(js_name = daokeResult)]
    pub(super) fn daoke_result(text: &str, ends: &[u32]) -> JsValue;

    /// `{ body, contentType, sign, stringToSign, sortedKeys }` from those pieces in that order.
    #[wasm_bindgen(js_name = formResult)]
    pub(super) fn form_result(text: &str, ends: &[u32]) -> JsValue;

    /// `{ body, contentType, sign, stringToSign, sortedKeys }` from a copy of `body` and the
    /// other pieces in that order.
    #[wasm_bindgen(js_name = multipartResult)]
    pub(super) fn multipart_result(text: &str, ends: &[u32], body: &[u8]) -> JsValue;

    /// `{ sign, authorization, authorizationPlain, stringToSign }` from those pieces.
    #[wasm_bindgen(js_name = ytxResult)]
    pub(super) fn ytx_result(text: &str, ends: &[u32]) -> JsValue;

    /// A random 32-bit integer (Web Crypto, else `Math.random`).
    pub(super) fn random32() -> u32;

    /// A `SignkitError`: an `Error` with `name`, `code`, `field` (`null` when `None`),
    /// `messages: { en, zh }` and, unless `undefined`, `findings`.
    #[wasm_bindgen(js_name = signkitError)]
    pub(super) fn signkit_error(
        code: &str,
        field: Option<&str>,
        en: &str,
        zh: &str,
        findings: &JsValue,
    ) -> JsValue;
}

/// Strings packed for a `*_result` function: one text and the UTF-16 offset where each
/// piece ends, so that a whole result crosses into JS as a single string.
#[derive(Default)]
pub(super) struct Pieces {
    text: String,
    ends: Vec<u32>,
    /// The UTF-16 length of `text`.
    units: u32,
}

impl Pieces {
    /// Appends a piece.
    pub(super) fn push(&mut self, piece: &str) {
        self.text.push_str(piece);
        self.units = self.units.saturating_add(utf16_len(piece));
        self.ends.push(self.units);
    }

    /// The text and the ends, for a `*_result` function.
    pub(super) fn parts(&self) -> (&str, &[u32]) {
        (&self.text, &self.ends)
    }
}

/// The length of `text` in UTF-16 code units: one per character, two for a character
/// outside the Basic Multilingual Plane (whose UTF-8 form starts with a byte from 0xF0).
pub(super) fn utf16_len(text: &str) -> u32 {
    text.bytes()
        .map(|byte| match byte {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}
