//! The built-in demo's mailbox: a few short messages (speech-like sound made by code, nothing downloaded)
//! in `<home>/demo-voicemail/`, so a newcomer can list, mark heard and delete without a PBX. The list is
//! `mailbox.json`, written atomically; each message's audio is `<id>.wav`, each greeting `greeting-N.wav`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::audio;
use crate::error::{AudioError, Damage, PhoneError};
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

    /// How many new messages wait, once the sample mailbox exists (`None` before its first use: counting
    /// writes nothing).
    pub fn new_count(&self) -> Result<Option<u64>, PhoneError> {
        Ok(self
            .load()?
            .map(|messages| messages.iter().filter(|m| m.state == MessageState::New).count() as u64))
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

    /// Message `id`'s audio as a PCM WAV file.
    pub fn message_audio(&self, id: &MessageId) -> Result<Vec<u8>, PhoneError> {
        if !self.messages()?.iter().any(|m| &m.id == id) {
            return Err(not_found(id));
        }
        read_audio(&self.audio_path(id))?.ok_or(PhoneError::Audio(AudioError::NoRecording))
    }

    /// Greeting `slot` as a PCM WAV file.
    pub fn greeting_audio(&self, slot: GreetingSlot) -> Result<Vec<u8>, PhoneError> {
        self.messages()?;
        read_audio(&self.dir.join(greeting_name(slot)))?
            .ok_or(PhoneError::Audio(AudioError::GreetingNotRecorded { slot: slot.get() }))
    }

    /// Replaces greeting `slot` with the WAV `wav`, converted as a PBX would need it (8 kHz mono).
    pub fn upload_greeting(&self, slot: GreetingSlot, wav: &[u8]) -> Result<(), PhoneError> {
        self.messages()?;
        let greeting = audio::greeting_from_upload(wav).map_err(PhoneError::Audio)?;
        self.write(&greeting_name(slot), &greeting)
    }

    /// Which greetings have a file.
    pub fn recorded_greetings(&self) -> Result<RecordedGreetings, PhoneError> {
        self.messages()?;
        let slots = (GreetingSlot::FIRST..=GreetingSlot::LAST)
            .filter_map(|n| GreetingSlot::new(n).ok())
            .filter(|slot| self.dir.join(greeting_name(*slot)).is_file())
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
                210.0,
                3,
            ),
            ("demo-2", MessageState::New, "0600111222", "", 3 * 3600, 120.0, 2),
            ("demo-3", MessageState::Old, "205", "Reception", 26 * 3600, 165.0, 4),
        ];
        let mut messages = Vec::new();
        for (id, state, number, name, age, pitch, seconds) in samples {
            let id = MessageId::parse(id).map_err(|e| PhoneError::BadState { reason: e.to_string() })?;
            self.write(&format!("{id}.wav"), &tone_wav(pitch, seconds)?)?;
            messages.push(VoicemailMessage {
                id,
                state,
                caller_number: Some(number.to_owned()),
                caller_name: (!name.is_empty()).then(|| name.to_owned()),
                received: now - age,
                duration_seconds: seconds,
            });
        }
        self.write("greeting-1.wav", &tone_wav(190.0, 2)?)?;
        self.save(&messages)?;
        Ok(messages)
    }
}

/// The file of greeting `slot`.
fn greeting_name(slot: GreetingSlot) -> String {
    format!("greeting-{}.wav", slot.get())
}

/// A WAV file of the demo mailbox, checked and rewritten as 16-bit PCM; `None` when it does not exist.
fn read_audio(path: &Path) -> Result<Option<Vec<u8>>, PhoneError> {
    let bytes = match atomic_file::read_limited(path, audio::MAX_RECORDING_BYTES) {
        Ok(bytes) => bytes,
        Err(error) => {
            let problem = match (atomic_file::not_a_file(&error), error.kind()) {
                (Some(kind), _) => AudioError::NotAFile { kind },
                (None, std::io::ErrorKind::InvalidData) => AudioError::TooLarge {
                    limit: audio::MAX_RECORDING_BYTES,
                },
                (None, kind) => AudioError::Unreadable {
                    kind,
                    reason: atomic_file::describe(&error),
                },
            };
            return Err(PhoneError::Audio(problem));
        }
    };
    bytes
        .map(|bytes| audio::decode(&bytes, &audio::StoredFormat::Wav).and_then(|pcm| pcm.to_wav()))
        .transpose()
        .map_err(PhoneError::Audio)
}

