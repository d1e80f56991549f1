//! `ytxSign` and `encodeInviteMeeting`: the YTX signer and body encoder of both packages.

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::glue::{ytx_result, Pieces};
use super::input::read_three;
use super::read::{Fields, Path, Reader};
use crate::ytx::{
    invite_meeting_body, ytx_sign as sign, AuthToken, InviteMeetingBody, Party, YtxSignature,
};

/// The properties `encodeInviteMeeting` knows.
const BODY_KEYS: &[&str] = &["appid", "confid", "parties", "customParm", "action"];

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
    let [account_sid, auth_token, timestamp] = read_three(
        &mut reader,
        [&account_sid, &auth_token, &timestamp],
        ["accountSID", "authToken", "timestamp"],
    )?;
    let mut pieces = Pieces::default();
    let auth_token = AuthToken::new(auth_token);
    push_signature(&mut pieces, &sign(&account_sid, &auth_token, &timestamp));
    let (text, ends) = pieces.parts();
    Ok(ytx_result(text, ends))
}

/// The inviteMeeting JSON body (spec §6, inviteMeeting.md), compact, keys in this order:
/// `{"action":…,"appid":…,"confid":…,"parties":"[…]","CustomParm":…}`. `parties` is sent
/// as the JSON text of the array (a string inside the JSON), `CustomParm` only when
/// `customParm` is given, `action` defaults to `inviteJoinMeeting`; non-ASCII is raw UTF-8.
///
/// Send it with `Content-Type: application/json;charset=utf-8`, `Accept: application/json`
/// and the `authorization` of `ytxSign` to
/// `/{version}/sid/{accountSID}/call/TeleMeeting.wx?Sign={sign}`.
#[wasm_bindgen(js_name = encodeInviteMeeting)]
pub fn encode_invite_meeting(
    #[wasm_bindgen(unchecked_param_type = "InviteMeetingBodyInput")] input: JsValue,
) -> Result<String, JsValue> {
    let mut reader = Reader::new();
    let input = Fields::required(&input, Path::arg("input"), BODY_KEYS)?;
    let appid = input.string(&mut reader, "appid")?;
    let confid = input.string(&mut reader, "confid")?;
    let parties = parties(&mut reader, &input)?;
    let custom_parm = input.optional_string(&mut reader, "customParm")?;
    let action = input.optional_string(&mut reader, "action")?;
    Ok(invite_meeting_body(&InviteMeetingBody {
        appid: &appid,
        confid: &confid,
        parties: &parties,
        custom_parm: custom_parm.as_deref(),
        action: action.as_deref(),
    }))
}

/// `sign`, `authorization`, `authorizationPlain` and `stringToSign` (token redacted).
pub(super) fn push_signature(pieces: &mut Pieces, signature: &YtxSignature) {
    pieces.push(&signature.sign);
    pieces.push(&signature.authorization);
    pieces.push(&signature.authorization_plain);
    pieces.push(&signature.string_to_sign.redacted());
}

/// `input.parties`: an array of `{ name, phone }`.
pub(super) fn parties(reader: &mut Reader, input: &Fields<'_>) -> Result<Vec<Party>, JsValue> {
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
