//! The signing functions, in both entry points: `daokeSign`, `encodeForm`,
//! `encodeMultipart`, `ytxSign`, `encodeInviteMeeting`. They read their few arguments with
//! `read` and return typed results (TypeScript from `Tsify`).

use serde::Serialize;
use tsify_next::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::error::{to_js, Failure};
use super::read::{self, call, Fields, Path};
use crate::api::Api;
use crate::daoke::{
    self, canonical_pairs, canonical_params, encode_multipart, form_body, multipart_content_type,
    Secret, Signed, FORM_CONTENT_TYPE, SECRET_KEY,
};
use crate::params::{FilePart, Params};
use crate::ytx::{self, AuthToken, InviteMeetingBody, Party, YtxSignature};

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
    call(|| {
        let input = DaokeInput::read(None, &params, &secret)?;
        let options = DaokeSignOptions::read(&options)?;
        to_js(&input.result(&input.sign(), options.reveal_secret))
    })
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
    call(|| {
        let input = DaokeInput::read(Some(&api), &params, &secret)?;
        let options = DaokeSignOptions::read(&options)?;
        let signed = input.sign();
        to_js(&FormBody {
            body: form_body(&signed.canonical, Some(&signed.sign)),
            content_type: FORM_CONTENT_TYPE,
            signed: input.result(&signed, options.reveal_secret),
        })
    })
}

/// Signs daoke parameters and writes them as a multipart/form-data body (spec §3.4, §5.2):
/// one part per canonical parameter in the caller's order (values raw), the `sign` part,
/// then the file part when `options.files` holds one (at most one; files are never
/// signed). `contentType` carries the boundary: send `body` with exactly that header
/// (never through `FormData`, which picks its own boundary and rewrites line breaks).
///
/// The boundary is `options.boundary` (RFC 2046; an error if it occurs in a part) or a
/// generated one, drawn from `options.seed` or, without a seed, from `Math.random`, and
/// redrawn until it occurs in no part. `api` and the signature work as in `encodeForm`.
#[wasm_bindgen(js_name = encodeMultipart, unchecked_return_type = "MultipartBody")]
pub fn encode_multipart_body(
    #[wasm_bindgen(unchecked_param_type = "DaokeApiName | null")] api: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EncodeMultipartOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(|| {
        let input = DaokeInput::read(Some(&api), &params, &secret)?;
        let options = EncodeMultipartOptions::read(&options)?;
        let signed = input.sign();
        let seed = options.seed.unwrap_or_else(random_seed);
        let (boundary, body) = encode_multipart(
            signed.canonical.pairs(),
            &signed.sign,
            &options.files,
            options.boundary.as_deref(),
            seed,
        )?;
        to_js(&MultipartBody {
            body,
            content_type: multipart_content_type(&boundary),
            signed: input.result(&signed, options.reveal_secret),
        })
    })
}

/// Signs with YTX's scheme (spec §6): `sign` is the upper-case MD5 of
/// `accountSID + authToken + timestamp`, `authorization` the Base64 of
/// `accountSID|timestamp`. The timestamp (`yyyyMMddHHmmss`, UTC+8) is used as given; the
/// same one must go into both. `stringToSign` shows the token as `<authToken>`.
#[wasm_bindgen(js_name = ytxSign, unchecked_return_type = "YtxSignResult")]
pub fn ytx_sign(
    #[wasm_bindgen(js_name = accountSID, unchecked_param_type = "string")] account_sid: JsValue,
    #[wasm_bindgen(js_name = authToken, unchecked_param_type = "string")] auth_token: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] timestamp: JsValue,
) -> Result<JsValue, JsValue> {
    call(|| {
        let account_sid = read::string(&account_sid, Path::arg("accountSID"))?;
        let auth_token = AuthToken::new(read::string(&auth_token, Path::arg("authToken"))?);
        let timestamp = read::string(&timestamp, Path::arg("timestamp"))?;
        let signature = ytx::ytx_sign(&account_sid, &auth_token, &timestamp);
        to_js(&YtxSignResult::from(signature))
    })
}

