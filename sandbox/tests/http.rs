//! The front door over real HTTP: the start-up contract, all conformance scenarios of
//! `spec/sandbox_cases.json`, requests built by the core's builders, control endpoints. The
//! safety rules of spec §10.9 (Host, Origin, CORS, redaction) are in `front_door.rs`.

mod support;

#[path = "../../crate/tests/support/sandbox_runner.rs"]
mod sandbox_runner;

use sandbox_runner::{CasesFile, SandboxTransport};
use signkit::sandbox::{HttpRequest, HttpResponse};
use support::{daoke_reply, header, request, text, Connection, Server};

/// The conformance runner's transport: control endpoints for reset and clock, one keep-alive
/// connection for everything; optionally with the `Origin` a page would send on every request.
struct HttpTransport<'s> {
    server: &'s Server,
    connection: Connection,
    origin: Option<&'static str>,
}

impl HttpTransport<'_> {
    fn exchange(&mut self, mut request: HttpRequest) -> HttpResponse {
        if let Some(origin) = self.origin {
            request.headers.push(("Origin".into(), origin.into()));
        }
        let response = self.connection.send(&request);
        // Spec §10.9 rule 3: an allowed origin is echoed, with `Vary: Origin`; no `Origin`,
        // no CORS headers.
        assert_eq!(
            header(&response, "access-control-allow-origin"),
            self.origin,
            "{} {}",
            request.method,
            request.target
        );
        assert_eq!(
            header(&response, "vary"),
            self.origin.map(|_| "Origin"),
            "{} {}",
            request.method,
            request.target
        );
        response
    }

    fn control(&mut self, method: &str, target: &str, body: &[u8]) -> String {
        let response = self.exchange(request(method, target, &[], body));
        assert_eq!(
            response.status,
            200,
            "{method} {target}: {}",
            text(&response)
        );
        text(&response)
    }
}

impl SandboxTransport for HttpTransport<'_> {
    fn reset(&mut self, fixtures_json: &str, seed: u64) {
        let answer = self.control(
            "POST",
            &format!("/_sandbox/reset?seed={seed}"),
            fixtures_json.as_bytes(),
        );
        assert_eq!(answer, "{\"ok\":true}");
    }

    fn set_clock(&mut self, clock: &str) {
        let answer = self.control("PUT", "/_sandbox/clock", clock.as_bytes());
        assert_eq!(answer, "{\"ok\":true}");
    }

    fn send(&mut self, request: HttpRequest) -> HttpResponse {
        let mut response = self.exchange(request);
        // The runner compares the vendor's headers; drop what the front door adds on top.
        response.headers.retain(|(name, _)| {
            ![
                "content-length",
                "connection",
                "access-control-allow-origin",
                "vary",
            ]
            .iter()
            .any(|added| name.eq_ignore_ascii_case(added))
        });
        response
    }

    fn outbound_json(&mut self) -> String {
        self.control("GET", "/_sandbox/outbound", b"")
    }
}

/// Every scenario over HTTP, as curl would send it (no `Origin`) and as the web app served
/// by `trunk serve` sends it directly to the sandbox (`Origin: http://127.0.0.1:8080`): the
/// safety rules change nothing for either.
#[test]
fn every_scenario_passes_over_http() {
    let cases = CasesFile::parse(include_str!("../../spec/sandbox_cases.json"));
    assert_eq!(cases.format, "signkit sandbox cases, format 1");
    assert_eq!(cases.scenarios.len(), 38);
    assert_eq!(cases.count, cases.scenarios.len());
    let server = Server::start(&[]);
    for origin in [None, Some("http://127.0.0.1:8080")] {
        let mut transport = HttpTransport {
            server: &server,
            connection: Connection::open(server.port),
            origin,
        };
        let failures = cases.run_all(&mut transport);
        assert!(
            failures.is_empty(),
            "Origin {origin:?}: {} failed expectations:\n{}",
            failures.len(),
            failures.join("\n")
        );
        transport.server.assert_alive();
    }
}

/// The seed samples of spec §10.3 ("every seed sample request succeeds against the demo data
/// when signed with the demo secret"), built by the core's builders and sent as the exact
/// bytes `PreparedRequest::raw` prints.
mod built_by_the_core {
    use super::*;
    use signkit::daoke::{build_daoke_request, DaokeOptions, Secret};
    use signkit::ytx::{build_invite_meeting, AuthToken, InviteMeeting, Party, YtxEnvironment};
    use signkit::{Api, Encoding, FilePart, Params};
    use support::{CLOCK, DEMO_SECRET};

