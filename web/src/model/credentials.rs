//! The credentials panel's values: [`Slot`] (which credential) and [`Credentials`] (their
//! values, the secrets in the core's redacting types), the DEMO values and the
//! "remember in this tab" document.

use signkit::endpoint::{describe, ParamDescription};
use signkit::{Api, AuthToken, InviteMeeting, Secret, Vendor, YtxEnvironment};
use signkit_web_sandbox::DemoValues;

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

    /// The public DEMO credentials of the sandbox's default fixtures (spec §10.3), as the
    /// in-browser sandbox module reads them from the fixtures themselves, with the builder's
    /// default YTX version.
    pub fn from_demo(values: &DemoValues) -> Credentials {
        Credentials {
            app_key: values.app_key.clone(),
            secret: Secret::new(values.secret.as_str()),
            account_sid: values.account_sid.clone(),
            auth_token: AuthToken::new(values.auth_token.as_str()),
            appid: values.appid.clone(),
            version: String::from(InviteMeeting::DEFAULT_VERSION),
            ytx_env: YtxEnvironment::from_name(&values.ytx_env).unwrap_or_default(),
        }
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
