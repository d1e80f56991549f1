//! applyMicroChannel (`applyMicroChannel.md`, "Server check order" and "Business
//! effects"). Unlike createGroup and verify, it checks every parameter before the
//! signature, and then the user's access token.

use super::{account_id_arg, check_signature, digits_arg, lossy, text_arg, Failure, Success};
use crate::length::ServerUnits;
use crate::sandbox::sql::{breaks_sql, sql_eq};
use crate::sandbox::state::{ChannelApplication, State};
use crate::server::{ArgValue, Args};

/// At most this many applications per account, ever.
const QUOTA: usize = 3;

/// The checked parameters (steps 4–5).
struct Application<'a> {
    account: &'a [u8],
    number: &'a [u8],
    name: &'a [u8],
    introduction: &'a [u8],
    city_code: &'a [u8],
    catalog_id: &'a [u8],
    chief_announcer_intr: &'a [u8],
    key_words: &'a [u8],
    logo_url: &'a [u8],
}

/// Steps 3–13 on the parsed body (steps 1–2 ran in the caller).
pub fn handle(args: &Args, state: &mut State, now: i64) -> Result<Success, Failure> {
    // 3.
    if args.get("appKey").is_none() {
        return Err(Failure::param("appKey"));
    }
    // 4.
    let application = check_parameters(args)?;
    // 5. Signature, then the token unless the app is internal.
    let app = check_signature(args, &state.daoke)?;
    if app.level != -1 {
        let app_key = app.app_key.clone();
        check_access_token(args, state, &app_key, application.account, now)?;
    }
    let daoke = &state.daoke;
    // 6. The user table.
    match daoke
        .accounts
        .iter()
        .filter(|row| sql_eq(row.as_bytes(), application.account))
        .count()
    {
        0 => return Err(Failure::param("accountID")),
        1 => {}
        _ => return Err(Failure::Internal),
    }
    // 7. A number already approved (case-insensitive).
    if daoke
        .approved_channel_numbers
        .iter()
        .any(|n| sql_eq(n.as_bytes(), application.number))
    {
        return Err(Failure::ChannelNumberTaken);
    }
    // 8. The same application again (name, introduction and keywords are spliced here).
    if [
        application.name,
        application.introduction,
        application.key_words,
    ]
    .into_iter()
    .any(breaks_sql)
    {
        return Err(Failure::Database);
    }
    if daoke
        .channel_applications
        .iter()
        .any(|a| application.repeats(a))
    {
        return Err(Failure::RepeatSubmitted);
    }
    // 9. The city.
    let city_code = daoke
        .city_codes
        .iter()
        .find(|c| c.as_bytes() == application.city_code)
        .ok_or(Failure::param("cityCode"))?;
    let city_name = daoke.city_names.get(city_code).unwrap_or(city_code).clone();
    // 10. The catalog: ids compare as integers, types 0 and 1 exist.
    let wanted = decimal_value(application.catalog_id);
    let catalog_name = daoke
        .catalog_ids
        .iter()
        .filter(|id| wanted.is_some() && decimal_value(id.as_bytes()) == wanted)
        .find_map(|id| {
            let info = daoke.catalog_info.get(id.as_str());
            let catalog_type = info.map_or(0, |i| i.catalog_type);
            matches!(catalog_type, 0 | 1).then(|| {
                info.and_then(|i| i.name.clone())
                    .unwrap_or_else(|| id.clone())
            })
        })
        .ok_or(Failure::param("channelCatalogID"))?;
    // 11. The quota (applications in any state, ever).
    let submitted = daoke
        .channel_applications
        .iter()
        .filter(|a| sql_eq(a.account_id.as_bytes(), application.account))
        .count();
    if submitted >= QUOTA {
        return Err(Failure::ChannelQuota);
    }
    // 12. Insert (chiefAnnouncerIntr and the logo URL are spliced here).
    if breaks_sql(application.chief_announcer_intr) || breaks_sql(application.logo_url) {
        return Err(Failure::Database);
    }
    state.daoke.channel_applications.push(ChannelApplication {
        account_id: lossy(application.account),
        number: lossy(application.number),
        name: lossy(application.name),
        introduction: lossy(application.introduction),
        city_code: lossy(application.city_code),
        city_name,
        catalog_id: lossy(application.catalog_id),
        catalog_name,
        chief_announcer_intr: lossy(application.chief_announcer_intr),
        logo_url: lossy(application.logo_url),
        key_words: lossy(application.key_words),
        create_time: now,
    });
    // 13.
    Ok(Success::Ok)
}

impl Application<'_> {
    /// An earlier application with the same account, number, name, introduction and
    /// keywords (SQL comparisons; absent keywords are stored and compared as `''`).
    fn repeats(&self, earlier: &ChannelApplication) -> bool {
        sql_eq(earlier.account_id.as_bytes(), self.account)
            && sql_eq(earlier.number.as_bytes(), self.number)
            && sql_eq(earlier.name.as_bytes(), self.name)
            && sql_eq(earlier.introduction.as_bytes(), self.introduction)
            && sql_eq(earlier.key_words.as_bytes(), self.key_words)
    }
}

