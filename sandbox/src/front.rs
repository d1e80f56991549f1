//! The front door proper: who may come in ([`crate::access`]), one emulator behind one lock,
//! the control endpoints, CORS, and persistence of every change before it is acknowledged.
//!
//! Requests are serialised (the emulator is a state machine). The critical section is the
//! emulator call plus, with `--state`, comparing the state with the last snapshot (and copying
//! it when it changed). HTTP parsing happens before it; serialising and writing the state file
//! after it (see [`Persister`] for why that keeps the order and shares file writes).

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use signkit::sandbox::{
    ConfigError, HttpRequest, HttpResponse, Sandbox, State, DEMO_FIXTURES_JSON,
};

use crate::access::{AccessPolicy, Admission, Refusal};
use crate::clock::Clock;
use crate::control::{self, Action, CONTROL_BODY_LIMIT};
use crate::cors;
use crate::state_file::{Persister, Snapshot, StateFile};

/// Where the fixtures come from: the ones `POST /_sandbox/reset` with an empty body restores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixtures {
    /// The fixtures document.
    pub json: String,
    /// Where it came from, for the start-up banner.
    pub origin: FixturesOrigin,
    /// `--seed`: replaces the document's `sandbox.seed`.
    pub seed: Option<u64>,
}

/// The origin of the configured fixtures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixturesOrigin {
    /// The built-in demo fixtures (spec §10.3).
    Demo,
    /// A `--config` file.
    File(String),
}

impl Fixtures {
    /// The demo fixtures of spec §10.3.
    pub fn demo(seed: Option<u64>) -> Fixtures {
        Fixtures {
            json: DEMO_FIXTURES_JSON.to_owned(),
            origin: FixturesOrigin::Demo,
            seed,
        }
    }
}

/// Why the front door could not start.
#[derive(Debug)]
pub enum StartError {
    /// The fixtures were rejected by the emulator.
    Fixtures(ConfigError),
    /// The state file exists but could not be read or was rejected.
    State {
        /// The state file.
        path: String,
        /// What went wrong.
        reason: String,
    },
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Fixtures(error) => write!(f, "the fixtures are invalid: {error}"),
            StartError::State { path, reason } => write!(
                f,
                "state file {path}: {reason} (fix it, or delete it to start from the fixtures)"
            ),
        }
    }
}

impl std::error::Error for StartError {}

/// Where the running state came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateOrigin {
    /// Loaded from the state file.
    Loaded,
    /// Created from the fixtures (and, with `--state`, written to a new state file).
    Fresh,
}

/// The front door: emulator, clock and persistence, shared by all connections.
pub struct FrontDoor {
    inner: Mutex<Inner>,
    /// `sandbox.maxBodyBytes` of the current state, readable without the lock.
    max_body_bytes: AtomicUsize,
    fixtures_origin: FixturesOrigin,
    /// `--seed`: the seed of resets that restore the configured fixtures without `?seed=`.
    seed: Option<u64>,
    persister: Option<Persister<State>>,
    access: AccessPolicy,
}

struct Inner {
    sandbox: Sandbox,
    clock: Clock,
    /// With `--state`: the last snapshot taken, to tell whether a request changed the state.
    last_snapshot: Option<Snapshot<State>>,
}

impl FrontDoor {
    /// Configures the emulator with `fixtures` (what a reset restores), then resumes the state
    /// file when it exists, else writes a new one from the fixtures. `access` says which hosts
    /// and origins besides the loopback ones may come in.
    pub fn open(
        fixtures: Fixtures,
        clock: Clock,
        state_file: Option<StateFile>,
        access: AccessPolicy,
    ) -> Result<(FrontDoor, StateOrigin), StartError> {
        let mut sandbox =
            Sandbox::from_config_json(&fixtures.json).map_err(StartError::Fixtures)?;
        if fixtures.seed.is_some() {
            sandbox
                .reset(None, fixtures.seed)
                .map_err(StartError::Fixtures)?;
        }
        let state_error = |file: &StateFile, reason: String| StartError::State {
            path: file.path().display().to_string(),
            reason,
        };
        let saved = match &state_file {
            Some(file) => file
                .read()
                .map_err(|error| state_error(file, error.to_string()))?,
            None => None,
        };
        let origin = match (&state_file, saved) {
            (Some(file), Some(text)) => {
                sandbox
                    .load_state(&text)
                    .map_err(|error| state_error(file, error.to_string()))?;
                StateOrigin::Loaded
            }
            _ => StateOrigin::Fresh,
        };
        let persister = match state_file {
            Some(file) => {
                if origin == StateOrigin::Fresh {
                    file.write_atomic(&sandbox.state_json()).map_err(|error| {
                        state_error(&file, format!("cannot be written: {error}"))
                    })?;
                }
                Some(Persister::new(file, 0))
            }
            None => None,
        };
        let last_snapshot = persister.as_ref().map(|_| Snapshot {
            version: 0,
            state: Arc::new(sandbox.state().clone()),
        });
        let front = FrontDoor {
            max_body_bytes: AtomicUsize::new(max_body_bytes(&sandbox)),
            inner: Mutex::new(Inner {
                sandbox,
                clock,
                last_snapshot,
            }),
            fixtures_origin: fixtures.origin,
            seed: fixtures.seed,
            persister,
            access,
        };
        Ok((front, origin))
    }

