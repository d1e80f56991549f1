//! Standard Base64 (RFC 4648 §4, with `=` padding).
//!
//! YTX's `Authorization` header is Base64 of `accountSID|timestamp` (spec §6), and the
//! conformance files carry file bytes as Base64. Only the standard alphabet with padding is
//! ever produced or accepted: the sandbox rejects anything else (spec §10.8 step 3), so a
//! lenient decoder here would hide exactly the mistakes it exists to report.

use alloc::string::String;
use alloc::vec::Vec;

/// The standard alphabet, indexed by 6-bit value.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes `bytes` as standard Base64 with `=` padding (`"Man"` → `"TWFu"`, `"M"` → `"TQ=="`).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = chunk.first().copied().unwrap_or(0);
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let group = u32::from(b0) << 16 | u32::from(b1) << 8 | u32::from(b2);
        // A chunk of n bytes carries n + 1 significant sextets; the rest is padding.
        for index in 0..4 {
            if index <= chunk.len() {
                let sextet = (group >> (18 - 6 * index)) & 0x3F;
                out.push(char::from(ALPHABET[sextet as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes strict standard Base64: length a multiple of 4, only the standard alphabet, at
/// most two `=` and only at the very end, and zero bits in the unused low bits of the last
/// sextet (so every byte string has exactly one accepted spelling).
///
/// Returns `None` for anything else, including whitespace, the URL-safe alphabet
/// (`-`, `_`) and missing padding. The empty string decodes to no bytes.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let groups = bytes.len() / 4;
    for (group_index, group) in bytes.chunks_exact(4).enumerate() {
        let is_last = group_index + 1 == groups;
        let padding = group.iter().rev().take_while(|&&b| b == b'=').count();
        if padding > 2 || (padding > 0 && !is_last) {
            return None;
        }
        let mut value = 0u32;
        for &byte in group.iter().take(4 - padding) {
            value = value << 6 | u32::from(sextet_of(byte)?);
        }
        value <<= 6 * padding;
        let [_, b0, b1, b2] = value.to_be_bytes();
        match padding {
            0 => out.extend_from_slice(&[b0, b1, b2]),
            1 if b2 == 0 => out.extend_from_slice(&[b0, b1]),
            2 if b1 == 0 && b2 == 0 => out.push(b0),
            // Non-zero bits under the padding: a non-canonical spelling.
            _ => return None,
        }
    }
    Some(out)
}

/// The 6-bit value of one alphabet character (`=` and everything else: `None`).
fn sextet_of(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 §10 test vectors.
    const RFC_VECTORS: [(&str, &str); 7] = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ];

    #[test]
    fn encodes_rfc_vectors() {
        for (plain, encoded) in RFC_VECTORS {
            assert_eq!(encode(plain.as_bytes()), encoded, "encode({plain:?})");
        }
    }

    #[test]
    fn decodes_rfc_vectors() {
        for (plain, encoded) in RFC_VECTORS {
            assert_eq!(
                decode(encoded).as_deref(),
                Some(plain.as_bytes()),
                "decode({encoded:?})"
            );
        }
    }

    #[test]
    fn uses_plus_and_slash() {
        assert_eq!(encode(&[0xFB, 0xFF, 0xBF]), "+/+/");
        assert_eq!(decode("+/+/"), Some(vec![0xFB, 0xFF, 0xBF]));
    }

    #[test]
    fn round_trips_every_byte_value_and_length() {
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..all.len() {
            let data = &all[..len];
            assert_eq!(decode(&encode(data)).as_deref(), Some(data));
        }
    }

    #[test]
    fn rejects_bad_length() {
        for text in ["Z", "Zg", "Zg=", "Zm9vY", "Zm9vYg="] {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }

    #[test]
    fn rejects_missing_or_misplaced_padding() {
        for text in ["Zg==Zg==", "Z===", "====", "Zm=v", "=m9v", "Zg=a"] {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }

    #[test]
    fn rejects_foreign_characters() {
        for text in [
            "Zm9v\n",
            " Zm9v",
            "Zm9-",
            "Zm9_",
            "Zm9v YmFy",
            "Zm9\u{e9}",
            "Zm9\0",
        ] {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }

    #[test]
    fn rejects_non_zero_bits_under_padding() {
        // "Zg==" is "f"; "Zh==" has the same first byte but stray low bits.
        assert_eq!(decode("Zh=="), None);
        assert_eq!(decode("Zm9="), None);
        assert_eq!(decode("Zm8="), Some(b"fo".to_vec()));
    }
}
