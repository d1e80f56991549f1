//! The input errors of the JS API: their codes, what they say in English and Chinese, and
//! the words they are made of. One list for both entry points.
//!
//! A message is a [`Bilingual`] template whose `{0}`, `{1}`, … [`fill`] replaces with the
//! values of one error (a field path, a quoted value, one of the phrases below).

use wasm_bindgen::prelude::wasm_bindgen;

use crate::api::Api;
use crate::digits::decimal;
use crate::text::{quoted, Bilingual};

/// The most input one call reads: UTF-16 code units of text plus bytes of files, plus one
/// for every string and array element (so a million empty strings count too). The vendors'
/// requests are tiny (the daoke server reads at most 8 KiB of body); the limit keeps a
/// mistaken or hostile argument from exhausting wasm memory, which would abort the module.
pub const MAX_INPUT_UNITS: u32 = 1 << 20;

/// The longest text a message repeats (quoted); longer ones are described by [`LONG_TEXT`].
const MAX_SHOWN: usize = 64;

/// What is wrong with an input, before it is placed in the arguments (see
/// [`Problem`](super::error::Problem)). Each kind is one `code` of `SignkitError`.
#[derive(Debug)]
pub(crate) enum Kind {
    /// `wrong-type`: a number where a string is needed, `null` for a required argument, …
    WrongType {
        /// What the value must be: one of [`expected`]'s phrases.
        expected: Bilingual,
        /// What it is: one of [`actual`]'s phrases.
        actual: Bilingual,
    },
    /// `invalid-string`: a lone UTF-16 surrogate, which has no UTF-8 form.
    InvalidString,
    /// `input-too-large`: the call reads more than [`MAX_INPUT_UNITS`].
    InputTooLarge,
    /// `unknown-key`: a property the function does not know (most likely a typo, which
    /// would otherwise be ignored). The problem's field is the object's.
    UnknownKey {
        /// The property.
        key: String,
        /// The properties the object may have.
        known: &'static [&'static str],
    },
    /// `unknown-api`: not one of the five endpoint names.
    UnknownApi {
        /// The name given.
        name: String,
        /// Whether `null` is accepted too (the daoke functions).
        or_null: bool,
    },
    #[cfg(feature = "full")]
    /// `invalid-value`: a name outside a fixed set (an encoding, a mode, …).
    InvalidChoice {
        /// The name given.
        name: String,
        /// The accepted names.
        names: &'static [&'static str],
    },
    /// `invalid-value`: a seed out of range.
    InvalidSeed,
    #[cfg(feature = "full")]
    /// `invalid-value`: not a `yyyyMMddHHmmss` time.
    InvalidTime {
        /// The text given.
        text: String,
    },
    #[cfg(feature = "full")]
    /// `invalid-value`: a value serde could not read (a field type without a check of ours).
    Unreadable {
        /// serde's description, in English.
        detail: String,
    },
}

