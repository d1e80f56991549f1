//! `PreparedRequest`: the exact bytes that will be sent, printable as raw HTTP and as curl.
//!
//! Both vendors' builders end here. The request is plain data; sending it is the caller's
//! business (a browser `fetch`, the sandbox, curl). `Host` and `Content-Length` are not
//! stored as headers because browsers set them themselves (spec §2.3); [`PreparedRequest::raw`]
//! adds them for the preview.

use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// An HTTP request ready to send: method, host, path (with query), headers in order, body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreparedRequest {
    /// `POST` for every vendor endpoint.
    pub method: String,
    /// The host the request is meant for, e.g. `api.daoke.io` (used for the `Host` header).
    pub host: String,
    /// The request target: path plus `?query` when there is one.
    pub path: String,
    /// Headers in the order they are sent (without `Host` and `Content-Length`).
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl PreparedRequest {
    /// The value of the first header called `name` (compared ignoring ASCII case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Sets header `name` to `value`: the first header of that name (any case) takes the new
    /// name and value, later ones are removed; without one the header is appended.
    pub fn set_header(&mut self, name: &str, value: &str) {
        match self
            .headers
            .iter()
            .position(|(header, _)| header.eq_ignore_ascii_case(name))
        {
            Some(first) => {
                let mut index = 0;
                self.headers.retain(|(header, _)| {
                    let keep = index <= first || !header.eq_ignore_ascii_case(name);
                    index += 1;
                    keep
                });
                if let Some(slot) = self.headers.get_mut(first) {
                    *slot = (name.to_owned(), value.to_owned());
                }
            }
            None => self.headers.push((name.to_owned(), value.to_owned())),
        }
    }

    /// Removes every header called `name` (any case).
    pub fn remove_header(&mut self, name: &str) {
        self.headers
            .retain(|(header, _)| !header.eq_ignore_ascii_case(name));
    }

    /// The `Content-Type` header's value.
    pub fn content_type(&self) -> Option<&str> {
        self.header("Content-Type")
    }

    /// The body length in bytes (the `Content-Length` a client sends).
    pub fn content_length(&self) -> usize {
        self.body.len()
    }

    /// `http://{host}`: where the request goes when no proxy is involved (both vendors
    /// document plain `http://` hosts, spec §2).
    pub fn default_base_url(&self) -> String {
        let mut url = String::from("http://");
        url.push_str(&self.host);
        url
    }

    /// `base_url` (without a trailing `/`) followed by the path and query.
    pub fn url(&self, base_url: &str) -> String {
        let mut url = String::from(base_url.trim_end_matches('/'));
        url.push_str(&self.path);
        url
    }

    /// The raw HTTP/1.1 request, byte for byte: the request line, `Host`, the headers in
    /// order, `Content-Length`, an empty line and the body. `Host` and `Content-Length` are
    /// written only when the headers do not already carry them.
    pub fn raw(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len() + 256);
        for piece in [
            self.method.as_str(),
            " ",
            self.path.as_str(),
            " HTTP/1.1\r\n",
        ] {
            out.extend_from_slice(piece.as_bytes());
        }
        if self.header("Host").is_none() {
            push_header_line(&mut out, "Host", &self.host);
        }
        for (name, value) in &self.headers {
            push_header_line(&mut out, name, value);
        }
        if self.header("Content-Length").is_none() {
            push_header_line(&mut out, "Content-Length", &self.body.len().to_string());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&self.body);
        out
    }

    /// A curl command for a POSIX shell that sends exactly this request to `base_url` (for
    /// example [`PreparedRequest::default_base_url`] or a local proxy):
    /// `curl -X METHOD 'URL' -H 'Name: value' … --data-binary BODY`, one option per line.
    ///
    /// Arguments made only of characters no shell treats specially are written as they are,
    /// others are single-quoted; an argument with control characters (the CRLFs of a
    /// multipart body), or bytes that are not UTF-8, is written with `$'…'` quoting
    /// (POSIX.1-2024; bash, zsh, ksh), so a pasted command sends the same bytes. A body
    /// containing a NUL byte, which no shell argument can carry, is piped in instead:
    /// `printf 'FORMAT' | curl … --data-binary @-`.
    pub fn to_curl(&self, base_url: &str) -> String {
        let mut lines = Vec::with_capacity(self.headers.len() + 2);
        lines.push(
            [
                "curl -X ",
                &shell_quote(self.method.as_bytes()),
                " ",
                &shell_quote(self.url(base_url).as_bytes()),
            ]
            .concat(),
        );
        for (name, value) in &self.headers {
            lines.push(
                [
                    "-H ",
                    &shell_quote([name.as_str(), ": ", value.as_str()].concat().as_bytes()),
                ]
                .concat(),
            );
        }
        let mut command = String::new();
        if self.body.contains(&0) {
            command.push_str("printf ");
            command.push_str(&printf_format(&self.body));
            command.push_str(" | ");
            lines.push(String::from("--data-binary @-"));
        } else {
            lines.push(["--data-binary ", &shell_quote(&self.body)].concat());
        }
        command.push_str(&lines.join(" \\\n  "));
        command
    }
}

