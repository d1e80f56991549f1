//! The daoke server's multipart parser (spec §5.3), byte for byte.
//!
//! It is not a MIME parser: it finds text and file parts with Lua patterns over the raw
//! bytes, and its quirks are part of the contract (a value ends at the first CRLF that is
//! followed by `-`, a quoted boundary matches nothing, a file part swallows the next
//! delimiter, …).

use super::args::{ArgValue, Field, Parsed, Parser};
use super::pattern::{Class, Pattern, Piece};

const CRLF: &[u8] = b"\r\n";

/// Lua `boundary=(..-)\r\n`: the text after the first `boundary=` up to the next CRLF, at
/// least one byte (which may itself be a CR).
fn boundary_pieces() -> Vec<Piece<'static>> {
    vec![
        Piece::Lit(b"boundary="),
        Piece::Open(0),
        Piece::Repeat {
            class: Class::Any,
            min: 1,
            max: usize::MAX,
            lazy: true,
        },
        Piece::Close(0),
        Piece::Lit(CRLF),
    ]
}

/// The boundary `H` the raw header declares, or `None`: step 1 (dispatch) and step 3.
pub fn declared_boundary(raw_header: &[u8]) -> Option<&[u8]> {
    let captures = Pattern::new(boundary_pieces()).find(raw_header)?;
    raw_header.get(captures.first()?.clone())
}

/// Step 2: the lower-cased raw header has `content-type:` ws? `multipart/form-data;` ws?
/// `boundary=` followed by at least one byte and then CRLF.
fn header_is_multipart(raw_header: &[u8]) -> bool {
    let lower = raw_header.to_ascii_lowercase();
    let mut pieces = vec![
        Piece::Lit(b"content-type:"),
        Piece::optional(Class::Space),
        Piece::Lit(b"multipart/form-data;"),
        Piece::optional(Class::Space),
    ];
    pieces.extend(boundary_pieces());
    Pattern::new(pieces).find(&lower).is_some()
}

/// `Content-Disposition:` ws? `form-data;` ws? `name="`NAME (capture 0)
fn disposition_name<'p>() -> [Piece<'p>; 8] {
    [
        Piece::Lit(b"Content-Disposition:"),
        Piece::optional(Class::Space),
        Piece::Lit(b"form-data;"),
        Piece::optional(Class::Space),
        Piece::Lit(b"name=\""),
        Piece::Open(0),
        Piece::one_or_more(Class::Word),
        Piece::Close(0),
    ]
}

/// `utils.parse_form_data(raw_header, body)`: the text and file fields, or `None` when the
/// header check fails or the body has no CRLF (the handler then reports a parameter
/// error). Values are not decoded; the last value of a name wins; a file field replaces
/// its name's value by a file value.
pub fn parse_form_data(raw_header: &[u8], body: &[u8]) -> Option<Parsed> {
    if !header_is_multipart(raw_header) {
        return None;
    }
    let boundary = declared_boundary(raw_header)?;
    let first_line_end = body.windows(CRLF.len()).position(|w| w == CRLF)?;
    let first_line = body.get(..first_line_end)?;

    let mut parsed = Parsed::new(Parser::Multipart);
    read_text_fields(boundary, first_line, body, &mut parsed);
    if body.len() >= 20 {
        read_file_fields(first_line, body, &mut parsed);
    }
    Some(parsed)
}

/// Records one field occurrence and sets the name's value in the table.
fn add(parsed: &mut Parsed, name: &[u8], value: ArgValue) {
    parsed.args.set(name.to_vec(), value.clone());
    parsed.fields.push(Field {
        name: name.to_vec(),
        value,
        wire: None,
    });
}

/// Step 4: `-`H CRLF disposition `"` (shortest) CRLF CRLF VALUE CRLF `-` (without the two
/// `-` when H equals the first line F).
fn read_text_fields(boundary: &[u8], first_line: &[u8], body: &[u8], parsed: &mut Parsed) {
    let dashes = boundary != first_line;
    let mut pieces = Vec::new();
    if dashes {
        pieces.push(Piece::Lit(b"-"));
    }
    pieces.extend([Piece::Lit(boundary), Piece::Lit(CRLF)]);
    pieces.extend(disposition_name());
    pieces.extend([
        Piece::Lit(b"\""),
        Piece::shortest(),
        Piece::Lit(b"\r\n\r\n"),
        Piece::Open(1),
        Piece::shortest(),
        Piece::Close(1),
        Piece::Lit(CRLF),
    ]);
    if dashes {
        pieces.push(Piece::Lit(b"-"));
    }
    for captures in Pattern::new(pieces).find_all(body) {
        let field = |i: usize| captures.get(i).and_then(|r| body.get(r.clone()));
        if let (Some(name), Some(value)) = (field(0), field(1)) {
            add(parsed, name, ArgValue::Text(value.to_vec()));
        }
    }
}

