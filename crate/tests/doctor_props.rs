//! Property tests of the sign doctor (proptest): a request signkit builds is diagnosed
//! `match` with the builder's sign, each D4 mistake applied to a random request is named
//! (confirmed), and the capture reader never panics and always ends.
#![cfg(feature = "doctor")]

use proptest::prelude::*;
use signkit::daoke::{percent_encode, DaokeOptions};
use signkit::doctor::{diagnose, hmac::hmac_sha1, DoctorOptions, MistakeId, Verdict};
use signkit::{build_daoke_request, Api, Encoding, FilePart, Params, Secret};

const SECRET: &str = "prop-SECRET-0123";

/// Parameter names as the API files allow them (never `sign` or `secret`).
fn name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_]{1,10}".prop_filter("not sign or secret", |n| n != "sign" && n != "secret")
}

/// Values with what matters: spaces, `+`, `%`, `&`, `=`, CR/LF, `-`, quotes, non-ASCII.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9]{0,10}",
        "(\r\n|\n|-|%|\\+|&|=| |'|\"|微|声|😀|[ -~]){0,10}",
        any::<String>().prop_filter("no NUL", |s| !s.contains('\0')),
    ]
}

/// A random endpoint, distinct parameters in random order, an encoding it accepts and,
/// for multipart, maybe a file part.
#[derive(Clone, Debug)]
struct Request {
    api: Api,
    params: Vec<(String, String)>,
    encoding: Encoding,
    file: Option<FilePart>,
}

fn request() -> impl Strategy<Value = Request> {
    let params = prop::collection::btree_map(name(), value(), 1..7)
        .prop_map(|m| m.into_iter().collect::<Vec<_>>())
        .prop_shuffle();
    (
        prop::sample::select(Api::DAOKE.to_vec()),
        params,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(api, params, multipart, with_file)| {
            let encoding = if multipart && api.accepts_multipart() {
                Encoding::Multipart
            } else {
                Encoding::FormUrlencoded
            };
            let file = (encoding == Encoding::Multipart && with_file).then(|| FilePart {
                name: "voiceFile".into(),
                filename: "invite.amr".into(),
                content_type: "audio/amr".into(),
                data: b"#!AMR\n".to_vec(),
            });
            Request {
                api,
                params,
                encoding,
                file,
            }
        })
}

struct Built {
    /// The raw request as text, without `Content-Length`.
    raw_head: String,
    body: String,
    sign: String,
    /// The pairs as signed (canonical, in caller order, without the secret).
    signed: Vec<(String, String)>,
    curl: String,
}

fn build(request: &Request) -> Built {
    let params: Params = request.params.iter().cloned().collect();
    let mut options = DaokeOptions::default();
    options.encoding = Some(request.encoding);
    options.files = request.file.iter().cloned().collect();
    options.random_seed = 7;
    let built = build_daoke_request(Some(request.api), &params, &Secret::new(SECRET), &options)
        .expect("the builder accepts valid names");
    let prepared = &built.request;
    let mut raw_head = format!(
        "{} {} HTTP/1.1\r\nHost: {}\r\n",
        prepared.method, prepared.path, prepared.host
    );
    for (name, value) in &prepared.headers {
        raw_head.push_str(&format!("{name}: {value}\r\n"));
    }
    raw_head.push_str("\r\n");
    Built {
        raw_head,
        body: String::from_utf8(prepared.body.clone()).expect("text values and file"),
        sign: built.signed.sign.as_str().to_owned(),
        signed: built.signed.string_to_sign.canonical().to_vec(),
        curl: prepared.to_curl("http://api.daoke.io"),
    }
}

fn options() -> DoctorOptions {
    DoctorOptions {
        secret: Some(Secret::new(SECRET)),
        ..DoctorOptions::default()
    }
}

fn sha1_hex(bytes: &[u8]) -> String {
    sha1_smol::Sha1::from(bytes)
        .digest()
        .to_string()
        .to_ascii_uppercase()
}

fn cat<'a>(pairs: impl IntoIterator<Item = &'a (String, String)>) -> String {
    pairs.into_iter().map(|(k, v)| format!("{k}{v}")).collect()
}

fn byte_sorted(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let mut list = pairs.to_vec();
    list.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    list
}

fn with_secret(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let mut list = pairs.to_vec();
    list.push(("secret".into(), SECRET.into()));
    list
}

