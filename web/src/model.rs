//! The app's domain, free of Leptos and of the browser: what the user typed ([`Draft`],
//! [`Credentials`], [`TargetKind`]) and the pure functions that turn it into the core's inputs
//! and outputs (parameters, findings, the prepared request, the reasons not to send).
//!
//! Components hold these values in signals and derive everything else with memos calling the
//! functions below, so the form, the inspector and the Send button can never disagree.

use signkit::endpoint::{describe, EndpointDescription, ParamDescription, Requirement};
use signkit::validate::{has_errors, validate, Finding, Mode, ValidateOptions};
use signkit::ytx::timestamp_at;
use signkit::{
    build_daoke_request, build_invite_meeting, AuthToken, BuildError, DaokeOptions, Encoding,
    InviteMeeting, Params, Party, PreparedRequest, Secret, Vendor, YtxEnvironment,
};
use signkit::{sandbox::Sandbox, Api};

/// A credential the credentials panel holds instead of the form (spec §2: shared by every
/// endpoint of a vendor). The daoke app secret is one too, but it is not a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// daoke `appKey`.
    AppKey,
    /// daoke app secret (signs, never sent).
    Secret,
    /// YTX `accountSID`.
    AccountSid,
    /// YTX `authToken` (signs, never sent).
    AuthToken,
    /// YTX `appid`.
    Appid,
    /// YTX API `version`.
    Version,
}

impl Slot {
    /// The slots of a vendor's panel, in display order.
    pub const fn of(vendor: Vendor) -> &'static [Slot] {
        match vendor {
            Vendor::Daoke => &[Slot::AppKey, Slot::Secret],
            Vendor::Ytx => &[
                Slot::AccountSid,
                Slot::AuthToken,
                Slot::Appid,
                Slot::Version,
            ],
        }
    }

    /// The name used in the testability contract (`data-testid="cred-<name>"`) — for the
    /// slots that are endpoint parameters, exactly the parameter's name.
    pub const fn name(self) -> &'static str {
        match self {
            Slot::AppKey => "appKey",
            Slot::Secret => "secret",
            Slot::AccountSid => "accountSID",
            Slot::AuthToken => "authToken",
            Slot::Appid => "appid",
            Slot::Version => "version",
        }
    }

    /// Whether the value must be masked.
    pub const fn is_secret(self) -> bool {
        matches!(self, Slot::Secret | Slot::AuthToken)
    }

    /// The slot holding parameter `param` of `api`, if it is a credential: the parameters the
    /// core marks as credentials, plus YTX `appid` and `version`, which are per-account
    /// settings rather than per-request values.
    pub fn for_param(api: Api, param: &ParamDescription) -> Option<Slot> {
        let slot = [
            Slot::AppKey,
            Slot::AccountSid,
            Slot::AuthToken,
            Slot::Appid,
            Slot::Version,
        ]
        .into_iter()
        .find(|slot| slot.name() == param.name)?;
        let panel_setting =
            api.vendor() == Vendor::Ytx && matches!(slot, Slot::Appid | Slot::Version);
        (param.credential || panel_setting).then_some(slot)
    }

    /// The description of the parameter this slot holds on `api`'s page, if any.
    pub fn param(self, api: Api) -> Option<&'static ParamDescription> {
        describe(api)
            .params
            .iter()
            .find(|param| Slot::for_param(api, param) == Some(self))
    }
}

/// The credentials panel. The secrets are the core's redacting types, so `Debug` never shows
/// them; the whole value lives in memory unless the user asks to remember it in this tab.
#[derive(Clone, Debug, PartialEq)]
pub struct Credentials {
    /// daoke `appKey`.
    pub app_key: String,
    /// daoke app secret.
    pub secret: Secret,
    /// YTX `accountSID`.
    pub account_sid: String,
    /// YTX `authToken`.
    pub auth_token: AuthToken,
    /// YTX `appid`.
    pub appid: String,
    /// YTX version; empty means the builder's default.
    pub version: String,
    /// Which YTX platform (host) the request is for.
    pub ytx_env: YtxEnvironment,
}

