//! The endpoints. Each acts only on the extension bound to the caller's token (never one named in the
//! request), runs core's verb on the blocking pool, re-reads the user's state (pushing it to their
//! other devices when it changed) and answers it; each change writes one audit line.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State as AxumState};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use callprofiles_core::wire::{
    ActivateRequest, CallRequest, CallResponse, CreateRequest, EnrollRequest, EnrollResponse, ErrorKind,
    ImportResponse, Me, RenameRequest, SaveDetectedRequest, State, UploadResponse,
};
use callprofiles_core::{CoreError, ProfileId, Settings};

use super::AppState;
use super::error::ApiError;
use super::extract::{Authenticated, ClientAddr, JsonBody, RawBody};
use crate::hub::Hub;
use crate::users::EnrollRefusal;

/// Runs a blocking job on the pool.
pub(super) async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|error| ApiError::internal(&error))?
}

/// Runs a core verb for the caller, then answers the user's fresh state; audits the change.
pub(super) async fn change<T: Send + 'static>(
    state: &AppState,
    who: &Authenticated,
    what: String,
    verb: impl FnOnce(&crate::pbx::Pbx, &str) -> Result<T, CoreError> + Send + 'static,
) -> Result<(T, State), ApiError> {
    let hub: Arc<Hub> = state.hub.clone();
    let extension = who.caller.extension.clone();
    let result = blocking(move || {
        let value = verb(hub.pbx(), &extension)?;
        let fresh = hub.refresh_now(&extension)?;
        Ok((value, fresh))
    })
    .await;
    let outcome = match &result {
        Ok(_) => "done".to_owned(),
        Err(error) => format!("refused:{:?}", error.kind()),
    };
    state.audit.record(
        &format!("{}/{}", who.caller.extension, who.caller.device_id),
        &format!("{what} {outcome}"),
        &who.from.ip().to_string(),
    );
    // A click holds until the rules' next change, a deleted profile disables its rules, an import
    // replaces them all: a watched user's rules run again (the automation endpoints poke on their own).
    state.scheduler.nudge(&who.caller.extension);
    result
}

/// A profile id from the path.
fn profile_id(text: &str) -> Result<ProfileId, ApiError> {
    ProfileId::parse(text).map_err(|_| ApiError::new(ErrorKind::NotFound, "There is no such profile."))
}

/// `POST /enroll`.
pub async fn enroll(
    AxumState(state): AxumState<AppState>,
    from: ClientAddr,
    JsonBody(request): JsonBody<EnrollRequest>,
) -> Result<Json<EnrollResponse>, ApiError> {
    let extension = request.extension.trim().to_owned();
    if let Some(seconds) = state.enroll_limits.retry_after(from.ip(), Some(&extension)) {
        return Err(ApiError::rate_limited(seconds));
    }
    let users = state.users.clone();
    let address = from.ip().to_string();
    let ext = extension.clone();
    let verdict = blocking(move || {
        users
            .enroll(&ext, &request.code, &request.device_name, &address)
            .map_err(|e| ApiError::internal(&e))
    })
    .await?;
    match verdict {
        Ok((token, device)) => {
            state.audit.record(
                &format!("{extension}/{}", device.id),
                &format!("enroll device {:?}", device.name),
                &from.ip().to_string(),
            );
            Ok(Json(EnrollResponse {
                token,
                device_id: device.id,
                extension,
            }))
        }
        Err(refusal) => {
            state.enroll_limits.fail(from.ip(), Some(&extension));
            tracing::warn!(from = %from.ip(), extension, ?refusal, "enrollment refused");
            let message = match refusal {
                EnrollRefusal::BadCode => {
                    "This enrollment code is not valid for this extension (wrong, or already used): ask your administrator for a new one."
                }
                EnrollRefusal::Expired => {
                    "This enrollment code has expired (codes last 24 hours): ask your administrator for a new one."
                }
            };
            Err(ApiError::new(ErrorKind::EnrollmentRefused, message))
        }
    }
}

/// `GET /users/me`.
pub async fn me(who: Authenticated) -> Json<Me> {
    Json(Me {
        extension: who.caller.extension,
        device_id: who.caller.device_id,
    })
}

/// `GET /users/me/state`.
pub async fn state(AxumState(state): AxumState<AppState>, who: Authenticated) -> Result<Json<State>, ApiError> {
    let hub = state.hub.clone();
    let extension = who.caller.extension;
    blocking(move || hub.refresh_now(&extension).map_err(ApiError::from))
        .await
        .map(Json)
}

/// `POST /users/me/activate`.
pub async fn activate(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(request): JsonBody<ActivateRequest>,
) -> Result<Json<State>, ApiError> {
    let id = request.profile;
    let what = format!("activate {id}");
    change(&state, &who, what, move |pbx, ext| pbx.activate(ext, &id))
        .await
        .map(|(_, fresh)| Json(fresh))
}

