//! Reading JS arguments into Rust values, with a structured error for every wrong input.
//!
//! Every property is read with `Reflect` (whose wasm-bindgen binding catches exceptions), so
//! a throwing getter or proxy trap becomes an ordinary error result instead of an exception
//! unwinding through wasm frames. `undefined` and `null` both mean "not given" for optional
//! values. Strings must be well-formed UTF-16 (no lone surrogates): they are signed as UTF-8,
//! and a lone surrogate has no UTF-8 form.

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::error::ApiError;
use super::messages::{
    actual, expected, fill, listed, INPUT_TOO_LARGE, INPUT_TOO_LARGE_MESSAGE, INVALID_SEED_MESSAGE,
    INVALID_STRING, INVALID_STRING_MESSAGE, INVALID_VALUE, LONG_TEXT, MAX_INPUT_UNITS, MAX_SHOWN,
    OR_NULL, UNKNOWN_API, UNKNOWN_API_MESSAGE, UNKNOWN_KEY, UNKNOWN_KEY_MESSAGE, WRONG_TYPE,
    WRONG_TYPE_MESSAGE,
};
use crate::api::Api;
use crate::digits::{decimal, push_decimal};
use crate::params::Params;
use crate::text::{quoted, Bilingual};

/// Where a value sits in the arguments, for error messages: `options.files[0].data`.
/// Built on the stack and only written out when an error is reported.
#[derive(Clone, Copy)]
pub(super) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Name(&'a str),
    Index(u32),
}

impl<'a> Path<'a> {
    /// A function argument called `name`.
    pub(super) const fn arg(name: &'a str) -> Path<'a> {
        Path {
            parent: None,
            segment: Segment::Name(name),
        }
    }

    /// The property `key` of this value.
    pub(super) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Name(key),
        }
    }

    /// The element `index` of this array.
    pub(super) fn index(&'a self, index: u32) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }
}

impl Path<'_> {
    /// The path as JavaScript spells it: `options.files[0].data`.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.push_to(&mut out);
        out
    }

    fn push_to(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.push_to(out);
            if let Segment::Name(_) = self.segment {
                out.push('.');
            }
        }
        match self.segment {
            Segment::Name(name) => out.push_str(name),
            Segment::Index(index) => {
                out.push('[');
                push_decimal(out, u64::from(index));
                out.push(']');
            }
        }
    }
}

/// The JS type of `value`, in both languages, for "… but it is a number".
fn actual_type(value: &JsValue) -> Bilingual {
    if value.is_undefined() {
        actual::UNDEFINED
    } else if value.is_null() {
        actual::NULL
    } else if value.is_string() {
        actual::STRING
    } else if value.as_f64().is_some() {
        actual::NUMBER
    } else if value.as_bool().is_some() {
        actual::BOOLEAN
    } else if value.is_bigint() {
        actual::BIGINT
    } else if value.is_symbol() {
        actual::SYMBOL
    } else if value.is_function() {
        actual::FUNCTION
    } else if Array::is_array(value) {
        actual::ARRAY
    } else if value.is_instance_of::<Uint8Array>() {
        actual::UINT8ARRAY
    } else {
        actual::OBJECT
    }
}

/// `path must be EXPECTED, but it is ACTUAL` (`expected` is one of [`expected`]'s phrases).
pub(super) fn wrong_type(path: Path<'_>, expected: Bilingual, value: &JsValue) -> JsValue {
    let actual = actual_type(value);
    let field = path.text();
    let message = fill(
        &WRONG_TYPE_MESSAGE,
        &[&field, &expected.en, &actual.en],
        &[&field, &expected.zh, &actual.zh],
    );
    ApiError::new(WRONG_TYPE, Some(field), message).into()
}

/// An [`INVALID_VALUE`] error about `path`.
pub(super) fn invalid_value(path: Path<'_>, message: Bilingual) -> JsValue {
    ApiError::new(INVALID_VALUE, Some(path.text()), message).into()
}

/// `text` quoted for a message (in English or Chinese), or its length when it is too long
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

/// `target[key]`; an exception thrown by a getter or proxy is returned as the error.
pub(super) fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
}

/// `target[index]`.
fn get_index(target: &JsValue, index: u32) -> Result<JsValue, JsValue> {
    Reflect::get_u32(target, index)
}

