//! One test per parameter of every endpoint file: each row of the parameter's table, with
//! values on both sides of every boundary, checking severity, class, serverCode and the rule
//! that fired. The base request is the endpoint's own example (which must be finding-free);
//! each row replaces, removes or adds one parameter. `every_rule_is_exercised` proves that
//! every rule of every description is expected by at least one row here.
#![cfg(feature = "full")]

use signkit::endpoint::describe;
use signkit::rules::FindingClass::{self, *};
use signkit::rules::Severity;
use signkit::validate::{validate, validate_generic, Finding, Mode, ValidateOptions};
use signkit::Api::{self, *};
use signkit::{BeijingTime, Params};
use std::collections::BTreeSet;

const ME01023: Option<&str> = Some("ME01023");
const ME01020: Option<&str> = Some("ME01020");
const ME01022: Option<&str> = Some("ME01022");

/// What a row expects for its parameter.
#[derive(Clone, Debug, PartialEq)]
enum Want {
    Ok,
    Finding {
        severity: Severity,
        class: FindingClass,
        code: Option<&'static str>,
        rule: String,
    },
}
use Want::Ok as OK;

fn e(class: FindingClass, code: Option<&'static str>, rule: impl Into<String>) -> Want {
    Want::Finding {
        severity: Severity::Error,
        class,
        code,
        rule: rule.into(),
    }
}

fn w(class: FindingClass, code: Option<&'static str>, rule: impl Into<String>) -> Want {
    Want::Finding {
        severity: Severity::Warn,
        class,
        code,
        rule: rule.into(),
    }
}

struct Row {
    value: Option<String>,
    mode: Mode,
    want: Want,
}

/// The rows of one parameter.
struct Rows {
    api: Api,
    field: &'static str,
    now: Option<i64>,
    rows: Vec<Row>,
}

impl Rows {
    fn new(api: Api, field: &'static str) -> Rows {
        Rows {
            api,
            field,
            now: None,
            rows: Vec::new(),
        }
    }

    /// Validate with this clock (`yyyyMMddHHmmss`, UTC+8).
    fn at(mut self, clock: &str) -> Rows {
        self.now = Some(BeijingTime::parse(clock).expect("clock").to_unix());
        self
    }

    fn push(mut self, value: Option<String>, mode: Mode, want: Want) -> Rows {
        self.rows.push(Row { value, mode, want });
        self
    }

    /// The parameter sent with this value (build mode).
    fn is(self, value: impl Into<String>, want: Want) -> Rows {
        self.push(Some(value.into()), Mode::Build, want)
    }

    /// The parameter sent with this value, in raw mode.
    fn raw(self, value: impl Into<String>, want: Want) -> Rows {
        self.push(Some(value.into()), Mode::Raw, want)
    }

    /// The parameter not sent.
    fn absent(self, want: Want) -> Rows {
        self.push(None, Mode::Build, want)
    }

    /// Every value gets the same outcome.
    fn all(self, values: &[&str], want: Want) -> Rows {
        values
            .iter()
            .fold(self, |rows, v| rows.is(*v, want.clone()))
    }

    /// Runs every row; returns the failures.
    fn failures(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for row in &self.rows {
            let mut params: Params = describe(self.api)
                .example
                .iter()
                .copied()
                .filter(|(n, _)| *n != self.field)
                .collect();
            if let Some(value) = &row.value {
                params.push(self.field, value.as_str());
            }
            let findings = validate(
                self.api,
                &params,
                &ValidateOptions {
                    mode: row.mode,
                    now: self.now,
                },
            );
            let (mine, others): (Vec<&Finding>, Vec<&Finding>) =
                findings.iter().partition(|f| f.field == self.field);
            let got = match mine.as_slice() {
                [] => OK,
                [f] => Want::Finding {
                    severity: f.severity,
                    class: f.class,
                    code: f.server_code,
                    rule: f.rule.to_owned(),
                },
                _ => {
                    failures.push(format!(
                        "{} {}={:?}: several findings {mine:?}",
                        self.api, self.field, row.value
                    ));
                    continue;
                }
            };
            if got != row.want || !others.is_empty() {
                failures.push(format!(
                    "{} {}={:?} ({:?}): expected {:?}, got {:?}; other findings {:?}",
                    self.api,
                    self.field,
                    shorten(row.value.as_deref()),
                    row.mode,
                    row.want,
                    got,
                    others.iter().map(ToString::to_string).collect::<Vec<_>>()
                ));
            }
        }
        failures
    }

    fn check(self) {
        let failures = self.failures();
        for failure in &failures {
            eprintln!("{failure}");
        }
        assert!(failures.is_empty(), "{} failing row(s)", failures.len());
    }
}

fn shorten(value: Option<&str>) -> Option<String> {
    value.map(|v| {
        if v.chars().count() > 40 {
            format!(
                "{}…({} chars)",
                v.chars().take(30).collect::<String>(),
                v.chars().count()
            )
        } else {
            v.to_owned()
        }
    })
}

fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// A string of exactly `chars` characters starting with `prefix`, padded with `pad`.
fn padded(prefix: &str, pad: char, chars: usize) -> String {
    let mut s = prefix.to_owned();
    while s.chars().count() < chars {
        s.push(pad);
    }
    s
}

// ---- shared parameters --------------------------------------------------------------------

fn app_key(api: Api) -> Rows {
    Rows::new(api, "appKey")
        .absent(e(Both, ME01023, "appKey.missing"))
        .all(&["1", "1111111111", "0000000000"], OK)
        .all(
            &["", "11111111111", "111111111a", "１", " 1", "-1"],
            e(Both, ME01023, "appKey.format"),
        )
}

fn account_id(api: Api, field: &'static str) -> Rows {
    Rows::new(api, field)
        .absent(e(Both, ME01023, format!("{field}.missing")))
        .all(&["O40cml0y5p", "2222222222", "aaaaaaaaaa"], OK)
        .all(
            &[
                "",
                "O40cml0y5",
                "O40cml0y5pX",
                "abcde-ghij",
                "aaaaa_aaaa",
                "aaaa'aaaaa",
                "车车车车车车车车车车",
            ],
            e(Both, ME01023, format!("{field}.format")),
        )
}

// ---- createGroup --------------------------------------------------------------------------

