//! `buildDaokeRequest` and `buildInviteMeeting` (full package): whole requests, validated,
//! with URL, headers, raw HTTP and curl.

use js_sys::{Object, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::checks;
use super::daoke::{files, signed_result};
use super::edge;
use super::error::ApiError;
use super::glue::ytx_result;
use super::input::SigningInput;
use super::pieces::{push_signature, Pieces};
use super::read::{optional_api, Fields, Path, Reader};
use super::write::{set, set_request, set_str};
use super::ytx::parties;
use crate::api::Encoding;
use crate::daoke::{self, DaokeOptions, Secret};
use crate::params::Params;
use crate::ytx::{
    build_invite_meeting as build, timestamp_at, AuthToken, InviteMeeting, YtxEnvironment,
};

/// The options `buildDaokeRequest` knows.
const BUILD_OPTIONS: &[&str] = &[
    "encoding",
    "boundary",
    "files",
    "path",
    "host",
    "baseUrl",
    "seed",
    "revealSecret",
    "validate",
];

/// The properties `buildInviteMeeting` knows.
const INVITE_KEYS: &[&str] = &[
    "accountSID",
    "authToken",
    "appid",
    "confid",
    "parties",
    "customParm",
    "action",
    "version",
    "timestamp",
    "clock",
    "environment",
    "baseUrl",
    "validate",
];

/// Builds a signed daoke request, ready to send with `fetch(url, { method, headers, body })`
/// (spec §3.4): drops a stale `sign`, canonicalises values, applies the endpoint's omissions,
/// signs, and encodes the body (form-urlencoded, or multipart with an optional file part).
///
/// `api` is one of the four daoke endpoints, or `null` for a generic request (then only the
/// generic request-shape rules apply and `options.path` is required). The encoding defaults
/// to the endpoint's (multipart for inviteUserJoin, form-urlencoded otherwise). A generated
/// multipart boundary comes from `options.seed`, or from `crypto.getRandomValues` when no
/// seed is given.
///
/// The parameters are validated first: when the validator reports an ERROR the call throws
/// a `SignkitError` with `code` `"validation-failed"` and the `findings`, unless
/// `options.validate` is `false`; WARN findings never throw. The result's `findings` lists
/// every finding. `stringToSign` shows the secret as `<secret>` unless
/// `options.revealSecret` is `true`; `raw` and `curl` never contain it.
#[wasm_bindgen(js_name = buildDaokeRequest, unchecked_return_type = "DaokeRequest")]
pub fn build_daoke_request(
    #[wasm_bindgen(unchecked_param_type = "DaokeApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BuildDaokeOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let api = optional_api(&mut reader, &api, Path::arg("api"))?;
    let input = SigningInput::read(&mut reader, &params, &secret)?;
    let params: Params = input.pairs().collect();
    let secret = Secret::new(input.secret());
    let options = Fields::optional(&options, Path::arg("options"), BUILD_OPTIONS)?;
    let encodings = [Encoding::FormUrlencoded, Encoding::Multipart].map(Encoding::name);
    let core_options = DaokeOptions {
        encoding: options.choice(&mut reader, "encoding", Encoding::from_name, &encodings)?,
        boundary: options.optional_string(&mut reader, "boundary")?,
        files: files(&mut reader, &options)?,
        path: options.optional_string(&mut reader, "path")?,
        host: options.optional_string(&mut reader, "host")?,
        random_seed: match options.seed("seed")? {
            Some(seed) => seed,
            None => edge::random_seed(),
        },
    };
    let base_url = options.optional_string(&mut reader, "baseUrl")?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    let policy = checks::policy(&options)?;

    let built =
        daoke::build_daoke_request(api, &params, &secret, &core_options).map_err(ApiError::from)?;
    let findings = checks::daoke(api, &params, &policy)?;
    // The result's sign fields are the generic signer's on the same canonical list, which
    // builds them in JS from the caller's strings (the same sign as `built.signed`).
    let result: Object = signed_result(api, &input, reveal).unchecked_into();
    set_request(&result, &built.request, base_url.as_deref());
    set(
        &result,
        "body",
        &Uint8Array::from(built.request.body.as_slice()).into(),
    );
    set(&result, "findings", &findings);
    Ok(result.into())
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
    let mut reader = Reader::new();
    let input = Fields::required(&input, Path::arg("input"), INVITE_KEYS)?;
    let now = match input.beijing_time(&mut reader, "clock")? {
        Some(clock) => clock,
        None => edge::now_unix(),
    };
    let invite = InviteMeeting {
        account_sid: input.string(&mut reader, "accountSID")?,
        auth_token: AuthToken::new(input.string(&mut reader, "authToken")?),
        version: input
            .optional_string(&mut reader, "version")?
            .unwrap_or_else(|| String::from(InviteMeeting::DEFAULT_VERSION)),
        timestamp: input
            .optional_string(&mut reader, "timestamp")?
            .unwrap_or_else(|| timestamp_at(now)),
        appid: input.string(&mut reader, "appid")?,
        confid: input.string(&mut reader, "confid")?,
        parties: parties(&mut reader, &input)?,
        custom_parm: input.optional_string(&mut reader, "customParm")?,
        action: input.optional_string(&mut reader, "action")?,
    };
    let environments =
        [YtxEnvironment::Sandbox, YtxEnvironment::Production].map(YtxEnvironment::name);
    let environment = input
        .choice(
            &mut reader,
            "environment",
            YtxEnvironment::from_name,
            &environments,
        )?
        .unwrap_or_default();
    let base_url = input.optional_string(&mut reader, "baseUrl")?;
    let policy = checks::policy(&input)?;

    let findings = checks::invite_meeting(&invite, now, &policy)?;
    let built = build(&invite, environment);
    let mut pieces = Pieces::default();
    push_signature(&mut pieces, &built.signature);
    let (text, ends) = pieces.parts();
    let result: Object = ytx_result(text, ends).unchecked_into();
    set_request(&result, &built.request, base_url.as_deref());
    set_str(
        &result,
        "body",
        &String::from_utf8_lossy(&built.request.body),
    );
    set_str(&result, "timestamp", &invite.timestamp);
    set(&result, "findings", &findings);
    Ok(result.into())
}
