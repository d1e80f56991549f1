//! Property tests of the signer and encoders (proptest).

use proptest::prelude::*;
use serde::Serialize;
use signkit::daoke::{self, form_body, percent_encode, Boundary, DaokeOptions, SplitMix64};
use signkit::ytx::{build_invite_meeting, parties_json, InviteMeeting, Party, YtxEnvironment};
use signkit::{
    base64, build_daoke_request, Api, AuthToken, Encoding, FilePart, Params, PreparedRequest,
    Secret,
};
use std::collections::BTreeMap;

/// Parameter names the server's parsers recognise (spec §3.2).
fn valid_name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_]{1,12}"
}

/// Values with the characters that matter to the encoders: CR, LF, `&`, `=`, `+`, `%`,
/// spaces, `-`, quotes and non-ASCII, plus anything else.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z&=+% \r\n\"'-]{0,12}",
        "(\r\n|\r|\n|-|%[0-9A-Fa-f]{2}|微|😀|[ -~]){0,10}",
        any::<String>(),
    ]
}

/// Distinct valid names with values, in a random order.
fn distinct_params() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::btree_map(valid_name(), value(), 0..8)
        .prop_map(|map| map.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
}

fn any_file() -> impl Strategy<Value = FilePart> {
    (
        "[A-Za-z0-9_]{1,8}",
        "[^\"\r\n]{0,8}",
        "[A-Za-z0-9/-][ -~]{0,12}",
        any::<Vec<u8>>(),
    )
        .prop_map(|(name, filename, content_type, data)| FilePart {
            name,
            filename,
            content_type,
            data,
        })
}

/// The server's `utils.parse_url` (spec §5.1): successive matches of `name=value` (bytes
/// other than `=` and `&`), names as they are, values `+` → space, `%XX` → byte, then CRLF
/// → LF; the last repeated name wins.
fn parse_url(body: &[u8]) -> BTreeMap<Vec<u8>, Vec<u8>> {
    let is_text = |b: &u8| *b != b'=' && *b != b'&';
    let mut table = BTreeMap::new();
    let mut i = 0;
    while i < body.len() {
        let name_len = body[i..].iter().take_while(|b| is_text(b)).count();
        if name_len > 0 && body.get(i + name_len) == Some(&b'=') {
            let value_start = i + name_len + 1;
            let value_len = body[value_start..]
                .iter()
                .take_while(|b| is_text(b))
                .count();
            let value = percent_decode(&body[value_start..value_start + value_len]);
            table.insert(body[i..i + name_len].to_vec(), crlf_to_lf(&value));
            i = value_start + value_len;
        } else {
            i += 1;
        }
    }
    table
}

