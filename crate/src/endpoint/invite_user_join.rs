//! inviteUserJoin — 发送微博邀请用户加入xx功能 (spec `inviteUserJoin.md`).

use super::*;

/// The server's URL test: fewer than 8 bytes, or the first four bytes are not `http` in any
/// letter case.
const SERVER_REJECTS_URL: Check = Check::Any(&[
    Check::BytesUnder(8),
    Check::NotStartingWith {
        prefix: "http",
        case_sensitive: false,
    },
]);

/// The four rows shared by `multimediaURL` and `callbackURL` (inviteUserJoin.md): missing or
/// empty → ERROR; not a URL and rejected by the server → ERROR; rejected by the server →
/// WARN `server-only`; not a URL → WARN `seed-only`. `$more` appends endpoint-specific rules.
macro_rules! url_rules {
    ($field:literal, $what_en:literal, $what_zh:literal $(, $more:expr)*) => {
        const { &[
            Rule::new(
                concat!($field, ".missing"),
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01023,
                Bilingual::new(
                    concat!($field, " is missing — the seed and the server require it (ME01023 \"", $field, " is error!\"); enter ", $what_en),
                    concat!("缺少 ", $field, " —— 文档和服务器都要求该参数（ME01023 \"", $field, " is error!\"）；请填写", $what_zh),
                ),
            ),
            Rule::new(
                concat!($field, ".empty"),
                Severity::Error,
                FindingClass::Both,
                Check::Empty,
                ME01023,
                Bilingual::new(
                    concat!($field, " is empty — the seed and the server require a URL (ME01023); enter ", $what_en),
                    concat!($field, " 为空 —— 文档和服务器都要求填写地址（ME01023）；请填写", $what_zh),
                ),
            ),
            Rule::new(
                concat!($field, ".notUrl"),
                Severity::Error,
                FindingClass::Both,
                Check::All(&[Check::NotUrl, SERVER_REJECTS_URL]),
                ME01023,
                Bilingual::new(
                    concat!($field, " is not a URL and the server rejects it — it needs at least 8 bytes starting with http (ME01023); enter ", $what_en),
                    concat!($field, " 不是 URL，服务器也会拒绝 —— 要求至少 8 字节且以 http 开头（ME01023）；请填写", $what_zh),
                ),
            ),
            Rule::new(
                concat!($field, ".serverRejects"),
                Severity::Warn,
                FindingClass::ServerOnly,
                SERVER_REJECTS_URL,
                ME01023,
                Bilingual::new(
                    concat!($field, " is shorter than 8 bytes or does not start with http — a URL for the seed, but the server rejects it (ME01023), e.g. ftp://; use an http:// URL"),
                    concat!($field, " 少于 8 字节或不是以 http 开头 —— 按文档算是 URL，但服务器会拒绝（ME01023），例如 ftp://；请使用 http:// 地址"),
                ),
            ),
            Rule::new(
                concat!($field, ".malformedUrl"),
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::NotUrl,
                None,
                Bilingual::new(
                    concat!($field, " is not a well-formed URL (scheme://host…) — the server accepts it (it only checks for http and 8 bytes), but the seed asks for a URL; check the slashes after http:"),
                    concat!($field, " 不是规范的 URL（scheme://host…）—— 服务器接受（只检查 http 开头和 8 字节），但文档要求 URL；请检查 http: 之后的斜杠"),
                ),
            ),
            $($more,)*
        ] }
    };
}