fn create_group_group_name() -> Rows {
    Rows::new(CreateGroup, "groupName")
        .absent(e(Both, ME01023, "groupName.missing"))
        .is("", w(SeedOnly, None, "groupName.empty"))
        .is(rep("g", 32), OK)
        .is(rep("g", 33), e(Both, ME01023, "groupName.charsOver32"))
        .is(rep("车", 10), OK)
        .is(
            rep("车", 11),
            w(ServerOnly, ME01023, "groupName.bytesOver32"),
        )
        .is(
            rep("车", 32),
            w(ServerOnly, ME01023, "groupName.bytesOver32"),
        )
        .is(rep("车", 33), e(Both, ME01023, "groupName.charsOver32"))
        .is(rep("😀", 8), OK)
        .is(
            rep("😀", 9),
            w(ServerOnly, ME01023, "groupName.bytesOver32"),
        )
        .is(
            "O'Brien Fleet",
            w(Advisory, ME01020, "groupName.sqlBreaking"),
        )
        .is("fleet\\", w(Advisory, ME01020, "groupName.sqlBreaking"))
        .is("fleet\\\\\\", w(Advisory, ME01020, "groupName.sqlBreaking"))
        .is("fleet\\\\", w(Advisory, None, "groupName.backslash"))
        .is("a\\b", w(Advisory, None, "groupName.backslash"))
        // Precedence: ERROR before WARN, server-only before advisory.
        .is(
            format!("'{}", rep("g", 32)),
            e(Both, ME01023, "groupName.charsOver32"),
        )
        .is(
            format!("'{}", rep("车", 11)),
            w(ServerOnly, ME01023, "groupName.bytesOver32"),
        )
        // Canonical values: 31 letters + CRLF is 32 characters after CRLF → LF.
        .is(format!("{}\r\n", rep("g", 31)), OK)
        .is(format!("{}\r\r\n", rep("g", 31)), OK)
        .is(
            format!("{}\r\n", rep("g", 32)),
            e(Both, ME01023, "groupName.charsOver32"),
        )
}

/// Every spelling of README §3.3 and createGroup.md, for one createGroup flag.
fn create_group_flag(field: &'static str) -> Rows {
    let id = |rule: &str| format!("{field}.{rule}");
    Rows::new(CreateGroup, field)
        .absent(OK)
        .all(&["0", "1", ""], OK)
        .all(
            &[
                "2",
                "-1",
                "-0",
                "-0.0",
                "-0x0",
                "-1e-400",
                "0.5",
                "1.0000000000001",
                "inf",
                "-inf",
                "nan",
                "0x1e0",
                "1e400",
            ],
            e(Both, ME01023, id("rejected")),
        )
        .all(
            &["0b1", "0x1p0", "0B1", "0b0", "0x.8p1"],
            w(SeedOnly, None, id("versionDependent")),
        )
        .all(
            &["0.1", "0.10", ".1", "1e-1"],
            w(SeedOnly, None, id("pointOne")),
        )
        .all(
            &[
                "01",
                " 1",
                "1 ",
                "1.0",
                "1.",
                "1e0",
                ".1e1",
                "0x1",
                "0X0",
                "+1",
                "1.00000000000001",
                "1e-400",
                "\t0\n",
                "1\r",
                "1\r\n",
            ],
            w(SeedOnly, None, id("nonCanonical")),
        )
        .all(
            &[
                "true", "abc", "1_0", "0b", "0x", "1e", ".", "+", "- 1", "0x.", "1e+", "一",
            ],
            w(SeedOnly, None, id("notANumber")),
        )
}

fn create_group_callback_url() -> Rows {
    let url = |chars: usize| padded("http://cb.example.com/", 'x', chars);
    Rows::new(CreateGroup, "callbackURL")
        .absent(OK)
        .is("", OK) // build mode: omitted (README §3.4 step 3)
        .raw("", w(ServerOnly, ME01023, "callbackURL.empty"))
        .raw("http://h.example.com/cb", OK)
        .is(url(512), OK)
        .is(url(513), e(Both, ME01023, "callbackURL.charsOver512"))
        .is(
            padded(&url(100), '车', 250),
            w(ServerOnly, ME01023, "callbackURL.bytesOver512"),
        )
        .is(padded(&url(300), '车', 370), OK) // 510 bytes
        .is(format!("{}车", url(509)), OK) // 512 bytes
        .is(
            format!("{}车", url(510)),
            w(ServerOnly, ME01023, "callbackURL.bytesOver512"),
        )
        .all(&["https://h.example.com/cb", "http", "httpx"], OK)
        .all(
            &[
                "HTTP://h.example.com/cb",
                "Http://h",
                "ftp://h/x",
                "htt",
                " http://h",
            ],
            w(ServerOnly, ME01023, "callbackURL.notHttp"),
        )
        .is(
            "http://h.example.com/cb?n=o'k",
            w(Advisory, ME01020, "callbackURL.sqlBreaking"),
        )
        .is(
            "http://h.example.com/cb\\",
            w(Advisory, ME01020, "callbackURL.sqlBreaking"),
        )
        .is(
            "http://h.example.com/cb\\\\",
            w(Advisory, None, "callbackURL.backslash"),
        )
        .is(format!("{}\r\n", url(511)), OK)
        .is(
            format!("HTTP://{}'", rep("x", 510)),
            e(Both, ME01023, "callbackURL.charsOver512"),
        )
        .is("HTTP://h/'", w(ServerOnly, ME01023, "callbackURL.notHttp"))
}

#[test]
fn create_group_app_key() {
    app_key(CreateGroup).check();
}

#[test]
fn create_group_account_id() {
    account_id(CreateGroup, "accountID").check();
}

#[test]
fn create_group_name() {
    create_group_group_name().check();
}

#[test]
fn create_group_is_car_fleet() {
    create_group_flag("isCarFleet").check();
}

#[test]
fn create_group_is_temp_group() {
    create_group_flag("isTempGroup").check();
}

#[test]
fn create_group_callback() {
    create_group_callback_url().check();
}

// ---- verifyApplyJoiningMember -------------------------------------------------------------

fn verify_group_id() -> Rows {
    Rows::new(VerifyApplyJoiningMember, "groupID")
        .absent(e(Both, ME01023, "groupID.missing"))
        .is("", e(Both, Some("ME18054"), "groupID.empty"))
        .all(&["daoke", "p0123456789abcde", "a"], OK)
        .is(
            "p0123456789abcdef",
            w(ServerOnly, ME01023, "groupID.bytesOver16"),
        )
        .is(rep("车", 5), w(Advisory, None, "groupID.notAlphanumeric"))
        .is(rep("车", 6), w(ServerOnly, ME01023, "groupID.bytesOver16"))
        .is("p'1", w(Advisory, ME01020, "groupID.sqlBreaking"))
        .is("p1\\", w(Advisory, ME01020, "groupID.sqlBreaking"))
        .is("p\\1", w(Advisory, None, "groupID.backslash"))
        .all(
            &["p-123", "p_123", "p 123", "p1\n"],
            w(Advisory, None, "groupID.notAlphanumeric"),
        )
        .is(
            "p'0123456789abcdef",
            w(ServerOnly, ME01023, "groupID.bytesOver16"),
        )
}

