//! The phone systems behind one trait: the built-in demo one, and real PBXs.

pub mod asterisk;
pub mod call;
pub mod demo;
pub mod demo_voicemail;

use crate::applicable::ApplicableSettings;
use crate::call_flow::RingTimes;
use crate::error::{AudioError, PhoneError};
use crate::phone_number::PhoneNumber;
use crate::settings::{GreetingSlot, Settings};
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};
use call::CallWatch;

/// What kind of phone system is connected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneSystemKind {
    /// The built-in demo: no PBX is connected, settings are only saved in a local file.
    Demo,
    /// A real Asterisk or FreePBX over AMI.
    Asterisk,
    /// An Asterisk or FreePBX reached through a callprofiles server (no PBX credentials here).
    Server,
}

/// How a phone system describes itself to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneSystemDescription {
    /// Its kind.
    pub kind: PhoneSystemKind,
    /// Whether it hands voicemail audio to this computer and takes an uploaded greeting (the demo, a
    /// callprofiles server, an Asterisk with its spool); a desktop on a PBX over AMI cannot reach the PBX's
    /// files, so the window offers the phone instead of failing after the click.
    pub computer_audio: bool,
    /// One plain sentence, e.g. "Built-in demo phone system (no PBX connected)".
    pub summary: String,
}

/// A phone system whose call settings can be read and changed. Implementations may be slow, fail,
/// reconnect, and be changed by others at any time: callers run them off the UI thread and re-read.
pub trait PhoneSystem: Send {
    /// Describes the phone system for the user.
    fn description(&self) -> PhoneSystemDescription;

    /// Reads the live settings.
    fn read(&mut self) -> Result<Settings, PhoneError>;

    /// Reads the live settings for a background refresh that will come again: it may give up sooner than
    /// [`PhoneSystem::read`] (one connection attempt), so it never holds a user's request for long.
    fn poll(&mut self) -> Result<Settings, PhoneError> {
        self.read()
    }

    /// Writes settings without verifying them.
    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError>;

    /// Places a telecommuter's outgoing call: rings the telecommuter number in the live settings first
    /// and, once it is answered, dials `target` showing the user's extension; the returned watch learns
    /// whether the telecommuter answered. The built-in demo cannot.
    fn place_call(&mut self, _target: &PhoneNumber) -> Result<Box<dyn CallWatch>, PhoneError> {
        Err(PhoneError::CallsUnsupported)
    }

    /// How many new (unheard) voicemail messages wait in the user's mailbox; `None` where there is no
    /// mailbox to ask (the built-in demo before its sample mailbox is first used).
    fn new_messages(&mut self) -> Result<Option<u64>, PhoneError> {
        Ok(None)
    }

    /// How long calls ring here, as known from the last read; unknown where nothing rings for real (the
    /// built-in demo).
    fn ring_times(&self) -> RingTimes {
        RingTimes::UNKNOWN
    }

    /// The messages in the user's mailbox, new and heard, newest first.
    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        Err(PhoneError::VoicemailUnsupported)
    }

    /// The e-mail address the PBX keeps for the user's mailbox (Asterisk: the mailbox's `email` in
    /// `voicemail.conf`, FreePBX's "Email Address"); `None` when it keeps none.
    fn mailbox_email(&mut self) -> Result<Option<String>, PhoneError> {
        Ok(None)
    }

    /// Marks message `id` heard (Asterisk: moves it from INBOX to Old); a heard message stays heard.
    fn mark_heard(&mut self, _id: &MessageId) -> Result<(), PhoneError> {
        Err(PhoneError::VoicemailUnsupported)
    }

    /// Deletes message `id`.
    fn delete_message(&mut self, _id: &MessageId) -> Result<(), PhoneError> {
        Err(PhoneError::VoicemailUnsupported)
    }

    /// Rings the phone where calls now go (the desk phone, or the telecommuter number) and plays
    /// message `id` once it is answered. Returns when the PBX has taken the request.
    fn play_on_phone(&mut self, _id: &MessageId) -> Result<(), PhoneError> {
        Err(PhoneError::PlayOnPhoneUnsupported)
    }

    /// Rings the phone where calls now go and, once answered, records greeting `slot` after a beep
    /// (until silence or hang-up). Returns when the PBX has taken the request.
    fn record_greeting(&mut self, _slot: GreetingSlot) -> Result<(), PhoneError> {
        Err(PhoneError::RecordByPhoneUnsupported)
    }

    /// Which of the greetings 1–9 are recorded in the user's mailbox.
    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, PhoneError> {
        Err(PhoneError::VoicemailUnsupported)
    }

    /// Message `id`'s recording as a PCM WAV file (to play on the computer). A PBX reached directly
    /// cannot: its files are on the PBX ([`AudioError::NeedsServer`]).
    fn message_audio(&mut self, _id: &MessageId) -> Result<Vec<u8>, PhoneError> {
        Err(PhoneError::Audio(AudioError::NeedsServer))
    }

    /// Greeting `slot` as a PCM WAV file ([`AudioError::GreetingNotRecorded`] when it is not).
    fn greeting_audio(&mut self, _slot: GreetingSlot) -> Result<Vec<u8>, PhoneError> {
        Err(PhoneError::Audio(AudioError::NeedsServer))
    }

    /// Replaces greeting `slot` with the WAV file `wav` (converted to what the phone system plays).
    fn upload_greeting(&mut self, _slot: GreetingSlot, _wav: &[u8]) -> Result<(), PhoneError> {
        Err(PhoneError::Audio(AudioError::NeedsServer))
    }

    /// Whether do-not-disturb was on at the last read (set on the phone, e.g. FreePBX's `*78`): callers
    /// get busy whatever the profile says. An observation shown to the user, not a profile setting.
    fn do_not_disturb(&self) -> bool {
        false
    }

    /// Whether [`PhoneSystem::place_call`] can work here (a PBX, not the built-in demo).
    fn places_calls(&self) -> bool {
        false
    }

    /// Writes settings, reads them back and checks they took effect; returns what was read back.
    fn apply(&mut self, settings: &ApplicableSettings) -> Result<Settings, PhoneError> {
        self.write(settings)?;
        let live = self.read()?;
        if live == settings.to_settings() {
            Ok(live)
        } else {
            Err(PhoneError::NotVerified {
                found: summarize(&live),
            })
        }
    }
}

/// A one-line summary of settings for messages.
pub fn summarize(settings: &Settings) -> String {
    crate::setting_change::SettingKey::ALL
        .iter()
        .map(|key| format!("{}={}", key, key.value_of(settings)))
        .collect::<Vec<_>>()
        .join(" ")
}
