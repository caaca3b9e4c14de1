//! The built-in demo phone system: its "live" settings are a local file, so the app runs with no PBX.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::applicable::ApplicableSettings;
use crate::atomic_file;
use crate::error::{Damage, PhoneError};
use crate::phone_system::demo_voicemail::DemoMailbox;
use crate::phone_system::{PhoneSystem, PhoneSystemDescription, PhoneSystemKind};
use crate::settings::Settings;
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};

/// The file name of the demo's state inside the callprofiles home.
pub const DEMO_FILE: &str = "phone-system.json";

/// Largest demo state file read.
const MAX_DEMO_FILE_BYTES: u64 = 64 * 1024;

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
            summary: "Built-in demo phone system (no PBX connected): settings are saved on this computer only"
                .to_owned(),
        }
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        let path = || self.path.display().to_string();
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
                return Err(PhoneError::DemoUnreadable {
                    path: path(),
                    kind: error.kind(),
                    reason: atomic_file::describe(&error),
                });
            }
        };
        let file: DemoFile = serde_json::from_slice(&bytes).map_err(|e| damaged(Damage::syntax(&e)))?;
        Ok(file.settings)
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

    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, PhoneError> {
        self.mailbox().recorded_greetings()
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        let file = DemoFile {
            schema_version: 1,
            settings: settings.to_settings(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| PhoneError::BadState { reason: e.to_string() })?;
        bytes.push(b'\n');
        atomic_file::write(&self.path, &bytes).map_err(|e| PhoneError::SaveFailed {
            path: self.path.display().to_string(),
            kind: e.kind(),
            reason: atomic_file::describe(&e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
