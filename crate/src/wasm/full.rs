//! The full package's other functions: the builders (requests validated before they are
//! built, with URL, headers, raw HTTP and curl), `validate`, `decodeReply` and `endpoints`.
//!
//! Their options are typed structs read with `typed`; their results cross
//! with serde-wasm-bindgen. A new function is the same again: an options struct and a
//! result struct with serde derives and `Tsify`, and a `#[wasm_bindgen]` fn between them.

use serde::{Deserialize, Serialize};
use tsify_next::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::error::{to_js, Failure, SignkitError};
use super::read::{self, call, Path};
use super::signer::{bytes, random_seed, DaokeInput, DaokeSignResult, YtxSignResult};
use super::typed::{self, Choice, Clock, Files, Flag, Parties, Seed, Text};
use crate::api::{Api, Encoding};
use crate::daoke::{self, DaokeOptions};
use crate::params::Params;
use crate::rules::{FindingClass, Severity};
use crate::text::Bilingual;
use crate::validate::{self as validator, Mode};
use crate::ytx::{self, AuthToken, InviteMeeting, YtxEnvironment};

/// Builds a signed daoke request, ready to send with `fetch(url, { method, headers, body })`
/// (spec §3.4): drops a stale `sign`, canonicalises values, applies the endpoint's omissions,
/// signs, and encodes the body (form-urlencoded, or multipart with an optional file part).
///
/// `api` is one of the four daoke endpoints, or `null` for a generic request (then only the
/// generic request-shape rules apply and `options.path` is required). The encoding defaults
/// to the endpoint's (multipart for inviteUserJoin, form-urlencoded otherwise). A generated
/// multipart boundary comes from `options.seed`, or from `Math.random` when no seed is given.
///
/// The parameters are validated first: when the validator reports an ERROR the call throws
/// a `SignkitError` with `code` `"validation-failed"` and the `findings`, unless
/// `options.validate` is `false`; WARN findings never throw. The result's `findings` lists
/// every finding, then WARN `request.bodySize` (field `"(body)"`, `ME01024`) when the built
/// body is longer than the server's 8192-byte body buffer. `stringToSign` shows the secret as
/// `<secret>` unless `options.revealSecret` is `true`; `raw` and `curl` never contain it.
#[wasm_bindgen(js_name = buildDaokeRequest, unchecked_return_type = "DaokeRequest")]
pub fn build_daoke_request(
    #[wasm_bindgen(unchecked_param_type = "DaokeApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BuildDaokeOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(|| {
        let input = DaokeInput::read(Some(&api), &params, &secret)?;
        let options: BuildDaokeOptions = typed::options(&options, Path::arg("options"))?;
        let core = DaokeOptions {
            encoding: options.encoding.map(|choice| choice.0),
            boundary: options.boundary.map(|text| text.0),
            files: options.files.0,
            path: options.path.map(|text| text.0),
            host: options.host.map(|text| text.0),
            random_seed: options.seed.map_or_else(random_seed, |seed| seed.0),
        };
        let (api, params) = (input.api, &input.params);
        let built = daoke::build_daoke_request(api, params, &input.secret, &core)?;
        let mut findings = match api {
            Some(api) => validator::validate(api, params, &Default::default()),
            None => validator::validate_generic(params),
        };
        findings.extend(validator::validate_daoke_body(&built.request));
        let findings = gate(findings, options.validate)?;
        let request = PreparedRequest::new(&built.request, options.base_url);
        let reveal = options.reveal_secret.is_some_and(|flag| flag.0);
        to_js(&DaokeRequest {
            signed: input.result(&built.signed, reveal),
            request,
            body: built.request.body,
            findings,
        })
    })
}

