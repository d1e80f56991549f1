//! verifyApplyJoiningMember — 审核申请加入集团成员 (spec `verifyApplyJoiningMember.md`).

use super::*;

pub(super) static DESCRIPTION: EndpointDescription = EndpointDescription {
    api: Api::VerifyApplyJoiningMember,
    vendor: Vendor::Daoke,
    method: "POST",
    path: Api::VerifyApplyJoiningMember.path(),
    title: Bilingual::new("Approve or reject join applications", "审核申请加入集团成员"),
    summary: Bilingual::new(
        "The group creator approves (yes=1) or rejects (yes=0) pending applications to join a group. The result lists, per applicant, 0 (processed) or -1 (no pending application).",
        "集团创建者批准（yes=1）或拒绝（yes=0）加入集团的待审核申请。结果按申请人列出 0（已处理）或 -1（没有待审核的申请）。",
    ),
    default_encoding: Api::VerifyApplyJoiningMember.default_encoding(),
    params: &[
        APP_KEY,
        ParamDescription::new(
            "groupID",
            Requirement::Required,
            ParamKind::Token,
            Bilingual::new("Group ID", "集团编号"),
            Bilingual::new(
                "The group's id as returned by createGroup (16 letters and digits, starting with p or t). The server accepts at most 16 bytes.",
                "createGroup 返回的集团编号（16 个字母和数字，以 p 或 t 开头）。服务器最多接受 16 字节。",
            ),
        )
        .with_example("pnlmBtmoFR3IFt7y")
        .max_bytes(16)
        .with_rules(const { &[
            Rule::new(
                "groupID.missing",
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01023,
                Bilingual::new(
                    "groupID is missing — the server requires it (ME01023 \"groupID is error!\"); enter the group id returned by createGroup",
                    "缺少 groupID —— 服务器要求该参数（ME01023 \"groupID is error!\"）；请填写 createGroup 返回的集团编号",
                ),
            ),
            Rule::new(
                "groupID.empty",
                Severity::Error,
                FindingClass::Both,
                Check::Empty,
                Some("ME18054"),
                Bilingual::new(
                    "groupID is empty — it passes the server's format check, but no group has an empty id (ME18054); enter the group id returned by createGroup",
                    "groupID 为空 —— 能通过服务器的格式检查，但不存在编号为空的集团（ME18054）；请填写 createGroup 返回的集团编号",
                ),
            ),
            Rule::new(
                "groupID.bytesOver16",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::BytesOver(16),
                ME01023,
                Bilingual::new(
                    "groupID is longer than 16 bytes — the seed sets no limit, but the server rejects it (ME01023); group ids have 16 characters, check the value",
                    "groupID 超过 16 字节 —— 文档未规定长度，但服务器会拒绝（ME01023）；集团编号为 16 个字符，请检查",
                ),
            ),
            sql_breaking_rule!("groupID"),
            backslash_rule!("groupID"),
            Rule::new(
                "groupID.notAlphanumeric",
                Severity::Warn,
                FindingClass::Advisory,
                Check::HasCharOutside(CharClass::Alphanumeric),
                None,
                Bilingual::new(
                    "groupID contains characters other than ASCII letters and digits — group ids never do, so the group will probably not be found (ME18054); check the id",
                    "groupID 含有 ASCII 字母和数字以外的字符 —— 集团编号从不包含这些字符，很可能找不到该集团（ME18054）；请检查编号",
                ),
            ),
        ] }),
        ParamDescription::new(
            "isCarMember",
            Requirement::Optional,
            ParamKind::Flag,
            Bilingual::new("Fleet member?", "是否集团成员"),
            Bilingual::new(
                "Documented as 0/1 (是否是集团成员), but the server never reads it; if sent it is still signed. Best left out.",
                "文档写作 0/1（是否是集团成员），但服务器从不读取；如果发送仍会参与签名。建议不传。",
            ),
        )
        .with_rules(const { &[Rule::new(
            "isCarMember.notZeroOrOne",
            Severity::Warn,
            FindingClass::SeedOnly,
            Check::All(&[Check::Not(&Check::Empty), Check::NotOneOf(&["0", "1"])]),
            None,
            Bilingual::new(
                "isCarMember is neither 0 nor 1 — the server ignores it, but it is signed and the seed documents only 0 and 1; send 0 or 1, or better leave it out",
                "isCarMember 既不是 0 也不是 1 —— 服务器忽略该参数，但它参与签名，且文档只规定了 0 和 1；请填 0 或 1，最好不传",
            ),
        )] }),
        ParamDescription::new(
            "creatorAccountID",
            Requirement::Required,
            ParamKind::AccountId,
            Bilingual::new("Creator account ID", "创建者账户编号"),
            Bilingual::new(
                "The group creator's account: 10 ASCII letters or digits. The server checks only the format (its error text says accountID), not that this account owns the group.",
                "集团创建者的账户：10 个 ASCII 字母或数字。服务器只检查格式（错误信息写作 accountID），不检查该账户是否拥有该集团。",
            ),
        )
        .with_example("WFlYtlfPlg")
        .max_chars(10)
        .with_rules(account_id_rules!("creatorAccountID")),
        ParamDescription::new(
            "applyAccountID",
            Requirement::Required,
            ParamKind::AccountIdList,
            Bilingual::new("Applicant account IDs", "申请人账户编号"),
            Bilingual::new(
                "The applicants to decide on: 10-character account IDs separated by ASCII commas (not the Chinese comma ，, no spaces). Applicants without a pending application are reported with status -1.",
                "要审核的申请人：以 ASCII 逗号分隔的 10 位账户编号（不能用中文逗号“，”，不能有空格）。没有待审核申请的申请人返回状态 -1。",
            ),
        )
        .with_example("kxl1QuHKCD")
        .with_rules(const { &[
            Rule::new(
                "applyAccountID.missing",
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01023,
                Bilingual::new(
                    "applyAccountID is missing — the server requires it (ME01023 \"applyAccountID is error!\"); list the applicants' account IDs separated by commas",
                    "缺少 applyAccountID —— 服务器要求该参数（ME01023 \"applyAccountID is error!\"）；请填写以逗号分隔的申请人账户编号",
                ),
            ),
            Rule::new(
                "applyAccountID.noItems",
                Severity::Error,
                FindingClass::Both,
                Check::NoListItems,
                ME01023,
                Bilingual::new(
                    "applyAccountID contains no account ID (it is empty or only commas) — the server rejects it (ME01023); list the applicants' 10-character account IDs separated by commas",
                    "applyAccountID 中没有账户编号（为空或只有逗号）—— 服务器拒绝（ME01023）；请填写以逗号分隔的 10 位申请人账户编号",
                ),
            ),
            Rule::new(
                "applyAccountID.itemFormat",
                Severity::Error,
                FindingClass::Both,
                Check::ListItemNotMatching(ACCOUNT_ID_PATTERN),
                ME01023,
                Bilingual::new(
                    "applyAccountID contains an element that is not exactly 10 ASCII letters or digits — the server rejects the request (ME01023); separate the ids with ASCII commas only (no spaces, not the Chinese comma ，)",
                    "applyAccountID 中有元素不是恰好 10 个 ASCII 字母或数字 —— 服务器拒绝该请求（ME01023）；请只用 ASCII 逗号分隔编号（不要空格，不要中文逗号“，”）",
                ),
            ),
            Rule::new(
                "applyAccountID.emptyItems",
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::EmptyListItems,
                None,
                Bilingual::new(
                    "applyAccountID has empty elements (a,,b or a leading or trailing comma) — the server drops them, but the seed expects every element to be a 10-character id; remove the extra commas",
                    "applyAccountID 中有空元素（a,,b 或开头、结尾的逗号）—— 服务器会丢弃它们，但文档要求每个元素都是 10 位编号；请删除多余的逗号",
                ),
            ),
            Rule::new(
                "applyAccountID.duplicates",
                Severity::Warn,
                FindingClass::Advisory,
                Check::DuplicateListItems,
                None,
                Bilingual::new(
                    "applyAccountID lists an account more than once — the server reports and processes it twice; list each applicant once",
                    "applyAccountID 中同一账户出现了多次 —— 服务器会重复报告和处理；每个申请人只列一次",
                ),
            ),
        ] }),
        ParamDescription::new(
            "callbackURL",
            Requirement::Optional,
            ParamKind::Url,
            Bilingual::new("Callback URL", "回调地址"),
            Bilingual::new(
                "Called once with a bare GET after the decisions are applied. The server needs the form http://host:port/path, with an explicit port and only letters, digits and dots in the host; https, user info or a missing port make the request fail (ME01022) after the decisions were stored. The seed allows 255 characters, the server 512 bytes. Leave it empty to send none.",
                "审核处理完成后以一个不带参数的 GET 调用一次。服务器要求形如 http://host:port/path：必须写明端口，主机名只能含字母、数字和点；https、用户信息或缺少端口都会使请求在审核结果保存后失败（ME01022）。文档允许 255 个字符，服务器允许 512 字节。留空则不发送。",
            ),
        )
        .with_example("http://10.0.0.5:80/verifyCallback")
        .max_chars(255)
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
                "callbackURL.notHttp",
                Severity::Error,
                FindingClass::Both,
                Check::NotStartingWith { prefix: "http", case_sensitive: false },
                ME01023,
                Bilingual::new(
                    "callbackURL does not start with http — the seed and the server both require an http URL (ME01023); use the form http://host:port/path",
                    "callbackURL 不是以 http 开头 —— 文档和服务器都要求 http 地址（ME01023）；请使用 http://host:port/path 的形式",
                ),
            ),
            Rule::new(
                "callbackURL.tooLong",
                Severity::Error,
                FindingClass::Both,
                Check::All(&[Check::CharsOver(255), Check::BytesOver(512)]),
                ME01023,
                Bilingual::new(
                    "callbackURL is longer than 255 characters and 512 bytes — beyond both the seed's and the server's limits (ME01023); shorten it",
                    "callbackURL 超过 255 个字符且超过 512 字节 —— 超出文档和服务器的限制（ME01023）；请缩短",
                ),
            ),
            Rule::new(
                "callbackURL.notLowerCaseHttp",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::NotStartingWith { prefix: "http", case_sensitive: true },
                ME01023,
                Bilingual::new(
                    "callbackURL starts with http in another letter case (HTTP, Http, …) — the server compares case-sensitively and rejects it (ME01023); write http in lower case",
                    "callbackURL 以其他大小写形式的 http 开头（HTTP、Http 等）—— 服务器区分大小写，会拒绝（ME01023）；请把 http 写成小写",
                ),
            ),
            Rule::new(
                "callbackURL.bytesOver512",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::BytesOver(512),
                ME01023,
                Bilingual::new(
                    "callbackURL is longer than 512 bytes — within the seed's 255 characters, but the server counts UTF-8 bytes and rejects it (ME01023); shorten it or use fewer non-ASCII characters",
                    "callbackURL 超过 512 字节 —— 未超出文档的 255 个字符，但服务器按 UTF-8 字节计数并拒绝（ME01023）；请缩短或减少非 ASCII 字符",
                ),
            ),
            Rule::new(
                "callbackURL.noHostPort",
                Severity::Warn,
                FindingClass::ServerOnly,
                Check::NoCallbackHostPort,
                ME01022,
                Bilingual::new(
                    "callbackURL has no host:port the server can extract (it needs http://host:port/… with an explicit port and only letters, digits and dots in the host; https, - or _ in the host, user info and a missing port all fail) — the decisions are applied, then the request most likely fails with ME01022; use a form like http://10.0.0.5:8080/callback",
                    "服务器无法从 callbackURL 中提取 host:port（要求 http://host:port/…，必须写明端口，主机名只能含字母、数字和点；https、主机名含 - 或 _、带用户信息、缺少端口都不行）—— 审核结果会先被保存，随后请求很可能以 ME01022 失败；请使用类似 http://10.0.0.5:8080/callback 的形式",
                ),
            ),
            Rule::new(
                "callbackURL.charsOver255",
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::CharsOver(255),
                None,
                Bilingual::new(
                    "callbackURL is longer than 255 characters — the server accepts up to 512 bytes, but the seed allows at most 255; shorten it",
                    "callbackURL 超过 255 个字符 —— 服务器最多接受 512 字节，但文档最多允许 255 个字符；请缩短",
                ),
            ),
            sql_breaking_rule!("callbackURL"),
            backslash_rule!("callbackURL"),
            Rule::new(
                "callbackURL.emptyPath",
                Severity::Warn,
                FindingClass::Advisory,
                Check::CallbackPathEmpty,
                None,
                Bilingual::new(
                    "callbackURL has nothing after http://host:port/ — the server then requests the path /nil; add the callback's path",
                    "callbackURL 在 http://host:port/ 之后没有路径 —— 服务器会请求路径 /nil；请补上回调路径",
                ),
            ),
        ] }),
        ParamDescription::new(
            "yes",
            Requirement::Required,
            ParamKind::Flag,
            Bilingual::new("Decision", "审核结果"),
            Bilingual::new(
                "1 approves the applications, 0 rejects them. Send exactly 0 or 1.",
                "1 表示批准申请，0 表示拒绝。请只填 0 或 1。",
            ),
        )
        .with_example("1")
        .with_rules(const { &[
            Rule::new(
                "yes.missing",
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01023,
                Bilingual::new(
                    "yes is missing — the server requires the decision (ME01023 \"yes is error!\"); send 1 to approve or 0 to reject",
                    "缺少 yes —— 服务器要求审核结果（ME01023 \"yes is error!\"）；批准请填 1，拒绝请填 0",
                ),
            ),
            Rule::new(
                "yes.empty",
                Severity::Error,
                FindingClass::Both,
                Check::Empty,
                ME01023,
                Bilingual::new(
                    "yes is empty — the server requires the decision (ME01023); send 1 to approve or 0 to reject",
                    "yes 为空 —— 服务器要求审核结果（ME01023）；批准请填 1，拒绝请填 0",
                ),
            ),
            Rule::new(
                "yes.notANumber",
                Severity::Error,
                FindingClass::Both,
                Check::NotANumber,
                ME01023,
                Bilingual::new(
                    "yes is not a number — the server rejects it (ME01023); send 1 to approve or 0 to reject",
                    "yes 不是数字 —— 服务器拒绝（ME01023）；批准请填 1，拒绝请填 0",
                ),
            ),
            flag_rejected_rule!("yes"),
            flag_version_dependent_rule!("yes"),
            Rule::new(
                "yes.pointOne",
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::FlagPointOne,
                None,
                Bilingual::new(
                    "yes is 0.1 — the server accepts it (the dot of its '0,1' pattern matches any character) and approves, but stores the decision as 0; send 1 to approve",
                    "yes 是 0.1 —— 服务器接受（其 '0,1' 模式中的点匹配任意字符）并批准，但审核结果存为 0；批准请填 1",
                ),
            ),
            flag_non_canonical_rule!("yes"),
        ] }),
    ],
    example: &[
        ("groupID", "pnlmBtmoFR3IFt7y"),
        ("yes", "1"),
        ("applyAccountID", "kxl1QuHKCD"),
        ("appKey", "1111111111"),
        ("creatorAccountID", "WFlYtlfPlg"),
    ],
};
