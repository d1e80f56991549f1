//! Every scenario of `spec/sandbox_cases.json` (spec §11.2) through the pure emulator.
#![cfg(feature = "sandbox")]

#[path = "support/sandbox_runner.rs"]
mod sandbox_runner;

use sandbox_runner::{CasesFile, SandboxTransport};
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

#[test]
fn every_scenario_passes_against_the_pure_emulator() {
    let cases = CasesFile::parse(include_str!("../../spec/sandbox_cases.json"));
    assert_eq!(cases.format, "signkit sandbox cases, format 1");
    assert_eq!(cases.scenarios.len(), 38);
    assert_eq!(cases.count, cases.scenarios.len());
    let mut transport = PureTransport {
        sandbox: Sandbox::demo(),
        now: 0,
    };
    let failures = cases.run_all(&mut transport);
    assert!(
        failures.is_empty(),
        "{} failed expectations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
