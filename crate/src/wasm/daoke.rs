//! `daokeSign`, `encodeForm` and `encodeMultipart`: the daoke signer and body encoders of
//! both packages.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::edge;
use super::glue::{daoke_result, form_result, multipart_result, Pieces};
use super::input::SigningInput;
use super::read::{optional_api, Fields, Path, Reader};
use crate::api::Api;
use crate::daoke::{
    canonical_pairs, daoke_api, encode_multipart, form_body, multipart_content_type, Secret, Sign,
    StringToSign, FORM_CONTENT_TYPE, SECRET_KEY,
};
use crate::params::FilePart;

/// The options `daokeSign` and `encodeForm` know.
const SIGN_OPTIONS: &[&str] = &["revealSecret"];

/// The options `encodeMultipart` knows.
const MULTIPART_OPTIONS: &[&str] = &["boundary", "files", "seed", "revealSecret"];

/// The properties of a file part.
const FILE_KEYS: &[&str] = &["name", "filename", "contentType", "data"];

/// Signs daoke parameters with the app secret (spec §4): drops a stale `sign`, turns every
/// CR…CRLF run in a value into LF, adds `secret`, sorts the keys by their UTF-8 bytes,
/// concatenates `key + value` and returns the upper-case SHA-1.
///
/// This is the generic signer: it applies no endpoint rule (createGroup and
/// verifyApplyJoiningMember omit an empty `callbackURL`; `encodeForm`, `encodeMultipart`
/// and `buildDaokeRequest` do that when given the endpoint). `stringToSign` shows the secret
/// as `<secret>` unless `options.revealSecret` is `true`.
///
/// Throws a `SignkitError` (`code` `wrong-type`, `invalid-string`, `unknown-key`, …) for
/// input it cannot sign as given.
#[wasm_bindgen(js_name = daokeSign, unchecked_return_type = "DaokeSignResult")]
pub fn daoke_sign(
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DaokeSignOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let input = SigningInput::read(&mut reader, &params, &secret)?;
    let options = Fields::optional(&options, Path::arg("options"), SIGN_OPTIONS)?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    Ok(signed_result(None, &input, reveal))
}

/// `{ sign, stringToSign, sortedKeys }` for the input's parameters, with `api`'s omissions.
pub(super) fn signed_result(api: Option<Api>, input: &SigningInput, reveal: bool) -> JsValue {
    let secret = Secret::new(input.secret());
    let signed = SignedPieces::new(api, input, &secret);
    let mut pieces = Pieces::default();
    let layout = signed.push_to(&mut pieces, reveal);
    daoke_result(input.parts(), pieces.text(), &layout)
}

/// Signs daoke parameters and writes them as a form-urlencoded body (spec §3.4, §5.1):
/// the canonical parameters in the caller's order, `sign` last, every value percent-encoded
/// (UTF-8, every byte except `A–Z a–z 0–9 - . _ ~` as upper-case `%XX`, a space as `%20`).
/// Send `body` as it is, with `contentType`: it is exactly what was signed.
///
/// `api` is one of the four daoke endpoints or `null`. With createGroup or
/// verifyApplyJoiningMember an empty `callbackURL` is left out (spec §3.4 step 3), from the
/// body and from the signature; other endpoints and `null` keep every parameter. Otherwise
/// it signs exactly like `daokeSign`.
#[wasm_bindgen(js_name = encodeForm, unchecked_return_type = "FormBody")]
pub fn encode_form(
    #[wasm_bindgen(unchecked_param_type = "DaokeApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DaokeSignOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let api = optional_api(&mut reader, &api, Path::arg("api"))?;
    let api = daoke_api(api)?;
    let input = SigningInput::read(&mut reader, &params, &secret)?;
    let options = Fields::optional(&options, Path::arg("options"), SIGN_OPTIONS)?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    let secret = Secret::new(input.secret());
    let signed = SignedPieces::new(api, &input, &secret);
    let mut pieces = Pieces::default();
    let pairs = signed.canonical().iter().map(|(name, value)| (name, value));
    pieces.push(&form_body(pairs, Some(&signed.sign)));
    pieces.push(FORM_CONTENT_TYPE);
    let layout = signed.push_to(&mut pieces, reveal);
    Ok(form_result(input.parts(), pieces.text(), &layout))
}

