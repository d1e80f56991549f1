//! The rule vocabulary endpoint descriptions are written in (spec §3).
//!
//! A [`Rule`] is plain data: a [`Check`] (a condition on one parameter's canonical value,
//! or on its absence), the finding it produces ([`Severity`], [`FindingClass`], the server's
//! error code) and a bilingual message. The endpoint files (`crate::endpoint`) list the
//! rules of every parameter in the spec's precedence order; the validator
//! (`crate::validate`) reports the first one that matches. Keeping checks as data rather
//! than closures lets the JS API and the web app serialise, show and explain every rule.

use crate::length::{characters, ServerUnits};
use crate::lua::{read_flag, tonumber, FlagReading};
use crate::text::Bilingual;
use crate::time::BeijingTime;
use core::fmt;

/// How serious a finding is (spec §3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The request will be rejected (or cannot be built as intended): do not send it.
    Error,
    /// The request may work, but something is off; the message says what.
    Warn,
}

impl Severity {
    /// `"error"` or `"warn"`, as serialised.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warn => "warn",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a finding was raised: which side (seed document, server) disagrees (spec §3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FindingClass {
    /// ERROR: neither documented-valid nor server-valid.
    Both,
    /// ERROR: the request cannot be signed or parsed as intended (request-shape rules, §3.2).
    Request,
    /// WARN: documented-valid, but the server rejects it (the finding names the code).
    ServerOnly,
    /// WARN: the server accepts it, but it is outside the documented range.
    SeedOnly,
    /// WARN: both sides accept it, but a documented consequence is probably unwanted.
    Advisory,
    /// ERROR (YTX): documented invalid; the platform is assumed to reject it.
    Seed,
}

impl FindingClass {
    /// The serialised name: `both`, `request`, `server-only`, `seed-only`, `advisory`, `seed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FindingClass::Both => "both",
            FindingClass::Request => "request",
            FindingClass::ServerOnly => "server-only",
            FindingClass::SeedOnly => "seed-only",
            FindingClass::Advisory => "advisory",
            FindingClass::Seed => "seed",
        }
    }
}

impl fmt::Display for FindingClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of ASCII characters a pattern is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CharClass {
    /// `[0-9]`
    Digits,
    /// `[0-9a-f]`
    LowerHex,
    /// `[A-Za-z0-9]`
    Alphanumeric,
    /// `[A-Za-z0-9_]`
    Word,
}

impl CharClass {
    /// Whether `c` belongs to the class.
    pub const fn contains(self, c: char) -> bool {
        match self {
            CharClass::Digits => c.is_ascii_digit(),
            CharClass::LowerHex => matches!(c, '0'..='9' | 'a'..='f'),
            CharClass::Alphanumeric => c.is_ascii_alphanumeric(),
            CharClass::Word => c.is_ascii_alphanumeric() || c == '_',
        }
    }
}

impl fmt::Display for CharClass {
    /// The class in regular-expression notation, e.g. `[0-9a-f]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CharClass::Digits => "[0-9]",
            CharClass::LowerHex => "[0-9a-f]",
            CharClass::Alphanumeric => "[A-Za-z0-9]",
            CharClass::Word => "[A-Za-z0-9_]",
        })
    }
}

/// A whole value made of `min..=max` characters of one class: `^class{min,max}$`.
///
/// Every pattern of the spec's parameter rules has this shape, so no regular-expression
/// engine is needed. It serialises as its regular expression (usable as an HTML `pattern`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pattern {
    /// The characters allowed.
    pub class: CharClass,
    /// Fewest characters.
    pub min: usize,
    /// Most characters.
    pub max: usize,
}

impl Pattern {
    /// `^class{min,max}$`.
    pub const fn new(class: CharClass, min: usize, max: usize) -> Pattern {
        Pattern { class, min, max }
    }

    /// Whether the whole of `value` matches.
    pub fn matches(&self, value: &str) -> bool {
        let mut count = 0usize;
        for c in value.chars() {
            if !self.class.contains(c) {
                return false;
            }
            count += 1;
        }
        (self.min..=self.max).contains(&count)
    }
}

