//! Why Send is disabled: every [`Blocker`], in display order.

use super::credentials::Credentials;
use super::request::{PrepareError, Prepared};
use super::target::{is_base_url, TargetKind};
use signkit::validate::{has_errors, Finding};
use signkit::{Api, Vendor};

/// Why Send is disabled; each one is shown next to the button.
#[derive(Clone, Debug, PartialEq)]
pub enum Blocker {
    /// An ERROR finding (its parameter and message).
    Finding(Finding),
    /// No daoke app secret: the sign could not match.
    MissingSecret,
    /// No request could be built.
    Prepare(PrepareError),
    /// The custom target has no usable base URL.
    CustomUrl,
}

/// Everything that keeps the request from being sent, in display order.
pub fn blockers(
    api: Api,
    findings: &[Finding],
    credentials: &Credentials,
    prepared: &Result<Prepared, PrepareError>,
    target: TargetKind,
    custom: &str,
) -> Vec<Blocker> {
    let mut out: Vec<Blocker> = Vec::new();
    if has_errors(findings) {
        out.extend(
            findings
                .iter()
                .filter(|finding| finding.severity == signkit::rules::Severity::Error)
                .cloned()
                .map(Blocker::Finding),
        );
    }
    if api.vendor() == Vendor::Daoke && credentials.secret.expose().is_empty() {
        out.push(Blocker::MissingSecret);
    }
    if let Err(error) = prepared {
        // An unreadable `parties` already has its ERROR finding; say it only once.
        let already_said = matches!(error, PrepareError::PartiesUnreadable) && !out.is_empty();
        if !already_said {
            out.push(Blocker::Prepare(error.clone()));
        }
    }
    if target == TargetKind::Custom && !is_base_url(custom) {
        out.push(Blocker::CustomUrl);
    }
    out
}
