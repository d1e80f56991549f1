//! The sandbox conformance runner of spec §11.2, generic over how requests reach the
//! sandbox (the pure emulator, or the HTTP front door over real HTTP).
//!
//! The runner acts like an outside client: it builds every request with signkit's client
//! side (canonicalisation, signer, body encoders, YTX signer) and judges only the answers
//! and the `outbound` document; it never looks inside the emulator.
//!
//! Include it with `#[path = "support/sandbox_runner.rs"] mod sandbox_runner;`.

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use signkit::daoke::{form_body, multipart_body, Boundary, Secret, StringToSign};
use signkit::sandbox::{HttpRequest, HttpResponse};
use signkit::ytx::{build_invite_meeting, AuthToken, InviteMeeting, Party, YtxEnvironment};
use signkit::{base64, Api, FilePart, Params};

/// How the runner reaches a sandbox.
pub trait SandboxTransport {
    /// Loads `fixtures_json`, seeds the random source with `seed`, clears `outbound`.
    fn reset(&mut self, fixtures_json: &str, seed: u64);
    /// Freezes the sandbox clock at `clock` (`yyyyMMddHHmmss`, UTC+8).
    fn set_clock(&mut self, clock: &str);
    /// Sends one raw request.
    fn send(&mut self, request: HttpRequest) -> HttpResponse;
    /// The current `outbound` array as JSON.
    fn outbound_json(&mut self) -> String;
}

/// `sandbox_cases.json`.
#[derive(Deserialize)]
pub struct CasesFile {
    /// `signkit sandbox cases, format 1`.
    pub format: String,
    /// Secrets and defaults of the runner.
    pub runner: RunnerConfig,
    /// The default demo fixtures.
    pub fixtures: Value,
    /// The declared number of scenarios.
    pub count: usize,
    /// The scenarios.
    pub scenarios: Vec<Scenario>,
}

/// The `runner` member.
#[derive(Deserialize)]
pub struct RunnerConfig {
    secret: String,
    boundary: String,
    #[serde(rename = "ytxAccountSID")]
    ytx_account_sid: String,
    #[serde(rename = "ytxAuthToken")]
    ytx_auth_token: String,
}

