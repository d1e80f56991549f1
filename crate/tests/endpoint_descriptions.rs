//! Invariants of the five endpoint descriptions: unique rule ids, bilingual messages that
//! name their parameter, the spec's precedence order (§3.1), requiredness consistent with the
//! absence rules, finding-free examples and defaults, and the serialised shape the JS API
//! and the web app read.
#![cfg(feature = "full")]

use signkit::endpoint::{all, describe, ParamDescription, Requirement};
use signkit::rules::{Check, FindingClass, Rule, Severity};
use signkit::validate::{validate, ValidateOptions};
use signkit::{Api, Params, Vendor};
use std::collections::HashSet;

fn every_param() -> impl Iterator<Item = (Api, &'static ParamDescription)> {
    Api::ALL
        .into_iter()
        .flat_map(|api| describe(api).params.iter().map(move |p| (api, p)))
}

#[test]
fn rule_ids_are_unique_per_endpoint_and_prefixed_by_their_parameter() {
    for api in Api::ALL {
        let mut seen = HashSet::new();
        for param in describe(api).params {
            for rule in param.rules {
                assert!(seen.insert(rule.id), "{api}: duplicate rule id {}", rule.id);
                assert!(
                    rule.id.starts_with(&format!("{}.", param.name)),
                    "{api}: {} under {}",
                    rule.id,
                    param.name
                );
            }
        }
    }
}

#[test]
fn every_message_is_bilingual_and_names_its_parameter() {
    for (api, param) in every_param() {
        for rule in param.rules {
            let m = &rule.message;
            assert!(
                !m.en.trim().is_empty() && !m.zh.trim().is_empty(),
                "{api} {}",
                rule.id
            );
            assert!(
                m.en.contains(param.name),
                "{api} {}: English message does not name {}",
                rule.id,
                param.name
            );
            assert!(
                m.zh.contains(param.name),
                "{api} {}: Chinese message does not name {}",
                rule.id,
                param.name
            );
            assert!(
                m.en.contains(" — ") && m.zh.contains("——"),
                "{api} {}: rule — remedy",
                rule.id
            );
            assert!(
                m.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{api} {}: zh has no Chinese",
                rule.id
            );
            if let Some(code) = rule.server_code {
                assert!(
                    m.en.contains(code) && m.zh.contains(code),
                    "{api} {}: message omits {code}",
                    rule.id
                );
            }
        }
        for text in [&param.label, &param.help] {
            assert!(
                !text.en.trim().is_empty() && !text.zh.trim().is_empty(),
                "{api} {}",
                param.name
            );
        }
    }
    for description in all() {
        for text in [&description.title, &description.summary] {
            assert!(
                !text.en.trim().is_empty() && !text.zh.trim().is_empty(),
                "{}",
                description.api
            );
        }
    }
}

/// Precedence group of a rule after the absence and empty-value rules (spec §3.1 items 4, 5).
fn rank(rule: &Rule) -> u8 {
    match (rule.severity, rule.class) {
        (Severity::Error, _) => 0,
        (Severity::Warn, FindingClass::ServerOnly) => 1,
        (Severity::Warn, FindingClass::SeedOnly) => 2,
        (Severity::Warn, _) => 3,
    }
}

#[test]
fn rules_are_listed_in_precedence_order() {
    for (api, param) in every_param() {
        let rest: Vec<&Rule> = param
            .rules
            .iter()
            .skip_while(|r| r.check == Check::Missing)
            .skip_while(|r| r.check == Check::Empty)
            .collect();
        for rule in &rest {
            assert!(
                !matches!(rule.check, Check::Missing | Check::Empty),
                "{api} {}: out of place",
                rule.id
            );
        }
        for pair in rest.windows(2) {
            assert!(
                rank(pair[0]) <= rank(pair[1]),
                "{api}: {} listed before {}",
                pair[0].id,
                pair[1].id
            );
        }
    }
}

