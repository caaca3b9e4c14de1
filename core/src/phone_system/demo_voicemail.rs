//! The built-in demo's mailbox: a few short messages (tones written as WAV by code, nothing downloaded)
//! in `<home>/demo-voicemail/`, so a newcomer can list, mark heard and delete without a PBX. The list is
//! `mailbox.json`, written atomically; each message's audio is `<id>.wav`, each greeting `greeting-N.wav`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::error::{Damage, PhoneError};
use crate::settings::GreetingSlot;
use crate::voicemail::{MessageId, MessageState, RecordedGreetings, VoicemailMessage, newest_first};

/// The demo mailbox's directory inside the callprofiles home.
pub const DEMO_VOICEMAIL_DIR: &str = "demo-voicemail";
/// Its list of messages.
const MAILBOX_FILE: &str = "mailbox.json";
/// Largest list read.
const MAX_MAILBOX_BYTES: u64 = 256 * 1024;
/// Sample rate of the generated audio (telephone quality).
const SAMPLE_RATE: u32 = 8000;

/// The list file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MailboxFile {
    schema_version: u64,
    messages: Vec<VoicemailMessage>,
}

/// The demo mailbox of one home.
#[derive(Clone, Debug)]
pub struct DemoMailbox {
    dir: PathBuf,
}

impl DemoMailbox {
    /// The demo mailbox of the home `home`.
    pub fn new(home: &Path) -> Self {
        Self {
            dir: home.join(DEMO_VOICEMAIL_DIR),
        }
    }

    /// The audio file of message `id`.
    pub fn audio_path(&self, id: &MessageId) -> PathBuf {
        self.dir.join(format!("{id}.wav"))
    }

    /// Every message, newest first; a first use creates the sample mailbox.
    pub fn messages(&self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        let mut messages = match self.load()? {
            Some(messages) => messages,
            None => self.create_samples()?,
        };
        newest_first(&mut messages);
        Ok(messages)
    }

    /// Marks message `id` heard.
    pub fn mark_heard(&self, id: &MessageId) -> Result<(), PhoneError> {
        let mut messages = self.messages()?;
        let message = messages.iter_mut().find(|m| &m.id == id).ok_or_else(|| not_found(id))?;
        message.state = MessageState::Old;
        self.save(&messages)
    }

    /// Deletes message `id` and its audio.
    pub fn delete(&self, id: &MessageId) -> Result<(), PhoneError> {
        let mut messages = self.messages()?;
        let before = messages.len();
        messages.retain(|m| &m.id != id);
        if messages.len() == before {
            return Err(not_found(id));
        }
        self.save(&messages)?;
        if let Err(error) = std::fs::remove_file(self.audio_path(id)) {
            tracing::debug!(%error, "demo message audio already gone");
        }
        Ok(())
    }

    /// Which greetings have a file.
    pub fn recorded_greetings(&self) -> Result<RecordedGreetings, PhoneError> {
        self.messages()?;
        let slots = (GreetingSlot::FIRST..=GreetingSlot::LAST)
            .filter(|n| self.dir.join(format!("greeting-{n}.wav")).is_file())
            .filter_map(|n| GreetingSlot::new(n).ok())
            .collect();
        Ok(RecordedGreetings { slots })
    }

