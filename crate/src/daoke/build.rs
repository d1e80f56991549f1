//! The daoke request builder: pipeline steps 1–3, 5 and 6 of spec §3.4 (canonicalise, apply
//! the endpoint's omissions, sign, encode) ending in a [`PreparedRequest`].
//!
//! It refuses only what would make the bytes wrong (see [`BuildError`]); it never validates
//! parameter values or names, so invalid requests can still be built and sent to the sandbox
//! on purpose. Run the validator first to learn what the server will think of them.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::api::{Api, Encoding, Vendor};
use crate::daoke::encode::{
    form_body, multipart_body, multipart_content_type, Boundary, FORM_CONTENT_TYPE,
};
use crate::daoke::random::SplitMix64;
use crate::daoke::sign::{Secret, Sign, Signed};
use crate::digits::decimal;
use crate::error::{BuildError, BuildErrorKind};
use crate::params::{canonicalised_pairs, FilePart, Params};
use crate::request::PreparedRequest;
use crate::text::Bilingual;

/// The daoke gateway every seed documents (`http://api.daoke.io`, spec §2.1).
pub const DAOKE_HOST: &str = "api.daoke.io";

/// The size of the vendor's nginx body buffer (spec §5.2, §10.1 `sandbox.bodyBufferBytes`):
/// a longer body is spooled to a file and the handlers see no body (`ME01024`). The server
/// parsers, the sandbox's default and the builder's body check all read it from here.
pub const DEFAULT_BODY_BUFFER_BYTES: usize = 8192;

/// How many generated boundaries are tried before giving up. Each one is 16 random
/// alphanumerics, so a second attempt is already only needed when the content contains the
/// first boundary verbatim; the limit just keeps hostile content from looping forever.
const MAX_BOUNDARY_ATTEMPTS: u32 = 16;

/// Choices beyond the parameters. `Default` gives the endpoint's usual request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DaokeOptions {
    /// The body encoding. `None`: the endpoint's default ([`Api::default_encoding`]), or
    /// form-urlencoded without an endpoint.
    pub encoding: Option<Encoding>,
    /// A fixed multipart boundary (checked by [`Boundary::new`]; an empty string is an
    /// error, not "generate one"). `None`: generate one from `random_seed`. Ignored for
    /// form-urlencoded bodies.
    pub boundary: Option<String>,
    /// File parts (multipart only, at most one; spec §5.2). Never signed.
    pub files: Vec<FilePart>,
    /// The request path. `None`: the endpoint's path; required without an endpoint.
    pub path: Option<String>,
    /// The host for the `Host` header and the default URL. `None`: [`DAOKE_HOST`].
    pub host: Option<String>,
    /// Seed of the random source ([`SplitMix64`]) that generates a boundary when none is
    /// given; the same seed always gives the same boundary.
    pub random_seed: u64,
}

/// A built daoke request: what was signed and how, and the request to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DaokeRequest {
    /// The canonical parameters, the string to sign (redacted when printed) and the sign.
    pub signed: Signed,
    /// The request: `POST`, host, path, `Content-Type`, body.
    pub request: PreparedRequest,
}

/// Pipeline steps 1–3 (spec §3.4): drop `sign`, collapse CRLF in values, and — for
/// createGroup and verifyApplyJoiningMember — drop a `callbackURL` whose value is empty.
/// Without an endpoint (`None`) no omission applies. This is the list that is validated,
/// signed and sent.
pub fn canonical_params(api: Option<Api>, params: &Params) -> Params {
    canonical_pairs(api, params)
        .map(|(_, name, value)| (name, value.into_owned()))
        .collect()
}

/// [`canonical_params`] on borrowed pairs: pipeline steps 1–3 without copying a value that
/// does not change. Each pair comes with its index in `pairs`.
pub fn canonical_pairs<'a>(
    api: Option<Api>,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> impl Iterator<Item = (usize, &'a str, Cow<'a, str>)> {
    canonicalised_pairs(pairs).filter(move |(_, name, value)| !omitted(api, name, value))
}

/// Pipeline step 3 for one canonical pair: whether `api` leaves it out (createGroup and
/// verifyApplyJoiningMember drop a `callbackURL` whose canonical value is empty).
pub fn omitted(api: Option<Api>, name: &str, canonical_value: &str) -> bool {
    api.is_some_and(Api::omits_empty_callback_url)
        && name == "callbackURL"
        && canonical_value.is_empty()
}