/// Options of `buildDaokeRequest`.
#[derive(Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BuildDaokeOptions {
    /// Default: the endpoint's (multipart for inviteUserJoin, else form-urlencoded).
    #[tsify(optional, type = "Encoding")]
    encoding: Option<Choice<Encoding>>,
    /// A fixed multipart boundary (RFC 2046: 1–70 characters); default: generated.
    #[tsify(optional, type = "string")]
    boundary: Option<Text>,
    /// File parts (multipart only, at most one).
    #[tsify(optional, type = "ReadonlyArray<FilePart>")]
    files: Files,
    /// The request path; default the endpoint's; required when `api` is `null`.
    #[tsify(optional, type = "string")]
    path: Option<Text>,
    /// The `Host` of the request; default `api.daoke.io`.
    #[tsify(optional, type = "string")]
    host: Option<Text>,
    /// Where `url` and `curl` send the request; default `http://{host}`.
    #[tsify(optional, type = "string")]
    base_url: Option<Text>,
    /// Seed of a generated boundary (same seed, same boundary); default: random.
    #[tsify(optional, type = "number | bigint")]
    seed: Option<Seed>,
    /// Show the app secret in `stringToSign` (default: replaced by `<secret>`).
    #[tsify(optional, type = "boolean")]
    reveal_secret: Option<Flag>,
    /// Validate first (default `true`): an ERROR finding throws `validation-failed`.
    #[tsify(optional, type = "boolean")]
    validate: Option<Flag>,
}

/// The result of `buildDaokeRequest`.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct DaokeRequest {
    #[serde(flatten)]
    request: PreparedRequest,
    #[serde(flatten)]
    signed: DaokeSignResult,
    /// The exact body bytes (a fresh buffer, accepted by `fetch` as it is; TypeScript ≥ 5.7).
    #[serde(serialize_with = "bytes")]
    #[tsify(type = "Uint8Array<ArrayBuffer>")]
    body: Vec<u8>,
    /// Every finding of the validator (WARNs; ERRORs too with `validate: false`), then the
    /// body-size WARN when the body is longer than the server's 8192-byte buffer.
    findings: Vec<Finding>,
}

/// Builds the YTX inviteMeeting request (spec §6, inviteMeeting.md):
/// `POST /{version}/sid/{accountSID}/call/TeleMeeting.wx?Sign=…` with the `Authorization`
/// header and the compact JSON body (`body`, a string), ready for
/// `fetch(url, { method, headers, body })`.
///
/// `timestamp` defaults to `clock`, and `clock` to now, in UTC+8; `version` defaults to
/// `201612`; `environment` (`sandbox` or `production`, default `sandbox`) picks the host.
///
/// The inputs are validated first, exactly like `buildDaokeRequest`: an ERROR throws a
/// `SignkitError` with `code` `"validation-failed"` and the `findings` unless `validate` is
/// `false`; WARN findings (an old timestamp, another version) never throw; the result's
/// `findings` lists every finding, the 24-hour timestamp window checked against `clock`.
#[wasm_bindgen(js_name = buildInviteMeeting, unchecked_return_type = "InviteMeetingRequest")]
pub fn build_invite_meeting(
    #[wasm_bindgen(unchecked_param_type = "InviteMeetingInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call(|| {
        let input: InviteMeetingInput = typed::from_js(&input, Path::arg("input"))?;
        let now = input.clock.map_or_else(now, |clock| clock.0);
        let text = |text: Option<Text>| text.map(|text| text.0);
        let invite = InviteMeeting {
            account_sid: input.account_sid.0,
            auth_token: AuthToken::new(input.auth_token.0),
            version: text(input.version)
                .unwrap_or_else(|| String::from(InviteMeeting::DEFAULT_VERSION)),
            timestamp: text(input.timestamp).unwrap_or_else(|| ytx::timestamp_at(now)),
            appid: input.appid.0,
            confid: input.confid.0,
            parties: input.parties.0,
            custom_parm: text(input.custom_parm),
            action: text(input.action),
        };
        let mut params = Params::new()
            .with("accountSID", invite.account_sid.as_str())
            .with("authToken", invite.auth_token.expose())
            .with("version", invite.version.as_str())
            .with("timestamp", invite.timestamp.as_str())
            .with("appid", invite.appid.as_str())
            .with("confid", invite.confid.as_str())
            .with("parties", ytx::parties_json(&invite.parties));
        for (name, value) in [
            ("CustomParm", &invite.custom_parm),
            ("action", &invite.action),
        ] {
            if let Some(value) = value {
                params.push(name, value.as_str());
            }
        }
        let options = validator::ValidateOptions {
            mode: Mode::Build,
            now: Some(now),
        };
        let findings = gate(
            validator::validate(Api::InviteMeeting, &params, &options),
            input.validate,
        )?;
        let environment = input.environment.map(|choice| choice.0).unwrap_or_default();
        let built = ytx::build_invite_meeting(&invite, environment);
        to_js(&InviteMeetingRequest {
            request: PreparedRequest::new(&built.request, input.base_url),
            signed: YtxSignResult::from(built.signature),
            body: String::from_utf8_lossy(&built.request.body).into_owned(),
            timestamp: invite.timestamp,
            findings,
        })
    })
}

