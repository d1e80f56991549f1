//! The sandbox's state: one JSON document that is both the fixtures (configuration) and
//! the persisted state (spec §10.2).
//!
//! Key names are the spec's. Unknown keys are ignored; every key outside the minimal
//! shape of §10.2 may be omitted and takes the default the spec gives. Maps are
//! `BTreeMap`s and structs serialise their fields in declaration order, so
//! [`Sandbox::state_json`](super::Sandbox::state_json) is deterministic.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::time::BeijingTime;
use crate::ytx::YtxEnvironment;

/// The whole state document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// The daoke server's data.
    pub daoke: DaokeState,
    /// The YTX platform's data.
    pub ytx: YtxState,
    /// Settings and the random source.
    #[serde(default)]
    pub sandbox: Settings,
    /// Would-be outbound requests, in the order they were made (spec §10.5).
    #[serde(default)]
    pub outbound: Vec<OutboundRecord>,
}

impl State {
    /// Appends a would-be outbound request made at `now` (spec §10.5).
    pub(crate) fn record_outbound(&mut self, now: i64, call: OutboundCall) {
        let seq = self
            .outbound
            .iter()
            .map(|r| r.seq)
            .max()
            .map_or(1, |last| last.saturating_add(1));
        self.outbound.push(OutboundRecord {
            seq,
            at: BeijingTime::from_unix(now).to_string(),
            call,
        });
    }

    /// The document with every app `secret`, YTX `authToken` and access `token` replaced by
    /// [`REDACTED`]: what `GET /_sandbox/state` shows unless asked for the secrets (spec §10.9
    /// rule 4). Everything else, the shape included, is unchanged.
    pub fn redacted(&self) -> State {
        let mut shown = self.clone();
        for app in &mut shown.daoke.apps {
            app.secret = REDACTED.to_owned();
        }
        for token in &mut shown.daoke.access_tokens {
            token.token = REDACTED.to_owned();
        }
        for account in &mut shown.ytx.accounts {
            account.auth_token = REDACTED.to_owned();
        }
        shown
    }
}

/// What [`State::redacted`] and the `Debug` output of secrets show instead of the value.
pub const REDACTED: &str = "<redacted>";

/// The daoke server's tables and caches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DaokeState {
    /// Apps and their secrets (the last entry for an appKey wins).
    pub apps: Vec<App>,
    /// Rows of the user table; an id listed twice models a duplicated row.
    pub accounts: Vec<String>,
    /// Access tokens by (appKey, accountID); the last entry for a pair wins.
    pub access_tokens: Vec<AccessToken>,
    /// Known city codes (exact).
    pub city_codes: Vec<String>,
    /// City names by code (default name: the code).
    #[serde(default)]
    pub city_names: BTreeMap<String, String>,
    /// Channel catalog ids (compared as integers).
    #[serde(rename = "catalogIDs")]
    pub catalog_ids: Vec<String>,
    /// Catalog names and types by id.
    #[serde(default)]
    pub catalog_info: BTreeMap<String, CatalogInfo>,
    /// Informational nicknames by accountID (no handler reads them).
    #[serde(default)]
    pub nicknames: BTreeMap<String, String>,
    /// Groups (written by createGroup).
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Group memberships (written by createGroup and verify).
    #[serde(default)]
    pub memberships: Vec<Membership>,
    /// Copies of membership rows before verify re-activated them.
    #[serde(default)]
    pub membership_history: Vec<Membership>,
    /// Join records (pending applications come from the fixtures).
    #[serde(default)]
    pub join_applications: Vec<JoinApplication>,
    /// Cache `<accountID>:defaultGroup`.
    #[serde(default)]
    pub default_groups: BTreeMap<String, String>,
    /// Cache `<accountID>:carFleetSet`.
    #[serde(default)]
    pub car_fleet_sets: BTreeMap<String, Vec<String>>,
    /// Cache `<groupID>:groupCallbackURL`.
    #[serde(default, rename = "groupCallbackURLs")]
    pub group_callback_urls: BTreeMap<String, String>,
    /// Channel numbers of approved channels (compared case-insensitively).
    #[serde(default)]
    pub approved_channel_numbers: Vec<String>,
    /// Channel applications (written by applyMicroChannel).
    #[serde(default)]
    pub channel_applications: Vec<ChannelApplication>,
    /// Temp channels, by exact id.
    #[serde(default)]
    pub temp_channels: Vec<TempChannel>,
    /// The global set of online users, in fan-out visit order.
    #[serde(default)]
    pub online_accounts: Vec<String>,
    /// Accounts that do not subscribe to the "nearby voice" system message.
    #[serde(default)]
    pub nearby_voice_unsubscribed: Vec<String>,
    /// Accounts that are in some temp channel.
    #[serde(default)]
    pub accounts_in_temp_channel: Vec<String>,
    /// Receivers whose internal weibo send fails, with the failure text (or none).
    #[serde(default)]
    pub send_failures: BTreeMap<String, Option<String>>,
}

