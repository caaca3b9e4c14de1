//! Export and import of every profile (see [`crate::transfer`] for the file format).

use std::path::{Path, PathBuf};

use crate::config::{Config, PhoneSystemConfig};
use crate::error::{CoreError, StoreError};
use crate::transfer::{self, ImportReport};

use super::Callprofiles;

impl Callprofiles {
    /// Writes every saved profile to `path`; returns how many.
    pub fn export(&self, path: &Path) -> Result<usize, CoreError> {
        self.usable()?;
        if is_own_file(self.home(), path) {
            return Err(StoreError::OwnFile { path: path.to_owned() }.into());
        }
        let state = self.store.load()?;
        Ok(transfer::export(&state.book, path)?)
    }

    /// Validates the whole file at `path`, then replaces every profile at once (all or nothing).
    /// The last applied profile is kept only if the file holds it unchanged.
    pub fn import(&mut self, path: &Path) -> Result<ImportReport, CoreError> {
        self.usable()?;
        let imported = transfer::read(path)?;
        self.store.update(|state| {
            let before = state.last_applied.as_ref().and_then(|id| state.book.get(id));
            let report = imported.install(&mut state.book)?;
            let kept = before.filter(|old| state.book.get(&old.id).as_ref() == Some(old));
            state.last_applied = kept.map(|p| p.id);
            Ok(report)
        })
    }
}

/// Writes a recording (`voicemail save`) to `path` as `export` writes: atomically, creating or replacing a
/// regular file only (never a FIFO, device, link or folder), and never one of callprofiles' own files.
pub fn save_recording(home: &Path, path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    if is_own_file(home, path) {
        return Err(StoreError::OwnFile { path: path.to_owned() }.into());
    }
    let failed = |source: std::io::Error| match crate::atomic_file::not_a_file(&source) {
        Some(kind) => StoreError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        None => StoreError::Io {
            action: "write",
            path: path.to_owned(),
            source,
        },
    };
    crate::atomic_file::check_replaceable(path).map_err(failed)?;
    crate::atomic_file::write(path, bytes).map_err(failed)?;
    Ok(())
}

/// Reads a WAV file to upload as a greeting: a regular file only (a FIFO is refused, not waited on), of
/// at most [`crate::wire::MAX_GREETING_UPLOAD_BYTES`].
pub fn read_upload(path: &Path) -> Result<Vec<u8>, CoreError> {
    let limit = crate::wire::MAX_GREETING_UPLOAD_BYTES as u64;
    let io = |source| StoreError::Io {
        action: "read",
        path: path.to_owned(),
        source,
    };
    match crate::atomic_file::read_limited(path, limit) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(io(std::io::ErrorKind::NotFound.into()).into()),
        Err(error) if error.kind() == std::io::ErrorKind::InvalidData => Err(StoreError::TooLarge {
            path: path.to_owned(),
            size: std::fs::metadata(path).map_or(limit.saturating_add(1), |m| m.len()),
            limit,
        }
        .into()),
        Err(error) => Err(match crate::atomic_file::not_a_file(&error) {
            Some(kind) => StoreError::NotAFile {
                path: path.to_owned(),
                kind,
            },
            None => io(error),
        }
        .into()),
    }
}

