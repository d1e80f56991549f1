//! One test per answer the spec says the five endpoints give, each triggered the way the
//! real server triggers it, against the demo fixtures; plus signature tampering over the
//! vector-style requests and the state document round trip.
#![cfg(feature = "sandbox")]

use serde_json::Value;
use signkit::daoke::{
    build_daoke_request, form_body, multipart_body, Boundary, DaokeOptions, Secret, Sign,
};
use signkit::sandbox::state::{OutboundCall, State};
use signkit::sandbox::{HttpRequest, HttpResponse, Sandbox};
use signkit::ytx::{build_invite_meeting, AuthToken, InviteMeeting, Party, YtxEnvironment};
use signkit::{base64, Api, BeijingTime, Encoding, FilePart, Params, PreparedRequest};

const DEMO_SECRET: &str = "DEMO-SECRET-not-for-production";
const CLOCK: &str = "20261125100000";
const YTX_SID: &str = "abcdefghijklmnopqrstuvwxyz012345";
const YTX_TOKEN: &str = "0123456789abcdef0123456789abcdef";
const YTX_APPID: &str = "ff8080813fc70a7b013fc72312324213";
const SEED_URL: &str = "http://192.168.1.6/group3/M00/00/1E/wKgBBlO_gmyAYYrYAAAITe8iduk605.amr";
const SEED_CALLBACK: &str =
    "http://192.168.11.159:80/inviteToTempChannelCallback?inviteAccountID=anjiklmkin&inviteTempChannelID=12349";
const LOGO: &str = "http://g3.tweet.daoke.me/group3/M02/E5/EA/c-dJB1R8pY-AJlO2AAGsD3RDpM8392.png";

/// The demo sandbox at a frozen clock, and helpers that build requests like a client.
struct Lab {
    sandbox: Sandbox,
    now: i64,
}

impl Lab {
    fn new() -> Lab {
        Lab {
            sandbox: Sandbox::demo(),
            now: unix(CLOCK),
        }
    }

    fn send(&mut self, request: &HttpRequest) -> HttpResponse {
        self.sandbox.handle(request, self.now)
    }

    /// A daoke request signed with the demo secret and sent as is (no endpoint omission).
    fn daoke(&mut self, api: Api, params: &[(&str, &str)]) -> (String, String) {
        self.daoke_signed(api, params, DEMO_SECRET)
    }

    fn daoke_signed(
        &mut self,
        api: Api,
        params: &[(&str, &str)],
        secret: &str,
    ) -> (String, String) {
        let request = raw_daoke(api, params, secret);
        envelope(&self.send(&request))
    }

    /// A daoke request with a hand-written form body.
    fn daoke_body(&mut self, api: Api, body: &str) -> (String, String) {
        let request = HttpRequest {
            method: "POST".into(),
            target: api.path().into(),
            headers: vec![(
                "Content-Type".into(),
                "application/x-www-form-urlencoded".into(),
            )],
            body: body.as_bytes().to_vec(),
        };
        envelope(&self.send(&request))
    }

    fn ytx(&mut self, invite: &InviteMeeting) -> (String, String, String) {
        let request = to_http(build_invite_meeting(invite, YtxEnvironment::Sandbox).request);
        self.ytx_request(&request)
    }

    fn ytx_request(&mut self, request: &HttpRequest) -> (String, String, String) {
        let response = self.send(request);
        assert_eq!(
            response.header("content-type"),
            Some("application/json;charset=utf-8")
        );
        assert!(!response.body.ends_with(b"\n"));
        let json: Value = serde_json::from_slice(&response.body).expect("a JSON answer");
        let field = |name: &str| json[name].as_str().expect("string member").to_owned();
        (field("statusCode"), field("statusMsg"), field("requestId"))
    }

    fn state(&self) -> &State {
        self.sandbox.state()
    }
}

fn unix(clock: &str) -> i64 {
    BeijingTime::parse(clock).expect("clock").to_unix()
}

fn to_http(prepared: PreparedRequest) -> HttpRequest {
    HttpRequest {
        method: prepared.method,
        target: prepared.path,
        headers: prepared.headers,
        body: prepared.body,
    }
}

fn params(pairs: &[(&str, &str)]) -> Params {
    pairs.iter().map(|&(n, v)| (n, v)).collect()
}

/// Signed by signkit's generic signer (pipeline steps 1–2, no endpoint omission) and
/// encoded with the endpoint's default encoding.
fn raw_daoke(api: Api, pairs: &[(&str, &str)], secret: &str) -> HttpRequest {
    let mut options = DaokeOptions::default();
    options.path = Some(api.path().into());
    options.encoding = api.default_encoding();
    let built = build_daoke_request(None, &params(pairs), &Secret::new(secret), &options)
        .expect("the request builds");
    to_http(built.request)
}