pub(super) static DESCRIPTION: EndpointDescription = EndpointDescription {
    api: Api::InviteUserJoin,
    vendor: Vendor::Daoke,
    method: "POST",
    path: Api::InviteUserJoin.path(),
    title: Bilingual::new("Invite online users into a temp channel", "发送微博邀请用户加入临时频道"),
    summary: Bilingual::new(
        "Sends every eligible online user a voice weibo inviting them into the sender's live temporary channel; the result counts the invitations sent. At most one successful invitation per channel every 10 minutes.",
        "向所有符合条件的在线用户发送语音微博，邀请其加入发送者正在直播的临时频道；结果为成功发送的邀请数。同一频道 10 分钟内只能成功邀请一次。",
    ),
    default_encoding: Api::InviteUserJoin.default_encoding(),
    params: &[
        APP_KEY,
        ParamDescription::new(
            "accountID",
            Requirement::Required,
            ParamKind::AccountId,
            Bilingual::new("Sender account ID", "发送者账户编号"),
            Bilingual::new(
                "The inviting user: 10 ASCII letters or digits (the seed says letters, its example is digits). Checked before the signature; the server does not check that the account exists.",
                "发出邀请的用户：10 个 ASCII 字母或数字（文档写“字母”，示例却是数字）。在签名之前检查；服务器不检查账户是否存在。",
            ),
        )
        .with_example("2222222222")
        .max_chars(10)
        .with_rules(ACCOUNT_ID_RULES),
        ParamDescription::new(
            "tempChannelID",
            Requirement::Required,
            ParamKind::Digits,
            Bilingual::new("Temp channel ID", "临时频道编号"),
            Bilingual::new(
                "The live temporary channel: 5 to 8 digits, leading zeros allowed and significant (012349 and 12349 are different channels). A channel that is not live gives ME18092.",
                "正在直播的临时频道：5 到 8 位数字，允许以 0 开头且 0 有意义（012349 与 12349 是不同的频道）。频道未开播返回 ME18092。",
            ),
        )
        .with_example("0123520")
        .max_chars(8)
        .with_rules(const { &[
            Rule::new(
                "tempChannelID.missing",
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01022,
                Bilingual::new(
                    "tempChannelID is missing — the handler then fails at run time (ME01022, inferred); enter the 5–8 digit id of the live temp channel",
                    "缺少 tempChannelID —— 处理程序会在运行时出错（ME01022，推断）；请填写正在直播的临时频道的 5–8 位编号",
                ),
            ),
            Rule::new(
                "tempChannelID.format",
                Severity::Error,
                FindingClass::Both,
                Check::NotMatching(Pattern::new(CharClass::Digits, 5, 8)),
                None,
                Bilingual::new(
                    "tempChannelID must be 5 to 8 ASCII digits (^[0-9]{5,8}$, leading zeros allowed) — the seed and the server reject anything else (usually ME18092 first, ME01023 for a live channel); enter the channel id as digits",
                    "tempChannelID 必须是 5 到 8 位 ASCII 数字（^[0-9]{5,8}$，可以 0 开头）—— 否则文档和服务器都不接受（通常先返回 ME18092，频道在直播时返回 ME01023）；请以数字填写频道编号",
                ),
            ),
        ] }),
        ParamDescription::new(
            "multimediaURL",
            Requirement::Required,
            ParamKind::Url,
            Bilingual::new("Invitation audio URL", "邀请语音地址"),
            Bilingual::new(
                "The http:// URL of the invitation's AMR voice file (the seed requires a valid .amr file; the server only checks for http and at least 8 bytes).",
                "邀请语音（AMR 文件）的 http:// 地址（文档要求有效的 .amr 文件；服务器只检查以 http 开头且至少 8 字节）。",
            ),
        )
        .with_example("http://192.168.1.6/group3/M00/00/1E/wKgBBlO_gmyAYYrYAAAITe8iduk605.amr")
        .with_rules(url_rules!(
            "multimediaURL",
            "the http:// URL of the AMR file",
            "AMR 文件的 http:// 地址",
            Rule::new(
                "multimediaURL.notAmr",
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::PathNotEndingWith(".amr"),
                None,
                Bilingual::new(
                    "multimediaURL does not point to an .amr file (the part before any ? or # does not end in .amr) — the server does not check, but the seed requires an AMR audio file; link to the .amr file",
                    "multimediaURL 指向的不是 .amr 文件（? 或 # 之前的部分不以 .amr 结尾）—— 服务器不检查，但文档要求 AMR 音频文件；请链接 .amr 文件",
                ),
            )
        )),
        ParamDescription::new(
            "callbackURL",
            Requirement::Required,
            ParamKind::Url,
            Bilingual::new("Business callback URL", "业务回调地址"),
            Bilingual::new(
                "Forwarded unchanged with every invitation and used when a user responds; may carry a query string. It is signed raw; in multipart it is also sent raw, in form-urlencoded it is percent-encoded.",
                "随每条邀请原样转发，用户响应时使用；可以带查询参数。签名使用原始字符串；multipart 中也原样发送，form-urlencoded 中进行百分号编码。",
            ),
        )
        .with_example("http://192.168.11.159:80/inviteToTempChannelCallback?inviteAccountID=anjiklmkin&inviteTempChannelID=12349")
        .with_rules(url_rules!("callbackURL", "the business callback's http:// URL", "业务回调的 http:// 地址")),
        ParamDescription::new(
            "customType",
            Requirement::Optional,
            ParamKind::Text,
            Bilingual::new("Custom type", "自定义类型"),
            Bilingual::new(
                "Not in the seed. The server reads it as a number, defaulting to 1, and implements only 1. Leave it out.",
                "文档中没有该参数。服务器按数字读取，默认为 1，且只实现了 1。请不要传。",
            ),
        )
        .with_rules(const { &[
            Rule::new(
                "customType.notOne",
                Severity::Error,
                FindingClass::Both,
                Check::NumberOtherThan(1.0),
                ME01023,
                Bilingual::new(
                    "customType is a number other than 1 — only type 1 is implemented and the server rejects it (ME01023 \"DEFAULT_ERROR is error!\"); leave customType out",
                    "customType 是 1 以外的数字 —— 服务器只实现了类型 1，会拒绝（ME01023 \"DEFAULT_ERROR is error!\"）；请不要传 customType",
                ),
            ),
            Rule::new(
                "customType.undocumented",
                Severity::Warn,
                FindingClass::Advisory,
                Check::Present,
                None,
                Bilingual::new(
                    "customType is not in the seed — the server treats this value as 1, and it is signed; leave it out",
                    "customType 不在文档中 —— 服务器把该值当作 1，且它参与签名；请不要传",
                ),
            ),
        ] }),
    ],
    example: &[
        ("accountID", "2222222222"),
        ("appKey", "1111111111"),
        ("multimediaURL", "http://192.168.1.6/group3/M00/00/1E/wKgBBlO_gmyAYYrYAAAITe8iduk605.amr"),
        (
            "callbackURL",
            "http://192.168.11.159:80/inviteToTempChannelCallback?inviteAccountID=anjiklmkin&inviteTempChannelID=12349",
        ),
        ("tempChannelID", "12349"),
    ],
};