/// The input of `buildInviteMeeting`.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InviteMeetingInput {
    /// The account's 32-character `accountSID`.
    #[serde(rename = "accountSID")]
    #[tsify(type = "string")]
    account_sid: Text,
    /// The account's AUTH TOKEN: signed with, never sent.
    #[tsify(type = "string")]
    auth_token: Text,
    /// The application id.
    #[tsify(type = "string")]
    appid: Text,
    /// The conference id.
    #[tsify(type = "string")]
    confid: Text,
    /// The people to invite.
    #[tsify(type = "ReadonlyArray<Party>")]
    parties: Parties,
    /// `CustomParm` in the body; left out when not given.
    #[tsify(optional, type = "string")]
    custom_parm: Option<Text>,
    /// Default `inviteJoinMeeting`.
    #[tsify(optional, type = "string")]
    action: Option<Text>,
    /// Default `201612`.
    #[tsify(optional, type = "string")]
    version: Option<Text>,
    /// `yyyyMMddHHmmss` in UTC+8; default: `clock`.
    #[tsify(optional, type = "string")]
    timestamp: Option<Text>,
    /// The current time, `yyyyMMddHHmmss` in UTC+8; default: now.
    #[tsify(optional, type = "string")]
    clock: Option<Clock>,
    /// Default `sandbox`.
    #[tsify(optional, type = "YtxEnvironment")]
    environment: Option<Choice<YtxEnvironment>>,
    /// Where `url` and `curl` send the request; default `http://{host}`.
    #[tsify(optional, type = "string")]
    base_url: Option<Text>,
    /// Validate first (default `true`): an ERROR finding throws `validation-failed`.
    #[tsify(optional, type = "boolean")]
    validate: Option<Flag>,
}

/// The result of `buildInviteMeeting`.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct InviteMeetingRequest {
    #[serde(flatten)]
    request: PreparedRequest,
    #[serde(flatten)]
    signed: YtxSignResult,
    /// The compact JSON body.
    body: String,
    /// The timestamp used in `sign` and `authorization`.
    timestamp: String,
    /// Every finding of the validator (WARNs; ERRORs too with `validate: false`).
    findings: Vec<Finding>,
}

/// What every builder returns about the HTTP request.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PreparedRequest {
    /// Always `POST`.
    #[tsify(type = "\"POST\"")]
    method: String,
    /// The `Host` header.
    host: String,
    /// Path and query.
    path: String,
    /// `baseUrl` + `path`.
    url: String,
    /// The `Content-Type` header.
    content_type: String,
    /// The headers to send, in order (`Host` and `Content-Length` are left to `fetch`).
    headers: Vec<(String, String)>,
    /// The raw HTTP/1.1 request as text (non-UTF-8 file bytes shown as U+FFFD).
    raw: String,
    /// A POSIX-shell `curl` command that sends exactly these bytes to `baseUrl`.
    curl: String,
}

