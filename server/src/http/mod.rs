//! The HTTP API v1 (see ARCHITECTURE.md, "callprofiles-server"): routes, shared state, request time
//! limits.

mod automation;
mod error;
mod extract;
mod handlers;
mod language;
mod sse;
mod voicemail;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, patch, post, put};
use callprofiles_core::wire::ErrorKind;

pub use error::ApiError;
pub use extract::ClientAddr;

use crate::audit::Audit;
use crate::automation::ServerScheduler;
use crate::hub::Hub;
use crate::limits::Limiter;
use crate::users::Users;

/// How long a request may take to be answered (body read included; an SSE stream's answer is its
/// first bytes, so an open stream is not cut).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a telecommuter's call may take (the phone rings first).
pub const CALL_TIMEOUT: Duration = Duration::from_secs(120);

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// States and the PBX.
    pub hub: Arc<Hub>,
    /// Tokens and codes.
    pub users: Arc<Users>,
    /// The audit log.
    pub audit: Audit,
    /// Limits on bad enrollment codes.
    pub enroll_limits: Arc<Limiter>,
    /// Limits on bad tokens.
    pub auth_limits: Arc<Limiter>,
    /// When each user's rules run.
    pub scheduler: Arc<ServerScheduler>,
}

/// The router of `/api/v1`.
pub fn router(state: AppState) -> Router {
    let calls = Router::new()
        .route("/users/me/calls", post(handlers::call))
        .layer(middleware::from_fn(|request: Request, next: Next| {
            within(CALL_TIMEOUT, request, next)
        }));
    let api = Router::new()
        .route("/enroll", post(handlers::enroll))
        .route("/users/me", get(handlers::me))
        .route("/users/me/state", get(handlers::state))
        .route("/users/me/events", get(sse::events))
        .route("/users/me/activate", post(handlers::activate))
        .route("/users/me/profiles", post(handlers::create))
        .route(
            "/users/me/profiles/{id}",
            patch(handlers::rename).delete(handlers::delete_profile),
        )
        .route("/users/me/profiles/{id}/settings", put(handlers::set_settings))
        .route("/users/me/detected", post(handlers::save_detected))
        .route("/users/me/profiles/export", get(handlers::export))
        .route("/users/me/profiles/import", put(handlers::import))
        .route("/users/me/profiles/upload", post(handlers::upload))
        .route("/users/me/live", put(handlers::set_live))
        .route("/users/me/devices/current", delete(handlers::sign_out))
        .route("/users/me/language", put(language::put_language))
        .route("/users/me/automation", get(automation::view))
        .route("/users/me/automation/rules", put(automation::put_rules))
        .route("/users/me/automation/until", post(automation::until))
        .route("/users/me/automation/hold", delete(automation::clear_hold))
        .route("/users/me/automation/situation", put(automation::situation))
        .route("/users/me/automation/history", get(automation::history))
        .route("/users/me/voicemail", get(voicemail::messages))
        .route("/users/me/voicemail/messages/{id}", delete(voicemail::delete))
        .route("/users/me/voicemail/messages/{id}/heard", post(voicemail::heard))
        .route("/users/me/voicemail/messages/{id}/play", post(voicemail::play))
        .route("/users/me/voicemail/messages/{id}/audio", get(voicemail::message_audio))
        .route("/users/me/voicemail/greetings", get(voicemail::greetings))
        .route("/users/me/voicemail/greetings/{n}/record", post(voicemail::record))
        .route(
            "/users/me/voicemail/greetings/{n}/audio",
            get(voicemail::greeting_audio).put(voicemail::upload_greeting),
        )
        .layer(middleware::from_fn(|request: Request, next: Next| {
            within(REQUEST_TIMEOUT, request, next)
        }))
        .merge(calls);
    Router::new()
        .nest(callprofiles_core::wire::API_PREFIX, api)
        .fallback(|| async { ApiError::new(ErrorKind::NotFound, "There is no such endpoint.") })
        .with_state(state)
}

/// Answers 408 when the handler (reading the body included) takes longer than `limit`.
async fn within(limit: Duration, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => (
            axum::http::StatusCode::REQUEST_TIMEOUT,
            axum::Json(callprofiles_core::wire::ErrorBody::new(
                ErrorKind::BadRequest,
                "The request took too long (the body came too slowly).",
            )),
        )
            .into_response(),
    }
}
