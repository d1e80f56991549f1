//! The inviteMeeting request (spec §6, inviteMeeting.md): URL with `Sign`, headers with
//! `Authorization`, and a compact JSON body written by hand.
//!
//! The JSON is written here rather than with serde so that the signer-only build stays
//! small; the escaping is exactly `serde_json`'s (the vectors were made with it).

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::request::PreparedRequest;
use crate::text::push_quoted;
use crate::ytx::sign::{ytx_sign, AuthToken, YtxSignature};

/// One person to invite.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Party {
    /// Display name (any text; Chinese and emoji are sent as raw UTF-8).
    pub name: String,
    /// A mobile number, or a landline number with `,` and an extension (`01053889900,1234`).
    pub phone: String,
}

impl Party {
    /// A party.
    pub fn new(name: impl Into<String>, phone: impl Into<String>) -> Self {
        Party {
            name: name.into(),
            phone: phone.into(),
        }
    }
}

/// Which YTX platform a request is for. Sandbox ("体验") appids only work against the
/// sandbox and production appids only against production (spec §2.2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum YtxEnvironment {
    /// `sandbox.ytx.net`.
    #[default]
    Sandbox,
    /// `api.ytx.net`.
    Production,
}

impl YtxEnvironment {
    /// The environment's host.
    pub const fn host(self) -> &'static str {
        match self {
            YtxEnvironment::Sandbox => "sandbox.ytx.net",
            YtxEnvironment::Production => "api.ytx.net",
        }
    }

    /// `"sandbox"` or `"production"` (the names the sandbox fixtures use).
    pub const fn name(self) -> &'static str {
        match self {
            YtxEnvironment::Sandbox => "sandbox",
            YtxEnvironment::Production => "production",
        }
    }

    /// The inverse of [`YtxEnvironment::name`].
    pub fn from_name(name: &str) -> Option<YtxEnvironment> {
        match name {
            "sandbox" => Some(YtxEnvironment::Sandbox),
            "production" => Some(YtxEnvironment::Production),
            _ => None,
        }
    }
}

/// The inputs of an inviteMeeting request. `Default` gives empty strings, version
/// [`InviteMeeting::DEFAULT_VERSION`] and no `CustomParm` or `action` override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteMeeting {
    /// ACCOUNT SID: placed in the path verbatim and in `Authorization`.
    pub account_sid: String,
    /// AUTH TOKEN: only used inside `Sign`.
    pub auth_token: AuthToken,
    /// API version in the path, normally [`InviteMeeting::DEFAULT_VERSION`].
    pub version: String,
    /// `yyyyMMddHHmmss` in UTC+8, used in `Sign` and `Authorization` (see
    /// [`timestamp_at`](crate::ytx::timestamp_at)).
    pub timestamp: String,
    /// The application id.
    pub appid: String,
    /// The conference id (`meid`).
    pub confid: String,
    /// The people to invite.
    pub parties: Vec<Party>,
    /// Free text passed back in the status callback; `None` leaves the key out, `Some("")`
    /// sends `""`.
    pub custom_parm: Option<String>,
    /// The `action` value; `None` sends [`InviteMeeting::DEFAULT_ACTION`].
    pub action: Option<String>,
}

impl InviteMeeting {
    /// The version seed 003 calls current.
    pub const DEFAULT_VERSION: &'static str = "201612";

    /// The documented (and only accepted) action.
    pub const DEFAULT_ACTION: &'static str = "inviteJoinMeeting";
}

impl Default for InviteMeeting {
    fn default() -> Self {
        InviteMeeting {
            account_sid: String::new(),
            auth_token: AuthToken::default(),
            version: String::from(Self::DEFAULT_VERSION),
            timestamp: String::new(),
            appid: String::new(),
            confid: String::new(),
            parties: Vec::new(),
            custom_parm: None,
            action: None,
        }
    }
}

/// The part of an inviteMeeting request that goes into its JSON body (the credentials,
/// version and timestamp go into the URL and headers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InviteMeetingBody<'a> {
    /// The application id.
    pub appid: &'a str,
    /// The conference id (`meid`).
    pub confid: &'a str,
    /// The people to invite.
    pub parties: &'a [Party],
    /// `CustomParm`; `None` leaves the key out.
    pub custom_parm: Option<&'a str>,
    /// The `action` value; `None` sends [`InviteMeeting::DEFAULT_ACTION`].
    pub action: Option<&'a str>,
}

impl InviteMeeting {
    /// The fields of this request that its body carries.
    pub fn body(&self) -> InviteMeetingBody<'_> {
        InviteMeetingBody {
            appid: &self.appid,
            confid: &self.confid,
            parties: &self.parties,
            custom_parm: self.custom_parm.as_deref(),
            action: self.action.as_deref(),
        }
    }
}

