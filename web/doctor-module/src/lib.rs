//! The web app's sign doctor page (`#/doctor`), kept out of the app's first load: the doctor
//! (`signkit::doctor`, with its GBK table and mistake catalogue) is a second wasm module that
//! the app runs in a Web Worker when the page is first opened.
//!
//! The messages are plain serde types exchanged as JSON: a [`Question`] (diagnose a capture,
//! or list the examples), answered by `handle` (feature `module`, the worker's side) with
//! an [`Answer`] (the verdict and the results rendered as HTML from the core's
//! `signkit::doctor::Diagnosis`, in both languages) or the [`Example`] list.
//! Without the `module` feature this crate is only these types, so the app links neither the
//! doctor nor the results' rendering.

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

/// The module's answer to [`Question::Diagnose`]: what the page shows, rendered here so the
/// app's first load carries no view code for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// `match`, `mismatch`, `unverified` or `unreadable` (spec doctor.md D3).
    pub verdict: String,
    /// The verdict banner's sentence.
    pub banner: Bilingual,
    /// The endpoint diagnosed (the page shows its vendor's credentials).
    pub api: Option<String>,
    /// The server's string to sign, secret redacted (for the copy button).
    pub string_to_sign: Option<String>,
    /// The results below the banner as HTML (every text escaped): the named mistakes with the
    /// core's explanations, provided vs expected sign, the string to sign, the first
    /// difference, what the server sees and the findings.
    pub html: Bilingual,
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
pub mod render;

#[cfg(feature = "module")]
mod module {
    use super::render::{details, verdict_text};
    use super::{Answer, Example, Examples, Inputs, Question};
    use signkit::doctor::{diagnose, DoctorOptions};
    use signkit::{Api, AuthToken, Secret};
    use signkit::{Bilingual, Lang};

    /// The conformance cases the menu shows: one per common daoke mistake.
    pub const EXAMPLE_CASES: [&str; 8] = [
        "DC-004", "DC-002", "DC-009", "DC-013", "DC-015", "DC-024", "DC-037", "DC-040",
    ];

    const CASES: &str = include_str!("../../../spec/doctor_cases.json");

    /// Answers a JSON [`Question`] with JSON: a diagnosis, the examples, or `{"error": …}`
    /// when the question does not parse (a bug of the app, never the user's input).
    pub fn handle(question: &str) -> String {
        let answer = match serde_json::from_str::<Question>(question) {
            Ok(Question::Diagnose(inputs)) => serde_json::to_string(&answer(&inputs)),
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

    /// What the page shows for `inputs`.
    pub fn answer(inputs: &Inputs) -> Answer {
        let diagnosis = diagnose_inputs(inputs);
        let verdict = serde_json::to_value(diagnosis.verdict)
            .ok()
            .and_then(|value| value.as_str().map(String::from))
            .unwrap_or_default();
        let html = |lang| std::borrow::Cow::Owned(details(&diagnosis, lang));
        Answer {
            verdict,
            banner: verdict_text(diagnosis.verdict).clone(),
            api: diagnosis.api.map(|api| api.name().to_owned()),
            string_to_sign: diagnosis.string_to_sign.clone(),
            html: Bilingual {
                en: html(Lang::En),
                zh: html(Lang::Zh),
            },
        }
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
pub use module::{answer, diagnose_inputs, examples, handle, EXAMPLE_CASES};

#[cfg(all(test, feature = "module"))]
mod tests {
    use super::*;
    use signkit::Lang;

    const DEMO: &str = "DEMO-SECRET-not-for-production";

    fn ask(question: &Question) -> String {
        handle(&serde_json::to_string(question).unwrap())
    }

    fn mistake_html(id: &str, confirmed: bool) -> String {
        format!("data-id=\"{id}\" data-confirmed=\"{confirmed}\"")
    }

    #[test]
    fn every_example_is_a_case_that_confirms_its_mistake() {
        let examples = examples();
        assert_eq!(examples.len(), EXAMPLE_CASES.len());
        for example in examples {
            let reply = ask(&Question::Diagnose(Inputs {
                capture: example.capture.clone(),
                api: example.api.clone(),
                secret: example.secret.clone().unwrap_or_default(),
                ..Inputs::default()
            }));
            let answer: Answer = serde_json::from_str(&reply).unwrap();
            assert_eq!(answer.verdict, "mismatch", "{}", example.id);
            for html in [&answer.html.en, &answer.html.zh] {
                assert!(
                    html.contains(&mistake_html(&example.mistake, true)),
                    "{}: {html}",
                    example.id
                );
            }
        }
    }

    /// Every conformance case renders: the verdict is the core's, every mistake is listed once
    /// in its order with the core's message, in both languages.
    #[test]
    fn every_case_renders_the_core_diagnosis() {
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
            let answer = answer(&inputs);
            let id = &case["id"];
            // (Cases with `now` are diagnosed here without a clock: compare with the core.)
            let verdict = serde_json::to_value(diagnosis.verdict).unwrap();
            assert_eq!(Some(answer.verdict.as_str()), verdict.as_str(), "{id}");
            assert_eq!(answer.string_to_sign, diagnosis.string_to_sign, "{id}");
            for (html, lang) in [(&answer.html.en, Lang::En), (&answer.html.zh, Lang::Zh)] {
                assert_eq!(
                    html.matches("data-testid=\"doctor-mistake\"").count(),
                    diagnosis.mistakes.len(),
                    "{id}"
                );
                let mut at = 0;
                for mistake in &diagnosis.mistakes {
                    let found = html[at..]
                        .find(&mistake_html(mistake.id.as_str(), mistake.confirmed))
                        .unwrap_or_else(|| panic!("{id}: {} in order", mistake.id.as_str()));
                    at += found;
                    let mut message = String::new();
                    render::escape(&mut message, mistake.message.get(lang));
                    assert!(html.contains(&message), "{id}: the core's message");
                }
                assert_eq!(
                    html.contains("doctor-first-difference"),
                    diagnosis.first_difference.is_some(),
                    "{id}"
                );
            }
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
