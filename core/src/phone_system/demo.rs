//! The built-in demo phone system: its "live" settings are a local file, so the app runs with no PBX.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::applicable::ApplicableSettings;
use crate::atomic_file;
use crate::error::{Damage, PhoneError};
use crate::phone_system::demo_voicemail::DemoMailbox;
use crate::phone_system::{PhoneSystem, PhoneSystemDescription, PhoneSystemKind};
use crate::settings::{GreetingSlot, Settings};
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};

/// The file name of the demo's state inside the callprofiles home.
pub const DEMO_FILE: &str = "phone-system.json";

/// Largest demo state file read.
const MAX_DEMO_FILE_BYTES: u64 = 64 * 1024;

/// The version of the state file this version reads and writes.
const SCHEMA_VERSION: u64 = 1;

/// Only the version, read first so a newer or a version-0 file is refused, never read as ours.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u64,
}

/// The demo's state file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    schema_version: u64,
    settings: Settings,
}

/// The built-in demo phone system, keeping its state in `<home>/phone-system.json`.
#[derive(Clone, Debug)]
pub struct DemoPhoneSystem {
    path: PathBuf,
}

impl DemoPhoneSystem {
    /// The demo phone system of a callprofiles home.
    pub fn new(home: &Path) -> Self {
        Self {
            path: home.join(DEMO_FILE),
        }
    }

    /// Its state file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its sample mailbox, next to its state file.
    fn mailbox(&self) -> DemoMailbox {
        DemoMailbox::new(self.path.parent().unwrap_or(Path::new(".")))
    }
}

impl PhoneSystem for DemoPhoneSystem {
    fn description(&self) -> PhoneSystemDescription {
        PhoneSystemDescription {
            kind: PhoneSystemKind::Demo,
            computer_audio: true,
            summary: "Built-in demo phone system (no PBX connected): settings are saved on this computer only"
                .to_owned(),
        }
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        let path = || crate::shown::path(&self.path);
        let damaged = |damage: Damage| PhoneError::DemoDamaged { path: path(), damage };
        let bytes = match atomic_file::read_limited(&self.path, MAX_DEMO_FILE_BYTES) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Ok(Settings::office_default()),
            Err(error) if error.kind() == std::io::ErrorKind::InvalidData => {
                return Err(damaged(Damage::TooLarge {
                    limit: MAX_DEMO_FILE_BYTES,
                }));
            }
            Err(error) => {
                if let Some(kind) = atomic_file::not_a_file(&error) {
                    return Err(damaged(Damage::NotAFile { kind }));
                }
                return Err(PhoneError::DemoUnreadable {
                    path: path(),
                    kind: error.kind(),
                    reason: atomic_file::describe(&error),
                });
            }
        };
        let probe: VersionProbe = serde_json::from_slice(&bytes).map_err(|e| damaged(Damage::syntax(&e)))?;
        Damage::unless_object(&bytes).map_err(damaged)?;
        check_version(probe.schema_version).map_err(damaged)?;
        let file: DemoFile = serde_json::from_slice(&bytes).map_err(|e| damaged(Damage::syntax(&e)))?;
        Ok(file.settings)
    }

    fn new_messages(&mut self) -> Result<Option<u64>, PhoneError> {
        self.mailbox().new_count()
    }

    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        self.mailbox().messages()
    }

    fn mark_heard(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.mailbox().mark_heard(id)
    }

    fn delete_message(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.mailbox().delete(id)
    }

    fn message_audio(&mut self, id: &MessageId) -> Result<Vec<u8>, PhoneError> {
        self.mailbox().message_audio(id)
    }

    fn greeting_audio(&mut self, slot: GreetingSlot) -> Result<Vec<u8>, PhoneError> {
        self.mailbox().greeting_audio(slot)
    }

    fn upload_greeting(&mut self, slot: GreetingSlot, wav: &[u8]) -> Result<(), PhoneError> {
        self.mailbox().upload_greeting(slot, wav)
    }

    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, PhoneError> {
        self.mailbox().recorded_greetings()
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        self.check_overwritable()?;
        let file = DemoFile {
            schema_version: SCHEMA_VERSION,
            settings: settings.to_settings(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| PhoneError::BadState { reason: e.to_string() })?;
        bytes.push(b'\n');
        atomic_file::write(&self.path, &bytes).map_err(|e| PhoneError::SaveFailed {
            path: crate::shown::path(&self.path),
            kind: e.kind(),
            reason: atomic_file::describe(&e),
        })
    }
}