/// `(ERRORCODE, RESULT)` of a daoke answer, after checking the envelope's fixed shape.
fn envelope(response: &HttpResponse) -> (String, String) {
    assert_eq!(response.status, 200);
    let text = String::from_utf8(response.body.clone()).expect("UTF-8 answer");
    assert!(
        text.starts_with("{\"ERRORCODE\":\"") && text.ends_with("}\n"),
        "{text:?}"
    );
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let code = json["ERRORCODE"]
        .as_str()
        .expect("string ERRORCODE")
        .to_owned();
    let result = match &json["RESULT"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    (code, result)
}

fn err(code: &str, result: &str) -> (String, String) {
    (code.to_owned(), result.to_owned())
}

/// Request parameters, in order.
type Pairs = Vec<(&'static str, String)>;

fn create_group(account: &str, name: &str) -> Pairs {
    vec![
        ("appKey", "1111111111".into()),
        ("accountID", account.into()),
        ("groupName", name.into()),
    ]
}

fn refs<'a>(pairs: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    pairs.iter().map(|(n, v)| (*n, v.as_str())).collect()
}

fn verify(group: &str, applicants: &str, yes: &str) -> Pairs {
    vec![
        ("appKey", "1111111111".into()),
        ("groupID", group.into()),
        ("creatorAccountID", "WFlYtlfPlg".into()),
        ("applyAccountID", applicants.into()),
        ("yes", yes.into()),
    ]
}

/// The seed 002 sample for `account` with `token` and channel `number`.
fn apply(account: &str, token: &str, number: &str) -> Pairs {
    vec![
        ("appKey", "1111111111".into()),
        ("accessToken", token.into()),
        ("channelCatalogID", "111111".into()),
        ("channelCatalogUrl", LOGO.into()),
        ("channelNumber", number.into()),
        ("channelCityCode", "111111".into()),
        ("chiefAnnouncerIntr", "屌炸天独播".into()),
        ("channelKeyWords", "".into()),
        ("channelName", "微密之声".into()),
        ("channelIntroduction", "内部交流".into()),
        ("accountID", account.into()),
    ]
}

const TOKEN_A: &str = "cc7df2350a7755214dc93df48e15d682";

fn with(mut pairs: Pairs, name: &'static str, value: &str) -> Pairs {
    match pairs.iter_mut().find(|(n, _)| *n == name) {
        Some(pair) => pair.1 = value.into(),
        None => pairs.push((name, value.into())),
    }
    pairs
}

fn without(mut pairs: Pairs, name: &str) -> Pairs {
    pairs.retain(|(n, _)| *n != name);
    pairs
}

fn invite(account: &str, channel: &str) -> Pairs {
    vec![
        ("accountID", account.into()),
        ("appKey", "1111111111".into()),
        ("multimediaURL", SEED_URL.into()),
        ("callbackURL", SEED_CALLBACK.into()),
        ("tempChannelID", channel.into()),
    ]
}

/// A request each daoke endpoint accepts from the demo fixtures.
fn one_valid_request_per_daoke_endpoint() -> [(Api, Pairs); 4] {
    [
        (Api::CreateGroup, create_group("aaaaaaaaaa", "g")),
        (
            Api::VerifyApplyJoiningMember,
            verify("pnlmBtmoFR3IFt7y", "kxl1QuHKCD", "1"),
        ),
        (
            Api::ApplyMicroChannel,
            apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
        ),
        (Api::InviteUserJoin, invite("2222222222", "12349")),
    ]
}

fn meeting() -> InviteMeeting {
    InviteMeeting {
        account_sid: YTX_SID.into(),
        auth_token: AuthToken::new(YTX_TOKEN),
        timestamp: CLOCK.into(),
        appid: YTX_APPID.into(),
        confid: "002".into(),
        parties: vec![
            Party::new("张三", "15000000804"),
            Party::new("李四", "13600007556"),
        ],
        ..InviteMeeting::default()
    }
}

// ---------------------------------------------------------------- daoke codes

#[test]
fn me01002_unknown_app_key() {
    let mut lab = Lab::new();
    for (api, pairs) in one_valid_request_per_daoke_endpoint() {
        let unknown = with(pairs, "appKey", "9999999999");
        assert_eq!(
            lab.daoke_signed(api, &refs(&unknown), "whatever"),
            err("ME01002", "appKey error"),
            "{api:?}"
        );
    }
}

#[test]
fn me01003_access_token_not_matched() {
    let mut lab = Lab::new();
    let wrong = apply("aaaaaaaaaa", "00000000000000000000000000000000", "aaaaaa");
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&wrong)),
        err("ME01003", "access token not matched")
    );
    // No token stored for the pair, an empty token, and a token sent twice (a table).
    let none = apply("DupAccount", "", "aaaaaa");
    assert_eq!(lab.daoke(Api::ApplyMicroChannel, &refs(&none)).0, "ME01003");
    // The server leaves the table out of its signature, so the client signs without it.
    let signed = signkit::daoke::sign(
        &params(&refs(&without(
            apply("aaaaaaaaaa", "", "aaaaaa"),
            "accessToken",
        ))),
        &Secret::new(DEMO_SECRET),
    );
    let mut sent = signed.canonical.clone();
    sent.push("accessToken", TOKEN_A);
    sent.push("accessToken", TOKEN_A);
    let body = form_body(&sent, Some(&signed.sign));
    assert_eq!(
        lab.daoke_body(Api::ApplyMicroChannel, &body),
        err("ME01003", "access token not matched")
    );
}

#[test]
fn me01004_expired_token_is_deleted() {
    let mut lab = Lab::new();
    let pairs = apply("bbbbbbbbbb", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "aaaaaa");
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&pairs)),
        err("ME01004", "access token expired")
    );
    assert!(!lab
        .state()
        .daoke
        .access_tokens
        .iter()
        .any(|t| t.account_id == "bbbbbbbbbb"));
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&pairs)).0,
        "ME01003"
    );
}

#[test]
fn me01005_token_without_the_weibo_info_right() {
    let mut lab = Lab::new();
    let pairs = apply("cccccccccc", "cccccccccccccccccccccccccccccccc", "aaaaaa");
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&pairs)),
        err("ME01005", "access token not this authorization")
    );
}

#[test]
fn me01019_sign_mismatch_on_every_endpoint() {
    let mut lab = Lab::new();
    for (api, pairs) in one_valid_request_per_daoke_endpoint() {
        let expected = err("ME01019", "sign is not match!");
        assert_eq!(
            lab.daoke_signed(api, &refs(&pairs), "another secret"),
            expected,
            "{api:?}"
        );
        // A sign that is missing, or in lower case.
        let mut request = raw_daoke(api, &refs(&pairs), DEMO_SECRET);
        let body = String::from_utf8(request.body.clone()).unwrap();
        let sign = body
            .split("sign")
            .last()
            .unwrap()
            .chars()
            .filter(char::is_ascii_hexdigit)
            .take(40)
            .collect::<String>();
        request.body = body.replace(&sign, &sign.to_lowercase()).into_bytes();
        assert_eq!(envelope(&lab.send(&request)).0, "ME01019", "{api:?}");
    }
    let unsigned = form_body(&params(&refs(&create_group("aaaaaaaaaa", "g"))), None);
    assert_eq!(
        lab.daoke_body(Api::CreateGroup, &unsigned),
        err("ME01019", "sign is not match!")
    );
}

