//! The five endpoints and the two vendors, as plain enums.

/// The vendor an endpoint belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Vendor {
    /// DaoKe / Mirrtalk (语镜) open API: SHA-1 `sign` over sorted parameters.
    Daoke,
    /// YTX (云讯) cloud communication: MD5 `Sign` in the query, Base64 `Authorization`.
    Ytx,
}

/// A daoke body encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Encoding {
    /// `application/x-www-form-urlencoded` (spec §5.1).
    #[cfg_attr(feature = "serde", serde(rename = "form-urlencoded"))]
    FormUrlencoded,
    /// `multipart/form-data` (spec §5.2).
    #[cfg_attr(feature = "serde", serde(rename = "multipart"))]
    Multipart,
}

impl Encoding {
    /// `"form-urlencoded"` or `"multipart"`, the names the JS API and the spec use.
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::FormUrlencoded => "form-urlencoded",
            Encoding::Multipart => "multipart",
        }
    }

    /// The inverse of [`Encoding::name`].
    pub fn from_name(name: &str) -> Option<Encoding> {
        match name {
            "form-urlencoded" => Some(Encoding::FormUrlencoded),
            "multipart" => Some(Encoding::Multipart),
            _ => None,
        }
    }
}

/// One of the five endpoints signkit knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Api {
    /// daoke `POST /weiboapi/v2/createGroup` — create a group (集团, usually a fleet).
    CreateGroup,
    /// daoke `POST /weiboapi/v2/verifyApplyJoiningMember` — approve or reject join applications.
    VerifyApplyJoiningMember,
    /// daoke `POST /clientcustom/v2/applyMicroChannel` — apply for a micro channel (微频道).
    ApplyMicroChannel,
    /// daoke `POST /clientcustom/v2/inviteUserJoin` — invite online users into a temp channel.
    InviteUserJoin,
    /// YTX `POST /{version}/sid/{accountSID}/call/TeleMeeting.wx` — invite people into a meeting.
    InviteMeeting,
}

impl Api {
    /// All five endpoints, in the order the app shows them.
    pub const ALL: [Api; 5] = [
        Api::CreateGroup,
        Api::VerifyApplyJoiningMember,
        Api::ApplyMicroChannel,
        Api::InviteUserJoin,
        Api::InviteMeeting,
    ];

    /// The four daoke endpoints.
    pub const DAOKE: [Api; 4] = [
        Api::CreateGroup,
        Api::VerifyApplyJoiningMember,
        Api::ApplyMicroChannel,
        Api::InviteUserJoin,
    ];

    /// The endpoint's name as the spec, the JS API and the app's routes spell it.
    pub const fn name(self) -> &'static str {
        match self {
            Api::CreateGroup => "createGroup",
            Api::VerifyApplyJoiningMember => "verifyApplyJoiningMember",
            Api::ApplyMicroChannel => "applyMicroChannel",
            Api::InviteUserJoin => "inviteUserJoin",
            Api::InviteMeeting => "inviteMeeting",
        }
    }

    /// The inverse of [`Api::name`] (exact, case-sensitive).
    pub fn from_name(name: &str) -> Option<Api> {
        Api::ALL.into_iter().find(|api| api.name() == name)
    }

    /// Which vendor serves it.
    pub const fn vendor(self) -> Vendor {
        match self {
            Api::InviteMeeting => Vendor::Ytx,
            _ => Vendor::Daoke,
        }
    }

    /// The request path. For YTX this is a template: `/{version}/sid/{accountSID}/call/TeleMeeting.wx`.
    pub const fn path(self) -> &'static str {
        match self {
            Api::CreateGroup => "/weiboapi/v2/createGroup",
            Api::VerifyApplyJoiningMember => "/weiboapi/v2/verifyApplyJoiningMember",
            Api::ApplyMicroChannel => "/clientcustom/v2/applyMicroChannel",
            Api::InviteUserJoin => "/clientcustom/v2/inviteUserJoin",
            Api::InviteMeeting => "/{version}/sid/{accountSID}/call/TeleMeeting.wx",
        }
    }

    /// The daoke endpoint served at exactly this path, if any.
    pub fn from_daoke_path(path: &str) -> Option<Api> {
        Api::DAOKE.into_iter().find(|api| api.path() == path)
    }

    /// The encoding the seed documents use (daoke only): multipart for inviteUserJoin,
    /// form-urlencoded for the other three.
    pub const fn default_encoding(self) -> Option<Encoding> {
        match self {
            Api::InviteUserJoin => Some(Encoding::Multipart),
            Api::InviteMeeting => None,
            _ => Some(Encoding::FormUrlencoded),
        }
    }

    /// Whether the server also parses a multipart body (spec §5 table): inviteUserJoin and
    /// applyMicroChannel do; createGroup and verifyApplyJoiningMember mis-parse it.
    pub const fn accepts_multipart(self) -> bool {
        matches!(self, Api::InviteUserJoin | Api::ApplyMicroChannel)
    }

    /// Pipeline step 3 (spec §3.4): createGroup and verifyApplyJoiningMember drop a
    /// `callbackURL` whose canonical value is empty, because the seeds allow an empty value
    /// and the server rejects `callbackURL=`.
    pub const fn omits_empty_callback_url(self) -> bool {
        matches!(self, Api::CreateGroup | Api::VerifyApplyJoiningMember)
    }
}

impl core::fmt::Display for Api {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// An [`Api`] that is one of the four daoke endpoints: what the daoke server's routing
/// yields and its handlers take (the type says the vendor, so no handler has to reject a
/// YTX endpoint).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DaokeApi(Api);

impl DaokeApi {
    /// `api`, when it is a daoke endpoint.
    pub const fn new(api: Api) -> Option<DaokeApi> {
        match api.vendor() {
            Vendor::Daoke => Some(DaokeApi(api)),
            Vendor::Ytx => None,
        }
    }

    /// The daoke endpoint served at exactly this path ([`Api::path`]).
    pub fn from_path(path: &str) -> Option<DaokeApi> {
        Api::from_daoke_path(path).map(DaokeApi)
    }

    /// The endpoint.
    pub const fn api(self) -> Api {
        self.0
    }
}

impl From<DaokeApi> for Api {
    fn from(api: DaokeApi) -> Api {
        api.0
    }
}

impl core::fmt::Display for DaokeApi {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.0.name())
    }
}
