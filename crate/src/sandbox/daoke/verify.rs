//! verifyApplyJoiningMember (`verifyApplyJoiningMember.md`, "Server check order" and
//! "Business effects").

use super::{
    accepted_flag_value, account_id_arg, check_signature, is_account_id, lossy, read_flag, sql_int,
    text_arg, Failure, Success,
};
use crate::rules::callback_target;
use crate::sandbox::reply::json_string;
use crate::sandbox::sql::{breaks_sql, sql_eq};
use crate::sandbox::state::{Membership, OutboundCall, State};
use crate::server::Args;

/// A join record waiting for a decision.
const PENDING: i64 = 6;
/// The global group, which does not count as a default group.
const GLOBAL_GROUP: &str = "mirrtalkAll";

/// Steps 3–14 on the parsed body (steps 1–2 ran in the caller).
pub fn handle(args: &Args, state: &mut State, now: i64) -> Result<Success, Failure> {
    // 3. Signature.
    check_signature(args, &state.daoke)?;
    // 4–8. Parameters.
    account_id_arg(args, "creatorAccountID", "accountID")?;
    let group_id = match text_arg(args, "groupID")? {
        Some(id) if id.len() <= 16 => id,
        _ => return Err(Failure::param("groupID")),
    };
    let yes = text_arg(args, "yes")?
        .and_then(|v| accepted_flag_value(&read_flag(v)))
        .ok_or(Failure::param("yes"))?;
    let applicants: Vec<&[u8]> = text_arg(args, "applyAccountID")?
        .ok_or(Failure::param("applyAccountID"))?
        .split(|&b| b == b',')
        .filter(|piece| !piece.is_empty())
        .collect();
    if applicants.is_empty() || !applicants.iter().all(|id| is_account_id(id)) {
        return Err(Failure::param("applyAccountID"));
    }
    let callback_url = text_arg(args, "callbackURL")?;
    if callback_url.is_some_and(|url| url.len() > 512 || !url.starts_with(b"http")) {
        return Err(Failure::param("callbackURL"));
    }

    // 9. The group (groupID is spliced here).
    if breaks_sql(group_id) {
        return Err(Failure::Database);
    }
    let group = state
        .daoke
        .groups
        .iter()
        .find(|g| sql_eq(g.group_id.as_bytes(), group_id))
        .ok_or(Failure::NoSuchGroup)?;
    if group.validity == 0 {
        return Err(Failure::GroupUnusable);
    }
    let is_car_fleet = group.is_car_fleet;
    // 10–11. Pending-ness is decided once, before any update.
    let pending: Vec<&str> = state
        .daoke
        .join_applications
        .iter()
        .filter(|j| j.member_status == PENDING && sql_eq(j.group_id.as_bytes(), group_id))
        .map(|j| j.account_id.as_str())
        .collect();
    let decided: Vec<(&[u8], bool)> = applicants
        .iter()
        .map(|&id| (id, pending.iter().any(|p| p.as_bytes() == id)))
        .collect();

    // 12. Apply the decision to each processed applicant, in order (callbackURL is
    // spliced into the first update).
    let processed: Vec<String> = decided
        .iter()
        .filter(|(_, ok)| *ok)
        .map(|(id, _)| lossy(id))
        .collect();
    if !processed.is_empty() && callback_url.is_some_and(breaks_sql) {
        return Err(Failure::Database);
    }
    let decision = Decision {
        group_id: lossy(group_id),
        member_status: if yes == 0.0 { 8 } else { 7 },
        yes: sql_int(yes),
        callback_url: callback_url.map(lossy).unwrap_or_default(),
        is_car_fleet,
        now,
    };
    for applicant in &processed {
        decision.apply(state, applicant);
    }

    // 13. The callback fires whether or not anyone was processed.
    if let Some(url) = callback_url.filter(|url| !url.is_empty()) {
        let record = callback_record(url);
        let sent = matches!(record, OutboundCall::VerifyCallback { sent: true, .. });
        state.record_outbound(now, record);
        if !sent {
            // The handler passes nil to the socket's connect: a run-time error.
            return Err(Failure::Internal);
        }
    }

    // 14.
    let results: Vec<String> = decided
        .iter()
        .map(|(id, ok)| {
            format!(
                "{{\"accountID\":{},\"status\":{}}}",
                json_string(&lossy(id)),
                if *ok { 0 } else { -1 }
            )
        })
        .collect();
    Ok(Success::Result(format!("[{}]", results.join(","))))
}

