//! Declarative descriptions of the five endpoints: parameters, labels, help, defaults, rules.
//!
//! Each endpoint file of the spec (`spec/<endpoint>.md`) has one Rust file here that
//! translates its parameter table row by row into [`Rule`]s, in the table's precedence
//! order, and adds what a form needs: labels and help in English and Chinese, the input
//! widget ([`ParamKind`]), defaults, examples and live counters ([`Limit`]). The validator
//! (`crate::validate`) and the web app both read these descriptions; neither repeats a rule.

use crate::api::{Api, Encoding, Vendor};
use crate::rules::{CharClass, Check, FindingClass, Pattern, Rule, Severity};
use crate::text::Bilingual;

pub use counter::{CounterReading, Counters};

/// Whether a parameter must be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Requirement {
    /// The seed and the server require it: missing is an ERROR.
    Required,
    /// The seed requires it, the server does not: missing is a WARN (applyMicroChannel's
    /// `channelCatalogUrl`).
    SeedRequired,
    /// May be left out.
    Optional,
    /// The builder fills it in when it is not given ([`ParamDescription::default`], or the
    /// current time for the YTX `timestamp`); it is not checked when absent.
    BuilderDefault,
}

/// What kind of value a parameter holds: enough for a form to pick an input widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ParamKind {
    /// Free single-line text (may be Chinese).
    Text,
    /// Free text that may span several lines.
    LongText,
    /// ASCII digits kept as text (leading zeros matter).
    Digits,
    /// A daoke account ID: 10 ASCII letters or digits.
    AccountId,
    /// Comma-separated daoke account IDs.
    AccountIdList,
    /// A daoke 0/1 flag (spec §3.3); the default, if any, is [`ParamDescription::default`].
    Flag,
    /// A URL.
    Url,
    /// An opaque token or identifier to paste (not a secret).
    Token,
    /// A secret: mask it, never log or preview it unless the user asks.
    Secret,
    /// Comma-separated keyword tags.
    Tags {
        /// At most this many non-empty tags.
        max_tags: usize,
        /// At most this many characters per tag.
        max_chars: usize,
    },
    /// YTX participants: the JSON text of an array of `{"name", "phone"}` objects.
    Parties,
    /// `yyyyMMddHHmmss` in UTC+8.
    Timestamp,
    /// The YTX API version, six digits.
    Version,
}

pub use crate::length::Unit;

/// A length a form can count against while the user types ([`ParamDescription::counters`]
/// shows the count). Where the seed and the server count in the same measure but differ,
/// the stricter maximum is given and the help explains the other; where they count in
/// different measures (applyMicroChannel: characters and server units), the parameter has
/// both a [`ParamDescription::limit`] and a [`ParamDescription::server_limit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limit {
    /// Characters, server units or bytes.
    pub unit: Unit,
    /// The most allowed.
    pub max: usize,
}

/// One parameter of an endpoint.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamDescription {
    /// The parameter name, exactly as sent.
    pub name: &'static str,
    /// Whether it must be given.
    pub required: Requirement,
    /// The kind of value (input widget).
    pub kind: ParamKind,
    /// A credential shared by every endpoint of the vendor (daoke `appKey`, YTX `accountSID`
    /// and `authToken`), as opposed to a per-request parameter. The daoke app secret is not
    /// a parameter at all: it is given to the signer separately.
    pub credential: bool,
    /// A secret (YTX `authToken`): mask it and keep it out of logs and previews.
    pub secret: bool,
    /// A short name for the form.
    pub label: Bilingual,
    /// What the value is and how the seed and the server treat it.
    pub help: Bilingual,
    /// The value the server or the builder uses when the parameter is absent.
    pub default: Option<&'static str>,
    /// An example value (the seed's, where it has one), usable as a placeholder.
    pub example: Option<&'static str>,
    /// A live counter for the input, where a length limit applies. For a list of tags
    /// ([`ParamKind::Tags`]) the kind's `max_chars` is the per-tag limit instead.
    pub limit: Option<Limit>,
    /// The server's own limit, where the server measures the value in another unit than
    /// the document (applyMicroChannel's server units, spec §3.2); the counter then shows
    /// both counts. For a list of tags it applies to each tag.
    pub server_limit: Option<Limit>,
    /// The endpoint file's rows for this parameter, in precedence order (spec §3.1).
    pub rules: &'static [Rule],
}

