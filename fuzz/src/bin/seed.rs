//! Writes the seed corpus of every fuzz target from the spec's conformance files:
//! `cargo run -p signkit-fuzz --bin seed -- DIR` fills `DIR/<target>/` (`./dev fuzz` does
//! this before a campaign; the campaign's minimised corpus, not the seeds, is committed).
//!
//! - the sandbox scenarios (`sandbox_cases.json`), replayed against the pure emulator with
//!   the conformance runner itself: each scenario's requests as one raw HTTP/1.1
//!   connection (`wire`, `sandbox_handle`, and chunked), each request's body
//!   (`server_parsers`), each answer (`decode_reply`);
//! - the daoke vectors (`vectors.json`) and validation cases (`validation_cases.json`):
//!   their parameters (`validate_build`, `form_roundtrip`, `multipart_roundtrip`);
//! - the doctor cases (`doctor_cases.json`): a selector byte for the case's options, its
//!   capture and, after NUL, its "my string to sign" (`doctor`).
#![forbid(unsafe_code)]

#[path = "../../../crate/tests/support/sandbox_runner.rs"]
#[allow(dead_code)]
mod sandbox_runner;

use std::path::{Path, PathBuf};

use sandbox_runner::{CasesFile, SandboxTransport};
use serde_json::Value;
use signkit::daoke::percent_encode;
use signkit::sandbox::{HttpRequest, HttpResponse, Sandbox};
use signkit::server::{route, Route};
use signkit::{Api, BeijingTime, Vendor};

/// The pure emulator, recording every request and its answer.
struct Recorder {
    sandbox: Sandbox,
    now: i64,
    scenario: Vec<HttpRequest>,
    scenarios: Vec<Vec<HttpRequest>>,
    answers: Vec<(HttpRequest, HttpResponse)>,
}

impl SandboxTransport for Recorder {
    fn reset(&mut self, fixtures_json: &str, seed: u64) {
        if !self.scenario.is_empty() {
            self.scenarios.push(std::mem::take(&mut self.scenario));
        }
        if let Err(error) = self.sandbox.reset(Some(fixtures_json), Some(seed)) {
            panic!("the fixtures do not load: {error}");
        }
    }

    fn set_clock(&mut self, clock: &str) {
        self.now = BeijingTime::parse(clock).map_or(0, |time| time.to_unix());
    }

    fn send(&mut self, request: HttpRequest) -> HttpResponse {
        let response = self.sandbox.handle(&request, self.now);
        self.scenario.push(request.clone());
        self.answers.push((request, response.clone()));
        response
    }

    fn outbound_json(&mut self) -> String {
        self.sandbox.outbound_json()
    }
}

/// The raw HTTP/1.1 bytes of `request` as a client sends them (Host, the request's own
/// headers, Content-Length; or the body chunked).
fn raw_http(request: &HttpRequest, chunked: bool) -> Vec<u8> {
    let mut out = format!(
        "{} {} HTTP/1.1\r\nHost: 127.0.0.1:8787\r\n",
        request.method, request.target
    );
    for (name, value) in &request.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    let mut bytes = if chunked {
        out.push_str("Transfer-Encoding: chunked\r\n\r\n");
        let mut bytes = out.into_bytes();
        for chunk in request.body.chunks(37) {
            bytes.extend_from_slice(format!("{:x};x=y\r\n", chunk.len()).as_bytes());
            bytes.extend_from_slice(chunk);
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(b"0\r\nTrailer: t\r\n\r\n");
        return bytes;
    } else {
        out.push_str(&format!("Content-Length: {}\r\n\r\n", request.body.len()));
        out.into_bytes()
    };
    bytes.extend_from_slice(&request.body);
    bytes
}

/// `name=value&…`, both percent-encoded: the parameter text the targets read.
fn params_text(params: &Value) -> Vec<u8> {
    let pairs = params.as_array().map_or_else(Vec::new, |pairs| {
        pairs
            .iter()
            .filter_map(|pair| Some((pair.get(0)?.as_str()?, pair.get(1)?.as_str()?)))
            .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
            .collect()
    });
    pairs.join("&").into_bytes()
}

/// The campaign's `-max_len` (`./dev fuzz`).
const MAX_SEED: usize = 4096;

struct Seeds {
    root: PathBuf,
    written: usize,
}

impl Seeds {
    fn write(&mut self, target: &str, bytes: &[u8]) {
        let dir = self.root.join(target);
        let path = dir.join(format!("seed-{:04}", self.written));
        if let Err(error) =
            std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, bytes))
        {
            panic!("cannot write {}: {error}", path.display());
        }
        self.written += 1;
    }
}

