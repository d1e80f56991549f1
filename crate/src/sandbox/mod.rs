//! A pure emulator of the daoke and YTX servers (spec §10).
//!
//! [`Sandbox::handle`] is a function of (state, clock, raw HTTP request) → (response, new
//! state). It routes and parses bodies with the vendor's own parsers and quirks (the
//! [`crate::server`] module, shared with the sign doctor), runs every check in
//! the server's order, answers with the exact bytes, content types and statuses of the
//! real servers (or the spec's sandbox-defined answers), and records every request the
//! real server would send to a third party in the state's `outbound` list instead of
//! sending it. There is no IO, no clock and no randomness of its own: the clock is an
//! argument and the random source (SplitMix64) lives in the state document.
//!
//! The `/_sandbox/*` control endpoints of spec §10.5 belong to the HTTP front door, which
//! implements them with [`Sandbox::reset`], [`Sandbox::state_json`] (or
//! [`Sandbox::redacted_state_json`]) and [`Sandbox::outbound_json`].
//!
//! ```
//! use signkit::sandbox::{HttpRequest, Sandbox};
//!
//! let mut sandbox = Sandbox::demo();
//! let request = HttpRequest {
//!     method: "POST".into(),
//!     target: "/weiboapi/v2/createGroup".into(),
//!     headers: vec![("Content-Type".into(), "application/x-www-form-urlencoded".into())],
//!     body: Vec::new(),
//! };
//! let response = sandbox.handle(&request, 1_764_036_000);
//! assert_eq!(response.status, 200);
//! assert_eq!(response.body, b"{\"ERRORCODE\":\"ME01024\", \"RESULT\":\"http body is null!\"}\n");
//! ```

mod daoke;
mod fixtures;
mod reply;
mod sql;
pub mod state;
mod ytx;

pub use crate::server::HttpRequest;
pub use fixtures::DEMO_FIXTURES_JSON;
pub use state::State;

use crate::server::{route, Route};
use crate::text::Bilingual;

/// The sandbox's answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// The HTTP status (200 for every vendor answer, 404 and 413 for the sandbox-defined
    /// ones).
    pub status: u16,
    /// The header fields (at least `Content-Type`).
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The value of the first header called `name` (any letter case).
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::server::header_value(&self.headers, name)
    }
}

/// A fixtures or state document that cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    message: Bilingual,
}

impl ConfigError {
    fn invalid_document(cause: &serde_json::Error) -> Self {
        ConfigError {
            message: Bilingual::owned(
                format!(
                    "the sandbox fixtures/state document is not valid: {cause}. Fix that key or value; \
                     spec §10.2 lists every key, its type and its default"
                ),
                format!("沙箱的夹具/状态文档无效：{cause}。请修正该键或值；规范 §10.2 列出了每个键、其类型及默认值"),
            ),
        }
    }

    /// The message, in English and Chinese.
    pub fn message(&self) -> &Bilingual {
        &self.message
    }
}

impl core::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.message.fmt(f)
    }
}

impl std::error::Error for ConfigError {}

/// The emulator: the current state plus the configuration a reset returns to.
#[derive(Clone, Debug, PartialEq)]
pub struct Sandbox {
    state: State,
    /// The fixtures a reset without a document restores.
    configured: State,
    /// The seed a reset without a seed uses.
    configured_seed: u64,
}

impl Sandbox {
    /// The default demo fixtures (spec §10.3), seed 0.
    pub fn demo() -> Sandbox {
        match Sandbox::from_config_json(DEMO_FIXTURES_JSON) {
            Ok(sandbox) => sandbox,
            // The demo document is a constant checked by the tests; this arm is unreachable.
            Err(error) => unreachable!("the embedded demo fixtures do not load: {error}"),
        }
    }

    /// A sandbox configured with a fixtures document (spec §10.2; the minimal shape loads,
    /// unknown keys are ignored, omitted keys take their defaults). Its seed is the
    /// document's `sandbox.seed`.
    pub fn from_config_json(json: &str) -> Result<Sandbox, ConfigError> {
        let state = parse_state(json)?;
        Ok(Sandbox {
            configured_seed: state.sandbox.seed,
            configured: state.clone(),
            state,
        })
    }

