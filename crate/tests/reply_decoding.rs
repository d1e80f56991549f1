//! Reply decoding (spec §7) and the error-code catalogue (spec §8), against the exact
//! bytes the servers send (spec §7.1, §10.7, §10.8).
#![cfg(feature = "full")]

use std::collections::BTreeSet;

use signkit::catalogue::{lookup, CodeInfo, CATALOGUE};
use signkit::reply::{decode_reply, decode_reply_for, ApplicantStatus, Outcome, Reply};
use signkit::{Api, Lang, Vendor};

/// The spec, read by the catalogue-completeness tests.
const SPEC: &str = include_str!("../../spec/README.md");

/// A daoke envelope byte for byte as the server writes it (spec §7.1): no space after
/// the colon, one after the comma, a trailing LF. `result` is raw JSON text.
fn daoke_bytes(code: &str, result: &str) -> String {
    format!("{{\"ERRORCODE\":\"{code}\", \"RESULT\":{result}}}\n")
}

/// A daoke error envelope with a text RESULT (inserted without escaping, like the server).
fn daoke_error(code: &str, text: &str) -> String {
    daoke_bytes(code, &format!("\"{text}\""))
}

/// A YTX reply as the sandbox writes it (spec §10.8): compact, keys in this order, no LF.
fn ytx_bytes(code: &str, message: &str, request_id: &str) -> String {
    format!(r#"{{"statusCode":"{code}","statusMsg":"{message}","requestId":"{request_id}"}}"#)
}

fn entry(vendor: Vendor, code: &str) -> &'static CodeInfo {
    lookup(vendor, code).unwrap_or_else(|| panic!("{code} is not in the catalogue"))
}

/// What every decoded reply must satisfy, whatever the input.
fn assert_consistent(reply: &Reply) {
    assert_eq!(reply.ok, reply.code.as_deref() == Some("0"), "{reply:?}");
    assert!(
        !reply.meaning.en.is_empty() && !reply.meaning.zh.is_empty(),
        "{reply:?}"
    );
    match &reply.outcome {
        Outcome::Failed { code, .. } => {
            assert_eq!(reply.code.as_ref(), Some(code));
            assert!(
                !reply.remedy.en.is_empty() && !reply.remedy.zh.is_empty(),
                "{reply:?}"
            );
        }
        Outcome::Unrecognised { reason } => {
            assert_eq!(reply.code, None);
            assert_eq!(&reply.meaning, reason);
            assert!(
                !reply.remedy.en.is_empty() && !reply.remedy.zh.is_empty(),
                "{reply:?}"
            );
        }
        _ => assert!(reply.ok, "{reply:?}"),
    }
    for lang in [Lang::En, Lang::Zh] {
        let summary = reply.summary(lang);
        assert!(!summary.chars().any(char::is_control), "{summary:?}");
    }
    assert_eq!(reply.to_string(), reply.summary(Lang::En));
}

fn decode(api: Api, text: &str) -> Reply {
    let reply = decode_reply_for(api, text);
    assert_consistent(&reply);
    assert_eq!(reply.raw, text);
    assert_eq!(reply.api, Some(api));
    assert_eq!(reply.vendor, api.vendor());
    reply
}

// ---------------------------------------------------------------------------------------
// The catalogue against the spec's tables

/// Every code of the tables of spec §8.1, §8.2 and §8.3, copied from the spec.
const SPEC_DAOKE_CODES: [&str; 24] = [
    "0", "ME01002", "ME01003", "ME01004", "ME01005", "ME01019", "ME01020", "ME01021", "ME01022",
    "ME01023", "ME01024", "ME18004", "ME18005", "ME18023", "ME18052", "ME18053", "ME18054",
    "ME18055", "ME18075", "ME18090", "ME18092", "ME18104", "ME18105", "ME18106",
];
const SPEC_YTX_CODES: [&str; 14] = [
    "0", "-2", "-205", "SBX001", "SBX002", "SBX003", "SBX004", "SBX005", "SBX006", "SBX007",
    "SBX008", "SBX009", "SBX010", "SBX011",
];

