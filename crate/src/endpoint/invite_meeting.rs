//! inviteMeeting — 邀请会议 (YTX; spec `inviteMeeting.md`).
//!
//! There is no server source: the seed alone decides, so ERROR findings have class `seed`
//! and WARN findings class `advisory`, with no server code (README §3.1).

use super::*;

/// `missing` → ERROR `seed` (`-2 缺少必要参数` is the documented answer).
macro_rules! ytx_missing_rule {
    ($field:literal, $what_en:literal, $what_zh:literal) => {
        Rule::new(
            concat!($field, ".missing"),
            Severity::Error,
            FindingClass::Seed,
            Check::Missing,
            None,
            Bilingual::new(
                concat!($field, " is missing — seed 003 needs it (the platform answers -2 缺少必要参数); enter ", $what_en),
                concat!("缺少 ", $field, " —— 文档 003 要求该参数（平台返回 -2 缺少必要参数）；请填写", $what_zh),
            ),
        )
    };
}

/// `empty` → ERROR `seed`.
macro_rules! ytx_empty_rule {
    ($field:literal, $what_en:literal, $what_zh:literal) => {
        Rule::new(
            concat!($field, ".empty"),
            Severity::Error,
            FindingClass::Seed,
            Check::Empty,
            None,
            Bilingual::new(
                concat!(
                    $field,
                    " is empty — seed 003 needs a value; enter ",
                    $what_en
                ),
                concat!($field, " 为空 —— 文档 003 要求填写；请填写", $what_zh),
            ),
        )
    };
}

/// Not `^[A-Za-z0-9]{32}$` → WARN `advisory` (the console's ids and tokens have this shape).
macro_rules! ytx_id_shape_rule {
    ($field:literal, $what_en:literal, $what_zh:literal) => {
        Rule::new(
            concat!($field, ".format"),
            Severity::Warn,
            FindingClass::Advisory,
            Check::NotMatching(Pattern::new(CharClass::Alphanumeric, 32, 32)),
            None,
            Bilingual::new(
                concat!($field, " is not 32 ASCII letters or digits (^[A-Za-z0-9]{32}$) — ", $what_en, " from the console has this shape; check that you copied all of it and nothing else"),
                concat!($field, " 不是 32 个 ASCII 字母或数字（^[A-Za-z0-9]{32}$）—— 控制台提供的", $what_zh, "都是这种形式；请检查是否完整复制且没有多余字符"),
            ),
        )
    };
}