fn verify_is_car_member() -> Rows {
    Rows::new(VerifyApplyJoiningMember, "isCarMember")
        .absent(OK)
        .all(&["", "0", "1"], OK)
        .all(
            &["2", "01", " 1", "1.0", "yes", "0x1"],
            w(SeedOnly, None, "isCarMember.notZeroOrOne"),
        )
}

fn verify_apply_account_id() -> Rows {
    Rows::new(VerifyApplyJoiningMember, "applyAccountID")
        .absent(e(Both, ME01023, "applyAccountID.missing"))
        .all(&["kxl1QuHKCD", "kxl1QuHKCD,abcDEF1234,0000000001"], OK)
        .all(&["", ",", ",,"], e(Both, ME01023, "applyAccountID.noItems"))
        .all(
            &[
                "kxl1QuHKCD, bbbbbbbbbb",
                "kxl1QuHKCD，bbbbbbbbbb",
                "kxl1QuHKC",
                "kxl1QuHKCD,bbbbbbbbb",
                "kxl1QuHKCD;bbbbbbbbbb",
                ",,x,",
            ],
            e(Both, ME01023, "applyAccountID.itemFormat"),
        )
        .all(
            &["kxl1QuHKCD,,bbbbbbbbbb,", ",kxl1QuHKCD", "kxl1QuHKCD,"],
            w(SeedOnly, None, "applyAccountID.emptyItems"),
        )
        .is(
            "kxl1QuHKCD,kxl1QuHKCD",
            w(Advisory, None, "applyAccountID.duplicates"),
        )
        .is(
            "kxl1QuHKCD,,kxl1QuHKCD",
            w(SeedOnly, None, "applyAccountID.emptyItems"),
        )
}

fn verify_callback_url() -> Rows {
    let url = |chars: usize| padded("http://10.1.2.3:8080/", 'p', chars);
    Rows::new(VerifyApplyJoiningMember, "callbackURL")
        .absent(OK)
        .is("", OK)
        .raw("", w(ServerOnly, ME01023, "callbackURL.empty"))
        .all(
            &[
                "http://10.0.0.5:80/verifyCallback?from=daoke&id=7",
                "http://h:1/x",
            ],
            OK,
        )
        .raw("http://h:1/x", OK)
        .all(
            &["ftp://h:21/x", "htp://h:1/x", "x", " http://h:1/x"],
            e(Both, ME01023, "callbackURL.notHttp"),
        )
        .is(url(255), OK)
        .is(url(256), w(SeedOnly, None, "callbackURL.charsOver255"))
        .is(url(512), w(SeedOnly, None, "callbackURL.charsOver255"))
        .is(url(513), e(Both, ME01023, "callbackURL.tooLong"))
        .is(
            padded(&url(30), '车', 200),
            w(ServerOnly, ME01023, "callbackURL.bytesOver512"),
        )
        .is(padded(&url(100), '车', 237), OK) // 511 bytes
        .is(
            padded(&url(60), '车', 256),
            e(Both, ME01023, "callbackURL.tooLong"),
        )
        .is(
            format!("{}车", url(255)),
            w(SeedOnly, None, "callbackURL.charsOver255"),
        )
        .all(
            &["HTTP://10.0.0.5:80/cb", "Http://h:1/x", "hTTP"],
            w(ServerOnly, ME01023, "callbackURL.notLowerCaseHttp"),
        )
        .all(
            &[
                "http://example.com/cb",
                "https://h:443/x",
                "http://cb-host.example.com:80/x",
                "http://cb_host:80/x",
                "http://user@h:80/x",
                "http://h:80",
                "http://h:/x",
                "http://*",
                "http",
                "http://h:x/1:",
            ],
            w(ServerOnly, ME01022, "callbackURL.noHostPort"),
        )
        .is(
            "http://10.0.0.5:80/",
            w(Advisory, None, "callbackURL.emptyPath"),
        )
        .is(
            "http://10.0.0.5:80/cb?n=o'k",
            w(Advisory, ME01020, "callbackURL.sqlBreaking"),
        )
        .is(
            "http://10.0.0.5:80/cb\\",
            w(Advisory, ME01020, "callbackURL.sqlBreaking"),
        )
        .is(
            "http://10.0.0.5:80/c\\b",
            w(Advisory, None, "callbackURL.backslash"),
        )
        .is(
            "http://example.com/cb'",
            w(ServerOnly, ME01022, "callbackURL.noHostPort"),
        )
        .is(
            format!("{}'", url(300)),
            w(SeedOnly, None, "callbackURL.charsOver255"),
        )
        .is(
            "http://10.0.0.5:80/'",
            w(Advisory, ME01020, "callbackURL.sqlBreaking"),
        )
}

/// verify `yes` (README §3.3 with "not a number" an ERROR).
fn verify_yes() -> Rows {
    Rows::new(VerifyApplyJoiningMember, "yes")
        .absent(e(Both, ME01023, "yes.missing"))
        .is("", e(Both, ME01023, "yes.empty"))
        .all(&["0", "1"], OK)
        .all(
            &["true", "abc", "yes", " ", "0b"],
            e(Both, ME01023, "yes.notANumber"),
        )
        .all(
            &["-0", "2", "-1", "nan", "0.5"],
            e(Both, ME01023, "yes.rejected"),
        )
        .all(
            &["0B1", "0b1", "0x1p0"],
            w(SeedOnly, None, "yes.versionDependent"),
        )
        .all(&["0.1", "0.10"], w(SeedOnly, None, "yes.pointOne"))
        .all(
            &["01", "1.0", " 0", "0x1", "1e-400"],
            w(SeedOnly, None, "yes.nonCanonical"),
        )
}

#[test]
fn verify_app_key() {
    app_key(VerifyApplyJoiningMember).check();
}

#[test]
fn verify_group() {
    verify_group_id().check();
}

#[test]
fn verify_car_member() {
    verify_is_car_member().check();
}

#[test]
fn verify_creator() {
    account_id(VerifyApplyJoiningMember, "creatorAccountID").check();
}

#[test]
fn verify_applicants() {
    verify_apply_account_id().check();
}

