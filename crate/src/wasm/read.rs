//! The one reader of JS values: checks each value's type, counts it against the call's
//! input budget, and says exactly what is wrong and where. The signing functions read their
//! few arguments with it directly (both entry points); the full package's option structs
//! cross with serde-wasm-bindgen, and their fields use it through [`typed`](super::typed).
//!
//! Every property is read with `Reflect` (whose binding catches exceptions), so a throwing
//! getter or proxy trap comes back as [`Failure::Thrown`] and is rethrown unchanged, instead
//! of unwinding through wasm frames. `undefined` and `null` both mean "not given" for
//! optional values. Strings must be well-formed UTF-16 (no lone surrogates): they are
//! signed as UTF-8, and a lone surrogate has no UTF-8 form.

use std::cell::Cell;

use js_sys::{Array, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::error::Failure;
use super::messages::{actual, expected, Kind, MAX_INPUT_UNITS};
use crate::api::Api;
use crate::digits::push_decimal;
use crate::params::{FilePart, Params};
use crate::ytx::Party;

thread_local! {
    /// What is left of the current call's input budget ([`MAX_INPUT_UNITS`]).
    static BUDGET: Cell<u32> = const { Cell::new(MAX_INPUT_UNITS) };
}

/// Runs the body of one export with a whole input budget (the caller's is restored after,
/// so a call made from a getter inside another call counts on its own), and turns its
/// failure into the value to throw.
pub(crate) fn call<T>(body: impl FnOnce() -> Result<T, Failure>) -> Result<T, JsValue> {
    let outer = BUDGET.replace(MAX_INPUT_UNITS);
    let result = body();
    BUDGET.set(outer);
    result.map_err(JsValue::from)
}

/// Where a value sits in the arguments, for error messages: `options.files[0].data`.
/// Built on the stack and only written out when an error is reported.
#[derive(Clone, Copy)]
pub(crate) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Name(&'a str),
    Index(u32),
}

impl<'a> Path<'a> {
    /// A function argument called `name` (the empty name: a part read on its own).
    pub(crate) const fn arg(name: &'a str) -> Path<'a> {
        Path {
            parent: None,
            segment: Segment::Name(name),
        }
    }

    /// The property `key` of this value.
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Name(key),
        }
    }

    /// The element `index` of this array.
    pub(crate) fn index(&'a self, index: u32) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The path as JavaScript spells it: `options.files[0].data`.
    pub(crate) fn text(&self) -> String {
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

    /// A problem of `kind` with the value here.
    pub(crate) fn problem(&self, kind: Kind) -> Failure {
        Failure::input(self.text(), kind)
    }

    /// `path must be EXPECTED, but it is ACTUAL`.
    pub(crate) fn wrong_type(&self, expected: crate::text::Bilingual, value: &JsValue) -> Failure {
        self.problem(Kind::WrongType {
            expected,
            actual: actual_type(value),
        })
    }
}

/// The JS type of `value`, in both languages, for "… but it is a number".
fn actual_type(value: &JsValue) -> crate::text::Bilingual {
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

/// `undefined` or `null`: an optional value not given.
pub(crate) fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// `target[key]`; an exception thrown by a getter or proxy is the failure.
pub(crate) fn get(target: &JsValue, key: &str) -> Result<JsValue, Failure> {
    Reflect::get(target, &JsValue::from_str(key)).map_err(Failure::Thrown)
}

/// `target[index]`.
fn get_index(target: &JsValue, index: u32) -> Result<JsValue, Failure> {
    Reflect::get_u32(target, index).map_err(Failure::Thrown)
}

/// Takes `units` from the call's budget, or fails naming `path`.
fn spend(units: u32, path: Path<'_>) -> Result<(), Failure> {
    let remaining = BUDGET.get().checked_sub(units);
    BUDGET.set(remaining.unwrap_or(0));
    remaining
        .map(drop)
        .ok_or_else(|| path.problem(Kind::InputTooLarge))
}

/// A required string.
pub(crate) fn string(value: &JsValue, path: Path<'_>) -> Result<String, Failure> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Err(path.wrong_type(expected::STRING, value));
    };
    spend(text.length().saturating_add(1), path)?;
    let string = String::from(text);
    // The conversion writes U+FFFD for a lone surrogate; only then is the text checked.
    if string.contains('\u{FFFD}') && !text.is_well_formed() {
        return Err(path.problem(Kind::InvalidString));
    }
    Ok(string)
}

/// An optional string.
pub(crate) fn optional_string(value: &JsValue, path: Path<'_>) -> Result<Option<String>, Failure> {
    if absent(value) {
        return Ok(None);
    }
    string(value, path).map(Some)
}

/// An optional boolean. Only `true` and `false` are accepted: a truthy string such as
/// `"false"` would otherwise mean the opposite of what it says.
pub(crate) fn flag(value: &JsValue, path: Path<'_>) -> Result<Option<bool>, Failure> {
    if absent(value) {
        return Ok(None);
    }
    value
        .as_bool()
        .map(Some)
        .ok_or_else(|| path.wrong_type(expected::BOOLEAN, value))
}

/// An optional random seed: a non-negative safe integer (number) or a bigint below 2^64.
pub(crate) fn seed(value: &JsValue, path: Path<'_>) -> Result<Option<u64>, Failure> {
    /// 2^53 - 1: every integer up to it is exact as a JS number.
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    if absent(value) {
        return Ok(None);
    }
    let seed = match value.as_f64() {
        // In range and integral (the conversion truncates nothing), so it is exact.
        Some(n) if (0.0..=MAX_SAFE_INTEGER).contains(&n) && (n as u64) as f64 == n => {
            Some(n as u64)
        }
        Some(_) => None,
        None if value.is_bigint() => u64::try_from(value.clone()).ok(),
        None => return Err(path.wrong_type(expected::SEED, value)),
    };
    seed.map(Some)
        .ok_or_else(|| path.problem(Kind::InvalidSeed))
}

/// The elements of an array, each costing one unit.
pub(crate) fn array(value: &JsValue, path: Path<'_>) -> Result<Vec<JsValue>, Failure> {
    if !Array::is_array(value) {
        return Err(path.wrong_type(expected::ARRAY, value));
    }
    // A real array's length is an integer below 2^32; a proxy may report anything, which
    // `as` saturates (NaN becomes 0), harmless since each element is then checked.
    let length = get(value, "length")?.as_f64().unwrap_or(0.0) as u32;
    spend(length, path)?;
    (0..length).map(|index| get_index(value, index)).collect()
}

/// Whether `value` is a plain object: an object (not an array or function) whose prototype
/// is `null` or a root prototype such as `Object.prototype` (of any realm). A `Map`, a
/// `Date`, a typed array or a class instance is not one, so passing such a value by mistake
/// is reported instead of being read as an empty object.
fn is_plain_object(value: &JsValue) -> Result<bool, Failure> {
    if !value.is_object() || Array::is_array(value) {
        return Ok(false);
    }
    let prototype = Reflect::get_prototype_of(value).map_err(Failure::Thrown)?;
    Ok(prototype.is_null()
        || Reflect::get_prototype_of(&prototype)
            .map_err(Failure::Thrown)?
            .is_null())
}

/// `Object.keys(object)`: its own enumerable string keys in property order (what
/// `Object.entries` lists). Called through `Reflect.apply`, so that an exception thrown by a
/// proxy is the failure rather than unwinding through wasm frames.
fn own_keys(object: &JsValue) -> Result<Array, Failure> {
    thread_local! {
        static KEYS: JsValue = Reflect::get(&Object::new().constructor(), &"keys".into())
            .unwrap_or_default();
    }
    let keys = KEYS.with(|keys| {
        Reflect::apply::<fn() -> JsValue>(
            keys.unchecked_ref(),
            &JsValue::UNDEFINED,
            &Array::of1(object),
        )
    });
    keys.map(JsCast::unchecked_into).map_err(Failure::Thrown)
}

/// A plain object whose properties are all among `known`, so that a misspelt option is
/// reported rather than ignored.
pub(crate) fn object(
    value: &JsValue,
    path: Path<'_>,
    known: &'static [&'static str],
) -> Result<(), Failure> {
    if !is_plain_object(value)? {
        return Err(path.wrong_type(expected::PLAIN_OBJECT, value));
    }
    for key in own_keys(value)?.iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(path.problem(Kind::UnknownKey { key, known }));
        }
    }
    Ok(())
}

