//! Ordered request parameters and the first two steps of the processing pipeline (spec §3.4).
//!
//! Nothing here is vendor-specific: a [`Params`] is the caller's list of `(name, value)`
//! pairs in the order given, repeated names and all, because the validator must be able
//! to see (and report) exactly what the caller typed.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// An ordered list of text parameters, as the caller gave them.
#[derive(Clone, Default, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// An empty list.
    pub fn new() -> Self {
        Params(Vec::new())
    }

    /// Appends a parameter (repeated names are kept; the validator reports them).
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// Builder-style [`Params::push`].
    pub fn with(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.push(name, value);
        self
    }

    /// The pairs in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// Iterates over `(name, value)` in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The value of the **last** parameter called `name` (the daoke form parser's rule).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a parameter called `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    /// How many times `name` occurs.
    pub fn count(&self, name: &str) -> usize {
        self.0.iter().filter(|(n, _)| n == name).count()
    }

    /// Number of parameters.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every parameter called `name`.
    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| n != name);
    }

    /// The pairs, by value.
    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.0
    }

    /// Pipeline steps 1 and 2 (spec §3.4): drop every parameter named exactly `sign`
    /// (case-sensitive) and canonicalise every value ([`canonical_value`]).
    pub fn canonicalised(&self) -> Params {
        canonicalised_pairs(self)
            .map(|(_, name, value)| (name, value.into_owned()))
            .collect()
    }
}

/// The pairs of a `&Params` in order, as `(name, value)`.
impl<'a> IntoIterator for &'a Params {
    type Item = (&'a str, &'a str);
    type IntoIter = core::iter::Map<
        core::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a str, &'a str),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

/// The name of the signature parameter, which pipeline step 1 drops from the caller's list
/// (exactly this name: `Sign` and `signs` are ordinary parameters).
pub const SIGN_NAME: &str = "sign";

/// Pipeline steps 1 and 2 (spec §3.4) on borrowed pairs: drops every pair named exactly
/// [`SIGN_NAME`] and canonicalises every value, copying only a value that changes (one with
/// a CRLF). Each pair comes with its index in `pairs`. [`Params::canonicalised`] collects
/// this.
pub fn canonicalised_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> impl Iterator<Item = (usize, &'a str, Cow<'a, str>)> {
    pairs
        .into_iter()
        .enumerate()
        .filter(|&(_, (name, _))| name != SIGN_NAME)
        .map(|(index, (name, value))| (index, name, canonical_value(value)))
}

impl<N: Into<String>, V: Into<String>> FromIterator<(N, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Self {
        Params(
            iter.into_iter()
                .map(|(n, v)| (n.into(), v.into()))
                .collect(),
        )
    }
}

impl From<Vec<(String, String)>> for Params {
    fn from(pairs: Vec<(String, String)>) -> Self {
        Params(pairs)
    }
}

/// Pipeline step 2 (spec §3.4): every run of one or more CR immediately followed by LF
/// (`\r+\n`) becomes a single LF; lone CRs stay.
///
/// Why: the server's form decoder turns CRLF into LF after percent-decoding and its
/// multipart parser cuts a value at a CRLF followed by `-`, so a canonical value (no CRLF)
/// reaches the server exactly as it was signed, whichever encoding carries it.
pub fn canonical_value(value: &str) -> Cow<'_, str> {
    // Most values have no CR at all; a byte search for one is much cheaper than a
    // substring search for CRLF.
    if !value.as_bytes().contains(&b'\r') {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    // CRs seen since the last other character: dropped before an LF, kept otherwise.
    let mut pending_crs = 0;
    for c in value.chars() {
        match c {
            '\r' => pending_crs += 1,
            '\n' => {
                pending_crs = 0;
                out.push('\n');
            }
            _ => {
                push_crs(&mut out, &mut pending_crs);
                out.push(c);
            }
        }
    }
    push_crs(&mut out, &mut pending_crs);
    Cow::Owned(out)
}

/// Writes the CRs that were not followed by an LF.
fn push_crs(out: &mut String, count: &mut usize) {
    for _ in 0..*count {
        out.push('\r');
    }
    *count = 0;
}

/// A file part of a multipart body. File parts are never signed (spec §4.1).
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct FilePart {
    /// The form field name (must match `^[A-Za-z0-9_]+$`).
    pub name: String,
    /// The file name (must not contain `"`, CR or LF).
    pub filename: String,
    /// The media type, e.g. `audio/amr`.
    pub content_type: String,
    /// The file's bytes.
    pub data: Vec<u8>,
}

impl core::fmt::Debug for FilePart {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("FilePart")
            .field("name", &self.name)
            .field("filename", &self.filename)
            .field("content_type", &self.content_type)
            .field("data", &format_args!("<{} bytes>", self.data.len()))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_value_collapses_cr_runs_before_lf_only() {
        assert_eq!(canonical_value("a\r\nb"), "a\nb");
        assert_eq!(canonical_value("a\r\r\r\nb"), "a\nb");
        assert_eq!(canonical_value("a\rb\n"), "a\rb\n");
        assert_eq!(canonical_value("\r\n\r\n"), "\n\n");
        assert_eq!(canonical_value("x\r"), "x\r");
        assert_eq!(canonical_value("é\r\nü"), "é\nü");
    }

    #[test]
    fn canonicalised_drops_only_exact_sign() {
        let p = Params::new()
            .with("sign", "X")
            .with("Sign", "Y")
            .with("a", "1\r\n2");
        let c = p.canonicalised();
        assert_eq!(
            c.pairs(),
            &[("Sign".into(), "Y".into()), ("a".into(), "1\n2".into())]
        );
    }

    #[test]
    fn get_returns_last_value() {
        let p = Params::new().with("a", "1").with("a", "2");
        assert_eq!(p.get("a"), Some("2"));
        assert_eq!(p.count("a"), 2);
    }
}