#[test]
fn me01020_values_that_break_the_sql_change_nothing() {
    let mut lab = Lab::new();
    let before = lab.state().clone();
    assert_eq!(
        lab.daoke(
            Api::CreateGroup,
            &refs(&create_group("aaaaaaaaaa", "O'Brien"))
        ),
        err("ME01020", "mysql failed!")
    );
    assert_eq!(lab.state(), &before);
    let trailing = with(
        create_group("aaaaaaaaaa", "clean"),
        "callbackURL",
        "http://h.example.com/cb\\",
    );
    assert_eq!(lab.daoke(Api::CreateGroup, &refs(&trailing)).0, "ME01020");
    assert_eq!(lab.state().daoke.groups, before.daoke.groups);
    assert_eq!(
        lab.daoke(
            Api::VerifyApplyJoiningMember,
            &refs(&verify("p'x", "kxl1QuHKCD", "1"))
        )
        .0,
        "ME01020"
    );
    let intro = with(
        apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
        "chiefAnnouncerIntr",
        "abcde\\",
    );
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&intro)).0,
        "ME01020"
    );
    assert!(lab.state().daoke.channel_applications.is_empty());
}

#[test]
fn me01021_cache_error_loading_the_secret() {
    let mut lab = Lab::new();
    let pairs = [
        ("appKey", "5555555555"),
        ("accountID", "aaaaaaaaaa"),
        ("groupName", "g"),
    ];
    assert_eq!(
        lab.daoke_signed(Api::CreateGroup, &pairs, "DEMO-SECRET-cache-fault"),
        err("ME01021", "redis failed!")
    );
}

#[test]
fn me01022_internal_errors() {
    let mut lab = Lab::new();
    let internal = err("ME01022", "internal data error!");
    // inviteUserJoin: the online sets cannot be read; tempChannelID missing.
    assert_eq!(
        lab.daoke(Api::InviteUserJoin, &refs(&invite("2222222222", "99999"))),
        internal
    );
    assert_eq!(
        lab.daoke(
            Api::InviteUserJoin,
            &refs(&without(invite("2222222222", "1"), "tempChannelID"))
        ),
        internal
    );
    // applyMicroChannel: the user is listed twice.
    let duplicated = apply("DupAccount", "dddddddddddddddddddddddddddddddd", "aaaaaa");
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&duplicated)),
        internal
    );
    // applyMicroChannel: a name without `=` is `true`, which the accountID check cannot read.
    assert_eq!(
        lab.daoke_body(Api::ApplyMicroChannel, "appKey=1111111111&accountID"),
        internal
    );
    // verify: a callback without host:port fails after the decision was stored.
    let pairs = with(
        verify("pnlmBtmoFR3IFt7y", "kxl1QuHKCD", "1"),
        "callbackURL",
        "http://example.com/cb",
    );
    assert_eq!(
        lab.daoke(Api::VerifyApplyJoiningMember, &refs(&pairs)),
        internal
    );
    let record = lab
        .state()
        .daoke
        .join_applications
        .iter()
        .find(|j| j.account_id == "kxl1QuHKCD")
        .unwrap();
    assert_eq!(record.member_status, 7);
    assert!(matches!(
        lab.state().outbound.last().map(|r| &r.call),
        Some(OutboundCall::VerifyCallback { sent: false, .. })
    ));
}