impl core::fmt::Display for PreparedRequest {
    /// The raw request ([`PreparedRequest::raw`]) as text; bytes that are not UTF-8 (binary
    /// file content) are shown as U+FFFD.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&String::from_utf8_lossy(&self.raw()))
    }
}

fn push_header_line(out: &mut Vec<u8>, name: &str, value: &str) {
    for piece in [name, ": ", value, "\r\n"] {
        out.extend_from_slice(piece.as_bytes());
    }
}

/// Quotes bytes as one shell word: as they are when every byte is one of
/// `A-Z a-z 0-9 _ - . , / : = + @ %` (nothing a shell treats specially), `'…'` when they are
/// UTF-8 text without control characters, `$'…'` otherwise.
fn shell_quote(bytes: &[u8]) -> String {
    let plain = |b: &u8| b.is_ascii_alphanumeric() || b"_-.,/:=+@%".contains(b);
    match core::str::from_utf8(bytes) {
        Ok(text) if !text.is_empty() && text.bytes().all(|b| plain(&b)) => String::from(text),
        Ok(text) if !text.chars().any(char::is_control) => {
            let mut out = String::with_capacity(text.len() + 2);
            out.push('\'');
            // Nothing is special inside '…' except the quote itself: close, escape, reopen.
            out.push_str(&text.replace('\'', "'\\''"));
            out.push('\'');
            out
        }
        _ => dollar_quote(bytes),
    }
}

/// `$'…'` quoting: `\\`, `\'`, `\t`, `\n`, `\r` and `\xHH` for every other control
/// character and every byte that is not UTF-8; other characters (Chinese included) as they
/// are. `\xHH` always has two digits, so a hex digit after it is never swallowed.
fn dollar_quote(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push_str("$'");
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\'' => out.push_str("\\'"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => {
                    let mut utf8 = [0u8; 4];
                    for &byte in c.encode_utf8(&mut utf8).as_bytes() {
                        push_hex_escape(&mut out, byte);
                    }
                }
                c => out.push(c),
            }
        }
        for &byte in chunk.invalid() {
            push_hex_escape(&mut out, byte);
        }
    }
    out.push('\'');
    out
}

fn push_hex_escape(out: &mut String, byte: u8) {
    use core::fmt::Write as _;
    // Writing to a String cannot fail.
    let _ = write!(out, "\\x{byte:02X}");
}

