//! The merged error-code catalogue (spec §8): meaning and remedy in English and Chinese.
//!
//! [`CATALOGUE`] holds one [`CodeInfo`] per code of spec §8.1 (daoke), §8.2 (YTX, seed
//! 003) and §8.3 (sandbox-defined YTX codes). [`explain`] turns a code and the server's
//! text into the meaning and remedy a user should read, including what only the text
//! can tell: which parameter a `ME01023 <name> is error!` blames ([`Rejection`]) and how
//! long an `ME18090` rate limit still lasts.
//!
//! Chinese texts reuse the seeds' own wording (描述 / 解决办法) where a seed has one.

use std::borrow::Cow;

use crate::api::{Api, Vendor};
use crate::text::Bilingual;

/// A note that sharpens a code's meaning and replaces its remedy for one endpoint,
/// where the spec says more about what that endpoint means by the code.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ApiNote {
    /// The endpoint the note is about.
    pub api: Api,
    /// What the code means from this endpoint, appended to the general meaning.
    pub cause: Bilingual,
    /// What to do, replacing the general remedy.
    pub remedy: Bilingual,
}

/// One error code of spec §8.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeInfo {
    /// The code as the server sends it: daoke `ERRORCODE`, YTX `statusCode`.
    pub code: &'static str,
    /// Which vendor's code it is (`0` exists for both).
    pub vendor: Vendor,
    /// daoke: the `RESULT` text the server's message table produces (`<name>` marks the
    /// parameter name the server inserts). YTX: the `statusMsg`. `None` when the server
    /// never sends the code.
    pub server_result: Option<&'static str>,
    /// What the code means.
    pub meaning: Bilingual,
    /// What to do about it (empty for success).
    pub remedy: Bilingual,
    /// The description and remedy exactly as the seeds print them, with the seed numbers
    /// in parentheses; `None` when no seed lists the code.
    pub seed_text: Option<&'static str>,
    /// The code is defined by this project's sandbox (spec §8.3), not by the vendor.
    pub sandbox_defined: bool,
    /// The endpoints whose server can return the code.
    pub returned_by: &'static [Api],
    /// A seed lists the code but no handler ever returns it (`ME18005`, `ME18023`).
    pub documented_only: bool,
    /// Endpoint-specific causes and remedies.
    pub api_notes: &'static [ApiNote],
}

impl CodeInfo {
    /// Whether the code means success (`0`).
    pub fn is_success(&self) -> bool {
        self.code == SUCCESS
    }

    /// The meaning as a reply from `api` should explain it: marked when sandbox-defined,
    /// followed by the endpoint's note when there is one.
    pub fn meaning_for(&self, api: Option<Api>) -> Bilingual {
        let mut meaning = self.meaning.clone();
        if self.sandbox_defined {
            meaning = sentences(&SANDBOX_DEFINED, &meaning);
        }
        match self.note_for(api) {
            Some(note) => sentences(&meaning, &note.cause),
            None => meaning,
        }
    }

    /// The remedy for a reply from `api`: the endpoint's own when the spec gives one.
    pub fn remedy_for(&self, api: Option<Api>) -> Bilingual {
        self.note_for(api)
            .map_or_else(|| self.remedy.clone(), |note| note.remedy.clone())
    }

    fn note_for(&self, api: Option<Api>) -> Option<&'static ApiNote> {
        let api = api?;
        self.api_notes.iter().find(|note| note.api == api)
    }
}

/// The success code of both vendors.
pub const SUCCESS: &str = "0";

/// The daoke code of a failed parameter check, whose `RESULT` names the parameter.
pub const PARAMETER_ERROR: &str = "ME01023";

/// The parameter-error code seed 001 documents; the server sends [`PARAMETER_ERROR`].
pub const DOCUMENTED_PARAMETER_ERROR: &str = "ME18023";

/// The inviteUserJoin rate-limit code.
pub const RATE_LIMITED: &str = "ME18090";

/// The inviteUserJoin rate limit (spec inviteUserJoin.md step 7): a new invitation
/// passes only when more than this many seconds have passed since the last one.
pub const RATE_LIMIT_SECONDS: u64 = 600;

/// The code's entry, if the catalogue has one. Codes are compared exactly.
pub fn lookup(vendor: Vendor, code: &str) -> Option<&'static CodeInfo> {
    CATALOGUE
        .iter()
        .find(|info| info.vendor == vendor && info.code == code)
}

/// What a failure code means for a reply from `api`, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// What happened.
    pub meaning: Bilingual,
    /// What to do (empty for success).
    pub remedy: Bilingual,
    /// The request parameter the server blames, when the reply names one.
    pub field: Option<String>,
    /// The catalogue entry, `None` for a code the catalogue does not know.
    pub entry: Option<&'static CodeInfo>,
}

/// Explains `code` as returned by `vendor` (for `api`, when known), using the server's
/// text (`RESULT` / `statusMsg`) where the text carries information: the parameter of a
/// `ME01023`/`ME18023`, the seconds of an old-style `ME18090`, and the whole text of an
/// unknown code.
pub fn explain(
    vendor: Vendor,
    api: Option<Api>,
    code: &str,
    server_text: Option<&str>,
) -> Explanation {
    let Some(entry) = lookup(vendor, code) else {
        return unknown_code(vendor, code, server_text);
    };
    let mut explanation = Explanation {
        meaning: entry.meaning_for(api),
        remedy: entry.remedy_for(api),
        field: None,
        entry: Some(entry),
    };
    match (vendor, code, server_text) {
        (Vendor::Daoke, PARAMETER_ERROR | DOCUMENTED_PARAMETER_ERROR, Some(text)) => {
            let rejection = Rejection::from_result(api, text);
            let (meaning, remedy) = rejection.explain(api);
            explanation.meaning = if code == DOCUMENTED_PARAMETER_ERROR {
                sentences(&entry.meaning, &meaning)
            } else {
                meaning
            };
            explanation.remedy = remedy;
            explanation.field = rejection.field().map(str::to_owned);
        }
        (Vendor::Daoke, RATE_LIMITED, Some(text)) => {
            if let Ok(elapsed) = text.trim().parse::<u64>() {
                let wait = (RATE_LIMIT_SECONDS + 1).saturating_sub(elapsed);
                explanation.meaning = sentences(
                    &explanation.meaning,
                    &Bilingual::owned(
                        format!("The last invitation was {elapsed} s ago."),
                        format!("上次邀请在 {elapsed} 秒前。"),
                    ),
                );
                explanation.remedy = Bilingual::owned(
                    format!("Wait at least {wait} more seconds, then send again."),
                    format!("请至少再等 {wait} 秒后重新发送。"),
                );
            }
        }
        _ => {}
    }
    explanation
}

