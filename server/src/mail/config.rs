//! The SMTP relay in `server.json` (`mail set`) and the lettre transport made from it. The password is
//! not in `server.json`: it is `smtp-password` in the server directory, owner-only like the AMI secret,
//! and never logged.

use std::net::IpAddr;
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use callprofiles_core::phone_system::asterisk::AmiHost;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};

/// How the connection to the relay is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain SMTP: allowed only to a relay on this machine (loopback), e.g. a local Postfix.
    None,
    /// SMTP, then STARTTLS before anything else is sent (usually port 587); refused if the relay
    /// cannot upgrade, so credentials never travel in the clear.
    Starttls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
}

/// Attempts per e-mail by default (one, then retries after 2, 4, 8 and 16 s).
pub const DEFAULT_ATTEMPTS: u32 = 5;
/// The first pause between attempts by default; it doubles after each.
pub const DEFAULT_RETRY_SECONDS: u64 = 2;
/// Most attempts accepted (bounded: a dead relay must not hold messages for hours).
pub const MAX_ATTEMPTS: u32 = 10;
/// One SMTP exchange (connect, each command) may take this long.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// A password file bigger than this is not a password.
const MAX_PASSWORD_BYTES: u64 = 4096;

/// The relay new voicemail is e-mailed through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// The relay's host name or address.
    pub host: AmiHost,
    /// Its port.
    pub port: NonZeroU16,
    /// Plain (loopback only), STARTTLS or TLS.
    pub security: Security,
    /// The login, if the relay wants one (the password is `smtp-password`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The sender, e.g. `Poczta głosowa <pbx@example.com>`.
    pub from: String,
    /// A PEM file of the certificate authority that signed an internal relay's certificate (besides
    /// the public ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// Attempts per e-mail before giving up (1–10).
    #[serde(default = "default_attempts")]
    pub attempts: u32,
    /// Seconds before the first retry; doubled after each.
    #[serde(default = "default_retry_seconds")]
    pub retry_seconds: u64,
}

/// For serde.
fn default_attempts() -> u32 {
    DEFAULT_ATTEMPTS
}

/// For serde.
fn default_retry_seconds() -> u64 {
    DEFAULT_RETRY_SECONDS
}

impl SmtpConfig {
    /// Checks what `mail set` and `run` rely on: plain SMTP only to loopback, a valid sender, a clean
    /// user name, bounded retries.
    pub fn check(&self) -> Result<()> {
        if self.security == Security::None && !is_loopback(self.host.as_str()) {
            bail!(
                "Plain SMTP (--security none) is allowed only to a relay on this machine (127.0.0.1, ::1 or \
                 localhost), not {}: use --security starttls or tls",
                self.host.as_str()
            );
        }
        self.sender()?;
        if let Some(username) = &self.username
            && (username.is_empty() || username.len() > 256 || username.chars().any(char::is_control))
        {
            bail!("The SMTP user name must be 1-256 characters without control characters");
        }
        if !(1..=MAX_ATTEMPTS).contains(&self.attempts) {
            bail!("--attempts must be between 1 and {MAX_ATTEMPTS}");
        }
        if self.retry_seconds > 300 {
            bail!("--retry-seconds must be at most 300");
        }
        Ok(())
    }

    /// The sender as a mailbox.
    pub fn sender(&self) -> Result<Mailbox> {
        self.from
            .parse()
            .with_context(|| format!("The sender {:?} is not an e-mail address", self.from))
    }

    /// The pause before retry number `retry` (1-based): `retry_seconds`, doubled each time.
    pub fn pause_before(&self, retry: u32) -> Duration {
        let factor = 1u64 << retry.saturating_sub(1).min(16);
        Duration::from_secs(self.retry_seconds.saturating_mul(factor))
    }

