//! Errors as they reach JavaScript: a real `Error` (a stack, `instanceof Error`) named
//! `"SignkitError"`, whose `message` is the English text, with `code` (stable, kebab-case),
//! `field` (the input concerned, or `null`), `messages: {en, zh}`, and `findings` when
//! validation blocked a build. [`is_signkit_error`] recognises one.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use serde::Serialize;
use serde_wasm_bindgen::Serializer;

use super::messages::Kind;
use crate::error::BuildError;
use crate::text::Bilingual;

/// Why a call failed.
pub(crate) enum Failure {
    /// A mistake in the arguments.
    Input(Problem),
    /// A complete error: the core refused the request, or validation did.
    Signkit(SignkitError),
    /// A getter or proxy of the caller's threw: passed through unchanged.
    Thrown(JsValue),
}

/// A mistake in the arguments and where it is: `field` is the path of the value
/// (`options.files[0].data`), or of the part read so far when the reader does not know
/// where its input sits (see [`Failure::under`]).
pub(crate) struct Problem {
    pub(crate) field: String,
    pub(crate) kind: Kind,
}

impl Failure {
    /// A problem of `kind` at `field`.
    pub(crate) fn input(field: String, kind: Kind) -> Failure {
        Failure::Input(Problem { field, kind })
    }

    /// The same failure with `prefix` put in front of its field: the reader of a part
    /// (a serde field, say) names paths from that part.
    #[cfg(feature = "full")]
    pub(crate) fn under(self, prefix: &str) -> Failure {
        match self {
            Failure::Input(Problem { field, kind }) => {
                Failure::input([prefix, &field].concat(), kind)
            }
            other => other,
        }
    }
}

impl From<BuildError> for Failure {
    /// A request the core refused to build: its kind's code, field and message.
    fn from(error: BuildError) -> Self {
        Failure::Signkit(SignkitError {
            code: error.kind.code(),
            field: error.field,
            message: error.message,
            findings: None,
        })
    }
}

/// An error of the JS API, before it becomes a JS `Error`.
pub(crate) struct SignkitError {
    pub(crate) code: &'static str,
    pub(crate) field: Option<String>,
    pub(crate) message: Bilingual,
    /// The findings that blocked a build (a JS array), when that is the reason.
    pub(crate) findings: Option<JsValue>,
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let error = match failure {
            Failure::Thrown(value) => return value,
            Failure::Signkit(error) => error,
            Failure::Input(Problem { field, kind }) => SignkitError {
                code: kind.code(),
                field: Some(kind.field(&field)),
                message: kind.message(&field),
                findings: None,
            },
        };
        let js = js_sys::Error::new(&error.message.en);
        js.set_name("SignkitError");
        let messages = Object::new();
        set(&messages, "en", &JsValue::from_str(&error.message.en));
        set(&messages, "zh", &JsValue::from_str(&error.message.zh));
        set(&js, "code", &JsValue::from_str(error.code));
        set(
            &js,
            "field",
            &error
                .field
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        );
        set(&js, "messages", &messages);
        if let Some(findings) = &error.findings {
            set(&js, "findings", findings);
        }
        js.into()
    }
}

/// `value` as a JS value: structs as plain objects, `None` as `null`, bytes as a
/// `Uint8Array` — the shapes the TypeScript declarations describe.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    let serializer = Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(|error| {
        // Only numbers beyond 2^53 fail, and the results hold none; this arm keeps a future
        // type from turning into a panic.
        let detail = error.to_string();
        Failure::Signkit(SignkitError {
            code: "internal",
            field: None,
            message: Bilingual::owned(
                [
                    "signkit could not convert its result for JavaScript (",
                    &detail,
                    "). This is a bug in signkit; please report it with the input.",
                ]
                .concat(),
                [
                    "signkit 无法把结果转换为 JavaScript 值（",
                    &detail,
                    "）。这是 signkit 的缺陷，请连同输入一起报告。",
                ]
                .concat(),
            ),
            findings: None,
        })
    })
}

/// `target[key] = value` on an object made here. `[[Set]]` fails only when the page itself
/// replaced `Object.prototype[key]` by a throwing setter; a plain assignment would then
/// fail the same way, and the error is still thrown, with what could be set.
fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Whether `value` is an error thrown by signkit (a `SignkitError`), for `catch` blocks:
/// `if (isSignkitError(error)) console.log(error.code, error.messages.zh)`.
#[wasm_bindgen(js_name = isSignkitError, unchecked_return_type = "value is SignkitError")]
pub fn is_signkit_error(#[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue) -> bool {
    let named = |key: &str, expected: &str| {
        Reflect::get(value, &JsValue::from_str(key))
            .is_ok_and(|got| got.as_string().as_deref() == Some(expected))
    };
    value.is_instance_of::<js_sys::Error>()
        && named("name", "SignkitError")
        && Reflect::get(value, &JsValue::from_str("code")).is_ok_and(|code| code.is_string())
}

#[wasm_bindgen(typescript_custom_section)]
const SIGNKIT_ERROR: &str = r#"
/** A text in English and Chinese. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A body that cannot be encoded as asked (the bytes would be wrong or ambiguous). */
export type EncodeErrorCode =
  | "not-daoke"
  | "invalid-boundary"
  | "boundary-in-content"
  | "too-many-files"
  | "invalid-file-field"
  | "invalid-file-name"
  | "invalid-file-content-type";

/** A result signkit could not convert for JavaScript: a bug in signkit, never expected. */
export type InternalErrorCode = "internal";

/** Every `code` a `SignkitError` can have. */
export type ErrorCode = InputErrorCode | BuildErrorCode | ValidationErrorCode | InternalErrorCode;

/**
 * What every function of signkit throws: a real `Error` whose `message` is the English
 * text, with a stable `code`, the input `field` concerned (e.g. `options.files[0].name`)
 * and the message in English and Chinese. `isSignkitError` tells one from other errors.
 */
export interface SignkitError extends Error {
  name: "SignkitError";
  code: ErrorCode;
  field: string | null;
  messages: Bilingual;
}
"#;

#[cfg(not(feature = "full"))]
#[wasm_bindgen(typescript_custom_section)]
const SIGNER_ONLY_CODES: &str = r#"
/** A request that cannot be built as asked: in the signer-only package, a body. */
export type BuildErrorCode = EncodeErrorCode;

/** The signer-only package has no validator. */
export type ValidationErrorCode = never;
"#;
