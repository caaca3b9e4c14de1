//! The server's directory: its config, certificate, AMI secret, users file, audit log and one core home
//! per user. Directories are 0700 and files 0600: they hold the only AMI login of the PBX.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::io::Write;
use std::net::SocketAddr;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use callprofiles_core::phone_system::asterisk::{AmiHost, AmiUsername};
use serde::{Deserialize, Serialize};

/// `server.json`: how to reach Asterisk and where to listen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// AMI host.
    pub ami_host: AmiHost,
    /// AMI port.
    pub ami_port: std::num::NonZeroU16,
    /// AMI user (a `[user]` of manager.conf).
    pub ami_username: AmiUsername,
    /// The HTTPS address to listen on.
    pub listen: SocketAddr,
    /// Seconds between safety polls of AstDB.
    #[serde(default = "default_poll_seconds")]
    pub poll_seconds: u64,
    /// Failed enrollments or authentications allowed per minute, per address and per extension.
    #[serde(default = "default_failure_limit")]
    pub failure_limit: u32,
    /// Asterisk's voicemail spool (`/var/spool/asterisk/voicemail`): messages' audio and greetings.
    #[serde(default = "default_spool_dir")]
    pub spool_dir: PathBuf,
}

/// For serde: the spool of a standard Asterisk (older `server.json` files have none).
fn default_spool_dir() -> PathBuf {
    PathBuf::from(callprofiles_core::phone_system::asterisk::DEFAULT_SPOOL_DIR)
}

/// For serde.
fn default_failure_limit() -> u32 {
    crate::limits::MAX_FAILURES
}

/// The safety poll's default period.
pub const DEFAULT_POLL_SECONDS: u64 = 15;

/// For serde.
fn default_poll_seconds() -> u64 {
    DEFAULT_POLL_SECONDS
}

/// The files of one server directory.
#[derive(Clone, Debug)]
pub struct ServerDir {
    root: PathBuf,
}

impl ServerDir {
    /// The directory at `root` (nothing is read yet).
    pub fn new(root: &Path) -> Self {
        Self { root: root.to_owned() }
    }

    /// The directory itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `server.json`.
    pub fn config_file(&self) -> PathBuf {
        self.root.join("server.json")
    }

    /// The AMI secret (copied here by `init`).
    pub fn secret_file(&self) -> PathBuf {
        self.root.join("ami-secret")
    }

    /// The TLS certificate chain (PEM).
    pub fn cert_file(&self) -> PathBuf {
        self.root.join("cert.pem")
    }

    /// The TLS private key (PEM).
    pub fn key_file(&self) -> PathBuf {
        self.root.join("key.pem")
    }

    /// `users.json`: extensions, their devices' token hashes and pending enrollment code hashes.
    pub fn users_file(&self) -> PathBuf {
        self.root.join("users.json")
    }

    /// The lock serialising writers of `users.json` (the running server and `user add`/`revoke`).
    pub fn users_lock(&self) -> PathBuf {
        self.root.join("users.lock")
    }

    /// `audit.log`: one line per change.
    pub fn audit_file(&self) -> PathBuf {
        self.root.join("audit.log")
    }

    /// The core home of one extension (its `profiles.json`).
    pub fn user_home(&self, extension: &str) -> PathBuf {
        self.root.join("users").join(extension)
    }

    /// Reads `server.json`.
    pub fn load_config(&self) -> Result<ServerConfig> {
        let path = self.config_file();
        let bytes = std::fs::read(&path)
            .with_context(|| format!("Cannot read {} (run callprofiles-server init first)", path.display()))?;
        serde_json::from_slice(&bytes).with_context(|| format!("{} is damaged", path.display()))
    }

    /// Writes `server.json` (0600).
    pub fn save_config(&self, config: &ServerConfig) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(config)?;
        bytes.push(b'\n');
        write_private(&self.config_file(), &bytes)
    }
}

/// Creates `dir` and its parents as needed, owner-only (0700).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("Cannot create {}", dir.display()))?;
    std::fs::set_permissions(dir, Permissions::from_mode(0o700))
        .with_context(|| format!("Cannot make {} owner-only", dir.display()))
}

/// Replaces `path` atomically with `bytes`, readable by its owner only (0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    callprofiles_core::atomic_file::write(path, bytes).with_context(|| format!("Cannot write {}", path.display()))?;
    std::fs::set_permissions(path, Permissions::from_mode(0o600))
        .with_context(|| format!("Cannot make {} owner-only", path.display()))
}

/// Opens `path` for appending, creating it owner-only.
pub fn append_private(path: &Path) -> std::io::Result<std::fs::File> {
    OpenOptions::new().create(true).append(true).mode(0o600).open(path)
}

/// Appends one line to `path` (created owner-only) and syncs it.
pub fn append_line(path: &Path, line: &str) -> std::io::Result<()> {
    let mut file = append_private(path)?;
    file.write_all(format!("{line}\n").as_bytes())?;
    file.sync_data()
}
