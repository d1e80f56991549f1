//! LuaJIT 2.1 number semantics the daoke server relies on (spec §3.3).
//!
//! The server reads its 0/1 flags with `tonumber(v)` and then tests the number's text
//! form (`tostring`, i.e. C `%.14g`) against `'0,1'` with a pattern match. Both the
//! validator (to predict the server) and the sandbox (to be the server) need exactly
//! that behaviour, so it lives here once.

/// Characters LuaJIT treats as white space around a number.
fn is_lua_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// How a string spells its number (only the spellings `tonumber` accepts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// Decimal, e.g. `1`, `01`, `1.0`, `.1e1`.
    Decimal,
    /// Hexadecimal integer, e.g. `0x1`.
    HexInteger,
    /// Hexadecimal with a fraction or a `p` exponent, e.g. `0x1p0` (LuaJIT-specific).
    HexFloat,
    /// Binary, e.g. `0b1` (LuaJIT-specific).
    Binary,
    /// `inf` / `infinity` / `nan` in any letter case.
    Special,
}

impl Spelling {
    /// Hex floats and binary literals: accepted by LuaJIT 2.1, not by every Lua.
    pub fn is_version_dependent(self) -> bool {
        matches!(self, Spelling::HexFloat | Spelling::Binary)
    }
}

/// LuaJIT 2.1 `tonumber(s)` for a string argument: the number and how it was spelled,
/// or `None` when the whole string is not a number.
pub fn tonumber_spelled(s: &str) -> Option<(f64, Spelling)> {
    let b = s.as_bytes();
    let mut start = 0;
    let mut end = b.len();
    while start < end && is_lua_space(b[start]) {
        start += 1;
    }
    while end > start && is_lua_space(b[end - 1]) {
        end -= 1;
    }
    let mut t = &b[start..end];
    let mut negative = false;
    if let Some((&first, rest)) = t.split_first() {
        if first == b'+' || first == b'-' {
            negative = first == b'-';
            t = rest;
        }
    }
    let (magnitude, spelling) = parse_body(t)?;
    Some((if negative { -magnitude } else { magnitude }, spelling))
}

/// LuaJIT 2.1 `tonumber(s)`.
pub fn tonumber(s: &str) -> Option<f64> {
    tonumber_spelled(s).map(|(n, _)| n)
}

fn parse_body(t: &[u8]) -> Option<(f64, Spelling)> {
    if t.is_empty() {
        return None;
    }
    let lower: Vec<u8> = t.iter().map(|c| c.to_ascii_lowercase()).collect();
    match lower.as_slice() {
        b"inf" | b"infinity" => return Some((f64::INFINITY, Spelling::Special)),
        b"nan" => return Some((f64::NAN, Spelling::Special)),
        _ => {}
    }
    if lower.len() >= 2 && lower[0] == b'0' && lower[1] == b'x' {
        return parse_hex(&t[2..]);
    }
    if lower.len() >= 2 && lower[0] == b'0' && lower[1] == b'b' {
        let digits = &t[2..];
        if digits.is_empty() || !digits.iter().all(|&c| c == b'0' || c == b'1') {
            return None;
        }
        let mut value = 0f64;
        for &d in digits {
            value = value * 2.0 + f64::from(d - b'0');
        }
        return Some((value, Spelling::Binary));
    }
    parse_decimal(t).map(|v| (v, Spelling::Decimal))
}

