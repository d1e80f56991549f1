//! Bilingual (English / Chinese) text: every message a user can see comes in both languages.

use std::borrow::Cow;

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