    const INVITE_PARAMS: [(&str, &str); 5] = [
        ("accountID", "2222222222"),
        ("appKey", "1111111111"),
        ("multimediaURL", "http://192.168.1.6/group3/M00/00/1E/wKgBBlO_gmyAYYrYAAAITe8iduk605.amr"),
        (
            "callbackURL",
            "http://192.168.11.159:80/inviteToTempChannelCallback?inviteAccountID=anjiklmkin&inviteTempChannelID=12349",
        ),
        ("tempChannelID", "12349"),
    ];

    fn daoke(api: Api, params: &[(&str, &str)], options: DaokeOptions) -> Vec<u8> {
        let params: Params = params.iter().copied().collect();
        build_daoke_request(Some(api), &params, &Secret::new(DEMO_SECRET), &options)
            .expect("the sample builds")
            .request
            .raw()
    }

    fn multipart(files: Vec<FilePart>) -> DaokeOptions {
        let mut options = DaokeOptions::default();
        options.encoding = Some(Encoding::Multipart);
        options.files = files;
        options
    }

    fn voice_file() -> FilePart {
        FilePart {
            name: "voiceFile".into(),
            filename: "invite.amr".into(),
            content_type: "audio/amr".into(),
            data: b"#!AMR\nFAKE-AMR-PAYLOAD-0123456789 not real audio".to_vec(),
        }
    }

    fn invite_meeting() -> Vec<u8> {
        let invite = InviteMeeting {
            account_sid: "abcdefghijklmnopqrstuvwxyz012345".into(),
            auth_token: AuthToken::new("0123456789abcdef0123456789abcdef"),
            timestamp: CLOCK.into(),
            appid: "ff8080813fc70a7b013fc72312324213".into(),
            confid: "002".into(),
            parties: vec![
                Party::new("张三", "15000000804"),
                Party::new("李四", "13600007556"),
            ],
            ..InviteMeeting::default()
        };
        build_invite_meeting(&invite, YtxEnvironment::Sandbox)
            .request
            .raw()
    }

    /// A server that accepts the vendor host names `PreparedRequest::raw` writes in `Host`
    /// (as a developer would run it after pointing those names at 127.0.0.1 in /etc/hosts):
    /// without `--allow-host` these exact bytes get `403 host not allowed` (spec §10.9 rule 1,
    /// see `vendor_host_names_need_allow_host`).
    fn vendor_hosts_server() -> Server {
        Server::start(&[
            "--allow-host",
            signkit::daoke::DAOKE_HOST,
            "--allow-host",
            "sandbox.ytx.net",
        ])
    }

    #[test]
    fn vendor_host_names_need_allow_host() {
        let server = Server::start(&[]);
        let before = server.state();
        for bytes in [
            daoke(Api::InviteUserJoin, &INVITE_PARAMS, DaokeOptions::default()),
            invite_meeting(),
        ] {
            let response = exchange(&server, &bytes);
            assert_eq!(
                (response.status, text(&response)),
                (403, "sandbox: host not allowed\n".to_owned())
            );
        }
        assert_eq!(server.state(), before);
        let allowed = vendor_hosts_server();
        assert!(
            allowed.banner.contains("api.daoke.io, sandbox.ytx.net"),
            "{}",
            allowed.banner
        );
        let response = exchange(&allowed, &invite_meeting());
        assert_eq!(response.status, 200, "{}", text(&response));
    }

    /// Sends raw bytes on a fresh connection and reads the answer.
    fn exchange(server: &Server, bytes: &[u8]) -> HttpResponse {
        let mut connection = Connection::open(server.port);
        connection.write(bytes);
        connection.read_response().unwrap_or_else(|| {
            let line = bytes.split(|b| *b == b'\r').next().unwrap_or_default();
            panic!("no answer to {}", String::from_utf8_lossy(line))
        })
    }