impl fmt::Display for Pattern {
    /// The regular expression, e.g. `^[0-9]{1,10}$` or `^[A-Za-z0-9]{10}$`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "^{}{{{}}}$", self.class, self.min)
        } else {
            write!(f, "^{}{{{},{}}}$", self.class, self.min, self.max)
        }
    }
}

impl serde::Serialize for Pattern {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A condition on one parameter. Every check except [`Check::Missing`] (and the
/// combinators built from it) is false for an absent parameter; values are canonical
/// (spec §3.4). "Characters" are Unicode scalar values, "server units" the daoke server's
/// `str_count` ([`ServerUnits`]), "bytes" UTF-8 bytes (spec §1).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Check {
    /// The parameter is not sent.
    Missing,
    /// The parameter is sent, whatever its value.
    Present,
    /// The value is the empty string.
    Empty,
    /// The value does not match the pattern.
    NotMatching(Pattern),
    /// The value contains a character outside the class.
    HasCharOutside(CharClass),
    /// The value's first character belongs to the class.
    FirstCharIn(CharClass),
    /// More than this many characters.
    CharsOver(usize),
    /// Fewer than this many characters.
    CharsUnder(usize),
    /// Exactly this many characters.
    CharsExactly(usize),
    /// More than this many server units (compared exactly, in thirds; spec §3.2).
    ServerUnitsOver(usize),
    /// Fewer than this many server units.
    ServerUnitsUnder(usize),
    /// More than this many bytes.
    BytesOver(usize),
    /// Fewer than this many bytes.
    BytesUnder(usize),
    /// The value contains this character.
    Contains(char),
    /// SQL-spliced text that breaks the statement: contains `'` or ends with an odd number
    /// of `\` (spec §3.2).
    SqlBreaking,
    /// The value contains `\` (MySQL reads it as an escape, spec §3.2).
    HasBackslash,
    /// The value does not start with `prefix` (compared bytewise; `case_sensitive: false`
    /// compares ASCII letters case-insensitively, like the server's `string.lower`).
    NotStartingWith {
        /// The required prefix.
        prefix: &'static str,
        /// Whether letter case matters.
        case_sensitive: bool,
    },
    /// The value is none of these exact strings.
    NotOneOf(&'static [&'static str]),
    /// The value is not a URL: it does not match
    /// `^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s]+` (spec §3.2; `\s` is Unicode white space).
    NotUrl,
    /// The part before the first `?` or `#` does not end with this suffix (ASCII case-insensitive).
    PathNotEndingWith(&'static str),
    /// The last `bytes` bytes, ASCII lower-cased, contain none of `any_of`
    /// (the applyMicroChannel logo rule).
    TailLacks {
        /// How many bytes at the end are examined (all of them when the value is shorter).
        bytes: usize,
        /// The lower-case needles, one of which must occur.
        any_of: &'static [&'static str],
    },
    /// Flag (spec §3.3): `tonumber` gives a number whose LuaJIT text form is not `0`, `1` or
    /// `0.1` — the server rejects it.
    FlagRejected,
    /// Flag: accepted by the server, spelled as a hex float or binary literal
    /// (version-dependent).
    FlagVersionDependent,
    /// Flag: accepted by the server with the value 0.1 (its text form matches `0,1` only
    /// through the pattern's wildcard dot).
    FlagPointOne,
    /// Flag: accepted by the server, but not spelled exactly `0` or `1`.
    FlagNonCanonical,
    /// LuaJIT 2.1 `tonumber` gives nil (this includes the empty string).
    NotANumber,
    /// LuaJIT 2.1 `tonumber` gives a number different from this one (`nan` included).
    NumberOtherThan(f64),
    /// Comma list (split on the ASCII comma only): no non-empty element.
    NoListItems,
    /// Comma list: more than this many non-empty elements.
    ListItemsOver(usize),
    /// Comma list: a non-empty element of more than this many characters.
    ListItemCharsOver(usize),
    /// Comma list: a non-empty element of more than this many server units.
    ListItemServerUnitsOver(usize),
    /// Comma list: a non-empty element that does not match the pattern.
    ListItemNotMatching(Pattern),
    /// Comma list: a non-empty value with an empty element (`a,,b`, a leading or trailing comma).
    EmptyListItems,
    /// Comma list: the same non-empty element more than once.
    DuplicateListItems,
    /// The verifyApplyJoiningMember callback: the server cannot extract a host or a port
    /// ([`callback_target`]).
    NoCallbackHostPort,
    /// The verifyApplyJoiningMember callback: host and port are found but the path is empty.
    CallbackPathEmpty,
    /// Not 14 digits forming a valid `yyyyMMddHHmmss` date and time.
    NotBeijingTime,
    /// A valid `yyyyMMddHHmmss` (UTC+8) more than `seconds` away from the validator's clock;
    /// never matches when no clock is given.
    OutsideWindow {
        /// The allowed distance in seconds.
        seconds: u64,
    },
    /// YTX parties: the text is not a JSON array.
    PartiesNotJsonArray,
    /// YTX parties: an empty JSON array.
    PartiesEmpty,
    /// YTX parties: an element that is not an object with non-empty string `name` and `phone`.
    PartyMalformed,
    /// YTX parties: a string `phone` not matching `^[0-9]{3,20}(,[0-9]{1,10})?$`.
    PartyPhoneUnusual,
    /// YTX parties: an object element with keys other than `name` and `phone`.
    PartyExtraKeys,
    /// Every check matches (for an absent parameter as well: `All(&[])` always matches).
    All(&'static [Check]),
    /// At least one check matches.
    Any(&'static [Check]),
    /// The parameter is present and the check does not match.
    Not(&'static Check),
}

impl Check {
    /// Whether the check matches a parameter with this canonical value (`None`: not sent).
    /// `now` (Unix seconds) is the validator's clock, used only by [`Check::OutsideWindow`].
    pub fn matches(&self, value: Option<&str>, now: Option<i64>) -> bool {
        match self {
            Check::Missing => value.is_none(),
            Check::Present => value.is_some(),
            Check::All(checks) => checks.iter().all(|c| c.matches(value, now)),
            Check::Any(checks) => checks.iter().any(|c| c.matches(value, now)),
            Check::Not(check) => value.is_some() && !check.matches(value, now),
            other => value.is_some_and(|v| other.matches_value(v, now)),
        }
    }

    /// The value checks (the parameter is present).
    fn matches_value(&self, v: &str, now: Option<i64>) -> bool {
        match *self {
            // Absence and the combinators are decided by `matches`, which never gets here for them.
            Check::Missing | Check::All(_) | Check::Any(_) | Check::Not(_) => false,
            Check::Present => true,
            Check::Empty => v.is_empty(),
            Check::NotMatching(pattern) => !pattern.matches(v),
            Check::HasCharOutside(class) => v.chars().any(|c| !class.contains(c)),
            Check::FirstCharIn(class) => v.chars().next().is_some_and(|c| class.contains(c)),
            Check::CharsOver(n) => characters(v) > n,
            Check::CharsUnder(n) => characters(v) < n,
            Check::CharsExactly(n) => characters(v) == n,
            Check::ServerUnitsOver(n) => ServerUnits::of(v.as_bytes()).over(n),
            Check::ServerUnitsUnder(n) => ServerUnits::of(v.as_bytes()).under(n),
            Check::BytesOver(n) => v.len() > n,
            Check::BytesUnder(n) => v.len() < n,
            Check::Contains(c) => v.contains(c),
            Check::SqlBreaking => v.contains('\'') || trailing_backslashes(v) % 2 == 1,
            Check::HasBackslash => v.contains('\\'),
            Check::NotStartingWith {
                prefix,
                case_sensitive,
            } => !starts_with(v, prefix, case_sensitive),
            Check::NotOneOf(allowed) => !allowed.contains(&v),
            Check::NotUrl => !is_url(v),
            Check::PathNotEndingWith(suffix) => {
                let path = v.split(['?', '#']).next().unwrap_or(v);
                !ends_with_ignore_ascii_case(path, suffix)
            }
            Check::TailLacks { bytes, any_of } => !tail_contains_any(v, bytes, any_of),
            Check::FlagRejected => matches!(read_flag(v), FlagReading::Rejected { .. }),
            Check::FlagVersionDependent => matches!(
                read_flag(v),
                FlagReading::Accepted {
                    version_dependent: true,
                    ..
                }
            ),
            Check::FlagPointOne => {
                matches!(read_flag(v), FlagReading::Accepted { text, .. } if text == "0.1")
            }
            Check::FlagNonCanonical => matches!(read_flag(v), FlagReading::Accepted { .. }),
            Check::NotANumber => tonumber(v).is_none(),
            Check::NumberOtherThan(x) => tonumber(v).is_some_and(|n| n != x),
            Check::NoListItems => list_items(v).next().is_none(),
            Check::ListItemsOver(n) => list_items(v).count() > n,
            Check::ListItemCharsOver(n) => list_items(v).any(|item| characters(item) > n),
            Check::ListItemServerUnitsOver(n) => {
                list_items(v).any(|item| ServerUnits::of(item.as_bytes()).over(n))
            }
            Check::ListItemNotMatching(pattern) => list_items(v).any(|item| !pattern.matches(item)),
            Check::EmptyListItems => !v.is_empty() && v.split(',').any(str::is_empty),
            Check::DuplicateListItems => {
                let mut seen = std::collections::HashSet::new();
                list_items(v).any(|item| !seen.insert(item))
            }
            Check::NoCallbackHostPort => {
                let target = callback_target(v);
                target.host.is_none() || target.port.is_none()
            }
            Check::CallbackPathEmpty => {
                let target = callback_target(v);
                target.host.is_some() && target.port.is_some() && target.path.is_none()
            }
            Check::NotBeijingTime => BeijingTime::parse(v).is_none(),
            Check::OutsideWindow { seconds } => match (BeijingTime::parse(v), now) {
                (Some(time), Some(now)) => time.to_unix().abs_diff(now) > seconds,
                _ => false,
            },
            Check::PartiesNotJsonArray => party_array(v).is_none(),
            Check::PartiesEmpty => party_array(v).is_some_and(|parties| parties.is_empty()),
            Check::PartyMalformed => {
                party_array(v).is_some_and(|parties| parties.iter().any(|p| !is_party(p)))
            }
            Check::PartyPhoneUnusual => party_array(v).is_some_and(|parties| {
                parties.iter().any(|p| match p.get("phone") {
                    Some(serde_json::Value::String(phone)) => !is_phone(phone),
                    _ => false,
                })
            }),
            Check::PartyExtraKeys => party_array(v).is_some_and(|parties| {
                parties.iter().any(|p| {
                    p.as_object()
                        .is_some_and(|o| o.keys().any(|k| k != "name" && k != "phone"))
                })
            }),
        }
    }
}

impl fmt::Display for Check {
    /// A short English description of the condition, e.g. `more than 32 characters`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::Missing => f.write_str("missing"),
            Check::Present => f.write_str("present"),
            Check::Empty => f.write_str("empty"),
            Check::NotMatching(p) => write!(f, "not {p}"),
            Check::HasCharOutside(c) => write!(f, "a character outside {c}"),
            Check::FirstCharIn(c) => write!(f, "first character in {c}"),
            Check::CharsOver(n) => write!(f, "more than {n} characters"),
            Check::CharsUnder(n) => write!(f, "fewer than {n} characters"),
            Check::CharsExactly(n) => write!(f, "exactly {n} characters"),
            Check::ServerUnitsOver(n) => write!(f, "more than {n} server units"),
            Check::ServerUnitsUnder(n) => write!(f, "fewer than {n} server units"),
            Check::BytesOver(n) => write!(f, "more than {n} bytes"),
            Check::BytesUnder(n) => write!(f, "fewer than {n} bytes"),
            Check::Contains(c) => write!(f, "contains {c:?}"),
            Check::SqlBreaking => f.write_str("contains ' or ends with an odd number of \\"),
            Check::HasBackslash => f.write_str("contains \\"),
            Check::NotStartingWith {
                prefix,
                case_sensitive: true,
            } => {
                write!(f, "does not start with {prefix:?}")
            }
            Check::NotStartingWith {
                prefix,
                case_sensitive: false,
            } => {
                write!(f, "does not start with {prefix:?} in any letter case")
            }
            Check::NotOneOf(allowed) => write!(f, "not one of {allowed:?}"),
            Check::NotUrl => f.write_str("not a URL"),
            Check::PathNotEndingWith(s) => write!(f, "path does not end with {s:?}"),
            Check::TailLacks { bytes, any_of } => {
                write!(f, "last {bytes} bytes contain none of {any_of:?}")
            }
            Check::FlagRejected => f.write_str("a number whose text form is not 0, 1 or 0.1"),
            Check::FlagVersionDependent => f.write_str("a version-dependent spelling of 0/1"),
            Check::FlagPointOne => f.write_str("a spelling of 0.1"),
            Check::FlagNonCanonical => f.write_str("a non-canonical spelling of 0/1"),
            Check::NotANumber => f.write_str("not a number"),
            Check::NumberOtherThan(x) => write!(f, "a number other than {x}"),
            Check::NoListItems => f.write_str("no non-empty element"),
            Check::ListItemsOver(n) => write!(f, "more than {n} elements"),
            Check::ListItemCharsOver(n) => write!(f, "an element of more than {n} characters"),
            Check::ListItemServerUnitsOver(n) => {
                write!(f, "an element of more than {n} server units")
            }
            Check::ListItemNotMatching(p) => write!(f, "an element not {p}"),
            Check::EmptyListItems => f.write_str("empty elements"),
            Check::DuplicateListItems => f.write_str("an element listed twice"),
            Check::NoCallbackHostPort => f.write_str("no extractable host and port"),
            Check::CallbackPathEmpty => f.write_str("empty callback path"),
            Check::NotBeijingTime => f.write_str("not a valid yyyyMMddHHmmss"),
            Check::OutsideWindow { seconds } => write!(f, "more than {seconds} s from the clock"),
            Check::PartiesNotJsonArray => f.write_str("not a JSON array"),
            Check::PartiesEmpty => f.write_str("an empty array"),
            Check::PartyMalformed => f.write_str("an element without non-empty name and phone"),
            Check::PartyPhoneUnusual => f.write_str("an unusual phone number"),
            Check::PartyExtraKeys => f.write_str("an element with extra keys"),
            Check::All(checks) => join(f, checks, " and "),
            Check::Any(checks) => join(f, checks, " or "),
            Check::Not(check) => write!(f, "present and not ({check})"),
        }
    }
}

fn join(f: &mut fmt::Formatter<'_>, checks: &[Check], separator: &str) -> fmt::Result {
    f.write_str("(")?;
    for (i, check) in checks.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        write!(f, "{check}")?;
    }
    f.write_str(")")
}

