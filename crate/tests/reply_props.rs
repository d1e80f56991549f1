//! Properties of reply decoding: it never panics, and the code alone decides success.
#![cfg(feature = "full")]

use proptest::prelude::*;
use signkit::reply::{decode_reply, Outcome, Reply};
use signkit::{Api, Lang, Vendor};

/// Every way of calling [`decode_reply`]: each endpoint with its vendor, and no endpoint
/// with either vendor.
fn callers() -> Vec<(Option<Api>, Vendor)> {
    Api::ALL
        .into_iter()
        .map(|api| (Some(api), api.vendor()))
        .chain([(None, Vendor::Daoke), (None, Vendor::Ytx)])
        .collect()
}

/// The invariants every reply satisfies, whatever the text.
fn check_invariants(reply: &Reply, text: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&reply.raw, text);
    prop_assert_eq!(reply.ok, reply.code.as_deref() == Some("0"));
    prop_assert!(!reply.meaning.en.is_empty() && !reply.meaning.zh.is_empty());
    match &reply.outcome {
        Outcome::Unrecognised { .. } => prop_assert_eq!(&reply.code, &None),
        Outcome::Failed { code, .. } => {
            prop_assert_eq!(reply.code.as_ref(), Some(code));
            prop_assert!(!reply.remedy.en.is_empty() && !reply.remedy.zh.is_empty());
        }
        _ => prop_assert!(reply.ok),
    }
    for lang in [Lang::En, Lang::Zh] {
        prop_assert!(!reply.summary(lang).chars().any(char::is_control));
    }
    Ok(())
}

/// Text made of the characters envelopes are made of, so the fallback scan is exercised
/// far more often than by arbitrary strings.
fn envelope_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        "\"",
        "'",
        ":",
        ",",
        " ",
        "\n",
        "\\",
        "0",
        "-2",
        "ME01023",
        "ERRORCODE",
        "RESULT",
        "statusCode",
        "statusMsg",
        "requestId",
        "\"ERRORCODE\":\"",
        "\"statusCode\":\"",
        " is error!",
        "groupID",
        "count",
        "accountID",
        "status",
        "\u{feff}",
        "<",
        "é",
        "中",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn decoding_arbitrary_text_never_panics(text in any::<String>()) {
        for (api, vendor) in callers() {
            check_invariants(&decode_reply(api, vendor, &text), &text)?;
        }
    }

    #[test]
    fn decoding_envelope_like_text_never_panics(text in envelope_like()) {
        for (api, vendor) in callers() {
            check_invariants(&decode_reply(api, vendor, &text), &text)?;
        }
    }

    #[test]
    fn the_daoke_code_alone_decides(code in r#"[^"\\]*"#, result in r#"[^"\\]*"#) {
        // Valid JSON when `code` has no control character, read by the fallback otherwise.
        let text = format!("{{\"ERRORCODE\":\"{code}\", \"RESULT\":\"{result}\"}}\n");
        for api in [None, Some(Api::CreateGroup), Some(Api::VerifyApplyJoiningMember),
                    Some(Api::ApplyMicroChannel), Some(Api::InviteUserJoin)] {
            let reply = decode_reply(api, Vendor::Daoke, &text);
            check_invariants(&reply, &text)?;
            prop_assert_eq!(reply.code.as_deref(), Some(code.as_str()));
            prop_assert_eq!(reply.ok, code == "0");
        }
    }

    #[test]
    fn the_ytx_code_alone_decides(code in r#"[^"\\]*"#, message in r#"[^"\\]*"#) {
        let text = format!(r#"{{"statusCode":"{code}","statusMsg":"{message}","requestId":""}}"#);
        for api in [None, Some(Api::InviteMeeting)] {
            let reply = decode_reply(api, Vendor::Ytx, &text);
            check_invariants(&reply, &text)?;
            prop_assert_eq!(reply.code.as_deref(), Some(code.as_str()));
            prop_assert_eq!(reply.ok, code == "0");
        }
    }

    #[test]
    fn a_properly_escaped_result_text_is_the_failure_detail(detail in any::<String>()) {
        let escaped = serde_json::to_string(&detail).unwrap_or_default();
        let text = format!("{{\"ERRORCODE\":\"ME01023\", \"RESULT\":{escaped}}}\n");
        let reply = decode_reply(Some(Api::InviteUserJoin), Vendor::Daoke, &text);
        prop_assert_eq!(
            reply.outcome,
            Outcome::Failed { code: "ME01023".into(), detail: Some(detail) }
        );
    }

    #[test]
    fn an_unescaped_result_text_survives_the_fallback(detail in r#"[^\\]*"[^\\]*"#) {
        // The server inserts the text raw, so a `"` in it breaks the JSON (spec §7.1).
        let text = format!("{{\"ERRORCODE\":\"ME01023\", \"RESULT\":\"{detail}\"}}\n");
        // A detail such as `","x":"` happens to give valid JSON with another RESULT.
        prop_assume!(serde_json::from_str::<serde_json::Value>(&text).is_err());
        let reply = decode_reply(Some(Api::InviteUserJoin), Vendor::Daoke, &text);
        prop_assert_eq!(reply.code.as_deref(), Some("ME01023"));
        prop_assert!(reply.note.is_some());
        prop_assert_eq!(
            reply.outcome,
            Outcome::Failed { code: "ME01023".into(), detail: Some(detail) }
        );
    }
}
