//! The two daoke body encodings (spec §5): `application/x-www-form-urlencoded` (§5.1) and
//! `multipart/form-data` (§5.2), byte for byte as the vectors expect.
//!
//! Both take parameters that are already canonical (pipeline steps 1–3, see
//! [`canonical_params`](crate::daoke::canonical_params)) — a `&Params` or any `(name, value)`
//! pairs, such as borrowed ones from [`canonical_pairs`](crate::daoke::canonical_pairs) —
//! and write them exactly as given, in order, followed by the `sign` when one is passed. The sign is optional so that a caller (the sandbox runner,
//! a tamper experiment) can leave it out or send a different value as an ordinary parameter.

use alloc::string::String;
use alloc::vec::Vec;

use crate::daoke::random::alphanumeric;
use crate::daoke::sign::Sign;
use crate::digits::{decimal, hex_digit};
use crate::error::{BuildError, BuildErrorKind};
use crate::params::{FilePart, SIGN_NAME};
use crate::text::{quoted, Bilingual};

/// The `Content-Type` of a form-urlencoded body.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Percent-encodes a value for a form body (spec §5.1): every UTF-8 byte except
/// `A–Z a–z 0–9 - . _ ~` becomes `%XX` with upper-case hex, so a space is `%20`, `+` is
/// `%2B` and `é` is `%C3%A9`.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_percent_encoded(&mut out, value);
    out
}

fn push_percent_encoded(out: &mut String, value: &str) {
    for &byte in value.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0x0F));
        }
    }
}

/// The form-urlencoded body (spec §5.1): `name=value` pairs in input order joined by `&`,
/// then `sign=…` when `sign` is given. Names are written as they are (valid names need no
/// encoding; the validator reports invalid ones); values are [`percent_encode`]d; an empty
/// value is written `name=`.
pub fn form_body<N: AsRef<str>, V: AsRef<str>>(
    canonical: impl IntoIterator<Item = (N, V)>,
    sign: Option<&Sign>,
) -> String {
    let mut out = String::new();
    let mut pair = |name: &str, value: &str| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        push_percent_encoded(&mut out, value);
    };
    for (name, value) in canonical {
        pair(name.as_ref(), value.as_ref());
    }
    if let Some(sign) = sign {
        pair(SIGN_NAME, sign.as_str());
    }
    out
}

/// A multipart boundary that satisfies RFC 2046 (spec §5.2): 1–70 characters from
/// `0-9 A-Z a-z ' ( ) + _ , - . / : = ?` and space, not ending in a space.
///
/// (The spec lists the characters without the space but also says "not ending in a space",
/// which only makes sense with RFC 2046's rule that a space may occur inside; that rule is
/// what is implemented.)
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Boundary(String);

impl Boundary {
    /// The longest boundary RFC 2046 allows.
    pub const MAX_LEN: usize = 70;

    /// What a generated boundary starts with (the vendor's sample uses the WebKit style).
    pub const GENERATED_PREFIX: &'static str = "----WebKitFormBoundary";

    /// How many random alphanumerics follow [`Boundary::GENERATED_PREFIX`].
    pub const GENERATED_RANDOM_LEN: usize = 16;

    /// Checks a caller-chosen boundary against RFC 2046.
    pub fn new(text: impl Into<String>) -> Result<Boundary, BuildError> {
        let text = text.into();
        // Counted by hand: `chars().count()` brings core's 900-byte optimised counter into the
        // signer-only wasm, for a text of at most 70 characters.
        let length = text.chars().fold(0, |count, _| count + 1);
        if length == 0 || length > Self::MAX_LEN {
            let length = decimal(length as u64);
            return Err(invalid_boundary(Bilingual::from_pieces(
                &[
                    "The multipart boundary must be 1 to 70 characters long (RFC 2046), but it has ",
                    &length,
                    ". Choose another boundary or let signkit generate one.",
                ],
                &[
                    "multipart 分隔符（boundary）长度必须为 1 到 70 个字符（RFC 2046），当前为 ",
                    &length,
                    " 个。请换一个分隔符，或由 signkit 自动生成。",
                ],
            )));
        }
        if let Some(bad) = text.chars().find(|&c| !is_boundary_char(c)) {
            let bad = quoted(bad.encode_utf8(&mut [0; 4]));
            return Err(invalid_boundary(Bilingual::from_pieces(
                &[
                    "The multipart boundary contains ",
                    &bad,
                    ", which RFC 2046 does not allow. Use only letters, digits, space and ' ( ) + _ , - . / : = ?",
                ],
                &[
                    "multipart 分隔符（boundary）包含 RFC 2046 不允许的字符 ",
                    &bad,
                    "。只能使用字母、数字、空格和 ' ( ) + _ , - . / : = ?",
                ],
            )));
        }
        if text.ends_with(' ') {
            return Err(invalid_boundary(Bilingual::new(
                "The multipart boundary ends with a space, which RFC 2046 does not allow. Remove the trailing space.",
                "multipart 分隔符（boundary）不能以空格结尾（RFC 2046）。请删除末尾的空格。",
            )));
        }
        Ok(Boundary(text))
    }

