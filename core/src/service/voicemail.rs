//! The user's mailbox: list its messages, mark one heard, delete one, play one on the phone, and which
//! greetings are recorded (so a profile choosing an unrecorded one is flagged, never silently replaced).

use super::Callprofiles;
use crate::error::CoreError;
use crate::profile::Profile;
use crate::settings::GreetingSlot;
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};

impl Callprofiles {
    /// Every message in the user's mailbox, new and heard, newest first.
    pub fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, CoreError> {
        Ok(self.phone()?.voicemail_messages()?)
    }

    /// Marks message `id` heard.
    pub fn mark_heard(&mut self, id: &MessageId) -> Result<(), CoreError> {
        Ok(self.phone()?.mark_heard(id)?)
    }

    /// Deletes message `id`.
    pub fn delete_message(&mut self, id: &MessageId) -> Result<(), CoreError> {
        Ok(self.phone()?.delete_message(id)?)
    }

    /// Rings the phone where calls now go and plays message `id` there.
    pub fn play_on_phone(&mut self, id: &MessageId) -> Result<(), CoreError> {
        Ok(self.phone()?.play_on_phone(id)?)
    }

    /// Rings the phone where calls now go and records greeting `slot` there.
    pub fn record_greeting(&mut self, slot: GreetingSlot) -> Result<(), CoreError> {
        Ok(self.phone()?.record_greeting(slot)?)
    }

    /// Message `id`'s recording as a PCM WAV file.
    pub fn message_audio(&mut self, id: &MessageId) -> Result<Vec<u8>, CoreError> {
        Ok(self.phone()?.message_audio(id)?)
    }

    /// Greeting `slot` as a PCM WAV file.
    pub fn greeting_audio(&mut self, slot: GreetingSlot) -> Result<Vec<u8>, CoreError> {
        Ok(self.phone()?.greeting_audio(slot)?)
    }

    /// Replaces greeting `slot` with the WAV file `wav`.
    pub fn upload_greeting(&mut self, slot: GreetingSlot, wav: &[u8]) -> Result<(), CoreError> {
        Ok(self.phone()?.upload_greeting(slot, wav)?)
    }

    /// Which greetings 1–9 are recorded in the user's mailbox.
    pub fn recorded_greetings(&mut self) -> Result<RecordedGreetings, CoreError> {
        Ok(self.phone()?.recorded_greetings()?)
    }

    /// The greeting `profile` chooses when it is not recorded: callers would hear the system greeting
    /// instead, so the form and Activate say so.
    pub fn unrecorded_greeting(&mut self, profile: &Profile) -> Result<Option<GreetingSlot>, CoreError> {
        Ok(self.recorded_greetings()?.missing(profile.settings.voicemail.greeting))
    }
}
