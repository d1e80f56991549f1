//! HTTP/1.1 on the wire (RFC 9112), as pure functions over bytes: the request head, the body
//! framing, the chunked decoder and the response bytes. The IO and the timeouts live in
//! [`crate::conn`].
//!
//! Why not hyper: the emulator must see the request as it arrived (spec §10.1: header list in
//! arrival order; the multipart dispatch searches the raw header text for the first
//! `boundary=`), and `http::HeaderMap` groups repeated names. httparse tokenises the head and
//! this module keeps the header list exactly as httparse returns it.

use std::fmt;

use signkit::sandbox::HttpResponse;

/// A request head larger than this gets `431`.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;
/// A request with more header lines than this gets `431`.
pub const MAX_HEADERS: usize = 128;
/// Longest chunk-size line (with extensions) or trailer line accepted in a chunked body.
const MAX_CHUNK_LINE_BYTES: usize = 4096;
/// Most trailer bytes accepted after the last chunk (they are read and dropped).
const MAX_TRAILER_BYTES: usize = 16 * 1024;

/// The HTTP version of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// `HTTP/1.0`: no chunked bodies, keep-alive only on request.
    Http10,
    /// `HTTP/1.1`.
    Http11,
}

/// How the body of a request is delimited (RFC 9112 §6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyFraming {
    /// No `Content-Length`, no `Transfer-Encoding`: no body.
    Empty,
    /// `Content-Length: n`.
    Length(u64),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}

/// A parsed request head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    /// The method token as sent.
    pub method: String,
    /// The request target as sent (path plus optional `?query`).
    pub target: String,
    /// `HTTP/1.0` or `HTTP/1.1`.
    pub version: Version,
    /// Header lines in arrival order, names as sent, values as httparse trims them.
    pub headers: Vec<(String, String)>,
    /// How the body is delimited.
    pub framing: BodyFraming,
    /// Whether the client allows another request on this connection.
    pub keep_alive: bool,
    /// `Expect: 100-continue`: the client waits for `100 Continue` before sending the body.
    pub expects_continue: bool,
}

impl Head {
    /// The target without its query: what routing and body limits look at.
    pub fn path(&self) -> &str {
        path_of(&self.target)
    }
}

/// The path part of a request target (everything before the first `?`).
pub fn path_of(target: &str) -> &str {
    target.split_once('?').map_or(target, |(path, _)| path)
}

/// Why a request cannot be read; each maps to the status the server answers before it closes
/// the connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// Not HTTP/1.x, or framing that cannot be trusted: `400`.
    Malformed(String),
    /// Head over [`MAX_HEAD_BYTES`] or more than [`MAX_HEADERS`] lines: `431`.
    HeadTooLarge,
    /// A transfer coding other than plain `chunked`: `501`.
    UnsupportedTransferCoding(String),
    /// A body over the limit: `413`.
    BodyTooLarge,
}

impl WireError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            WireError::Malformed(_) => 400,
            WireError::HeadTooLarge => 431,
            WireError::UnsupportedTransferCoding(_) => 501,
            WireError::BodyTooLarge => 413,
        }
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Malformed(reason) => write!(f, "bad request: {reason}"),
            WireError::HeadTooLarge => write!(
                f,
                "request head too large: at most {MAX_HEAD_BYTES} bytes and {MAX_HEADERS} header lines"
            ),
            WireError::UnsupportedTransferCoding(coding) => write!(
                f,
                "transfer coding `{coding}` is not supported: send Content-Length or Transfer-Encoding: chunked"
            ),
            // The exact text of spec §10.1, shared with the emulator's own check.
            WireError::BodyTooLarge => f.write_str("request body too large"),
        }
    }
}

