//! Connecting a home to a callprofiles server (enrollment code → device token, first profile sync) and
//! signing out. Used by `callprofiles connect server`, `callprofiles disconnect` and the window's form.

use std::path::{Path, PathBuf};

use super::client::ServerClient;
use super::config::ServerConfig;
use super::fingerprint::Fingerprint;
use super::token::DeviceToken;
use super::url::ServerUrl;
use crate::atomic_file;
use crate::config::{Config, PhoneSystemConfig};
use crate::error::{CoreError, RemoteError, StoreError};
use crate::phone_system::asterisk::extension::Extension;
use crate::store::Store;
use crate::transfer;
use crate::wire::{EnrollRequest, State};

/// Where the local profiles are copied when the server's win at the first connection.
pub const LOCAL_BACKUP_FILE: &str = "profiles.local-backup.json";

/// What connecting did.
#[derive(Clone, Debug)]
pub struct Connected {
    /// The user's state on the server after the first sync.
    pub state: State,
    /// What happened to this computer's profiles.
    pub profiles: FirstSync,
}

/// The first sync of profiles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirstSync {
    /// The server had none for the extension: this computer's profiles were uploaded.
    Uploaded,
    /// The server's profiles win; this computer's were copied to the file named.
    ServerKept {
        /// The backup of the local profiles.
        backup: PathBuf,
    },
    /// The server's profiles win; this computer had none of its own to keep.
    ServerKeptNothingLocal,
}

/// Exchanges `code` for a device token of `extension`, uploads this computer's profiles if the server
/// has none for the user (else keeps them in a backup file), and only then saves the token (0600) and
/// `config.json`. On failure nothing in the home changes (a token already issued is revoked).
pub fn connect_server(
    home: &Path,
    url: ServerUrl,
    extension: Extension,
    code: &str,
    fingerprint: Option<Fingerprint>,
    device_name: &str,
) -> Result<Connected, CoreError> {
    let mut config = Config::load(home)?;
    let local = Store::new(home).load()?;
    let anonymous = ServerClient::new(url.clone(), fingerprint, None)?;
    let request = EnrollRequest {
        extension: extension.as_str().to_owned(),
        code: code.trim().to_owned(),
        device_name: device_name.to_owned(),
    };
    let enrolled = anonymous.enroll(&request).map_err(|error| match error {
        CoreError::Remote(RemoteError::EnrollmentRefused { .. }) => RemoteError::EnrollmentRefused {
            extension: extension.as_str().to_owned(),
        }
        .into(),
        other => other,
    })?;
    let token = DeviceToken::new(&enrolled.token).ok_or_else(|| RemoteError::BadAnswer {
        status: 200,
        detail: "the device token is not printable ASCII".to_owned(),
    })?;
    if enrolled.extension != extension.as_str() {
        return Err(RemoteError::BadAnswer {
            status: 200,
            detail: format!("the token is for extension {}", enrolled.extension),
        }
        .into());
    }
    let client = ServerClient::new(url.clone(), fingerprint, Some(token.clone()))?;
    let mut finish = || -> Result<Connected, CoreError> {
        let file: serde_json::Value = transfer::encode(&local.book)
            .and_then(|bytes| serde_json::from_slice(&bytes))
            .map_err(|e| StoreError::Corrupt {
                path: Store::new(home).path(),
                reason: crate::error::Damage::syntax(&e),
            })?;
        let upload = client.upload(&file)?;
        let profiles = if upload.uploaded {
            FirstSync::Uploaded
        } else {
            keep_local_backup(home)?
        };
        token.save(home)?;
        config.phone_system = PhoneSystemConfig::Server(ServerConfig {
            url: url.clone(),
            extension: extension.clone(),
            fingerprint,
        });
        if let Err(error) = config.save(home) {
            DeviceToken::forget(home).ok();
            return Err(error.into());
        }
        Ok(Connected {
            state: upload.state,
            profiles,
        })
    };
    finish().inspect_err(|_| {
        // Leave no live token behind on the server for a connection that did not happen.
        client.revoke_this_device().ok();
    })
}

/// Copies `profiles.json` aside when it exists (the server's profiles are used from now on).
fn keep_local_backup(home: &Path) -> Result<FirstSync, CoreError> {
    let store = Store::new(home);
    let path = store.path();
    let bytes = atomic_file::read_limited(&path, 4 * 1024 * 1024).map_err(|source| StoreError::Io {
        action: "read",
        path: path.clone(),
        source,
    })?;
    let Some(bytes) = bytes else {
        return Ok(FirstSync::ServerKeptNothingLocal);
    };
    let backup = home.join(LOCAL_BACKUP_FILE);
    atomic_file::write(&backup, &bytes).map_err(|source| StoreError::Io {
        action: "write",
        path: backup.clone(),
        source,
    })?;
    Ok(FirstSync::ServerKept { backup })
}

/// What signing out did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignedOut {
    /// The server revoked the token; it is deleted here too.
    Revoked,
    /// The server could not be told (unreachable); the token is deleted here, and an administrator can
    /// revoke it with `callprofiles-server user revoke`.
    ForgottenOnly,
    /// This home was not connected to a server.
    NotConnected,
}

/// Signs this computer out of its server: revokes the token (`DELETE /users/me/devices/current`),
/// deletes it, and switches `config.json` back to the built-in demo.
pub fn sign_out(home: &Path) -> Result<SignedOut, CoreError> {
    let mut config = Config::load(home)?;
    let PhoneSystemConfig::Server(server) = &config.phone_system else {
        return Ok(SignedOut::NotConnected);
    };
    let outcome = match DeviceToken::load(home) {
        Ok(token) => {
            let client = ServerClient::new(server.url.clone(), server.fingerprint, Some(token))?;
            match client.revoke_this_device() {
                Ok(()) | Err(CoreError::Remote(RemoteError::Unauthorized)) => SignedOut::Revoked,
                Err(error) => {
                    tracing::warn!("could not revoke the device token on the server: {error}");
                    SignedOut::ForgottenOnly
                }
            }
        }
        Err(RemoteError::NotSignedIn) => SignedOut::Revoked,
        Err(error) => return Err(error.into()),
    };
    DeviceToken::forget(home)?;
    config.phone_system = PhoneSystemConfig::Builtin;
    config.save(home)?;
    Ok(outcome)
}
