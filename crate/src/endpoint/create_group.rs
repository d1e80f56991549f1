//! createGroup — 创建集团 (spec `createGroup.md`).

use super::*;

/// isCarFleet / isTempGroup (createGroup.md "Flag findings"): README §3.3, where text that
/// is not a number (but not the empty string, which is simply the default) is WARN
/// `seed-only`, and 0.1 is accepted but then treated as 0.
macro_rules! create_group_flag_rules {
    ($field:literal, $default:literal) => {
        const { &[
            flag_rejected_rule!($field),
            flag_version_dependent_rule!($field),
            Rule::new(
                concat!($field, ".pointOne"),
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::FlagPointOne,
                None,
                Bilingual::new(
                    concat!($field, " is 0.1 — the server accepts it (the dot of its '0,1' pattern matches any character) but then treats it as 0 (p-prefixed group id, 0 stored, no fleet entry); send 0 or 1"),
                    concat!($field, " 是 0.1 —— 服务器接受（其 '0,1' 模式中的点匹配任意字符），随后却按 0 处理（集团编号以 p 开头、存为 0、不加入车队集合）；请填 0 或 1"),
                ),
            ),
            flag_non_canonical_rule!($field),
            Rule::new(
                concat!($field, ".notANumber"),
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::All(&[Check::Not(&Check::Empty), Check::NotANumber]),
                None,
                Bilingual::new(
                    concat!($field, " is not a number — the server silently uses the default (", $default, "); send 0 or 1, or leave it out to get the default"),
                    concat!($field, " 不是数字 —— 服务器会静默使用默认值（", $default, "）；请填 0 或 1，或不传以使用默认值"),
                ),
            ),
        ] }
    };
}