/// The inviteMeeting JSON body (spec §6, inviteMeeting.md), compact, keys in this order:
/// `{"action":…,"appid":…,"confid":…,"parties":"[…]","CustomParm":…}`. `parties` is sent
/// as the JSON text of the array (a string inside the JSON), `CustomParm` only when
/// `customParm` is given, `action` defaults to `inviteJoinMeeting`; non-ASCII is raw UTF-8.
///
/// Send it with `Content-Type: application/json;charset=utf-8`, `Accept: application/json`
/// and the `authorization` of `ytxSign` to
/// `/{version}/sid/{accountSID}/call/TeleMeeting.wx?Sign={sign}`.
#[wasm_bindgen(js_name = encodeInviteMeeting)]
pub fn encode_invite_meeting(
    #[wasm_bindgen(unchecked_param_type = "InviteMeetingBodyInput")] input: JsValue,
) -> Result<String, JsValue> {
    call(|| {
        let input = InviteMeetingBodyInput::read(&input)?;
        Ok(ytx::invite_meeting_body(&InviteMeetingBody {
            appid: &input.appid,
            confid: &input.confid,
            parties: &input.parties,
            custom_parm: input.custom_parm.as_deref(),
            action: input.action.as_deref(),
        }))
    })
}

/// The arguments every daoke function takes: the endpoint, the parameters and the secret.
pub(crate) struct DaokeInput {
    /// A daoke endpoint, or `None` for a generic request.
    pub(crate) api: Option<Api>,
    /// The parameters in the caller's order.
    pub(crate) params: Params,
    /// The parameters' names as the caller's own JS strings (see [`DaokeInput::result`]).
    names: Vec<JsValue>,
    pub(crate) secret: Secret,
}

impl DaokeInput {
    /// Reads `api` (`None`: a function without one), `params` and `secret`.
    pub(crate) fn read(
        api: Option<&JsValue>,
        params: &JsValue,
        secret: &JsValue,
    ) -> Result<Self, Failure> {
        let api = match api {
            Some(api) => daoke::daoke_api(read::optional_api(api, Path::arg("api"))?)?,
            None => None,
        };
        let (params, names) = read::params(params, Path::arg("params"))?;
        let secret = Secret::new(read::string(secret, Path::arg("secret"))?);
        Ok(DaokeInput {
            api,
            params,
            names,
            secret,
        })
    }

    /// The canonical parameters of the endpoint (pipeline steps 1–3), signed.
    fn sign(&self) -> Signed {
        Signed::from_canonical(canonical_params(self.api, &self.params), &self.secret)
    }

    /// `daokeSign`'s result for `signed` (signed from this input), the secret shown only
    /// when `reveal`. The keys in `sortedKeys` are the caller's own strings: returning a
    /// string from wasm means decoding it, which for short keys costs more than the signing.
    pub(crate) fn result(&self, signed: &Signed, reveal: bool) -> DaokeSignResult {
        thread_local! {
            /// `"secret"` as a JS string, made once.
            static SECRET: JsValue = JsValue::from_str(SECRET_KEY);
        }
        let origins: Vec<usize> = canonical_pairs(self.api, self.params.iter())
            .map(|(at, _, _)| at)
            .collect();
        let name = |position: &usize| {
            origins
                .get(*position)
                .and_then(|&at| self.names.get(at))
                .cloned()
        };
        let text = &signed.string_to_sign;
        DaokeSignResult {
            sign: String::from(signed.sign.as_str()),
            string_to_sign: if reveal {
                text.reveal()
            } else {
                text.redacted()
            },
            sorted_keys: text
                .order()
                .iter()
                .map(|position| name(position).unwrap_or_else(|| SECRET.with(JsValue::clone)))
                .collect(),
        }
    }
}

/// A fresh seed for a generated multipart boundary. It only has to make a boundary that
/// occurs in the content unlikely, not be secret, so `Math.random` does.
pub(crate) fn random_seed() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

/// Options of `daokeSign` and `encodeForm`.
#[derive(Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DaokeSignOptions {
    /// Show the app secret in `stringToSign` (default: replaced by `<secret>`).
    #[tsify(optional)]
    reveal_secret: bool,
}

impl DaokeSignOptions {
    fn read(value: &JsValue) -> Result<Self, Failure> {
        let options = Fields::new(value, Path::arg("options"), &["revealSecret"], true)?;
        let reveal_secret = options
            .read("revealSecret", read::flag)?
            .unwrap_or_default();
        Ok(DaokeSignOptions { reveal_secret })
    }
}

