//! applyMicroChannel — 用户申请微频道 (spec `applyMicroChannel.md`).

use super::*;

/// The server's crude SQL-injection guard: an apostrophe is rejected (WARN `server-only`;
/// the seed does not mention it).
macro_rules! apostrophe_rule {
    ($field:literal) => {
        Rule::new(
            concat!($field, ".apostrophe"),
            Severity::Warn,
            FindingClass::ServerOnly,
            Check::Contains('\''),
            ME01023,
            Bilingual::new(
                concat!($field, " contains an apostrophe (') — the server rejects it as a crude SQL-injection guard (ME01023), although the seed does not say so; remove it or use a typographic quote (’)"),
                concat!($field, " 含有撇号（'）—— 服务器将其作为简单的 SQL 注入防护而拒绝（ME01023），文档并未说明；请删除或改用中文引号（’）"),
            ),
        )
    };
}

/// `missing` → ERROR `both` with ME01023, for the text fields of this endpoint.
macro_rules! missing_rule {
    ($field:literal, $what_en:literal, $what_zh:literal) => {
        Rule::new(
            concat!($field, ".missing"),
            Severity::Error,
            FindingClass::Both,
            Check::Missing,
            ME01023,
            Bilingual::new(
                concat!(
                    $field,
                    " is missing — the seed and the server require it (ME01023 \"",
                    $field,
                    " is error!\"); enter ",
                    $what_en
                ),
                concat!(
                    "缺少 ",
                    $field,
                    " —— 文档和服务器都要求该参数（ME01023 \"",
                    $field,
                    " is error!\"）；请填写",
                    $what_zh
                ),
            ),
        )
    };
}

/// A length bound both sides enforce → ERROR `both` with ME01023.
macro_rules! both_rule {
    ($id:literal, $check:expr, $en:literal, $zh:literal) => {
        Rule::new(
            $id,
            Severity::Error,
            FindingClass::Both,
            $check,
            ME01023,
            Bilingual::new($en, $zh),
        )
    };
}

/// A value the server accepts but the seed's "more than N" / "less than N" excludes →
/// WARN `seed-only`.
macro_rules! seed_only_rule {
    ($id:literal, $check:expr, $en:literal, $zh:literal) => {
        Rule::new(
            $id,
            Severity::Warn,
            FindingClass::SeedOnly,
            $check,
            None,
            Bilingual::new($en, $zh),
        )
    };
}

/// A value the seed documents as valid but the server rejects → WARN `server-only`, ME01023.
macro_rules! server_only_rule {
    ($id:literal, $check:expr, $en:literal, $zh:literal) => {
        Rule::new(
            $id,
            Severity::Warn,
            FindingClass::ServerOnly,
            $check,
            ME01023,
            Bilingual::new($en, $zh),
        )
    };
}

/// Outside the server's 2–16 server units (channelName, spec §3.2 "Characters vs server units").
const NAME_UNITS_OUTSIDE: Check =
    Check::Any(&[Check::ServerUnitsUnder(2), Check::ServerUnitsOver(16)]);
/// Outside the server's 1–128 server units (channelIntroduction).
const INTRODUCTION_UNITS_OUTSIDE: Check =
    Check::Any(&[Check::ServerUnitsUnder(1), Check::ServerUnitsOver(128)]);
/// Outside the server's 5–128 server units (chiefAnnouncerIntr).
const ANNOUNCER_UNITS_OUTSIDE: Check =
    Check::Any(&[Check::ServerUnitsUnder(5), Check::ServerUnitsOver(128)]);

