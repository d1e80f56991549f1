//! The three length measures of spec §1: characters, server units and bytes.
//!
//! * **characters** — Unicode scalar values (`str::chars().count()`): how the spec reads every
//!   documented length of a text field ("长度…可以是汉字");
//! * **server units** — the daoke library's `app_utils.str_count(s)`: each byte 0x01–0x7F
//!   counts 1, each byte 0x80–0xFF counts ⅓, NUL counts 0 (so per character of valid UTF-8:
//!   ASCII 1, `é` ⅔, CJK 1, an emoji 1⅓). applyMicroChannel's handler measures its text
//!   fields with it (spec §3.2);
//! * **bytes** — UTF-8 bytes, the Lua server's `#s`.
//!
//! Server units are fractions in steps of ⅓. [`ServerUnits`] keeps them as a whole number of
//! thirds, so every comparison is exact integer arithmetic (no floats), and prints them with
//! their fraction (`17⅓`), as spec §1 asks of a counter. The validator's rules
//! ([`crate::rules::Check`]), the sandbox's parameter checks and the live counters
//! ([`crate::endpoint::ParamDescription::counters`]) all count with [`ServerUnits::of`].

use core::fmt;

/// Which of the three measures a count or a limit is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// Unicode scalar values (Rust's `chars().count()`).
    Chars,
    /// The daoke server's `str_count` ([`ServerUnits`]).
    ServerUnits,
    /// UTF-8 bytes.
    Bytes,
}

/// A length in server units (`app_utils.str_count`), held exactly as a number of thirds.
///
/// Ordered like the numbers they stand for; compare with a whole limit through
/// [`ServerUnits::whole`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServerUnits {
    thirds: usize,
}

impl ServerUnits {
    /// `n` whole server units.
    pub const fn whole(n: usize) -> ServerUnits {
        ServerUnits {
            thirds: n.saturating_mul(3),
        }
    }

    /// `str_count` of these bytes: 3 × units = 3 × (bytes 0x01–0x7F) + (bytes 0x80–0xFF).
    /// Works on any bytes, UTF-8 or not (the sandbox measures what the parser left).
    pub fn of(bytes: &[u8]) -> ServerUnits {
        let thirds = bytes
            .iter()
            .map(|&b| match b {
                0 => 0,
                0x01..=0x7F => 3,
                _ => 1,
            })
            .sum();
        ServerUnits { thirds }
    }

    /// The value times three (an integer).
    pub const fn thirds(self) -> usize {
        self.thirds
    }

    /// Whether the value is more than `n` whole units.
    pub const fn over(self, n: usize) -> bool {
        self.thirds > n.saturating_mul(3)
    }

    /// Whether the value is less than `n` whole units.
    pub const fn under(self, n: usize) -> bool {
        self.thirds < n.saturating_mul(3)
    }
}

impl fmt::Display for ServerUnits {
    /// The value with its fraction: `0`, `⅓`, `⅔`, `1`, `1⅔`, `17⅓`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, thirds) = (self.thirds / 3, self.thirds % 3);
        let fraction = match thirds {
            1 => "⅓",
            2 => "⅔",
            _ => "",
        };
        if whole == 0 && !fraction.is_empty() {
            f.write_str(fraction)
        } else {
            write!(f, "{whole}{fraction}")
        }
    }
}

/// The number of characters (Unicode scalar values) of `value`.
pub fn characters(value: &str) -> usize {
    value.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_character_weights_of_spec_section_1() {
        let units = |s: &str| ServerUnits::of(s.as_bytes()).thirds();
        assert_eq!(units(""), 0);
        assert_eq!(units("\0"), 0);
        assert_eq!(units("a"), 3);
        assert_eq!(units("é"), 2);
        assert_eq!(units("\u{301}"), 2);
        assert_eq!(units("ß"), 2);
        assert_eq!(units("车"), 3);
        assert_eq!(units("，"), 3);
        assert_eq!(units("😀"), 4);
        // Not UTF-8: every high byte is a third.
        assert_eq!(ServerUnits::of(&[0xFF, 0xFE, b'a']).thirds(), 5);
    }

    #[test]
    fn the_spec_examples_print_with_their_fraction() {
        let shown = |s: &str| ServerUnits::of(s.as_bytes()).to_string();
        assert_eq!(shown("e\u{301}"), "1⅔");
        assert_eq!(shown(&"😀".repeat(13)), "17⅓");
        assert_eq!(shown(&"é".repeat(24)), "16");
        assert_eq!(shown("\0\0\0"), "0");
        assert_eq!(shown("é"), "⅔");
        assert_eq!(shown("😀"), "1⅓");
        assert_eq!(ServerUnits::whole(16).to_string(), "16");
    }

    #[test]
    fn comparisons_are_exact() {
        let name = ServerUnits::of("😀".repeat(12).as_bytes());
        assert_eq!(name, ServerUnits::whole(16));
        assert!(!name.over(16) && !name.under(16));
        let longer = ServerUnits::of("é".repeat(25).as_bytes());
        assert!(longer.over(16), "16⅔ > 16");
        assert!(ServerUnits::of("e\u{301}".as_bytes()).under(2), "1⅔ < 2");
        assert_eq!(characters("e\u{301}"), 2);
    }
}
