//! The words and messages of the JS API's input errors, and the limits and names they
//! check against — one source for both packages.
//!
//! The full package's checking reader (`read`) fills these in Rust. The signer-only
//! package checks its arguments in JavaScript (`npm/signer/signkit.js`), which imports the
//! same texts from `npm/signer/tables.js`, a file generated from this module (the `tables`
//! test of the signer module writes it and fails when it is stale), never copied by hand.
//!
//! A message is a [`Bilingual`] template whose `{0}`, `{1}`, … [`fill`] replaces with the
//! values of one error (a field path, a quoted value, one of the phrases below), given per
//! language.

use alloc::string::String;

use crate::text::Bilingual;

/// The most input one call reads: UTF-16 code units of text plus bytes of files, plus one
/// for every string and array element (so a million empty strings count too). The vendors'
/// requests are tiny (the daoke server reads at most 8 KiB of body); the limit keeps a
/// mistaken or hostile argument from exhausting wasm memory, which would abort the module.
pub const MAX_INPUT_UNITS: u32 = 1 << 20;

/// The options `daokeSign` and `encodeForm` know.
pub(super) const SIGN_OPTIONS: &[&str] = &["revealSecret"];

/// The options `encodeMultipart` knows.
pub(super) const MULTIPART_OPTIONS: &[&str] = &["boundary", "files", "seed", "revealSecret"];

/// The properties of a file part.
pub(super) const FILE_KEYS: &[&str] = &["name", "filename", "contentType", "data"];

/// The properties `encodeInviteMeeting` knows.
pub(super) const BODY_KEYS: &[&str] = &["appid", "confid", "parties", "customParm", "action"];

/// The properties of a party.
pub(super) const PARTY_KEYS: &[&str] = &["name", "phone"];

/// A value has the wrong JS type (a number where a string is needed, `null` for a
/// required argument, …).
pub(super) const WRONG_TYPE: &str = "wrong-type";
/// A value has the right type but is not one of the accepted values (an unknown encoding,
/// a malformed clock, a seed out of range, …).
pub(super) const INVALID_VALUE: &str = "invalid-value";
/// The endpoint name is not one of the five.
pub(super) const UNKNOWN_API: &str = "unknown-api";
/// An options or input object has a property this API does not know (most likely a typo,
/// which would otherwise be ignored silently).
pub(super) const UNKNOWN_KEY: &str = "unknown-key";
/// A string contains a lone UTF-16 surrogate, which has no UTF-8 form and so cannot be
/// signed or sent as it is.
pub(super) const INVALID_STRING: &str = "invalid-string";
/// The call's input exceeds [`MAX_INPUT_UNITS`].
pub(super) const INPUT_TOO_LARGE: &str = "input-too-large";

/// [`WRONG_TYPE`]: `{0}` the field, `{1}` what it must be, `{2}` what it is.
pub(super) const WRONG_TYPE_MESSAGE: Bilingual = Bilingual::new(
    "{0} must be {1}, but it is {2}. Pass {1} there.",
    "{0} 必须是{1}，但传入的是{2}。请在此处传入{1}。",
);

/// [`INVALID_STRING`]: `{0}` the field.
pub(super) const INVALID_STRING_MESSAGE: Bilingual = Bilingual::new(
    "{0} contains a lone surrogate (half of a UTF-16 pair, e.g. from cutting a string inside an emoji). It has no UTF-8 form, so it cannot be signed or sent. Remove it, or repair the text with String.prototype.toWellFormed().",
    "{0} 含有孤立代理项（UTF-16 代理对的一半，例如在表情符号中间截断字符串所致）。它没有 UTF-8 形式，无法签名或发送。请删除它，或用 String.prototype.toWellFormed() 修复文本。",
);

/// [`INPUT_TOO_LARGE`]: `{0}` the field, `{1}` [`MAX_INPUT_UNITS`].
pub(super) const INPUT_TOO_LARGE_MESSAGE: Bilingual = Bilingual::new(
    "The input is too large: with {0} this call would read more than {1} UTF-16 code units of text and bytes of files. Requests to these APIs are small (the daoke server reads at most 8 KiB of body); send less.",
    "输入过大：加上 {0}，本次调用读取的文本 UTF-16 码元与文件字节将超过 {1}。这些接口的请求都很小（道客服务器最多读取 8 KiB 的请求体）；请减少输入。",
);

/// [`UNKNOWN_KEY`]: `{0}` the object, `{1}` the key (quoted, or described when long), `{2}`
/// the known keys.
pub(super) const UNKNOWN_KEY_MESSAGE: Bilingual = Bilingual::new(
    "{0} has a property {1} that this function does not know, so it would be ignored. Check the spelling; the known ones are: {2}.",
    "{0} 含有本函数不认识的属性 {1}，它将被忽略。请检查拼写；可用的属性为：{2}。",
);

/// [`UNKNOWN_API`]: `{0}` the name (quoted, or described when long), `{1}` the endpoints,
/// `{2}` [`OR_NULL`] where `null` is accepted, else nothing.
pub(super) const UNKNOWN_API_MESSAGE: Bilingual = Bilingual::new(
    "{0} is not an endpoint. Use one of {1}{2}; names are case-sensitive.",
    "{0} 不是接口名称。请使用 {1} 之一{2}；名称区分大小写。",
);

/// The `{2}` of [`UNKNOWN_API_MESSAGE`] for the daoke functions, which take `null` too.
pub(super) const OR_NULL: Bilingual = Bilingual::new(
    " (or null for a generic daoke request)",
    "（或 null，表示通用道客请求）",
);

