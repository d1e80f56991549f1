//! Tolerant decoding of both vendors' reply envelopes (spec §7).
//!
//! [`decode_reply`] takes the reply body as text and always returns a [`Reply`]: the
//! vendor's code, whether it means success, the structured result ([`Outcome`]) and a
//! bilingual meaning and remedy from the [`catalogue`]. It never panics
//! and never rejects input: a body that is not a vendor envelope (empty, HTML, garbage,
//! the sandbox's own HTTP-level texts) becomes [`Outcome::Unrecognised`] with the reason.
//!
//! The rules of spec §7:
//! * success is decided **solely** on the code being the string `"0"` (daoke `ERRORCODE`,
//!   YTX `statusCode`), never on the text, which differs between the seeds and the server;
//! * the body is parsed as JSON whatever its media type, after a byte-order mark and
//!   surrounding white space are dropped;
//! * the daoke server inserts `RESULT` texts without JSON escaping, so when the body is not
//!   valid JSON the code is taken from the first match of `"ERRORCODE"\s*:\s*"([^"]*)"` and
//!   the rest is kept as opaque text (this also reads seed 002's `'ok'`).

use serde_json::{Map, Value};

use crate::api::{Api, Vendor};
use crate::catalogue::{self, sentences};
use crate::text::{Bilingual, Lang};

/// One applicant in a verifyApplyJoiningMember result.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicantStatus {
    /// The applicant (`accountID` in the result).
    pub account_id: String,
    /// `0`: processed; `-1`: no pending application for this group (see [`Self::meaning`]).
    pub status: i64,
}

impl ApplicantStatus {
    /// Status of an applicant whose pending application was approved or rejected.
    pub const PROCESSED: i64 = 0;
    /// Status of an applicant without a pending application (nothing was done).
    pub const NOT_PENDING: i64 = -1;

    /// What the status means for this applicant. The server uses 0 and -1 only; seed 001's
    /// "0 = failure, 1 = success" is wrong (spec §12).
    pub fn meaning(&self) -> Bilingual {
        let id = &self.account_id;
        match self.status {
            Self::PROCESSED => Bilingual::owned(
                format!("{id}: processed: the pending application was approved or rejected as requested."),
                format!("{id}：已处理：待审核的申请已按要求批准或拒绝。"),
            ),
            Self::NOT_PENDING => Bilingual::owned(
                format!("{id}: no pending application for this group; nothing was done."),
                format!("{id}：该集团没有此人待审核的申请，未做任何处理。"),
            ),
            other => Bilingual::owned(
                format!("{id}: unexpected status {other} (the server returns only 0 or -1)."),
                format!("{id}：意外的状态 {other}（服务器只返回 0 或 -1）。"),
            ),
        }
    }
}

/// The structured meaning of a reply.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Outcome {
    /// createGroup succeeded: `RESULT` `{"groupID": …}` (an opaque id of ≤ 16 characters).
    GroupCreated {
        /// The new group's id.
        group_id: String,
    },
    /// verifyApplyJoiningMember succeeded: one entry per non-empty applicant, in request order.
    Verified {
        /// The applicants and their statuses.
        applicants: Vec<ApplicantStatus>,
    },
    /// applyMicroChannel succeeded (`RESULT` `"ok!"`): the application waits for approval.
    ChannelApplied,
    /// inviteUserJoin succeeded: `RESULT` `{"count": N}`, the invitations sent.
    Invited {
        /// Number of invitation weibos sent successfully.
        count: u64,
    },
    /// YTX inviteMeeting succeeded.
    MeetingInvited {
        /// The platform's id of the request (16 digits in the examples).
        request_id: String,
    },
    /// Success whose result is `"ok!"` or has a shape the endpoint does not document.
    Ok,
    /// The vendor answered with a failure code.
    Failed {
        /// `ERRORCODE` / `statusCode`.
        code: String,
        /// `RESULT` text / `statusMsg`, when there is one.
        detail: Option<String>,
    },
    /// The text is not a reply envelope of the expected vendor.
    Unrecognised {
        /// Why, in both languages.
        reason: Bilingual,
    },
}

