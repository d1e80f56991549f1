//! The daoke mistake catalogue (spec/doctor.md D4): each mistake's variant of the string to
//! sign (or of the hash), tried against the received sign, and the suspects that need no
//! secret.
//!
//! The correct string is always signkit's own [`StringToSign`] over the server's pairs; a
//! variant that changes the pairs is signed the same way, so only the mistake differs.

use crate::daoke::sign::{Secret, StringToSign, SECRET_KEY};
use crate::digits::hex_upper;
use crate::server::form::{self, url_decode, Decoding};
use crate::server::{multipart, ArgValue, HttpRequest, Parsed, Parser};

use super::hmac::hmac_sha1;
use super::mistake::MistakeId;

/// One pair the server signs (D4 `S`), with what the variants need to know about it.
#[derive(Clone, Debug)]
pub struct Pair {
    /// The name the server keys it under.
    pub name: String,
    /// The value the server keeps.
    pub value: String,
    /// The undecoded wire text of the kept value (form bodies).
    wire: Option<Vec<u8>>,
    /// The first value sent, when the name was sent more than once.
    first: Option<String>,
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// D4 `S`: the server's text pairs without `sign` (and without a sent `secret`, which the
/// server replaces), in wire order.
pub fn server_pairs(parsed: &Parsed) -> Vec<Pair> {
    parsed
        .kept_in_wire_order()
        .into_iter()
        .filter(|(name, _)| *name != b"sign" && *name != SECRET_KEY.as_bytes())
        .filter_map(|(name, kept)| {
            let value = kept.text()?;
            let texts: Vec<_> = parsed
                .fields
                .iter()
                .filter(|f| f.name == name && matches!(f.value, ArgValue::Text(_)))
                .collect();
            let wire = texts
                .last()
                .and_then(|f| f.wire.as_ref())
                .and_then(|w| w.value.clone());
            let first = texts
                .first()
                .filter(|_| texts.len() > 1)
                .and_then(|f| f.value.text())
                .map(text);
            Some(Pair {
                name: text(name),
                value: text(value),
                wire,
                first,
            })
        })
        .collect()
}

/// The server's string to sign: `S` plus the secret, in byte order (spec §4.1).
pub fn string_to_sign(pairs: &[Pair], secret: &Secret) -> StringToSign {
    StringToSign::from_canonical(
        pairs.iter().map(|p| (p.name.as_str(), p.value.as_str())),
        secret,
    )
}

fn sha1_hex(bytes: &[u8]) -> String {
    hex_upper(&sha1_smol::Sha1::from(bytes).digest().bytes())
}

fn md5_hex(bytes: &[u8]) -> String {
    hex_upper(&md5::compute(bytes).0)
}

/// Key + value of every pair, concatenated.
fn cat<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs.into_iter().flat_map(|(k, v)| [k, v]).collect()
}

/// A stable sort by the key's bytes.
fn sorted(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    let mut list: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    list.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    list
}

/// The revealed string to sign of other pairs (the secret added and sorted in).
fn signed(pairs: Vec<(String, String)>, secret: &Secret) -> String {
    StringToSign::from_pairs(pairs, secret).reveal()
}

/// What the variants need: the request as parsed, `S`, the secret.
pub struct Context<'a> {
    /// The server's parse of the body.
    pub parsed: &'a Parsed,
    /// The raw request (query string, raw header).
    pub request: &'a HttpRequest,
    /// `S`.
    pub pairs: &'a [Pair],
    /// The secret.
    pub secret: &'a Secret,
}

