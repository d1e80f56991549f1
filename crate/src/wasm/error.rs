//! Errors as they reach JavaScript: a real `Error` (so it has a stack and works with
//! `instanceof Error`) named `"SignkitError"`, whose `message` is the English text, plus
//! `code` (stable, kebab-case), `field` (the input concerned, or `null`) and
//! `messages: {en, zh}`; `findings` when validation blocked a build.

use alloc::string::String;

use wasm_bindgen::JsValue;

use super::glue::signkit_error;
use crate::error::BuildError;
use crate::text::Bilingual;

/// The validator found ERRORs and the caller did not pass `validate: false`.
#[cfg(feature = "full")]
pub(super) const VALIDATION_FAILED: &str = "validation-failed";
/// A result could not be converted for JavaScript (a bug in signkit, never expected).
#[cfg(feature = "full")]
pub(super) const INTERNAL: &str = "internal";

/// An error of the JS API, before it becomes a JS `Error`.
pub(super) struct ApiError {
    code: &'static str,
    field: Option<String>,
    message: Bilingual,
    /// The findings that blocked a build (a JS array), when that is the reason.
    findings: Option<JsValue>,
}

impl ApiError {
    /// An error with this `code` about `field`.
    pub(super) fn new(code: &'static str, field: Option<String>, message: Bilingual) -> Self {
        ApiError {
            code,
            field,
            message,
            findings: None,
        }
    }

    /// The same error carrying the findings (a JS array) that caused it.
    #[cfg(feature = "full")]
    pub(super) fn with_findings(mut self, findings: JsValue) -> Self {
        self.findings = Some(findings);
        self
    }
}

impl From<BuildError> for ApiError {
    /// A request the core refused to build: its kind's code, field and message.
    fn from(error: BuildError) -> Self {
        ApiError::new(error.kind.code(), error.field, error.message)
    }
}

impl From<BuildError> for JsValue {
    fn from(error: BuildError) -> JsValue {
        ApiError::from(error).into()
    }
}

impl From<ApiError> for JsValue {
    fn from(error: ApiError) -> JsValue {
        signkit_error(
            error.code,
            error.field.as_deref(),
            &error.message.en,
            &error.message.zh,
            error.findings.as_ref().unwrap_or(&JsValue::UNDEFINED),
        )
    }
}
