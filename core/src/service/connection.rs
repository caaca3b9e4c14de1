//! Choosing the phone system of a home (a use case over `config.json`): open the one it names, test an
//! Asterisk connection and save it, or switch back to the built-in demo. Used by `callprofiles connect`
//! and the window's connection form; the phone systems themselves know nothing of `config.json`.

use std::path::Path;

use crate::config::{Config, PhoneSystemConfig};
use crate::error::CoreError;
use crate::phone_system::PhoneSystem;
use crate::phone_system::asterisk::{AmiSecret, AsteriskConfig, AsteriskPhoneSystem};
use crate::phone_system::demo::DemoPhoneSystem;
use crate::settings::Settings;

/// Opens the phone system `config` names for `home` (connecting lazily: no network here).
pub fn open_phone_system(config: &PhoneSystemConfig, home: &Path) -> Box<dyn PhoneSystem> {
    match config {
        PhoneSystemConfig::Builtin => Box::new(DemoPhoneSystem::new(home)),
        PhoneSystemConfig::Asterisk(asterisk) => Box::new(AsteriskPhoneSystem::new(
            asterisk.clone(),
            asterisk.secret_file_in(home),
        )),
        PhoneSystemConfig::Server(server) => crate::remote::phone::open_or_unusable(server, home),
    }
}

/// Connects to the Asterisk of `asterisk` (with `secret` if given, else `CALLPROFILES_AMI_SECRET` or
/// its secret file), reads the extension's live settings, and only then saves the configuration in
/// `<home>/config.json`. Returns the live settings. On any failure `config.json` is left as it was.
pub fn connect_and_save(
    home: &Path,
    asterisk: AsteriskConfig,
    secret: Option<AmiSecret>,
) -> Result<Settings, CoreError> {
    let mut config = Config::load(home)?;
    let mut phone = match secret {
        Some(secret) => AsteriskPhoneSystem::with_secret(asterisk.clone(), secret),
        None => AsteriskPhoneSystem::new(asterisk.clone(), asterisk.secret_file_in(home)),
    };
    let live = phone.test_connection()?;
    config.phone_system = PhoneSystemConfig::Asterisk(asterisk);
    config.save(home)?;
    Ok(live)
}

/// Switches `<home>/config.json` back to the built-in demo phone system.
pub fn use_builtin(home: &Path) -> Result<(), CoreError> {
    let mut config = Config::load(home)?;
    config.phone_system = PhoneSystemConfig::Builtin;
    Ok(config.save(home)?)
}
