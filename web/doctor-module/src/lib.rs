//! The web app's sign doctor page (`#/doctor`), kept out of the app's first load: the doctor
//! (`signkit::doctor`, with its GBK table and mistake catalogue) is a second wasm module that
//! the app runs in a Web Worker when the page is first opened.
//!
//! The messages are plain serde types exchanged as JSON: a [`Question`] (diagnose a capture,
//! or list the examples), answered by [`handle`] (feature `module`, the worker's side) with
//! the core's [`Diagnosis`](signkit::doctor::Diagnosis) as serialized by the core (spec
//! doctor.md D3) or the [`Example`] list. The app reads the diagnosis as a [`DiagnosisView`];
//! without the `module` feature this crate is only these types, so the app does not link the
//! doctor.

use serde::{Deserialize, Serialize};
use signkit::Bilingual;

/// A question for the doctor module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Question {
    /// Diagnose a capture (spec doctor.md D1).
    Diagnose(Inputs),
    /// The example captures of the "load an example" menu.
    Examples,
}

/// The doctor's inputs (D1 `options`), as the page holds them.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Inputs {
    /// The pasted curl command, raw HTTP request or body.
    pub capture: String,
    /// The endpoint picked on the page (used when the capture names none).
    pub api: Option<String>,
    /// The daoke app secret (empty: none).
    pub secret: String,
    /// The YTX auth token (empty: none).
    pub auth_token: String,
    /// The caller's own string to sign (empty: none).
    pub my_string_to_sign: String,
    /// "Now", Unix seconds.
    pub now_unix: Option<i64>,
}

impl core::fmt::Debug for Inputs {
    /// The secret, the token and the caller's string to sign (which holds the secret) are
    /// never printed.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Inputs")
            .field("capture", &self.capture)
            .field("api", &self.api)
            .field("now_unix", &self.now_unix)
            .finish_non_exhaustive()
    }
}

/// What the server sees of one name (D2 `serverSees`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeenView {
    /// The name.
    pub name: String,
    /// The value kept, as text.
    pub value: String,
    /// `text`, `file`, `table` or `true`.
    pub kind: String,
}

/// A named mistake (D3 `mistakes`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MistakeView {
    /// The catalogue id.
    pub id: String,
    /// Reproduced with the secret (true) or only suspected.
    pub confirmed: bool,
    /// The core's explanation.
    pub message: Bilingual,
}

/// Where the caller's string to sign first differs (D6).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DifferenceView {
    /// Index of the first differing byte.
    pub offset: usize,
    /// The server's excerpt.
    pub server: String,
    /// The caller's excerpt.
    pub mine: String,
}

/// A capture or validation finding (D3 `findings`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FindingView {
    /// `capture` or `validation`.
    pub source: String,
    /// The finding's id.
    pub id: String,
    /// The parameter it is about.
    pub field: Option<String>,
    /// `error` or `warn`.
    pub severity: Option<String>,
    /// The code the server would answer with.
    pub server_code: Option<String>,
    /// The core's explanation.
    pub message: Bilingual,
}

/// The core's diagnosis as the page reads it (D3).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DiagnosisView {
    /// The endpoint's name.
    pub api: Option<String>,
    /// `daoke` or `ytx`.
    pub vendor: Option<String>,
    /// `curl`, `raw` or `body`.
    pub input: String,
    /// What the server parses, in wire order.
    pub server_sees: Vec<SeenView>,
    /// The server's string to sign (secret redacted).
    pub string_to_sign: Option<String>,
    /// The sign as received.
    pub provided_sign: Option<String>,
    /// The sign the server expects.
    pub expected_sign: Option<String>,
    /// `match`, `mismatch`, `unverified` or `unreadable`.
    pub verdict: String,
    /// Confirmed first, then suspected.
    pub mistakes: Vec<MistakeView>,
    /// With the caller's string to sign.
    pub first_difference: Option<DifferenceView>,
    /// Capture findings, then raw-mode validation findings.
    pub findings: Vec<FindingView>,
}

/// One entry of the "load an example" menu: a conformance case of spec/doctor_cases.json.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Example {
    /// The case id (`DC-004`).
    pub id: String,
    /// The mistake the case shows (its confirmed id).
    pub mistake: String,
    /// The capture.
    pub capture: String,
    /// The endpoint option of the case.
    pub api: Option<String>,
    /// The (test) secret the case was signed with.
    pub secret: Option<String>,
}

impl core::fmt::Debug for Example {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Example")
            .field("id", &self.id)
            .field("mistake", &self.mistake)
            .finish_non_exhaustive()
    }
}

/// The module's answer to [`Question::Examples`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Examples {
    /// The menu, in order.
    pub examples: Vec<Example>,
}

#[cfg(feature = "module")]
mod module {
    use super::{Example, Examples, Inputs, Question};
    use signkit::doctor::{diagnose, DoctorOptions};
    use signkit::{Api, AuthToken, Secret};

    /// The conformance cases the menu shows: one per common daoke mistake.
    pub const EXAMPLE_CASES: [&str; 8] = [
        "DC-004", "DC-002", "DC-009", "DC-013", "DC-015", "DC-024", "DC-037", "DC-040",
    ];

    const CASES: &str = include_str!("../../../spec/doctor_cases.json");

