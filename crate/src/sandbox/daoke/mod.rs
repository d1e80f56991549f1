//! The four daoke handlers: what they share (spec §4.5, §10.1, §10.7) and the dispatch.
//!
//! Each handler reproduces its endpoint file's "Server check order" step by step and
//! mutates the state as the server would; a failure after a state change keeps the change
//! (spec §10.1 "Run-time errors").

mod apply_micro_channel;
mod create_group;
mod invite_user_join;
mod verify;

use std::borrow::Cow;

use super::reply::{server_text, DaokeEnvelope, CLIENTCUSTOM_CONTENT_TYPE, WEIBOAPI_CONTENT_TYPE};
use super::state::{App, AppFault, DaokeState, State};
use super::{HttpRequest, HttpResponse};
use crate::api::{Api, DaokeApi, Vendor};
use crate::daoke::sign::{Secret, Sign, StringToSign};
use crate::lua::{self, FlagReading};
use crate::server::{parse_daoke_body, ArgValue, Args, NothingParsed};

/// nginx's `default_type` of the endpoint's location (`/weiboapi/…` or `/clientcustom/…`).
fn content_type(api: DaokeApi) -> &'static str {
    if api.api().path().starts_with("/weiboapi/") {
        WEIBOAPI_CONTENT_TYPE
    } else {
        CLIENTCUSTOM_CONTENT_TYPE
    }
}

/// Why a daoke request failed: one variant per entry of the server's message table
/// (spec §8.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// `ME01002 appKey error`
    UnknownApp,
    /// `ME01003 access token not matched`
    TokenMismatch,
    /// `ME01004 access token expired`
    TokenExpired,
    /// `ME01005 access token not this authorization`
    TokenLacksRight,
    /// `ME01019 sign is not match!`
    SignMismatch,
    /// `ME01020 mysql failed!`
    Database,
    /// `ME01021 redis failed!`
    Cache,
    /// `ME01022 internal data error!` (also every Lua run-time error)
    Internal,
    /// `ME01023 <name> is error!`
    Param(Cow<'static, str>),
    /// `ME01024 http body is null!`
    NoBody,
    /// `ME18004 accountID has more record in db!`
    DuplicateAccount,
    /// `ME18052 this group is already exist!`
    GroupExists,
    /// `ME18053 this accountID is not exist!`
    NoSuchAccount,
    /// `ME18054 this groupID is not exist!`
    NoSuchGroup,
    /// `ME18055 this groupID is unusable`
    GroupUnusable,
    /// `ME18075 not allow to create group!`
    NotAllowedToCreate,
    /// `ME18090 ERROR` (the newer message table)
    RateLimited,
    /// `ME18092 current channel not start`
    ChannelNotStarted,
    /// `ME18104 current user channel already exist`
    ChannelNumberTaken,
    /// `ME18105 Repeat submitted`
    RepeatSubmitted,
    /// `ME18106 user channel Maximum`
    ChannelQuota,
}

impl Failure {
    /// `ME01023 <name> is error!` for a static name.
    const fn param(name: &'static str) -> Failure {
        Failure::Param(Cow::Borrowed(name))
    }

    fn code(&self) -> &'static str {
        match self {
            Failure::UnknownApp => "ME01002",
            Failure::TokenMismatch => "ME01003",
            Failure::TokenExpired => "ME01004",
            Failure::TokenLacksRight => "ME01005",
            Failure::SignMismatch => "ME01019",
            Failure::Database => "ME01020",
            Failure::Cache => "ME01021",
            Failure::Internal => "ME01022",
            Failure::Param(_) => "ME01023",
            Failure::NoBody => "ME01024",
            Failure::DuplicateAccount => "ME18004",
            Failure::GroupExists => "ME18052",
            Failure::NoSuchAccount => "ME18053",
            Failure::NoSuchGroup => "ME18054",
            Failure::GroupUnusable => "ME18055",
            Failure::NotAllowedToCreate => "ME18075",
            Failure::RateLimited => "ME18090",
            Failure::ChannelNotStarted => "ME18092",
            Failure::ChannelNumberTaken => "ME18104",
            Failure::RepeatSubmitted => "ME18105",
            Failure::ChannelQuota => "ME18106",
        }
    }

    fn result_text(&self) -> Cow<'static, str> {
        match self {
            Failure::Param(name) => Cow::Owned(format!("{name} is error!")),
            other => Cow::Borrowed(server_text(Vendor::Daoke, other.code())),
        }
    }
}

/// What a successful daoke request answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Success {
    /// `"RESULT":"ok!"`
    Ok,
    /// `"RESULT":<compact JSON>`
    Result(String),
}

