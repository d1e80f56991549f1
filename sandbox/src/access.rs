//! Who may talk to the sandbox (spec §10.9 rules 1–3). The sandbox runs on a developer's
//! machine while that developer browses the web, and any page can make the browser send
//! requests to `127.0.0.1`, so a request head is checked before anything of it is used:
//!
//! 1. its `Host` must name a loopback host (or an `--allow-host` one): a DNS-rebinding page,
//!    whose requests are same-origin for the browser, still sends its own host name; so must
//!    every `X-Forwarded-Host`, where a proxy in front (`trunk serve`) passes that name on;
//! 2. its `Origin`, when it has one, must be a loopback origin (or an `--allow-origin` one):
//!    this stops the "simple" cross-origin requests browsers send without a preflight;
//! 3. an admitted request with an `Origin` gets CORS headers echoing that origin.
//!
//! Requests without `Origin` (curl, scripts, tests, a same-origin `GET`) pass rule 2, and
//! requests without `Host` (HTTP/1.0 clients; browsers always send one) pass rule 1: neither
//! can come from a page elsewhere. This is not vendor behaviour, so it lives here and not in
//! the emulator.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use signkit::sandbox::HttpResponse;

/// The loopback hosts, as the banner names them (see [`is_loopback_host`]).
const LOOPBACK_HOSTS: &str = "localhost, *.localhost, 127.0.0.0/8, [::1]";

/// The header in which proxies pass on the `Host` the client sent them.
pub const FORWARDED_HOST: &str = "X-Forwarded-Host";

/// Hosts and origins admitted besides the loopback ones: `--allow-host` and `--allow-origin`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessPolicy {
    /// `--allow-host` names, normalised by [`allowed_host`].
    hosts: Vec<String>,
    /// `--allow-origin` origins, normalised by [`allowed_origin`].
    origins: Vec<String>,
    /// `--allow-origin '*'`: every origin.
    any_origin: bool,
}

/// An `--allow-host` or `--allow-origin` value that cannot be used, with what to give instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadAllowance(pub &'static str);

impl fmt::Display for BadAllowance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Why a request is refused: `403` and a `text/plain` body, before its body is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Rule 1: the `Host` header (or an `X-Forwarded-Host`) names a host that is neither
    /// loopback nor allowed.
    Host,
    /// Rule 2: the `Origin` header names an origin that is neither loopback nor allowed.
    Origin,
}

impl Refusal {
    /// The answer of spec §10.9: `403`, `sandbox: host not allowed` or
    /// `sandbox: origin not allowed` + LF, and no CORS headers.
    pub fn response(self) -> HttpResponse {
        HttpResponse {
            status: 403,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: format!("sandbox: {}\n", self.reason()).into_bytes(),
        }
    }

    /// Why, in the words of the answer's body.
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Host => "host not allowed",
            Refusal::Origin => "origin not allowed",
        }
    }

    /// The headers this refusal is about.
    pub fn header_names(self) -> &'static [&'static str] {
        match self {
            Refusal::Host => &["Host", FORWARDED_HOST],
            Refusal::Origin => &["Origin"],
        }
    }

    /// The flag that would admit such a request, for the log line a refusal leaves.
    pub fn remedy(self) -> &'static str {
        match self {
            Refusal::Host => "--allow-host NAME admits another host name",
            Refusal::Origin => "--allow-origin ORIGIN admits another origin",
        }
    }
}

/// A request that passed the checks, with what CORS may tell its page. Only
/// [`AccessPolicy::admit`] makes one, so an answer cannot be sent without the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admission {
    cors: Cors,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Cors {
    /// No `Origin`: no CORS headers.
    None,
    /// `Access-Control-Allow-Origin: <this origin>`.
    Echo(String),
    /// `Access-Control-Allow-Origin: *` (`--allow-origin '*'`).
    Any,
}

impl Admission {
    /// Adds the CORS headers (rule 3) to an answer for this request: the request's own
    /// origin, or `*` only with `--allow-origin '*'`, and `Vary: Origin` because the answer
    /// depends on it. Nothing for a request without `Origin`.
    pub fn add_cors_headers(&self, response: &mut HttpResponse) {
        let allowed = match &self.cors {
            Cors::None => return,
            Cors::Echo(origin) => origin.clone(),
            Cors::Any => "*".to_owned(),
        };
        response
            .headers
            .push(("Access-Control-Allow-Origin".into(), allowed));
        response.headers.push(("Vary".into(), "Origin".into()));
    }
}

