//! `users.json`: each extension's devices (token hashes) and pending enrollment codes (hashes). Written by
//! the running server (enroll, sign out) and by `callprofiles-server user …` in another process, so every
//! change is a read-modify-write under `users.lock`, written atomically; the server re-reads the file
//! when it changed on disk (a revocation takes effect on the next request).

use std::collections::BTreeMap;
use std::fs::File;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};
use callprofiles_core::wire::UserLanguage;
use serde::{Deserialize, Serialize};

use crate::dir::{ServerDir, write_private};
use crate::secrets;

/// How long an enrollment code stays good.
pub const CODE_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);
/// How long a device token stays good.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);
/// Largest `users.json` read.
const MAX_USERS_FILE: u64 = 16 * 1024 * 1024;

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// One enrolled computer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// Public id (12 hex digits; the token's first part).
    pub id: String,
    /// The name the desktop gave.
    pub name: String,
    /// SHA-256 of the token's secret part.
    pub token_sha256: String,
    /// When it enrolled (Unix seconds).
    pub enrolled_at: u64,
    /// When its token stops working (Unix seconds).
    pub expires_at: u64,
    /// The address it enrolled from.
    pub enrolled_from: String,
}

/// A code `user add` printed, not used yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingCode {
    /// SHA-256 of the normalised code.
    pub code_sha256: String,
    /// When it stops working (Unix seconds).
    pub expires_at: u64,
}

/// One extension's devices and codes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserEntry {
    /// Enrolled computers.
    #[serde(default)]
    pub devices: Vec<Device>,
    /// Unused codes.
    #[serde(default)]
    pub codes: Vec<PendingCode>,
    /// Where new voicemail is e-mailed, set by the administrator (`user email`); when absent, the
    /// address Asterisk keeps for the mailbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The language the user's desktop last said it shows (`PUT /users/me/language`, or the
    /// administrator's `user language`): voicemail e-mail is written in it alone; unknown, in Polish
    /// then English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<UserLanguage>,
}

/// The whole file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersFile {
    /// By extension.
    #[serde(default)]
    pub users: BTreeMap<String, UserEntry>,
}

/// Who a valid token belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The extension it acts on.
    pub extension: String,
    /// Its device.
    pub device_id: String,
}

/// Why a token was refused (all answered alike: 401).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenRefusal {
    /// Not a token's shape.
    Malformed,
    /// No such device (revoked, or never).
    Unknown,
    /// The device exists but the secret differs (altered).
    Wrong {
        /// The device's extension (for the per-extension limit).
        extension: String,
    },
    /// Past its expiry.
    Expired {
        /// The device's extension.
        extension: String,
    },
}

/// Why an enrollment was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnrollRefusal {
    /// No pending code matches (wrong, used, or for another extension).
    BadCode,
    /// The code matched but expired.
    Expired,
}

/// `users.json` with a cache of its last read.
#[derive(Debug)]
pub struct Users {
    dir: ServerDir,
    cache: Mutex<Cached>,
}

/// The file as last read, and how it looked on disk then.
#[derive(Debug, Default)]
struct Cached {
    stamp: Option<(SystemTime, u64)>,
    file: UsersFile,
}

impl Users {
    /// The users of a server directory.
    pub fn new(dir: &ServerDir) -> Self {
        Self {
            dir: dir.clone(),
            cache: Mutex::new(Cached::default()),
        }
    }

    /// The file as it is on disk now (re-read only when its time or size changed).
    pub fn current(&self) -> Result<UsersFile> {
        let stamp = std::fs::metadata(self.dir.users_file())
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        let mut cache = self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if cache.stamp != stamp || stamp.is_none() {
            cache.file = self.read()?;
            cache.stamp = stamp;
        }
        Ok(cache.file.clone())
    }

    /// Checks a bearer token.
    pub fn authenticate(&self, token: &str) -> Result<Result<Caller, TokenRefusal>> {
        let Some((device_id, secret)) = secrets::split_token(token) else {
            return Ok(Err(TokenRefusal::Malformed));
        };
        let file = self.current()?;
        let found = file.users.iter().find_map(|(extension, entry)| {
            entry
                .devices
                .iter()
                .find(|device| device.id == device_id)
                .map(|device| (extension, device))
        });
        let Some((extension, device)) = found else {
            return Ok(Err(TokenRefusal::Unknown));
        };
        let extension = extension.clone();
        if !secrets::same_hash(&secrets::hash(secret), &device.token_sha256) {
            return Ok(Err(TokenRefusal::Wrong { extension }));
        }
        if device.expires_at <= now() {
            return Ok(Err(TokenRefusal::Expired { extension }));
        }
        Ok(Ok(Caller {
            extension,
            device_id: device.id.clone(),
        }))
    }

    /// A new enrollment code for `extension` (other pending codes stay good: one per computer).
    pub fn add_code(&self, extension: &str) -> Result<String> {
        let code = secrets::enrollment_code();
        let pending = PendingCode {
            code_sha256: secrets::hash(&secrets::normalize_code(&code)),
            expires_at: now() + CODE_LIFETIME.as_secs(),
        };
        self.update(|file| {
            let entry = file.users.entry(extension.to_owned()).or_default();
            entry.codes.retain(|c| c.expires_at > now());
            entry.codes.push(pending);
            Ok(())
        })?;
        Ok(code)
    }

