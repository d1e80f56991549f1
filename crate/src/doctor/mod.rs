//! The sign doctor (spec/doctor.md): from a request exactly as the caller's own code sent it
//! — a curl command, a raw HTTP request or a bare body — show what the vendor's server
//! parses and signs, and, given the secret, name the mistake by reproducing the caller's
//! wrong signature.
//!
//! ```
//! use signkit::doctor::{diagnose, DoctorOptions, Verdict};
//! use signkit::Secret;
//!
//! // The caller's code appended "secret" + secret after sorting.
//! let capture = "curl http://api.daoke.io/weiboapi/v2/createGroup \
//!     -d 'appKey=1111111111&groupName=mirrtalk&sign=FD3B4B1D5ED0E7D16E0A6C54C8E0D2B4F7B1F1C1'";
//! let options = DoctorOptions {
//!     secret: Some(Secret::new("TESTSECRET0123456789")),
//!     ..DoctorOptions::default()
//! };
//! let diagnosis = diagnose(capture, &options);
//! assert_eq!(diagnosis.verdict, Verdict::Mismatch);
//! assert_eq!(diagnosis.server_sees.len(), 3);
//! assert!(diagnosis.string_to_sign.is_some_and(|s| s.ends_with("secret<secret>")));
//! ```
//!
//! Everything is a plain function of its inputs: [`capture::read`] (text → raw request),
//! [`diagnose`] (text + [`DoctorOptions`] → [`Diagnosis`]). The clock is `options.now`.

pub mod capture;
pub mod daoke;
pub mod difference;
pub mod finding;
pub mod gbk;
pub mod hmac;
pub mod mistake;
pub mod view;
pub mod ytx;

pub use capture::{Capture, InputKind};
pub use difference::FirstDifference;
pub use finding::{Finding, Source};
pub use mistake::{Mistake, MistakeId};
pub use view::{Seen, SeenKind};

use crate::api::{Api, Vendor};
use crate::daoke::sign::{Secret, StringToSign};
use crate::params::Params;
use crate::server::ArgValue;
use crate::validate::{self, Mode, ValidateOptions};
use crate::ytx::AuthToken;

/// The doctor's inputs besides the capture (D1 `options`).
#[derive(Clone, Default)]
pub struct DoctorOptions {
    /// The endpoint, when the capture's path does not name one (a bare body); wins over a
    /// disagreeing path.
    pub api: Option<Api>,
    /// The daoke app secret.
    pub secret: Option<Secret>,
    /// The YTX auth token.
    pub auth_token: Option<AuthToken>,
    /// The clock, Unix seconds (the YTX window and UTC checks; `None` skips them).
    pub now: Option<i64>,
    /// The text the caller's code hashed (D6).
    pub my_string_to_sign: Option<String>,
    /// Show the secret in `stringToSign` and `firstDifference` (default: `<secret>`).
    pub reveal_secret: bool,
}

impl core::fmt::Debug for DoctorOptions {
    /// The secret, the token and the caller's string to sign (which holds the secret) are
    /// never printed.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DoctorOptions")
            .field("api", &self.api)
            .field("secret", &self.secret)
            .field("auth_token", &self.auth_token)
            .field("now", &self.now)
            .field(
                "my_string_to_sign",
                &self.my_string_to_sign.as_ref().map(|_| "<redacted>"),
            )
            .field("reveal_secret", &self.reveal_secret)
            .finish()
    }
}

/// The doctor's conclusion (D3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The received sign is the one the server computes.
    Match,
    /// The server rejects the signature (or a check that needs no secret already fails).
    Mismatch,
    /// No secret given and nothing visibly wrong.
    Unverified,
    /// No endpoint, or a capture that cannot be read.
    Unreadable,
}