/// Whether `value` is a plain object: an object (not an array or function) whose prototype
/// is `null` or a root prototype such as `Object.prototype` (of any realm). A `Map`, a
/// `Date`, a typed array or a class instance is not one, so passing such a value by mistake
/// is reported instead of being read as an empty object.
fn is_plain_object(value: &JsValue) -> Result<bool, JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return Ok(false);
    }
    let prototype = Reflect::get_prototype_of(value)?;
    Ok(prototype.is_null() || Reflect::get_prototype_of(&prototype)?.is_null())
}

/// The length of an array (through `Reflect`, so a proxy cannot throw past us).
fn array_length(array: &JsValue) -> Result<u32, JsValue> {
    // A real array's length is an integer below 2^32, so the cast is exact; a proxy may
    // report anything, which `as` saturates (NaN becomes 0) — harmless, since the elements
    // are then read and checked one by one.
    Ok(get(array, "length")?.as_f64().unwrap_or(0.0) as u32)
}

#[wasm_bindgen]
extern "C" {
    /// `Object.keys(object)`: its own enumerable string keys in property order (what
    /// `Object.entries` lists); an exception thrown by a proxy is the error.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(object: &JsValue) -> Result<Array, JsValue>;
}

/// Reads the input of one call, keeping count against [`MAX_INPUT_UNITS`].
pub(super) struct Reader {
    remaining: u32,
}

impl Reader {
    /// A reader with the whole budget.
    pub(super) const fn new() -> Self {
        Reader {
            remaining: MAX_INPUT_UNITS,
        }
    }

    /// What is left of the budget.
    pub(super) const fn remaining(&self) -> u32 {
        self.remaining
    }

    /// Takes `units` from the budget, or fails naming `path`.
    pub(super) fn spend(&mut self, units: u32, path: Path<'_>) -> Result<(), JsValue> {
        match self.remaining.checked_sub(units) {
            Some(remaining) => {
                self.remaining = remaining;
                Ok(())
            }
            None => {
                let (field, max) = (path.text(), decimal(u64::from(MAX_INPUT_UNITS)));
                let message = fill(&INPUT_TOO_LARGE_MESSAGE, &[&field, &max], &[&field, &max]);
                Err(ApiError::new(INPUT_TOO_LARGE, Some(field), message).into())
            }
        }
    }

    /// A required string.
    pub(super) fn string(&mut self, value: &JsValue, path: Path<'_>) -> Result<String, JsValue> {
        if !value.is_string() {
            return Err(wrong_type(path, expected::STRING, value));
        }
        let text: &JsString = value.unchecked_ref();
        self.spend(text.length().saturating_add(1), path)?;
        if !text.is_well_formed() {
            let field = path.text();
            let message = fill(&INVALID_STRING_MESSAGE, &[&field], &[&field]);
            return Err(ApiError::new(INVALID_STRING, Some(field), message).into());
        }
        value
            .as_string()
            .ok_or_else(|| wrong_type(path, expected::STRING, value))
    }

