//! The exact bytes of the sandbox's answers (spec §7.1, §10.1, §10.7, §10.8).

use super::HttpResponse;
use crate::api::Vendor;
use crate::catalogue;

/// Media type of `/weiboapi/…` answers (nginx `default_type`).
pub const WEIBOAPI_CONTENT_TYPE: &str = "application/json";
/// Media type of `/clientcustom/…` answers (nginx `default_type`, no charset).
pub const CLIENTCUSTOM_CONTENT_TYPE: &str = "text/plain";
/// Media type of every YTX answer.
pub const YTX_CONTENT_TYPE: &str = "application/json;charset=utf-8";
/// Media type of the sandbox-defined plain-text answers (404, 413).
const PLAIN_TEXT: &str = "text/plain; charset=utf-8";

/// What a daoke handler answers. The server writes its envelope with string formatting,
/// not a JSON encoder: a space after the comma, a trailing LF, and an error text inserted
/// without escaping (so a `"` in it yields invalid JSON, as on the real server).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DaokeEnvelope {
    /// `{"ERRORCODE":"<code>", "RESULT":"<text>"}`
    Error {
        /// The error code, e.g. `ME01023`.
        code: &'static str,
        /// The RESULT text, raw bytes.
        result: Vec<u8>,
    },
    /// `{"ERRORCODE":"0", "RESULT":"ok!"}`
    Ok,
    /// `{"ERRORCODE":"0", "RESULT":<json>}` with a compact JSON object or array.
    Result(String),
}

impl DaokeEnvelope {
    /// The body bytes, trailing LF included.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self {
            DaokeEnvelope::Error { code, result } => {
                out.extend_from_slice(b"{\"ERRORCODE\":\"");
                out.extend_from_slice(code.as_bytes());
                out.extend_from_slice(b"\", \"RESULT\":\"");
                out.extend_from_slice(result);
                out.extend_from_slice(b"\"}\n");
            }
            DaokeEnvelope::Ok => {
                out.extend_from_slice(b"{\"ERRORCODE\":\"0\", \"RESULT\":\"ok!\"}\n")
            }
            DaokeEnvelope::Result(json) => {
                out.extend_from_slice(b"{\"ERRORCODE\":\"0\", \"RESULT\":");
                out.extend_from_slice(json.as_bytes());
                out.extend_from_slice(b"}\n");
            }
        }
        out
    }

    /// HTTP 200 (every daoke outcome) with this envelope and `content_type`.
    pub fn into_response(self, content_type: &str) -> HttpResponse {
        respond(200, content_type, self.to_bytes())
    }
}

/// A YTX answer: `{"statusCode":"…","statusMsg":"…","requestId":"…"}`, compact, keys in
/// this order, raw UTF-8, no trailing newline, HTTP 200.
pub fn ytx_response(status_code: &str, status_msg: &str, request_id: &str) -> HttpResponse {
    let body = format!(
        "{{\"statusCode\":{},\"statusMsg\":{},\"requestId\":{}}}",
        json_string(status_code),
        json_string(status_msg),
        json_string(request_id)
    );
    respond(200, YTX_CONTENT_TYPE, body.into_bytes())
}

/// HTTP 404 for a path no endpoint serves (sandbox-defined).
pub fn not_found() -> HttpResponse {
    respond(404, PLAIN_TEXT, b"sandbox: no such endpoint\n".to_vec())
}

/// HTTP 413 for a body above `sandbox.maxBodyBytes` (sandbox-defined).
pub fn too_large() -> HttpResponse {
    respond(
        413,
        PLAIN_TEXT,
        b"sandbox: request body too large\n".to_vec(),
    )
}

fn respond(status: u16, content_type: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
        body,
    }
}

/// The text the vendor's message table gives `code` — the daoke `RESULT` or the YTX
/// `statusMsg` — from the code catalogue (spec §8), the one place these texts live.
pub fn server_text(vendor: Vendor, code: &'static str) -> &'static str {
    // Every code the sandbox sends has a catalogue text (tested); the code is the fallback.
    catalogue::lookup(vendor, code)
        .and_then(|info| info.server_result)
        .unwrap_or(code)
}

/// A JSON string literal (raw UTF-8, as serde_json writes it).
pub fn json_string(text: &str) -> String {
    // Serialising a &str cannot fail; the fallback keeps this total anyway.
    serde_json::to_string(text).unwrap_or_else(|_| String::from("\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daoke_envelopes_are_byte_exact() {
        let error = DaokeEnvelope::Error {
            code: "ME01024",
            result: b"http body is null!".to_vec(),
        };
        assert_eq!(
            error.to_bytes(),
            b"{\"ERRORCODE\":\"ME01024\", \"RESULT\":\"http body is null!\"}\n"
        );
        assert_eq!(
            DaokeEnvelope::Ok.to_bytes(),
            b"{\"ERRORCODE\":\"0\", \"RESULT\":\"ok!\"}\n"
        );
        let result = DaokeEnvelope::Result("{\"count\":1}".into());
        assert_eq!(
            result.to_bytes(),
            b"{\"ERRORCODE\":\"0\", \"RESULT\":{\"count\":1}}\n"
        );
        // Pass-through text is not escaped.
        let raw = DaokeEnvelope::Error {
            code: "ME01023",
            result: b"say \"hi\" is error!".to_vec(),
        };
        assert_eq!(
            raw.to_bytes(),
            b"{\"ERRORCODE\":\"ME01023\", \"RESULT\":\"say \"hi\" is error!\"}\n"
        );
    }

    #[test]
    fn ytx_envelope_is_compact_raw_utf8() {
        let r = ytx_response("0", "提交成功", "2026110000000001");
        assert_eq!(
            String::from_utf8(r.body).unwrap(),
            "{\"statusCode\":\"0\",\"statusMsg\":\"提交成功\",\"requestId\":\"2026110000000001\"}"
        );
        assert_eq!(
            r.headers,
            vec![("Content-Type".to_owned(), YTX_CONTENT_TYPE.to_owned())]
        );
    }
}
