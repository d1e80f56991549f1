//! The JavaScript API: `#[wasm_bindgen]` exports over the pure core.
//!
//! This module only converts: it reads JS values, calls the core, and hands the results
//! back as plain JS objects. Every failure crosses into JS as a real `Error` whose `name` is
//! `"SignkitError"`, with `code`, `field` and `messages: {en, zh}` ([`error`]). Nothing here
//! panics on any input: wrong types, `null`/`undefined`, lone surrogates and oversized input
//! all become such errors.
//!
//! * `read` is the one reader of JS values (types, lone surrogates, the input budget,
//!   exact messages from `messages`);
//! * [`signer`] holds the five signing functions, which read their few arguments with it;
//! * with `full`, [`full`] holds the builders, `validate`, `decodeReply` and `endpoints`,
//!   whose options are typed structs read through serde-wasm-bindgen (`typed`);
//! * with `doctor`, [`doctor`] holds `diagnose`, the sign doctor, the same way.
//!
//! Results are Rust structs serialised by serde-wasm-bindgen; their TypeScript comes from
//! the same structs (`Tsify`), the rest of the declarations from
//! `typescript_custom_section`s next to the reader or type they describe.
//!
//! Two builds come from this module, by the same wasm-bindgen pipeline: with `full` (the
//! default) the npm package's full entry points (`signkit`, `signkit/node`); with
//! `--no-default-features --features wasm` the signer-only one (`signkit/signer`).

#[cfg(feature = "doctor")]
pub mod doctor;
pub mod error;
#[cfg(feature = "full")]
pub mod full;
mod messages;
mod read;
pub mod signer;
#[cfg(feature = "full")]
mod typed;

#[cfg(feature = "doctor")]
pub use doctor::diagnose;
pub use error::is_signkit_error;
#[cfg(feature = "full")]
pub use full::{build_daoke_request, build_invite_meeting, decode_reply, endpoints, validate};
pub use messages::MAX_INPUT_UNITS;
pub use signer::{daoke_sign, encode_form, encode_invite_meeting, encode_multipart_body, ytx_sign};