/// A decoded reply.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reply {
    /// Whose envelope it was read as.
    pub vendor: Vendor,
    /// The endpoint that answered, when the caller said.
    pub api: Option<Api>,
    /// Whether the code is exactly `"0"`.
    pub ok: bool,
    /// `ERRORCODE` / `statusCode`, when one was found.
    pub code: Option<String>,
    /// The structured meaning.
    pub outcome: Outcome,
    /// What happened, in both languages.
    pub meaning: Bilingual,
    /// What to do (empty when there is nothing to do).
    pub remedy: Bilingual,
    /// The request parameter the reply blames (for a `ME01023`, the parameter the server
    /// named, translated back to the request's name: verify's `accountID` is
    /// `creatorAccountID`, `cityCode` is `channelCityCode`, `DEFAULT_ERROR` is `customType`).
    pub field: Option<String>,
    /// A remark about the reply's form: read by the fallback scan because it was not
    /// valid JSON, or a success whose result has an undocumented shape.
    pub note: Option<Bilingual>,
    /// The payload: daoke `RESULT` (a string, object or array), the whole YTX reply object;
    /// when the body was not valid JSON, the best-effort text of `RESULT` / `statusMsg`.
    pub result: Option<Value>,
    /// The reply body exactly as received.
    pub raw: String,
}

impl Reply {
    /// A one-line plain summary in `lang`: the endpoint, success or failure with its code,
    /// the meaning and the remedy. Control characters from the server's text become spaces.
    pub fn summary(&self, lang: Lang) -> String {
        let label = self.api.map_or_else(|| vendor_name(self.vendor), Api::name);
        let meaning = self.meaning.get(lang);
        let remedy = self.remedy.get(lang);
        let line = match (&self.outcome, lang) {
            (Outcome::Failed { code, .. }, Lang::En) => {
                format!("{label}: failed with {code}: {meaning} Remedy: {remedy}")
            }
            (Outcome::Failed { code, .. }, Lang::Zh) => {
                format!("{label}：失败，错误码 {code}：{meaning} 解决办法：{remedy}")
            }
            (Outcome::Unrecognised { .. }, Lang::En) => {
                format!("{label}: unrecognised reply: {meaning} Remedy: {remedy}")
            }
            (Outcome::Unrecognised { .. }, Lang::Zh) => {
                format!("{label}：无法识别的回复：{meaning} 解决办法：{remedy}")
            }
            (_, Lang::En) if !remedy.is_empty() => format!("{label}: {meaning} {remedy}"),
            (_, Lang::Zh) if !remedy.is_empty() => format!("{label}：{meaning}{remedy}"),
            (_, Lang::En) => format!("{label}: {meaning}"),
            (_, Lang::Zh) => format!("{label}：{meaning}"),
        };
        line.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    }
}

impl core::fmt::Display for Reply {
    /// [`Reply::summary`] in English.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.summary(Lang::En))
    }
}

/// Decodes the reply of `vendor` (from `api`, when known) to its meaning. Never panics.
///
/// `api` refines the result: the shape a success is expected to have, and the
/// endpoint-specific remedies. Without it the success shape is recognised by its keys.
pub fn decode_reply(api: Option<Api>, vendor: Vendor, text: &str) -> Reply {
    let decoded = match read_envelope(vendor, text) {
        Ok(envelope) => interpret(api, vendor, envelope),
        Err(unreadable) => {
            let reason = unreadable.meaning(vendor);
            Decoded {
                ok: false,
                code: None,
                meaning: reason.clone(),
                outcome: Outcome::Unrecognised { reason },
                remedy: unreadable.remedy(),
                field: None,
                note: None,
                result: None,
            }
        }
    };
    Reply {
        vendor,
        api,
        ok: decoded.ok,
        code: decoded.code,
        outcome: decoded.outcome,
        meaning: decoded.meaning,
        remedy: decoded.remedy,
        field: decoded.field,
        note: decoded.note,
        result: decoded.result,
        raw: text.to_owned(),
    }
}

/// [`decode_reply`] for a known endpoint, reading its vendor's envelope.
pub fn decode_reply_for(api: Api, text: &str) -> Reply {
    decode_reply(Some(api), api.vendor(), text)
}