/// Whether `path` names one of the files callprofiles keeps (it need not exist yet): the home's own
/// files, the AMI secret it saved or `config.json` names, a damaged file moved aside, a save's temporary
/// file. Compared by resolved path, and by device and inode when it exists, so neither `sub/../`, a
/// symbolic link to the home, nor a hard link gets past it.
fn is_own_file(home: &Path, path: &Path) -> bool {
    /// The file's path with its folder resolved, so `./x/../profiles.json` compares equal.
    fn resolved(path: &Path) -> Option<PathBuf> {
        let name = path.file_name()?;
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(parent.canonicalize().ok()?.join(name))
    }
    /// The device and inode of an existing file.
    fn identity(path: &Path) -> Option<(u64, u64)> {
        use std::os::unix::fs::MetadataExt;
        let metadata = std::fs::metadata(path).ok()?;
        Some((metadata.dev(), metadata.ino()))
    }
    let mut own: Vec<PathBuf> = [
        crate::store::PROFILES_FILE,
        crate::store::LOCK_FILE,
        crate::config::CONFIG_FILE,
        crate::config::SECRET_FILE,
        crate::phone_system::demo::DEMO_FILE,
    ]
    .iter()
    .map(|name| home.join(name))
    .collect();
    if let Ok(Config {
        phone_system: PhoneSystemConfig::Asterisk(asterisk),
    }) = Config::load(home)
    {
        own.extend(asterisk.secret_file_in(home));
    }
    let target = resolved(path);
    let target_identity = identity(path);
    let kept_by_name = |target: &Path| {
        let in_home = target
            .parent()
            .zip(home.canonicalize().ok())
            .is_some_and(|(a, b)| a == b);
        let name = target.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        in_home
            && (name.starts_with(&format!("{}.damaged-", crate::store::PROFILES_FILE))
                || name.starts_with(crate::atomic_file::TEMP_PREFIX))
    };
    target.as_deref().is_some_and(kept_by_name)
        || own.iter().any(|file| {
            let same_path = target.is_some() && resolved(file) == target;
            let same_inode = target_identity.is_some() && identity(file) == target_identity;
            same_path || same_inode
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{TestResult, demo};
    use crate::error::{CoreError, StoreError};
    use crate::{ImportReport, Settings};

    #[test]
    fn export_refuses_callprofiles_own_files() -> TestResult {
        let (dir, mut app) = demo()?;
        app.create("Car", None)?;
        let before = std::fs::read(dir.path().join("profiles.json"))?;
        std::fs::write(dir.path().join("ami-secret"), "s")?;
        std::fs::write(dir.path().join("profiles.json.damaged-1"), "x")?;
        let elsewhere = tempfile::tempdir()?;
        std::fs::write(elsewhere.path().join("pbx.secret"), "s")?;
        std::fs::write(
            dir.path().join("config.json"),
            format!(
                r#"{{"phone_system":{{"kind":"asterisk","host":"127.0.0.1","port":5038,"username":"u","extension":"201","secret_file":"{}"}}}}"#,
                elsewhere.path().join("pbx.secret").display()
            ),
        )?;
        std::fs::hard_link(dir.path().join("ami-secret"), elsewhere.path().join("hard-link"))?;
        std::fs::create_dir_all(dir.path().join("sub"))?;
        let mut targets: Vec<std::path::PathBuf> = [
            "profiles.json",
            "profiles.lock",
            "config.json",
            "phone-system.json",
            "ami-secret",
            "profiles.json.damaged-1",
            ".tmp-x",
        ]
        .iter()
        .map(|name| dir.path().join("sub").join("..").join(name))
        .collect();
        targets.push(elsewhere.path().join("pbx.secret"));
        targets.push(elsewhere.path().join("hard-link"));
        for target in targets {
            let error = app.export(&target).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(error.contains("own files"), "{}: {error}", target.display());
        }
        assert_eq!(std::fs::read(dir.path().join("profiles.json"))?, before);
        assert_eq!(app.export(&dir.path().join("backup.json"))?, 4);
        Ok(())
    }

    #[test]
    fn export_then_import_restores_everything() -> TestResult {
        let (dir, mut app) = demo()?;
        app.create("Car", Some("home"))?;
        app.set("car", &["routing=forward:123456"])?;
        app.set("office", &["call_pickup=off"])?;
        app.activate("car")?;
        let file = dir.path().join("backup.json");
        assert_eq!(app.export(&file)?, 4);
        let exported = app.list()?.profiles;
        app.delete("car")?;
        app.create("A", None)?;
        app.create("B", None)?;
        app.set("office", &["call_pickup=on"])?;
        let report = app.import(&file)?;
        assert_eq!(
            report,
            ImportReport {
                builtin_imported: 3,
                builtin_reset: 0,
                custom_imported: 1,
                custom_replaced: 2
            }
        );
        assert_eq!(app.list()?.profiles, exported);
        assert_eq!(app.create("New", None)?.id.as_str(), "custom-4");
        Ok(())
    }

    #[test]
    fn import_keeps_last_applied_only_if_unchanged() -> TestResult {
        let (dir, mut app) = demo()?;
        app.create("Car", None)?;
        app.activate("car")?;
        let file = dir.path().join("backup.json");
        app.export(&file)?;
        app.import(&file)?;
        assert_eq!(
            app.status()?.active_profile().map(|p| p.name.clone()),
            Some("Car".into())
        );
        let text = std::fs::read_to_string(&file)?.replace("\"call_pickup\": true", "\"call_pickup\": false");
        std::fs::write(&file, text)?;
        app.import(&file)?;
        assert_eq!(app.store().load()?.last_applied, None);
        Ok(())
    }

    #[test]
    fn invalid_import_changes_nothing() -> TestResult {
        let (dir, mut app) = demo()?;
        app.create("Car", None)?;
        let store = dir.path().join("profiles.json");
        let before = std::fs::read(&store)?;
        let file = dir.path().join("bad.json");
        let customs: Vec<String> = (1..=5)
            .map(|n| {
                format!(
                    r#"{{"id":"custom-{n}","name":"P{n}","kind":"custom","settings":{}}}"#,
                    serde_json::to_string(&Settings::office_default()).unwrap_or_default()
                )
            })
            .collect();
        std::fs::write(
            &file,
            format!(
                r#"{{"format":"callprofiles-profiles","version":1,"profiles":[{}]}}"#,
                customs.join(",")
            ),
        )?;
        let error = app.import(&file).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            error.ends_with("it holds 5 custom profiles, but at most 4 are allowed; nothing was changed."),
            "{error}"
        );
        assert_eq!(std::fs::read(&store)?, before);
        assert!(matches!(
            app.import(&dir.path().join("missing.json")),
            Err(CoreError::Store(StoreError::Io { .. }))
        ));
        Ok(())
    }
}
