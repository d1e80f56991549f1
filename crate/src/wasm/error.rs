//! Errors as they reach JavaScript: a real `Error` (so it has a stack and works with
//! `instanceof Error`) named `"SignkitError"`, whose `message` is the English text, plus
//! `code` (stable, kebab-case), `field` (the input concerned, or `null`) and
//! `messages: {en, zh}`; `findings` when validation blocked a build.

use alloc::string::String;

use wasm_bindgen::JsValue;

use super::glue::signkit_error;
use crate::error::BuildError;
use crate::text::Bilingual;

/// A value has the wrong JS type (a number where a string is needed, `null` for a
/// required argument, …).
pub(super) const WRONG_TYPE: &str = "wrong-type";
/// A value has the right type but is not one of the accepted values (an unknown encoding,
/// a malformed clock, a seed out of range, …).
pub(super) const INVALID_VALUE: &str = "invalid-value";
/// The endpoint name is not one of the five.
pub(super) const UNKNOWN_API: &str = "unknown-api";
/// An options or input object has a property this API does not know (most likely a typo,
/// which would otherwise be ignored silently).
pub(super) const UNKNOWN_KEY: &str = "unknown-key";
/// A string contains a lone UTF-16 surrogate, which has no UTF-8 form and so cannot be
/// signed or sent as it is.
pub(super) const INVALID_STRING: &str = "invalid-string";
/// The call's input exceeds [`MAX_INPUT_UNITS`](super::read::MAX_INPUT_UNITS).
pub(super) const INPUT_TOO_LARGE: &str = "input-too-large";
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