#[test]
fn me01023_names_every_parameter_the_server_reports() {
    let cases: Vec<(Api, Pairs, &str)> = vec![
        (
            Api::CreateGroup,
            with(create_group("aaaaaaaaaa", "g"), "appKey", "1x"),
            "appKey",
        ),
        (
            Api::CreateGroup,
            without(create_group("aaaaaaaaaa", "g"), "appKey"),
            "appKey",
        ),
        (
            Api::CreateGroup,
            create_group("aaaa-aaaaa", "g"),
            "accountID",
        ),
        (
            Api::CreateGroup,
            create_group("aaaaaaaaaa", &"车".repeat(11)),
            "groupName",
        ),
        (
            Api::CreateGroup,
            with(create_group("aaaaaaaaaa", "g"), "callbackURL", ""),
            "callbackURL",
        ),
        (
            Api::CreateGroup,
            with(create_group("aaaaaaaaaa", "g"), "isCarFleet", "-0"),
            "isCarFleet",
        ),
        (
            Api::CreateGroup,
            with(create_group("aaaaaaaaaa", "g"), "isTempGroup", "0.5"),
            "isTempGroup",
        ),
        (
            Api::VerifyApplyJoiningMember,
            with(
                verify("pnlmBtmoFR3IFt7y", "kxl1QuHKCD", "1"),
                "creatorAccountID",
                "short",
            ),
            "accountID",
        ),
        (
            Api::VerifyApplyJoiningMember,
            verify("p0123456789abcdef", "kxl1QuHKCD", "1"),
            "groupID",
        ),
        (
            Api::VerifyApplyJoiningMember,
            verify("pnlmBtmoFR3IFt7y", "kxl1QuHKCD", ""),
            "yes",
        ),
        (
            Api::VerifyApplyJoiningMember,
            verify("pnlmBtmoFR3IFt7y", "kxl1QuHKCD, bbbbbbbbbb", "1"),
            "applyAccountID",
        ),
        (
            Api::ApplyMicroChannel,
            without(apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"), "accessToken"),
            "accessToken",
        ),
        (
            Api::ApplyMicroChannel,
            apply("aaaaaaaaaa", TOKEN_A, "1abcde"),
            "channelNumber",
        ),
        (
            Api::ApplyMicroChannel,
            with(apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"), "channelName", "a'b"),
            "channelName",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "channelIntroduction",
                "",
            ),
            "channelIntroduction",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "channelCityCode",
                "11000a",
            ),
            "channelCityCode",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "channelCatalogID",
                "12345678901",
            ),
            "channelCatalogID",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "channelCatalogID",
                "300303",
            ),
            "channelCatalogID",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "chiefAnnouncerIntr",
                "abcd",
            ),
            "chiefAnnouncerIntr",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "channelKeyWords",
                "a,b,c,d,e,f",
            ),
            "channelKeyWords",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "channelCatalogUrl",
                "http://x/a.png?v=1",
            ),
            "channelCatalogUrl",
        ),
        (
            Api::ApplyMicroChannel,
            with(
                apply("aaaaaaaaaa", TOKEN_A, "aaaaaa"),
                "channelCityCode",
                "999999",
            ),
            "cityCode",
        ),
        (Api::InviteUserJoin, invite("2222", "12349"), "accountID"),
        (
            Api::InviteUserJoin,
            with(invite("2222222222", "12349"), "customType", "2"),
            "DEFAULT_ERROR",
        ),
        (
            Api::InviteUserJoin,
            with(invite("2222222222", "88888"), "callbackURL", "ftp://cb"),
            "callbackURL",
        ),
        (
            Api::InviteUserJoin,
            with(invite("2222222222", "88888"), "multimediaURL", "http:/x"),
            "multimediaURL",
        ),
        (
            Api::InviteUserJoin,
            invite("2222222222", "1234567890"),
            "tempChannelID",
        ),
        // The fan-out's last failure text is passed through (here with and without a text).
        (
            Api::InviteUserJoin,
            invite("2222222222", "0123520"),
            "send weibo failed",
        ),
        (Api::InviteUserJoin, invite("2222222222", "77777"), "%s"),
    ];
    for (api, pairs, name) in cases {
        let mut lab = Lab::new();
        let pairs = refs(&pairs);
        assert_eq!(
            lab.daoke(api, &pairs),
            err("ME01023", &format!("{name} is error!")),
            "{api:?} {pairs:?}"
        );
    }
    // A user missing from the user table, reachable with the internal app (no token).
    let mut lab = Lab::new();
    let internal = with(
        without(apply("zzzzzzzzzz", "", "aaaaaa"), "accessToken"),
        "appKey",
        "3333333333",
    );
    let result = lab.daoke_signed(
        Api::ApplyMicroChannel,
        &refs(&internal),
        "DEMO-SECRET-internal-app",
    );
    assert_eq!(result, err("ME01023", "accountID is error!"));
    // A repeated appKey is a table: it fails the appKey check.
    let mut repeated = apply("aaaaaaaaaa", TOKEN_A, "aaaaaa");
    repeated.push(("appKey", "1111111111".into()));
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&repeated)),
        err("ME01023", "appKey is error!")
    );
    // Parser failures: applyMicroChannel `args`, inviteUserJoin an empty name.
    let mut lab = Lab::new();
    let mut request = raw_daoke(
        Api::ApplyMicroChannel,
        &refs(&apply("aaaaaaaaaa", TOKEN_A, "aaaaaa")),
        DEMO_SECRET,
    );
    request.method = "PUT".into();
    assert_eq!(
        envelope(&lab.send(&request)),
        err("ME01023", "args is error!")
    );
    let mut request = raw_daoke(
        Api::InviteUserJoin,
        &refs(&invite("2222222222", "12349")),
        DEMO_SECRET,
    );
    let content_type = request.headers[0].1.replace("; boundary=", ";  boundary=");
    request.headers[0].1 = content_type;
    let response = lab.send(&request);
    assert_eq!(
        response.body,
        b"{\"ERRORCODE\":\"ME01023\", \"RESULT\":\" is error!\"}\n"
    );
    assert_eq!(response.header("Content-Type"), Some("text/plain"));
}

#[test]
fn me01024_no_body() {
    let mut lab = Lab::new();
    for api in Api::DAOKE {
        let response = lab.send(&HttpRequest {
            method: "POST".into(),
            target: api.path().into(),
            ..HttpRequest::default()
        });
        let expected_type = if api.path().starts_with("/weiboapi/") {
            "application/json"
        } else {
            "text/plain"
        };
        assert_eq!(response.header("Content-Type"), Some(expected_type));
        assert_eq!(
            envelope(&response),
            err("ME01024", "http body is null!"),
            "{api:?}"
        );
    }
    // Longer than the body buffer (8192 bytes): nginx spooled it, the handler sees none.
    let padded = with(create_group("aaaaaaaaaa", "g"), "pad", &"x".repeat(8200));
    assert_eq!(lab.daoke(Api::CreateGroup, &refs(&padded)).0, "ME01024");
}

#[test]
fn me18004_duplicated_user_row() {
    let mut lab = Lab::new();
    let result = lab.daoke(Api::CreateGroup, &refs(&create_group("DupAccount", "g")));
    assert_eq!(result, err("ME18004", "accountID has more record in db!"));
}

#[test]
fn me18052_me18053_me18075_group_creation_rules() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.daoke(Api::CreateGroup, &refs(&create_group("zzzzzzzzzz", "g"))),
        err("ME18053", "this accountID is not exist!")
    );
    assert_eq!(
        lab.daoke(
            Api::CreateGroup,
            &refs(&create_group("aaaaaaaaaa", "语镜车队"))
        ),
        err("ME18052", "this group is already exist!")
    );
    // The owner of a group, an active fleet member, and a name that differs only in case.
    for (account, name) in [
        ("WFlYtlfPlg", "new"),
        ("eeeeeeeeee", "new"),
        ("aaaaaaaaaa", "语镜车队 "),
    ] {
        assert_eq!(
            lab.daoke(Api::CreateGroup, &refs(&create_group(account, name))),
            err("ME18075", "not allow to create group!")
        );
    }
}

