//! The calls of the signer-only module as plain functions from the input bytes to an
//! [`Output`]; `exports` hands them to JS.

use alloc::string::String;
use alloc::vec::Vec;

use super::Status;
use crate::api::Api;
use crate::daoke::{daoke_api, Secret};
use crate::error::BuildError;
use crate::params::FilePart;
use crate::wasm::pieces::{self, MultipartOptions, Pieces};
use crate::ytx::{
    invite_meeting_body as body, ytx_sign as sign, AuthToken, InviteMeetingBody, Party,
};

/// What a call leaves for JS: a text of pieces, numbers, and body bytes.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Output {
    /// UTF-8 text: the pieces of the result.
    pub(super) text: String,
    /// The layout of the pieces (for most calls, only where they end).
    pub(super) layout: Vec<u32>,
    /// Body bytes (multipart only).
    pub(super) body: Vec<u8>,
}

impl Output {
    fn new((pieces, layout): (Pieces, Vec<u32>)) -> Self {
        Output {
            text: pieces.into_parts().0,
            layout,
            body: Vec::new(),
        }
    }

    /// Pieces cut only at their ends.
    fn pieces(pieces: Pieces) -> Self {
        let (text, ends) = pieces.into_parts();
        Output {
            text,
            layout: ends,
            body: Vec::new(),
        }
    }

    /// The pieces of a refusal: code, English, Chinese, then the field when there is one.
    fn refused(error: &BuildError) -> Self {
        let mut pieces = Pieces::default();
        pieces.push(error.kind.code());
        pieces.push(&error.message.en);
        pieces.push(&error.message.zh);
        if let Some(field) = &error.field {
            pieces.push(field);
        }
        Output::pieces(pieces)
    }
}

/// Why a call produced no result.
pub(super) enum Failure {
    Refused(BuildError),
    Malformed,
}

impl From<BuildError> for Failure {
    fn from(error: BuildError) -> Self {
        Failure::Refused(error)
    }
}

/// The status of a call and what it leaves for JS.
pub(super) fn outcome(result: Result<Output, Failure>) -> (Status, Output) {
    match result {
        Ok(output) => (Status::Done, output),
        Err(Failure::Refused(error)) => (Status::Refused, Output::refused(&error)),
        Err(Failure::Malformed) => (Status::Malformed, Output::default()),
    }
}

/// The input pieces, read in order.
struct Input<'a> {
    rest: &'a [u8],
}

impl<'a> Input<'a> {
    /// The next piece's bytes.
    fn bytes(&mut self) -> Result<&'a [u8], Failure> {
        let (length, rest) = self.rest.split_first_chunk().ok_or(Failure::Malformed)?;
        let length =
            usize::try_from(u32::from_le_bytes(*length)).map_err(|_| Failure::Malformed)?;
        let (piece, rest) = rest.split_at_checked(length).ok_or(Failure::Malformed)?;
        self.rest = rest;
        Ok(piece)
    }

    /// The next piece, which must be UTF-8 (what `TextEncoder` writes).
    fn text(&mut self) -> Result<&'a str, Failure> {
        core::str::from_utf8(self.bytes()?).map_err(|_| Failure::Malformed)
    }

    /// The next piece when `given`.
    fn optional_text(&mut self, given: bool) -> Result<Option<&'a str>, Failure> {
        given.then(|| self.text()).transpose()
    }

    /// `count` name-value pairs.
    fn pairs(&mut self, count: u32) -> Result<Vec<(&'a str, &'a str)>, Failure> {
        let mut pairs = Vec::new();
        for _ in 0..count {
            pairs.push((self.text()?, self.text()?));
        }
        Ok(pairs)
    }

    /// Every piece has been read: anything left means JS and wasm disagree on the layout.
    fn finish(self) -> Result<(), Failure> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(Failure::Malformed)
        }
    }
}

/// The endpoint numbered as the protocol says: 0 for none, else 1 + its index in `Api::ALL`.
fn endpoint(number: u32) -> Result<Option<Api>, Failure> {
    match number.checked_sub(1) {
        None => Ok(None),
        Some(index) => {
            let index = usize::try_from(index).map_err(|_| Failure::Malformed)?;
            Api::ALL
                .get(index)
                .copied()
                .map(Some)
                .ok_or(Failure::Malformed)
        }
    }
}

/// The daoke functions' endpoint, refused when it is a YTX one.
fn daoke_endpoint(number: u32) -> Result<Option<Api>, Failure> {
    Ok(daoke_api(endpoint(number)?)?)
}

/// Checks the endpoint of a daoke function before its other arguments are read (the order
/// in which the full package reports errors).
pub(super) fn check_daoke_api(api: u32) -> Result<Output, Failure> {
    daoke_endpoint(api).map(|_| Output::default())
}

/// `daokeSign`: `pairs` name-value pairs, then the secret.
pub(super) fn daoke_sign(input: &[u8], pairs: u32, reveal: bool) -> Result<Output, Failure> {
    let mut input = Input { rest: input };
    let pairs = input.pairs(pairs)?;
    let secret = input.text()?;
    input.finish()?;
    Ok(Output::new(pieces::signed(
        None,
        pairs,
        &Secret::new(secret),
        reveal,
    )))
}

