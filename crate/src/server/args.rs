//! What the daoke body parsers produce: every field in wire order ([`Field`]) and the
//! argument table the handlers read ([`Args`]).
//!
//! Everything here is bytes, like the Lua server: a name or value is whatever bytes the
//! parser left, not necessarily UTF-8.

use std::collections::BTreeMap;

/// A value of the server's argument table, with its Lua type (spec §10.1 "Non-string
/// values").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgValue {
    /// A string (the only kind `parse_url` produces).
    Text(Vec<u8>),
    /// A table: a name repeated in an `ngx.decode_args` body, holding its values (strings
    /// or `true`) in body order.
    Table(Vec<ArgValue>),
    /// `true`: a name without `=` in an `ngx.decode_args` body.
    True,
    /// A file part of a multipart body (a table in Lua), with the part's file name.
    File {
        /// The `filename="…"` of the part.
        filename: Vec<u8>,
    },
}

impl ArgValue {
    /// The string, when the value is one.
    pub fn text(&self) -> Option<&[u8]> {
        match self {
            ArgValue::Text(text) => Some(text),
            _ => None,
        }
    }
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

    /// The value of `name` (as bytes), if present.
    pub fn get_bytes(&self, name: &[u8]) -> Option<&ArgValue> {
        self.0.get(name)
    }

    /// Whether `name` (as bytes) is present.
    pub fn contains(&self, name: &[u8]) -> bool {
        self.0.contains_key(name)
    }

    /// Every (name, value) pair in byte order of the names.
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &ArgValue)> {
        self.0.iter().map(|(name, value)| (name.as_slice(), value))
    }

    /// The pairs the server signs (spec §4.5): every string entry except `sign` and
    /// `secret` (the server adds its own `secret`), in byte order of the names; tables and
    /// files are skipped. `Err(name)` names an entry whose value is `true`, which the
    /// server cannot concatenate (a run-time error, `ME01022`, spec §10.1).
    pub fn signed_pairs(&self) -> Result<Vec<SignedPair<'_>>, &[u8]> {
        let mut pairs = Vec::new();
        for (name, value) in self.iter() {
            if name == b"sign" || name == b"secret" {
                continue;
            }
            match value {
                ArgValue::Text(text) => pairs.push((name, text.as_slice())),
                ArgValue::Table(_) | ArgValue::File { .. } => {}
                ArgValue::True => return Err(name),
            }
        }
        Ok(pairs)
    }
}

/// A (name, value) pair the server signs, as bytes.
pub type SignedPair<'a> = (&'a [u8], &'a [u8]);

/// Which of the server's three body parsers read a body (spec §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Parser {
    /// `utils.parse_url` (form bodies of createGroup, verifyApplyJoiningMember and
    /// inviteUserJoin): names raw, values decoded, the last value of a name wins.
    ParseUrl,
    /// `ngx.decode_args` (form bodies of applyMicroChannel): names and values decoded, a
    /// repeated name becomes a table, a name without `=` is `true`.
    DecodeArgs,
    /// `utils.parse_form_data` (multipart bodies of inviteUserJoin and applyMicroChannel):
    /// nothing decoded, the last value of a name wins, file parts become file values.
    Multipart,
}

/// The exact undecoded text of a form field, as it stands in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wire {
    /// The name's bytes before decoding.
    pub name: Vec<u8>,
    /// The value's bytes before decoding; `None` for a piece without `=` (`true`).
    pub value: Option<Vec<u8>>,
}

/// One field occurrence, in the order the parser found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name the server keys it under (decoded by `ngx.decode_args`, raw otherwise).
    pub name: Vec<u8>,
    /// What this occurrence gives the name: a string, `true` or a file (never a table:
    /// the table is what [`Parsed::args`] holds for a repeated name).
    pub value: ArgValue,
    /// For a form body: the undecoded text of the name and the value. `None` for
    /// multipart, whose parser decodes nothing.
    pub wire: Option<Wire>,
}

/// A body as the server parsed it: every field occurrence in wire order, and the argument
/// table the handler reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The parser that read the body.
    pub parser: Parser,
    /// Every field occurrence in wire order. A multipart body lists its text fields first
    /// and then its file fields (the parser's two passes; a file part usually appears in
    /// both, as text and then as a file).
    pub fields: Vec<Field>,
    /// The argument table: the value the server keeps for each name.
    pub args: Args,
}

impl Parsed {
    /// An empty result of `parser`.
    pub(crate) fn new(parser: Parser) -> Parsed {
        Parsed {
            parser,
            fields: Vec::new(),
            args: Args::default(),
        }
    }

    /// Each name once, at the position of its first occurrence, with the value the server
    /// keeps (what a sign doctor shows as "the server sees", doctor.md D2).
    pub fn kept_in_wire_order(&self) -> Vec<(&[u8], &ArgValue)> {
        let mut seen = std::collections::HashSet::new();
        self.fields
            .iter()
            .filter(|field| seen.insert(field.name.as_slice()))
            .filter_map(|field| {
                let kept = self.args.get_bytes(&field.name)?;
                Some((field.name.as_slice(), kept))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_pairs_skip_tables_files_sign_and_secret() {
        let text = |v: &str| ArgValue::Text(v.as_bytes().to_vec());
        let mut args = Args::default();
        args.set(b"b".to_vec(), text("2"));
        args.set(b"a".to_vec(), text("1"));
        args.set(b"sign".to_vec(), text("S"));
        args.set(b"secret".to_vec(), text("sent"));
        args.set(b"dup".to_vec(), ArgValue::Table(vec![text("x"), text("y")]));
        args.set(
            b"voice".to_vec(),
            ArgValue::File {
                filename: b"v.amr".to_vec(),
            },
        );
        assert_eq!(
            args.signed_pairs(),
            Ok(vec![(&b"a"[..], &b"1"[..]), (&b"b"[..], &b"2"[..])])
        );
        args.set(b"flag".to_vec(), ArgValue::True);
        assert_eq!(args.signed_pairs(), Err(&b"flag"[..]));
    }
}