/// Parses a request head from the start of `buffer`.
///
/// `Ok(None)`: the head is not complete yet (read more). `Ok(Some((head, n)))`: the head took
/// the first `n` bytes; the body (if any) follows.
pub fn parse_head(buffer: &[u8]) -> Result<Option<(Head, usize)>, WireError> {
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut slots);
    let consumed = match request.parse(buffer) {
        Ok(httparse::Status::Complete(consumed)) => consumed,
        Ok(httparse::Status::Partial) if buffer.len() > MAX_HEAD_BYTES => {
            return Err(WireError::HeadTooLarge)
        }
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(WireError::HeadTooLarge),
        Err(error) => return Err(WireError::Malformed(error.to_string())),
    };
    if consumed > MAX_HEAD_BYTES {
        return Err(WireError::HeadTooLarge);
    }
    let (Some(method), Some(target), Some(minor)) = (request.method, request.path, request.version)
    else {
        return Err(WireError::Malformed("incomplete request line".into()));
    };
    let version = if minor == 0 {
        Version::Http10
    } else {
        Version::Http11
    };
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|header| {
            (
                header.name.to_owned(),
                String::from_utf8_lossy(header.value).into_owned(),
            )
        })
        .collect();
    let framing = body_framing(&headers, version)?;
    let keep_alive = match version {
        Version::Http11 => !has_token(&headers, "connection", "close"),
        Version::Http10 => has_token(&headers, "connection", "keep-alive"),
    };
    let expects_continue = version == Version::Http11
        && headers.iter().any(|(name, value)| {
            name.eq_ignore_ascii_case("expect") && value.trim().eq_ignore_ascii_case("100-continue")
        });
    let head = Head {
        method: method.to_owned(),
        target: target.to_owned(),
        version,
        headers,
        framing,
        keep_alive,
        expects_continue,
    };
    Ok(Some((head, consumed)))
}

/// The comma-separated elements of every header named `name` (any case), trimmed.
fn list_elements<'h>(
    headers: &'h [(String, String)],
    name: &'h str,
) -> impl Iterator<Item = &'h str> {
    headers
        .iter()
        .filter(move |(header, _)| header.eq_ignore_ascii_case(name))
        .flat_map(|(_, value)| value.split(','))
        .map(str::trim)
}

fn has_token(headers: &[(String, String)], name: &str, token: &str) -> bool {
    list_elements(headers, name).any(|element| element.eq_ignore_ascii_case(token))
}

/// RFC 9112 §6.3, strictly: ambiguous framing is refused rather than guessed, because a front
/// door that guesses differently from its client desynchronises the connection.
fn body_framing(headers: &[(String, String)], version: Version) -> Result<BodyFraming, WireError> {
    let has = |name: &str| {
        headers
            .iter()
            .any(|(header, _)| header.eq_ignore_ascii_case(name))
    };
    if has("transfer-encoding") {
        if has("content-length") {
            return Err(WireError::Malformed(
                "both Transfer-Encoding and Content-Length are present; send one of them".into(),
            ));
        }
        if version == Version::Http10 {
            return Err(WireError::Malformed(
                "Transfer-Encoding is not allowed in HTTP/1.0".into(),
            ));
        }
        let codings: Vec<&str> = list_elements(headers, "transfer-encoding")
            .filter(|coding| !coding.is_empty())
            .collect();
        return match codings.as_slice() {
            [coding] if coding.eq_ignore_ascii_case("chunked") => Ok(BodyFraming::Chunked),
            _ => Err(WireError::UnsupportedTransferCoding(codings.join(", "))),
        };
    }
    let mut length = None;
    for element in list_elements(headers, "content-length") {
        let value = crate::cli::parse_decimal(element).ok_or_else(|| {
            WireError::Malformed(format!(
                "Content-Length `{element}` is not a decimal number"
            ))
        })?;
        if length.is_some_and(|known| known != value) {
            return Err(WireError::Malformed(
                "conflicting Content-Length values".into(),
            ));
        }
        length = Some(value);
    }
    Ok(length.map_or(BodyFraming::Empty, BodyFraming::Length))
}