fn unknown_code(vendor: Vendor, code: &str, server_text: Option<&str>) -> Explanation {
    let meaning = match server_text {
        Some(text) => Bilingual::owned(
            format!("Unrecognised code {code}: {text}"),
            format!("无法识别的错误码 {code}：{text}"),
        ),
        None => Bilingual::owned(
            format!("Unrecognised code {code} (the server gave no text)."),
            format!("无法识别的错误码 {code}（服务器未返回说明文字）。"),
        ),
    };
    let remedy = match vendor {
        Vendor::Daoke => Bilingual::new(
            "The request failed: every ERRORCODE other than \"0\" is a failure. The code is \
             neither in the vendor's documents nor in this catalogue: read the server's text \
             (RESULT) and contact the vendor's support if it does not explain the problem.",
            "请求失败：ERRORCODE 不为 \"0\" 即为失败。该错误码不在厂商文档和本目录中：请阅读服务器\
             返回的文字（RESULT），如仍不清楚请与公司客服联系。",
        ),
        Vendor::Ytx => Bilingual::new(
            "The request failed: every statusCode other than \"0\" is a failure. YTX documents \
             no codes for Sign, Authorization or timestamp failures, so check those first \
             (spec §6: Sign = upper-case MD5 of accountSID + authToken + timestamp, \
             Authorization = Base64 of accountSID|timestamp, timestamp within 24 hours), then \
             read statusMsg.",
            "请求失败：statusCode 不为 \"0\" 即为失败。云讯没有为 Sign、Authorization 或时间戳错误\
             规定错误码，请先检查这几项（规范第6节：Sign 为 accountSID + authToken + 时间戳 的 MD5，\
             Authorization 为 accountSID|时间戳 的 Base64，时间戳在24小时有效期内），再阅读 statusMsg。",
        ),
    };
    Explanation {
        meaning,
        remedy,
        field: None,
        entry: None,
    }
}

/// What a daoke `ME01023` (or seed 001's `ME18023`) `RESULT` of the form
/// `<name> is error!` blames. `<name>` is normally the parameter concerned, but the
/// handlers also put other things there (spec §8.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// A request parameter failed the server's check.
    Parameter {
        /// The parameter of the request.
        field: String,
        /// The name the server printed (verify reports `creatorAccountID` as `accountID`).
        reported_as: String,
    },
    /// `cityCode is error!`: applyMicroChannel's `channelCityCode` is well-formed but no
    /// city has that code.
    UnknownCityCode,
    /// `DEFAULT_ERROR is error!`: inviteUserJoin's `customType` is a number other than 1.
    CustomType,
    /// ` is error!` (inviteUserJoin) or `args is error!` (applyMicroChannel): the server
    /// could not parse the body (the method was not POST, or the multipart header check
    /// failed).
    UnparseableBody {
        /// The name the server printed: empty or `args`.
        reported_as: String,
    },
    /// inviteUserJoin tried to invite online users and every send failed; `detail` is
    /// the text the vendor's internal weibo API returned for the last failure, `None`
    /// when it returned none (`RESULT` `%s is error!`).
    FanOutFailed {
        /// The failure text, inserted by the server without escaping.
        detail: Option<String>,
    },
    /// The text does not have the form `<name> is error!`.
    Unspecified {
        /// The server's text as received.
        text: String,
    },
}

/// The parameter names inviteUserJoin's own checks report (inviteUserJoin.md, "Server
/// check order"); any other name in its `ME01023` comes from the fan-out.
const INVITE_USER_JOIN_CHECKED: [&str; 5] = [
    "accountID",
    "appKey",
    "callbackURL",
    "multimediaURL",
    "tempChannelID",
];

impl Rejection {
    /// Reads a `RESULT` text, knowing which endpoint answered when `api` is given.
    pub fn from_result(api: Option<Api>, result: &str) -> Rejection {
        let Some(name) = result.strip_suffix(" is error!") else {
            return Rejection::Unspecified {
                text: result.to_owned(),
            };
        };
        let fan_out = |detail: Option<&str>| Rejection::FanOutFailed {
            detail: detail.map(str::to_owned),
        };
        match name {
            "" | "args" => Rejection::UnparseableBody {
                reported_as: name.to_owned(),
            },
            "cityCode" => Rejection::UnknownCityCode,
            "DEFAULT_ERROR" => Rejection::CustomType,
            "%s" if matches!(api, None | Some(Api::InviteUserJoin)) => fan_out(None),
            _ if api == Some(Api::InviteUserJoin) && !INVITE_USER_JOIN_CHECKED.contains(&name) => {
                fan_out(Some(name))
            }
            _ if is_parameter_name(name) => Rejection::Parameter {
                field: match (api, name) {
                    (Some(Api::VerifyApplyJoiningMember), "accountID") => "creatorAccountID",
                    _ => name,
                }
                .to_owned(),
                reported_as: name.to_owned(),
            },
            // Only inviteUserJoin's fan-out puts free text before " is error!".
            _ if api.is_none() => fan_out(Some(name)),
            _ => Rejection::Unspecified {
                text: result.to_owned(),
            },
        }
    }