    /// The saved list, `None` before the first use.
    fn load(&self) -> Result<Option<Vec<VoicemailMessage>>, PhoneError> {
        let path = self.dir.join(MAILBOX_FILE);
        let shown = || path.display().to_string();
        let bytes = match atomic_file::read_limited(&path, MAX_MAILBOX_BYTES) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Ok(None),
            Err(error) if error.kind() == std::io::ErrorKind::InvalidData => {
                return Err(PhoneError::DemoDamaged {
                    path: shown(),
                    damage: Damage::TooLarge {
                        limit: MAX_MAILBOX_BYTES,
                    },
                });
            }
            Err(error) => {
                return Err(PhoneError::DemoUnreadable {
                    path: shown(),
                    kind: error.kind(),
                    reason: atomic_file::describe(&error),
                });
            }
        };
        let file: MailboxFile = serde_json::from_slice(&bytes).map_err(|e| PhoneError::DemoDamaged {
            path: shown(),
            damage: Damage::syntax(&e),
        })?;
        Ok(Some(file.messages))
    }

    /// Writes the list atomically.
    fn save(&self, messages: &[VoicemailMessage]) -> Result<(), PhoneError> {
        let file = MailboxFile {
            schema_version: 1,
            messages: messages.to_vec(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| PhoneError::BadState { reason: e.to_string() })?;
        bytes.push(b'\n');
        self.write(MAILBOX_FILE, &bytes)
    }

    /// Writes one file of the mailbox atomically, creating the directory.
    fn write(&self, name: &str, bytes: &[u8]) -> Result<(), PhoneError> {
        let path = self.dir.join(name);
        std::fs::create_dir_all(&self.dir)
            .and_then(|()| atomic_file::write(&path, bytes))
            .map_err(|e| PhoneError::SaveFailed {
                path: path.display().to_string(),
                kind: e.kind(),
                reason: atomic_file::describe(&e),
            })
    }

    /// Creates the sample mailbox: three messages (two new, one heard) and greeting 1.
    fn create_samples(&self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let samples = [
            (
                "demo-1",
                MessageState::New,
                "+48221234567",
                "Anna Nowak",
                20 * 60,
                440.0,
                3,
            ),
            ("demo-2", MessageState::New, "0600111222", "", 3 * 3600, 523.25, 2),
            ("demo-3", MessageState::Old, "205", "Reception", 26 * 3600, 659.25, 4),
        ];
        let mut messages = Vec::new();
        for (id, state, number, name, age, pitch, seconds) in samples {
            let id = MessageId::parse(id).map_err(|e| PhoneError::BadState { reason: e.to_string() })?;
            self.write(&format!("{id}.wav"), &tone_wav(pitch, seconds))?;
            messages.push(VoicemailMessage {
                id,
                state,
                caller_number: Some(number.to_owned()),
                caller_name: (!name.is_empty()).then(|| name.to_owned()),
                received: now - age,
                duration_seconds: seconds,
            });
        }
        self.write("greeting-1.wav", &tone_wav(392.0, 2))?;
        self.save(&messages)?;
        Ok(messages)
    }
}

/// The error for a message that is not in the mailbox.
fn not_found(id: &MessageId) -> PhoneError {
    PhoneError::MessageNotFound { id: id.to_string() }
}

/// A PCM WAV (16-bit mono, 8 kHz) of a soft tone of `pitch` Hz that pulses once a second for
/// `seconds`. The 44-byte RIFF header is written here rather than with a crate: it is the only audio
/// the core writes, and only for the demo.
pub fn tone_wav(pitch: f64, seconds: u64) -> Vec<u8> {
    let samples = u32::try_from(seconds).unwrap_or(60).min(60) * SAMPLE_RATE;
    let data_len = samples * 2;
    let mut wav = Vec::with_capacity(44 + data_len as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    wav.extend_from_slice(&(SAMPLE_RATE * 2).to_le_bytes());
    wav.extend_from_slice(&2u16.to_le_bytes());
    wav.extend_from_slice(&16u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    for n in 0..samples {
        let t = f64::from(n) / f64::from(SAMPLE_RATE);
        let envelope = if t.fract() < 0.7 { 0.3 } else { 0.0 };
        let sample = (envelope * (2.0 * std::f64::consts::PI * pitch * t).sin() * f64::from(i16::MAX)) as i16;
        wav.extend_from_slice(&sample.to_le_bytes());
    }
    wav
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_mailbox_lists_marks_heard_and_deletes() -> Result<(), Box<dyn std::error::Error>> {
        let home = tempfile::tempdir()?;
        let mailbox = DemoMailbox::new(home.path());
        let messages = mailbox.messages()?;
        let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["demo-1", "demo-2", "demo-3"]);
        let wav = std::fs::read(mailbox.audio_path(&messages[0].id))?;
        assert_eq!(&wav[..4], b"RIFF");
        assert_eq!(wav.len(), 44 + 3 * 8000 * 2);
        let first = MessageId::parse("demo-1")?;
        mailbox.mark_heard(&first)?;
        assert_eq!(DemoMailbox::new(home.path()).messages()?[0].state, MessageState::Old);
        mailbox.delete(&first)?;
        assert!(!mailbox.audio_path(&first).exists());
        assert_eq!(mailbox.messages()?.len(), 2);
        assert!(matches!(
            mailbox.delete(&first),
            Err(PhoneError::MessageNotFound { .. })
        ));
        assert_eq!(mailbox.recorded_greetings()?.slots, vec![GreetingSlot::new(1)?]);
        Ok(())
    }

    #[test]
    fn a_damaged_list_is_reported_and_kept() -> Result<(), Box<dyn std::error::Error>> {
        let home = tempfile::tempdir()?;
        let dir = home.path().join(DEMO_VOICEMAIL_DIR);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(MAILBOX_FILE), "{broken")?;
        assert!(matches!(
            DemoMailbox::new(home.path()).messages(),
            Err(PhoneError::DemoDamaged { .. })
        ));
        assert_eq!(std::fs::read_to_string(dir.join(MAILBOX_FILE))?, "{broken");
        Ok(())
    }
}
