//! The signer-only npm module (feature `signer-package`): plain `extern "C"` exports over
//! linear memory, without wasm-bindgen, for `npm/signer/signkit.js`.
//!
//! The JS half checks the caller's arguments and builds errors (with the texts of
//! [`messages`](super::messages), through a generated table); this half only runs the
//! core: pipeline steps 1–3, the byte-order sort, SHA-1, the body encoders and the YTX
//! signature, exactly as the full package does ([`pieces`](super::pieces)).
//!
//! # Protocol
//!
//! * **Input.** JS asks for a buffer (`buffer_alloc`, kept and reused between calls; freed
//!   with `buffer_free`) and writes the call's strings into it as *pieces*: a
//!   little-endian `u32` byte length, then that many bytes of UTF-8 (file data: raw bytes).
//!   Then it calls one of the functions below with the buffer, the number of bytes written
//!   and a few numbers (counts, flags, the endpoint, the seed).
//! * **Output.** Every call returns a `Status` (0 done, 1 refused, 2 malformed input) and
//!   leaves its result in wasm memory until the next call: `output()` points at six `u32`s —
//!   where the result text is and its length in bytes, where its layout (`u32`s) is and how
//!   many, where the body bytes are and how many. The text is [`Pieces`](super::pieces::Pieces): JS decodes it once and cuts it
//!   at the UTF-16 ends the layout gives.
//! * **Refusals.** A request the core refuses to build ([`BuildError`](crate::BuildError):
//!   a bad boundary, a boundary in the content, a file rule, a YTX endpoint given to a
//!   daoke function) is the status `Refused` with the pieces `code`, `en`, `zh`,
//!   `field` — the core's own message, so there is one text per error.
//!
//! | export | input pieces | numbers | result |
//! |---|---|---|---|
//! | `daoke_api` | — | endpoint | nothing, or the refusal |
//! | `daoke_sign` | names and values, secret | pairs, reveal | signed pieces and layout |
//! | `encode_form` | names and values, secret | pairs, endpoint, reveal | body, content type, signed… |
//! | `encode_multipart` | names and values, secret, boundary?, files (name, filename, content type, data) | pairs, endpoint, reveal, has boundary, files, seed high, seed low | content type, signed…; body bytes |
//! | `ytx_sign` | accountSID, authToken, timestamp | — | sign, authorization, its text, string to sign |
//! | `invite_meeting_body` | appid, confid, parties (name, phone), customParm?, action? | parties, has customParm, has action | the body |
//!
//! The endpoint is 0 for none (a generic request) or 1 + its index in
//! [`Api::ALL`](crate::Api::ALL).

#[cfg(any(target_arch = "wasm32", test))]
mod calls;
#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(test)]
mod tables;

/// How a call ended.
#[cfg(any(target_arch = "wasm32", test))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(super) enum Status {
    /// The result is in the output.
    Done = 0,
    /// The core refused the request: the output holds its error.
    Refused = 1,
    /// The input was not laid out as the protocol says: a bug in the JS half (or a caller
    /// of the raw exports), never a user's mistake.
    Malformed = 2,
}
