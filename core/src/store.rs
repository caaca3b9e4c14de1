//! `<home>/profiles.json`: the saved profiles and the last applied one, written atomically under a lock;
//! a damaged or newer file is never overwritten.

use std::fs::File;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::error::{CoreError, Damage, StoreError};
use crate::profile::{BuiltIn, ProfileId};
use crate::profile_book::{CustomProfile, ProfileBook};
use crate::settings::Settings;

/// The file name of the profiles inside the callprofiles home.
pub const PROFILES_FILE: &str = "profiles.json";
/// The lock file guarding read-modify-write of the profiles.
pub const LOCK_FILE: &str = "profiles.lock";
/// The newest schema this version reads and writes.
pub const SCHEMA_VERSION: u64 = 1;
/// Largest profiles file read (a real one is a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// How long a writer waits for another one before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Age after which a temporary file in the home is known to be left by a killed save.
const STALE_TEMP_AGE: Duration = Duration::from_secs(600);

/// Everything saved in `profiles.json`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StoreState {
    /// The saved profiles.
    pub book: ProfileBook,
    /// The profile applied last, if any.
    pub last_applied: Option<ProfileId>,
}

/// The on-disk shape of `profiles.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreFile {
    schema_version: u64,
    builtin: BuiltinSettings,
    custom: Vec<CustomProfile>,
    next_custom: u64,
    last_applied: Option<ProfileId>,
}

/// The built-ins' settings, by id.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltinSettings {
    office: Settings,
    mobile: Settings,
    home: Settings,
}

/// Only the version, read first so a newer file is reported as newer rather than damaged.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u64,
}

/// The profiles file of one callprofiles home.
#[derive(Clone, Debug)]
pub struct Store {
    home: PathBuf,
}

impl Store {
    /// The store in `home` (created on first write).
    pub fn new(home: impl Into<PathBuf>) -> Self {
        Self { home: home.into() }
    }

    /// The callprofiles home.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// Path of `profiles.json`.
    pub fn path(&self) -> PathBuf {
        self.home.join(PROFILES_FILE)
    }

    /// Loads the saved state; a missing file gives the fresh defaults.
    pub fn load(&self) -> Result<StoreState, StoreError> {
        let path = self.path();
        let bytes = atomic_file::read_limited(&path, MAX_FILE_BYTES).map_err(|source| {
            if source.kind() == std::io::ErrorKind::InvalidData {
                StoreError::Corrupt {
                    path: path.clone(),
                    reason: Damage::TooLarge { limit: MAX_FILE_BYTES },
                }
            } else if let Some(kind) = atomic_file::not_a_file(&source) {
                StoreError::Corrupt {
                    path: path.clone(),
                    reason: Damage::NotAFile { kind },
                }
            } else {
                StoreError::Io {
                    action: "read",
                    path: path.clone(),
                    source,
                }
            }
        })?;
        match bytes {
            None => Ok(StoreState::default()),
            Some(bytes) => decode(&path, &bytes),
        }
    }

    /// Runs a read-modify-write under the lock: loads the newest state, lets `change` modify it, and
    /// saves it atomically if `change` succeeded and changed something. On error nothing is written.
    pub fn update<T>(&self, change: impl FnOnce(&mut StoreState) -> Result<T, CoreError>) -> Result<T, CoreError> {
        let _lock = self.lock()?;
        let removed = atomic_file::remove_stale_temps(&self.home, STALE_TEMP_AGE);
        if removed > 0 {
            tracing::info!("removed {removed} temporary files left by interrupted saves");
        }
        let before = self.load()?;
        let mut state = before.clone();
        let result = change(&mut state)?;
        if state != before {
            self.save_locked(&state)?;
        }
        Ok(result)
    }

    /// Saves a whole state, replacing what is there (under the lock).
    pub fn save(&self, state: &StoreState) -> Result<(), StoreError> {
        let _lock = self.lock()?;
        // Refuse to replace a damaged or newer file the user has not moved aside.
        self.load()?;
        self.save_locked(state)
    }

    /// Moves a damaged `profiles.json` aside (kept, never deleted) and returns where it went.
    pub fn move_aside(&self) -> Result<PathBuf, StoreError> {
        let _lock = self.lock()?;
        let path = self.path();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let mut target = self.home.join(format!("{PROFILES_FILE}.damaged-{stamp}"));
        let mut counter = 1;
        while target.exists() {
            target = self.home.join(format!("{PROFILES_FILE}.damaged-{stamp}-{counter}"));
            counter += 1;
        }
        std::fs::rename(&path, &target).map_err(|source| StoreError::Io {
            action: "move aside",
            path,
            source,
        })?;
        Ok(target)
    }

    /// Writes the state; the caller holds the lock.
    fn save_locked(&self, state: &StoreState) -> Result<(), StoreError> {
        let path = self.path();
        let bytes = encode(state).map_err(|error| StoreError::encode(&path, &error))?;
        atomic_file::write(&path, &bytes).map_err(|source| StoreError::Io {
            action: "write",
            path,
            source,
        })
    }

