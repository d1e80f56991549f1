//! Properties of the server's body parsers (`signkit::server`) over arbitrary bytes: they
//! never panic, every field's value is its wire text decoded by the parser's own
//! `Parser::decode`, and the argument table is what the fields say (last value wins, or a
//! table of every value for `ngx.decode_args`).
#![cfg(feature = "server")]

use proptest::prelude::*;
use signkit::server::form::{decode_args, parse_url, Decoding};
use signkit::server::{ArgValue, Parsed, Parser};
use std::collections::BTreeMap;

/// Bodies made of the bytes the parsers care about, plus arbitrary bytes.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(
            prop::sample::select(vec![
                &b"a"[..],
                b"b",
                b"=",
                b"&",
                b"%",
                b"4",
                b"1",
                b"z",
                b"G",
                b"e6",
                b"+",
                b"\r",
                b"\n",
                b"%0D%0A",
                b"%41",
                b"\xE8\xBD\xA6",
            ]),
            0..40,
        )
        .prop_map(|pieces| pieces.concat()),
        prop::collection::vec(any::<u8>(), 0..64),
    ]
}

/// The table the fields imply: `parse_url` keeps the last value; `ngx.decode_args` turns a
/// repeated name into a table of its values in body order.
fn table_of(parsed: &Parsed) -> BTreeMap<Vec<u8>, ArgValue> {
    let mut table: BTreeMap<Vec<u8>, ArgValue> = BTreeMap::new();
    for field in &parsed.fields {
        let value = match (parsed.parser, table.remove(&field.name)) {
            (Parser::DecodeArgs, Some(ArgValue::Table(mut values))) => {
                values.push(field.value.clone());
                ArgValue::Table(values)
            }
            (Parser::DecodeArgs, Some(first)) => ArgValue::Table(vec![first, field.value.clone()]),
            _ => field.value.clone(),
        };
        table.insert(field.name.clone(), value);
    }
    table
}

fn check(parsed: &Parsed) -> Result<(), TestCaseError> {
    for field in &parsed.fields {
        let wire = field
            .wire
            .as_ref()
            .expect("form fields carry their wire text");
        let name = match parsed.parser {
            Parser::DecodeArgs => parsed.parser.decode(&wire.name, Decoding::SERVER),
            _ => wire.name.clone(),
        };
        prop_assert_eq!(&name, &field.name);
        let decoded = wire
            .value
            .as_ref()
            .map(|raw| ArgValue::Text(parsed.parser.decode(raw, Decoding::SERVER)));
        prop_assert_eq!(decoded.unwrap_or(ArgValue::True), field.value.clone());
    }
    let table: BTreeMap<Vec<u8>, ArgValue> = parsed
        .args
        .iter()
        .map(|(name, value)| (name.to_vec(), value.clone()))
        .collect();
    prop_assert_eq!(table, table_of(parsed));
    let kept: Vec<&[u8]> = parsed
        .kept_in_wire_order()
        .iter()
        .map(|(name, _)| *name)
        .collect();
    prop_assert_eq!(kept.len(), parsed.args.iter().count());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn parse_url_fields_and_table_agree(body in body()) {
        let parsed = parse_url(&body);
        prop_assert_eq!(parsed.parser, Parser::ParseUrl);
        check(&parsed)?;
    }

    #[test]
    fn decode_args_fields_and_table_agree(body in body()) {
        let parsed = decode_args(&body);
        prop_assert_eq!(parsed.parser, Parser::DecodeArgs);
        check(&parsed)?;
    }

    /// nginx's unescape never writes more bytes than it reads, and text without `%` or `+`
    /// comes out unchanged.
    #[test]
    fn ngx_unescape_shrinks_or_keeps(raw in prop::collection::vec(any::<u8>(), 0..64)) {
        let out = signkit::server::form::ngx_unescape(&raw, true);
        prop_assert!(out.len() <= raw.len());
        if !raw.contains(&b'%') && !raw.contains(&b'+') {
            prop_assert_eq!(out, raw);
        }
    }
}
