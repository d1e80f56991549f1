//! The servers' view of a raw request: routing (spec §10.1) and the daoke body parsers
//! (spec §5.1, §5.3), byte for byte with their quirks.
//!
//! One home for "what the server sees", used by the vendor emulator (`signkit::sandbox`)
//! and by anything that must explain a request as the server reads it (the sign doctor,
//! `spec/doctor.md` D2):
//!
//! * [`HttpRequest`] — a raw request (method, target, headers in order, body bytes), with
//!   the raw header text the daoke handlers search ([`HttpRequest::raw_header`]);
//! * [`route`] — which endpoint a path is served by ([`Route`]);
//! * [`parse_daoke_body`] — the endpoint's parser choice (form or multipart, §5.3 step 1),
//!   the body-size limit and the method check, ending in a [`Parsed`] body or the reason
//!   why the server saw no parameters ([`NothingParsed`]);
//! * [`Parsed`] — every field occurrence in wire order ([`Field`]: name, this occurrence's
//!   value, kind, and for form bodies the undecoded wire text) and the argument table the
//!   handlers read ([`Args`]: last value wins, tables, `true`, files);
//! * [`form`] and [`multipart`] — the three parsers themselves and their value decodings
//!   ([`Parser::decode`] with a [`form::Decoding`], for variants such as "`+` kept");
//! * [`ytx`] — what the YTX server reads before the body (spec §10.8 steps 1–4): route,
//!   `Sign`, `Authorization`, timestamp window.

mod args;
pub mod form;
pub mod multipart;
mod pattern;
pub mod ytx;

pub use args::{ArgValue, Args, Field, Parsed, Parser, SignedPair, Wire};

use crate::api::{Api, DaokeApi};

pub use crate::daoke::DEFAULT_BODY_BUFFER_BYTES;

/// A raw HTTP request as the server receives it (spec §10.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method, e.g. `POST` (case-sensitive, as on the wire).
    pub method: String,
    /// The request target: path plus optional `?query`.
    pub target: String,
    /// The header fields in arrival order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// The value of the first header called `name` (any letter case).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }

    /// The path: the target up to its first `?`.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(path, _)| path)
    }

    /// The query: the target after its first `?` (empty when there is none).
    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, query)| query)
    }

    /// The raw header text the daoke handlers search (spec §10.1): `{method} {target}
    /// HTTP/1.1` CRLF, then `{name}: {value}` CRLF per header in order, then CRLF.
    pub fn raw_header(&self) -> Vec<u8> {
        let mut raw = format!("{} {} HTTP/1.1\r\n", self.method, self.target);
        for (name, value) in &self.headers {
            raw.push_str(name);
            raw.push_str(": ");
            raw.push_str(value);
            raw.push_str("\r\n");
        }
        raw.push_str("\r\n");
        raw.into_bytes()
    }
}

/// The value of the first header called `name` (any letter case) in a header list.
pub(crate) fn header_value<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Where a path is served (spec §10.1 routing, exact match on the path).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// One of the four daoke endpoints.
    Daoke(DaokeApi),
    /// YTX: the first segment is non-empty and the second is `sid` (`/{x}/sid/…`).
    Ytx,
    /// No endpoint.
    Unknown,
}

/// The route of `path` (the target without its query).
pub fn route(path: &str) -> Route {
    if let Some(api) = DaokeApi::from_path(path) {
        return Route::Daoke(api);
    }
    let mut segments = path.split('/');
    let ytx = segments.next() == Some("")
        && segments.next().is_some_and(|s| !s.is_empty())
        && segments.next() == Some("sid");
    if ytx {
        Route::Ytx
    } else {
        Route::Unknown
    }
}

/// Why the daoke handler saw no parameters at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NothingParsed {
    /// The body is empty (`ME01024`).
    EmptyBody,
    /// The body is longer than the body buffer, so nginx spooled it to a file and
    /// `ngx.req.get_body_data()` returned nothing (`ME01024`).
    BodyBuffered,
    /// applyMicroChannel and inviteUserJoin read the body of a POST only.
    NotPost,
    /// The raw header declares `boundary=` but fails the multipart header check, or the
    /// body has no CRLF (spec §5.3 step 2).
    MultipartRejected,
}

