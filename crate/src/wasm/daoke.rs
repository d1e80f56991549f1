//! `daokeSign`, `encodeForm` and `encodeMultipart` of the wasm-bindgen package: the daoke
//! signer and body encoders.

use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::edge;
use super::glue::{daoke_result, form_result, multipart_result};
use super::input::SigningInput;
use super::messages::{FILE_KEYS, MULTIPART_OPTIONS, SIGN_OPTIONS};
use super::pieces::{form, multipart, signed, MultipartOptions};
use super::read::{optional_api, Fields, Path, Reader};
use crate::api::Api;
use crate::daoke::{daoke_api, Secret};
use crate::params::FilePart;

/// The JS `daokeSign`: signs daoke parameters with the app secret, the generic signer (spec
/// §4). Its JS documentation is in the package's `.d.ts` (the `types` module).
#[wasm_bindgen(js_name = daokeSign, skip_typescript)]
pub fn daoke_sign(params: JsValue, secret: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let input = SigningInput::read(&mut reader, &params, &secret)?;
    let options = Fields::optional(&options, Path::arg("options"), SIGN_OPTIONS)?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    Ok(signed_result(None, &input, reveal))
}

/// `{ sign, stringToSign, sortedKeys }` for the input's parameters, with `api`'s omissions.
pub(super) fn signed_result(api: Option<Api>, input: &SigningInput, reveal: bool) -> JsValue {
    let (pieces, layout) = signed(api, input.pairs(), &Secret::new(input.secret()), reveal);
    daoke_result(input.parts(), pieces.text(), &layout)
}

/// The JS `encodeForm`: signs daoke parameters and writes them as a form-urlencoded body
/// (spec §3.4, §5.1). Its JS documentation is in the package's `.d.ts` (the `types` module).
#[wasm_bindgen(js_name = encodeForm, skip_typescript)]
pub fn encode_form(
    api: JsValue,
    params: JsValue,
    secret: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = Reader::new();
    let api = optional_api(&mut reader, &api, Path::arg("api"))?;
    let api = daoke_api(api)?;
    let input = SigningInput::read(&mut reader, &params, &secret)?;
    let options = Fields::optional(&options, Path::arg("options"), SIGN_OPTIONS)?;
    let reveal = options.flag("revealSecret")?.unwrap_or(false);
    let (pieces, layout) = form(api, input.pairs(), &Secret::new(input.secret()), reveal);
    Ok(form_result(input.parts(), pieces.text(), &layout))
}

/// The JS `encodeMultipart`: signs daoke parameters and writes them as a multipart body
/// (spec §3.4, §5.2). Its JS documentation is in the package's `.d.ts` (the `types` module).
#[wasm_bindgen(js_name = encodeMultipart, skip_typescript)]
pub fn encode_multipart_body(
    api: JsValue,
    params: JsValue,
    secret: JsValue,
    options: JsValue,
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
    let options = MultipartOptions {
        boundary: boundary.as_deref(),
        files: &files,
        seed: seed.unwrap_or_else(edge::random_seed),
        reveal,
    };
    let (pieces, layout, body) =
        multipart(api, input.pairs(), &Secret::new(input.secret()), &options)?;
    Ok(multipart_result(
        input.parts(),
        pieces.text(),
        &layout,
        &body,
    ))
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