/// Everything of a [`Reply`] except what the caller passed in.
struct Decoded {
    ok: bool,
    code: Option<String>,
    outcome: Outcome,
    meaning: Bilingual,
    remedy: Bilingual,
    field: Option<String>,
    note: Option<Bilingual>,
    result: Option<Value>,
}

/// The names of a vendor's envelope fields.
struct Keys {
    /// The code: success is exactly `"0"`.
    code: &'static str,
    /// The text: daoke `RESULT` (text or structured result), YTX `statusMsg`.
    text: &'static str,
}

const fn keys(vendor: Vendor) -> Keys {
    match vendor {
        Vendor::Daoke => Keys {
            code: "ERRORCODE",
            text: "RESULT",
        },
        Vendor::Ytx => Keys {
            code: "statusCode",
            text: "statusMsg",
        },
    }
}

const fn other_vendor(vendor: Vendor) -> Vendor {
    match vendor {
        Vendor::Daoke => Vendor::Ytx,
        Vendor::Ytx => Vendor::Daoke,
    }
}

fn vendor_name(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Daoke => "daoke",
        Vendor::Ytx => "YTX",
    }
}

/// The YTX success field.
const REQUEST_ID: &str = "requestId";

/// An envelope whose code could be read.
struct Envelope {
    code: String,
    /// The envelope as a JSON object; `None` when it was read by the fallback scan.
    object: Option<Map<String, Value>>,
    /// The body without its byte-order mark and surrounding white space.
    body: String,
}

impl Envelope {
    /// The text a failure carries: `RESULT` / `statusMsg` (a non-string value as JSON).
    fn text(&self, vendor: Vendor) -> Option<String> {
        let key = keys(vendor).text;
        match &self.object {
            Some(object) => match object.get(key) {
                None | Some(Value::Null) => None,
                Some(Value::String(text)) => Some(text.clone()),
                Some(other) => Some(other.to_string()),
            },
            // daoke writes RESULT last and unescaped, so its text runs to the closing
            // brace; YTX writes statusMsg between other fields.
            None => match vendor {
                Vendor::Daoke => scan_text(&self.body, key),
                Vendor::Ytx => scan_string_field(&self.body, key),
            }
            .map(str::to_owned),
        }
    }

    /// What [`Reply::result`] holds.
    fn payload(&self, vendor: Vendor) -> Option<Value> {
        match (&self.object, vendor) {
            (Some(_), Vendor::Daoke) => self.result_value(vendor).cloned(),
            (Some(object), Vendor::Ytx) => Some(Value::Object(object.clone())),
            (None, _) => self.text(vendor).map(Value::String),
        }
    }

    /// The JSON value of `RESULT` / `statusMsg`; `None` when absent or not valid JSON.
    fn result_value(&self, vendor: Vendor) -> Option<&Value> {
        self.object.as_ref()?.get(keys(vendor).text)
    }

    /// A string field of the envelope, e.g. the YTX `requestId`.
    fn string_field(&self, key: &str) -> Option<String> {
        match &self.object {
            Some(object) => object.get(key).and_then(Value::as_str).map(str::to_owned),
            None => scan_string_field(&self.body, key).map(str::to_owned),
        }
    }
}

/// Why a text is not a reply envelope.
enum Unreadable {
    Empty,
    SandboxNoEndpoint,
    SandboxBodyTooLarge,
    Html,
    NotJson,
    NotAnObject,
    OtherVendor,
    MissingCode,
    CodeNotString(String),
}

/// The sandbox's HTTP 404 body (spec §10.1, sandbox-defined), without its LF.
const SANDBOX_NO_ENDPOINT: &str = "sandbox: no such endpoint";
/// The sandbox's HTTP 413 body (spec §10.1, sandbox-defined), without its LF.
const SANDBOX_BODY_TOO_LARGE: &str = "sandbox: request body too large";