impl PreparedRequest {
    /// The parts of `request` a page shows or sends; `url` and `curl` go to `base_url`
    /// (default `http://{host}`).
    fn new(request: &crate::request::PreparedRequest, base_url: Option<Text>) -> Self {
        let base_url = base_url.map_or_else(|| request.default_base_url(), |text| text.0);
        PreparedRequest {
            method: request.method.clone(),
            host: request.host.clone(),
            path: request.path.clone(),
            url: request.url(&base_url),
            content_type: String::from(request.content_type().unwrap_or_default()),
            headers: request.headers.clone(),
            raw: request.to_string(),
            curl: request.to_curl(&base_url),
        }
    }
}

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
#[wasm_bindgen(unchecked_return_type = "Finding[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "ApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(|| {
        let api = read::optional_api(&api, Path::arg("api"))?;
        let (params, _) = read::params(&params, Path::arg("params"))?;
        let options: ValidateOptions = typed::options(&options, Path::arg("options"))?;
        let findings = match api {
            Some(api) => {
                let mode = options.mode.map(|choice| choice.0).unwrap_or_default();
                let now = Some(options.clock.map_or_else(now, |clock| clock.0));
                validator::validate(api, &params, &validator::ValidateOptions { mode, now })
            }
            None => validator::validate_generic(&params),
        };
        to_js(&findings.iter().map(Finding::from).collect::<Vec<_>>())
    })
}

/// Options of `validate`.
#[derive(Default, Deserialize, Tsify)]
pub struct ValidateOptions {
    /// `build` (default): the list the builder sends; `raw`: a list sent as it is.
    #[tsify(optional, type = "\"build\" | \"raw\"")]
    mode: Option<Choice<Mode>>,
    /// The current time, `yyyyMMddHHmmss` in UTC+8, for the YTX timestamp window; default: now.
    #[tsify(optional, type = "string")]
    clock: Option<Clock>,
}

/// What the validator reports about one parameter, or (`"(body)"`) about the whole body.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct Finding {
    /// The parameter name, or `"(body)"` for the body-size warning of `buildDaokeRequest`.
    field: String,
    /// How serious it is.
    severity: Severity,
    /// Which side disagrees (spec §3.1).
    class: FindingClass,
    /// The rule's id, e.g. `appKey.format` or `request.repeatedName`.
    rule: &'static str,
    /// The error code the server answers with, where known.
    server_code: Option<&'static str>,
    /// What is wrong and what to do.
    messages: Bilingual,
}

impl From<&validator::Finding> for Finding {
    fn from(finding: &validator::Finding) -> Self {
        Finding {
            field: finding.field.clone(),
            severity: finding.severity,
            class: finding.class,
            rule: finding.rule,
            server_code: finding.server_code,
            messages: finding.message.clone(),
        }
    }
}

/// The findings of a build, or — when `validate` is not `false` and one of them is an
/// ERROR — the `validation-failed` error that stops it.
fn gate(
    findings: Vec<validator::Finding>,
    validate: Option<Flag>,
) -> Result<Vec<Finding>, Failure> {
    let findings: Vec<Finding> = findings.iter().map(Finding::from).collect();
    let errors: Vec<&str> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(|finding| finding.field.as_str())
        .collect();
    let (Some(first), true) = (errors.first(), validate.is_none_or(|flag| flag.0)) else {
        return Ok(findings);
    };
    let (fields, count) = (errors.join(", "), errors.len().to_string());
    Err(Failure::Signkit(SignkitError {
        code: "validation-failed",
        field: Some(String::from(*first)),
        message: Bilingual::owned(
            ["The request was not built: the validator found ", &count, " error(s), in ", &fields, ". Each finding in error.findings names the rule and the fix; correct the values, or pass validate: false to build the request anyway."].concat(),
            ["请求未构建：校验器发现 ", &count, " 个错误，涉及 ", &fields, "。error.findings 中的每条结果都说明了违反的规则和修正方法；请修正这些值，或传入 validate: false 以强制构建。"].concat(),
        ),
        findings: Some(to_js(&findings)?),
    }))
}

