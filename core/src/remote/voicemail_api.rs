//! The server's voicemail endpoints (`/users/me/voicemail…`) as typed calls, and the same verbs of
//! [`ServerPhoneSystem`] built on them, so core's voicemail verbs run through the server unchanged.

use super::client::ServerClient;
use super::phone::{ServerPhoneSystem, as_phone_error};
use crate::audio::MAX_RECORDING_BYTES;
use crate::error::{CoreError, PhoneError};
use crate::settings::GreetingSlot;
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};
use crate::wire::{GreetingsList, MAX_GREETING_UPLOAD_BYTES, State, VoicemailList};

/// The largest recording downloaded: a message of [`MAX_RECORDING_BYTES`] in G.711 doubles as PCM WAV.
const MAX_AUDIO_DOWNLOAD_BYTES: u64 = 2 * MAX_RECORDING_BYTES + 4096;

impl ServerClient {
    /// `GET /users/me/voicemail`.
    pub fn voicemail(&self) -> Result<VoicemailList, CoreError> {
        self.call("GET", "/users/me/voicemail", None::<&()>)
    }

    /// `POST /users/me/voicemail/messages/{id}/heard`.
    pub fn mark_heard(&self, id: &MessageId) -> Result<State, CoreError> {
        self.call("POST", &format!("/users/me/voicemail/messages/{id}/heard"), None::<&()>)
    }

    /// `DELETE /users/me/voicemail/messages/{id}`.
    pub fn delete_message(&self, id: &MessageId) -> Result<State, CoreError> {
        self.call("DELETE", &format!("/users/me/voicemail/messages/{id}"), None::<&()>)
    }

    /// `POST /users/me/voicemail/messages/{id}/play`: the phone rings and plays it.
    pub fn play_on_phone(&self, id: &MessageId) -> Result<(), CoreError> {
        self.call_empty("POST", &format!("/users/me/voicemail/messages/{id}/play"))
    }

    /// `GET /users/me/voicemail/messages/{id}/audio`: a PCM WAV file.
    pub fn message_audio(&self, id: &MessageId) -> Result<Vec<u8>, CoreError> {
        self.download(
            &format!("/users/me/voicemail/messages/{id}/audio"),
            "audio/wav",
            MAX_AUDIO_DOWNLOAD_BYTES,
        )
    }

    /// `GET /users/me/voicemail/greetings`.
    pub fn greetings(&self) -> Result<GreetingsList, CoreError> {
        self.call("GET", "/users/me/voicemail/greetings", None::<&()>)
    }

    /// `POST /users/me/voicemail/greetings/{n}/record`: the phone rings to record it.
    pub fn record_greeting(&self, slot: GreetingSlot) -> Result<(), CoreError> {
        self.call_empty("POST", &format!("/users/me/voicemail/greetings/{}/record", slot.get()))
    }

    /// `GET /users/me/voicemail/greetings/{n}/audio`: a PCM WAV file.
    pub fn greeting_audio(&self, slot: GreetingSlot) -> Result<Vec<u8>, CoreError> {
        self.download(
            &format!("/users/me/voicemail/greetings/{}/audio", slot.get()),
            "audio/wav",
            MAX_AUDIO_DOWNLOAD_BYTES,
        )
    }

    /// `PUT /users/me/voicemail/greetings/{n}/audio` with a WAV file (at most 8 MiB).
    pub fn upload_greeting(&self, slot: GreetingSlot, wav: &[u8]) -> Result<State, CoreError> {
        self.call_with_bytes(
            "PUT",
            &format!("/users/me/voicemail/greetings/{}/audio", slot.get()),
            (wav, "audio/wav"),
            MAX_GREETING_UPLOAD_BYTES,
        )
    }
}

impl ServerPhoneSystem {
    /// The messages, newest first.
    pub(crate) fn list_messages(&self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        self.client()
            .voicemail()
            .map(|list| list.messages)
            .map_err(as_phone_error)
    }

    /// Which greetings are recorded (numbers outside 1–9 from a confused server are left out).
    pub(crate) fn greetings_recorded(&self) -> Result<RecordedGreetings, PhoneError> {
        let list = self.client().greetings().map_err(as_phone_error)?;
        Ok(RecordedGreetings {
            slots: list
                .recorded
                .into_iter()
                .filter_map(|n| GreetingSlot::new(n).ok())
                .collect(),
        })
    }
}
