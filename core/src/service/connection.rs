//! Choosing the phone system of a home (a use case over `config.json`): open the one it names, test an
//! Asterisk connection and save it, or switch back to the built-in demo. Used by `callprofiles connect`
//! and the window's connection form; the phone systems themselves know nothing of `config.json`.

use std::path::{Path, PathBuf};

use crate::config::{Config, PhoneSystemConfig, SECRET_FILE};
use crate::error::{CoreError, StoreError};
use crate::phone_system::PhoneSystem;
use crate::phone_system::asterisk::{AmiSecret, AsteriskConfig, AsteriskPhoneSystem};
use crate::phone_system::demo::DemoPhoneSystem;
use crate::settings::Settings;

use super::{Callprofiles, Connected};

/// The configuration of `home` and the phone system it names, or why it cannot be used.
pub(super) fn open_configured(home: &Path) -> (Option<Config>, Result<Box<dyn PhoneSystem>, CoreError>) {
    match Config::load(home) {
        Ok(config) => {
            let phone = open_phone_system(&config.phone_system, home);
            (Some(config), Ok(phone))
        }
        Err(error) => (None, Err(error.into())),
    }
}

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
    let live = test(home, &asterisk, secret)?;
    config.phone_system = PhoneSystemConfig::Asterisk(asterisk);
    config.save(home)?;
    Ok(live)
}

/// As [`connect_and_save`], but when `cancelled()` holds once the test is over (the user stopped waiting
/// for it, which can take seconds), saves nothing and returns `None`; else the live settings, once saved.
pub fn connect_and_save_unless(
    home: &Path,
    asterisk: AsteriskConfig,
    secret: Option<AmiSecret>,
    cancelled: impl Fn() -> bool,
) -> Result<Option<Settings>, CoreError> {
    let mut config = Config::load(home)?;
    if cancelled() {
        return Ok(None);
    }
    let tested = test(home, &asterisk, secret);
    if cancelled() {
        return Ok(None);
    }
    let live = tested?;
    config.phone_system = PhoneSystemConfig::Asterisk(asterisk);
    config.save(home)?;
    Ok(Some(live))
}

/// Logs in to the Asterisk of `asterisk` and reads the extension's live settings.
fn test(home: &Path, asterisk: &AsteriskConfig, secret: Option<AmiSecret>) -> Result<Settings, CoreError> {
    let mut phone = match secret {
        Some(secret) => AsteriskPhoneSystem::with_secret(asterisk.clone(), secret),
        None => AsteriskPhoneSystem::new(asterisk.clone(), asterisk.secret_file_in(home)),
    };
    Ok(phone.test_connection()?)
}

/// Switches `<home>/config.json` back to the built-in demo phone system.
pub fn use_builtin(home: &Path) -> Result<(), CoreError> {
    let mut config = Config::load(home)?;
    config.phone_system = PhoneSystemConfig::Builtin;
    Ok(config.save(home)?)
}

impl Callprofiles {
    /// Opens the phone system `config.json` names now, and follows that file from then on.
    fn reopen(&mut self) {
        let (config, phone) = open_configured(&self.home);
        self.config = config;
        self.phone = phone;
        self.follow_config = true;
        self.reached = false;
    }

    /// Reopens the phone system when `config.json` names another one than the one in use (e.g. after
    /// `callprofiles connect` in a terminal); unchanged or unreadable for a moment, it keeps the one in use.
    pub(super) fn follow_config(&mut self) {
        if !self.follow_config {
            return;
        }
        match Config::load(&self.home) {
            Ok(config) if self.config.as_ref() != Some(&config) => self.reopen(),
            _ => {}
        }
    }

    /// The phone system configuration in use, when it was opened from `config.json`.
    pub(super) fn configured(&self) -> Option<&PhoneSystemConfig> {
        self.config.as_ref().map(|config| &config.phone_system)
    }

    /// Tests the connection `config` names and saves it in `config.json`, then switches to it. A `secret`
    /// typed by the user is saved owner-only in [`SECRET_FILE`] (and named by the saved configuration);
    /// without one, the environment or the configured secret file is used. On any failure `config.json`
    /// and the phone system in use stay as they were.
    pub(super) fn connect_to(
        &mut self,
        config: PhoneSystemConfig,
        secret: Option<AmiSecret>,
    ) -> Result<Connected, CoreError> {
        // Never cancelled, so always `Some`; the error only keeps this free of a panic.
        let home = self.home.clone();
        self.connect_to_unless(config, secret, &|| false)?
            .ok_or_else(|| StoreError::Busy { path: home }.into())
    }

    /// As [`Self::connect_to`], but saves and switches nothing, and returns `None`, when `cancelled()` holds
    /// once the connection test is over (the user stopped waiting for it).
    pub(super) fn connect_to_unless(
        &mut self,
        config: PhoneSystemConfig,
        secret: Option<AmiSecret>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Option<Connected>, CoreError> {
        let mut asterisk = match config {
            PhoneSystemConfig::Builtin => {
                use_builtin(&self.home)?;
                self.reopen();
                return Ok(Some(Connected {
                    config: PhoneSystemConfig::Builtin,
                    live: None,
                }));
            }
            PhoneSystemConfig::Asterisk(asterisk) => asterisk,
            // Joining a server takes an enrollment code (`remote::connect_server`), not a secret.
            PhoneSystemConfig::Server(_) => return Err(crate::error::RemoteError::NotSignedIn.into()),
        };
        let previous = Config::load(&self.home)?;
        if secret.is_some() {
            asterisk.secret_file = Some(PathBuf::from(SECRET_FILE));
        }
        let Some(live) = connect_and_save_unless(&self.home, asterisk.clone(), secret.clone(), cancelled)? else {
            return Ok(None);
        };
        if let Some(secret) = secret
            && let Err(error) = secret.save_to_file(&self.home.join(SECRET_FILE))
        {
            // Without its secret the saved connection would fail at the next start: keep the previous one.
            if let Err(undo) = previous.save(&self.home) {
                tracing::error!(%undo, "the previous phone system configuration could not be restored");
            }
            return Err(error.into());
        }
        self.reopen();
        Ok(Some(Connected {
            config: PhoneSystemConfig::Asterisk(asterisk),
            live: Some(live),
        }))
    }
}
