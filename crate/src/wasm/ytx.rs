//! `ytxSign` and `encodeInviteMeeting` of the wasm-bindgen package: the YTX signer and body
//! encoder.

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::glue::ytx_result;
use super::input::read_three;
use super::messages::{BODY_KEYS, PARTY_KEYS};
use super::pieces::{push_signature, Pieces};
use super::read::{Fields, Path, Reader};
use crate::ytx::{invite_meeting_body, ytx_sign as sign, AuthToken, InviteMeetingBody, Party};

/// The JS `ytxSign`: YTX's `Sign` and `Authorization` (spec §6). Its JS documentation is in
/// the package's `.d.ts` (the `types` module).
#[wasm_bindgen(js_name = ytxSign, skip_typescript)]
pub fn ytx_sign(
    account_sid: JsValue,
    auth_token: JsValue,
    timestamp: JsValue,
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

/// The JS `encodeInviteMeeting`: the inviteMeeting JSON body (spec §6). Its JS
/// documentation is in the package's `.d.ts` (the `types` module).
#[wasm_bindgen(js_name = encodeInviteMeeting, skip_typescript)]
pub fn encode_invite_meeting(input: JsValue) -> Result<String, JsValue> {
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
