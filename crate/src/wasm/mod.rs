//! The JavaScript API: `#[wasm_bindgen]` exports over the pure core.
//!
//! This module only converts: it reads JS values ([`read`]), calls the core, and writes
//! plain JS objects back ([`write`]). Every failure crosses into JS as a real `Error` whose
//! `name` is `"SignkitError"`, with `code`, `field` and `messages: {en, zh}` ([`error`]).
//! Nothing here panics on any input: wrong types, `null`/`undefined`, lone surrogates and
//! oversized input all become such errors.
//!
//! The one clock and the one random source of the whole package are read here, at the edge
//! ([`edge`]): the current time (YTX timestamp, validator clock) and the seed of a generated
//! multipart boundary. Both can be passed in instead, which makes every result
//! reproducible.
//!
//! Two builds come from this module:
//! * with the `full` feature (the default): every export, requests validated before they
//!   are built, reply decoding and endpoint descriptions;
//! * without it (`--no-default-features --features wasm`): the signer-only package —
//!   [`daoke_sign`], [`ytx_sign`], [`build_daoke_request`], [`build_invite_meeting`] —
//!   with no serde, no validation tables and no reply catalogue. Its builders do not
//!   validate (their results have no `findings`).
//!
//! The exports take `JsValue`s so that they can check types themselves and answer with a
//! structured error; the TypeScript signatures come from [`types`]. They can also be called
//! from Rust code running in wasm (the wasm-bindgen tests do).

mod checks;
mod daoke;
mod edge;
mod error;
#[cfg(feature = "full")]
mod full;
mod read;
mod types;
mod write;
mod ytx;

pub use daoke::{build_daoke_request, daoke_sign};
#[cfg(feature = "full")]
pub use full::{decode_reply, endpoints, validate};
pub use ytx::{build_invite_meeting, ytx_sign};
