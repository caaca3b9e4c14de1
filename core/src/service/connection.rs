//! Choosing the phone system of a home: test an Asterisk connection and save it in `config.json`, or
//! switch back to the built-in demo. Used by `callprofiles connect` and the GUI's connection form.

use std::path::Path;

use super::config::AsteriskConfig;
use super::secret::AmiSecret;
use super::system::AsteriskPhoneSystem;
use crate::config::{Config, PhoneSystemConfig};
use crate::error::CoreError;
use crate::settings::Settings;

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
