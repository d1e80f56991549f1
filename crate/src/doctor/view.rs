//! The server's view of a request (spec/doctor.md D2): the endpoint, and what the daoke
//! handler's parser keeps — computed with the server's own parsers (`crate::server`).

use crate::api::{Api, Vendor};
use crate::server::{self, ArgValue, HttpRequest, NothingParsed, Parsed, Route};
use crate::text::Bilingual;

use super::finding::Finding;

/// What kind of value the server keeps for a name (spec §10.1 "Non-string values").
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SeenKind {
    /// A string.
    Text,
    /// A multipart file part (the value shown is its file name).
    File,
    /// A table: a name repeated in an applyMicroChannel form body (values joined with `,`).
    Table,
    /// `true`: a name without `=` in an applyMicroChannel form body.
    True,
}

/// One entry of what the server sees.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Seen {
    /// The name the server keys it under.
    pub name: String,
    /// The value it keeps (see [`SeenKind`] for non-strings), as text.
    pub value: String,
    /// The value's kind.
    pub kind: SeenKind,
}

impl Seen {
    pub(crate) fn text(name: &str, value: &str) -> Seen {
        Seen {
            name: name.to_owned(),
            value: value.to_owned(),
            kind: SeenKind::Text,
        }
    }
}

/// The endpoint a request is diagnosed as (D1): the path's route, or `api` when given
/// (which wins over a disagreeing path, with an `api-mismatch` finding).
pub fn endpoint(
    request: &HttpRequest,
    api: Option<Api>,
    findings: &mut Vec<Finding>,
) -> Option<Api> {
    let routed = match server::route(request.path()) {
        Route::Daoke(daoke) => Some(daoke.api()),
        Route::Ytx => Some(Api::InviteMeeting),
        Route::Unknown => None,
    };
    match (api, routed) {
        (Some(api), Some(routed)) if api == routed => Some(api),
        (Some(api), routed) => {
            let served = routed.map_or("no endpoint (404)", Api::name);
            findings.push(Finding::capture(
                "api-mismatch",
                Bilingual::from_pieces(
                    &[
                        "The path ",
                        request.path(),
                        " is served by ",
                        served,
                        "; diagnosed as ",
                        api.name(),
                        " as asked. Check the URL your code calls.",
                    ],
                    &[
                        "路径 ",
                        request.path(),
                        " 对应 ",
                        served,
                        "；按要求以 ",
                        api.name(),
                        " 诊断。请检查代码调用的 URL。",
                    ],
                ),
            ));
            Some(api)
        }
        (None, routed) => {
            if routed.is_none() {
                findings.push(Finding::capture(
                    "no-endpoint",
                    Bilingual::from_pieces(
                        &["No endpoint is served at ", request.path(), " (the server answers 404); the paths are /weiboapi/v2/createGroup, /weiboapi/v2/verifyApplyJoiningMember, /clientcustom/v2/applyMicroChannel, /clientcustom/v2/inviteUserJoin and /{version}/sid/{accountSID}/call/TeleMeeting.wx. Choose the API if the path is right."],
                        &["路径 ", request.path(), " 没有对应的接口（服务器返回 404）；接口路径为 /weiboapi/v2/createGroup、/weiboapi/v2/verifyApplyJoiningMember、/clientcustom/v2/applyMicroChannel、/clientcustom/v2/inviteUserJoin 和 /{version}/sid/{accountSID}/call/TeleMeeting.wx。如路径无误请选择 API。"],
                    ),
                ));
            }
            routed
        }
    }
}

/// The daoke body as `api`'s handler parses it (the server's parser choice and limits).
pub fn daoke_body(api: Api, request: &HttpRequest) -> Result<Parsed, NothingParsed> {
    match crate::api::DaokeApi::new(api) {
        Some(daoke) => server::parse_daoke_body(daoke, request, server::DEFAULT_BODY_BUFFER_BYTES),
        None => Err(NothingParsed::EmptyBody),
    }
}

/// D2 `serverSees`: each name once, at its first occurrence, with the value kept.
pub fn server_sees(parsed: &Parsed) -> Vec<Seen> {
    parsed
        .kept_in_wire_order()
        .into_iter()
        .map(|(name, value)| {
            let (value, kind) = shown(value);
            Seen {
                name: String::from_utf8_lossy(name).into_owned(),
                value,
                kind,
            }
        })
        .collect()
}

fn shown(value: &ArgValue) -> (String, SeenKind) {
    match value {
        ArgValue::Text(text) => (String::from_utf8_lossy(text).into_owned(), SeenKind::Text),
        ArgValue::File { filename } => (
            String::from_utf8_lossy(filename).into_owned(),
            SeenKind::File,
        ),
        ArgValue::True => ("true".to_owned(), SeenKind::True),
        ArgValue::Table(values) => {
            let texts: Vec<String> = values.iter().map(|v| shown(v).0).collect();
            (texts.join(","), SeenKind::Table)
        }
    }
}

/// The finding that says why the server saw no parameters (D8 "Nothing parsed").
pub fn nothing_parsed(reason: NothingParsed) -> Finding {
    let (en, zh) = match reason {
        NothingParsed::EmptyBody => (
            "The body is empty, so the server sees no parameters (ME01024 http body is null!).",
            "请求体为空，服务器看不到任何参数（ME01024 http body is null!）。",
        ),
        NothingParsed::BodyBuffered => (
            "The body is longer than 8192 bytes: nginx buffers it to a file and the handler sees no body (ME01024). Keep bodies small.",
            "请求体超过 8192 字节：nginx 把它缓存到文件，处理程序看不到请求体（ME01024）。请减小请求体。",
        ),
        NothingParsed::NotPost => (
            "This endpoint reads the body of a POST only; the request uses another method, so the server sees no parameters. Send it with POST.",
            "该接口只读取 POST 请求的请求体；此请求使用了其他方法，服务器看不到任何参数。请使用 POST。",
        ),
        NothingParsed::MultipartRejected => (
            "The header declares boundary= but is not exactly Content-Type: multipart/form-data; boundary=… (or the body has no CRLF), so the server's multipart parser returns nothing (ME01023). Send exactly that header with CRLF line ends.",
            "请求头声明了 boundary=，但不完全是 Content-Type: multipart/form-data; boundary=…（或请求体没有 CRLF），服务器的 multipart 解析器什么也没得到（ME01023）。请严格使用该请求头并以 CRLF 换行。",
        ),
    };
    Finding::capture("nothing-parsed", Bilingual::new(en, zh))
}

/// Whether `api` is a daoke endpoint.
pub fn is_daoke(api: Api) -> bool {
    api.vendor() == Vendor::Daoke
}
