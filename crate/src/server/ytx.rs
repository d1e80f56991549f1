//! What the YTX server reads from a request before it looks at the body (spec §10.8 steps
//! 1–4): the route, the `Sign` of the query, the `Authorization` header and the timestamp
//! window. The emulator answers the first failing check; the sign doctor reports them all.

use super::HttpRequest;
use crate::time::BeijingTime;

/// The accepted window around the server's clock, in seconds, both ends included
/// (sandbox-defined, spec §10.8 step 4).
pub const TIMESTAMP_WINDOW_SECONDS: u64 = 86_400;

/// Step 1: `POST /{6 digits}/sid/{accountSID}/call/TeleMeeting.wx` → the accountSID.
pub fn route<'p>(method: &str, path: &'p str) -> Option<&'p str> {
    if method != "POST" {
        return None;
    }
    account_sid(path).filter(|_| {
        let segments: Vec<&str> = path.split('/').collect();
        matches!(
            segments.as_slice(),
            ["", version, "sid", _, "call", "TeleMeeting.wx"]
                if version.len() == 6 && version.bytes().all(|b| b.is_ascii_digit())
        )
    })
}

/// The accountSID segment of a YTX path `/{x}/sid/{accountSID}/…` (non-empty), whatever the
/// rest of the path is.
pub fn account_sid(path: &str) -> Option<&str> {
    let mut segments = path.split('/');
    match (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) {
        (Some(""), Some(first), Some("sid"), Some(sid)) if !first.is_empty() && !sid.is_empty() => {
            Some(sid)
        }
        _ => None,
    }
}

/// Step 2: the first query parameter named exactly `Sign` with a non-empty value, as sent
/// (not percent-decoded).
pub fn query_sign(query: &str) -> Option<&str> {
    query
        .split('&')
        .filter_map(|piece| piece.split_once('='))
        .find(|(name, value)| *name == "Sign" && !value.is_empty())
        .map(|(_, value)| value)
}

/// The `Authorization` header's value (name in any case), trimmed of spaces and tabs.
pub fn authorization_header(request: &HttpRequest) -> Option<&str> {
    request
        .header("Authorization")
        .map(|value| value.trim_matches([' ', '\t']))
}

/// Step 3: the `Authorization` value decoded as standard Base64 with padding to UTF-8
/// text, split at its first `|` into (accountSID, timestamp). `None` is `SBX003`.
pub fn authorization(value: &str) -> Option<(String, String)> {
    let plain = String::from_utf8(crate::base64::decode(value)?).ok()?;
    let (account_sid, timestamp) = plain.split_once('|')?;
    Some((account_sid.to_owned(), timestamp.to_owned()))
}

/// Step 4, its two halves: the timestamp read as `yyyyMMddHHmmss` in UTC+8 (`None` is
/// `SBX005`) …
pub fn timestamp(text: &str) -> Option<BeijingTime> {
    BeijingTime::parse(text)
}

/// … and whether it lies within [`TIMESTAMP_WINDOW_SECONDS`] of `now` (else `SBX006`).
pub fn within_window(timestamp: BeijingTime, now: i64) -> bool {
    timestamp.to_unix().abs_diff(now) <= TIMESTAMP_WINDOW_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_and_account_sid() {
        let path = "/201612/sid/abc/call/TeleMeeting.wx";
        assert_eq!(route("POST", path), Some("abc"));
        assert_eq!(route("GET", path), None);
        assert_eq!(route("POST", "/20161/sid/abc/call/TeleMeeting.wx"), None);
        assert_eq!(route("POST", "/201612/sid//call/TeleMeeting.wx"), None);
        assert_eq!(account_sid("/x/sid/abc/other"), Some("abc"));
        assert_eq!(account_sid("/x/sid"), None);
    }

    #[test]
    fn sign_and_authorization() {
        assert_eq!(query_sign("a=1&Sign=AB&Sign=CD"), Some("AB"));
        assert_eq!(query_sign("Sign=&sign=AB"), None);
        let value = crate::base64::encode(b"sid|20161212093000");
        assert_eq!(
            authorization(&value),
            Some(("sid".into(), "20161212093000".into()))
        );
        assert_eq!(authorization(&crate::base64::encode(b"sid:1")), None);
        let now = BeijingTime::parse("20161212093000").map(BeijingTime::to_unix);
        let ts = timestamp("20161213093000");
        assert!(ts.zip(now).is_some_and(|(t, n)| within_window(t, n)));
        assert!(timestamp("20161213093001")
            .zip(now)
            .is_some_and(|(t, n)| !within_window(t, n)));
    }
}