/// The properties of an object checked by [`object`], each read at its own path.
pub(crate) struct Fields<'p> {
    /// `None`: optional options not given, every property `undefined`.
    object: Option<JsValue>,
    path: Path<'p>,
}

impl<'p> Fields<'p> {
    /// The object `value` at `path`; `undefined` or `null` too when `optional`.
    pub(crate) fn new(
        value: &JsValue,
        path: Path<'p>,
        known: &'static [&'static str],
        optional: bool,
    ) -> Result<Self, Failure> {
        if optional && absent(value) {
            return Ok(Fields { object: None, path });
        }
        object(value, path, known)?;
        Ok(Fields {
            object: Some(value.clone()),
            path,
        })
    }

    /// The property `key`, read by `read`.
    pub(crate) fn read<T>(
        &self,
        key: &str,
        read: impl FnOnce(&JsValue, Path<'_>) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let value = match &self.object {
            Some(object) => get(object, key)?,
            None => JsValue::UNDEFINED,
        };
        read(&value, self.path.key(key))
    }
}

/// Request parameters: an array of `[name, value]` string pairs, or a plain object whose
/// own enumerable properties (in property order, as `Object.entries` lists them) are the
/// pairs. JS orders integer-like keys such as `"10"` before the others in an object; pass
/// pairs to keep any order. Also returns the names as the caller's JS strings.
pub(crate) fn params(value: &JsValue, path: Path<'_>) -> Result<(Params, Vec<JsValue>), Failure> {
    let (mut params, mut names) = (Params::new(), Vec::new());
    if Array::is_array(value) {
        for (index, pair) in (0..).zip(array(value, path)?) {
            let pair_path = path.index(index);
            if !Array::is_array(&pair) || get(&pair, "length")?.as_f64() != Some(2.0) {
                return Err(pair_path.wrong_type(expected::PAIR, &pair));
            }
            let name = get_index(&pair, 0)?;
            params.push(
                string(&name, pair_path.index(0))?,
                string(&get_index(&pair, 1)?, pair_path.index(1))?,
            );
            names.push(name);
        }
    } else if is_plain_object(value)? {
        let keys = own_keys(value)?;
        spend(keys.length(), path)?;
        for key in keys.iter() {
            let name = string(&key, path)?;
            let value = Reflect::get(value, &key).map_err(Failure::Thrown)?;
            let value = string(&value, path.key(&name))?;
            params.push(name, value);
            names.push(key);
        }
    } else {
        return Err(path.wrong_type(expected::PARAMS, value));
    }
    Ok((params, names))
}