/// [`INVALID_VALUE`] for a seed: `{0}` the option's name.
pub(super) const INVALID_SEED_MESSAGE: Bilingual = Bilingual::new(
    "{0} must be an integer from 0 to 2^53-1 (a number) or to 2^64-1 (a bigint); the same seed always generates the same multipart boundary.",
    "{0} 必须是 0 到 2^53-1 的整数（number）或 0 到 2^64-1 的整数（bigint）；相同的种子总是生成相同的 multipart 分隔符。",
);

/// A text too long to repeat in a message: `{0}` its length in characters.
pub(super) const LONG_TEXT: Bilingual =
    Bilingual::new("a {0}-character text", "一段 {0} 个字符的文本");

/// Every message template with holes, for the tests that check them.
#[cfg(test)]
pub(super) const TEMPLATES: [Bilingual; 7] = [
    WRONG_TYPE_MESSAGE,
    INVALID_STRING_MESSAGE,
    INPUT_TOO_LARGE_MESSAGE,
    UNKNOWN_KEY_MESSAGE,
    UNKNOWN_API_MESSAGE,
    INVALID_SEED_MESSAGE,
    LONG_TEXT,
];

/// The longest text a message repeats (quoted); longer ones are described by [`LONG_TEXT`].
pub(super) const MAX_SHOWN: usize = 64;

/// What a value must be: the `{1}` of [`WRONG_TYPE_MESSAGE`].
pub(super) mod expected {
    use crate::text::Bilingual;

    /// A string.
    pub(in crate::wasm) const STRING: Bilingual = Bilingual::new("a string", "字符串");
    /// File data.
    pub(in crate::wasm) const UINT8ARRAY: Bilingual = Bilingual::new("a Uint8Array", "Uint8Array");
    /// A flag.
    pub(in crate::wasm) const BOOLEAN: Bilingual = Bilingual::new("true or false", "true 或 false");
    /// Options and inputs.
    pub(in crate::wasm) const PLAIN_OBJECT: Bilingual =
        Bilingual::new("a plain object", "普通对象");
    /// Lists.
    pub(in crate::wasm) const ARRAY: Bilingual = Bilingual::new("an array", "数组");
    /// Request parameters.
    pub(in crate::wasm) const PARAMS: Bilingual = Bilingual::new(
        "an array of [name, value] string pairs or a plain object of string values",
        "由 [名称, 值] 字符串对组成的数组，或值均为字符串的普通对象",
    );
    /// One parameter given as a pair.
    pub(in crate::wasm) const PAIR: Bilingual = Bilingual::new(
        "a [name, value] pair of two strings",
        "由两个字符串组成的 [名称, 值] 对",
    );
    /// The endpoint of a daoke function.
    pub(in crate::wasm) const API_OR_NULL: Bilingual =
        Bilingual::new("an endpoint name or null", "接口名称或 null");
    /// The endpoint of a function that needs one.
    pub(in crate::wasm) const API: Bilingual = Bilingual::new("an endpoint name", "接口名称");
    /// A random seed.
    pub(in crate::wasm) const SEED: Bilingual =
        Bilingual::new("a number or a bigint", "数字或 bigint");
}

/// What a value is: the `{2}` of [`WRONG_TYPE_MESSAGE`], by JS type.
pub(super) mod actual {
    use crate::text::Bilingual;

    /// `undefined`.
    pub(in crate::wasm) const UNDEFINED: Bilingual =
        Bilingual::new("undefined (missing)", "undefined（缺失）");
    /// `null`.
    pub(in crate::wasm) const NULL: Bilingual = Bilingual::new("null", "null");
    /// A string.
    pub(in crate::wasm) const STRING: Bilingual = Bilingual::new("a string", "字符串");
    /// A number.
    pub(in crate::wasm) const NUMBER: Bilingual = Bilingual::new("a number", "数字");
    /// A boolean.
    pub(in crate::wasm) const BOOLEAN: Bilingual = Bilingual::new("a boolean", "布尔值");
    /// A bigint.
    pub(in crate::wasm) const BIGINT: Bilingual = Bilingual::new("a bigint", "bigint");
    /// A symbol.
    pub(in crate::wasm) const SYMBOL: Bilingual = Bilingual::new("a symbol", "symbol");
    /// A function.
    pub(in crate::wasm) const FUNCTION: Bilingual = Bilingual::new("a function", "函数");
    /// An array.
    pub(in crate::wasm) const ARRAY: Bilingual = Bilingual::new("an array", "数组");
    /// A `Uint8Array` (a Node `Buffer` too).
    pub(in crate::wasm) const UINT8ARRAY: Bilingual = Bilingual::new("a Uint8Array", "Uint8Array");
    /// Any other object.
    pub(in crate::wasm) const OBJECT: Bilingual = Bilingual::new("an object", "对象");
}

/// `template` with `{n}` replaced by `en[n]` in English and `zh[n]` in Chinese. A hole
/// without a value stays as it is; the values themselves are not scanned for holes.
pub(super) fn fill(template: &Bilingual, en: &[&str], zh: &[&str]) -> Bilingual {
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

/// `list` joined with `", "` (for "use one of …" and "the known ones are …").
pub(super) fn listed(list: &[&str]) -> String {
    let mut out = String::new();
    for (index, item) in list.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_hole_by_its_value_per_language() {
        let message = fill(&WRONG_TYPE_MESSAGE, &["x", "a", "b"], &["x", "甲", "乙"]);
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
        for template in TEMPLATES {
            assert!(!holes(&template.en).is_empty(), "{template}");
            assert_eq!(holes(&template.en), holes(&template.zh), "{template}");
        }
    }
}