impl Kind {
    /// The `code` of the `SignkitError`.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Kind::WrongType { .. } => "wrong-type",
            Kind::InvalidString => "invalid-string",
            Kind::InputTooLarge => "input-too-large",
            Kind::UnknownKey { .. } => "unknown-key",
            Kind::UnknownApi { .. } => "unknown-api",
            Kind::InvalidSeed => "invalid-value",
            #[cfg(feature = "full")]
            Kind::InvalidChoice { .. } | Kind::InvalidTime { .. } | Kind::Unreadable { .. } => {
                "invalid-value"
            }
        }
    }

    /// The field the error names: `field`, or for an unknown key the key's own path.
    pub(crate) fn field(&self, field: &str) -> String {
        match self {
            Kind::UnknownKey { key, .. } => [field, ".", key].concat(),
            _ => String::from(field),
        }
    }

    /// The message about the value at `field`.
    pub(crate) fn message(&self, field: &str) -> Bilingual {
        // The messages about one option name the option itself, not its whole path.
        let key = field.rsplit('.').next().unwrap_or(field);
        match self {
            Kind::WrongType { expected, actual } => fill(
                &WRONG_TYPE,
                &[field, &expected.en, &actual.en],
                &[field, &expected.zh, &actual.zh],
            ),
            Kind::InvalidString => fill(&INVALID_STRING, &[field], &[field]),
            Kind::InputTooLarge => {
                let max = decimal(u64::from(MAX_INPUT_UNITS));
                fill(&INPUT_TOO_LARGE, &[field, &max], &[field, &max])
            }
            Kind::UnknownKey { key, known } => {
                let (list, (en, zh)) = (known.join(", "), shown(key));
                fill(&UNKNOWN_KEY, &[field, &en, &list], &[field, &zh, &list])
            }
            Kind::UnknownApi { name, or_null } => {
                let list = Api::ALL.map(Api::name).join(", ");
                let (en, zh) = shown(name);
                let (null_en, null_zh) = if *or_null {
                    (&*OR_NULL.en, &*OR_NULL.zh)
                } else {
                    ("", "")
                };
                fill(&UNKNOWN_API, &[&en, &list, null_en], &[&zh, &list, null_zh])
            }
            #[cfg(feature = "full")]
            Kind::InvalidChoice { name, names } => {
                let (list, (en, zh)) = (names.join(", "), shown(name));
                fill(&INVALID_CHOICE, &[&en, key, &list], &[&zh, key, &list])
            }
            Kind::InvalidSeed => fill(&INVALID_SEED, &[key], &[key]),
            #[cfg(feature = "full")]
            Kind::InvalidTime { text } => {
                let (en, zh) = shown(text);
                fill(&INVALID_TIME, &[&en, key], &[&zh, key])
            }
            #[cfg(feature = "full")]
            Kind::Unreadable { detail } => fill(&UNREADABLE, &[field, detail], &[field, detail]),
        }
    }
}

#[wasm_bindgen(typescript_custom_section)]
const INPUT_ERROR_CODE: &str = r#"
/** An input the API could not take: the value has the wrong type, is not allowed, or is too big. */
export type InputErrorCode =
  | "wrong-type"
  | "invalid-value"
  | "unknown-api"
  | "unknown-key"
  | "invalid-string"
  | "input-too-large";
"#;

/// [`Kind::WrongType`]: `{0}` the field, `{1}` what it must be, `{2}` what it is.
const WRONG_TYPE: Bilingual = Bilingual::new(
    "{0} must be {1}, but it is {2}. Pass {1} there.",
    "{0} 必须是{1}，但传入的是{2}。请在此处传入{1}。",
);

/// [`Kind::InvalidString`]: `{0}` the field.
const INVALID_STRING: Bilingual = Bilingual::new(
    "{0} contains a lone surrogate (half of a UTF-16 pair, e.g. from cutting a string inside an emoji). It has no UTF-8 form, so it cannot be signed or sent. Remove it, or repair the text with String.prototype.toWellFormed().",
    "{0} 含有孤立代理项（UTF-16 代理对的一半，例如在表情符号中间截断字符串所致）。它没有 UTF-8 形式，无法签名或发送。请删除它，或用 String.prototype.toWellFormed() 修复文本。",
);

/// [`Kind::InputTooLarge`]: `{0}` the field, `{1}` [`MAX_INPUT_UNITS`].
const INPUT_TOO_LARGE: Bilingual = Bilingual::new(
    "The input is too large: with {0} this call would read more than {1} UTF-16 code units of text and bytes of files. Requests to these APIs are small (the daoke server reads at most 8 KiB of body); send less.",
    "输入过大：加上 {0}，本次调用读取的文本 UTF-16 码元与文件字节将超过 {1}。这些接口的请求都很小（道客服务器最多读取 8 KiB 的请求体）；请减少输入。",
);

/// [`Kind::UnknownKey`]: `{0}` the object, `{1}` the key (quoted, or described when long),
/// `{2}` the known keys.
const UNKNOWN_KEY: Bilingual = Bilingual::new(
    "{0} has a property {1} that this function does not know, so it would be ignored. Check the spelling; the known ones are: {2}.",
    "{0} 含有本函数不认识的属性 {1}，它将被忽略。请检查拼写；可用的属性为：{2}。",
);

/// [`Kind::UnknownApi`]: `{0}` the name, `{1}` the endpoints, `{2}` [`OR_NULL`] or nothing.
const UNKNOWN_API: Bilingual = Bilingual::new(
    "{0} is not an endpoint. Use one of {1}{2}; names are case-sensitive.",
    "{0} 不是接口名称。请使用 {1} 之一{2}；名称区分大小写。",
);

