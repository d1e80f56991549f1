//! Unit tests of the app's pure model.

use super::target::is_base_url;
use super::*;

/// The DEMO credentials as the app gets them from the in-browser sandbox module.
fn demo() -> Credentials {
    Credentials::from_demo(&signkit_web_sandbox::demo_values())
}
use signkit::endpoint::describe;
use signkit::rules::Severity;
use signkit::validate::has_errors;
use signkit::{Api, Secret, Vendor, YtxEnvironment};

fn demo_edge() -> Edge {
    Edge {
        // 2025-11-25 12:00:00 UTC+8
        now_unix: 1_764_043_200,
        boundary_seed: 7,
    }
}

#[test]
fn demo_credentials_come_from_the_fixtures() {
    let demo = demo();
    assert_eq!(demo.app_key, "1111111111");
    assert_eq!(demo.secret.expose(), "DEMO-SECRET-not-for-production");
    assert_eq!(demo.account_sid, "abcdefghijklmnopqrstuvwxyz012345");
    assert_eq!(demo.appid, "ff8080813fc70a7b013fc72312324213");
    assert_eq!(demo.version, "201612");
    assert_eq!(demo.ytx_env, YtxEnvironment::Sandbox);
    // Debug never shows a secret.
    let debug = format!("{demo:?}");
    assert!(!debug.contains("DEMO-SECRET"), "{debug}");
    assert!(
        !debug.contains("0123456789abcdef0123456789abcdef"),
        "{debug}"
    );
}

#[test]
fn credentials_round_trip_through_storage_json() {
    let mut credentials = demo();
    credentials.ytx_env = YtxEnvironment::Production;
    let json = credentials.to_storage_json();
    assert_eq!(Credentials::from_storage_json(&json), Some(credentials));
    assert_eq!(Credentials::from_storage_json("not json"), None);
}

#[test]
fn slots_cover_the_credential_parameters() {
    for api in Api::ALL {
        for param in describe(api).params {
            if param.credential {
                assert!(
                    Slot::for_param(api, param).is_some(),
                    "{api} {}",
                    param.name
                );
            }
        }
    }
    let appid = describe(Api::InviteMeeting).param("appid").unwrap();
    assert_eq!(
        Slot::for_param(Api::InviteMeeting, appid),
        Some(Slot::Appid)
    );
    let account = describe(Api::CreateGroup).param("accountID").unwrap();
    assert_eq!(Slot::for_param(Api::CreateGroup, account), None);
}

#[test]
fn the_example_draft_keeps_the_seed_order_and_succeeds_validation() {
    for api in Api::ALL {
        let description = describe(api);
        let draft = Draft::example(description);
        let findings = findings(api, &draft, &demo(), &demo_edge());
        assert!(!has_errors(&findings), "{api}: {findings:?}");
        let sent: Vec<&str> = draft
            .entries()
            .iter()
            .filter(|e| e.sent)
            .map(|e| e.name)
            .collect();
        let example: Vec<&str> = description.example.iter().map(|(n, _)| *n).collect();
        assert_eq!(sent, example, "{api}");
    }
}