/// The error for a message that is not in the mailbox.
fn not_found(id: &MessageId) -> PhoneError {
    PhoneError::MessageNotFound { id: id.to_string() }
}

/// A PCM WAV (16-bit mono, 8 kHz) of `seconds` of speech-like sound made here (nothing downloaded): a
/// voice at `pitch` Hz with its first harmonics, in "syllables" of a fifth of a second whose loudness
/// and pitch rise and fall, with short pauses between "words" — so playing it sounds like someone
/// talking rather than a test tone.
pub fn tone_wav(pitch: f64, seconds: u64) -> Result<Vec<u8>, PhoneError> {
    let samples = u32::try_from(seconds).unwrap_or(60).min(60) * SAMPLE_RATE;
    let mut phase = 0.0_f64;
    let samples = (0..samples)
        .map(|n| {
            let t = f64::from(n) / f64::from(SAMPLE_RATE);
            let syllable = (t * 5.0).fract();
            let word = (t / 1.2).fract();
            let loudness = if word < 0.85 {
                (std::f64::consts::PI * syllable).sin().powi(2)
            } else {
                0.0
            };
            let intonation = 1.0 + 0.12 * (2.0 * std::f64::consts::PI * 0.7 * t).sin();
            phase += 2.0 * std::f64::consts::PI * pitch * intonation / f64::from(SAMPLE_RATE);
            let voice = phase.sin() + 0.5 * (2.0 * phase).sin() + 0.25 * (3.0 * phase).sin();
            (0.3 / 1.75 * loudness * voice * f64::from(i16::MAX)) as i16
        })
        .collect();
    audio::Pcm {
        rate: SAMPLE_RATE,
        channels: 1,
        samples,
    }
    .to_wav()
    .map_err(PhoneError::Audio)
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
    fn the_demo_plays_messages_and_greetings_and_takes_uploads() -> Result<(), Box<dyn std::error::Error>> {
        let home = tempfile::tempdir()?;
        let mailbox = DemoMailbox::new(home.path());
        let second = MessageId::parse("demo-2")?;
        let pcm = audio::read_wav(&mailbox.message_audio(&second)?, usize::MAX)?;
        assert_eq!((pcm.rate, pcm.channels, pcm.samples.len()), (8000, 1, 2 * 8000));
        assert!(pcm.samples.iter().any(|s| s.unsigned_abs() > 5000), "silent");
        assert!(matches!(
            mailbox.message_audio(&MessageId::parse("nope")?),
            Err(PhoneError::MessageNotFound { .. })
        ));
        let five = GreetingSlot::new(5)?;
        assert_eq!(
            mailbox.greeting_audio(five),
            Err(PhoneError::Audio(AudioError::GreetingNotRecorded { slot: 5 }))
        );
        let upload = audio::Pcm {
            rate: 16000,
            channels: 1,
            samples: vec![1000; 16000],
        };
        mailbox.upload_greeting(five, &upload.to_wav()?)?;
        let greeting = audio::read_wav(&mailbox.greeting_audio(five)?, usize::MAX)?;
        assert_eq!((greeting.rate, greeting.samples.len()), (8000, 8000));
        assert!(mailbox.recorded_greetings()?.slots.contains(&five));
        assert!(mailbox.greeting_audio(GreetingSlot::new(1)?).is_ok());
        Ok(())
    }

    #[test]
    fn new_messages_are_counted_once_the_mailbox_exists_and_counting_writes_nothing()
    -> Result<(), Box<dyn std::error::Error>> {
        let home = tempfile::tempdir()?;
        let mailbox = DemoMailbox::new(home.path());
        assert_eq!(mailbox.new_count()?, None);
        assert!(!home.path().join(DEMO_VOICEMAIL_DIR).exists());
        mailbox.messages()?;
        assert_eq!(mailbox.new_count()?, Some(2));
        mailbox.mark_heard(&MessageId::parse("demo-1")?)?;
        assert_eq!(mailbox.new_count()?, Some(1));
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