/// One row of an endpoint file: when `check` matches, the parameter gets this finding.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// Identifier, unique within an endpoint: `<parameter>.<rule>`, e.g. `groupName.bytesOver32`.
    pub id: &'static str,
    /// The condition.
    pub check: Check,
    /// ERROR or WARN.
    pub severity: Severity,
    /// Which side disagrees (spec §3.1).
    pub class: FindingClass,
    /// The error code the server returns for such a value, where the spec names one.
    pub server_code: Option<&'static str>,
    /// What is wrong and what to do, naming the parameter, in English and Chinese.
    pub message: Bilingual,
}

impl Rule {
    /// A rule (a `const fn`, so endpoint descriptions are static data).
    pub const fn new(
        id: &'static str,
        severity: Severity,
        class: FindingClass,
        check: Check,
        server_code: Option<&'static str>,
        message: Bilingual,
    ) -> Rule {
        Rule {
            id,
            check,
            severity,
            class,
            server_code,
            message,
        }
    }
}

impl fmt::Display for Rule {
    /// `id: when <condition> → severity (class, code)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: when {} → {} ({}",
            self.id, self.check, self.severity, self.class
        )?;
        if let Some(code) = self.server_code {
            write!(f, ", {code}")?;
        }
        f.write_str(")")
    }
}