    /// The transport for this relay; `password` is `smtp-password`'s content when a username is set.
    pub fn transport(&self, password: Option<SmtpPassword>) -> Result<AsyncSmtpTransport<Tokio1Executor>> {
        let host = self.host.as_str();
        let tls = || -> Result<TlsParameters> {
            let mut builder = TlsParameters::builder(host.to_owned());
            if let Some(ca_file) = &self.ca_file {
                let pem = std::fs::read(ca_file).with_context(|| format!("Cannot read {}", ca_file.display()))?;
                let certificate = Certificate::from_pem(&pem)
                    .with_context(|| format!("{} holds no PEM certificate", ca_file.display()))?;
                builder = builder.add_root_certificate(certificate);
            }
            builder.build_rustls().context("Cannot set up TLS for the SMTP relay")
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(self.port.get())
            .timeout(Some(SMTP_TIMEOUT))
            .tls(match self.security {
                Security::None => Tls::None,
                Security::Starttls => Tls::Required(tls()?),
                Security::Tls => Tls::Wrapper(tls()?),
            });
        match (&self.username, password) {
            (Some(username), Some(password)) => {
                builder = builder.credentials(Credentials::new(username.clone(), password.0));
            }
            (Some(_), None) => bail!("The SMTP relay has a user name but no password file"),
            (None, _) => {}
        }
        Ok(builder.build())
    }
}

/// Whether `host` is this machine.
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The relay's password: read from an owner-only file, never shown by `Debug`.
pub struct SmtpPassword(String);

impl std::fmt::Debug for SmtpPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SmtpPassword(<hidden>)")
    }
}

impl SmtpPassword {
    /// Reads `path`: a regular file readable by its owner only (0600 or 0400), one line; a trailing
    /// line break is dropped.
    pub fn from_file(path: &Path) -> Result<Self> {
        use std::os::unix::fs::PermissionsExt;
        let metadata = std::fs::metadata(path).with_context(|| format!("Cannot read {}", path.display()))?;
        if !metadata.is_file() {
            bail!("{} is not a regular file", path.display());
        }
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            bail!(
                "{} is readable by others (mode {mode:o}); make it owner-only: chmod 600 {}",
                path.display(),
                path.display()
            );
        }
        let bytes = callprofiles_core::atomic_file::read_limited(path, MAX_PASSWORD_BYTES)
            .with_context(|| format!("Cannot read {} (at most {MAX_PASSWORD_BYTES} bytes)", path.display()))?
            .with_context(|| format!("{} is missing", path.display()))?;
        let text = String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8", path.display()))?;
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        if text.is_empty() || text.chars().any(char::is_control) {
            bail!("{} must hold the password on one line", path.display());
        }
        Ok(Self(text.to_owned()))
    }

    /// Writes the password owner-only to `path`.
    pub fn save_to(&self, path: &Path) -> Result<()> {
        crate::dir::write_private(path, format!("{}\n", self.0).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(host: &str, security: Security) -> Result<SmtpConfig> {
        Ok(SmtpConfig {
            host: AmiHost::parse(host)?,
            port: NonZeroU16::MIN,
            security,
            username: None,
            from: "Poczta głosowa <pbx@example.com>".to_owned(),
            ca_file: None,
            attempts: DEFAULT_ATTEMPTS,
            retry_seconds: DEFAULT_RETRY_SECONDS,
        })
    }

    #[test]
    fn plain_smtp_only_to_loopback() -> Result<()> {
        for host in ["127.0.0.1", "::1", "localhost", "127.0.0.9"] {
            config(host, Security::None)?.check()?;
        }
        for host in ["10.0.0.1", "smtp.example.com"] {
            assert!(config(host, Security::None)?.check().is_err(), "{host}");
            config(host, Security::Starttls)?.check()?;
            config(host, Security::Tls)?.check()?;
        }
        Ok(())
    }

    #[test]
    fn bad_senders_names_and_retries_are_refused() -> Result<()> {
        let mut bad = config("127.0.0.1", Security::None)?;
        bad.from = "not an address".to_owned();
        assert!(bad.check().is_err());
        let mut bad = config("127.0.0.1", Security::None)?;
        bad.username = Some("a\r\nb".to_owned());
        assert!(bad.check().is_err());
        let mut bad = config("127.0.0.1", Security::None)?;
        bad.attempts = 0;
        assert!(bad.check().is_err());
        Ok(())
    }

    #[test]
    fn retries_back_off() -> Result<()> {
        let config = config("127.0.0.1", Security::None)?;
        let pauses: Vec<u64> = (1..=4).map(|n| config.pause_before(n).as_secs()).collect();
        assert_eq!(pauses, [2, 4, 8, 16]);
        Ok(())
    }

    #[test]
    fn the_password_file_must_be_owner_only_and_is_never_shown() -> Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("pw");
        std::fs::write(&path, "hunter2\n")?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))?;
        assert!(SmtpPassword::from_file(&path).is_err());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        let password = SmtpPassword::from_file(&path)?;
        assert_eq!(password.0, "hunter2");
        assert!(!format!("{password:?}").contains("hunter2"));
        Ok(())
    }
}
