//! CORS preflights, so the web app (or another page of an allowed origin, see [`crate::access`])
//! can call the sandbox from another origin. Spec §10.5 and §10.9 allow this; it is not vendor
//! behaviour, which is why it lives here and not in the emulator. Preflights from origins that
//! are not allowed never get here: [`crate::access`] refuses them with the other requests.

use signkit::sandbox::{HttpRequest, HttpResponse};

/// Methods a cross-origin page may use.
const ALLOW_METHODS: &str = "GET, HEAD, POST, PUT, OPTIONS";
/// Request headers a cross-origin page may send: what the builders send (and `Accept`, which
/// the YTX builder sets).
const ALLOW_HEADERS: &str = "Authorization, Content-Type, Accept";
/// How long a browser may cache a preflight answer, in seconds.
const MAX_AGE_SECONDS: &str = "600";

/// Whether `request` is a CORS preflight: `OPTIONS` with `Access-Control-Request-Method`.
/// Other `OPTIONS` requests go to the emulator like any method.
pub fn is_preflight(request: &HttpRequest) -> bool {
    request.method == "OPTIONS"
        && request
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("access-control-request-method"))
}

/// The answer to a preflight: `204` with the allowed methods and headers. A page of an allowed
/// origin that is not on this machine (`--allow-origin`) gets Chromium's Private Network Access
/// permission when its preflight asks for it.
pub fn preflight_response(request: &HttpRequest) -> HttpResponse {
    let mut headers = vec![
        ("Access-Control-Allow-Methods".into(), ALLOW_METHODS.into()),
        ("Access-Control-Allow-Headers".into(), ALLOW_HEADERS.into()),
        ("Access-Control-Max-Age".into(), MAX_AGE_SECONDS.into()),
    ];
    if request
        .header("Access-Control-Request-Private-Network")
        .is_some_and(|value| value.eq_ignore_ascii_case("true"))
    {
        headers.push(("Access-Control-Allow-Private-Network".into(), "true".into()));
    }
    HttpResponse {
        status: 204,
        headers,
        body: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, headers: &[(&str, &str)]) -> HttpRequest {
        HttpRequest {
            method: method.into(),
            target: "/weiboapi/v2/createGroup".into(),
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).into(), (*v).into()))
                .collect(),
            body: Vec::new(),
        }
    }

    #[test]
    fn only_options_with_request_method_is_a_preflight() {
        assert!(is_preflight(&request(
            "OPTIONS",
            &[("access-control-request-method", "POST")]
        )));
        assert!(!is_preflight(&request("OPTIONS", &[])));
        assert!(!is_preflight(&request(
            "POST",
            &[("Access-Control-Request-Method", "POST")]
        )));
    }

    #[test]
    fn preflight_allows_the_builder_headers() {
        let response = preflight_response(&request("OPTIONS", &[]));
        assert_eq!(response.status, 204);
        assert_eq!(
            response.header("Access-Control-Allow-Private-Network"),
            None
        );
        let allowed = response
            .headers
            .iter()
            .find(|(name, _)| name == "Access-Control-Allow-Headers")
            .map(|(_, value)| value.as_str());
        assert_eq!(allowed, Some("Authorization, Content-Type, Accept"));
    }

    #[test]
    fn private_network_access_only_when_asked() {
        let response = preflight_response(&request(
            "OPTIONS",
            &[
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Private-Network", "true"),
            ],
        ));
        assert_eq!(
            response.header("Access-Control-Allow-Private-Network"),
            Some("true")
        );
    }
}
