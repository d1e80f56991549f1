//! `ytxSign` and `buildInviteMeeting`.

use js_sys::Object;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::checks;
use super::edge;
use super::read::{Fields, Path, Reader};
use super::write::{request, set, set_str};
use crate::ytx::{
    build_invite_meeting as build, timestamp_at, ytx_sign as sign, AuthToken, InviteMeeting, Party,
    YtxEnvironment, YtxSignature,
};

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

/// The properties of a party.
const PARTY_KEYS: &[&str] = &["name", "phone"];

/// Signs with YTX's scheme (spec §6): `sign` is the upper-case MD5 of
/// `accountSID + authToken + timestamp`, `authorization` the Base64 of
/// `accountSID|timestamp`. The timestamp (`yyyyMMddHHmmss`, UTC+8) is used as given; the
/// same one must go into both. `stringToSign` shows the token as `<authToken>`.
#[wasm_bindgen(js_name = ytxSign, unchecked_return_type = "YtxSignResult")]
pub fn ytx_sign(
    #[wasm_bindgen(js_name = accountSID, unchecked_param_type = "string")] account_sid: JsValue,
    #[wasm_bindgen(js_name = authToken, unchecked_param_type = "string")] auth_token: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] timestamp: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let account_sid = reader.string(&account_sid, Path::arg("accountSID"))?;
    let auth_token = AuthToken::new(reader.string(&auth_token, Path::arg("authToken"))?);
    let timestamp = reader.string(&timestamp, Path::arg("timestamp"))?;
    let result = Object::new();
    set_signature(&result, &sign(&account_sid, &auth_token, &timestamp));
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
/// The full package validates the inputs first, exactly like `buildDaokeRequest`: an
/// ERROR throws a `SignkitError` with `code` `"validation-failed"` and the `findings` unless
/// `validate` is `false`; WARN findings (an old timestamp, another version) never throw; the
/// result's `findings` lists every finding, the 24-hour timestamp window checked against
/// `clock`. (The signer-only package does not validate.)
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
    let result = request(&built.request, base_url.as_deref());
    set_str(
        &result,
        "body",
        &String::from_utf8_lossy(&built.request.body),
    );
    set_signature(&result, &built.signature);
    set_str(&result, "timestamp", &invite.timestamp);
    if let Some(findings) = findings {
        set(&result, "findings", &findings);
    }
    Ok(result.into())
}

/// `sign`, `authorization`, `authorizationPlain` and `stringToSign` (token redacted).
fn set_signature(result: &Object, signature: &YtxSignature) {
    set_str(result, "sign", &signature.sign);
    set_str(result, "authorization", &signature.authorization);
    set_str(result, "authorizationPlain", &signature.authorization_plain);
    set_str(
        result,
        "stringToSign",
        &signature.string_to_sign.to_string(),
    );
}

/// `input.parties`: an array of `{ name, phone }`.
fn parties(reader: &mut Reader, input: &Fields<'_>) -> Result<Vec<Party>, JsValue> {
    let path = input.path("parties");
    let mut parties = Vec::new();
    for (index, party) in (0..).zip(reader.array(&input.value("parties")?, path)?) {
        let fields = Fields::required(&party, path.index(index), PARTY_KEYS)?;
        parties.push(Party {
            name: fields.string(reader, "name")?,
            phone: fields.string(reader, "phone")?,
        });
    }
    Ok(parties)
}
