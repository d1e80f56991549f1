//! The two form-urlencoded decoders of the daoke server (spec §5.1).

use super::{ArgValue, Args};

/// `utils.parse_url` (createGroup, verifyApplyJoiningMember, inviteUserJoin).
///
/// Successive non-overlapping matches of `name=value` from the start of the body, where
/// the name is one or more bytes other than `=` and `&` and the value zero or more such
/// bytes (Lua `gmatch("([^=&]+)=([^=&]*)")`). Names stay as sent; values are decoded
/// `+` → space, then `%XX` → byte, then CRLF → LF. The last value of a name wins.
pub fn parse_url(body: &[u8]) -> Args {
    let is_text = |b: &u8| *b != b'=' && *b != b'&';
    let mut args = Args::default();
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
        let name = rest.get(..name_len).unwrap_or_default().to_vec();
        let value = rest
            .get(value_start..value_start + value_len)
            .unwrap_or_default();
        args.set(name, ArgValue::Text(crlf_to_lf(&unescape(value))));
        pos += value_start + value_len;
    }
    args
}

/// `ngx.decode_args` (applyMicroChannel form bodies).
///
/// Splits on `&` and decodes at most the first 100 pieces (empty pieces count). A piece
/// with `=` is split at its first `=`, name and value both decoded (`+` → space, `%XX` →
/// byte; CRLF is kept); a piece without `=` gives its decoded name the value `true`; an
/// empty name is ignored; a repeated name becomes a table. (nginx drops the `%` of a
/// malformed escape; like the spec's reference, this keeps malformed escapes as they are.)
pub fn decode_args(body: &[u8]) -> Args {
    let mut args = Args::default();
    for piece in body.split(|&b| b == b'&').take(100) {
        let (name, value) = match piece.iter().position(|&b| b == b'=') {
            Some(eq) => (
                unescape(piece.get(..eq).unwrap_or_default()),
                ArgValue::Text(unescape(piece.get(eq + 1..).unwrap_or_default())),
            ),
            None => (unescape(piece), ArgValue::True),
        };
        if name.is_empty() {
            continue;
        }
        let value = if args.contains(&name) {
            ArgValue::Table
        } else {
            value
        };
        args.set(name, value);
    }
    args
}

/// `+` → space and `%XX` (hex digits in either case) → byte; a malformed `%` stays.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = |at: usize| raw.get(at).and_then(|&d| char::from(d).to_digit(16));
                if let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) {
                    // Two hex digits make a value below 256.
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            _ => out.push(b),
        }
        i += 1;
    }
    out
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

    fn text(args: &Args, name: &str) -> Option<Vec<u8>> {
        match args.get(name) {
            Some(ArgValue::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    #[test]
    fn parse_url_quirks() {
        let args = parse_url(b"a=b=c&x&d=1%2B2+3%zz&e=&%41=5&a=last&f=%0D%0A%0D%0D%0A");
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
        let args = parse_url(b"a=b=c=d");
        assert_eq!(text(&args, "a").as_deref(), Some(&b"b"[..]));
        assert_eq!(text(&args, "c").as_deref(), Some(&b"d"[..]));
        assert_eq!(parse_url(b"&&==&").iter().count(), 0);
    }

    #[test]
    fn decode_args_quirks() {
        let args = decode_args(b"a=1&a=2&flag&=x&&n%61me=v%0D%0Aw+z&k=a=b");
        assert_eq!(args.get("a"), Some(&ArgValue::Table));
        assert_eq!(args.get("flag"), Some(&ArgValue::True));
        assert_eq!(text(&args, "name").as_deref(), Some(&b"v\r\nw z"[..]));
        assert_eq!(text(&args, "k").as_deref(), Some(&b"a=b"[..]));
        assert_eq!(args.iter().count(), 4);
    }

    #[test]
    fn decode_args_reads_at_most_100_pieces() {
        let mut body = "&".repeat(99).into_bytes();
        body.extend_from_slice(b"a=1&b=2");
        let args = decode_args(&body);
        assert_eq!(text(&args, "a").as_deref(), Some(&b"1"[..]));
        assert_eq!(args.get("b"), None);
    }
}
