//! The error body: `{"error": "<kind>", "message": "<English sentence>", "detail": {...}?}`. The kind and
//! the typed detail let a desktop say it in the user's language; the message is for logs and curl.

use serde::{Deserialize, Serialize};

use crate::error::{AutomationError, ImportError, InputError, PhoneError, RuleError};

/// What kind of failure, one per HTTP status family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 401: no, bad, expired or revoked token.
    Unauthorized,
    /// 401: bad, used or expired enrollment code.
    EnrollmentRefused,
    /// 429: too many failures from this address or for this extension; see `Retry-After`.
    RateLimited,
    /// 413: the body is over 64 KiB.
    TooLarge,
    /// 400: the body does not parse, or a value in it does not (detail: the typed reason).
    BadRequest,
    /// 409/422: a rule of the product (detail: the `RuleError`, or the `AutomationError`).
    Rule,
    /// 404: no such endpoint or profile.
    NotFound,
    /// 503: the server cannot reach the PBX.
    PbxUnreachable,
    /// 502: the PBX refused or failed (detail: the `PhoneError`).
    Pbx,
    /// 500: the server failed.
    Internal,
}

impl ErrorKind {
    /// The HTTP status code that carries this kind (`Rule` is 422; 409 is used for a conflict).
    pub fn status(self) -> u16 {
        match self {
            Self::Unauthorized | Self::EnrollmentRefused => 401,
            Self::RateLimited => 429,
            Self::TooLarge => 413,
            Self::BadRequest => 400,
            Self::Rule => 422,
            Self::NotFound => 404,
            Self::PbxUnreachable => 503,
            Self::Pbx => 502,
            Self::Internal => 500,
        }
    }
}

/// The typed reason behind an error, when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorDetail {
    /// A value that does not parse (a name, a number).
    Input(InputError),
    /// A broken rule of the product.
    Rule(RuleError),
    /// An export file that cannot be imported.
    Import(ImportError),
    /// The PBX's failure.
    Phone(PhoneError),
    /// A refused automation rule or request (overlapping windows, an "until" already past…).
    Automation(AutomationError),
    /// How long to wait before trying again (also in `Retry-After`).
    RetryAfter {
        /// Seconds.
        seconds: u64,
    },
    /// The body's JSON does not fit the endpoint (the parser's words).
    Body {
        /// What is wrong.
        detail: String,
    },
}

/// An error as the server sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The kind (`"unauthorized"`, `"rule"`, …).
    pub error: ErrorKind,
    /// One English sentence.
    pub message: String,
    /// The typed reason, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<ErrorDetail>,
}

impl ErrorBody {
    /// An error without detail.
    pub fn new(error: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            error,
            message: message.into(),
            detail: None,
        }
    }

    /// The same with a typed detail.
    pub fn with_detail(mut self, detail: ErrorDetail) -> Self {
        self.detail = Some(detail);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_details_round_trip() -> Result<(), serde_json::Error> {
        let missing = RuleError::MissingNumber {
            profile: "Car".into(),
            what: "forwards calls",
            number_kind: "forwarding number",
        };
        let body = ErrorBody::new(ErrorKind::Rule, missing.to_string()).with_detail(ErrorDetail::Rule(missing));
        let json = serde_json::to_string(&body)?;
        assert!(json.contains("\"error\":\"rule\""), "{json}");
        assert_eq!(serde_json::from_str::<ErrorBody>(&json)?, body);
        let unreachable = PhoneError::Unreachable {
            address: "pbx:5038".into(),
            problem: crate::error::LinkProblem::Network {
                kind: std::io::ErrorKind::ConnectionRefused,
                detail: "refused".into(),
            },
        };
        let body = ErrorBody::new(ErrorKind::PbxUnreachable, "x").with_detail(ErrorDetail::Phone(unreachable));
        assert_eq!(serde_json::from_str::<ErrorBody>(&serde_json::to_string(&body)?)?, body);
        Ok(())
    }
}