    /// A boundary in the vendor's style: [`Boundary::GENERATED_PREFIX`] followed by
    /// [`Boundary::GENERATED_RANDOM_LEN`] characters of `0-9 A-Z a-z`, one draw of
    /// `next_random` per character ([`alphanumeric`]).
    pub fn generate(next_random: &mut impl FnMut() -> u64) -> Boundary {
        let mut text =
            String::with_capacity(Self::GENERATED_PREFIX.len() + Self::GENERATED_RANDOM_LEN);
        text.push_str(Self::GENERATED_PREFIX);
        text.extend((0..Self::GENERATED_RANDOM_LEN).map(|_| alphanumeric(next_random())));
        Boundary(text)
    }

    /// The boundary text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl core::fmt::Display for Boundary {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

/// RFC 2046 `bchars` (spec §5.2 list plus the inner space).
fn is_boundary_char(c: char) -> bool {
    // Bytes, not a `str` search: a multi-byte `char` would pull in the substring searcher.
    u8::try_from(c).is_ok_and(|b| b.is_ascii_alphanumeric() || b"'()+_,-./:=? ".contains(&b))
}

fn invalid_boundary(message: Bilingual) -> BuildError {
    BuildError::new(BuildErrorKind::InvalidBoundary, Some("boundary"), message)
}

/// The request's `Content-Type` for a multipart body: exactly
/// `multipart/form-data; boundary=B`, unquoted, `boundary` the only parameter (spec §5.2; the
/// server's parser rejects every other shape, §5.3).
pub fn multipart_content_type(boundary: &Boundary) -> String {
    let mut out = String::from("multipart/form-data; boundary=");
    out.push_str(boundary.as_str());
    out
}

/// Checks that a file part can be written without escaping (spec §5.2): the field name is
/// `^[A-Za-z0-9_]+$`, the file name has no `"`, CR or LF, and the media type starts with a
/// character from `[A-Za-z0-9/-]` (what the server's file pattern needs) and has no CR or LF.
pub fn check_file_part(file: &FilePart) -> Result<(), BuildError> {
    let name_ok = !file.name.is_empty()
        && file
            .name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !name_ok {
        let name = quoted(&file.name);
        return Err(BuildError::new(
            BuildErrorKind::InvalidFileField,
            Some("files[0].name"),
            Bilingual::from_pieces(
                &[
                    "The file part's field name ",
                    &name,
                    " must be one or more ASCII letters, digits or underscores; the server's multipart parser ignores any other name. Rename the field.",
                ],
                &[
                    "文件字段名 ",
                    &name,
                    " 只能由一个或多个 ASCII 字母、数字或下划线组成，否则服务器的 multipart 解析器会忽略它。请修改字段名。",
                ],
            ),
        ));
    }
    if file.filename.contains(['"', '\r', '\n']) {
        return Err(BuildError::new(
            BuildErrorKind::InvalidFileName,
            Some("files[0].filename"),
            Bilingual::new(
                "The file name must not contain a double quote, CR or LF: it is written unescaped inside filename=\"…\". Rename the file.",
                "文件名不能包含双引号、回车（CR）或换行（LF）：它会原样写入 filename=\"…\"。请重命名文件。",
            ),
        ));
    }
    let type_ok = file
        .content_type
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'-')
        && !file.content_type.contains(['\r', '\n']);
    if !type_ok {
        return Err(BuildError::new(
            BuildErrorKind::InvalidFileContentType,
            Some("files[0].contentType"),
            Bilingual::new(
                "The file's media type must start with a letter, digit, '/' or '-' and must not contain CR or LF, otherwise the server reads the file as a text field and signs it. Use a media type such as audio/amr or application/octet-stream.",
                "文件的媒体类型必须以字母、数字、“/”或“-”开头，且不能包含回车或换行，否则服务器会把文件当作文本字段并参与签名。请使用 audio/amr 或 application/octet-stream 等媒体类型。",
            ),
        ));
    }
    Ok(())
}