impl Unreadable {
    fn meaning(&self, vendor: Vendor) -> Bilingual {
        let Keys { code, .. } = keys(vendor);
        let name = vendor_name(vendor);
        match self {
            Unreadable::Empty => Bilingual::new(
                "The reply body is empty.",
                "回复内容为空。",
            ),
            Unreadable::SandboxNoEndpoint => Bilingual::new(
                "The sandbox has no endpoint at this path (its HTTP 404 answer, \"sandbox: no \
                 such endpoint\").",
                "沙箱在该路径上没有接口（沙箱的 HTTP 404 回答 \"sandbox: no such endpoint\"）。",
            ),
            Unreadable::SandboxBodyTooLarge => Bilingual::new(
                "The sandbox refused the request because its body is larger than its limit \
                 (sandbox.maxBodyBytes, 1048576 bytes by default; HTTP 413, \"sandbox: request \
                 body too large\").",
                "请求体超过沙箱上限（sandbox.maxBodyBytes，默认1048576字节），沙箱拒绝了请求\
                 （HTTP 413，\"sandbox: request body too large\"）。",
            ),
            Unreadable::Html => Bilingual::new(
                "The reply is an HTML page, not the vendor's JSON envelope: most likely an error \
                 page of nginx or of a proxy (wrong host or path, 404, 502).",
                "回复是 HTML 页面而不是厂商的 JSON 信封：很可能是 nginx 或代理的错误页面（主机或路径错误、404、502）。",
            ),
            Unreadable::NotJson => Bilingual::owned(
                format!("The reply is not JSON and contains no \"{code}\": \"…\"; it is not a {name} reply."),
                format!("回复不是 JSON，也不含 \"{code}\": \"…\"，不是{name}的回复。"),
            ),
            Unreadable::NotAnObject => Bilingual::owned(
                format!("The reply is JSON but not an object, so it has no {code}."),
                format!("回复是 JSON，但不是对象，因此没有 {code}。"),
            ),
            Unreadable::OtherVendor => {
                let other = other_vendor(vendor);
                let other_code = keys(other).code;
                let other_name = vendor_name(other);
                Bilingual::owned(
                    format!(
                        "This is a {other_name} reply (it has {other_code}), not a {name} one \
                         (no {code})."
                    ),
                    format!("这是{other_name}的回复（含 {other_code}），不是{name}的回复（没有 {code}）。"),
                )
            }
            Unreadable::MissingCode => Bilingual::owned(
                format!("The reply is a JSON object without {code}."),
                format!("回复是 JSON 对象，但没有 {code}。"),
            ),
            Unreadable::CodeNotString(value) => Bilingual::owned(
                format!(
                    "{code} is {value}, not a string: the vendor always sends a string, and \
                     success is only the string \"0\"."
                ),
                format!("{code} 的值为 {value}，不是字符串：厂商总是发送字符串，只有字符串 \"0\" 表示成功。"),
            ),
        }
    }

    fn remedy(&self) -> Bilingual {
        match self {
            Unreadable::SandboxNoEndpoint => Bilingual::new(
                "Check the request path: it must be one of the endpoint paths exactly \
                 (daoke /weiboapi/v2/…, /clientcustom/v2/…; YTX /{version}/sid/{accountSID}/…).",
                "请检查请求路径：必须与接口路径完全一致（道客 /weiboapi/v2/…、/clientcustom/v2/…；\
                 云讯 /{version}/sid/{accountSID}/…）。",
            ),
            Unreadable::SandboxBodyTooLarge => Bilingual::new(
                "Send a smaller body (the daoke servers treat bodies over 8192 bytes as no body).",
                "请发送更小的请求体（道客服务器把超过8192字节的请求体视为没有请求体）。",
            ),
            Unreadable::OtherVendor => Bilingual::new(
                "Check which endpoint you called, and decode the reply as that endpoint's.",
                "请确认调用的是哪个接口，并按该接口的格式解析回复。",
            ),
            Unreadable::Empty
            | Unreadable::Html
            | Unreadable::NotJson
            | Unreadable::NotAnObject
            | Unreadable::MissingCode
            | Unreadable::CodeNotString(_) => Bilingual::new(
                "Treat the request as failed. Check the host, the path and any proxy in between, \
                 and look at the raw reply.",
                "请按失败处理。检查主机、路径以及中间的代理，并查看原始回复。",
            ),
        }
    }
}

