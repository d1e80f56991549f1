//! The sandbox-defined control endpoints under `/_sandbox/` (spec §10.5), a prefix no vendor
//! path uses: reading them is pure (request → [`Action`] or an error answer); executing them is
//! [`crate::front`]'s job.

use signkit::sandbox::{HttpRequest, HttpResponse};

use crate::clock::Clock;
use crate::wire::path_of;

/// Paths under this prefix are control endpoints, never passed to the emulator.
pub const PREFIX: &str = "/_sandbox";

/// Largest body a control endpoint accepts: a fixtures document for `POST /_sandbox/reset`
/// may be much larger than a vendor request (the vendor limit is the state's `maxBodyBytes`).
pub const CONTROL_BODY_LIMIT: usize = 8 * 1024 * 1024;

/// What a control request asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// `GET /_sandbox/health`: readiness.
    Health,
    /// `GET /_sandbox/state[?secrets=1]`: the whole state document, its secrets and tokens
    /// redacted unless `secrets` (spec §10.9 rule 4).
    State {
        /// `?secrets=1`: show them.
        secrets: bool,
    },
    /// `GET /_sandbox/outbound`: the recorded outbound requests.
    Outbound,
    /// `POST /_sandbox/reset[?seed=N]`: reload fixtures (the body's, or the configured ones).
    Reset {
        /// Fixtures from the body; `None` for an empty body.
        fixtures: Option<String>,
        /// `?seed=N`.
        seed: Option<u64>,
    },
    /// `PUT /_sandbox/clock`: freeze the clock or return to the system clock.
    SetClock(Clock),
}

