//! The functions of `glue.js`, the JavaScript half of the edge.
//!
//! A call from wasm into JS (or back) costs far more than signing a short string, so the
//! signing functions cross once in each direction: their arguments arrive packed into one
//! string ([`collect_params`], [`join_parts`]), and their results leave as a few pieces of
//! one string ([`Pieces`](super::pieces::Pieces)) from which the `*_result` functions build
//! the result object in JS, taking the caller's own names and values from `parts` by index.

use alloc::string::String;

use js_sys::Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/wasm/glue.js")]
extern "C" {
    /// `[header, name, value, …, secret]`: the caller's strings after a header, when they
    /// are all strings and fit `budget` units; `None` when the arguments need the checking
    /// reader. Exceptions from getters and proxies are the error.
    #[wasm_bindgen(catch, js_name = collectParams)]
    pub(super) fn collect_params(
        params: &JsValue,
        secret: &JsValue,
        budget: u32,
    ) -> Result<Option<Array>, JsValue>;

    /// `parts` packed: `n \0 units \0 name \0 value \0 … \0 secret`.
    #[wasm_bindgen(js_name = joinParts)]
    pub(super) fn join_parts(parts: &Array) -> String;

    /// `units \0 first \0 second \0 third` when the three values are strings that fit
    /// `budget` units; `None` when they need the checking reader.
    #[wasm_bindgen(js_name = joinStrings)]
    pub(super) fn join_three(
        budget: u32,
        first: &JsValue,
        second: &JsValue,
        third: &JsValue,
    ) -> Option<String>;

    /// `{ sign, stringToSign, sortedKeys }` from the pieces in `text`, the caller's `parts`
    /// and the `layout` of a signed result (`daoke::Layout`).
    #[wasm_bindgen(js_name = daokeResult)]
    pub(super) fn daoke_result(parts: &Array, text: &str, layout: &[u32]) -> JsValue;

    /// `{ body, contentType, sign, stringToSign, sortedKeys }`: the body and the content type
    /// are the first pieces, then as `daoke_result`.
    #[wasm_bindgen(js_name = formResult)]
    pub(super) fn form_result(parts: &Array, text: &str, layout: &[u32]) -> JsValue;

    /// `{ body, contentType, sign, stringToSign, sortedKeys }`: a copy of `body`, the content
    /// type as the first piece, then as `daoke_result`.
    #[wasm_bindgen(js_name = multipartResult)]
    pub(super) fn multipart_result(
        parts: &Array,
        text: &str,
        layout: &[u32],
        body: &[u8],
    ) -> JsValue;

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