    /// The request parameter to fix, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Rejection::Parameter { field, .. } => Some(field),
            Rejection::UnknownCityCode => Some("channelCityCode"),
            Rejection::CustomType => Some("customType"),
            Rejection::UnparseableBody { .. }
            | Rejection::FanOutFailed { .. }
            | Rejection::Unspecified { .. } => None,
        }
    }

    /// Meaning and remedy.
    pub fn explain(&self, api: Option<Api>) -> (Bilingual, Bilingual) {
        match self {
            Rejection::Parameter { field, reported_as } => {
                let reported = if field == reported_as {
                    String::new()
                } else {
                    format!(" (the server calls it {reported_as})")
                };
                let reported_zh = if field == reported_as {
                    String::new()
                } else {
                    format!("（服务器称之为 {reported_as}）")
                };
                let meaning = Bilingual::owned(
                    format!(
                        "The server rejected parameter {field}{reported}: its check failed \
                         (RESULT \"{reported_as} is error!\")."
                    ),
                    format!(
                        "参数错误：服务器拒绝了参数 {field}{reported_zh}，该参数未通过检查\
                         （RESULT \"{reported_as} is error!\"）。"
                    ),
                );
                let meaning = match extra_cause(api, field) {
                    Some(cause) => sentences(&meaning, cause),
                    None => meaning,
                };
                let remedy = Bilingual::owned(
                    format!(
                        "Fix {field}: the validator's finding for {field} names the rule it \
                         breaks. Then sign and send again."
                    ),
                    format!(
                        "请检查输入参数并修改 {field}：校验器对 {field} 的提示说明了它违反的规则；\
                         然后重新签名发送。"
                    ),
                );
                (meaning, remedy)
            }
            Rejection::UnknownCityCode => (
                Bilingual::new(
                    "channelCityCode is well-formed, but no city has this code \
                     (RESULT \"cityCode is error!\").",
                    "参数错误：channelCityCode 格式正确，但没有城市使用该代码\
                     （RESULT \"cityCode is error!\"）。",
                ),
                Bilingual::new(
                    "Send the code of an existing city in channelCityCode.",
                    "请在 channelCityCode 中填写存在的城市代码。",
                ),
            ),
            Rejection::CustomType => (
                Bilingual::new(
                    "customType is a number other than 1 (RESULT \"DEFAULT_ERROR is error!\").",
                    "参数错误：customType 是 1 以外的数字（RESULT \"DEFAULT_ERROR is error!\"）。",
                ),
                Bilingual::new(
                    "Send customType=1, or leave customType out.",
                    "请将 customType 设为 1，或不传 customType。",
                ),
            ),
            Rejection::UnparseableBody { reported_as } => (
                Bilingual::owned(
                    format!(
                        "The server could not parse the request body (RESULT \"{reported_as} is \
                         error!\"): the method was not POST, or the multipart body failed the \
                         server's header check."
                    ),
                    format!(
                        "服务器无法解析请求体（RESULT \"{reported_as} is error!\"）：请求方法不是 \
                         POST，或 multipart 请求体未通过服务器的头部检查。"
                    ),
                ),
                Bilingual::new(
                    "Send a POST with the exact body bytes and the Content-Type header the \
                     builder produced (for multipart the boundary in the header must match the \
                     body); do not let the browser rebuild the body (no FormData).",
                    "请用 POST 发送构建器生成的原样请求体和 Content-Type 头（multipart 的 boundary \
                     必须与请求体一致）；不要让浏览器重新生成请求体（不要用 FormData）。",
                ),
            ),
            Rejection::FanOutFailed { detail } => {
                let meaning = match detail {
                    Some(detail) => Bilingual::owned(
                        format!(
                            "Every invitation sent to the online users failed; the vendor's \
                             internal weibo API said: {detail}"
                        ),
                        format!("向在线用户发送的邀请全部失败；厂商内部微博接口返回：{detail}"),
                    ),
                    None => Bilingual::new(
                        "Every invitation sent to the online users failed, and the vendor's \
                         internal weibo API gave no reason (RESULT \"%s is error!\").",
                        "向在线用户发送的邀请全部失败，厂商内部微博接口未说明原因\
                         （RESULT \"%s is error!\"）。",
                    ),
                };
                let remedy = Bilingual::new(
                    "A failed fan-out does not start the 600-second rate limit: retry later; \
                     if it keeps failing, contact the vendor's support.",
                    "发送全部失败不会触发600秒的频率限制：请稍后重试；如持续失败，请与公司客服联系。",
                );
                (meaning, remedy)
            }
            Rejection::Unspecified { text } => (
                Bilingual::owned(
                    format!("A parameter check failed: {text}"),
                    format!("参数错误：{text}"),
                ),
                Bilingual::new(
                    "Check the input parameters against the endpoint's documentation.",
                    "请检查输入参数，按照文档提供的参数要求传参。",
                ),
            ),
        }
    }
}

/// Causes besides a malformed value that make a handler report the parameter.
fn extra_cause(api: Option<Api>, field: &str) -> Option<&'static Bilingual> {
    const CAUSES: &[(Api, &str, Bilingual)] = &[
        (
            Api::ApplyMicroChannel,
            "accountID",
            Bilingual::new(
                "It also means that no user has this accountID.",
                "也可能是没有用户使用该 accountID。",
            ),
        ),
        (
            Api::ApplyMicroChannel,
            "channelCatalogID",
            Bilingual::new(
                "It also means that no channel catalog (type 0 or 1) has this id.",
                "也可能是没有该编号的频道目录（类型 0 或 1）。",
            ),
        ),
        (
            Api::ApplyMicroChannel,
            "accessToken",
            Bilingual::new(
                "It also means that accessToken is missing: only the vendor's internal apps \
                 may leave it out.",
                "也可能是缺少 accessToken：只有厂商内部应用可以不传。",
            ),
        ),
    ];
    let api = api?;
    CAUSES
        .iter()
        .find(|(cause_api, name, _)| *cause_api == api && *name == field)
        .map(|(_, _, cause)| cause)
}