/// A daoke app.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct App {
    /// The appKey.
    pub app_key: String,
    /// The app secret (never shown by `Debug`).
    pub secret: String,
    /// `-1` marks an internal app (applyMicroChannel skips the token check).
    #[serde(default)]
    pub level: i64,
    /// Sandbox-defined fault injection.
    #[serde(default)]
    pub fault: Option<AppFault>,
}

impl core::fmt::Debug for App {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("App")
            .field("app_key", &self.app_key)
            .field("secret", &REDACTED)
            .field("level", &self.level)
            .field("fault", &self.fault)
            .finish()
    }
}

/// A sandbox-defined fault of an app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppFault {
    /// Loading the secret fails: `ME01021`.
    #[serde(rename = "cacheError")]
    CacheError,
}

/// A user's access token for an app.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessToken {
    /// The app.
    #[serde(rename = "appKey")]
    pub app_key: String,
    /// The user.
    #[serde(rename = "accountID")]
    pub account_id: String,
    /// The token (never shown by `Debug`).
    pub token: String,
    /// Unix seconds; the token is expired when `expiresAt < now`.
    #[serde(rename = "expiresAt")]
    pub expires_at: i64,
    /// The "weibo info" right (`false` → `ME01005`).
    #[serde(rename = "weiboInfo", default = "yes")]
    pub weibo_info: bool,
}

impl core::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AccessToken")
            .field("app_key", &self.app_key)
            .field("account_id", &self.account_id)
            .field("token", &REDACTED)
            .field("expires_at", &self.expires_at)
            .field("weibo_info", &self.weibo_info)
            .finish()
    }
}

/// A channel catalog's name and type (only types 0 and 1 count as existing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogInfo {
    /// The name (default: the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The catalog type.
    #[serde(rename = "type", default)]
    pub catalog_type: i64,
}

/// A group (集团); `accountID` is the owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The id.
    #[serde(rename = "groupID")]
    pub group_id: String,
    /// The owner.
    #[serde(rename = "accountID")]
    pub account_id: String,
    /// The name.
    #[serde(rename = "groupName")]
    pub group_name: String,
    /// 1 = car fleet.
    #[serde(rename = "isCarFleet", default = "one")]
    pub is_car_fleet: i64,
    /// 1 = temporary group.
    #[serde(rename = "isTempGroup", default)]
    pub is_temp_group: i64,
    /// 0 = disabled.
    #[serde(default = "one")]
    pub validity: i64,
    /// The stored callback URL (or empty).
    #[serde(rename = "callbackURL", default)]
    pub callback_url: String,
    /// Unix seconds.
    #[serde(rename = "createTime", default)]
    pub create_time: i64,
    /// Unix seconds; absent = `createTime`.
    #[serde(
        rename = "updateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_time: Option<i64>,
}

/// A group membership.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The member.
    #[serde(rename = "accountID")]
    pub account_id: String,
    /// The group.
    #[serde(rename = "groupID")]
    pub group_id: String,
    /// 2 = fleet member.
    #[serde(rename = "groupType", default = "one")]
    pub group_type: i64,
    /// 1 = owner.
    #[serde(rename = "roleType", default)]
    pub role_type: i64,
    /// 1 = the member's default group.
    #[serde(rename = "isDefaultGroup", default)]
    pub is_default_group: i64,
    /// 0 = inactive.
    #[serde(default = "one")]
    pub validity: i64,
    /// Unix seconds.
    #[serde(rename = "createTime", default)]
    pub create_time: i64,
    /// Unix seconds; absent = `createTime`.
    #[serde(
        rename = "updateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_time: Option<i64>,
}