/// `digits ("." digits?)? exp? | "." digits exp?` with `exp = [eE] [+-]? digits`.
fn parse_decimal(t: &[u8]) -> Option<f64> {
    let mut i = 0;
    let int_start = i;
    while i < t.len() && t[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    if i < t.len() && t[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < t.len() && t[i].is_ascii_digit() {
            i += 1;
        }
        frac_digits = i - frac_start;
    }
    if int_digits == 0 && frac_digits == 0 {
        return None;
    }
    if i < t.len() && (t[i] == b'e' || t[i] == b'E') {
        i += 1;
        if i < t.len() && (t[i] == b'+' || t[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < t.len() && t[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != t.len() {
        return None;
    }
    // The grammar is checked; Rust's parser is correctly rounded like LuaJIT's strscan.
    // Normalise the spellings Rust might not take (`1.`, `.5`).
    let text = core::str::from_utf8(t).ok()?;
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(p) => (&text[..p], &text[p..]),
        None => (text, ""),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(p) => (&mantissa[..p], &mantissa[p + 1..]),
        None => (mantissa, ""),
    };
    let normal = format!(
        "{}.{}{}",
        if int_part.is_empty() { "0" } else { int_part },
        if frac_part.is_empty() { "0" } else { frac_part },
        exponent
    );
    normal.parse::<f64>().ok()
}

/// `hexdigits ("." hexdigits?)? | "." hexdigits`, then optionally `[pP] [+-]? digits`.
fn parse_hex(t: &[u8]) -> Option<(f64, Spelling)> {
    let mut i = 0;
    let mut mantissa: u64 = 0;
    let mut sticky = false; // a non-zero digit that did not fit in `mantissa`
    let mut exp2: i64 = 0; // binary exponent adjustment
    let mut digits = 0;
    let mut float = false;
    let mut seen_dot = false;
    while i < t.len() {
        let c = t[i];
        if c == b'.' {
            if seen_dot {
                return None;
            }
            seen_dot = true;
            float = true;
            i += 1;
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        digits += 1;
        if mantissa >> 60 == 0 {
            mantissa = (mantissa << 4) | u64::from(d);
            if seen_dot {
                exp2 -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_dot {
                exp2 += 4;
            }
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < t.len() && (t[i] == b'p' || t[i] == b'P') {
        float = true;
        i += 1;
        let mut neg = false;
        if i < t.len() && (t[i] == b'+' || t[i] == b'-') {
            neg = t[i] == b'-';
            i += 1;
        }
        let start = i;
        let mut e: i64 = 0;
        while i < t.len() && t[i].is_ascii_digit() {
            e = (e * 10 + i64::from(t[i] - b'0')).min(1 << 20);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp2 += if neg { -e } else { e };
    }
    if i != t.len() {
        return None;
    }
    if sticky {
        mantissa |= 1; // keeps round-to-nearest-even honest when digits were dropped
    }
    let value = ldexp(mantissa as f64, exp2);
    Some((
        value,
        if float {
            Spelling::HexFloat
        } else {
            Spelling::HexInteger
        },
    ))
}

/// `x · 2^e` without intermediate overflow.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// LuaJIT 2.1's `tostring` of a number: C `printf("%.14g")`, with `inf`, `-inf`, `nan`
/// and `-0`.
pub fn number_text(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    // %e with 14 significant digits decides the exponent, exactly as C's %g does.
    let sci = format!("{:.13e}", x);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..14).contains(&exp) {
        let mantissa = strip_fraction_zeros(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", mantissa, sign, exp.unsigned_abs())
    } else {
        let decimals = (13 - exp) as usize;
        strip_fraction_zeros(&format!("{:.*}", decimals, x)).to_string()
    }
}

fn strip_fraction_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// What the server makes of a daoke 0/1 flag value (spec §3.3).
#[derive(Clone, Debug, PartialEq)]
pub enum FlagReading {
    /// Exactly `"0"` or `"1"`.
    Canonical(u8),
    /// `tonumber` gives nil (this includes `""`): the endpoint decides (default or error).
    NotANumber,
    /// A number whose text form is not `0`, `1` or `0.1`: the server rejects it.
    Rejected {
        /// The number's LuaJIT text form, e.g. `2` or `-0`.
        text: String,
    },
    /// Another spelling of 0, 1 or 0.1 that the server accepts.
    Accepted {
        /// The value as the server uses it: 0, 1 or 0.1.
        value: f64,
        /// The text form (`0`, `1` or `0.1`).
        text: String,
        /// Hex float or binary: LuaJIT 2.1 accepts it, other Lua versions may not.
        version_dependent: bool,
    },
}

/// Reads a flag value the way the daoke server does (spec §3.3).
pub fn read_flag(value: &str) -> FlagReading {
    match value {
        "0" => return FlagReading::Canonical(0),
        "1" => return FlagReading::Canonical(1),
        _ => {}
    }
    match tonumber_spelled(value) {
        None => FlagReading::NotANumber,
        Some((n, spelling)) => {
            let text = number_text(n);
            if matches!(text.as_str(), "0" | "1" | "0.1") {
                FlagReading::Accepted {
                    value: n,
                    text,
                    version_dependent: spelling.is_version_dependent(),
                }
            } else {
                FlagReading::Rejected { text }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_spellings_from_the_spec() {
        for s in [
            "1",
            " 1",
            "01",
            "1.0",
            "1.",
            "1e0",
            ".1e1",
            "0x1",
            "0x1p0",
            "0b1",
            "1.00000000000001",
        ] {
            assert_eq!(tonumber(s).map(number_text).as_deref(), Some("1"), "{s:?}");
        }
        assert_eq!(number_text(tonumber("1e-400").unwrap()), "0");
    }

    #[test]
    fn rejected_numbers_from_the_spec() {
        for (s, text) in [
            ("-0", "-0"),
            ("-0.0", "-0"),
            ("-0x0", "-0"),
            ("-1e-400", "-0"),
            ("2", "2"),
            ("0.5", "0.5"),
            ("1.0000000000001", "1.0000000000001"),
            ("inf", "inf"),
            ("nan", "nan"),
            ("0x1e0", "480"),
        ] {
            assert_eq!(
                read_flag(s),
                FlagReading::Rejected { text: text.into() },
                "{s:?}"
            );
        }
    }

    #[test]
    fn not_numbers_from_the_spec() {
        for s in [
            "", "abc", "true", "1_0", "0b", "0x", "1e", ".", "+", "- 1", "0x.", "1e+",
        ] {
            assert_eq!(tonumber(s), None, "{s:?}");
        }
    }

    #[test]
    fn version_dependent_spellings() {
        assert!(matches!(
            read_flag("0b1"),
            FlagReading::Accepted {
                version_dependent: true,
                ..
            }
        ));
        assert!(matches!(
            read_flag("0x1p0"),
            FlagReading::Accepted {
                version_dependent: true,
                ..
            }
        ));
        assert!(matches!(
            read_flag("0x1"),
            FlagReading::Accepted {
                version_dependent: false,
                ..
            }
        ));
        assert!(matches!(
            read_flag("0.1"),
            FlagReading::Accepted {
                version_dependent: false,
                ..
            }
        ));
    }

    #[test]
    fn percent_g_14() {
        assert_eq!(number_text(0.1), "0.1");
        assert_eq!(number_text(100000000000000.0), "1e+14");
        assert_eq!(number_text(12345678901234.0), "12345678901234");
        assert_eq!(number_text(0.0001), "0.0001");
        assert_eq!(number_text(0.00001), "1e-05");
        assert_eq!(number_text(99999999999999.5), "1e+14");
        assert_eq!(number_text(-2.5), "-2.5");
        assert_eq!(number_text(1e300), "1e+300");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
    }

    #[test]
    fn hex_values() {
        assert_eq!(tonumber("0xff"), Some(255.0));
        assert_eq!(tonumber("0x.8"), Some(0.5));
        assert_eq!(tonumber("0x1P-1"), Some(0.5));
        assert_eq!(tonumber("-0x10"), Some(-16.0));
        assert_eq!(
            tonumber("0xffffffffffffffffff"),
            Some(4722366482869645213696.0)
        );
    }
}
