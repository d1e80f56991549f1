//! Reading a capture (spec/doctor.md D1, D8): a curl command (POSIX quoting), a raw HTTP
//! request, or a bare body, into the raw request the server receives ([`HttpRequest`]).
//!
//! The reader never fails: anything it cannot read becomes a request-less [`Capture`] with
//! a finding that says why, and every option it does not model is named in a finding.

use crate::api::{Api, Vendor};
use crate::daoke::encode::percent_encode;
use crate::server::HttpRequest;
use crate::text::Bilingual;

use super::finding::Finding;

/// Which of the three forms the capture was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// A curl command.
    Curl,
    /// A raw HTTP request.
    Raw,
    /// A bare body (with `options.api`).
    Body,
}

/// A capture as read: its form, the raw request (none when unreadable) and the findings.
#[derive(Clone, Debug, PartialEq)]
pub struct Capture {
    /// The form the capture was recognised as.
    pub input: InputKind,
    /// The raw request, or `None` when the capture cannot be read.
    pub request: Option<HttpRequest>,
    /// What the reader noticed (unsupported options, a truncated body, why it is unreadable).
    pub findings: Vec<Finding>,
}

/// The boundary of the multipart body built for curl's `-F` options.
pub const CURL_BOUNDARY: &str = "------------------------signkitdoctor0";

/// Reads `capture`; `api` is the endpoint of a bare body (whose path is then that
/// endpoint's).
pub fn read(capture: &str, api: Option<Api>) -> Capture {
    let trimmed = capture.trim_start();
    if is_curl(trimmed) {
        return curl(trimmed);
    }
    if let Some(capture) = raw(trimmed) {
        return capture;
    }
    body(capture, api)
}

fn is_curl(text: &str) -> bool {
    text.strip_prefix("curl")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_whitespace()))
}

fn unreadable(input: InputKind, id: &str, message: Bilingual) -> Capture {
    Capture {
        input,
        request: None,
        findings: vec![Finding::capture(id, message)],
    }
}

// ---------------------------------------------------------------- curl

/// Why a command line could not be split into words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnterminatedQuote;

/// Splits a command line into words as a POSIX shell would (D1): single quotes, double
/// quotes with `\\ \" \$ \``, `$'…'` with C escapes, backslash-newline joining lines.
/// `&`, `|` and `;` are ordinary characters. Words are bytes (`\xHH` may produce any).
pub fn shell_words(line: &str) -> Result<Vec<Vec<u8>>, UnterminatedQuote> {
    let b = line.as_bytes();
    let mut words = Vec::new();
    let mut word: Option<Vec<u8>> = None;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                words.extend(word.take());
                i += 1;
            }
            b'\\' => match b.get(i + 1) {
                Some(b'\n') => i += 2,
                Some(b'\r') if b.get(i + 2) == Some(&b'\n') => i += 3,
                Some(&next) => {
                    word.get_or_insert_with(Vec::new).push(next);
                    i += 2;
                }
                None => {
                    word.get_or_insert_with(Vec::new).push(b'\\');
                    i += 1;
                }
            },
            b'\'' => {
                let start = i + 1;
                let len = b
                    .get(start..)
                    .and_then(|rest| rest.iter().position(|&x| x == b'\''))
                    .ok_or(UnterminatedQuote)?;
                let w = word.get_or_insert_with(Vec::new);
                w.extend_from_slice(b.get(start..start + len).unwrap_or_default());
                i = start + len + 1;
            }
            b'"' => i = double_quoted(b, i + 1, word.get_or_insert_with(Vec::new))?,
            b'$' if matches!(b.get(i + 1), Some(b'\'')) => {
                i = c_quoted(b, i + 2, word.get_or_insert_with(Vec::new))?;
            }
            b'$' if matches!(b.get(i + 1), Some(b'"')) => {
                i = double_quoted(b, i + 2, word.get_or_insert_with(Vec::new))?;
            }
            _ => {
                word.get_or_insert_with(Vec::new).push(c);
                i += 1;
            }
        }
    }
    words.extend(word);
    Ok(words)
}