/// One scenario: a fresh sandbox and a sequence of steps.
#[derive(Deserialize)]
pub struct Scenario {
    /// e.g. `S01`.
    pub id: String,
    description: String,
    clock: String,
    #[serde(default)]
    seed: u64,
    steps: Vec<Step>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Step {
    api: String,
    #[serde(default)]
    params: Value,
    encoding: Option<String>,
    boundary: Option<String>,
    #[serde(default)]
    files: Vec<FileSpec>,
    sign_with: Option<String>,
    #[serde(default)]
    tamper: Tamper,
    raw_body: Option<String>,
    method: Option<String>,
    path: Option<String>,
    #[serde(default)]
    headers: Vec<(String, Option<String>)>,
    clock: Option<String>,
    body: Option<OrderedJson>,
    expect: Value,
}

impl FileSpec {
    fn to_part(&self) -> FilePart {
        FilePart {
            name: self.name.clone(),
            filename: self.filename.clone(),
            content_type: self.content_type.clone(),
            data: base64::decode(&self.data_base64).expect("data_base64 is standard Base64"),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileSpec {
    name: String,
    filename: String,
    content_type: String,
    #[serde(rename = "data_base64")]
    data_base64: String,
}

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Tamper {
    sign: Option<String>,
    authorization: Option<String>,
    authorization_plain: Option<String>,
}

impl CasesFile {
    /// Parses the cases file.
    pub fn parse(json: &str) -> CasesFile {
        serde_json::from_str(json).expect("sandbox_cases.json parses")
    }

    /// Runs every scenario; returns one line per failed expectation (empty = all pass).
    pub fn run_all(&self, transport: &mut dyn SandboxTransport) -> Vec<String> {
        self.scenarios
            .iter()
            .flat_map(|s| self.run_one(s, transport))
            .collect()
    }

    /// Runs one scenario (from a fresh reset); returns one line per failed expectation.
    pub fn run_one(
        &self,
        scenario: &Scenario,
        transport: &mut dyn SandboxTransport,
    ) -> Vec<String> {
        self.run_scenario(scenario, &self.fixtures.to_string(), transport)
    }

    fn run_scenario(
        &self,
        scenario: &Scenario,
        fixtures: &str,
        transport: &mut dyn SandboxTransport,
    ) -> Vec<String> {
        transport.reset(fixtures, scenario.seed);
        let mut clock = scenario.clock.clone();
        transport.set_clock(&clock);
        let mut failures = Vec::new();
        for (index, step) in scenario.steps.iter().enumerate() {
            if let Some(step_clock) = &step.clock {
                clock = step_clock.clone();
                transport.set_clock(&clock);
            }
            let before = outbound_records(transport).len();
            let request = self.build_request(step, &clock);
            let response = transport.send(request);
            let appended: Vec<Value> = outbound_records(transport)
                .into_iter()
                .skip(before)
                .collect();
            for problem in check_expectations(&step.expect, &response, &appended) {
                failures.push(format!(
                    "{} step {} ({}; {}): {problem}",
                    scenario.id,
                    index + 1,
                    step.api,
                    scenario.description
                ));
            }
        }
        failures
    }

    fn build_request(&self, step: &Step, clock: &str) -> HttpRequest {
        let api = Api::from_name(&step.api).unwrap_or_else(|| panic!("unknown api {}", step.api));
        let mut request = if api == Api::InviteMeeting {
            self.build_ytx(step, clock)
        } else {
            self.build_daoke(step, api)
        };
        if let Some(method) = &step.method {
            request.method = method.clone();
        }
        if let Some(path) = &step.path {
            request.target = path.clone();
        }
        for (name, value) in &step.headers {
            let position = request
                .headers
                .iter()
                .position(|(n, _)| n.eq_ignore_ascii_case(name));
            match (position, value) {
                (Some(i), Some(v)) => request.headers[i] = (name.clone(), v.clone()),
                (Some(i), None) => {
                    request.headers.remove(i);
                }
                (None, Some(v)) => request.headers.push((name.clone(), v.clone())),
                (None, None) => {}
            }
        }
        request
    }

    fn build_daoke(&self, step: &Step, api: Api) -> HttpRequest {
        let multipart = match step.encoding.as_deref() {
            Some("multipart") => true,
            Some("form-urlencoded") => false,
            Some(other) => panic!("unknown encoding {other}"),
            None => api == Api::InviteUserJoin,
        };
        let boundary = step.boundary.as_deref().unwrap_or(&self.runner.boundary);
        let content_type = if multipart {
            format!("multipart/form-data; boundary={boundary}")
        } else {
            "application/x-www-form-urlencoded".to_owned()
        };
        let body = match &step.raw_body {
            Some(raw) => raw.clone().into_bytes(),
            None => {
                // Pipeline steps 1–2 only: no endpoint omissions, no validation.
                let canonical = daoke_params(&step.params).canonicalised();
                let secret = Secret::new(step.sign_with.as_deref().unwrap_or(&self.runner.secret));
                let sign = StringToSign::from_canonical(canonical.iter(), &secret)
                    .sign()
                    .to_string();
                let mut sent = canonical;
                if let Some(sign) = tampered(sign, step.tamper.sign.as_deref()) {
                    sent.push("sign", sign);
                }
                if multipart {
                    let boundary = Boundary::new(boundary).expect("the step's boundary is valid");
                    let file = match step.files.as_slice() {
                        [] => None,
                        [file] => Some(file.to_part()),
                        _ => panic!("at most one file part"),
                    };
                    multipart_body(&sent, None, file.as_ref(), &boundary)
                        .expect("the multipart body builds")
                } else {
                    assert!(step.files.is_empty(), "files need the multipart encoding");
                    form_body(&sent, None).into_bytes()
                }
            }
        };
        HttpRequest {
            method: "POST".to_owned(),
            target: api.path().to_owned(),
            headers: vec![("Content-Type".to_owned(), content_type)],
            body,
        }
    }

    fn build_ytx(&self, step: &Step, clock: &str) -> HttpRequest {
        let param = |name: &str| step.params.get(name).and_then(Value::as_str);
        let parties = step
            .params
            .get("parties")
            .and_then(Value::as_array)
            .map_or_else(Vec::new, |parties| {
                parties
                    .iter()
                    .map(|p| Party::new(p["name"].as_str().unwrap(), p["phone"].as_str().unwrap()))
                    .collect()
            });
        let invite = InviteMeeting {
            account_sid: param("accountSID")
                .unwrap_or(&self.runner.ytx_account_sid)
                .to_owned(),
            auth_token: AuthToken::new(param("authToken").unwrap_or(&self.runner.ytx_auth_token)),
            version: param("version")
                .unwrap_or(InviteMeeting::DEFAULT_VERSION)
                .to_owned(),
            timestamp: param("timestamp").unwrap_or(clock).to_owned(),
            appid: param("appid").unwrap_or_default().to_owned(),
            confid: param("confid").unwrap_or_default().to_owned(),
            parties,
            custom_parm: param("CustomParm").map(str::to_owned),
            action: param("action").map(str::to_owned),
        };
        let built = build_invite_meeting(&invite, YtxEnvironment::Sandbox);
        let mut request = built.request;
        let path = request
            .path
            .split_once('?')
            .map_or(request.path.as_str(), |(path, _)| path)
            .to_owned();
        let target = match tampered(built.signature.sign, step.tamper.sign.as_deref()) {
            Some(sign) => format!("{path}?Sign={sign}"),
            None => path,
        };
        match (&step.tamper.authorization, &step.tamper.authorization_plain) {
            (Some(header), _) if header == "omit" => request.remove_header("Authorization"),
            (Some(header), _) => request.set_header("Authorization", header),
            (None, Some(plain)) => {
                request.set_header("Authorization", &base64::encode(plain.as_bytes()))
            }
            (None, None) => {}
        }
        let body = match (&step.raw_body, &step.body) {
            (Some(raw), _) => raw.clone().into_bytes(),
            (None, Some(json)) => json.to_compact().into_bytes(),
            (None, None) => request.body,
        };
        HttpRequest {
            method: request.method,
            target,
            headers: request.headers,
            body,
        }
    }
}

/// `[[name, value], …]` as ordered parameters.
fn daoke_params(params: &Value) -> Params {
    params
        .as_array()
        .expect("daoke params are an array of pairs")
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().expect("name").to_owned(),
                pair[1].as_str().expect("value").to_owned(),
            )
        })
        .collect()
}

/// The sign to send after `tamper.sign`: `None` leaves it out.
fn tampered(sign: String, tamper: Option<&str>) -> Option<String> {
    match tamper {
        None => Some(sign),
        Some("omit") => None,
        Some("lowercase") => Some(sign.to_lowercase()),
        Some("flipLast") => {
            let mut chars: Vec<char> = sign.chars().collect();
            if let Some(last) = chars.last_mut() {
                *last = if *last == '0' { '1' } else { '0' };
            }
            Some(chars.into_iter().collect())
        }
        Some(literal) => Some(literal.to_owned()),
    }
}

fn outbound_records(transport: &mut dyn SandboxTransport) -> Vec<Value> {
    match serde_json::from_str(&transport.outbound_json()) {
        Ok(Value::Array(records)) => records,
        other => panic!("outbound is not a JSON array: {other:?}"),
    }
}

/// Every member of `expect` that does not hold.
fn check_expectations(expect: &Value, response: &HttpResponse, appended: &[Value]) -> Vec<String> {
    let mut problems = Vec::new();
    let expect = expect.as_object().expect("expect is an object");
    let status = expect
        .get("httpStatus")
        .and_then(Value::as_u64)
        .unwrap_or(200);
    if u64::from(response.status) != status {
        problems.push(format!(
            "HTTP status {} instead of {status}",
            response.status
        ));
    }
    let body_text = String::from_utf8_lossy(&response.body);
    let parsed: Option<Value> = serde_json::from_slice(&response.body).ok();
    for (member, expected) in expect {
        match member.as_str() {
            "httpStatus" => {}
            "contentType" => {
                let actual = response
                    .headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
                    .map(|(_, v)| v.as_str());
                if actual != expected.as_str() {
                    problems.push(format!("Content-Type {actual:?} instead of {expected}"));
                }
            }
            "bodyExact" => {
                if Some(body_text.as_ref()) != expected.as_str() {
                    problems.push(format!("body {body_text:?} instead of {expected}"));
                }
            }
            "outbound" => {
                let actual = Value::Array(appended.to_vec());
                if let Err(why) = matches(expected, &actual) {
                    problems.push(format!(
                        "outbound {actual} does not match {expected}: {why}"
                    ));
                }
            }
            field => match parsed.as_ref().and_then(|p| p.get(field)) {
                Some(actual) => {
                    if let Err(why) = matches(expected, actual) {
                        problems.push(format!("{field} {actual} does not match {expected}: {why} (body {body_text:?})"));
                    }
                }
                None => problems.push(format!("no {field} in the answer {body_text:?}")),
            },
        }
    }
    problems
}

/// The matchers of spec §11.2.
fn matches(expected: &Value, actual: &Value) -> Result<(), String> {
    match expected {
        Value::Object(map) if map.len() == 1 && map.keys().all(|k| k.starts_with('$')) => {
            let (operator, operand) = map.iter().next().unwrap();
            match operator.as_str() {
                "$regex" => {
                    let pattern = operand.as_str().ok_or("$regex needs a string")?;
                    let text = actual
                        .as_str()
                        .ok_or_else(|| format!("{actual} is not a string"))?;
                    if regex::full_match(pattern, text) {
                        Ok(())
                    } else {
                        Err(format!("{text:?} does not match /{pattern}/"))
                    }
                }
                "$has" => {
                    let wanted = operand.as_object().ok_or("$has needs an object")?;
                    let object = actual
                        .as_object()
                        .ok_or_else(|| format!("{actual} is not an object"))?;
                    for (key, value) in wanted {
                        let got = object
                            .get(key)
                            .ok_or_else(|| format!("missing key {key}"))?;
                        matches(value, got).map_err(|why| format!("{key}: {why}"))?;
                    }
                    Ok(())
                }
                "$type" => {
                    let wanted = operand.as_str().ok_or("$type needs a string")?;
                    let actual_type = match actual {
                        Value::Null => "null",
                        Value::Bool(_) => "boolean",
                        Value::Number(_) => "number",
                        Value::String(_) => "string",
                        Value::Array(_) => "array",
                        Value::Object(_) => "object",
                    };
                    if actual_type == wanted {
                        Ok(())
                    } else {
                        Err(format!("{actual} is a {actual_type}, not a {wanted}"))
                    }
                }
                "$any" => Ok(()),
                other => Err(format!("unknown matcher {other}")),
            }
        }
        Value::Object(map) => {
            let object = actual
                .as_object()
                .ok_or_else(|| format!("{actual} is not an object"))?;
            if object.len() != map.len() || !map.keys().all(|k| object.contains_key(k)) {
                return Err(format!("keys differ: {actual} vs {expected}"));
            }
            map.iter()
                .try_for_each(|(k, v)| matches(v, &object[k]).map_err(|why| format!("{k}: {why}")))
        }
        Value::Array(items) => {
            let actual_items = actual
                .as_array()
                .ok_or_else(|| format!("{actual} is not an array"))?;
            if actual_items.len() != items.len() {
                return Err(format!(
                    "{} elements instead of {}",
                    actual_items.len(),
                    items.len()
                ));
            }
            items
                .iter()
                .zip(actual_items)
                .enumerate()
                .try_for_each(|(i, (e, a))| matches(e, a).map_err(|why| format!("[{i}]: {why}")))
        }
        scalar => {
            if scalar == actual {
                Ok(())
            } else {
                Err(format!("{actual} != {scalar}"))
            }
        }
    }
}

/// A JSON value that keeps its object keys in document order (the `body` of YTX steps is
/// sent "as compact JSON in the given key order"; a `serde_json::Value` map would sort it).
pub enum OrderedJson {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<OrderedJson>),
    Object(Vec<(String, OrderedJson)>),
}