/// Options of `encodeMultipart`.
#[derive(Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EncodeMultipartOptions {
    /// A fixed multipart boundary (RFC 2046: 1–70 characters); default: generated.
    #[tsify(optional)]
    boundary: Option<String>,
    /// File parts (at most one).
    #[tsify(optional, type = "ReadonlyArray<FilePart>")]
    files: Vec<FilePart>,
    /// Seed of a generated boundary (same seed, same boundary); default: random.
    #[tsify(optional, type = "number | bigint")]
    seed: Option<u64>,
    /// Show the app secret in `stringToSign` (default: replaced by `<secret>`).
    #[tsify(optional)]
    reveal_secret: bool,
}

impl EncodeMultipartOptions {
    fn read(value: &JsValue) -> Result<Self, Failure> {
        let keys = &["boundary", "files", "seed", "revealSecret"];
        let options = Fields::new(value, Path::arg("options"), keys, true)?;
        Ok(EncodeMultipartOptions {
            boundary: options.read("boundary", read::optional_string)?,
            files: options.read("files", read::files)?,
            seed: options.read("seed", read::seed)?,
            reveal_secret: options
                .read("revealSecret", read::flag)?
                .unwrap_or_default(),
        })
    }
}

/// The input of `encodeInviteMeeting`: what the inviteMeeting body carries.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InviteMeetingBodyInput {
    /// The application id.
    appid: String,
    /// The conference id.
    confid: String,
    /// The people to invite.
    #[tsify(type = "ReadonlyArray<Party>")]
    parties: Vec<Party>,
    /// `CustomParm` in the body; left out when not given.
    #[tsify(optional)]
    custom_parm: Option<String>,
    /// Default `inviteJoinMeeting`.
    #[tsify(optional)]
    action: Option<String>,
}

impl InviteMeetingBodyInput {
    fn read(value: &JsValue) -> Result<Self, Failure> {
        let keys = &["appid", "confid", "parties", "customParm", "action"];
        let input = Fields::new(value, Path::arg("input"), keys, false)?;
        Ok(InviteMeetingBodyInput {
            appid: input.read("appid", read::string)?,
            confid: input.read("confid", read::string)?,
            parties: input.read("parties", read::parties)?,
            custom_parm: input.read("customParm", read::optional_string)?,
            action: input.read("action", read::optional_string)?,
        })
    }
}

/// The result of `daokeSign`.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct DaokeSignResult {
    /// 40 upper-case hex digits.
    sign: String,
    /// The concatenation that was hashed; the secret reads `<secret>` unless revealed.
    string_to_sign: String,
    /// The signing order of the keys, `secret` included.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    #[tsify(type = "string[]")]
    sorted_keys: js_sys::Array,
}

/// The result of `encodeForm`: the body to send and how it was signed.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct FormBody {
    /// `name=value&…&sign=…`, values percent-encoded (UTF-8, upper-case `%XX`).
    body: String,
    /// The `Content-Type` to send the body with.
    #[tsify(type = "\"application/x-www-form-urlencoded\"")]
    content_type: &'static str,
    #[serde(flatten)]
    signed: DaokeSignResult,
}

/// The result of `encodeMultipart`: the body to send and how it was signed.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct MultipartBody {
    /// The exact body bytes (a fresh buffer, accepted by `fetch` as it is; TypeScript ≥ 5.7).
    #[serde(serialize_with = "bytes")]
    #[tsify(type = "Uint8Array<ArrayBuffer>")]
    body: Vec<u8>,
    /// `multipart/form-data; boundary=…`: send exactly this header with the body.
    content_type: String,
    #[serde(flatten)]
    signed: DaokeSignResult,
}

/// The result of `ytxSign`.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct YtxSignResult {
    /// The `Sign` query parameter: 32 upper-case hex digits.
    sign: String,
    /// The `Authorization` header: Base64 of `authorizationPlain`.
    authorization: String,
    /// `accountSID|timestamp`.
    authorization_plain: String,
    /// `accountSID<authToken>timestamp`: what was hashed, the token redacted.
    string_to_sign: String,
}

impl From<YtxSignature> for YtxSignResult {
    fn from(signature: YtxSignature) -> Self {
        YtxSignResult {
            string_to_sign: signature.string_to_sign.redacted(),
            sign: signature.sign,
            authorization: signature.authorization,
            authorization_plain: signature.authorization_plain,
        }
    }
}

/// Bytes as a `Uint8Array` (serde writes a `Vec<u8>` as an array of numbers otherwise).
pub(crate) fn bytes<S: serde::Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}
