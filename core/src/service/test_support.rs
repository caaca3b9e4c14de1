//! Helpers for the service's unit tests: a demo home and a phone system that always fails.

use crate::applicable::ApplicableSettings;
use crate::error::PhoneError;
use crate::phone_system::demo::DemoPhoneSystem;
use crate::phone_system::{PhoneSystem, PhoneSystemDescription, PhoneSystemKind};
use crate::settings::Settings;

use super::Callprofiles;

/// The result of a test.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A fresh temporary home on the demo phone system.
pub fn demo() -> Result<(tempfile::TempDir, Callprofiles), std::io::Error> {
    let dir = tempfile::tempdir()?;
    let app = Callprofiles::with_phone_system(dir.path(), Box::new(DemoPhoneSystem::new(dir.path())));
    Ok((dir, app))
}

/// A fresh temporary home whose phone system cannot be reached.
pub fn broken() -> Result<(tempfile::TempDir, Callprofiles), std::io::Error> {
    let dir = tempfile::tempdir()?;
    let app = Callprofiles::with_phone_system(dir.path(), Box::new(Unreachable));
    Ok((dir, app))
}

/// A phone system that never answers.
struct Unreachable;

impl PhoneSystem for Unreachable {
    fn description(&self) -> PhoneSystemDescription {
        PhoneSystemDescription {
            kind: PhoneSystemKind::Asterisk,
            summary: "Test PBX".to_owned(),
        }
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        Err(PhoneError::Timeout { seconds: 1 })
    }

    fn write(&mut self, _settings: &ApplicableSettings) -> Result<(), PhoneError> {
        Err(PhoneError::Timeout { seconds: 1 })
    }
}
