//! `daokeSign` and `buildDaokeRequest`.

use js_sys::{Object, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::checks;
use super::edge;
use super::error::ApiError;
use super::read::{optional_api, Fields, Path, Reader};
use super::write::{request, set, set_str, strings};
use crate::api::Encoding;
use crate::daoke::{self, DaokeOptions, Secret, Signed};
use crate::params::FilePart;

/// The options `daokeSign` knows.
const SIGN_OPTIONS: &[&str] = &["revealSecret"];

/// The options `buildDaokeRequest` knows.
const BUILD_OPTIONS: &[&str] = &[
    "encoding",
    "boundary",
    "files",
    "path",
    "host",
    "baseUrl",
    "seed",
    "revealSecret",
    "validate",
];

/// The properties of a file part.
const FILE_KEYS: &[&str] = &["name", "filename", "contentType", "data"];

/// Signs daoke parameters with the app secret (spec §4): drops a stale `sign`, turns every
/// CR…CRLF run in a value into LF, adds `secret`, sorts the keys by their UTF-8 bytes,
/// concatenates `key + value` and returns the upper-case SHA-1.
///
/// This is the generic signer: it applies no endpoint rule (createGroup and
/// verifyApplyJoiningMember omit an empty `callbackURL`; use `buildDaokeRequest` for that).
/// `stringToSign` shows the secret as `<secret>` unless `options.revealSecret` is `true`.
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
    let params = reader.params(&params, Path::arg("params"))?;
    let secret = Secret::new(reader.string(&secret, Path::arg("secret"))?);
    let options = Fields::optional(&options, Path::arg("options"), SIGN_OPTIONS)?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    let result = Object::new();
    set_signed(&result, &daoke::sign(&params, &secret), reveal);
    Ok(result.into())
}

/// Builds a signed daoke request, ready to send with `fetch(url, { method, headers, body })`
/// (spec §3.4): drops a stale `sign`, canonicalises values, applies the endpoint's omissions,
/// signs, and encodes the body (form-urlencoded, or multipart with an optional file part).
///
/// `api` is one of the four daoke endpoints, or `null` for a generic request (then only the
/// generic request-shape rules apply and `options.path` is required). The encoding defaults
/// to the endpoint's (multipart for inviteUserJoin, form-urlencoded otherwise). A generated
/// multipart boundary comes from `options.seed`, or from `crypto.getRandomValues` when no
/// seed is given.
///
/// The full package validates the parameters first: when the validator reports an ERROR the
/// call throws a `SignkitError` with `code` `"validation-failed"` and the `findings`, unless
/// `options.validate` is `false`; WARN findings never throw. The result's `findings` lists
/// every finding. (The signer-only package has no validator: its results have no `findings`
/// and `validate: true` throws `"validation-unavailable"`.) `stringToSign` shows the secret as `<secret>` unless
/// `options.revealSecret` is `true`; `raw` and `curl` never contain it.
#[wasm_bindgen(js_name = buildDaokeRequest, unchecked_return_type = "DaokeRequest")]
pub fn build_daoke_request(
    #[wasm_bindgen(unchecked_param_type = "DaokeApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BuildDaokeOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let api = optional_api(&mut reader, &api, Path::arg("api"))?;
    let params = reader.params(&params, Path::arg("params"))?;
    let secret = Secret::new(reader.string(&secret, Path::arg("secret"))?);
    let options = Fields::optional(&options, Path::arg("options"), BUILD_OPTIONS)?;
    let encodings = [Encoding::FormUrlencoded, Encoding::Multipart].map(Encoding::name);
    let core_options = DaokeOptions {
        encoding: options.choice(&mut reader, "encoding", Encoding::from_name, &encodings)?,
        boundary: options.optional_string(&mut reader, "boundary")?,
        files: files(&mut reader, &options)?,
        path: options.optional_string(&mut reader, "path")?,
        host: options.optional_string(&mut reader, "host")?,
        random_seed: match options.seed("seed")? {
            Some(seed) => seed,
            None => edge::random_seed(),
        },
    };
    let base_url = options.optional_string(&mut reader, "baseUrl")?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    let policy = checks::policy(&options)?;

    let built =
        daoke::build_daoke_request(api, &params, &secret, &core_options).map_err(ApiError::from)?;
    let findings = checks::daoke(api, &params, &policy)?;
    let result = request(&built.request, base_url.as_deref());
    set(
        &result,
        "body",
        &Uint8Array::from(built.request.body.as_slice()).into(),
    );
    set_signed(&result, &built.signed, reveal);
    if let Some(findings) = findings {
        set(&result, "findings", &findings);
    }
    Ok(result.into())
}

/// `sign`, `stringToSign` (redacted unless `reveal`) and `sortedKeys`.
fn set_signed(result: &Object, signed: &Signed, reveal: bool) {
    set_str(result, "sign", signed.sign.as_str());
    let string_to_sign = if reveal {
        signed.string_to_sign.reveal()
    } else {
        signed.string_to_sign.to_string()
    };
    set_str(result, "stringToSign", &string_to_sign);
    set(
        result,
        "sortedKeys",
        &strings(signed.string_to_sign.sorted_keys()),
    );
}

/// `options.files`: an array of `{ name, filename, contentType, data }`.
fn files(reader: &mut Reader, options: &Fields<'_>) -> Result<Vec<FilePart>, JsValue> {
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
