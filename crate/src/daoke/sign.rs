//! The daoke signature (spec §4): SHA-1 over the sorted `key + value` concatenation of every
//! text parameter plus the app secret, written as 40 upper-case hex digits.

use crate::params::Params;

/// The key under which the app secret joins the string to sign (spec §4.1 step 3).
const SECRET_KEY: &str = "secret";

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
/// [`StringToSign::SECRET_MARKER`]; [`StringToSign::reveal`] returns it with the secret.
/// `Debug` never shows the secret either.
#[derive(Clone, PartialEq, Eq)]
pub struct StringToSign {
    /// The pairs in signing order, the secret's pair included.
    pairs: Vec<(String, String)>,
    /// Where the secret's pair is in `pairs` (a caller parameter that happens to be called
    /// `secret` is not the secret, so the position is recorded rather than looked up).
    secret_at: usize,
}

impl StringToSign {
    /// What `Display` prints instead of the secret's value.
    pub const SECRET_MARKER: &'static str = "<secret>";

    /// The string to sign for pairs that are already canonical (pipeline steps 1–3 done:
    /// no `sign`, CRLF collapsed, endpoint omissions applied).
    ///
    /// Nothing is filtered or rewritten here: every pair is signed as given, including empty
    /// values and repeated names. The secret's pair is added and the pairs are sorted by the
    /// UTF-8 bytes of their keys (C `strcmp` order, what the server's `table.sort` does);
    /// pairs with equal keys keep their input order, and the secret's pair comes after any
    /// caller parameter also called `secret`.
    pub fn from_canonical<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        secret: &Secret,
    ) -> Self {
        let mut pairs: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
        // `sort_by` is stable, and byte-wise comparison is exactly `strcmp` order.
        pairs.sort_by(|(a, _), (b, _)| a.as_bytes().cmp(b.as_bytes()));
        // The secret goes after every key that sorts before or equal to `secret`.
        let secret_at = pairs.partition_point(|(key, _)| key.as_bytes() <= SECRET_KEY.as_bytes());
        pairs.insert(
            secret_at,
            (SECRET_KEY.to_owned(), secret.expose().to_owned()),
        );
        StringToSign { pairs, secret_at }
    }

    /// The keys in signing order, `secret` included.
    pub fn sorted_keys(&self) -> Vec<&str> {
        self.pairs.iter().map(|(key, _)| key.as_str()).collect()
    }

    /// The exact string that is hashed, **secret included**. Show it only on explicit request.
    pub fn reveal(&self) -> String {
        let mut text = String::with_capacity(self.byte_len());
        for (key, value) in &self.pairs {
            text.push_str(key);
            text.push_str(value);
        }
        text
    }

    /// SHA-1 of the revealed string, as 40 upper-case hex digits (spec §4.1 step 6).
    pub fn sign(&self) -> Sign {
        let mut hasher = sha1_smol::Sha1::new();
        for (key, value) in &self.pairs {
            hasher.update(key.as_bytes());
            hasher.update(value.as_bytes());
        }
        // sha1_smol writes lower-case hex; the server compares with upper case (spec §3.2).
        Sign(hasher.digest().to_string().to_ascii_uppercase())
    }

    /// Length in bytes of the revealed string.
    fn byte_len(&self) -> usize {
        self.pairs
            .iter()
            .map(|(key, value)| key.len() + value.len())
            .sum()
    }
}

impl core::fmt::Display for StringToSign {
    /// The string to sign with the secret's value replaced by [`StringToSign::SECRET_MARKER`].
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (index, (key, value)) in self.pairs.iter().enumerate() {
            f.write_str(key)?;
            f.write_str(if index == self.secret_at {
                Self::SECRET_MARKER
            } else {
                value
            })?;
        }
        Ok(())
    }
}

impl core::fmt::Debug for StringToSign {
    /// The redacted text (as `Display`), quoted.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("StringToSign")
            .field(&self.to_string())
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