/// Finds the code of `vendor`'s envelope in `text`: JSON first, the fallback scan when the
/// text is not valid JSON.
fn read_envelope(vendor: Vendor, text: &str) -> Result<Envelope, Unreadable> {
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .trim_matches(|c: char| c.is_whitespace());
    match body {
        "" => return Err(Unreadable::Empty),
        SANDBOX_NO_ENDPOINT => return Err(Unreadable::SandboxNoEndpoint),
        SANDBOX_BODY_TOO_LARGE => return Err(Unreadable::SandboxBodyTooLarge),
        _ if body.starts_with('<') => return Err(Unreadable::Html),
        _ => {}
    }
    let code_key = keys(vendor).code;
    let other_code_key = keys(other_vendor(vendor)).code;
    let envelope = |code: &str, object| Envelope {
        code: code.to_owned(),
        object,
        body: body.to_owned(),
    };
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(object)) => match object.get(code_key) {
            Some(Value::String(code)) => Ok(envelope(&code.clone(), Some(object))),
            Some(other) => Err(Unreadable::CodeNotString(other.to_string())),
            None if object.contains_key(other_code_key) => Err(Unreadable::OtherVendor),
            None => Err(Unreadable::MissingCode),
        },
        Ok(_) => Err(Unreadable::NotAnObject),
        Err(_) => match scan_string_field(body, code_key) {
            Some(code) => Ok(envelope(code, None)),
            None if scan_string_field(body, other_code_key).is_some() => {
                Err(Unreadable::OtherVendor)
            }
            None => Err(Unreadable::NotJson),
        },
    }
}

/// The code's meaning, the structured outcome and the remedy.
fn interpret(api: Option<Api>, vendor: Vendor, envelope: Envelope) -> Decoded {
    let lenient_note = envelope.object.is_none().then(|| {
        Bilingual::new(
            "The reply is not valid JSON (the server inserts its texts without escaping); its \
             code was read by the fallback scan of spec §7.1 and the rest kept as text.",
            "回复不是合法的 JSON（服务器插入文字时未转义）；已按规范 §7.1 的后备方法读取错误码，\
             其余内容按原文保留。",
        )
    });
    let result = envelope.payload(vendor);
    if envelope.code == catalogue::SUCCESS {
        let success = success(api, vendor, &envelope);
        let note = match (lenient_note, success.shape_note) {
            (Some(lenient), Some(shape)) => Some(sentences(&lenient, &shape)),
            (lenient, shape) => lenient.or(shape),
        };
        return Decoded {
            ok: true,
            code: Some(envelope.code),
            outcome: success.outcome,
            meaning: success.meaning,
            remedy: success.remedy,
            field: None,
            note,
            result,
        };
    }
    let detail = envelope.text(vendor);
    let explanation = catalogue::explain(vendor, api, &envelope.code, detail.as_deref());
    Decoded {
        ok: false,
        code: Some(envelope.code.clone()),
        outcome: Outcome::Failed {
            code: envelope.code,
            detail,
        },
        meaning: explanation.meaning,
        remedy: explanation.remedy,
        field: explanation.field,
        note: lenient_note,
        result,
    }
}

/// A success, read as far as its result allows.
struct Success {
    outcome: Outcome,
    meaning: Bilingual,
    remedy: Bilingual,
    /// Set when the result does not have the shape `api` documents.
    shape_note: Option<Bilingual>,
}