    /// Sets (or, with `None`, clears) the address `extension`'s new voicemail is e-mailed to, creating
    /// the user when new. The address must parse as an e-mail address.
    pub fn set_email(&self, extension: &str, email: Option<&str>) -> Result<()> {
        let email = email
            .map(|text| crate::mail::parse_address(text).with_context(|| format!("{text:?} is not an e-mail address")))
            .transpose()?;
        self.update(|file| {
            file.users.entry(extension.to_owned()).or_default().email = email.map(|address| address.to_string());
            Ok(())
        })
    }

    /// Sets (or, with `None`, forgets) the language `extension`'s voicemail e-mail is written in; a user
    /// not in the file is added only when a language is set (the administrator's `user language` may
    /// come before `user add`).
    pub fn set_language(&self, extension: &str, language: Option<UserLanguage>) -> Result<()> {
        self.update(|file| {
            match (file.users.get_mut(extension), language) {
                (Some(entry), language) => entry.language = language,
                (None, Some(language)) => {
                    file.users.entry(extension.to_owned()).or_default().language = Some(language);
                }
                (None, None) => {}
            }
            Ok(())
        })
    }

    /// Trades a code for a new device of `extension`; the code is used up. Returns the token.
    pub fn enroll(
        &self,
        extension: &str,
        code: &str,
        device_name: &str,
        from: &str,
    ) -> Result<Result<(String, Device), EnrollRefusal>> {
        let hashed = secrets::hash(&secrets::normalize_code(code));
        self.update(|file| {
            let Some(entry) = file.users.get_mut(extension) else {
                return Ok(Err(EnrollRefusal::BadCode));
            };
            let Some(position) = entry
                .codes
                .iter()
                .position(|c| secrets::same_hash(&c.code_sha256, &hashed))
            else {
                return Ok(Err(EnrollRefusal::BadCode));
            };
            let pending = entry.codes.remove(position);
            if pending.expires_at <= now() {
                return Ok(Err(EnrollRefusal::Expired));
            }
            let id = secrets::device_id();
            let (token, token_sha256) = secrets::token(&id);
            let device = Device {
                id,
                name: device_name.chars().filter(|c| !c.is_control()).take(64).collect(),
                token_sha256,
                enrolled_at: now(),
                expires_at: now() + TOKEN_LIFETIME.as_secs(),
                enrolled_from: from.to_owned(),
            };
            entry.devices.push(device.clone());
            Ok(Ok((token, device)))
        })
    }

    /// Removes one device of `extension`, or all of them (and its pending codes); returns how many
    /// devices went.
    pub fn revoke(&self, extension: &str, device: Option<&str>) -> Result<usize> {
        self.update(|file| {
            let Some(entry) = file.users.get_mut(extension) else {
                return Ok(0);
            };
            let before = entry.devices.len();
            match device {
                Some(id) => entry.devices.retain(|d| d.id != id),
                None => {
                    entry.devices.clear();
                    entry.codes.clear();
                }
            }
            Ok(before - entry.devices.len())
        })
    }

    /// Reads the file from disk (missing: no users).
    fn read(&self) -> Result<UsersFile> {
        let path = self.dir.users_file();
        match callprofiles_core::atomic_file::read_limited(&path, MAX_USERS_FILE)
            .with_context(|| format!("Cannot read {}", path.display()))?
        {
            None => Ok(UsersFile::default()),
            Some(bytes) => serde_json::from_slice(&bytes).with_context(|| format!("{} is damaged", path.display())),
        }
    }

    /// Read-modify-write under the lock; the closure's error (or refusal inside `T`) decides.
    fn update<T>(&self, change: impl FnOnce(&mut UsersFile) -> Result<T>) -> Result<T> {
        let _lock = lock(&self.dir)?;
        let mut file = self.read()?;
        let before = file.clone();
        let result = change(&mut file)?;
        if file != before {
            let mut bytes = serde_json::to_vec_pretty(&file)?;
            bytes.push(b'\n');
            write_private(&self.dir.users_file(), &bytes)?;
        }
        Ok(result)
    }
}

/// Takes `users.lock` (waiting up to 5 s for another writer).
fn lock(dir: &ServerDir) -> Result<File> {
    let path = dir.users_lock();
    let file = crate::dir::append_private(&path).with_context(|| format!("Cannot open {}", path.display()))?;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::WouldBlock) => bail!("{} is locked by another process", path.display()),
            Err(std::fs::TryLockError::Error(error)) => {
                return Err(error).with_context(|| format!("Cannot lock {}", path.display()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_from_before_languages_reads_unchanged_and_an_unknown_language_is_not_written() -> Result<()> {
        let old = r#"{"users":{"201":{"devices":[],"codes":[],"email":"anna@example.com"}}}"#;
        let file: UsersFile = serde_json::from_str(old)?;
        let entry = file.users.get("201").context("no 201")?;
        assert_eq!(entry.language, None);
        assert_eq!(serde_json::to_string(&file)?, old);
        let mut file = file;
        if let Some(entry) = file.users.get_mut("201") {
            entry.language = Some(UserLanguage::Polish);
        }
        assert!(serde_json::to_string(&file)?.contains(r#""language":"pl""#));
        Ok(())
    }
}