/// What the verifyApplyJoiningMember server extracts from a callback URL (spec,
/// verifyApplyJoiningMember.md, "callbackURL"), with its unanchored Lua patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallbackTarget<'a> {
    /// The characters before the `:` of the first `http://` followed by `[A-Za-z0-9.]+:`.
    pub host: Option<&'a str>,
    /// The first run of digits between a `:` and a `/`.
    pub port: Option<&'a str>,
    /// Everything after the first `http://{host}:{port}/`, when not empty (host and port
    /// found). `None` makes the server request the path `/nil`.
    pub path: Option<&'a str>,
}

/// Host, port and path the verifyApplyJoiningMember server extracts from `url`.
pub fn callback_target(url: &str) -> CallbackTarget<'_> {
    let host = url.match_indices("http://").find_map(|(start, scheme)| {
        let rest = url.get(start + scheme.len()..)?;
        let run = run_of(rest, |c| c.is_ascii_alphanumeric() || c == '.');
        (!run.is_empty() && rest.get(run.len()..)?.starts_with(':')).then_some(run)
    });
    let port = url.match_indices(':').find_map(|(start, _)| {
        let rest = url.get(start + 1..)?;
        let run = run_of(rest, |c| c.is_ascii_digit());
        (!run.is_empty() && rest.get(run.len()..)?.starts_with('/')).then_some(run)
    });
    let path = match (host, port) {
        (Some(host), Some(port)) => {
            let prefix = format!("http://{host}:{port}/");
            url.find(&prefix)
                .and_then(|start| url.get(start + prefix.len()..))
                .filter(|path| !path.is_empty())
        }
        _ => None,
    };
    CallbackTarget { host, port, path }
}

