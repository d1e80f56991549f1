//! # signkit
//!
//! Sign, validate, build and decode requests to the DaoKe / Mirrtalk (语镜) open API and the
//! YTX (云讯) cloud-communication API — pure Rust, no IO, ready for WebAssembly.
//!
//! The data flow is one straight line:
//!
//! ```text
//! params ──► validate ──► sign ──► encode ──► PreparedRequest ──► (you send it) ──► decode reply
//! ```
//!
//! Every intermediate value is a type that prints: the string-to-sign (with the secret
//! redacted unless you ask), the body, the raw HTTP request, a `curl` command. Time and
//! randomness are parameters, so every result is reproducible.
//!
//! The behaviour is specified in the repository's `spec/` (section numbers in these docs
//! refer to `spec/README.md`).
#![deny(missing_docs)]
#![cfg_attr(not(feature = "wasm"), forbid(unsafe_code))]
// The signer-only npm package's module brings its own allocator and panic handler
// (`wasm::runtime`); everything it contains uses `core` and `alloc` only.
#![cfg_attr(
    all(
        feature = "signer-package",
        not(feature = "full"),
        target_arch = "wasm32"
    ),
    no_std
)]

extern crate alloc;

pub mod api;
pub mod base64;
pub mod daoke;
mod digits;
pub mod error;
#[cfg(feature = "full")]
pub mod lua;
pub mod params;
pub mod request;
pub mod text;
pub mod time;
pub mod ytx;

#[cfg(feature = "full")]
pub mod catalogue;
#[cfg(feature = "full")]
pub mod endpoint;
#[cfg(feature = "full")]
pub mod reply;
#[cfg(feature = "full")]
pub mod rules;
#[cfg(feature = "full")]
pub mod validate;

#[cfg(feature = "sandbox")]
pub mod sandbox;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use api::{Api, Encoding, Vendor};
pub use daoke::{
    build_daoke_request, DaokeOptions, DaokeRequest, Secret, Sign, Signed, StringToSign,
};
pub use error::{BuildError, BuildErrorKind};
pub use params::{canonical_value, FilePart, Params};
pub use request::PreparedRequest;
pub use text::{Bilingual, Lang};
pub use time::BeijingTime;
pub use ytx::{
    build_invite_meeting, AuthToken, InviteMeeting, Party, YtxEnvironment, YtxRequest, YtxSignature,
};