/// Decodes a `Transfer-Encoding: chunked` body incrementally, never holding more than the
/// decoded body (bounded by its limit) and one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkedDecoder {
    state: ChunkState,
    limit: usize,
    trailer_bytes: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChunkState {
    /// Expecting `hex-size [; extensions] CRLF`.
    Size,
    /// Inside a chunk with this many data bytes left.
    Data(usize),
    /// Expecting the CRLF after a chunk's data.
    DataEnd,
    /// After the last chunk: trailer lines up to an empty line.
    Trailers,
    /// The body is complete.
    Done,
}

impl ChunkedDecoder {
    /// A decoder that refuses bodies longer than `limit` decoded bytes.
    pub fn new(limit: usize) -> ChunkedDecoder {
        ChunkedDecoder {
            state: ChunkState::Size,
            limit,
            trailer_bytes: 0,
        }
    }

    /// Whether the terminating chunk and trailers have been read.
    pub fn is_done(&self) -> bool {
        self.state == ChunkState::Done
    }

    /// Consumes as much of `input` as possible, appending decoded data to `body`. Returns the
    /// number of input bytes consumed; fewer than `input.len()` means more input is needed to
    /// go on (or the body is done: see [`ChunkedDecoder::is_done`]).
    pub fn decode(&mut self, input: &[u8], body: &mut Vec<u8>) -> Result<usize, WireError> {
        let mut at = 0;
        loop {
            let rest = input.get(at..).unwrap_or_default();
            match self.state {
                ChunkState::Done => return Ok(at),
                ChunkState::Size => {
                    let Some(line) = take_line(rest)? else {
                        return Ok(at);
                    };
                    at += line.len() + 2;
                    let size = chunk_size(line)?;
                    if size > self.limit.saturating_sub(body.len()) {
                        return Err(WireError::BodyTooLarge);
                    }
                    self.state = if size == 0 {
                        ChunkState::Trailers
                    } else {
                        ChunkState::Data(size)
                    };
                }
                ChunkState::Data(left) => {
                    let take = left.min(rest.len());
                    body.extend_from_slice(rest.get(..take).unwrap_or_default());
                    at += take;
                    if take < left {
                        self.state = ChunkState::Data(left - take);
                        return Ok(at);
                    }
                    self.state = ChunkState::DataEnd;
                }
                ChunkState::DataEnd => match rest {
                    [b'\r', b'\n', ..] => {
                        at += 2;
                        self.state = ChunkState::Size;
                    }
                    [] | [b'\r'] => return Ok(at),
                    _ => {
                        return Err(WireError::Malformed(
                            "chunk data is not followed by CRLF".into(),
                        ))
                    }
                },
                ChunkState::Trailers => {
                    let Some(line) = take_line(rest)? else {
                        return Ok(at);
                    };
                    at += line.len() + 2;
                    self.trailer_bytes += line.len() + 2;
                    if self.trailer_bytes > MAX_TRAILER_BYTES {
                        return Err(WireError::HeadTooLarge);
                    }
                    if line.is_empty() {
                        self.state = ChunkState::Done;
                    }
                }
            }
        }
    }
}

/// The bytes before the first CRLF of `input`, or `None` when no complete line is there yet.
fn take_line(input: &[u8]) -> Result<Option<&[u8]>, WireError> {
    match input.windows(2).position(|pair| pair == b"\r\n") {
        Some(end) if end <= MAX_CHUNK_LINE_BYTES => Ok(input.get(..end)),
        Some(_) => Err(WireError::Malformed("chunk line too long".into())),
        None if input.len() > MAX_CHUNK_LINE_BYTES => {
            Err(WireError::Malformed("chunk line too long".into()))
        }
        None => Ok(None),
    }
}

/// `1*HEXDIG [ BWS ";" extensions ]` → the size.
fn chunk_size(line: &[u8]) -> Result<usize, WireError> {
    let digits = line.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    let (hex, after) = line.split_at(digits);
    let after_ok = after
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t'))
        .is_none_or(|b| *b == b';');
    if hex.is_empty() || hex.len() > 15 || !after_ok {
        return Err(WireError::Malformed(format!(
            "bad chunk size line `{}`",
            String::from_utf8_lossy(line)
        )));
    }
    // At most 15 hex digits: fits in u64; usize::try_from guards 32-bit targets.
    let size = hex
        .iter()
        .fold(0u64, |acc, b| acc * 16 + u64::from(hex_value(*b)));
    usize::try_from(size).map_err(|_| WireError::BodyTooLarge)
}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit - b'A' + 10,
    }
}