    /// An optional string (`undefined` or `null`: not given).
    pub(super) fn optional_string(
        &mut self,
        value: &JsValue,
        path: Path<'_>,
    ) -> Result<Option<String>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        self.string(value, path).map(Some)
    }

    /// The bytes of a `Uint8Array` (a Node `Buffer` is one too).
    pub(super) fn bytes(&mut self, value: &JsValue, path: Path<'_>) -> Result<Vec<u8>, JsValue> {
        let Some(array) = value.dyn_ref::<Uint8Array>() else {
            return Err(wrong_type(path, expected::UINT8ARRAY, value));
        };
        self.spend(array.length().saturating_add(1), path)?;
        Ok(array.to_vec())
    }

    /// The elements of an array, each costing one unit.
    pub(super) fn array(
        &mut self,
        value: &JsValue,
        path: Path<'_>,
    ) -> Result<Vec<JsValue>, JsValue> {
        if !Array::is_array(value) {
            return Err(wrong_type(path, expected::ARRAY, value));
        }
        let length = array_length(value)?;
        self.spend(length, path)?;
        (0..length).map(|index| get_index(value, index)).collect()
    }

    /// Request parameters: an array of `[name, value]` string pairs, or a plain object whose
    /// own enumerable properties (in property order, as `Object.entries` lists them) are the
    /// pairs. JS orders integer-like keys such as `"10"` before the others in an object; pass
    /// pairs to keep any order.
    pub(super) fn params(&mut self, value: &JsValue, path: Path<'_>) -> Result<Params, JsValue> {
        let mut params = Params::new();
        if Array::is_array(value) {
            for (index, pair) in (0..).zip(self.array(value, path)?) {
                let pair_path = path.index(index);
                if !Array::is_array(&pair) || array_length(&pair)? != 2 {
                    return Err(wrong_type(pair_path, expected::PAIR, &pair));
                }
                let name = self.string(&get_index(&pair, 0)?, pair_path.index(0))?;
                let value = self.string(&get_index(&pair, 1)?, pair_path.index(1))?;
                params.push(name, value);
            }
        } else if is_plain_object(value)? {
            let keys = own_keys(value)?;
            self.spend(keys.length(), path)?;
            for key in keys.iter() {
                let name = self.string(&key, path)?;
                let value = self.string(&Reflect::get(value, &key)?, path.key(&name))?;
                params.push(name, value);
            }
        } else {
            return Err(wrong_type(path, expected::PARAMS, value));
        }
        Ok(params)
    }
}

/// A plain object of named inputs or options, whose property names are checked against
/// the known ones so that a misspelt option is reported rather than ignored.
pub(super) struct Fields<'p> {
    /// `None` when the options were not given.
    object: Option<JsValue>,
    path: Path<'p>,
}

