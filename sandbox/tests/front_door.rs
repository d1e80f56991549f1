//! Spec §10.9 over real HTTP: the sandbox is safe to leave running while its developer browses.
//! Each rule against the real binary: the `Host` check (DNS rebinding), the `Origin` check
//! (pages elsewhere, "simple" requests included), CORS only for allowed origins, redacted
//! secrets, the allow flags, the banner — and the proof that a refused request changed
//! nothing, in memory or in the `--state` file.

mod support;

use std::time::{Duration, Instant};

use signkit::sandbox::HttpResponse;
use support::{header, request, text, Connection, Server};

const HOST_REFUSED: &str = "sandbox: host not allowed\n";
const ORIGIN_REFUSED: &str = "sandbox: origin not allowed\n";

/// What a page elsewhere can make a browser send: every method a form or `fetch` can use, on a
/// vendor path and on each control endpoint, with the body a "simple" (preflight-free)
/// request may carry.
fn hostile_requests(
    origin_or_host: (&'static str, &'static str),
) -> Vec<signkit::sandbox::HttpRequest> {
    let pick = [origin_or_host];
    let form = ("Content-Type", "application/x-www-form-urlencoded");
    let plain = ("Content-Type", "text/plain;charset=UTF-8");
    vec![
        request("GET", "/_sandbox/state", &pick, b""),
        request("GET", "/_sandbox/state?secrets=1", &pick, b""),
        request("GET", "/_sandbox/outbound", &pick, b""),
        request("HEAD", "/_sandbox/health", &pick, b""),
        request("POST", "/_sandbox/reset", &[origin_or_host, plain], b""),
        request(
            "POST",
            "/_sandbox/reset",
            &[origin_or_host, plain],
            br#"{"daoke": {"apps": [], "accounts": [], "accessTokens": [], "cityCodes": [], "catalogIDs": []}, "ytx": {"accounts": []}}"#,
        ),
        request("PUT", "/_sandbox/clock", &[origin_or_host, plain], b"now"),
        request(
            "POST",
            "/weiboapi/v2/createGroup",
            &[origin_or_host, form],
            b"appKey=1111111111&accountID=O40cml0y5p&groupName=x&sign=0",
        ),
        request(
            "OPTIONS",
            "/clientcustom/v2/inviteUserJoin",
            &[
                origin_or_host,
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "content-type"),
            ],
            b"",
        ),
        request("OPTIONS", "/weiboapi/v2/createGroup", &pick, b""),
        request(
            "POST",
            "/v2/sid/abcdefghijklmnopqrstuvwxyz012345/call/TeleMeeting.wx?Sign=x",
            &[origin_or_host, plain],
            b"{}",
        ),
        request("GET", "/nowhere", &pick, b""),
    ]
}

/// A group created by a legitimate request, so that a reset would visibly remove it.
fn create_a_group(server: &Server) {
    let response = server.send(&support::create_group("O40cml0y5p", "mine"));
    assert!(
        support::created_group_id(&response).is_some(),
        "{}",
        text(&response)
    );
}

/// Sends `request` on a fresh connection; a `HEAD` answer is read as a head only.
fn send(server: &Server, request: &signkit::sandbox::HttpRequest) -> HttpResponse {
    let mut connection = Connection::open(server.port);
    if request.method == "HEAD" {
        connection.write(&support::encode_request(request));
        connection.read_response_to_head().expect("an answer")
    } else {
        connection.send(request)
    }
}

fn assert_refused(response: &HttpResponse, body: &str, what: &str) {
    assert_eq!(
        (response.status, text(response).as_str()),
        (403, body),
        "{what}"
    );
    assert_eq!(
        header(response, "content-type"),
        Some("text/plain; charset=utf-8"),
        "{what}"
    );
    assert_eq!(
        header(response, "access-control-allow-origin"),
        None,
        "{what}"
    );
}