fn catalogue_codes() -> BTreeSet<(String, &'static str)> {
    CATALOGUE
        .iter()
        .map(|info| (format!("{:?}", info.vendor), info.code))
        .collect()
}

#[test]
fn catalogue_has_exactly_the_codes_of_section_8_once_each() {
    let expected: BTreeSet<(String, &str)> = SPEC_DAOKE_CODES
        .iter()
        .map(|code| ("Daoke".to_owned(), *code))
        .chain(SPEC_YTX_CODES.iter().map(|code| ("Ytx".to_owned(), *code)))
        .collect();
    assert_eq!(catalogue_codes(), expected);
    assert_eq!(CATALOGUE.len(), expected.len(), "a code is listed twice");
}

/// The cells of a markdown table row (`\|` inside a cell is not a separator).
fn cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in row.trim().trim_start_matches('|').chars() {
        match c {
            '|' if !escaped => cells.push(String::new()),
            _ => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(c);
                }
            }
        }
        escaped = c == '\\';
    }
    cells.pop();
    cells
        .into_iter()
        .map(|cell| cell.trim().to_owned())
        .collect()
}

/// The rows of the table under `heading` whose first cell is a code in backticks, as
/// (code, second cell).
fn spec_table(heading: &str) -> Vec<(String, String)> {
    let section = SPEC
        .split_once(heading)
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("{heading} not in the spec"));
    let section = section.split("\n#").next().unwrap_or(section);
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells = cells(line);
            (cells[0].trim_matches('`').to_owned(), cells[1].clone())
        })
        .collect()
}

/// The first text in backticks of a cell, or the cell up to a parenthesis.
fn server_text(cell: &str) -> Option<String> {
    if cell == "—" {
        return None;
    }
    let text = match cell.split('`').nth(1) {
        Some(quoted) => quoted,
        None => cell.split(" (").next().unwrap_or(cell),
    };
    Some(text.to_owned())
}

#[test]
fn catalogue_matches_the_spec_tables_parsed_from_the_readme() {
    let daoke = spec_table("### 8.1 daoke codes");
    let ytx: Vec<_> = spec_table("### 8.2 YTX codes")
        .into_iter()
        .chain(spec_table("### 8.3 Sandbox-defined YTX codes"))
        .collect();
    assert_eq!(daoke.len(), SPEC_DAOKE_CODES.len());
    let mut from_readme = BTreeSet::new();
    for (vendor, rows) in [(Vendor::Daoke, &daoke), (Vendor::Ytx, &ytx)] {
        for (code, second) in rows {
            let info = entry(vendor, code);
            assert_eq!(
                info.server_result.map(str::to_owned),
                server_text(second),
                "{code}: server text"
            );
            assert_eq!(info.sandbox_defined, code.starts_with("SBX"), "{code}");
            from_readme.insert((format!("{vendor:?}"), info.code));
        }
    }
    assert_eq!(from_readme, catalogue_codes());
}

#[test]
fn every_entry_is_bilingual_with_a_remedy_except_success() {
    for info in CATALOGUE {
        let code = info.code;
        for text in [&info.meaning.en, &info.meaning.zh] {
            assert!(!text.trim().is_empty(), "{code}: empty meaning");
        }
        if info.is_success() {
            assert!(
                info.remedy.en.is_empty() && info.remedy.zh.is_empty(),
                "{code}"
            );
        } else {
            for text in [&info.remedy.en, &info.remedy.zh] {
                assert!(!text.trim().is_empty(), "{code}: empty remedy");
            }
        }
        let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(
            has_cjk(&info.meaning.zh),
            "{code}: zh meaning is not Chinese"
        );
        for note in info.api_notes {
            assert!(
                info.returned_by.contains(&note.api),
                "{code}: note for {}",
                note.api
            );
            for text in [
                &note.cause.en,
                &note.cause.zh,
                &note.remedy.en,
                &note.remedy.zh,
            ] {
                assert!(
                    !text.trim().is_empty(),
                    "{code}: empty note for {}",
                    note.api
                );
            }
        }
    }
}