    /// A sandbox resumed from a persisted state document (the same schema as the fixtures,
    /// spec §10.2: the random source continues from `sandbox.rngState`). A reset returns
    /// to this document with the random source at its seed and `outbound` cleared; to
    /// keep other fixtures for resets, use [`Sandbox::from_config_json`] and then
    /// [`Sandbox::load_state`].
    pub fn from_state_json(json: &str) -> Result<Sandbox, ConfigError> {
        Sandbox::from_config_json(json)
    }

    /// Replaces the current state by a persisted state document, keeping the configured
    /// fixtures and seed for later resets.
    pub fn load_state(&mut self, json: &str) -> Result<(), ConfigError> {
        self.state = parse_state(json)?;
        Ok(())
    }

    /// The whole state document (spec §10.2), pretty-printed JSON with a deterministic key
    /// order. It contains the secrets and tokens of the fixtures.
    pub fn state_json(&self) -> String {
        to_json(&self.state)
    }

    /// The state document with its secrets and tokens redacted ([`State::redacted`]).
    pub fn redacted_state_json(&self) -> String {
        to_json(&self.state.redacted())
    }

    /// The `outbound` array (spec §10.5).
    pub fn outbound_json(&self) -> String {
        to_json(&self.state.outbound)
    }

    /// `POST /_sandbox/reset` (spec §10.5): restores the configured fixtures, or `fixtures`
    /// when given; resets the random source to the configured seed, or `seed` when given;
    /// clears `outbound`. On error the sandbox is unchanged.
    pub fn reset(&mut self, fixtures: Option<&str>, seed: Option<u64>) -> Result<(), ConfigError> {
        let mut fresh = match fixtures {
            Some(json) => parse_state(json)?,
            None => self.configured.clone(),
        };
        let seed = seed.unwrap_or(self.configured_seed);
        fresh.sandbox.seed = seed;
        fresh.sandbox.rng_state = Some(seed);
        fresh.outbound.clear();
        self.state = fresh;
        Ok(())
    }

    /// Answers one raw request at the instant `now_unix` (Unix seconds), updating the
    /// state as the real server would. Never panics.
    pub fn handle(&mut self, request: &HttpRequest, now_unix: i64) -> HttpResponse {
        if request.body.len() > self.state.sandbox.max_body_bytes {
            return reply::too_large();
        }
        match route(request.path()) {
            Route::Daoke(api) => daoke::handle(api, &mut self.state, request, now_unix),
            Route::Ytx => ytx::handle(
                &mut self.state,
                request,
                request.path(),
                request.query(),
                now_unix,
            ),
            Route::Unknown => reply::not_found(),
        }
    }

    /// The current state (groups, invitations, outbound records, …).
    pub fn state(&self) -> &State {
        &self.state
    }
}

