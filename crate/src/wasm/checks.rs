//! Whether the builders validate: they run the validator before they return a request (an
//! ERROR throws unless the caller passes `validate: false`) and attach the findings.

use wasm_bindgen::JsValue;

use super::read::Fields;
use crate::api::Api;
use crate::params::Params;
use crate::ytx::InviteMeeting;

/// What the caller's `validate` option asks for.
pub(super) struct Policy {
    /// Throw when the validator reports an ERROR (default `true`).
    enforce: bool,
}

/// Reads the `validate` option of `fields`.
pub(super) fn policy(fields: &Fields<'_>) -> Result<Policy, JsValue> {
    Ok(Policy {
        enforce: fields.flag("validate")?.unwrap_or(true),
    })
}

/// The findings to attach to a daoke request.
pub(super) fn daoke(
    api: Option<Api>,
    params: &Params,
    policy: &Policy,
) -> Result<JsValue, JsValue> {
    use crate::validate::{validate, validate_generic, ValidateOptions};
    let findings = match api {
        Some(api) => validate(api, params, &ValidateOptions::default()),
        None => validate_generic(params),
    };
    super::full::gate(&findings, policy.enforce)
}

/// The findings to attach to an inviteMeeting request, checked at `now` (Unix seconds).
///
/// The validator sees the request's inputs as spec §11.1 names them, with the values that
/// are sent: the version and timestamp actually used, `parties` as its JSON text.
pub(super) fn invite_meeting(
    invite: &InviteMeeting,
    now: i64,
    policy: &Policy,
) -> Result<JsValue, JsValue> {
    use crate::validate::{validate, Mode, ValidateOptions};
    use crate::ytx::parties_json;
    let mut params = Params::new()
        .with("accountSID", invite.account_sid.as_str())
        .with("authToken", invite.auth_token.expose())
        .with("version", invite.version.as_str())
        .with("timestamp", invite.timestamp.as_str())
        .with("appid", invite.appid.as_str())
        .with("confid", invite.confid.as_str())
        .with("parties", parties_json(&invite.parties));
    if let Some(custom_parm) = &invite.custom_parm {
        params.push("CustomParm", custom_parm.as_str());
    }
    if let Some(action) = &invite.action {
        params.push("action", action.as_str());
    }
    let options = ValidateOptions {
        mode: Mode::Build,
        now: Some(now),
    };
    let findings = validate(Api::InviteMeeting, &params, &options);
    super::full::gate(&findings, policy.enforce)
}
