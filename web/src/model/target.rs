//! Where Send goes: [`TargetKind`], the base URLs of the dev proxies and a custom target, and
//! the base a copied curl command talks to.

use signkit::{PreparedRequest, Vendor, YtxEnvironment};

/// Where a request goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// The vendor emulator running in this page (state in `localStorage`): works offline,
    /// with no configuration.
    #[default]
    Browser,
    /// The HTTP sandbox (`./dev sandbox`) through the dev server's same-origin proxy.
    HttpSandbox,
    /// The real vendor host through the dev server's same-origin proxy.
    Vendor,
    /// A base URL the user gives.
    Custom,
}

impl TargetKind {
    /// All kinds, in the selector's order.
    pub const ALL: [TargetKind; 4] = [
        TargetKind::Browser,
        TargetKind::HttpSandbox,
        TargetKind::Vendor,
        TargetKind::Custom,
    ];

    /// The selector's option value (and what is remembered).
    pub const fn code(self) -> &'static str {
        match self {
            TargetKind::Browser => "browser",
            TargetKind::HttpSandbox => "http-sandbox",
            TargetKind::Vendor => "vendor",
            TargetKind::Custom => "custom",
        }
    }

    /// The inverse of [`TargetKind::code`].
    pub fn from_code(code: &str) -> Option<TargetKind> {
        TargetKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Whether the target is one of the sandboxes (which record outbound requests).
    pub const fn is_sandbox(self) -> bool {
        matches!(self, TargetKind::Browser | TargetKind::HttpSandbox)
    }
}

/// The dev server's proxy prefix for the HTTP sandbox (Trunk.toml).
pub const SANDBOX_PROXY: &str = "/proxy/sandbox";

/// The base URL a network target sends to: a same-origin proxy prefix (Trunk.toml), or the
/// custom base URL; `None` for the in-browser sandbox.
pub fn network_base(
    kind: TargetKind,
    vendor: Vendor,
    env: YtxEnvironment,
    custom: &str,
) -> Option<String> {
    let base = match (kind, vendor, env) {
        (TargetKind::Browser, _, _) => return None,
        (TargetKind::HttpSandbox, _, _) => SANDBOX_PROXY,
        (TargetKind::Vendor, Vendor::Daoke, _) => "/proxy/daoke",
        (TargetKind::Vendor, Vendor::Ytx, YtxEnvironment::Sandbox) => "/proxy/ytx-sandbox",
        (TargetKind::Vendor, Vendor::Ytx, YtxEnvironment::Production) => "/proxy/ytx",
        (TargetKind::Custom, _, _) => custom.trim(),
    };
    Some(String::from(base.trim_end_matches('/')))
}

/// The HTTP sandbox's own address, for curl (curl needs no proxy: `./dev sandbox` listens on
/// this port by default).
pub const HTTP_SANDBOX_DIRECT: &str = "http://127.0.0.1:8787";

/// The base URL a copied curl command talks to directly (a terminal has no CORS rules, so
/// it goes straight to the host instead of through the dev proxy).
pub fn curl_base(kind: TargetKind, request: &PreparedRequest, custom: &str) -> String {
    match kind {
        TargetKind::HttpSandbox => String::from(HTTP_SANDBOX_DIRECT),
        TargetKind::Custom if is_base_url(custom) => String::from(custom.trim()),
        _ => request.default_base_url(),
    }
}

/// A usable custom base URL: `http://` or `https://` and a host, no white space.
pub fn is_base_url(text: &str) -> bool {
    let text = text.trim();
    let rest = text
        .strip_prefix("http://")
        .or_else(|| text.strip_prefix("https://"));
    rest.is_some_and(|rest| {
        !rest.is_empty() && !rest.starts_with('/') && !rest.chars().any(char::is_whitespace)
    })
}