impl Credentials {
    /// Nothing entered yet (YTX sandbox environment, the default version).
    pub fn empty() -> Credentials {
        Credentials {
            app_key: String::new(),
            secret: Secret::new(""),
            account_sid: String::new(),
            auth_token: AuthToken::default(),
            appid: String::new(),
            version: String::new(),
            ytx_env: YtxEnvironment::default(),
        }
    }

    /// The public DEMO credentials of the sandbox's default fixtures (spec §10.3): the first
    /// daoke app and the first YTX account with its first appid, read from the fixtures
    /// themselves so they cannot drift apart.
    pub fn demo() -> Credentials {
        let sandbox = Sandbox::demo();
        let state = sandbox.state();
        let mut credentials = Credentials::empty();
        if let Some(app) = state.daoke.apps.first() {
            credentials.app_key = app.app_key.clone();
            credentials.secret = Secret::new(app.secret.as_str());
        }
        if let Some(account) = state.ytx.accounts.first() {
            credentials.account_sid = account.account_sid.clone();
            credentials.auth_token = AuthToken::new(account.auth_token.as_str());
            credentials.appid = account.appids.first().cloned().unwrap_or_default();
        }
        credentials.version = String::from(InviteMeeting::DEFAULT_VERSION);
        credentials.ytx_env = state.ytx.environment;
        credentials
    }

    /// Whether every credential of `vendor` equals `demo`'s (the DEMO values are in use).
    pub fn is_demo(&self, vendor: Vendor, demo: &Credentials) -> bool {
        Slot::of(vendor)
            .iter()
            .all(|slot| self.get(*slot) == demo.get(*slot))
    }

    /// The value in `slot` (a secret exposed: for its own masked input and for signing only).
    pub fn get(&self, slot: Slot) -> &str {
        match slot {
            Slot::AppKey => &self.app_key,
            Slot::Secret => self.secret.expose(),
            Slot::AccountSid => &self.account_sid,
            Slot::AuthToken => self.auth_token.expose(),
            Slot::Appid => &self.appid,
            Slot::Version => &self.version,
        }
    }

    /// Sets the value in `slot`.
    pub fn set(&mut self, slot: Slot, value: String) {
        match slot {
            Slot::AppKey => self.app_key = value,
            Slot::Secret => self.secret = Secret::new(value),
            Slot::AccountSid => self.account_sid = value,
            Slot::AuthToken => self.auth_token = AuthToken::new(value),
            Slot::Appid => self.appid = value,
            Slot::Version => self.version = value,
        }
    }

    /// The document "remember in this tab" writes to `sessionStorage` (never `localStorage`).
    pub fn to_storage_json(&self) -> String {
        let mut object = serde_json::Map::new();
        for slot in Slot::of(Vendor::Daoke).iter().chain(Slot::of(Vendor::Ytx)) {
            object.insert(slot.name().into(), self.get(*slot).into());
        }
        object.insert("ytxEnv".into(), self.ytx_env.name().into());
        serde_json::Value::Object(object).to_string()
    }

    /// The inverse of [`Credentials::to_storage_json`]; missing or malformed members are empty.
    pub fn from_storage_json(json: &str) -> Option<Credentials> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let text = |key: &str| {
            value
                .get(key)
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let mut credentials = Credentials::empty();
        for slot in Slot::of(Vendor::Daoke).iter().chain(Slot::of(Vendor::Ytx)) {
            credentials.set(*slot, text(slot.name()));
        }
        credentials.ytx_env = YtxEnvironment::from_name(&text("ytxEnv")).unwrap_or_default();
        Some(credentials)
    }
}

/// One parameter of the form as the user left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The parameter name.
    pub name: &'static str,
    /// What was typed (credentials keep their value in [`Credentials`] instead).
    pub value: String,
    /// Whether the parameter is sent at all (an optional one may be left out, so the
    /// server's default applies; "empty" and "absent" are different requests).
    pub sent: bool,
    /// Whether the user has touched the field (typed in it, switched it, or left it): only
    /// then does it show its finding (or once a send was attempted, [`Draft::attempted`]).
    pub touched: bool,
}

/// The form of one endpoint: every parameter of its description, in the order it is sent.
///
/// The order is the description's, or the seed sample's after "load the seed example", so
/// the previewed body is byte for byte the vendor document's sample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    entries: Vec<Entry>,
    attempted: bool,
}