/// nginx's `ngx.decode_args` as spec §5.1 describes it (without the 100-piece limit): split
/// on `&`, split each piece at its first `=`, decode name and value, keep CRLF.
fn decode_args(body: &[u8]) -> BTreeMap<Vec<u8>, Vec<u8>> {
    body.split(|b| *b == b'&')
        .filter_map(|piece| {
            let eq = piece.iter().position(|b| *b == b'=')?;
            Some((
                percent_decode(&piece[..eq]),
                percent_decode(&piece[eq + 1..]),
            ))
        })
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

fn percent_decode(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (text[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

fn crlf_to_lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Start offsets of every (overlapping) occurrence of `needle`.
fn occurrences(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(at, _)| at)
        .collect()
}

/// The JSON body as serde_json writes it from a struct with the fields in spec order.
#[derive(Serialize)]
struct BodyModel<'a> {
    action: &'a str,
    appid: &'a str,
    confid: &'a str,
    parties: &'a str,
    #[serde(rename = "CustomParm", skip_serializing_if = "Option::is_none")]
    custom_parm: Option<&'a str>,
}

#[derive(Serialize)]
struct PartyModel<'a> {
    name: &'a str,
    phone: &'a str,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sign_does_not_depend_on_parameter_order(
        pairs in distinct_params(),
        secret in any::<String>(),
        seed in any::<u64>(),
    ) {
        let secret = Secret::new(secret);
        let mut shuffled = pairs.clone();
        // A deterministic permutation drawn from the seed (Fisher–Yates).
        let mut random = SplitMix64::new(seed);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, (random.next_u64() % (i as u64 + 1)) as usize);
        }
        let a = daoke::sign(&pairs.into_iter().collect(), &secret);
        let b = daoke::sign(&shuffled.into_iter().collect(), &secret);
        prop_assert_eq!(a.string_to_sign.reveal(), b.string_to_sign.reveal());
        prop_assert_eq!(a.sign, b.sign);
    }

    #[test]
    fn sign_is_40_upper_hex_and_keys_are_byte_sorted(
        pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..8),
        secret in any::<String>(),
    ) {
        let signed = daoke::sign(&pairs.iter().cloned().collect(), &Secret::new(secret.as_str()));
        let sign = signed.sign.as_str();
        prop_assert_eq!(sign.len(), 40);
        prop_assert!(sign.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)));
        let keys = signed.string_to_sign.sorted_keys();
        prop_assert!(keys.windows(2).all(|w| w[0].as_bytes() <= w[1].as_bytes()));
        prop_assert_eq!(keys.len(), signed.canonical.len() + 1);
        // The redacted text never shows the secret's value in the secret's place.
        let shown = signed.string_to_sign.to_string();
        prop_assert!(shown.contains("secret<secret>"));
        prop_assert_eq!(signed.string_to_sign.reveal().len() + "<secret>".len(), shown.len() + secret.len());
    }

    #[test]
    fn form_body_round_trips_through_both_server_decoders(
        pairs in distinct_params(),
        secret in "[ -~]{0,20}",
    ) {
        let signed = daoke::sign(&pairs.into_iter().collect(), &Secret::new(secret));
        let body = form_body(&signed.canonical, Some(&signed.sign));
        let mut expected: BTreeMap<Vec<u8>, Vec<u8>> = signed
            .canonical
            .iter()
            .map(|(name, value)| (name.as_bytes().to_vec(), value.as_bytes().to_vec()))
            .collect();
        expected.insert(b"sign".to_vec(), signed.sign.as_str().as_bytes().to_vec());
        prop_assert_eq!(parse_url(body.as_bytes()), expected.clone());
        prop_assert_eq!(decode_args(body.as_bytes()), expected);
        // Only unreserved characters, `%`, `=` and `&` appear in the body.
        prop_assert!(body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%=&".contains(&b)));
    }

    #[test]
    fn percent_encoding_decodes_back(value in any::<String>()) {
        prop_assert_eq!(percent_decode(percent_encode(&value).as_bytes()), value.as_bytes());
    }

    #[test]
    fn generated_boundary_never_occurs_inside_a_part(
        pairs in prop::collection::vec((any::<String>(), value()), 0..6),
        file in prop::option::of(any_file()),
        seed in any::<u64>(),
        inject in prop::option::of((any::<prop::sample::Index>(), 1usize..4)),
    ) {
        let mut params: Params = pairs.into_iter().collect();
        if let Some((_, count)) = inject {
            // Plant the first boundaries this seed draws, to force redraws.
            let mut random = SplitMix64::new(seed);
            let planted: Vec<String> = (0..count)
                .map(|_| Boundary::generate(&mut || random.next_u64()).as_str().to_owned())
                .collect();
            params.push("planted", planted.join("|"));
        }
        let files: Vec<FilePart> = file.into_iter().collect();
        let mut options = DaokeOptions::default();
        options.encoding = Some(Encoding::Multipart);
        options.files = files.clone();
        options.random_seed = seed;
        let built = build_daoke_request(Some(Api::InviteUserJoin), &params, &Secret::new("s"), &options)
            .expect("a generated boundary always fits");
        let content_type = built.request.content_type().unwrap_or_default().to_owned();
        let boundary = content_type.strip_prefix("multipart/form-data; boundary=").expect("multipart");
        prop_assert!(Boundary::new(boundary).is_ok());
        let body = &built.request.body;
        let parts = built.signed.canonical.len() + 1 + files.len();
        // The boundary occurs exactly once per delimiter: `--B` before each part and `--B--`.
        let found = occurrences(body, boundary.as_bytes());
        prop_assert_eq!(found.len(), parts + 1);
        let first_line = ["--", boundary, "\r\n"].concat();
        let closing = ["\r\n--", boundary, "--"].concat();
        prop_assert!(body.starts_with(first_line.as_bytes()));
        prop_assert!(body.ends_with(closing.as_bytes()));
        for at in found {
            prop_assert!(at == 2 || body[..at].ends_with(b"\r\n--"), "boundary at {} is not a delimiter", at);
        }
    }

    #[test]
    fn base64_round_trips(bytes in any::<Vec<u8>>()) {
        let text = base64::encode(&bytes);
        prop_assert_eq!(text.len() % 4, 0);
        prop_assert_eq!(base64::decode(&text), Some(bytes));
    }

    #[test]
    fn base64_accepts_only_canonical_text(text in "[A-Za-z0-9+/=]{0,12}|\\PC{0,12}") {
        // Whatever decodes re-encodes to the very same text; nothing panics.
        if let Some(bytes) = base64::decode(&text) {
            prop_assert_eq!(base64::encode(&bytes), text);
        }
    }

    #[test]
    fn ytx_json_is_exactly_serde_json(
        parties in prop::collection::vec((any::<String>(), any::<String>()), 0..4),
        appid in any::<String>(),
        confid in any::<String>(),
        custom_parm in prop::option::of(any::<String>()),
        action in prop::option::of(any::<String>()),
    ) {
        let invite = InviteMeeting {
            appid,
            confid,
            parties: parties.iter().map(|(name, phone)| Party::new(name.as_str(), phone.as_str())).collect(),
            custom_parm,
            action,
            ..InviteMeeting::default()
        };
        let models: Vec<PartyModel> =
            parties.iter().map(|(name, phone)| PartyModel { name, phone }).collect();
        let parties_text = serde_json::to_string(&models).unwrap();
        prop_assert_eq!(parties_json(&invite.parties), parties_text.clone());
        let built = build_invite_meeting(&invite, YtxEnvironment::Production);
        let body = BodyModel {
            action: invite.action.as_deref().unwrap_or("inviteJoinMeeting"),
            appid: &invite.appid,
            confid: &invite.confid,
            parties: &parties_text,
            custom_parm: invite.custom_parm.as_deref(),
        };
        prop_assert_eq!(built.request.body, serde_json::to_vec(&body).unwrap());
    }

    #[test]
    fn nothing_panics_on_arbitrary_input(
        api in prop::option::of(prop::sample::select(Api::ALL.to_vec())),
        pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..5),
        secret in any::<String>(),
        encoding in prop::option::of(prop_oneof![Just(Encoding::FormUrlencoded), Just(Encoding::Multipart)]),
        boundary in prop::option::of(any::<String>()),
        files in prop::collection::vec(
            (any::<String>(), any::<String>(), any::<String>(), any::<Vec<u8>>())
                .prop_map(|(name, filename, content_type, data)| FilePart { name, filename, content_type, data }),
            0..3,
        ),
        path in prop::option::of(any::<String>()),
        host in prop::option::of(any::<String>()),
        random_seed in any::<u64>(),
        base_url in any::<String>(),
    ) {
        let mut options = DaokeOptions::default();
        (options.encoding, options.boundary, options.files) = (encoding, boundary.clone(), files);
        (options.path, options.host, options.random_seed) = (path, host, random_seed);
        let params: Params = pairs.into_iter().collect();
        let _ = Boundary::new(boundary.unwrap_or_default());
        match build_daoke_request(api, &params, &Secret::new(secret), &options) {
            Ok(built) => {
                let request: &PreparedRequest = &built.request;
                prop_assert!(request.raw().ends_with(&request.body));
                let _ = (request.to_string(), request.to_curl(&base_url));
            }
            Err(error) => {
                prop_assert!(!error.message.en.is_empty() && !error.message.zh.is_empty());
                prop_assert!(!error.kind.code().is_empty());
            }
        }
    }

    #[test]
    fn ytx_builder_never_panics(
        account_sid in any::<String>(),
        auth_token in any::<String>(),
        version in any::<String>(),
        timestamp in any::<String>(),
        base_url in any::<String>(),
    ) {
        let invite = InviteMeeting {
            account_sid,
            auth_token: AuthToken::new(auth_token.as_str()),
            version,
            timestamp,
            ..InviteMeeting::default()
        };
        let built = build_invite_meeting(&invite, YtxEnvironment::Sandbox);
        prop_assert_eq!(built.signature.sign.len(), 32);
        let _ = (built.request.to_string(), built.request.to_curl(&base_url));
        // The token never shows in anything printed unless revealed.
        if auth_token.len() > 8 && !invite.account_sid.contains(&auth_token) && !invite.timestamp.contains(&auth_token) {
            let debug = format!("{:?}", built);
            prop_assert!(!debug.contains(&auth_token));
            prop_assert!(!built.signature.string_to_sign.to_string().contains(&auth_token));
        }
    }
}
