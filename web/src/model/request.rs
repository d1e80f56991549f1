//! From the form to the core: the validator's parameters and findings, and the prepared
//! request with how it was signed (redacted), or why none could be built.

use super::credentials::{Credentials, Slot};
use super::draft::Draft;
use signkit::endpoint::describe;
use signkit::validate::{validate, validate_daoke_body, Finding, Mode, ValidateOptions};
use signkit::ytx::timestamp_at;
use signkit::{
    build_daoke_request, build_invite_meeting, Api, BuildError, DaokeOptions, Encoding,
    InviteMeeting, Params, Party, PreparedRequest, Vendor,
};

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
    /// The core's body-size WARN (daoke: a body the server's 8 KB buffer cannot hold is
    /// answered ME01024); shown next to Send, which it does not block (spec §3.1).
    pub body_warning: Option<Finding>,
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
                body_warning: validate_daoke_body(&built.request),
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
                body_warning: None,
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