/// Rule 2: a request carrying a foreign `Origin` (or `null`) gets 403 whatever its method and
/// path, and nothing changes: not the state (a group created before survives a "reset"), not
/// the clock, not the `--state` file (same bytes, same modification time).
#[test]
fn foreign_and_null_origins_are_refused_and_change_nothing() {
    let dir = support::temp_dir("foreign-origin");
    let state_path = dir.join("state.json");
    let server = Server::start(&["--state", support::path_str(&state_path)]);
    create_a_group(&server);
    let state_before = server.state();
    let file_before = std::fs::read(&state_path).expect("state file");
    let modified_before = std::fs::metadata(&state_path)
        .and_then(|meta| meta.modified())
        .expect("mtime");
    std::thread::sleep(Duration::from_millis(20));

    for origin in [
        "https://evil.example",
        "http://evil.example:8787",
        "null",
        "http://localhost.evil.example",
        "http://127.0.0.1.evil.example",
        "file://",
    ] {
        for hostile in hostile_requests(("Origin", origin)) {
            let what = format!("{} {} from {origin}", hostile.method, hostile.target);
            let response = send(&server, &hostile);
            if hostile.method == "HEAD" {
                // A HEAD answer has no body on the wire; its head still says 403.
                assert_eq!(response.status, 403, "{what}");
            } else {
                assert_refused(&response, ORIGIN_REFUSED, &what);
            }
        }
    }

    assert_eq!(server.state(), state_before, "the state is unchanged");
    assert_eq!(
        std::fs::read(&state_path).expect("state file"),
        file_before,
        "the state file is unchanged"
    );
    assert_eq!(
        std::fs::metadata(&state_path)
            .and_then(|meta| meta.modified())
            .expect("mtime"),
        modified_before,
        "the state file was not rewritten"
    );
    // The clock was not set to `now` either: the frozen test clock still holds.
    let created = server.send(&support::create_group("aaaaaaaaaa", "later"));
    let (code, result) = support::daoke_reply(&created);
    assert_eq!(code, "0", "{}", text(&created));
    let groups = support::groups_of(&server.state());
    let group_id = result["groupID"].as_str().expect("a groupID");
    assert!(groups.iter().any(|(id, _, _)| id == group_id));
    let create_time = server.state()["daoke"]["groups"]
        .as_array()
        .and_then(|groups| groups.iter().find(|group| group["groupID"] == group_id))
        .map(|group| group["createTime"].clone())
        .expect("the new group");
    assert_eq!(create_time, 1_795_572_000, "frozen at {}", support::CLOCK);
}

