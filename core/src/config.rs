//! `<home>/config.json`: which phone system to use. The built-in demo one is the default.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::error::{Damage, StoreError};
use crate::phone_system::asterisk::AsteriskConfig;
use crate::remote::ServerConfig;

/// The file name of the configuration inside the callprofiles home.
pub const CONFIG_FILE: &str = "config.json";
/// The file inside the callprofiles home where the GUI keeps an AMI secret typed into its connection form
/// (mode 0600; `config.json` names it as the `secret_file`).
pub const SECRET_FILE: &str = "ami-secret";
/// Largest configuration file read.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// The whole configuration file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Which phone system to use.
    #[serde(default)]
    pub phone_system: PhoneSystemConfig,
}

/// Which phone system to use, and how to reach it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PhoneSystemConfig {
    /// The built-in demo phone system (no PBX).
    #[default]
    Builtin,
    /// An Asterisk or FreePBX reached over AMI.
    Asterisk(AsteriskConfig),
    /// A callprofiles server, which holds the PBX login and this user's profiles.
    Server(ServerConfig),
}

impl Config {
    /// Loads `<home>/config.json`; a missing file gives the default (built-in demo).
    pub fn load(home: &Path) -> Result<Self, StoreError> {
        let path = home.join(CONFIG_FILE);
        let bytes =
            atomic_file::read_limited(&path, MAX_CONFIG_BYTES).map_err(|source| {
                match atomic_file::not_a_file(&source) {
                    Some(kind) => StoreError::Corrupt {
                        path: path.clone(),
                        reason: Damage::NotAFile { kind },
                    },
                    None => StoreError::Io {
                        action: "read",
                        path: path.clone(),
                        source,
                    },
                }
            })?;
        let Some(bytes) = bytes else {
            return Ok(Self::default());
        };
        let corrupt = |reason: Damage| StoreError::Corrupt {
            path: path.clone(),
            reason,
        };
        let config = serde_json::from_slice(&bytes).map_err(|e| corrupt(Damage::syntax(&e)))?;
        Damage::unless_object(&bytes).map_err(corrupt)?;
        Ok(config)
    }

    /// Saves `<home>/config.json` atomically.
    pub fn save(&self, home: &Path) -> Result<(), StoreError> {
        let path = home.join(CONFIG_FILE);
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|error| StoreError::encode(&path, &error))?;
        bytes.push(b'\n');
        atomic_file::write(&path, &bytes).map_err(|source| StoreError::Io {
            action: "write",
            path,
            source,
        })
    }
}