/// The multipart body, exactly as spec §5.2 lays it out: one part per parameter in input
/// order (values raw, not percent-encoded), then the `sign` part when `sign` is given, then
/// the file part when `file` is given, then `--B--` with no trailing CRLF.
///
/// Fails when the file part breaks [`check_file_part`], or when the boundary occurs anywhere
/// inside a part (its header lines or its content): the server would cut the body there.
pub fn multipart_body<N: AsRef<str>, V: AsRef<str>>(
    canonical: impl IntoIterator<Item = (N, V)>,
    sign: Option<&Sign>,
    file: Option<&FilePart>,
    boundary: &Boundary,
) -> Result<Vec<u8>, BuildError> {
    if let Some(file) = file {
        check_file_part(file)?;
    }
    let mut body = MultipartWriter {
        body: Vec::new(),
        boundary,
    };
    for (name, value) in canonical {
        body.text_part(name.as_ref(), value.as_ref())?;
    }
    if let Some(sign) = sign {
        body.text_part(SIGN_NAME, sign.as_str())?;
    }
    if let Some(file) = file {
        body.part(
            "files[0]",
            &[
                b"Content-Disposition: form-data; name=\"",
                file.name.as_bytes(),
                b"\"; filename=\"",
                file.filename.as_bytes(),
                b"\"\r\nContent-Type: ",
                file.content_type.as_bytes(),
                b"\r\n\r\n",
                &file.data,
            ],
        )?;
    }
    Ok(body.finish())
}

/// Appends delimiter-separated parts and proves the boundary absent from each.
struct MultipartWriter<'a> {
    body: Vec<u8>,
    boundary: &'a Boundary,
}

impl MultipartWriter<'_> {
    /// Writes the part of a text parameter.
    fn text_part(&mut self, name: &str, value: &str) -> Result<(), BuildError> {
        self.part(
            name,
            &[
                b"Content-Disposition: form-data; name=\"",
                name.as_bytes(),
                b"\"\r\n\r\n",
                value.as_bytes(),
            ],
        )
    }

    /// Writes `--B CRLF` then the part (headers and content, given as pieces), then CRLF;
    /// `field` names the part in the error if the boundary occurs in it.
    fn part(&mut self, field: &str, pieces: &[&[u8]]) -> Result<(), BuildError> {
        self.delimiter();
        self.body.extend_from_slice(b"\r\n");
        let part_start = self.body.len();
        for piece in pieces {
            self.body.extend_from_slice(piece);
        }
        let part = self.body.get(part_start..).unwrap_or_default();
        if contains(part, self.boundary.as_str().as_bytes()) {
            return Err(boundary_in_content(field, self.boundary));
        }
        self.body.extend_from_slice(b"\r\n");
        Ok(())
    }

    fn delimiter(&mut self) {
        self.body.extend_from_slice(b"--");
        self.body
            .extend_from_slice(self.boundary.as_str().as_bytes());
    }

    /// Writes the closing delimiter `--B--` (no CRLF after it, like seed 000's sample).
    fn finish(mut self) -> Vec<u8> {
        self.delimiter();
        self.body.extend_from_slice(b"--");
        self.body
    }
}

/// Whether `needle` occurs in `haystack` (an empty needle never does: boundaries are not
/// empty).
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

