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
//!
//! ## Example: validate, sign and build a DaoKe `createGroup` request, then decode the reply
//!
//! ```
//! # #[cfg(not(feature = "full"))]
//! # fn main() {}
//! # #[cfg(feature = "full")]
//! # fn main() -> Result<(), signkit::BuildError> {
//! use signkit::validate::{has_errors, validate, ValidateOptions};
//! use signkit::{build_daoke_request, Api, DaokeOptions, Params, Secret};
//!
//! let params = Params::new()
//!     .with("appKey", "1111111111")
//!     .with("accountID", "O40cml0y5p")
//!     .with("groupName", "mirrtalk")
//!     .with("isCarFleet", "0")
//!     .with("isTempGroup", "1")
//!     .with("callbackURL", "http://192.168.1.10:8088/groupCallback");
//!
//! // Every finding names the field, the rule, the server code it would cause and a remedy.
//! let findings = validate(Api::CreateGroup, &params, &ValidateOptions::default());
//! assert!(!has_errors(&findings));
//!
//! let secret = Secret::new("TESTSECRET0123456789");
//! let built = build_daoke_request(Some(Api::CreateGroup), &params, &secret, &DaokeOptions::default())?;
//!
//! // The string to sign prints with the secret redacted; `reveal()` shows it on request.
//! assert_eq!(
//!     built.signed.string_to_sign.to_string(),
//!     "accountIDO40cml0y5pappKey1111111111callbackURLhttp://192.168.1.10:8088/groupCallback\
//!      groupNamemirrtalkisCarFleet0isTempGroup1secret<secret>"
//! );
//! assert_eq!(built.signed.sign.as_str(), "EC1565854FDF477DD7BCDF5828AC87BCDF954F11");
//!
//! // The exact bytes to send, printable as a raw HTTP request or a curl command.
//! let request = &built.request;
//! assert_eq!(request.content_type(), Some("application/x-www-form-urlencoded"));
//! assert!(request.to_string().starts_with("POST /weiboapi/v2/createGroup HTTP/1.1\r\n"));
//! assert!(!request.to_curl("http://api.daoke.io").contains("TESTSECRET"));
//!
//! // Replies decode into a meaning and a remedy, in English and Chinese.
//! let reply = signkit::reply::decode_reply_for(
//!     Api::CreateGroup,
//!     "{\"ERRORCODE\":\"ME18052\", \"RESULT\":\"this group is already exist!\"}\n",
//! );
//! assert!(!reply.ok);
//! println!("{}", reply.summary(signkit::Lang::Zh));
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod api;
pub mod base64;
pub mod daoke;
mod digits;
pub mod error;
#[cfg(feature = "full")]
pub mod length;
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

#[cfg(feature = "doctor")]
pub mod doctor;
#[cfg(feature = "sandbox")]
pub mod sandbox;
#[cfg(feature = "server")]
pub mod server;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use api::{Api, DaokeApi, Encoding, Vendor};
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
