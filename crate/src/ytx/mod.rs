//! The YTX (云讯) API: MD5 `Sign`, Base64 `Authorization`, the inviteMeeting request (spec §6).
//!
//! [`sign`](mod@sign) holds the signature scheme, [`request`] the inviteMeeting builder.

pub mod request;
pub mod sign;

pub use request::{
    build_invite_meeting, invite_meeting_body, parties_json, InviteMeeting, InviteMeetingBody,
    Party, YtxEnvironment, YtxRequest,
};
pub use sign::{timestamp_at, ytx_sign, AuthToken, YtxSignature, YtxStringToSign};