impl Context<'_> {
    fn plain(&self) -> Vec<(String, String)> {
        self.pairs
            .iter()
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect()
    }

    /// `S` with each value replaced by `f(pair)` where it gives one.
    fn mapped(&self, f: impl Fn(&Pair) -> Option<String>) -> Vec<(String, String)> {
        self.pairs
            .iter()
            .map(|p| (p.name.clone(), f(p).unwrap_or_else(|| p.value.clone())))
            .collect()
    }

    fn is_form(&self) -> bool {
        matches!(self.parsed.parser, Parser::ParseUrl | Parser::DecodeArgs)
    }

    /// Every variant string of D4's first table that changes the string, with its mistake.
    fn variants(&self) -> Vec<(MistakeId, Vec<u8>)> {
        let key = self.secret.expose();
        let plain = self.plain();
        let sorted_cat = cat(sorted(&plain));
        let mut list: Vec<(MistakeId, String)> = vec![
            (MistakeId::SecretMissing, sorted_cat.clone()),
            (
                MistakeId::SecretAppended,
                [&sorted_cat, SECRET_KEY, key].concat(),
            ),
            (MistakeId::SecretBare, [&sorted_cat, key].concat()),
            (MistakeId::SecretPrefixed, [key, &sorted_cat].concat()),
            (
                MistakeId::Unsorted,
                [
                    &cat(plain.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
                    SECRET_KEY,
                    key,
                ]
                .concat(),
            ),
        ];
        let mut with_secret = plain.clone();
        with_secret.push((SECRET_KEY.to_owned(), key.to_owned()));
        let mut folded: Vec<(&str, &str)> = with_secret
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        folded.sort_by(|a, b| {
            let fold = |s: &str| {
                s.bytes()
                    .map(|b| b.to_ascii_lowercase())
                    .collect::<Vec<_>>()
            };
            fold(a.0).cmp(&fold(b.0))
        });
        list.push((MistakeId::CaseInsensitiveOrder, cat(folded)));
        let query_format: Vec<String> = sorted(&with_secret)
            .into_iter()
            .map(|(k, v)| [k, "=", v].concat())
            .collect();
        list.push((MistakeId::QueryStringFormat, query_format.join("&")));
        if self.is_form() {
            let wire = self.mapped(|p| p.wire.as_deref().map(text));
            list.push((MistakeId::EncodedValues, signed(wire, self.secret)));
        }
        let mut with_sign = plain.clone();
        with_sign.push(("sign".to_owned(), String::new()));
        list.push((MistakeId::SignIncluded, signed(with_sign, self.secret)));
        let non_empty = plain
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .cloned()
            .collect();
        list.push((MistakeId::EmptyOmitted, signed(non_empty, self.secret)));
        let parser = self.parsed.parser;
        if parser == Parser::ParseUrl {
            let keep_crlf = Decoding {
                plus_as_space: true,
                crlf_to_lf: false,
            };
            let crlf = self.mapped(|p| p.wire.as_deref().map(|w| text(&url_decode(w, keep_crlf))));
            list.push((MistakeId::CrlfKept, signed(crlf, self.secret)));
        }
        if self.is_form() {
            let keep_plus = Decoding {
                plus_as_space: false,
                crlf_to_lf: true,
            };
            let plus = self.mapped(|p| {
                p.wire
                    .as_deref()
                    .map(|w| text(&parser.decode(w, keep_plus)))
            });
            list.push((MistakeId::PlusKept, signed(plus, self.secret)));
        }
        let percent_only = Decoding {
            plus_as_space: false,
            crlf_to_lf: false,
        };
        let twice = self.mapped(|p| Some(text(&url_decode(p.value.as_bytes(), percent_only))));
        list.push((MistakeId::DoubleEncoded, signed(twice, self.secret)));
        let trim: &[char] = &[' ', '\t', '\r', '\n'];
        let trimmed = self.mapped(|p| Some(p.value.trim_matches(trim).to_owned()));
        list.push((MistakeId::Trimmed, signed(trimmed, self.secret)));
        if matches!(parser, Parser::ParseUrl | Parser::Multipart) {
            let first = self.mapped(|p| p.first.clone());
            list.push((MistakeId::FirstDuplicate, signed(first, self.secret)));
        }
        let query = form::parse_url(self.request.query().as_bytes());
        let mut with_query = plain.clone();
        with_query.extend(
            query
                .kept_in_wire_order()
                .into_iter()
                .filter(|(name, _)| *name != b"sign")
                .filter_map(|(name, value)| Some((text(name), text(value.text()?)))),
        );
        list.push((
            MistakeId::QueryParamsSigned,
            signed(with_query, self.secret),
        ));
        if parser == Parser::Multipart {
            let mut with_files = plain.clone();
            for (name, value) in self.parsed.args.iter() {
                if let ArgValue::File { filename } = value {
                    with_files.push((text(name), text(filename)));
                }
            }
            list.push((MistakeId::FilePartSigned, signed(with_files, self.secret)));
        }
        let mut bytes: Vec<(MistakeId, Vec<u8>)> = list
            .into_iter()
            .map(|(id, s)| (id, s.into_bytes()))
            .collect();
        let correct = string_to_sign(self.pairs, self.secret).reveal();
        if !correct.is_ascii() {
            bytes.push((MistakeId::GbkBytes, super::gbk::encode(&correct)));
        }
        bytes.retain(|(_, s)| s.as_slice() != correct.as_bytes());
        bytes
    }

    /// Every mistake of D4's first table whose variant reproduces `received` exactly, in
    /// catalogue order.
    pub fn confirmed(&self, received: &str) -> Vec<MistakeId> {
        let mut ids: Vec<MistakeId> = self
            .variants()
            .into_iter()
            .filter(|(_, string)| sha1_hex(string) == received)
            .map(|(id, _)| id)
            .collect();
        let correct_string = string_to_sign(self.pairs, self.secret);
        let correct = correct_string.sign();
        let lower = correct.as_str().to_ascii_lowercase();
        if lower != correct.as_str() && received == lower {
            ids.push(MistakeId::LowercaseHex);
        }
        if received.eq_ignore_ascii_case(&md5_hex(correct_string.reveal().as_bytes())) {
            ids.push(MistakeId::Md5Instead);
        }
        let message = cat(sorted(&self.plain()));
        let hmac = hex_upper(&hmac_sha1(
            self.secret.expose().as_bytes(),
            message.as_bytes(),
        ));
        if received.eq_ignore_ascii_case(&hmac) {
            ids.push(MistakeId::HmacInstead);
        }
        ids.sort();
        ids.dedup();
        ids
    }
}