/// What the doctor says about a request (D3).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// The endpoint diagnosed.
    pub api: Option<Api>,
    /// Its vendor.
    pub vendor: Option<Vendor>,
    /// How the capture was read.
    pub input: InputKind,
    /// What the server parses, in wire order (D2).
    pub server_sees: Vec<Seen>,
    /// The server's string to sign, `<secret>` in place of the secret unless revealed.
    pub string_to_sign: Option<String>,
    /// The sign as received.
    pub provided_sign: Option<String>,
    /// The sign the server expects (only with the secret / auth token).
    pub expected_sign: Option<String>,
    /// The conclusion.
    pub verdict: Verdict,
    /// Confirmed mistakes first, then suspected ones, each in catalogue order.
    pub mistakes: Vec<Mistake>,
    /// Where the caller's string to sign first differs from the server's (D6).
    pub first_difference: Option<FirstDifference>,
    /// Capture findings, then the validator's raw-mode findings.
    pub findings: Vec<Finding>,
}

impl Diagnosis {
    fn unreadable(input: InputKind, findings: Vec<Finding>) -> Diagnosis {
        Diagnosis {
            api: None,
            vendor: None,
            input,
            server_sees: Vec::new(),
            string_to_sign: None,
            provided_sign: None,
            expected_sign: None,
            verdict: Verdict::Unreadable,
            mistakes: Vec::new(),
            first_difference: None,
            findings,
        }
    }
}

/// Diagnoses `capture` (D1–D6).
pub fn diagnose(capture: &str, options: &DoctorOptions) -> Diagnosis {
    let read = capture::read(capture, options.api);
    let mut findings = read.findings;
    let Some(request) = read.request else {
        return Diagnosis::unreadable(read.input, findings);
    };
    let Some(api) = view::endpoint(&request, options.api, &mut findings) else {
        return Diagnosis::unreadable(read.input, findings);
    };
    let mut diagnosis = Diagnosis::unreadable(read.input, Vec::new());
    diagnosis.api = Some(api);
    diagnosis.vendor = Some(api.vendor());
    if view::is_daoke(api) {
        daoke_diagnosis(&mut diagnosis, api, &request, options, &mut findings);
    } else {
        ytx_diagnosis(&mut diagnosis, &request, options, &mut findings);
    }
    diagnosis.findings = findings;
    diagnosis
}

/// The server's revealed string to sign, compared with the caller's (D6).
fn difference(server: &str, options: &DoctorOptions, secret: &str) -> Option<FirstDifference> {
    let mine = options.my_string_to_sign.as_deref()?;
    let mask = (!options.reveal_secret).then_some(secret);
    difference::first_difference(server, mine, mask)
}

fn daoke_diagnosis(
    diagnosis: &mut Diagnosis,
    api: Api,
    request: &crate::server::HttpRequest,
    options: &DoctorOptions,
    findings: &mut Vec<Finding>,
) {
    let parsed = match view::daoke_body(api, request) {
        Ok(parsed) => Some(parsed),
        Err(reason) => {
            findings.push(view::nothing_parsed(reason));
            None
        }
    };
    let sign = parsed
        .as_ref()
        .and_then(|p| p.args.get("sign"))
        .and_then(ArgValue::text)
        .map(|s| String::from_utf8_lossy(s).into_owned());
    let suspects = daoke::suspected(parsed.as_ref(), request, sign.as_deref());
    let visible_failure = suspects.iter().any(|id| {
        matches!(
            id,
            MistakeId::NoSign | MistakeId::SignFormat | MistakeId::SignLowercase
        )
    });
    let mut mistakes: Vec<Mistake> = suspects
        .into_iter()
        .map(|id| Mistake::new(id, false))
        .collect();
    diagnosis.provided_sign = sign.clone();
    diagnosis.verdict = if visible_failure {
        Verdict::Mismatch
    } else {
        Verdict::Unverified
    };
    if let Some(parsed) = &parsed {
        diagnosis.server_sees = view::server_sees(parsed);
        let params: Params = diagnosis
            .server_sees
            .iter()
            .filter(|seen| seen.kind == SeenKind::Text)
            .map(|seen| (seen.name.clone(), seen.value.clone()))
            .collect();
        let raw = ValidateOptions {
            mode: Mode::Raw,
            now: options.now,
        };
        // A body parsed with the wrong parser gives names made of its framing; validating
        // them would only bury the real cause (the Content-Type), which is listed instead.
        let misparsed = mistakes
            .iter()
            .any(|m| m.id == MistakeId::ContentTypeMismatch);
        if !misparsed {
            let found = validate::validate(api, &params, &raw);
            findings.extend(found.into_iter().map(Finding::from));
        }
        let pairs = daoke::server_pairs(parsed);
        let placeholder = Secret::new(StringToSign::SECRET_MARKER);
        let secret = options.secret.as_ref();
        let string = daoke::string_to_sign(&pairs, secret.unwrap_or(&placeholder));
        diagnosis.string_to_sign = Some(match (secret, options.reveal_secret) {
            (Some(_), true) => string.reveal(),
            _ => string.redacted(),
        });
        if let Some(secret) = secret {
            let expected = string.sign();
            diagnosis.expected_sign = Some(expected.as_str().to_owned());
            diagnosis.first_difference = difference(&string.reveal(), options, secret.expose());
            match sign.as_deref() {
                Some(received) if received == expected.as_str() => {
                    if !visible_failure {
                        diagnosis.verdict = Verdict::Match;
                    }
                }
                Some(received) => {
                    diagnosis.verdict = Verdict::Mismatch;
                    let context = daoke::Context {
                        parsed,
                        request,
                        pairs: &pairs,
                        secret,
                    };
                    let confirmed = context.confirmed(received);
                    if confirmed.is_empty() {
                        mistakes.push(Mistake::new(MistakeId::UnknownMistake, false));
                    }
                    mistakes.extend(confirmed.into_iter().map(|id| Mistake::new(id, true)));
                }
                None => diagnosis.verdict = Verdict::Mismatch,
            }
        }
    }
    diagnosis.mistakes = mistake::ordered(mistakes);
}