    /// Where the configured fixtures come from.
    pub fn fixtures_origin(&self) -> &FixturesOrigin {
        &self.fixtures_origin
    }

    /// Who may come in, besides the loopback hosts and origins.
    pub fn access(&self) -> &AccessPolicy {
        &self.access
    }

    /// Spec §10.9 rules 1 and 2 on a request head: call it before reading the body, and answer
    /// a refusal with [`Refusal::response`] without going further.
    pub fn admit(&self, headers: &[(String, String)]) -> Result<Admission, Refusal> {
        self.access.admit(headers)
    }

    /// The current clock setting.
    pub fn clock(&self) -> Clock {
        self.lock().clock
    }

    /// Largest body accepted for `path`: the state's `maxBodyBytes` for vendor paths, a fixed
    /// larger limit for the control endpoints.
    pub fn body_limit(&self, target: &str) -> usize {
        if control::is_control(target) {
            CONTROL_BODY_LIMIT.max(self.max_body_bytes.load(Ordering::Relaxed))
        } else {
            self.max_body_bytes.load(Ordering::Relaxed)
        }
    }

    /// Answers one admitted request (see [`FrontDoor::admit`]). Blocking (the lock, and with
    /// `--state` a file write and fsync): call it from a thread that may block.
    pub fn respond(&self, request: &HttpRequest, admission: &Admission) -> HttpResponse {
        let mut response = if cors::is_preflight(request) {
            cors::preflight_response(request)
        } else if control::is_control(&request.target) {
            match control::parse(request) {
                Ok(action) => self.control(action),
                Err(response) => response,
            }
        } else {
            self.change(|inner| {
                let now = inner.clock.now_unix();
                inner.sandbox.handle(request, now)
            })
        };
        admission.add_cors_headers(&mut response);
        response
    }

    fn control(&self, action: Action) -> HttpResponse {
        match action {
            Action::Health => control::ok(),
            Action::State { secrets: true } => control::json(self.lock().sandbox.state_json()),
            Action::State { secrets: false } => {
                control::json(self.lock().sandbox.redacted_state_json())
            }
            Action::Outbound => control::json(self.lock().sandbox.outbound_json()),
            Action::SetClock(clock) => {
                self.lock().clock = clock;
                control::ok()
            }
            Action::Reset { fixtures, seed } => self.change(|inner| {
                // The random source restarts at `?seed=`, else at the configured seed (spec
                // §10.5), which `--seed` overrides.
                let seed = seed.or(self.seed);
                match inner.sandbox.reset(fixtures.as_deref(), seed) {
                    Ok(()) => {
                        self.max_body_bytes
                            .store(max_body_bytes(&inner.sandbox), Ordering::Relaxed);
                        control::ok()
                    }
                    Err(error) => control::error(400, &error.message().en),
                }
            }),
        }
    }

    /// Runs `f` in the critical section. With `--state`, the answer waits until the state it
    /// was computed from is on disk: its own change, and any change by an earlier request
    /// still being written (an answer must not reveal a change that a crash could still
    /// undo). If the write fails the answer becomes a `500`.
    fn change(&self, f: impl FnOnce(&mut Inner) -> HttpResponse) -> HttpResponse {
        let (response, snapshot) = {
            let mut inner = self.lock();
            let response = f(&mut inner);
            let snapshot = inner.current_snapshot();
            (response, snapshot)
        };
        match (&self.persister, snapshot) {
            (Some(persister), Some(snapshot)) => match persister.persist(&snapshot) {
                Ok(()) => response,
                Err(error) => control::error(
                    500,
                    &format!(
                        "the change was applied but the state file {} could not be written: {error}",
                        persister.file().path().display()
                    ),
                ),
            },
            _ => response,
        }
    }

    /// The emulator's contract is to never panic; should it anyway, the next request still
    /// gets an answer (from the state as the panic left it) instead of a poisoned lock.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Inner {
    /// With `--state`: the snapshot of the current state, a new version when the state
    /// differs from the last snapshot. Comparing state values is much cheaper than
    /// serialising them; a copy is made only for a change, which has to be written anyway.
    fn current_snapshot(&mut self) -> Option<Snapshot<State>> {
        let last = self.last_snapshot.as_mut()?;
        if *last.state != *self.sandbox.state() {
            *last = Snapshot {
                version: last.version + 1,
                state: Arc::new(self.sandbox.state().clone()),
            };
        }
        Some(last.clone())
    }
}

