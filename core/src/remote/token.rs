//! `DeviceToken`: what the server gave this computer at enrollment. Kept in `<home>/server-token`,
//! owner-only (0600) like the AMI secret file; never printed, logged or `Debug`-formatted.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::atomic_file;
use crate::error::RemoteError;

/// The file inside the callprofiles home holding the device token.
pub const TOKEN_FILE: &str = "server-token";

/// Largest token accepted (the server's are about 43 characters).
const MAX_TOKEN_BYTES: usize = 512;

/// A bearer token of this device.
#[derive(Clone, PartialEq, Eq)]
pub struct DeviceToken(String);

impl DeviceToken {
    /// A token as received: printable ASCII without spaces, at most 512 bytes (it goes in a header).
    pub fn new(text: &str) -> Option<Self> {
        let fits = !text.is_empty() && text.len() <= MAX_TOKEN_BYTES && text.bytes().all(|b| b.is_ascii_graphic());
        fits.then(|| Self(text.to_owned()))
    }

    /// The `Authorization` header's value.
    pub(crate) fn bearer(&self) -> String {
        format!("Bearer {}", self.0)
    }

    /// Where the token of `home` is kept.
    pub fn path_in(home: &Path) -> PathBuf {
        home.join(TOKEN_FILE)
    }

    /// Reads the token of `home`; `NotSignedIn` when there is none.
    pub fn load(home: &Path) -> Result<Self, RemoteError> {
        let path = Self::path_in(home);
        let fail = |e: std::io::Error| RemoteError::TokenFile {
            path: path.clone(),
            kind: e.kind(),
            detail: e.to_string(),
        };
        #[cfg(unix)]
        if let Ok(metadata) = std::fs::metadata(&path) {
            use std::os::unix::fs::PermissionsExt;
            let mode = metadata.permissions().mode() & 0o7777;
            if mode & 0o077 != 0 {
                return Err(RemoteError::TokenFileOpen { path, mode });
            }
        }
        let bytes = atomic_file::read_limited(&path, MAX_TOKEN_BYTES as u64 + 2)
            .map_err(fail)?
            .ok_or(RemoteError::NotSignedIn)?;
        let text = String::from_utf8_lossy(&bytes);
        Self::new(text.trim_end()).ok_or_else(|| {
            fail(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "it does not hold a device token",
            ))
        })
    }

    /// Writes the token to `<home>/server-token`, owner-only, replacing any earlier one.
    pub fn save(&self, home: &Path) -> Result<(), RemoteError> {
        let path = Self::path_in(home);
        let fail = |e: std::io::Error| RemoteError::TokenFile {
            path: path.clone(),
            kind: e.kind(),
            detail: e.to_string(),
        };
        std::fs::create_dir_all(home).map_err(fail)?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(fail)?;
        #[cfg(unix)]
        file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .map_err(fail)?;
        file.write_all(self.0.as_bytes()).map_err(fail)?;
        file.write_all(b"\n").map_err(fail)?;
        file.sync_all().map_err(fail)
    }

    /// Deletes the token file of `home` (signing out); an absent file counts as done.
    pub fn forget(home: &Path) -> Result<(), RemoteError> {
        let path = Self::path_in(home);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(RemoteError::TokenFile {
                path,
                kind: e.kind(),
                detail: e.to_string(),
            }),
        }
    }
}

impl fmt::Debug for DeviceToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeviceToken(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn debug_hides_the_token_and_headers_carry_no_line_breaks() {
        let token = DeviceToken::new("abc_DEF-123").map(|t| format!("{t:?}"));
        assert_eq!(token.as_deref(), Some("DeviceToken(<hidden>)"));
        assert!(DeviceToken::new("a\r\nX-Evil: 1").is_none());
        assert!(DeviceToken::new("").is_none());
        assert!(DeviceToken::new(&"a".repeat(600)).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn saved_owner_only_read_back_and_forgotten() -> TestResult {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        assert!(matches!(DeviceToken::load(dir.path()), Err(RemoteError::NotSignedIn)));
        let token = DeviceToken::new("tok3n").ok_or("token")?;
        token.save(dir.path())?;
        let path = DeviceToken::path_in(dir.path());
        assert_eq!(std::fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
        assert_eq!(DeviceToken::load(dir.path())?, token);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))?;
        assert!(matches!(
            DeviceToken::load(dir.path()),
            Err(RemoteError::TokenFileOpen { mode: 0o644, .. })
        ));
        DeviceToken::forget(dir.path())?;
        DeviceToken::forget(dir.path())?;
        assert!(!path.exists());
        Ok(())
    }
}