    /// Takes the writers' lock, waiting up to [`LOCK_WAIT`]. The home's other files
    /// (`automation.json`, `history.json`) are written under the same lock.
    pub(crate) fn lock(&self) -> Result<File, StoreError> {
        let path = self.home.join(LOCK_FILE);
        std::fs::create_dir_all(&self.home).map_err(|source| StoreError::Io {
            action: "create",
            path: self.home.clone(),
            source,
        })?;
        let open_failed = |source| StoreError::Io {
            action: "open",
            path: path.clone(),
            source,
        };
        // Without blocking: opening a FIFO to write would wait for a reader forever.
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&path)
            .map_err(|source| match source.raw_os_error() {
                Some(libc::ENXIO) => StoreError::NotAFile {
                    path: path.clone(),
                    kind: crate::error::FileKind::Fifo,
                },
                _ => open_failed(source),
            })?;
        if let Some(kind) = crate::error::FileKind::of(file.metadata().map_err(open_failed)?.file_type()) {
            return Err(StoreError::NotAFile { path, kind });
        }
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                // Named by the file the user knows, not by its lock.
                Err(std::fs::TryLockError::WouldBlock) => return Err(StoreError::Busy { path: self.path() }),
                Err(std::fs::TryLockError::Error(source)) => {
                    return Err(StoreError::Io {
                        action: "lock",
                        path,
                        source,
                    });
                }
            }
        }
    }
}

/// Serializes a state to the file's bytes.
fn encode(state: &StoreState) -> Result<Vec<u8>, serde_json::Error> {
    let (builtin, custom, next_custom) = state.book.parts();
    let [office, mobile, home] = builtin.clone();
    let file = StoreFile {
        schema_version: SCHEMA_VERSION,
        builtin: BuiltinSettings { office, mobile, home },
        custom: custom.to_vec(),
        next_custom,
        last_applied: state.last_applied.clone(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Parses the file's bytes, checking the version and every rule.
fn decode(path: &Path, bytes: &[u8]) -> Result<StoreState, StoreError> {
    let corrupt = |reason: Damage| StoreError::Corrupt {
        path: path.to_owned(),
        reason,
    };
    let probe: VersionProbe = serde_json::from_slice(bytes).map_err(|e| corrupt(Damage::syntax(&e)))?;
    Damage::unless_object(bytes).map_err(corrupt)?;
    if probe.schema_version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_owned(),
            found: probe.schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    if probe.schema_version == 0 {
        return Err(corrupt(Damage::BadVersion));
    }
    let file: StoreFile = serde_json::from_slice(bytes).map_err(|e| corrupt(Damage::syntax(&e)))?;
    let builtin = [file.builtin.office, file.builtin.mobile, file.builtin.home];
    let book = ProfileBook::from_parts(builtin, file.custom, file.next_custom)
        .map_err(|source| corrupt(Damage::Rule { source }))?;
    let last_applied = file
        .last_applied
        .filter(|id| BuiltIn::from_id(id).is_some() || book.get(id).is_some());
    Ok(StoreState { book, last_applied })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_fresh_and_round_trips() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::new(dir.path());
        assert_eq!(store.load()?, StoreState::default());
        let id = store.update(|state| {
            let id = state.book.create("Car", Settings::office_default())?;
            state.last_applied = Some(id.clone());
            Ok(id)
        })?;
        let loaded = store.load()?;
        assert_eq!(loaded.last_applied, Some(id));
        assert_eq!(loaded.book.custom_count(), 1);
        Ok(())
    }

    #[test]
    fn corrupt_file_is_left_intact_and_can_be_moved_aside() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::new(dir.path());
        std::fs::write(store.path(), b"{\"schema_version\":1, garbage")?;
        assert!(matches!(
            store.load(),
            Err(StoreError::Corrupt {
                reason: Damage::Syntax { line: 1, .. },
                ..
            })
        ));
        std::fs::write(store.path(), b"{\"schema_version\":1, \"builtin\": {")?;
        assert!(matches!(
            store.load(),
            Err(StoreError::Corrupt {
                reason: Damage::Truncated { .. },
                ..
            })
        ));
        std::fs::write(store.path(), b"{\"schema_version\":1, garbage")?;
        let failed = store.update(|state| state.book.create("Car", Settings::office_default()));
        assert!(failed.is_err());
        assert!(store.save(&StoreState::default()).is_err());
        assert_eq!(std::fs::read(store.path())?, b"{\"schema_version\":1, garbage");
        let aside = store.move_aside()?;
        assert_eq!(std::fs::read(aside)?, b"{\"schema_version\":1, garbage");
        assert_eq!(store.load()?, StoreState::default());
        Ok(())
    }

    #[test]
    fn newer_file_is_reported_as_newer() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::new(dir.path());
        std::fs::write(store.path(), b"{\"schema_version\":7,\"whatever\":true}")?;
        assert!(matches!(store.load(), Err(StoreError::Newer { found: 7, .. })));
        Ok(())
    }

    #[test]
    fn rule_breaking_file_is_corrupt() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::new(dir.path());
        let mut state = StoreState::default();
        for name in ["A", "B", "C", "D"] {
            state.book.create(name, Settings::office_default())?;
        }
        store.save(&state)?;
        let text = std::fs::read_to_string(store.path())?.replace("\"A\"", "\"b\"");
        std::fs::write(store.path(), text)?;
        assert!(matches!(store.load(), Err(StoreError::Corrupt { .. })));
        Ok(())
    }
}