    /// Answers a JSON [`Question`] with JSON: a diagnosis, the examples, or `{"error": …}`
    /// when the question does not parse (a bug of the app, never the user's input).
    pub fn handle(question: &str) -> String {
        let answer = match serde_json::from_str::<Question>(question) {
            Ok(Question::Diagnose(inputs)) => serde_json::to_string(&diagnose_inputs(&inputs)),
            Ok(Question::Examples) => serde_json::to_string(&Examples {
                examples: examples(),
            }),
            Err(error) => return error_json(&error.to_string()),
        };
        answer.unwrap_or_else(|error| error_json(&error.to_string()))
    }

    fn error_json(message: &str) -> String {
        serde_json::json!({ "error": message }).to_string()
    }

    /// The core's diagnosis of the page's inputs (empty fields are absent options).
    pub fn diagnose_inputs(inputs: &Inputs) -> signkit::doctor::Diagnosis {
        let given = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        let options = DoctorOptions {
            api: inputs.api.as_deref().and_then(Api::from_name),
            secret: given(&inputs.secret).map(Secret::new),
            auth_token: given(&inputs.auth_token).map(AuthToken::new),
            now: inputs.now_unix,
            my_string_to_sign: given(&inputs.my_string_to_sign),
            reveal_secret: false,
        };
        diagnose(&inputs.capture, &options)
    }

    /// The menu's cases, read from spec/doctor_cases.json (the one home of the examples).
    pub fn examples() -> Vec<Example> {
        let cases: serde_json::Value = serde_json::from_str(CASES).unwrap_or_default();
        let list = cases["cases"].as_array().cloned().unwrap_or_default();
        EXAMPLE_CASES
            .iter()
            .filter_map(|id| list.iter().find(|case| case["id"] == *id))
            .map(|case| {
                let text = |value: &serde_json::Value| value.as_str().map(String::from);
                Example {
                    id: text(&case["id"]).unwrap_or_default(),
                    mistake: text(&case["expect"]["confirmed"][0]).unwrap_or_default(),
                    capture: text(&case["capture"]).unwrap_or_default(),
                    api: text(&case["options"]["api"]),
                    secret: text(&case["options"]["secret"]),
                }
            })
            .collect()
    }
}

#[cfg(feature = "module")]
pub use module::{diagnose_inputs, examples, handle, EXAMPLE_CASES};

#[cfg(all(test, feature = "module"))]
mod tests {
    use super::*;

    const DEMO: &str = "DEMO-SECRET-not-for-production";

    fn ask(question: &Question) -> String {
        handle(&serde_json::to_string(question).unwrap())
    }

    #[test]
    fn every_example_is_a_case_that_confirms_its_mistake() {
        let examples = examples();
        assert_eq!(examples.len(), EXAMPLE_CASES.len());
        for example in examples {
            let answer = ask(&Question::Diagnose(Inputs {
                capture: example.capture.clone(),
                api: example.api.clone(),
                secret: example.secret.clone().unwrap_or_default(),
                ..Inputs::default()
            }));
            let view: DiagnosisView = serde_json::from_str(&answer).unwrap();
            assert_eq!(view.verdict, "mismatch", "{}", example.id);
            assert!(
                view.mistakes
                    .iter()
                    .any(|m| m.confirmed && m.id == example.mistake),
                "{}: {:?}",
                example.id,
                view.mistakes
            );
        }
    }

    /// The page's reading of the answer follows the core's shape: every conformance case's
    /// diagnosis reads as a [`DiagnosisView`] (unknown fields refused) with the same values.
    #[test]
    fn every_case_diagnosis_reads_as_the_view() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../../../spec/doctor_cases.json")).unwrap();
        for case in cases["cases"].as_array().unwrap() {
            let options = &case["options"];
            let inputs = Inputs {
                capture: case["capture"].as_str().unwrap().to_owned(),
                api: options["api"].as_str().map(String::from),
                secret: options["secret"].as_str().unwrap_or_default().to_owned(),
                auth_token: options["authToken"].as_str().unwrap_or_default().to_owned(),
                my_string_to_sign: options["myStringToSign"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                now_unix: None,
            };
            let diagnosis = diagnose_inputs(&inputs);
            let view: DiagnosisView = serde_json::from_str(&handle(
                &serde_json::to_string(&Question::Diagnose(inputs)).unwrap(),
            ))
            .unwrap_or_else(|e| panic!("{}: {e}", case["id"]));
            let expected = serde_json::to_value(&diagnosis).unwrap();
            assert_eq!(Some(view.verdict.as_str()), expected["verdict"].as_str());
            assert_eq!(view.mistakes.len(), diagnosis.mistakes.len());
            assert_eq!(view.server_sees.len(), diagnosis.server_sees.len());
            assert_eq!(view.string_to_sign, diagnosis.string_to_sign);
            assert_eq!(view.expected_sign, diagnosis.expected_sign);
        }
    }

    #[test]
    fn the_secret_stays_out_of_the_answer() {
        let answer = ask(&Question::Diagnose(Inputs {
            capture: String::from(
                "curl http://api.daoke.io/weiboapi/v2/createGroup -d 'appKey=1&groupName=g&sign=00'",
            ),
            secret: String::from(DEMO),
            my_string_to_sign: format!("appKey1groupNamegsecret{DEMO}"),
            ..Inputs::default()
        }));
        assert!(!answer.contains(DEMO), "{answer}");
        assert!(answer.contains("secret<secret>"), "{answer}");
        let debug = format!(
            "{:?}",
            Inputs {
                secret: String::from(DEMO),
                ..Inputs::default()
            }
        );
        assert!(!debug.contains(DEMO));
    }

    #[test]
    fn a_question_that_does_not_parse_gets_an_error_object() {
        let answer: serde_json::Value = serde_json::from_str(&handle("{")).unwrap();
        assert!(answer["error"].is_string());
    }
}
