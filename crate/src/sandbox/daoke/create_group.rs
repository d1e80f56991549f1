//! createGroup (`createGroup.md`, "Server check order" and "Business effects").

use super::{
    accepted_flag_value, account_id_arg, check_signature, lossy, read_flag, sql_int, text_arg,
    Failure, Success,
};
use crate::daoke::random::{alphanumeric, SplitMix64};
use crate::lua::FlagReading;
use crate::sandbox::reply::json_string;
use crate::sandbox::sql::{breaks_sql, sql_eq};
use crate::sandbox::state::{Group, JoinApplication, Membership, State};
use crate::server::Args;

/// The global group, which does not count as a default group.
const GLOBAL_GROUP: &[u8] = b"mirrtalkAll";

/// Steps 3–12 on the parsed body (steps 1–2 ran in the caller).
pub fn handle(args: &Args, state: &mut State, now: i64) -> Result<Success, Failure> {
    // 3. Signature.
    let app_key = check_signature(args, &state.daoke)?.app_key.clone();
    // 4–6. Parameters.
    let account = account_id_arg(args, "accountID", "accountID")?;
    let group_name = match text_arg(args, "groupName")? {
        Some(name) if name.len() <= 32 => name,
        _ => return Err(Failure::param("groupName")),
    };
    let callback_url = text_arg(args, "callbackURL")?;
    if callback_url.is_some_and(|url| url.len() > 512 || !url.starts_with(b"http")) {
        return Err(Failure::param("callbackURL"));
    }
    // 7. Flags: junk means the default; a number must read 0, 1 or 0.1.
    let is_car_fleet = flag_arg(args, "isCarFleet", 1.0)?;
    let is_temp_group = flag_arg(args, "isTempGroup", 0.0)?;

    // 8. The user table.
    match state
        .daoke
        .accounts
        .iter()
        .filter(|row| sql_eq(row.as_bytes(), account))
        .count()
    {
        0 => return Err(Failure::NoSuchAccount),
        1 => {}
        _ => return Err(Failure::DuplicateAccount),
    }
    // 9. Any group with this name or this owner (groupName is spliced here).
    if breaks_sql(group_name) {
        return Err(Failure::Database);
    }
    let mut clashing = state
        .daoke
        .groups
        .iter()
        .filter(|g| {
            sql_eq(g.group_name.as_bytes(), group_name) || sql_eq(g.account_id.as_bytes(), account)
        })
        .peekable();
    if clashing.peek().is_some() {
        // Sandbox rule: the byte-equal name wins over the owner conflict.
        return Err(if clashing.any(|g| g.group_name.as_bytes() == group_name) {
            Failure::GroupExists
        } else {
            Failure::NotAllowedToCreate
        });
    }
    // 10. An active fleet member of any group may not create one.
    let is_fleet_member =
        state.daoke.memberships.iter().any(|m| {
            sql_eq(m.account_id.as_bytes(), account) && m.group_type == 2 && m.validity == 1
        });
    if is_fleet_member {
        return Err(Failure::NotAllowedToCreate);
    }

    // 11. Create. Draws are not undone if the insert fails.
    let group_id = draw_group_id(state, if is_temp_group == 1.0 { 't' } else { 'p' });
    if callback_url.is_some_and(breaks_sql) {
        return Err(Failure::Database);
    }
    let (account, car_fleet) = (lossy(account), sql_int(is_car_fleet));
    let daoke = &mut state.daoke;
    daoke.groups.push(Group {
        group_id: group_id.clone(),
        account_id: account.clone(),
        group_name: lossy(group_name),
        is_car_fleet: car_fleet,
        is_temp_group: sql_int(is_temp_group),
        validity: 1,
        callback_url: callback_url.map(lossy).unwrap_or_default(),
        create_time: now,
        update_time: Some(now),
    });
    daoke.join_applications.push(JoinApplication {
        app_key,
        account_id: account.clone(),
        group_id: group_id.clone(),
        is_car_member: car_fleet,
        member_status: 1,
        yes: None,
        yes_time: None,
        yes_callback_url: None,
        create_time: now,
    });
    let has_other_membership = daoke.memberships.iter().any(|m| {
        sql_eq(m.account_id.as_bytes(), account.as_bytes())
            && !sql_eq(m.group_id.as_bytes(), GLOBAL_GROUP)
            && m.validity == 1
    });
    // Member type 2 always: the handler's `if isCarFleet` treats 0 as true.
    daoke.memberships.push(Membership {
        account_id: account.clone(),
        group_id: group_id.clone(),
        group_type: 2,
        role_type: 1,
        is_default_group: i64::from(!has_other_membership),
        validity: 1,
        create_time: now,
        update_time: Some(now),
    });
    // Cache updates.
    if is_car_fleet == 1.0 {
        let fleet = daoke.car_fleet_sets.entry(account.clone()).or_default();
        if !fleet.contains(&group_id) {
            fleet.push(group_id.clone());
        }
    }
    if let Some(url) = callback_url {
        daoke
            .group_callback_urls
            .insert(group_id.clone(), lossy(url));
    }
    if !has_other_membership {
        daoke.default_groups.insert(account, group_id.clone());
    }
    // 12.
    Ok(Success::Result(format!(
        "{{\"groupID\":{}}}",
        json_string(&group_id)
    )))
}