#[test]
fn verify_callback() {
    verify_callback_url().check();
}

#[test]
fn verify_decision() {
    verify_yes().check();
}

// ---- applyMicroChannel --------------------------------------------------------------------

fn apply_access_token() -> Rows {
    Rows::new(ApplyMicroChannel, "accessToken")
        .absent(e(Both, ME01023, "accessToken.missing"))
        .is("", e(Both, Some("ME01003"), "accessToken.empty"))
        .all(
            &[
                "cc7df2350a7755214dc93df48e15d682",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ],
            OK,
        )
        .all(
            &[
                "CC7DF2350A7755214DC93DF48E15D682",
                "ccccccccccccccccccccccccccccccc",
                "ccccccccccccccccccccccccccccccccc",
                "gggggggggggggggggggggggggggggggg",
            ],
            w(SeedOnly, None, "accessToken.format"),
        )
}

fn apply_channel_number() -> Rows {
    Rows::new(ApplyMicroChannel, "channelNumber")
        .absent(e(Both, ME01023, "channelNumber.missing"))
        .all(&["aaaaaa", "FM00090080", "abcdefghijklmno"], OK)
        .all(
            &["ab-cdef", "ab cdef", "ab'cdef", "频道频道频道"],
            e(Both, ME01023, "channelNumber.badCharacter"),
        )
        .all(
            &["1abcdef", "1ab"],
            e(Both, ME01023, "channelNumber.leadingDigit"),
        )
        .all(&["", "abcd"], e(Both, ME01023, "channelNumber.charsUnder5"))
        .is(rep("A", 17), e(Both, ME01023, "channelNumber.charsOver16"))
        .all(
            &["abcde", "abcd_"],
            w(SeedOnly, None, "channelNumber.chars5"),
        )
        .is(rep("A", 16), w(SeedOnly, None, "channelNumber.chars16"))
        .all(
            &["_abcdefghijklmn", "ab_cdef"],
            w(SeedOnly, None, "channelNumber.underscore"),
        )
}

fn apply_channel_name() -> Rows {
    // Documented: 3–16 characters; server: 2–16 server units (README §3.2 "Characters vs
    // server units": é ⅔, CJK 1, emoji 1⅓, NUL 0).
    Rows::new(ApplyMicroChannel, "channelName")
        .absent(e(Both, ME01023, "channelName.missing"))
        .all(&["微密之声", "abc", "ééé", "ab\0", "😀😀😀"], OK)
        .is(rep("车", 16), OK)
        .is(rep("😀", 12), OK)
        .is(format!("{}车车车车", rep("😀", 9)), OK)
        .all(
            &["", "频", "e\u{301}", "éa"],
            e(Both, ME01023, "channelName.tooShort"),
        )
        .is(rep("车", 17), e(Both, ME01023, "channelName.tooLong"))
        .is(rep("é", 25), e(Both, ME01023, "channelName.tooLong"))
        .is(rep("\0", 17), e(Both, ME01023, "channelName.tooLong"))
        .is(format!("{}\r\n", rep("车", 15)), OK)
        .is(
            format!("{}\r\n", rep("车", 16)),
            e(Both, ME01023, "channelName.tooLong"),
        )
        .all(
            &["a'b", "a'"],
            w(ServerOnly, ME01023, "channelName.apostrophe"),
        )
        .all(
            &["\0\0\0", "éé\0"],
            w(ServerOnly, ME01023, "channelName.serverUnitsUnder2"),
        )
        .is(
            rep("😀", 13),
            w(ServerOnly, ME01023, "channelName.serverUnitsOver16"),
        )
        .is(
            format!("{}车车车车车", rep("😀", 9)),
            w(ServerOnly, ME01023, "channelName.serverUnitsOver16"),
        )
        .all(
            &["频道", "😀😀", "ab"],
            w(SeedOnly, None, "channelName.charsUnder3"),
        )
        .is(rep("é", 24), w(SeedOnly, None, "channelName.charsOver16"))
        .is(
            "微密之声\\",
            w(Advisory, ME01020, "channelName.sqlBreaking"),
        )
        .is("微密\\之声", w(Advisory, None, "channelName.backslash"))
        .is("频\\", w(SeedOnly, None, "channelName.charsUnder3"))
}

fn apply_channel_introduction() -> Rows {
    // Documented: 2–128 characters; server: 1–128 server units.
    Rows::new(ApplyMicroChannel, "channelIntroduction")
        .absent(e(Both, ME01023, "channelIntroduction.missing"))
        .is("", e(Both, ME01023, "channelIntroduction.empty"))
        .all(&["内部交流", "ab", "éé"], OK)
        .is(rep("车", 128), OK)
        .is(rep("😀", 96), OK)
        .all(
            &["é", "\0"],
            e(Both, ME01023, "channelIntroduction.tooShort"),
        )
        .is(
            rep("i", 129),
            e(Both, ME01023, "channelIntroduction.tooLong"),
        )
        .is(
            rep("😀", 129),
            e(Both, ME01023, "channelIntroduction.tooLong"),
        )
        .is(
            "it's",
            w(ServerOnly, ME01023, "channelIntroduction.apostrophe"),
        )
        .is(
            "'",
            w(ServerOnly, ME01023, "channelIntroduction.apostrophe"),
        )
        .all(
            &["\0\0", "é\0"],
            w(ServerOnly, ME01023, "channelIntroduction.serverUnitsUnder1"),
        )
        .is(
            rep("😀", 97),
            w(
                ServerOnly,
                ME01023,
                "channelIntroduction.serverUnitsOver128",
            ),
        )
        .all(
            &["介", "😀", "x"],
            w(SeedOnly, None, "channelIntroduction.charsUnder2"),
        )
        .is(
            rep("é", 192),
            w(SeedOnly, None, "channelIntroduction.charsOver128"),
        )
        .is(
            "内部交流\\",
            w(Advisory, ME01020, "channelIntroduction.sqlBreaking"),
        )
        .is(
            "内部\\交流",
            w(Advisory, None, "channelIntroduction.backslash"),
        )
}