#[test]
fn vector_d01_body_is_the_seed_sample_in_its_order() {
    // spec/vectors.json D01: the createGroup seed sample, signed with TESTSECRET0123456789.
    let mut credentials = Credentials::empty();
    credentials.app_key = "1111111111".into();
    credentials.secret = Secret::new("TESTSECRET0123456789");
    let draft = Draft::example(describe(Api::CreateGroup));
    let prepared = prepare(Api::CreateGroup, &draft, &credentials, &demo_edge(), None).unwrap();
    assert_eq!(
        String::from_utf8(prepared.request.body).unwrap(),
        "groupName=liangGeDeGroup&accountID=O40cml0y5p&appKey=1111111111&sign=5668A6252DF36B6AD09821C4D62481ECF99FD3A4"
    );
    match prepared.signing {
        Signing::Daoke {
            sorted_keys,
            string_to_sign,
            sign,
        } => {
            assert_eq!(sorted_keys, ["accountID", "appKey", "groupName", "secret"]);
            assert_eq!(
                string_to_sign,
                "accountIDO40cml0y5pappKey1111111111groupNameliangGeDeGroupsecret<secret>"
            );
            assert_eq!(sign, "5668A6252DF36B6AD09821C4D62481ECF99FD3A4");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_body_over_the_servers_buffer_is_warned_about_not_blocked() {
    let credentials = demo();
    let mut draft = Draft::example(describe(Api::CreateGroup));
    let prepared = prepare(Api::CreateGroup, &draft, &credentials, &demo_edge(), None).unwrap();
    assert_eq!(prepared.body_warning, None);
    // 1,000 Chinese characters: 9,000 bytes percent-encoded, over the 8,192-byte buffer.
    draft.set_value("groupName", "语".repeat(1000));
    let prepared = prepare(Api::CreateGroup, &draft, &credentials, &demo_edge(), None).unwrap();
    let warning = prepared
        .body_warning
        .clone()
        .expect("the body is too large");
    assert_eq!(warning.server_code, Some("ME01024"));
    assert_eq!(warning.severity, Severity::Warn);
    let findings = findings(Api::CreateGroup, &draft, &credentials, &demo_edge());
    let blockers = blockers(
        Api::CreateGroup,
        &findings,
        &credentials,
        &Ok(prepared),
        TargetKind::Browser,
        "",
    );
    assert!(
        blockers
            .iter()
            .all(|b| !matches!(b, Blocker::Finding(f) if f.field == "(body)")),
        "{blockers:?}"
    );
}

#[test]
fn vector_y01_with_a_timestamp_override() {
    let mut credentials = demo();
    credentials.version = String::new(); // the builder's default
    let mut draft = Draft::example(describe(Api::InviteMeeting));
    draft.set_value("timestamp", "20161212093000".into());
    let prepared = prepare(Api::InviteMeeting, &draft, &credentials, &demo_edge(), None).unwrap();
    assert_eq!(
        prepared.request.path,
        "/201612/sid/abcdefghijklmnopqrstuvwxyz012345/call/TeleMeeting.wx?Sign=F8F3C3E8991006B80934A19CEBF2D3A4"
    );
    let Signing::Ytx { string_to_sign, .. } = prepared.signing else {
        panic!("not YTX");
    };
    assert_eq!(
        string_to_sign,
        "abcdefghijklmnopqrstuvwxyz012345<authToken>20161212093000"
    );
    // Without the override, "now" is used in the Sign and in Authorization.
    draft.set_sent("timestamp", false);
    let prepared = prepare(Api::InviteMeeting, &draft, &credentials, &demo_edge(), None).unwrap();
    let Signing::Ytx { timestamp, .. } = prepared.signing else {
        panic!("not YTX");
    };
    assert_eq!(timestamp, "20251125120000");
}

#[test]
fn unreadable_parties_block_without_repeating_the_finding() {
    let mut draft = Draft::example(describe(Api::InviteMeeting));
    draft.set_value("parties", "[{".into());
    let credentials = demo();
    let edge = demo_edge();
    let prepared = prepare(Api::InviteMeeting, &draft, &credentials, &edge, None);
    assert_eq!(prepared, Err(PrepareError::PartiesUnreadable));
    let findings = findings(Api::InviteMeeting, &draft, &credentials, &edge);
    let blockers = blockers(
        Api::InviteMeeting,
        &findings,
        &credentials,
        &prepared,
        TargetKind::Browser,
        "",
    );
    assert_eq!(blockers.len(), 1, "{blockers:?}");
    assert!(
        matches!(&blockers[0], Blocker::Finding(f) if f.field == "parties" && f.severity == Severity::Error)
    );
}

#[test]
fn an_empty_secret_and_a_bad_custom_url_block() {
    let draft = Draft::example(describe(Api::CreateGroup));
    let mut credentials = demo();
    credentials.secret = Secret::new("");
    let edge = demo_edge();
    let prepared = prepare(Api::CreateGroup, &draft, &credentials, &edge, None);
    let findings = findings(Api::CreateGroup, &draft, &credentials, &edge);
    let blocked = blockers(
        Api::CreateGroup,
        &findings,
        &credentials,
        &prepared,
        TargetKind::Custom,
        "ftp://x",
    );
    assert_eq!(blocked, [Blocker::MissingSecret, Blocker::CustomUrl]);
}

#[test]
fn empty_credentials_are_absent_not_empty() {
    let draft = Draft::new(describe(Api::CreateGroup));
    let findings = findings(
        Api::CreateGroup,
        &draft,
        &Credentials::empty(),
        &demo_edge(),
    );
    let app_key = findings.iter().find(|f| f.field == "appKey").unwrap();
    assert_eq!(app_key.rule, "appKey.missing");
}

#[test]
fn targets_and_bases() {
    let sandbox = YtxEnvironment::Sandbox;
    assert_eq!(
        network_base(TargetKind::Browser, Vendor::Daoke, sandbox, ""),
        None
    );
    assert_eq!(
        network_base(TargetKind::HttpSandbox, Vendor::Ytx, sandbox, "").as_deref(),
        Some("/proxy/sandbox")
    );
    assert_eq!(
        network_base(
            TargetKind::Vendor,
            Vendor::Ytx,
            YtxEnvironment::Production,
            ""
        )
        .as_deref(),
        Some("/proxy/ytx")
    );
    assert_eq!(
        network_base(TargetKind::Custom, Vendor::Daoke, sandbox, " http://h:1/ ").as_deref(),
        Some("http://h:1")
    );
    for kind in TargetKind::ALL {
        assert_eq!(TargetKind::from_code(kind.code()), Some(kind));
    }
    assert!(is_base_url("https://example.com"));
    assert!(!is_base_url("http://"));
    assert!(!is_base_url("http:///x"));
    assert!(!is_base_url("/proxy/daoke"));
}

#[test]
fn findings_show_once_touched_or_after_an_attempt() {
    let mut draft = Draft::new(describe(Api::CreateGroup));
    assert!(!draft.shows_finding("accountID"), "a new form is calm");
    draft.touch("accountID");
    assert!(draft.shows_finding("accountID"));
    assert!(!draft.shows_finding("groupName"));
    draft.set_value("groupName", "g".into());
    assert!(draft.shows_finding("groupName"), "typing touches");
    draft.set_sent("isCarFleet", true);
    assert!(draft.shows_finding("isCarFleet"), "switching touches");
    assert!(!draft.shows_finding("appKey"));
    draft.attempt();
    assert!(draft.attempted() && draft.shows_finding("appKey"));
    // Loading the example or clearing starts calm again.
    assert!(!Draft::example(describe(Api::CreateGroup)).shows_finding("accountID"));
}

#[test]
fn lists() {
    assert_eq!(list_items("a,,b,"), ["a", "b"]);
    assert_eq!(join_items(&list_items("a,b")), "a,b");
    assert_eq!(
        list_items("a，b"),
        ["a，b"],
        "only the ASCII comma separates"
    );
}
