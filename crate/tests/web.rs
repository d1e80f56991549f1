//! The JS API in a real browser (headless Chromium, via wasm-bindgen-test): the exported
//! functions are called with JS values, exactly as a page calls them, on a handful of spec
//! vectors, error paths, validation cases and replies. (The Node tests in `tests/node/` run
//! every vector and every validation case through the generated package.)
//!
//! Run with `cargo test -p signkit --target wasm32-unknown-unknown --features wasm,doctor --test web`
//! (`CHROMEDRIVER` set; `./dev test` does it).
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use js_sys::{Array, Error, Object, Reflect, Uint8Array, JSON};
use signkit::wasm::{
    build_daoke_request, build_invite_meeting, daoke_sign, decode_reply, endpoints,
    is_signkit_error, validate, ytx_sign,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const VECTORS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/vectors.json"));
const CASES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/validation_cases.json"
));

/// `target[key]`.
fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap()
}

/// `target[key]` as a string.
fn text(target: &JsValue, key: &str) -> String {
    get(target, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

/// A JS object from `[key, value]` pairs.
fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object.into()
}

/// The entry of `file` (vectors or cases, parsed by `JSON.parse`) whose `id` is `id`.
fn entry(file: &str, list: &str, id: &str) -> JsValue {
    let parsed = JSON::parse(file).unwrap();
    Array::from(&get(&parsed, list))
        .iter()
        .find(|entry| text(entry, "id") == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

fn vector(id: &str) -> JsValue {
    entry(VECTORS, "vectors", id)
}

/// The bytes of a Uint8Array.
fn bytes(value: &JsValue) -> Vec<u8> {
    value
        .dyn_ref::<Uint8Array>()
        .expect("a Uint8Array")
        .to_vec()
}

/// The strings of a JS array.
fn strings(value: &JsValue) -> Vec<String> {
    Array::from(value)
        .iter()
        .map(|item| item.as_string().unwrap())
        .collect()
}

/// The options a daoke vector is built with: its encoding, boundary and file, the secret
/// shown, no validation (vectors stop at pipeline step 3), and a path for a generic vector.
fn vector_options(vector: &JsValue) -> JsValue {
    let inputs = get(vector, "inputs");
    let inputs = &inputs;
    let files = get(inputs, "files");
    let files = if files.is_undefined() {
        Array::new()
    } else {
        Array::from(&files)
    };
    let files: Array = files
        .iter()
        .map(|file| {
            let data = signkit::base64::decode(&text(&file, "data_base64")).unwrap();
            object(&[
                ("name", get(&file, "name")),
                ("filename", get(&file, "filename")),
                ("contentType", get(&file, "content_type")),
                ("data", Uint8Array::from(data.as_slice()).into()),
            ])
        })
        .collect();
    object(&[
        ("encoding", get(inputs, "encoding")),
        ("boundary", get(inputs, "boundary")),
        ("files", files.into()),
        ("revealSecret", JsValue::TRUE),
        ("validate", JsValue::FALSE),
        (
            "path",
            if get(vector, "api").is_null() {
                "/generic".into()
            } else {
                JsValue::UNDEFINED
            },
        ),
    ])
}

/// Builds daoke vector `id` with its endpoint and checks every output against it.
fn check_daoke_vector(id: &str) -> JsValue {
    let vector = vector(id);
    let inputs = get(&vector, "inputs");
    let built = build_daoke_request(
        get(&vector, "api"),
        get(&inputs, "params"),
        get(&inputs, "secret"),
        vector_options(&vector),
    )
    .unwrap();
    assert_eq!(text(&built, "sign"), text(&vector, "expected_sign"), "{id}");
    assert_eq!(
        text(&built, "stringToSign"),
        text(&vector, "string_to_sign"),
        "{id}"
    );
    assert_eq!(
        strings(&get(&built, "sortedKeys")),
        strings(&get(&vector, "sorted_keys")),
        "{id}"
    );
    assert_eq!(
        text(&built, "contentType"),
        text(&vector, "expected_content_type"),
        "{id}"
    );
    let body = bytes(&get(&built, "body"));
    assert_eq!(body, text(&vector, "expected_body").into_bytes(), "{id}");
    assert_eq!(
        JsValue::from(body.len()),
        get(&vector, "expected_content_length"),
        "{id}"
    );
    built
}

/// The error a call threw: a real `Error` named `SignkitError`; returns its `code`.
fn error_code(result: Result<JsValue, JsValue>) -> (String, JsValue) {
    let error = result.expect_err("the call should fail");
    assert!(is_signkit_error(&error));
    let js = error.dyn_ref::<Error>().expect("a real Error");
    assert_eq!(String::from(js.name()), "SignkitError");
    let messages = get(&error, "messages");
    assert_eq!(String::from(js.message()), text(&messages, "en"));
    assert!(!text(&messages, "zh").is_empty());
    (text(&error, "code"), get(&error, "field"))
}

#[wasm_bindgen_test]
fn d02_create_group_form() {
    let built = check_daoke_vector("D02");
    assert_eq!(text(&built, "method"), "POST");
    assert_eq!(text(&built, "path"), "/weiboapi/v2/createGroup");
    assert_eq!(
        Array::from(&get(&built, "findings")).length(),
        0,
        "D02 is valid"
    );
    // The generic signer agrees, with the secret redacted unless asked.
    let vector = vector("D02");
    let inputs = get(&vector, "inputs");
    let signed = daoke_sign(
        get(&inputs, "params"),
        get(&inputs, "secret"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(text(&signed, "sign"), text(&vector, "expected_sign"));
    assert!(text(&signed, "stringToSign").ends_with("secret<secret>"));
    assert!(!text(&built, "raw").contains(&text(&inputs, "secret")));
    assert!(!text(&built, "curl").contains(&text(&inputs, "secret")));
}

#[wasm_bindgen_test]
fn d13_multipart() {
    check_daoke_vector("D13");
}

#[wasm_bindgen_test]
fn d14_multipart_with_a_file() {
    let built = check_daoke_vector("D14");
    assert!(!text(&built, "stringToSign").contains("voiceFile"));
}

#[wasm_bindgen_test]
fn d17_byte_order() {
    let vector = vector("D17");
    let inputs = get(&vector, "inputs");
    let options = object(&[("revealSecret", JsValue::TRUE)]);
    let signed = daoke_sign(get(&inputs, "params"), get(&inputs, "secret"), options).unwrap();
    assert_eq!(text(&signed, "sign"), text(&vector, "expected_sign"));
    assert_eq!(
        text(&signed, "stringToSign"),
        text(&vector, "string_to_sign")
    );
    assert_eq!(
        strings(&get(&signed, "sortedKeys")),
        ["Zeta", "accessToken", "accountID", "appKey", "secret"]
    );
    check_daoke_vector("D17");
}

#[wasm_bindgen_test]
fn d35_endpoint_omission() {
    check_daoke_vector("D35");
    // The generic signer applies no omission: given the caller's params it signs the empty
    // callbackURL too; given the canonical params it agrees with the builder.
    let vector = vector("D35");
    let inputs = get(&vector, "inputs");
    let generic = daoke_sign(
        get(&inputs, "params"),
        get(&inputs, "secret"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_ne!(text(&generic, "sign"), text(&vector, "expected_sign"));
    let canonical = daoke_sign(
        get(&vector, "canonical_params"),
        get(&inputs, "secret"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(text(&canonical, "sign"), text(&vector, "expected_sign"));
}

/// Builds YTX vector `id` and checks every output against it.
fn check_ytx_vector(id: &str) {
    let vector = vector(id);
    let inputs = get(&vector, "inputs");
    let signed = ytx_sign(
        get(&inputs, "accountSID"),
        get(&inputs, "authToken"),
        get(&inputs, "timestamp"),
    )
    .unwrap();
    assert_eq!(text(&signed, "sign"), text(&vector, "expected_sign"));
    assert_eq!(
        text(&signed, "authorization"),
        text(&vector, "expected_authorization")
    );
    let input = object(&[
        ("accountSID", get(&inputs, "accountSID")),
        ("authToken", get(&inputs, "authToken")),
        ("appid", get(&inputs, "appid")),
        ("confid", get(&inputs, "confid")),
        ("parties", get(&inputs, "parties")),
        ("customParm", get(&inputs, "CustomParm")),
        ("version", get(&inputs, "version")),
        ("timestamp", get(&inputs, "timestamp")),
        ("clock", get(&inputs, "timestamp")),
    ]);
    let built = build_invite_meeting(input).unwrap();
    assert_eq!(text(&built, "path"), text(&vector, "expected_path"), "{id}");
    assert_eq!(text(&built, "body"), text(&vector, "expected_body"), "{id}");
    assert_eq!(text(&built, "sign"), text(&vector, "expected_sign"), "{id}");
    let expected_headers = get(&vector, "expected_headers");
    let headers: Vec<(String, String)> = Array::from(&get(&built, "headers"))
        .iter()
        .map(|pair| {
            let pair = Array::from(&pair);
            (
                pair.get(0).as_string().unwrap(),
                pair.get(1).as_string().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = Object::entries(expected_headers.unchecked_ref())
        .iter()
        .map(|pair| {
            let pair = Array::from(&pair);
            (
                pair.get(0).as_string().unwrap(),
                pair.get(1).as_string().unwrap(),
            )
        })
        .collect();
    assert_eq!(headers, expected, "{id}");
    assert_eq!(Array::from(&get(&built, "findings")).length(), 0, "{id}");
    assert!(!text(&built, "raw").contains(&text(&inputs, "authToken")));
}

#[wasm_bindgen_test]
fn y01_invite_meeting() {
    check_ytx_vector("Y01");
}

#[wasm_bindgen_test]
fn y04_json_escaping() {
    check_ytx_vector("Y04");
}

#[wasm_bindgen_test]
fn errors_are_structured() {
    let params = Array::new();
    let (code, field) = error_code(build_daoke_request(
        "createGroups".into(),
        params.clone().into(),
        "s".into(),
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        (code.as_str(), field.as_string().as_deref()),
        ("unknown-api", Some("api"))
    );

    let (code, field) = error_code(daoke_sign(
        JsValue::from_f64(1.0),
        "s".into(),
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        (code.as_str(), field.as_string().as_deref()),
        ("wrong-type", Some("params"))
    );

    let pair = Array::of2(&"appKey".into(), &JsValue::from_f64(1.0));
    let (code, field) = error_code(daoke_sign(
        Array::of1(&pair).into(),
        "s".into(),
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        (code.as_str(), field.as_string().as_deref()),
        ("wrong-type", Some("params[0][1]"))
    );

    let (code, _) = error_code(daoke_sign(
        params.clone().into(),
        JsValue::NULL,
        JsValue::UNDEFINED,
    ));
    assert_eq!(code, "wrong-type");

    let (code, field) = error_code(build_daoke_request(
        "inviteMeeting".into(),
        params.clone().into(),
        "s".into(),
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        (code.as_str(), field.as_string().as_deref()),
        ("not-daoke", Some("api"))
    );

    // Validation blocks the build and says why; `validate: false` builds anyway.
    let error = build_daoke_request(
        "createGroup".into(),
        params.clone().into(),
        "s".into(),
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    assert_eq!(text(&error, "code"), "validation-failed");
    assert!(Array::from(&get(&error, "findings")).length() > 0);
    let built = build_daoke_request(
        "createGroup".into(),
        params.into(),
        "s".into(),
        object(&[("validate", JsValue::FALSE)]),
    )
    .unwrap();
    assert!(Array::from(&get(&built, "findings")).length() > 0);

    let (code, _) = error_code(build_invite_meeting(JsValue::UNDEFINED));
    assert_eq!(code, "wrong-type");
    let (code, _) = error_code(decode_reply("nope".into(), "".into()));
    assert_eq!(code, "unknown-api");
}

/// Validates case `id` of validation_cases.json and compares the (field, severity,
/// serverCode) triples with the expected ones.
fn check_case(id: &str) {
    let case = entry(CASES, "cases", id);
    let options = object(&[("mode", get(&case, "mode")), ("clock", get(&case, "clock"))]);
    let findings = validate(get(&case, "api"), get(&case, "params"), options).unwrap();
    let triples = |list: &JsValue| -> Vec<(String, String, Option<String>)> {
        let mut triples: Vec<_> = Array::from(list)
            .iter()
            .map(|finding| {
                (
                    text(&finding, "field"),
                    text(&finding, "severity"),
                    get(&finding, "serverCode").as_string(),
                )
            })
            .collect();
        triples.sort();
        triples
    };
    let actual = triples(&findings);
    let expected = triples(&get(&case, "expected"));
    let pairs = |list: &[(String, String, Option<String>)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(f, s, _)| (f.clone(), s.clone()))
            .collect()
    };
    assert_eq!(pairs(&actual), pairs(&expected), "{id}");
    for ((_, _, actual), (field, _, expected)) in actual.iter().zip(&expected) {
        if expected.is_some() {
            assert_eq!(actual, expected, "{id} {field}");
        }
    }
}

#[wasm_bindgen_test]
fn validation_cases() {
    let parsed = JSON::parse(CASES).unwrap();
    let cases = Array::from(&get(&parsed, "cases"));
    // The first valid case, the first with an ERROR, and the first YTX case.
    let first = |predicate: &dyn Fn(&JsValue) -> bool| {
        let case = cases.iter().find(|case| predicate(case)).unwrap();
        text(&case, "id")
    };
    let has_error = |case: &JsValue| {
        Array::from(&get(case, "expected"))
            .iter()
            .any(|finding| text(&finding, "severity") == "error")
    };
    check_case(&first(&|case| {
        Array::from(&get(case, "expected")).length() == 0
    }));
    check_case(&first(&has_error));
    check_case(&first(&|case| text(case, "api") == "inviteMeeting"));
}

#[wasm_bindgen_test]
fn replies() {
    let reply = decode_reply(
        "createGroup".into(),
        "{\"ERRORCODE\":\"0\", \"RESULT\":{\"groupID\":\"pnlmBtmoFR3IFt7y\"}}\n".into(),
    )
    .unwrap();
    assert_eq!(get(&reply, "ok"), JsValue::TRUE);
    let outcome = get(&reply, "outcome");
    assert_eq!(text(&outcome, "kind"), "groupCreated");
    assert_eq!(text(&outcome, "groupId"), "pnlmBtmoFR3IFt7y");

    let reply = decode_reply(
        "createGroup".into(),
        "{\"ERRORCODE\":\"ME01019\", \"RESULT\":\"sign is not match!\"}\n".into(),
    )
    .unwrap();
    assert_eq!(get(&reply, "ok"), JsValue::FALSE);
    assert_eq!(text(&reply, "code"), "ME01019");
    assert!(!text(&get(&reply, "remedy"), "en").is_empty());
    assert!(!text(&get(&reply, "meaning"), "zh").is_empty());

    let reply = decode_reply(
        "inviteMeeting".into(),
        "{\"statusCode\":\"0\",\"statusMsg\":\"提交成功\",\"requestId\":\"2016010000000205\"}"
            .into(),
    )
    .unwrap();
    assert_eq!(get(&reply, "ok"), JsValue::TRUE);
    assert_eq!(
        text(&get(&reply, "outcome"), "requestId"),
        "2016010000000205"
    );
}

#[wasm_bindgen_test]
fn endpoint_descriptions() {
    let names: Vec<String> = Array::from(&endpoints().unwrap())
        .iter()
        .map(|endpoint| text(&endpoint, "api"))
        .collect();
    assert_eq!(
        names,
        [
            "createGroup",
            "verifyApplyJoiningMember",
            "applyMicroChannel",
            "inviteUserJoin",
            "inviteMeeting"
        ]
    );
}

/// Every case of `spec/doctor_cases.json` through `diagnose` (spec/doctor.md D7), checked as
/// D7 says; all failures are listed with their case ids.
#[cfg(feature = "doctor")]
#[wasm_bindgen_test]
fn doctor_cases() {
    use signkit::wasm::diagnose;
    const DOCTOR: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/doctor_cases.json"
    ));
    let parsed = JSON::parse(DOCTOR).unwrap();
    let cases = Array::from(&get(&parsed, "cases"));
    assert_eq!(
        cases.length() as f64,
        get(&parsed, "count").as_f64().unwrap()
    );
    let strings = |list: &JsValue| -> Vec<String> {
        Array::from(list)
            .iter()
            .map(|v| v.as_string().unwrap())
            .collect()
    };
    let mut failures = Vec::new();
    for case in cases.iter() {
        let id = text(&case, "id");
        let expect = get(&case, "expect");
        let diagnosis = match diagnose(get(&case, "capture"), get(&case, "options")) {
            Ok(diagnosis) => diagnosis,
            Err(error) => {
                failures.push(format!("{id}: threw {error:?}"));
                continue;
            }
        };
        if text(&diagnosis, "verdict") != text(&expect, "verdict") {
            failures.push(format!("{id}: verdict {}", text(&diagnosis, "verdict")));
        }
        let mistakes = Array::from(&get(&diagnosis, "mistakes"));
        let ids = |confirmed: bool| -> Vec<String> {
            let mut ids: Vec<String> = mistakes
                .iter()
                .filter(|m| get(m, "confirmed").as_bool() == Some(confirmed))
                .map(|m| text(&m, "id"))
                .collect();
            ids.sort();
            ids
        };
        let mut want = strings(&get(&expect, "confirmed"));
        want.sort();
        if ids(true) != want {
            failures.push(format!("{id}: confirmed {:?}", ids(true)));
        }
        let suspected = ids(false);
        for suspect in strings(&get(&expect, "suspected")) {
            if !suspected.contains(&suspect) {
                failures.push(format!("{id}: suspect {suspect} missing"));
            }
        }
        let sees = get(&expect, "serverSees");
        if !sees.is_undefined() {
            let want: Vec<(String, String)> = Array::from(&sees)
                .iter()
                .map(|pair| {
                    let pair = Array::from(&pair);
                    (
                        pair.get(0).as_string().unwrap(),
                        pair.get(1).as_string().unwrap(),
                    )
                })
                .collect();
            let got: Vec<(String, String)> = Array::from(&get(&diagnosis, "serverSees"))
                .iter()
                .filter(|seen| text(seen, "kind") == "text")
                .map(|seen| (text(&seen, "name"), text(&seen, "value")))
                .collect();
            if got != want {
                failures.push(format!("{id}: serverSees {got:?}"));
            }
        }
        let difference = get(&expect, "firstDifference");
        if !difference.is_undefined() {
            let got = get(&get(&diagnosis, "firstDifference"), "offset").as_f64();
            if got != get(&difference, "offset").as_f64() {
                failures.push(format!("{id}: firstDifference {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