/// Runs `api` on the raw request (spec §10.1) and writes the daoke envelope.
pub fn handle(api: DaokeApi, state: &mut State, request: &HttpRequest, now: i64) -> HttpResponse {
    let envelope = match run(api, state, request, now) {
        Ok(Success::Ok) => DaokeEnvelope::Ok,
        Ok(Success::Result(json)) => DaokeEnvelope::Result(json),
        Err(failure) => DaokeEnvelope::Error {
            code: failure.code(),
            result: failure.result_text().into_owned().into_bytes(),
        },
    };
    envelope.into_response(content_type(api))
}

/// The handler of each daoke endpoint, on the parsed body.
type Handler = fn(&Args, &mut State, i64) -> Result<Success, Failure>;

fn run(
    api: DaokeApi,
    state: &mut State,
    request: &HttpRequest,
    now: i64,
) -> Result<Success, Failure> {
    let handler: Handler = match api.api() {
        Api::CreateGroup => create_group::handle,
        Api::VerifyApplyJoiningMember => verify::handle,
        Api::ApplyMicroChannel => apply_micro_channel::handle,
        Api::InviteUserJoin => invite_user_join::handle,
        // A `DaokeApi` never holds the YTX endpoint.
        Api::InviteMeeting => return Err(Failure::Internal),
    };
    // Step 1 everywhere (no body), and the clientcustom handlers' parser failures: their
    // parameter check then reports `args` (applyMicroChannel) or an empty name
    // (inviteUserJoin).
    let parsed = parse_daoke_body(api, request, state.sandbox.body_buffer_bytes).map_err(
        |why| match why {
            NothingParsed::EmptyBody | NothingParsed::BodyBuffered => Failure::NoBody,
            NothingParsed::NotPost | NothingParsed::MultipartRejected => {
                Failure::param(if api.api() == Api::ApplyMicroChannel {
                    "args"
                } else {
                    ""
                })
            }
        },
    )?;
    handler(&parsed.args, state, now)
}

/// A value the handler reads with Lua string functions: absent → `None`; a table, file or
/// `true` raises a run-time error (`ME01022`, spec §10.1).
fn text_arg<'a>(args: &'a Args, name: &str) -> Result<Option<&'a [u8]>, Failure> {
    match args.get(name) {
        None => Ok(None),
        Some(ArgValue::Text(text)) => Ok(Some(text)),
        Some(ArgValue::Table(_) | ArgValue::File { .. } | ArgValue::True) => Err(Failure::Internal),
    }
}

/// `app_utils.check_accountID`: exactly 10 ASCII letters/digits.
fn is_account_id(value: &[u8]) -> bool {
    value.len() == 10 && value.iter().all(u8::is_ascii_alphanumeric)
}

/// The accountID-style check of `name`, failing as `<reported> is error!` (spec §10.1: a
/// table or file fails the check; `true` raises `ME01022`).
fn account_id_arg<'a>(
    args: &'a Args,
    name: &str,
    reported: &'static str,
) -> Result<&'a [u8], Failure> {
    match args.get(name) {
        Some(ArgValue::Text(id)) if is_account_id(id) => Ok(id),
        Some(ArgValue::True) => Err(Failure::Internal),
        _ => Err(Failure::param(reported)),
    }
}

/// A digits-only test (`appKey`, `channelCityCode`, `channelCatalogID`): a non-string
/// value simply fails it.
fn digits_arg<'a>(
    args: &'a Args,
    name: &str,
    lengths: core::ops::RangeInclusive<usize>,
) -> Option<&'a [u8]> {
    match args.get(name) {
        Some(ArgValue::Text(v))
            if lengths.contains(&v.len()) && v.iter().all(u8::is_ascii_digit) =>
        {
            Some(v)
        }
        _ => None,
    }
}

/// `tonumber(v)` and the `string.find('0,1', text)` test of a flag (spec §3.3).
fn read_flag(value: &[u8]) -> FlagReading {
    // tonumber only accepts ASCII spellings, so non-UTF-8 bytes are never a number.
    core::str::from_utf8(value).map_or(FlagReading::NotANumber, lua::read_flag)
}

/// A flag reading's numeric value, if the server accepts it.
fn accepted_flag_value(reading: &FlagReading) -> Option<f64> {
    match reading {
        FlagReading::Canonical(digit) => Some(f64::from(*digit)),
        FlagReading::Accepted { value, .. } => Some(*value),
        FlagReading::NotANumber | FlagReading::Rejected { .. } => None,
    }
}

/// A number as Lua's `%d` writes it into SQL (truncation: 0.1 → 0).
fn sql_int(value: f64) -> i64 {
    value as i64
}