/// The correct string to sign, computed here from its definition (spec §4.1).
fn correct(pairs: &[(String, String)]) -> String {
    cat(&byte_sorted(&with_secret(pairs)))
}

/// The wrong string (or wrong sign) each mistake makes, computed as the caller's code
/// would; `None` where the mistake does not apply to this request.
fn wrong_sign(id: MistakeId, request: &Request, built: &Built) -> Option<String> {
    let s = &built.signed;
    let sorted = cat(&byte_sorted(s));
    let good = correct(s);
    let string = match id {
        MistakeId::SecretMissing => sorted,
        MistakeId::SecretAppended => format!("{sorted}secret{SECRET}"),
        MistakeId::SecretBare => format!("{sorted}{SECRET}"),
        MistakeId::SecretPrefixed => format!("{SECRET}{sorted}"),
        MistakeId::Unsorted => format!("{}secret{SECRET}", cat(s)),
        MistakeId::CaseInsensitiveOrder => {
            let mut list = with_secret(s);
            list.sort_by_key(|(k, _)| k.to_ascii_lowercase());
            cat(&list)
        }
        MistakeId::QueryStringFormat => byte_sorted(&with_secret(s))
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&"),
        MistakeId::EncodedValues if request.encoding == Encoding::FormUrlencoded => {
            let wire: Vec<_> = s
                .iter()
                .map(|(k, v)| (k.clone(), percent_encode(v)))
                .collect();
            correct(&wire)
        }
        MistakeId::SignIncluded => {
            let mut list = s.clone();
            list.push(("sign".into(), String::new()));
            correct(&list)
        }
        MistakeId::EmptyOmitted => {
            let list: Vec<_> = s.iter().filter(|(_, v)| !v.is_empty()).cloned().collect();
            correct(&list)
        }
        MistakeId::Trimmed => {
            let trim: &[char] = &[' ', '\t', '\r', '\n'];
            let list: Vec<_> = s
                .iter()
                .map(|(k, v)| (k.clone(), v.trim_matches(trim).to_owned()))
                .collect();
            correct(&list)
        }
        MistakeId::FilePartSigned => {
            let file = request.file.as_ref()?;
            let mut list = s.clone();
            list.push((file.name.clone(), file.filename.clone()));
            correct(&list)
        }
        MistakeId::GbkBytes => {
            let (bytes, _, _) = encoding_rs::GBK.encode(&good);
            if good.is_ascii() {
                return None;
            }
            let sign = sha1_hex(&bytes);
            return (bytes.as_ref() != good.as_bytes()).then_some(sign);
        }
        MistakeId::LowercaseHex => {
            let lower = built.sign.to_ascii_lowercase();
            return (lower != built.sign).then_some(lower);
        }
        MistakeId::Md5Instead => return Some(format!("{:x}", md5::compute(good.as_bytes()))),
        MistakeId::HmacInstead => {
            let mac = hmac_sha1(SECRET.as_bytes(), sorted.as_bytes());
            return Some(mac.iter().map(|b| format!("{b:02x}")).collect());
        }
        _ => return None,
    };
    (string != good).then(|| sha1_hex(string.as_bytes()))
}

/// The mistakes applied to a built request by replacing its sign.
const SIGN_MISTAKES: &[MistakeId] = &[
    MistakeId::SecretMissing,
    MistakeId::SecretAppended,
    MistakeId::SecretBare,
    MistakeId::SecretPrefixed,
    MistakeId::Unsorted,
    MistakeId::CaseInsensitiveOrder,
    MistakeId::QueryStringFormat,
    MistakeId::EncodedValues,
    MistakeId::SignIncluded,
    MistakeId::EmptyOmitted,
    MistakeId::Trimmed,
    MistakeId::FilePartSigned,
    MistakeId::GbkBytes,
    MistakeId::LowercaseHex,
    MistakeId::Md5Instead,
    MistakeId::HmacInstead,
];