    #[test]
    fn seed_samples_succeed_in_every_encoding() {
        let server = vendor_hosts_server();
        let samples: Vec<(&str, Vec<u8>, &str)> = vec![
            (
                "createGroup (form)",
                daoke(
                    Api::CreateGroup,
                    &[
                        ("groupName", "liangGeDeGroup"),
                        ("accountID", "O40cml0y5p"),
                        ("appKey", "1111111111"),
                    ],
                    DaokeOptions::default(),
                ),
                "application/json",
            ),
            (
                "verifyApplyJoiningMember (form)",
                daoke(
                    Api::VerifyApplyJoiningMember,
                    &[
                        ("groupID", "pnlmBtmoFR3IFt7y"),
                        ("yes", "1"),
                        ("applyAccountID", "kxl1QuHKCD"),
                        ("appKey", "1111111111"),
                        ("creatorAccountID", "WFlYtlfPlg"),
                    ],
                    DaokeOptions::default(),
                ),
                "application/json",
            ),
            (
                "applyMicroChannel (form)",
                daoke(
                    Api::ApplyMicroChannel,
                    &apply_params(),
                    DaokeOptions::default(),
                ),
                "text/plain",
            ),
            (
                "applyMicroChannel (multipart)",
                daoke(Api::ApplyMicroChannel, &apply_params(), multipart(vec![])),
                "text/plain",
            ),
            (
                "inviteUserJoin (multipart)",
                daoke(Api::InviteUserJoin, &INVITE_PARAMS, DaokeOptions::default()),
                "text/plain",
            ),
            (
                "inviteUserJoin (multipart + file)",
                daoke(
                    Api::InviteUserJoin,
                    &INVITE_PARAMS,
                    multipart(vec![voice_file()]),
                ),
                "text/plain",
            ),
            (
                "inviteUserJoin (form)",
                daoke(Api::InviteUserJoin, &INVITE_PARAMS, {
                    let mut options = DaokeOptions::default();
                    options.encoding = Some(Encoding::FormUrlencoded);
                    options
                }),
                "text/plain",
            ),
        ];
        for (label, bytes, content_type) in samples {
            // Each sample on fresh demo data (an empty reset body restores the configured fixtures).
            server.reset("", None);
            let response = exchange(&server, &bytes);
            assert_eq!(response.status, 200, "{label}: {}", text(&response));
            assert_eq!(
                header(&response, "content-type"),
                Some(content_type),
                "{label}"
            );
            let (code, result) = daoke_reply(&response);
            assert_eq!(code, "0", "{label}: {}", text(&response));
            if label.starts_with("inviteUserJoin") {
                assert_eq!(result, serde_json::json!({"count": 1}), "{label}");
                let outbound: serde_json::Value =
                    serde_json::from_slice(&server.get("/_sandbox/outbound").body)
                        .expect("outbound JSON");
                assert!(
                    outbound
                        .as_array()
                        .is_some_and(|records| records.iter().any(|r| r["kind"] == "weiboSend")),
                    "{label}: {outbound}"
                );
            }
        }

        server.reset("", None);
        let response = exchange(&server, &invite_meeting());
        assert_eq!(
            header(&response, "content-type"),
            Some("application/json;charset=utf-8")
        );
        assert_eq!(
            text(&response),
            "{\"statusCode\":\"0\",\"statusMsg\":\"提交成功\",\"requestId\":\"2026110000000001\"}"
        );
        server.assert_alive();
    }

    /// `PUT /_sandbox/clock` changes what the emulator sees: the YTX timestamp window (±24 h
    /// around the sandbox clock, spec §10.8) moves with it.
    #[test]
    fn clock_control_drives_the_emulator() {
        let server = vendor_hosts_server();
        let status_code = |response: &HttpResponse| {
            let value: serde_json::Value =
                serde_json::from_slice(&response.body).expect("YTX JSON");
            value["statusCode"].as_str().unwrap_or_default().to_owned()
        };
        assert_eq!(status_code(&exchange(&server, &invite_meeting())), "0");
        let set =
            |clock: &str| server.send(&request("PUT", "/_sandbox/clock", &[], clock.as_bytes()));
        assert_eq!(text(&set("20261127100001")), "{\"ok\":true}");
        assert_eq!(status_code(&exchange(&server, &invite_meeting())), "SBX006");
        assert_eq!(text(&set("20261126100000\n")), "{\"ok\":true}");
        assert_eq!(status_code(&exchange(&server, &invite_meeting())), "0");
        assert_eq!(text(&set("now")), "{\"ok\":true}");
    }

    fn apply_params() -> Vec<(&'static str, &'static str)> {
        vec![
            ("appKey", "1111111111"),
            ("accessToken", "cc7df2350a7755214dc93df48e15d682"),
            ("channelCatalogID", "111111"),
            (
                "channelCatalogUrl",
                "http://g3.tweet.daoke.me/group3/M02/E5/EA/c-dJB1R8pY-AJlO2AAGsD3RDpM8392.png",
            ),
            ("channelNumber", "aaaaaa"),
            ("channelCityCode", "111111"),
            ("chiefAnnouncerIntr", "屌炸天独播"),
            ("channelKeyWords", ""),
            ("channelName", "微密之声"),
            ("channelIntroduction", "内部交流"),
            ("accountID", "aaaaaaaaaa"),
        ]
    }