impl DemoPhoneSystem {
    /// Refuses to replace a state file of a version this one does not read (a newer callprofiles'
    /// data, or version 0) or something that is not a regular file. A file that does not parse is
    /// only a stand-in for a PBX's state: activating a profile rewrites it whole.
    fn check_overwritable(&self) -> Result<(), PhoneError> {
        let damaged = |damage: Damage| PhoneError::DemoDamaged {
            path: crate::shown::path(&self.path),
            damage,
        };
        match self.clone().read() {
            Err(PhoneError::DemoDamaged {
                damage: damage @ (Damage::Newer { .. } | Damage::BadVersion | Damage::NotAFile { .. }),
                ..
            }) => Err(damaged(damage)),
            _ => Ok(()),
        }
    }
}

/// Whether this version reads a state file of `version`.
fn check_version(version: u64) -> Result<(), Damage> {
    match version {
        0 => Err(Damage::BadVersion),
        SCHEMA_VERSION => Ok(()),
        found => Err(Damage::Newer {
            found,
            supported: SCHEMA_VERSION,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn reads_office_when_fresh_and_round_trips() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut demo = DemoPhoneSystem::new(dir.path());
        assert_eq!(demo.read()?, Settings::office_default());
        let mut mobile = Settings::mobile_default();
        mobile.routing = crate::Routing::parse("twinning:600100200")?;
        let applicable = ApplicableSettings::check("Mobile", &mobile)?;
        assert_eq!(demo.apply(&applicable)?, mobile);
        assert_eq!(DemoPhoneSystem::new(dir.path()).read()?, mobile);
        Ok(())
    }

    #[test]
    fn other_versions_arrays_and_fifos_are_refused_and_never_rewritten() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join(DEMO_FILE);
        let office = serde_json::to_string(&Settings::office_default())?;
        let applicable = ApplicableSettings::check("Office", &Settings::office_default())?;
        for (text, expected) in [
            (
                format!(r#"{{"schema_version":999,"settings":{office}}}"#),
                Damage::Newer {
                    found: 999,
                    supported: 1,
                },
            ),
            (
                format!(r#"{{"schema_version":0,"settings":{office}}}"#),
                Damage::BadVersion,
            ),
        ] {
            std::fs::write(&path, &text)?;
            let mut demo = DemoPhoneSystem::new(dir.path());
            assert!(
                matches!(demo.read(), Err(PhoneError::DemoDamaged { ref damage, .. }) if *damage == expected),
                "{text}"
            );
            assert!(demo.apply(&applicable).is_err());
            assert_eq!(std::fs::read_to_string(&path)?, text);
        }
        std::fs::write(&path, "[1]")?;
        assert!(DemoPhoneSystem::new(dir.path()).read().is_err());
        std::fs::remove_file(&path)?;
        assert!(std::process::Command::new("mkfifo").arg(&path).status()?.success());
        let mut demo = DemoPhoneSystem::new(dir.path());
        assert!(matches!(
            demo.read(),
            Err(PhoneError::DemoDamaged {
                damage: Damage::NotAFile {
                    kind: crate::error::FileKind::Fifo
                },
                ..
            })
        ));
        assert!(demo.apply(&applicable).is_err());
        assert!(std::fs::symlink_metadata(&path)?.file_type().is_fifo());
        Ok(())
    }

    #[test]
    fn damaged_state_is_an_error() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join(DEMO_FILE), "{nope")?;
        let error = DemoPhoneSystem::new(dir.path())
            .read()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("damaged"), "{error}");
        assert!(matches!(
            DemoPhoneSystem::new(dir.path()).read(),
            Err(PhoneError::DemoDamaged {
                damage: Damage::Syntax { line: 1, column: 2, .. },
                ..
            })
        ));
        std::fs::write(dir.path().join(DEMO_FILE), vec![b' '; 2 * MAX_DEMO_FILE_BYTES as usize])?;
        assert!(matches!(
            DemoPhoneSystem::new(dir.path()).read(),
            Err(PhoneError::DemoDamaged {
                damage: Damage::TooLarge { .. },
                ..
            })
        ));
        Ok(())
    }
}
