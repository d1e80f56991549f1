//! The YTX side (spec/doctor.md D2, D5): §10.8 steps 1–4 through the server's own checks
//! (`crate::server::ytx`), every failing one reported, the Authorization recovered from the
//! usual mistakes, and the D5 variants of `Sign`.

use crate::digits::hex_upper;
use crate::server::ytx as server;
use crate::server::HttpRequest;
use crate::text::Bilingual;
use crate::time::BeijingTime;
use crate::ytx::{ytx_sign, AuthToken};

use super::finding::Finding;
use super::mistake::MistakeId;
use super::view::Seen;

/// What the doctor found in a YTX request.
#[derive(Debug, Default)]
pub struct YtxView {
    /// The accountSID of the path.
    pub account_sid: Option<String>,
    /// `Sign` as sent.
    pub sign: Option<String>,
    /// The timestamp of `Authorization` (recovered from a wrong separator or Base64 too).
    pub timestamp: Option<String>,
    /// The server's view (D2).
    pub seen: Vec<Seen>,
    /// Failed checks of §10.8 steps 2–4 (they make the verdict `mismatch`).
    pub failures: Vec<MistakeId>,
    /// D5 suspects that need no token.
    pub suspects: Vec<MistakeId>,
    /// Findings (a failed route check).
    pub findings: Vec<Finding>,
}

/// Eight hours, the UTC+8 offset.
const UTC_OFFSET: i64 = 8 * 3600;

/// Reads a YTX request; `now` (Unix seconds) enables the window and UTC checks.
pub fn view(request: &HttpRequest, now: Option<i64>) -> YtxView {
    let mut view = YtxView::default();
    let path = request.path();
    let Some(sid) = server::account_sid(path) else {
        return view;
    };
    view.account_sid = Some(sid.to_owned());
    view.seen.push(Seen::text("accountSID", sid));
    if server::route(&request.method, path).is_none() {
        view.findings.push(
            Finding::capture(
                "ytx-route",
                Bilingual::new(
                    "The YTX server answers only POST /{6-digit version}/sid/{accountSID}/call/TeleMeeting.wx (SBX001): check the method, the version and the path.",
                    "YTX 服务器只处理 POST /{6 位版本}/sid/{accountSID}/call/TeleMeeting.wx（SBX001）：请检查方法、版本和路径。",
                ),
            )
            .with_code("SBX001"),
        );
    }
    match server::query_sign(request.query()) {
        Some(sign) => {
            view.sign = Some(sign.to_owned());
            view.seen.push(Seen::text("Sign", sign));
        }
        None => view.failures.push(MistakeId::YtxNoSign),
    }
    let header = server::authorization_header(request);
    let decoded = header.and_then(server::authorization);
    let (authorized_sid, timestamp) = match decoded {
        Some(pair) => {
            view.seen.push(Seen::text(
                "Authorization",
                &[&pair.0, "|", &pair.1].concat(),
            ));
            pair
        }
        None => {
            view.failures.push(MistakeId::YtxAuthorizationUnreadable);
            match header.and_then(|value| recover(value, &mut view.suspects)) {
                Some(pair) => pair,
                None => return view,
            }
        }
    };
    if authorized_sid != sid {
        view.failures.push(MistakeId::YtxAuthorizationSid);
    }
    view.seen.push(Seen::text("timestamp", &timestamp));
    match server::timestamp(&timestamp) {
        None => view.failures.push(MistakeId::YtxTimestampFormat),
        Some(instant) => {
            if let Some(now) = now {
                if !server::within_window(instant, now) {
                    view.failures.push(MistakeId::YtxTimestampWindow);
                }
                if (now - UTC_OFFSET - instant.to_unix()).abs() <= 15 * 60 {
                    view.suspects.push(MistakeId::YtxTimestampUtc);
                }
            }
        }
    }
    view.timestamp = Some(timestamp);
    view
}

/// An Authorization the server cannot read, read the ways callers get it wrong: URL-safe or
/// unpadded Base64, `:` or no separator.
fn recover(value: &str, suspects: &mut Vec<MistakeId>) -> Option<(String, String)> {
    let (bytes, encoding) = match crate::base64::decode(value) {
        Some(bytes) => (bytes, false),
        None => {
            let mut fixed: String = value
                .chars()
                .map(|c| match c {
                    '-' => '+',
                    '_' => '/',
                    c => c,
                })
                .collect();
            while !fixed.len().is_multiple_of(4) {
                fixed.push('=');
            }
            (crate::base64::decode(&fixed)?, true)
        }
    };
    let plain = String::from_utf8(bytes).ok()?;
    if encoding {
        suspects.push(MistakeId::YtxAuthorizationEncoding);
    }
    if let Some((a, t)) = plain.split_once('|') {
        return Some((a.to_owned(), t.to_owned()));
    }
    let split = match plain.split_once(':') {
        Some((a, t)) => Some((a.to_owned(), t.to_owned())),
        None => {
            let cut = plain.len().checked_sub(14)?;
            let (a, t) = (plain.get(..cut)?, plain.get(cut..)?);
            (!a.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| (a.to_owned(), t.to_owned()))
        }
    };
    if split.is_some() {
        suspects.push(MistakeId::YtxAuthorizationSeparator);
    }
    split
}

fn md5_hex(text: &str) -> String {
    hex_upper(&md5::compute(text.as_bytes()).0)
}

/// The expected `Sign`: MD5(accountSID + authToken + timestamp), upper-case hex.
pub fn expected_sign(sid: &str, token: &AuthToken, timestamp: &str) -> String {
    ytx_sign(sid, token, timestamp).sign
}

/// D5's variants with the token: every one that reproduces `sign` (case-insensitive).
pub fn confirmed(sid: &str, token: &AuthToken, timestamp: &str, sign: &str) -> Vec<MistakeId> {
    let t = token.expose();
    let matches = |text: &str| sign.eq_ignore_ascii_case(&md5_hex(text));
    let mut ids = Vec::new();
    if let Some(instant) = BeijingTime::parse(timestamp) {
        let at = instant.to_unix();
        let differs = (-300..=300).filter(|d| *d != 0).any(|d| {
            let other = BeijingTime::from_unix(at + d).to_string();
            matches(&[sid, t, &other].concat())
        });
        if differs {
            ids.push(MistakeId::YtxTimestampDiffers);
        }
    }
    let orders = [
        [sid, timestamp, t],
        [t, sid, timestamp],
        [t, timestamp, sid],
        [timestamp, sid, t],
        [timestamp, t, sid],
    ];
    let correct = [sid, t, timestamp].concat();
    if orders
        .iter()
        .map(|o| o.concat())
        .any(|s| s != correct && matches(&s))
    {
        ids.push(MistakeId::YtxOrder);
    }
    if !t.is_empty() && matches(&[sid, timestamp].concat()) {
        ids.push(MistakeId::YtxTokenMissing);
    }
    ids
}