impl Draft {
    /// An empty form: required parameters (and the ones the seed requires) are sent, the
    /// optional ones are not.
    pub fn new(description: &EndpointDescription) -> Draft {
        let entries = description
            .params
            .iter()
            .map(|param| Entry {
                name: param.name,
                value: String::new(),
                sent: matches!(
                    param.required,
                    Requirement::Required | Requirement::SeedRequired
                ),
                touched: false,
            })
            .collect();
        Draft {
            entries,
            attempted: false,
        }
    }

    /// The seed document's sample request ([`EndpointDescription::example`]): its
    /// parameters in its order, every other parameter not sent.
    pub fn example(description: &EndpointDescription) -> Draft {
        let mut entries: Vec<Entry> = description
            .example
            .iter()
            .filter_map(|(name, value)| {
                let param = description.param(name)?;
                Some(Entry {
                    name: param.name,
                    value: String::from(*value),
                    sent: true,
                    touched: false,
                })
            })
            .collect();
        for param in description.params {
            if !entries.iter().any(|entry| entry.name == param.name) {
                entries.push(Entry {
                    name: param.name,
                    value: String::new(),
                    sent: false,
                    touched: false,
                });
            }
        }
        Draft {
            entries,
            attempted: false,
        }
    }

    /// The entries in send order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of parameter `name`.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.name == name)
    }

    /// Sets a value; typing into a parameter means it is to be sent (and touches it).
    pub fn set_value(&mut self, name: &str, value: String) {
        if let Some(entry) = self.entries.iter_mut().find(|entry| entry.name == name) {
            entry.value = value;
            entry.sent = true;
            entry.touched = true;
        }
    }

    /// Sends or leaves out parameter `name`, keeping its value (and touches it).
    pub fn set_sent(&mut self, name: &str, sent: bool) {
        if let Some(entry) = self.entries.iter_mut().find(|entry| entry.name == name) {
            entry.sent = sent;
            entry.touched = true;
        }
    }

    /// Marks parameter `name` touched (the focus left its field).
    pub fn touch(&mut self, name: &str) {
        if let Some(entry) = self.entries.iter_mut().find(|entry| entry.name == name) {
            entry.touched = true;
        }
    }

    /// Records that a send was attempted: every finding of the page is shown from now on.
    pub fn attempt(&mut self) {
        self.attempted = true;
    }

    /// Whether a send was attempted since the form was loaded or cleared.
    pub fn attempted(&self) -> bool {
        self.attempted
    }

    /// Whether parameter `name` shows its finding: once touched, or after a send was attempted.
    /// An untouched form is calm; the Send panel lists what blocks it all the same.
    pub fn shows_finding(&self, name: &str) -> bool {
        self.attempted || self.entry(name).is_some_and(|entry| entry.touched)
    }
}

/// The credentials a seed example names (the demo app key, the demo YTX account): loading
/// the example fills only the slots that are still empty, so it never overwrites yours.
pub fn example_credentials(api: Api) -> Vec<(Slot, &'static str)> {
    let description = describe(api);
    description
        .example
        .iter()
        .filter_map(|(name, value)| {
            let param = description.param(name)?;
            Slot::for_param(api, param).map(|slot| (slot, *value))
        })
        .collect()
}

/// Values from the browser, injected so everything here stays pure and reproducible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// "Now" in Unix seconds (the YTX timestamp default and the validator's clock).
    pub now_unix: i64,
    /// Seed for a generated multipart boundary (from `crypto.getRandomValues`).
    pub boundary_seed: u64,
}

/// The parameters as the validator sees them (spec §3.4, §11.1): for daoke the form in send
/// order with the app key from the credentials; for YTX the builder's inputs, where an absent
/// `version` or `timestamp` takes the builder's default and is not checked.
pub fn validation_params(api: Api, draft: &Draft, credentials: &Credentials) -> Params {
    let mut params = Params::new();
    for entry in draft.entries() {
        let slot = describe(api)
            .param(entry.name)
            .and_then(|param| Slot::for_param(api, param));
        match slot {
            // An empty credential is one not entered yet: absent, so the message says "missing".
            Some(slot) => {
                let value = credentials.get(slot);
                if !value.is_empty() {
                    params.push(entry.name, value);
                }
            }
            None if entry.sent => params.push(entry.name, entry.value.as_str()),
            None => {}
        }
    }
    params
}

