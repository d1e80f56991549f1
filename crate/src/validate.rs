//! `validate(api, params, options) -> Vec<Finding>` (spec §3.1, §3.4).
//!
//! The validator runs the daoke pipeline's steps 1–4 (drop `sign`, canonicalise values,
//! apply the endpoint's omissions in build mode, validate) and gives every parameter at most
//! one finding, the first rule that matches in the spec's precedence order:
//!
//! 1. the request-shape rules (§3.2: bad name, repeated name, `secret`);
//! 2. then the parameter's rules from its endpoint description, which list the absence
//!    rule, the empty-value rule, the ERROR rules and the WARN rules in that order;
//! 3. a name the endpoint does not document gets WARN `advisory`.
//!
//! **Order of the findings**: first the parameters that were sent, in the order of their
//! first occurrence in the (canonical) list; then the documented parameters that were not
//! sent, in description order.
//!
//! **YTX** (inviteMeeting): the parameters model the builder's inputs (spec §11.1), not a
//! daoke form, so the daoke pipeline does not apply: values are checked as given and
//! `sign` is an unknown name like any other. The request-shape rules are: a repeated name is
//! ERROR `request`; an unknown name is WARN `advisory` (inviteMeeting.md).

use crate::api::{Api, Vendor};
use crate::daoke::{canonical_params, DEFAULT_BODY_BUFFER_BYTES};
use crate::endpoint::describe;
use crate::params::Params;
use crate::request::PreparedRequest;
use crate::rules::{FindingClass, Rule, Severity};
use crate::text::Bilingual;
use std::collections::HashSet;

/// What the validator reports about one parameter.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// The parameter name, or [`BODY_FIELD`] for [`validate_daoke_body`]'s finding.
    pub field: String,
    /// ERROR or WARN.
    pub severity: Severity,
    /// Which side disagrees (spec §3.1).
    pub class: FindingClass,
    /// The rule's identifier (`<parameter>.<rule>`, or `request.<rule>` for the generic ones).
    pub rule: &'static str,
    /// The error code the server returns for it, where the spec names one.
    pub server_code: Option<&'static str>,
    /// What is wrong and what to do, in English and Chinese.
    pub message: Bilingual,
}

impl Finding {
    fn from_rule(field: &str, rule: &'static Rule) -> Finding {
        Finding {
            field: field.to_owned(),
            severity: rule.severity,
            class: rule.class,
            rule: rule.id,
            server_code: rule.server_code,
            message: rule.message.clone(),
        }
    }

    fn generic(
        field: &str,
        severity: Severity,
        class: FindingClass,
        rule: &'static str,
        message: Bilingual,
    ) -> Finding {
        Finding {
            field: field.to_owned(),
            severity,
            class,
            rule,
            server_code: None,
            message,
        }
    }
}

impl core::fmt::Display for Finding {
    /// `field: severity (class[, code]) — English / 中文`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {} ({}", self.field, self.severity, self.class)?;
        if let Some(code) = self.server_code {
            write!(f, ", {code}")?;
        }
        write!(f, ") — {}", self.message)
    }
}

/// Which pipeline steps run before validation (spec §3.4).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Steps 1–4: the list the builder will sign and send (createGroup and
    /// verifyApplyJoiningMember omit an empty `callbackURL`).
    #[default]
    Build,
    /// Steps 1, 2 and 4: a list that is sent exactly as it is (a captured request).
    Raw,
}

/// How to validate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidateOptions {
    /// Build or raw mode.
    #[serde(default)]
    pub mode: Mode,
    /// The validator's clock in Unix seconds, for the YTX 24-hour timestamp window;
    /// `None` skips that check.
    #[serde(default)]
    pub now: Option<i64>,
}

