//! Whether the builders validate. The full package runs the validator before it returns a
//! request (an ERROR throws unless the caller passes `validate: false`) and attaches the
//! findings; the signer-only package has no validator and refuses `validate: true` rather
//! than pretend to have checked anything.

use wasm_bindgen::JsValue;

use super::read::Fields;
use crate::api::Api;
use crate::params::Params;
use crate::ytx::InviteMeeting;

/// What the caller's `validate` option asks for.
#[cfg(feature = "full")]
pub(super) struct Policy {
    /// Throw when the validator reports an ERROR (default `true`).
    enforce: bool,
}

/// Reads the `validate` option of `fields`.
#[cfg(feature = "full")]
pub(super) fn policy(fields: &Fields<'_>) -> Result<Policy, JsValue> {
    Ok(Policy {
        enforce: fields.flag("validate")?.unwrap_or(true),
    })
}

/// The findings to attach to a daoke request.
#[cfg(feature = "full")]
pub(super) fn daoke(
    api: Option<Api>,
    params: &Params,
    policy: &Policy,
) -> Result<Option<JsValue>, JsValue> {
    use crate::validate::{validate, validate_generic, ValidateOptions};
    let findings = match api {
        Some(api) => validate(api, params, &ValidateOptions::default()),
        None => validate_generic(params),
    };
    super::full::gate(&findings, policy.enforce).map(Some)
}

/// The findings to attach to an inviteMeeting request, checked at `now` (Unix seconds).
///
/// The validator sees the request's inputs as spec §11.1 names them, with the values that
/// are sent: the version and timestamp actually used, `parties` as its JSON text.
#[cfg(feature = "full")]
pub(super) fn invite_meeting(
    invite: &InviteMeeting,
    now: i64,
    policy: &Policy,
) -> Result<Option<JsValue>, JsValue> {
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
    super::full::gate(&findings, policy.enforce).map(Some)
}

/// Signer-only: there is nothing to ask for.
#[cfg(not(feature = "full"))]
pub(super) struct Policy;

/// Signer-only: `validate: true` is an error (`false` or absent is what this build does).
#[cfg(not(feature = "full"))]
pub(super) fn policy(fields: &Fields<'_>) -> Result<Policy, JsValue> {
    use super::error::{ApiError, VALIDATION_UNAVAILABLE};
    use crate::text::Bilingual;
    if fields.flag("validate")? != Some(true) {
        return Ok(Policy);
    }
    Err(ApiError::new(
        VALIDATION_UNAVAILABLE,
        Some(fields.path("validate").to_string()),
        Bilingual::new(
            "This is the signer-only signkit package: it has no validator, so validate: true cannot be honoured. Use the full package to validate, or leave the option out.",
            "这是仅含签名功能的 signkit 包：其中没有校验器，无法执行 validate: true。如需校验请使用完整包，或去掉该选项。",
        ),
    )
    .into())
}

/// Signer-only: no findings.
#[cfg(not(feature = "full"))]
pub(super) fn daoke(
    _api: Option<Api>,
    _params: &Params,
    _policy: &Policy,
) -> Result<Option<JsValue>, JsValue> {
    Ok(None)
}

/// Signer-only: no findings.
#[cfg(not(feature = "full"))]
pub(super) fn invite_meeting(
    _invite: &InviteMeeting,
    _now: i64,
    _policy: &Policy,
) -> Result<Option<JsValue>, JsValue> {
    Ok(None)
}