fn boundary_in_content(field: &str, boundary: &Boundary) -> BuildError {
    let (boundary, field) = (quoted(boundary.as_str()), quoted(field));
    BuildError::new(
        BuildErrorKind::BoundaryInContent,
        Some("boundary"),
        Bilingual::from_pieces(
            &[
                "The multipart boundary ",
                &boundary,
                " occurs inside the part ",
                &field,
                ", so the server would cut the body there. Choose a boundary that occurs in no value and no file.",
            ],
            &[
                "multipart 分隔符 ",
                &boundary,
                " 出现在字段 ",
                &field,
                " 的内容中，服务器会在那里截断请求体。请选择一个不出现在任何参数值和文件中的分隔符。",
            ],
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::daoke::sign::{sign, Secret};
    use crate::params::Params;

    fn boundary(text: &str) -> Boundary {
        Boundary::new(text).unwrap()
    }

    fn file(name: &str, filename: &str, content_type: &str, data: &[u8]) -> FilePart {
        FilePart {
            name: name.into(),
            filename: filename.into(),
            content_type: content_type.into(),
            data: data.to_vec(),
        }
    }

    #[test]
    fn percent_encode_keeps_exactly_the_unreserved_set() {
        for byte in 0u8..0x80 {
            let text = char::from(byte).to_string();
            let unreserved = byte.is_ascii_alphanumeric() || b"-._~".contains(&byte);
            let expected = if unreserved {
                text.clone()
            } else {
                format!("%{byte:02X}")
            };
            assert_eq!(percent_encode(&text), expected, "byte {byte:#04x}");
        }
    }

    #[test]
    fn percent_encode_writes_utf8_bytes_in_upper_case_hex() {
        assert_eq!(percent_encode("微密"), "%E5%BE%AE%E5%AF%86");
        assert_eq!(percent_encode("é😀"), "%C3%A9%F0%9F%98%80");
        assert_eq!(
            percent_encode("a b+c%d&e=f\n\r"),
            "a%20b%2Bc%25d%26e%3Df%0A%0D"
        );
        assert_eq!(percent_encode(""), "");
    }

    #[test]
    fn form_body_keeps_input_order_and_appends_sign_last() {
        let signed = sign(
            &Params::new()
                .with("b", "2")
                .with("a", "")
                .with("sign", "old"),
            &Secret::new("s"),
        );
        let body = form_body(&signed.canonical, Some(&signed.sign));
        assert_eq!(body, format!("b=2&a=&sign={}", signed.sign));
        assert_eq!(form_body(&signed.canonical, None), "b=2&a=");
        assert_eq!(form_body(&Params::new(), None), "");
    }

    #[test]
    fn boundary_accepts_rfc_2046_characters() {
        let all = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'()+_,-./:=?";
        for c in all.chars() {
            assert!(Boundary::new(c.to_string()).is_ok(), "{c:?}");
        }
        assert!(Boundary::new("a b").is_ok(), "an inner space is allowed");
        assert!(Boundary::new("x".repeat(70)).is_ok());
    }

    #[test]
    fn boundary_rejects_bad_length_characters_and_trailing_space() {
        for text in [String::new(), "x".repeat(71)] {
            let error = Boundary::new(text.clone()).unwrap_err();
            assert_eq!(error.kind, BuildErrorKind::InvalidBoundary, "{text:?}");
            assert_eq!(error.field.as_deref(), Some("boundary"));
        }
        for text in ["a\"b", "a;b", "a\r\nb", "a\tb", "é", "a[b", "a ", " "] {
            let error = Boundary::new(text).unwrap_err();
            assert_eq!(error.kind, BuildErrorKind::InvalidBoundary, "{text:?}");
        }
        let message = Boundary::new("a;b").unwrap_err().message;
        assert!(
            message.en.contains("\";\"") && message.zh.contains("\";\""),
            "{message}"
        );
    }

    #[test]
    fn generated_boundary_is_prefix_plus_16_drawn_alphanumerics() {
        let mut draws = 0u64..;
        let generated = Boundary::generate(&mut || draws.next().unwrap_or_default());
        assert_eq!(generated.as_str(), "----WebKitFormBoundary0123456789ABCDEF");
        assert!(Boundary::new(generated.as_str()).is_ok());
        let mut constant = || 61;
        assert_eq!(
            Boundary::generate(&mut constant).as_str(),
            "----WebKitFormBoundaryzzzzzzzzzzzzzzzz"
        );
    }

    #[test]
    fn multipart_layout_is_exact() {
        let signed = sign(
            &Params::new().with("a", "1").with("b", ""),
            &Secret::new("s"),
        );
        let voice = file("voiceFile", "v.amr", "audio/amr", b"\x00\xFFdata");
        let body = multipart_body(
            &signed.canonical,
            Some(&signed.sign),
            Some(&voice),
            &boundary("Q"),
        )
        .unwrap();
        let mut expected = b"--Q\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n\
--Q\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n\
--Q\r\nContent-Disposition: form-data; name=\"sign\"\r\n\r\n"
            .to_vec();
        expected.extend_from_slice(signed.sign.as_str().as_bytes());
        expected.extend_from_slice(
            b"\r\n--Q\r\nContent-Disposition: form-data; name=\"voiceFile\"; filename=\"v.amr\"\r\n\
Content-Type: audio/amr\r\n\r\n\x00\xFFdata\r\n--Q--",
        );
        assert_eq!(body, expected);
        assert_eq!(
            multipart_content_type(&boundary("Q")),
            "multipart/form-data; boundary=Q"
        );
    }

    #[test]
    fn multipart_without_parts_is_only_the_closing_delimiter() {
        let body = multipart_body(&Params::new(), None, None, &boundary("B")).unwrap();
        assert_eq!(body, b"--B--");
    }

    #[test]
    fn multipart_values_are_raw_not_percent_encoded() {
        let params = Params::new().with("u", "http://h/p?a=1&b=%20 微");
        let body = multipart_body(&params, None, None, &boundary("B")).unwrap();
        let text = String::from_utf8(body).unwrap();
        assert!(
            text.contains("\r\n\r\nhttp://h/p?a=1&b=%20 微\r\n--B--"),
            "{text}"
        );
    }

    #[test]
    fn multipart_refuses_a_boundary_found_in_any_part() {
        let b = boundary("xyz");
        let cases: [(Params, Option<FilePart>, &str); 5] = [
            (Params::new().with("v", "..xyz.."), None, "\"v\""),
            (Params::new().with("axyz", "1"), None, "\"axyz\""),
            (
                Params::new(),
                Some(file("f", "xyz.amr", "audio/amr", b"")),
                "\"files[0]\"",
            ),
            (
                Params::new(),
                Some(file("f", "a", "audio/xyz", b"")),
                "\"files[0]\"",
            ),
            (
                Params::new(),
                Some(file("f", "a", "audio/amr", b"--xyz")),
                "\"files[0]\"",
            ),
        ];
        for (params, file, part) in cases {
            let error = multipart_body(&params, None, file.as_ref(), &b).unwrap_err();
            assert_eq!(
                error.kind,
                BuildErrorKind::BoundaryInContent,
                "{params:?} {file:?}"
            );
            assert_eq!(error.field.as_deref(), Some("boundary"));
            assert!(error.message.en.contains(part), "{}", error.message);
        }
        // A boundary that is part of the fixed header text can never be used.
        let error = multipart_body(
            &Params::new().with("a", "1"),
            None,
            None,
            &boundary("form-data"),
        )
        .unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::BoundaryInContent);
        // The sign part is checked too.
        let signed = sign(&Params::new(), &Secret::new("s"));
        let inside_sign = boundary(&signed.sign.as_str()[3..9]);
        let error =
            multipart_body(&Params::new(), Some(&signed.sign), None, &inside_sign).unwrap_err();
        assert!(error.message.en.contains("\"sign\""), "{}", error.message);
    }

    #[test]
    fn file_part_rules() {
        assert!(check_file_part(&file("voice_File9", "", "audio/amr", b"")).is_ok());
        assert!(check_file_part(&file("f", "语音 (1).amr", "-x", b"")).is_ok());
        for name in ["", "a-b", "a b", "名", "a\""] {
            let error = check_file_part(&file(name, "a", "audio/amr", b"")).unwrap_err();
            assert_eq!(error.kind, BuildErrorKind::InvalidFileField, "{name:?}");
            assert_eq!(error.field.as_deref(), Some("files[0].name"));
        }
        for filename in ["a\"b", "a\rb", "a\nb"] {
            let error = check_file_part(&file("f", filename, "audio/amr", b"")).unwrap_err();
            assert_eq!(error.kind, BuildErrorKind::InvalidFileName, "{filename:?}");
            assert_eq!(error.field.as_deref(), Some("files[0].filename"));
        }
        for content_type in ["", " audio/amr", ";x", "audio/amr\r\nX: y", "é"] {
            let error = check_file_part(&file("f", "a", content_type, b"")).unwrap_err();
            assert_eq!(
                error.kind,
                BuildErrorKind::InvalidFileContentType,
                "{content_type:?}"
            );
            assert_eq!(error.field.as_deref(), Some("files[0].contentType"));
        }
        // multipart_body applies the same rules.
        let bad = file("f", "a\"b", "audio/amr", b"");
        let error = multipart_body(&Params::new(), None, Some(&bad), &boundary("B")).unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::InvalidFileName);
    }
}
