//! The daoke / Mirrtalk (语镜) open API: SHA-1 signing and body encodings (spec §4, §5).
//!
//! [`sign`](mod@sign) computes the signature, [`encode`] writes the two body encodings,
//! [`build`] runs the whole pipeline into a [`PreparedRequest`](crate::request::PreparedRequest),
//! and [`random`] is the seeded random source generated boundaries come from.

pub mod build;
pub mod encode;
pub mod random;
pub mod sign;

pub use build::{
    build_daoke_request, canonical_pairs, canonical_params, daoke_api, encode_multipart,
    DaokeOptions, DaokeRequest, DAOKE_HOST, DEFAULT_BODY_BUFFER_BYTES,
};
pub use encode::{
    check_file_part, form_body, multipart_body, multipart_content_type, percent_encode, Boundary,
    FORM_CONTENT_TYPE,
};
pub use random::SplitMix64;
pub use sign::{sign, Secret, Sign, Signed, StringToSign, SECRET_KEY};
