//! Reading and writing the files of the callprofiles home, and what a damaged one has wrong.

use std::path::PathBuf;

use thiserror::Error;

use super::RuleError;

/// Reading or writing the files in the callprofiles home.
#[derive(Debug, Error)]
pub enum StoreError {
    /// No home directory can be found.
    #[error("Cannot find a configuration directory: set CALLPROFILES_HOME or pass --home DIR.")]
    NoHome,
    /// An I/O failure.
    #[error(
        "Cannot {action} {}: {}.",
        crate::shown::path(path),
        crate::atomic_file::describe(source)
    )]
    Io {
        /// What was being done, e.g. "write".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file does not parse.
    #[error(
        "The file {} is damaged ({reason}); it was left untouched. Move it aside to start fresh (the app offers this; nothing is deleted).",
        crate::shown::path(path)
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: Damage,
    },
    /// Written by a newer callprofiles.
    #[error(
        "The file {} was written by a newer version of callprofiles (format {found}, this version reads up to {supported}); it was left untouched. Update callprofiles.",
        crate::shown::path(path)
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u64,
        /// The newest version we read.
        supported: u64,
    },
    /// Another process holds the lock too long.
    #[error(
        "Another callprofiles process is changing {} right now; try again in a moment.",
        crate::shown::path(path)
    )]
    Busy {
        /// The file being changed (`profiles.json`, not its lock).
        path: PathBuf,
    },
    /// A file to import is too large.
    #[error(
        "The file {} is too large to import ({size} bytes; at most {limit}).",
        crate::shown::path(path)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The most bytes an import reads.
        limit: u64,
    },
    /// The contents could not be turned into JSON, so nothing was written (the file stays as it was).
    #[error(
        "Cannot write {}: its contents could not be encoded ({detail}); nothing was written.",
        crate::shown::path(path)
    )]
    Encode {
        /// The file that was to be written.
        path: PathBuf,
        /// The JSON encoder's own words.
        detail: String,
    },
    /// Something other than a regular file is at a path to import from or export to.
    #[error(
        "Cannot use {}: it is {kind}, not a regular file; choose a regular file.",
        crate::shown::path(path)
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What is there.
        kind: FileKind,
    },
    /// Exporting onto one of callprofiles' own files would destroy it.
    #[error(
        "Cannot export to {}: it is one of callprofiles' own files; choose another file.",
        crate::shown::path(path)
    )]
    OwnFile {
        /// The refused target.
        path: PathBuf,
    },
}

impl StoreError {
    /// `path` could not be written because its contents did not encode.
    pub fn encode(path: &std::path::Path, error: &serde_json::Error) -> Self {
        Self::Encode {
            path: path.to_owned(),
            detail: error.to_string(),
        }
    }
}

impl Clone for StoreError {
    /// A copy; an I/O error keeps its kind and its words (its OS error code when it has one).
    fn clone(&self) -> Self {
        match self {
            Self::NoHome => Self::NoHome,
            Self::Io { action, path, source } => Self::Io {
                action,
                path: path.clone(),
                source: source.raw_os_error().map_or_else(
                    || std::io::Error::new(source.kind(), source.to_string()),
                    std::io::Error::from_raw_os_error,
                ),
            },
            Self::Corrupt { path, reason } => Self::Corrupt {
                path: path.clone(),
                reason: reason.clone(),
            },
            Self::Newer { path, found, supported } => Self::Newer {
                path: path.clone(),
                found: *found,
                supported: *supported,
            },
            Self::Busy { path } => Self::Busy { path: path.clone() },
            Self::TooLarge { path, size, limit } => Self::TooLarge {
                path: path.clone(),
                size: *size,
                limit: *limit,
            },
            Self::Encode { path, detail } => Self::Encode {
                path: path.clone(),
                detail: detail.clone(),
            },
            Self::OwnFile { path } => Self::OwnFile { path: path.clone() },
            Self::NotAFile { path, kind } => Self::NotAFile {
                path: path.clone(),
                kind: *kind,
            },
        }
    }
}