/// `sandbox.maxBodyBytes` of the sandbox's state.
fn max_body_bytes(sandbox: &Sandbox) -> usize {
    sandbox.state().sandbox.max_body_bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use signkit::BeijingTime;
    use std::fs;
    use std::path::PathBuf;

    fn open(fixtures: Fixtures, state_file: Option<StateFile>) -> (FrontDoor, StateOrigin) {
        let clock = Clock::Frozen(BeijingTime::parse("20261125100000").unwrap());
        FrontDoor::open(fixtures, clock, state_file, AccessPolicy::default()).unwrap()
    }

    /// Answers `request` as the connection does: admission first.
    fn respond(front: &FrontDoor, request: &HttpRequest) -> HttpResponse {
        match front.admit(&request.headers) {
            Ok(admission) => front.respond(request, &admission),
            Err(refusal) => refusal.response(),
        }
    }

    fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &str) -> HttpRequest {
        HttpRequest {
            method: method.into(),
            target: target.into(),
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).into(), (*v).into()))
                .collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("signkit-front-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    const ONE_ACCOUNT: &str = r#"{"daoke": {"apps": [], "accounts": ["Zzzzzzzzz1"], "accessTokens": [],
        "cityCodes": [], "catalogIDs": []}, "ytx": {"accounts": []}, "sandbox": {"maxBodyBytes": 10}}"#;

    #[test]
    fn body_limits_follow_the_state() {
        let (front, _) = open(Fixtures::demo(None), None);
        assert_eq!(front.body_limit("/weiboapi/v2/createGroup?x"), 1_048_576);
        assert_eq!(front.body_limit("/_sandbox/reset"), CONTROL_BODY_LIMIT);
        let answer = respond(
            &front,
            &request("POST", "/_sandbox/reset", &[], ONE_ACCOUNT),
        );
        assert_eq!(answer.body, b"{\"ok\":true}");
        assert_eq!(front.body_limit("/weiboapi/v2/createGroup"), 10);
        assert_eq!(front.body_limit("/_sandbox/reset"), CONTROL_BODY_LIMIT);
    }

    #[test]
    fn preflights_and_control_requests_do_not_reach_the_emulator() {
        let (front, _) = open(Fixtures::demo(None), None);
        let before = front.lock().sandbox.state_json();
        let preflight = respond(
            &front,
            &request(
                "OPTIONS",
                "/weiboapi/v2/createGroup",
                &[("Access-Control-Request-Method", "POST")],
                "",
            ),
        );
        assert_eq!(preflight.status, 204);
        // An OPTIONS that is not a preflight is a vendor request like any other method.
        let plain = respond(
            &front,
            &request("OPTIONS", "/weiboapi/v2/createGroup", &[], ""),
        );
        assert_eq!(plain.status, 200);
        assert!(String::from_utf8_lossy(&plain.body).contains("ME01024"));
        let outbound = respond(&front, &request("GET", "/_sandbox/outbound", &[], ""));
        assert_eq!(outbound.body, b"[]");
        assert_eq!(front.lock().sandbox.state_json(), before);
    }

    #[test]
    fn only_changes_are_written() {
        let dir = temp_dir("changes");
        let path = dir.join("state.json");
        let (front, origin) = open(Fixtures::demo(None), Some(StateFile::new(&path)));
        assert_eq!(origin, StateOrigin::Fresh);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            front.lock().sandbox.state_json()
        );
        fs::write(&path, "marker").unwrap();
        // A request that changes nothing (no body: ME01024) leaves the file alone...
        respond(
            &front,
            &request("POST", "/weiboapi/v2/createGroup", &[], ""),
        );
        respond(&front, &request("PUT", "/_sandbox/clock", &[], "now"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "marker");
        // ...a reset to other fixtures rewrites it.
        respond(
            &front,
            &request("POST", "/_sandbox/reset", &[], ONE_ACCOUNT),
        );
        let written: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            written["daoke"]["accounts"],
            serde_json::json!(["Zzzzzzzzz1"])
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_resumed_state_still_resets_to_the_configured_fixtures() {
        let dir = temp_dir("resume");
        let path = dir.join("state.json");
        fs::write(&path, ONE_ACCOUNT).unwrap();
        let (front, origin) = open(Fixtures::demo(Some(5)), Some(StateFile::new(&path)));
        assert_eq!(origin, StateOrigin::Loaded);
        assert_eq!(front.lock().sandbox.state().daoke.accounts, ["Zzzzzzzzz1"]);
        respond(&front, &request("POST", "/_sandbox/reset", &[], ""));
        let state = front.lock().sandbox.state().clone();
        assert!(state
            .daoke
            .accounts
            .iter()
            .any(|account| account == "O40cml0y5p"));
        assert_eq!(state.sandbox.seed, 5, "--seed is the configured seed");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_write_is_a_500_that_says_so() {
        let dir = temp_dir("unwritable");
        let path = dir.join("state.json");
        let (front, _) = open(Fixtures::demo(None), Some(StateFile::new(&path)));
        fs::remove_dir_all(&dir).unwrap();
        let answer = respond(
            &front,
            &request("POST", "/_sandbox/reset", &[], ONE_ACCOUNT),
        );
        assert_eq!(answer.status, 500);
        let text = String::from_utf8(answer.body).unwrap();
        assert!(text.contains("could not be written"), "{text}");
    }
}