/// Builds a signed daoke request (spec §3.4 steps 1–3, 5, 6).
///
/// `api` chooses the path, the default encoding and the omissions; `None` builds a generic
/// signed request (then `options.path` is required). Parameters are signed and sent in the
/// caller's order with `sign` appended last, then the file part when there is one. A
/// generated boundary is redrawn until it occurs in no part; a caller-given boundary that
/// occurs in a part is an error.
pub fn build_daoke_request(
    api: Option<Api>,
    params: &Params,
    secret: &Secret,
    options: &DaokeOptions,
) -> Result<DaokeRequest, BuildError> {
    let api = daoke_api(api)?;
    let path = request_path(api, options)?;
    let host = request_host(options)?;
    let encoding = options
        .encoding
        .or_else(|| api.and_then(Api::default_encoding))
        .unwrap_or(Encoding::FormUrlencoded);
    let signed = Signed::from_canonical(canonical_params(api, params), secret);
    let (content_type, body) = encode(encoding, &signed, options)?;
    let request = PreparedRequest {
        method: String::from("POST"),
        host,
        path,
        headers: vec![(String::from("Content-Type"), content_type)],
        body,
    };
    Ok(DaokeRequest { signed, request })
}

/// The `Content-Type` and body for `encoding` (pipeline step 6).
fn encode(
    encoding: Encoding,
    signed: &Signed,
    options: &DaokeOptions,
) -> Result<(String, Vec<u8>), BuildError> {
    match encoding {
        Encoding::FormUrlencoded => {
            if !options.files.is_empty() {
                return Err(files_need_multipart());
            }
            let body = form_body(&signed.canonical, Some(&signed.sign));
            Ok((String::from(FORM_CONTENT_TYPE), body.into_bytes()))
        }
        Encoding::Multipart => {
            let (boundary, body) = encode_multipart(
                signed.canonical.pairs(),
                &signed.sign,
                &options.files,
                options.boundary.as_deref(),
                options.random_seed,
            )?;
            Ok((multipart_content_type(&boundary), body))
        }
    }
}

/// `api` when it is a daoke endpoint or `None` (a generic request); a YTX endpoint is a
/// [`BuildErrorKind::NotDaoke`] error.
pub fn daoke_api(api: Option<Api>) -> Result<Option<Api>, BuildError> {
    match api {
        Some(api) if api.vendor() != Vendor::Daoke => Err(not_daoke(api)),
        _ => Ok(api),
    }
}

/// The multipart body of signed canonical pairs (pipeline step 6): the pairs, `sign`, then
/// at most one file part (spec §5.2). With `boundary` (checked by [`Boundary::new`]) the
/// body uses it or fails when it occurs in a part; without, a boundary is generated from
/// `random_seed` and redrawn until it occurs in no part.
pub fn encode_multipart<N: AsRef<str>, V: AsRef<str>>(
    canonical: &[(N, V)],
    sign: &Sign,
    files: &[FilePart],
    boundary: Option<&str>,
    random_seed: u64,
) -> Result<(Boundary, Vec<u8>), BuildError> {
    let file = match files {
        [] => None,
        [file] => Some(file),
        _ => return Err(too_many_files(files.len())),
    };
    let build = |boundary: &Boundary| {
        let pairs = canonical
            .iter()
            .map(|(name, value)| (name.as_ref(), value.as_ref()));
        multipart_body(pairs, Some(sign), file, boundary)
    };
    match boundary {
        Some(text) => {
            let boundary = Boundary::new(text)?;
            let body = build(&boundary)?;
            Ok((boundary, body))
        }
        None => with_generated_boundary(random_seed, build),
    }
}

