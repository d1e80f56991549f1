//! What is generated in the signer-only package's JS half, and the tests that keep it
//! current: the tables of `npm/signer/signkit.js` (the input errors' codes and messages,
//! the phrases and names they use, the limits — from [`messages`](crate::wasm::messages)
//! and [`Api`](crate::Api)), between its `generated` markers, and the whole of
//! `npm/signer/signkit.d.ts` (from the declaration files in `crate/src/wasm/types/`, which
//! the full package's `.d.ts` is made of too); and the result reader that signkit.js shares
//! with the full package's `crate/src/wasm/glue.js`, copied between its `shared` markers.
//!
//! Both are committed, so that the package reads as plain JS; the tests fail when one
//! differs from what the Rust sources give. `SIGNKIT_BLESS=1 cargo test -p signkit
//! --all-features wasm::signer::tables` writes them again.

use std::path::PathBuf;
use std::string::String;

use crate::api::Api;
use crate::text::{push_quoted, Bilingual};
use crate::wasm::messages::{
    actual, expected, BODY_KEYS, FILE_KEYS, INPUT_TOO_LARGE, INPUT_TOO_LARGE_MESSAGE,
    INVALID_SEED_MESSAGE, INVALID_STRING, INVALID_STRING_MESSAGE, INVALID_VALUE, LONG_TEXT,
    MAX_INPUT_UNITS, MAX_SHOWN, MULTIPART_OPTIONS, OR_NULL, PARTY_KEYS, SIGN_OPTIONS, TEMPLATES,
    UNKNOWN_API, UNKNOWN_API_MESSAGE, UNKNOWN_KEY, UNKNOWN_KEY_MESSAGE, WRONG_TYPE,
    WRONG_TYPE_MESSAGE,
};

/// What heads the generated declarations.
const GENERATED: &str = "Generated from crate/src/wasm/types/*.d.ts by the \
`wasm::signer::tables` test; do not edit.";

/// Where the tables start in `npm/signer/signkit.js`.
const TABLES_START: &str = "// --- generated from crate/src/wasm/messages.rs and crate/src/api.rs \
by the `wasm::signer::tables` test; do not edit ---\n";

/// Where they end.
const TABLES_END: &str = "// --- end of the generated tables ---\n";

/// Where the result reader starts that `crate/src/wasm/glue.js` (the full package) and
/// `npm/signer/signkit.js` share: written in glue.js, copied into signkit.js.
const SHARED_START: &str = "// --- the result reader, shared by crate/src/wasm/glue.js and \
npm/signer/signkit.js: edit it in glue.js (the `wasm::signer::tables` test copies it) ---\n";

/// Where it ends.
const SHARED_END: &str = "// --- end of the shared result reader ---\n";

/// The tables of `npm/signer/signkit.js`, markers included.
fn tables_js() -> String {
    let mut out = String::from(TABLES_START);
    out.push('\n');
    constant(&mut out, "The most input one call reads: UTF-16 units of text, bytes of files, one per string and element.", "MAX_INPUT_UNITS", &MAX_INPUT_UNITS.to_string());
    constant(
        &mut out,
        "The longest text a message repeats; a longer one is described by LONG_TEXT.",
        "MAX_SHOWN",
        &MAX_SHOWN.to_string(),
    );
    let names: Vec<&str> = Api::ALL.map(Api::name).to_vec();
    constant(
        &mut out,
        "The endpoints, numbered from 1 in this order for the wasm module.",
        "API_NAMES",
        &list(&names),
    );
    let keys = [
        ("sign", SIGN_OPTIONS),
        ("multipart", MULTIPART_OPTIONS),
        ("file", FILE_KEYS),
        ("body", BODY_KEYS),
        ("party", PARTY_KEYS),
    ];
    let keys: Vec<String> = keys
        .iter()
        .map(|(name, known)| format!("{name}: {}", list(known)))
        .collect();
    constant(
        &mut out,
        "The keys each options or input object may have.",
        "KEYS",
        &object(&keys),
    );
    let errors = [
        ("wrongType", WRONG_TYPE, WRONG_TYPE_MESSAGE),
        ("invalidString", INVALID_STRING, INVALID_STRING_MESSAGE),
        ("inputTooLarge", INPUT_TOO_LARGE, INPUT_TOO_LARGE_MESSAGE),
        ("unknownKey", UNKNOWN_KEY, UNKNOWN_KEY_MESSAGE),
        ("unknownApi", UNKNOWN_API, UNKNOWN_API_MESSAGE),
        ("invalidSeed", INVALID_VALUE, INVALID_SEED_MESSAGE),
    ];
    let errors: Vec<String> = errors
        .iter()
        .map(|(name, code, message)| {
            format!(
                "{name}: {{\n    code: {},\n    en: {},\n    zh: {},\n  }}",
                quoted(code),
                quoted(&message.en),
                quoted(&message.zh)
            )
        })
        .collect();
    constant(
        &mut out,
        "The input errors: code and message, `{0}`, `{1}`, … filled per language.",
        "ERRORS",
        &object(&errors),
    );
    let expected = [
        ("string", expected::STRING),
        ("uint8array", expected::UINT8ARRAY),
        ("boolean", expected::BOOLEAN),
        ("plainObject", expected::PLAIN_OBJECT),
        ("array", expected::ARRAY),
        ("params", expected::PARAMS),
        ("pair", expected::PAIR),
        ("apiOrNull", expected::API_OR_NULL),
        ("seed", expected::SEED),
    ];
    constant(
        &mut out,
        "What a value must be.",
        "EXPECTED",
        &phrases(&expected),
    );
    let actual = [
        ("undefined", actual::UNDEFINED),
        ("null", actual::NULL),
        ("string", actual::STRING),
        ("number", actual::NUMBER),
        ("boolean", actual::BOOLEAN),
        ("bigint", actual::BIGINT),
        ("symbol", actual::SYMBOL),
        ("function", actual::FUNCTION),
        ("array", actual::ARRAY),
        ("uint8array", actual::UINT8ARRAY),
        ("object", actual::OBJECT),
    ];
    constant(
        &mut out,
        "What a value is, by JS type.",
        "ACTUAL",
        &phrases(&actual),
    );
    constant(
        &mut out,
        "The end of the unknown-endpoint message of the daoke functions, which take null too.",
        "OR_NULL",
        &phrase(&OR_NULL),
    );
    constant(
        &mut out,
        "A text too long to repeat in a message: `{0}` its length in characters.",
        "LONG_TEXT",
        &phrase(&LONG_TEXT),
    );
    out.push_str(TABLES_END);
    out
}