/// The endpoint argument: one of the five names.
#[cfg(feature = "full")]
pub(crate) fn api(value: &JsValue, path: Path<'_>) -> Result<Api, Failure> {
    named_api(value, path, false)
}

/// The endpoint argument of a daoke function: one of the five names, or `null` /
/// `undefined` for a generic daoke request (`None`).
pub(crate) fn optional_api(value: &JsValue, path: Path<'_>) -> Result<Option<Api>, Failure> {
    if absent(value) {
        return Ok(None);
    }
    named_api(value, path, true).map(Some)
}

fn named_api(value: &JsValue, path: Path<'_>, or_null: bool) -> Result<Api, Failure> {
    if !value.is_string() {
        let expected = if or_null {
            expected::API_OR_NULL
        } else {
            expected::API
        };
        return Err(path.wrong_type(expected, value));
    }
    let name = string(value, path)?;
    Api::from_name(&name).ok_or_else(|| path.problem(Kind::UnknownApi { name, or_null }))
}

#[wasm_bindgen(typescript_custom_section)]
const PARAMS: &str = r#"
/** An endpoint of signkit. */
export type ApiName =
  | "createGroup"
  | "verifyApplyJoiningMember"
  | "applyMicroChannel"
  | "inviteUserJoin"
  | "inviteMeeting";

/** The four daoke (语镜) endpoints. */
export type DaokeApiName = Exclude<ApiName, "inviteMeeting">;

/**
 * Request parameters: ordered `[name, value]` pairs, or a plain object (its property
 * order; JS puts integer-like keys first). Values are strings: to the servers numbers are
 * text, and `"0123"` keeps its leading zero.
 */
export type Params = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string>>;

/** A file part of a multipart body (at most one per request; never signed). */
export interface FilePart {
  /** The form field name, `^[A-Za-z0-9_]+$`. */
  name: string;
  /** The file name, without `"`, CR or LF. */
  filename: string;
  /** The media type, e.g. `audio/amr`. */
  contentType: string;
  data: Uint8Array;
}

/** One person to invite to a YTX meeting. */
export interface Party {
  name: string;
  /** A mobile number, or a landline with `,` and an extension. */
  phone: string;
}
"#;

/// File parts: an array of `{ name, filename, contentType, data }`, `data` a `Uint8Array`
/// (a Node `Buffer` is one too). Absent: none.
pub(crate) fn files(value: &JsValue, path: Path<'_>) -> Result<Vec<FilePart>, Failure> {
    if absent(value) {
        return Ok(Vec::new());
    }
    let keys = &["name", "filename", "contentType", "data"];
    let mut files = Vec::new();
    for (index, file) in (0..).zip(array(value, path)?) {
        let file = Fields::new(&file, path.index(index), keys, false)?;
        files.push(FilePart {
            name: file.read("name", string)?,
            filename: file.read("filename", string)?,
            content_type: file.read("contentType", string)?,
            data: file.read("data", bytes)?,
        });
    }
    Ok(files)
}

/// The bytes of a `Uint8Array`.
fn bytes(value: &JsValue, path: Path<'_>) -> Result<Vec<u8>, Failure> {
    let Some(data) = value.dyn_ref::<Uint8Array>() else {
        return Err(path.wrong_type(expected::UINT8ARRAY, value));
    };
    spend(data.length().saturating_add(1), path)?;
    Ok(data.to_vec())
}

/// The people to invite: an array of `{ name, phone }`.
pub(crate) fn parties(value: &JsValue, path: Path<'_>) -> Result<Vec<Party>, Failure> {
    let mut parties = Vec::new();
    for (index, party) in (0..).zip(array(value, path)?) {
        let party = Fields::new(&party, path.index(index), &["name", "phone"], false)?;
        parties.push(Party::new(
            party.read("name", string)?,
            party.read("phone", string)?,
        ));
    }
    Ok(parties)
}
