//! inviteUserJoin (`inviteUserJoin.md`, "Server check order" and "Fan-out and result").

use std::borrow::Cow;

use super::{account_id_arg, check_signature, lossy, text_arg, Failure, Success};
use crate::lua;
use crate::sandbox::state::{OutboundCall, State};
use crate::server::{ArgValue, Args};

/// One successful invitation per temp channel per this many seconds.
const RATE_LIMIT_SECONDS: i64 = 600;

/// Steps 3–12 on the parsed body (steps 1–2 ran in the caller).
pub fn handle(args: &Args, state: &mut State, now: i64) -> Result<Success, Failure> {
    // 3. accountID before the signature.
    let sender = lossy(account_id_arg(args, "accountID", "accountID")?);
    // 4.
    check_signature(args, &state.daoke)?;
    // 5. Only customType 1 is implemented; a non-number (or non-string) means 1.
    let custom_type = match args.get("customType") {
        Some(ArgValue::Text(v)) => core::str::from_utf8(v).ok().and_then(lua::tonumber),
        _ => None,
    };
    if custom_type.is_some_and(|n| n != 1.0) {
        return Err(Failure::param("DEFAULT_ERROR"));
    }
    // 6. The channel must be live; a missing id fails at run time (string concatenation).
    let channel_id = text_arg(args, "tempChannelID")?.ok_or(Failure::Internal)?;
    let channel_index = state
        .daoke
        .temp_channels
        .iter()
        .rposition(|c| c.temp_channel_id.as_bytes() == channel_id)
        .ok_or(Failure::ChannelNotStarted)?;
    let channel = state
        .daoke
        .temp_channels
        .get(channel_index)
        .ok_or(Failure::Internal)?;
    if channel.sound_mode != 0 {
        return Err(Failure::ChannelNotStarted);
    }
    // 7. The rate limit, before the URL checks.
    if channel
        .last_invite_at
        .is_some_and(|at| now.saturating_sub(at) <= RATE_LIMIT_SECONDS)
    {
        return Err(Failure::RateLimited);
    }
    // 8–10.
    let callback_url = url_arg(args, "callbackURL")?;
    let multimedia_url = url_arg(args, "multimediaURL")?;
    if !is_temp_channel_id(channel_id) {
        return Err(Failure::param("tempChannelID"));
    }
    // 11.
    if channel.online_read_fails {
        return Err(Failure::Internal);
    }

    // 12. Fan-out over the global online set, repeated ids once.
    let daoke = &state.daoke;
    let mut visited: Vec<&str> = Vec::new();
    let mut sends: Vec<(String, Option<Option<String>>)> = Vec::new();
    for receiver in &daoke.online_accounts {
        if visited.contains(&receiver.as_str()) {
            continue;
        }
        visited.push(receiver);
        let skipped = *receiver == sender
            || daoke.nearby_voice_unsubscribed.contains(receiver)
            || daoke.accounts_in_temp_channel.contains(receiver)
            || channel.online_accounts.contains(receiver);
        if !skipped {
            // `Some(detail)` when the send fails (with a text or without one).
            sends.push((receiver.clone(), daoke.send_failures.get(receiver).cloned()));
        }
    }
    let delivered = sends
        .iter()
        .filter(|(_, failure)| failure.is_none())
        .count();
    let last_failure = sends.iter().rev().find_map(|(_, failure)| failure.clone());
    for (receiver, failure) in sends.iter().cloned() {
        state.record_outbound(
            now,
            OutboundCall::WeiboSend {
                sender: sender.clone(),
                receiver,
                multimedia_url: lossy(multimedia_url),
                callback_url: lossy(callback_url),
                level: 19,
                interval: 300,
                sender_type: 2,
                ok: failure.is_none(),
                detail: failure.flatten(),
            },
        );
    }
    match last_failure {
        // Sends were attempted and none succeeded: the last failure's text (inserted
        // unescaped), or the bare message format when it had none.
        Some(detail) if delivered == 0 => Err(Failure::Param(Cow::Owned(
            detail.unwrap_or_else(|| "%s".to_owned()),
        ))),
        _ => {
            if let Some(channel) = state.daoke.temp_channels.get_mut(channel_index) {
                channel.last_invite_at = Some(now);
            }
            Ok(Success::Result(format!("{{\"count\":{delivered}}}")))
        }
    }
}

/// A URL parameter: at least 8 bytes, starting with `http` in any letter case.
fn url_arg<'a>(args: &'a Args, name: &'static str) -> Result<&'a [u8], Failure> {
    match text_arg(args, name)? {
        Some(url)
            if url.len() >= 8
                && url
                    .get(..4)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"http")) =>
        {
            Ok(url)
        }
        _ => Err(Failure::param(name)),
    }
}

/// The first run of digits is the whole value, 5 to 8 long.
fn is_temp_channel_id(id: &[u8]) -> bool {
    (5..=8).contains(&id.len()) && id.iter().all(u8::is_ascii_digit)
}
