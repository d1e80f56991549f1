//! Bilingual (English / Chinese) text: every message a user can see comes in both languages.

use alloc::borrow::Cow;
use alloc::string::String;

/// A language the user can read messages in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// `"en"` or `"zh"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Reads `"en…"` / `"zh…"` (e.g. a browser's `navigator.language`); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// One message in English and Chinese.
///
/// Static texts (endpoint labels, catalogue entries) borrow; messages built at run time
/// (a finding that names a length) own their strings.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Bilingual {
    /// English text.
    pub en: Cow<'static, str>,
    /// Chinese text.
    pub zh: Cow<'static, str>,
}

impl Bilingual {
    /// A message made of two static strings.
    pub const fn new(en: &'static str, zh: &'static str) -> Self {
        Bilingual {
            en: Cow::Borrowed(en),
            zh: Cow::Borrowed(zh),
        }
    }

    /// A message built at run time.
    pub fn owned(en: String, zh: String) -> Self {
        Bilingual {
            en: Cow::Owned(en),
            zh: Cow::Owned(zh),
        }
    }

    /// A message built at run time from pieces (static text and the values it names, such
    /// as a quoted value or a number), without `format!`, which the signer-only wasm leaves
    /// out.
    pub fn from_pieces(en: &[&str], zh: &[&str]) -> Self {
        Bilingual::owned(concat(en), concat(zh))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

impl core::fmt::Display for Bilingual {
    /// Both languages, English first: `English text / 中文`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} / {}", self.en, self.zh)
    }
}

/// The pieces one after the other (`[…].concat()` without its generic code).
pub(crate) fn concat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|piece| piece.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// `text` as a JSON string literal: how messages quote a value (so that a quote, a
/// newline or a control character in it stays visible) and how YTX bodies write strings.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, text);
    out
}

/// Appends `text` as a JSON string literal, escaped exactly like `serde_json`: `\"`, `\\`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, other characters below U+0020 as `\u00XX` (lower-case
/// hex); `/`, DEL and everything non-ASCII as they are.
pub(crate) fn push_quoted(out: &mut String, text: &str) {
    const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1F}' => {
                let byte = c as u8; // below U+0020, so it fits
                out.push_str("\\u00");
                out.push(char::from(HEX_LOWER[usize::from(byte >> 4)]));
                out.push(char::from(HEX_LOWER[usize::from(byte & 0x0F)]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
