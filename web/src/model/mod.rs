//! The app's domain, free of Leptos and of the browser: what the user typed ([`Draft`],
//! [`Credentials`], [`TargetKind`]) and the pure functions that turn it into the core's inputs
//! and outputs (parameters, findings, the prepared request, the reasons not to send).
//!
//! Components hold these values in signals and derive everything else with memos calling the
//! functions below, so the form, the inspector and the Send button can never disagree.
//!
//! By concern: [`credentials`] (the panel), [`draft`] (the form), [`request`] (findings and the
//! prepared request), [`target`] (where Send goes), [`blockers`] (why it cannot).

mod blockers;
mod credentials;
pub mod doctor;
mod draft;
mod request;
mod target;

pub use blockers::{blockers, Blocker};
pub use credentials::{Credentials, Slot};
pub use draft::{example_credentials, join_items, list_items, Draft};
pub use request::{findings, prepare, read_parties, Edge, PrepareError, Prepared, Signing};
pub use target::{curl_base, network_base, TargetKind, SANDBOX_PROXY};

#[cfg(test)]
mod tests;
