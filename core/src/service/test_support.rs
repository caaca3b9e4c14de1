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
            computer_audio: false,
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

/// A fresh temporary home on a demo phone system that damages `profiles.json` while it applies, as a
/// stand-in for anything that makes noting the applied profile fail after the phone took it.
pub fn damaging() -> Result<(tempfile::TempDir, Callprofiles), std::io::Error> {
    let dir = tempfile::tempdir()?;
    let phone = DamagesProfiles {
        demo: DemoPhoneSystem::new(dir.path()),
        profiles: dir.path().join(crate::store::PROFILES_FILE),
    };
    let app = Callprofiles::with_phone_system(dir.path(), Box::new(phone));
    Ok((dir, app))
}

/// The demo phone system, writing garbage into `profiles.json` on every write.
struct DamagesProfiles {
    demo: DemoPhoneSystem,
    profiles: std::path::PathBuf,
}

impl PhoneSystem for DamagesProfiles {
    fn description(&self) -> PhoneSystemDescription {
        self.demo.description()
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        self.demo.read()
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        std::fs::write(&self.profiles, b"garbage").map_err(|e| PhoneError::BadState { reason: e.to_string() })?;
        self.demo.write(settings)
    }
}
