//! The daoke signature (spec §4): SHA-1 over the sorted `key + value` concatenation of every
//! text parameter plus the app secret, written as 40 upper-case hex digits.

use alloc::borrow::ToOwned;
use alloc::collections::BinaryHeap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::digits::hex_upper;
use crate::params::Params;

/// The key under which the app secret joins the string to sign (spec §4.1 step 3).
pub const SECRET_KEY: &str = "secret";

/// A daoke app secret. It signs requests and is never sent.
///
/// `Debug` prints `Secret(<redacted>)` and there is no `Display`, so the secret cannot end
/// up in a log or a preview by accident; [`Secret::expose`] is the one explicit way out.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps an app secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Secret(secret.into())
    }

    /// The secret itself. Call this only where the secret is really needed.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl core::fmt::Debug for Secret {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The exact text that is hashed (spec §4.1 steps 3–5): every `(key, value)` pair plus
/// `("secret", app secret)`, sorted by the UTF-8 bytes of the key, concatenated as
/// `key value key value …` with no separators.
///
/// `Display` prints that text with the secret's value replaced by
/// [`StringToSign::SECRET_MARKER`] (as [`StringToSign::redacted`] does);
/// [`StringToSign::reveal`] returns it with the secret. `Debug` never shows the secret either.
///
/// The pairs are owned `String`s by default. `S` can be any text type: the JS API signs
/// borrowed `Cow<str>` pairs straight from its input buffer, without copying each one.
#[derive(Clone, PartialEq, Eq)]
pub struct StringToSign<S = String> {
    /// The pairs in the caller's order, the secret's pair last.
    pairs: Vec<(S, S)>,
    /// Indices into `pairs` in signing order.
    order: Vec<usize>,
}

impl StringToSign {
    /// What `Display` prints instead of the secret's value.
    pub const SECRET_MARKER: &'static str = "<secret>";

    /// The string to sign for pairs that are already canonical (pipeline steps 1–3 done:
    /// no `sign`, CRLF collapsed, endpoint omissions applied), copied into owned strings.
    ///
    /// See [`StringToSign::from_pairs`] for the order.
    pub fn from_canonical<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        secret: &Secret,
    ) -> Self {
        let pairs = pairs
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
        Self::from_pairs(pairs, secret)
    }
}

impl<S: AsRef<str>> StringToSign<S> {
    /// The string to sign for canonical pairs (pipeline steps 1–3 done) of any text type.
    ///
    /// Nothing is filtered or rewritten here: every pair is signed as given, including empty
    /// values and repeated names. The secret's pair is added and the pairs are ordered by the
    /// UTF-8 bytes of their keys (C `strcmp` order, what the server's `table.sort` does);
    /// pairs with equal keys keep their input order, and the secret's pair comes after any
    /// caller parameter also called `secret`.
    pub fn from_pairs<'s>(mut pairs: Vec<(S, S)>, secret: &'s Secret) -> Self
    where
        S: From<&'s str>,
    {
        pairs.push((S::from(SECRET_KEY), S::from(secret.expose())));
        // Byte-wise comparison is exactly `strcmp` order. Ties are broken by position, which
        // makes the order stable and puts the secret, the last pair, after an equal key.
        // With that total order any sort gives the same result; a heap sort is the smallest
        // (core's `sort_unstable` is 3 KB of wasm, `BinaryHeap` a fraction of it).
        let keyed: Vec<(&[u8], usize)> = (pairs.iter())
            .enumerate()
            .map(|(index, (key, _))| (key.as_ref().as_bytes(), index))
            .collect();
        let order = BinaryHeap::from(keyed)
            .into_sorted_vec()
            .into_iter()
            .map(|(_, index)| index)
            .collect();
        StringToSign { pairs, order }
    }

    /// The signed pairs in the caller's order, without the secret's.
    pub fn canonical(&self) -> &[(S, S)] {
        self.pairs.split_last().map_or(&[], |(_, rest)| rest)
    }

    /// The signing order: indices into [`StringToSign::canonical`], where the index one past
    /// its end stands for the secret's pair.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The pairs in signing order, with whether each is the secret's.
    fn signing_order(&self) -> impl Iterator<Item = (&str, &str, bool)> + '_ {
        let secret_at = self.pairs.len().wrapping_sub(1);
        self.order.iter().filter_map(move |&index| {
            let (key, value) = self.pairs.get(index)?;
            Some((key.as_ref(), value.as_ref(), index == secret_at))
        })
    }

    /// The keys in signing order, `secret` included.
    pub fn sorted_keys(&self) -> Vec<&str> {
        self.signing_order().map(|(key, _, _)| key).collect()
    }

    /// The exact string that is hashed, **secret included**. Show it only on explicit request.
    pub fn reveal(&self) -> String {
        self.concat(false)
    }

    /// The string to sign with the secret's value replaced by
    /// [`StringToSign::SECRET_MARKER`] (what `Display` prints).
    pub fn redacted(&self) -> String {
        self.concat(true)
    }

    /// `key value …` in signing order, the secret's value redacted or not.
    fn concat(&self, redact: bool) -> String {
        let mut text = String::with_capacity(self.byte_len());
        for (key, value, is_secret) in self.signing_order() {
            text.push_str(key);
            text.push_str(if redact && is_secret {
                StringToSign::SECRET_MARKER
            } else {
                value
            });
        }
        text
    }

    /// SHA-1 of the revealed string, as 40 upper-case hex digits (spec §4.1 step 6).
    pub fn sign(&self) -> Sign {
        // One update over the whole text: sha1_smol's per-call bookkeeping would cost more
        // than the copy for the short keys and values of a request.
        let digest = sha1_smol::Sha1::from(self.reveal()).digest();
        // The server compares with upper-case hex (spec §3.2).
        Sign(hex_upper(&digest.bytes()))
    }

    /// Length in bytes of the revealed string.
    fn byte_len(&self) -> usize {
        self.pairs
            .iter()
            .map(|(key, value)| key.as_ref().len() + value.as_ref().len())
            .sum()
    }
}