fn apply_chief_announcer() -> Rows {
    // Documented: 5–128 characters (the seed's own 5-character sample counts); server:
    // 5–128 server units.
    Rows::new(ApplyMicroChannel, "chiefAnnouncerIntr")
        .absent(e(Both, ME01023, "chiefAnnouncerIntr.missing"))
        .all(&["屌炸天独播", "abcde"], OK)
        .is(rep("车", 128), OK)
        .is(rep("é", 8), OK)
        .all(
            &["", "屌炸天独", "éé", "abcd"],
            e(Both, ME01023, "chiefAnnouncerIntr.tooShort"),
        )
        .is(
            rep("车", 129),
            e(Both, ME01023, "chiefAnnouncerIntr.tooLong"),
        )
        .is(
            rep("é", 193),
            e(Both, ME01023, "chiefAnnouncerIntr.tooLong"),
        )
        .is(
            "it's great",
            w(ServerOnly, ME01023, "chiefAnnouncerIntr.apostrophe"),
        )
        .all(
            &["ééééé", "abcd\0"],
            w(ServerOnly, ME01023, "chiefAnnouncerIntr.serverUnitsUnder5"),
        )
        .is(
            rep("😀", 97),
            w(ServerOnly, ME01023, "chiefAnnouncerIntr.serverUnitsOver128"),
        )
        .is(
            "😀😀😀😀",
            w(SeedOnly, None, "chiefAnnouncerIntr.charsUnder5"),
        )
        .is(
            rep("é", 129),
            w(SeedOnly, None, "chiefAnnouncerIntr.charsOver128"),
        )
        .is(
            "abcde\\",
            w(Advisory, ME01020, "chiefAnnouncerIntr.sqlBreaking"),
        )
        .is("ab\\cde", w(Advisory, None, "chiefAnnouncerIntr.backslash"))
}

fn apply_city_code() -> Rows {
    Rows::new(ApplyMicroChannel, "channelCityCode")
        .absent(e(Both, ME01023, "channelCityCode.missing"))
        .all(&["110000", "1234567890", "000000"], OK)
        .all(
            &[
                "",
                "11000",
                "12345678901",
                "11000a",
                "１１００００",
                " 110000",
            ],
            e(Both, ME01023, "channelCityCode.format"),
        )
}

fn apply_catalog_id() -> Rows {
    Rows::new(ApplyMicroChannel, "channelCatalogID")
        .absent(e(Both, ME01023, "channelCatalogID.missing"))
        .all(&["111111", "1234567890", "0111111"], OK)
        .all(
            &["", "12345", "123456789012", "12345a"],
            e(Both, ME01023, "channelCatalogID.format"),
        )
        .is(
            "12345678901",
            w(ServerOnly, ME01023, "channelCatalogID.digits11"),
        )
}

fn apply_catalog_url() -> Rows {
    let url = |chars: usize| format!("{}.png", padded("http://i.example.com/", 'x', chars - 4));
    Rows::new(ApplyMicroChannel, "channelCatalogUrl")
        .absent(w(SeedOnly, None, "channelCatalogUrl.missing"))
        .is("", e(Both, ME01023, "channelCatalogUrl.empty"))
        .all(
            &[
                "HTTP://IMG.EXAMPLE.COM/A.pngx",
                "http://x/a.JPEG",
                "http://x/a.jpg?",
                "http://x/a.ico",
                "http://x/a.gif",
                "http://x/a.bmp",
            ],
            OK,
        )
        .is(url(128), OK)
        .is(url(129), e(Both, ME01023, "channelCatalogUrl.charsOver128"))
        .is(
            "http://x/a'.png",
            w(ServerOnly, ME01023, "channelCatalogUrl.apostrophe"),
        )
        .is(
            format!("{}.png", padded("http://i.example.com/", '车', 123)),
            w(ServerOnly, ME01023, "channelCatalogUrl.bytesOver128"),
        )
        .all(
            &[
                "https://img.example.com/a.png",
                "ftp://x/a.png",
                "http:/x/a.png",
            ],
            w(ServerOnly, ME01023, "channelCatalogUrl.notHttp"),
        )
        .all(
            &[
                "http://img.example.com/a.png?v=1",
                "http://x/a.pngxx",
                "http://x/a.svg",
                "http://x/a.JPE",
            ],
            w(ServerOnly, ME01023, "channelCatalogUrl.noImageSuffix"),
        )
        .is(
            "http://x/a\\b.png",
            w(Advisory, None, "channelCatalogUrl.backslash"),
        )
        .is(
            "http://x/.png\\",
            w(Advisory, ME01020, "channelCatalogUrl.sqlBreaking"),
        )
        .is(
            format!("https://{}", rep("x", 200)),
            e(Both, ME01023, "channelCatalogUrl.charsOver128"),
        )
}

fn apply_key_words() -> Rows {
    // Each tag: documented at most 8 characters, server at most 8 server units.
    Rows::new(ApplyMicroChannel, "channelKeyWords")
        .absent(OK)
        .all(
            &[
                "",
                "a,b,c,d,e",
                "路况,美食,音乐",
                "a，b",
                "a b",
                "😀😀😀😀😀😀,x",
            ],
            OK,
        )
        .is(vec![rep("车", 8); 5].join(","), OK)
        .is("a,b,c,d,e,f", e(Both, ME01023, "channelKeyWords.tagsOver5"))
        .all(
            &[
                "abcdefghi,x",
                "车车车车车车车车车",
                "ééééééééééééé",
                "ééééééééé,😀😀😀😀😀😀😀",
            ],
            e(Both, ME01023, "channelKeyWords.tagTooLong"),
        )
        .all(
            &["a'b", "a'b,,c"],
            w(ServerOnly, ME01023, "channelKeyWords.apostrophe"),
        )
        .is(
            "a,😀😀😀😀😀😀😀",
            w(ServerOnly, ME01023, "channelKeyWords.tagServerUnitsOver8"),
        )
        .all(
            &["éééééééééééé", "abcdefgh\0,x"],
            w(SeedOnly, None, "channelKeyWords.tagCharsOver8"),
        )
        .all(
            &["a,b,,c,d,e,", ",a", "a,"],
            w(Advisory, None, "channelKeyWords.emptyTags"),
        )
        .is("a\\", w(Advisory, ME01020, "channelKeyWords.sqlBreaking"))
        .is("a\\b", w(Advisory, None, "channelKeyWords.backslash"))
}

#[test]
fn apply_app_key() {
    app_key(ApplyMicroChannel).check();
}

#[test]
fn apply_token() {
    apply_access_token().check();
}

#[test]
fn apply_account() {
    account_id(ApplyMicroChannel, "accountID").check();
}

#[test]
fn apply_number() {
    apply_channel_number().check();
}

#[test]
fn apply_name() {
    apply_channel_name().check();
}

#[test]
fn apply_introduction() {
    apply_channel_introduction().check();
}

#[test]
fn apply_announcer() {
    apply_chief_announcer().check();
}

#[test]
fn apply_city() {
    apply_city_code().check();
}