/// Validates `params` for `api` (spec §3): at most one finding per parameter name, in the
/// order described in the module documentation.
pub fn validate(api: Api, params: &Params, options: &ValidateOptions) -> Vec<Finding> {
    let description = describe(api);
    let vendor = api.vendor();
    let list = match vendor {
        // Pipeline steps 1–3 with the builder's own function; raw mode has no omissions.
        Vendor::Daoke => match options.mode {
            Mode::Build => canonical_params(Some(api), params),
            Mode::Raw => canonical_params(None, params),
        },
        Vendor::Ytx => params.clone(),
    };
    let mut findings: Vec<Finding> = distinct_names(&list)
        .filter_map(|name| {
            if let Some(finding) = request_shape(vendor, name, &list) {
                return Some(finding);
            }
            match description.param(name) {
                Some(param) => param
                    .first_match(list.get(name), options.now)
                    .map(|rule| Finding::from_rule(name, rule)),
                None => Some(unknown_name(vendor, api, name)),
            }
        })
        .collect();
    findings.extend(
        description
            .params
            .iter()
            .filter(|param| !list.contains(param.name))
            .filter_map(|param| {
                param
                    .first_match(None, options.now)
                    .map(|rule| Finding::from_rule(param.name, rule))
            }),
    );
    findings
}

/// Validates a daoke request that is not tied to an endpoint (`api = null`): pipeline
/// steps 1 and 2, then only the generic request-shape rules of spec §3.2 (bad name,
/// repeated name, `secret`). Findings are in order of first occurrence.
pub fn validate_generic(params: &Params) -> Vec<Finding> {
    let list = params.canonicalised();
    distinct_names(&list)
        .filter_map(|name| request_shape(Vendor::Daoke, name, &list))
        .collect()
}

/// The `field` of a finding about the whole body rather than one parameter. It is never a
/// parameter name: parentheses are not allowed in names (§3.2).
pub const BODY_FIELD: &str = "(body)";

/// The body check of a built daoke request (spec §5.2, "keep request bodies small"): WARN
/// `request.bodySize` (server-only, `ME01024`) when the body is longer than the vendor's
/// nginx body buffer, [`DEFAULT_BODY_BUFFER_BYTES`] — the handler then reads no body at all.
///
/// The parameter rules cannot see this, because the size depends on the encoding, the
/// boundary and the file part: call it on the request `build_daoke_request` returns, after
/// [`validate`]. It is a warning, not an error, because the vendor's documents set no limit
/// (§3.1). YTX requests have no documented or observed limit; do not call it for them.
pub fn validate_daoke_body(request: &PreparedRequest) -> Option<Finding> {
    let size = request.body.len();
    if size <= DEFAULT_BODY_BUFFER_BYTES {
        return None;
    }
    Some(Finding {
        field: BODY_FIELD.to_owned(),
        severity: Severity::Warn,
        class: FindingClass::ServerOnly,
        rule: "request.bodySize",
        server_code: Some("ME01024"),
        message: Bilingual::owned(
            format!("the body is {size} bytes, more than the {DEFAULT_BODY_BUFFER_BYTES} the server's nginx keeps in memory — the handler then reads no body and answers ME01024 \"http body is null!\"; shorten the values (a Chinese character takes 9 bytes in a form body, 3 in multipart) or send fewer parameters"),
            format!("请求体有 {size} 字节，超过服务器 nginx 在内存中保留的 {DEFAULT_BODY_BUFFER_BYTES} 字节 —— 处理程序将读不到请求体并返回 ME01024 \"http body is null!\"；请缩短参数值（一个汉字在表单编码中占 9 字节，在 multipart 中占 3 字节）或少发参数"),
        ),
    })
}

/// Whether any finding is an ERROR (the request should not be sent as it is).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// The names of `list`, each once, in order of first occurrence.
fn distinct_names(list: &Params) -> impl Iterator<Item = &str> {
    let mut seen = HashSet::new();
    list.iter()
        .map(|(name, _)| name)
        .filter(move |name| seen.insert(*name))
}