pub(super) static DESCRIPTION: EndpointDescription = EndpointDescription {
    api: Api::CreateGroup,
    vendor: Vendor::Daoke,
    method: "POST",
    path: Api::CreateGroup.path(),
    title: Bilingual::new("Create a group", "创建集团"),
    summary: Bilingual::new(
        "Creates a group (usually a car fleet) owned by accountID. An account can own one group, ever; group names are unique.",
        "创建一个由 accountID 拥有的集团（通常是车队）。每个账户只能拥有一个集团；集团名称全局唯一。",
    ),
    default_encoding: Api::CreateGroup.default_encoding(),
    params: &[
        APP_KEY,
        ParamDescription::new(
            "accountID",
            Requirement::Required,
            ParamKind::AccountId,
            Bilingual::new("Owner account ID", "创建者账户编号"),
            Bilingual::new(
                "The account that will own the group: 10 ASCII letters or digits. The account must exist (ME18053) and must not own a group or be an active fleet member already (ME18075).",
                "将拥有该集团的账户：10 个 ASCII 字母或数字。账户必须存在（ME18053），且不能已拥有集团或已是有效车队成员（ME18075）。",
            ),
        )
        .with_example("O40cml0y5p")
        .max_chars(10)
        .with_rules(ACCOUNT_ID_RULES),
        ParamDescription::new(
            "groupName",
            Requirement::Required,
            ParamKind::Text,
            Bilingual::new("Group name", "集团名称"),
            Bilingual::new(
                "The group's name, unique across all groups. The seed allows 32 characters, the server 32 UTF-8 bytes: a Chinese character takes 3 bytes, so at most 10 fit. Avoid ' and \\ (the server pastes the name into SQL unescaped).",
                "集团名称，全局唯一。文档允许 32 个字符，服务器按 UTF-8 字节计最多 32 字节：一个汉字占 3 字节，最多只能放 10 个汉字。请避免 ' 和 \\（服务器将名称未经转义拼入 SQL）。",
            ),
        )
        .with_example("liangGeDeGroup")
        .max_bytes(32)
        .with_rules(const { &[
            Rule::new(
                "groupName.missing",
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01023,
                Bilingual::new(
                    "groupName is missing — the server requires it (ME01023 \"groupName is error!\"); enter the group's name",
                    "缺少 groupName —— 服务器要求该参数（ME01023 \"groupName is error!\"）；请填写集团名称",
                ),
            ),
            Rule::new(
                "groupName.empty",
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::Empty,
                None,
                Bilingual::new(
                    "groupName is empty — the seed says it must not be, although the server accepts it and creates a group without a name; enter a name",
                    "groupName 为空 —— 文档规定不能为空，但服务器会接受并创建一个没有名称的集团；请填写名称",
                ),
            ),
            Rule::new(
                "groupName.charsOver32",
                Severity::Error,
                FindingClass::Both,
                Check::CharsOver(32),
                ME01023,
                Bilingual::new(
                    "groupName is longer than 32 characters — the seed allows at most 32 and the server at most 32 bytes (ME01023); shorten it",
                    "groupName 超过 32 个字符 —— 文档最多允许 32 个字符，服务器最多 32 字节（ME01023）；请缩短",
                ),
            ),
            Rule::new(
                "groupName.bytesOver32",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::BytesOver(32),
                ME01023,
                Bilingual::new(
                    "groupName is longer than 32 bytes — the server counts UTF-8 bytes (11 Chinese characters are 33 bytes) and rejects it with ME01023, although the seed allows 32 characters; shorten it to 32 bytes (10 Chinese characters)",
                    "groupName 超过 32 字节 —— 服务器按 UTF-8 字节计数（11 个汉字为 33 字节），会以 ME01023 拒绝，尽管文档允许 32 个字符；请缩短到 32 字节以内（最多 10 个汉字）",
                ),
            ),
            sql_breaking_rule!("groupName"),
            backslash_rule!("groupName"),
        ] }),
        ParamDescription::new(
            "isCarFleet",
            Requirement::Optional,
            ParamKind::Flag,
            Bilingual::new("Car fleet?", "是否车队"),
            Bilingual::new(
                "1: the group is a car fleet (default); 0: it is not. Send exactly 0 or 1; an empty or non-numeric value gives the default.",
                "1：该集团是车队（默认）；0：不是。请只填 0 或 1；空值或非数字值按默认值处理。",
            ),
        )
        .with_default("1")
        .with_example("1")
        .with_rules(create_group_flag_rules!("isCarFleet", "1")),
        ParamDescription::new(
            "isTempGroup",
            Requirement::Optional,
            ParamKind::Flag,
            Bilingual::new("Temporary group?", "是否临时集团"),
            Bilingual::new(
                "1: a temporary group (its id starts with t); 0: a permanent one (default, id starts with p). Send exactly 0 or 1; an empty or non-numeric value gives the default.",
                "1：临时集团（编号以 t 开头）；0：永久集团（默认，编号以 p 开头）。请只填 0 或 1；空值或非数字值按默认值处理。",
            ),
        )
        .with_default("0")
        .with_example("0")
        .with_rules(create_group_flag_rules!("isTempGroup", "0")),
        ParamDescription::new(
            "callbackURL",
            Requirement::Optional,
            ParamKind::Url,
            Bilingual::new("Callback URL", "回调地址"),
            Bilingual::new(
                "Stored with the group (createGroup itself never calls it). Must start with lower-case http and be at most 512 bytes. Leave it empty to send none: the builder omits an empty callbackURL, which the server would reject.",
                "随集团保存（createGroup 本身不会调用它）。必须以小写 http 开头，且不超过 512 字节。留空则不发送：构建器会省略空的 callbackURL（服务器会拒绝空值）。",
            ),
        )
        .with_example("http://192.168.1.10:8088/groupCallback")
        .max_bytes(512)
        .with_rules(const { &[
            Rule::new(
                "callbackURL.empty",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::Empty,
                ME01023,
                Bilingual::new(
                    "callbackURL is empty — the seed allows that, but the server rejects callbackURL= (ME01023); leave the parameter out (the builder omits an empty one)",
                    "callbackURL 为空 —— 文档允许，但服务器会拒绝 callbackURL=（ME01023）；请不要传该参数（构建器会省略空值）",
                ),
            ),
            Rule::new(
                "callbackURL.charsOver512",
                Severity::Error,
                FindingClass::Both,
                Check::CharsOver(512),
                ME01023,
                Bilingual::new(
                    "callbackURL is longer than 512 characters — beyond the seed's limit and the server's 512 bytes (ME01023); shorten it",
                    "callbackURL 超过 512 个字符 —— 超出文档限制和服务器的 512 字节上限（ME01023）；请缩短",
                ),
            ),
            Rule::new(
                "callbackURL.bytesOver512",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::BytesOver(512),
                ME01023,
                Bilingual::new(
                    "callbackURL is longer than 512 bytes — within the seed's 512 characters, but the server counts UTF-8 bytes and rejects it (ME01023); shorten it or use fewer non-ASCII characters",
                    "callbackURL 超过 512 字节 —— 未超出文档的 512 个字符，但服务器按 UTF-8 字节计数并拒绝（ME01023）；请缩短，或减少非 ASCII 字符",
                ),
            ),
            Rule::new(
                "callbackURL.notHttp",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::NotStartingWith { prefix: "http", case_sensitive: true },
                ME01023,
                Bilingual::new(
                    "callbackURL does not start with lower-case http — the server compares its first four bytes with \"http\" case-sensitively and rejects it (ME01023); write the scheme as http:// or https://",
                    "callbackURL 不是以小写 http 开头 —— 服务器区分大小写地比较前四个字节是否为 \"http\"，会拒绝（ME01023）；请写成 http:// 或 https://",
                ),
            ),
            sql_breaking_rule!("callbackURL"),
            backslash_rule!("callbackURL"),
        ] }),
    ],
    example: &[
        ("groupName", "liangGeDeGroup"),
        ("accountID", "O40cml0y5p"),
        ("appKey", "1111111111"),
    ],
};