#[test]
fn apply_catalog() {
    apply_catalog_id().check();
}

#[test]
fn apply_logo() {
    apply_catalog_url().check();
}

#[test]
fn apply_keywords() {
    apply_key_words().check();
}

// ---- inviteUserJoin -----------------------------------------------------------------------

fn invite_temp_channel() -> Rows {
    Rows::new(InviteUserJoin, "tempChannelID")
        .absent(e(Both, ME01022, "tempChannelID.missing"))
        .all(&["12345", "0123520", "00000001"], OK)
        .all(
            &["", "1234", "123456789", "12a45", " 12345", "１２３４５"],
            e(Both, None, "tempChannelID.format"),
        )
}

fn invite_url(field: &'static str) -> Rows {
    let id = |rule: &str| format!("{field}.{rule}");
    Rows::new(InviteUserJoin, field)
        .absent(e(Both, ME01023, id("missing")))
        .is("", e(Both, ME01023, id("empty")))
        .raw("", e(Both, ME01023, id("empty")))
        .all(
            &["abc", "callback", "http://", "http:/a", "x://"],
            e(Both, ME01023, id("notUrl")),
        )
        .all(
            &[
                "ftp://dfs.example.com/a.amr",
                "ftp://a",
                "a://b",
                "mailto://x.amr",
            ],
            w(ServerOnly, ME01023, id("serverRejects")),
        )
        .all(
            &[
                "http:/a.amr",
                "http:a.amr",
                "http:///x.amr",
                "HTTP:abcd.amr",
            ],
            w(SeedOnly, None, id("malformedUrl")),
        )
}

fn invite_multimedia_url() -> Rows {
    invite_url("multimediaURL")
        .all(
            &[
                "http://192.168.1.6/group3/M00/00/1E/wKgBBlO_gmyAYYrYAAAITe8iduk605.amr",
                "http://xxx.amr",
                "HTTP://DFS.EXAMPLE.COM/A.AMR?x=1",
                "http://x/a.amr#t",
            ],
            OK,
        )
        .all(
            &[
                "http://dfs.example.com/a.mp3",
                "http://a",
                "http://x/a.amr.mp3",
                "http://x/?a.amr",
            ],
            w(SeedOnly, None, "multimediaURL.notAmr"),
        )
}

fn invite_callback_url() -> Rows {
    invite_url("callbackURL").all(
        &[
            "http://b",
            "http://cb.example.com/x.AMR?y=1",
            "https://cb.example.com/x",
        ],
        OK,
    )
}

fn invite_custom_type() -> Rows {
    Rows::new(InviteUserJoin, "customType")
        .absent(OK)
        .all(
            &["2", "0", "-1", "nan", "1.0000000000001", "0x2"],
            e(Both, ME01023, "customType.notOne"),
        )
        .all(
            &["1", "1.0", " 1", "0x1", "abc", ""],
            w(Advisory, None, "customType.undocumented"),
        )
}

#[test]
fn invite_app_key() {
    app_key(InviteUserJoin).check();
}

#[test]
fn invite_account() {
    account_id(InviteUserJoin, "accountID").check();
}

#[test]
fn invite_channel() {
    invite_temp_channel().check();
}

#[test]
fn invite_multimedia() {
    invite_multimedia_url().check();
}

#[test]
fn invite_callback() {
    invite_callback_url().check();
}

#[test]
fn invite_custom() {
    invite_custom_type().check();
}

// ---- inviteMeeting (YTX) ------------------------------------------------------------------

fn meeting_credential(field: &'static str) -> Rows {
    let id = |rule: &str| format!("{field}.{rule}");
    Rows::new(InviteMeeting, field)
        .absent(e(Seed, None, id("missing")))
        .is("", e(Seed, None, id("empty")))
        .all(
            &[
                "abcdefghijklmnopqrstuvwxyz012345",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
            ],
            OK,
        )
        .all(
            &[
                "abcdefghijklmnopqrstuvwxyz01234",
                "abcdefghijklmnopqrstuvwxyz0123456",
                "abcdefghijklmnopqrstuvwxyz01234-",
                " ",
            ],
            w(Advisory, None, id("format")),
        )
}

fn meeting_version() -> Rows {
    Rows::new(InviteMeeting, "version")
        .absent(OK)
        .is("201612", OK)
        .all(
            &["201512", "000000", "999999"],
            w(Advisory, None, "version.notCurrent"),
        )
        .all(
            &["", "2016", "2016120", "20161a", "２０１６１２"],
            e(Seed, None, "version.format"),
        )
}

fn meeting_timestamp() -> Rows {
    Rows::new(InviteMeeting, "timestamp")
        .at("20161212093000")
        .absent(OK)
        .all(&["20161212093000", "20161211093000", "20161213093000"], OK)
        .all(
            &[
                "20161211092959",
                "20161213093001",
                "20000101000000",
                "99991231235959",
            ],
            w(Advisory, None, "timestamp.outsideWindow"),
        )
        .all(
            &[
                "",
                "20161312093000",
                "2016121209300",
                "201612120930000",
                "20161231240000",
                "20230229000000",
                "2016-12-12 09:30",
            ],
            e(Seed, None, "timestamp.format"),
        )
}

fn meeting_timestamp_without_clock() -> Rows {
    Rows::new(InviteMeeting, "timestamp")
        .all(&["20000101000000", "99991231235959"], OK)
        .is("0", e(Seed, None, "timestamp.format"))
}

fn meeting_appid() -> Rows {
    Rows::new(InviteMeeting, "appid")
        .absent(e(Seed, None, "appid.missing"))
        .is("", e(Seed, None, "appid.empty"))
        .is("ff8080813fc70a7b013fc72312324213", OK)
        .is(
            "ff8080813fc70a7b013fc7231232421",
            w(Advisory, None, "appid.format"),
        )
}

fn meeting_confid() -> Rows {
    Rows::new(InviteMeeting, "confid")
        .absent(e(Seed, None, "confid.missing"))
        .is("", e(Seed, None, "confid.empty"))
        .all(&["002", " ", "会议"], OK)
}