/// What is at a path instead of a regular file (displayed after "it is").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum FileKind {
    /// A directory.
    #[error("a folder")]
    Directory,
    /// A named pipe: opening it to read would wait for a writer.
    #[error("a named pipe (FIFO)")]
    Fifo,
    /// A character device such as `/dev/null`.
    #[error("a character device")]
    CharDevice,
    /// A block device (a disk).
    #[error("a block device")]
    BlockDevice,
    /// A Unix socket.
    #[error("a socket")]
    Socket,
    /// A symbolic link (refused where a link would be replaced, not followed).
    #[error("a symbolic link")]
    Symlink,
}

impl FileKind {
    /// What `file_type` is, `None` for a regular file.
    pub fn of(file_type: std::fs::FileType) -> Option<Self> {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_file() {
            None
        } else if file_type.is_dir() {
            Some(Self::Directory)
        } else if file_type.is_symlink() {
            Some(Self::Symlink)
        } else if file_type.is_fifo() {
            Some(Self::Fifo)
        } else if file_type.is_char_device() {
            Some(Self::CharDevice)
        } else if file_type.is_block_device() {
            Some(Self::BlockDevice)
        } else {
            Some(Self::Socket)
        }
    }
}

/// What is wrong with a damaged file of the callprofiles home.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum Damage {
    /// It does not parse, or a field is missing or of the wrong type.
    #[error("{detail}")]
    Syntax {
        /// Line of the first error (1-based; 0 when unknown).
        line: usize,
        /// Column of the first error (1-based; 0 when unknown).
        column: usize,
        /// The JSON parser's own words.
        detail: String,
    },
    /// The JSON stops in the middle, as if the file was cut short.
    #[error("it ends too early, as if it was cut short ({detail})")]
    Truncated {
        /// The JSON parser's own words.
        detail: String,
    },
    /// Larger than any file callprofiles writes.
    #[error("it is larger than {limit} bytes")]
    TooLarge {
        /// The most callprofiles reads.
        limit: u64,
    },
    /// `schema_version` 0.
    #[error("schema_version 0 is not valid")]
    BadVersion,
    /// Not a regular file (a FIFO, a device, a folder): never opened for reading, so nothing hangs.
    #[error("it is {kind}, not a regular file")]
    NotAFile {
        /// What is there.
        kind: FileKind,
    },
    /// Valid JSON, but not the object the file must hold (e.g. `[]`).
    #[error("it holds no JSON object")]
    NotAnObject,
    /// Written by a newer callprofiles.
    #[error("it was written by a newer version of callprofiles (format {found}, this version reads up to {supported})")]
    Newer {
        /// The file's version.
        found: u64,
        /// The newest version read.
        supported: u64,
    },
    /// Its profiles break a rule of the product.
    #[error("{source}")]
    Rule {
        /// The broken rule.
        source: RuleError,
    },
}

impl Damage {
    /// [`Damage::NotAnObject`] unless the JSON text `bytes` is an object (serde reads a struct from
    /// an array too, so `[]` would otherwise pass for an empty file).
    pub fn unless_object(bytes: &[u8]) -> Result<(), Self> {
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Ok(()),
            _ => Err(Self::NotAnObject),
        }
    }

    /// A JSON parse failure.
    pub fn syntax(error: &serde_json::Error) -> Self {
        if error.is_eof() {
            return Self::Truncated {
                detail: error.to_string(),
            };
        }
        Self::Syntax {
            line: error.line(),
            column: error.column(),
            detail: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_io_error_keeps_its_kind_and_words() {
        let full = StoreError::Io {
            action: "write",
            path: "/h/profiles.json".into(),
            source: std::io::Error::from_raw_os_error(28),
        };
        let copy = full.clone();
        assert_eq!(copy.to_string(), full.to_string());
        assert!(matches!(
            copy,
            StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::StorageFull
        ));
        let custom = StoreError::Io {
            action: "read",
            path: "/h/config.json".into(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "is larger than 10 bytes"),
        };
        assert_eq!(custom.clone().to_string(), custom.to_string());
    }
}