/// The `{2}` of [`UNKNOWN_API`] for the daoke functions, which take `null` too.
const OR_NULL: Bilingual = Bilingual::new(
    " (or null for a generic daoke request)",
    "（或 null，表示通用道客请求）",
);

#[cfg(feature = "full")]
/// [`Kind::InvalidChoice`]: `{0}` the name given, `{1}` the option, `{2}` the names.
const INVALID_CHOICE: Bilingual = Bilingual::new(
    "{0} is not a valid {1}: use one of {2}.",
    "{0} 不是有效的 {1}：请使用 {2} 之一。",
);

/// [`Kind::InvalidSeed`]: `{0}` the option.
const INVALID_SEED: Bilingual = Bilingual::new(
    "{0} must be an integer from 0 to 2^53-1 (a number) or to 2^64-1 (a bigint); the same seed always generates the same multipart boundary.",
    "{0} 必须是 0 到 2^53-1 的整数（number）或 0 到 2^64-1 的整数（bigint）；相同的种子总是生成相同的 multipart 分隔符。",
);

#[cfg(feature = "full")]
/// [`Kind::InvalidTime`]: `{0}` the text given, `{1}` the option.
const INVALID_TIME: Bilingual = Bilingual::new(
    "{0} is not a time: {1} must be 14 digits yyyyMMddHHmmss forming a valid date and time in UTC+8 (China Standard Time), e.g. 20161212093000.",
    "{0} 不是有效时间：{1} 必须是 14 位数字 yyyyMMddHHmmss，构成 UTC+8（北京时间）下的有效日期时间，例如 20161212093000。",
);

#[cfg(feature = "full")]
/// [`Kind::Unreadable`]: `{0}` the field, `{1}` serde's description.
const UNREADABLE: Bilingual = Bilingual::new(
    "{0} could not be read: {1}. Check its type in the TypeScript declarations.",
    "无法读取 {0}：{1}。请对照 TypeScript 声明检查其类型。",
);

/// A text too long to repeat in a message: `{0}` its length in characters.
const LONG_TEXT: Bilingual = Bilingual::new("a {0}-character text", "一段 {0} 个字符的文本");

/// What a value must be: the `{1}` of a wrong-type message.
pub(crate) mod expected {
    use crate::text::Bilingual;

    pub(crate) const STRING: Bilingual = Bilingual::new("a string", "字符串");
    pub(crate) const UINT8ARRAY: Bilingual = Bilingual::new("a Uint8Array", "Uint8Array");
    pub(crate) const BOOLEAN: Bilingual = Bilingual::new("true or false", "true 或 false");
    pub(crate) const PLAIN_OBJECT: Bilingual = Bilingual::new("a plain object", "普通对象");
    pub(crate) const ARRAY: Bilingual = Bilingual::new("an array", "数组");
    pub(crate) const SEED: Bilingual = Bilingual::new("a number or a bigint", "数字或 bigint");
    pub(crate) const API: Bilingual = Bilingual::new("an endpoint name", "接口名称");
    pub(crate) const API_OR_NULL: Bilingual =
        Bilingual::new("an endpoint name or null", "接口名称或 null");
    pub(crate) const PAIR: Bilingual = Bilingual::new(
        "a [name, value] pair of two strings",
        "由两个字符串组成的 [名称, 值] 对",
    );
    pub(crate) const PARAMS: Bilingual = Bilingual::new(
        "an array of [name, value] string pairs or a plain object of string values",
        "由 [名称, 值] 字符串对组成的数组，或值均为字符串的普通对象",
    );
}

/// What a value is: the `{2}` of a wrong-type message, by JS type.
pub(crate) mod actual {
    use crate::text::Bilingual;