/// The longest prefix of `s` made of characters satisfying `keep`.
fn run_of(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let end = s.find(|c: char| !keep(c)).unwrap_or(s.len());
    s.get(..end).unwrap_or(s)
}

fn trailing_backslashes(v: &str) -> usize {
    v.bytes().rev().take_while(|&b| b == b'\\').count()
}

fn starts_with(v: &str, prefix: &str, case_sensitive: bool) -> bool {
    match v.as_bytes().get(..prefix.len()) {
        Some(head) if case_sensitive => head == prefix.as_bytes(),
        Some(head) => head.eq_ignore_ascii_case(prefix.as_bytes()),
        None => false,
    }
}

fn ends_with_ignore_ascii_case(v: &str, suffix: &str) -> bool {
    let bytes = v.as_bytes();
    bytes
        .len()
        .checked_sub(suffix.len())
        .and_then(|start| bytes.get(start..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix.as_bytes()))
}

fn tail_contains_any(v: &str, bytes: usize, needles: &[&str]) -> bool {
    let all = v.as_bytes();
    let tail = all
        .get(all.len().saturating_sub(bytes)..)
        .unwrap_or(all)
        .to_ascii_lowercase();
    needles.iter().any(|needle| {
        needle.is_empty()
            || tail
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
    })
}

