//! Extractors: the client's address, the authenticated caller, and a bounded JSON body.

use std::net::{IpAddr, SocketAddr};

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use callprofiles_core::wire::{MAX_BODY_BYTES, MAX_GREETING_UPLOAD_BYTES};
use serde::de::DeserializeOwned;

use super::AppState;
use super::error::ApiError;
use crate::users::{Caller, TokenRefusal};

/// The TCP peer, put in each request's extensions by the TLS accept loop.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub SocketAddr);

impl ClientAddr {
    /// The peer's address.
    pub fn ip(&self) -> IpAddr {
        self.0.ip()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<ClientAddr>()
            .copied()
            .ok_or_else(|| ApiError::internal(&"no client address"))
    }
}

/// The caller, authenticated by `Authorization: Bearer <token>`; rate-limited on failures per address
/// and per extension.
#[derive(Clone, Debug)]
pub struct Authenticated {
    /// Whose token.
    pub caller: Caller,
    /// From where.
    pub from: ClientAddr,
    /// The token itself (kept only to re-check it while a stream is open; never logged).
    pub token: String,
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let from = ClientAddr::from_request_parts(parts, state).await?;
        if let Some(seconds) = state.auth_limits.retry_after(from.ip(), None) {
            return Err(ApiError::rate_limited(seconds));
        }
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(ApiError::unauthorized)?
            .to_owned();
        let verdict = state.users.authenticate(&token).map_err(|e| ApiError::internal(&e))?;
        let extension = match &verdict {
            Ok(caller) => Some(caller.extension.clone()),
            Err(TokenRefusal::Wrong { extension } | TokenRefusal::Expired { extension }) => Some(extension.clone()),
            Err(TokenRefusal::Malformed | TokenRefusal::Unknown) => None,
        };
        let extension = extension.as_deref();
        if let Some(seconds) = state.auth_limits.retry_after(from.ip(), extension) {
            return Err(ApiError::rate_limited(seconds));
        }
        match verdict {
            Ok(caller) => Ok(Self { caller, from, token }),
            Err(refusal) => {
                tracing::warn!(from = %from.ip(), ?refusal, "token refused");
                state.auth_limits.fail(from.ip(), extension);
                Err(ApiError::unauthorized())
            }
        }
    }
}

/// A JSON body of at most 64 KiB (413 beyond; 400 when it does not parse).
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let RawBody(bytes) = RawBody::from_request(request, state).await?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|error| ApiError::bad_body(error.to_string()))
    }
}

/// The body's bytes, at most 64 KiB.
#[derive(Debug)]
pub struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, _: &S) -> Result<Self, ApiError> {
        read_body(request, MAX_BODY_BYTES).await.map(RawBody)
    }
}

/// An uploaded greeting's bytes (a WAV file), at most [`MAX_GREETING_UPLOAD_BYTES`]: the one body
/// allowed past 64 KiB, on its own route only.
#[derive(Debug)]
pub struct WavBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for WavBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, _: &S) -> Result<Self, ApiError> {
        read_body(request, MAX_GREETING_UPLOAD_BYTES).await.map(WavBody)
    }
}

/// Reads a body of at most `limit` bytes: 413 at once when its declared length is larger, or as soon
/// as more arrives.
async fn read_body(request: Request, limit: usize) -> Result<Bytes, ApiError> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(ApiError::too_large_than(limit));
    }
    axum::body::to_bytes(request.into_body(), limit).await.map_err(|error| {
        let inner = error.into_inner();
        if inner.downcast_ref::<http_body_util::LengthLimitError>().is_some()
            || inner
                .source()
                .is_some_and(|source| source.downcast_ref::<http_body_util::LengthLimitError>().is_some())
        {
            ApiError::too_large_than(limit)
        } else {
            ApiError::bad_body(format!("the body could not be read ({inner})"))
        }
    })
}