impl ParamDescription {
    /// A parameter with no default, example, limit or rules, neither credential nor secret.
    pub const fn new(
        name: &'static str,
        required: Requirement,
        kind: ParamKind,
        label: Bilingual,
        help: Bilingual,
    ) -> ParamDescription {
        ParamDescription {
            name,
            required,
            kind,
            credential: false,
            secret: false,
            label,
            help,
            default: None,
            example: None,
            limit: None,
            server_limit: None,
            rules: &[],
        }
    }

    /// With these rules.
    pub const fn with_rules(mut self, rules: &'static [Rule]) -> ParamDescription {
        self.rules = rules;
        self
    }

    /// With this default.
    pub const fn with_default(mut self, value: &'static str) -> ParamDescription {
        self.default = Some(value);
        self
    }

    /// With this example.
    pub const fn with_example(mut self, value: &'static str) -> ParamDescription {
        self.example = Some(value);
        self
    }

    /// With a live counter of at most `max` characters.
    pub const fn max_chars(mut self, max: usize) -> ParamDescription {
        self.limit = Some(Limit {
            unit: Unit::Chars,
            max,
        });
        self
    }

    /// With a live counter of at most `max` bytes.
    pub const fn max_bytes(mut self, max: usize) -> ParamDescription {
        self.limit = Some(Limit {
            unit: Unit::Bytes,
            max,
        });
        self
    }

    /// With the server's own maximum in server units (spec §3.2), counted next to `limit`.
    pub const fn max_server_units(mut self, max: usize) -> ParamDescription {
        self.server_limit = Some(Limit {
            unit: Unit::ServerUnits,
            max,
        });
        self
    }

    /// Marked as a credential.
    pub const fn as_credential(mut self) -> ParamDescription {
        self.credential = true;
        self
    }

    /// Marked as a secret.
    pub const fn as_secret(mut self) -> ParamDescription {
        self.secret = true;
        self
    }

    /// The first rule whose check matches this parameter's canonical value (`None`: the
    /// parameter is not sent); `now` is the validator's clock in Unix seconds.
    pub fn first_match(&self, value: Option<&str>, now: Option<i64>) -> Option<&'static Rule> {
        self.rules
            .iter()
            .find(|rule| rule.check.matches(value, now))
    }
}

/// One endpoint: how it is called, what it takes, and a sample request.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EndpointDescription {
    /// Which endpoint.
    pub api: Api,
    /// Which vendor serves it.
    pub vendor: Vendor,
    /// The HTTP method (`POST` for all five).
    pub method: &'static str,
    /// The request path ([`Api::path`]; a template for YTX).
    pub path: &'static str,
    /// The endpoint's name for people.
    pub title: Bilingual,
    /// What it does, in a sentence or two.
    pub summary: Bilingual,
    /// The daoke body encoding the builder uses by default; `None` for YTX (JSON).
    pub default_encoding: Option<Encoding>,
    /// The parameters, in the order a form shows them.
    pub params: &'static [ParamDescription],
    /// The seed document's own sample request parameters, unsigned (vectors D01, D06, D09,
    /// D13; for YTX the Y01 inputs, with `version`, `timestamp` and `action` left to the
    /// builder). Signed with the demo secret they succeed against the sandbox's demo
    /// fixtures (spec §10.3); the YTX credentials are the public demo account's.
    pub example: &'static [(&'static str, &'static str)],
}

impl EndpointDescription {
    /// The parameter called exactly `name`, if the endpoint documents it.
    pub fn param(&self, name: &str) -> Option<&'static ParamDescription> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// The description of `api`.
pub fn describe(api: Api) -> &'static EndpointDescription {
    match api {
        Api::CreateGroup => &create_group::DESCRIPTION,
        Api::VerifyApplyJoiningMember => &verify_apply_joining_member::DESCRIPTION,
        Api::ApplyMicroChannel => &apply_micro_channel::DESCRIPTION,
        Api::InviteUserJoin => &invite_user_join::DESCRIPTION,
        Api::InviteMeeting => &invite_meeting::DESCRIPTION,
    }
}