pub(super) static DESCRIPTION: EndpointDescription = EndpointDescription {
    api: Api::InviteMeeting,
    vendor: Vendor::Ytx,
    method: "POST",
    path: Api::InviteMeeting.path(),
    title: Bilingual::new("Invite people into a meeting", "邀请会议"),
    summary: Bilingual::new(
        "Invites new participants into a conference call that is in progress (YTX 云通信). Authenticated by an MD5 Sign in the query and a Base64 Authorization header, both built from accountSID, authToken and timestamp.",
        "邀请新的参会人加入正在进行的电话会议（云通信）。通过查询串中的 MD5 Sign 和 Base64 Authorization 头认证，两者都由 accountSID、authToken 和 timestamp 生成。",
    ),
    default_encoding: Api::InviteMeeting.default_encoding(),
    params: &[
        ParamDescription::new(
            "accountSID",
            Requirement::Required,
            ParamKind::Token,
            Bilingual::new("Account SID", "主账户 ACCOUNT SID"),
            Bilingual::new(
                "The account id from the YTX console (32 letters and digits). It is placed verbatim in the request path and in the Authorization header.",
                "云通信控制台中的账户 ID（32 位字母和数字）。原样放入请求路径和 Authorization 头。",
            ),
        )
        .as_credential()
        .with_example("abcdefghijklmnopqrstuvwxyz012345")
        .max_chars(32)
        .with_rules(const { &[
            ytx_missing_rule!("accountSID", "the ACCOUNT SID from the console", "控制台中的 ACCOUNT SID"),
            ytx_empty_rule!("accountSID", "the ACCOUNT SID from the console", "控制台中的 ACCOUNT SID"),
            ytx_id_shape_rule!("accountSID", "an ACCOUNT SID", " ACCOUNT SID "),
        ] }),
        ParamDescription::new(
            "authToken",
            Requirement::Required,
            ParamKind::Secret,
            Bilingual::new("Auth token", "账户授权令牌 AUTH TOKEN"),
            Bilingual::new(
                "The account's AUTH TOKEN from the YTX console (32 letters and digits). A secret: it is only used inside the MD5 Sign and never sent.",
                "云通信控制台中的 AUTH TOKEN（32 位字母和数字）。这是密钥：只用于计算 MD5 Sign，从不发送。",
            ),
        )
        .as_credential()
        .as_secret()
        .max_chars(32)
        .with_rules(const { &[
            ytx_missing_rule!("authToken", "the AUTH TOKEN from the console", "控制台中的 AUTH TOKEN"),
            ytx_empty_rule!("authToken", "the AUTH TOKEN from the console", "控制台中的 AUTH TOKEN"),
            ytx_id_shape_rule!("authToken", "an AUTH TOKEN", " AUTH TOKEN "),
        ] }),
        ParamDescription::new(
            "version",
            Requirement::BuilderDefault,
            ParamKind::Version,
            Bilingual::new("API version", "接口版本"),
            Bilingual::new(
                "The REST API version in the path. Seed 003 calls 201612 the current one; the builder uses it when none is given.",
                "路径中的接口版本。文档 003 称 201612 为当前版本；未填写时构建器使用该值。",
            ),
        )
        .with_default("201612")
        .with_example("201612")
        .max_chars(6)
        .with_rules(const { &[
            Rule::new(
                "version.format",
                Severity::Error,
                FindingClass::Seed,
                Check::NotMatching(Pattern::new(CharClass::Digits, 6, 6)),
                None,
                Bilingual::new(
                    "version must be 6 digits (^[0-9]{6}$), like 201612 — it is a path segment of the documented form; use 201612 or leave it out",
                    "version 必须是 6 位数字（^[0-9]{6}$），例如 201612 —— 它是文档规定格式的路径段；请填 201612 或不填",
                ),
            ),
            Rule::new(
                "version.notCurrent",
                Severity::Warn,
                FindingClass::Advisory,
                Check::NotOneOf(&["201612"]),
                None,
                Bilingual::new(
                    "version is not 201612 — seed 003 calls 201612 the current version (older ones such as 201512 may still work for other functions); use 201612 unless you know better",
                    "version 不是 201612 —— 文档 003 称 201612 为当前版本（201512 等旧版本可能仍可用于其他功能）；如无特殊需要请使用 201612",
                ),
            ),
        ] }),
        ParamDescription::new(
            "timestamp",
            Requirement::BuilderDefault,
            ParamKind::Timestamp,
            Bilingual::new("Timestamp", "时间戳"),
            Bilingual::new(
                "yyyyMMddHHmmss in China Standard Time (UTC+8), valid for 24 hours; the same value goes into Sign and Authorization. The builder uses the current time when none is given; give one only to reproduce a request.",
                "北京时间（UTC+8）的 yyyyMMddHHmmss，有效期 24 小时；Sign 与 Authorization 使用同一个值。未填写时构建器使用当前时间；只有在复现请求时才需要填写。",
            ),
        )
        .with_example("20161212093000")
        .max_chars(14)
        .with_rules(const { &[
            Rule::new(
                "timestamp.format",
                Severity::Error,
                FindingClass::Seed,
                Check::NotBeijingTime,
                None,
                Bilingual::new(
                    "timestamp is not a valid yyyyMMddHHmmss date and time (14 digits, month 01–12, a day that exists, hour < 24, minutes and seconds < 60) — fix it, or leave it out to use the current time",
                    "timestamp 不是有效的 yyyyMMddHHmmss 日期时间（14 位数字，月份 01–12，日期存在，小时 < 24，分秒 < 60）—— 请改正，或不填以使用当前时间",
                ),
            ),
            Rule::new(
                "timestamp.outsideWindow",
                Severity::Warn,
                FindingClass::Advisory,
                Check::OutsideWindow { seconds: 86400 },
                None,
                Bilingual::new(
                    "timestamp is more than 24 hours away from this computer's clock (UTC+8) — seed 003 says a timestamp is valid for 24 hours, so the platform will probably reject it (unless this clock is wrong); leave it out to use the current time",
                    "timestamp 与本机时钟（UTC+8）相差超过 24 小时 —— 文档 003 规定时间戳有效期为 24 小时，平台很可能拒绝（除非本机时钟有误）；请不填以使用当前时间",
                ),
            ),
        ] }),
        ParamDescription::new(
            "appid",
            Requirement::Required,
            ParamKind::Token,
            Bilingual::new("Application ID", "应用 ID"),
            Bilingual::new(
                "The application created in the YTX console (32 letters and digits). Sandbox (体验) appids work only with sandbox.ytx.net, production ones only with api.ytx.net and only once online; mixing them gives -205.",
                "在云通信控制台创建的应用 ID（32 位字母和数字）。沙箱（体验）应用只能用于 sandbox.ytx.net，正式应用只能用于 api.ytx.net 且需已上线；混用返回 -205。",
            ),
        )
        .with_example("ff8080813fc70a7b013fc72312324213")
        .max_chars(32)
        .with_rules(const { &[
            ytx_missing_rule!("appid", "the application id from the console", "控制台中的应用 ID"),
            ytx_empty_rule!("appid", "the application id from the console", "控制台中的应用 ID"),
            ytx_id_shape_rule!("appid", "an application id", "应用 ID "),
        ] }),
        ParamDescription::new(
            "confid",
            Requirement::Required,
            ParamKind::Token,
            Bilingual::new("Conference ID", "会议 ID"),
            Bilingual::new(
                "The conference room id: the meid returned when the conference was created.",
                "会议室 ID：创建会议时返回的 meid。",
            ),
        )
        .with_example("002")
        .with_rules(const { &[
            ytx_missing_rule!("confid", "the conference id (meid)", "会议 ID（meid）"),
            ytx_empty_rule!("confid", "the conference id (meid)", "会议 ID（meid）"),
        ] }),
        ParamDescription::new(
            "parties",
            Requirement::Required,
            ParamKind::Parties,
            Bilingual::new("Participants", "参会人"),
            Bilingual::new(
                "The people to invite, as a JSON array of {\"name\", \"phone\"} objects. phone is a mobile number, or a landline followed by a comma and an extension (01053889900,1234). The builder sends this JSON as a string value.",
                "要邀请的人，格式为 {\"name\", \"phone\"} 对象的 JSON 数组。phone 为手机号，或座机号加逗号和分机号（01053889900,1234）。构建器将该 JSON 作为字符串值发送。",
            ),
        )
        .with_example(r#"[{"name":"张三","phone":"15000000804"}]"#)
        .with_rules(const { &[
            ytx_missing_rule!("parties", "a JSON array like [{\"name\":\"张三\",\"phone\":\"15000000804\"}]", "JSON 数组，例如 [{\"name\":\"张三\",\"phone\":\"15000000804\"}]"),
            ytx_empty_rule!("parties", "a JSON array like [{\"name\":\"张三\",\"phone\":\"15000000804\"}]", "JSON 数组，例如 [{\"name\":\"张三\",\"phone\":\"15000000804\"}]"),
            Rule::new(
                "parties.notJsonArray",
                Severity::Error,
                FindingClass::Seed,
                Check::PartiesNotJsonArray,
                None,
                Bilingual::new(
                    "parties is not a JSON array — write the participants as [{\"name\":\"…\",\"phone\":\"…\"}, …] with double quotes around every key and string",
                    "parties 不是 JSON 数组 —— 请写成 [{\"name\":\"…\",\"phone\":\"…\"}, …]，所有键和字符串都要加双引号",
                ),
            ),
            Rule::new(
                "parties.emptyArray",
                Severity::Error,
                FindingClass::Seed,
                Check::PartiesEmpty,
                None,
                Bilingual::new(
                    "parties is an empty array — there is nobody to invite; add at least one {\"name\",\"phone\"} object",
                    "parties 是空数组 —— 没有要邀请的人；请至少添加一个 {\"name\",\"phone\"} 对象",
                ),
            ),
            Rule::new(
                "parties.malformed",
                Severity::Error,
                FindingClass::Seed,
                Check::PartyMalformed,
                None,
                Bilingual::new(
                    "parties has an element that is not an object with a non-empty string name and phone — give every participant both, as strings",
                    "parties 中有元素不是同时含有非空字符串 name 和 phone 的对象 —— 请为每个参会人填写字符串形式的 name 和 phone",
                ),
            ),
            Rule::new(
                "parties.phone",
                Severity::Warn,
                FindingClass::Advisory,
                Check::PartyPhoneUnusual,
                None,
                Bilingual::new(
                    "parties has a phone that does not look like a number (3–20 digits, optionally a comma and a 1–10 digit extension; no +, spaces or dashes) — check it, e.g. 13800000000 or 01053889900,1234",
                    "parties 中有 phone 看起来不像号码（3–20 位数字，可加逗号和 1–10 位分机号；不能有 +、空格或横线）—— 请检查，例如 13800000000 或 01053889900,1234",
                ),
            ),
            Rule::new(
                "parties.extraKeys",
                Severity::Warn,
                FindingClass::Advisory,
                Check::PartyExtraKeys,
                None,
                Bilingual::new(
                    "parties has an element with keys other than name and phone — the seed documents only these two; remove the others",
                    "parties 中有元素含有 name 和 phone 以外的键 —— 文档只规定了这两个；请删除其他键",
                ),
            ),
        ] }),
        ParamDescription::new(
            "CustomParm",
            Requirement::Optional,
            ParamKind::Text,
            Bilingual::new("Custom parameter", "自定义参数"),
            Bilingual::new(
                "Free text passed back in the status callback, typically your order number (the platform does not check uniqueness). Left out when not given; an explicitly empty value is sent as \"\".",
                "在状态回调中原样返回的自由文本，通常是你的订单号（平台不检查唯一性）。未填写时不发送；明确填写空值时发送 \"\"。",
            ),
        ),
        ParamDescription::new(
            "action",
            Requirement::BuilderDefault,
            ParamKind::Text,
            Bilingual::new("Action", "接口名称"),
            Bilingual::new(
                "The API function name, always inviteJoinMeeting (case-sensitive); the builder sends it itself.",
                "接口名称，固定为 inviteJoinMeeting（区分大小写）；构建器会自动发送。",
            ),
        )
        .with_default("inviteJoinMeeting")
        .with_rules(const { &[Rule::new(
            "action.notInviteJoinMeeting",
            Severity::Error,
            FindingClass::Seed,
            Check::NotOneOf(&["inviteJoinMeeting"]),
            None,
            Bilingual::new(
                "action is not exactly inviteJoinMeeting — the seed fixes this name and it is case-sensitive; write inviteJoinMeeting or leave it out",
                "action 不是 inviteJoinMeeting —— 文档规定了该名称且区分大小写；请填 inviteJoinMeeting 或不填",
            ),
        )] }),
    ],
    example: &[
        ("accountSID", "abcdefghijklmnopqrstuvwxyz012345"),
        ("authToken", "0123456789abcdef0123456789abcdef"),
        ("appid", "ff8080813fc70a7b013fc72312324213"),
        ("confid", "002"),
        (
            "parties",
            r#"[{"name":"张三","phone":"15000000804"},{"name":"李四","phone":"13600007556"}]"#,
        ),
    ],
};