/// Draws boundaries from a [`SplitMix64`] seeded with `seed` until `build` succeeds without
/// a boundary collision (at most [`MAX_BOUNDARY_ATTEMPTS`] draws).
fn with_generated_boundary(
    seed: u64,
    build: impl Fn(&Boundary) -> Result<Vec<u8>, BuildError>,
) -> Result<(Boundary, Vec<u8>), BuildError> {
    let mut random = SplitMix64::new(seed);
    let mut attempt = 1;
    loop {
        let boundary = Boundary::generate(&mut || random.next_u64());
        match build(&boundary) {
            Err(error)
                if error.kind == BuildErrorKind::BoundaryInContent
                    && attempt < MAX_BOUNDARY_ATTEMPTS =>
            {
                attempt += 1;
            }
            result => return result.map(|body| (boundary, body)),
        }
    }
}

/// `options.path`, else the endpoint's path; it must start with `/` and contain no space
/// or control character, which would break the request line.
fn request_path(api: Option<Api>, options: &DaokeOptions) -> Result<String, BuildError> {
    let path = match (&options.path, api) {
        (Some(path), _) => path.as_str(),
        (None, Some(api)) => api.path(),
        (None, None) => return Err(missing_path()),
    };
    if !path.starts_with('/') || path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(BuildError::new(
            BuildErrorKind::InvalidPath,
            Some("path"),
            Bilingual::owned(
                format!("The path {path:?} must start with '/' and contain no spaces or control characters. Percent-encode such characters, e.g. %20 for a space."),
                format!("路径 {path:?} 必须以“/”开头，且不能包含空格或控制字符。请对这些字符做百分号编码，例如空格写作 %20。"),
            ),
        ));
    }
    Ok(String::from(path))
}

/// `options.host`, else [`DAOKE_HOST`]; a host name (with an optional port) has no spaces,
/// control characters or `/`.
fn request_host(options: &DaokeOptions) -> Result<String, BuildError> {
    let host = options.host.as_deref().unwrap_or(DAOKE_HOST);
    if host.is_empty()
        || host
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '/')
    {
        return Err(BuildError::new(
            BuildErrorKind::InvalidHost,
            Some("host"),
            Bilingual::owned(
                format!("The host {host:?} must be a host name with an optional port, such as api.daoke.io or 127.0.0.1:8080, without scheme, path or spaces."),
                format!("主机 {host:?} 必须是主机名（可带端口），例如 api.daoke.io 或 127.0.0.1:8080，不能包含协议、路径或空格。"),
            ),
        ));
    }
    Ok(String::from(host))
}

fn not_daoke(api: Api) -> BuildError {
    BuildError::new(
        BuildErrorKind::NotDaoke,
        Some("api"),
        Bilingual::from_pieces(
            &[api.name(), " is a YTX endpoint; the daoke builder cannot build it. Use the YTX builder (build_invite_meeting)."],
            &[api.name(), " 是云讯（YTX）接口，不能用道客（daoke）构建器构建。请使用 YTX 构建器（build_invite_meeting）。"],
        ),
    )
}

fn missing_path() -> BuildError {
    BuildError::new(
        BuildErrorKind::MissingPath,
        Some("path"),
        Bilingual::new(
            "No endpoint and no path were given, so there is nowhere to send the request. Choose an endpoint or give a path such as /weiboapi/v2/createGroup.",
            "未指定接口，也未指定路径，请求无处发送。请选择一个接口，或填写路径，例如 /weiboapi/v2/createGroup。",
        ),
    )
}

fn files_need_multipart() -> BuildError {
    BuildError::new(
        BuildErrorKind::FilesNeedMultipart,
        Some("files"),
        Bilingual::new(
            "Files can only be sent in a multipart body. Choose the multipart encoding or remove the file.",
            "文件只能通过 multipart 请求体发送。请选择 multipart 编码，或移除文件。",
        ),
    )
}