impl AccessPolicy {
    /// Admits `name` too (`--allow-host`): a host name or an IP address, without port.
    pub fn allow_host(&mut self, name: &str) -> Result<(), BadAllowance> {
        let host = allowed_host(name)?;
        if !self.hosts.contains(&host) {
            self.hosts.push(host);
        }
        Ok(())
    }

    /// Admits `origin` too (`--allow-origin`): `scheme://host[:port]`, or `*` for every origin.
    pub fn allow_origin(&mut self, origin: &str) -> Result<(), BadAllowance> {
        if origin == "*" {
            self.any_origin = true;
            return Ok(());
        }
        let origin = allowed_origin(origin)?;
        if !self.origins.contains(&origin) {
            self.origins.push(origin);
        }
        Ok(())
    }

    /// Rules 1 and 2 on a request's header list, before anything else of the request is
    /// used. A repeated `Host` or `Origin` is refused: browsers send one, and which copy a
    /// server would believe is exactly the ambiguity an attacker looks for.
    pub fn admit(&self, headers: &[(String, String)]) -> Result<Admission, Refusal> {
        match single(headers, "host") {
            Err(()) => return Err(Refusal::Host),
            Ok(Some(host)) if !self.host_is_allowed(host) => return Err(Refusal::Host),
            Ok(_) => {}
        }
        // A proxy in front (`trunk serve` proxies /proxy/sandbox/ here) replaces `Host` with
        // ours and passes the host the browser asked for in `X-Forwarded-Host`: a page that
        // rebinds the proxy's name would otherwise reach us with a loopback `Host`.
        let forwarded_ok = headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case(FORWARDED_HOST))
            .flat_map(|(_, value)| value.split(','))
            .all(|host| self.host_is_allowed(host.trim()));
        if !forwarded_ok {
            return Err(Refusal::Host);
        }
        let cors = match single(headers, "origin") {
            Err(()) => return Err(Refusal::Origin),
            Ok(None) => Cors::None,
            Ok(Some(_)) if self.any_origin => Cors::Any,
            Ok(Some(origin)) if self.origin_is_allowed(origin) => Cors::Echo(origin.to_owned()),
            Ok(Some(_)) => return Err(Refusal::Origin),
        };
        Ok(Admission { cors })
    }

    fn host_is_allowed(&self, value: &str) -> bool {
        split_host_port(value).is_some_and(|host| {
            let host = normal_host(host);
            is_loopback_host(&host) || self.hosts.contains(&host)
        })
    }

    fn origin_is_allowed(&self, value: &str) -> bool {
        let Some(host) = origin_host(value) else {
            // `null` (sandboxed frames, `file:` pages, redirects) and anything malformed.
            return false;
        };
        is_loopback_host(&normal_host(host)) || self.origins.contains(&value.to_ascii_lowercase())
    }

    /// What the start-up banner says about who can reach the sandbox (rule 5).
    pub fn describe(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let hosts = if self.hosts.is_empty() {
            String::new()
        } else {
            format!(" and {}", self.hosts.join(", "))
        };
        lines.push(format!(
            "hosts: requests must name a loopback host ({LOOPBACK_HOSTS}){hosts} in Host (and X-Forwarded-Host); others get 403"
        ));
        if self.any_origin {
            lines.push(
                "WARNING: --allow-origin '*': EVERY web page you open can read and change this sandbox (secrets too, with ?secrets=1)"
                    .to_owned(),
            );
        } else {
            let origins = if self.origins.is_empty() {
                String::new()
            } else {
                format!(" and {}", self.origins.join(", "))
            };
            lines.push(format!(
                "origins: pages from loopback origins (http or https; {LOOPBACK_HOSTS}; any port){origins} may call it (CORS echoes their origin); pages from other origins get 403"
            ));
        }
        lines
    }
}

/// The value of the only header called `name`: `Ok(None)` when absent, `Err` when repeated.
fn single<'h>(headers: &'h [(String, String)], name: &str) -> Result<Option<&'h str>, ()> {
    let mut values = headers
        .iter()
        .filter(|(header, _)| header.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str());
    let first = values.next();
    match values.next() {
        Some(_) => Err(()),
        None => Ok(first),
    }
}