/// The findings for the form (spec §3.1): at most one per parameter.
pub fn findings(api: Api, draft: &Draft, credentials: &Credentials, edge: &Edge) -> Vec<Finding> {
    let options = ValidateOptions {
        mode: Mode::Build,
        now: Some(edge.now_unix),
    };
    validate(api, &validation_params(api, draft, credentials), &options)
}

/// How the string to sign and the signature were made, with every secret already redacted:
/// this value is shown, so it never holds a secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Signing {
    /// daoke SHA-1 (spec §4).
    Daoke {
        /// The keys in signing order, `secret` included.
        sorted_keys: Vec<String>,
        /// The string to sign with the secret's value replaced by a marker.
        string_to_sign: String,
        /// The `sign` parameter.
        sign: String,
    },
    /// YTX MD5 + Base64 (spec §6).
    Ytx {
        /// `accountSID<authToken>timestamp`, the token replaced by a marker.
        string_to_sign: String,
        /// The `Sign` query parameter.
        sign: String,
        /// `accountSID|timestamp`.
        authorization_plain: String,
        /// The `Authorization` header.
        authorization: String,
        /// The timestamp used (the override, or "now").
        timestamp: String,
    },
}

/// A request ready to preview and send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    /// How it was signed (redacted).
    pub signing: Signing,
    /// The exact request.
    pub request: PreparedRequest,
}

/// Why no request could be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrepareError {
    /// The core refused (a boundary in the content, …).
    Build(BuildError),
    /// YTX `parties` is not a list of `{name, phone}` strings, so there is nothing to send;
    /// the validator's finding on `parties` says what is wrong.
    PartiesUnreadable,
}

/// The YTX `parties` text as the builder's list, when it is a JSON array of objects with
/// string `name` and `phone` (other keys are dropped: the builder sends only these two).
pub fn read_parties(text: &str) -> Option<Vec<Party>> {
    serde_json::from_str(text).ok()
}

/// Builds the request the form describes (pipeline steps 1–3, 5, 6, or the YTX builder).
/// `encoding` overrides the endpoint's default body encoding (daoke only).
pub fn prepare(
    api: Api,
    draft: &Draft,
    credentials: &Credentials,
    edge: &Edge,
    encoding: Option<Encoding>,
) -> Result<Prepared, PrepareError> {
    match api.vendor() {
        Vendor::Daoke => {
            let mut options = DaokeOptions::default();
            options.encoding = encoding;
            options.random_seed = edge.boundary_seed;
            let params = validation_params(api, draft, credentials);
            let built = build_daoke_request(Some(api), &params, &credentials.secret, &options)
                .map_err(PrepareError::Build)?;
            let signed = &built.signed;
            Ok(Prepared {
                signing: Signing::Daoke {
                    sorted_keys: signed
                        .string_to_sign
                        .sorted_keys()
                        .into_iter()
                        .map(String::from)
                        .collect(),
                    string_to_sign: signed.string_to_sign.to_string(),
                    sign: signed.sign.to_string(),
                },
                request: built.request,
            })
        }
        Vendor::Ytx => {
            let invite = invite_meeting(draft, credentials, edge)?;
            let built = build_invite_meeting(&invite, credentials.ytx_env);
            let signature = built.signature;
            Ok(Prepared {
                signing: Signing::Ytx {
                    string_to_sign: signature.string_to_sign.to_string(),
                    sign: signature.sign,
                    authorization_plain: signature.authorization_plain,
                    authorization: signature.authorization,
                    timestamp: invite.timestamp,
                },
                request: built.request,
            })
        }
    }
}