/// Rule 1 (DNS rebinding): a page whose own host name was made to resolve to 127.0.0.1 sends
/// same-origin requests, so no `Origin` check applies; its `Host` gives it away.
#[test]
fn foreign_hosts_are_refused_and_change_nothing() {
    let dir = support::temp_dir("foreign-host");
    let state_path = dir.join("state.json");
    let server = Server::start(&["--state", support::path_str(&state_path)]);
    create_a_group(&server);
    let state_before = server.state();
    let file_before = std::fs::read(&state_path).expect("state file");

    for host in [
        "evil.example",
        "evil.example:8787",
        "rebind.evil.example:8787",
        "localhost.evil.example",
        "127.0.0.1.nip.io:8787",
        "192.168.1.5:8787",
        "0.0.0.0:8787",
        "[::]:8787",
        "localhost..:8787",
        "",
    ] {
        for hostile in hostile_requests(("Host", host)) {
            let what = format!("{} {} for Host {host:?}", hostile.method, hostile.target);
            let response = send(&server, &hostile);
            if hostile.method == "HEAD" {
                assert_eq!(response.status, 403, "{what}");
            } else {
                assert_refused(&response, HOST_REFUSED, &what);
            }
        }
    }
    // Same-origin for the browser, so it may carry its (rebound) origin too: still the host.
    let rebound = server.send(&request(
        "POST",
        "/_sandbox/reset",
        &[
            ("Host", "rebind.evil.example:8787"),
            ("Origin", "http://rebind.evil.example:8787"),
        ],
        b"",
    ));
    assert_refused(&rebound, HOST_REFUSED, "rebound origin");
    // Rebinding the name of a proxy in front (`trunk serve`), which sends our own host in
    // `Host` and the name the browser used in `X-Forwarded-Host`.
    for forwarded in [
        "rebind.evil.example:8080",
        "127.0.0.1:8080, rebind.evil.example",
    ] {
        let proxied = server.send(&request(
            "GET",
            "/_sandbox/state",
            &[("Host", "127.0.0.1"), ("X-Forwarded-Host", forwarded)],
            b"",
        ));
        assert_refused(&proxied, HOST_REFUSED, forwarded);
    }
    let proxied_from_loopback = server.send(&request(
        "GET",
        "/_sandbox/state",
        &[
            ("Host", "127.0.0.1"),
            ("X-Forwarded-Host", "127.0.0.1:8080"),
        ],
        b"",
    ));
    assert_eq!(proxied_from_loopback.status, 200);
    // Two Host headers: which one counts is exactly the ambiguity an attacker wants.
    let doubled = server.send(&request(
        "GET",
        "/_sandbox/state",
        &[("Host", "127.0.0.1"), ("Host", "evil.example")],
        b"",
    ));
    assert_refused(&doubled, HOST_REFUSED, "two Host headers");

    assert_eq!(server.state(), state_before);
    assert_eq!(std::fs::read(&state_path).expect("state file"), file_before);
}

/// Refused as soon as the head has arrived: the body is never read (no `100 Continue`, no
/// wait for it) and nothing of the request is parsed. Were the body awaited, the answer would
/// be a `408` after the 30 s body timeout.
#[test]
fn a_refused_request_is_answered_before_its_body_is_read() {
    let server = Server::start(&[]);
    for (header_line, expected) in [
        ("Origin: https://evil.example", ORIGIN_REFUSED),
        ("Host: evil.example", HOST_REFUSED),
    ] {
        let host = if header_line.starts_with("Host") {
            ""
        } else {
            "Host: 127.0.0.1\r\n"
        };
        let mut connection = Connection::open(server.port);
        let started = Instant::now();
        connection.write(
            format!(
                "POST /_sandbox/reset HTTP/1.1\r\n{host}{header_line}\r\nContent-Type: text/plain\r\nExpect: 100-continue\r\nContent-Length: 1000000\r\n\r\n"
            )
            .as_bytes(),
        );
        let response = connection.read_response().expect("an answer");
        assert_refused(&response, expected, header_line);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{header_line}: answered after {:?}",
            started.elapsed()
        );
        assert_eq!(header(&response, "connection"), Some("close"));
    }
    server.assert_alive();
}

/// Loopback hosts of every kind are served, on any port, and requests without `Host` (HTTP/1.0
/// clients; browsers always send one) too.
#[test]
fn loopback_hosts_are_served() {
    let server = Server::start(&[]);
    for host in [
        "127.0.0.1".to_owned(),
        format!("127.0.0.1:{}", server.port),
        format!("localhost:{}", server.port),
        "LOCALHOST".to_owned(),
        format!("127.0.0.2:{}", server.port),
        "127.255.255.254:1".to_owned(),
        format!("[::1]:{}", server.port),
        "[::1]".to_owned(),
        format!("app.localhost:{}", server.port),
        "a.b.localhost".to_owned(),
        // `trunk serve` prints this address among its own.
        format!("localhost.:{}", server.port),
    ] {
        let response = server.send(&request(
            "GET",
            "/_sandbox/health",
            &[("Host", host.as_str())],
            b"",
        ));
        assert_eq!(
            (response.status, text(&response).as_str()),
            (200, "{\"ok\":true}"),
            "Host {host}"
        );
    }
    let mut connection = Connection::open(server.port);
    connection.write(b"GET /_sandbox/health HTTP/1.0\r\n\r\n");
    let response = connection.read_response().expect("an answer");
    assert_eq!(response.status, 200, "{}", text(&response));
}