/// `^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s]+` (a prefix match, spec §3.2).
fn is_url(v: &str) -> bool {
    let Some(rest) = v.strip_prefix(|c: char| c.is_ascii_alphabetic()) else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || "+.-".contains(c));
    rest.strip_prefix("://")
        .and_then(|host| host.chars().next())
        .is_some_and(|c| !matches!(c, '/' | '?' | '#') && !c.is_whitespace())
}

/// The non-empty elements of a comma list, in order (the ASCII comma only, spec §3.2; the
/// server drops empty pieces). The validator's list checks, the live counters and the web
/// app's tag editor all split with this.
pub fn list_items(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').filter(|item| !item.is_empty())
}

/// The elements of a `parties` JSON array, or `None` when the text is not a JSON array.
fn party_array(v: &str) -> Option<Vec<serde_json::Value>> {
    match serde_json::from_str(v) {
        Ok(serde_json::Value::Array(parties)) => Some(parties),
        _ => None,
    }
}

/// An object with non-empty string `name` and `phone`.
fn is_party(party: &serde_json::Value) -> bool {
    let non_empty_string = |key: &str| {
        party
            .get(key)
            .and_then(serde_json::Value::as_str)
            .is_some_and(|s| !s.is_empty())
    };
    party.is_object() && non_empty_string("name") && non_empty_string("phone")
}