/// The YTX builder's inputs: credentials from the panel, the rest from the form; `timestamp`
/// is the override when one is sent, else "now" (UTC+8).
fn invite_meeting(
    draft: &Draft,
    credentials: &Credentials,
    edge: &Edge,
) -> Result<InviteMeeting, PrepareError> {
    let sent = |name: &str| {
        draft
            .entry(name)
            .filter(|entry| entry.sent)
            .map(|entry| entry.value.clone())
    };
    let parties = read_parties(&sent("parties").unwrap_or_default())
        .ok_or(PrepareError::PartiesUnreadable)?;
    let version = match credentials.version.as_str() {
        "" => String::from(InviteMeeting::DEFAULT_VERSION),
        version => String::from(version),
    };
    Ok(InviteMeeting {
        account_sid: credentials.account_sid.clone(),
        auth_token: credentials.auth_token.clone(),
        version,
        timestamp: sent("timestamp").unwrap_or_else(|| timestamp_at(edge.now_unix)),
        appid: credentials.appid.clone(),
        confid: sent("confid").unwrap_or_default(),
        parties,
        custom_parm: sent("CustomParm"),
        action: sent("action"),
    })
}

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

/// Why Send is disabled; each one is shown next to the button.
#[derive(Clone, Debug, PartialEq)]
pub enum Blocker {
    /// An ERROR finding (its parameter and message).
    Finding(Finding),
    /// No daoke app secret: the sign could not match.
    MissingSecret,
    /// No request could be built.
    Prepare(PrepareError),
    /// The custom target has no usable base URL.
    CustomUrl,
}

/// Everything that keeps the request from being sent, in display order.
pub fn blockers(
    api: Api,
    findings: &[Finding],
    credentials: &Credentials,
    prepared: &Result<Prepared, PrepareError>,
    target: TargetKind,
    custom: &str,
) -> Vec<Blocker> {
    let mut out: Vec<Blocker> = Vec::new();
    if has_errors(findings) {
        out.extend(
            findings
                .iter()
                .filter(|finding| finding.severity == signkit::rules::Severity::Error)
                .cloned()
                .map(Blocker::Finding),
        );
    }
    if api.vendor() == Vendor::Daoke && credentials.secret.expose().is_empty() {
        out.push(Blocker::MissingSecret);
    }
    if let Err(error) = prepared {
        // An unreadable `parties` already has its ERROR finding; say it only once.
        let already_said = matches!(error, PrepareError::PartiesUnreadable) && !out.is_empty();
        if !already_said {
            out.push(Blocker::Prepare(error.clone()));
        }
    }
    if target == TargetKind::Custom && !is_base_url(custom) {
        out.push(Blocker::CustomUrl);
    }
    out
}

/// The non-empty items of a comma list, split by the core's rule (the ASCII comma only,
/// spec §3.2), owned for the tag and list editors.
pub fn list_items(value: &str) -> Vec<String> {
    signkit::rules::list_items(value)
        .map(String::from)
        .collect()
}