/// Whether `target` addresses a control endpoint.
pub fn is_control(target: &str) -> bool {
    let path = path_of(target);
    path == PREFIX
        || path
            .strip_prefix(PREFIX)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Reads a control request (one for which [`is_control`] holds): the action, or the error
/// answer (`404` unknown endpoint, `405` wrong method, `400` bad input).
pub fn parse(request: &HttpRequest) -> Result<Action, HttpResponse> {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((&request.target, ""));
    let method = request.method.as_str();
    let endpoint = path.strip_prefix(PREFIX).unwrap_or(path);
    let allowed = match endpoint {
        "/health" | "/state" | "/outbound" => "GET, HEAD",
        "/reset" => "POST",
        "/clock" => "PUT",
        _ => {
            return Err(error(
                404,
                &format!(
                    "no control endpoint {path}; there are GET {PREFIX}/state, GET {PREFIX}/outbound, POST {PREFIX}/reset, PUT {PREFIX}/clock and GET {PREFIX}/health"
                ),
            ))
        }
    };
    if !allowed.split(", ").any(|m| m == method) {
        let mut response = error(405, &format!("{path} accepts {allowed}, not {method}"));
        response.headers.push(("Allow".into(), allowed.into()));
        return Err(response);
    }
    match endpoint {
        "/health" => Ok(Action::Health),
        "/state" => Ok(Action::State {
            secrets: secrets_parameter(query)?,
        }),
        "/outbound" => Ok(Action::Outbound),
        "/reset" => Ok(Action::Reset {
            fixtures: body_text(request, "the fixtures")?.filter(|text| !text.trim().is_empty()),
            seed: seed_parameter(query)?,
        }),
        _ => {
            let text = body_text(request, "the clock")?.unwrap_or_default();
            Clock::from_control_body(&text).map(Action::SetClock).ok_or_else(|| {
                error(
                    400,
                    &format!(
                        "clock `{}` is invalid: send yyyyMMddHHmmss (UTC+8, a valid date and time, e.g. 20261125100000) or `now` for the system clock",
                        text.trim()
                    ),
                )
            })
        }
    }
}

/// The body as UTF-8 text (`None` when empty).
fn body_text(request: &HttpRequest, what: &str) -> Result<Option<String>, HttpResponse> {
    if request.body.is_empty() {
        return Ok(None);
    }
    String::from_utf8(request.body.clone())
        .map(Some)
        .map_err(|_| error(400, &format!("the body ({what}) is not UTF-8 text")))
}

/// The values of the query parameters called `name`, in order (not percent-decoded: the
/// control parameters are plain digits).
fn query_values<'q>(query: &'q str, name: &'q str) -> impl Iterator<Item = &'q str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(move |(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// `seed=N` from the query (the last one wins, as in the vendor's parsers); other parameters
/// are ignored.
fn seed_parameter(query: &str) -> Result<Option<u64>, HttpResponse> {
    let mut seed = None;
    for value in query_values(query, "seed") {
        seed = Some(crate::cli::parse_decimal(value).ok_or_else(|| {
            error(
                400,
                &format!("seed `{value}` is invalid: expected a whole number 0 <= N < 2^64, e.g. ?seed=42"),
            )
        })?);
    }
    Ok(seed)
}

/// `secrets=1` in the query shows the secrets, `secrets=0` (or none) hides them (the last one
/// wins); any other value is refused rather than guessed at.
fn secrets_parameter(query: &str) -> Result<bool, HttpResponse> {
    let mut show = false;
    for value in query_values(query, "secrets") {
        show = match value {
            "1" => true,
            "0" => false,
            _ => {
                return Err(error(
                    400,
                    &format!("secrets `{value}` is invalid: ?secrets=1 shows the secrets and tokens, without it they are redacted"),
                ))
            }
        };
    }
    Ok(show)
}

/// A `200` JSON answer.
pub fn json(body: String) -> HttpResponse {
    HttpResponse {
        status: 200,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.into_bytes(),
    }
}

/// `200 {"ok":true}`.
pub fn ok() -> HttpResponse {
    json("{\"ok\":true}".into())
}

/// `{"ok":false,"error":message}` with `status`.
pub fn error(status: u16, message: &str) -> HttpResponse {
    // Written by hand to keep `ok` first (serde_json's map sorts keys).
    let mut response = json(format!(
        "{{\"ok\":false,\"error\":{}}}",
        serde_json::Value::from(message)
    ));
    response.status = status;
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use signkit::BeijingTime;

    fn request(method: &str, target: &str, body: &str) -> HttpRequest {
        HttpRequest {
            method: method.into(),
            target: target.into(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn parsed(method: &str, target: &str, body: &str) -> Result<Action, (u16, String)> {
        parse(&request(method, target, body)).map_err(|response| {
            let text = String::from_utf8(response.body).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(value["ok"], false);
            (response.status, value["error"].as_str().unwrap().to_owned())
        })
    }

    #[test]
    fn prefix_matching() {
        assert!(is_control("/_sandbox/state"));
        assert!(is_control("/_sandbox"));
        assert!(is_control("/_sandbox/?x"));
        assert!(!is_control("/_sandboxes/state"));
        assert!(!is_control("/weiboapi/v2/createGroup?/_sandbox/state"));
    }

    #[test]
    fn actions() {
        assert_eq!(parsed("GET", "/_sandbox/health", ""), Ok(Action::Health));
        assert_eq!(
            parsed("HEAD", "/_sandbox/state?pretty", ""),
            Ok(Action::State { secrets: false })
        );
        assert_eq!(
            parsed("GET", "/_sandbox/state?secrets=1", ""),
            Ok(Action::State { secrets: true })
        );
        assert_eq!(
            parsed("GET", "/_sandbox/state?secrets=1&secrets=0", ""),
            Ok(Action::State { secrets: false })
        );
        assert_eq!(
            parsed("GET", "/_sandbox/outbound", ""),
            Ok(Action::Outbound)
        );
        assert_eq!(
            parsed("POST", "/_sandbox/reset", ""),
            Ok(Action::Reset {
                fixtures: None,
                seed: None
            })
        );
        assert_eq!(
            parsed("POST", "/_sandbox/reset?x=1&seed=7&seed=42", " {} "),
            Ok(Action::Reset {
                fixtures: Some(" {} ".into()),
                seed: Some(42)
            })
        );
        assert_eq!(
            parsed("PUT", "/_sandbox/clock", "20261125100000"),
            Ok(Action::SetClock(Clock::Frozen(
                BeijingTime::parse("20261125100000").unwrap()
            )))
        );
        assert_eq!(
            parsed("PUT", "/_sandbox/clock", "now"),
            Ok(Action::SetClock(Clock::System))
        );
    }

    #[test]
    fn errors_are_json_and_say_what_to_send() {
        let (status, message) = parsed("PUT", "/_sandbox/clock", "2026-11-25").unwrap_err();
        assert_eq!(status, 400);
        assert!(message.contains("yyyyMMddHHmmss"), "{message}");
        let (status, message) = parsed("GET", "/_sandbox/state?secrets=yes", "").unwrap_err();
        assert_eq!(status, 400);
        assert!(message.contains("?secrets=1"), "{message}");
        let (status, message) = parsed("POST", "/_sandbox/reset?seed=-1", "").unwrap_err();
        assert_eq!(status, 400);
        assert!(message.contains("seed `-1`"), "{message}");
        assert_eq!(parsed("POST", "/_sandbox/state", "").unwrap_err().0, 405);
        assert_eq!(parsed("GET", "/_sandbox/reset", "").unwrap_err().0, 405);
        assert_eq!(parsed("GET", "/_sandbox/nothing", "").unwrap_err().0, 404);
        assert_eq!(parsed("GET", "/_sandbox", "").unwrap_err().0, 404);
        let mut invalid = request("PUT", "/_sandbox/clock", "");
        invalid.body = vec![0xff];
        assert_eq!(parse(&invalid).unwrap_err().status, 400);
    }

    #[test]
    fn error_body_shape() {
        let response = error(400, "a \"quoted\" 值");
        assert_eq!(response.status, 400);
        assert_eq!(
            String::from_utf8(response.body).unwrap(),
            r#"{"ok":false,"error":"a \"quoted\" 值"}"#
        );
    }

    #[test]
    fn method_not_allowed_names_the_allowed_ones() {
        let response = parse(&request("DELETE", "/_sandbox/clock", "")).unwrap_err();
        assert!(response.headers.contains(&("Allow".into(), "PUT".into())));
    }
}