fn success(api: Option<Api>, vendor: Vendor, envelope: &Envelope) -> Success {
    let outcome = match vendor {
        Vendor::Ytx => envelope
            .string_field(REQUEST_ID)
            .filter(|id| !id.is_empty())
            .map(|request_id| Outcome::MeetingInvited { request_id }),
        Vendor::Daoke => match (api, envelope.result_value(vendor)) {
            // Spec §7.1: the text of a success is never evidence; the code is.
            (Some(Api::ApplyMicroChannel), _) => Some(Outcome::ChannelApplied),
            (_, Some(result)) => daoke_result_shape(result)
                .filter(|outcome| api.is_none() || expected_api(outcome) == api),
            (_, None) => None,
        },
    };
    let shape_note = match (&outcome, api) {
        (None, Some(api)) if api != Api::ApplyMicroChannel => Some(Bilingual::owned(
            format!(
                "The call succeeded, but its result does not have the shape {api} documents; \
                 it is kept as received."
            ),
            format!("调用成功，但结果的格式与 {api} 的文档不符，已按原样保留。"),
        )),
        _ => None,
    };
    let outcome = outcome.unwrap_or(Outcome::Ok);
    let (meaning, remedy) = success_meaning(vendor, &outcome);
    Success {
        outcome,
        meaning,
        remedy,
        shape_note,
    }
}

/// Recognises the structured daoke results by their keys (spec §10.7).
fn daoke_result_shape(result: &Value) -> Option<Outcome> {
    match result {
        Value::Object(object) => {
            if let Some(group_id) = object.get("groupID").and_then(Value::as_str) {
                Some(Outcome::GroupCreated {
                    group_id: group_id.to_owned(),
                })
            } else {
                object
                    .get("count")
                    .and_then(Value::as_u64)
                    .map(|count| Outcome::Invited { count })
            }
        }
        Value::Array(items) => items
            .iter()
            .map(|item| {
                let account_id = item.get("accountID")?.as_str()?.to_owned();
                let status = item.get("status")?.as_i64()?;
                Some(ApplicantStatus { account_id, status })
            })
            .collect::<Option<Vec<_>>>()
            .map(|applicants| Outcome::Verified { applicants }),
        _ => None,
    }
}

/// The endpoint whose success has this shape.
fn expected_api(outcome: &Outcome) -> Option<Api> {
    match outcome {
        Outcome::GroupCreated { .. } => Some(Api::CreateGroup),
        Outcome::Verified { .. } => Some(Api::VerifyApplyJoiningMember),
        Outcome::ChannelApplied => Some(Api::ApplyMicroChannel),
        Outcome::Invited { .. } => Some(Api::InviteUserJoin),
        Outcome::MeetingInvited { .. } => Some(Api::InviteMeeting),
        Outcome::Ok | Outcome::Failed { .. } | Outcome::Unrecognised { .. } => None,
    }
}

/// Meaning and remedy of a success.
fn success_meaning(vendor: Vendor, outcome: &Outcome) -> (Bilingual, Bilingual) {
    let none = Bilingual::new("", "");
    match outcome {
        Outcome::GroupCreated { group_id } => (
            Bilingual::owned(
                format!("Success: the group was created, groupID {group_id}."),
                format!("调用成功：集团已创建，groupID 为 {group_id}。"),
            ),
            none,
        ),
        Outcome::Verified { applicants } => verified_meaning(applicants),
        Outcome::ChannelApplied => (
            Bilingual::new(
                "Success: the channel application was submitted and waits for approval.",
                "调用成功：微频道申请已提交，等待审核。",
            ),
            none,
        ),
        Outcome::Invited { count: 0 } => (
            Bilingual::new(
                "Success: no invitation was needed, because every online user was skipped (or \
                 nobody was online); the 600-second rate limit started anyway.",
                "调用成功：所有在线用户都被跳过（或没有在线用户），没有发送邀请；600秒的频率限制仍然开始计时。",
            ),
            none,
        ),
        Outcome::Invited { count } => (
            Bilingual::owned(
                format!("Success: {count} invitation(s) sent."),
                format!("调用成功：已成功发送 {count} 条邀请微博。"),
            ),
            none,
        ),
        Outcome::MeetingInvited { request_id } => (
            Bilingual::owned(
                format!("Success: the meeting invitation was submitted, requestId {request_id}."),
                format!("提交成功：会议邀请已提交，requestId 为 {request_id}。"),
            ),
            none,
        ),
        Outcome::Ok | Outcome::Failed { .. } | Outcome::Unrecognised { .. } => {
            let meaning = catalogue::lookup(vendor, catalogue::SUCCESS).map_or_else(
                || Bilingual::new("Success.", "调用成功。"),
                |entry| entry.meaning.clone(),
            );
            (meaning, none)
        }
    }
}