fn meeting_parties() -> Rows {
    Rows::new(InviteMeeting, "parties")
        .absent(e(Seed, None, "parties.missing"))
        .is("", e(Seed, None, "parties.empty"))
        .all(
            &[
                r#"[{"name":"张三","phone":"15000000804"}]"#,
                r#" [ {"phone":"01053889900,1234", "name":"a"} ] "#,
                "[{\"name\":\"a\",\"phone\":\"123\"}]\r\n",
            ],
            OK,
        )
        .all(&["[{name:张三}]", r#"{"name":"a","phone":"13900000000"}"#, "null", "[", "\"[]\"", "[1,]"], e(Seed, None, "parties.notJsonArray"))
        .all(&["[]", " [ ] "], e(Seed, None, "parties.emptyArray"))
        .all(
            &[
                r#"[{"name":"a"}]"#,
                r#"[{"phone":"139"}]"#,
                "[1]",
                "[[]]",
                r#"[{"name":"","phone":"139"}]"#,
                r#"[{"name":"a","phone":""}]"#,
                r#"[{"name":"a","phone":13900000000}]"#,
                r#"[{"name":"a","phone":"139"},null]"#,
            ],
            e(Seed, None, "parties.malformed"),
        )
        .all(
            &[
                r#"[{"name":"a","phone":"01053889900,1234"},{"name":"b","phone":"+8613800000000"}]"#,
                r#"[{"name":"a","phone":"12"}]"#,
                r#"[{"name":"a","phone":"138 0000 0000"}]"#,
                r#"[{"name":"a","phone":"123,12345678901"}]"#,
                r#"[{"name":"a","phone":"12","email":"x"}]"#,
            ],
            w(Advisory, None, "parties.phone"),
        )
        .is(r#"[{"name":"a","phone":"13900000000","email":"x"}]"#, w(Advisory, None, "parties.extraKeys"))
}

fn meeting_custom_parm() -> Rows {
    Rows::new(InviteMeeting, "CustomParm")
        .absent(OK)
        .all(&["", "order-1", "引号\"与\\反斜杠", "\r\n"], OK)
}

fn meeting_action() -> Rows {
    Rows::new(InviteMeeting, "action")
        .absent(OK)
        .is("inviteJoinMeeting", OK)
        .all(
            &[
                "InviteJoinMeeting",
                "",
                "inviteJoinMeeting ",
                "invitejoinmeeting",
            ],
            e(Seed, None, "action.notInviteJoinMeeting"),
        )
}

#[test]
fn meeting_account_sid() {
    meeting_credential("accountSID").check();
}

#[test]
fn meeting_auth_token() {
    meeting_credential("authToken").check();
}

#[test]
fn meeting_api_version() {
    meeting_version().check();
}

#[test]
fn meeting_time() {
    meeting_timestamp().check();
    meeting_timestamp_without_clock().check();
}

#[test]
fn meeting_application() {
    meeting_appid().check();
}

#[test]
fn meeting_conference() {
    meeting_confid().check();
}

#[test]
fn meeting_participants() {
    meeting_parties().check();
}

#[test]
fn meeting_custom() {
    meeting_custom_parm().check();
}

#[test]
fn meeting_action_name() {
    meeting_action().check();
}

// ---- coverage -----------------------------------------------------------------------------

fn every_parameter_table() -> Vec<Rows> {
    let mut tables = Vec::new();
    for api in Api::DAOKE {
        tables.push(app_key(api));
    }
    for api in [CreateGroup, ApplyMicroChannel, InviteUserJoin] {
        tables.push(account_id(api, "accountID"));
    }
    tables.extend([
        create_group_group_name(),
        create_group_flag("isCarFleet"),
        create_group_flag("isTempGroup"),
        create_group_callback_url(),
        verify_group_id(),
        verify_is_car_member(),
        account_id(VerifyApplyJoiningMember, "creatorAccountID"),
        verify_apply_account_id(),
        verify_callback_url(),
        verify_yes(),
        apply_access_token(),
        apply_channel_number(),
        apply_channel_name(),
        apply_channel_introduction(),
        apply_chief_announcer(),
        apply_city_code(),
        apply_catalog_id(),
        apply_catalog_url(),
        apply_key_words(),
        invite_temp_channel(),
        invite_multimedia_url(),
        invite_callback_url(),
        invite_custom_type(),
        meeting_credential("accountSID"),
        meeting_credential("authToken"),
        meeting_version(),
        meeting_timestamp(),
        meeting_appid(),
        meeting_confid(),
        meeting_parties(),
        meeting_custom_parm(),
        meeting_action(),
    ]);
    tables
}

#[test]
fn every_rule_is_exercised_and_every_parameter_has_a_table() {
    let tables = every_parameter_table();
    let mut missing = Vec::new();
    for api in Api::ALL {
        for param in describe(api).params {
            let Some(table) = tables
                .iter()
                .find(|t| t.api == api && t.field == param.name)
            else {
                missing.push(format!("{api}: no table for {}", param.name));
                continue;
            };
            let expected: BTreeSet<&str> = table
                .rows
                .iter()
                .filter_map(|row| match &row.want {
                    Want::Finding { rule, .. } => Some(rule.as_str()),
                    Want::Ok => None,
                })
                .collect();
            for rule in param.rules {
                if !expected.contains(rule.id) {
                    missing.push(format!("{api}: rule {} has no row", rule.id));
                }
            }
            if !table.rows.iter().any(|row| row.want == OK) {
                missing.push(format!("{api}: {} has no OK row", param.name));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

// ---- generic request-shape rules (README §3.2) ---------------------------------------------

/// The finding for `field` when `extra` pairs are added to the endpoint's example.
fn findings_with(api: Api, extra: &[(&str, &str)], mode: Mode) -> Vec<Finding> {
    let mut params: Params = describe(api).example.iter().copied().collect();
    for (n, v) in extra {
        params.push(*n, *v);
    }
    validate(api, &params, &ValidateOptions { mode, now: None })
}

fn summary(findings: &[Finding]) -> Vec<(String, Severity, FindingClass, &'static str)> {
    findings
        .iter()
        .map(|f| (f.field.clone(), f.severity, f.class, f.rule))
        .collect()
}

#[test]
fn bad_names_are_request_errors_on_daoke() {
    for api in Api::DAOKE {
        for name in ["bad-name", "", "a b", "名字", "a.b", "a[]", "x\r\n"] {
            let got = summary(&findings_with(api, &[(name, "x")], Mode::Build));
            assert_eq!(
                got,
                vec![(name.to_owned(), Severity::Error, Request, "request.badName")],
                "{api} {name:?}"
            );
        }
    }
}

#[test]
fn repeated_names_get_one_request_error() {
    for api in Api::DAOKE {
        let got = summary(&findings_with(
            api,
            &[("appKey", "1111111111")],
            Mode::Build,
        ));
        assert_eq!(
            got,
            vec![(
                "appKey".to_owned(),
                Severity::Error,
                Request,
                "request.repeatedName"
            )],
            "{api}"
        );
        // An undocumented name given twice is a request error, not an undocumented WARN.
        let got = summary(&findings_with(
            api,
            &[("remark", "1"), ("remark", "2")],
            Mode::Build,
        ));
        assert_eq!(
            got,
            vec![(
                "remark".to_owned(),
                Severity::Error,
                Request,
                "request.repeatedName"
            )],
            "{api}"
        );
        // A bad name given twice reports the bad name.
        let got = summary(&findings_with(
            api,
            &[("a-b", "1"), ("a-b", "2")],
            Mode::Build,
        ));
        assert_eq!(
            got,
            vec![(
                "a-b".to_owned(),
                Severity::Error,
                Request,
                "request.badName"
            )],
            "{api}"
        );
    }
    let got = summary(&findings_with(
        InviteMeeting,
        &[("confid", "003")],
        Mode::Build,
    ));
    assert_eq!(
        got,
        vec![(
            "confid".to_owned(),
            Severity::Error,
            Request,
            "request.repeatedName"
        )]
    );
}

#[test]
fn a_parameter_called_secret_is_a_request_error_on_daoke() {
    for api in Api::DAOKE {
        let got = summary(&findings_with(api, &[("secret", "x")], Mode::Build));
        assert_eq!(
            got,
            vec![(
                "secret".to_owned(),
                Severity::Error,
                Request,
                "request.secret"
            )],
            "{api}"
        );
        let got = summary(&findings_with(api, &[("Secret", "x")], Mode::Build));
        assert_eq!(
            got,
            vec![(
                "Secret".to_owned(),
                Severity::Warn,
                Advisory,
                "request.undocumented"
            )],
            "{api}"
        );
    }
}

#[test]
fn undocumented_names_are_advisory() {
    for api in Api::ALL {
        for name in ["remark", "Sign", "signature", "callback"] {
            let got = summary(&findings_with(api, &[(name, "x")], Mode::Build));
            assert_eq!(
                got,
                vec![(
                    name.to_owned(),
                    Severity::Warn,
                    Advisory,
                    "request.undocumented"
                )],
                "{api} {name}"
            );
        }
    }
    // On YTX the daoke name rules do not apply: these are unknown names.
    for name in ["bad-name", "secret", "sign"] {
        let got = summary(&findings_with(InviteMeeting, &[(name, "x")], Mode::Build));
        assert_eq!(
            got,
            vec![(
                name.to_owned(),
                Severity::Warn,
                Advisory,
                "request.undocumented"
            )],
            "{name}"
        );
    }
}

#[test]
fn a_daoke_sign_is_dropped_without_a_finding() {
    for api in Api::DAOKE {
        for mode in [Mode::Build, Mode::Raw] {
            let got = findings_with(api, &[("sign", "ABC"), ("sign", "bad-value")], mode);
            assert!(got.is_empty(), "{api} {mode:?}: {got:?}");
        }
    }
}

#[test]
fn raw_and_build_mode_differ_only_in_the_callback_omission() {
    for api in [CreateGroup, VerifyApplyJoiningMember] {
        assert!(findings_with(api, &[("callbackURL", "")], Mode::Build).is_empty());
        // A CRLF-only value is "\n" after canonicalisation: not empty, so not omitted.
        let rules: Vec<&str> = findings_with(api, &[("callbackURL", "\r\n")], Mode::Build)
            .iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, ["callbackURL.notHttp"], "{api}");
        let got = summary(&findings_with(api, &[("callbackURL", "")], Mode::Raw));
        assert_eq!(
            got,
            vec![(
                "callbackURL".to_owned(),
                Severity::Warn,
                ServerOnly,
                "callbackURL.empty"
            )]
        );
    }
    // Found by validate_props: omission runs before the request-shape rules, so two empty
    // callbackURLs are both omitted in build mode and are a repeated name in raw mode.
    let twice = [("callbackURL", ""), ("callbackURL", "")];
    assert!(findings_with(CreateGroup, &twice, Mode::Build).is_empty());
    let got = summary(&findings_with(CreateGroup, &twice, Mode::Raw));
    assert_eq!(
        got,
        vec![(
            "callbackURL".to_owned(),
            Severity::Error,
            Request,
            "request.repeatedName"
        )]
    );
    let got = summary(&findings_with(ApplyMicroChannel, &[], Mode::Raw));
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn generic_validation_applies_only_the_request_shape_rules() {
    let params = Params::new()
        .with("appKey", "not digits")
        .with("bad-name", "x")
        .with("sign", "stale")
        .with("a", "1")
        .with("a", "2")
        .with("secret", "x")
        .with("remark", "undocumented is fine here");
    let got = summary(&validate_generic(&params));
    assert_eq!(
        got,
        vec![
            (
                "bad-name".to_owned(),
                Severity::Error,
                Request,
                "request.badName"
            ),
            (
                "a".to_owned(),
                Severity::Error,
                Request,
                "request.repeatedName"
            ),
            (
                "secret".to_owned(),
                Severity::Error,
                Request,
                "request.secret"
            ),
        ]
    );
    assert!(validate_generic(&Params::new().with("sign", "x").with("sign", "y")).is_empty());
}

#[test]
fn findings_follow_request_order_then_missing_parameters_in_description_order() {
    let params = Params::new()
        .with("remark", "x")
        .with("groupName", "")
        .with("isCarFleet", "2")
        .with("remark2", "y");
    let got: Vec<String> = validate(CreateGroup, &params, &ValidateOptions::default())
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(
        got,
        [
            "remark",
            "groupName",
            "isCarFleet",
            "remark2",
            "appKey",
            "accountID"
        ]
    );

    let params = Params::new().with("parties", "[]").with("authToken", "");
    let got: Vec<String> = validate(InviteMeeting, &params, &ValidateOptions::default())
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(
        got,
        ["parties", "authToken", "accountSID", "appid", "confid"]
    );
}

#[test]
fn has_errors_reflects_severity() {
    use signkit::validate::has_errors;
    let ok: Params = describe(CreateGroup).example.iter().copied().collect();
    assert!(!has_errors(&validate(
        CreateGroup,
        &ok,
        &ValidateOptions::default()
    )));
    let warn = ok.clone().with("remark", "x");
    assert!(!has_errors(&validate(
        CreateGroup,
        &warn,
        &ValidateOptions::default()
    )));
    let error = ok.with("isCarFleet", "2");
    assert!(has_errors(&validate(
        CreateGroup,
        &error,
        &ValidateOptions::default()
    )));
}