fn ytx_diagnosis(
    diagnosis: &mut Diagnosis,
    request: &crate::server::HttpRequest,
    options: &DoctorOptions,
    findings: &mut Vec<Finding>,
) {
    let view = ytx::view(request, options.now);
    findings.extend(view.findings);
    diagnosis.server_sees = view.seen;
    diagnosis.provided_sign = view.sign.clone();
    let Some(sid) = view.account_sid else {
        findings.push(finding::Finding::capture(
            "ytx-no-account",
            crate::text::Bilingual::new(
                "The YTX path has no accountSID: /{version}/sid/{accountSID}/call/TeleMeeting.wx.",
                "YTX 路径中没有 accountSID：/{version}/sid/{accountSID}/call/TeleMeeting.wx。",
            ),
        ));
        return;
    };
    let mut mistakes: Vec<Mistake> = view
        .failures
        .iter()
        .chain(&view.suspects)
        .map(|&id| Mistake::new(id, false))
        .collect();
    diagnosis.verdict = if view.failures.is_empty() {
        Verdict::Unverified
    } else {
        Verdict::Mismatch
    };
    if let Some(timestamp) = &view.timestamp {
        let shown = match (&options.auth_token, options.reveal_secret) {
            (Some(token), true) => token.expose().to_owned(),
            _ => StringToSign::SECRET_MARKER.to_owned(),
        };
        diagnosis.string_to_sign = Some([sid.as_str(), &shown, timestamp].concat());
        if let Some(token) = &options.auth_token {
            let expected = ytx::expected_sign(&sid, token, timestamp);
            let revealed = [sid.as_str(), token.expose(), timestamp].concat();
            diagnosis.first_difference = difference(&revealed, options, token.expose());
            match &view.sign {
                Some(sign) if sign.eq_ignore_ascii_case(&expected) => {
                    if view.failures.is_empty() {
                        diagnosis.verdict = Verdict::Match;
                    }
                }
                Some(sign) => {
                    diagnosis.verdict = Verdict::Mismatch;
                    let confirmed = ytx::confirmed(&sid, token, timestamp, sign);
                    if confirmed.is_empty() {
                        mistakes.push(Mistake::new(MistakeId::UnknownMistake, false));
                    }
                    mistakes.extend(confirmed.into_iter().map(|id| Mistake::new(id, true)));
                }
                None => diagnosis.verdict = Verdict::Mismatch,
            }
            diagnosis.expected_sign = Some(expected);
        }
    }
    diagnosis.mistakes = mistake::ordered(mistakes);
}