/// A flag parameter: absent or not a number → `default`; a rejected number → `ME01023`.
fn flag_arg(args: &Args, name: &'static str, default: f64) -> Result<f64, Failure> {
    let Some(value) = text_arg(args, name)? else {
        return Ok(default);
    };
    let reading = read_flag(value);
    match accepted_flag_value(&reading) {
        Some(number) => Ok(number),
        None if reading == FlagReading::NotANumber => Ok(default),
        None => Err(Failure::param(name)),
    }
}

/// A group id not yet used (SQL comparison): `prefix` and 15 characters
/// `ALPHANUMERICS[draw mod 62]` from the persisted random source, redrawn while taken
/// (spec §10.4). Draws are kept even if the request fails later.
fn draw_group_id(state: &mut State, prefix: char) -> String {
    let settings = &state.sandbox;
    let mut random = SplitMix64::new(settings.rng_state.unwrap_or(settings.seed));
    let id = loop {
        let candidate: String = core::iter::once(prefix)
            .chain((0..15).map(|_| alphanumeric(random.next_u64())))
            .collect();
        let taken = state
            .daoke
            .groups
            .iter()
            .any(|g| sql_eq(g.group_id.as_bytes(), candidate.as_bytes()));
        if !taken {
            break candidate;
        }
    };
    state.sandbox.rng_state = Some(random.state());
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::Sandbox;

    #[test]
    fn group_ids_follow_the_spec_check_values() {
        let mut sandbox = Sandbox::demo();
        assert_eq!(draw_group_id(&mut sandbox.state, 'p'), "pluX4ZOFYzcnOJ7z");
        assert_eq!(draw_group_id(&mut sandbox.state, 't'), "tpteiErBIA1fOeoW");
    }

    #[test]
    fn a_candidate_equal_to_an_existing_id_is_redrawn() {
        let mut sandbox = Sandbox::demo();
        let mut taken = sandbox.state.daoke.groups[0].clone();
        // Equal to the first candidate under the SQL comparison only.
        taken.group_id = "PLUX4ZOFYZCNOJ7Z ".into();
        sandbox.state.daoke.groups.push(taken);
        // The second candidate uses draws 16–30: the characters of the spec's second id.
        assert_eq!(draw_group_id(&mut sandbox.state, 'p'), "ppteiErBIA1fOeoW");
        assert_eq!(
            sandbox.state.sandbox.rng_state,
            Some(30u64.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        );
    }
}
