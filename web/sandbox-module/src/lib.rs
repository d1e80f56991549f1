//! The web app's in-browser sandbox, kept out of the first load: the app loads this module
//! (a second wasm module, built by Trunk next to the app) when the sandbox is first needed.
//!
//! The messages between the two are plain serde structs exchanged as JSON: a [`Question`]
//! (the exact request and the state the app keeps in `localStorage`), an [`Answer`] (the
//! response, what it recorded, the new state) and [`DemoValues`] (the fixtures' DEMO
//! credentials). [`answer`] and [`demo_values`] are pure; the app keeps storage and the clock.

use serde::{Deserialize, Serialize};
use signkit::sandbox::state::OutboundRecord;
use signkit::sandbox::{HttpRequest, Sandbox};

/// One request for the in-browser sandbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The persisted state document; `None` (or one that does not load) means fresh demo
    /// fixtures (spec §10.3).
    pub state: Option<String>,
    /// The request method.
    pub method: String,
    /// The request target (path and query).
    pub target: String,
    /// The header fields in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// "Now" in Unix seconds.
    pub now_unix: i64,
}

/// The sandbox's answer to a [`Question`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The answer's `Content-Type`.
    pub content_type: Option<String>,
    /// The body as text (bytes that are not UTF-8 become U+FFFD).
    pub body: String,
    /// The outbound calls this request recorded (spec §10.5).
    pub outbound: Vec<OutboundRecord>,
    /// The new state document, for the app to persist.
    pub state: String,
}

/// The public DEMO credentials of the default fixtures: the first daoke app and the first
/// YTX account with its first appid.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoValues {
    /// daoke `appKey`.
    pub app_key: String,
    /// daoke app secret.
    pub secret: String,
    /// YTX `accountSID`.
    pub account_sid: String,
    /// YTX `authToken`.
    pub auth_token: String,
    /// YTX `appid`.
    pub appid: String,
    /// The YTX platform of the fixtures (`sandbox` or `production`).
    pub ytx_env: String,
}

/// Answers `question` (spec §10: the same emulator as the HTTP sandbox).
pub fn answer(question: &Question) -> Answer {
    let mut sandbox = question
        .state
        .as_deref()
        .and_then(|json| Sandbox::from_state_json(json).ok())
        .unwrap_or_else(Sandbox::demo);
    let recorded_before = sandbox.state().outbound.len();
    let request = HttpRequest {
        method: question.method.clone(),
        target: question.target.clone(),
        headers: question.headers.clone(),
        body: question.body.clone(),
    };
    let response = sandbox.handle(&request, question.now_unix);
    Answer {
        status: response.status,
        content_type: response.header("Content-Type").map(String::from),
        body: String::from_utf8_lossy(&response.body).into_owned(),
        outbound: sandbox
            .state()
            .outbound
            .iter()
            .skip(recorded_before)
            .cloned()
            .collect(),
        state: sandbox.state_json(),
    }
}

/// The DEMO credentials, read from the fixtures themselves so they cannot drift apart.
pub fn demo_values() -> DemoValues {
    let sandbox = Sandbox::demo();
    let state = sandbox.state();
    let mut values = DemoValues {
        ytx_env: String::from(state.ytx.environment.name()),
        ..DemoValues::default()
    };
    if let Some(app) = state.daoke.apps.first() {
        values.app_key = app.app_key.clone();
        values.secret = String::from(app.secret.as_str());
    }
    if let Some(account) = state.ytx.accounts.first() {
        values.account_sid = account.account_sid.clone();
        values.auth_token = String::from(account.auth_token.as_str());
        values.appid = account.appids.first().cloned().unwrap_or_default();
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn create_group(state: Option<String>) -> Question {
        Question {
            state,
            method: String::from("POST"),
            target: String::from("/weiboapi/v2/createGroup"),
            headers: vec![(
                String::from("Content-Type"),
                String::from("application/x-www-form-urlencoded"),
            )],
            body: b"groupName=g&accountID=O40cml0y5p&appKey=1111111111&sign=0".to_vec(),
            now_unix: 1_764_043_200,
        }
    }

    #[test]
    fn a_fresh_sandbox_answers_and_its_state_carries_on() {
        let first = answer(&create_group(None));
        assert_eq!(first.status, 200);
        assert!(
            first.body.contains("ME01019"),
            "a wrong sign: {}",
            first.body
        );
        // The state travels: a broken document falls back to the fixtures.
        let again = answer(&create_group(Some(first.state.clone())));
        assert_eq!(again.body, first.body);
        let broken = answer(&create_group(Some(String::from("{"))));
        assert_eq!(broken.body, first.body);
    }

    #[test]
    fn demo_values_come_from_the_fixtures() {
        let demo = demo_values();
        assert_eq!(demo.app_key, "1111111111");
        assert_eq!(demo.secret, "DEMO-SECRET-not-for-production");
        assert_eq!(demo.appid, "ff8080813fc70a7b013fc72312324213");
        assert_eq!(demo.ytx_env, "sandbox");
    }
}
