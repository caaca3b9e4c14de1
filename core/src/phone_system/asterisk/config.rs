//! `AsteriskConfig`: how to reach an Asterisk over AMI (the home's configuration saves it; this module
//! does not know where); the secret is never stored here, only where to find it.

use std::num::NonZeroU16;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::extension::Extension;
use super::target::{AmiHost, AmiUsername};

/// The connection settings of an Asterisk (or FreePBX) phone system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsteriskConfig {
    /// AMI host name or address.
    pub host: AmiHost,
    /// AMI port (Asterisk's default is 5038).
    pub port: NonZeroU16,
    /// AMI user name (a `[user]` of manager.conf).
    pub username: AmiUsername,
    /// The extension whose settings the profiles change.
    pub extension: Extension,
    /// A file holding the AMI secret, readable by its owner only; relative paths are relative to the
    /// callprofiles home. `CALLPROFILES_AMI_SECRET` wins over it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_file: Option<PathBuf>,
}

impl AsteriskConfig {
    /// The secret file as an absolute path (relative ones are taken from `home`).
    pub fn secret_file_in(&self, home: &Path) -> Option<PathBuf> {
        self.secret_file.as_ref().map(|file| home.join(file))
    }

    /// `host:port`, for messages.
    pub fn address(&self) -> String {
        self.host.with_port(self.port.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_and_validation() -> Result<(), Box<dyn std::error::Error>> {
        let json = r#"{"host":"127.0.0.1","port":5038,"username":"callprofiles","extension":"201"}"#;
        let config: AsteriskConfig = serde_json::from_str(json)?;
        assert_eq!(config.address(), "127.0.0.1:5038");
        assert_eq!(serde_json::to_string(&config)?, json);
        for bad in [
            json.replace("\"201\"", "\"20x\""),
            json.replace("5038", "0"),
            json.replace("callprofiles", "call\\r\\nprofiles"),
            json.replace("127.0.0.1", "pbx host"),
            json.replace("}", ",\"secret\":\"x\"}"),
        ] {
            assert!(serde_json::from_str::<AsteriskConfig>(&bad).is_err(), "{bad}");
        }
        Ok(())
    }
}
