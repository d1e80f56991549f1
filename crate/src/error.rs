//! Why a request could not be built.
//!
//! Building refuses only what would make the bytes on the wire wrong or ambiguous (a
//! boundary that occurs in the content, a file name that would break its header line, …).
//! It never judges parameter *values*: that is the validator's job, and the sandbox
//! conformance runner must be able to build requests the server rejects.

use alloc::borrow::ToOwned;
use alloc::string::String;

use crate::text::Bilingual;

/// What went wrong while building a request. [`BuildErrorKind::code`] is the stable id the
/// JS API and the app use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum BuildErrorKind {
    /// A YTX endpoint was given to the daoke builder.
    NotDaoke,
    /// No endpoint and no explicit path: there is nowhere to send the request.
    MissingPath,
    /// The path does not start with `/` or contains a space or control character (it would
    /// break the request line).
    InvalidPath,
    /// The host is empty or contains a space, a control character or `/`.
    InvalidHost,
    /// The multipart boundary breaks RFC 2046 (length 1–70, allowed characters, no trailing
    /// space; spec §5.2).
    InvalidBoundary,
    /// The boundary occurs inside a part, so the server would cut the body there (spec §5.2).
    BoundaryInContent,
    /// File parts were given with an encoding other than multipart.
    FilesNeedMultipart,
    /// More than one file part: the server mis-parses a second one (spec §5.2).
    TooManyFiles,
    /// A file part's field name is not `^[A-Za-z0-9_]+$`.
    InvalidFileField,
    /// A file name contains `"`, CR or LF (it is written unescaped in a header).
    InvalidFileName,
    /// A file part's media type does not start with `[A-Za-z0-9/-]` or contains CR or LF.
    InvalidFileContentType,
}

impl BuildErrorKind {
    /// The stable, kebab-case id of this kind (`"boundary-in-content"`, …).
    pub const fn code(&self) -> &'static str {
        match self {
            BuildErrorKind::NotDaoke => "not-daoke",
            BuildErrorKind::MissingPath => "missing-path",
            BuildErrorKind::InvalidPath => "invalid-path",
            BuildErrorKind::InvalidHost => "invalid-host",
            BuildErrorKind::InvalidBoundary => "invalid-boundary",
            BuildErrorKind::BoundaryInContent => "boundary-in-content",
            BuildErrorKind::FilesNeedMultipart => "files-need-multipart",
            BuildErrorKind::TooManyFiles => "too-many-files",
            BuildErrorKind::InvalidFileField => "invalid-file-field",
            BuildErrorKind::InvalidFileName => "invalid-file-name",
            BuildErrorKind::InvalidFileContentType => "invalid-file-content-type",
        }
    }
}

impl core::fmt::Display for BuildErrorKind {
    /// The [`code`](BuildErrorKind::code).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.code())
    }
}

/// A request that could not be built: the kind, the input field concerned (for example
/// `boundary` or `files[0].filename`) and a message in English and Chinese that names the
/// rule broken and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BuildError {
    /// What went wrong.
    pub kind: BuildErrorKind,
    /// The input field concerned, when there is one.
    pub field: Option<String>,
    /// What is wrong and how to fix it.
    pub message: Bilingual,
}

impl BuildError {
    /// An error of `kind` about `field`.
    pub fn new(kind: BuildErrorKind, field: Option<&str>, message: Bilingual) -> Self {
        BuildError {
            kind,
            field: field.map(str::to_owned),
            message,
        }
    }
}

impl core::fmt::Display for BuildError {
    /// `English message / 中文信息`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(&self.message, f)
    }
}

impl core::error::Error for BuildError {}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_KINDS: [BuildErrorKind; 11] = [
        BuildErrorKind::NotDaoke,
        BuildErrorKind::MissingPath,
        BuildErrorKind::InvalidPath,
        BuildErrorKind::InvalidHost,
        BuildErrorKind::InvalidBoundary,
        BuildErrorKind::BoundaryInContent,
        BuildErrorKind::FilesNeedMultipart,
        BuildErrorKind::TooManyFiles,
        BuildErrorKind::InvalidFileField,
        BuildErrorKind::InvalidFileName,
        BuildErrorKind::InvalidFileContentType,
    ];

    #[test]
    fn codes_are_distinct_kebab_case() {
        let mut codes: Vec<&str> = ALL_KINDS.iter().map(BuildErrorKind::code).collect();
        for code in &codes {
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{code}"
            );
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ALL_KINDS.len());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_name_is_the_code() {
        for kind in ALL_KINDS {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
    }

    #[test]
    fn display_shows_both_languages() {
        let error = BuildError::new(
            BuildErrorKind::TooManyFiles,
            Some("files"),
            Bilingual::new("Send at most one file.", "最多发送一个文件。"),
        );
        assert_eq!(
            error.to_string(),
            "Send at most one file. / 最多发送一个文件。"
        );
        assert_eq!(error.field.as_deref(), Some("files"));
    }
}
