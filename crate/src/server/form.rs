//! The two form-urlencoded decoders of the daoke server (spec §5.1), and their value
//! decodings as separate functions, so that a sign doctor can try the variants a caller's
//! code gets wrong (`+` kept, CRLF kept) with the server's own rules.

use super::args::{ArgValue, Field, Parsed, Parser, Wire};

/// How a form value is decoded: the server's way ([`Decoding::SERVER`]) or a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decoding {
    /// `+` becomes a space (the server: yes).
    pub plus_as_space: bool,
    /// `parse_url` only: every CRLF becomes LF after the percent-decoding (the server:
    /// yes; `ngx.decode_args` keeps CRLF whatever this says).
    pub crlf_to_lf: bool,
}

impl Decoding {
    /// What the server does.
    pub const SERVER: Decoding = Decoding {
        plus_as_space: true,
        crlf_to_lf: true,
    };
}

impl Parser {
    /// Decodes one name or value as this parser does (`decoding` = [`Decoding::SERVER`]),
    /// or with a variant: `parse_url` decodes `+`, `%XX` and then CRLF ([`url_decode`]);
    /// `ngx.decode_args` unescapes with nginx's rules ([`ngx_unescape`]); the multipart
    /// parser decodes nothing. (`parse_url` never decodes names: the caller decides what
    /// it decodes.)
    pub fn decode(self, raw: &[u8], decoding: Decoding) -> Vec<u8> {
        match self {
            Parser::ParseUrl => url_decode(raw, decoding),
            Parser::DecodeArgs => ngx_unescape(raw, decoding.plus_as_space),
            Parser::Multipart => raw.to_vec(),
        }
    }
}

/// `utils.parse_url` (createGroup, verifyApplyJoiningMember, inviteUserJoin).
///
/// Successive non-overlapping matches of `name=value` from the start of the body, where
/// the name is one or more bytes other than `=` and `&` and the value zero or more such
/// bytes (Lua `gmatch("([^=&]+)=([^=&]*)")`). Names stay as sent; values are decoded
/// `+` → space, then `%XX` → byte, then CRLF → LF ([`url_decode`]). The last value of a
/// name wins.
pub fn parse_url(body: &[u8]) -> Parsed {
    let is_text = |b: &u8| *b != b'=' && *b != b'&';
    let mut parsed = Parsed::new(Parser::ParseUrl);
    let mut pos = 0;
    while let Some(rest) = body.get(pos..).filter(|rest| !rest.is_empty()) {
        let name_len = rest.iter().take_while(|b| is_text(b)).count();
        if name_len == 0 || rest.get(name_len) != Some(&b'=') {
            // No match can start anywhere inside this run of name bytes either.
            pos += name_len.max(1);
            continue;
        }
        let value_start = name_len + 1;
        let value_len = rest
            .get(value_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| is_text(b))
            .count();
        let name = rest.get(..name_len).unwrap_or_default();
        let raw_value = rest
            .get(value_start..value_start + value_len)
            .unwrap_or_default();
        let value = ArgValue::Text(url_decode(raw_value, Decoding::SERVER));
        parsed.args.set(name.to_vec(), value.clone());
        parsed.fields.push(Field {
            name: name.to_vec(),
            value,
            wire: Some(Wire {
                name: name.to_vec(),
                value: Some(raw_value.to_vec()),
            }),
        });
        pos += value_start + value_len;
    }
    parsed
}

/// `ngx.decode_args` (applyMicroChannel form bodies), exactly as ngx_lua-0.10.2 does it
/// (spec §5.1).
///
/// Splits on `&` and decodes at most the first 100 pieces (empty pieces count). A piece
/// with `=` is split at its first `=`, name and value both unescaped ([`ngx_unescape`]:
/// `+` → space, `%XX` → byte, malformed escapes partly dropped; CRLF is kept); a piece
/// without `=` gives its unescaped name the value `true`; a piece whose unescaped name is
/// empty is ignored; a repeated name becomes a table of its values in body order.
pub fn decode_args(body: &[u8]) -> Parsed {
    let mut parsed = Parsed::new(Parser::DecodeArgs);
    for piece in body.split(|&b| b == b'&').take(100) {
        let (raw_name, raw_value) = match piece.iter().position(|&b| b == b'=') {
            Some(eq) => (piece.get(..eq).unwrap_or_default(), piece.get(eq + 1..)),
            None => (piece, None),
        };
        let name = ngx_unescape(raw_name, true);
        if name.is_empty() {
            continue;
        }
        let value = match raw_value {
            Some(raw) => ArgValue::Text(ngx_unescape(raw, true)),
            None => ArgValue::True,
        };
        let kept = match parsed.args.get_bytes(&name) {
            None => value.clone(),
            Some(ArgValue::Table(values)) => {
                let mut values = values.clone();
                values.push(value.clone());
                ArgValue::Table(values)
            }
            Some(first) => ArgValue::Table(vec![first.clone(), value.clone()]),
        };
        parsed.args.set(name.clone(), kept);
        parsed.fields.push(Field {
            name,
            value,
            wire: Some(Wire {
                name: raw_name.to_vec(),
                value: raw_value.map(<[u8]>::to_vec),
            }),
        });
    }
    parsed
}

