//! The YTX inviteMeeting emulation (spec §10.8): its checks, in order, and the
//! sandbox-defined codes of §8.3.

use serde_json::Value;

use super::reply::{server_text, ytx_response};
use super::state::{Invitation, State, YtxAccount};
use super::{HttpRequest, HttpResponse};
use crate::api::Vendor;
use crate::catalogue::SUCCESS;
use crate::server::ytx as server;
use crate::time::BeijingTime;
use crate::ytx::{ytx_sign, AuthToken};

/// Why a YTX request failed, in the order the checks run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failure {
    Route,
    SignMissing,
    Authorization,
    AccountDiffers,
    TimestampMalformed,
    TimestampOutsideWindow,
    UnknownAccount,
    SignMismatch,
    BodyNotObject,
    UnknownAction,
    MissingParameter,
    Application,
    Parties,
}

impl Failure {
    /// The `statusCode` (its `statusMsg` is the catalogue's text).
    fn code(self) -> &'static str {
        match self {
            Failure::Route => "SBX001",
            Failure::SignMissing => "SBX002",
            Failure::Authorization => "SBX003",
            Failure::AccountDiffers => "SBX004",
            Failure::TimestampMalformed => "SBX005",
            Failure::TimestampOutsideWindow => "SBX006",
            Failure::UnknownAccount => "SBX007",
            Failure::SignMismatch => "SBX008",
            Failure::BodyNotObject => "SBX009",
            Failure::UnknownAction => "SBX010",
            Failure::MissingParameter => "-2",
            Failure::Application => "-205",
            Failure::Parties => "SBX011",
        }
    }
}

/// Answers a request routed to YTX (`path` without the query, `query` after the `?`).
pub fn handle(
    state: &mut State,
    request: &HttpRequest,
    path: &str,
    query: &str,
    now: i64,
) -> HttpResponse {
    match run(state, request, path, query, now) {
        Ok(request_id) => ytx_response(SUCCESS, server_text(Vendor::Ytx, SUCCESS), &request_id),
        Err(failure) => ytx_response(failure.code(), server_text(Vendor::Ytx, failure.code()), ""),
    }
}

fn run(
    state: &mut State,
    request: &HttpRequest,
    path: &str,
    query: &str,
    now: i64,
) -> Result<String, Failure> {
    // 1. Route.
    let account_sid = server::route(&request.method, path).ok_or(Failure::Route)?;
    // 2. Sign present (used as sent, not percent-decoded).
    let sign = server::query_sign(query).ok_or(Failure::SignMissing)?;
    // 3. Authorization = Base64(accountSID "|" timestamp).
    let (authorized_sid, timestamp) = server::authorization_header(request)
        .and_then(server::authorization)
        .ok_or(Failure::Authorization)?;
    if authorized_sid != account_sid {
        return Err(Failure::AccountDiffers);
    }
    // 4. Timestamp.
    let instant = server::timestamp(&timestamp).ok_or(Failure::TimestampMalformed)?;
    if !server::within_window(instant, now) {
        return Err(Failure::TimestampOutsideWindow);
    }
    // 5. Account.
    let ytx = &state.ytx;
    let account = ytx
        .accounts
        .iter()
        .rev()
        .find(|a| a.account_sid == account_sid)
        .ok_or(Failure::UnknownAccount)?;
    // 6. Sign value, case-insensitive.
    if !sign.eq_ignore_ascii_case(&expected_sign(account, &timestamp)) {
        return Err(Failure::SignMismatch);
    }
    // 7. Body: a JSON object (a repeated key: the last one wins).
    let body = match serde_json::from_slice::<Value>(&request.body) {
        Ok(Value::Object(map)) => map,
        _ => return Err(Failure::BodyNotObject),
    };
    // 8. action.
    if body
        .get("action")
        .is_some_and(|a| a.as_str() != Some("inviteJoinMeeting"))
    {
        return Err(Failure::UnknownAction);
    }
    // 9. Required fields.
    let non_empty_text = |name: &str| {
        body.get(name)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let (appid, confid) = match (non_empty_text("appid"), non_empty_text("confid")) {
        (Some(appid), Some(confid)) => (appid, confid),
        _ => return Err(Failure::MissingParameter),
    };
    let parties_sent = body.get("parties").ok_or(Failure::MissingParameter)?;
    let is_blank = match parties_sent {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    };
    if is_blank {
        return Err(Failure::MissingParameter);
    }
    // 10. Application: this account's, this environment's, online.
    let info = ytx.app_info.get(appid);
    let environment = info.and_then(|i| i.environment).unwrap_or(ytx.environment);
    let online = info.is_none_or(|i| i.online);
    if !account.appids.iter().any(|a| a == appid) || environment != ytx.environment || !online {
        return Err(Failure::Application);
    }
    // 11. parties: a string holding a JSON array, or a JSON array.
    let parties = parties_array(parties_sent).ok_or(Failure::Parties)?;

    // 12. Success.
    let (account_sid, appid, confid) =
        (account_sid.to_owned(), appid.to_owned(), confid.to_owned());
    let custom_parm = body.get("CustomParm").cloned();
    let month = BeijingTime::from_unix(now);
    let request_id = format!(
        "{:04}{:02}{:010}",
        month.year, month.month, state.ytx.next_request_seq
    );
    state.ytx.next_request_seq = state.ytx.next_request_seq.saturating_add(1);
    state.ytx.invitations.push(Invitation {
        request_id: request_id.clone(),
        account_sid,
        appid,
        confid,
        parties,
        custom_parm,
        at: now,
    });
    Ok(request_id)
}

/// The `Sign` signkit's YTX signer computes: MD5(accountSID + authToken + timestamp).
fn expected_sign(account: &YtxAccount, timestamp: &str) -> String {
    let token = AuthToken::new(account.auth_token.as_str());
    ytx_sign(&account.account_sid, &token, timestamp).sign
}

/// A non-empty array of objects with non-empty string `name` and `phone`, sent as a JSON
/// array or as a string holding one.
fn parties_array(sent: &Value) -> Option<Value> {
    let parties = match sent {
        Value::String(text) => serde_json::from_str::<Value>(text).ok()?,
        other => other.clone(),
    };
    let items = parties.as_array()?;
    let has_text = |party: &Value, key: &str| {
        party
            .get(key)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.is_empty())
    };
    let well_formed = !items.is_empty()
        && items
            .iter()
            .all(|p| p.is_object() && has_text(p, "name") && has_text(p, "phone"));
    well_formed.then_some(parties)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_has_its_message_in_the_catalogue() {
        use Failure::*;
        let all = [
            Route,
            SignMissing,
            Authorization,
            AccountDiffers,
            TimestampMalformed,
            TimestampOutsideWindow,
            UnknownAccount,
            SignMismatch,
            BodyNotObject,
            UnknownAction,
            MissingParameter,
            Application,
            Parties,
        ];
        for failure in all {
            let info =
                crate::catalogue::lookup(Vendor::Ytx, failure.code()).expect("a catalogue entry");
            assert!(
                info.server_result
                    .is_some_and(|text| text != failure.code()),
                "{failure:?}"
            );
        }
    }
}