/// All five descriptions, in [`Api::ALL`] order.
pub fn all() -> [&'static EndpointDescription; 5] {
    Api::ALL.map(describe)
}

// ---- shared vocabulary of the endpoint files ------------------------------------------------

/// The daoke parameter-error code (`<name> is error!`).
const ME01023: Option<&str> = Some("ME01023");
/// The daoke database-error code (a value that breaks the spliced SQL).
const ME01020: Option<&str> = Some("ME01020");
/// The daoke run-time-error code (inferred for handler crashes).
const ME01022: Option<&str> = Some("ME01022");

/// `^[A-Za-z0-9]{10}$`: a daoke account ID (spec §3.2).
const ACCOUNT_ID_PATTERN: Pattern = Pattern::new(CharClass::Alphanumeric, 10, 10);

/// The rules of a daoke account-ID parameter (spec §3.2 AccountID): missing or malformed is
/// ERROR `both` with `ME01023`.
macro_rules! account_id_rules {
    ($field:literal) => {
        const { &[
            Rule::new(
                concat!($field, ".missing"),
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01023,
                Bilingual::new(
                    concat!($field, " is missing — the server requires a 10-character account ID (ME01023); enter the account ID"),
                    concat!("缺少 ", $field, " —— 服务器要求 10 位账户编号（ME01023）；请填写账户编号"),
                ),
            ),
            Rule::new(
                concat!($field, ".format"),
                Severity::Error,
                FindingClass::Both,
                Check::NotMatching(ACCOUNT_ID_PATTERN),
                ME01023,
                Bilingual::new(
                    concat!($field, " must be exactly 10 ASCII letters or digits (^[A-Za-z0-9]{10}$) — the server rejects anything else (ME01023); check for missing characters, spaces or punctuation"),
                    concat!($field, " 必须恰好是 10 个 ASCII 字母或数字（^[A-Za-z0-9]{10}$）—— 否则服务器拒绝（ME01023）；请检查是否缺少字符，或含有空格、标点"),
                ),
            ),
        ] }
    };
}

/// SQL-spliced text (spec §3.2), first form: `'` or an odd trailing run of `\` → WARN
/// `advisory` with `ME01020`.
macro_rules! sql_breaking_rule {
    ($field:literal) => {
        Rule::new(
            concat!($field, ".sqlBreaking"),
            Severity::Warn,
            FindingClass::Advisory,
            Check::SqlBreaking,
            ME01020,
            Bilingual::new(
                concat!($field, " contains an apostrophe (') or ends with an odd number of backslashes — the server pastes it into SQL unescaped, so the request will probably fail with ME01020; remove the apostrophe or the trailing backslash"),
                concat!($field, " 含有撇号（'）或以奇数个反斜杠结尾 —— 服务器把它未经转义拼入 SQL，请求很可能以 ME01020 失败；请删除撇号或结尾的反斜杠"),
            ),
        )
    };
}

/// SQL-spliced text (spec §3.2), second form: any other `\` → WARN `advisory`, no code.
macro_rules! backslash_rule {
    ($field:literal) => {
        Rule::new(
            concat!($field, ".backslash"),
            Severity::Warn,
            FindingClass::Advisory,
            Check::HasBackslash,
            None,
            Bilingual::new(
                concat!($field, " contains a backslash (\\) — the server pastes it into SQL unescaped and MySQL reads it as an escape, so the stored text may differ from what you sent; avoid backslashes"),
                concat!($field, " 含有反斜杠（\\）—— 服务器把它未经转义拼入 SQL，MySQL 会把它当作转义符，保存的文本可能与发送的不同；请避免使用反斜杠"),
            ),
        )
    };
}

/// Flag (spec §3.3, rule 2.1): a number whose text form is not 0, 1 or 0.1 → ERROR `both`.
macro_rules! flag_rejected_rule {
    ($field:literal) => {
        Rule::new(
            concat!($field, ".rejected"),
            Severity::Error,
            FindingClass::Both,
            Check::FlagRejected,
            ME01023,
            Bilingual::new(
                concat!($field, " is a number other than 0 or 1 (its LuaJIT text form is not 0, 1 or 0.1: 2, -1, -0 and nan are rejected) — the server rejects it (ME01023); send 0 or 1"),
                concat!($field, " 是 0 和 1 以外的数字（其 LuaJIT 文本形式不是 0、1 或 0.1：2、-1、-0、nan 都会被拒绝）—— 服务器拒绝（ME01023）；请填 0 或 1"),
            ),
        )
    };
}

