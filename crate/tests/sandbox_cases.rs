//! Every scenario of `spec/sandbox_cases.json` (spec §11.2) through the pure emulator: one
//! test per scenario, named by its id (`cargo test -p signkit --features sandbox --test
//! sandbox_cases S20`), plus the file's counts (libtest-mimic, `harness = false`). Needs
//! feature `sandbox`.

#[cfg(feature = "sandbox")]
#[path = "support/sandbox_runner.rs"]
// Shared with the HTTP conformance run and the fuzz seeder; this file uses `run_one` only.
#[allow(dead_code)]
mod sandbox_runner;

#[cfg(feature = "sandbox")]
mod cases {
    use std::sync::Arc;

    use crate::sandbox_runner::{CasesFile, SandboxTransport};
    use libtest_mimic::{Arguments, Trial};
    use signkit::sandbox::{HttpRequest, HttpResponse, Sandbox};
    use signkit::BeijingTime;

    /// The pure emulator with a frozen clock.
    struct PureTransport {
        sandbox: Sandbox,
        now: i64,
    }

    impl SandboxTransport for PureTransport {
        fn reset(&mut self, fixtures_json: &str, seed: u64) {
            self.sandbox
                .reset(Some(fixtures_json), Some(seed))
                .expect("the fixtures load");
        }

        fn set_clock(&mut self, clock: &str) {
            self.now = BeijingTime::parse(clock)
                .expect("a yyyyMMddHHmmss clock")
                .to_unix();
        }

        fn send(&mut self, request: HttpRequest) -> HttpResponse {
            self.sandbox.handle(&request, self.now)
        }

        fn outbound_json(&mut self) -> String {
            self.sandbox.outbound_json()
        }
    }

    fn load() -> CasesFile {
        CasesFile::parse(include_str!("../../spec/sandbox_cases.json"))
    }

    fn the_file_holds_38_scenarios() {
        let cases = load();
        assert_eq!(cases.format, "signkit sandbox cases, format 1");
        assert_eq!(cases.scenarios.len(), 38);
        assert_eq!(cases.count, cases.scenarios.len());
    }

    /// One scenario against a fresh emulator: every failed expectation listed, then the test
    /// fails.
    fn check_scenario(cases: &CasesFile, index: usize) {
        let mut transport = PureTransport {
            sandbox: Sandbox::demo(),
            now: 0,
        };
        let failures = cases.run_one(&cases.scenarios[index], &mut transport);
        assert!(
            failures.is_empty(),
            "{} failed expectations:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    pub fn main() {
        let cases = Arc::new(load());
        let mut trials = vec![Trial::test("the_file_holds_38_scenarios", || {
            the_file_holds_38_scenarios();
            Ok(())
        })];
        for (index, scenario) in cases.scenarios.iter().enumerate() {
            let cases = Arc::clone(&cases);
            trials.push(Trial::test(scenario.id.clone(), move || {
                check_scenario(&cases, index);
                Ok(())
            }));
        }
        libtest_mimic::run(&Arguments::from_args(), trials).exit();
    }
}

#[cfg(feature = "sandbox")]
fn main() {
    cases::main();
}

#[cfg(not(feature = "sandbox"))]
fn main() {}
