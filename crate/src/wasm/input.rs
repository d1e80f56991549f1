//! The parameters and the secret of a daoke call, read in one crossing when they are plain.
//!
//! `glue.js` packs the usual input into one string ([`join_params`]); anything else is read
//! by the checking [`Reader`], which reports exactly which value is wrong and why. Both end
//! in the same form: every name and value, then the secret, in one buffer.

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::JsValue;

use super::glue::{join_params, utf16_len};
use super::read::{Path, Reader};

/// What separates the pieces of the buffer. The packed form from `glue.js` relies on it;
/// the ends are recorded either way, so a NUL inside a string read by the checking reader
/// is harmless.
const SEPARATOR: u8 = 0;

/// The UTF-8 form of U+FFFD, which `TextEncoder` writes for a lone surrogate.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// The parameters (names and values in the caller's order) and the secret of one call.
pub(super) struct SigningInput {
    /// Every name and value, each followed by [`SEPARATOR`], then the secret.
    text: String,
    /// Where the pieces start: after a count in the packed form, at 0 otherwise.
    start: usize,
    /// Where each name and value ends in `text`.
    ends: Vec<usize>,
}

impl SigningInput {
    /// Reads `params` (an array of `[name, value]` pairs or a plain object) and `secret`
    /// (a string), spending their size from `reader`'s budget.
    pub(super) fn read(
        reader: &mut Reader,
        params: &JsValue,
        secret: &JsValue,
    ) -> Result<Self, JsValue> {
        if let Some(text) = join_params(params, secret, reader.remaining())? {
            if let Some(input) = SigningInput::unpack(text) {
                // As the checking reader counts: each string's length plus one, plus one
                // per pair (`glue.js` made sure the budget covers it).
                let pairs = input.ends.len() / 2;
                let units =
                    utf16_len(input.text.get(input.start..).unwrap_or_default()) + 1 + pairs as u32;
                reader.spend(units, Path::arg("params"))?;
                return Ok(input);
            }
        }
        let params = reader.params(params, Path::arg("params"))?;
        let secret = reader.string(secret, Path::arg("secret"))?;
        let mut input = SigningInput {
            text: String::new(),
            start: 0,
            ends: Vec::with_capacity(params.len() * 2),
        };
        for (name, value) in &params {
            for piece in [name, value] {
                input.text.push_str(piece);
                input.ends.push(input.text.len());
                input.text.push(char::from(SEPARATOR));
            }
        }
        input.text.push_str(&secret);
        Ok(input)
    }

    /// The packed form `n \0 name \0 value \0 … \0 secret`, when it is what it claims: as
    /// many separators as `n` pairs have (none inside a string) and no U+FFFD (no lone
    /// surrogate was replaced; a genuine U+FFFD also takes the checking reader, which
    /// accepts it).
    fn unpack(text: String) -> Option<SigningInput> {
        let bytes = text.as_bytes();
        let count_end = bytes.iter().position(|&byte| byte == SEPARATOR)?;
        let pairs = count(bytes.get(..count_end)?)?;
        let start = count_end + 1;
        let mut ends = Vec::with_capacity(pairs.checked_mul(2)?);
        let rest = bytes.get(start..)?;
        for (at, &byte) in rest.iter().enumerate() {
            if byte == SEPARATOR {
                ends.push(start + at);
            } else if byte == REPLACEMENT[0] && rest.get(at..at + 3) == Some(REPLACEMENT) {
                return None;
            }
        }
        (ends.len() == pairs * 2).then_some(SigningInput { text, start, ends })
    }

    /// The parameters, in the caller's order.
    pub(super) fn pairs(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        let mut start = self.start;
        let mut pieces = self.ends.iter().map(move |&end| {
            let piece = self.text.get(start..end).unwrap_or_default();
            start = end + 1;
            piece
        });
        core::iter::from_fn(move || Some((pieces.next()?, pieces.next()?)))
    }

    /// The secret.
    pub(super) fn secret(&self) -> &str {
        let start = self.ends.last().map_or(self.start, |&end| end + 1);
        self.text.get(start..).unwrap_or_default()
    }
}

/// A count written in decimal digits (at most 9, far beyond any budget).
fn count(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0usize, |total, &digit| {
        digit
            .is_ascii_digit()
            .then(|| total * 10 + usize::from(digit - b'0'))
    })
}
