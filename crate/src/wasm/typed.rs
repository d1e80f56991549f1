//! Options and inputs as typed Rust structs (full package): a struct derives `Deserialize`
//! (and `Tsify`, for its TypeScript), and [`from_js`] reads it from a JS object with
//! serde-wasm-bindgen, naming the place of any mistake.
//!
//! Two things serde-wasm-bindgen does not do, `from_js` does first: it refuses anything but
//! a plain object, and any property the struct does not declare (a misspelt option would
//! otherwise be ignored). It then hands serde every declared field, absent ones as
//! `undefined`, so a missing required value is reported at its own path.
//!
//! The fields are the types below ([`Text`], [`Flag`], [`Seed`], [`Clock`], [`Choice`],
//! [`Files`], [`Parties`]): each takes its raw JS value (`serde_wasm_bindgen::preserve`) and
//! reads it with the shared [`read`](super::read) functions, which check lone surrogates,
//! the input budget and exact types with the same messages as the signing functions.
//! serde's error type carries only text, so a field that fails leaves its structured
//! failure in [`PENDING`], and `from_js` puts it under the field being read (it hands serde
//! the fields one by one, so it knows which; serde_path_to_error would add 5.5 KB gzip to
//! say the same). A field of any other serde type works too; its mistakes come out as
//! `invalid-value` with serde's words.
//!
//! Adding an option is adding a field to its struct.

use std::cell::Cell;

use serde::de::value::{MapDeserializer, StrDeserializer};
use serde::de::{DeserializeOwned, Deserializer, Error as _, IntoDeserializer, Visitor};
use serde::{forward_to_deserialize_any, Deserialize};
use serde_wasm_bindgen::{preserve, Deserializer as JsDeserializer};
use wasm_bindgen::JsValue;

use super::error::Failure;
use super::messages::Kind;
use super::read::{self, Path};
use crate::params::FilePart;
use crate::ytx::Party;

thread_local! {
    /// The failure of the field being read, until [`from_js`] places it.
    static PENDING: Cell<Option<Failure>> = const { Cell::new(None) };
}

/// Reads the object `value` (at `path` in the arguments) into `T`.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue, path: Path<'_>) -> Result<T, Failure> {
    let fields = names_of::<T>();
    read::object(value, path, fields)?;
    let mut entries = Vec::with_capacity(fields.len());
    for &field in fields {
        entries.push((field, JsDeserializer::from(read::get(value, field)?)));
    }
    drop(PENDING.take());
    // The field being read: serde reads a key, then its value, one field after the other.
    let current = Cell::new("");
    let map = MapDeserializer::<_, serde_wasm_bindgen::Error>::new(
        entries.into_iter().inspect(|(field, _)| current.set(field)),
    );
    T::deserialize(map).map_err(|error| {
        let at = [&path.text(), ".", current.get()].concat();
        match PENDING.take() {
            Some(failure) => failure.under(&at),
            None => Failure::input(
                at,
                Kind::Unreadable {
                    detail: error.to_string(),
                },
            ),
        }
    })
}

/// Reads `options` when given (`undefined` or `null`: the defaults).
pub(crate) fn options<T: DeserializeOwned + Default>(
    value: &JsValue,
    path: Path<'_>,
) -> Result<T, Failure> {
    if read::absent(value) {
        return Ok(T::default());
    }
    from_js(value, path)
}

/// A field read by `read` from its raw value, named from the field itself.
fn field<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    read: impl FnOnce(&JsValue, Path<'_>) -> Result<T, Failure>,
) -> Result<T, D::Error> {
    let value: JsValue = preserve::deserialize(deserializer)?;
    read(&value, Path::arg("")).map_err(|failure| {
        PENDING.set(Some(failure));
        D::Error::custom("see the pending failure")
    })
}

/// Implements `Deserialize` for a field type by reading its raw value with `$read`.
macro_rules! field_type {
    ($(#[$doc:meta])* $name:ident($inner:ty) = $read:expr) => {
        $(#[$doc])*
        #[derive(Default)]
        pub(crate) struct $name(pub(crate) $inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                field(deserializer, $read).map($name)
            }
        }
    };
}

field_type!(
    /// A string: well-formed UTF-16, counted against the input budget.
    Text(String) = read::string
);
field_type!(
    /// `true` or `false`, nothing merely truthy.
    Flag(bool) = |value, path| Ok(read::flag(value, path)?.unwrap_or_default())
);
field_type!(
    /// The seed of a generated boundary: a safe integer or a bigint below 2^64.
    Seed(u64) = |value, path| Ok(read::seed(value, path)?.unwrap_or_default())
);
field_type!(
    /// File parts (see [`read::files`]).
    Files(Vec<FilePart>) = read::files
);
field_type!(
    /// People to invite (see [`read::parties`]).
    Parties(Vec<Party>) = read::parties
);
field_type!(
    /// A wall-clock time `yyyyMMddHHmmss` in UTC+8, as Unix seconds.
    Clock(i64) = |value, path| {
        let text = read::string(value, path)?;
        match crate::time::BeijingTime::parse(&text) {
            Some(time) => Ok(time.to_unix()),
            None => Err(path.problem(Kind::InvalidTime { text })),
        }
    }
);

/// One of the names `T` (a unit-variant enum) is deserialised from, e.g. an [`Encoding`]
/// from `"multipart"`; any other string is an `invalid-value` listing them.
///
/// [`Encoding`]: crate::api::Encoding
pub(crate) struct Choice<T>(pub(crate) T);

impl<'de, T: DeserializeOwned> Deserialize<'de> for Choice<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        field(deserializer, |value, path| {
            let name = read::string(value, path)?;
            let names = names_of::<T>();
            let known: StrDeserializer<'_, serde::de::value::Error> =
                name.as_str().into_deserializer();
            match T::deserialize(known) {
                Ok(choice) if names.contains(&name.as_str()) => Ok(Choice(choice)),
                _ => Err(path.problem(Kind::InvalidChoice { name, names })),
            }
        })
    }
}

/// The names `T`'s derived `Deserialize` announces: a struct's fields or an enum's variants.
fn names_of<T: DeserializeOwned>() -> &'static [&'static str] {
    /// A deserializer that only listens: it records the names and fails.
    struct Probe<'a>(&'a Cell<&'static [&'static str]>);

    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(Self::Error::custom("names only"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            self.deserialize_any(visitor)
        }

        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(variants);
            self.deserialize_any(visitor)
        }

        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            identifier ignored_any
        }
    }

    let names = Cell::new(&[][..]);
    let _ = T::deserialize(Probe(&names));
    names.get()
}