/// A name a daoke parameter can have (spec §3.2: `^[A-Za-z0-9_]+$`).
fn is_parameter_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Two messages one after the other (English separated by a space; Chinese sentences
/// end with their own full stop).
pub(crate) fn sentences(first: &Bilingual, second: &Bilingual) -> Bilingual {
    Bilingual::owned(
        format!("{} {}", first.en, second.en),
        format!("{}{}", first.zh, second.zh),
    )
}

const SANDBOX_DEFINED: Bilingual = Bilingual::new(
    "Sandbox-defined: the real platform's code is unknown.",
    "沙箱自定义：真实平台的对应错误码未知。",
);

const ALL_DAOKE: &[Api] = &Api::DAOKE;
const INVITE_MEETING: &[Api] = &[Api::InviteMeeting];

/// An empty text, spelled out (not via the `const fn`) so that the compiler can see that
/// the base entries below need no destructor where `..BASE` drops their replaced fields.
const EMPTY: Bilingual = Bilingual {
    en: Cow::Borrowed(""),
    zh: Cow::Borrowed(""),
};

/// The fields every daoke entry starts from.
const DAOKE_CODE: CodeInfo = CodeInfo {
    code: "",
    vendor: Vendor::Daoke,
    server_result: None,
    meaning: EMPTY,
    remedy: EMPTY,
    seed_text: None,
    sandbox_defined: false,
    returned_by: &[],
    documented_only: false,
    api_notes: &[],
};

/// The fields every YTX entry starts from.
const YTX_CODE: CodeInfo = CodeInfo {
    vendor: Vendor::Ytx,
    returned_by: INVITE_MEETING,
    ..DAOKE_CODE
};

/// The fields every sandbox-defined YTX entry starts from.
const SANDBOX_CODE: CodeInfo = CodeInfo {
    sandbox_defined: true,
    ..YTX_CODE
};

/// The remedy of the three sandbox checks that concern the signature.
const RESIGN_YTX: Bilingual = Bilingual::new(
    "Rebuild the request with the builder: Sign = upper-case hex MD5 of accountSID + authToken \
     + timestamp in the query, Authorization = Base64 of accountSID|timestamp, the same \
     timestamp in both (spec §6).",
    "请用构建器重新生成请求：查询参数 Sign 为 accountSID + authToken + 时间戳 的大写十六进制 MD5，\
     Authorization 为 accountSID|时间戳 的 Base64，两处使用同一个时间戳（规范第6节）。",
);

/// Every code of spec §8.1, §8.2 and §8.3, in the spec's order.
pub static CATALOGUE: &[CodeInfo] = &[
    // §8.1 daoke
    CodeInfo {
        code: SUCCESS,
        server_result: Some("ok!"),
        meaning: Bilingual::new("Success: the request was processed.", "调用成功。"),
        seed_text: Some("调用成功 (000); Request OK (001, 004); ok / 正常调用 (002)"),
        returned_by: ALL_DAOKE,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01002",
        server_result: Some("appKey error"),
        meaning: Bilingual::new(
            "The appKey is well-formed but unknown: the server has no secret registered for it.",
            "appKey 错误：格式正确，但服务器没有为它登记密钥。",
        ),
        remedy: Bilingual::new(
            "Use an appKey issued by the vendor (DaoKe / 语镜), with the secret issued for it.",
            "appKey需使用从语镜公司申请得到的appKey，并使用与之对应的密钥。",
        ),
        seed_text: Some("appKey error / appKey需使用从语镜公司申请得到的appKey (000, 001, 002, 004)"),
        returned_by: ALL_DAOKE,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01003",
        server_result: Some("access token not matched"),
        meaning: Bilingual::new(
            "The accessToken differs from the token the server stores for this accountID.",
            "访问令牌不匹配：accessToken 与服务器为该 accountID 保存的令牌不同。",
        ),
        remedy: Bilingual::new(
            "Have the user authorise the app again and send the current accessToken.",
            "请让用户重新授权，并发送当前有效的 accessToken。",
        ),
        seed_text: Some(
            "accessToken not match / 访问令牌不匹配 (000); access token not matched / 令牌访问权限不匹配 (002)",
        ),
        returned_by: &[Api::ApplyMicroChannel],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01004",
        server_result: Some("access token expired"),
        meaning: Bilingual::new(
            "The accessToken has expired; the server has also deleted it.",
            "访问令牌已过期，服务器同时删除了该令牌。",
        ),
        remedy: Bilingual::new(
            "Obtain a new accessToken (have the user authorise the app again).",
            "请重新获取 accessToken（让用户重新授权）。",
        ),
        seed_text: Some("accessToken expire / 访问令牌已过期 (000)"),
        returned_by: &[Api::ApplyMicroChannel],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01005",
        server_result: Some("access token not this authorization"),
        meaning: Bilingual::new(
            "The accessToken lacks the \"weibo info\" scope this endpoint needs.",
            "访问令牌没有本接口所需的“微博信息”授权范围。",
        ),
        remedy: Bilingual::new(
            "Request a token that includes the weibo-info scope.",
            "请申请包含微博信息授权范围的访问令牌。",
        ),
        returned_by: &[Api::ApplyMicroChannel],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01019",
        server_result: Some("sign is not match!"),
        meaning: Bilingual::new(
            "Signature mismatch: the server computed another sign from the parameters it \
             received and the secret it has for this appKey.",
            "签名不匹配：服务器根据收到的参数和该 appKey 的密钥计算出的 sign 与请求中的不同。",
        ),
        remedy: Bilingual::new(
            "Recompute the sign as spec §4 describes. Common causes: names sorted \
             case-insensitively instead of by byte order; values signed percent-encoded or \
             trimmed instead of raw; the SHA-1 written in lower-case instead of upper-case hex; \
             the wrong secret for this appKey. Also send the body bytes exactly as signed \
             (no FormData or URLSearchParams).",
            "请阅读语镜公司提供的签名算法，按规范第4节重新计算 sign。常见原因：参数名按忽略大小写排序\
             而不是按字节序；对编码后或去掉空白的值签名，而不是原始值；SHA-1 用了小写而不是大写十六进制；\
             使用了不属于该 appKey 的密钥。另外请按签名时的原样发送请求体（不要用 FormData 或 URLSearchParams）。",
        ),
        seed_text: Some(
            "sign is not match (000, 001, 002); sign not match (004) / 请阅读语镜公司提供的签名算法",
        ),
        returned_by: ALL_DAOKE,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01020",
        server_result: Some("mysql failed!"),
        meaning: Bilingual::new(
            "Database error on the server.",
            "数据库错误。",
        ),
        remedy: Bilingual::new(
            "Retry later; if it persists, contact the vendor's support.",
            "请稍后重试；如仍失败，请与公司客服联系。",
        ),
        seed_text: Some("mysql failed! / 数据库错误 ,请与公司客服联系 (002)"),
        returned_by: &[Api::CreateGroup, Api::VerifyApplyJoiningMember, Api::ApplyMicroChannel],
        api_notes: &[
            ApiNote {
                api: Api::CreateGroup,
                cause: Bilingual::new(
                    "createGroup pastes groupName and callbackURL into its SQL unescaped, so an \
                     apostrophe (') or a trailing backslash in them breaks the statement.",
                    "createGroup 把 groupName 和 callbackURL 未经转义地拼进 SQL，其中的单引号（'）\
                     或结尾的反斜杠会使语句出错。",
                ),
                remedy: Bilingual::new(
                    "Remove apostrophes and trailing backslashes from groupName and callbackURL; \
                     if there are none, retry later or contact the vendor's support.",
                    "请去掉 groupName 和 callbackURL 中的单引号和结尾的反斜杠；如果没有，\
                     请稍后重试或与公司客服联系。",
                ),
            },
            ApiNote {
                api: Api::VerifyApplyJoiningMember,
                cause: Bilingual::new(
                    "verifyApplyJoiningMember pastes groupID and callbackURL into its SQL \
                     unescaped, so an apostrophe (') or a trailing backslash in them breaks the \
                     statement.",
                    "verifyApplyJoiningMember 把 groupID 和 callbackURL 未经转义地拼进 SQL，\
                     其中的单引号（'）或结尾的反斜杠会使语句出错。",
                ),
                remedy: Bilingual::new(
                    "Remove apostrophes and trailing backslashes from groupID and callbackURL; \
                     if there are none, retry later or contact the vendor's support.",
                    "请去掉 groupID 和 callbackURL 中的单引号和结尾的反斜杠；如果没有，\
                     请稍后重试或与公司客服联系。",
                ),
            },
            ApiNote {
                api: Api::ApplyMicroChannel,
                cause: Bilingual::new(
                    "applyMicroChannel pastes channelName, channelIntroduction, channelKeyWords, \
                     chiefAnnouncerIntr and channelCatalogUrl into its SQL unescaped, so a \
                     trailing backslash in them breaks the statement.",
                    "applyMicroChannel 把 channelName、channelIntroduction、channelKeyWords、\
                     chiefAnnouncerIntr 和 channelCatalogUrl 未经转义地拼进 SQL，结尾的反斜杠\
                     会使语句出错。",
                ),
                remedy: Bilingual::new(
                    "Remove trailing backslashes from those fields; if there are none, retry \
                     later or contact the vendor's support.",
                    "请去掉这些字段结尾的反斜杠；如果没有，请稍后重试或与公司客服联系。",
                ),
            },
        ],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01021",
        server_result: Some("redis failed!"),
        meaning: Bilingual::new(
            "Cache (redis) error on the server while loading the app secret.",
            "缓存（redis）错误：服务器读取应用密钥时失败。",
        ),
        remedy: Bilingual::new(
            "Retry later; if it persists, contact the vendor's support.",
            "请稍后重试；如仍失败，请与公司客服联系。",
        ),
        returned_by: ALL_DAOKE,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01022",
        server_result: Some("internal data error!"),
        meaning: Bilingual::new(
            "Internal error on the server (also its answer to any run-time error in a \
             handler, inferred).",
            "系统内部错误（处理程序运行出错时服务器也这样回答，系推断）。",
        ),
        remedy: Bilingual::new(
            "Contact the vendor's support.",
            "请与公司客服联系。",
        ),
        seed_text: Some(
            "系统内部错误 / 请与公司客服联系 (000, 001); internal data error! / 系统错误 ,请与公司客服联系 (002); 服务器内部错误 / 请与公司客服联系 (004)",
        ),
        returned_by: ALL_DAOKE,
        api_notes: &[
            ApiNote {
                api: Api::InviteUserJoin,
                cause: Bilingual::new(
                    "From inviteUserJoin: tempChannelID is missing, or the server could not read \
                     the sets of online users.",
                    "inviteUserJoin 返回此码表示：缺少 tempChannelID，或服务器读取在线用户集合失败。",
                ),
                remedy: Bilingual::new(
                    "Send tempChannelID; if it was sent, retry later or contact the vendor's \
                     support.",
                    "请传 tempChannelID；如已传，请稍后重试或与公司客服联系。",
                ),
            },
            ApiNote {
                api: Api::ApplyMicroChannel,
                cause: Bilingual::new(
                    "From applyMicroChannel: the account exists twice in the server's user table.",
                    "applyMicroChannel 返回此码表示：该账号在服务器的用户表中有重复记录。",
                ),
                remedy: Bilingual::new(
                    "Contact the vendor's support; resending does not help.",
                    "请与公司客服联系；重新发送无济于事。",
                ),
            },
            ApiNote {
                api: Api::VerifyApplyJoiningMember,
                cause: Bilingual::new(
                    "From verifyApplyJoiningMember this most likely means that callbackURL has \
                     no host:port (like the seed's example http://*), so the callback failed \
                     after the decisions had been applied.",
                    "verifyApplyJoiningMember 返回此码，最可能是 callbackURL 缺少 host:port\
                     （如文档示例 http://*），回调在审核结果已生效之后失败。",
                ),
                remedy: Bilingual::new(
                    "The decisions were already applied: do not resend them blindly. Give \
                     callbackURL as http://host:port/… or leave it out.",
                    "审核结果已经生效，请勿盲目重发。callbackURL 请写成 http://host:port/… 的形式，\
                     或不传。",
                ),
            },
        ],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: PARAMETER_ERROR,
        server_result: Some("<name> is error!"),
        meaning: Bilingual::new(
            "A parameter check failed; the RESULT names the parameter (\"<name> is error!\").",
            "参数错误：RESULT 给出出错的参数（\"<name> is error!\"）。",
        ),
        remedy: Bilingual::new(
            "Fix the parameter the RESULT names, then sign and send again.",
            "请检查输入参数，修改 RESULT 中指出的参数后重新签名发送。",
        ),
        seed_text: Some(
            "参数错误 / 请检查输入参数 (000, 004); parameter is error! / 参数错误，请按照文档提供的参数要求传参 (002)",
        ),
        returned_by: ALL_DAOKE,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME01024",
        server_result: Some("http body is null!"),
        meaning: Bilingual::new(
            "The server received no request body (an empty body, or one so large that nginx \
             kept it on disk and the handler saw nothing).",
            "服务器没有收到请求体（请求体为空，或过大被 nginx 缓存到磁盘，处理程序读不到）。",
        ),
        remedy: Bilingual::new(
            "Send a non-empty body of at most a few kilobytes (the sandbox's limit is 8192 bytes).",
            "请检查输入参数，发送非空且不超过几 KB 的请求体（沙箱的上限为 8192 字节）。",
        ),
        returned_by: ALL_DAOKE,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18004",
        server_result: Some("accountID has more record in db!"),
        meaning: Bilingual::new(
            "The account exists twice in the server's user table.",
            "该账号在服务器的用户表中有重复记录。",
        ),
        remedy: Bilingual::new(
            "Contact the vendor's support; resending does not help.",
            "请与公司客服联系；重新发送无济于事。",
        ),
        returned_by: &[Api::CreateGroup],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18005",
        server_result: Some("this input field does not exist"),
        meaning: Bilingual::new(
            "A field does not exist. Only documented (seed 000 lists it for inviteUserJoin); \
             no handler returns it.",
            "不存在此字段。仅见于文档（文档000为 inviteUserJoin 列出），服务器处理程序不会返回此码。",
        ),
        remedy: Bilingual::new(
            "Check the parameter names against the endpoint's documentation.",
            "请检查输入参数的名称。",
        ),
        seed_text: Some("不存在此字段 / 请检查输入参数 (000)"),
        documented_only: true,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: DOCUMENTED_PARAMETER_ERROR,
        meaning: Bilingual::new(
            "A parameter check failed. Only documented (seed 001); the server returns ME01023 \
             instead, and this code is read the same way.",
            "参数错误。仅见于文档（文档001），服务器实际返回 ME01023，此码按 ME01023 处理。",
        ),
        remedy: Bilingual::new(
            "Fix the parameter the RESULT names, then sign and send again.",
            "请检查输入参数，修改 RESULT 中指出的参数后重新签名发送。",
        ),
        seed_text: Some("参数错误 / 请检查输入参数 (001)"),
        documented_only: true,
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18052",
        server_result: Some("this group is already exist!"),
        meaning: Bilingual::new(
            "A group with this groupName already exists (group names are unique across all \
             owners).",
            "该集团已存在：已有集团使用这个 groupName（集团名称在所有创建者之间唯一）。",
        ),
        remedy: Bilingual::new(
            "Choose another groupName.",
            "请换一个集团名称（groupName）；如有疑问请与公司客服联系。",
        ),
        seed_text: Some("该集团已存在 / 请与公司客服联系 (004)"),
        returned_by: &[Api::CreateGroup],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18053",
        server_result: Some("this accountID is not exist!"),
        meaning: Bilingual::new(
            "The accountID is not a registered user.",
            "此accountID不存在：不是已注册的用户。",
        ),
        remedy: Bilingual::new(
            "Use the accountID of a registered user.",
            "请使用已注册用户的 accountID；如有疑问请与公司客服联系。",
        ),
        seed_text: Some("此accountID不存在 / 请与公司客服联系 (004)"),
        returned_by: &[Api::CreateGroup],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18054",
        server_result: Some("this groupID is not exist!"),
        meaning: Bilingual::new(
            "No group has this groupID.",
            "该集团不存在：没有集团使用这个 groupID。",
        ),
        remedy: Bilingual::new(
            "Check groupID: it is the id createGroup returned.",
            "请检查 groupID：应为 createGroup 返回的集团编号。",
        ),
        returned_by: &[Api::VerifyApplyJoiningMember],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18055",
        server_result: Some("this groupID is unusable"),
        meaning: Bilingual::new(
            "The group is disabled, so nobody can join it.",
            "该集团不可加入：集团已停用。",
        ),
        remedy: Bilingual::new(
            "Nothing can be approved for a disabled group; contact the vendor's support if it \
             should be active.",
            "已停用的集团无法审核成员；如该集团应当可用，请与公司客服联系。",
        ),
        returned_by: &[Api::VerifyApplyJoiningMember],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18075",
        server_result: Some("not allow to create group!"),
        meaning: Bilingual::new(
            "Creating a group is not allowed: this account already owns a group (an account \
             can own one group, ever), or it is an active fleet member of some group.",
            "不允许创建集团：该账号已经创建过集团（每个账号只能创建一个集团），或是某个集团的有效车队成员。",
        ),
        remedy: Bilingual::new(
            "Use another account; an account that owns a group or belongs to a fleet cannot \
             create one.",
            "请换一个账号；已创建集团或属于车队的账号不能再创建集团。如有疑问请与公司客服联系。",
        ),
        seed_text: Some("不允许创建集团 / 请与公司客服联系 (004)"),
        returned_by: &[Api::CreateGroup],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: RATE_LIMITED,
        server_result: Some("ERROR"),
        meaning: Bilingual::new(
            "Rate limit: a temp channel may send one successful invitation per 600 seconds, \
             and the last one was at most 600 seconds ago.",
            "频率限制：每个临时频道每600秒只能成功邀请一次，距上次邀请不超过600秒。",
        ),
        remedy: Bilingual::new(
            "Wait until more than 600 seconds have passed since the last invitation, then \
             send again.",
            "请等到距上次邀请超过600秒后再发送。",
        ),
        returned_by: &[Api::InviteUserJoin],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18092",
        server_result: Some("current channel not start"),
        meaning: Bilingual::new(
            "The temp channel does not exist or is not live (sound mode 0). The server checks \
             this before tempChannelID's format, so a malformed id gets this code too.",
            "当前临时频道不存在或未开始直播（声音模式不为0）。服务器先检查这一点再检查 tempChannelID \
             的格式，所以格式错误的编号也会得到此码。",
        ),
        remedy: Bilingual::new(
            "Check tempChannelID (5–8 digits) and start the temp channel first.",
            "请检查 tempChannelID（5–8位数字），并先开始该临时频道。",
        ),
        returned_by: &[Api::InviteUserJoin],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18104",
        server_result: Some("current user channel already exist"),
        meaning: Bilingual::new(
            "An approved channel already uses this channelNumber (compared case-insensitively).",
            "当前用户申请的频道已经被审核通过了：已有审核通过的频道使用该频道号（不区分大小写）。",
        ),
        remedy: Bilingual::new(
            "Pick another channelNumber.",
            "请修改频道号（channelNumber）。",
        ),
        seed_text: Some(
            "current user channel already exist / 当前用户申请的频道已经被审核通过了,请修改频道号 (002)",
        ),
        returned_by: &[Api::ApplyMicroChannel],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18105",
        server_result: Some("Repeat submitted"),
        meaning: Bilingual::new(
            "This account already submitted an identical application (same number, name, \
             introduction and keywords).",
            "当前用户重复提交相同的数据：该账号已提交过相同的申请（频道号、名称、简介和关键词都相同）。",
        ),
        remedy: Bilingual::new(
            "Do not resubmit: the earlier application is still on file.",
            "请勿重复提交：之前的申请仍然有效。",
        ),
        seed_text: Some("Repeat submitted / 当前用户重复提交相同的数据 (002)"),
        returned_by: &[Api::ApplyMicroChannel],
        ..DAOKE_CODE
    },
    CodeInfo {
        code: "ME18106",
        server_result: Some("user channel Maximum"),
        meaning: Bilingual::new(
            "The account already has 3 channel applications (in any state, ever), the maximum.",
            "当前用户申请的频道已经达到最大值：该账号已有3个频道申请（不论状态，永久计数）。",
        ),
        remedy: Bilingual::new(
            "This account cannot apply for more channels; use another account or contact the \
             vendor's support.",
            "该账号不能再申请频道；请换一个账号，或与公司客服联系。",
        ),
        seed_text: Some("user channel Maximum / 当前用户申请的频道已经达到最大值 (002)"),
        returned_by: &[Api::ApplyMicroChannel],
        ..DAOKE_CODE
    },
    // §8.2 YTX (seed 003)
    CodeInfo {
        code: SUCCESS,
        server_result: Some("提交成功"),
        meaning: Bilingual::new(
            "Success: the invitation was submitted.",
            "提交成功。",
        ),
        seed_text: Some("提交成功"),
        ..YTX_CODE
    },
    CodeInfo {
        code: "-2",
        server_result: Some("缺少必要参数"),
        meaning: Bilingual::new(
            "A required parameter is missing.",
            "缺少必要参数。",
        ),
        remedy: Bilingual::new(
            "Send appid, confid and a non-empty parties (and action, if you send it, as \
             inviteJoinMeeting).",
            "请传 appid、confid 和非空的 parties（如传 action，其值应为 inviteJoinMeeting）。",
        ),
        seed_text: Some("缺少必要参数"),
        ..YTX_CODE
    },
    CodeInfo {
        code: "-205",
        server_result: Some("应用验证失败"),
        meaning: Bilingual::new(
            "Application validation failed: the appid belongs to the other environment \
             (a sandbox appid used on production or the reverse), the caller's IP is not in \
             the app's whitelist, or the app is not online or lacks the meeting function.",
            "应用验证失败：appid 属于另一个环境（体验环境的 appid 用于正式环境或反之），调用方 IP \
             不在应用白名单中，或应用未上线 / 未开通会议功能。",
        ),
        remedy: Bilingual::new(
            "Use the environment the appid was created in; whitelist the caller's IP or clear \
             the whitelist; bring the app online and enable the function.",
            "请使用创建 appid 的环境；把调用方 IP 加入白名单或清空白名单；让应用上线并开通该功能。",
        ),
        seed_text: Some("应用验证失败"),
        ..YTX_CODE
    },
    // §8.3 sandbox-defined YTX codes, in the order the sandbox checks them
    CodeInfo {
        code: "SBX001",
        server_result: Some("sandbox: unknown function or method"),
        meaning: Bilingual::new(
            "The method is not POST, or the path is not /{6 digits}/sid/{accountSID}/call/TeleMeeting.wx.",
            "请求方法不是 POST，或路径不是 /{6位数字}/sid/{accountSID}/call/TeleMeeting.wx。",
        ),
        remedy: Bilingual::new(
            "Send a POST to /{version}/sid/{accountSID}/call/TeleMeeting.wx (version 201612).",
            "请用 POST 发送到 /{version}/sid/{accountSID}/call/TeleMeeting.wx（version 为 201612）。",
        ),
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX002",
        server_result: Some("sandbox: Sign missing"),
        meaning: Bilingual::new(
            "The query string has no non-empty Sign parameter.",
            "查询字符串中没有非空的 Sign 参数。",
        ),
        remedy: RESIGN_YTX,
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX003",
        server_result: Some("sandbox: Authorization missing or malformed"),
        meaning: Bilingual::new(
            "The Authorization header is missing, or it is not standard Base64 (with padding) \
             of UTF-8 text containing a |.",
            "缺少 Authorization 头，或它不是包含 | 的 UTF-8 文本的标准 Base64（带填充）。",
        ),
        remedy: RESIGN_YTX,
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX004",
        server_result: Some("sandbox: Authorization account differs from the URL"),
        meaning: Bilingual::new(
            "The account in Authorization (the text before the first |) differs from the \
             accountSID in the path.",
            "Authorization 中的账号（第一个 | 之前的文字）与路径中的 accountSID 不同。",
        ),
        remedy: Bilingual::new(
            "Use the same accountSID in the path and in Authorization.",
            "请在路径和 Authorization 中使用同一个 accountSID。",
        ),
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX005",
        server_result: Some("sandbox: timestamp malformed"),
        meaning: Bilingual::new(
            "The timestamp in Authorization (after the first |) is not 14 digits forming a valid \
             date and time (yyyyMMddHHmmss).",
            "Authorization 中的时间戳（第一个 | 之后）不是构成有效日期时间的14位数字（yyyyMMddHHmmss）。",
        ),
        remedy: Bilingual::new(
            "Write the timestamp as yyyyMMddHHmmss in Beijing time (UTC+8).",
            "时间戳请写成北京时间（UTC+8）的 yyyyMMddHHmmss。",
        ),
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX006",
        server_result: Some("sandbox: timestamp outside the 24-hour window"),
        meaning: Bilingual::new(
            "The timestamp is more than 24 hours before or after the sandbox's clock.",
            "时间戳与沙箱时钟相差超过24小时。",
        ),
        remedy: Bilingual::new(
            "Use the current Beijing time (UTC+8) as the timestamp, or set the sandbox clock.",
            "请使用当前北京时间（UTC+8）作为时间戳，或调整沙箱时钟。",
        ),
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX007",
        server_result: Some("sandbox: unknown accountSID"),
        meaning: Bilingual::new(
            "No account configured in the sandbox has this accountSID.",
            "沙箱中没有配置这个 accountSID 的账号。",
        ),
        remedy: Bilingual::new(
            "Use an accountSID from the sandbox's fixtures.",
            "请使用沙箱数据中配置的 accountSID。",
        ),
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX008",
        server_result: Some("sandbox: Sign mismatch"),
        meaning: Bilingual::new(
            "Sign differs from the MD5 of accountSID + authToken + timestamp (compared \
             case-insensitively): a wrong authToken, or another timestamp than Authorization's.",
            "Sign 与 accountSID + authToken + 时间戳 的 MD5 不一致（不区分大小写比较）：authToken \
             错误，或与 Authorization 用了不同的时间戳。",
        ),
        remedy: RESIGN_YTX,
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX009",
        server_result: Some("sandbox: body is not a JSON object"),
        meaning: Bilingual::new(
            "The body is not UTF-8 JSON whose top level is an object.",
            "请求体不是顶层为对象的 UTF-8 JSON。",
        ),
        remedy: Bilingual::new(
            "Send the JSON object the builder produced, with Content-Type application/json.",
            "请发送构建器生成的 JSON 对象，Content-Type 为 application/json。",
        ),
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX010",
        server_result: Some("sandbox: unknown action"),
        meaning: Bilingual::new(
            "action is present and not exactly inviteJoinMeeting.",
            "传了 action，但其值不是 inviteJoinMeeting。",
        ),
        remedy: Bilingual::new(
            "Send action as inviteJoinMeeting, or leave it out.",
            "action 请设为 inviteJoinMeeting，或不传。",
        ),
        ..SANDBOX_CODE
    },
    CodeInfo {
        code: "SBX011",
        server_result: Some("sandbox: parties is not a JSON array of {name, phone}"),
        meaning: Bilingual::new(
            "parties is not a non-empty JSON array (or a string holding one) of objects with \
             non-empty string name and phone.",
            "parties 不是由含非空字符串 name 和 phone 的对象组成的非空 JSON 数组（或包含这种数组的字符串）。",
        ),
        remedy: Bilingual::new(
            "Send parties as a JSON array of {\"name\": …, \"phone\": …} objects, each with \
             both fields filled in.",
            "parties 请写成 {\"name\": …, \"phone\": …} 对象的 JSON 数组，每个对象两个字段都要填写。",
        ),
        ..SANDBOX_CODE
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_separates_the_vendors_success_codes() {
        let daoke = lookup(Vendor::Daoke, "0").map(|info| info.vendor);
        let ytx = lookup(Vendor::Ytx, "0").map(|info| info.vendor);
        assert_eq!(daoke, Some(Vendor::Daoke));
        assert_eq!(ytx, Some(Vendor::Ytx));
        assert!(lookup(Vendor::Daoke, "SBX001").is_none());
        assert!(lookup(Vendor::Ytx, "ME01019").is_none());
    }

    #[test]
    fn api_notes_replace_the_remedy_only_for_their_endpoint() {
        let Some(info) = lookup(Vendor::Daoke, "ME01022") else {
            panic!("ME01022 missing");
        };
        assert_eq!(info.remedy_for(Some(Api::CreateGroup)), info.remedy);
        assert_eq!(info.remedy_for(None), info.remedy);
        assert_ne!(
            info.remedy_for(Some(Api::VerifyApplyJoiningMember)),
            info.remedy
        );
        assert!(info
            .meaning_for(Some(Api::VerifyApplyJoiningMember))
            .en
            .contains("host:port"));
    }

    #[test]
    fn rejection_reads_the_special_names() {
        let verify = Some(Api::VerifyApplyJoiningMember);
        assert_eq!(
            Rejection::from_result(verify, "accountID is error!").field(),
            Some("creatorAccountID")
        );
        assert_eq!(
            Rejection::from_result(Some(Api::CreateGroup), "accountID is error!").field(),
            Some("accountID")
        );
        assert_eq!(
            Rejection::from_result(Some(Api::InviteUserJoin), " is error!"),
            Rejection::UnparseableBody {
                reported_as: String::new()
            }
        );
        assert_eq!(
            Rejection::from_result(Some(Api::ApplyMicroChannel), "args is error!"),
            Rejection::UnparseableBody {
                reported_as: "args".into()
            }
        );
        assert_eq!(
            Rejection::from_result(Some(Api::ApplyMicroChannel), "cityCode is error!").field(),
            Some("channelCityCode")
        );
        assert_eq!(
            Rejection::from_result(Some(Api::InviteUserJoin), "DEFAULT_ERROR is error!").field(),
            Some("customType")
        );
        assert_eq!(
            Rejection::from_result(Some(Api::InviteUserJoin), "%s is error!"),
            Rejection::FanOutFailed { detail: None }
        );
        assert_eq!(
            Rejection::from_result(Some(Api::InviteUserJoin), "user offline is error!"),
            Rejection::FanOutFailed {
                detail: Some("user offline".into())
            }
        );
        // A word that is not one of inviteUserJoin's checked names is fan-out detail too.
        assert_eq!(
            Rejection::from_result(Some(Api::InviteUserJoin), "timeout is error!"),
            Rejection::FanOutFailed {
                detail: Some("timeout".into())
            }
        );
        assert_eq!(
            Rejection::from_result(Some(Api::InviteUserJoin), "tempChannelID is error!").field(),
            Some("tempChannelID")
        );
        assert_eq!(
            Rejection::from_result(None, "bad text here is error!"),
            Rejection::FanOutFailed {
                detail: Some("bad text here".into())
            }
        );
        assert_eq!(
            Rejection::from_result(Some(Api::CreateGroup), "bad text here is error!"),
            Rejection::Unspecified {
                text: "bad text here is error!".into()
            }
        );
        assert_eq!(
            Rejection::from_result(Some(Api::CreateGroup), "parameter error"),
            Rejection::Unspecified {
                text: "parameter error".into()
            }
        );
    }

    #[test]
    fn old_style_rate_limit_text_gives_the_remaining_wait() {
        let e = explain(
            Vendor::Daoke,
            Some(Api::InviteUserJoin),
            RATE_LIMITED,
            Some("42"),
        );
        assert!(e.meaning.en.contains("42 s ago"), "{}", e.meaning.en);
        assert!(e.remedy.en.contains("559 more seconds"), "{}", e.remedy.en);
        let e = explain(
            Vendor::Daoke,
            Some(Api::InviteUserJoin),
            RATE_LIMITED,
            Some("ERROR"),
        );
        assert!(
            e.remedy.en.contains("more than 600 seconds"),
            "{}",
            e.remedy.en
        );
    }
}