impl<S: AsRef<str>> core::fmt::Display for StringToSign<S> {
    /// The string to sign with the secret's value replaced by [`StringToSign::SECRET_MARKER`].
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl<S: AsRef<str>> core::fmt::Debug for StringToSign<S> {
    /// The redacted text (as `Display`), quoted.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("StringToSign")
            .field(&self.redacted())
            .finish()
    }
}

/// A daoke `sign`: 40 upper-case hex digits (spec §4.1 step 6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Sign(String);

impl Sign {
    /// The 40 hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl core::fmt::Display for Sign {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The result of signing: what was signed, how, and the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// The parameters after pipeline steps 1–3, in caller order: what is signed and sent.
    pub canonical: Params,
    /// The string that was hashed (redacted in `Display` and `Debug`).
    pub string_to_sign: StringToSign,
    /// The signature.
    pub sign: Sign,
}

impl Signed {
    /// Signs parameters that are already canonical (pipeline steps 1–3 done).
    pub fn from_canonical(canonical: Params, secret: &Secret) -> Self {
        let string_to_sign = StringToSign::from_canonical(canonical.iter(), secret);
        let sign = string_to_sign.sign();
        Signed {
            canonical,
            string_to_sign,
            sign,
        }
    }
}

/// Signs a caller's parameter list with the generic daoke signer: pipeline steps 1–2
/// ([`Params::canonicalised`]: drop `sign`, collapse CRLF), then every remaining pair.
///
/// No endpoint omission is applied (a generic signer does not know the endpoint); use
/// [`build_daoke_request`](crate::daoke::build_daoke_request) with an [`Api`](crate::Api)
/// for that.
pub fn sign(params: &Params, secret: &Secret) -> Signed {
    Signed::from_canonical(params.canonicalised(), secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "TESTSECRET0123456789";

    fn spec_example_2() -> Params {
        Params::new()
            .with("appKey", "1111111111")
            .with("accountID", "abcdefghij")
            .with("accessToken", "tok")
            .with("Zeta", "z")
    }

    #[test]
    fn sorts_by_bytes_not_case_insensitively() {
        // Spec §4.3 (vector D17).
        let signed = sign(&spec_example_2(), &Secret::new(SECRET));
        assert_eq!(
            signed.string_to_sign.sorted_keys(),
            ["Zeta", "accessToken", "accountID", "appKey", "secret"]
        );
        assert_eq!(
            signed.string_to_sign.reveal(),
            "ZetazaccessTokentokaccountIDabcdefghijappKey1111111111secretTESTSECRET0123456789"
        );
        assert_eq!(
            signed.sign.as_str(),
            "69600B8D50A96D422306CA0FD3F213CA1459BA6D"
        );
    }

    #[test]
    fn prefix_key_sorts_first_and_digits_before_letters() {
        let pairs = [("ab", "2"), ("a", "1"), ("_x", "3"), ("9", "4"), ("Z", "5")];
        let text = StringToSign::from_canonical(pairs, &Secret::new("s"));
        assert_eq!(text.sorted_keys(), ["9", "Z", "_x", "a", "ab", "secret"]);
    }

    #[test]
    fn drops_stale_sign_and_collapses_crlf_before_signing() {
        let params = Params::new()
            .with("sign", "STALE")
            .with("note", "a\r\r\nb\rc");
        let signed = sign(&params, &Secret::new("k"));
        assert_eq!(signed.canonical, Params::new().with("note", "a\nb\rc"));
        assert_eq!(signed.string_to_sign.reveal(), "notea\nb\rcsecretk");
        // `Sign` (capital S) is an ordinary parameter.
        let signed = sign(&Params::new().with("Sign", "x"), &Secret::new("k"));
        assert_eq!(signed.string_to_sign.reveal(), "Signxsecretk");
    }

    #[test]
    fn equal_keys_keep_their_input_order() {
        let pairs = [
            ("b", "1"),
            ("a", "3"),
            ("a", "1"),
            ("a", "2"),
            ("secret", "x"),
        ];
        let text = StringToSign::from_canonical(pairs, &Secret::new("k"));
        assert_eq!(text.reveal(), "a3a1a2b1secretxsecretk");
    }

    #[test]
    fn borrowed_pairs_sign_like_owned_ones() {
        use alloc::borrow::Cow;
        let secret = Secret::new("TESTSECRET0123456789");
        let pairs = [
            ("appKey", "1"),
            ("Zeta", "z"),
            ("note", "车队"),
            ("appKey", "2"),
        ];
        let owned = StringToSign::from_canonical(pairs, &secret);
        let borrowed: StringToSign<Cow<'_, str>> = StringToSign::from_pairs(
            pairs
                .iter()
                .map(|&(key, value)| (Cow::Borrowed(key), Cow::Borrowed(value)))
                .collect(),
            &secret,
        );
        assert_eq!(borrowed.reveal(), owned.reveal());
        assert_eq!(borrowed.redacted(), owned.to_string());
        assert_eq!(borrowed.sorted_keys(), owned.sorted_keys());
        assert_eq!(borrowed.sign(), owned.sign());
        let canonical: Vec<(&str, &str)> = borrowed
            .canonical()
            .iter()
            .map(|(key, value)| (key.as_ref(), value.as_ref()))
            .collect();
        assert_eq!(canonical, pairs);
    }

    #[test]
    fn empty_values_contribute_their_key() {
        let text = StringToSign::from_canonical([("b", ""), ("a", "")], &Secret::new(""));
        assert_eq!(text.reveal(), "absecret");
    }

    #[test]
    fn sign_is_upper_case_sha1_of_revealed_text() {
        // SHA-1("abcsecret"), computed independently (Python hashlib).
        let text = StringToSign::from_canonical([("a", "bc")], &Secret::new(""));
        assert_eq!(text.reveal(), "abcsecret");
        assert_eq!(
            text.sign().as_str(),
            "DE0A408EF519CD62E7379039634152874895C50C"
        );
    }

    #[test]
    fn display_redacts_the_secret_and_reveal_shows_it() {
        let text =
            StringToSign::from_canonical([("appKey", "1"), ("z", "2")], &Secret::new("TOPSECRET"));
        assert_eq!(text.to_string(), "appKey1secret<secret>z2");
        assert_eq!(text.reveal(), "appKey1secretTOPSECRETz2");
    }

    #[test]
    fn a_caller_parameter_named_secret_is_shown_and_the_real_secret_is_not() {
        let text = StringToSign::from_canonical([("secret", "visible")], &Secret::new("HIDDEN"));
        assert_eq!(text.sorted_keys(), ["secret", "secret"]);
        assert_eq!(text.to_string(), "secretvisiblesecret<secret>");
        assert_eq!(text.reveal(), "secretvisiblesecretHIDDEN");
    }

    #[test]
    fn debug_never_contains_the_secret() {
        let secret = Secret::new("TOPSECRET");
        assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
        let signed = sign(&Params::new().with("a", "1"), &secret);
        for text in [
            format!("{signed:?}"),
            format!("{signed:#?}"),
            signed.string_to_sign.to_string(),
        ] {
            assert!(!text.contains("TOPSECRET"), "{text}");
        }
        assert!(format!("{:?}", signed.string_to_sign).contains("a1secret<secret>"));
    }
}