/// Decodes a reply body from `api` (spec §7): whether it succeeded (decided solely on the
/// code being `"0"`), the code, its meaning and remedy in English and Chinese, the
/// structured `outcome`, the parameter the server blamed, and the parsed `result`.
///
/// Never throws because of the reply text (an empty body, HTML or garbage is an `unrecognised`
/// outcome); it throws only when `api` is not an endpoint name or `text` is not a string.
#[wasm_bindgen(js_name = decodeReply, unchecked_return_type = "Reply")]
pub fn decode_reply(
    #[wasm_bindgen(unchecked_param_type = "ApiName")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    call(|| {
        let api = read::api(&api, Path::arg("api"))?;
        let text = read::string(&text, Path::arg("text"))?;
        let mut reply = crate::reply::decode_reply_for(api, &text);
        // serde-wasm-bindgen refuses integers beyond 2^53, which a reply may hold; like
        // JSON.parse, the payload gives them as the nearest number instead.
        let result = reply.result.take();
        let js = to_js(&reply)?;
        if let Some(result) = &result {
            let _ = js_sys::Reflect::set(&js, &JsValue::from_str("result"), &to_js(&Json(result))?);
        }
        Ok(js)
    })
}

/// A JSON value whose numbers are written as `f64`.
struct Json<'a>(&'a serde_json::Value);

impl Serialize for Json<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde_json::Value;
        match self.0 {
            Value::Number(number) => serializer.serialize_f64(number.as_f64().unwrap_or(f64::NAN)),
            Value::Array(items) => serializer.collect_seq(items.iter().map(Json)),
            Value::Object(members) => {
                serializer.collect_map(members.iter().map(|(key, value)| (key, Json(value))))
            }
            other => other.serialize(serializer),
        }
    }
}

/// The five endpoints as data: path, encoding, title and summary, and every parameter with
/// its label, help, default, example, live counter and rules, plus the seed's sample
/// parameters — everything a form needs, in English and Chinese.
#[wasm_bindgen(unchecked_return_type = "EndpointDescription[]")]
pub fn endpoints() -> Result<JsValue, JsValue> {
    call(|| to_js(&crate::endpoint::all()))
}

// The core's types that cross as their serde shapes, and the codes of the errors only the
// full package throws.
#[wasm_bindgen(typescript_custom_section)]
const CORE_TYPES: &str = r#"
/** A daoke body encoding. */
export type Encoding = "form-urlencoded" | "multipart";

/** The YTX platform a request is for: `sandbox.ytx.net` or `api.ytx.net`. */
export type YtxEnvironment = "sandbox" | "production";

/** A request that cannot be built as asked (the bytes would be wrong or ambiguous). */
export type BuildErrorCode =
  | EncodeErrorCode
  | "missing-path"
  | "invalid-path"
  | "invalid-host"
  | "files-need-multipart";

/** How serious a finding is. */
export type Severity = "error" | "warn";

/** Which side disagrees (spec §3.1). */
export type FindingClass = "both" | "request" | "server-only" | "seed-only" | "advisory" | "seed";

/** Errors about validation. */
export type ValidationErrorCode = "validation-failed";

export interface SignkitError {
  /** With `validation-failed`: the findings, ERRORs among them. */
  findings?: Finding[];
}

/** Whether a parameter must be given. */
export type Requirement = "required" | "seedRequired" | "optional" | "builderDefault";

/** A set of ASCII characters. */
export type CharClass = "digits" | "lowerHex" | "alphanumeric" | "word";

/** What kind of value a parameter holds (the input widget a form uses). */
export type ParamKind =
  | { type: "text" }
  | { type: "longText" }
  | { type: "digits" }
  | { type: "accountId" }
  | { type: "accountIdList" }
  | { type: "flag" }
  | { type: "url" }
  | { type: "token" }
  | { type: "secret" }
  | { type: "tags"; maxTags: number; maxChars: number }
  | { type: "parties" }
  | { type: "timestamp" }
  | { type: "version" };

/** A live counter for an input. */
export interface Limit {
  unit: "chars" | "serverUnits" | "bytes";
  max: number;
}