/// The comma list of `items` (the inverse of [`list_items`] for non-empty items).
pub fn join_items(items: &[String]) -> String {
    items.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use signkit::rules::Severity;

    fn demo_edge() -> Edge {
        Edge {
            // 2025-11-25 12:00:00 UTC+8
            now_unix: 1_764_043_200,
            boundary_seed: 7,
        }
    }

    #[test]
    fn demo_credentials_come_from_the_fixtures() {
        let demo = Credentials::demo();
        assert_eq!(demo.app_key, "1111111111");
        assert_eq!(demo.secret.expose(), "DEMO-SECRET-not-for-production");
        assert_eq!(demo.account_sid, "abcdefghijklmnopqrstuvwxyz012345");
        assert_eq!(demo.appid, "ff8080813fc70a7b013fc72312324213");
        assert_eq!(demo.version, "201612");
        assert_eq!(demo.ytx_env, YtxEnvironment::Sandbox);
        // Debug never shows a secret.
        let debug = format!("{demo:?}");
        assert!(!debug.contains("DEMO-SECRET"), "{debug}");
        assert!(
            !debug.contains("0123456789abcdef0123456789abcdef"),
            "{debug}"
        );
    }

    #[test]
    fn credentials_round_trip_through_storage_json() {
        let mut credentials = Credentials::demo();
        credentials.ytx_env = YtxEnvironment::Production;
        let json = credentials.to_storage_json();
        assert_eq!(Credentials::from_storage_json(&json), Some(credentials));
        assert_eq!(Credentials::from_storage_json("not json"), None);
    }

    #[test]
    fn slots_cover_the_credential_parameters() {
        for api in Api::ALL {
            for param in describe(api).params {
                if param.credential {
                    assert!(
                        Slot::for_param(api, param).is_some(),
                        "{api} {}",
                        param.name
                    );
                }
            }
        }
        let appid = describe(Api::InviteMeeting).param("appid").unwrap();
        assert_eq!(
            Slot::for_param(Api::InviteMeeting, appid),
            Some(Slot::Appid)
        );
        let account = describe(Api::CreateGroup).param("accountID").unwrap();
        assert_eq!(Slot::for_param(Api::CreateGroup, account), None);
    }

    #[test]
    fn the_example_draft_keeps_the_seed_order_and_succeeds_validation() {
        for api in Api::ALL {
            let description = describe(api);
            let draft = Draft::example(description);
            let findings = findings(api, &draft, &Credentials::demo(), &demo_edge());
            assert!(!has_errors(&findings), "{api}: {findings:?}");
            let sent: Vec<&str> = draft
                .entries()
                .iter()
                .filter(|e| e.sent)
                .map(|e| e.name)
                .collect();
            let example: Vec<&str> = description.example.iter().map(|(n, _)| *n).collect();
            assert_eq!(sent, example, "{api}");
        }
    }

    #[test]
    fn vector_d01_body_is_the_seed_sample_in_its_order() {
        // spec/vectors.json D01: the createGroup seed sample, signed with TESTSECRET0123456789.
        let mut credentials = Credentials::empty();
        credentials.app_key = "1111111111".into();
        credentials.secret = Secret::new("TESTSECRET0123456789");
        let draft = Draft::example(describe(Api::CreateGroup));
        let prepared = prepare(Api::CreateGroup, &draft, &credentials, &demo_edge(), None).unwrap();
        assert_eq!(
            String::from_utf8(prepared.request.body).unwrap(),
            "groupName=liangGeDeGroup&accountID=O40cml0y5p&appKey=1111111111&sign=5668A6252DF36B6AD09821C4D62481ECF99FD3A4"
        );
        match prepared.signing {
            Signing::Daoke {
                sorted_keys,
                string_to_sign,
                sign,
            } => {
                assert_eq!(sorted_keys, ["accountID", "appKey", "groupName", "secret"]);
                assert_eq!(
                    string_to_sign,
                    "accountIDO40cml0y5pappKey1111111111groupNameliangGeDeGroupsecret<secret>"
                );
                assert_eq!(sign, "5668A6252DF36B6AD09821C4D62481ECF99FD3A4");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn vector_y01_with_a_timestamp_override() {
        let mut credentials = Credentials::demo();
        credentials.version = String::new(); // the builder's default
        let mut draft = Draft::example(describe(Api::InviteMeeting));
        draft.set_value("timestamp", "20161212093000".into());
        let prepared =
            prepare(Api::InviteMeeting, &draft, &credentials, &demo_edge(), None).unwrap();
        assert_eq!(
            prepared.request.path,
            "/201612/sid/abcdefghijklmnopqrstuvwxyz012345/call/TeleMeeting.wx?Sign=F8F3C3E8991006B80934A19CEBF2D3A4"
        );
        let Signing::Ytx { string_to_sign, .. } = prepared.signing else {
            panic!("not YTX");
        };
        assert_eq!(
            string_to_sign,
            "abcdefghijklmnopqrstuvwxyz012345<authToken>20161212093000"
        );
        // Without the override, "now" is used in the Sign and in Authorization.
        draft.set_sent("timestamp", false);
        let prepared =
            prepare(Api::InviteMeeting, &draft, &credentials, &demo_edge(), None).unwrap();
        let Signing::Ytx { timestamp, .. } = prepared.signing else {
            panic!("not YTX");
        };
        assert_eq!(timestamp, "20251125120000");
    }

    #[test]
    fn unreadable_parties_block_without_repeating_the_finding() {
        let mut draft = Draft::example(describe(Api::InviteMeeting));
        draft.set_value("parties", "[{".into());
        let credentials = Credentials::demo();
        let edge = demo_edge();
        let prepared = prepare(Api::InviteMeeting, &draft, &credentials, &edge, None);
        assert_eq!(prepared, Err(PrepareError::PartiesUnreadable));
        let findings = findings(Api::InviteMeeting, &draft, &credentials, &edge);
        let blockers = blockers(
            Api::InviteMeeting,
            &findings,
            &credentials,
            &prepared,
            TargetKind::Browser,
            "",
        );
        assert_eq!(blockers.len(), 1, "{blockers:?}");
        assert!(
            matches!(&blockers[0], Blocker::Finding(f) if f.field == "parties" && f.severity == Severity::Error)
        );
    }

    #[test]
    fn an_empty_secret_and_a_bad_custom_url_block() {
        let draft = Draft::example(describe(Api::CreateGroup));
        let mut credentials = Credentials::demo();
        credentials.secret = Secret::new("");
        let edge = demo_edge();
        let prepared = prepare(Api::CreateGroup, &draft, &credentials, &edge, None);
        let findings = findings(Api::CreateGroup, &draft, &credentials, &edge);
        let blocked = blockers(
            Api::CreateGroup,
            &findings,
            &credentials,
            &prepared,
            TargetKind::Custom,
            "ftp://x",
        );
        assert_eq!(blocked, [Blocker::MissingSecret, Blocker::CustomUrl]);
    }

    #[test]
    fn empty_credentials_are_absent_not_empty() {
        let draft = Draft::new(describe(Api::CreateGroup));
        let findings = findings(
            Api::CreateGroup,
            &draft,
            &Credentials::empty(),
            &demo_edge(),
        );
        let app_key = findings.iter().find(|f| f.field == "appKey").unwrap();
        assert_eq!(app_key.rule, "appKey.missing");
    }

    #[test]
    fn targets_and_bases() {
        let sandbox = YtxEnvironment::Sandbox;
        assert_eq!(
            network_base(TargetKind::Browser, Vendor::Daoke, sandbox, ""),
            None
        );
        assert_eq!(
            network_base(TargetKind::HttpSandbox, Vendor::Ytx, sandbox, "").as_deref(),
            Some("/proxy/sandbox")
        );
        assert_eq!(
            network_base(
                TargetKind::Vendor,
                Vendor::Ytx,
                YtxEnvironment::Production,
                ""
            )
            .as_deref(),
            Some("/proxy/ytx")
        );
        assert_eq!(
            network_base(TargetKind::Custom, Vendor::Daoke, sandbox, " http://h:1/ ").as_deref(),
            Some("http://h:1")
        );
        for kind in TargetKind::ALL {
            assert_eq!(TargetKind::from_code(kind.code()), Some(kind));
        }
        assert!(is_base_url("https://example.com"));
        assert!(!is_base_url("http://"));
        assert!(!is_base_url("http:///x"));
        assert!(!is_base_url("/proxy/daoke"));
    }

    #[test]
    fn findings_show_once_touched_or_after_an_attempt() {
        let mut draft = Draft::new(describe(Api::CreateGroup));
        assert!(!draft.shows_finding("accountID"), "a new form is calm");
        draft.touch("accountID");
        assert!(draft.shows_finding("accountID"));
        assert!(!draft.shows_finding("groupName"));
        draft.set_value("groupName", "g".into());
        assert!(draft.shows_finding("groupName"), "typing touches");
        draft.set_sent("isCarFleet", true);
        assert!(draft.shows_finding("isCarFleet"), "switching touches");
        assert!(!draft.shows_finding("appKey"));
        draft.attempt();
        assert!(draft.attempted() && draft.shows_finding("appKey"));
        // Loading the example or clearing starts calm again.
        assert!(!Draft::example(describe(Api::CreateGroup)).shows_finding("accountID"));
    }

    #[test]
    fn lists() {
        assert_eq!(list_items("a,,b,"), ["a", "b"]);
        assert_eq!(join_items(&list_items("a,b")), "a,b");
        assert_eq!(
            list_items("a，b"),
            ["a，b"],
            "only the ASCII comma separates"
        );
    }
}
