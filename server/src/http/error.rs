//! `ApiError`: every failure as the contract's JSON body with its status (and `Retry-After` on 429).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use callprofiles_core::error::AutomationError;
use callprofiles_core::wire::{ErrorBody, ErrorDetail, ErrorKind};
use callprofiles_core::{AudioError, CoreError, PhoneError, StoreError};

use crate::pbx::unreachable;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    body: Box<ErrorBody>,
    retry_after: Option<u64>,
}

impl ApiError {
    /// An error of `kind` with an English sentence.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            body: Box::new(ErrorBody::new(kind, message)),
            retry_after: None,
        }
    }

    /// 401 for a missing, bad, expired or revoked token (all alike: nothing to learn from it).
    pub fn unauthorized() -> Self {
        Self::new(
            ErrorKind::Unauthorized,
            "This device is not signed in to the server (its token is missing, wrong, expired or revoked): connect it again with a new code.",
        )
    }

    /// 429 with how long to wait.
    pub fn rate_limited(seconds: u64) -> Self {
        let mut error = Self::new(
            ErrorKind::RateLimited,
            format!("Too many failed attempts: try again in {seconds} seconds."),
        );
        error.body.detail = Some(ErrorDetail::RetryAfter { seconds });
        error.retry_after = Some(seconds);
        error
    }

    /// 400 for a body that does not fit.
    pub fn bad_body(detail: impl Into<String>) -> Self {
        let detail = detail.into();
        let mut error = Self::new(ErrorKind::BadRequest, format!("The request is not valid: {detail}."));
        error.body.detail = Some(ErrorDetail::Body { detail });
        error
    }

    /// 413 for a route whose bodies may have up to `limit` bytes.
    pub fn too_large_than(limit: usize) -> Self {
        Self::new(
            ErrorKind::TooLarge,
            format!("The request is larger than {limit} bytes."),
        )
    }

    /// 500, logged here; the caller learns nothing of the server's insides.
    pub fn internal(error: &dyn std::fmt::Display) -> Self {
        tracing::error!(%error, "internal error");
        Self::new(
            ErrorKind::Internal,
            "The server failed to handle the request; see its log.",
        )
    }

    /// 500 for a file of the user's that the server keeps but cannot read (damaged by hand or by a disk,
    /// or written by a newer server): the file is left untouched and its path is in the log for the
    /// administrator; the user learns which of their things it holds, not where the server keeps it.
    fn unreadable_file(error: &StoreError) -> Self {
        tracing::error!(%error, "a user's file cannot be read; it is left untouched");
        let name = match error {
            StoreError::Corrupt { path, .. } | StoreError::Newer { path, .. } => {
                path.file_name().map(|name| name.to_string_lossy().into_owned())
            }
            _ => None,
        }
        .unwrap_or_default();
        Self::new(
            ErrorKind::Internal,
            format!(
                "Your {name} on the server cannot be read (it is damaged or was written by a newer server); it is kept untouched: ask the server's administrator, whose log names it."
            ),
        )
    }

    /// The kind.
    pub fn kind(&self) -> ErrorKind {
        self.body.error
    }
}

impl From<CoreError> for ApiError {
    fn from(error: CoreError) -> Self {
        let message = error.to_string();
        let (kind, detail) = match error {
            CoreError::Input(e) => (ErrorKind::BadRequest, ErrorDetail::Input(e)),
            CoreError::Rule(e) => (ErrorKind::Rule, ErrorDetail::Rule(e)),
            CoreError::Import(e) => (ErrorKind::BadRequest, ErrorDetail::Import(e)),
            CoreError::Automation(e @ (AutomationError::BadInput { .. } | AutomationError::UnknownZone { .. })) => {
                (ErrorKind::BadRequest, ErrorDetail::Automation(e))
            }
            CoreError::Automation(e) => (ErrorKind::Rule, ErrorDetail::Automation(e)),
            CoreError::Phone(e) if unreachable(&e) => (ErrorKind::PbxUnreachable, ErrorDetail::Phone(e)),
            CoreError::Phone(e) if not_found(&e) => (ErrorKind::NotFound, ErrorDetail::Phone(e)),
            CoreError::Phone(e) if bad_upload(&e) => (ErrorKind::BadRequest, ErrorDetail::Phone(e)),
            CoreError::Phone(e) => (ErrorKind::Pbx, ErrorDetail::Phone(e)),
            CoreError::Store(e @ (StoreError::Corrupt { .. } | StoreError::Newer { .. })) => {
                return Self::unreadable_file(&e);
            }
            other => return Self::internal(&other),
        };
        Self {
            body: Box::new(ErrorBody::new(kind, message).with_detail(detail)),
            retry_after: None,
        }
    }
}

/// A message or greeting the caller's mailbox does not hold (another user's id reads the same: 404).
fn not_found(error: &PhoneError) -> bool {
    matches!(
        error,
        PhoneError::MessageNotFound { .. }
            | PhoneError::Audio(AudioError::GreetingNotRecorded { .. } | AudioError::NoRecording)
    )
}

/// An uploaded greeting that cannot be used (400: the caller's file, not the PBX, is at fault).
fn bad_upload(error: &PhoneError) -> bool {
    matches!(
        error,
        PhoneError::Audio(
            AudioError::InvalidWav { .. }
                | AudioError::UnsupportedRate { .. }
                | AudioError::Empty
                | AudioError::TooLong { .. }
        )
    )
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.body.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, axum::Json(*self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
