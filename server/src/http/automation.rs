//! Automatic switching (issue 13) for the caller's own extension: the view, the rules, "until", the
//! hold, the situation a desktop sees, the history. Each change runs core's verb (which runs the rules
//! at once), audits it — and the switch it made, in the scheduler's words —, pokes the user's scheduler
//! so it sleeps until the new next boundary, and answers the step with the fresh state.

use axum::Json;
use axum::extract::State as AxumState;
use callprofiles_core::CoreError;
use callprofiles_core::automation::{AutomationStep, AutomationView, Rules, Situation};
use callprofiles_core::wire::{AutomationChange, HistoryResponse, UntilRequest};

use super::AppState;
use super::error::ApiError;
use super::extract::{Authenticated, JsonBody};
use super::handlers::{blocking, change};
use crate::automation::audit_switch;

/// Runs an automation verb for the caller (see the module's comment).
async fn automation_change(
    state: &AppState,
    who: &Authenticated,
    what: String,
    verb: impl FnOnce(&crate::pbx::Pbx, &str) -> Result<AutomationStep, CoreError> + Send + 'static,
) -> Result<Json<AutomationChange>, ApiError> {
    let extension = who.caller.extension.clone();
    let result = change(state, who, what, verb).await;
    // Even a refused change may follow one made meanwhile: the scheduler re-reads (and starts watching).
    state.scheduler.poke(&extension);
    let (step, fresh) = result?;
    audit_switch(&state.audit, &extension, &step);
    Ok(Json(AutomationChange { step, state: fresh }))
}

/// `GET /users/me/automation`.
pub async fn view(AxumState(state): AxumState<AppState>, who: Authenticated) -> Result<Json<AutomationView>, ApiError> {
    let hub = state.hub.clone();
    let extension = who.caller.extension;
    blocking(move || hub.pbx().automation(&extension).map_err(ApiError::from))
        .await
        .map(Json)
}

/// `PUT /users/me/automation/rules`: checked whole (overlapping windows, unknown profiles… → 4xx with
/// the typed reason), saved, run.
pub async fn put_rules(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(rules): JsonBody<Rules>,
) -> Result<Json<AutomationChange>, ApiError> {
    automation_change(&state, &who, "save automation rules".to_owned(), move |pbx, ext| {
        pbx.save_rules(ext, rules)
    })
    .await
}

/// `POST /users/me/automation/until`.
pub async fn until(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(request): JsonBody<UntilRequest>,
) -> Result<Json<AutomationChange>, ApiError> {
    let what = format!(
        "activate {} until {} then {:?}",
        request.profile, request.until.ends, request.until.then
    );
    automation_change(&state, &who, what, move |pbx, ext| {
        pbx.activate_until(ext, &request.profile, request.until)
    })
    .await
}

/// `DELETE /users/me/automation/hold`.
pub async fn clear_hold(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
) -> Result<Json<AutomationChange>, ApiError> {
    automation_change(&state, &who, "clear hold".to_owned(), |pbx, ext| pbx.clear_hold(ext)).await
}

/// `PUT /users/me/automation/situation`: what one desktop sees (network, away), combined with the
/// user's other enrolled desktops (`automation::devices`: away only when all of them are).
pub async fn situation(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    JsonBody(situation): JsonBody<Situation>,
) -> Result<Json<AutomationChange>, ApiError> {
    let device = who.caller.device_id.clone();
    let users = state.users.clone();
    let extension = who.caller.extension.clone();
    let enrolled = blocking(move || {
        let file = users
            .current()
            .map_err(|error| ApiError::internal(&format!("{error:#}")))?;
        Ok(file
            .users
            .get(&extension)
            .map(|entry| entry.devices.iter().map(|device| device.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default())
    })
    .await?;
    automation_change(&state, &who, "report situation".to_owned(), move |pbx, ext| {
        pbx.report_situation(ext, &device, &enrolled, situation)
    })
    .await
}

/// `GET /users/me/automation/history`.
pub async fn history(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
) -> Result<Json<HistoryResponse>, ApiError> {
    let hub = state.hub.clone();
    let extension = who.caller.extension;
    blocking(move || hub.pbx().history(&extension).map_err(ApiError::from))
        .await
        .map(|entries| Json(HistoryResponse { entries }))
}