    /// A multipart body cut short, once framed correctly (a complete HTTP request whose body
    /// is broken: the emulator answers with a daoke error) and once with the original
    /// `Content-Length` and the connection closed (an incomplete request: no answer).
    #[test]
    fn truncated_multipart_bodies() {
        let server = vendor_hosts_server();
        let full = daoke(
            Api::InviteUserJoin,
            &INVITE_PARAMS,
            multipart(vec![voice_file()]),
        );
        let head_end = full
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("head")
            + 4;
        let (head, body) = full.split_at(head_end);
        let head = String::from_utf8(head.to_vec()).expect("ASCII head");
        let sign_part = body
            .windows(13)
            .position(|w| w == b"name=\"sign\"\r\n")
            .expect("a sign part");
        // The part header, a blank line, 40 hex digits, CRLF.
        let sign_end = sign_part + 13 + 2 + 40 + 2;
        for cut in [
            0,
            1,
            40,
            body.len() / 2,
            sign_end - 3,
            sign_end + 10,
            body.len() - 1,
        ] {
            let reframed = head.replace(
                &format!("Content-Length: {}\r\n", body.len()),
                &format!("Content-Length: {cut}\r\n"),
            );
            let response = exchange(&server, &[reframed.as_bytes(), &body[..cut]].concat());
            assert_eq!(response.status, 200, "cut at {cut}");
            let (code, _) = daoke_reply(&response);
            // Without the whole sign part the request cannot pass; a cut inside the (unsigned)
            // file part after it may, as on the real server.
            if cut < sign_end {
                assert_ne!(
                    code,
                    "0",
                    "a body cut at {cut} of {} must not succeed",
                    body.len()
                );
            }

            let mut connection = Connection::open(server.port);
            connection.write(&full[..head_end + cut]);
            connection.finish_writing();
            assert!(connection.read_response().is_none(), "cut at {cut}");
            server.assert_alive();
        }
    }
}

fn json_of(response: &HttpResponse) -> serde_json::Value {
    serde_json::from_slice(&response.body)
        .unwrap_or_else(|_| panic!("JSON answer, got {}", text(response)))
}

#[test]
fn banner_names_the_address_and_labels_the_demo_secrets() {
    let server = Server::start(&[]);
    let first = server.banner.lines().next().expect("a first line");
    assert!(
        first.starts_with(&format!(
            "signkit sandbox listening on http://127.0.0.1:{} (demo data: ",
            server.port
        )),
        "{first}"
    );
    assert!(
        server.banner.contains("DEMO values, known to everyone"),
        "{}",
        server.banner
    );
    assert!(
        server
            .banner
            .contains("clock: frozen at 20261125100000 (UTC+8)"),
        "{}",
        server.banner
    );
}

#[test]
fn control_endpoints_answer_json_and_refuse_bad_input_in_english() {
    let server = Server::start(&[]);
    let state = server.get("/_sandbox/state");
    assert_eq!(
        (state.status, header(&state, "content-type")),
        (200, Some("application/json"))
    );
    assert_eq!(json_of(&state)["daoke"]["apps"][0]["appKey"], "1111111111");
    let outbound = server.get("/_sandbox/outbound");
    assert_eq!(
        (outbound.status, json_of(&outbound)),
        (200, serde_json::json!([]))
    );

    let refused: [(&str, &str, &[u8], u16, &str); 7] = [
        (
            "PUT",
            "/_sandbox/clock",
            b"2026-11-25 10:00",
            400,
            "yyyyMMddHHmmss",
        ),
        ("PUT", "/_sandbox/clock", b"", 400, "yyyyMMddHHmmss"),
        (
            "POST",
            "/_sandbox/reset",
            b"{\"daoke\": 1}",
            400,
            "document is not valid",
        ),
        ("POST", "/_sandbox/reset?seed=abc", b"", 400, "seed `abc`"),
        (
            "POST",
            "/_sandbox/reset?seed=18446744073709551616",
            b"",
            400,
            "seed",
        ),
        ("DELETE", "/_sandbox/state", b"", 405, "accepts GET, HEAD"),
        (
            "GET",
            "/_sandbox/nothing",
            b"",
            404,
            "no control endpoint /_sandbox/nothing",
        ),
    ];
    for (method, target, body, status, needle) in refused {
        let response = server.send(&request(method, target, &[], body));
        let answer = json_of(&response);
        assert_eq!(response.status, status, "{method} {target}: {answer}");
        assert_eq!(answer["ok"], false);
        let message = answer["error"].as_str().expect("an error message");
        assert!(message.contains(needle), "{method} {target}: {message}");
        let chinese = message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(!chinese, "English only: {message}");
    }
    // A refused reset leaves the state alone.
    assert_eq!(json_of(&server.get("/_sandbox/state")), json_of(&state));
}

