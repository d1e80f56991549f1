//! Shared by the integration tests: the real `signkit-sandbox` binary as a child process, and a
//! raw HTTP/1.1 client over `std::net::TcpStream` (so tests can send exact and broken bytes).
#![allow(dead_code)] // each test binary uses a different part of this module

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use signkit::sandbox::{HttpRequest, HttpResponse};

/// The clock every test server starts with (the conformance cases' usual clock).
pub const CLOCK: &str = "20261125100000";
/// Generous limit for one exchange; the server's own limits are shorter.
pub const IO_TIMEOUT: Duration = Duration::from_secs(30);

/// A running `signkit-sandbox`, killed (SIGKILL) when dropped, even when the test panics.
pub struct Server {
    child: Child,
    /// The port it listens on (127.0.0.1).
    pub port: u16,
    /// The banner lines it printed before `listening on` (inclusive).
    pub banner: String,
}

impl Server {
    /// Starts the binary with `--port 0 --clock CLOCK` plus `args`, and waits for its banner.
    pub fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_signkit-sandbox"))
            .args(["--port", "0", "--clock", CLOCK])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start signkit-sandbox");
        let stdout = child.stdout.take().expect("piped stdout");
        let (lines, received) = mpsc::channel();
        // Keep reading stdout for the life of the process so it can never block on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if lines.send(line).is_err() {
                    // Nobody listens any more; keep draining.
                }
            }
        });
        let mut server = Server {
            child,
            port: 0,
            banner: String::new(),
        };
        loop {
            let line = received
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| {
                    panic!(
                        "no banner from signkit-sandbox; stdout so far: {}",
                        server.banner
                    )
                });
            server.banner.push_str(&line);
            server.banner.push('\n');
            if let Some(port) = parse_port(&line) {
                server.port = port;
                break;
            }
        }
        // The rest of the banner arrives right after; collect what is there.
        std::thread::sleep(Duration::from_millis(50));
        while let Ok(line) = received.try_recv() {
            server.banner.push_str(&line);
            server.banner.push('\n');
        }
        server
    }

    /// Kills the process with SIGKILL (no chance to clean up) and waits for it.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Sends SIGTERM and waits for the exit status.
    #[cfg(unix)]
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
        self.child.wait().expect("wait for signkit-sandbox")
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// One request over a fresh connection.
    pub fn send(&self, request: &HttpRequest) -> HttpResponse {
        let mut connection = Connection::open(self.port);
        connection.send(request)
    }

    /// `GET path` → the answer.
    pub fn get(&self, path: &str) -> HttpResponse {
        self.send(&request("GET", path, &[], b""))
    }

    /// The server answers `GET /_sandbox/health` with `{"ok":true}`.
    pub fn assert_alive(&self) {
        let response = self.get("/_sandbox/health");
        assert_eq!(
            (response.status, text(&response)),
            (200, "{\"ok\":true}".to_owned())
        );
    }

    /// `GET /_sandbox/state?secrets=1`, parsed: the whole state, secrets and tokens included.
    pub fn state(&self) -> serde_json::Value {
        let response = self.get("/_sandbox/state?secrets=1");
        assert_eq!(response.status, 200, "{}", text(&response));
        serde_json::from_slice(&response.body).expect("state is JSON")
    }

    /// `POST /_sandbox/reset[?seed=N]` with `fixtures` as the body; asserts `{"ok":true}`.
    pub fn reset(&self, fixtures: &str, seed: Option<u64>) {
        let target = match seed {
            Some(seed) => format!("/_sandbox/reset?seed={seed}"),
            None => "/_sandbox/reset".to_owned(),
        };
        let response = self.send(&request("POST", &target, &[], fixtures.as_bytes()));
        assert_eq!(
            (response.status, text(&response)),
            (200, "{\"ok\":true}".to_owned())
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// The port of a `signkit sandbox listening on http://127.0.0.1:PORT (…)` line.
pub fn parse_port(line: &str) -> Option<u16> {
    let rest = line.strip_prefix("signkit sandbox listening on http://")?;
    let address = rest.split(' ').next()?;
    address.rsplit_once(':')?.1.parse().ok()
}

/// A request with these parts.
pub fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> HttpRequest {
    HttpRequest {
        method: method.into(),
        target: target.into(),
        headers: headers
            .iter()
            .map(|(name, value)| ((*name).into(), (*value).into()))
            .collect(),
        body: body.to_vec(),
    }
}

/// The body as text.
pub fn text(response: &HttpResponse) -> String {
    String::from_utf8_lossy(&response.body).into_owned()
}

/// The value of the first header `name` (any case).
pub fn header<'r>(response: &'r HttpResponse, name: &str) -> Option<&'r str> {
    response
        .headers
        .iter()
        .find(|(header, _)| header.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// The wire bytes of `request`: request line, `Host: 127.0.0.1` (unless its headers carry a
/// `Host`), its headers in order, `Content-Length` (always, so any method can carry a body),
/// blank line, body.
pub fn encode_request(request: &HttpRequest) -> Vec<u8> {
    let mut out = format!("{} {} HTTP/1.1\r\n", request.method, request.target).into_bytes();
    if request.header("Host").is_none() {
        out.extend_from_slice(b"Host: 127.0.0.1\r\n");
    }
    for (name, value) in &request.headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", request.body.len()).as_bytes());
    out.extend_from_slice(&request.body);
    out
}

/// A keep-alive client connection.
pub struct Connection {
    stream: TcpStream,
    /// Bytes received but not consumed yet.
    pending: Vec<u8>,
}

impl Connection {
    /// Connects to 127.0.0.1:`port`.
    pub fn open(port: u16) -> Connection {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to the sandbox");
        stream
            .set_read_timeout(Some(IO_TIMEOUT))
            .expect("set read timeout");
        stream
            .set_write_timeout(Some(IO_TIMEOUT))
            .expect("set write timeout");
        Connection {
            stream,
            pending: Vec::new(),
        }
    }

    /// Sends `request` and reads the answer.
    pub fn send(&mut self, request: &HttpRequest) -> HttpResponse {
        self.write(&encode_request(request));
        self.read_response().expect("an answer")
    }

    /// Sends `request`; `None` when the connection fails before a complete answer arrives
    /// (for tests that kill the server mid-flight).
    pub fn try_send(&mut self, request: &HttpRequest) -> Option<HttpResponse> {
        self.stream.write_all(&encode_request(request)).ok()?;
        self.read_response()
    }

    /// Writes raw bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).expect("write to the sandbox");
    }

    /// Closes the sending side (the server sees end of input).
    pub fn finish_writing(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Write);
    }

    /// The underlying stream.
    pub fn stream(&mut self) -> &mut TcpStream {
        &mut self.stream
    }

    /// Reads one answer (skipping `1xx`); `None` when the server closed the connection first.
    pub fn read_response(&mut self) -> Option<HttpResponse> {
        self.read_answer(true)
    }

    /// Reads the answer to a `HEAD` request: a head only, whatever its `Content-Length` says.
    pub fn read_response_to_head(&mut self) -> Option<HttpResponse> {
        self.read_answer(false)
    }

    fn read_answer(&mut self, with_body: bool) -> Option<HttpResponse> {
        loop {
            let head_end = loop {
                if let Some(end) = find(&self.pending, b"\r\n\r\n") {
                    break end;
                }
                if !self.fill() {
                    return None;
                }
            };
            let head = String::from_utf8(self.pending[..head_end].to_vec()).expect("ASCII head");
            self.pending.drain(..head_end + 4);
            let mut lines = head.split("\r\n");
            let status_line = lines.next().expect("status line");
            let status: u16 = status_line
                .split(' ')
                .nth(1)
                .and_then(|code| code.parse().ok())
                .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
            let headers: Vec<(String, String)> = lines
                .map(|line| {
                    let (name, value) = line.split_once(':').expect("header line");
                    (name.to_owned(), value.trim().to_owned())
                })
                .collect();
            if (100..200).contains(&status) {
                continue;
            }
            let length: usize = headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case("content-length") && with_body)
                .map_or(0, |(_, value)| value.parse().expect("Content-Length"));
            while self.pending.len() < length {
                if !self.fill() {
                    return None; // closed inside the body: no complete answer
                }
            }
            let body = self.pending.drain(..length).collect();
            return Some(HttpResponse {
                status,
                headers,
                body,
            });
        }
    }

    /// Whether the server has closed the connection (reads end of input or a reset).
    pub fn is_closed_by_server(&mut self) -> bool {
        !self.fill()
    }

    fn fill(&mut self) -> bool {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match self.stream.read(&mut chunk) {
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Ok(0) | Err(_) => return false,
                Ok(read) => {
                    self.pending.extend_from_slice(&chunk[..read]);
                    return true;
                }
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// A fresh, empty directory for one test's files, removed when dropped (declare it before
/// the servers that use it, so they are killed first).
pub struct TempDir(std::path::PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A new [`TempDir`] named after the test.
pub fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!(
        "signkit-sandbox-test-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    TempDir(dir)
}

/// The path as a `&str` (test paths are UTF-8).
pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The demo app's key and its DEMO secret (spec §10.3; public, known to everyone).
pub const DEMO_APP_KEY: &str = "1111111111";
/// The demo app's secret (a DEMO value).
pub const DEMO_SECRET: &str = "DEMO-SECRET-not-for-production";

/// A request as the core's builder prepares it, ready for [`Server::send`].
pub fn from_prepared(prepared: signkit::request::PreparedRequest) -> HttpRequest {
    HttpRequest {
        method: prepared.method,
        target: prepared.path,
        headers: prepared.headers,
        body: prepared.body,
    }
}

/// A createGroup request for `account` and `group_name`, built and signed by the core builder
/// with the demo secret.
pub fn create_group(account: &str, group_name: &str) -> HttpRequest {
    let params = signkit::Params::new()
        .with("appKey", DEMO_APP_KEY)
        .with("accountID", account)
        .with("groupName", group_name);
    let built = signkit::daoke::build_daoke_request(
        Some(signkit::Api::CreateGroup),
        &params,
        &signkit::daoke::Secret::new(DEMO_SECRET),
        &signkit::daoke::DaokeOptions::default(),
    )
    .expect("createGroup builds");
    from_prepared(built.request)
}

/// The daoke envelope of an answer: (`ERRORCODE`, `RESULT`).
pub fn daoke_reply(response: &HttpResponse) -> (String, serde_json::Value) {
    let value: serde_json::Value = serde_json::from_slice(&response.body)
        .unwrap_or_else(|_| panic!("daoke JSON, got {}", text(response)));
    (
        value["ERRORCODE"].as_str().unwrap_or_default().to_owned(),
        value["RESULT"].clone(),
    )
}

/// The `groupID` of a successful createGroup answer, `None` for any other answer.
pub fn created_group_id(response: &HttpResponse) -> Option<String> {
    if response.status != 200 {
        return None;
    }
    let (code, result) = daoke_reply(response);
    (code == "0").then(|| result["groupID"].as_str().map(str::to_owned))?
}

/// Minimal fixtures (spec §10.2) with the demo app and `count` accounts `L000000000`, … that
/// own nothing, so each can create one group.
pub fn fixtures_with_accounts(count: usize) -> (String, Vec<String>) {
    let accounts: Vec<String> = (0..count).map(|index| format!("L{index:09}")).collect();
    let fixtures = serde_json::json!({
        "daoke": {
            "apps": [{"appKey": DEMO_APP_KEY, "secret": DEMO_SECRET}],
            "accounts": accounts,
            "accessTokens": [],
            "cityCodes": [],
            "catalogIDs": []
        },
        "ytx": {"accounts": []}
    });
    (fixtures.to_string(), accounts)
}

/// The groups of a state document as (groupID, owner, name).
pub fn groups_of(state: &serde_json::Value) -> Vec<(String, String, String)> {
    state["daoke"]["groups"]
        .as_array()
        .expect("daoke.groups is an array")
        .iter()
        .map(|group| {
            let field = |name: &str| group[name].as_str().unwrap_or_default().to_owned();
            (field("groupID"), field("accountID"), field("groupName"))
        })
        .collect()
}
