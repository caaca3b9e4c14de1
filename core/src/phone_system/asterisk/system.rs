//! `AsteriskPhoneSystem`: the profiles' settings in a real Asterisk/FreePBX, over one AMI connection.

use std::path::PathBuf;

use super::client::AmiClient;
use super::config::AsteriskConfig;
use super::layout::{Change, Entries, Layout};
use super::secret::AmiSecret;
use super::target::AmiTarget;
use super::value::AmiValue;
use crate::applicable::ApplicableSettings;
use crate::error::PhoneError;
use crate::phone_system::{PhoneSystem, PhoneSystemDescription, PhoneSystemKind};
use crate::settings::Settings;

/// Where the secret comes from.
#[derive(Clone, Debug)]
enum SecretSource {
    /// `CALLPROFILES_AMI_SECRET`, else this file (resolved when first connecting).
    Configured(Option<PathBuf>),
    /// Given directly (e.g. typed into a form).
    Given(AmiSecret),
}

/// An Asterisk phone system. It connects on first use and keeps one connection, reopened after
/// Asterisk restarts.
#[derive(Debug)]
pub struct AsteriskPhoneSystem {
    config: AsteriskConfig,
    secret: SecretSource,
    layout: Layout,
    client: Option<AmiClient>,
}

impl AsteriskPhoneSystem {
    /// The phone system of `config`; its secret comes from the environment or `secret_file` (an
    /// absolute path) when first needed. Nothing is sent yet.
    pub fn new(config: AsteriskConfig, secret_file: Option<PathBuf>) -> Self {
        Self::with_source(config, SecretSource::Configured(secret_file))
    }

    /// The phone system of `config` with a secret given directly.
    pub fn with_secret(config: AsteriskConfig, secret: AmiSecret) -> Self {
        Self::with_source(config, SecretSource::Given(secret))
    }

    /// Builds it.
    fn with_source(config: AsteriskConfig, secret: SecretSource) -> Self {
        Self {
            layout: Layout::new(config.extension.clone()),
            config,
            secret,
            client: None,
        }
    }

    /// Connects and logs in now, then reads the live settings: what "test the connection" means.
    pub fn test_connection(&mut self) -> Result<Settings, PhoneError> {
        self.read()
    }

    /// Whether a logged-in connection is open right now.
    pub fn connected(&self) -> bool {
        self.client.as_ref().is_some_and(AmiClient::connected)
    }

    /// How many times the connection was reopened after being lost.
    pub fn reconnects(&self) -> u64 {
        self.client.as_ref().map_or(0, AmiClient::reconnects)
    }

    /// The AMI client, created (secret resolved) on first use.
    fn client(&mut self) -> Result<&mut AmiClient, PhoneError> {
        if let Some(client) = self.client.take() {
            return Ok(self.client.insert(client));
        }
        let secret = match &self.secret {
            SecretSource::Configured(file) => AmiSecret::resolve(file.as_deref())?,
            SecretSource::Given(secret) => secret.clone(),
        };
        let target = AmiTarget::new(
            self.config.host.clone(),
            self.config.port.get(),
            &self.config.username,
            secret,
        );
        Ok(self.client.insert(AmiClient::new(target)))
    }

    /// Every live entry of the extension's three AstDB trees.
    fn entries(&mut self) -> Result<Entries, PhoneError> {
        let trees = self.layout.trees();
        let client = self.client()?;
        let mut entries = Entries::new();
        for tree in trees {
            let (family, key) = tree.values()?;
            entries.extend(client.db_get_tree(&family, &key)?);
        }
        Ok(entries)
    }
}

impl PhoneSystem for AsteriskPhoneSystem {
    fn description(&self) -> PhoneSystemDescription {
        PhoneSystemDescription {
            kind: PhoneSystemKind::Asterisk,
            summary: format!(
                "Asterisk at {}, extension {} (AMI user {})",
                self.config.address(),
                self.config.extension,
                self.config.username.as_str()
            ),
        }
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        let entries = self.entries()?;
        Ok(self.layout.settings_from(&entries))
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        let entries = self.entries()?;
        let changes = self.layout.changes(&entries, settings);
        let client = self.client()?;
        for change in changes {
            match change {
                Change::Put(key, value) => {
                    let (family, key) = key.values()?;
                    client.db_put(&family, &key, &AmiValue::new("AstDB value", value)?)?;
                }
                Change::Delete(key) => {
                    let (family, key) = key.values()?;
                    client.db_del(&family, &key)?;
                }
                Change::DeviceState(device, state) => {
                    // A lamp is a courtesy: a PBX without func_devstate still gets its settings.
                    let variable = AmiValue::new("device state name", format!("DEVICE_STATE({device})"))?;
                    if let Err(error) = client.setvar(&variable, &AmiValue::new("device state", state)?) {
                        tracing::warn!(%error, device, "phone lamp not updated");
                    }
                }
            }
        }
        Ok(())
    }
}