impl OrderedJson {
    /// Compact JSON, keys in document order, raw UTF-8.
    pub fn to_compact(&self) -> String {
        match self {
            OrderedJson::Null => "null".to_owned(),
            OrderedJson::Bool(b) => b.to_string(),
            OrderedJson::Number(n) => n.to_string(),
            OrderedJson::String(s) => serde_json::to_string(s).unwrap(),
            OrderedJson::Array(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(OrderedJson::to_compact)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            OrderedJson::Object(members) => format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!(
                        "{}:{}",
                        serde_json::to_string(k).unwrap(),
                        v.to_compact()
                    ))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }
}

impl<'de> Deserialize<'de> for OrderedJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor;
        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = OrderedJson;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<OrderedJson, E> {
                Ok(OrderedJson::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<OrderedJson, E> {
                Ok(OrderedJson::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<OrderedJson, E> {
                Ok(OrderedJson::Number(n.into()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<OrderedJson, E> {
                Ok(OrderedJson::Number(n.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<OrderedJson, E> {
                serde_json::Number::from_f64(n)
                    .map(OrderedJson::Number)
                    .ok_or_else(|| E::custom("non-finite number"))
            }
            fn visit_str<E>(self, s: &str) -> Result<OrderedJson, E> {
                Ok(OrderedJson::String(s.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OrderedJson, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OrderedJson::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedJson, A::Error> {
                let mut members = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, OrderedJson>()? {
                    members.push((key, value));
                }
                Ok(OrderedJson::Object(members))
            }
        }
        deserializer.deserialize_any(OrderedVisitor)
    }
}

/// A full-match regular expression engine for the syntax the cases use (literals, `.`,
/// bracket classes with ranges, `\d \w \s` and escaped literals, quantifiers `? * + {n}
/// {n,} {n,m}`). Anything else panics, so a new construct in the cases cannot pass
/// silently.
mod regex {
    #[derive(Debug)]
    enum Atom {
        Literal(char),
        Any,
        Class {
            ranges: Vec<(char, char)>,
            negated: bool,
        },
    }

    impl Atom {
        fn accepts(&self, c: char) -> bool {
            match self {
                Atom::Literal(l) => *l == c,
                Atom::Any => c != '\n',
                Atom::Class { ranges, negated } => {
                    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated
                }
            }
        }
    }

    fn shorthand(c: char) -> Option<Vec<(char, char)>> {
        match c {
            'd' => Some(vec![('0', '9')]),
            'w' => Some(vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')]),
            's' => Some(vec![(' ', ' '), ('\t', '\r')]),
            _ => None,
        }
    }

    fn parse(pattern: &str) -> Vec<(Atom, usize, usize)> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut i = 0;
        let mut atoms = Vec::new();
        while i < chars.len() {
            let atom = match chars[i] {
                '.' => Atom::Any,
                '\\' => {
                    i += 1;
                    let c = chars[i];
                    match shorthand(c) {
                        Some(ranges) => Atom::Class {
                            ranges,
                            negated: false,
                        },
                        None if c.is_ascii_punctuation() => Atom::Literal(c),
                        None => panic!("unsupported escape \\{c} in /{pattern}/"),
                    }
                }
                '[' => {
                    i += 1;
                    let negated = chars[i] == '^';
                    if negated {
                        i += 1;
                    }
                    let mut ranges = Vec::new();
                    while chars[i] != ']' {
                        let lo = chars[i];
                        if chars[i + 1] == '-' && chars[i + 2] != ']' {
                            ranges.push((lo, chars[i + 2]));
                            i += 3;
                        } else {
                            ranges.push((lo, lo));
                            i += 1;
                        }
                    }
                    Atom::Class { ranges, negated }
                }
                c @ ('(' | ')' | '|' | '^' | '$' | '{' | '}' | '*' | '+' | '?') => {
                    panic!("unsupported regex syntax {c:?} in /{pattern}/")
                }
                c => Atom::Literal(c),
            };
            i += 1;
            let (min, max) = match chars.get(i) {
                Some('?') => (0, 1),
                Some('*') => (0, usize::MAX),
                Some('+') => (1, usize::MAX),
                Some('{') => {
                    let close = chars[i..]
                        .iter()
                        .position(|&c| c == '}')
                        .map(|p| p + i)
                        .expect("closing }");
                    let inner: String = chars[i + 1..close].iter().collect();
                    i = close;
                    match inner.split_once(',') {
                        None => {
                            let n = inner.parse().expect("{n}");
                            (n, n)
                        }
                        Some((lo, "")) => (lo.parse().expect("{n,}"), usize::MAX),
                        Some((lo, hi)) => (lo.parse().expect("{n,m}"), hi.parse().expect("{n,m}")),
                    }
                }
                _ => {
                    atoms.push((atom, 1, 1));
                    continue;
                }
            };
            i += 1;
            atoms.push((atom, min, max));
        }
        atoms
    }

    fn match_from(atoms: &[(Atom, usize, usize)], text: &[char]) -> bool {
        let Some(((atom, min, max), rest)) = atoms.split_first() else {
            return text.is_empty();
        };
        let run = text
            .iter()
            .take(*max)
            .take_while(|&&c| atom.accepts(c))
            .count();
        (*min..=run).rev().any(|n| match_from(rest, &text[n..]))
    }

    /// Whether `pattern` matches all of `text`.
    pub fn full_match(pattern: &str, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        match_from(&parse(pattern), &chars)
    }

    #[test]
    fn the_syntax_the_cases_use() {
        assert!(full_match("p[0-9A-Za-z]{15}", "pluX4ZOFYzcnOJ7z"));
        assert!(!full_match("p[0-9A-Za-z]{15}", "tluX4ZOFYzcnOJ7z"));
        assert!(!full_match("p[0-9A-Za-z]{15}", "pluX4ZOFYzcnOJ7"));
        assert!(!full_match("p[0-9A-Za-z]{15}", "pluX4ZOFYzcnOJ7z1"));
        assert!(full_match("a\\.b+c?\\d{2,}", "a.bb12345"));
        assert!(!full_match("[^a]x*", "a"));
    }
}