/// The inviteMeeting JSON body (spec §6, inviteMeeting.md), compact, keys in this order:
/// `{"action":…,"appid":…,"confid":…,"parties":"[…]","CustomParm":…}`, `parties` being the
/// JSON text of the array ([`parties_json`]) sent as a string, `CustomParm` only when
/// given, non-ASCII as raw UTF-8.
pub fn invite_meeting_body(body: &InviteMeetingBody<'_>) -> String {
    body_with_parties(body, &parties_json(body.parties))
}

/// [`invite_meeting_body`] with the parties' JSON text already written.
fn body_with_parties(body: &InviteMeetingBody<'_>, parties_string: &str) -> String {
    let mut out = String::from("{");
    push_member(
        &mut out,
        "action",
        body.action.unwrap_or(InviteMeeting::DEFAULT_ACTION),
    );
    push_member(&mut out, "appid", body.appid);
    push_member(&mut out, "confid", body.confid);
    push_member(&mut out, "parties", parties_string);
    if let Some(custom_parm) = body.custom_parm {
        push_member(&mut out, "CustomParm", custom_parm);
    }
    out.push('}');
    out
}

/// A built inviteMeeting request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YtxRequest {
    /// `Sign`, `Authorization` and what was hashed.
    pub signature: YtxSignature,
    /// The `parties` value as sent: the JSON text of the array ([`parties_json`]).
    pub parties_string: String,
    /// The request: `POST`, the environment's host, path with `?Sign=`, headers, JSON body.
    pub request: PreparedRequest,
}

/// The `parties` array as compact JSON, keys `name` then `phone`, raw UTF-8:
/// `[{"name":"张三","phone":"15000000804"}]`. The body sends this text as a string.
pub fn parties_json(parties: &[Party]) -> String {
    let mut out = String::from("[");
    for (index, party) in parties.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str("{\"name\":");
        push_quoted(&mut out, &party.name);
        out.push_str(",\"phone\":");
        push_quoted(&mut out, &party.phone);
        out.push('}');
    }
    out.push(']');
    out
}

/// Builds the inviteMeeting request for `env` (spec §6):
/// `POST /{version}/sid/{accountSID}/call/TeleMeeting.wx?Sign={Sign}` with `Accept`,
/// `Content-Type` and `Authorization` headers and the body
/// `{"action":…,"appid":…,"confid":…,"parties":"[…]","CustomParm":…}` (compact, keys in
/// this order, `CustomParm` only when given).
///
/// Values are used as given: the validator, not the builder, judges them.
pub fn build_invite_meeting(invite: &InviteMeeting, env: YtxEnvironment) -> YtxRequest {
    let signature = ytx_sign(&invite.account_sid, &invite.auth_token, &invite.timestamp);
    let parties_string = parties_json(&invite.parties);
    let path = [
        "/",
        invite.version.as_str(),
        "/sid/",
        invite.account_sid.as_str(),
        "/call/TeleMeeting.wx?Sign=",
        signature.sign.as_str(),
    ]
    .concat();
    let body = body_with_parties(&invite.body(), &parties_string);
    let headers = vec![
        (String::from("Accept"), String::from("application/json")),
        (
            String::from("Content-Type"),
            String::from("application/json;charset=utf-8"),
        ),
        (
            String::from("Authorization"),
            signature.authorization.clone(),
        ),
    ];
    let request = PreparedRequest {
        method: String::from("POST"),
        host: String::from(env.host()),
        path,
        headers,
        body: body.into_bytes(),
    };
    YtxRequest {
        signature,
        parties_string,
        request,
    }
}