/// Whether `name` matches `^[A-Za-z0-9_]+$`, the names the daoke multipart parser recognises.
fn is_valid_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The generic request-shape rules (spec §3.2; for YTX only the repeated name).
fn request_shape(vendor: Vendor, name: &str, list: &Params) -> Option<Finding> {
    let error = |rule, message| {
        Some(Finding::generic(
            name,
            Severity::Error,
            FindingClass::Request,
            rule,
            message,
        ))
    };
    if vendor == Vendor::Daoke && !is_valid_name(name) {
        return error(
            "request.badName",
            Bilingual::owned(
                format!("parameter name {name:?} is not made of ASCII letters, digits and _ (^[A-Za-z0-9_]+$) — the server's multipart parser does not recognise it and the form parser does not decode names, so the request cannot be signed as intended; rename it"),
                format!("参数名 {name:?} 不是只由 ASCII 字母、数字和 _ 组成（^[A-Za-z0-9_]+$）—— 服务器的 multipart 解析器无法识别，表单解析器也不解码参数名，请求无法按预期签名；请改名"),
            ),
        );
    }
    if list.count(name) > 1 {
        return error(
            "request.repeatedName",
            Bilingual::owned(
                format!("parameter {name:?} is given more than once — only one value can be used (the daoke parsers keep the last one, or leave a repeated form field out of the signature), so the request would not be the one you meant; give it once"),
                format!("参数 {name:?} 出现了不止一次 —— 只能使用一个值（道客的解析器保留最后一个，或把重复的表单字段排除在签名之外），请求将不是你想要的那样；每个参数只给一次"),
            ),
        );
    }
    if vendor == Vendor::Daoke && name == "secret" {
        return error(
            "request.secret",
            Bilingual::new(
                "a parameter called secret is not allowed — the signer inserts the app secret under that name itself; give the app secret to the signer, not as a parameter",
                "不允许名为 secret 的参数 —— 签名程序会自己以该名称插入应用密钥；请把应用密钥交给签名程序，而不是作为参数传入",
            ),
        );
    }
    None
}

/// A name the endpoint does not document: WARN `advisory`.
fn unknown_name(vendor: Vendor, api: Api, name: &str) -> Finding {
    let message = match vendor {
        Vendor::Daoke => Bilingual::owned(
            format!("parameter {name:?} is not documented for {api} — it is signed and sent, and the server may ignore or reject it; check the spelling or remove it"),
            format!("参数 {name:?} 不在 {api} 的文档中 —— 它会参与签名并被发送，服务器可能忽略或拒绝；请检查拼写或删除"),
        ),
        Vendor::Ytx => Bilingual::owned(
            format!("parameter {name:?} is not an input of {api} — the request does not carry it (Sign, Authorization, func and funcURL are built, not typed); check the spelling or remove it"),
            format!("参数 {name:?} 不是 {api} 的输入项 —— 请求中不会包含它（Sign、Authorization、func、funcURL 由构建器生成，无需填写）；请检查拼写或删除"),
        ),
    };
    Finding::generic(
        name,
        Severity::Warn,
        FindingClass::Advisory,
        "request.undocumented",
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request_of(body_len: usize) -> PreparedRequest {
        PreparedRequest {
            method: "POST".into(),
            host: "api.daoke.io".into(),
            path: "/mirrtalkapi/v2/createGroup".into(),
            headers: Vec::new(),
            body: vec![b'a'; body_len],
        }
    }

    #[test]
    fn a_body_that_fills_the_buffer_exactly_is_read_one_byte_more_is_not() {
        assert_eq!(validate_daoke_body(&request_of(0)), None);
        assert_eq!(validate_daoke_body(&request_of(8192)), None);
        let warning = validate_daoke_body(&request_of(8193)).expect("over the buffer");
        assert_eq!(warning.field, BODY_FIELD);
        assert_eq!(warning.severity, Severity::Warn);
        assert_eq!(warning.class, FindingClass::ServerOnly);
        assert_eq!(warning.server_code, Some("ME01024"));
        assert!(
            warning.message.en.contains("8193 bytes"),
            "{}",
            warning.message
        );
        assert!(
            warning.message.zh.contains("8193 字节"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn the_body_field_is_never_a_parameter_name() {
        assert!(!is_valid_name(BODY_FIELD));
    }
}