/// Step 4, in the server's order; each failure is `ME01023 <name> is error!`.
fn check_parameters(args: &Args) -> Result<Application<'_>, Failure> {
    let account = account_id_arg(args, "accountID", "accountID")?;
    let number = required_text(args, "channelNumber", |v| {
        (5..=16).contains(&v.len()) && is_identifier(v)
    })?;
    let name = required_text(args, "channelName", |v| units_within(v, 2, 16))?;
    let introduction = required_text(args, "channelIntroduction", |v| units_within(v, 1, 128))?;
    let city_code =
        digits_arg(args, "channelCityCode", 6..=10).ok_or(Failure::param("channelCityCode"))?;
    let catalog_id =
        digits_arg(args, "channelCatalogID", 6..=10).ok_or(Failure::param("channelCatalogID"))?;
    let chief_announcer_intr =
        required_text(args, "chiefAnnouncerIntr", |v| units_within(v, 5, 128))?;
    let key_words = optional_text(args, "channelKeyWords", |v| {
        let tags: Vec<&[u8]> = v.split(|&b| b == b',').filter(|t| !t.is_empty()).collect();
        tags.len() <= 5 && tags.iter().all(|t| !ServerUnits::of(t).over(8))
    })?;
    let logo_url = optional_text(args, "channelCatalogUrl", |v| {
        v.len() <= 128 && is_image_url(v)
    })?;
    Ok(Application {
        account,
        number,
        name,
        introduction,
        city_code,
        catalog_id,
        chief_announcer_intr,
        key_words,
        logo_url,
    })
}

/// `app_utils.str_count(value)` is within `min..=max` (server units, compared exactly;
/// spec §3.2).
fn units_within(value: &[u8], min: usize, max: usize) -> bool {
    let units = ServerUnits::of(value);
    !units.under(min) && !units.over(max)
}

/// A required text parameter without `'` that passes `rule`.
fn required_text<'a>(
    args: &'a Args,
    name: &'static str,
    rule: impl Fn(&[u8]) -> bool,
) -> Result<&'a [u8], Failure> {
    match text_arg(args, name)? {
        Some(value) if !value.contains(&b'\'') && rule(value) => Ok(value),
        _ => Err(Failure::param(name)),
    }
}

/// An optional text parameter: when present, without `'` and passing `rule`; absent reads
/// as empty (the server stores `''`).
fn optional_text<'a>(
    args: &'a Args,
    name: &'static str,
    rule: impl Fn(&[u8]) -> bool,
) -> Result<&'a [u8], Failure> {
    match text_arg(args, name)? {
        None => Ok(b""),
        Some(value) if !value.contains(&b'\'') && rule(value) => Ok(value),
        Some(_) => Err(Failure::param(name)),
    }
}

/// `utils.is_variable_syntax` (inferred): `^[A-Za-z_][A-Za-z0-9_]*$`.
fn is_identifier(value: &[u8]) -> bool {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    value
        .first()
        .is_some_and(|b| !b.is_ascii_digit() && word(b))
        && value.iter().all(word)
}

/// The lower-cased value begins with `http://` and its last 5 bytes contain an image suffix.
fn is_image_url(value: &[u8]) -> bool {
    let lower = value.to_ascii_lowercase();
    let tail = &lower[lower.len().saturating_sub(5)..];
    lower.starts_with(b"http://")
        && [&b".png"[..], b".jpg", b".jpeg", b".gif", b".bmp", b".ico"]
            .iter()
            .any(|suffix| tail.windows(suffix.len()).any(|w| w == *suffix))
}

/// A digit string's integer value (the catalog lookup splices the id unquoted).
fn decimal_value(digits: &[u8]) -> Option<u128> {
    core::str::from_utf8(digits).ok()?.parse().ok()
}

/// The access token check of `safe.sign_check(…, 'accountID', ACCESS_WEIBO_INFO)`.
fn check_access_token(
    args: &Args,
    state: &mut State,
    app_key: &str,
    account: &[u8],
    now: i64,
) -> Result<(), Failure> {
    let sent = match args.get("accessToken") {
        None => return Err(Failure::param("accessToken")),
        Some(ArgValue::Text(token)) => token,
        Some(_) => return Err(Failure::TokenMismatch),
    };
    let tokens = &mut state.daoke.access_tokens;
    let for_pair = |t: &crate::sandbox::state::AccessToken| {
        t.app_key == app_key && t.account_id.as_bytes() == account
    };
    let stored = tokens
        .iter()
        .rev()
        .find(|t| for_pair(t))
        .ok_or(Failure::TokenMismatch)?;
    if stored.token.as_bytes() != sent.as_slice() {
        return Err(Failure::TokenMismatch);
    }
    if stored.expires_at < now {
        // An expired token is deleted when it is found.
        tokens.retain(|t| !for_pair(t));
        return Err(Failure::TokenExpired);
    }
    if !stored.weibo_info {
        return Err(Failure::TokenLacksRight);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_url_rule() {
        for ok in [
            "http://x/a.png",
            "http://x/a.pngx",
            "http://x/a.jpg?",
            "HTTP://X/A.JPEG",
            "http://x/.ico",
        ] {
            assert!(is_image_url(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "https://x/a.png",
            "http://x/a.png?v=1",
            "http://x/a.svg",
            "ftp://x/a.png",
        ] {
            assert!(!is_image_url(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn identifier_rule() {
        assert!(is_identifier(b"aaaaaa"));
        assert!(is_identifier(b"_abc12"));
        assert!(!is_identifier(b"1abcde"));
        assert!(!is_identifier(b"ab-cde"));
        assert!(!is_identifier(b""));
    }
}