/// Flag (spec §3.3, rule 2.2): a hex float or binary spelling → WARN `seed-only`.
macro_rules! flag_version_dependent_rule {
    ($field:literal) => {
        Rule::new(
            concat!($field, ".versionDependent"),
            Severity::Warn,
            FindingClass::SeedOnly,
            Check::FlagVersionDependent,
            None,
            Bilingual::new(
                concat!($field, " is spelled as a binary or hex-float number (e.g. 0b1, 0x1p0) — accepted by LuaJIT 2.1, version-dependent and not documented; send 0 or 1"),
                concat!($field, " 写成了二进制或十六进制浮点数（如 0b1、0x1p0）—— LuaJIT 2.1 接受，但依赖 Lua 版本且文档未说明；请填 0 或 1"),
            ),
        )
    };
}

/// Flag (spec §3.3, rule 2.3): another spelling of 0 or 1 → WARN `seed-only`.
macro_rules! flag_non_canonical_rule {
    ($field:literal) => {
        Rule::new(
            concat!($field, ".nonCanonical"),
            Severity::Warn,
            FindingClass::SeedOnly,
            Check::FlagNonCanonical,
            None,
            Bilingual::new(
                concat!($field, " is a non-canonical spelling of 0 or 1 (e.g. 01, \" 1\", 1.0, 0x1) — accepted by the server, but the seed documents only 0 and 1; send exactly 0 or 1"),
                concat!($field, " 是 0 或 1 的非规范写法（如 01、\" 1\"、1.0、0x1）—— 服务器接受，但文档只规定了 0 和 1；请只填 0 或 1"),
            ),
        )
    };
}

mod apply_micro_channel;
mod counter;
mod create_group;
mod invite_meeting;
mod invite_user_join;
mod verify_apply_joining_member;

/// The daoke `appKey` (spec §3.2 AppKey), shared by the four daoke endpoints.
const APP_KEY: ParamDescription = ParamDescription::new(
    "appKey",
    Requirement::Required,
    ParamKind::Digits,
    Bilingual::new("App key", "应用编号 appKey"),
    Bilingual::new(
        "The app key issued by daoke: 1 to 10 ASCII digits (seed 004 says fewer than 10, but its own example has 10, which the server accepts). It is signed together with the app secret; the secret itself is never sent.",
        "道客分配的应用编号：1 到 10 位 ASCII 数字（文档 004 写“长度小于10”，但其示例有 10 位，服务器也接受）。它与应用密钥一起参与签名；密钥本身从不发送。",
    ),
)
.as_credential()
.with_example("1111111111")
.max_chars(10)
.with_rules(const { &[
    Rule::new(
        "appKey.missing",
        Severity::Error,
        FindingClass::Both,
        Check::Missing,
        ME01023,
        Bilingual::new(
            "appKey is missing — every daoke request needs the app key (the server answers ME01023 \"appKey is error!\"); enter your app key (1–10 digits)",
            "缺少 appKey —— 每个道客请求都需要应用编号（服务器返回 ME01023 \"appKey is error!\"）；请填写 1–10 位数字的应用编号",
        ),
    ),
    Rule::new(
        "appKey.format",
        Severity::Error,
        FindingClass::Both,
        Check::NotMatching(Pattern::new(CharClass::Digits, 1, 10)),
        ME01023,
        Bilingual::new(
            "appKey must be 1 to 10 ASCII digits (^[0-9]{1,10}$) — the server rejects anything else (ME01023); copy the app key exactly as issued",
            "appKey 必须是 1 到 10 位 ASCII 数字（^[0-9]{1,10}$）—— 否则服务器拒绝（ME01023）；请按分配的应用编号原样填写",
        ),
    ),
] });

/// The rules of the daoke `accountID` parameter (createGroup, applyMicroChannel, inviteUserJoin).
const ACCOUNT_ID_RULES: &[Rule] = account_id_rules!("accountID");
