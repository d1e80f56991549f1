//! Results packed for JavaScript, shared by both packages' edges: [`Pieces`] (a few strings
//! as one text and where each ends), and the results of the signing functions in that form
//! ([`signed`], [`form`], [`multipart`], [`push_signature`]): the core does the work, these
//! only lay out what it returns.
//!
//! Crossing between JS and wasm costs more than signing a short string, and decoding text
//! costs more than joining strings JS already has. So a result crosses as one text holding
//! only what JS does not have (the sign, the canonical values that differ from the caller's)
//! plus a layout of numbers; JS builds `stringToSign` and `sortedKeys` from the caller's own
//! strings by index (`glue.js` in the full package, `npm/signer/signkit.js` in the
//! signer-only one).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::api::Api;
use crate::daoke::{
    canonical_pairs, encode_multipart, form_body, multipart_content_type, Secret, Sign,
    StringToSign, FORM_CONTENT_TYPE, SECRET_KEY,
};
use crate::error::BuildError;
use crate::params::FilePart;
use crate::ytx::YtxSignature;

/// The layout of a signed result (see [`SignedPieces::push_to`]).
pub(super) type Layout = Vec<u32>;

/// `daokeSign`'s result: the pieces of a signed result and their layout, for the caller's
/// `pairs` with `api`'s omissions (`None`: the generic signer).
pub(super) fn signed<'a>(
    api: Option<Api>,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    secret: &'a Secret,
    reveal: bool,
) -> (Pieces, Layout) {
    let mut pieces = Pieces::default();
    let layout = SignedPieces::new(api, pairs, secret).push_to(&mut pieces, reveal);
    (pieces, layout)
}

/// `encodeForm`'s result: the form-urlencoded body and its content type as the first two
/// pieces, then those of [`signed`].
pub(super) fn form<'a>(
    api: Option<Api>,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    secret: &'a Secret,
    reveal: bool,
) -> (Pieces, Layout) {
    let signed = SignedPieces::new(api, pairs, secret);
    let mut pieces = Pieces::default();
    let canonical = signed.canonical().iter().map(|(name, value)| (name, value));
    pieces.push(&form_body(canonical, Some(&signed.sign)));
    pieces.push(FORM_CONTENT_TYPE);
    let layout = signed.push_to(&mut pieces, reveal);
    (pieces, layout)
}

/// The choices of a multipart body besides the parameters.
pub(super) struct MultipartOptions<'a> {
    /// The caller's boundary, or `None` to generate one from `seed`.
    pub(super) boundary: Option<&'a str>,
    /// The file parts (at most one is allowed).
    pub(super) files: &'a [FilePart],
    /// The seed of a generated boundary.
    pub(super) seed: u64,
    /// Show the secret in `stringToSign`.
    pub(super) reveal: bool,
}

/// `encodeMultipart`'s result: the content type (with the boundary) as the first piece, then
/// those of [`signed`], and the body bytes.
pub(super) fn multipart<'a>(
    api: Option<Api>,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    secret: &'a Secret,
    options: &MultipartOptions<'_>,
) -> Result<(Pieces, Layout, Vec<u8>), BuildError> {
    let signed = SignedPieces::new(api, pairs, secret);
    let (boundary, body) = encode_multipart(
        signed.canonical(),
        &signed.sign,
        options.files,
        options.boundary,
        options.seed,
    )?;
    let mut pieces = Pieces::default();
    pieces.push(&multipart_content_type(&boundary));
    let layout = signed.push_to(&mut pieces, options.reveal);
    Ok((pieces, layout, body))
}

/// Strings packed for JS: one text and the UTF-16 offset where each piece ends, so that a
/// whole result crosses as a single string.
#[derive(Default)]
pub(super) struct Pieces {
    text: String,
    ends: Vec<u32>,
    /// The UTF-16 length of `text`.
    units: u32,
}

impl Pieces {
    /// Appends a piece.
    pub(super) fn push(&mut self, piece: &str) {
        self.text.push_str(piece);
        self.units = self.units.saturating_add(utf16_len(piece));
        self.ends.push(self.units);
    }

    /// The text and the ends.
    #[cfg(feature = "wasm")]
    pub(super) fn parts(&self) -> (&str, &[u32]) {
        (&self.text, &self.ends)
    }