/// The daoke body as `api`'s handler parses it (spec §5, §10.1): no body when it is empty
/// or longer than `body_buffer_bytes`; createGroup and verifyApplyJoiningMember always use
/// `parse_url`; applyMicroChannel and inviteUserJoin parse a POST only, with the multipart
/// parser when the raw header declares `boundary=` and otherwise with their form parser
/// (`ngx.decode_args` and `parse_url`).
pub fn parse_daoke_body(
    api: DaokeApi,
    request: &HttpRequest,
    body_buffer_bytes: usize,
) -> Result<Parsed, NothingParsed> {
    let body = request.body.as_slice();
    if body.is_empty() {
        return Err(NothingParsed::EmptyBody);
    }
    if body.len() > body_buffer_bytes {
        return Err(NothingParsed::BodyBuffered);
    }
    if !api.api().accepts_multipart() {
        // createGroup and verifyApplyJoiningMember: parse_url, whatever the method.
        return Ok(form::parse_url(body));
    }
    if request.method != "POST" {
        return Err(NothingParsed::NotPost);
    }
    let raw_header = request.raw_header();
    if multipart::declared_boundary(&raw_header).is_some() {
        return multipart::parse_form_data(&raw_header, body)
            .ok_or(NothingParsed::MultipartRejected);
    }
    Ok(if api.api() == Api::ApplyMicroChannel {
        form::decode_args(body)
    } else {
        form::parse_url(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, api: Api, content_type: &str, body: &str) -> HttpRequest {
        HttpRequest {
            method: method.into(),
            target: format!("{}?q=1", api.path()),
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
        }
    }

    fn daoke(api: Api) -> DaokeApi {
        DaokeApi::new(api).unwrap()
    }

    #[test]
    fn routing_of_spec_section_10_1() {
        assert_eq!(
            route("/clientcustom/v2/applyMicroChannel"),
            Route::Daoke(daoke(Api::ApplyMicroChannel))
        );
        assert_eq!(route("/201612/sid/abc/call/TeleMeeting.wx"), Route::Ytx);
        assert_eq!(route("/x/sid"), Route::Ytx);
        for path in ["/", "//sid/a", "/x/y/sid", "/weiboapi/v2/createGroupX"] {
            assert_eq!(route(path), Route::Unknown, "{path}");
        }
        let r = request("POST", Api::CreateGroup, "x", "");
        assert_eq!((r.path(), r.query()), ("/weiboapi/v2/createGroup", "q=1"));
    }

    #[test]
    fn each_endpoint_gets_its_parser() {
        const FORM: &str = "application/x-www-form-urlencoded";
        let parser = |method: &str, api: Api, content_type: &str, body: &str| {
            parse_daoke_body(daoke(api), &request(method, api, content_type, body), 8192)
                .map(|parsed| parsed.parser)
        };
        for api in [Api::CreateGroup, Api::VerifyApplyJoiningMember] {
            assert_eq!(
                parser("GET", api, "multipart/form-data; boundary=x", "a=1"),
                Ok(Parser::ParseUrl)
            );
        }
        assert_eq!(
            parser("POST", Api::InviteUserJoin, FORM, "a=1"),
            Ok(Parser::ParseUrl)
        );
        assert_eq!(
            parser("POST", Api::ApplyMicroChannel, FORM, "a=1"),
            Ok(Parser::DecodeArgs)
        );
        let multipart = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--";
        for api in [Api::InviteUserJoin, Api::ApplyMicroChannel] {
            assert_eq!(
                parser("POST", api, "multipart/form-data; boundary=x", multipart),
                Ok(Parser::Multipart)
            );
            assert_eq!(parser("PUT", api, FORM, "a=1"), Err(NothingParsed::NotPost));
            assert_eq!(
                parser(
                    "POST",
                    api,
                    "multipart/form-data; charset=utf-8; boundary=x",
                    multipart
                ),
                Err(NothingParsed::MultipartRejected)
            );
        }
        assert_eq!(
            parser("POST", Api::CreateGroup, FORM, ""),
            Err(NothingParsed::EmptyBody)
        );
        let long = "a".repeat(8193);
        assert_eq!(
            parser("POST", Api::CreateGroup, FORM, &long),
            Err(NothingParsed::BodyBuffered)
        );
    }
}
