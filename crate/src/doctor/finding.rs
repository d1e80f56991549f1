//! The doctor's findings (spec/doctor.md D3 `findings`): what the capture reader noticed, why
//! the server saw no parameters, and the validator's raw-mode findings (spec §3.4).

use crate::rules::Severity;
use crate::text::Bilingual;
use crate::validate;

/// Where a finding comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// Reading the capture, choosing the endpoint, or the server's parse of it.
    Capture,
    /// The validator in raw mode (spec §3.4): what the server answers once the sign is right.
    Validation,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Who reports it.
    pub source: Source,
    /// `capture-unsupported`, `capture-truncated`, … or the validator's rule id.
    pub id: String,
    /// The parameter it is about (validation findings).
    pub field: Option<String>,
    /// ERROR or WARN (validation findings).
    pub severity: Option<Severity>,
    /// The code the server would answer with, where known.
    pub server_code: Option<&'static str>,
    /// What happened and what to do, in English and Chinese.
    pub message: Bilingual,
}

impl Finding {
    /// A finding of the capture reader or the doctor itself.
    pub fn capture(id: &str, message: Bilingual) -> Finding {
        Finding {
            source: Source::Capture,
            id: id.to_owned(),
            field: None,
            severity: None,
            server_code: None,
            message,
        }
    }

    /// The same with the server code it leads to.
    pub(crate) fn with_code(mut self, code: &'static str) -> Finding {
        self.server_code = Some(code);
        self
    }
}

impl From<validate::Finding> for Finding {
    fn from(finding: validate::Finding) -> Finding {
        Finding {
            source: Source::Validation,
            id: finding.rule.to_owned(),
            field: Some(finding.field),
            severity: Some(finding.severity),
            server_code: finding.server_code,
            message: finding.message,
        }
    }
}