/// What step 12 writes for each processed applicant.
struct Decision {
    group_id: String,
    member_status: i64,
    yes: i64,
    callback_url: String,
    is_car_fleet: i64,
    now: i64,
}

impl Decision {
    fn apply(&self, state: &mut State, applicant: &str) {
        let daoke = &mut state.daoke;
        let (account, group) = (applicant.as_bytes(), self.group_id.as_bytes());
        // Every join record of (account, group), not only the pending one.
        for record in daoke.join_applications.iter_mut().filter(|j| {
            sql_eq(j.account_id.as_bytes(), account) && sql_eq(j.group_id.as_bytes(), group)
        }) {
            record.member_status = self.member_status;
            record.yes = Some(self.yes);
            record.yes_time = Some(self.now);
            record.yes_callback_url = Some(self.callback_url.clone());
        }
        // The membership is created or re-activated for rejected applicants too (handler
        // defect, reproduced).
        let had_default = daoke
            .default_groups
            .get(applicant)
            .is_some_and(|g| g != GLOBAL_GROUP);
        let is_default_group = i64::from(!had_default);
        let mut rows = daoke.memberships.iter_mut().filter(|m| {
            sql_eq(m.account_id.as_bytes(), account) && sql_eq(m.group_id.as_bytes(), group)
        });
        match (rows.next(), rows.next()) {
            (Some(row), None) => {
                daoke.membership_history.push(row.clone());
                row.validity = 1;
                row.is_default_group = is_default_group;
                row.update_time = Some(self.now);
            }
            _ => daoke.memberships.push(Membership {
                account_id: applicant.to_owned(),
                group_id: self.group_id.clone(),
                group_type: 1,
                role_type: 0,
                is_default_group,
                validity: 1,
                create_time: self.now,
                update_time: Some(self.now),
            }),
        }
        if !had_default {
            daoke
                .default_groups
                .insert(applicant.to_owned(), self.group_id.clone());
        }
        if self.is_car_fleet == 1 {
            let fleet = daoke
                .car_fleet_sets
                .entry(applicant.to_owned())
                .or_default();
            if !fleet.contains(&self.group_id) {
                fleet.push(self.group_id.clone());
            }
        }
    }
}

/// The outbound record of the callback (spec §10.5), with the target as the handler
/// extracts it — shared with the validator ([`callback_target`]). Host and port are ASCII,
/// so reading the URL as (lossy) UTF-8 does not change them.
fn callback_record(url: &[u8]) -> OutboundCall {
    let text = lossy(url);
    let target = callback_target(&text);
    // LuaJIT formats a missing value as the text `nil`.
    let or_nil = |part: Option<&str>| part.unwrap_or("nil").to_owned();
    OutboundCall::VerifyCallback {
        request_line: format!("GET /{} HTTP/1.0", or_nil(target.path)),
        host_header: format!("{}:{}", or_nil(target.host), or_nil(target.port)),
        sent: target.host.is_some() && target.port.is_some(),
        host: target.host.map(str::to_owned),
        port: target.port.map(str::to_owned),
        path: target.path.map(str::to_owned),
        url: text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callback_records_write_nil_for_missing_parts() {
        let record = |url: &str| match callback_record(url.as_bytes()) {
            OutboundCall::VerifyCallback {
                request_line,
                host_header,
                sent,
                ..
            } => (request_line, host_header, sent),
            other => panic!("{other:?}"),
        };
        let owned = |line: &str, host: &str, sent| (line.to_owned(), host.to_owned(), sent);
        assert_eq!(
            record("http://10.0.0.5:80/cb?x=1"),
            owned("GET /cb?x=1 HTTP/1.0", "10.0.0.5:80", true)
        );
        assert_eq!(
            record("http://10.0.0.5:80/"),
            owned("GET /nil HTTP/1.0", "10.0.0.5:80", true)
        );
        assert_eq!(
            record("http://example.com/cb"),
            owned("GET /nil HTTP/1.0", "nil:nil", false)
        );
        assert_eq!(
            record("https://h:443/x"),
            owned("GET /nil HTTP/1.0", "nil:443", false)
        );
    }
}