fn verified_meaning(applicants: &[ApplicantStatus]) -> (Bilingual, Bilingual) {
    let total = applicants.len();
    let processed = applicants
        .iter()
        .filter(|a| a.status == ApplicantStatus::PROCESSED)
        .count();
    let not_pending = applicants
        .iter()
        .filter(|a| a.status == ApplicantStatus::NOT_PENDING)
        .count();
    let meaning = Bilingual::owned(
        format!(
            "Success: {total} applicant(s): {processed} processed, {not_pending} without a \
             pending application."
        ),
        format!("调用成功：共 {total} 个申请人，{processed} 个已处理，{not_pending} 个没有待审核的申请。"),
    );
    let remedy = if not_pending == 0 {
        Bilingual::new("", "")
    } else {
        Bilingual::new(
            "Nothing was done for the applicants with status -1: they had no pending \
             application for this group. Check their accountIDs and the groupID.",
            "状态为 -1 的申请人没有向该集团提交待审核的申请，未做任何处理。请检查他们的 accountID 和 groupID。",
        )
    };
    (meaning, remedy)
}

/// The first match of the pattern `"KEY"\s*:\s*"([^"]*)"` in `text` (hand-written: the
/// crate has no regex engine), as spec §7.1 prescribes when the envelope is not valid JSON.
fn scan_string_field<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let quoted = format!("\"{key}\"");
    text.match_indices(&quoted).find_map(|(at, _)| {
        let rest = after_colon(text.get(at + quoted.len()..)?)?;
        let (value, _) = rest.strip_prefix('"')?.split_once('"')?;
        Some(value)
    })
}

/// Best effort at the text after `"KEY":` in an envelope that is not valid JSON: the rest
/// of the body up to the closing brace, without the quotes around it (double quotes as
/// the server writes them, single quotes as seed 002 does). The server writes this key
/// last, so the text runs to the end; an unescaped `"` inside stays part of it.
fn scan_text<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let quoted = format!("\"{key}\"");
    let rest = text
        .match_indices(&quoted)
        .find_map(|(at, _)| after_colon(text.get(at + quoted.len()..)?))?;
    let rest = rest.strip_suffix('}').unwrap_or(rest).trim_end();
    let unquoted = ['"', '\'']
        .into_iter()
        .find_map(|quote| rest.strip_prefix(quote)?.strip_suffix(quote));
    Some(unquoted.unwrap_or(rest))
}

/// `text` after `\s*:\s*`, or `None` when it does not start like that.
fn after_colon(text: &str) -> Option<&str> {
    Some(text.trim_start().strip_prefix(':')?.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_the_first_matching_occurrence() {
        assert_eq!(
            scan_string_field(r#"{"ERRORCODE" : "ME1", x"#, "ERRORCODE"),
            Some("ME1")
        );
        // An occurrence that does not continue like the pattern is skipped.
        assert_eq!(
            scan_string_field(r#""ERRORCODE", "ERRORCODE":"0""#, "ERRORCODE"),
            Some("0")
        );
        assert_eq!(scan_string_field(r#"{"ERRORCODE":0}"#, "ERRORCODE"), None);
        assert_eq!(
            scan_string_field(r#"{"ERRORCODE":"unterminated"#, "ERRORCODE"),
            None
        );
        assert_eq!(
            scan_string_field("\"ERRORCODE\"\n:\t\"\"", "ERRORCODE"),
            Some("")
        );
    }

    #[test]
    fn scan_text_strips_either_quote_and_keeps_inner_quotes() {
        assert_eq!(
            scan_text(r#"{"E":"0", "RESULT":'ok'}"#, "RESULT"),
            Some("ok")
        );
        assert_eq!(
            scan_text(r#"{"E":"1", "RESULT":"a "b" c is error!"}"#, "RESULT"),
            Some(r#"a "b" c is error!"#)
        );
        assert_eq!(
            scan_text(r#"{"E":"1", "RESULT": oops }"#, "RESULT"),
            Some("oops")
        );
        assert_eq!(scan_text(r#"{"E":"1"}"#, "RESULT"), None);
    }
}