    pub(crate) const UNDEFINED: Bilingual =
        Bilingual::new("undefined (missing)", "undefined（缺失）");
    pub(crate) const NULL: Bilingual = Bilingual::new("null", "null");
    pub(crate) const STRING: Bilingual = Bilingual::new("a string", "字符串");
    pub(crate) const NUMBER: Bilingual = Bilingual::new("a number", "数字");
    pub(crate) const BOOLEAN: Bilingual = Bilingual::new("a boolean", "布尔值");
    pub(crate) const BIGINT: Bilingual = Bilingual::new("a bigint", "bigint");
    pub(crate) const SYMBOL: Bilingual = Bilingual::new("a symbol", "symbol");
    pub(crate) const FUNCTION: Bilingual = Bilingual::new("a function", "函数");
    pub(crate) const ARRAY: Bilingual = Bilingual::new("an array", "数组");
    /// A `Uint8Array` (a Node `Buffer` too).
    pub(crate) const UINT8ARRAY: Bilingual = Bilingual::new("a Uint8Array", "Uint8Array");
    /// Any other object.
    pub(crate) const OBJECT: Bilingual = Bilingual::new("an object", "对象");
}

/// `text` quoted for a message (in English and Chinese), or its length when it is too long
/// to repeat.
fn shown(text: &str) -> (String, String) {
    let length = text.chars().count();
    if length <= MAX_SHOWN {
        let quoted = quoted(text);
        (quoted.clone(), quoted)
    } else {
        let length = decimal(length as u64);
        let described = fill(&LONG_TEXT, &[&length], &[&length]);
        (described.en.into_owned(), described.zh.into_owned())
    }
}

/// `template` with `{n}` replaced by `en[n]` in English and `zh[n]` in Chinese. A hole
/// without a value stays as it is; the values themselves are not scanned for holes.
fn fill(template: &Bilingual, en: &[&str], zh: &[&str]) -> Bilingual {
    Bilingual::owned(fill_text(&template.en, en), fill_text(&template.zh, zh))
}

fn fill_text(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, hole) = rest.split_at(open);
        out.push_str(before);
        let value = match hole.as_bytes() {
            [b'{', digit @ b'0'..=b'9', b'}', ..] => values.get(usize::from(digit - b'0')),
            _ => None,
        };
        // `{`, a digit and `}` are ASCII, so the cuts fall on character boundaries.
        let (filled, after) = match value {
            Some(value) => (*value, hole.get(3..)),
            None => ("{", hole.get(1..)),
        };
        out.push_str(filled);
        rest = after.unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_hole_by_its_value_per_language() {
        let message = fill(&WRONG_TYPE, &["x", "a", "b"], &["x", "甲", "乙"]);
        assert_eq!(message.en, "x must be a, but it is b. Pass a there.");
        assert_eq!(message.zh, "x 必须是甲，但传入的是乙。请在此处传入甲。");
    }

    #[test]
    fn fill_leaves_values_and_unknown_holes_alone() {
        let template = Bilingual::new("{0}|{1}|{9}|{x}|{", "{0}");
        let message = fill(&template, &["{1}", "b"], &["{0}"]);
        assert_eq!(message.en, "{1}|b|{9}|{x}|{");
        assert_eq!(message.zh, "{0}");
    }

    #[test]
    fn every_template_has_the_same_holes_in_both_languages() {
        let holes = |text: &str| -> Vec<usize> {
            (0..10)
                .filter(|n| text.contains(&format!("{{{n}}}")))
                .collect()
        };
        let templates = [
            WRONG_TYPE,
            INVALID_STRING,
            INPUT_TOO_LARGE,
            UNKNOWN_KEY,
            UNKNOWN_API,
            INVALID_CHOICE,
            INVALID_SEED,
            INVALID_TIME,
            UNREADABLE,
            LONG_TEXT,
        ];
        for template in templates {
            assert!(!holes(&template.en).is_empty(), "{template}");
            assert_eq!(holes(&template.en), holes(&template.zh), "{template}");
        }
    }

    #[test]
    fn messages_name_the_option_and_quote_or_describe_the_value() {
        let choice = Kind::InvalidChoice {
            name: String::from("json"),
            names: &["form-urlencoded", "multipart"],
        };
        assert_eq!(
            choice.message("options.encoding").en,
            "\"json\" is not a valid encoding: use one of form-urlencoded, multipart."
        );
        let key = Kind::UnknownKey {
            key: "k".repeat(65),
            known: &["a", "b"],
        };
        assert_eq!(key.field("options"), format!("options.{}", "k".repeat(65)));
        assert!(key.message("options").en.contains("a 65-character text"));
    }
}
