//! The YTX signature (spec §6): `Sign` = upper-case hex MD5 of `accountSID + authToken +
//! timestamp`, `Authorization` = Base64 of `accountSID|timestamp`.

use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};

use crate::digits::hex_upper;
use crate::text::concat;
use crate::time::BeijingTime;

/// A YTX AUTH TOKEN. It only feeds the MD5 `Sign` and is never sent.
///
/// `Debug` prints `AuthToken(<redacted>)` and there is no `Display`; [`AuthToken::expose`]
/// is the one explicit way to read it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AuthToken(String);

impl AuthToken {
    /// Wraps an auth token.
    pub fn new(token: impl Into<String>) -> Self {
        AuthToken(token.into())
    }

    /// The token itself. Call this only where the token is really needed.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl core::fmt::Debug for AuthToken {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("AuthToken(<redacted>)")
    }
}

/// The text whose MD5 is the `Sign`: `accountSID + authToken + timestamp`, no separators.
///
/// `Display` (and `Debug`) show the token as [`YtxStringToSign::TOKEN_MARKER`];
/// [`YtxStringToSign::reveal`] returns the exact text.
#[derive(Clone, PartialEq, Eq)]
pub struct YtxStringToSign {
    account_sid: String,
    auth_token: AuthToken,
    timestamp: String,
}

impl YtxStringToSign {
    /// What `Display` prints instead of the auth token.
    pub const TOKEN_MARKER: &'static str = "<authToken>";

    /// The exact text that is hashed, **auth token included**. Show it only on request.
    pub fn reveal(&self) -> String {
        concat(&[&self.account_sid, self.auth_token.expose(), &self.timestamp])
    }

    /// `accountSID<authToken>timestamp`: the string to sign with the token redacted (what
    /// `Display` prints).
    pub fn redacted(&self) -> String {
        concat(&[&self.account_sid, Self::TOKEN_MARKER, &self.timestamp])
    }
}

impl core::fmt::Display for YtxStringToSign {
    /// `accountSID<authToken>timestamp`: the string to sign with the token redacted.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl core::fmt::Debug for YtxStringToSign {
    /// The redacted text (as `Display`), quoted.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("YtxStringToSign")
            .field(&self.redacted())
            .finish()
    }
}

/// Everything YTX authentication needs for one request (spec §6 steps 2–3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YtxSignature {
    /// The `Sign` query parameter: 32 upper-case hex digits of MD5(string to sign).
    pub sign: String,
    /// The `Authorization` header: standard Base64 of [`YtxSignature::authorization_plain`].
    pub authorization: String,
    /// `accountSID|timestamp` (the seed's text says `|`; its sample uses `:`, spec §12).
    pub authorization_plain: String,
    /// What was hashed (redacted when printed).
    pub string_to_sign: YtxStringToSign,
}

/// Signs with YTX's scheme. The same `timestamp` goes into `Sign` and `Authorization`, as
/// the platform requires; it is used as given (see [`timestamp_at`] for the usual value).
pub fn ytx_sign(account_sid: &str, auth_token: &AuthToken, timestamp: &str) -> YtxSignature {
    let string_to_sign = YtxStringToSign {
        account_sid: account_sid.to_owned(),
        auth_token: auth_token.clone(),
        timestamp: timestamp.to_owned(),
    };
    let sign = hex_upper(&md5::compute(string_to_sign.reveal()).0);
    let authorization_plain = concat(&[account_sid, "|", timestamp]);
    let authorization = crate::base64::encode(authorization_plain.as_bytes());
    YtxSignature {
        sign,
        authorization,
        authorization_plain,
        string_to_sign,
    }
}

/// The YTX timestamp for an instant: `yyyyMMddHHmmss` in UTC+8 (spec §6 step 1).
pub fn timestamp_at(unix_seconds: i64) -> String {
    BeijingTime::from_unix(unix_seconds).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SID: &str = "abcdefghijklmnopqrstuvwxyz012345";
    const TOKEN: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn worked_example_of_the_spec() {
        // Spec §6.1 (vector Y01).
        let signature = ytx_sign(SID, &AuthToken::new(TOKEN), "20161212093000");
        assert_eq!(signature.sign, "F8F3C3E8991006B80934A19CEBF2D3A4");
        assert_eq!(
            signature.authorization_plain,
            "abcdefghijklmnopqrstuvwxyz012345|20161212093000"
        );
        assert_eq!(
            signature.authorization,
            "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzNDV8MjAxNjEyMTIwOTMwMDA="
        );
        assert_eq!(
            signature.string_to_sign.reveal(),
            "abcdefghijklmnopqrstuvwxyz0123450123456789abcdef0123456789abcdef20161212093000"
        );
    }

    #[test]
    fn display_redacts_the_token_and_reveal_shows_it() {
        let signature = ytx_sign("SID", &AuthToken::new("TOPSECRET"), "20000101000000");
        assert_eq!(
            signature.string_to_sign.to_string(),
            "SID<authToken>20000101000000"
        );
        assert_eq!(
            signature.string_to_sign.reveal(),
            "SIDTOPSECRET20000101000000"
        );
    }

    #[test]
    fn debug_never_contains_the_token() {
        let token = AuthToken::new("TOPSECRET");
        assert_eq!(format!("{token:?}"), "AuthToken(<redacted>)");
        let signature = ytx_sign("SID", &token, "20000101000000");
        for text in [format!("{signature:?}"), format!("{signature:#?}")] {
            assert!(!text.contains("TOPSECRET"), "{text}");
            assert!(text.contains("SID<authToken>20000101000000"), "{text}");
        }
    }

    #[test]
    fn sign_is_upper_case_md5() {
        // MD5("") = d41d8cd98f00b204e9800998ecf8427e (RFC 1321 test suite).
        assert_eq!(
            ytx_sign("", &AuthToken::new(""), "").sign,
            "D41D8CD98F00B204E9800998ECF8427E"
        );
        // MD5("abc") = 900150983cd24fb0d6963f7d28e17f72, split across the three inputs.
        assert_eq!(
            ytx_sign("a", &AuthToken::new("b"), "c").sign,
            "900150983CD24FB0D6963F7D28E17F72"
        );
    }

    #[test]
    fn timestamp_is_utc_plus_8() {
        assert_eq!(timestamp_at(0), "19700101080000");
        // 2016-12-12T01:30:00Z is 09:30 in Beijing.
        assert_eq!(timestamp_at(1_481_506_200), "20161212093000");
    }
}