#[test]
fn create_group_success_writes_the_business_effects() {
    let mut lab = Lab::new();
    let pairs = with(
        create_group("O40cml0y5p", "fleet"),
        "callbackURL",
        "http://cb.example.com:80/x",
    );
    let (code, result) = lab.daoke(Api::CreateGroup, &refs(&pairs));
    assert_eq!(
        (code.as_str(), result.as_str()),
        ("0", "{\"groupID\":\"pluX4ZOFYzcnOJ7z\"}")
    );
    let daoke = &lab.state().daoke;
    let group = daoke.groups.last().unwrap();
    assert_eq!(
        (
            group.group_id.as_str(),
            group.is_car_fleet,
            group.create_time
        ),
        ("pluX4ZOFYzcnOJ7z", 1, lab.now)
    );
    let membership = daoke.memberships.last().unwrap();
    assert_eq!(
        (
            membership.group_type,
            membership.role_type,
            membership.is_default_group
        ),
        (2, 1, 1)
    );
    assert_eq!(daoke.join_applications.last().unwrap().member_status, 1);
    assert_eq!(daoke.default_groups["O40cml0y5p"], "pluX4ZOFYzcnOJ7z");
    assert_eq!(daoke.car_fleet_sets["O40cml0y5p"], vec!["pluX4ZOFYzcnOJ7z"]);
    assert_eq!(
        daoke.group_callback_urls["pluX4ZOFYzcnOJ7z"],
        "http://cb.example.com:80/x"
    );
}

#[test]
fn me18054_me18055_group_lookups() {
    let mut lab = Lab::new();
    let missing = verify("pNoSuchGroup0001", "kxl1QuHKCD", "1");
    assert_eq!(
        lab.daoke(Api::VerifyApplyJoiningMember, &refs(&missing)),
        err("ME18054", "this groupID is not exist!")
    );
    let disabled = verify("pDisabled0000001", "aaaaaaaaaa", "1");
    assert_eq!(
        lab.daoke(Api::VerifyApplyJoiningMember, &refs(&disabled)),
        err("ME18055", "this groupID is unusable")
    );
}

#[test]
fn verify_success_and_its_callback() {
    let mut lab = Lab::new();
    let pairs = with(
        verify("pnlmBtmoFR3IFt7y", "kxl1QuHKCD,zzzzzzzzzz", "0"),
        "callbackURL",
        "http://10.0.0.5:80/cb",
    );
    let (code, result) = lab.daoke(Api::VerifyApplyJoiningMember, &refs(&pairs));
    assert_eq!(code, "0");
    assert_eq!(
        result,
        r#"[{"accountID":"kxl1QuHKCD","status":0},{"accountID":"zzzzzzzzzz","status":-1}]"#
    );
    let daoke = &lab.state().daoke;
    let record = daoke
        .join_applications
        .iter()
        .find(|j| j.account_id == "kxl1QuHKCD")
        .unwrap();
    assert_eq!(
        (record.member_status, record.yes, record.yes_time),
        (8, Some(0), Some(lab.now))
    );
    // Rejected applicants get a membership too (handler defect, reproduced).
    assert!(daoke
        .memberships
        .iter()
        .any(|m| m.account_id == "kxl1QuHKCD" && m.group_type == 1));
    let outbound = &lab.state().outbound;
    assert_eq!(outbound.len(), 1);
    assert_eq!((outbound[0].seq, outbound[0].at.as_str()), (1, CLOCK));
}

#[test]
fn me18090_rate_limit_per_temp_channel() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.daoke(Api::InviteUserJoin, &refs(&invite("2222222222", "12349"))),
        ("0".into(), "{\"count\":1}".into())
    );
    lab.now += 600;
    assert_eq!(
        lab.daoke(Api::InviteUserJoin, &refs(&invite("2222222222", "12349"))),
        err("ME18090", "ERROR")
    );
    lab.now += 1;
    assert_eq!(
        lab.daoke(Api::InviteUserJoin, &refs(&invite("2222222222", "12349")))
            .0,
        "0"
    );
    let seqs: Vec<u64> = lab.state().outbound.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=6).collect::<Vec<_>>());
}

#[test]
fn me18092_channel_not_live() {
    let mut lab = Lab::new();
    for channel in ["54321", "11111", "012349", "12a45"] {
        let result = lab.daoke(Api::InviteUserJoin, &refs(&invite("2222222222", channel)));
        assert_eq!(
            result,
            err("ME18092", "current channel not start"),
            "{channel}"
        );
    }
}

#[test]
fn me18104_me18105_me18106_channel_application_rules() {
    let mut lab = Lab::new();
    let taken = apply("aaaaaaaaaa", TOKEN_A, "fm00090080");
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&taken)),
        err("ME18104", "current user channel already exist")
    );
    for number in ["chan01", "chan02", "chan03"] {
        assert_eq!(
            lab.daoke(
                Api::ApplyMicroChannel,
                &refs(&apply("aaaaaaaaaa", TOKEN_A, number))
            ),
            ("0".into(), "ok!".into())
        );
    }
    let again = apply("aaaaaaaaaa", TOKEN_A, "CHAN01");
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&again)),
        err("ME18105", "Repeat submitted")
    );
    let fourth = apply("aaaaaaaaaa", TOKEN_A, "chan04");
    assert_eq!(
        lab.daoke(Api::ApplyMicroChannel, &refs(&fourth)),
        err("ME18106", "user channel Maximum")
    );
    assert_eq!(lab.state().daoke.channel_applications.len(), 3);
    assert_eq!(
        lab.state().daoke.channel_applications[0].city_name,
        "演示市"
    );
}

// ---------------------------------------------------------------- YTX codes

