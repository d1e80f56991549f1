//! Hexadecimal and decimal digits written by hand.
//!
//! The signatures (SHA-1, MD5) are upper-case hex and a few messages name a number. Writing
//! them here rather than with `format!` keeps `core::fmt` out of the signer-only wasm, where
//! it would cost several kilobytes for a handful of digits.

use alloc::string::String;

/// Upper-case hex digits, indexed by nibble.
pub(crate) const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// `bytes` as upper-case hex, two digits per byte (`[0x0f, 0xa0]` → `"0FA0"`).
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(hex_digit(byte >> 4));
        out.push(hex_digit(byte & 0x0F));
    }
    out
}

/// The upper-case hex digit of a nibble (values above 15 use only their low four bits).
pub(crate) fn hex_digit(nibble: u8) -> char {
    char::from(HEX_UPPER[usize::from(nibble & 0x0F)])
}

/// Appends `value` in decimal (`0`, `42`, `1048576`).
pub(crate) fn push_decimal(out: &mut String, value: u64) {
    // u64::MAX has 20 digits.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = value;
    loop {
        start -= 1;
        // The remainder is below 10, so it fits a digit.
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// `value` in decimal.
pub(crate) fn decimal(value: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_two_upper_case_digits_per_byte() {
        assert_eq!(hex_upper(&[]), "");
        assert_eq!(hex_upper(&[0x00, 0x0f, 0xa0, 0xff]), "000FA0FF");
        let all: Vec<u8> = (0..=255).collect();
        let expected: String = all.iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(hex_upper(&all), expected);
    }

    #[test]
    fn decimal_matches_display() {
        for value in [
            0,
            1,
            9,
            10,
            99,
            100,
            1_048_576,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            assert_eq!(decimal(value), value.to_string());
        }
    }
}
