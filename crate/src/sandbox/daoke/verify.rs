//! verifyApplyJoiningMember (`verifyApplyJoiningMember.md`, "Server check order" and
//! "Business effects").

use super::{
    accepted_flag_value, account_id_arg, check_signature, is_account_id, lossy, read_flag, sql_int,
    text_arg, Failure, Success,
};
use crate::sandbox::parse::Args;
use crate::sandbox::pattern::{Class, Pattern, Piece};
use crate::sandbox::reply::json_string;
use crate::sandbox::sql::{breaks_sql, sql_eq};
use crate::sandbox::state::{Membership, OutboundCall, State};

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
        let target = CallbackTarget::of(url);
        let sent = target.host.is_some() && target.port.is_some();
        state.record_outbound(now, target.into_call(url));
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

/// The callback target as the handler extracts it with unanchored Lua patterns.
struct CallbackTarget<'u> {
    host: Option<&'u [u8]>,
    port: Option<&'u [u8]>,
    path: Option<&'u [u8]>,
}

impl<'u> CallbackTarget<'u> {
    fn of(url: &'u [u8]) -> Self {
        let first_capture = |pieces: Vec<Piece<'static>>| {
            let captures = Pattern::new(pieces).find(url)?;
            url.get(captures.first()?.clone())
        };
        let capture = |class: Class| [Piece::Open(0), Piece::one_or_more(class), Piece::Close(0)];
        // 'http://([%w.]+):'
        let host = first_capture(
            [
                &[Piece::Lit(b"http://")][..],
                &capture(Class::HostName),
                &[Piece::Lit(b":")],
            ]
            .concat(),
        );
        // ':(%d+)/'
        let port = first_capture(
            [
                &[Piece::Lit(b":")][..],
                &capture(Class::Digit),
                &[Piece::Lit(b"/")],
            ]
            .concat(),
        );
        // 'http://[%w.]+:%d+/(.+)'
        let path = first_capture(vec![
            Piece::Lit(b"http://"),
            Piece::one_or_more(Class::HostName),
            Piece::Lit(b":"),
            Piece::one_or_more(Class::Digit),
            Piece::Lit(b"/"),
            Piece::Open(0),
            Piece::one_or_more(Class::Any),
            Piece::Close(0),
        ]);
        CallbackTarget { host, port, path }
    }

    fn into_call(self, url: &[u8]) -> OutboundCall {
        // LuaJIT formats a missing value as the text `nil`.
        let or_nil = |part: Option<&[u8]>| part.map_or_else(|| "nil".to_owned(), lossy);
        OutboundCall::VerifyCallback {
            url: lossy(url),
            request_line: format!("GET /{} HTTP/1.0", or_nil(self.path)),
            host_header: format!("{}:{}", or_nil(self.host), or_nil(self.port)),
            sent: self.host.is_some() && self.port.is_some(),
            host: self.host.map(lossy),
            port: self.port.map(lossy),
            path: self.path.map(lossy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(url: &str) -> [Option<String>; 3] {
        let t = CallbackTarget::of(url.as_bytes());
        [t.host, t.port, t.path].map(|p| p.map(lossy))
    }

    #[test]
    fn callback_target_follows_the_lua_patterns() {
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(
            parts("http://10.0.0.5:80/verifyCallback?from=daoke"),
            [s("10.0.0.5"), s("80"), s("verifyCallback?from=daoke")]
        );
        assert_eq!(parts("http://10.0.0.5:80/"), [s("10.0.0.5"), s("80"), None]);
        assert_eq!(parts("http://example.com/cb"), [None, None, None]);
        assert_eq!(parts("https://h:443/x"), [None, s("443"), None]);
        assert_eq!(parts("http://a-b:80/x"), [None, s("80"), None]);
        assert_eq!(parts("http://user@h:80/x"), [None, s("80"), None]);
        assert_eq!(parts("http://h:80"), [s("h"), None, None]);
        assert_eq!(parts("http://*"), [None, None, None]);
    }
}