fn too_many_files(count: usize) -> BuildError {
    let count = decimal(count as u64);
    BuildError::new(
        BuildErrorKind::TooManyFiles,
        Some("files"),
        Bilingual::from_pieces(
            &[&count, " files were given, but at most one file part can be sent: the server mis-parses a second one as a text field. Remove all but one file."],
            &["提供了 ", &count, " 个文件，但最多只能发送一个文件部分：服务器会把第二个文件误解析为文本字段。请只保留一个文件。"],
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::daoke::sign::sign;

    fn secret() -> Secret {
        Secret::new("TESTSECRET0123456789")
    }

    fn voice(data: &[u8]) -> FilePart {
        FilePart {
            name: "voiceFile".into(),
            filename: "v.amr".into(),
            content_type: "audio/amr".into(),
            data: data.to_vec(),
        }
    }

    fn build(
        api: Option<Api>,
        params: &Params,
        options: &DaokeOptions,
    ) -> Result<DaokeRequest, BuildError> {
        build_daoke_request(api, params, &secret(), options)
    }

    /// The first `n` boundaries a seed generates.
    fn generated_boundaries(seed: u64, n: usize) -> Vec<Boundary> {
        let mut random = SplitMix64::new(seed);
        (0..n)
            .map(|_| Boundary::generate(&mut || random.next_u64()))
            .collect()
    }

    #[test]
    fn canonical_pairs_borrow_what_canonical_params_copies() {
        let params = Params::new()
            .with("sign", "OLD")
            .with("callbackURL", "")
            .with("note", "a\r\nb")
            .with("appKey", "1");
        for api in [None].into_iter().chain(Api::ALL.map(Some)) {
            let borrowed: Params = canonical_pairs(api, &params)
                .map(|(_, name, value)| (name, value.into_owned()))
                .collect();
            assert_eq!(borrowed, canonical_params(api, &params), "{api:?}");
        }
        let pairs: Vec<_> = canonical_pairs(None, &params).collect();
        assert!(
            matches!(pairs[1].2, Cow::Owned(_)),
            "a changed value is copied"
        );
        assert!(
            matches!(pairs[2].2, Cow::Borrowed("1")),
            "the others are borrowed"
        );
        let indices: Vec<usize> = pairs.iter().map(|&(index, _, _)| index).collect();
        assert_eq!(indices, [1, 2, 3], "indices in the caller's list");
        let omitting: Vec<usize> = canonical_pairs(Some(Api::CreateGroup), &params)
            .map(|(index, _, _)| index)
            .collect();
        assert_eq!(omitting, [2, 3]);
    }

    #[test]
    fn refuses_a_ytx_endpoint() {
        let error = build(
            Some(Api::InviteMeeting),
            &Params::new(),
            &DaokeOptions::default(),
        )
        .unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::NotDaoke);
        assert!(error.message.en.contains("inviteMeeting"));
    }

    #[test]
    fn endpoint_request_defaults() {
        let params = Params::new().with("appKey", "1").with("sign", "stale");
        let built = build(Some(Api::CreateGroup), &params, &DaokeOptions::default()).unwrap();
        let request = &built.request;
        assert_eq!(request.method, "POST");
        assert_eq!(request.host, DAOKE_HOST);
        assert_eq!(request.path, "/weiboapi/v2/createGroup");
        assert_eq!(
            request.headers,
            [("Content-Type".to_string(), FORM_CONTENT_TYPE.to_string())]
        );
        assert_eq!(
            request.body,
            format!("appKey=1&sign={}", built.signed.sign).into_bytes()
        );
        assert_eq!(
            built.signed,
            sign(&Params::new().with("appKey", "1"), &secret())
        );
    }

    #[test]
    fn path_and_host_options() {
        let params = Params::new().with("a", "1");
        let error = build(None, &params, &DaokeOptions::default()).unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::MissingPath);
        let options = DaokeOptions {
            path: Some("/custom?x=1".into()),
            host: Some("127.0.0.1:8080".into()),
            ..DaokeOptions::default()
        };
        for api in [None, Some(Api::CreateGroup)] {
            let request = build(api, &params, &options).unwrap().request;
            assert_eq!(
                (request.path.as_str(), request.host.as_str()),
                ("/custom?x=1", "127.0.0.1:8080")
            );
        }
        for path in ["relative", "/a b", "/a\r\nX: y", ""] {
            let options = DaokeOptions {
                path: Some(path.into()),
                ..DaokeOptions::default()
            };
            let error = build(None, &params, &options).unwrap_err();
            assert_eq!(error.kind, BuildErrorKind::InvalidPath, "{path:?}");
        }
        for host in ["", "http://api.daoke.io", "a b", "a\nb"] {
            let options = DaokeOptions {
                host: Some(host.into()),
                ..DaokeOptions::default()
            };
            let error = build(Some(Api::CreateGroup), &params, &options).unwrap_err();
            assert_eq!(error.kind, BuildErrorKind::InvalidHost, "{host:?}");
        }
    }

    #[test]
    fn empty_callback_url_is_omitted_only_where_the_endpoint_says() {
        let params = Params::new().with("appKey", "1").with("callbackURL", "");
        for api in Api::DAOKE {
            let built = build(Some(api), &params, &DaokeOptions::default()).unwrap();
            let kept = built.signed.canonical.contains("callbackURL");
            assert_eq!(kept, !api.omits_empty_callback_url(), "{api}");
            assert_eq!(canonical_params(Some(api), &params), built.signed.canonical);
        }
        let options = DaokeOptions {
            path: Some("/x".into()),
            ..DaokeOptions::default()
        };
        assert!(build(None, &params, &options)
            .unwrap()
            .signed
            .canonical
            .contains("callbackURL"));
        // A non-empty callbackURL is never omitted, and the omission sees canonical values.
        let params = Params::new().with("callbackURL", "\r\n");
        let built = build(Some(Api::CreateGroup), &params, &DaokeOptions::default()).unwrap();
        assert_eq!(
            built.signed.canonical,
            Params::new().with("callbackURL", "\n")
        );
    }

    #[test]
    fn encoding_defaults_per_endpoint_and_can_be_overridden() {
        let params = Params::new().with("a", "1");
        let content_type = |api: Option<Api>, encoding: Option<Encoding>| {
            let options = DaokeOptions {
                encoding,
                path: Some("/x".into()),
                ..DaokeOptions::default()
            };
            build(api, &params, &options)
                .unwrap()
                .request
                .content_type()
                .unwrap()
                .to_string()
        };
        assert!(content_type(Some(Api::InviteUserJoin), None)
            .starts_with("multipart/form-data; boundary="));
        assert_eq!(
            content_type(Some(Api::ApplyMicroChannel), None),
            FORM_CONTENT_TYPE
        );
        assert_eq!(content_type(None, None), FORM_CONTENT_TYPE);
        assert_eq!(
            content_type(Some(Api::InviteUserJoin), Some(Encoding::FormUrlencoded)),
            FORM_CONTENT_TYPE
        );
        assert!(content_type(None, Some(Encoding::Multipart)).starts_with("multipart/form-data"));
    }

    #[test]
    fn boundary_option_is_used_checked_and_ignored_for_forms() {
        let params = Params::new().with("a", "1");
        let options = |boundary: &str, encoding| DaokeOptions {
            encoding: Some(encoding),
            boundary: Some(boundary.into()),
            ..DaokeOptions::default()
        };
        let built = build(
            Some(Api::InviteUserJoin),
            &params,
            &options("my-B", Encoding::Multipart),
        )
        .unwrap();
        assert_eq!(
            built.request.content_type(),
            Some("multipart/form-data; boundary=my-B")
        );
        assert!(built.request.body.starts_with(b"--my-B\r\n"));
        let error = build(
            Some(Api::InviteUserJoin),
            &params,
            &options("", Encoding::Multipart),
        )
        .unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::InvalidBoundary);
        let error = build(
            Some(Api::InviteUserJoin),
            &params,
            &options("a", Encoding::Multipart),
        )
        .unwrap_err();
        assert_eq!(
            error.kind,
            BuildErrorKind::BoundaryInContent,
            "a caller-given boundary is never replaced"
        );
        // Form bodies have no boundary (sandbox case S30 passes one anyway).
        let built = build(
            Some(Api::CreateGroup),
            &params,
            &options("", Encoding::FormUrlencoded),
        )
        .unwrap();
        assert_eq!(built.request.content_type(), Some(FORM_CONTENT_TYPE));
    }

    #[test]
    fn generated_boundary_depends_only_on_the_seed() {
        let params = Params::new().with("a", "1");
        let with_seed = |random_seed| {
            let options = DaokeOptions {
                random_seed,
                ..DaokeOptions::default()
            };
            build(Some(Api::InviteUserJoin), &params, &options)
                .unwrap()
                .request
        };
        assert_eq!(with_seed(7), with_seed(7));
        assert_ne!(with_seed(7).content_type(), with_seed(8).content_type());
        let expected = multipart_content_type(&generated_boundaries(7, 1)[0]);
        assert_eq!(with_seed(7).content_type(), Some(expected.as_str()));
    }

    #[test]
    fn generated_boundary_found_in_content_is_redrawn() {
        let [first, second] = <[Boundary; 2]>::try_from(generated_boundaries(3, 2)).unwrap();
        let params = Params::new().with("note", first.as_str());
        let options = DaokeOptions {
            random_seed: 3,
            ..DaokeOptions::default()
        };
        let built = build(Some(Api::InviteUserJoin), &params, &options).unwrap();
        assert_eq!(
            built.request.content_type(),
            Some(multipart_content_type(&second).as_str())
        );
        // The same holds for a boundary hidden in the file bytes.
        let options = DaokeOptions {
            random_seed: 3,
            files: vec![voice(first.as_str().as_bytes())],
            ..DaokeOptions::default()
        };
        let built = build(Some(Api::InviteUserJoin), &Params::new(), &options).unwrap();
        assert_eq!(
            built.request.content_type(),
            Some(multipart_content_type(&second).as_str())
        );
    }

    #[test]
    fn boundary_redraws_are_bounded() {
        let all = generated_boundaries(5, MAX_BOUNDARY_ATTEMPTS as usize);
        let hostile: String = all
            .iter()
            .map(Boundary::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        let params = Params::new().with("note", hostile);
        let options = DaokeOptions {
            random_seed: 5,
            ..DaokeOptions::default()
        };
        let error = build(Some(Api::InviteUserJoin), &params, &options).unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::BoundaryInContent);
        // One boundary fewer in the content and the last draw succeeds.
        let hostile: String = all[..all.len() - 1]
            .iter()
            .map(Boundary::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        let params = Params::new().with("note", hostile);
        let built = build(Some(Api::InviteUserJoin), &params, &options).unwrap();
        assert_eq!(
            built.request.content_type(),
            Some(multipart_content_type(&all[all.len() - 1]).as_str())
        );
    }

    #[test]
    fn file_rules() {
        let params = Params::new().with("a", "1");
        let multipart = |files: Vec<FilePart>| DaokeOptions {
            encoding: Some(Encoding::Multipart),
            files,
            ..DaokeOptions::default()
        };
        let built = build(
            Some(Api::InviteUserJoin),
            &params,
            &multipart(vec![voice(b"x")]),
        )
        .unwrap();
        let body = String::from_utf8(built.request.body.clone()).unwrap();
        let sign_at = body.find("name=\"sign\"").unwrap();
        let file_at = body.find("name=\"voiceFile\"").unwrap();
        assert!(sign_at < file_at, "the file part comes after the sign");
        assert!(body.contains(
            "name=\"voiceFile\"; filename=\"v.amr\"\r\nContent-Type: audio/amr\r\n\r\nx\r\n--"
        ));
        assert!(
            !built.signed.string_to_sign.reveal().contains("voiceFile"),
            "files are not signed"
        );

        let error = build(
            Some(Api::InviteUserJoin),
            &params,
            &multipart(vec![voice(b"1"), voice(b"2")]),
        )
        .unwrap_err();
        assert_eq!(
            (error.kind, error.field.as_deref()),
            (BuildErrorKind::TooManyFiles, Some("files"))
        );
        let form = DaokeOptions {
            files: vec![voice(b"x")],
            ..DaokeOptions::default()
        };
        let error = build(Some(Api::CreateGroup), &params, &form).unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::FilesNeedMultipart);
        let mut bad = voice(b"x");
        bad.name = "voice-file".into();
        let error = build(Some(Api::InviteUserJoin), &params, &multipart(vec![bad])).unwrap_err();
        assert_eq!(error.kind, BuildErrorKind::InvalidFileField);
    }

    #[test]
    fn invalid_parameters_are_still_built() {
        // Names and values are the validator's business; the sandbox sends such requests.
        let params = Params::new()
            .with("bad name", "x")
            .with("a", "1")
            .with("a", "2")
            .with("secret", "s");
        let built = build(Some(Api::CreateGroup), &params, &DaokeOptions::default()).unwrap();
        assert_eq!(built.signed.canonical, params);
        let body = String::from_utf8(built.request.body).unwrap();
        assert!(
            body.starts_with("bad name=x&a=1&a=2&secret=s&sign="),
            "{body}"
        );
    }
}