/// Signs daoke parameters and writes them as a multipart/form-data body (spec §3.4, §5.2):
/// one part per canonical parameter in the caller's order (values raw), the `sign` part,
/// then the file part when `options.files` holds one (at most one; files are never
/// signed). `contentType` carries the boundary: send `body` with exactly that header
/// (never through `FormData`, which picks its own boundary and rewrites line breaks).
///
/// The boundary is `options.boundary` (RFC 2046; an error if it occurs in a part) or a
/// generated one, drawn from `options.seed` or, without a seed, from
/// `crypto.getRandomValues`, and redrawn until it occurs in no part. `api` and the
/// signature work as in `encodeForm`.
#[wasm_bindgen(js_name = encodeMultipart, unchecked_return_type = "MultipartBody")]
pub fn encode_multipart_body(
    #[wasm_bindgen(unchecked_param_type = "DaokeApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EncodeMultipartOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let api = optional_api(&mut reader, &api, Path::arg("api"))?;
    let api = daoke_api(api)?;
    let input = SigningInput::read(&mut reader, &params, &secret)?;
    let options = Fields::optional(&options, Path::arg("options"), MULTIPART_OPTIONS)?;
    let boundary = options.optional_string(&mut reader, "boundary")?;
    let files = files(&mut reader, &options)?;
    let seed = options.seed("seed")?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    let secret = Secret::new(input.secret());
    let signed = SignedPieces::new(api, &input, &secret);
    let (boundary, body) = encode_multipart(
        signed.canonical(),
        &signed.sign,
        &files,
        boundary.as_deref(),
        seed.unwrap_or_else(edge::random_seed),
    )?;
    let mut pieces = Pieces::default();
    pieces.push(&multipart_content_type(&boundary));
    let layout = signed.push_to(&mut pieces, reveal);
    Ok(multipart_result(
        input.parts(),
        pieces.text(),
        &layout,
        &body,
    ))
}

/// The canonical parameters of a call (pipeline steps 1–3), signed, borrowing from the
/// input instead of copying it.
struct SignedPieces<'a> {
    string_to_sign: StringToSign<Cow<'a, str>>,
    sign: Sign,
    /// For each canonical pair, the index of the caller's pair it comes from.
    origins: Vec<u32>,
    /// How many pairs the caller gave.
    given: u32,
    /// The app secret (shown in `stringToSign` only when revealed).
    secret: &'a Secret,
}

impl<'a> SignedPieces<'a> {
    fn new(api: Option<Api>, input: &'a SigningInput, secret: &'a Secret) -> Self {
        let mut origins = Vec::new();
        let mut given = 0;
        let pairs: Vec<(Cow<'a, str>, Cow<'a, str>)> =
            canonical_pairs(api, input.pairs().inspect(|_| given += 1))
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
    /// and returns the layout `glue.js` builds `stringToSign` and `sortedKeys` from: the
    /// number of pieces, the number of signed pairs (the secret's included), where the pieces
    /// end, the signing order, and the pairs the differing values replace — pairs counted as
    /// the caller gave them, the number of pairs standing for the secret.
    fn push_to(&self, pieces: &mut Pieces, reveal: bool) -> Vec<u32> {
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

/// `options.files`: an array of `{ name, filename, contentType, data }`.
pub(super) fn files(reader: &mut Reader, options: &Fields<'_>) -> Result<Vec<FilePart>, JsValue> {
    let value = options.value("files")?;
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let path = options.path("files");
    let mut files = Vec::new();
    for (index, file) in (0..).zip(reader.array(&value, path)?) {
        let file_path = path.index(index);
        let fields = Fields::required(&file, file_path, FILE_KEYS)?;
        files.push(FilePart {
            name: fields.string(reader, "name")?,
            filename: fields.string(reader, "filename")?,
            content_type: fields.string(reader, "contentType")?,
            data: reader.bytes(&fields.value("data")?, fields.path("data"))?,
        });
    }
    Ok(files)
}
