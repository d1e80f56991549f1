//! The daoke server's body parsers (spec §5.1, §5.3) and the table they produce.
//!
//! Everything here works on bytes, like the Lua server: a value is whatever bytes the
//! parser left, not necessarily UTF-8.

pub mod form;
pub mod multipart;

use std::collections::BTreeMap;

/// A value of the server's argument table, with its Lua type (spec §10.1 "Non-string
/// values").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgValue {
    /// A string (the only kind `parse_url` produces).
    Text(Vec<u8>),
    /// A table: a name repeated in an `ngx.decode_args` body.
    Table,
    /// `true`: a name without `=` in an `ngx.decode_args` body.
    True,
    /// A file part of a multipart body (a table in Lua).
    File,
}

/// The server's argument table: name → value, names compared as bytes. Iteration is in
/// byte order of the names, which is also Lua's `table.sort` order in the C locale.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Args(BTreeMap<Vec<u8>, ArgValue>);

impl Args {
    /// Sets `name` (a later value replaces an earlier one).
    pub fn set(&mut self, name: Vec<u8>, value: ArgValue) {
        self.0.insert(name, value);
    }

    /// The value of `name`, if present.
    pub fn get(&self, name: &str) -> Option<&ArgValue> {
        self.0.get(name.as_bytes())
    }

    /// Whether `name` (as bytes) is present.
    pub fn contains(&self, name: &[u8]) -> bool {
        self.0.contains_key(name)
    }

    /// Every (name, value) pair in byte order of the names.
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &ArgValue)> {
        self.0.iter().map(|(name, value)| (name.as_slice(), value))
    }
}