/// A join record (application to join a group, or the owner's own record).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinApplication {
    /// The app the application came through.
    #[serde(rename = "appKey", default)]
    pub app_key: String,
    /// The applicant.
    #[serde(rename = "accountID")]
    pub account_id: String,
    /// The group.
    #[serde(rename = "groupID")]
    pub group_id: String,
    /// 1 = fleet member.
    #[serde(rename = "isCarMember", default)]
    pub is_car_member: i64,
    /// 6 pending, 7 approved, 8 rejected, 1 the owner's own record.
    #[serde(rename = "memberStatus", default = "six")]
    pub member_status: i64,
    /// The decision as stored (`%d` of the `yes` number).
    #[serde(default)]
    pub yes: Option<i64>,
    /// Unix seconds of the decision.
    #[serde(rename = "yesTime", default)]
    pub yes_time: Option<i64>,
    /// The decision's callback URL (or empty).
    #[serde(rename = "yesCallbackURL", default)]
    pub yes_callback_url: Option<String>,
    /// Unix seconds.
    #[serde(rename = "createTime", default)]
    pub create_time: i64,
}

/// A micro-channel application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelApplication {
    /// The applicant.
    #[serde(rename = "accountID")]
    pub account_id: String,
    /// The channel number.
    pub number: String,
    /// The channel name.
    #[serde(default)]
    pub name: String,
    /// The introduction.
    #[serde(default)]
    pub introduction: String,
    /// The city code.
    #[serde(default)]
    pub city_code: String,
    /// The city name.
    #[serde(default)]
    pub city_name: String,
    /// The catalog id as sent.
    #[serde(rename = "catalogID", default)]
    pub catalog_id: String,
    /// The catalog name.
    #[serde(default)]
    pub catalog_name: String,
    /// The chief announcer's introduction.
    #[serde(default)]
    pub chief_announcer_intr: String,
    /// The logo URL (empty when none was sent).
    #[serde(rename = "logoURL", default)]
    pub logo_url: String,
    /// The keywords (empty when none were sent).
    #[serde(default)]
    pub key_words: String,
    /// Unix seconds.
    #[serde(default)]
    pub create_time: i64,
}

/// A temp channel (临时频道).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TempChannel {
    /// The id (an exact string: `012349` and `12349` differ).
    #[serde(rename = "tempChannelID")]
    pub temp_channel_id: String,
    /// 0 = live.
    #[serde(default)]
    pub sound_mode: i64,
    /// Users currently in the channel.
    #[serde(default)]
    pub online_accounts: Vec<String>,
    /// Unix seconds of the last successful invitation.
    #[serde(default)]
    pub last_invite_at: Option<i64>,
    /// Sandbox-defined fault injection: reading the online sets fails (`ME01022`).
    #[serde(default)]
    pub online_read_fails: bool,
}

/// The YTX platform's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct YtxState {
    /// The environment this emulator plays.
    #[serde(default)]
    pub environment: YtxEnvironment,
    /// Accounts and the appids each owns.
    pub accounts: Vec<YtxAccount>,
    /// Per-appid environment and online flag.
    #[serde(default)]
    pub app_info: BTreeMap<String, YtxAppInfo>,
    /// Accepted invitations.
    #[serde(default)]
    pub invitations: Vec<Invitation>,
    /// The next requestId sequence number.
    #[serde(default = "one_u64")]
    pub next_request_seq: u64,
}

/// A YTX account.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YtxAccount {
    /// ACCOUNT SID.
    #[serde(rename = "accountSID")]
    pub account_sid: String,
    /// AUTH TOKEN (never shown by `Debug`).
    #[serde(rename = "authToken")]
    pub auth_token: String,
    /// The appids this account owns.
    pub appids: Vec<String>,
}

impl core::fmt::Debug for YtxAccount {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("YtxAccount")
            .field("account_sid", &self.account_sid)
            .field("auth_token", &REDACTED)
            .field("appids", &self.appids)
            .finish()
    }
}

/// Per-appid settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YtxAppInfo {
    /// The appid's environment (default: `ytx.environment`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<YtxEnvironment>,
    /// Whether the application is online (default: true).
    #[serde(default = "yes")]
    pub online: bool,
}

