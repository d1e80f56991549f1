//! Runs every case of `spec/validation_cases.json` (spec §11.1) against `validate`: one
//! test per case, named by its id (`cargo test -p signkit --test validation_cases V042`),
//! plus the file's own checks (libtest-mimic, `harness = false`). Needs feature `full`.

#[cfg(feature = "full")]
mod cases {
    use libtest_mimic::{Arguments, Trial};
    use serde::Deserialize;
    use signkit::validate::{validate, Mode, ValidateOptions};
    use signkit::{Api, BeijingTime, Params};
    use std::collections::BTreeSet;

    #[derive(Deserialize)]
    struct File {
        count: usize,
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        id: String,
        api: String,
        description: String,
        params: Vec<(String, String)>,
        mode: Option<Mode>,
        clock: Option<String>,
        expected: Vec<Expected>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Expected {
        field: String,
        severity: String,
        server_code: Option<String>,
    }

    fn load() -> File {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/validation_cases.json"
        ));
        serde_json::from_str(text).expect("validation_cases.json parses")
    }

    /// Every difference between what the case expects and what `validate` reports.
    fn failures_of(case: &Case) -> Vec<String> {
        let Some(api) = Api::from_name(&case.api) else {
            return vec![format!("unknown api {}", case.api)];
        };
        let now = match &case.clock {
            Some(clock) => match BeijingTime::parse(clock) {
                Some(time) => Some(time.to_unix()),
                None => return vec![format!("bad clock {clock}")],
            },
            None => None,
        };
        let options = ValidateOptions {
            mode: case.mode.unwrap_or_default(),
            now,
        };
        let params = Params::from(case.params.clone());
        let findings = validate(api, &params, &options);

        let mut failures = Vec::new();
        let got: BTreeSet<(String, String)> = findings
            .iter()
            .map(|f| (f.field.clone(), f.severity.to_string()))
            .collect();
        let want: BTreeSet<(String, String)> = case
            .expected
            .iter()
            .map(|e| (e.field.clone(), e.severity.clone()))
            .collect();
        if got != want {
            failures.push(format!(
                "(field, severity) set differs: expected {want:?}, got {:?}",
                findings.iter().map(ToString::to_string).collect::<Vec<_>>()
            ));
        }
        if got.len() != findings.len() {
            failures.push(format!("more than one finding for a field: {findings:?}"));
        }
        for expected in &case.expected {
            let Some(code) = &expected.server_code else {
                continue;
            };
            match findings.iter().find(|f| f.field == expected.field) {
                Some(f) if f.server_code == Some(code.as_str()) => {}
                Some(f) => failures.push(format!(
                    "{}: serverCode {:?}, expected {code} (rule {})",
                    f.field, f.server_code, f.rule
                )),
                None => {} // already reported as a set difference
            }
        }
        failures
    }

    fn the_file_holds_162_cases() {
        let file = load();
        assert_eq!(file.count, 162, "the spec's declared count");
        assert_eq!(file.cases.len(), file.count, "cases present");
    }

    /// One case: every failure listed, then the test fails.
    fn check_case(case: &Case) {
        let report: Vec<String> = failures_of(case)
            .into_iter()
            .map(|failure| {
                format!(
                    "{} ({}, {}): {failure}",
                    case.id, case.api, case.description
                )
            })
            .collect();
        for line in &report {
            eprintln!("{line}");
        }
        assert!(
            report.is_empty(),
            "{} failure(s), listed above",
            report.len()
        );
    }

    fn cases_cover_every_endpoint_and_both_modes() {
        let file = load();
        for api in Api::ALL {
            assert!(
                file.cases.iter().any(|c| c.api == api.name()),
                "no case for {api}"
            );
        }
        assert!(file.cases.iter().any(|c| c.mode == Some(Mode::Raw)));
        assert!(file
            .cases
            .iter()
            .filter(|c| c.api == "inviteMeeting")
            .all(|c| c.clock.is_some()));
    }

    pub fn main() {
        let mut trials = vec![
            Trial::test("the_file_holds_162_cases", || {
                the_file_holds_162_cases();
                Ok(())
            }),
            Trial::test("cases_cover_every_endpoint_and_both_modes", || {
                cases_cover_every_endpoint_and_both_modes();
                Ok(())
            }),
        ];
        for case in load().cases {
            trials.push(Trial::test(case.id.clone(), move || {
                check_case(&case);
                Ok(())
            }));
        }
        libtest_mimic::run(&Arguments::from_args(), trials).exit();
    }
}

#[cfg(feature = "full")]
fn main() {
    cases::main();
}

#[cfg(not(feature = "full"))]
fn main() {}