#[test]
fn classes_severities_and_codes_agree_with_the_severity_rule() {
    for (api, param) in every_param() {
        for rule in param.rules {
            let allowed: &[(Severity, FindingClass)] = match api.vendor() {
                Vendor::Daoke => &[
                    (Severity::Error, FindingClass::Both),
                    (Severity::Warn, FindingClass::ServerOnly),
                    (Severity::Warn, FindingClass::SeedOnly),
                    (Severity::Warn, FindingClass::Advisory),
                ],
                Vendor::Ytx => &[
                    (Severity::Error, FindingClass::Seed),
                    (Severity::Warn, FindingClass::Advisory),
                ],
            };
            assert!(
                allowed.contains(&(rule.severity, rule.class)),
                "{api} {}",
                rule.id
            );
            match rule.class {
                FindingClass::ServerOnly => assert!(
                    rule.server_code.is_some(),
                    "{api} {}: server-only names a code",
                    rule.id
                ),
                FindingClass::SeedOnly | FindingClass::Seed => {
                    assert!(rule.server_code.is_none(), "{api} {}", rule.id)
                }
                _ => {}
            }
        }
    }
}

#[test]
fn requiredness_matches_the_absence_rules() {
    for (api, param) in every_param() {
        let absent = param.first_match(None, None);
        match param.required {
            Requirement::Required => {
                let rule = absent.unwrap_or_else(|| {
                    panic!("{api} {}: required but no absence rule", param.name)
                });
                assert_eq!(
                    (rule.check, rule.severity),
                    (Check::Missing, Severity::Error),
                    "{api} {}",
                    param.name
                );
            }
            Requirement::SeedRequired => {
                let rule = absent.unwrap_or_else(|| panic!("{api} {}", param.name));
                assert_eq!(
                    (rule.severity, rule.class),
                    (Severity::Warn, FindingClass::SeedOnly),
                    "{api} {}",
                    param.name
                );
            }
            Requirement::Optional | Requirement::BuilderDefault => {
                assert_eq!(absent, None, "{api} {}", param.name)
            }
        }
        // Defaults: the builder's (the YTX timestamp's is the current time) and the server's
        // for the two createGroup flags; nothing else has one.
        let has_default = param.default.is_some() || param.name == "timestamp";
        let expected = param.required == Requirement::BuilderDefault
            || matches!(param.name, "isCarFleet" | "isTempGroup");
        assert_eq!(has_default, expected, "{api} {}", param.name);
    }
}

#[test]
fn examples_defaults_and_placeholders_are_finding_free() {
    for description in all() {
        let api = description.api;
        let example: Params = description.example.iter().copied().collect();
        let findings = validate(api, &example, &ValidateOptions::default());
        assert!(findings.is_empty(), "{api} example: {findings:?}");
        for (name, _) in description.example {
            assert!(
                description.param(name).is_some(),
                "{api} example has undocumented {name}"
            );
        }
        for param in description.params {
            for value in [param.default, param.example].into_iter().flatten() {
                let mut params: Params = description
                    .example
                    .iter()
                    .copied()
                    .filter(|(n, _)| *n != param.name)
                    .collect();
                params.push(param.name, value);
                let findings = validate(api, &params, &ValidateOptions::default());
                assert!(
                    findings.is_empty(),
                    "{api} {}={value:?}: {findings:?}",
                    param.name
                );
            }
        }
    }
}

#[test]
fn descriptions_match_the_api_enum() {
    let described: Vec<Api> = all().iter().map(|d| d.api).collect();
    assert_eq!(described, Api::ALL);
    for api in Api::ALL {
        let d = describe(api);
        assert_eq!(
            (d.vendor, d.path, d.default_encoding, d.method),
            (api.vendor(), api.path(), api.default_encoding(), "POST")
        );
    }
}

#[test]
fn credentials_and_secrets_are_marked() {
    let flagged: Vec<(Api, &str, bool)> = every_param()
        .filter(|(_, p)| p.credential || p.secret)
        .map(|(api, p)| (api, p.name, p.secret))
        .collect();
    let mut expected: Vec<(Api, &str, bool)> = Api::DAOKE
        .iter()
        .map(|&api| (api, "appKey", false))
        .collect();
    expected.extend([
        (Api::InviteMeeting, "accountSID", false),
        (Api::InviteMeeting, "authToken", true),
    ]);
    assert_eq!(flagged, expected);
    assert!(every_param().all(|(_, p)| p.name != "secret" && p.name != "sign"));
}