/// The response bytes: status line, the response's own headers (minus any framing headers,
/// which are this module's business), `Content-Length`, `Connection`, a blank line and —
/// unless `head_only` (a `HEAD` request) — the body.
pub fn encode_response(response: &HttpResponse, keep_alive: bool, head_only: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + response.body.len());
    out.extend_from_slice(
        format!(
            "HTTP/1.1 {} {}\r\n",
            response.status,
            reason_phrase(response.status)
        )
        .as_bytes(),
    );
    for (name, value) in &response.headers {
        let framing = ["content-length", "transfer-encoding", "connection"]
            .iter()
            .any(|reserved| name.eq_ignore_ascii_case(reserved));
        // A CR or LF in a header would split the response; such a header is a bug upstream
        // and is dropped rather than sent.
        let unsafe_bytes = name.is_empty()
            || name
                .bytes()
                .chain(value.bytes())
                .any(|b| matches!(b, b'\r' | b'\n' | 0));
        if !framing && !unsafe_bytes {
            out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
    }
    let bodiless = matches!(response.status, 100..=199 | 204 | 304);
    if !bodiless {
        out.extend_from_slice(format!("Content-Length: {}\r\n", response.body.len()).as_bytes());
    }
    out.extend_from_slice(if keep_alive {
        b"Connection: keep-alive\r\n\r\n"
    } else {
        b"Connection: close\r\n\r\n"
    });
    if !bodiless && !head_only {
        out.extend_from_slice(&response.body);
    }
    out
}

/// The interim response sent to a client that waits with `Expect: 100-continue`.
pub const CONTINUE: &[u8] = b"HTTP/1.1 100 Continue\r\n\r\n";

