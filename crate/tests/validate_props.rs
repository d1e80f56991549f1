//! Properties of the validator over arbitrary input (proptest): it never panics, reports at
//! most one finding per parameter name, ignores a daoke `sign`, and sees a value and its
//! canonical (CRLF → LF) form alike.
#![cfg(feature = "full")]

use proptest::prelude::*;
use signkit::endpoint::describe;
use signkit::rules::FindingClass;
use signkit::validate::{validate, validate_generic, Finding, Mode, ValidateOptions};
use signkit::{canonical_value, Api, Params};
use std::collections::HashSet;

fn api() -> impl Strategy<Value = Api> {
    prop::sample::select(Api::ALL.to_vec())
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Build), Just(Mode::Raw)]
}

fn clock() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![
        Just(None),
        any::<i64>().prop_map(Some),
        (1_400_000_000i64..1_600_000_000).prop_map(Some)
    ]
}

/// Names: documented ones of every endpoint, the special ones, and arbitrary text.
fn name() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = Api::ALL
        .iter()
        .flat_map(|&api| describe(api).params.iter().map(|p| p.name.to_owned()))
        .collect();
    known.extend(["sign", "secret", "Sign", "remark", "bad-name", ""].map(String::from));
    prop_oneof![
        4 => prop::sample::select(known),
        1 => "[A-Za-z0-9_]{1,6}",
        1 => any::<String>(),
    ]
}

/// Values: arbitrary Unicode, text built from the characters the rules care about (CR, LF,
/// quotes, backslashes, commas, digits, URL pieces), example values, and huge values.
fn value() -> impl Strategy<Value = String> {
    let examples: Vec<String> = Api::ALL
        .iter()
        .flat_map(|&api| describe(api).example.iter().map(|(_, v)| (*v).to_owned()))
        .collect();
    prop_oneof![
        3 => any::<String>(),
        3 => prop::collection::vec(
            prop::sample::select(vec![
                "\r", "\n", "\r\n", "'", "\\", ",", "，", "0", "1", "x", "车", "😀", " ", "http", "://", ":80/", ".amr",
                ".png", "0x", "e", ".", "-", "[", "]", "{", "}", "\"name\"", "\"phone\"", ":", "\"13900000000\"",
            ]),
            0..24,
        )
        .prop_map(|parts| parts.concat()),
        2 => prop::sample::select(examples),
        1 => (any::<char>(), 0usize..20_000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn params() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((name(), value()), 0..12)
}

fn options() -> impl Strategy<Value = ValidateOptions> {
    (mode(), clock()).prop_map(|(mode, now)| ValidateOptions { mode, now })
}

fn fields(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.field.as_str()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn at_most_one_finding_per_name_and_only_for_given_or_documented_names(
        api in api(), pairs in params(), options in options()
    ) {
        let params = Params::from(pairs);
        let findings = validate(api, &params, &options);
        let mut seen = HashSet::new();
        for f in &findings {
            prop_assert!(seen.insert(f.field.as_str()), "two findings for {:?}: {:?}", f.field, findings);
            prop_assert!(
                params.contains(&f.field) || describe(api).param(&f.field).is_some(),
                "finding for a name neither given nor documented: {:?}", f
            );
            prop_assert!(!f.message.en.is_empty() && !f.message.zh.is_empty());
        }
        let generic = validate_generic(&params);
        let mut seen = HashSet::new();
        for f in &generic {
            prop_assert!(seen.insert(f.field.as_str()));
            prop_assert_eq!(f.class, FindingClass::Request);
        }
    }

    #[test]
    fn daoke_request_shape_findings_equal_the_generic_ones(
        api in prop::sample::select(Api::DAOKE.to_vec()), pairs in params(), options in options()
    ) {
        let params = Params::from(pairs);
        let request: Vec<Finding> = validate(api, &params, &options)
            .into_iter()
            .filter(|f| f.class == FindingClass::Request)
            .collect();
        // In build mode the endpoint's omission (README §3.4 step 3) runs first: two empty
        // callbackURLs are both omitted and are then not a repeated name.
        let sent = if options.mode == Mode::Build && api.omits_empty_callback_url() {
            signkit::daoke::canonical_params(Some(api), &params)
        } else {
            params
        };
        prop_assert_eq!(request, validate_generic(&sent));
    }

    #[test]
    fn a_daoke_sign_never_matters(
        api in prop::sample::select(Api::DAOKE.to_vec()),
        pairs in params(),
        signs in prop::collection::vec((0usize..13, value()), 1..3),
        options in options(),
    ) {
        let without: Vec<(String, String)> = pairs.into_iter().filter(|(n, _)| n != "sign").collect();
        let mut with = without.clone();
        for (position, sign) in signs {
            with.insert(position.min(with.len()), ("sign".to_owned(), sign));
        }
        let without = Params::from(without);
        let with = Params::from(with);
        let findings = validate(api, &with, &options);
        prop_assert!(!fields(&findings).contains(&"sign"));
        prop_assert_eq!(&findings, &validate(api, &without, &options));
        prop_assert_eq!(validate_generic(&with), validate_generic(&without));
    }

    #[test]
    fn a_value_and_its_canonical_form_give_the_same_findings(
        api in api(), pairs in params(), options in options()
    ) {
        let canonical: Params = pairs.iter().map(|(n, v)| (n.clone(), canonical_value(v).into_owned())).collect();
        let params = Params::from(pairs);
        prop_assert_eq!(validate(api, &params, &options), validate(api, &canonical, &options));
        prop_assert_eq!(validate_generic(&params), validate_generic(&canonical));
    }

    #[test]
    fn mode_only_matters_for_the_endpoints_that_omit_an_empty_callback(
        api in api(), pairs in params(), now in clock()
    ) {
        let params = Params::from(pairs);
        let build = validate(api, &params, &ValidateOptions { mode: Mode::Build, now });
        let raw = validate(api, &params, &ValidateOptions { mode: Mode::Raw, now });
        let empty_callback = params.iter().any(|(n, v)| n == "callbackURL" && canonical_value(v).is_empty());
        if !(api.omits_empty_callback_url() && empty_callback) {
            prop_assert_eq!(build, raw);
        }
    }

    #[test]
    fn the_clock_only_matters_for_the_ytx_timestamp(
        api in api(), pairs in params(), a in clock(), b in clock(), mode in mode()
    ) {
        let params = Params::from(pairs);
        let at_a = validate(api, &params, &ValidateOptions { mode, now: a });
        let at_b = validate(api, &params, &ValidateOptions { mode, now: b });
        let strip = |findings: Vec<Finding>| -> Vec<Finding> {
            findings.into_iter().filter(|f| f.rule != "timestamp.outsideWindow").collect()
        };
        prop_assert_eq!(strip(at_a), strip(at_b));
    }
}