pub(super) static DESCRIPTION: EndpointDescription = EndpointDescription {
    api: Api::ApplyMicroChannel,
    vendor: Vendor::Daoke,
    method: "POST",
    path: Api::ApplyMicroChannel.path(),
    title: Bilingual::new("Apply for a micro channel", "用户申请微频道"),
    summary: Bilingual::new(
        "A user applies for a micro channel (微频道); the application then waits for the vendor's review. Needs the user's accessToken besides the signature; at most 3 applications per account, ever.",
        "用户申请一个微频道，申请随后等待道客审核。除签名外还需要用户的 accessToken；每个账户最多只能申请 3 次。",
    ),
    default_encoding: Api::ApplyMicroChannel.default_encoding(),
    params: &[
        APP_KEY,
        ParamDescription::new(
            "accessToken",
            Requirement::Required,
            ParamKind::Token,
            Bilingual::new("Access token", "访问令牌"),
            Bilingual::new(
                "The user's access token for this appKey and accountID (32 lower-case hex characters in the seed). The server compares it with the stored token: unknown or different → ME01003, expired → ME01004. It is an ordinary signed parameter.",
                "该用户针对此 appKey 和 accountID 的访问令牌（文档示例为 32 位小写十六进制）。服务器将其与保存的令牌比较：不存在或不一致 → ME01003，已过期 → ME01004。它是普通的签名参数。",
            ),
        )
        .with_example("cc7df2350a7755214dc93df48e15d682")
        .max_chars(32)
        .with_rules(const { &[
            Rule::new(
                "accessToken.missing",
                Severity::Error,
                FindingClass::Both,
                Check::Missing,
                ME01023,
                Bilingual::new(
                    "accessToken is missing — this endpoint needs the user's access token (ME01023 \"accessToken is error!\"); enter the 32-character token issued for this appKey and accountID",
                    "缺少 accessToken —— 本接口需要用户的访问令牌（ME01023 \"accessToken is error!\"）；请填写为该 appKey 和 accountID 签发的 32 位令牌",
                ),
            ),
            Rule::new(
                "accessToken.empty",
                Severity::Error,
                FindingClass::Both,
                Check::Empty,
                Some("ME01003"),
                Bilingual::new(
                    "accessToken is empty — the seed requires a 32-character token and the server compares it with the stored one (ME01003); enter the user's token",
                    "accessToken 为空 —— 文档要求 32 位令牌，服务器会与保存的令牌比较（ME01003）；请填写用户的令牌",
                ),
            ),
            Rule::new(
                "accessToken.format",
                Severity::Warn,
                FindingClass::SeedOnly,
                Check::NotMatching(Pattern::new(CharClass::LowerHex, 32, 32)),
                None,
                Bilingual::new(
                    "accessToken is not 32 lower-case hex characters — the server only compares it with the stored token, but every token in the seed has this shape; check that you pasted the whole token",
                    "accessToken 不是 32 位小写十六进制字符 —— 服务器只与保存的令牌比较，但文档中的令牌都是这种形式；请检查是否完整粘贴了令牌",
                ),
            ),
        ] }),
        ParamDescription::new(
            "accountID",
            Requirement::Required,
            ParamKind::AccountId,
            Bilingual::new("Applicant account ID", "申请人账户编号"),
            Bilingual::new(
                "The applying user's account: 10 ASCII letters or digits (the seed says letters, its examples use digits too). The account must exist.",
                "申请用户的账户：10 个 ASCII 字母或数字（文档写“字母”，但示例也用数字）。账户必须存在。",
            ),
        )
        .with_example("aaaaaaaaaa")
        .max_chars(10)
        .with_rules(ACCOUNT_ID_RULES),
        ParamDescription::new(
            "channelNumber",
            Requirement::Required,
            ParamKind::Text,
            Bilingual::new("Channel number", "频道号"),
            Bilingual::new(
                "The channel's number: 6 to 15 letters and digits, starting with a letter (the server also takes 5 or 16 characters and _). Numbers of approved channels are taken (ME18104, letter case ignored).",
                "频道号：6 到 15 位字母和数字，以字母开头（服务器也接受 5 或 16 位以及下划线）。已通过审核的频道号不能再用（ME18104，不区分大小写）。",
            ),
        )
        .with_example("FM00090080")
        .max_chars(15)
        .with_rules(const { &[
            missing_rule!("channelNumber", "the channel number (6–15 letters and digits, starting with a letter)", "频道号（6–15 位字母和数字，以字母开头）"),
            both_rule!(
                "channelNumber.badCharacter",
                Check::HasCharOutside(CharClass::Word),
                "channelNumber may contain only ASCII letters and digits (the server also takes _) — the server rejects other characters (ME01023); remove them",
                "channelNumber 只能包含 ASCII 字母和数字（服务器也接受 _）—— 服务器拒绝其他字符（ME01023）；请删除这些字符"
            ),
            both_rule!(
                "channelNumber.leadingDigit",
                Check::FirstCharIn(CharClass::Digits),
                "channelNumber starts with a digit — the seed and the server require a letter first (ME01023); start it with a letter",
                "channelNumber 以数字开头 —— 文档和服务器都要求第一位是字母（ME01023）；请以字母开头"
            ),
            both_rule!(
                "channelNumber.charsUnder5",
                Check::CharsUnder(5),
                "channelNumber has fewer than 5 characters — the server requires 5 to 16 and the seed 6 to 15 (ME01023); use 6 to 15 characters",
                "channelNumber 少于 5 个字符 —— 服务器要求 5 到 16 个，文档要求 6 到 15 个（ME01023）；请使用 6 到 15 个字符"
            ),
            both_rule!(
                "channelNumber.charsOver16",
                Check::CharsOver(16),
                "channelNumber has more than 16 characters — the server allows 5 to 16 and the seed 6 to 15 (ME01023); use 6 to 15 characters",
                "channelNumber 超过 16 个字符 —— 服务器允许 5 到 16 个，文档允许 6 到 15 个（ME01023）；请使用 6 到 15 个字符"
            ),
            seed_only_rule!(
                "channelNumber.chars5",
                Check::CharsExactly(5),
                "channelNumber has exactly 5 characters — the server accepts it, but the seed requires more than 5; use 6 to 15 characters",
                "channelNumber 恰好 5 个字符 —— 服务器接受，但文档要求大于 5；请使用 6 到 15 个字符"
            ),
            seed_only_rule!(
                "channelNumber.chars16",
                Check::CharsExactly(16),
                "channelNumber has exactly 16 characters — the server accepts it, but the seed requires fewer than 16; use 6 to 15 characters",
                "channelNumber 恰好 16 个字符 —— 服务器接受，但文档要求小于 16；请使用 6 到 15 个字符"
            ),
            seed_only_rule!(
                "channelNumber.underscore",
                Check::Contains('_'),
                "channelNumber contains _ — the server accepts it (inferred identifier check), but the seed allows only letters and digits; remove the underscore",
                "channelNumber 含有下划线 _ —— 服务器接受（推断为标识符检查），但文档只允许字母和数字；请删除下划线"
            ),
        ] }),
        ParamDescription::new(
            "channelName",
            Requirement::Required,
            ParamKind::Text,
            Bilingual::new("Channel name", "频道名称"),
            Bilingual::new(
                "The channel's name, 3 to 16 characters; Chinese is fine. The server measures it in its own server units (ASCII and Chinese characters count 1, é ⅔, an emoji 1⅓, NUL 0) and wants 2 to 16 of them, so 13 emoji are too many. No apostrophe.",
                "频道名称，3 到 16 个字符，可以是汉字。服务器按自己的计数单位计算长度（ASCII 字符和汉字各计 1，é 计 ⅔，表情符号计 1⅓，NUL 计 0），要求 2 到 16 个单位，所以 13 个表情符号就超长了。不能含撇号 '。",
            ),
        )
        .with_example("微密之声")
        .max_chars(16)
        .max_server_units(16)
        .with_rules(const { &[
            missing_rule!("channelName", "the channel name (3–16 characters)", "频道名称（3–16 个字符）"),
            both_rule!(
                "channelName.tooShort",
                Check::All(&[Check::CharsUnder(3), NAME_UNITS_OUTSIDE]),
                "channelName is too short for both sides: fewer than 3 characters (the seed wants more than 2) and fewer than 2 server units (the server's count: é counts ⅔, NUL 0) — the server rejects it (ME01023); use 3 to 16 characters",
                "channelName 对双方都太短：少于 3 个字符（文档要求大于 2 个），且少于 2 个服务器计数单位（服务器的计数：é 计 ⅔，NUL 计 0）—— 服务器拒绝（ME01023）；请使用 3 到 16 个字符"
            ),
            both_rule!(
                "channelName.tooLong",
                Check::All(&[Check::CharsOver(16), NAME_UNITS_OUTSIDE]),
                "channelName is too long for both sides: more than 16 characters (the seed's limit) and outside the server's 2–16 server units — the server rejects it (ME01023); shorten it",
                "channelName 对双方都太长：超过 16 个字符（文档的上限），且不在服务器的 2–16 个计数单位之内 —— 服务器拒绝（ME01023）；请缩短"
            ),
            apostrophe_rule!("channelName"),
            server_only_rule!(
                "channelName.serverUnitsUnder2",
                Check::ServerUnitsUnder(2),
                "channelName counts fewer than 2 server units — its characters fit the seed, but the server counts é as ⅔ and NUL as 0 and requires 2 to 16 units (ME01023); use more or plain characters",
                "channelName 少于 2 个服务器计数单位 —— 字符数符合文档，但服务器把 é 计为 ⅔、NUL 计为 0，要求 2 到 16 个单位（ME01023）；请增加字符或使用普通字符"
            ),
            server_only_rule!(
                "channelName.serverUnitsOver16",
                Check::ServerUnitsOver(16),
                "channelName counts more than 16 server units — within the seed's 16 characters, but the server counts an emoji as 1⅓ and allows at most 16 units (ME01023); use fewer emoji or a shorter name",
                "channelName 超过 16 个服务器计数单位 —— 未超出文档的 16 个字符，但服务器把每个表情符号计为 1⅓，最多允许 16 个单位（ME01023）；请减少表情符号或缩短名称"
            ),
            seed_only_rule!(
                "channelName.charsUnder3",
                Check::CharsUnder(3),
                "channelName has fewer than 3 characters — the server accepts it, but the seed requires more than 2; use 3 to 16 characters",
                "channelName 少于 3 个字符 —— 服务器接受，但文档要求大于 2 个；请使用 3 到 16 个字符"
            ),
            seed_only_rule!(
                "channelName.charsOver16",
                Check::CharsOver(16),
                "channelName has more than 16 characters — the server accepts it (it counts é as only ⅔), but the seed allows at most 16; shorten it",
                "channelName 超过 16 个字符 —— 服务器接受（它把 é 只计为 ⅔），但文档最多允许 16 个；请缩短"
            ),
            sql_breaking_rule!("channelName"),
            backslash_rule!("channelName"),
        ] }),
        ParamDescription::new(
            "channelIntroduction",
            Requirement::Required,
            ParamKind::LongText,
            Bilingual::new("Channel introduction", "频道简介"),
            Bilingual::new(
                "What the channel is about, 2 to 128 characters; Chinese is fine. The server wants 1 to 128 of its server units (ASCII and Chinese characters count 1, é ⅔, an emoji 1⅓, NUL 0). No apostrophe.",
                "频道简介，2 到 128 个字符，可以是汉字。服务器要求 1 到 128 个自己的计数单位（ASCII 字符和汉字各计 1，é 计 ⅔，表情符号计 1⅓，NUL 计 0）。不能含撇号 '。",
            ),
        )
        .with_example("内部交流")
        .max_chars(128)
        .max_server_units(128)
        .with_rules(const { &[
            missing_rule!("channelIntroduction", "a short introduction (2–128 characters)", "频道简介（2–128 个字符）"),
            both_rule!(
                "channelIntroduction.empty",
                Check::Empty,
                "channelIntroduction is empty — the seed and the server require at least 1 character (ME01023); describe the channel",
                "channelIntroduction 为空 —— 文档和服务器都要求至少 1 个字符（ME01023）；请填写频道简介"
            ),
            both_rule!(
                "channelIntroduction.tooShort",
                Check::All(&[Check::CharsUnder(2), INTRODUCTION_UNITS_OUTSIDE]),
                "channelIntroduction is too short for both sides: fewer than 2 characters (the seed wants more than 1) and less than 1 server unit (the server counts é as ⅔, NUL as 0) — the server rejects it (ME01023); describe the channel in 2 to 128 characters",
                "channelIntroduction 对双方都太短：少于 2 个字符（文档要求大于 1 个），且不足 1 个服务器计数单位（服务器把 é 计为 ⅔、NUL 计为 0）—— 服务器拒绝（ME01023）；请用 2 到 128 个字符描述频道"
            ),
            both_rule!(
                "channelIntroduction.tooLong",
                Check::All(&[Check::CharsOver(128), INTRODUCTION_UNITS_OUTSIDE]),
                "channelIntroduction is too long for both sides: more than 128 characters (the seed's limit) and outside the server's 1–128 server units — the server rejects it (ME01023); shorten it",
                "channelIntroduction 对双方都太长：超过 128 个字符（文档的上限），且不在服务器的 1–128 个计数单位之内 —— 服务器拒绝（ME01023）；请缩短"
            ),
            apostrophe_rule!("channelIntroduction"),
            server_only_rule!(
                "channelIntroduction.serverUnitsUnder1",
                Check::ServerUnitsUnder(1),
                "channelIntroduction counts less than 1 server unit — its characters fit the seed, but the server counts NUL as 0 and é as ⅔ and requires 1 to 128 units (ME01023); write a real introduction",
                "channelIntroduction 不足 1 个服务器计数单位 —— 字符数符合文档，但服务器把 NUL 计为 0、é 计为 ⅔，要求 1 到 128 个单位（ME01023）；请填写真正的简介"
            ),
            server_only_rule!(
                "channelIntroduction.serverUnitsOver128",
                Check::ServerUnitsOver(128),
                "channelIntroduction counts more than 128 server units — within the seed's 128 characters, but the server counts an emoji as 1⅓ and allows at most 128 units (ME01023); shorten it or use fewer emoji",
                "channelIntroduction 超过 128 个服务器计数单位 —— 未超出文档的 128 个字符，但服务器把每个表情符号计为 1⅓，最多允许 128 个单位（ME01023）；请缩短或减少表情符号"
            ),
            seed_only_rule!(
                "channelIntroduction.charsUnder2",
                Check::CharsUnder(2),
                "channelIntroduction has only 1 character — the server accepts it, but the seed requires more than 1; write at least 2 characters",
                "channelIntroduction 只有 1 个字符 —— 服务器接受，但文档要求大于 1；请至少写 2 个字符"
            ),
            seed_only_rule!(
                "channelIntroduction.charsOver128",
                Check::CharsOver(128),
                "channelIntroduction has more than 128 characters — the server accepts it (it counts é as only ⅔), but the seed allows at most 128; shorten it",
                "channelIntroduction 超过 128 个字符 —— 服务器接受（它把 é 只计为 ⅔），但文档最多允许 128 个；请缩短"
            ),
            sql_breaking_rule!("channelIntroduction"),
            backslash_rule!("channelIntroduction"),
        ] }),
        ParamDescription::new(
            "chiefAnnouncerIntr",
            Requirement::Required,
            ParamKind::LongText,
            Bilingual::new("Chief announcer introduction", "主播简介"),
            Bilingual::new(
                "About the channel's chief announcer, 5 to 128 characters; Chinese is fine (the seed's own sample 屌炸天独播 has exactly 5). The server wants 5 to 128 of its server units (ASCII and Chinese characters count 1, é ⅔, an emoji 1⅓, NUL 0), so five é are too short for it. No apostrophe.",
                "主播简介，5 到 128 个字符，可以是汉字（文档自己的示例“屌炸天独播”正好 5 个字符）。服务器要求 5 到 128 个自己的计数单位（ASCII 字符和汉字各计 1，é 计 ⅔，表情符号计 1⅓，NUL 计 0），所以 5 个 é 对它来说太短。不能含撇号 '。",
            ),
        )
        .with_example("屌炸天独播")
        .max_chars(128)
        .max_server_units(128)
        .with_rules(const { &[
            missing_rule!("chiefAnnouncerIntr", "an introduction of the chief announcer (5–128 characters)", "主播简介（5–128 个字符）"),
            both_rule!(
                "chiefAnnouncerIntr.tooShort",
                Check::All(&[Check::CharsUnder(5), ANNOUNCER_UNITS_OUTSIDE]),
                "chiefAnnouncerIntr is too short for both sides: fewer than 5 characters and fewer than 5 server units — the server rejects it (ME01023); lengthen it to 5–128 characters",
                "chiefAnnouncerIntr 对双方都太短：少于 5 个字符，且少于 5 个服务器计数单位 —— 服务器拒绝（ME01023）；请补充到 5–128 个字符"
            ),
            both_rule!(
                "chiefAnnouncerIntr.tooLong",
                Check::All(&[Check::CharsOver(128), ANNOUNCER_UNITS_OUTSIDE]),
                "chiefAnnouncerIntr is too long for both sides: more than 128 characters (the seed's limit) and outside the server's 5–128 server units — the server rejects it (ME01023); shorten it",
                "chiefAnnouncerIntr 对双方都太长：超过 128 个字符（文档的上限），且不在服务器的 5–128 个计数单位之内 —— 服务器拒绝（ME01023）；请缩短"
            ),
            apostrophe_rule!("chiefAnnouncerIntr"),
            server_only_rule!(
                "chiefAnnouncerIntr.serverUnitsUnder5",
                Check::ServerUnitsUnder(5),
                "chiefAnnouncerIntr counts fewer than 5 server units — its characters fit the seed, but the server counts é as ⅔ and NUL as 0 and requires 5 to 128 units (ME01023); lengthen it",
                "chiefAnnouncerIntr 少于 5 个服务器计数单位 —— 字符数符合文档，但服务器把 é 计为 ⅔、NUL 计为 0，要求 5 到 128 个单位（ME01023）；请补充内容"
            ),
            server_only_rule!(
                "chiefAnnouncerIntr.serverUnitsOver128",
                Check::ServerUnitsOver(128),
                "chiefAnnouncerIntr counts more than 128 server units — within the seed's 128 characters, but the server counts an emoji as 1⅓ and allows at most 128 units (ME01023); shorten it or use fewer emoji",
                "chiefAnnouncerIntr 超过 128 个服务器计数单位 —— 未超出文档的 128 个字符，但服务器把每个表情符号计为 1⅓，最多允许 128 个单位（ME01023）；请缩短或减少表情符号"
            ),
            seed_only_rule!(
                "chiefAnnouncerIntr.charsUnder5",
                Check::CharsUnder(5),
                "chiefAnnouncerIntr has fewer than 5 characters — the server accepts it (it counts an emoji as 1⅓), but the seed requires at least 5; lengthen it",
                "chiefAnnouncerIntr 少于 5 个字符 —— 服务器接受（它把表情符号计为 1⅓），但文档要求至少 5 个；请补充内容"
            ),
            seed_only_rule!(
                "chiefAnnouncerIntr.charsOver128",
                Check::CharsOver(128),
                "chiefAnnouncerIntr has more than 128 characters — the server accepts it (it counts é as only ⅔), but the seed allows at most 128; shorten it",
                "chiefAnnouncerIntr 超过 128 个字符 —— 服务器接受（它把 é 只计为 ⅔），但文档最多允许 128 个；请缩短"
            ),
            sql_breaking_rule!("chiefAnnouncerIntr"),
            backslash_rule!("chiefAnnouncerIntr"),
        ] }),
        ParamDescription::new(
            "channelCityCode",
            Requirement::Required,
            ParamKind::Digits,
            Bilingual::new("City code", "城市编码"),
            Bilingual::new(
                "The channel's city: 6 to 10 digits, sent as text (keep leading zeros). An unknown city gives ME01023 \"cityCode is error!\".",
                "频道所在城市：6 到 10 位数字，以文本发送（保留开头的 0）。未知城市返回 ME01023 \"cityCode is error!\"。",
            ),
        )
        .with_example("110000")
        .max_chars(10)
        .with_rules(const { &[
            missing_rule!("channelCityCode", "the city code (6–10 digits)", "城市编码（6–10 位数字）"),
            both_rule!(
                "channelCityCode.format",
                Check::NotMatching(Pattern::new(CharClass::Digits, 6, 10)),
                "channelCityCode must be 6 to 10 ASCII digits (^[0-9]{6,10}$) — the seed and the server reject anything else (ME01023); enter the city code",
                "channelCityCode 必须是 6 到 10 位 ASCII 数字（^[0-9]{6,10}$）—— 否则文档和服务器都不接受（ME01023）；请填写城市编码"
            ),
        ] }),
        ParamDescription::new(
            "channelCatalogID",
            Requirement::Required,
            ParamKind::Digits,
            Bilingual::new("Catalog ID", "频道类别编号"),
            Bilingual::new(
                "The channel's catalog: 6 to 10 digits (the seed says up to 11, the server accepts 10). The catalog must exist with type 0 or 1.",
                "频道类别：6 到 10 位数字（文档写 6–11 位，服务器只接受到 10 位）。类别必须存在且类型为 0 或 1。",
            ),
        )
        .with_example("111111")
        .max_chars(10)
        .with_rules(const { &[
            missing_rule!("channelCatalogID", "the catalog id (6–10 digits)", "频道类别编号（6–10 位数字）"),
            both_rule!(
                "channelCatalogID.format",
                Check::NotMatching(Pattern::new(CharClass::Digits, 6, 11)),
                "channelCatalogID must be 6 to 11 ASCII digits (^[0-9]{6,11}$; the server even stops at 10) — otherwise it is rejected (ME01023); enter the catalog id",
                "channelCatalogID 必须是 6 到 11 位 ASCII 数字（^[0-9]{6,11}$；服务器只接受到 10 位）—— 否则被拒绝（ME01023）；请填写类别编号"
            ),
            server_only_rule!(
                "channelCatalogID.digits11",
                Check::CharsExactly(11),
                "channelCatalogID has 11 digits — the seed allows it, but the server accepts at most 10 (ME01023); use the catalog's 6–10 digit id",
                "channelCatalogID 为 11 位 —— 文档允许，但服务器最多接受 10 位（ME01023）；请使用 6–10 位的类别编号"
            ),
        ] }),
        ParamDescription::new(
            "channelCatalogUrl",
            Requirement::SeedRequired,
            ParamKind::Url,
            Bilingual::new("Logo URL", "频道 logo 地址"),
            Bilingual::new(
                "The channel logo: an http:// link (not https) of at most 128 bytes whose last 5 bytes contain .png, .jpg, .jpeg, .gif, .bmp or .ico (so no query string after the extension). The seed requires it; the server stores an empty logo when it is absent.",
                "频道 logo：http:// 链接（不能是 https），最多 128 字节，且最后 5 个字节中须含 .png、.jpg、.jpeg、.gif、.bmp 或 .ico（扩展名后不能再有查询串）。文档要求必填；不传时服务器保存空 logo。",
            ),
        )
        .with_example("http://g3.tweet.daoke.me/group3/M02/E5/EA/c-dJB1R8pY-AJlO2AAGsD3RDpM8392.png")
        .max_bytes(128)
        .with_rules(const { &[
            seed_only_rule!(
                "channelCatalogUrl.missing",
                Check::Missing,
                "channelCatalogUrl is missing — the server accepts that (it stores an empty logo), but the seed requires the channel logo; add an http:// link to a .png, .jpg, .gif, .bmp or .ico image",
                "缺少 channelCatalogUrl —— 服务器接受（保存空 logo），但文档要求提供频道 logo；请填写指向 .png、.jpg、.gif、.bmp 或 .ico 图片的 http:// 链接"
            ),
            both_rule!(
                "channelCatalogUrl.empty",
                Check::Empty,
                "channelCatalogUrl is empty — the seed and the server reject an empty logo URL (ME01023); enter the logo's http:// URL or leave the parameter out",
                "channelCatalogUrl 为空 —— 文档和服务器都不接受空的 logo 地址（ME01023）；请填写 logo 的 http:// 地址，或不传该参数"
            ),
            both_rule!(
                "channelCatalogUrl.charsOver128",
                Check::CharsOver(128),
                "channelCatalogUrl has more than 128 characters — the seed allows 128 characters and the server 128 bytes (ME01023); use a shorter URL",
                "channelCatalogUrl 超过 128 个字符 —— 文档允许 128 个字符，服务器允许 128 字节（ME01023）；请使用更短的地址"
            ),
            apostrophe_rule!("channelCatalogUrl"),
            server_only_rule!(
                "channelCatalogUrl.bytesOver128",
                Check::BytesOver(128),
                "channelCatalogUrl is longer than 128 bytes — within the seed's 128 characters, but the server counts UTF-8 bytes and rejects it (ME01023); use a shorter or ASCII-only URL",
                "channelCatalogUrl 超过 128 字节 —— 未超出文档的 128 个字符，但服务器按 UTF-8 字节计数并拒绝（ME01023）；请使用更短或纯 ASCII 的地址"
            ),
            server_only_rule!(
                "channelCatalogUrl.notHttp",
                Check::NotStartingWith { prefix: "http://", case_sensitive: false },
                "channelCatalogUrl does not begin with http:// — the server (which lower-cases it first) rejects every other scheme, https:// included (ME01023); serve the logo over http://",
                "channelCatalogUrl 不是以 http:// 开头 —— 服务器（先转小写）拒绝其他所有协议，包括 https://（ME01023）；请使用 http:// 地址提供 logo"
            ),
            server_only_rule!(
                "channelCatalogUrl.noImageSuffix",
                Check::TailLacks { bytes: 5, any_of: &[".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico"] },
                "channelCatalogUrl's last 5 bytes contain none of .png .jpg .jpeg .gif .bmp .ico — the server rejects it (ME01023), for example when a query string follows the extension; link directly to the image file",
                "channelCatalogUrl 的最后 5 个字节中没有 .png、.jpg、.jpeg、.gif、.bmp、.ico —— 服务器拒绝（ME01023），例如扩展名后跟了查询串；请直接链接图片文件"
            ),
            sql_breaking_rule!("channelCatalogUrl"),
            backslash_rule!("channelCatalogUrl"),
        ] }),
        ParamDescription::new(
            "channelKeyWords",
            Requirement::Optional,
            ParamKind::Tags { max_tags: 5, max_chars: 8 },
            Bilingual::new("Keywords", "关键字"),
            Bilingual::new(
                "Up to 5 keyword tags of at most 8 characters each, separated by ASCII commas (the Chinese comma ， does not separate; spaces belong to the tag). The server also wants each tag within 8 of its server units (ASCII and Chinese characters count 1, é ⅔, an emoji 1⅓), so 7 emoji make a tag too long. May be empty. No apostrophe.",
                "最多 5 个关键字标签，每个最多 8 个字符，用 ASCII 逗号分隔（中文逗号“，”不起分隔作用；空格算作标签的一部分）。服务器还要求每个标签不超过 8 个自己的计数单位（ASCII 字符和汉字各计 1，é 计 ⅔，表情符号计 1⅓），所以 7 个表情符号的标签就超长了。可以为空。不能含撇号 '。",
            ),
        )
        .with_example("路况,美食,音乐")
        .max_server_units(8)
        .with_rules(const { &[
            both_rule!(
                "channelKeyWords.tagsOver5",
                Check::ListItemsOver(5),
                "channelKeyWords has more than 5 tags — the seed and the server allow at most 5 comma-separated tags (ME01023); remove some",
                "channelKeyWords 超过 5 个标签 —— 文档和服务器最多允许 5 个逗号分隔的标签（ME01023）；请删减"
            ),
            both_rule!(
                "channelKeyWords.tagTooLong",
                Check::All(&[Check::ListItemCharsOver(8), Check::ListItemServerUnitsOver(8)]),
                "channelKeyWords has a tag of more than 8 characters (the seed's limit) and a tag of more than 8 server units (the server's count, which gives an emoji 1⅓) — the server rejects it (ME01023); shorten the long tags (only the ASCII comma separates tags)",
                "channelKeyWords 中有标签超过 8 个字符（文档的上限），也有标签超过 8 个服务器计数单位（服务器的计数，表情符号计 1⅓）—— 服务器拒绝（ME01023）；请缩短过长的标签（只有 ASCII 逗号能分隔标签）"
            ),
            apostrophe_rule!("channelKeyWords"),
            server_only_rule!(
                "channelKeyWords.tagServerUnitsOver8",
                Check::ListItemServerUnitsOver(8),
                "channelKeyWords has a tag of more than 8 server units — within the seed's 8 characters, but the server counts an emoji as 1⅓ and allows at most 8 units per tag (ME01023); shorten that tag",
                "channelKeyWords 中有标签超过 8 个服务器计数单位 —— 未超出文档的 8 个字符，但服务器把表情符号计为 1⅓，每个标签最多 8 个单位（ME01023）；请缩短该标签"
            ),
            seed_only_rule!(
                "channelKeyWords.tagCharsOver8",
                Check::ListItemCharsOver(8),
                "channelKeyWords has a tag of more than 8 characters — the server accepts it (it counts é as only ⅔), but the seed allows at most 8 per tag; shorten it (only the ASCII comma separates tags)",
                "channelKeyWords 中有标签超过 8 个字符 —— 服务器接受（它把 é 只计为 ⅔），但文档规定每个标签最多 8 个字符；请缩短（只有 ASCII 逗号能分隔标签）"
            ),
            Rule::new(
                "channelKeyWords.emptyTags",
                Severity::Warn,
                FindingClass::Advisory,
                Check::EmptyListItems,
                None,
                Bilingual::new(
                    "channelKeyWords has empty tags (a,,b or a leading or trailing comma) — the server drops them (the seed is silent); remove the extra commas",
                    "channelKeyWords 中有空标签（a,,b 或开头、结尾的逗号）—— 服务器会丢弃它们（文档未说明）；请删除多余的逗号",
                ),
            ),
            sql_breaking_rule!("channelKeyWords"),
            backslash_rule!("channelKeyWords"),
        ] }),
    ],
    example: &[
        ("appKey", "1111111111"),
        ("accessToken", "cc7df2350a7755214dc93df48e15d682"),
        ("channelCatalogID", "111111"),
        ("channelCatalogUrl", "http://g3.tweet.daoke.me/group3/M02/E5/EA/c-dJB1R8pY-AJlO2AAGsD3RDpM8392.png"),
        ("channelNumber", "aaaaaa"),
        ("channelCityCode", "111111"),
        ("chiefAnnouncerIntr", "屌炸天独播"),
        ("channelKeyWords", ""),
        ("channelName", "微密之声"),
        ("channelIntroduction", "内部交流"),
        ("accountID", "aaaaaaaaaa"),
    ],
};