/// `encodeForm`: as `daokeSign`, for an endpoint.
pub(super) fn encode_form(
    input: &[u8],
    pairs: u32,
    api: u32,
    reveal: bool,
) -> Result<Output, Failure> {
    let api = daoke_endpoint(api)?;
    let mut input = Input { rest: input };
    let pairs = input.pairs(pairs)?;
    let secret = input.text()?;
    input.finish()?;
    Ok(Output::new(pieces::form(
        api,
        pairs,
        &Secret::new(secret),
        reveal,
    )))
}

/// What `encodeMultipart` takes besides its input pieces.
pub(super) struct MultipartCall {
    /// How many name-value pairs.
    pub(super) pairs: u32,
    /// The endpoint number.
    pub(super) api: u32,
    /// Show the secret in `stringToSign`.
    pub(super) reveal: bool,
    /// Whether a boundary piece follows the secret.
    pub(super) boundary: bool,
    /// How many file parts follow (four pieces each).
    pub(super) files: u32,
    /// The seed of a generated boundary.
    pub(super) seed: u64,
}

/// `encodeMultipart`: the pairs, the secret, the boundary when given, then per file its
/// name, file name, content type and data.
pub(super) fn encode_multipart(input: &[u8], call: &MultipartCall) -> Result<Output, Failure> {
    let api = daoke_endpoint(call.api)?;
    let mut input = Input { rest: input };
    let pairs = input.pairs(call.pairs)?;
    let secret = input.text()?;
    let boundary = input.optional_text(call.boundary)?;
    let mut files = Vec::new();
    for _ in 0..call.files {
        files.push(FilePart {
            name: String::from(input.text()?),
            filename: String::from(input.text()?),
            content_type: String::from(input.text()?),
            data: input.bytes()?.to_vec(),
        });
    }
    input.finish()?;
    let options = MultipartOptions {
        boundary,
        files: &files,
        seed: call.seed,
        reveal: call.reveal,
    };
    let (pieces, layout, body) = pieces::multipart(api, pairs, &Secret::new(secret), &options)?;
    Ok(Output {
        body,
        ..Output::new((pieces, layout))
    })
}

/// `ytxSign`: accountSID, authToken, timestamp.
pub(super) fn ytx_sign(input: &[u8]) -> Result<Output, Failure> {
    let mut input = Input { rest: input };
    let (account_sid, auth_token, timestamp) = (input.text()?, input.text()?, input.text()?);
    input.finish()?;
    let mut pieces = Pieces::default();
    let signature = sign(account_sid, &AuthToken::new(auth_token), timestamp);
    pieces::push_signature(&mut pieces, &signature);
    Ok(Output::pieces(pieces))
}

