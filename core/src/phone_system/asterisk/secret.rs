//! `AmiSecret`: the AMI password, from `CALLPROFILES_AMI_SECRET` or an owner-only file. It is never
//! printed, logged or `Debug`-formatted.

use std::fmt;
use std::io::Write;
use std::path::Path;

use super::value::AmiValue;
use crate::error::{ConfigProblem, PhoneError, SecretFileProblem};

/// The environment variable holding the AMI secret; it wins over a configured secret file.
pub const SECRET_ENV: &str = "CALLPROFILES_AMI_SECRET";

/// A secret is a short line: anything bigger is not a secret file, so it is refused before it is read whole.
const MAX_SECRET_FILE_BYTES: u64 = 4096;

/// The AMI login secret: only ever an `AmiValue` (no line breaks), and never shown by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct AmiSecret(AmiValue);

impl AmiSecret {
    /// A secret typed by the user (e.g. in a form); it must be non-empty and safe to send.
    pub fn new(text: &str) -> Result<Self, PhoneError> {
        if text.is_empty() {
            return Err(PhoneError::Config {
                reason: ConfigProblem::SecretEmpty,
            });
        }
        Ok(Self(AmiValue::new("AMI secret", text)?))
    }

    /// The value sent in `Login`.
    pub(crate) fn value(&self) -> &AmiValue {
        &self.0
    }

    /// The secret from [`SECRET_ENV`] if set and non-empty, else from `secret_file`.
    pub fn resolve(secret_file: Option<&Path>) -> Result<Self, PhoneError> {
        if let Some(text) = std::env::var_os(SECRET_ENV).filter(|v| !v.is_empty()) {
            let text = text.into_string().map_err(|_| PhoneError::Config {
                reason: ConfigProblem::SecretVariableNotUtf8 { variable: SECRET_ENV },
            })?;
            return Self::new(&text);
        }
        match secret_file {
            Some(path) => Self::from_file(path),
            None => Err(PhoneError::Config {
                reason: ConfigProblem::NoSecret { variable: SECRET_ENV },
            }),
        }
    }

    /// Reads a secret file: it must be readable by its owner only (mode 0600 or 0400); one trailing
    /// line break is dropped.
    pub fn from_file(path: &Path) -> Result<Self, PhoneError> {
        let refuse = |problem: SecretFileProblem| PhoneError::Config {
            reason: ConfigProblem::SecretFile {
                path: path.to_owned(),
                problem,
            },
        };
        let unreadable = |e: std::io::Error| {
            refuse(SecretFileProblem::Unreadable {
                kind: e.kind(),
                detail: e.to_string(),
            })
        };
        let metadata = std::fs::metadata(path).map_err(unreadable)?;
        if !metadata.is_file() {
            return Err(refuse(SecretFileProblem::NotAFile));
        }
        check_owner_only(&metadata).map_err(|mode| {
            refuse(SecretFileProblem::Open {
                mode,
                path: path.to_owned(),
            })
        })?;
        if metadata.len() > MAX_SECRET_FILE_BYTES {
            return Err(refuse(SecretFileProblem::TooLarge {
                limit: MAX_SECRET_FILE_BYTES,
            }));
        }
        // Read as any file of the app: never opened if it turned into a FIFO or a device meanwhile.
        let bytes = crate::atomic_file::read_limited(path, MAX_SECRET_FILE_BYTES)
            .map_err(|e| match crate::atomic_file::not_a_file(&e) {
                Some(_) => refuse(SecretFileProblem::NotAFile),
                None => unreadable(e),
            })?
            .ok_or_else(|| unreadable(std::io::ErrorKind::NotFound.into()))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| unreadable(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        Self::new(text).map_err(|error| match error {
            PhoneError::UnsafeValue { reason, .. } => refuse(SecretFileProblem::Unusable { reason }),
            PhoneError::Config { .. } => refuse(SecretFileProblem::Empty),
            other => other,
        })
    }

    /// Writes the secret to a new owner-only (0600) file, e.g. when the GUI's form saves it.
    pub fn save_to_file(&self, path: &Path) -> Result<(), PhoneError> {
        let fail = |e: std::io::Error| PhoneError::Config {
            reason: ConfigProblem::SecretFile {
                path: path.to_owned(),
                problem: SecretFileProblem::Unwritable {
                    kind: e.kind(),
                    detail: e.to_string(),
                },
            },
        };
        let mut options = std::fs::OpenOptions::new();
        // Not truncated on open, not through a symbolic link, never waiting on a FIFO: a link or a
        // device planted at the path is refused before anything is written (checked after opening).
        options.write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW | libc::O_NONBLOCK);
        let mut file = options.open(path).map_err(fail)?;
        if !file.metadata().map_err(fail)?.is_file() {
            return Err(PhoneError::Config {
                reason: ConfigProblem::SecretFile {
                    path: path.to_owned(),
                    problem: SecretFileProblem::NotAFile,
                },
            });
        }
        file.set_len(0).map_err(fail)?;
        // An existing file keeps its mode on open: tighten it before writing.
        #[cfg(unix)]
        file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .map_err(fail)?;
        file.write_all(self.0.as_str().as_bytes()).map_err(fail)?;
        file.write_all(b"\n").map_err(fail)?;
        file.sync_all().map_err(fail)
    }
}

/// Ok when group and others have no access; otherwise the file's mode.
#[cfg(unix)]
fn check_owner_only(metadata: &std::fs::Metadata) -> Result<(), u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = metadata.permissions().mode() & 0o7777;
    if mode & 0o077 == 0 { Ok(()) } else { Err(mode) }
}

/// Other systems have no Unix modes to check.
#[cfg(not(unix))]
fn check_owner_only(_metadata: &std::fs::Metadata) -> Result<(), u32> {
    Ok(())
}

impl fmt::Debug for AmiSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AmiSecret(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn debug_hides_the_secret() -> TestResult {
        let secret = AmiSecret::new("top-secret")?;
        assert_eq!(format!("{secret:?}"), "AmiSecret(<hidden>)");
        Ok(())
    }

    #[test]
    fn refuses_empty_and_hostile_secrets() {
        assert!(AmiSecret::new("").is_err());
        assert!(matches!(
            AmiSecret::new("x\r\nAction: Command"),
            Err(PhoneError::UnsafeValue { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn file_must_be_owner_only() -> TestResult {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("secret");
        std::fs::write(&path, "abc\n")?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))?;
        let error = AmiSecret::from_file(&path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("0644") && error.contains("chmod 600"), "{error}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        assert_eq!(AmiSecret::from_file(&path)?, AmiSecret::new("abc")?);
        std::fs::write(&path, "line1\nline2\n")?;
        let error = AmiSecret::from_file(&path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("line break") && !error.contains("line1"), "{error}");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn saved_file_is_owner_only_and_reads_back() -> TestResult {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("secret");
        std::fs::write(&path, "old")?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))?;
        let secret = AmiSecret::new("n3w")?;
        secret.save_to_file(&path)?;
        assert_eq!(std::fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
        assert_eq!(AmiSecret::from_file(&path)?, secret);
        Ok(())
    }
}