/// `^[0-9]{3,20}(,[0-9]{1,10})?$`: a number, optionally a landline extension.
fn is_phone(phone: &str) -> bool {
    let digits =
        |s: &str, min: usize, max: usize| Pattern::new(CharClass::Digits, min, max).matches(s);
    match phone.split_once(',') {
        Some((number, extension)) => digits(number, 3, 20) && digits(extension, 1, 10),
        None => digits(phone, 3, 20),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_display_is_the_spec_regex() {
        assert_eq!(
            Pattern::new(CharClass::Digits, 1, 10).to_string(),
            "^[0-9]{1,10}$"
        );
        assert_eq!(
            Pattern::new(CharClass::Alphanumeric, 10, 10).to_string(),
            "^[A-Za-z0-9]{10}$"
        );
    }

    #[test]
    fn callback_target_follows_the_lua_patterns() {
        let t = callback_target("http://10.0.0.5:80/verifyCallback?from=daoke&id=7");
        assert_eq!(t.host, Some("10.0.0.5"));
        assert_eq!(t.port, Some("80"));
        assert_eq!(t.path, Some("verifyCallback?from=daoke&id=7"));
        let t = callback_target("http://10.0.0.5:80/");
        assert_eq!(
            (t.host, t.port, t.path),
            (Some("10.0.0.5"), Some("80"), None)
        );
        for url in [
            "http://example.com/cb",
            "https://h:443/x",
            "http://cb-host.example.com:80/x",
            "http://*",
            "http://user@h:80/x",
            "http://h:80",
        ] {
            let t = callback_target(url);
            assert!(t.host.is_none() || t.port.is_none(), "{url}");
        }
        // Unanchored: the second http:// may provide the host.
        let t = callback_target("xhttp://a_b:1/ http://h.x:8/p");
        assert_eq!(t.host, Some("h.x"));
        assert_eq!(t.port, Some("1"));
        assert_eq!(t.path, None);
    }

    #[test]
    fn url_shape() {
        for ok in [
            "http://a",
            "ftp://dfs.example.com/a.amr",
            "a+b.c-d://h",
            "HTTP://X",
        ] {
            assert!(is_url(ok), "{ok}");
        }
        for bad in [
            "",
            "abc",
            "http:/a.amr",
            "1http://a",
            "http://",
            "http:///x",
            "http://?q",
            "http:// a",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
    }

    #[test]
    fn phone_heuristic() {
        for ok in ["15000000804", "123", "01053889900,1234"] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "12",
            "+8613800000000",
            "1,",
            "123,12345678901",
            "123,1,2",
            "",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn combinators_on_absent_values() {
        assert!(Check::Any(&[Check::Missing, Check::Empty]).matches(None, None));
        assert!(!Check::Not(&Check::Empty).matches(None, None));
        assert!(Check::Not(&Check::Empty).matches(Some("x"), None));
        assert!(!Check::Empty.matches(None, None));
        assert!(Check::All(&[]).matches(None, None));
    }

    #[test]
    fn tail_and_suffix_checks_never_split_characters_badly() {
        let logo = Check::TailLacks {
            bytes: 5,
            any_of: &[".png"],
        };
        assert!(!logo.matches(Some("x.PNG"), None));
        assert!(logo.matches(Some("车车"), None));
        assert!(Check::PathNotEndingWith(".amr").matches(Some("车"), None));
        assert!(!Check::PathNotEndingWith(".amr").matches(Some("HTTP://A/B.AMR?x=1"), None));
    }
}
