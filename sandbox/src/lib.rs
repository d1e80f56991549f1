//! # signkit-sandbox
//!
//! The HTTP front door of the signkit vendor sandbox: the pure daoke / YTX emulator
//! ([`signkit::sandbox`]) behind a local HTTP/1.1 server, with the control endpoints of spec
//! §10.5, the developer-machine safety rules of §10.9 (Host and Origin checks, CORS for
//! allowed origins only, redacted secrets), and optional persistence of the state.
//!
//! ```text
//! TcpStream ─► conn (timeouts, limits) ─► wire (head) ─► access (Host, Origin: else 403)
//!                ─► wire (body) ─► front (one lock) ─► Sandbox::handle
//!                                    ├─► control (/_sandbox/…)
//!                                    └─► cors (preflights; Allow-Origin echo from access)
//! ```
//!
//! The binary is `signkit-sandbox` (see [`cli::USAGE`]); this library is its implementation,
//! exposed so that it is documented and unit-tested piece by piece.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod access;
pub mod cli;
pub mod clock;
pub mod conn;
pub mod control;
pub mod cors;
pub mod front;
pub mod server;
pub mod state_file;
pub mod wire;
