//! `PUT /users/me/language`: the caller's desktop says which language it shows, so the server's own
//! writing to that user (the e-mail of new voicemail) is in it alone. Kept in `users.json` for the
//! caller's own extension; audited.

use axum::extract::State as AxumState;
use axum::http::StatusCode;
use callprofiles_core::wire::LanguageRequest;

use super::AppState;
use super::error::ApiError;
use super::extract::{Authenticated, JsonBody};
use super::handlers::blocking;

/// `PUT /users/me/language` → 204.
pub async fn put_language(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(request): JsonBody<LanguageRequest>,
) -> Result<StatusCode, ApiError> {
    let users = state.users.clone();
    let extension = who.caller.extension.clone();
    let language = request.language;
    let result = blocking(move || {
        users
            .set_language(&extension, Some(language))
            .map_err(|error| ApiError::internal(&format!("{error:#}")))
    })
    .await;
    let outcome = if result.is_ok() { "done" } else { "failed" };
    state.audit.record(
        &format!("{}/{}", who.caller.extension, who.caller.device_id),
        &format!("set language {language} {outcome}"),
        &who.from.ip().to_string(),
    );
    result.map(|()| StatusCode::NO_CONTENT)
}