/// Rule 3: pages of loopback origins are served, every answer echoes their origin with
/// `Vary: Origin` (errors included), and preflights are answered. Never `*` by default.
#[test]
fn loopback_origins_get_their_origin_echoed() {
    let server = Server::start(&[]);
    let port = server.port;
    for origin in [
        "http://127.0.0.1:8080".to_owned(),
        "http://localhost:8080".to_owned(),
        format!("http://localhost:{port}"),
        "https://localhost".to_owned(),
        "http://[::1]:8080".to_owned(),
        "http://127.0.0.2:5173".to_owned(),
        "http://app.localhost:3000".to_owned(),
    ] {
        let from = ("Origin", origin.as_str());
        let preflight = server.send(&request(
            "OPTIONS",
            "/clientcustom/v2/inviteUserJoin",
            &[
                from,
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "content-type"),
            ],
            b"",
        ));
        assert_eq!(preflight.status, 204, "{origin}");
        assert_eq!(
            header(&preflight, "access-control-allow-methods"),
            Some("GET, HEAD, POST, PUT, OPTIONS")
        );
        assert_eq!(
            header(&preflight, "access-control-allow-headers"),
            Some("Authorization, Content-Type, Accept")
        );
        let mut created = support::create_group("aaaaaaaaaa", "cors");
        created.headers.push(("Origin".into(), origin.clone()));
        for response in [
            preflight,
            server.send(&created),
            server.send(&request("GET", "/nowhere", &[from], b"")),
            server.send(&request("GET", "/_sandbox/state", &[from], b"")),
            server.send(&request("PUT", "/_sandbox/clock", &[from], b"x")),
            server.send(&request("POST", "/_sandbox/reset", &[from], b"")),
        ] {
            assert_eq!(
                header(&response, "access-control-allow-origin"),
                Some(origin.as_str()),
                "{origin}: {} {}",
                response.status,
                text(&response)
            );
            assert_eq!(header(&response, "vary"), Some("Origin"), "{origin}");
        }
        // A 413 is refused before the body is read, and the page can still read why.
        let mut connection = Connection::open(port);
        connection.write(
            format!(
                "POST /weiboapi/v2/createGroup HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: {origin}\r\nContent-Length: 2000000\r\n\r\n"
            )
            .as_bytes(),
        );
        let too_large = connection.read_response().expect("an answer");
        assert_eq!(too_large.status, 413);
        assert_eq!(
            header(&too_large, "access-control-allow-origin"),
            Some(origin.as_str())
        );
    }
    // Without Origin (curl, scripts): served, no CORS headers at all.
    let plain = server.get("/_sandbox/health");
    assert_eq!(plain.status, 200);
    assert_eq!(header(&plain, "access-control-allow-origin"), None);
    assert_eq!(header(&plain, "vary"), None);
}