/// D4's suspects, seen without the secret. `parsed` is `None` when the server saw no
/// parameters; `sign` is the received text `sign`.
pub fn suspected(
    parsed: Option<&Parsed>,
    request: &HttpRequest,
    sign: Option<&str>,
) -> Vec<MistakeId> {
    let mut ids = Vec::new();
    match sign {
        None => ids.push(MistakeId::NoSign),
        Some(sign) => {
            let hex = sign.bytes().all(|b| b.is_ascii_hexdigit());
            if !(hex && sign.len() == 40) {
                ids.push(MistakeId::SignFormat);
                if hex && sign.len() == 32 {
                    ids.push(MistakeId::Md5Instead);
                }
            } else if sign.bytes().any(|b| b.is_ascii_lowercase()) {
                ids.push(MistakeId::SignLowercase);
            }
        }
    }
    let raw_header = request.raw_header();
    let declared = multipart::declared_boundary(&raw_header);
    let body = request.body.as_slice();
    let mismatch = match declared {
        None => body.starts_with(b"--"),
        Some(boundary) => {
            !(body.starts_with(b"--") && body.get(2..).is_some_and(|b| b.starts_with(boundary)))
        }
    };
    if mismatch {
        ids.push(MistakeId::ContentTypeMismatch);
    }
    if !form::parse_url(request.query().as_bytes())
        .fields
        .is_empty()
    {
        ids.push(MistakeId::ParamsInQuery);
    }
    if let Some(parsed) = parsed {
        let wire_values = || {
            parsed
                .fields
                .iter()
                .filter_map(|f| f.wire.as_ref().and_then(|w| w.value.as_deref()))
        };
        if wire_values().any(|w| w.contains(&b'+')) {
            ids.push(MistakeId::PlusInValue);
        }
        let names: Vec<&[u8]> = parsed
            .fields
            .iter()
            .filter(|f| !matches!(f.value, ArgValue::File { .. }))
            .map(|f| f.name.as_slice())
            .collect();
        if names
            .iter()
            .enumerate()
            .any(|(i, n)| names.get(..i).is_some_and(|before| before.contains(n)))
        {
            ids.push(MistakeId::DuplicateName);
        }
        let crlf = |w: &[u8]| w.to_ascii_uppercase().windows(6).any(|x| x == b"%0D%0A");
        if parsed.parser == Parser::ParseUrl && wire_values().any(crlf) {
            ids.push(MistakeId::CrlfInValue);
        }
    }
    ids
}