/// Appends `"key":"value"` to a JSON object that is still open, with a comma unless it is
/// the first member.
fn push_member(object: &mut String, key: &str, value: &str) {
    if !object.ends_with('{') {
        object.push(',');
    }
    push_quoted(object, key);
    object.push(':');
    push_quoted(object, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> String {
        let mut out = String::new();
        push_quoted(&mut out, text);
        out
    }

    fn invite() -> InviteMeeting {
        InviteMeeting {
            account_sid: "abcdefghijklmnopqrstuvwxyz012345".into(),
            auth_token: AuthToken::new("0123456789abcdef0123456789abcdef"),
            timestamp: "20161212093000".into(),
            appid: "ff8080813fc70a7b013fc72312324213".into(),
            confid: "002".into(),
            parties: vec![
                Party::new("张三", "15000000804"),
                Party::new("李四", "13600007556"),
            ],
            ..InviteMeeting::default()
        }
    }

    #[test]
    fn json_escaping_matches_serde_json() {
        let mut samples: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        samples.extend(
            [
                "",
                "a/b",
                "\"q\" \\ 42",
                "张三😀",
                "\u{7F}\u{80}\u{2028}\u{2029}\u{FEFF}",
                "\0\x1b[0m",
            ]
            .map(String::from),
        );
        for text in samples {
            assert_eq!(
                json(&text),
                serde_json::to_string(&text).unwrap(),
                "{text:?}"
            );
        }
        assert_eq!(json("\u{1}\u{1F}"), "\"\\u0001\\u001f\"");
    }

    #[test]
    fn parties_json_is_compact_with_name_then_phone() {
        assert_eq!(
            parties_json(&invite().parties),
            r#"[{"name":"张三","phone":"15000000804"},{"name":"李四","phone":"13600007556"}]"#
        );
        assert_eq!(parties_json(&[]), "[]");
        assert_eq!(
            parties_json(&[Party::new("a\"b", "1,2")]),
            r#"[{"name":"a\"b","phone":"1,2"}]"#
        );
    }

    #[test]
    fn builds_the_worked_example() {
        // Spec §6.1 (vector Y01).
        let built = build_invite_meeting(&invite(), YtxEnvironment::Sandbox);
        let request = &built.request;
        assert_eq!(request.method, "POST");
        assert_eq!(request.host, "sandbox.ytx.net");
        assert_eq!(
            request.path,
            "/201612/sid/abcdefghijklmnopqrstuvwxyz012345/call/TeleMeeting.wx?Sign=F8F3C3E8991006B80934A19CEBF2D3A4"
        );
        let body = r#"{"action":"inviteJoinMeeting","appid":"ff8080813fc70a7b013fc72312324213","confid":"002","parties":"[{\"name\":\"张三\",\"phone\":\"15000000804\"},{\"name\":\"李四\",\"phone\":\"13600007556\"}]"}"#;
        assert_eq!(String::from_utf8(request.body.clone()).unwrap(), body);
        assert_eq!(request.content_length(), 198);
        assert_eq!(
            request.headers,
            [
                ("Accept".to_string(), "application/json".to_string()),
                (
                    "Content-Type".into(),
                    "application/json;charset=utf-8".into()
                ),
                (
                    "Authorization".into(),
                    built.signature.authorization.clone()
                ),
            ]
        );
        assert_eq!(built.parties_string, parties_json(&invite().parties));
    }

    #[test]
    fn environment_chooses_the_host() {
        let production = build_invite_meeting(&invite(), YtxEnvironment::Production);
        assert_eq!(production.request.host, "api.ytx.net");
        for env in [YtxEnvironment::Sandbox, YtxEnvironment::Production] {
            assert_eq!(YtxEnvironment::from_name(env.name()), Some(env));
        }
        assert_eq!(YtxEnvironment::from_name("Sandbox"), None);
        assert_eq!(YtxEnvironment::default(), YtxEnvironment::Sandbox);
    }

    #[test]
    fn custom_parm_and_action() {
        let body = |invite: &InviteMeeting| {
            String::from_utf8(
                build_invite_meeting(invite, YtxEnvironment::Sandbox)
                    .request
                    .body,
            )
            .unwrap()
        };
        assert!(!body(&invite()).contains("CustomParm"));
        let mut with_empty = invite();
        with_empty.custom_parm = Some(String::new());
        assert!(body(&with_empty).ends_with(r#"]","CustomParm":""}"#));
        let mut custom = invite();
        custom.custom_parm = Some("order \"A/B\" \\ 42".into());
        custom.action = Some("other".into());
        let text = body(&custom);
        assert!(text.starts_with(r#"{"action":"other","#), "{text}");
        assert!(
            text.ends_with(r#","CustomParm":"order \"A/B\" \\ 42"}"#),
            "{text}"
        );
    }

    #[test]
    fn version_goes_into_the_path_and_defaults_to_201612() {
        assert_eq!(InviteMeeting::default().version, "201612");
        let mut old = invite();
        old.version = "201512".into();
        let path = build_invite_meeting(&old, YtxEnvironment::Sandbox)
            .request
            .path;
        assert!(path.starts_with("/201512/sid/"), "{path}");
    }

    #[test]
    fn debug_of_inputs_and_request_hides_the_token() {
        let invite = invite();
        let built = build_invite_meeting(&invite, YtxEnvironment::Sandbox);
        for text in [
            format!("{invite:?}"),
            format!("{built:?}"),
            built.request.to_string(),
        ] {
            assert!(!text.contains("0123456789abcdef0123456789abcdef"), "{text}");
        }
    }
}