fn confirmed(diagnosis: &signkit::doctor::Diagnosis) -> Vec<MistakeId> {
    diagnosis
        .mistakes
        .iter()
        .filter(|m| m.confirmed)
        .map(|m| m.id)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The builder's requests, as raw HTTP and as its curl command, are a `match` with
    /// the builder's sign and string to sign.
    #[test]
    fn built_requests_match(request in request()) {
        let built = build(&request);
        let raw = format!("{}{}", built.raw_head, built.body);
        let mut revealed = options();
        revealed.reveal_secret = true;
        for capture in [raw.as_str(), built.curl.as_str()] {
            let diagnosis = diagnose(capture, &revealed);
            prop_assert_eq!(diagnosis.verdict, Verdict::Match, "{}\n{:#?}", capture, diagnosis);
            prop_assert_eq!(diagnosis.expected_sign.as_deref(), Some(built.sign.as_str()));
            prop_assert_eq!(diagnosis.string_to_sign.clone(), Some(correct(&built.signed)));
            prop_assert!(confirmed(&diagnosis).is_empty());
        }
    }

    /// Each mistake's wrong sign, put in a random request, is named and confirmed.
    #[test]
    fn each_mistake_is_confirmed(request in request(), pick in 0..SIGN_MISTAKES.len()) {
        let id = SIGN_MISTAKES[pick];
        let built = build(&request);
        let wrong = wrong_sign(id, &request, &built);
        prop_assume!(wrong.as_ref().is_some_and(|w| *w != built.sign));
        let wrong = wrong.unwrap_or_default();
        let body = built.body.replace(&built.sign, &wrong);
        let diagnosis = diagnose(&format!("{}{}", built.raw_head, body), &options());
        prop_assert_eq!(diagnosis.verdict, Verdict::Mismatch);
        prop_assert!(confirmed(&diagnosis).contains(&id), "{:?} not in {:#?}", id, diagnosis);
    }

    /// Values sent with a raw `+`, percent-encoded twice, or with a query string the caller
    /// also signed: the mistakes that change the wire rather than the sign.
    #[test]
    fn wire_mistakes_are_confirmed(
        params in prop::collection::btree_map(name(), "[a-z+ %]{0,6}", 1..6),
        query in prop::collection::btree_map("[a-z]{1,5}", "[a-z]{1,5}", 1..3),
    ) {
        let pairs: Vec<(String, String)> = params.into_iter().collect();
        let path = Api::CreateGroup.path();
        let send = |body: String, target: &str, sign: String| {
            format!("POST {target} HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n{body}&sign={sign}")
        };
        let join = |encode: &dyn Fn(&str) -> String| {
            pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect::<Vec<_>>().join("&")
        };
        // plus-kept: `+` signed as `+`, sent raw (the rest encoded).
        if pairs.iter().any(|(_, v)| v.contains('+')) {
            let body = join(&|v| percent_encode(v).replace("%2B", "+"));
            let capture = send(body, path, sha1_hex(correct(&pairs).as_bytes()));
            let diagnosis = diagnose(&capture, &options());
            prop_assert!(confirmed(&diagnosis).contains(&MistakeId::PlusKept), "{:#?}", diagnosis);
        }
        // double-encoded: the caller encodes twice, signs the raw value.
        if pairs.iter().any(|(_, v)| v.contains([' ', '+', '%'])) {
            let body = join(&|v| percent_encode(&percent_encode(v)));
            let capture = send(body, path, sha1_hex(correct(&pairs).as_bytes()));
            let diagnosis = diagnose(&capture, &options());
            prop_assert!(confirmed(&diagnosis).contains(&MistakeId::DoubleEncoded), "{:#?}", diagnosis);
        }
        // query-params-signed: the query's pairs are signed with the body's.
        let query_pairs: Vec<(String, String)> = query
            .into_iter()
            .filter(|(k, _)| !pairs.iter().any(|(n, _)| n == k))
            .collect();
        prop_assume!(!query_pairs.is_empty());
        let mut all = pairs.clone();
        all.extend(query_pairs.iter().cloned());
        let target = format!(
            "{path}?{}",
            query_pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
        );
        let capture = send(join(&|v| percent_encode(v)), &target, sha1_hex(correct(&all).as_bytes()));
        let diagnosis = diagnose(&capture, &options());
        prop_assert!(confirmed(&diagnosis).contains(&MistakeId::QueryParamsSigned), "{:#?}", diagnosis);
    }

    /// A repeated name: the caller signed the first value, the server keeps the last.
    #[test]
    fn first_duplicate_is_confirmed(
        pairs in prop::collection::btree_map(name(), "[a-z0-9]{0,6}", 1..5),
        first in "[a-z0-9]{1,6}",
    ) {
        let pairs: Vec<(String, String)> = pairs.into_iter().collect();
        let (dup_name, last) = pairs[0].clone();
        prop_assume!(first != last);
        let mut signed = pairs.clone();
        signed[0].1 = first.clone();
        let body = format!(
            "{dup_name}={first}&{}&sign={}",
            pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"),
            sha1_hex(correct(&signed).as_bytes())
        );
        let options = DoctorOptions { api: Some(Api::InviteUserJoin), ..options() };
        let diagnosis = diagnose(&body, &options);
        prop_assert!(confirmed(&diagnosis).contains(&MistakeId::FirstDuplicate), "{:#?}", diagnosis);
    }

    /// A CRLF the caller signed, which parse_url turns into LF.
    #[test]
    fn crlf_kept_is_confirmed(head in "[a-z]{0,5}", tail in "[a-z]{0,5}") {
        let value = format!("{head}\r\n{tail}");
        let pairs = vec![("appKey".to_owned(), "1".to_owned()), ("memo".to_owned(), value.clone())];
        let body = format!("appKey=1&memo={}&sign={}", percent_encode(&value), sha1_hex(correct(&pairs).as_bytes()));
        let options = DoctorOptions { api: Some(Api::CreateGroup), ..options() };
        let diagnosis = diagnose(&body, &options);
        prop_assert!(confirmed(&diagnosis).contains(&MistakeId::CrlfKept), "{:#?}", diagnosis);
    }

    /// The reader and the doctor end without a panic on any text, in any of the three forms.
    #[test]
    fn any_capture_is_diagnosed(
        text in any::<String>(),
        bytes in any::<Vec<u8>>(),
        form in 0..4usize,
        api in prop::option::of(prop::sample::select(Api::ALL.to_vec())),
    ) {
        let lossy = String::from_utf8_lossy(&bytes);
        let capture = match form {
            0 => format!("curl {text} {lossy}"),
            1 => format!("POST /clientcustom/v2/inviteUserJoin HTTP/1.1\r\n{text}\r\n\r\n{lossy}"),
            2 => format!("--{text}\r\n{lossy}"),
            _ => format!("{text}{lossy}"),
        };
        let options = DoctorOptions {
            api,
            secret: Some(Secret::new(SECRET)),
            auth_token: Some(signkit::AuthToken::new(SECRET)),
            now: Some(1_765_000_000),
            my_string_to_sign: Some(text.clone()),
            ..DoctorOptions::default()
        };
        let diagnosis = diagnose(&capture, &options);
        let shown = format!("{:?}", diagnosis.string_to_sign);
        prop_assert!(!shown.contains(SECRET));
        prop_assert!(diagnosis.verdict != Verdict::Match || diagnosis.provided_sign.is_some());
    }

    /// Shell-quoted curl words: the POSIX reader gives back what was quoted.
    #[test]
    fn curl_quoting_round_trips(words in prop::collection::vec(any::<String>(), 1..5)) {
        let quoted: Vec<String> = words.iter().map(|w| format!("'{}'", w.replace('\'', "'\\''"))).collect();
        let line = format!("curl {}", quoted.join(" \\\n  "));
        let read = signkit::doctor::capture::shell_words(&line).expect("balanced quotes");
        let expected: Vec<Vec<u8>> = std::iter::once(b"curl".to_vec()).chain(words.iter().map(|w| w.as_bytes().to_vec())).collect();
        prop_assert_eq!(read, expected);
    }
}

/// The doctor's GBK encoder equals encoding_rs's `GBK.encode` for every character of the
/// BMP (one at a time and all at once) and for characters beyond it.
#[test]
fn gbk_is_encoding_rs_gbk() {
    let all: String = ('\u{0}'..='\u{FFFF}').collect();
    for c in all.chars().chain(['😀', '\u{10FFFF}', '\u{20000}']) {
        let text = c.to_string();
        let (theirs, _, _) = encoding_rs::GBK.encode(&text);
        assert_eq!(
            signkit::doctor::gbk::encode(&text),
            theirs.as_ref(),
            "{c:?}"
        );
    }
    let (theirs, _, _) = encoding_rs::GBK.encode(&all);
    assert_eq!(signkit::doctor::gbk::encode(&all), theirs.as_ref());
}
