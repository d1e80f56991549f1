//! Every known-answer vector of `spec/vectors.json` (spec §9), run through the public API.
//!
//! daoke vectors go through `build_daoke_request` with their endpoint (so pipeline step 3
//! applies, as the vectors assume) and are compared field by field: canonical parameters,
//! signing order, string to sign, sign, content type, body bytes and length. YTX vectors go
//! through `build_invite_meeting` and are compared on every output field, headers in order.
//!
//! One test per vector, named by its id (`cargo test -p signkit --test vectors D17`), plus
//! the file's own counts (libtest-mimic, `harness = false`).

use libtest_mimic::{Arguments, Trial};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use signkit::daoke::{self, build_daoke_request, DaokeOptions};
use signkit::ytx::{
    build_invite_meeting, parties_json, ytx_sign, InviteMeeting, Party, YtxEnvironment,
};
use signkit::{Api, AuthToken, Encoding, FilePart, Params, Secret};

const VECTORS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/vectors.json"));

#[derive(Deserialize)]
struct VectorFile {
    count: usize,
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
#[serde(tag = "scheme")]
enum Vector {
    #[serde(rename = "daoke-sha1")]
    Daoke(DaokeVector),
    #[serde(rename = "ytx-md5")]
    Ytx(YtxVector),
}

#[derive(Deserialize)]
struct DaokeVector {
    id: String,
    api: Option<String>,
    tags: Vec<String>,
    inputs: DaokeInputs,
    canonical_params: Vec<(String, String)>,
    sorted_keys: Vec<String>,
    string_to_sign: String,
    expected_sign: String,
    expected_content_type: String,
    expected_body: String,
    expected_content_length: usize,
}

#[derive(Deserialize)]
struct DaokeInputs {
    secret: String,
    params: Vec<(String, String)>,
    encoding: String,
    boundary: Option<String>,
    #[serde(default)]
    files: Vec<FileInput>,
}

#[derive(Deserialize)]
struct FileInput {
    name: String,
    filename: String,
    content_type: String,
    data_base64: String,
}

#[derive(Deserialize)]
struct YtxVector {
    id: String,
    inputs: YtxInputs,
    string_to_sign: String,
    expected_sign: String,
    authorization_plain: String,
    expected_authorization: String,
    expected_path: String,
    expected_parties_string: String,
    expected_body: String,
    expected_content_length: usize,
    expected_headers: OrderedPairs,
}

#[derive(Deserialize)]
struct YtxInputs {
    #[serde(rename = "accountSID")]
    account_sid: String,
    #[serde(rename = "authToken")]
    auth_token: String,
    timestamp: String,
    version: String,
    appid: String,
    confid: String,
    parties: Vec<PartyInput>,
    #[serde(rename = "CustomParm")]
    custom_parm: Option<String>,
    action: Option<String>,
}

#[derive(Deserialize)]
struct PartyInput {
    name: String,
    phone: String,
}

/// A JSON object of strings read in document order (a `serde_json::Map` would sort it).
struct OrderedPairs(Vec<(String, String)>);

impl<'de> Deserialize<'de> for OrderedPairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = OrderedPairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedPairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(OrderedPairs(pairs))
            }
        }
        deserializer.deserialize_map(PairsVisitor)
    }
}

fn load() -> VectorFile {
    serde_json::from_str(VECTORS).expect("spec/vectors.json parses")
}

fn daoke_vectors() -> Vec<DaokeVector> {
    load()
        .vectors
        .into_iter()
        .filter_map(|v| {
            if let Vector::Daoke(d) = v {
                Some(d)
            } else {
                None
            }
        })
        .collect()
}

fn ytx_vectors() -> Vec<YtxVector> {
    load()
        .vectors
        .into_iter()
        .filter_map(|v| {
            if let Vector::Ytx(y) = v {
                Some(y)
            } else {
                None
            }
        })
        .collect()
}

fn the_file_holds_47_vectors_of_the_two_schemes() {
    let file = load();
    assert_eq!(file.count, 47);
    assert_eq!(file.vectors.len(), file.count);
    assert_eq!(daoke_vectors().len(), 35);
    assert_eq!(ytx_vectors().len(), 12);
}

