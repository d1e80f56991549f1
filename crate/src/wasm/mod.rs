//! The JavaScript API: `#[wasm_bindgen]` exports over the pure core.
//!
//! This module only converts: it reads JS values (`read`, `input`), calls the core, and
//! hands the results back as plain JS objects (`glue`). Every failure crosses into JS as a
//! real `Error` whose `name` is `"SignkitError"`, with `code`, `field` and
//! `messages: {en, zh}` (`error`). Nothing here panics on any input: wrong types,
//! `null`/`undefined`, lone surrogates and oversized input all become such errors.
//!
//! Crossing between JS and wasm costs more than signing a short string, so the signing
//! functions cross once each way: `glue.js` packs their arguments into one string and
//! unpacks their results from one string (`glue`); only unusual input goes through the
//! checking reader, which crosses once per value and says exactly what is wrong.
//!
//! The one clock and the one random source of the whole package are read here, at the edge
//! (`edge`): the current time (YTX timestamp, validator clock) and the seed of a generated
//! multipart boundary. Both can be passed in instead, which makes every result
//! reproducible.
//!
//! Three builds come from this module:
//! * with `full` (the default) and `wasm`: the npm package's full entry points — the signing
//!   functions, the builders (requests validated before they are built, with URL, headers,
//!   raw HTTP and curl), `validate`, `decodeReply` and `endpoints`;
//! * with `signer-package` and without `full`: the npm package's signer-only module
//!   (`signkit/signer`), which has no wasm-bindgen at all — plain `extern "C"` exports over
//!   linear memory (`signer`) for a hand-written ES module, sharing
//!   `pieces` and `messages` with the full build so both
//!   give the same results and the same errors;
//! * with `wasm` and without `full`: the wasm-bindgen signing exports alone
//!   ([`daoke_sign`], [`encode_form`], [`encode_multipart_body`], [`ytx_sign`],
//!   [`encode_invite_meeting`]) for Rust projects that link signkit into their own
//!   wasm-bindgen module.
//!
//! The exports take `JsValue`s so that they can check types themselves and answer with a
//! structured error; the TypeScript signatures come from `types`. They can also be called
//! from Rust code running in wasm (the wasm-bindgen tests do).

#[cfg(all(feature = "wasm", feature = "full"))]
mod builders;
#[cfg(all(feature = "wasm", feature = "full"))]
mod checks;
#[cfg(feature = "wasm")]
mod daoke;
#[cfg(feature = "wasm")]
mod edge;
#[cfg(feature = "wasm")]
mod error;
#[cfg(all(feature = "wasm", feature = "full"))]
mod full;
#[cfg(feature = "wasm")]
mod glue;
#[cfg(feature = "wasm")]
mod input;
#[cfg(any(feature = "wasm", test))]
mod messages;
mod pieces;
#[cfg(feature = "wasm")]
mod read;
#[cfg(all(
    feature = "signer-package",
    not(feature = "full"),
    target_arch = "wasm32"
))]
mod runtime;
#[cfg(feature = "signer-package")]
mod signer;
#[cfg(feature = "wasm")]
mod types;
#[cfg(all(feature = "wasm", feature = "full"))]
mod write;
#[cfg(feature = "wasm")]
mod ytx;

#[cfg(all(feature = "wasm", feature = "full"))]
pub use builders::{build_daoke_request, build_invite_meeting};
#[cfg(feature = "wasm")]
pub use daoke::{daoke_sign, encode_form, encode_multipart_body};
#[cfg(all(feature = "wasm", feature = "full"))]
pub use full::{decode_reply, endpoints, validate};
#[cfg(feature = "wasm")]
pub use ytx::{encode_invite_meeting, ytx_sign};