/// The host of a `Host` value or of an origin's authority: `host` or `[ipv6]`, with an
/// optional `:port` of digits. `None` for anything else (userinfo, paths, an empty host).
fn split_host_port(authority: &str) -> Option<&str> {
    let (host, port) = if authority.starts_with('[') {
        authority.split_at(authority.find(']')? + 1)
    } else {
        authority.split_at(authority.find(':').unwrap_or(authority.len()))
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|digits| {
            (1..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
        });
    (!host.is_empty() && port_ok).then_some(host)
}

/// The host of a serialised origin `http(s)://host[:port]` (what browsers send: no path, no
/// userinfo); `None` for `null` and anything else.
fn origin_host(origin: &str) -> Option<&str> {
    let (scheme, authority) = origin.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    split_host_port(authority)
}

/// A host name as compared: lower case, without the one trailing dot of a fully qualified
/// name (`trunk serve` prints `http://localhost.:8080/` among its addresses; browsers treat
/// `localhost.` as `localhost`).
fn normal_host(host: &str) -> String {
    let host = host.to_ascii_lowercase();
    match host.strip_suffix('.') {
        Some(name) if !name.ends_with('.') => name.to_owned(),
        _ => host,
    }
}

/// Whether `host` (as [`normal_host`] leaves it: lower case, no trailing dot, IPv6 in
/// brackets) is a loopback host: `localhost`, a name under `.localhost` (RFC 6761: browsers
/// resolve them to loopback themselves, so DNS cannot rebind them), an address in
/// 127.0.0.0/8, or `[::1]` (also as an IPv4-mapped 127.x address).
fn is_loopback_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner
            .parse::<Ipv6Addr>()
            .is_ok_and(|address| address.to_canonical().is_loopback());
    }
    if let Ok(address) = host.parse::<Ipv4Addr>() {
        return address.is_loopback();
    }
    host == "localhost"
        || host.strip_suffix(".localhost").is_some_and(|sub| {
            sub.split('.').all(|label| {
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
        })
}

/// Normalises an `--allow-host` value: as [`normal_host`]; an IPv6 address in brackets.
fn allowed_host(name: &str) -> Result<String, BadAllowance> {
    let name = normal_host(name.trim());
    if let Ok(address) = name.parse::<Ipv6Addr>() {
        return Ok(format!("[{address}]"));
    }
    let bare = name.strip_prefix('[').and_then(|n| n.strip_suffix(']'));
    if let Some(address) = bare.and_then(|inner| inner.parse::<Ipv6Addr>().ok()) {
        return Ok(format!("[{address}]"));
    }
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    if name.contains(':') {
        return Err(BadAllowance(
            "a host name or IP address without a port, e.g. --allow-host sandbox.test (every port is allowed)",
        ));
    }
    if !valid {
        return Err(BadAllowance(
            "a host name or IP address, e.g. --allow-host sandbox.test or --allow-host 192.168.1.5",
        ));
    }
    Ok(name)
}

/// Normalises an `--allow-origin` value to the form browsers send: lower case, no trailing
/// slash, no default port (`:80` for http, `:443` for https).
fn allowed_origin(origin: &str) -> Result<String, BadAllowance> {
    const EXPECTED: &str =
        "`*` or an origin scheme://host[:port] without a path, e.g. --allow-origin https://tools.example.com";
    let origin = origin.trim().trim_end_matches('/').to_ascii_lowercase();
    let host = origin_host(&origin).ok_or(BadAllowance(EXPECTED))?;
    if host.contains('/') || host.contains('@') {
        return Err(BadAllowance(EXPECTED));
    }
    let without_default_port = origin
        .strip_suffix(":80")
        .filter(|_| origin.starts_with("http://"))
        .or_else(|| {
            origin
                .strip_suffix(":443")
                .filter(|_| origin.starts_with("https://"))
        });
    Ok(without_default_port.unwrap_or(&origin).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(name, value)| ((*name).into(), (*value).into()))
            .collect()
    }

    fn admit(policy: &AccessPolicy, pairs: &[(&str, &str)]) -> Result<Admission, Refusal> {
        policy.admit(&headers(pairs))
    }

    fn cors_of(admission: &Admission) -> Option<String> {
        let mut response = HttpResponse::default();
        admission.add_cors_headers(&mut response);
        response
            .header("Access-Control-Allow-Origin")
            .map(str::to_owned)
    }

    #[test]
    fn loopback_hosts() {
        for host in [
            "localhost",
            "app.localhost",
            "a.b-c.localhost",
            "127.0.0.1",
            "127.0.0.2",
            "127.255.255.254",
            "[::1]",
            "[0:0:0:0:0:0:0:1]",
            "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "localhost..",
            ".localhost",
            "a..localhost",
            "localhost.evil.example",
            "evil-localhost",
            "evillocalhost",
            "128.0.0.1",
            "0.0.0.0",
            "127.1",
            "0x7f.0.0.1",
            "127.000.000.001",
            "[::]",
            "[::2]",
            "::1",
            "192.168.1.5",
            "example.com",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn host_header_any_port_and_case() {
        let policy = AccessPolicy::default();
        for host in [
            "127.0.0.1:8787",
            "LOCALHOST:1",
            "localhost",
            "Sub.Localhost:65535",
            "[::1]:8787",
            "127.0.0.2:80",
            "localhost.:8080",
            "app.localhost.",
        ] {
            assert!(admit(&policy, &[("Host", host)]).is_ok(), "{host}");
        }
        for host in [
            "evil.example:8787",
            "localhost:",
            "localhost:80x",
            "localhost:123456",
            "[::1]x",
            "[::1",
            "user@localhost",
            "localhost/path",
            "",
            "192.168.1.5:8787",
            "localhost..:8080",
            ".:8080",
            "evil.example.",
        ] {
            assert_eq!(
                admit(&policy, &[("host", host)]).unwrap_err(),
                Refusal::Host,
                "{host}"
            );
        }
    }

    #[test]
    fn forwarded_hosts_are_checked_like_host() {
        let policy = AccessPolicy::default();
        for forwarded in ["127.0.0.1:8080", "localhost:8080, 127.0.0.1", "[::1]:8080"] {
            let pairs = [("Host", "127.0.0.1"), ("X-Forwarded-Host", forwarded)];
            assert!(admit(&policy, &pairs).is_ok(), "{forwarded}");
        }
        for forwarded in [
            "rebind.evil.example:8080",
            "127.0.0.1:8080, evil.example",
            "",
        ] {
            let pairs = [("Host", "127.0.0.1"), ("x-forwarded-host", forwarded)];
            assert_eq!(
                admit(&policy, &pairs).unwrap_err(),
                Refusal::Host,
                "{forwarded}"
            );
        }
        let twice = [
            ("Host", "127.0.0.1"),
            ("X-Forwarded-Host", "localhost:8080"),
            ("X-Forwarded-Host", "evil.example"),
        ];
        assert_eq!(admit(&policy, &twice).unwrap_err(), Refusal::Host);
        let mut allowing = AccessPolicy::default();
        allowing.allow_host("dev.test").unwrap();
        let pairs = [("Host", "127.0.0.1"), ("X-Forwarded-Host", "dev.test:8080")];
        assert!(admit(&allowing, &pairs).is_ok());
    }

    #[test]
    fn no_host_is_admitted_but_two_are_refused() {
        let policy = AccessPolicy::default();
        assert!(admit(&policy, &[]).is_ok());
        assert_eq!(
            admit(&policy, &[("Host", "localhost"), ("Host", "evil.example")]).unwrap_err(),
            Refusal::Host
        );
    }

    #[test]
    fn allow_host_admits_that_name_on_any_port() {
        let mut policy = AccessPolicy::default();
        policy.allow_host("Sandbox.Test").unwrap();
        policy.allow_host("fe80::1").unwrap();
        policy.allow_host("[FE80::1]").unwrap();
        policy.allow_host("192.168.1.5").unwrap();
        policy.allow_host("vm.").unwrap();
        for host in [
            "sandbox.test",
            "SANDBOX.TEST:8787",
            "[fe80::1]:1",
            "192.168.1.5:8787",
            "vm:8080",
            "vm.:8080",
        ] {
            assert!(admit(&policy, &[("Host", host)]).is_ok(), "{host}");
        }
        for host in ["sub.sandbox.test", "sandbox.test.evil", "[fe80::2]"] {
            assert!(admit(&policy, &[("Host", host)]).is_err(), "{host}");
        }
        assert_eq!(policy.hosts.len(), 4, "{:?}", policy.hosts);
    }

    #[test]
    fn bad_allow_host_values_say_what_to_give() {
        let mut policy = AccessPolicy::default();
        for bad in ["", "sandbox.test:8787", "http://sandbox.test", "a b", "*"] {
            let error = policy.allow_host(bad).unwrap_err();
            assert!(error.to_string().contains("e.g. --allow-host"), "{bad}");
        }
    }

    #[test]
    fn loopback_origins_are_echoed() {
        let policy = AccessPolicy::default();
        for origin in [
            "http://127.0.0.1:8080",
            "http://localhost:8080",
            "https://localhost",
            "http://[::1]:8080",
            "http://app.localhost:5173",
            "http://127.0.0.2:8080",
            "http://localhost.:8080",
        ] {
            let admission = admit(&policy, &[("Host", "127.0.0.1:8787"), ("Origin", origin)])
                .unwrap_or_else(|refusal| panic!("{origin}: {refusal:?}"));
            assert_eq!(cors_of(&admission).as_deref(), Some(origin));
        }
    }

    #[test]
    fn other_origins_are_refused() {
        let policy = AccessPolicy::default();
        for origin in [
            "https://evil.example",
            "http://evil.example:8787",
            "null",
            "",
            "file://",
            "ftp://localhost",
            "http://localhost.evil.example",
            "http://localhost:8080/path",
            "http://user@localhost",
            "http://127.0.0.1.nip.io",
            "chrome-extension://abcdef",
        ] {
            assert_eq!(
                admit(&policy, &[("Origin", origin)]).unwrap_err(),
                Refusal::Origin,
                "{origin}"
            );
        }
        assert_eq!(
            admit(
                &policy,
                &[
                    ("Origin", "http://localhost:8080"),
                    ("Origin", "http://localhost:8080")
                ]
            )
            .unwrap_err(),
            Refusal::Origin
        );
    }

    #[test]
    fn the_host_is_checked_before_the_origin() {
        let policy = AccessPolicy::default();
        assert_eq!(
            admit(
                &policy,
                &[("Origin", "https://evil.example"), ("Host", "evil.example")]
            )
            .unwrap_err(),
            Refusal::Host
        );
    }

    #[test]
    fn allow_origin_admits_exactly_that_origin() {
        let mut policy = AccessPolicy::default();
        policy
            .allow_origin("HTTPS://Tools.Example.com:443/")
            .unwrap();
        policy
            .allow_origin("http://tools.example.com:8000")
            .unwrap();
        let admission = admit(&policy, &[("Origin", "https://tools.example.com")]).unwrap();
        assert_eq!(
            cors_of(&admission).as_deref(),
            Some("https://tools.example.com")
        );
        assert!(admit(&policy, &[("Origin", "http://tools.example.com:8000")]).is_ok());
        for origin in [
            "http://tools.example.com",
            "https://tools.example.com:8443",
            "https://evil.tools.example.com",
            "null",
        ] {
            assert!(admit(&policy, &[("Origin", origin)]).is_err(), "{origin}");
        }
        for bad in [
            "tools.example.com",
            "https://tools.example.com/app",
            "null",
            "",
            "https://",
        ] {
            let error = policy.allow_origin(bad).unwrap_err();
            assert!(error.to_string().contains("e.g. --allow-origin"), "{bad}");
        }
    }

    #[test]
    fn allow_any_origin_answers_a_star_and_says_so() {
        let mut policy = AccessPolicy::default();
        assert!(!policy.describe().concat().contains("WARNING"));
        policy.allow_origin("*").unwrap();
        for origin in ["https://evil.example", "null"] {
            let admission = admit(&policy, &[("Origin", origin)]).unwrap();
            assert_eq!(cors_of(&admission).as_deref(), Some("*"));
        }
        assert!(policy.describe().concat().contains("EVERY web page"));
        // The Host check stays: `*` is about origins only.
        assert!(admit(&policy, &[("Host", "evil.example")]).is_err());
    }

    #[test]
    fn no_origin_no_cors_headers() {
        let admission = AccessPolicy::default().admit(&[]).unwrap();
        let mut response = HttpResponse::default();
        admission.add_cors_headers(&mut response);
        assert!(response.headers.is_empty());
    }

    #[test]
    fn refusals_are_the_spec_texts() {
        let host = Refusal::Host.response();
        assert_eq!(host.status, 403);
        assert_eq!(
            host.header("Content-Type"),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(host.body, b"sandbox: host not allowed\n");
        assert_eq!(
            Refusal::Origin.response().body,
            b"sandbox: origin not allowed\n"
        );
    }
}