/// `parse_url`'s value decoding: `+` → space (with `plus_as_space`), then `%XX` (hex
/// digits in either case) → byte, a malformed `%` staying as it is, then every CRLF → LF
/// in one left-to-right pass (with `crlf_to_lf`).
pub fn url_decode(raw: &[u8], decoding: Decoding) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        match b {
            b'+' if decoding.plus_as_space => out.push(b' '),
            b'%' => {
                if let (Some(hi), Some(lo)) = (hex_value(raw.get(i + 1)), hex_value(raw.get(i + 2)))
                {
                    out.push(hi * 16 + lo);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            _ => out.push(b),
        }
        i += 1;
    }
    if decoding.crlf_to_lf {
        crlf_to_lf(&out)
    } else {
        out
    }
}

/// nginx's `ngx_http_lua_unescape_uri` in its URI-component mode (spec §5.1 step 3): one
/// pass with three states. *usual*: `%` → *first*; `+` → space (with `plus_as_space`);
/// any other byte is written. *first*: a hex digit is kept → *second*; any other byte is
/// written as it is → *usual* (the `%` is dropped). *second*: a hex digit writes the byte
/// → *usual*; any other byte → *usual*, writing nothing (`%`, the first digit and this
/// byte are dropped). A trailing `%` or `%X` is dropped.
pub fn ngx_unescape(raw: &[u8], plus_as_space: bool) -> Vec<u8> {
    enum State {
        Usual,
        First,
        Second(u8),
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut state = State::Usual;
    for &b in raw {
        state = match state {
            State::Usual => match b {
                b'%' => State::First,
                b'+' if plus_as_space => {
                    out.push(b' ');
                    State::Usual
                }
                _ => {
                    out.push(b);
                    State::Usual
                }
            },
            State::First => match hex_value(Some(&b)) {
                Some(high) => State::Second(high),
                None => {
                    out.push(b);
                    State::Usual
                }
            },
            State::Second(high) => {
                if let Some(low) = hex_value(Some(&b)) {
                    out.push(high * 16 + low);
                }
                State::Usual
            }
        };
    }
    out
}

/// The value of a hex digit (`0-9`, `A-F`, `a-f`).
fn hex_value(b: Option<&u8>) -> Option<u8> {
    match *b? {
        d @ b'0'..=b'9' => Some(d - b'0'),
        d @ b'a'..=b'f' => Some(d - b'a' + 10),
        d @ b'A'..=b'F' => Some(d - b'A' + 10),
        _ => None,
    }
}

/// Every CRLF → LF, in one left-to-right pass (Lua `gsub("\r\n", "\n")`).
fn crlf_to_lf(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while let Some(&b) = value.get(i) {
        if b == b'\r' && value.get(i + 1) == Some(&b'\n') {
            out.push(b'\n');
            i += 2;
        } else {
            out.push(b);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::Args;

    fn text(args: &Args, name: &str) -> Option<Vec<u8>> {
        match args.get(name) {
            Some(ArgValue::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    #[test]
    fn parse_url_quirks() {
        let args = parse_url(b"a=b=c&x&d=1%2B2+3%zz&e=&%41=5&a=last&f=%0D%0A%0D%0D%0A").args;
        assert_eq!(text(&args, "a").as_deref(), Some(&b"last"[..]));
        assert_eq!(text(&args, "x"), None);
        assert_eq!(text(&args, "c"), None);
        assert_eq!(text(&args, "d").as_deref(), Some(&b"1+2 3%zz"[..]));
        assert_eq!(text(&args, "e").as_deref(), Some(&b""[..]));
        assert_eq!(text(&args, "%41").as_deref(), Some(&b"5"[..]));
        assert_eq!(text(&args, "A"), None);
        assert_eq!(text(&args, "f").as_deref(), Some(&b"\n\r\n"[..]));
    }

    #[test]
    fn parse_url_keeps_scanning_after_a_lost_fragment() {
        let args = parse_url(b"a=b=c=d").args;
        assert_eq!(text(&args, "a").as_deref(), Some(&b"b"[..]));
        assert_eq!(text(&args, "c").as_deref(), Some(&b"d"[..]));
        assert_eq!(parse_url(b"&&==&").args.iter().count(), 0);
    }

    #[test]
    fn decode_args_quirks() {
        let args = decode_args(b"a=1&a=2&flag&=x&&n%61me=v%0D%0Aw+z&k=a=b").args;
        assert_eq!(
            args.get("a"),
            Some(&ArgValue::Table(vec![
                ArgValue::Text(b"1".to_vec()),
                ArgValue::Text(b"2".to_vec())
            ]))
        );
        assert_eq!(args.get("flag"), Some(&ArgValue::True));
        assert_eq!(text(&args, "name").as_deref(), Some(&b"v\r\nw z"[..]));
        assert_eq!(text(&args, "k").as_deref(), Some(&b"a=b"[..]));
        assert_eq!(args.iter().count(), 4);
    }

    #[test]
    fn decode_args_reads_at_most_100_pieces() {
        let mut body = "&".repeat(99).into_bytes();
        body.extend_from_slice(b"a=1&b=2");
        let args = decode_args(&body).args;
        assert_eq!(text(&args, "a").as_deref(), Some(&b"1"[..]));
        assert_eq!(args.get("b"), None);
    }

    #[test]
    fn ngx_unescape_follows_the_spec_examples() {
        for (raw, decoded) in [
            ("%41", "A"),
            ("%e6%BC%94", "演"),
            ("+%2B", " +"),
            ("%zz", "zz"),
            ("%G1", "G1"),
            ("%+", "+"),
            ("%%41", "%41"),
            ("%4z", ""),
            ("%4%41", "41"),
            ("a%4", "a"),
            ("100%", "100"),
            ("a%0D%0Ab", "a\r\nb"),
        ] {
            assert_eq!(
                ngx_unescape(raw.as_bytes(), true),
                decoded.as_bytes(),
                "{raw}"
            );
        }
        assert_eq!(ngx_unescape(b"a+b%2B", false), b"a+b+");
    }

    #[test]
    fn decode_args_drops_malformed_escapes_in_names_and_values() {
        let parsed = decode_args(b"x=%zz&%=1&y=%4z&n%G1=100%&t=%4");
        assert_eq!(text(&parsed.args, "x").as_deref(), Some(&b"zz"[..]));
        assert_eq!(text(&parsed.args, "y").as_deref(), Some(&b""[..]));
        assert_eq!(text(&parsed.args, "nG1").as_deref(), Some(&b"100"[..]));
        assert_eq!(text(&parsed.args, "t").as_deref(), Some(&b""[..]));
        // `%=1`: the name unescapes to nothing, so the piece is ignored.
        assert_eq!(parsed.fields.len(), 4);
    }

    #[test]
    fn fields_keep_wire_order_and_the_undecoded_text() {
        let parsed = decode_args(b"b=1%2B1&a&b=x+y");
        let wire: Vec<(&[u8], Option<&[u8]>)> = parsed
            .fields
            .iter()
            .map(|f| {
                let wire = f.wire.as_ref().unwrap();
                (wire.name.as_slice(), wire.value.as_deref())
            })
            .collect();
        assert_eq!(
            wire,
            [
                (&b"b"[..], Some(&b"1%2B1"[..])),
                (&b"a"[..], None),
                (&b"b"[..], Some(&b"x+y"[..]))
            ]
        );
        assert_eq!(parsed.fields[0].value, ArgValue::Text(b"1+1".to_vec()));
        let kept: Vec<&[u8]> = parsed
            .kept_in_wire_order()
            .iter()
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(kept, [&b"b"[..], &b"a"[..]]);
        assert!(matches!(parsed.kept_in_wire_order()[0].1, ArgValue::Table(v) if v.len() == 2));

        let parsed = parse_url(b"a=1&a=2%0D%0A&b=+");
        assert_eq!(parsed.parser, Parser::ParseUrl);
        assert_eq!(parsed.fields.len(), 3);
        assert_eq!(parsed.fields[0].value, ArgValue::Text(b"1".to_vec()));
        assert_eq!(text(&parsed.args, "a").as_deref(), Some(&b"2\n"[..]));
        let raw = parsed.fields[1]
            .wire
            .as_ref()
            .unwrap()
            .value
            .clone()
            .unwrap();
        assert_eq!(raw, b"2%0D%0A");
        // The variants a sign doctor tries, with the server's own decoder.
        let crlf_kept = Decoding {
            crlf_to_lf: false,
            ..Decoding::SERVER
        };
        assert_eq!(Parser::ParseUrl.decode(&raw, crlf_kept), b"2\r\n");
        let plus_kept = Decoding {
            plus_as_space: false,
            ..Decoding::SERVER
        };
        assert_eq!(Parser::ParseUrl.decode(b"+", plus_kept), b"+");
        assert_eq!(Parser::DecodeArgs.decode(b"+%zz", plus_kept), b"+zz");
        assert_eq!(Parser::Multipart.decode(b"%41+", Decoding::SERVER), b"%41+");
    }
}
