//! Crash-safe file writes (temp file, fsync, rename, fsync the directory) and bounded reads that
//! never wait on something that is not a regular file (a FIFO, a device).

use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

pub use crate::error::FileKind;

/// The I/O error for "not a regular file", carrying its [`FileKind`] (see [`not_a_file`]).
fn not_a_file_error(kind: FileKind) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, NotAFile(kind))
}

/// What a [`read_limited`] or [`check_replaceable`] error says is there instead of a regular file.
pub fn not_a_file(error: &std::io::Error) -> Option<FileKind> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<NotAFile>())
        .map(|NotAFile(kind)| *kind)
}

/// The payload of [`not_a_file_error`].
#[derive(Debug, thiserror::Error)]
#[error("it is {0}, not a regular file")]
struct NotAFile(FileKind);

/// Checks that `path` may be replaced by a regular file: nothing is there, or a regular file (not a
/// symbolic link, a folder, a FIFO or a device, which a rename would silently replace).
pub fn check_replaceable(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) => match FileKind::of(metadata.file_type()) {
            None => Ok(()),
            Some(kind) => Err(not_a_file_error(kind)),
        },
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

/// Replaces `path` with `bytes` atomically: a reader sees the old or the new file, never a torn one.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(dir)?.sync_all()
}

/// Reads a regular file (symbolic links followed) of at most `limit` bytes; `Ok(None)` when it does
/// not exist. Anything else is refused before it is opened (see [`not_a_file`]); it is opened without
/// blocking and checked again, so a FIFO swapped in meanwhile cannot make it wait either.
pub fn read_limited(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let check = |metadata: std::fs::Metadata| match FileKind::of(metadata.file_type()) {
        None => Ok(()),
        Some(kind) => Err(not_a_file_error(kind)),
    };
    match std::fs::metadata(path) {
        Ok(metadata) => check(metadata)?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    }
    let file = match std::fs::File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    check(file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("is larger than {limit} bytes"),
        ));
    }
    Ok(Some(bytes))
}

/// Prefix of the temporary files [`write`] creates.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Removes temporary files left in `dir` by writes that were killed mid-way, if older than `age`
/// (a younger one may belong to a write in progress). Returns how many were removed.
pub fn remove_stale_temps(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .filter(|entry| {
            let modified = entry.metadata().and_then(|m| m.modified());
            modified.is_ok_and(|time| now.duration_since(time).is_ok_and(|elapsed| elapsed > age))
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

/// A plain description of an I/O error for a sentence: what went wrong in words a user knows, without
/// the temporary file's path that `tempfile` appends.
pub fn describe(error: &std::io::Error) -> String {
    let os_text = error.to_string();
    let os_text = os_text.split(" at path ").next().unwrap_or_default().to_owned();
    match error.kind() {
        std::io::ErrorKind::StorageFull => format!("the disk is full ({os_text})"),
        std::io::ErrorKind::ReadOnlyFilesystem => format!("the folder is on a read-only disk ({os_text})"),
        std::io::ErrorKind::PermissionDenied => format!("you are not allowed to change it ({os_text})"),
        _ => os_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_drops_temp_paths_and_names_the_cause() {
        let full = std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device at path \"/h/.tmp-x\"",
        );
        assert_eq!(describe(&full), "the disk is full (No space left on device)");
        let other = std::io::Error::other("odd");
        assert_eq!(describe(&other), "odd");
    }

    #[test]
    fn stale_temps_are_removed_and_fresh_ones_kept() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join(".tmp-old"), b"x")?;
        std::fs::write(dir.path().join("profiles.json"), b"{}")?;
        assert_eq!(remove_stale_temps(dir.path(), std::time::Duration::from_secs(3600)), 0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(remove_stale_temps(dir.path(), std::time::Duration::from_millis(1)), 1);
        assert!(dir.path().join("profiles.json").exists());
        assert!(!dir.path().join(".tmp-old").exists());
        Ok(())
    }

    #[test]
    fn fifos_devices_and_folders_are_refused_without_waiting() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status()?;
        assert!(made.success());
        let kind = |path: &Path| read_limited(path, 10).err().as_ref().and_then(not_a_file);
        assert_eq!(kind(&fifo), Some(FileKind::Fifo));
        assert_eq!(kind(Path::new("/dev/zero")), Some(FileKind::CharDevice));
        assert_eq!(kind(dir.path()), Some(FileKind::Directory));
        std::fs::write(dir.path().join("real"), b"x")?;
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("link"))?;
        assert_eq!(read_limited(&dir.path().join("link"), 10)?, Some(b"x".to_vec()));
        let replace = |path: &Path| check_replaceable(path).err().as_ref().and_then(not_a_file);
        assert_eq!(replace(&dir.path().join("link")), Some(FileKind::Symlink));
        assert_eq!(replace(&fifo), Some(FileKind::Fifo));
        assert_eq!(replace(Path::new("/dev/null")), Some(FileKind::CharDevice));
        assert_eq!(replace(dir.path()), Some(FileKind::Directory));
        check_replaceable(&dir.path().join("real"))?;
        check_replaceable(&dir.path().join("none"))?;
        Ok(())
    }

    #[test]
    fn round_trip_and_limit() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("sub").join("f.json");
        assert!(read_limited(&path, 10)?.is_none());
        write(&path, b"hello")?;
        assert_eq!(read_limited(&path, 10)?, Some(b"hello".to_vec()));
        assert!(read_limited(&path, 3).is_err());
        Ok(())
    }
}