fn main() {
    let mut trials = vec![Trial::test(
        "the_file_holds_47_vectors_of_the_two_schemes",
        || {
            the_file_holds_47_vectors_of_the_two_schemes();
            Ok(())
        },
    )];
    for vector in daoke_vectors() {
        trials.push(Trial::test(vector.id.clone(), move || {
            check_daoke(&vector);
            Ok(())
        }));
    }
    for vector in ytx_vectors() {
        trials.push(Trial::test(vector.id.clone(), move || {
            check_ytx(&vector);
            Ok(())
        }));
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

fn check_daoke(vector: &DaokeVector) {
    let id = vector.id.as_str();
    let api = vector
        .api
        .as_deref()
        .map(|name| Api::from_name(name).expect("known endpoint"));
    let params: Params = vector.inputs.params.iter().cloned().collect();
    let secret = Secret::new(vector.inputs.secret.as_str());
    let encoding = Encoding::from_name(&vector.inputs.encoding).expect("known encoding");
    let files = vector
        .inputs
        .files
        .iter()
        .map(|file| FilePart {
            name: file.name.clone(),
            filename: file.filename.clone(),
            content_type: file.content_type.clone(),
            data: signkit::base64::decode(&file.data_base64).expect("strict Base64 file data"),
        })
        .collect();
    let mut options = DaokeOptions::default();
    options.encoding = Some(encoding);
    options.boundary = vector.inputs.boundary.clone();
    options.files = files;
    // Signer-only vectors have no endpoint, so no path; any path gives the same body.
    options.path = api.is_none().then(|| String::from("/signer-only"));
    let built = build_daoke_request(api, &params, &secret, &options)
        .unwrap_or_else(|error| panic!("{id}: {error}"));
    let signed = &built.signed;
    let request = &built.request;

    let canonical: Params = vector.canonical_params.iter().cloned().collect();
    assert_eq!(signed.canonical, canonical, "{id}: canonical_params");
    assert_eq!(
        signed.string_to_sign.sorted_keys(),
        vector.sorted_keys,
        "{id}: sorted_keys"
    );
    assert_eq!(
        signed.string_to_sign.reveal(),
        vector.string_to_sign,
        "{id}: string_to_sign"
    );
    assert_eq!(signed.sign.as_str(), vector.expected_sign, "{id}: sign");
    assert_eq!(
        request.content_type(),
        Some(vector.expected_content_type.as_str()),
        "{id}: content type"
    );
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        vector.expected_body,
        "{id}: body (as text)"
    );
    assert_eq!(
        request.body,
        vector.expected_body.as_bytes(),
        "{id}: body bytes"
    );
    assert_eq!(
        request.content_length(),
        vector.expected_content_length,
        "{id}: content length"
    );
    assert_eq!(
        request.body.len(),
        vector.expected_content_length,
        "{id}: body length"
    );

    // The generic signer agrees on the canonical list; only an endpoint omission (D35)
    // makes it differ on the caller's list.
    assert_eq!(
        daoke::sign(&canonical, &secret).sign,
        signed.sign,
        "{id}: generic signer"
    );
    let generic = daoke::sign(&params, &secret);
    if vector.tags.iter().any(|tag| tag == "api-omission") {
        assert_ne!(generic.sign, signed.sign, "{id}: omission changes the sign");
    } else {
        assert_eq!(
            generic, *signed,
            "{id}: generic signer on the caller's list"
        );
    }

    // With the endpoint's default encoding, leaving the encoding out changes nothing.
    if let Some(api) = api.filter(|api| api.default_encoding() == Some(encoding)) {
        let mut defaulted = options.clone();
        defaulted.encoding = None;
        let again = build_daoke_request(Some(api), &params, &secret, &defaulted).unwrap();
        assert_eq!(again, built, "{id}: default encoding");
    }
}

fn check_ytx(vector: &YtxVector) {
    let id = vector.id.as_str();
    let inputs = &vector.inputs;
    let invite = InviteMeeting {
        account_sid: inputs.account_sid.clone(),
        auth_token: AuthToken::new(inputs.auth_token.as_str()),
        version: inputs.version.clone(),
        timestamp: inputs.timestamp.clone(),
        appid: inputs.appid.clone(),
        confid: inputs.confid.clone(),
        parties: inputs
            .parties
            .iter()
            .map(|p| Party::new(p.name.as_str(), p.phone.as_str()))
            .collect(),
        custom_parm: inputs.custom_parm.clone(),
        action: inputs.action.clone(),
    };
    let built = build_invite_meeting(&invite, YtxEnvironment::Sandbox);
    let signature = &built.signature;
    let request = &built.request;

    assert_eq!(
        signature.string_to_sign.reveal(),
        vector.string_to_sign,
        "{id}: string_to_sign"
    );
    assert_eq!(signature.sign, vector.expected_sign, "{id}: sign");
    assert_eq!(
        signature.authorization_plain, vector.authorization_plain,
        "{id}: authorization_plain"
    );
    assert_eq!(
        signature.authorization, vector.expected_authorization,
        "{id}: authorization"
    );
    assert_eq!(
        signkit::base64::decode(&signature.authorization).as_deref(),
        Some(vector.authorization_plain.as_bytes()),
        "{id}: authorization decodes to the plain text"
    );
    assert_eq!(request.path, vector.expected_path, "{id}: path");
    assert_eq!(
        built.parties_string, vector.expected_parties_string,
        "{id}: parties string"
    );
    assert_eq!(
        parties_json(&invite.parties),
        vector.expected_parties_string,
        "{id}: parties_json"
    );
    assert_eq!(
        request.body,
        vector.expected_body.as_bytes(),
        "{id}: body bytes"
    );
    assert_eq!(
        request.content_length(),
        vector.expected_content_length,
        "{id}: content length"
    );
    assert_eq!(
        request.headers, vector.expected_headers.0,
        "{id}: headers in order"
    );
    assert_eq!(request.method, "POST", "{id}: method");
    assert_eq!(
        ytx_sign(&inputs.account_sid, &invite.auth_token, &inputs.timestamp),
        *signature,
        "{id}: ytx_sign alone"
    );
    // The body is the JSON the spec describes, and `parties` inside it is the parties string.
    let body: serde_json::Value = serde_json::from_slice(&request.body).expect("body is JSON");
    assert_eq!(
        body["parties"],
        vector.expected_parties_string.as_str(),
        "{id}: parties in body"
    );
}