/// Bytes as text for the state document (the server's values are bytes; the document is
/// UTF-8, so invalid sequences become U+FFFD there).
fn lossy(value: &[u8]) -> String {
    String::from_utf8_lossy(value).into_owned()
}

/// `safe.sign_check` up to the signature (spec §4.5): the appKey format, the secret, the
/// sign. Returns the app.
fn check_signature<'s>(args: &Args, daoke: &'s DaokeState) -> Result<&'s App, Failure> {
    let app_key = digits_arg(args, "appKey", 1..=10).ok_or(Failure::param("appKey"))?;
    let app = daoke
        .apps
        .iter()
        .rev()
        .find(|app| app.app_key.as_bytes() == app_key)
        .ok_or(Failure::UnknownApp)?;
    if app.fault == Some(AppFault::CacheError) {
        return Err(Failure::Cache);
    }
    let expected = server_sign(args, &app.secret)?;
    match (expected, args.get("sign")) {
        (Some(expected), Some(ArgValue::Text(sign))) if *sign == expected.as_str().as_bytes() => {
            Ok(app)
        }
        _ => Err(Failure::SignMismatch),
    }
}

/// The sign the server computes from its table (spec §4.5): the pairs it signs
/// ([`Args::signed_pairs`]: tables and files skipped, `true` a run-time error) plus
/// `secret`, signed with signkit's own signer.
///
/// `None` when a signed name or value is not UTF-8: signkit signs Unicode strings, so such
/// a request cannot be verified and is answered `ME01019` (a sandbox approximation: the
/// real server hashes the raw bytes; no signkit-built request is affected).
fn server_sign(args: &Args, secret: &str) -> Result<Option<Sign>, Failure> {
    let signed = args.signed_pairs().map_err(|_| Failure::Internal)?;
    let pairs: Option<Vec<(&str, &str)>> = signed
        .into_iter()
        .map(|(name, text)| {
            Some((
                core::str::from_utf8(name).ok()?,
                core::str::from_utf8(text).ok()?,
            ))
        })
        .collect();
    Ok(pairs.map(|pairs| StringToSign::from_canonical(pairs, &Secret::new(secret)).sign()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_has_its_message_in_the_catalogue() {
        let all = [
            Failure::UnknownApp,
            Failure::TokenMismatch,
            Failure::TokenExpired,
            Failure::TokenLacksRight,
            Failure::SignMismatch,
            Failure::Database,
            Failure::Cache,
            Failure::Internal,
            Failure::NoBody,
            Failure::DuplicateAccount,
            Failure::GroupExists,
            Failure::NoSuchAccount,
            Failure::NoSuchGroup,
            Failure::GroupUnusable,
            Failure::NotAllowedToCreate,
            Failure::RateLimited,
            Failure::ChannelNotStarted,
            Failure::ChannelNumberTaken,
            Failure::RepeatSubmitted,
            Failure::ChannelQuota,
        ];
        for failure in all {
            let info =
                crate::catalogue::lookup(Vendor::Daoke, failure.code()).expect("a catalogue entry");
            assert_eq!(
                info.server_result,
                Some(&*failure.result_text()),
                "{failure:?}"
            );
        }
        assert_eq!(Failure::param("yes").result_text(), "yes is error!");
    }

    #[test]
    fn server_sign_skips_tables_and_files_and_replaces_secret() {
        let text = |v: &str| ArgValue::Text(v.as_bytes().to_vec());
        let mut args = Args::default();
        args.set(b"appKey".to_vec(), text("1111111111"));
        args.set(b"accountID".to_vec(), text("O40cml0y5p"));
        args.set(b"groupName".to_vec(), text("liangGeDeGroup"));
        let sign = |args: &Args| {
            server_sign(args, "TESTSECRET0123456789").map(|s| s.map(|s| s.to_string()))
        };
        // Vector D01.
        let plain = Some("5668A6252DF36B6AD09821C4D62481ECF99FD3A4".to_owned());
        assert_eq!(sign(&args), Ok(plain.clone()));
        args.set(
            b"voiceFile".to_vec(),
            ArgValue::File {
                filename: b"v.amr".to_vec(),
            },
        );
        args.set(b"dup".to_vec(), ArgValue::Table(vec![text("1"), text("2")]));
        args.set(b"secret".to_vec(), text("sent"));
        args.set(b"sign".to_vec(), ArgValue::True);
        assert_eq!(sign(&args), Ok(plain));
        args.set(b"raw".to_vec(), ArgValue::Text(vec![0xFF]));
        assert_eq!(sign(&args), Ok(None));
        args.set(b"flag".to_vec(), ArgValue::True);
        assert_eq!(sign(&args), Err(Failure::Internal));
    }
}