/** A condition on one parameter's canonical value (or its absence). */
export type Check =
  | "missing"
  | "present"
  | "empty"
  | "sqlBreaking"
  | "hasBackslash"
  | "notUrl"
  | "flagRejected"
  | "flagVersionDependent"
  | "flagPointOne"
  | "flagNonCanonical"
  | "notANumber"
  | "noListItems"
  | "emptyListItems"
  | "duplicateListItems"
  | "noCallbackHostPort"
  | "callbackPathEmpty"
  | "notBeijingTime"
  | "partiesNotJsonArray"
  | "partiesEmpty"
  | "partyMalformed"
  | "partyPhoneUnusual"
  | "partyExtraKeys"
  | { notMatching: string }
  | { hasCharOutside: CharClass }
  | { firstCharIn: CharClass }
  | { charsOver: number }
  | { charsUnder: number }
  | { charsExactly: number }
  | { serverUnitsOver: number }
  | { serverUnitsUnder: number }
  | { bytesOver: number }
  | { bytesUnder: number }
  | { contains: string }
  | { notStartingWith: { prefix: string; caseSensitive: boolean } }
  | { notOneOf: string[] }
  | { pathNotEndingWith: string }
  | { tailLacks: { bytes: number; anyOf: string[] } }
  | { numberOtherThan: number | null }
  | { listItemsOver: number }
  | { listItemCharsOver: number }
  | { listItemServerUnitsOver: number }
  | { listItemNotMatching: string }
  | { outsideWindow: { seconds: number } }
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check };

/** One rule of a parameter: when `check` matches, the parameter gets this finding. */
export interface Rule {
  id: string;
  check: Check;
  severity: Severity;
  class: FindingClass;
  serverCode: string | null;
  message: Bilingual;
}

/** One parameter of an endpoint. */
export interface ParamDescription {
  name: string;
  required: Requirement;
  kind: ParamKind;
  /** A credential shared by every endpoint of the vendor. */
  credential: boolean;
  /** Mask it; keep it out of logs and previews. */
  secret: boolean;
  label: Bilingual;
  help: Bilingual;
  default: string | null;
  example: string | null;
  limit: Limit | null;
  /** The server's own limit where it counts in another unit (applyMicroChannel: server units). */
  serverLimit: Limit | null;
  /** In precedence order: the first that matches decides. */
  rules: Rule[];
}

/** One endpoint as data. */
export interface EndpointDescription {
  api: ApiName;
  vendor: "daoke" | "ytx";
  method: "POST";
  /** The request path (a template for YTX). */
  path: string;
  title: Bilingual;
  summary: Bilingual;
  defaultEncoding: Encoding | null;
  params: ParamDescription[];
  /** The seed document's sample parameters, unsigned. */
  example: Array<[string, string]>;
}

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The structured meaning of a reply. */
export type Outcome =
  | { kind: "groupCreated"; groupId: string }
  | { kind: "verified"; applicants: Array<{ accountId: string; status: number }> }
  | { kind: "channelApplied" }
  | { kind: "invited"; count: number }
  | { kind: "meetingInvited"; requestId: string }
  | { kind: "ok" }
  | { kind: "failed"; code: string; detail: string | null }
  | { kind: "unrecognised"; reason: Bilingual };

/** A decoded reply. */
export interface Reply {
  vendor: "daoke" | "ytx";
  api: ApiName | null;
  /** Whether the code is exactly `"0"`. */
  ok: boolean;
  /** `ERRORCODE` / `statusCode`, when one was found. */
  code: string | null;
  outcome: Outcome;
  meaning: Bilingual;
  remedy: Bilingual;
  /** The request parameter the server blamed. */
  field: string | null;
  /** A remark about the reply's form (read by the fallback scan, undocumented shape). */
  note: Bilingual | null;
  /** daoke `RESULT`, or the whole YTX reply object. */
  result: JsonValue | null;
  /** The reply text as received. */
  raw: string;
}
"#;

/// The current time in Unix seconds (`Date.now()`): with the boundary seed, the only
/// outside input of the package; both can be passed in instead.
pub(crate) fn now() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}