fn read_spec(root: &Path, name: &str) -> String {
    let path = root.join("spec").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: seed DIR   (writes DIR/<target>/seed-NNNN)");
        std::process::exit(2);
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut seeds = Seeds {
        root: PathBuf::from(out),
        written: 0,
    };

    let cases = CasesFile::parse(&read_spec(&repo, "sandbox_cases.json"));
    let mut recorder = Recorder {
        sandbox: Sandbox::demo(),
        now: 0,
        scenario: Vec::new(),
        scenarios: Vec::new(),
        answers: Vec::new(),
    };
    // The expectations are checked by crate/tests/sandbox_cases.rs; here only the traffic counts.
    let _ = cases.run_all(&mut recorder);
    let last = std::mem::take(&mut recorder.scenario);
    recorder.scenarios.push(last);
    // Connections of consecutive requests, each at most MAX_SEED bytes (the campaign's
    // -max_len): a scenario's state changes carry over within one input.
    for requests in &recorder.scenarios {
        let mut stream: Vec<u8> = Vec::new();
        for request in requests {
            let raw = raw_http(request, false);
            if stream.len() + raw.len() > MAX_SEED {
                if !stream.is_empty() {
                    seeds.write("sandbox_handle", &stream);
                    seeds.write("wire", &[[7u8, 2].as_slice(), &stream].concat());
                }
                stream.clear();
            }
            if raw.len() <= MAX_SEED {
                stream.extend_from_slice(&raw);
            }
        }
        if !stream.is_empty() {
            seeds.write("sandbox_handle", &stream);
            seeds.write("wire", &[[7u8, 2].as_slice(), &stream].concat());
        }
        if let Some(first) = requests.first() {
            seeds.write(
                "wire",
                &[[1u8, 1].as_slice(), &raw_http(first, true)].concat(),
            );
        }
    }
    for (request, response) in &recorder.answers {
        let content_type = request.header("Content-Type").unwrap_or_default();
        if !request.body.is_empty() && request.body.len() < MAX_SEED {
            seeds.write(
                "server_parsers",
                &[content_type.as_bytes(), &[0], &request.body].concat(),
            );
        }
        let api = match route(request.path()) {
            Route::Daoke(api) => Some(api.api()),
            Route::Ytx => Some(Api::InviteMeeting),
            Route::Unknown => None,
        };
        if let Some(api) = api {
            let vendor = api.vendor();
            let index = Api::ALL
                .iter()
                .filter(|a| a.vendor() == vendor)
                .position(|a| *a == api);
            let selector = index.map_or(0, |i| i * 2) + usize::from(vendor == Vendor::Ytx);
            let selector = u8::try_from(selector).unwrap_or_default();
            seeds.write(
                "decode_reply",
                &[&[selector], response.body.as_slice()].concat(),
            );
        }
    }

    let vectors: Value =
        serde_json::from_str(&read_spec(&repo, "vectors.json")).unwrap_or_default();
    let validation: Value =
        serde_json::from_str(&read_spec(&repo, "validation_cases.json")).unwrap_or_default();
    let vector_params = vectors["vectors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            let multipart = v["inputs"]["encoding"].as_str() == Some("multipart");
            (
                v["api"].as_str().unwrap_or_default().to_owned(),
                v["inputs"]["params"].clone(),
                multipart,
            )
        });
    let case_params = validation["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            (
                c["api"].as_str().unwrap_or_default().to_owned(),
                c["params"].clone(),
                false,
            )
        });
    for (n, (api, params, multipart)) in vector_params.chain(case_params).enumerate() {
        let Some(index) = Api::DAOKE.iter().position(|a| a.name() == api) else {
            continue;
        };
        let text = params_text(&params);
        let selector = u8::try_from(index).unwrap_or_default() | if multipart { 4 } else { 0 };
        seeds.write("validate_build", &[&[selector], text.as_slice()].concat());
        seeds.write("form_roundtrip", &text);
        let boundary = b"----signkitFuzzBoundary7MA4YWxk";
        let length =
            u8::try_from(boundary.len()).unwrap_or_default() | if n % 3 == 0 { 0x80 } else { 0 };
        seeds.write(
            "multipart_roundtrip",
            &[&[length], boundary.as_slice(), &text].concat(),
        );
    }
    let doctor = serde_json::from_str::<Value>(&read_spec(&repo, "doctor_cases.json"))
        .unwrap_or_else(|error| panic!("doctor_cases.json: {error}"));
    for case in doctor["cases"].as_array().into_iter().flatten() {
        let options = &case["options"];
        let api = options["api"]
            .as_str()
            .and_then(|name| Api::ALL.iter().position(|api| api.name() == name))
            .map_or(0, |index| index + 1);
        let mut selector = u8::try_from(api).unwrap_or_default();
        for (bit, key) in [
            (8, "secret"),
            (16, "authToken"),
            (32, "now"),
            (64, "revealSecret"),
        ] {
            if !options[key].is_null() && options[key] != Value::Bool(false) {
                selector |= bit;
            }
        }
        let mut bytes = vec![selector];
        bytes.extend_from_slice(case["capture"].as_str().unwrap_or_default().as_bytes());
        if let Some(mine) = options["myStringToSign"].as_str() {
            bytes.push(0);
            bytes.extend_from_slice(mine.as_bytes());
        }
        seeds.write("doctor", &bytes);
    }
    eprintln!(
        "seed: wrote {} files under {}",
        seeds.written,
        seeds.root.display()
    );
}