/// A single-quoted POSIX `printf` format that prints exactly `bytes`: printable ASCII as is
/// (`%` doubled, `\` doubled, `'` as `'\''`), every other byte as a three-digit octal
/// escape `\ooo` (three digits, so a following digit is never swallowed).
fn printf_format(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2 + 2);
    out.push('\'');
    for &byte in bytes {
        match byte {
            b'%' => out.push_str("%%"),
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("'\\''"),
            0x20..=0x7E => out.push(char::from(byte)),
            _ => {
                out.push('\\');
                for shift in [6, 3, 0] {
                    out.push(char::from(b'0' + ((byte >> shift) & 0o7)));
                }
            }
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: &[u8]) -> PreparedRequest {
        PreparedRequest {
            method: "POST".into(),
            host: "api.daoke.io".into(),
            path: "/weiboapi/v2/createGroup".into(),
            headers: vec![(
                "Content-Type".into(),
                "application/x-www-form-urlencoded".into(),
            )],
            body: body.to_vec(),
        }
    }

    /// Splits a shell command into words the way a POSIX shell with `$'…'` support does, for
    /// the subset `to_curl` writes: `'…'`, `$'…'` (escapes `\\ \' \t \n \r \xHH`), bare
    /// words, `\`-escaped ASCII characters, `\`-newline continuations and a `printf 'FORMAT' | ` prefix, whose output is
    /// returned as the second element.
    fn shell_words(command: &str) -> (Vec<Vec<u8>>, Option<Vec<u8>>) {
        let mut words = Vec::new();
        let mut word: Option<Vec<u8>> = None;
        let bytes = command.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
                b'\\' => {
                    word.get_or_insert_with(Vec::new).push(bytes[i + 1]);
                    i += 2;
                }
                b' ' | b'\n' => {
                    words.extend(word.take());
                    i += 1;
                }
                b'\'' => {
                    let end = i + 1 + command[i + 1..].find('\'').expect("closing quote");
                    word.get_or_insert_with(Vec::new)
                        .extend_from_slice(&bytes[i + 1..end]);
                    i = end + 1;
                }
                b'$' if bytes.get(i + 1) == Some(&b'\'') => {
                    let out = word.get_or_insert_with(Vec::new);
                    i += 2;
                    loop {
                        match bytes[i] {
                            b'\'' => break,
                            b'\\' => {
                                i += 1;
                                match bytes[i] {
                                    b'\\' => out.push(b'\\'),
                                    b'\'' => out.push(b'\''),
                                    b't' => out.push(b'\t'),
                                    b'n' => out.push(b'\n'),
                                    b'r' => out.push(b'\r'),
                                    b'x' => {
                                        let hex = &command[i + 1..i + 3];
                                        out.push(u8::from_str_radix(hex, 16).unwrap());
                                        i += 2;
                                    }
                                    other => panic!("unexpected escape \\{}", other as char),
                                }
                            }
                            byte => out.push(byte),
                        }
                        i += 1;
                    }
                    i += 1;
                }
                byte => {
                    word.get_or_insert_with(Vec::new).push(byte);
                    i += 1;
                }
            }
        }
        words.extend(word);
        // Only the NUL form starts with `printf FORMAT |`; a quoted `'|'` in a later word is
        // data, not a pipe, so the pipe is recognised by position, not by its text.
        if words.first().is_some_and(|w| w == b"printf") {
            assert_eq!(words[2], b"|");
            let printed = printf_output(&words[1]);
            (words.split_off(3), Some(printed))
        } else {
            (words, None)
        }
    }

    /// What POSIX `printf FORMAT` prints for the subset `printf_format` writes.
    fn printf_output(format: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < format.len() {
            match format[i] {
                b'%' => {
                    assert_eq!(format[i + 1], b'%');
                    out.push(b'%');
                    i += 2;
                }
                b'\\' if format[i + 1] == b'\\' => {
                    out.push(b'\\');
                    i += 2;
                }
                b'\\' => {
                    let octal = std::str::from_utf8(&format[i + 1..i + 4]).unwrap();
                    out.push(u8::from_str_radix(octal, 8).unwrap());
                    i += 4;
                }
                byte => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        out
    }

    /// The bytes a pasted `to_curl` command would send, checking the rest of the command.
    fn curl_body(request: &PreparedRequest) -> Vec<u8> {
        let command = request.to_curl("http://127.0.0.1:8080/");
        let (words, piped) = shell_words(&command);
        assert_eq!(
            words[..3],
            [
                b"curl".to_vec(),
                b"-X".to_vec(),
                request.method.as_bytes().to_vec()
            ]
        );
        assert_eq!(words[3], request.url("http://127.0.0.1:8080").into_bytes());
        let mut rest = &words[4..];
        for (name, value) in &request.headers {
            assert_eq!(rest[0], b"-H");
            assert_eq!(rest[1], format!("{name}: {value}").into_bytes());
            rest = &rest[2..];
        }
        assert_eq!(rest[0], b"--data-binary");
        assert_eq!(rest.len(), 2, "{command}");
        match piped {
            Some(printed) => {
                assert_eq!(rest[1], b"@-");
                printed
            }
            None => rest[1].clone(),
        }
    }

    #[test]
    fn raw_request_layout_is_exact() {
        let raw = request(b"a=1").raw();
        assert_eq!(
            raw,
            b"POST /weiboapi/v2/createGroup HTTP/1.1\r\nHost: api.daoke.io\r\n\
Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=1"
        );
        assert_eq!(request(b"a=1").to_string().into_bytes(), raw);
    }

    #[test]
    fn raw_request_keeps_explicit_host_and_content_length() {
        let mut custom = request(b"");
        custom.headers.push(("host".into(), "proxy".into()));
        custom.headers.push(("Content-length".into(), "99".into()));
        let raw = String::from_utf8(custom.raw()).unwrap();
        assert_eq!(
            raw,
            "POST /weiboapi/v2/createGroup HTTP/1.1\r\n\
Content-Type: application/x-www-form-urlencoded\r\nhost: proxy\r\nContent-length: 99\r\n\r\n"
        );
    }

    #[test]
    fn display_is_lossy_for_binary_bodies() {
        let text = request(b"ok\xFF").to_string();
        assert!(
            text.ends_with("Content-Length: 3\r\n\r\nok\u{FFFD}"),
            "{text}"
        );
    }

    #[test]
    fn header_access_ignores_case() {
        let mut r = request(b"");
        assert_eq!(r.content_type(), Some("application/x-www-form-urlencoded"));
        assert_eq!(r.header("CONTENT-TYPE"), r.content_type());
        assert_eq!(r.header("Accept"), None);
        r.headers.push(("X-A".into(), "1".into()));
        r.headers.push(("content-type".into(), "second".into()));
        r.set_header("Content-TYPE", "text/plain");
        assert_eq!(
            r.headers,
            [
                ("Content-TYPE".to_string(), "text/plain".to_string()),
                ("X-A".into(), "1".into())
            ]
        );
        r.set_header("Accept", "*/*");
        assert_eq!(
            r.headers.last(),
            Some(&("Accept".to_string(), "*/*".to_string()))
        );
        r.remove_header("x-a");
        assert_eq!(r.headers.len(), 2);
        assert_eq!(r.content_length(), 0);
    }

    #[test]
    fn urls() {
        let r = request(b"");
        assert_eq!(r.default_base_url(), "http://api.daoke.io");
        assert_eq!(
            r.url("http://localhost:9/"),
            "http://localhost:9/weiboapi/v2/createGroup"
        );
        assert_eq!(
            r.url(&r.default_base_url()),
            "http://api.daoke.io/weiboapi/v2/createGroup"
        );
    }

    #[test]
    fn curl_for_a_plain_body_uses_single_quotes() {
        let command = request(b"a=1&b=%27").to_curl("http://api.daoke.io");
        assert_eq!(
            command,
            "curl -X POST http://api.daoke.io/weiboapi/v2/createGroup \\\n  \
-H 'Content-Type: application/x-www-form-urlencoded' \\\n  \
--data-binary 'a=1&b=%27'"
        );
    }

    #[test]
    fn curl_body_is_byte_exact() {
        let bodies: [&[u8]; 8] = [
            b"",
            b"it's",
            b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nline1\nline2\\x41\r\n--B--",
            "微密之声 $HOME `x` \"q\" \\".as_bytes(),
            b"\x01\x1F\x7F tab\there",
            b"bin\xFF\xFE\x80ary\xC3",
            b"nul\x00in\x00the middle %d 100% \\101 '\n",
            "\u{85}\u{2028}é".as_bytes(),
        ];
        for body in bodies {
            let r = request(body);
            assert_eq!(curl_body(&r), body, "{}", r.to_curl(""));
        }
    }

    #[test]
    fn curl_quotes_headers_and_urls() {
        let mut r = request(b"x");
        r.headers.push(("Authorization".into(), "it's\r\n".into()));
        r.path = "/p?q='1'".into();
        assert_eq!(curl_body(&r), b"x");
        assert!(r.to_curl("").contains("$'Authorization: it\\'s\\r\\n'"));
    }

    #[test]
    fn curl_pipes_a_body_with_nul_through_printf() {
        let command = request(b"a\x00%\\7'").to_curl("");
        assert!(
            command.starts_with("printf 'a\\000%%\\\\7'\\'''"),
            "{command}"
        );
        assert!(command.ends_with(" \\\n  --data-binary @-"), "{command}");
    }

    proptest::proptest! {
        #[test]
        fn curl_is_byte_exact_for_any_body_and_header(
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            value in proptest::prelude::any::<String>(),
            path in "/[ -~]{0,16}",
        ) {
            let mut r = request(&body);
            r.headers.push(("X-Any".into(), value));
            r.path = path;
            proptest::prop_assert_eq!(curl_body(&r), body);
        }
    }
}