/// `encodeInviteMeeting`: appid, confid, `parties` name-phone pairs, then customParm and
/// action when given.
pub(super) fn invite_meeting_body(
    input: &[u8],
    parties: u32,
    custom_parm: bool,
    action: bool,
) -> Result<Output, Failure> {
    let mut input = Input { rest: input };
    let (appid, confid) = (input.text()?, input.text()?);
    let mut list = Vec::new();
    for _ in 0..parties {
        list.push(Party::new(input.text()?, input.text()?));
    }
    let custom_parm = input.optional_text(custom_parm)?;
    let action = input.optional_text(action)?;
    input.finish()?;
    let text = body(&InviteMeetingBody {
        appid,
        confid,
        parties: &list,
        custom_parm,
        action,
    });
    Ok(Output {
        text,
        ..Output::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::daoke::{sign as daoke_sign_core, Secret};
    use crate::params::Params;

    /// The input block of `pieces`, as the JS half writes it.
    fn input(pieces: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        for piece in pieces {
            out.extend_from_slice(&(piece.len() as u32).to_le_bytes());
            out.extend_from_slice(piece);
        }
        out
    }

    /// The pieces of an output's text, cut at the UTF-16 ends of `ends`.
    fn cut(text: &str, ends: &[u32]) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut start = 0;
        ends.iter()
            .map(|&end| {
                let piece = String::from_utf16(&units[start..end as usize]).unwrap();
                start = end as usize;
                piece
            })
            .collect()
    }

    fn refusal(result: Result<Output, Failure>) -> Vec<String> {
        let (status, output) = outcome(result);
        assert_eq!(status, Status::Refused);
        cut(&output.text, &output.layout)
    }

    fn malformed(result: Result<Output, Failure>) {
        assert_eq!(outcome(result).0, Status::Malformed);
    }

    const D17: [(&str, &str); 4] = [
        ("appKey", "1111111111"),
        ("accountID", "abcdefghij"),
        ("accessToken", "tok"),
        ("Zeta", "z"),
    ];

    #[test]
    fn daoke_sign_gives_the_core_sign_first() {
        let bytes = input(&[
            b"appKey",
            b"1111111111",
            b"accountID",
            b"abcdefghij",
            b"accessToken",
            b"tok",
            b"Zeta",
            b"z",
            b"TESTSECRET0123456789",
        ]);
        let (status, output) = outcome(daoke_sign(&bytes, 4, false));
        assert_eq!(status, Status::Done);
        let params: Params = D17.into_iter().collect();
        let expected = daoke_sign_core(&params, &Secret::new("TESTSECRET0123456789"));
        assert!(
            output.text.starts_with(expected.sign.as_str()),
            "{}",
            output.text
        );
        assert_eq!(
            expected.sign.as_str(),
            "69600B8D50A96D422306CA0FD3F213CA1459BA6D"
        );
        // Three pieces (sign, "secret", "<secret>"), five signed pairs in byte order: Zeta,
        // accessToken, accountID, appKey, then the secret (pair 4).
        assert_eq!(output.layout, [3, 5, 40, 46, 54, 3, 2, 1, 0, 4]);
    }

    #[test]
    fn text_is_utf8_and_nul_is_ordinary() {
        let bytes = input(&[b"a\0b", "车".as_bytes(), b"s"]);
        assert_eq!(outcome(daoke_sign(&bytes, 1, true)).0, Status::Done);
        malformed(daoke_sign(&input(&[b"a", b"\xFF", b"s"]), 1, false));
    }

    #[test]
    fn input_not_laid_out_as_said_is_malformed() {
        let good = input(&[b"a", b"1", b"s"]);
        malformed(daoke_sign(&good[..good.len() - 1], 1, false));
        malformed(daoke_sign(&good[..2], 1, false));
        malformed(daoke_sign(&good, 2, false));
        malformed(daoke_sign(&good, 0, false));
        malformed(encode_form(&good, 1, 6, false));
        malformed(ytx_sign(&input(&[b"a", b"b"])));
    }

    #[test]
    fn endpoints_are_numbered_from_one() {
        assert_eq!(endpoint(0).ok(), Some(None));
        for (index, api) in Api::ALL.into_iter().enumerate() {
            assert_eq!(endpoint(index as u32 + 1).ok(), Some(Some(api)));
        }
        assert!(endpoint(6).is_err() && endpoint(u32::MAX).is_err());
        assert_eq!(outcome(check_daoke_api(1)).0, Status::Done);
    }

    #[test]
    fn refusals_carry_the_core_error() {
        let refused = refusal(check_daoke_api(5));
        assert_eq!(refused[0], "not-daoke");
        assert!(refused[1].starts_with("inviteMeeting is a YTX endpoint"));
        assert!(refused[2].contains("云讯"));
        assert_eq!(refused[3], "api");
        let bytes = input(&[b"a", b"1", b"s", b"bad;boundary"]);
        let call = MultipartCall {
            pairs: 1,
            api: 0,
            reveal: false,
            boundary: true,
            files: 0,
            seed: 0,
        };
        let refused = refusal(encode_multipart(&bytes, &call));
        assert_eq!(
            (refused[0].as_str(), refused[3].as_str()),
            ("invalid-boundary", "boundary")
        );
    }

    #[test]
    fn multipart_reads_the_files_and_leaves_the_body() {
        let bytes = input(&[
            b"a",
            b"1",
            b"s",
            b"Q",
            b"voiceFile",
            b"v.amr",
            b"audio/amr",
            b"\x00\xFF",
        ]);
        let call = MultipartCall {
            pairs: 1,
            api: 4,
            reveal: false,
            boundary: true,
            files: 1,
            seed: 0,
        };
        let (status, output) = outcome(encode_multipart(&bytes, &call));
        assert_eq!(status, Status::Done);
        assert!(output.text.starts_with("multipart/form-data; boundary=Q"));
        assert!(output
            .body
            .starts_with(b"--Q\r\nContent-Disposition: form-data; name=\"a\""));
        assert!(output.body.ends_with(b"\x00\xFF\r\n--Q--"));
        let two = MultipartCall { files: 2, ..call };
        malformed(encode_multipart(&bytes, &two));
    }

    #[test]
    fn ytx_calls_give_the_core_results() {
        let bytes = input(&[
            b"abcdefghijklmnopqrstuvwxyz012345",
            b"0123456789abcdef0123456789abcdef",
            b"20161212093000",
        ]);
        let (status, output) = outcome(ytx_sign(&bytes));
        assert_eq!(status, Status::Done);
        let pieces = cut(&output.text, &output.layout);
        assert_eq!(pieces[0], "F8F3C3E8991006B80934A19CEBF2D3A4");
        assert_eq!(
            pieces[3],
            "abcdefghijklmnopqrstuvwxyz012345<authToken>20161212093000"
        );
        let bytes = input(&[b"app", b"c1", "张三".as_bytes(), b"150", b"x"]);
        let (status, output) = outcome(invite_meeting_body(&bytes, 1, false, true));
        assert_eq!(status, Status::Done);
        assert_eq!(
            output.text,
            "{\"action\":\"x\",\"appid\":\"app\",\"confid\":\"c1\",\"parties\":\"[{\\\"name\\\":\\\"张三\\\",\\\"phone\\\":\\\"150\\\"}]\"}"
        );
    }
}