/// Seed 0's first createGroup id is `pluX4ZOFYzcnOJ7z` (spec §10.4); `--seed` changes the
/// configured seed, which an empty reset restores, and `?seed=` overrides it.
#[test]
fn seeds_from_the_command_line_and_the_reset_query() {
    let first_id = |server: &Server| {
        let response = server.send(&support::create_group("aaaaaaaaaa", "demo"));
        support::created_group_id(&response).unwrap_or_else(|| panic!("{}", text(&response)))
    };
    let default = Server::start(&[]);
    assert_eq!(first_id(&default), "pluX4ZOFYzcnOJ7z");

    let seeded = Server::start(&["--seed", "42"]);
    let with_42 = first_id(&seeded);
    assert_ne!(with_42, "pluX4ZOFYzcnOJ7z");
    seeded.reset("", None);
    assert_eq!(first_id(&seeded), with_42);
    seeded.reset("", Some(0));
    assert_eq!(first_id(&seeded), "pluX4ZOFYzcnOJ7z");
}

#[test]
fn unknown_paths_get_the_emulators_404() {
    let server = Server::start(&[]);
    let response = server.get("/weiboapi/v2/createGroupX?x=1");
    assert_eq!(
        (
            response.status,
            header(&response, "content-type"),
            text(&response)
        ),
        (
            404,
            Some("text/plain; charset=utf-8"),
            "sandbox: no such endpoint\n".to_owned()
        )
    );
}

#[test]
fn config_file_replaces_the_demo_fixtures() {
    let dir = support::temp_dir("config");
    let config = dir.join("fixtures.json");
    let (fixtures, accounts) = support::fixtures_with_accounts(3);
    std::fs::write(&config, fixtures).expect("write fixtures");
    let server = Server::start(&["--config", support::path_str(&config)]);
    assert!(
        server.banner.contains("(data: fixtures from "),
        "{}",
        server.banner
    );
    assert_eq!(
        server.state()["daoke"]["accounts"],
        serde_json::json!(accounts)
    );
    let response = server.send(&support::create_group(&accounts[0], "mine"));
    assert!(
        support::created_group_id(&response).is_some(),
        "{}",
        text(&response)
    );
    // An empty reset restores these fixtures, not the demo ones.
    server.reset("", None);
    assert_eq!(server.state()["daoke"]["groups"], serde_json::json!([]));
    assert_eq!(
        server.state()["daoke"]["accounts"],
        serde_json::json!(accounts)
    );
}

/// Runs the binary to completion with `args`: (exit code, stdout, stderr).
fn run_to_exit(args: &[&str]) -> (Option<i32>, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_signkit-sandbox"))
        .args(args)
        .output()
        .expect("run signkit-sandbox");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn command_line_errors_exit_with_a_message() {
    let (code, stdout, _) = run_to_exit(&["--help"]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("Usage: signkit-sandbox"), "{stdout}");

    for (args, needle) in [
        (&["--port", "http"][..], "--port `http` is invalid"),
        (
            &["--clock", "20261301000000"],
            "--clock `20261301000000` is invalid",
        ),
        (&["--seed"], "--seed needs a value"),
        (&["--verbose"], "unknown argument `--verbose`"),
    ] {
        let (code, _, stderr) = run_to_exit(args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(
            stderr.contains(needle) && stderr.contains("Usage:"),
            "{args:?}: {stderr}"
        );
    }

    let dir = support::temp_dir("cli");
    let missing = dir.join("missing.json");
    let (code, _, stderr) = run_to_exit(&["--port", "0", "--config", support::path_str(&missing)]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("cannot read --config"), "{stderr}");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"daoke\": {\"apps\": 5}}").expect("write");
    let (code, _, stderr) = run_to_exit(&["--port", "0", "--config", support::path_str(&broken)]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("the fixtures are invalid"), "{stderr}");
}

#[test]
fn port_in_use_is_reported() {
    let holder = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = holder.local_addr().expect("address").port().to_string();
    let (code, _, stderr) = run_to_exit(&["--port", &port]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{stderr}"
    );
}