/// The inside of `"…"` from `i` (after the quote); returns the index after the closing quote.
fn double_quoted(b: &[u8], mut i: usize, out: &mut Vec<u8>) -> Result<usize, UnterminatedQuote> {
    loop {
        match b.get(i) {
            None => return Err(UnterminatedQuote),
            Some(b'"') => return Ok(i + 1),
            Some(b'\\') => match b.get(i + 1) {
                Some(&e @ (b'\\' | b'"' | b'$' | b'`')) => {
                    out.push(e);
                    i += 2;
                }
                Some(b'\n') => i += 2,
                _ => {
                    out.push(b'\\');
                    i += 1;
                }
            },
            Some(&c) => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// The inside of `$'…'` from `i`; returns the index after the closing quote.
fn c_quoted(b: &[u8], mut i: usize, out: &mut Vec<u8>) -> Result<usize, UnterminatedQuote> {
    loop {
        match b.get(i) {
            None => return Err(UnterminatedQuote),
            Some(b'\'') => return Ok(i + 1),
            Some(b'\\') => {
                let Some(&e) = b.get(i + 1) else {
                    return Err(UnterminatedQuote);
                };
                i += 2;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'a' => out.push(0x07),
                    b'b' => out.push(0x08),
                    b'e' | b'E' => out.push(0x1B),
                    b'f' => out.push(0x0C),
                    b'v' => out.push(0x0B),
                    b'\\' | b'\'' | b'"' | b'?' => out.push(e),
                    b'x' => {
                        let mut value: u8 = 0;
                        let mut digits = 0;
                        while digits < 2 {
                            match b.get(i).and_then(|&d| char::from(d).to_digit(16)) {
                                Some(d) => {
                                    value = value.wrapping_mul(16).wrapping_add(d as u8);
                                    digits += 1;
                                    i += 1;
                                }
                                None => break,
                            }
                        }
                        if digits == 0 {
                            out.extend_from_slice(b"\\x");
                        } else {
                            out.push(value);
                        }
                    }
                    other => {
                        out.push(b'\\');
                        out.push(other);
                    }
                }
            }
            Some(&c) => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// Short options of curl that take a value and are not read (D8).
const SKIPPED_SHORT: &[u8] = b"AbcCDeEhKmoPQrtTuUwxYyz";

/// Long options of curl that take a value and are not read (D8; curl's manual).
const SKIPPED_LONG: &[&str] = &[
    "abstract-unix-socket",
    "alt-svc",
    "aws-sigv4",
    "cacert",
    "capath",
    "cert",
    "cert-type",
    "ciphers",
    "config",
    "connect-timeout",
    "connect-to",
    "continue-at",
    "cookie",
    "cookie-jar",
    "create-file-mode",
    "crlfile",
    "curves",
    "delegation",
    "dns-interface",
    "dns-ipv4-addr",
    "dns-ipv6-addr",
    "dns-servers",
    "doh-url",
    "dump-header",
    "ech",
    "egd-file",
    "engine",
    "etag-compare",
    "etag-save",
    "expect100-timeout",
    "form-string",
    "ftp-account",
    "ftp-alternative-to-user",
    "ftp-method",
    "ftp-port",
    "ftp-ssl-ccc-mode",
    "happy-eyeballs-timeout-ms",
    "haproxy-clientip",
    "header-file",
    "hostpubmd5",
    "hostpubsha256",
    "hsts",
    "interface",
    "ip-tos",
    "ipfs-gateway",
    "keepalive-cnt",
    "keepalive-time",
    "key",
    "key-type",
    "krb",
    "libcurl",
    "limit-rate",
    "local-port",
    "login-options",
    "mail-auth",
    "mail-from",
    "mail-rcpt",
    "max-filesize",
    "max-redirs",
    "max-time",
    "netrc-file",
    "noproxy",
    "oauth2-bearer",
    "output",
    "output-dir",
    "pass",
    "pinnedpubkey",
    "preproxy",
    "proto",
    "proto-default",
    "proto-redir",
    "proxy",
    "proxy-cacert",
    "proxy-capath",
    "proxy-cert",
    "proxy-cert-type",
    "proxy-ciphers",
    "proxy-crlfile",
    "proxy-header",
    "proxy-key",
    "proxy-key-type",
    "proxy-pass",
    "proxy-pinnedpubkey",
    "proxy-service-name",
    "proxy-tls13-ciphers",
    "proxy-tlsauthtype",
    "proxy-tlspassword",
    "proxy-tlsuser",
    "proxy-user",
    "proxy1.0",
    "pubkey",
    "quote",
    "random-file",
    "range",
    "rate",
    "referer",
    "request-target",
    "resolve",
    "retry",
    "retry-delay",
    "retry-max-time",
    "sasl-authzid",
    "service-name",
    "socks4",
    "socks4a",
    "socks5",
    "socks5-gssapi-service",
    "socks5-hostname",
    "speed-limit",
    "speed-time",
    "stderr",
    "telnet-option",
    "tftp-blksize",
    "time-cond",
    "tls-max",
    "tls13-ciphers",
    "tlsauthtype",
    "tlspassword",
    "tlsuser",
    "trace",
    "trace-ascii",
    "trace-config",
    "unix-socket",
    "upload-file",
    "url-query",
    "user",
    "user-agent",
    "variable",
    "vlan-priority",
    "write-out",
];

/// What the options of a curl command say.
#[derive(Default)]
struct Curl {
    method: Option<String>,
    url: Option<String>,
    headers: Vec<(String, String)>,
    data: Vec<Vec<u8>>,
    parts: Vec<Part>,
    findings: Vec<Finding>,
}

/// One `-F` part.
enum Part {
    Text {
        name: Vec<u8>,
        value: Vec<u8>,
    },
    File {
        name: Vec<u8>,
        filename: Vec<u8>,
        content_type: Vec<u8>,
    },
}

fn unsupported(option: &str) -> Finding {
    Finding::capture(
        "capture-unsupported",
        Bilingual::from_pieces(
            &[
                "curl option ",
                option,
                " is not read (the rest of the command is diagnosed as if it were absent).",
            ],
            &[
                "未读取 curl 选项 ",
                option,
                "（按没有该选项的命令诊断其余部分）。",
            ],
        ),
    )
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn curl(line: &str) -> Capture {
    let Ok(words) = shell_words(line) else {
        return unreadable(
            InputKind::Curl,
            "capture-unreadable",
            Bilingual::new(
                "The curl command has a quote that is never closed; paste the whole command.",
                "curl 命令中有未闭合的引号；请粘贴完整的命令。",
            ),
        );
    };
    let mut cmd = Curl::default();
    let mut rest = words.iter().skip(1);
    while let Some(word) = rest.next() {
        if let Some(long) = word.strip_prefix(b"--") {
            let name = lossy(long);
            let mut value = || rest.next().cloned();
            match name.as_str() {
                "request" => cmd.method = value().map(|v| lossy(&v)),
                "header" => cmd.header(value()),
                "data" | "data-ascii" | "data-binary" => cmd.data(value(), &name),
                "data-raw" => cmd.data.extend(value()),
                "data-urlencode" => cmd.urlencode(value()),
                "form" => cmd.form(value()),
                "url" => cmd.url = value().map(|v| lossy(&v)),
                "json" => {
                    value();
                    cmd.findings.push(unsupported("--json"));
                }
                "get" => cmd.findings.push(unsupported("--get")),
                _ if SKIPPED_LONG.contains(&name.as_str()) => {
                    value();
                    cmd.findings.push(unsupported(&["--", &name].concat()));
                }
                _ => {}
            }
        } else if let Some(short) = word.strip_prefix(b"-").filter(|s| !s.is_empty()) {
            for (at, &flag) in short.iter().enumerate() {
                let attached = short.get(at + 1..).unwrap_or_default();
                let takes_value = b"XHdF".contains(&flag) || SKIPPED_SHORT.contains(&flag);
                if !takes_value {
                    if flag == b'G' {
                        cmd.findings.push(unsupported("-G"));
                    }
                    continue;
                }
                let value = if attached.is_empty() {
                    rest.next().cloned()
                } else {
                    Some(attached.to_vec())
                };
                match flag {
                    b'X' => cmd.method = value.map(|v| lossy(&v)),
                    b'H' => cmd.header(value),
                    b'd' => cmd.data(value, "-d"),
                    b'F' => cmd.form(value),
                    other => cmd
                        .findings
                        .push(unsupported(&["-", &char::from(other).to_string()].concat())),
                }
                break;
            }
        } else if cmd.url.is_none() {
            cmd.url = Some(lossy(word));
        }
    }
    cmd.finish()
}

impl Curl {
    fn header(&mut self, value: Option<Vec<u8>>) {
        let Some(value) = value else { return };
        let text = lossy(&value);
        if let Some((name, value)) = text.split_once(':') {
            let value = value.trim_matches([' ', '\t']);
            // `Name:` with nothing after it removes a header in curl.
            if !value.is_empty() {
                self.headers
                    .push((name.trim().to_owned(), value.to_owned()));
            }
        } else if let Some(name) = text.trim().strip_suffix(';') {
            self.headers.push((name.to_owned(), String::new()));
        }
    }

    fn data(&mut self, value: Option<Vec<u8>>, option: &str) {
        let Some(value) = value else { return };
        if value.starts_with(b"@") {
            self.findings
                .push(unsupported(&[option, " @file"].concat()));
        } else {
            self.data.push(value);
        }
    }

    fn urlencode(&mut self, value: Option<Vec<u8>>) {
        let Some(value) = value else { return };
        let eq = value.iter().position(|&b| b == b'=');
        let at = value.iter().position(|&b| b == b'@');
        let encode = |bytes: &[u8]| percent_encode(&String::from_utf8_lossy(bytes)).into_bytes();
        match (eq, at) {
            (Some(eq), None) => self.urlencoded_pair(&value, eq),
            (Some(eq), Some(at)) if at > eq => self.urlencoded_pair(&value, eq),
            (_, Some(_)) => self
                .findings
                .push(unsupported("--data-urlencode name@file")),
            (None, None) => self.data.push(encode(&value)),
        }
    }

    /// `name=content` (or `=content`) of `--data-urlencode`: the content percent-encoded.
    fn urlencoded_pair(&mut self, value: &[u8], eq: usize) {
        let encode = |bytes: &[u8]| percent_encode(&String::from_utf8_lossy(bytes)).into_bytes();
        {
            {
                let (name, content) = value.split_at(eq);
                let content = content.get(1..).unwrap_or_default();
                let mut piece = Vec::new();
                if !name.is_empty() {
                    piece.extend_from_slice(name);
                    piece.push(b'=');
                }
                piece.extend(encode(content));
                self.data.push(piece);
            }
        }
    }

    fn form(&mut self, value: Option<Vec<u8>>) {
        let Some(value) = value else { return };
        let Some(eq) = value.iter().position(|&b| b == b'=') else {
            self.findings.push(unsupported("-F without name="));
            return;
        };
        let (name, content) = value.split_at(eq);
        let content = content.get(1..).unwrap_or_default();
        if let Some(file) = content.strip_prefix(b"@") {
            let mut fields = file.split(|&b| b == b';');
            let path = fields.next().unwrap_or_default();
            let mut filename = path
                .rsplit(|&b| b == b'/' || b == b'\\')
                .next()
                .unwrap_or_default()
                .to_vec();
            let mut content_type = b"application/octet-stream".to_vec();
            for field in fields {
                if let Some(t) = field.strip_prefix(b"type=") {
                    content_type = t.to_vec();
                } else if let Some(f) = field.strip_prefix(b"filename=") {
                    filename = f.to_vec();
                }
            }
            self.parts.push(Part::File {
                name: name.to_vec(),
                filename,
                content_type,
            });
        } else if content.starts_with(b"<") {
            self.findings.push(unsupported("-F name=<file"));
        } else {
            self.parts.push(Part::Text {
                name: name.to_vec(),
                value: content.to_vec(),
            });
        }
    }

    fn finish(mut self) -> Capture {
        let Some((host, target)) = self.url.as_deref().and_then(split_url) else {
            return unreadable(
                InputKind::Curl,
                "capture-no-url",
                Bilingual::new("The curl command names no URL.", "curl 命令中没有 URL。"),
            );
        };
        let has_header = |headers: &[(String, String)], name: &str| {
            headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
        };
        let mut headers = Vec::new();
        if !has_header(&self.headers, "Host") && !host.is_empty() {
            headers.push(("Host".to_owned(), host));
        }
        let body = if !self.parts.is_empty() {
            if !self.data.is_empty() {
                self.findings.push(unsupported("-d together with -F"));
            }
            let content_type = ["multipart/form-data; boundary=", CURL_BOUNDARY].concat();
            let user = self
                .headers
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case("Content-Type"));
            match user {
                Some((_, value)) => {
                    if value.starts_with("multipart/form-data") && !value.contains("boundary=") {
                        value.push_str("; boundary=");
                        value.push_str(CURL_BOUNDARY);
                    }
                }
                None => self.headers.push(("Content-Type".to_owned(), content_type)),
            }
            multipart(&self.parts)
        } else if !self.data.is_empty() {
            if !has_header(&self.headers, "Content-Type") {
                self.headers.push((
                    "Content-Type".to_owned(),
                    "application/x-www-form-urlencoded".to_owned(),
                ));
            }
            self.data.join(&b'&')
        } else {
            Vec::new()
        };
        let method = self.method.unwrap_or_else(|| {
            if body.is_empty() && self.parts.is_empty() {
                "GET".to_owned()
            } else {
                "POST".to_owned()
            }
        });
        headers.extend(self.headers);
        Capture {
            input: InputKind::Curl,
            request: Some(HttpRequest {
                method,
                target,
                headers,
                body,
            }),
            findings: self.findings,
        }
    }
}

/// curl's multipart body for the `-F` parts (file contents unknown, sent empty).
fn multipart(parts: &[Part]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(b"--");
        body.extend_from_slice(CURL_BOUNDARY.as_bytes());
        body.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        match part {
            Part::Text { name, value } => {
                body.extend_from_slice(name);
                body.extend_from_slice(b"\"\r\n\r\n");
                body.extend_from_slice(value);
            }
            Part::File {
                name,
                filename,
                content_type,
            } => {
                body.extend_from_slice(name);
                body.extend_from_slice(b"\"; filename=\"");
                body.extend_from_slice(filename);
                body.extend_from_slice(b"\"\r\nContent-Type: ");
                body.extend_from_slice(content_type);
                body.extend_from_slice(b"\r\n\r\n");
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--");
    body.extend_from_slice(CURL_BOUNDARY.as_bytes());
    body.extend_from_slice(b"--\r\n");
    body
}

/// `scheme://host/path?query#fragment` (scheme optional) → (host, target). `None` when
/// there is no host and no path.
fn split_url(url: &str) -> Option<(String, String)> {
    let url = url.split('#').next().unwrap_or_default();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (authority, target) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    if authority.is_empty() && target.is_empty() {
        return None;
    }
    let host = authority.rsplit('@').next().unwrap_or_default().to_owned();
    let target = match target.strip_prefix('?') {
        Some(query) => ["/?", query].concat(),
        None if target.is_empty() => "/".to_owned(),
        None => target.to_owned(),
    };
    Some((host, target))
}

// ---------------------------------------------------------------- raw HTTP

/// `METHOD SP target SP HTTP/1.x`.
fn request_line(line: &str) -> Option<(&str, &str)> {
    let mut parts = line.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = parts.next().is_none()
        && !method.is_empty()
        && method.bytes().all(|b| b.is_ascii_alphabetic())
        && !target.is_empty()
        && version.len() == 8
        && version.starts_with("HTTP/1.")
        && version.bytes().last().is_some_and(|b| b.is_ascii_digit());
    ok.then_some((method, target))
}

fn raw(text: &str) -> Option<Capture> {
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text.get(..first_end)?.trim_end_matches('\r');
    let (method, target) = request_line(first)?;
    let mut findings = Vec::new();
    let mut headers = Vec::new();
    let mut at = (first_end + 1).min(text.len());
    let mut body_start = text.len();
    while at < text.len() {
        let end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
        let line = text.get(at..end)?.trim_end_matches('\r');
        at = (end + 1).min(text.len());
        if line.is_empty() {
            body_start = at;
            break;
        }
        match line.split_once(':') {
            Some((name, value)) => headers.push((name.to_owned(), value.trim().to_owned())),
            None => findings.push(Finding::capture(
                "capture-bad-header",
                Bilingual::from_pieces(
                    &["A header line without a colon was skipped: ", line],
                    &["跳过了没有冒号的头部行：", line],
                ),
            )),
        }
    }
    let mut body = text
        .as_bytes()
        .get(body_start..)
        .unwrap_or_default()
        .to_vec();
    let length =
        crate::server::header_value(&headers, "Content-Length").map(|v| v.trim().parse::<usize>());
    match length {
        Some(Ok(length)) if body.len() >= length => body.truncate(length),
        Some(Ok(_)) => findings.push(Finding::capture(
            "capture-truncated",
            Bilingual::new(
                "The body is shorter than its Content-Length: the capture is cut, or the length is wrong (the server would wait for the rest).",
                "请求体比 Content-Length 短：捕获内容被截断，或长度有误（服务器会等待剩余内容）。",
            ),
        )),
        _ => strip_line_break(&mut body),
    }
    let (host, target) = match target.starts_with('/') {
        true => (None, target.to_owned()),
        false => match split_url(target) {
            Some((host, target)) => (Some(host), target),
            None => (None, target.to_owned()),
        },
    };
    if let Some(host) = host.filter(|h| !h.is_empty()) {
        if crate::server::header_value(&headers, "Host").is_none() {
            headers.insert(0, ("Host".to_owned(), host));
        }
    }
    Some(Capture {
        input: InputKind::Raw,
        request: Some(HttpRequest {
            method: method.to_owned(),
            target,
            headers,
            body,
        }),
        findings,
    })
}

/// Drops one trailing CRLF or LF (D8: pastes end with one).
fn strip_line_break(body: &mut Vec<u8>) {
    if body.ends_with(b"\r\n") {
        body.truncate(body.len() - 2);
    } else if body.ends_with(b"\n") {
        body.truncate(body.len() - 1);
    }
}

// ---------------------------------------------------------------- bare body

fn body(text: &str, api: Option<Api>) -> Capture {
    let Some(api) = api.filter(|api| api.vendor() == Vendor::Daoke) else {
        let (en, zh) = match api {
            Some(_) => (
                "A bare body cannot be diagnosed for inviteMeeting: its path, query and Authorization carry the signature. Paste the curl command or the raw request.",
                "inviteMeeting 不能只凭请求体诊断：签名在路径、查询串和 Authorization 中。请粘贴 curl 命令或原始请求。",
            ),
            None => (
                "The capture is neither a curl command nor a raw HTTP request, so it is read as a bare body, which needs the endpoint: choose the API.",
                "捕获内容既不是 curl 命令也不是原始 HTTP 请求，因此按请求体读取，这需要指定接口：请选择 API。",
            ),
        };
        return unreadable(
            InputKind::Body,
            "capture-no-endpoint",
            Bilingual::new(en, zh),
        );
    };
    let mut body = text.as_bytes().to_vec();
    strip_line_break(&mut body);
    let content_type = match body.strip_prefix(b"--") {
        Some(rest) => {
            let line = rest
                .split(|&b| b == b'\n')
                .next()
                .unwrap_or_default()
                .strip_suffix(b"\r")
                .unwrap_or_else(|| rest.split(|&b| b == b'\n').next().unwrap_or_default());
            ["multipart/form-data; boundary=", &lossy(line)].concat()
        }
        None => "application/x-www-form-urlencoded".to_owned(),
    };
    Capture {
        input: InputKind::Body,
        request: Some(HttpRequest {
            method: "POST".to_owned(),
            target: api.path().to_owned(),
            headers: vec![("Content-Type".to_owned(), content_type)],
            body,
        }),
        findings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        shell_words(line)
            .expect("readable")
            .iter()
            .map(|w| lossy(w))
            .collect()
    }

    #[test]
    fn posix_quoting() {
        assert_eq!(
            words(r#"a 'b c' "d\"e\\f\$" g\ h"#),
            ["a", "b c", "d\"e\\f$", "g h"]
        );
        assert_eq!(words("a \\\n  b"), ["a", "b"]);
        assert_eq!(words(r"$'x\ny\x41\'' "), ["x\ny\x41'"]);
        assert_eq!(words(r#""a\nb""#), ["a\\nb"]);
        assert_eq!(words("a&b;c|d"), ["a&b;c|d"]);
        assert_eq!(shell_words("'open"), Err(UnterminatedQuote));
        assert_eq!(shell_words("\"open"), Err(UnterminatedQuote));
        assert_eq!(shell_words("$'open\\"), Err(UnterminatedQuote));
    }

    #[test]
    fn curl_options() {
        let capture = read(
            "curl -sSv -XPOST 'http://h.example/weiboapi/v2/createGroup?x=1' -H 'X-A: 1' \
             -d a=1 --data-urlencode 'b=c d+' --data-raw @e -A agent --compressed -G",
            None,
        );
        let request = capture.request.expect("a request");
        assert_eq!(request.method, "POST");
        assert_eq!(request.target, "/weiboapi/v2/createGroup?x=1");
        assert_eq!(request.body, b"a=1&b=c%20d%2B&@e");
        assert_eq!(request.header("Host"), Some("h.example"));
        assert_eq!(
            request.header("Content-Type"),
            Some("application/x-www-form-urlencoded")
        );
        let ids: Vec<String> = capture
            .findings
            .iter()
            .map(|f| f.message.en.to_string())
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
    }

    #[test]
    fn curl_form_parts() {
        let capture = read(
            "curl u.example/p -F a=1 -F 'f=@dir/v.amr;type=audio/amr'",
            None,
        );
        let request = capture.request.expect("a request");
        let body = lossy(&request.body);
        assert!(body.contains("name=\"f\"; filename=\"v.amr\"\r\nContent-Type: audio/amr"));
        assert_eq!(request.target, "/p");
        assert_eq!(request.method, "POST");
    }

    #[test]
    fn raw_requests() {
        let capture = read("GET http://h/p?q HTTP/1.1\nA: 1\n\nbody\n", None);
        let request = capture.request.expect("a request");
        assert_eq!(capture.input, InputKind::Raw);
        assert_eq!(
            (request.target.as_str(), request.body.as_slice()),
            ("/p?q", &b"body"[..])
        );
        let cut = read("POST /p HTTP/1.1\r\nContent-Length: 2\r\n\r\nabcd", None);
        assert_eq!(cut.request.map(|r| r.body), Some(b"ab".to_vec()));
        let short = read("POST /p HTTP/1.1\r\nContent-Length: 9\r\n\r\nabcd", None);
        assert_eq!(
            short.findings.first().map(|f| f.id.as_str()),
            Some("capture-truncated")
        );
    }

    #[test]
    fn bare_bodies() {
        assert!(read("a=1", None).request.is_none());
        let form = read("a=1\n", Some(Api::CreateGroup))
            .request
            .expect("a request");
        assert_eq!(form.body, b"a=1");
        let multipart = read("--XY\r\nrest", Some(Api::InviteUserJoin))
            .request
            .expect("a request");
        assert_eq!(
            multipart.header("Content-Type"),
            Some("multipart/form-data; boundary=XY")
        );
    }
}
