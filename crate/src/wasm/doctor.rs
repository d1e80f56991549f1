//! `diagnose(capture, options)`: the sign doctor (spec/doctor.md) on the JS edge — the
//! capture read with the shared reader, the options a typed struct, the `Diagnosis` back
//! through serde-wasm-bindgen.

use serde::Deserialize;
use tsify_next::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::error::to_js;
use super::read::{self, call, Path};
use super::typed::{self, Choice, Clock, Flag, Text};
use crate::api::Api;
use crate::doctor::{self, DoctorOptions};
use crate::{AuthToken, Secret};

/// Diagnoses a request exactly as your own code sent it (spec/doctor.md): `capture` is a
/// curl command, a raw HTTP request, or a bare body (then `options.api` names the
/// endpoint). Shows what the vendor's server parses and signs, and with `options.secret`
/// (daoke) or `options.authToken` (YTX) the sign it expects, the verdict and the named
/// mistakes: confirmed ones reproduce the received sign exactly.
///
/// `stringToSign` and `firstDifference` show the secret as `<secret>` unless
/// `options.revealSecret` is `true`; `options.now` (`yyyyMMddHHmmss`, UTC+8; default now)
/// is the clock of the YTX timestamp checks. Never throws for any capture; a capture it
/// cannot read gives `verdict: "unreadable"` and a finding that says why. Wrong option
/// types throw a `SignkitError`.
#[wasm_bindgen(unchecked_return_type = "Diagnosis")]
pub fn diagnose(
    #[wasm_bindgen(unchecked_param_type = "string")] capture: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DiagnoseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(|| {
        let capture = read::string(&capture, Path::arg("capture"))?;
        let options: DiagnoseOptions = typed::options(&options, Path::arg("options"))?;
        let core = DoctorOptions {
            api: options.api.map(|choice| choice.0),
            secret: options.secret.map(|text| Secret::new(text.0)),
            auth_token: options.auth_token.map(|text| AuthToken::new(text.0)),
            now: Some(options.now.map_or_else(super::full::now, |clock| clock.0)),
            my_string_to_sign: options.my_string_to_sign.map(|text| text.0),
            reveal_secret: options.reveal_secret.is_some_and(|flag| flag.0),
        };
        to_js(&doctor::diagnose(&capture, &core))
    })
}

/// Options of `diagnose`.
#[derive(Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DiagnoseOptions {
    /// The endpoint, when the capture's path names none (a bare body); wins over the path.
    #[tsify(optional, type = "ApiName")]
    api: Option<Choice<Api>>,
    /// The daoke app secret: with it the expected sign, the verdict and named mistakes.
    #[tsify(optional, type = "string")]
    secret: Option<Text>,
    /// The YTX auth token.
    #[tsify(optional, type = "string")]
    auth_token: Option<Text>,
    /// The clock, `yyyyMMddHHmmss` in UTC+8; default: now.
    #[tsify(optional, type = "string")]
    now: Option<Clock>,
    /// The text your code hashed: `firstDifference` shows where it leaves the server's.
    #[tsify(optional, type = "string")]
    my_string_to_sign: Option<Text>,
    /// Show the secret in `stringToSign` and `firstDifference` (default `<secret>`).
    #[tsify(optional, type = "boolean")]
    reveal_secret: Option<Flag>,
}

#[wasm_bindgen(typescript_custom_section)]
const DIAGNOSIS_TS: &str = r#"
/** A mistake id of the doctor's catalogues (spec/doctor.md D4, D5). */
export type MistakeId =
  | "secret-missing" | "secret-appended" | "secret-bare" | "secret-prefixed" | "unsorted"
  | "case-insensitive-order" | "query-string-format" | "encoded-values" | "sign-included"
  | "empty-omitted" | "crlf-kept" | "plus-kept" | "double-encoded" | "trimmed"
  | "first-duplicate" | "query-params-signed" | "file-part-signed" | "gbk-bytes"
  | "lowercase-hex" | "md5-instead" | "hmac-instead"
  | "no-sign" | "sign-format" | "sign-lowercase" | "content-type-mismatch" | "params-in-query"
  | "plus-in-value" | "duplicate-name" | "crlf-in-value"
  | "ytx-no-sign" | "ytx-authorization-unreadable" | "ytx-authorization-sid"
  | "ytx-timestamp-format" | "ytx-timestamp-window" | "ytx-authorization-separator"
  | "ytx-authorization-encoding" | "ytx-timestamp-utc" | "ytx-timestamp-differs" | "ytx-order"
  | "ytx-token-missing" | "unknown-mistake";

/** A mistake the doctor names. */
export interface DoctorMistake {
  id: MistakeId;
  /** The received sign was reproduced with this mistake (else: a pattern seen, a hint). */
  confirmed: boolean;
  /** What your code did and what to change. */
  message: Bilingual;
}

/** One name the server keeps, with its value (a file's name, a table's values joined by `,`). */
export interface ServerSees {
  name: string;
  value: string;
  kind: "text" | "file" | "table" | "true";
}

/** A finding of the capture reader, or of the validator in raw mode (the server's next answer). */
export interface DoctorFinding {
  source: "capture" | "validation";
  /** `capture-unsupported`, `capture-truncated`, `api-mismatch`, `nothing-parsed`, … or the rule id. */
  id: string;
  field: string | null;
  severity: Severity | null;
  serverCode: string | null;
  message: Bilingual;
}

/** What the doctor says about a request (spec/doctor.md D3). */
export interface Diagnosis {
  api: ApiName | null;
  vendor: "daoke" | "ytx" | null;
  input: "curl" | "raw" | "body";
  /** What the server parses, in wire order. */
  serverSees: ServerSees[];
  /** The server's string to sign (`<secret>` in place of the secret unless revealed). */
  stringToSign: string | null;
  providedSign: string | null;
  /** Only with the secret / auth token. */
  expectedSign: string | null;
  verdict: "match" | "mismatch" | "unverified" | "unreadable";
  /** Confirmed mistakes first, then suspected ones. */
  mistakes: DoctorMistake[];
  /** Only with `myStringToSign` and the secret; `null` when the strings are equal. */
  firstDifference: { offset: number; server: string; mine: string } | null;
  findings: DoctorFinding[];
}
"#;