#[test]
fn descriptions_serialise_in_camel_case() {
    let json = serde_json::to_value(all()).expect("serialisable");
    let app_key = &json[0]["params"][0];
    assert_eq!(json[0]["api"], "createGroup");
    assert_eq!(json[0]["vendor"], "daoke");
    assert_eq!(json[0]["defaultEncoding"], "form-urlencoded");
    assert_eq!(json[4]["defaultEncoding"], serde_json::Value::Null);
    assert_eq!(
        json[0]["example"][0],
        serde_json::json!(["groupName", "liangGeDeGroup"])
    );
    assert_eq!(app_key["name"], "appKey");
    assert_eq!(app_key["required"], "required");
    assert_eq!(app_key["kind"], serde_json::json!({"type": "digits"}));
    assert_eq!(app_key["credential"], true);
    assert_eq!(
        app_key["limit"],
        serde_json::json!({"unit": "chars", "max": 10})
    );
    assert_eq!(app_key["label"]["zh"], "应用编号 appKey");
    assert_eq!(
        app_key["rules"][1]["check"],
        serde_json::json!({"notMatching": "^[0-9]{1,10}$"})
    );
    assert_eq!(app_key["rules"][1]["serverCode"], "ME01023");
    assert_eq!(app_key["rules"][1]["severity"], "error");
    assert_eq!(app_key["rules"][1]["class"], "both");

    let keywords = &json[2]["params"][10];
    assert_eq!(keywords["name"], "channelKeyWords");
    assert_eq!(
        keywords["kind"],
        serde_json::json!({"type": "tags", "maxTags": 5, "maxChars": 8})
    );
    let logo = &json[2]["params"][9];
    assert_eq!(logo["required"], "seedRequired");
    assert_eq!(logo["rules"][0]["class"], "seed-only");
    assert_eq!(
        logo["rules"][5]["check"],
        serde_json::json!({"notStartingWith": {"prefix": "http://", "caseSensitive": false}})
    );
    let verify_callback = &json[1]["params"][5];
    assert_eq!(
        verify_callback["rules"][2]["check"],
        serde_json::json!({"all": [{"charsOver": 255}, {"bytesOver": 512}]})
    );
    let auth_token = &json[4]["params"][1];
    assert_eq!(auth_token["secret"], true);
    assert_eq!(auth_token["kind"]["type"], "secret");
    assert_eq!(json[4]["params"][2]["required"], "builderDefault");
    assert_eq!(
        json[4]["params"][3]["rules"][1]["check"],
        serde_json::json!({"outsideWindow": {"seconds": 86400}})
    );
}

#[test]
fn findings_serialise_in_camel_case_and_print_both_languages() {
    let params = Params::new().with("appKey", "x");
    let findings = validate(Api::CreateGroup, &params, &ValidateOptions::default());
    let json = serde_json::to_value(&findings[0]).expect("serialisable");
    assert_eq!(
        json,
        serde_json::json!({
            "field": "appKey", "severity": "error", "class": "both", "rule": "appKey.format",
            "serverCode": "ME01023", "message": {"en": findings[0].message.en, "zh": findings[0].message.zh}
        })
    );
    let text = findings[0].to_string();
    assert!(
        text.starts_with("appKey: error (both, ME01023) — appKey must be"),
        "{text}"
    );
    assert!(text.contains("必须"), "{text}");
    let rule = &describe(Api::CreateGroup).params[0].rules[1];
    assert_eq!(
        rule.to_string(),
        "appKey.format: when not ^[0-9]{1,10}$ → error (both, ME01023)"
    );
}

#[test]
fn options_deserialise_from_the_js_shape() {
    let options: ValidateOptions =
        serde_json::from_str(r#"{"mode":"raw","now":1481506200}"#).expect("options");
    assert_eq!(options.mode, signkit::validate::Mode::Raw);
    assert_eq!(options.now, Some(1481506200));
    let defaults: ValidateOptions = serde_json::from_str("{}").expect("defaults");
    assert_eq!(defaults, ValidateOptions::default());
}