/// Reason phrases for the statuses this server and the emulator answer with.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn head(raw: &str) -> Result<Option<(Head, usize)>, WireError> {
        parse_head(raw.as_bytes())
    }

    fn complete(raw: &str) -> Head {
        match head(raw) {
            Ok(Some((head, consumed))) => {
                assert_eq!(consumed, raw.len());
                head
            }
            other => panic!("{raw:?} gave {other:?}"),
        }
    }

    #[test]
    fn head_keeps_target_header_order_and_case() {
        let parsed = complete(
            "POST /clientcustom/v2/inviteUserJoin?x=1&y HTTP/1.1\r\nX-B: 1\r\ncontent-TYPE: multipart/form-data;  boundary=AB\r\nX-B: 2\r\nContent-Length: 3\r\n\r\n",
        );
        assert_eq!(parsed.method, "POST");
        assert_eq!(parsed.target, "/clientcustom/v2/inviteUserJoin?x=1&y");
        assert_eq!(parsed.path(), "/clientcustom/v2/inviteUserJoin");
        let names: Vec<&str> = parsed.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["X-B", "content-TYPE", "X-B", "Content-Length"]);
        assert_eq!(parsed.headers[1].1, "multipart/form-data;  boundary=AB");
        assert_eq!(parsed.framing, BodyFraming::Length(3));
        assert!(parsed.keep_alive);
        assert!(!parsed.expects_continue);
    }

    #[test]
    fn partial_heads_ask_for_more() {
        let raw = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
        for end in 0..raw.len() {
            assert_eq!(head(&raw[..end]), Ok(None), "prefix of {end} bytes");
        }
        let with_body = format!("{raw}body");
        let (_, consumed) = parse_head(with_body.as_bytes()).unwrap().unwrap();
        assert_eq!(consumed, raw.len());
    }

    #[test]
    fn garbage_is_malformed() {
        assert!(matches!(
            parse_head(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"),
            Err(WireError::Malformed(_))
        ));
        for raw in [
            "GET /a HTTP/2.0\r\n\r\n",
            "GET /a\r\n\r\n",
            "GET  /a HTTP/1.1\r\n\r\n",
            "GET /a HTTP/1.1\r\nBad Header: x\r\n\r\n",
            "GET /a HTTP/1.1\r\n: x\r\n\r\n",
        ] {
            assert!(
                matches!(head(raw), Err(WireError::Malformed(_))),
                "{raw:?} gave {:?}",
                head(raw)
            );
        }
        // Non-UTF-8 in the target is refused (the emulator's target is a string).
        assert!(matches!(
            parse_head(b"GET /\xff HTTP/1.1\r\n\r\n"),
            Err(WireError::Malformed(_))
        ));
    }

    #[test]
    fn non_utf8_header_values_are_kept_lossily() {
        let (parsed, _) = parse_head(b"GET / HTTP/1.1\r\nUser-Agent: caf\xe9\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(parsed.headers[0].1, "caf\u{fffd}");
    }

    #[test]
    fn oversized_heads() {
        let long = format!(
            "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
            "a".repeat(MAX_HEAD_BYTES)
        );
        assert_eq!(head(&long), Err(WireError::HeadTooLarge));
        assert_eq!(
            head(&long[..MAX_HEAD_BYTES + 10]),
            Err(WireError::HeadTooLarge)
        );
        let many = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            "X: 1\r\n".repeat(MAX_HEADERS + 1)
        );
        assert_eq!(head(&many), Err(WireError::HeadTooLarge));
        let just = format!("GET / HTTP/1.1\r\n{}\r\n", "X: 1\r\n".repeat(MAX_HEADERS));
        assert_eq!(complete(&just).headers.len(), MAX_HEADERS);
    }

    #[test]
    fn framing_rules() {
        let framing = |extra: &str| {
            head(&format!("POST / HTTP/1.1\r\n{extra}\r\n")).map(|h| h.map(|(h, _)| h.framing))
        };
        assert_eq!(framing(""), Ok(Some(BodyFraming::Empty)));
        assert_eq!(
            framing("Content-Length: 0\r\n"),
            Ok(Some(BodyFraming::Length(0)))
        );
        assert_eq!(
            framing("Content-Length: 5\r\ncontent-length: 5\r\n"),
            Ok(Some(BodyFraming::Length(5)))
        );
        assert_eq!(
            framing("Content-Length: 5, 5\r\n"),
            Ok(Some(BodyFraming::Length(5)))
        );
        assert_eq!(
            framing("Transfer-Encoding: Chunked\r\n"),
            Ok(Some(BodyFraming::Chunked))
        );
        for bad in [
            "Content-Length: 5\r\nContent-Length: 6\r\n",
            "Content-Length: -1\r\n",
            "Content-Length: +1\r\n",
            "Content-Length: 0x10\r\n",
            "Content-Length: 99999999999999999999999\r\n",
            "Content-Length: \r\n",
            "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        ] {
            assert!(
                matches!(framing(bad), Err(WireError::Malformed(_))),
                "{bad:?}"
            );
        }
        for unsupported in [
            "Transfer-Encoding: gzip\r\n",
            "Transfer-Encoding: gzip, chunked\r\n",
        ] {
            assert!(
                matches!(
                    framing(unsupported),
                    Err(WireError::UnsupportedTransferCoding(_))
                ),
                "{unsupported:?}"
            );
        }
        assert!(matches!(
            head("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Err(WireError::Malformed(_))
        ));
    }

    #[test]
    fn keep_alive_and_expect() {
        assert!(!complete("GET / HTTP/1.1\r\nConnection: keep-alive, Close\r\n\r\n").keep_alive);
        assert!(!complete("GET / HTTP/1.0\r\n\r\n").keep_alive);
        assert!(complete("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive);
        assert!(complete("POST / HTTP/1.1\r\nExpect: 100-Continue\r\n\r\n").expects_continue);
        assert!(!complete("POST / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n").expects_continue);
    }

    fn decode_all(input: &[u8], limit: usize) -> Result<(Vec<u8>, usize, bool), WireError> {
        let mut decoder = ChunkedDecoder::new(limit);
        let mut body = Vec::new();
        let consumed = decoder.decode(input, &mut body)?;
        Ok((body, consumed, decoder.is_done()))
    }

    #[test]
    fn chunked_bodies() {
        let input = b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\nNEXT";
        let (body, consumed, done) = decode_all(input, 100).unwrap();
        assert_eq!(body, b"hello, world");
        assert!(done);
        assert_eq!(&input[consumed..], b"NEXT");
        assert_eq!(decode_all(b"0\r\n\r\n", 0).unwrap(), (vec![], 5, true));
        assert_eq!(
            decode_all(b"A \r\n0123456789\r\n0\r\n\r\n", 10).unwrap().0,
            b"0123456789"
        );
    }

    #[test]
    fn chunked_limits_and_errors() {
        assert_eq!(decode_all(b"B\r\n", 10), Err(WireError::BodyTooLarge));
        assert_eq!(
            decode_all(b"5\r\nhello\r\n6\r\n", 10),
            Err(WireError::BodyTooLarge)
        );
        assert_eq!(
            decode_all(b"fffffffffffffffffff\r\n", 10).map(|_| ()),
            Err(WireError::Malformed(
                "bad chunk size line `fffffffffffffffffff`".into()
            ))
        );
        for bad in [
            &b"x\r\n"[..],
            b"\r\n",
            b"5 x\r\n",
            b"-5\r\n",
            b"5\r\nhelloXX",
            b"+5\r\n",
        ] {
            assert!(
                matches!(decode_all(bad, 100), Err(WireError::Malformed(_))),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        let long_line = vec![b'1'; MAX_CHUNK_LINE_BYTES + 1];
        assert!(matches!(
            decode_all(&long_line, 100),
            Err(WireError::Malformed(_))
        ));
    }

    proptest! {
        /// Any split of a chunked body into reads decodes to the same bytes.
        #[test]
        fn chunked_decoding_is_split_independent(
            chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 1..40), 0..6),
            cuts in proptest::collection::vec(0usize..400, 0..8),
        ) {
            let mut wire = Vec::new();
            for chunk in &chunks {
                wire.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                wire.extend_from_slice(chunk);
                wire.extend_from_slice(b"\r\n");
            }
            wire.extend_from_slice(b"0\r\n\r\n");
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (wire.len() + 1)).collect();
            cuts.push(wire.len());
            cuts.sort_unstable();
            let mut decoder = ChunkedDecoder::new(usize::MAX);
            let mut body = Vec::new();
            let mut pending: Vec<u8> = Vec::new();
            let mut fed = 0;
            for cut in cuts {
                pending.extend_from_slice(&wire[fed..cut]);
                fed = cut;
                let used = decoder.decode(&pending, &mut body).unwrap();
                pending.drain(..used);
            }
            prop_assert!(decoder.is_done());
            prop_assert!(pending.is_empty());
            prop_assert_eq!(body, chunks.concat());
        }

        /// The head parser never panics, whatever the bytes.
        #[test]
        fn head_parser_total(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = parse_head(&bytes);
        }
    }

    #[test]
    fn response_bytes() {
        let response = HttpResponse {
            status: 200,
            headers: vec![
                ("Content-Type".into(), "application/json".into()),
                ("Content-Length".into(), "999".into()),
                ("X-Split".into(), "a\r\nInjected: 1".into()),
            ],
            body: b"{}\n".to_vec(),
        };
        assert_eq!(
            encode_response(&response, true, false),
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\n{}\n"
        );
        assert_eq!(
            encode_response(&response, false, true),
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3\r\nConnection: close\r\n\r\n"
        );
        let no_content = HttpResponse {
            status: 204,
            headers: vec![],
            body: vec![],
        };
        assert_eq!(
            encode_response(&no_content, true, false),
            b"HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n"
        );
    }
}
