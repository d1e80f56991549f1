//! The exports of the full package: `validate`, `decodeReply`, `endpoints`, and the
//! validation gate of the builders.
//!
//! These return rich data (findings, endpoint descriptions, decoded replies), converted with
//! the types' serde shapes: `serde_json` text, then `JSON.parse`. `serde_json` is already
//! part of the full build; the result is exactly the JSON shape the TypeScript types
//! describe (`null` for absent values, plain objects for maps), and an integer beyond 2^53
//! in a reply becomes the nearest number, as with any JSON parser, instead of failing.

use js_sys::JSON;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::edge;
use super::error::{ApiError, INTERNAL, VALIDATION_FAILED};
use super::read::{api, optional_api, Fields, Path, Reader};
use crate::endpoint;
use crate::reply::decode_reply_for;
use crate::rules::{FindingClass, Severity};
use crate::text::Bilingual;
use crate::validate::{self as validator, Finding, Mode, ValidateOptions};

/// The options `validate` knows.
const VALIDATE_OPTIONS: &[&str] = &["mode", "clock"];

/// Checks parameters against an endpoint's rules (spec §3) without building anything.
///
/// `api` is one of the five endpoints, or `null` for a generic daoke request (only the
/// request-shape rules). For `inviteMeeting` the parameters are its inputs by name
/// (`accountSID`, `authToken`, `version`, `timestamp`, `appid`, `confid`, `parties` as the
/// JSON text of the array, `CustomParm`, `action`). `options.mode` is `build` (the default:
/// the list the builder will send, after its omissions) or `raw` (a list sent exactly as it
/// is); `options.clock` (`yyyyMMddHHmmss`, UTC+8; default now) is the time the YTX
/// timestamp window is checked against.
///
/// Returns at most one finding per parameter: first the parameters given, in order, then
/// the missing ones. An empty array means every parameter is fine.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "Finding[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "ApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let api = optional_api(&mut reader, &api, Path::arg("api"))?;
    let params = reader.params(&params, Path::arg("params"))?;
    let options = Fields::optional(&options, Path::arg("options"), VALIDATE_OPTIONS)?;
    let mode = options
        .choice(&mut reader, "mode", mode_from_name, &["build", "raw"])?
        .unwrap_or_default();
    let now = match options.beijing_time(&mut reader, "clock")? {
        Some(clock) => clock,
        None => edge::now_unix(),
    };
    let findings = match api {
        Some(api) => {
            let options = ValidateOptions {
                mode,
                now: Some(now),
            };
            validator::validate(api, &params, &options)
        }
        None => validator::validate_generic(&params),
    };
    findings_to_js(&findings)
}

/// Decodes a reply body from `api` (spec §7): whether it succeeded (decided solely on the
/// code being `"0"`), the code, its meaning and remedy in English and Chinese, the
/// structured `outcome`, the parameter the server blamed, and the parsed `result`.
///
/// Never throws because of the reply text (an empty body, HTML or garbage is an `unrecognised`
/// outcome); it throws only when `api` is not an endpoint name or `text` is not a string.
#[wasm_bindgen(js_name = decodeReply, unchecked_return_type = "Reply")]
pub fn decode_reply(
    #[wasm_bindgen(js_name = api, unchecked_param_type = "ApiName")] api_name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let api = api(&mut reader, &api_name, Path::arg("api"))?;
    let text = reader.string(&text, Path::arg("text"))?;
    to_js(&decode_reply_for(api, &text))
}

/// The five endpoints as data: path, encoding, title and summary, and every parameter with
/// its label, help, default, example, live counter and rules, plus the seed's sample
/// parameters — everything a form needs, in English and Chinese.
#[wasm_bindgen(unchecked_return_type = "EndpointDescription[]")]
pub fn endpoints() -> Result<JsValue, JsValue> {
    to_js(&endpoint::all())
}

/// Findings as JS objects, and — when `enforce` is set and one of them is an ERROR — the
/// `validation-failed` error that stops a build.
pub(super) fn gate(findings: &[Finding], enforce: bool) -> Result<JsValue, JsValue> {
    let js = findings_to_js(findings)?;
    let errors: Vec<&str> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(|finding| finding.field.as_str())
        .collect();
    let (Some(first), true) = (errors.first(), enforce) else {
        return Ok(js);
    };
    let fields = errors.join(", ");
    let count = errors.len();
    Err(ApiError::new(
        VALIDATION_FAILED,
        Some(String::from(*first)),
        Bilingual::owned(
            format!("The request was not built: the validator found {count} error(s), in {fields}. Each finding in error.findings names the rule and the fix; correct the values, or pass validate: false to build the request anyway."),
            format!("请求未构建：校验器发现 {count} 个错误，涉及 {fields}。error.findings 中的每条结果都说明了违反的规则和修正方法；请修正这些值，或传入 validate: false 以强制构建。"),
        ),
    )
    .with_findings(js)
    .into())
}

/// A finding as the JS API shows it: the validator's finding, with its message under
/// `messages` like every other bilingual message of the API.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinding<'a> {
    field: &'a str,
    severity: Severity,
    class: FindingClass,
    rule: &'a str,
    server_code: Option<&'a str>,
    messages: &'a Bilingual,
}

fn findings_to_js(findings: &[Finding]) -> Result<JsValue, JsValue> {
    let findings: Vec<JsFinding<'_>> = findings
        .iter()
        .map(|finding| JsFinding {
            field: &finding.field,
            severity: finding.severity,
            class: finding.class,
            rule: finding.rule,
            server_code: finding.server_code,
            messages: &finding.message,
        })
        .collect();
    to_js(&findings)
}

/// `"build"` or `"raw"`.
fn mode_from_name(name: &str) -> Option<Mode> {
    match name {
        "build" => Some(Mode::Build),
        "raw" => Some(Mode::Raw),
        _ => None,
    }
}

/// The value's serde shape as a JS value.
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|error| {
        // The types serialised here have string keys and no failing `Serialize` impl;
        // this arm exists so that a future type cannot turn into a panic.
        ApiError::new(
            INTERNAL,
            None,
            Bilingual::owned(
                format!("signkit could not convert its result for JavaScript ({error}). This is a bug in signkit; please report it with the input."),
                format!("signkit 无法把结果转换为 JavaScript 值（{error}）。这是 signkit 的缺陷，请连同输入一起报告。"),
            ),
        )
    })?;
    JSON::parse(&json)
}
