//! `<home>/automation.json` (the rules, the hold, the last situation, the profile last decided) and
//! `<home>/history.json` (the switches made, newest first, at most [`HISTORY_LIMIT`]): written
//! atomically under the profiles' lock, like `profiles.json`; a damaged or newer file is never
//! overwritten, only moved aside on request.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::hold::{Hold, Situation};
use super::rules::Rules;
use super::view::HistoryEntry;
use crate::atomic_file;
use crate::error::{CoreError, Damage, StoreError};
use crate::profile::ProfileId;
use crate::store::Store;

/// The rules' file inside the callprofiles home.
pub const AUTOMATION_FILE: &str = "automation.json";
/// The history's file inside the callprofiles home.
pub const HISTORY_FILE: &str = "history.json";
/// The newest format of both files this version reads and writes.
pub const AUTOMATION_VERSION: u64 = 1;
/// The most history entries kept (the oldest go first).
pub const HISTORY_LIMIT: usize = 500;
/// Largest file read.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Everything `automation.json` keeps.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AutomationState {
    /// The user's rules.
    pub rules: Rules,
    /// The user's hold (a click or an "until"), until a run finds it ended.
    pub hold: Option<Hold>,
    /// The last situation the desktop reported.
    pub situation: Situation,
    /// The profile the automation decided last: a switch happens only when the decided profile changes,
    /// so a change made on the phone (a feature code) is left alone until the rules decide anew.
    pub decided: Option<ProfileId>,
}

/// The on-disk shape of `automation.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AutomationFile {
    version: u64,
    #[serde(default)]
    rules: Rules,
    #[serde(default)]
    hold: Option<Hold>,
    #[serde(default)]
    situation: Situation,
    #[serde(default)]
    decided: Option<ProfileId>,
}

/// The on-disk shape of `history.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryFile {
    version: u64,
    entries: Vec<HistoryEntry>,
}

/// Only the version, read first so that a newer file is reported as newer rather than damaged.
#[derive(Deserialize)]
struct VersionProbe {
    version: u64,
}

/// The automation's files in one callprofiles home.
#[derive(Clone, Debug)]
pub struct AutomationStore {
    store: Store,
}

impl AutomationStore {
    /// The files beside `store`'s `profiles.json`, under its lock.
    pub fn new(store: Store) -> Self {
        Self { store }
    }

    /// Path of `automation.json`.
    pub fn path(&self) -> PathBuf {
        self.store.home().join(AUTOMATION_FILE)
    }

    /// Path of `history.json`.
    pub fn history_path(&self) -> PathBuf {
        self.store.home().join(HISTORY_FILE)
    }

    /// The saved state; a missing file gives no rules.
    pub fn load(&self) -> Result<AutomationState, StoreError> {
        let file: Option<AutomationFile> = read(&self.path())?;
        Ok(file
            .map(|file| AutomationState {
                rules: file.rules,
                hold: file.hold,
                situation: file.situation,
                decided: file.decided,
            })
            .unwrap_or_default())
    }

    /// Read-modify-write of `automation.json` under the lock; nothing is written when `change` fails
    /// or changes nothing.
    pub fn update<T>(&self, change: impl FnOnce(&mut AutomationState) -> Result<T, CoreError>) -> Result<T, CoreError> {
        let _lock = self.store.lock()?;
        let before = self.load()?;
        let mut state = before.clone();
        let result = change(&mut state)?;
        if state != before {
            let file = AutomationFile {
                version: AUTOMATION_VERSION,
                rules: state.rules,
                hold: state.hold,
                situation: state.situation,
                decided: state.decided,
            };
            write(&self.path(), &file)?;
        }
        Ok(result)
    }

    /// The history, newest first; a missing file is an empty history.
    pub fn history(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        let file: Option<HistoryFile> = read(&self.history_path())?;
        Ok(file.map(|file| file.entries).unwrap_or_default())
    }

    /// Adds `entry` at the top of the history, dropping the oldest beyond [`HISTORY_LIMIT`].
    pub fn record(&self, entry: HistoryEntry) -> Result<(), StoreError> {
        let _lock = self.store.lock()?;
        let mut entries = self.history()?;
        entries.insert(0, entry);
        entries.truncate(HISTORY_LIMIT);
        write(
            &self.history_path(),
            &HistoryFile {
                version: AUTOMATION_VERSION,
                entries,
            },
        )
    }

    /// Moves a damaged `automation.json` (or `history.json`, whichever `path` is) aside, kept, never
    /// deleted; returns where it went.
    pub fn move_aside(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let _lock = self.store.lock()?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(AUTOMATION_FILE);
        let stamp = jiff::Timestamp::now().as_second();
        let mut target = path.with_file_name(format!("{name}.damaged-{stamp}"));
        let mut counter = 1;
        while target.exists() {
            target = path.with_file_name(format!("{name}.damaged-{stamp}-{counter}"));
            counter += 1;
        }
        std::fs::rename(path, &target).map_err(|source| StoreError::Io {
            action: "move aside",
            path: path.to_owned(),
            source,
        })?;
        Ok(target)
    }
}

/// Reads and checks a versioned file (`None` when missing).
fn read<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, StoreError> {
    let corrupt = |reason: Damage| StoreError::Corrupt {
        path: path.to_owned(),
        reason,
    };
    let bytes = atomic_file::read_limited(path, MAX_FILE_BYTES).map_err(|source| {
        if source.kind() == std::io::ErrorKind::InvalidData {
            corrupt(Damage::TooLarge { limit: MAX_FILE_BYTES })
        } else if let Some(kind) = atomic_file::not_a_file(&source) {
            corrupt(Damage::NotAFile { kind })
        } else {
            StoreError::Io {
                action: "read",
                path: path.to_owned(),
                source,
            }
        }
    })?;
    let Some(bytes) = bytes else {
        return Ok(None);
    };
    Damage::unless_object(&bytes).map_err(corrupt)?;
    let probe: VersionProbe = serde_json::from_slice(&bytes).map_err(|e| corrupt(Damage::syntax(&e)))?;
    if probe.version > AUTOMATION_VERSION {
        return Err(StoreError::Newer {
            path: path.to_owned(),
            found: probe.version,
            supported: AUTOMATION_VERSION,
        });
    }
    if probe.version == 0 {
        return Err(corrupt(Damage::BadVersion));
    }
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| corrupt(Damage::syntax(&e)))
}

/// Writes a file atomically; the caller holds the lock.
fn write(path: &Path, value: &impl Serialize) -> Result<(), StoreError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|error| StoreError::encode(path, &error))?;
    bytes.push(b'\n');
    atomic_file::write(path, &bytes).map_err(|source| StoreError::Io {
        action: "write",
        path: path.to_owned(),
        source,
    })
}