/// Rule 4: the state shows `"<redacted>"` for every secret, authToken and access token, unless
/// asked with `?secrets=1`; fixtures from `--config` included. The raw answer does not contain
/// the secret text anywhere.
#[test]
fn the_state_redacts_secrets_unless_asked() {
    let dir = support::temp_dir("redaction");
    let config = dir.join("fixtures.json");
    let fixtures = serde_json::json!({
        "daoke": {
            "apps": [{"appKey": "9999999999", "secret": "prod-looking-secret-0c1d2e3f"}],
            "accounts": ["Zzzzzzzzz1"],
            "accessTokens": [{"appKey": "9999999999", "accountID": "Zzzzzzzzz1",
                              "token": "prod-looking-token-4a5b6c7d", "expiresAt": 4102444800_i64}],
            "cityCodes": [], "catalogIDs": []
        },
        "ytx": {"accounts": [{"accountSID": "prodsid", "authToken": "prod-looking-authtoken-8e9f",
                              "appids": ["prodapp"]}]}
    });
    std::fs::write(&config, fixtures.to_string()).expect("write fixtures");
    let server = Server::start(&["--config", support::path_str(&config)]);
    let secrets = [
        "prod-looking-secret-0c1d2e3f",
        "prod-looking-token-4a5b6c7d",
        "prod-looking-authtoken-8e9f",
    ];

    for extra in [
        &[][..],
        &[("Origin", "http://127.0.0.1:8080")][..],
        &[("Host", "localhost")][..],
    ] {
        for target in ["/_sandbox/state", "/_sandbox/state?secrets=0"] {
            let response = server.send(&request("GET", target, extra, b""));
            assert_eq!(response.status, 200);
            let body = text(&response);
            for secret in secrets {
                assert!(!body.contains(secret), "{target} shows {secret}: {body}");
            }
            let state: serde_json::Value = serde_json::from_str(&body).expect("JSON");
            assert_eq!(state["daoke"]["apps"][0]["secret"], "<redacted>");
            assert_eq!(state["daoke"]["apps"][0]["appKey"], "9999999999");
            assert_eq!(state["daoke"]["accessTokens"][0]["token"], "<redacted>");
            assert_eq!(state["ytx"]["accounts"][0]["authToken"], "<redacted>");
            assert_eq!(state["ytx"]["accounts"][0]["accountSID"], "prodsid");
        }
    }
    let full = server.send(&request("GET", "/_sandbox/state?secrets=1", &[], b""));
    let state: serde_json::Value = serde_json::from_slice(&full.body).expect("JSON");
    assert_eq!(state["daoke"]["apps"][0]["secret"], secrets[0]);
    assert_eq!(state["daoke"]["accessTokens"][0]["token"], secrets[1]);
    assert_eq!(state["ytx"]["accounts"][0]["authToken"], secrets[2]);
    // Apart from the three values, both views are the same document.
    let redacted: serde_json::Value =
        serde_json::from_slice(&server.get("/_sandbox/state").body).expect("JSON");
    let mut expected = state.clone();
    expected["daoke"]["apps"][0]["secret"] = "<redacted>".into();
    expected["daoke"]["accessTokens"][0]["token"] = "<redacted>".into();
    expected["ytx"]["accounts"][0]["authToken"] = "<redacted>".into();
    assert_eq!(redacted, expected);

    let unclear = server.get("/_sandbox/state?secrets=yes");
    assert_eq!(unclear.status, 400, "{}", text(&unclear));
    // A reset with a body and the clock keep working (spec §10.9 rule 4).
    server.reset(&fixtures.to_string(), Some(3));
    let clock = server.send(&request("PUT", "/_sandbox/clock", &[], b"20261126100000"));
    assert_eq!(text(&clock), "{\"ok\":true}");
}

/// The banner says what is exposed: the address, the allowed hosts and origins, redaction.
#[test]
fn the_banner_says_what_is_exposed() {
    let server = Server::start(&[]);
    for needle in [
        "hosts: requests must name a loopback host (localhost, *.localhost, 127.0.0.0/8, [::1]) in Host (and X-Forwarded-Host); others get 403",
        "origins: pages from loopback origins (http or https; localhost, *.localhost, 127.0.0.0/8, [::1]; any port) may call it (CORS echoes their origin); pages from other origins get 403",
        "secrets: GET /_sandbox/state shows secrets and tokens as \"<redacted>\" (?secrets=1 shows them)",
    ] {
        assert!(server.banner.contains(needle), "{needle}\n{}", server.banner);
    }
    assert!(!server.banner.contains("WARNING"), "{}", server.banner);
}