/// Runs of at least 4 CJK ideographs.
fn chinese_phrases(text: &str) -> Vec<String> {
    text.split(|c: char| !('\u{4e00}'..='\u{9fff}').contains(&c))
        .filter(|run| run.chars().count() >= 4)
        .map(str::to_owned)
        .collect()
}

#[test]
fn chinese_texts_reuse_the_seed_wording() {
    for info in CATALOGUE {
        let Some(seed) = info.seed_text else { continue };
        let phrases = chinese_phrases(seed);
        if phrases.is_empty() {
            continue;
        }
        let zh = format!("{}{}", info.meaning.zh, info.remedy.zh);
        assert!(
            phrases.iter().any(|phrase| zh.contains(phrase.as_str())),
            "{}: none of {phrases:?} in {zh}",
            info.code
        );
    }
}

#[test]
fn documented_only_codes_are_returned_by_no_endpoint() {
    let documented_only: Vec<_> = CATALOGUE
        .iter()
        .filter(|info| info.documented_only)
        .map(|info| info.code)
        .collect();
    assert_eq!(documented_only, ["ME18005", "ME18023"]);
    for info in CATALOGUE {
        assert_eq!(
            info.returned_by.is_empty(),
            info.documented_only,
            "{}",
            info.code
        );
        if info.vendor == Vendor::Ytx {
            assert_eq!(info.returned_by, [Api::InviteMeeting]);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Every code decodes from the server's exact bytes

/// The RESULT text a daoke server sends for a code (the table's text, with a concrete
/// parameter for `<name>`, and a parameter text for the documented-only ME18023). Every
/// daoke endpoint checks `appKey` and reports it under that name.
fn daoke_result_text(info: &CodeInfo) -> String {
    match info.server_result {
        Some(text) => text.replace("<name>", "appKey"),
        None => "appKey is error!".to_owned(),
    }
}

#[test]
fn every_daoke_code_decodes_from_the_server_bytes() {
    for info in CATALOGUE.iter().filter(|info| info.vendor == Vendor::Daoke) {
        let text = daoke_result_text(info);
        let bytes = daoke_error(info.code, &text);
        let apis: Vec<Option<Api>> = if info.returned_by.is_empty() {
            vec![None, Some(Api::VerifyApplyJoiningMember)]
        } else {
            std::iter::once(None)
                .chain(info.returned_by.iter().copied().map(Some))
                .collect()
        };
        for api in apis {
            let reply = decode_reply(api, Vendor::Daoke, &bytes);
            assert_consistent(&reply);
            assert_eq!(reply.code.as_deref(), Some(info.code), "{bytes}");
            if info.is_success() {
                assert!(reply.ok);
                continue;
            }
            assert!(!reply.ok);
            assert_eq!(reply.note, None, "valid JSON needs no note: {bytes}");
            assert_eq!(
                reply.outcome,
                Outcome::Failed {
                    code: info.code.to_owned(),
                    detail: Some(text.clone())
                }
            );
            assert_eq!(reply.result, Some(serde_json::Value::String(text.clone())));
            if matches!(info.code, "ME01023" | "ME18023") {
                assert_eq!(reply.field.as_deref(), Some("appKey"), "{api:?}");
                assert!(
                    reply.meaning.en.contains("parameter appKey"),
                    "{}",
                    reply.meaning.en
                );
                assert!(reply.meaning.zh.contains("appKey"), "{}", reply.meaning.zh);
            } else {
                assert_eq!(
                    reply.meaning,
                    info.meaning_for(api),
                    "{} {api:?}",
                    info.code
                );
                assert_eq!(reply.remedy, info.remedy_for(api), "{} {api:?}", info.code);
                assert_eq!(reply.field, None);
            }
        }
    }
}

#[test]
fn every_ytx_code_decodes_from_the_sandbox_bytes() {
    for info in CATALOGUE.iter().filter(|info| info.vendor == Vendor::Ytx) {
        let message = info.server_result.unwrap_or_default();
        let request_id = if info.is_success() {
            "2026110000000001"
        } else {
            ""
        };
        let bytes = ytx_bytes(info.code, message, request_id);
        for api in [None, Some(Api::InviteMeeting)] {
            let reply = decode_reply(api, Vendor::Ytx, &bytes);
            assert_consistent(&reply);
            assert_eq!(reply.code.as_deref(), Some(info.code));
            assert_eq!(reply.ok, info.is_success());
            let object = reply.result.as_ref().and_then(|v| v.as_object());
            assert_eq!(
                object.map(|o| o.len()),
                Some(3),
                "the whole reply is the result"
            );
            if info.is_success() {
                assert_eq!(
                    reply.outcome,
                    Outcome::MeetingInvited {
                        request_id: request_id.to_owned()
                    }
                );
                continue;
            }
            assert_eq!(
                reply.outcome,
                Outcome::Failed {
                    code: info.code.to_owned(),
                    detail: Some(message.to_owned())
                }
            );
            assert_eq!(reply.meaning, info.meaning_for(api));
            assert_eq!(
                reply
                    .meaning
                    .en
                    .contains("Sandbox-defined: the real platform's code is unknown"),
                info.sandbox_defined,
                "{}",
                reply.meaning.en
            );
            assert_eq!(
                reply.meaning.zh.contains("沙箱自定义"),
                info.sandbox_defined
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Success shapes

#[test]
fn create_group_success_gives_the_group_id() {
    let bytes = daoke_bytes("0", r#"{"groupID":"pA1b2C3d4E5f6G7h"}"#);
    let expected = Outcome::GroupCreated {
        group_id: "pA1b2C3d4E5f6G7h".into(),
    };
    let reply = decode(Api::CreateGroup, &bytes);
    assert!(reply.ok);
    assert_eq!(reply.outcome, expected);
    assert!(reply.meaning.en.contains("pA1b2C3d4E5f6G7h"));
    assert_eq!(reply.note, None);
    // Recognised by its shape when the endpoint is not given.
    assert_eq!(decode_reply(None, Vendor::Daoke, &bytes).outcome, expected);
}

#[test]
fn verify_success_lists_each_applicant_with_its_meaning() {
    let bytes = daoke_bytes(
        "0",
        r#"[{"accountID":"kxl1QuHKCD","status":0},{"status":-1,"accountID":"WFlYtlfPlg"}]"#,
    );
    let reply = decode(Api::VerifyApplyJoiningMember, &bytes);
    let Outcome::Verified { applicants } = &reply.outcome else {
        panic!("{reply:?}");
    };
    assert_eq!(
        applicants,
        &[
            ApplicantStatus {
                account_id: "kxl1QuHKCD".into(),
                status: 0
            },
            ApplicantStatus {
                account_id: "WFlYtlfPlg".into(),
                status: -1
            },
        ]
    );
    assert!(applicants[0].meaning().en.contains("processed"));
    assert!(applicants[1]
        .meaning()
        .en
        .contains("no pending application"));
    assert!(applicants[1].meaning().zh.contains("没有"));
    assert!(
        reply.meaning.en.contains("1 processed, 1 without"),
        "{}",
        reply.meaning.en
    );
    assert!(
        reply.remedy.en.contains("-1"),
        "status -1 deserves a remedy"
    );
    let odd = ApplicantStatus {
        account_id: "a".into(),
        status: 1,
    };
    assert!(odd.meaning().en.contains("unexpected status 1"));
}

#[test]
fn verify_success_with_only_processed_applicants_needs_no_remedy() {
    let seed_example = daoke_bytes("0", r#"[{"accountID":"kxl1QuHKCD","status":0}]"#);
    let reply = decode(Api::VerifyApplyJoiningMember, &seed_example);
    assert!(matches!(reply.outcome, Outcome::Verified { .. }));
    assert!(reply.remedy.en.is_empty());
}

#[test]
fn apply_micro_channel_success_is_ok_bang() {
    let reply = decode(Api::ApplyMicroChannel, &daoke_error("0", "ok!"));
    assert_eq!(reply.outcome, Outcome::ChannelApplied);
    assert_eq!(reply.result, Some(serde_json::json!("ok!")));
    assert_eq!(reply.note, None);
}

#[test]
fn invite_user_join_success_gives_the_count() {
    let reply = decode(Api::InviteUserJoin, &daoke_bytes("0", r#"{"count":1}"#));
    assert_eq!(reply.outcome, Outcome::Invited { count: 1 });
    let none_sent = decode(Api::InviteUserJoin, &daoke_bytes("0", r#"{"count":0}"#));
    assert_eq!(none_sent.outcome, Outcome::Invited { count: 0 });
    assert!(
        none_sent.meaning.en.contains("rate limit"),
        "{}",
        none_sent.meaning.en
    );
}

#[test]
fn ytx_seed_examples_decode() {
    let success = decode(
        Api::InviteMeeting,
        r#"{"statusCode":"0","statusMsg":"提交成功","requestId":"2016010000000205"}"#,
    );
    assert_eq!(
        success.outcome,
        Outcome::MeetingInvited {
            request_id: "2016010000000205".into()
        }
    );
    assert!(success.summary(Lang::Zh).contains("提交成功"));
    let missing = decode(
        Api::InviteMeeting,
        r#"{"statusCode":"-2","statusMsg":"缺少必要参数","requestId":""}"#,
    );
    assert_eq!(missing.code.as_deref(), Some("-2"));
    assert!(missing.remedy.en.contains("parties"));
}

#[test]
fn a_success_of_an_undocumented_shape_is_ok_with_a_note() {
    let ok_for_create = decode(Api::CreateGroup, &daoke_error("0", "ok!"));
    assert_eq!(ok_for_create.outcome, Outcome::Ok);
    assert!(ok_for_create.ok);
    assert!(ok_for_create.note.is_some());
    // Another endpoint's shape is not this endpoint's result.
    let count_for_create = decode(Api::CreateGroup, &daoke_bytes("0", r#"{"count":1}"#));
    assert_eq!(count_for_create.outcome, Outcome::Ok);
    assert!(count_for_create.note.is_some());
    // Without an endpoint, "ok!" is simply a success.
    let anonymous = decode_reply(None, Vendor::Daoke, &daoke_error("0", "ok!"));
    assert_eq!((anonymous.outcome, anonymous.note), (Outcome::Ok, None));
    let no_request_id = decode(
        Api::InviteMeeting,
        r#"{"statusCode":"0","statusMsg":"提交成功"}"#,
    );
    assert_eq!(no_request_id.outcome, Outcome::Ok);
    assert!(no_request_id.note.is_some());
}

#[test]
fn success_is_decided_on_the_code_alone() {
    // A success code with an error-like text is a success...
    let reply = decode(
        Api::ApplyMicroChannel,
        &daoke_error("0", "sign is not match!"),
    );
    assert!(reply.ok);
    // ...and both wordings of the signature error mean the same failure.
    let server = decode(
        Api::CreateGroup,
        &daoke_error("ME01019", "sign is not match!"),
    );
    let seed = decode(Api::CreateGroup, &daoke_error("ME01019", "sign not match"));
    assert!(!server.ok && !seed.ok);
    assert_eq!(server.meaning, seed.meaning);
    assert_eq!(server.remedy, seed.remedy);
}

// ---------------------------------------------------------------------------------------
// Seed quirks and transport noise

#[test]
fn seed_002_single_quoted_ok_decodes_by_the_fallback() {
    let seed = r#"{"ERRORCODE":"0", "RESULT":'ok'}"#;
    let reply = decode(Api::ApplyMicroChannel, seed);
    assert!(reply.ok);
    assert_eq!(reply.outcome, Outcome::ChannelApplied);
    assert_eq!(reply.result, Some(serde_json::json!("ok")));
    assert!(reply.note.is_some(), "the lenient read is reported");
    assert_eq!(decode_reply(None, Vendor::Daoke, seed).outcome, Outcome::Ok);
}

#[test]
fn unescaped_quotes_in_a_fan_out_failure_decode_by_the_fallback() {
    let bytes = daoke_error("ME01023", r#"receiver "bob" refused is error!"#);
    assert!(serde_json::from_str::<serde_json::Value>(&bytes).is_err());
    let reply = decode(Api::InviteUserJoin, &bytes);
    assert_eq!(
        reply.outcome,
        Outcome::Failed {
            code: "ME01023".into(),
            detail: Some(r#"receiver "bob" refused is error!"#.into())
        }
    );
    assert!(
        reply.meaning.en.contains(r#"receiver "bob" refused"#),
        "{}",
        reply.meaning.en
    );
    assert_eq!(reply.field, None);
    assert!(reply.note.is_some());
}

#[test]
fn white_space_and_a_byte_order_mark_do_not_matter() {
    let canonical = daoke_bytes("0", r#"{"groupID":"pA1b2C3d4E5f6G7h"}"#);
    let bare = canonical.trim_end();
    let expected = decode(Api::CreateGroup, &canonical);
    for variant in [
        bare.to_owned(),
        format!("{bare}\r\n"),
        format!("{bare}  \n\n\t"),
        format!("\n  {bare}"),
        format!("\u{feff}{canonical}"),
        // The `/clientcustom` and `/weiboapi` media types differ; the decoder never sees
        // them, and a compact envelope (as a JSON encoder would write it) is the same reply.
        r#"{"ERRORCODE":"0","RESULT":{"groupID":"pA1b2C3d4E5f6G7h"}}"#.to_owned(),
    ] {
        let reply = decode(Api::CreateGroup, &variant);
        assert_eq!(
            (&reply.outcome, &reply.meaning, &reply.note),
            (&expected.outcome, &expected.meaning, &expected.note),
            "{variant:?}"
        );
    }
}

#[test]
fn unknown_codes_are_failures_explained_in_both_languages() {
    for (api, bytes, code) in [
        (
            Api::CreateGroup,
            daoke_error("ME99999", "something odd"),
            "ME99999",
        ),
        (
            Api::CreateGroup,
            daoke_error("SBX001", "something odd"),
            "SBX001",
        ),
        (
            Api::InviteMeeting,
            ytx_bytes("-999", "something odd", ""),
            "-999",
        ),
        (
            Api::InviteMeeting,
            ytx_bytes("ME01019", "something odd", ""),
            "ME01019",
        ),
    ] {
        let reply = decode(api, &bytes);
        assert!(!reply.ok);
        assert_eq!(reply.code.as_deref(), Some(code));
        assert!(
            reply
                .meaning
                .en
                .contains(&format!("Unrecognised code {code}: something odd")),
            "{}",
            reply.meaning.en
        );
        assert!(reply.meaning.zh.contains(code) && reply.meaning.zh.contains("something odd"));
        assert!(reply.summary(Lang::En).contains(code));
    }
}

#[test]
fn texts_that_are_not_envelopes_are_unrecognised_with_a_reason() {
    let cases: [(&str, &str); 12] = [
        ("", "empty"),
        (" \r\n\t", "empty"),
        ("\u{feff}", "empty"),
        (
            "<html><body><h1>502 Bad Gateway</h1></body></html>\n",
            "HTML",
        ),
        ("Bad Gateway", "not JSON"),
        ("null", "not an object"),
        ("[1, 2]", "not an object"),
        ("\"ERRORCODE\"", "not an object"),
        (r#"{"foo":1}"#, "without ERRORCODE"),
        (r#"{"ERRORCODE":0, "RESULT":"ok!"}"#, "not a string"),
        (
            r#"{"statusCode":"0","statusMsg":"提交成功","requestId":"1"}"#,
            "YTX reply",
        ),
        (r#"{"statusCode":"0", broken"#, "YTX reply"),
    ];
    for (text, reason) in cases {
        let reply = decode(Api::CreateGroup, text);
        let Outcome::Unrecognised { reason: why } = &reply.outcome else {
            panic!("{text:?}: {reply:?}");
        };
        assert!(why.en.contains(reason), "{text:?}: {}", why.en);
        assert!(!why.zh.is_empty());
        assert!(!reply.ok);
    }
    let daoke_to_ytx = decode(Api::InviteMeeting, &daoke_error("0", "ok!"));
    let Outcome::Unrecognised { reason } = &daoke_to_ytx.outcome else {
        panic!("{daoke_to_ytx:?}");
    };
    assert!(reason.en.contains("daoke reply"), "{}", reason.en);
}

#[test]
fn the_sandbox_http_level_texts_are_explained() {
    for api in Api::ALL {
        let not_found = decode(api, "sandbox: no such endpoint\n");
        assert!(matches!(not_found.outcome, Outcome::Unrecognised { .. }));
        assert!(not_found.meaning.en.contains("no endpoint at this path"));
        assert!(not_found.remedy.en.contains("path"));
        let too_large = decode(api, "sandbox: request body too large\n");
        assert!(too_large.meaning.en.contains("larger than its limit"));
        assert!(too_large.remedy.en.contains("smaller body"));
    }
}

// ---------------------------------------------------------------------------------------
// ME01023 names, and per-endpoint remedies

#[test]
fn parameter_errors_name_what_to_fix() {
    struct Case {
        api: Api,
        result: &'static str,
        field: Option<&'static str>,
        says: &'static str,
    }
    let cases = [
        Case {
            api: Api::CreateGroup,
            result: "groupName is error!",
            field: Some("groupName"),
            says: "rejected parameter groupName",
        },
        Case {
            api: Api::VerifyApplyJoiningMember,
            result: "accountID is error!",
            field: Some("creatorAccountID"),
            says: "creatorAccountID (the server calls it accountID)",
        },
        Case {
            api: Api::InviteUserJoin,
            result: " is error!",
            field: None,
            says: "could not parse the request body",
        },
        Case {
            api: Api::ApplyMicroChannel,
            result: "args is error!",
            field: None,
            says: "could not parse the request body",
        },
        Case {
            api: Api::ApplyMicroChannel,
            result: "cityCode is error!",
            field: Some("channelCityCode"),
            says: "no city has this code",
        },
        Case {
            api: Api::ApplyMicroChannel,
            result: "accountID is error!",
            field: Some("accountID"),
            says: "no user has this accountID",
        },
        Case {
            api: Api::InviteUserJoin,
            result: "DEFAULT_ERROR is error!",
            field: Some("customType"),
            says: "customType is a number other than 1",
        },
        Case {
            api: Api::InviteUserJoin,
            result: "%s is error!",
            field: None,
            says: "gave no reason",
        },
        Case {
            api: Api::InviteUserJoin,
            result: "weibo send failed is error!",
            field: None,
            says: "said: weibo send failed",
        },
        Case {
            api: Api::InviteUserJoin,
            result: "tempChannelID is error!",
            field: Some("tempChannelID"),
            says: "rejected parameter tempChannelID",
        },
    ];
    for case in cases {
        let reply = decode(case.api, &daoke_error("ME01023", case.result));
        assert_eq!(reply.field.as_deref(), case.field, "{}", case.result);
        assert!(
            reply.meaning.en.contains(case.says),
            "{}: {}",
            case.result,
            reply.meaning.en
        );
        if let Some(field) = case.field {
            assert!(reply.remedy.en.contains(field) || reply.meaning.en.contains(field));
            assert!(reply.meaning.zh.contains(field), "{}", reply.meaning.zh);
        }
    }
}

#[test]
fn me18023_is_read_like_me01023() {
    let reply = decode(
        Api::VerifyApplyJoiningMember,
        &daoke_error("ME18023", "accountID is error!"),
    );
    assert!(!reply.ok);
    assert_eq!(reply.field.as_deref(), Some("creatorAccountID"));
    assert!(reply.meaning.en.contains("ME01023"), "{}", reply.meaning.en);
}

#[test]
fn endpoint_specific_remedies() {
    let rate = decode(Api::InviteUserJoin, &daoke_error("ME18090", "ERROR"));
    assert!(
        rate.remedy.en.contains("more than 600 seconds"),
        "{}",
        rate.remedy.en
    );
    let old_table = decode(Api::InviteUserJoin, &daoke_error("ME18090", "120"));
    assert!(
        old_table.remedy.en.contains("481 more seconds"),
        "{}",
        old_table.remedy.en
    );

    let sign = decode(
        Api::CreateGroup,
        &daoke_error("ME01019", "sign is not match!"),
    );
    for cause in ["byte order", "raw", "upper-case hex", "secret", "§4"] {
        assert!(
            sign.remedy.en.contains(cause),
            "{cause}: {}",
            sign.remedy.en
        );
    }
    assert!(sign.remedy.zh.contains("请阅读语镜公司提供的签名算法"));

    let callback = decode(
        Api::VerifyApplyJoiningMember,
        &daoke_error("ME01022", "internal data error!"),
    );
    assert!(callback.meaning.en.contains("host:port"));
    assert!(callback.remedy.en.contains("already applied"));
    let generic = decode(
        Api::CreateGroup,
        &daoke_error("ME01022", "internal data error!"),
    );
    assert!(!generic.meaning.en.contains("host:port"));

    let sql = decode(Api::CreateGroup, &daoke_error("ME01020", "mysql failed!"));
    assert!(sql.remedy.en.contains("groupName"), "{}", sql.remedy.en);
}

// ---------------------------------------------------------------------------------------
// Presentation

#[test]
fn summaries_are_single_lines_in_either_language() {
    // The server's text arrives JSON-escaped here and contains a real newline once decoded.
    let bytes = daoke_bytes("ME01023", r#""line one\nline two is error!""#);
    let reply = decode(Api::InviteUserJoin, &bytes);
    assert_eq!(
        reply.outcome,
        Outcome::Failed {
            code: "ME01023".into(),
            detail: Some("line one\nline two is error!".into())
        }
    );
    let en = reply.summary(Lang::En);
    let zh = reply.summary(Lang::Zh);
    assert!(!en.contains('\n') && !zh.contains('\n'));
    assert!(
        en.starts_with("inviteUserJoin: failed with ME01023:"),
        "{en}"
    );
    assert!(zh.contains("失败") && zh.contains("ME01023"), "{zh}");
    let anonymous = decode_reply(None, Vendor::Ytx, &ytx_bytes("-205", "应用验证失败", ""));
    assert!(anonymous.to_string().starts_with("YTX: failed with -205:"));
}

#[test]
fn replies_serialise_for_the_js_api_and_back() {
    let reply = decode(Api::CreateGroup, &daoke_bytes("0", r#"{"groupID":"p1"}"#));
    let json = serde_json::to_value(&reply).unwrap_or_default();
    assert_eq!(
        json["outcome"],
        serde_json::json!({"kind": "groupCreated", "groupId": "p1"})
    );
    assert_eq!(json["api"], "createGroup");
    assert_eq!(json["vendor"], "daoke");
    let back: Reply = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, reply);
}

#[test]
fn a_truncated_ytx_reply_is_read_by_the_fallback() {
    let failure = decode(
        Api::InviteMeeting,
        r#"{"statusCode":"-2","statusMsg":"缺少必要参数","requestId":"""#,
    );
    assert_eq!(
        failure.outcome,
        Outcome::Failed {
            code: "-2".into(),
            detail: Some("缺少必要参数".into())
        }
    );
    assert!(failure.note.is_some());
    let success = decode(
        Api::InviteMeeting,
        r#"{"statusCode":"0","statusMsg":"提交成功","requestId":"2016010000000205""#,
    );
    assert_eq!(
        success.outcome,
        Outcome::MeetingInvited {
            request_id: "2016010000000205".into()
        }
    );
}