    /// The text.
    #[cfg(feature = "wasm")]
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// Where the pieces end.
    pub(super) fn ends(&self) -> &[u32] {
        &self.ends
    }

    /// The text and the ends, owned.
    #[cfg(all(feature = "signer-package", any(target_arch = "wasm32", test)))]
    pub(super) fn into_parts(self) -> (String, Vec<u32>) {
        (self.text, self.ends)
    }
}

/// The length of `text` in UTF-16 code units: one per character, two for a character
/// outside the Basic Multilingual Plane (whose UTF-8 form starts with a byte from 0xF0).
pub(super) fn utf16_len(text: &str) -> u32 {
    text.bytes()
        .map(|byte| match byte {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

/// The canonical parameters of a call (pipeline steps 1–3), signed, borrowing from the
/// caller's strings instead of copying them.
struct SignedPieces<'a> {
    string_to_sign: StringToSign<Cow<'a, str>>,
    /// The signature.
    sign: Sign,
    /// For each canonical pair, the index of the caller's pair it comes from.
    origins: Vec<u32>,
    /// How many pairs the caller gave.
    given: u32,
    /// The app secret (shown in `stringToSign` only when revealed).
    secret: &'a Secret,
}

impl<'a> SignedPieces<'a> {
    /// Signs the caller's `pairs` (in their order) with `api`'s omissions.
    fn new(
        api: Option<Api>,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        secret: &'a Secret,
    ) -> Self {
        let mut origins = Vec::new();
        let mut given = 0;
        let pairs: Vec<(Cow<'a, str>, Cow<'a, str>)> =
            canonical_pairs(api, pairs.into_iter().inspect(|_| given += 1))
                .map(|(index, name, value)| {
                    origins.push(index as u32);
                    (Cow::Borrowed(name), value)
                })
                .collect();
        let string_to_sign = StringToSign::from_pairs(pairs, secret);
        let sign = string_to_sign.sign();
        SignedPieces {
            string_to_sign,
            sign,
            origins,
            given,
            secret,
        }
    }

    /// The signed parameters, in the caller's order.
    fn canonical(&self) -> &[(Cow<'a, str>, Cow<'a, str>)] {
        self.string_to_sign.canonical()
    }

    /// Pushes the pieces of a signed result — the sign, the secret's key, the secret (as
    /// `<secret>` unless `reveal`), then the canonical values that differ from the caller's —
    /// and returns the layout JS builds `stringToSign` and `sortedKeys` from: the number of
    /// pieces, the number of signed pairs (the secret's included), where the pieces end, the
    /// signing order, and the pairs the differing values replace — pairs counted as the
    /// caller gave them, the number of pairs standing for the secret.
    fn push_to(&self, pieces: &mut Pieces, reveal: bool) -> Layout {
        pieces.push(self.sign.as_str());
        pieces.push(SECRET_KEY);
        pieces.push(if reveal {
            self.secret.expose()
        } else {
            StringToSign::SECRET_MARKER
        });
        // A position past the canonical pairs is the secret's.
        let origin = |position: usize| self.origins.get(position).copied().unwrap_or(self.given);
        let mut replaced = Vec::new();
        for (position, (_, value)) in self.canonical().iter().enumerate() {
            if let Cow::Owned(value) = value {
                pieces.push(value);
                replaced.push(origin(position));
            }
        }
        let order = self.string_to_sign.order();
        let mut layout = Vec::with_capacity(2 + pieces.ends().len() + order.len() + replaced.len());
        layout.push(pieces.ends().len() as u32);
        layout.push(order.len() as u32);
        layout.extend_from_slice(pieces.ends());
        layout.extend(order.iter().map(|&position| origin(position)));
        layout.extend(replaced);
        layout
    }
}

/// `sign`, `authorization`, `authorizationPlain` and `stringToSign` (token redacted).
pub(super) fn push_signature(pieces: &mut Pieces, signature: &YtxSignature) {
    pieces.push(&signature.sign);
    pieces.push(&signature.authorization);
    pieces.push(&signature.authorization_plain);
    pieces.push(&signature.string_to_sign.redacted());
}