/// `--allow-host` and `--allow-origin` admit exactly what they name (any port for a host;
/// origins compared as browsers send them), and the banner lists them.
#[test]
fn allow_flags_admit_exactly_what_they_name() {
    let server = Server::start(&[
        "--allow-host",
        "sandbox.test",
        "--allow-origin",
        "https://tools.example.com",
        "--allow-origin",
        "http://lan.test:8000",
    ]);
    assert!(
        server.banner.contains("[::1]) and sandbox.test in Host"),
        "{}",
        server.banner
    );
    assert!(
        server
            .banner
            .contains("any port) and https://tools.example.com, http://lan.test:8000 may call it"),
        "{}",
        server.banner
    );
    for host in ["sandbox.test", "SANDBOX.test:8787", "sandbox.test:1"] {
        let response = server.send(&request("GET", "/_sandbox/health", &[("Host", host)], b""));
        assert_eq!(response.status, 200, "{host}");
    }
    for host in ["sub.sandbox.test", "sandbox.test.evil.example"] {
        let response = server.send(&request("GET", "/_sandbox/health", &[("Host", host)], b""));
        assert_refused(&response, HOST_REFUSED, host);
    }
    for origin in ["https://tools.example.com", "http://lan.test:8000"] {
        let response = server.send(&request(
            "POST",
            "/_sandbox/reset",
            &[("Origin", origin)],
            b"",
        ));
        assert_eq!(response.status, 200, "{origin}");
        assert_eq!(
            header(&response, "access-control-allow-origin"),
            Some(origin)
        );
        assert_eq!(header(&response, "vary"), Some("Origin"));
    }
    for origin in [
        "http://tools.example.com",
        "https://tools.example.com:8443",
        "https://evil.tools.example.com",
        "http://lan.test:8001",
        "http://sandbox.test",
    ] {
        let response = server.send(&request(
            "GET",
            "/_sandbox/state",
            &[("Origin", origin)],
            b"",
        ));
        assert_refused(&response, ORIGIN_REFUSED, origin);
    }
    // A page of an allowed origin on the public web asks Chromium's Private Network Access
    // permission in its preflight; it gets it.
    let preflight = server.send(&request(
        "OPTIONS",
        "/_sandbox/reset",
        &[
            ("Origin", "https://tools.example.com"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Private-Network", "true"),
        ],
        b"",
    ));
    assert_eq!(preflight.status, 204);
    assert_eq!(
        header(&preflight, "access-control-allow-private-network"),
        Some("true")
    );
}

/// `--allow-origin '*'` answers `*` to every origin and says loudly what that means; the Host
/// check still applies.
#[test]
fn allow_any_origin_is_loud() {
    let server = Server::start(&["--allow-origin", "*"]);
    assert!(
        server.banner.contains(
            "WARNING: --allow-origin '*': EVERY web page you open can read and change this sandbox"
        ),
        "{}",
        server.banner
    );
    for origin in ["https://evil.example", "null"] {
        let response = server.send(&request(
            "GET",
            "/_sandbox/state",
            &[("Origin", origin)],
            b"",
        ));
        assert_eq!(response.status, 200, "{origin}");
        assert_eq!(header(&response, "access-control-allow-origin"), Some("*"));
    }
    let rebound = server.send(&request(
        "GET",
        "/_sandbox/state",
        &[("Host", "evil.example"), ("Origin", "http://evil.example")],
        b"",
    ));
    assert_refused(&rebound, HOST_REFUSED, "rebound, with --allow-origin '*'");
}

/// Bad allow values are refused at start with what to give instead.
#[test]
fn bad_allow_values_stop_the_start() {
    for (args, needle) in [
        (
            &["--allow-host", "sandbox.test:8787"][..],
            "--allow-host `sandbox.test:8787` is invalid: expected a host name or IP address without a port",
        ),
        (
            &["--allow-origin", "tools.example.com"],
            "--allow-origin `tools.example.com` is invalid: expected `*` or an origin scheme://host[:port]",
        ),
        (
            &["--allow-origin", "null"],
            "--allow-origin `null` is invalid",
        ),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_signkit-sandbox"))
            .args(args)
            .output()
            .expect("run signkit-sandbox");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
}