/// An accepted inviteMeeting request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    /// The requestId answered.
    #[serde(rename = "requestId")]
    pub request_id: String,
    /// The account.
    #[serde(rename = "accountSID")]
    pub account_sid: String,
    /// The application.
    pub appid: String,
    /// The conference.
    pub confid: String,
    /// The parties, as a JSON array (whichever form was sent).
    pub parties: serde_json::Value,
    /// `CustomParm` as sent, when present.
    #[serde(
        rename = "CustomParm",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_parm: Option<serde_json::Value>,
    /// Unix seconds.
    pub at: i64,
}

/// Sandbox settings and the random source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Seed of the random source.
    #[serde(default)]
    pub seed: u64,
    /// Current state of the random source (absent: the seed). Written as a decimal string.
    #[serde(default, with = "decimal_u64", skip_serializing_if = "Option::is_none")]
    pub rng_state: Option<u64>,
    /// daoke bodies longer than this are "no body" (`ME01024`).
    #[serde(default = "default_body_buffer_bytes")]
    pub body_buffer_bytes: usize,
    /// Bodies longer than this get HTTP 413.
    #[serde(default = "default_max_body_bytes")]
    pub max_body_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seed: 0,
            rng_state: None,
            body_buffer_bytes: default_body_buffer_bytes(),
            max_body_bytes: default_max_body_bytes(),
        }
    }
}

/// A would-be outbound request (spec §10.5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboundRecord {
    /// 1, 2, … across the whole state.
    pub seq: u64,
    /// `yyyyMMddHHmmss`, UTC+8.
    pub at: String,
    /// What would have been sent.
    #[serde(flatten)]
    pub call: OutboundCall,
}

/// What a would-be outbound request is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum OutboundCall {
    /// verifyApplyJoiningMember's callback.
    #[serde(rename = "verifyCallback", rename_all = "camelCase")]
    VerifyCallback {
        /// The callbackURL as received.
        url: String,
        /// The host the handler extracts.
        host: Option<String>,
        /// The port the handler extracts.
        port: Option<String>,
        /// The path the handler extracts.
        path: Option<String>,
        /// `GET /{path, or nil} HTTP/1.0`.
        request_line: String,
        /// `{host or nil}:{port or nil}`.
        host_header: String,
        /// False when host or port is missing (the real server fails before connecting).
        sent: bool,
    },
    /// One personal multimedia weibo of the inviteUserJoin fan-out.
    #[serde(rename = "weiboSend", rename_all = "camelCase")]
    WeiboSend {
        /// The inviting account.
        sender: String,
        /// The invited account.
        receiver: String,
        /// The voice file URL.
        #[serde(rename = "multimediaURL")]
        multimedia_url: String,
        /// The business callback URL.
        #[serde(rename = "callbackURL")]
        callback_url: String,
        /// Always 19.
        level: i64,
        /// Always 300 (seconds).
        interval: i64,
        /// Always 2.
        sender_type: i64,
        /// Whether the send succeeded.
        ok: bool,
        /// The failure text (or none).
        detail: Option<String>,
    },
}

fn yes() -> bool {
    true
}

fn one() -> i64 {
    1
}

fn six() -> i64 {
    6
}

fn one_u64() -> u64 {
    1
}

fn default_body_buffer_bytes() -> usize {
    crate::daoke::DEFAULT_BODY_BUFFER_BYTES
}

fn default_max_body_bytes() -> usize {
    1_048_576
}

/// `sandbox.rngState`: a u64 written as a decimal string (JSON numbers lose precision in
/// many readers). A JSON integer is accepted too.
mod decimal_u64 {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<u64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_str(&v.to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<u64>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Text {
            Decimal(String),
            Number(u64),
        }
        match Option::<Text>::deserialize(deserializer)? {
            None => Ok(None),
            Some(Text::Number(n)) => Ok(Some(n)),
            Some(Text::Decimal(s)) => s.parse::<u64>().map(Some).map_err(|_| {
                serde::de::Error::custom(format!(
                    "sandbox.rngState must be a decimal string of an unsigned 64-bit integer, got {s:?}"
                ))
            }),
        }
    }
}