/// `PUT /users/me/profiles/{id}/settings`.
pub async fn set_settings(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
    JsonBody(settings): JsonBody<Settings>,
) -> Result<Json<State>, ApiError> {
    let id = profile_id(&id)?;
    let what = format!("set settings of {id}");
    change(&state, &who, what, move |pbx, ext| pbx.set_settings(ext, &id, settings))
        .await
        .map(|(_, fresh)| Json(fresh))
}

/// `POST /users/me/profiles`.
pub async fn create(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(request): JsonBody<CreateRequest>,
) -> Result<Json<State>, ApiError> {
    let what = "create profile".to_owned();
    change(&state, &who, what, move |pbx, ext| {
        pbx.create(ext, &request.name, request.from.as_ref())
    })
    .await
    .map(|(_, fresh)| Json(fresh))
}

/// `PATCH /users/me/profiles/{id}`.
pub async fn rename(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
    JsonBody(request): JsonBody<RenameRequest>,
) -> Result<Json<State>, ApiError> {
    let id = profile_id(&id)?;
    let what = format!("rename {id}");
    change(&state, &who, what, move |pbx, ext| pbx.rename(ext, &id, &request.name))
        .await
        .map(|(_, fresh)| Json(fresh))
}

/// `DELETE /users/me/profiles/{id}`.
pub async fn delete_profile(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> Result<Json<State>, ApiError> {
    let id = profile_id(&id)?;
    let what = format!("delete {id}");
    change(&state, &who, what, move |pbx, ext| pbx.delete(ext, &id))
        .await
        .map(|(_, fresh)| Json(fresh))
}

/// `POST /users/me/detected`.
pub async fn save_detected(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(request): JsonBody<SaveDetectedRequest>,
) -> Result<Json<State>, ApiError> {
    change(&state, &who, "save detected".to_owned(), move |pbx, ext| {
        pbx.save_detected(ext, &request.name)
    })
    .await
    .map(|(_, fresh)| Json(fresh))
}

/// `GET /users/me/profiles/export`.
pub async fn export(AxumState(state): AxumState<AppState>, who: Authenticated) -> Result<Response, ApiError> {
    let hub = state.hub.clone();
    let extension = who.caller.extension;
    let bytes = blocking(move || hub.pbx().export(&extension).map_err(ApiError::from)).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], bytes).into_response())
}

/// `PUT /users/me/profiles/import`.
pub async fn import(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    RawBody(bytes): RawBody,
) -> Result<Json<ImportResponse>, ApiError> {
    change(&state, &who, "import profiles".to_owned(), move |pbx, ext| {
        pbx.import(ext, &bytes)
    })
    .await
    .map(|(report, state)| Json(ImportResponse { report, state }))
}

/// `POST /users/me/profiles/upload`.
pub async fn upload(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    RawBody(bytes): RawBody,
) -> Result<Json<UploadResponse>, ApiError> {
    change(&state, &who, "upload profiles".to_owned(), move |pbx, ext| {
        pbx.upload(ext, &bytes)
    })
    .await
    .map(|(uploaded, state)| Json(UploadResponse { uploaded, state }))
}

/// `PUT /users/me/live`.
pub async fn set_live(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(settings): JsonBody<Settings>,
) -> Result<Json<State>, ApiError> {
    change(&state, &who, "set live settings".to_owned(), move |pbx, ext| {
        pbx.set_live(ext, &settings)
    })
    .await
    .map(|(_, fresh)| Json(fresh))
}

/// `POST /users/me/calls`.
pub async fn call(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(request): JsonBody<CallRequest>,
) -> Result<Json<CallResponse>, ApiError> {
    change(&state, &who, "place call".to_owned(), move |pbx, ext| {
        pbx.call(ext, &request.number)
    })
    .await
    .map(|(outcome, _)| Json(CallResponse { outcome }))
}

/// `DELETE /users/me/devices/current`: sign out (revokes this token).
pub async fn sign_out(AxumState(state): AxumState<AppState>, who: Authenticated) -> Result<StatusCode, ApiError> {
    let users = state.users.clone();
    let (extension, device) = (who.caller.extension.clone(), who.caller.device_id.clone());
    blocking(move || {
        users
            .revoke(&extension, Some(&device))
            .map_err(|e| ApiError::internal(&e))
    })
    .await?;
    state.audit.record(
        &format!("{}/{}", who.caller.extension, who.caller.device_id),
        "sign out (device revoked)",
        &who.from.ip().to_string(),
    );
    Ok(StatusCode::NO_CONTENT)
}