/// Step 6: F CRLF disposition `";` ws? `filename="`FILE`"` CRLF (shortest) `Content-Type:`
/// ws? TYPE (shortest) CRLF CRLF DATA CRLF F. Each match turns its name into a file value.
fn read_file_fields(first_line: &[u8], body: &[u8], parsed: &mut Parsed) {
    let mut pieces = vec![Piece::Lit(first_line), Piece::Lit(CRLF)];
    pieces.extend(disposition_name());
    pieces.extend([
        Piece::Lit(b"\";"),
        Piece::optional(Class::Space),
        Piece::Lit(b"filename=\""),
        Piece::Open(1),
        Piece::shortest(),
        Piece::Close(1),
        Piece::Lit(b"\""),
        Piece::Lit(CRLF),
        Piece::shortest(),
        Piece::Lit(b"Content-Type:"),
        Piece::optional(Class::Space),
        Piece::one_or_more(Class::MediaType),
        Piece::shortest(),
        Piece::Lit(b"\r\n\r\n"),
        Piece::shortest(),
        Piece::Lit(CRLF),
        Piece::Lit(first_line),
    ]);
    for captures in Pattern::new(pieces).find_all(body) {
        let field = |i: usize| captures.get(i).and_then(|r| body.get(r.clone()));
        if let (Some(name), Some(filename)) = (field(0), field(1)) {
            let filename = filename.to_vec();
            add(parsed, name, ArgValue::File { filename });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: &str = "----B7";

    fn header(content_type: &str) -> Vec<u8> {
        format!("POST /clientcustom/v2/inviteUserJoin HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n\r\n").into_bytes()
    }

    fn part(name: &str, value: &str) -> String {
        format!("--{B}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
    }

    fn text(parsed: &Parsed, name: &str) -> Option<Vec<u8>> {
        let args = &parsed.args;
        match args.get(name) {
            Some(ArgValue::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    #[test]
    fn builder_layout_round_trips() {
        let body = format!(
            "{}{}{}--{B}--",
            part("a", "1"),
            part("b", "line1\nline2\r\nline3"),
            part("a", "2")
        );
        let args = parse_form_data(
            &header(&format!("multipart/form-data; boundary={B}")),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(text(&args, "a").as_deref(), Some(&b"2"[..]));
        assert_eq!(
            text(&args, "b").as_deref(),
            Some(&b"line1\nline2\r\nline3"[..])
        );
    }

    #[test]
    fn a_value_ends_at_crlf_followed_by_dash() {
        let body = format!("{}--{B}--", part("cb", "x\r\n-y"));
        let args = parse_form_data(
            &header(&format!("multipart/form-data; boundary={B}")),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(text(&args, "cb").as_deref(), Some(&b"x"[..]));
    }

    #[test]
    fn header_shape_is_strict() {
        let body = format!("{}--{B}--", part("a", "1"));
        for bad in [
            format!("multipart/form-data; charset=utf-8; boundary={B}"),
            format!("multipart/form-data;  boundary={B}"),
            format!("multipart/form-data; Boundary={B}"),
        ] {
            assert_eq!(
                parse_form_data(&header(&bad), body.as_bytes()),
                None,
                "{bad}"
            );
        }
        assert!(
            declared_boundary(&header(&format!("multipart/form-data; Boundary={B}"))).is_none()
        );
        // Upper-case media type and no space are fine (the check lower-cases the header).
        let ok = parse_form_data(
            &header(&format!("Multipart/Form-Data;boundary={B}")),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(text(&ok, "a").as_deref(), Some(&b"1"[..]));
        // A body without CRLF gives nothing.
        assert_eq!(
            parse_form_data(
                &header(&format!("multipart/form-data; boundary={B}")),
                b"abc"
            ),
            None
        );
    }

    #[test]
    fn quoted_boundary_finds_no_field() {
        let body = format!("{}--{B}--", part("a", "1"));
        let args = parse_form_data(
            &header(&format!("multipart/form-data; boundary=\"{B}\"")),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(args.args.iter().count(), 0);
    }

    #[test]
    fn file_part_becomes_a_file_value_and_swallows_the_next_delimiter() {
        let file = |name: &str| {
            format!("--{B}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"f.amr\"\r\nContent-Type: audio/amr\r\n\r\nDATA\r\n")
        };
        let body = format!("{}{}{}--{B}--", part("a", "1"), file("f1"), file("f2"));
        let args = parse_form_data(
            &header(&format!("multipart/form-data; boundary={B}")),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(text(&args, "a").as_deref(), Some(&b"1"[..]));
        assert_eq!(
            args.args.get("f1"),
            Some(&ArgValue::File {
                filename: b"f.amr".to_vec()
            })
        );
        // The second file part's delimiter was consumed by the first match: read as text.
        assert_eq!(text(&args, "f2").as_deref(), Some(&b"DATA"[..]));
    }

    #[test]
    fn file_part_without_content_type_is_a_text_field() {
        let body = format!("--{B}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\nDATA\r\n--{B}--");
        let args = parse_form_data(
            &header(&format!("multipart/form-data; boundary={B}")),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(text(&args, "f").as_deref(), Some(&b"DATA"[..]));
    }

    #[test]
    fn boundary_equal_to_the_first_line_drops_the_dashes() {
        let body =
            format!("--{B}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--{B}--");
        let args = parse_form_data(
            &header(&format!("multipart/form-data; boundary=--{B}")),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(text(&args, "a").as_deref(), Some(&b"1"[..]));
    }
}