/// Parses a fixtures/state document and writes the defaults that depend on other keys
/// (`rngState` = seed, `updateTime` = `createTime`), so the state document always shows
/// them.
fn parse_state(json: &str) -> Result<State, ConfigError> {
    let mut state: State =
        serde_json::from_str(json).map_err(|e| ConfigError::invalid_document(&e))?;
    let settings = &mut state.sandbox;
    settings.rng_state.get_or_insert(settings.seed);
    let daoke = &mut state.daoke;
    for group in &mut daoke.groups {
        group.update_time.get_or_insert(group.create_time);
    }
    for membership in daoke
        .memberships
        .iter_mut()
        .chain(daoke.membership_history.iter_mut())
    {
        membership.update_time.get_or_insert(membership.create_time);
    }
    Ok(state)
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // The state types serialise infallibly (string keys, no custom failing serialisers).
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\":{}}}", reply::json_string(&e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_fixtures_equal_the_conformance_file() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../../../spec/sandbox_cases.json")).unwrap();
        let demo: serde_json::Value = serde_json::from_str(DEMO_FIXTURES_JSON).unwrap();
        assert_eq!(cases["fixtures"], demo);
    }

    #[test]
    fn minimal_shape_loads_with_defaults() {
        let minimal = r#"{"daoke": {"apps": [{"appKey": "1", "secret": "s"}], "accounts": ["a"],
            "accessTokens": [{"appKey": "1", "accountID": "a", "token": "t", "expiresAt": 0}],
            "cityCodes": ["110000"], "catalogIDs": ["111111"]},
            "ytx": {"accounts": [{"accountSID": "x", "authToken": "y", "appids": ["z"]}]}, "extra": 1}"#;
        let sandbox = Sandbox::from_config_json(minimal).unwrap();
        let state = sandbox.state();
        assert_eq!(state.sandbox.rng_state, Some(0));
        assert_eq!(state.sandbox.body_buffer_bytes, 8192);
        assert_eq!(state.sandbox.max_body_bytes, 1_048_576);
        assert_eq!(state.ytx.next_request_seq, 1);
        assert!(state.daoke.access_tokens[0].weibo_info);
        assert_eq!(state.ytx.environment, crate::ytx::YtxEnvironment::Sandbox);
    }

    #[test]
    fn bad_documents_give_a_bilingual_error_naming_the_key() {
        let error =
            Sandbox::from_config_json(r#"{"daoke": {}, "ytx": {"accounts": []}}"#).unwrap_err();
        assert!(error.message().en.contains("apps"), "{error}");
        assert!(!error.message().zh.is_empty());
        let error =
            Sandbox::from_config_json(&DEMO_FIXTURES_JSON.replace("\"cacheError\"", "\"boom\""))
                .unwrap_err();
        assert!(error.to_string().contains("boom"), "{error}");
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let debug = format!("{:?}", Sandbox::demo());
        assert!(!debug.contains("DEMO-SECRET"));
        assert!(!debug.contains("cc7df2350a7755214dc93df48e15d682"));
        assert!(!debug.contains("0123456789abcdef0123456789abcdef"));
    }

    #[test]
    fn redacted_state_hides_every_secret_and_token_and_nothing_else() {
        let sandbox = Sandbox::demo();
        let full: serde_json::Value = serde_json::from_str(&sandbox.state_json()).unwrap();
        let shown: serde_json::Value =
            serde_json::from_str(&sandbox.redacted_state_json()).unwrap();
        let mut expected = full.clone();
        for (list, key) in [
            ("/daoke/apps", "secret"),
            ("/daoke/accessTokens", "token"),
            ("/ytx/accounts", "authToken"),
        ] {
            let entries = expected.pointer_mut(list).unwrap().as_array_mut().unwrap();
            assert!(!entries.is_empty(), "{list}");
            for entry in entries {
                entry[key] = state::REDACTED.into();
            }
        }
        assert_eq!(shown, expected);
        let text = sandbox.redacted_state_json();
        for secret in [
            "DEMO-SECRET",
            "cc7df2350a7755214dc93df48e15d682",
            "0123456789abcdef0123456789abcdef",
        ] {
            assert!(!text.contains(secret), "{secret}");
        }
        // Redacting is a view: the state itself keeps its secrets.
        assert_eq!(
            sandbox.state().daoke.apps[0].secret,
            "DEMO-SECRET-not-for-production"
        );
    }

    #[test]
    fn routing() {
        let mut sandbox = Sandbox::demo();
        let request = |target: &str| HttpRequest {
            method: "POST".into(),
            target: target.into(),
            ..HttpRequest::default()
        };
        for path in [
            "/",
            "/weiboapi/v2/createGroupX",
            "/x/y/sid",
            "//sid/a",
            "/_sandbox/state",
        ] {
            let r = sandbox.handle(&request(path), 0);
            assert_eq!(
                (r.status, r.body.as_slice()),
                (404, &b"sandbox: no such endpoint\n"[..]),
                "{path}"
            );
        }
        let r = sandbox.handle(&request("/x/sid"), 0);
        assert!(String::from_utf8(r.body).unwrap().contains("SBX001"));
        let r = sandbox.handle(&request("/weiboapi/v2/createGroup?x=1"), 0);
        assert!(String::from_utf8(r.body).unwrap().contains("ME01024"));
    }
}