/// `npm/signer/signkit.d.ts`.
fn declarations() -> String {
    let mut out = String::new();
    out.push_str("// ");
    out.push_str(GENERATED);
    out.push('\n');
    for part in [
        include_str!("../types/signer-only.d.ts"),
        include_str!("../types/common.d.ts"),
        include_str!("../types/functions.d.ts"),
        include_str!("../types/signer-loader.d.ts"),
    ] {
        out.push('\n');
        out.push_str(part);
    }
    out
}

/// `/** doc */ const NAME = value;` and a blank line.
fn constant(out: &mut String, doc: &str, name: &str, value: &str) {
    out.push_str("/** ");
    out.push_str(doc);
    out.push_str(" */\nconst ");
    out.push_str(name);
    out.push_str(" = ");
    out.push_str(value);
    out.push_str(";\n\n");
}

/// `text` as a JS string literal (JSON's, which JS reads the same).
fn quoted(text: &str) -> String {
    let mut out = String::new();
    push_quoted(&mut out, text);
    out
}

/// `["a", "b"]`.
fn list(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|item| quoted(item)).collect();
    format!("[{}]", items.join(", "))
}

/// `{ en: "…", zh: "…" }`.
fn phrase(text: &Bilingual) -> String {
    format!("{{ en: {}, zh: {} }}", quoted(&text.en), quoted(&text.zh))
}

/// `{ name: { en, zh }, … }`.
fn phrases(items: &[(&str, Bilingual)]) -> String {
    let members: Vec<String> = items
        .iter()
        .map(|(name, text)| format!("{name}: {}", phrase(text)))
        .collect();
    object(&members)
}

/// An object literal of `members` (`name: value` each), one per line.
fn object(members: &[String]) -> String {
    let mut out = String::from("{\n");
    for member in members {
        out.push_str("  ");
        out.push_str(member);
        out.push_str(",\n");
    }
    out.push('}');
    out
}

/// The repository file `file`.
fn path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(file)
}

/// The message of a stale file.
const STALE: &str = "is not what the Rust sources give: run \
SIGNKIT_BLESS=1 cargo test -p signkit --all-features wasm::signer::tables";

/// Whether to write the generated text instead of checking it.
fn bless() -> bool {
    std::env::var_os("SIGNKIT_BLESS").is_some()
}

/// Checks that `file` (relative to the repository) is `expected`, or writes it.
fn check(file: &str, expected: &str) {
    if bless() {
        std::fs::write(path(file), expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(path(file)).unwrap_or_default();
    assert!(actual == expected, "{file} {STALE}");
}

/// The byte range of `text` from the line `start` to the line `end`, both included.
fn region(text: &str, start: &str, end: &str) -> std::ops::Range<usize> {
    let from = text.find(start).expect("the start marker");
    let to = text[from..].find(end).expect("the end marker") + from + end.len();
    from..to
}

/// Checks that `file` holds `expected` from the line `start` to the line `end`, or writes
/// it there.
fn check_region(file: &str, (start_marker, end_marker): (&str, &str), expected: &str) {
    let text = std::fs::read_to_string(path(file)).unwrap();
    let std::ops::Range { start, end } = region(&text, start_marker, end_marker);
    if bless() {
        let written = [&text[..start], expected, &text[end..]].concat();
        std::fs::write(path(file), written).unwrap();
        return;
    }
    assert!(
        &text[start..end] == expected,
        "a generated region of {file} {STALE}"
    );
}

#[test]
fn tables_js_is_generated_from_the_messages() {
    check_region(
        "npm/signer/signkit.js",
        (TABLES_START, TABLES_END),
        &tables_js(),
    );
}

#[test]
fn the_result_reader_is_the_full_packages() {
    let glue = std::fs::read_to_string(path("crate/src/wasm/glue.js")).unwrap();
    let shared = &glue[region(&glue, SHARED_START, SHARED_END)];
    check_region("npm/signer/signkit.js", (SHARED_START, SHARED_END), shared);
}

#[test]
fn the_declarations_are_generated_from_the_types() {
    check("npm/signer/signkit.d.ts", &declarations());
}

#[test]
fn the_tables_carry_every_message_whole() {
    let tables = tables_js();
    for message in TEMPLATES
        .into_iter()
        .chain([OR_NULL, expected::PARAMS, actual::UNDEFINED])
    {
        assert!(tables.contains(&quoted(&message.en)), "{message}");
        assert!(tables.contains(&quoted(&message.zh)), "{message}");
    }
    assert!(tables.contains("\nconst MAX_INPUT_UNITS = 1048576;"));
}