impl<'p> Fields<'p> {
    /// Optional options: `undefined` or `null` gives an empty set.
    pub(super) fn optional(
        value: &JsValue,
        path: Path<'p>,
        known: &[&str],
    ) -> Result<Fields<'p>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Fields { object: None, path });
        }
        Fields::required(value, path, known)
    }

    /// A required plain object.
    pub(super) fn required(
        value: &JsValue,
        path: Path<'p>,
        known: &[&str],
    ) -> Result<Fields<'p>, JsValue> {
        if !is_plain_object(value)? {
            return Err(wrong_type(path, expected::PLAIN_OBJECT, value));
        }
        for key in own_keys(value)?.iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                let (list, object) = (listed(known), path.text());
                let (key_en, key_zh) = shown(&key);
                let message = fill(
                    &UNKNOWN_KEY_MESSAGE,
                    &[&object, &key_en, &list],
                    &[&object, &key_zh, &list],
                );
                return Err(
                    ApiError::new(UNKNOWN_KEY, Some(path.key(&key).text()), message).into(),
                );
            }
        }
        Ok(Fields {
            object: Some(value.clone()),
            path,
        })
    }

    /// The value of `key` (`undefined` when the options were not given).
    pub(super) fn value(&self, key: &str) -> Result<JsValue, JsValue> {
        match &self.object {
            Some(object) => get(object, key),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The path of `key`, for messages and nested reads.
    pub(super) fn path<'s>(&'s self, key: &'s str) -> Path<'s> {
        self.path.key(key)
    }

    /// A required string.
    pub(super) fn string(&self, reader: &mut Reader, key: &str) -> Result<String, JsValue> {
        reader.string(&self.value(key)?, self.path.key(key))
    }

    /// An optional string.
    pub(super) fn optional_string(
        &self,
        reader: &mut Reader,
        key: &str,
    ) -> Result<Option<String>, JsValue> {
        reader.optional_string(&self.value(key)?, self.path.key(key))
    }

    /// An optional boolean. Only `true` and `false` are accepted: a truthy string such as
    /// `"false"` would otherwise mean the opposite of what it says.
    pub(super) fn flag(&self, key: &str) -> Result<Option<bool>, JsValue> {
        let value = self.value(key)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .as_bool()
            .map(Some)
            .ok_or_else(|| wrong_type(self.path.key(key), expected::BOOLEAN, &value))
    }

    /// An optional name from a fixed set: `parse` reads it, `names` lists the accepted
    /// spellings for the message.
    #[cfg(feature = "full")]
    pub(super) fn choice<T>(
        &self,
        reader: &mut Reader,
        key: &str,
        parse: fn(&str) -> Option<T>,
        names: &[&str],
    ) -> Result<Option<T>, JsValue> {
        let Some(name) = self.optional_string(reader, key)? else {
            return Ok(None);
        };
        match parse(&name) {
            Some(choice) => Ok(Some(choice)),
            None => {
                let list = listed(names);
                let (name_en, name_zh) = shown(&name);
                Err(invalid_value(
                    self.path.key(key),
                    Bilingual::from_pieces(
                        &[
                            &name_en,
                            " is not a valid ",
                            key,
                            ": use one of ",
                            &list,
                            ".",
                        ],
                        &[&name_zh, " 不是有效的 ", key, "：请使用 ", &list, " 之一。"],
                    ),
                ))
            }
        }
    }

    /// An optional `yyyyMMddHHmmss` wall-clock time in UTC+8, as Unix seconds.
    #[cfg(feature = "full")]
    pub(super) fn beijing_time(
        &self,
        reader: &mut Reader,
        key: &str,
    ) -> Result<Option<i64>, JsValue> {
        let Some(text) = self.optional_string(reader, key)? else {
            return Ok(None);
        };
        match crate::time::BeijingTime::parse(&text) {
            Some(time) => Ok(Some(time.to_unix())),
            None => {
                let (text_en, text_zh) = shown(&text);
                Err(invalid_value(
                    self.path.key(key),
                    Bilingual::from_pieces(
                        &[&text_en, " is not a time: ", key, " must be 14 digits yyyyMMddHHmmss forming a valid date and time in UTC+8 (China Standard Time), e.g. 20161212093000."],
                        &[&text_zh, " 不是有效时间：", key, " 必须是 14 位数字 yyyyMMddHHmmss，构成 UTC+8（北京时间）下的有效日期时间，例如 20161212093000。"],
                    ),
                ))
            }
        }
    }

    /// An optional random seed: a non-negative safe integer (number) or a bigint below 2^64.
    pub(super) fn seed(&self, key: &str) -> Result<Option<u64>, JsValue> {
        /// 2^53 - 1: every integer up to it is exact as a JS number.
        const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
        let value = self.value(key)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        let seed = match value.as_f64() {
            // In range and integral (the conversion truncates nothing), so it is exact.
            Some(n) if (0.0..=MAX_SAFE_INTEGER).contains(&n) && (n as u64) as f64 == n => {
                Some(n as u64)
            }
            Some(_) => None,
            None if value.is_bigint() => u64::try_from(value.clone()).ok(),
            None => {
                return Err(wrong_type(self.path.key(key), expected::SEED, &value));
            }
        };
        seed.map(Some).ok_or_else(|| {
            invalid_value(
                self.path.key(key),
                fill(&INVALID_SEED_MESSAGE, &[key], &[key]),
            )
        })
    }
}

/// The endpoint argument: one of the five names.
#[cfg(feature = "full")]
pub(super) fn api(reader: &mut Reader, value: &JsValue, path: Path<'_>) -> Result<Api, JsValue> {
    read_api(reader, value, path, false)
}

/// The endpoint argument of a daoke call: one of the five names, or `null` / `undefined`
/// for a generic daoke request (no endpoint rules).
pub(super) fn optional_api(
    reader: &mut Reader,
    value: &JsValue,
    path: Path<'_>,
) -> Result<Option<Api>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    read_api(reader, value, path, true).map(Some)
}

fn read_api(
    reader: &mut Reader,
    value: &JsValue,
    path: Path<'_>,
    generic: bool,
) -> Result<Api, JsValue> {
    if !value.is_string() {
        let expected = if generic {
            expected::API_OR_NULL
        } else {
            expected::API
        };
        return Err(wrong_type(path, expected, value));
    }
    let name = reader.string(value, path)?;
    Api::from_name(&name).ok_or_else(|| {
        let list = listed(&Api::ALL.map(Api::name));
        let (or_null_en, or_null_zh) = if generic {
            (&*OR_NULL.en, &*OR_NULL.zh)
        } else {
            ("", "")
        };
        let (name_en, name_zh) = shown(&name);
        let message = fill(
            &UNKNOWN_API_MESSAGE,
            &[&name_en, &list, or_null_en],
            &[&name_zh, &list, or_null_zh],
        );
        ApiError::new(UNKNOWN_API, Some(path.text()), message).into()
    })
}
