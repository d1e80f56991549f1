//! The parameters and the secret of a daoke call, read in one crossing when they are plain.
//!
//! `glue.js` lists the caller's strings ([`collect_params`]) and packs them into one string
//! ([`join_parts`]); anything else is read by the checking [`Reader`], which reports exactly
//! which value is wrong and why. Both end in the same form: every name and value, then the
//! secret, in one buffer, and the same strings as a JS array (`parts`) for the result.

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::Array;
use wasm_bindgen::JsValue;

use super::glue::{collect_params, join_parts, join_three};
use super::read::{Path, Reader};

/// What separates the pieces of the buffer. The packed form from `glue.js` relies on it;
/// the ends are recorded either way, so a NUL inside a string read by the checking reader
/// is harmless.
const SEPARATOR: u8 = 0;

/// The UTF-8 form of U+FFFD, which `TextEncoder` writes for a lone surrogate.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// The parameters (names and values in the caller's order) and the secret of one call.
pub(super) struct SigningInput {
    /// Every name and value, each followed by [`SEPARATOR`], then the secret (after a
    /// header in the packed form).
    text: String,
    /// Where the first name starts in `text`.
    start: usize,
    /// Where each name and value ends in `text`.
    ends: Vec<usize>,
    /// The same strings as a JS array: `[header, name, value, …, secret]`.
    parts: Array,
}

impl SigningInput {
    /// Reads `params` (an array of `[name, value]` pairs or a plain object) and `secret`
    /// (a string), spending their size from `reader`'s budget.
    pub(super) fn read(
        reader: &mut Reader,
        params: &JsValue,
        secret: &JsValue,
    ) -> Result<Self, JsValue> {
        if let Some(parts) = collect_params(params, secret, reader.remaining())? {
            if let Some((input, units)) = SigningInput::unpack(join_parts(&parts), parts) {
                // `glue.js` made sure the budget covers it.
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
            parts: Array::new(),
        };
        // In place of the header of the packed form, which the results do not read.
        input.parts.push(&JsValue::from_str(""));
        for (name, value) in &params {
            for piece in [name, value] {
                input.text.push_str(piece);
                input.ends.push(input.text.len());
                input.text.push(char::from(SEPARATOR));
                input.parts.push(&JsValue::from_str(piece));
            }
        }
        input.text.push_str(&secret);
        input.parts.push(&JsValue::from_str(&secret));
        Ok(input)
    }

    /// The packed form `n \0 units \0 name \0 value \0 … \0 secret` and the units it costs,
    /// when it is what it claims (see [`separators`]).
    fn unpack(text: String, parts: Array) -> Option<(SigningInput, u32)> {
        let bytes = text.as_bytes();
        let mut header = bytes.splitn(3, |&byte| byte == SEPARATOR);
        let pairs = decimal(header.next()?)?;
        let units = u32::try_from(decimal(header.next()?)?).ok()?;
        let start = bytes.len() - header.next()?.len();
        let ends = separators(bytes, start, pairs.checked_mul(2)?)?;
        Some((
            SigningInput {
                text,
                start,
                ends,
                parts,
            },
            units,
        ))
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

    /// The caller's strings as a JS array, `[header, name, value, …, secret]`.
    pub(super) fn parts(&self) -> &Array {
        &self.parts
    }
}

/// Where the separators are in `bytes` from `start`, when there are exactly `count` of them
/// (none inside a string) and no U+FFFD (no lone surrogate was replaced; a genuine U+FFFD
/// also takes the checking reader, which accepts it).
fn separators(bytes: &[u8], start: usize, count: usize) -> Option<Vec<usize>> {
    let rest = bytes.get(start..)?;
    let mut found = Vec::with_capacity(count);
    for (at, &byte) in rest.iter().enumerate() {
        if byte == SEPARATOR {
            found.push(start + at);
        } else if byte == REPLACEMENT[0] && rest.get(at..at + 3) == Some(REPLACEMENT) {
            return None;
        }
    }
    (found.len() == count).then_some(found)
}

/// Reads three string arguments (`names` for the messages) in one crossing when they are
/// plain strings, else with the checking reader.
pub(super) fn read_three(
    reader: &mut Reader,
    values: [&JsValue; 3],
    names: [&'static str; 3],
) -> Result<[String; 3], JsValue> {
    let [first, second, third] = values;
    let [first_name, second_name, third_name] = names;
    if let Some(text) = join_three(reader.remaining(), first, second, third) {
        let bytes = text.as_bytes();
        let mut header = bytes.splitn(2, |&byte| byte == SEPARATOR);
        let units = header
            .next()
            .and_then(decimal)
            .and_then(|units| u32::try_from(units).ok());
        let start = header.next().map(|rest| bytes.len() - rest.len());
        if let Some((units, start)) = units.zip(start) {
            if let Some(&[first_end, second_end]) = separators(bytes, start, 2).as_deref() {
                reader.spend(units, Path::arg(first_name))?;
                let piece =
                    |from: usize, to: usize| String::from(text.get(from..to).unwrap_or_default());
                return Ok([
                    piece(start, first_end),
                    piece(first_end + 1, second_end),
                    piece(second_end + 1, text.len()),
                ]);
            }
        }
    }
    Ok([
        reader.string(first, Path::arg(first_name))?,
        reader.string(second, Path::arg(second_name))?,
        reader.string(third, Path::arg(third_name))?,
    ])
}

/// A number written in decimal digits (at most 9, far beyond any budget).
fn decimal(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0usize, |total, &digit| {
        digit
            .is_ascii_digit()
            .then(|| total * 10 + usize::from(digit - b'0'))
    })
}
