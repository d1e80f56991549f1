//! Every case of `spec/doctor_cases.json` (spec/doctor.md D7) through `signkit::doctor`,
//! one test per case: `cargo test -p signkit --features doctor --test doctor_cases DC-001`
//! runs one.

#[cfg(not(target_arch = "wasm32"))]
mod cases {
    use libtest_mimic::{Arguments, Failed, Trial};
    use serde::Deserialize;
    use signkit::doctor::{diagnose, DoctorOptions, SeenKind};
    use signkit::{Api, AuthToken, BeijingTime, Secret};
    use std::collections::BTreeSet;

    const CASES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/doctor_cases.json"
    ));

    #[derive(Deserialize)]
    struct File {
        count: usize,
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        id: String,
        capture: String,
        options: Options,
        expect: Expect,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Options {
        api: Option<String>,
        secret: Option<String>,
        auth_token: Option<String>,
        now: Option<String>,
        my_string_to_sign: Option<String>,
        reveal_secret: Option<bool>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Expect {
        verdict: String,
        confirmed: Vec<String>,
        suspected: Vec<String>,
        server_sees: Option<Vec<(String, String)>>,
        first_difference: Option<Offset>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Offset {
        offset: usize,
    }

    fn options(options: &Options) -> Result<DoctorOptions, Failed> {
        let api = match &options.api {
            Some(name) => Some(Api::from_name(name).ok_or_else(|| format!("unknown api {name}"))?),
            None => None,
        };
        let now = match &options.now {
            Some(text) => Some(
                BeijingTime::parse(text)
                    .ok_or_else(|| format!("bad now {text}"))?
                    .to_unix(),
            ),
            None => None,
        };
        Ok(DoctorOptions {
            api,
            secret: options.secret.clone().map(Secret::new),
            auth_token: options.auth_token.clone().map(AuthToken::new),
            now,
            my_string_to_sign: options.my_string_to_sign.clone(),
            reveal_secret: options.reveal_secret.unwrap_or(false),
        })
    }

    /// Checks one case as D7 says; every difference is reported.
    fn check(case: &Case) -> Result<(), Failed> {
        let diagnosis = diagnose(&case.capture, &options(&case.options)?);
        let json = serde_json::to_value(&diagnosis).map_err(|e| e.to_string())?;
        let mut failures = Vec::new();
        let verdict = json["verdict"].as_str().unwrap_or_default();
        if verdict != case.expect.verdict {
            failures.push(format!(
                "verdict {verdict}, expected {}",
                case.expect.verdict
            ));
        }
        let ids = |confirmed: bool| -> BTreeSet<String> {
            diagnosis
                .mistakes
                .iter()
                .filter(|m| m.confirmed == confirmed)
                .map(|m| m.id.as_str().to_owned())
                .collect()
        };
        let want: BTreeSet<String> = case.expect.confirmed.iter().cloned().collect();
        if ids(true) != want {
            failures.push(format!("confirmed {:?}, expected {want:?}", ids(true)));
        }
        let suspected = ids(false);
        for id in &case.expect.suspected {
            if !suspected.contains(id) {
                failures.push(format!("suspect {id} missing from {suspected:?}"));
            }
        }
        if let Some(sees) = &case.expect.server_sees {
            let got: Vec<(String, String)> = diagnosis
                .server_sees
                .iter()
                .filter(|s| s.kind == SeenKind::Text)
                .map(|s| (s.name.clone(), s.value.clone()))
                .collect();
            if &got != sees {
                failures.push(format!("serverSees {got:?}, expected {sees:?}"));
            }
        }
        if let Some(expected) = &case.expect.first_difference {
            let got = diagnosis.first_difference.as_ref().map(|d| d.offset);
            if got != Some(expected.offset) {
                failures.push(format!(
                    "firstDifference {:?}, expected offset {}",
                    diagnosis.first_difference, expected.offset
                ));
            }
        }
        // No secret in what is shown unless revealed.
        if !case.options.reveal_secret.unwrap_or(false) {
            let shown = json.to_string();
            for secret in [&case.options.secret, &case.options.auth_token]
                .into_iter()
                .flatten()
            {
                if shown.contains(secret.as_str()) {
                    failures.push("the secret appears in the diagnosis".to_owned());
                }
            }
        }
        if failures.is_empty() {
            Ok(())
        } else {
            Err(format!("{}\n{json:#}", failures.join("\n")).into())
        }
    }

    pub fn main() {
        let file: File = match serde_json::from_str(CASES) {
            Ok(file) => file,
            Err(error) => panic!("doctor_cases.json: {error}"),
        };
        assert_eq!(file.count, file.cases.len(), "count field");
        let trials = file
            .cases
            .into_iter()
            .map(|case| Trial::test(case.id.clone(), move || check(&case)))
            .collect();
        libtest_mimic::run(&Arguments::from_args(), trials).exit();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    cases::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