#[test]
fn ytx_success_records_the_invitation() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.ytx(&meeting()),
        ("0".into(), "提交成功".into(), "2026110000000001".into())
    );
    let custom = InviteMeeting {
        custom_parm: Some("ORDER-1".into()),
        ..meeting()
    };
    assert_eq!(lab.ytx(&custom).2, "2026110000000002");
    let invitations = &lab.state().ytx.invitations;
    assert_eq!(invitations.len(), 2);
    assert_eq!(
        invitations[1].custom_parm,
        Some(Value::String("ORDER-1".into()))
    );
    assert_eq!(invitations[0].parties[0]["name"], "张三");
    assert_eq!(lab.state().ytx.next_request_seq, 3);
}

#[test]
fn ytx_minus_2_missing_required_parameter() {
    let mut lab = Lab::new();
    for broken in [
        InviteMeeting {
            confid: String::new(),
            ..meeting()
        },
        InviteMeeting {
            appid: String::new(),
            ..meeting()
        },
    ] {
        assert_eq!(
            lab.ytx(&broken),
            ("-2".into(), "缺少必要参数".into(), String::new())
        );
    }
    for parties in [
        "",
        r#","parties":null"#,
        r#","parties":"""#,
        r#","parties":[]"#,
    ] {
        let body = format!(r#"{{"appid":"{YTX_APPID}","confid":"002"{parties}}}"#);
        let request = HttpRequest {
            body: body.into_bytes(),
            ..meeting_request()
        };
        assert_eq!(lab.ytx_request(&request).0, "-2", "{parties}");
    }
    // The builder writes no parties as the string "[]": present, so it is SBX011 instead.
    assert_eq!(
        lab.ytx(&InviteMeeting {
            parties: Vec::new(),
            ..meeting()
        })
        .0,
        "SBX011"
    );
}

#[test]
fn ytx_minus_205_application_validation() {
    let mut lab = Lab::new();
    for appid in [
        "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
        "ff8080815f0000000000000000000003",
        "ff8080815f0000000000000000000001",
        "ff8080815f0000000000000000000002",
    ] {
        let result = lab.ytx(&InviteMeeting {
            appid: appid.into(),
            ..meeting()
        });
        assert_eq!(
            result,
            ("-205".into(), "应用验证失败".into(), String::new()),
            "{appid}"
        );
    }
}

/// The built request for [`meeting`], to tamper with.
fn meeting_request() -> HttpRequest {
    to_http(build_invite_meeting(&meeting(), YtxEnvironment::Sandbox).request)
}

fn set_header(request: &mut HttpRequest, name: &str, value: Option<&str>) {
    request
        .headers
        .retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    if let Some(value) = value {
        request.headers.push((name.into(), value.into()));
    }
}

#[test]
fn ytx_sandbox_defined_codes_in_check_order() {
    let mut lab = Lab::new();
    let code = |lab: &mut Lab, request: &HttpRequest| lab.ytx_request(request).0;
    // SBX001: method, version, function.
    let mut request = meeting_request();
    request.method = "GET".into();
    assert_eq!(code(&mut lab, &request), "SBX001");
    for target in [
        "/2016/sid/x/call/TeleMeeting.wx?Sign=1",
        "/201612/sid//call/TeleMeeting.wx?Sign=1",
        "/201612/sid/x/call/TeleMeeting?Sign=1",
    ] {
        let request = HttpRequest {
            target: target.into(),
            ..meeting_request()
        };
        assert_eq!(code(&mut lab, &request), "SBX001", "{target}");
    }
    // SBX002: no Sign, or an empty one.
    let mut request = meeting_request();
    request.target = request.target.split('?').next().unwrap().to_owned();
    assert_eq!(lab.ytx_request(&request).1, "sandbox: Sign missing");
    request.target.push_str("?Sign=&sign=ABC");
    assert_eq!(code(&mut lab, &request), "SBX002");
    // SBX003: missing, not Base64, or no `|`.
    for value in [
        None,
        Some("!!!"),
        Some("YWJj"),
        Some(&*base64::encode(b"\xff|x")),
    ] {
        let mut request = meeting_request();
        set_header(&mut request, "Authorization", value);
        assert_eq!(code(&mut lab, &request), "SBX003", "{value:?}");
    }
    // SBX004: another account in the header.
    let mut request = meeting_request();
    set_header(
        &mut request,
        "authorization",
        Some(&base64::encode(format!("other|{CLOCK}").as_bytes())),
    );
    assert_eq!(code(&mut lab, &request), "SBX004");
    // SBX005, SBX006: timestamp shape and window (both ends included).
    for (timestamp, expected) in [
        ("20261325100000", "SBX005"),
        ("2026112510000", "SBX005"),
        ("20261124095959", "SBX006"),
        ("20261126100001", "SBX006"),
        ("20261124100000", "0"),
        ("20261126100000", "0"),
    ] {
        assert_eq!(
            lab.ytx(&InviteMeeting {
                timestamp: timestamp.into(),
                ..meeting()
            })
            .0,
            expected,
            "{timestamp}"
        );
    }
    // SBX007: unknown account (signed consistently with a made-up token).
    let stranger = InviteMeeting {
        account_sid: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz".into(),
        ..meeting()
    };
    assert_eq!(lab.ytx(&stranger).0, "SBX007");
    // SBX008: another token; a Sign in lower case is fine.
    assert_eq!(
        lab.ytx(&InviteMeeting {
            auth_token: AuthToken::new("f".repeat(32)),
            ..meeting()
        })
        .0,
        "SBX008"
    );
    let mut request = meeting_request();
    let (path, sign) = request.target.split_once("?Sign=").unwrap();
    request.target = format!("{path}?Sign={}", sign.to_lowercase());
    assert_eq!(code(&mut lab, &request), "0");
    // SBX009: not a JSON object.
    for body in ["action=inviteJoinMeeting", "[1]", "", "{\"appid\":\"\u{1}"] {
        let request = HttpRequest {
            body: body.into(),
            ..meeting_request()
        };
        assert_eq!(code(&mut lab, &request), "SBX009", "{body:?}");
    }
    // SBX010: another action.
    assert_eq!(
        lab.ytx(&InviteMeeting {
            action: Some("InviteJoinMeeting".into()),
            ..meeting()
        })
        .0,
        "SBX010"
    );
    // SBX011: parties malformed (checked after the application).
    for parties in [
        r#""[{name:1}]""#,
        r#""[{\"name\":\"a\"}]""#,
        r#"{"name":"a","phone":"1"}"#,
        r#""[]""#,
    ] {
        let body = format!(r#"{{"appid":"{YTX_APPID}","confid":"002","parties":{parties}}}"#);
        let request = HttpRequest {
            body: body.into_bytes(),
            ..meeting_request()
        };
        assert_eq!(code(&mut lab, &request), "SBX011", "{parties}");
    }
    // A JSON array of parties is accepted too.
    let body = format!(
        r#"{{"appid":"{YTX_APPID}","confid":"002","parties":[{{"name":"a","phone":"1"}}]}}"#
    );
    assert_eq!(
        code(
            &mut lab,
            &HttpRequest {
                body: body.into_bytes(),
                ..meeting_request()
            }
        ),
        "0"
    );
}

// ---------------------------------------------------------------- HTTP-level answers

#[test]
fn http_404_for_unknown_paths() {
    let mut lab = Lab::new();
    for target in [
        "/weiboapi/v3/createGroup",
        "/clientcustom/v2/inviteUserJoin/x",
        "/",
        "/sid/x",
    ] {
        let response = lab.send(&HttpRequest {
            method: "POST".into(),
            target: target.into(),
            ..HttpRequest::default()
        });
        assert_eq!(response.status, 404, "{target}");
        assert_eq!(
            response.header("Content-Type"),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(response.body, b"sandbox: no such endpoint\n");
    }
}

#[test]
fn http_413_above_the_body_limit_on_every_path() {
    let mut lab = Lab::new();
    for target in [
        "/weiboapi/v2/createGroup",
        "/201612/sid/x/call/TeleMeeting.wx",
        "/nowhere",
    ] {
        let body = vec![b'a'; 1_048_577];
        let response = lab.send(&HttpRequest {
            method: "POST".into(),
            target: target.into(),
            headers: Vec::new(),
            body,
        });
        assert_eq!(
            (response.status, response.body.as_slice()),
            (413, &b"sandbox: request body too large\n"[..]),
            "{target}"
        );
    }
    let at_limit = HttpRequest {
        method: "POST".into(),
        target: "/nowhere".into(),
        headers: Vec::new(),
        body: vec![b'a'; 1_048_576],
    };
    assert_eq!(lab.send(&at_limit).status, 404);
}

// ---------------------------------------------------------------- signatures

/// The spec's daoke vectors that name an endpoint, signed with the demo secret.
fn endpoint_vectors() -> Vec<(String, Api, Params, DaokeOptions)> {
    let vectors: Value = serde_json::from_str(include_str!("../../spec/vectors.json")).unwrap();
    vectors["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["scheme"] == "daoke-sha1" && v["api"].is_string())
        .map(|v| {
            let inputs = &v["inputs"];
            let pairs: Params = inputs["params"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap().to_owned(),
                        p[1].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let files = inputs["files"].as_array().map_or_else(Vec::new, |files| {
                files
                    .iter()
                    .map(|f| FilePart {
                        name: f["name"].as_str().unwrap().into(),
                        filename: f["filename"].as_str().unwrap().into(),
                        content_type: f["content_type"].as_str().unwrap().into(),
                        data: base64::decode(f["data_base64"].as_str().unwrap()).unwrap(),
                    })
                    .collect()
            });
            let mut options = DaokeOptions::default();
            options.encoding = Encoding::from_name(inputs["encoding"].as_str().unwrap());
            options.boundary = inputs["boundary"].as_str().map(str::to_owned);
            options.files = files;
            (
                v["id"].as_str().unwrap().to_owned(),
                Api::from_name(v["api"].as_str().unwrap()).unwrap(),
                pairs,
                options,
            )
        })
        .collect()
}

/// Answers a business rule may give to a well-formed, correctly signed request.
fn is_business_answer(code: &str, result: &str) -> bool {
    match code {
        "0" | "ME01003" | "ME01004" | "ME01005" | "ME01020" => true,
        // The fan-out's pass-through of a failed send.
        "ME01023" => result == "send weibo failed is error!" || result == "%s is error!",
        _ => code.starts_with("ME18"),
    }
}

/// One character changed, keeping its class so that format checks made before the
/// signature still pass: the ASCII letter or digit nearest the middle, else the non-ASCII
/// character nearest the middle moved to the next code point; `None` when there is neither.
fn change_one_character(value: &str) -> Option<String> {
    let chars: Vec<char> = value.chars().collect();
    let middle = chars.len() / 2;
    let rank = |c: char| {
        if c.is_ascii_alphanumeric() {
            0
        } else if c.is_ascii() {
            2
        } else {
            1
        }
    };
    let at = (0..chars.len()).min_by_key(|&i| (rank(chars[i]), i.abs_diff(middle)))?;
    let mut changed = chars.clone();
    changed[at] = match chars[at] {
        '9' => '8',
        'z' => 'y',
        'Z' => 'Y',
        c if c.is_ascii_alphanumeric() => char::from(c as u8 + 1),
        c if !c.is_ascii() => char::from_u32(c as u32 + 1)?,
        _ => return None,
    };
    Some(changed.into_iter().collect())
}

#[test]
fn vector_requests_signed_with_the_demo_secret_pass_and_tampering_fails() {
    let vectors = endpoint_vectors();
    assert_eq!(vectors.len(), 18);
    let mut tampered_values = 0;
    for (id, api, pairs, options) in vectors {
        let secret = Secret::new(DEMO_SECRET);
        let built =
            build_daoke_request(Some(api), &pairs, &secret, &options).expect("the vector builds");
        let request = to_http(built.request.clone());
        let (code, result) = envelope(&Lab::new().send(&request));
        assert!(is_business_answer(&code, &result), "{id}: {code} {result}");

        // Signed with another secret.
        let other = build_daoke_request(
            Some(api),
            &pairs,
            &Secret::new("TESTSECRET0123456789"),
            &options,
        )
        .unwrap();
        assert_eq!(
            envelope(&Lab::new().send(&to_http(other.request))).0,
            "ME01019",
            "{id} other secret"
        );
        // One character of the sign, or of any signed value (appKey selects the secret).
        let encode = |canonical: &Params, sign: &str| -> Vec<u8> {
            let mut sent = canonical.clone();
            sent.push("sign", sign);
            match request.header("content-type") {
                Some(t) if t.starts_with("multipart/") => {
                    let boundary = Boundary::new(t.split("boundary=").nth(1).unwrap()).unwrap();
                    multipart_body(&sent, None::<&Sign>, options.files.first(), &boundary).unwrap()
                }
                _ => form_body(&sent, None).into_bytes(),
            }
        };
        let canonical = built.signed.canonical.clone();
        let sign = built.signed.sign.to_string();
        let flipped = change_one_character(&sign).unwrap();
        let mut tampered = request.clone();
        tampered.body = encode(&canonical, &flipped);
        assert_eq!(
            envelope(&Lab::new().send(&tampered)).0,
            "ME01019",
            "{id} sign"
        );
        for (index, (name, value)) in canonical.pairs().iter().enumerate() {
            let Some(changed) = change_one_character(value).filter(|_| name != "appKey") else {
                continue;
            };
            let altered: Params = canonical
                .pairs()
                .iter()
                .enumerate()
                .map(|(i, (n, v))| {
                    (
                        n.clone(),
                        if i == index {
                            changed.clone()
                        } else {
                            v.clone()
                        },
                    )
                })
                .collect();
            let mut tampered = request.clone();
            tampered.body = encode(&altered, &sign);
            assert_eq!(
                envelope(&Lab::new().send(&tampered)).0,
                "ME01019",
                "{id}: {name} {value:?} -> {changed:?}"
            );
            tampered_values += 1;
        }
    }
    // Every signed value of the 18 requests except appKey and the one empty isCarMember.
    assert_eq!(tampered_values, 84);
}

#[test]
fn ytx_vector_requests_pass_and_tampering_fails() {
    let vectors: Value = serde_json::from_str(include_str!("../../spec/vectors.json")).unwrap();
    for v in vectors["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["scheme"] == "ytx-md5")
    {
        let inputs = &v["inputs"];
        let text = |name: &str| inputs[name].as_str().unwrap().to_owned();
        // The vectors' timestamps are years old: the request is made now, with the demo
        // account (the vectors' own credentials are not all configured).
        let invite = InviteMeeting {
            version: text("version"),
            appid: text("appid"),
            confid: text("confid"),
            parties: inputs["parties"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| Party::new(p["name"].as_str().unwrap(), p["phone"].as_str().unwrap()))
                .collect(),
            custom_parm: inputs["CustomParm"].as_str().map(str::to_owned),
            ..meeting()
        };
        let id = v["id"].as_str().unwrap();
        assert_eq!(Lab::new().ytx(&invite).0, "0", "{id}");
        let request = to_http(build_invite_meeting(&invite, YtxEnvironment::Sandbox).request);
        let sign = request.target.split("Sign=").nth(1).unwrap().to_owned();
        let mut tampered = request.clone();
        tampered.target = request
            .target
            .replace(&sign, &change_one_character(&sign).unwrap());
        assert_eq!(Lab::new().ytx_request(&tampered).0, "SBX008", "{id}");
        let other_token = InviteMeeting {
            auth_token: AuthToken::new("fedcba9876543210fedcba9876543210"),
            ..invite
        };
        assert_eq!(Lab::new().ytx(&other_token).0, "SBX008", "{id}");
    }
}

// ---------------------------------------------------------------- state document

#[test]
fn the_state_document_round_trips_and_resumes() {
    let mut lab = Lab::new();
    lab.daoke(
        Api::CreateGroup,
        &refs(&create_group("aaaaaaaaaa", "first")),
    );
    let pairs = with(
        verify("pnlmBtmoFR3IFt7y", "kxl1QuHKCD", "1"),
        "callbackURL",
        "http://10.0.0.5:80/cb",
    );
    lab.daoke(Api::VerifyApplyJoiningMember, &refs(&pairs));
    lab.daoke(Api::InviteUserJoin, &refs(&invite("2222222222", "12349")));
    lab.daoke(
        Api::ApplyMicroChannel,
        &refs(&apply(
            "bbbbbbbbbb",
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            "aaaaaa",
        )),
    );
    lab.ytx(&meeting());

    let json = lab.sandbox.state_json();
    let resumed = Sandbox::from_state_json(&json).expect("the state document loads");
    assert_eq!(resumed.state(), lab.state());
    assert_eq!(resumed.state_json(), json);
    let outbound: Value = serde_json::from_str(&lab.sandbox.outbound_json()).unwrap();
    assert_eq!(outbound.as_array().map(Vec::len), Some(4));

    // The same requests give the same answers on both (the random source continues).
    let mut twin = Lab {
        sandbox: resumed,
        now: lab.now,
    };
    for account in ["bbbbbbbbbb", "cccccccccc"] {
        let pairs = create_group(account, account);
        assert_eq!(
            lab.daoke(Api::CreateGroup, &refs(&pairs)),
            twin.daoke(Api::CreateGroup, &refs(&pairs))
        );
    }
    assert_eq!(lab.ytx(&meeting()), twin.ytx(&meeting()));
    assert_eq!(lab.state(), twin.state());

    // A reset restores the configured fixtures, the seed and an empty outbound.
    lab.sandbox.reset(None, None).unwrap();
    assert_eq!(lab.sandbox.state(), Sandbox::demo().state());
}
