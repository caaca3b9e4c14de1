//! The caller's mailbox (`/users/me/voicemail…`): messages, heard, delete, play on the phone, their
//! audio as `audio/wav`, greetings (which are recorded, record by phone, listen, upload). As every
//! endpoint, each acts on the token's extension only: a message id of another mailbox is simply not
//! found there (404). Changes are audited and noted as a mailbox change, which pushes a new state
//! (`mailbox_revision`) to the user's other devices.

use axum::Json;
use axum::extract::{Path, State as AxumState};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use callprofiles_core::settings::GreetingSlot;
use callprofiles_core::voicemail::MessageId;
use callprofiles_core::wire::{ErrorKind, GreetingsList, State, VoicemailList};

use super::AppState;
use super::error::ApiError;
use super::extract::{Authenticated, WavBody};
use super::handlers::{blocking, change};
use crate::pbx::Pbx;

/// A message id from the path (one that cannot be an id is not found, like an unknown one).
fn message_id(text: &str) -> Result<MessageId, ApiError> {
    MessageId::parse(text).map_err(|_| ApiError::new(ErrorKind::NotFound, "There is no such voicemail message."))
}

/// A greeting number from the path.
fn greeting_slot(text: &str) -> Result<GreetingSlot, ApiError> {
    text.parse::<u8>()
        .ok()
        .and_then(|n| GreetingSlot::new(n).ok())
        .ok_or_else(|| ApiError::new(ErrorKind::NotFound, "There is no such greeting: use 1 to 9."))
}

/// Runs a read-only verb for the caller on the blocking pool.
async fn read<T: Send + 'static>(
    state: &AppState,
    who: Authenticated,
    verb: impl FnOnce(&Pbx, &str) -> Result<T, callprofiles_core::CoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let hub = state.hub.clone();
    let extension = who.caller.extension;
    blocking(move || verb(hub.pbx(), &extension).map_err(ApiError::from)).await
}

/// Runs a verb that changes the mailbox: audited, then the user's state is pushed with a new
/// `mailbox_revision`.
async fn change_mailbox(
    state: &AppState,
    who: &Authenticated,
    what: String,
    verb: impl FnOnce(&Pbx, &str) -> Result<(), callprofiles_core::CoreError> + Send + 'static,
) -> Result<State, ApiError> {
    let hub = state.hub.clone();
    let (_, fresh) = change(state, who, what, move |pbx, extension| {
        verb(pbx, extension)?;
        hub.mailbox_changed(extension);
        Ok(())
    })
    .await?;
    Ok(fresh)
}

/// A WAV file's answer.
fn wav(bytes: Vec<u8>) -> Response {
    (
        [(header::CONTENT_TYPE, "audio/wav"), (header::CACHE_CONTROL, "no-store")],
        bytes,
    )
        .into_response()
}

/// `GET /users/me/voicemail`.
pub async fn messages(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
) -> Result<Json<VoicemailList>, ApiError> {
    let messages = read(&state, who, |pbx, ext| pbx.voicemail_messages(ext)).await?;
    Ok(Json(VoicemailList { messages }))
}

/// `POST /users/me/voicemail/messages/{id}/heard`.
pub async fn heard(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> Result<Json<State>, ApiError> {
    let id = message_id(&id)?;
    let what = format!("voicemail heard {id}");
    change_mailbox(&state, &who, what, move |pbx, ext| pbx.mark_heard(ext, &id))
        .await
        .map(Json)
}

/// `DELETE /users/me/voicemail/messages/{id}`.
pub async fn delete(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> Result<Json<State>, ApiError> {
    let id = message_id(&id)?;
    let what = format!("voicemail delete {id}");
    change_mailbox(&state, &who, what, move |pbx, ext| pbx.delete_message(ext, &id))
        .await
        .map(Json)
}

/// `POST /users/me/voicemail/messages/{id}/play`: rings the phone where calls go and plays it there.
pub async fn play(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = message_id(&id)?;
    let what = format!("voicemail play on phone {id}");
    change(&state, &who, what, move |pbx, ext| pbx.play_on_phone(ext, &id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /users/me/voicemail/messages/{id}/audio`: the recording as a PCM WAV file.
pub async fn message_audio(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = message_id(&id)?;
    read(&state, who, move |pbx, ext| pbx.message_audio(ext, &id))
        .await
        .map(wav)
}

/// `GET /users/me/voicemail/greetings`.
pub async fn greetings(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
) -> Result<Json<GreetingsList>, ApiError> {
    let recorded = read(&state, who, |pbx, ext| pbx.recorded_greetings(ext)).await?;
    Ok(Json(GreetingsList {
        recorded: recorded.slots.iter().map(|slot| slot.get()).collect(),
    }))
}

/// `POST /users/me/voicemail/greetings/{n}/record`: rings the phone to record greeting n.
pub async fn record(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(slot): Path<String>,
) -> Result<StatusCode, ApiError> {
    let slot = greeting_slot(&slot)?;
    let what = format!("voicemail record greeting {} by phone", slot.get());
    change(&state, &who, what, move |pbx, ext| pbx.record_greeting(ext, slot)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /users/me/voicemail/greetings/{n}/audio`.
pub async fn greeting_audio(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(slot): Path<String>,
) -> Result<Response, ApiError> {
    let slot = greeting_slot(&slot)?;
    read(&state, who, move |pbx, ext| pbx.greeting_audio(ext, slot))
        .await
        .map(wav)
}

/// `PUT /users/me/voicemail/greetings/{n}/audio`: a WAV file (at most 8 MiB) becomes greeting n.
pub async fn upload_greeting(
    AxumState(state): AxumState<AppState>,
    who: Authenticated,
    Path(slot): Path<String>,
    WavBody(bytes): WavBody,
) -> Result<Json<State>, ApiError> {
    let slot = greeting_slot(&slot)?;
    let what = format!("voicemail upload greeting {} ({} bytes)", slot.get(), bytes.len());
    change_mailbox(&state, &who, what, move |pbx, ext| {
        pbx.upload_greeting(ext, slot, &bytes)
    })
    .await
    .map(Json)
}
