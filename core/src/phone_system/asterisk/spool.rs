//! The mailbox's files, for a program that runs beside Asterisk (callprofiles-server): app_voicemail
//! keeps `<spool>/<context>/<mailbox>/{INBOX,Old}/msgNNNN.<format>` with `msgNNNN.txt` (whose
//! `msg_id=` names the message) and the shipped dialplan's greetings `callprofiles-greeting-N.wav` in
//! the mailbox directory. Every path is built from validated parts (a plain context, a digits-only
//! extension, a `msgNNNN` name read from the directory, a known extension), files are opened without
//! following a symbolic link and without blocking (a FIFO or device is refused at once), and no file
//! is read past [`MAX_RECORDING_BYTES`].

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::voicemail::Mailbox;
use crate::audio::{self, MAX_RECORDING_BYTES, StoredFormat};
use crate::error::{AudioError, FileKind, PhoneError};
use crate::settings::GreetingSlot;
use crate::voicemail::{MessageId, RecordedGreetings};

/// Where Asterisk keeps mailboxes by default (`astspooldir` + `/voicemail`).
pub const DEFAULT_SPOOL_DIR: &str = "/var/spool/asterisk/voicemail";
/// The folders whose messages the app shows (new, heard).
const FOLDERS: [&str; 2] = ["INBOX", "Old"];
/// The largest `msgNNNN.txt` read (they are a few hundred bytes).
const MAX_INFO_BYTES: u64 = 64 * 1024;
/// How often a message is looked for again when Asterisk renumbered the folder while it was read.
const ATTEMPTS: usize = 3;

/// The voicemail spool directory (`<astspooldir>/voicemail`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spool {
    dir: PathBuf,
}

impl Spool {
    /// The spool at `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// Its directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The directory of `mailbox`.
    fn mailbox_dir(&self, mailbox: &Mailbox) -> Result<PathBuf, PhoneError> {
        let context = mailbox.context.as_str();
        let extension = mailbox.extension.as_str();
        let plain = |name: &str| {
            !name.is_empty()
                && name != "."
                && name != ".."
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        if !plain(context) || !plain(extension) {
            return Err(PhoneError::BadState {
                reason: format!("the mailbox {extension}@{context} is not a plain name"),
            });
        }
        let context_dir = self.dir.join(context);
        let dir = context_dir.join(extension);
        check_dir(&context_dir)?;
        check_dir(&dir)?;
        Ok(dir)
    }

    /// Message `id`'s recording as a PCM WAV file; [`PhoneError::MessageNotFound`] when neither INBOX
    /// nor Old holds it.
    pub fn message_audio(&self, mailbox: &Mailbox, id: &MessageId) -> Result<Vec<u8>, PhoneError> {
        let dir = self.mailbox_dir(mailbox)?;
        // Deleting a message renumbers the ones after it: if the file read no longer belongs to `id`
        // afterwards, look again.
        for _ in 0..ATTEMPTS {
            let Some((folder, base)) = find_message(&dir, id)? else {
                return Err(PhoneError::MessageNotFound { id: id.to_string() });
            };
            let audio = read_recording(&folder, &base)?;
            if message_id_of(&folder, &base)?.as_ref() == Some(id) {
                return Ok(audio);
            }
        }
        Err(PhoneError::MessageNotFound { id: id.to_string() })
    }

    /// Greeting `slot` as a PCM WAV file.
    pub fn greeting_audio(&self, mailbox: &Mailbox, slot: GreetingSlot) -> Result<Vec<u8>, PhoneError> {
        let path = self.mailbox_dir(mailbox)?.join(greeting_file(slot));
        match read_bounded(&path, MAX_RECORDING_BYTES)? {
            Some(bytes) => to_wav(&bytes, &StoredFormat::Wav),
            None => Err(PhoneError::Audio(AudioError::GreetingNotRecorded { slot: slot.get() })),
        }
    }

    /// Which greetings have a file (read from the directory, no call needed).
    pub fn recorded_greetings(&self, mailbox: &Mailbox) -> Result<RecordedGreetings, PhoneError> {
        let dir = self.mailbox_dir(mailbox)?;
        let slots = (GreetingSlot::FIRST..=GreetingSlot::LAST)
            .filter_map(|n| GreetingSlot::new(n).ok())
            .filter(|slot| {
                std::fs::symlink_metadata(dir.join(greeting_file(*slot))).is_ok_and(|m| m.file_type().is_file())
            })
            .collect();
        Ok(RecordedGreetings { slots })
    }

    /// Replaces greeting `slot` with the uploaded WAV `wav`, converted to 8 kHz mono 16-bit PCM, written
    /// atomically (a caller hears the old greeting or the new one, never a torn file). Readable by all
    /// (0644): Asterisk, running as another user, plays it to any caller anyway.
    pub fn upload_greeting(&self, mailbox: &Mailbox, slot: GreetingSlot, wav: &[u8]) -> Result<(), PhoneError> {
        let greeting = audio::greeting_from_upload(wav).map_err(PhoneError::Audio)?;
        let dir = self.mailbox_dir(mailbox)?;
        let path = dir.join(greeting_file(slot));
        write_public(&dir, &path, &greeting).map_err(|error| {
            PhoneError::Audio(AudioError::Unwritable {
                kind: error.kind(),
                reason: crate::atomic_file::describe(&error),
            })
        })
    }
}

/// The file name of greeting `slot` (the shipped dialplan's).
pub fn greeting_file(slot: GreetingSlot) -> String {
    format!("callprofiles-greeting-{}.wav", slot.get())
}

/// The folder and `msgNNNN` base name of message `id`, if INBOX or Old holds it.
fn find_message(mailbox_dir: &Path, id: &MessageId) -> Result<Option<(PathBuf, String)>, PhoneError> {
    for folder in FOLDERS {
        let folder = mailbox_dir.join(folder);
        check_dir(&folder)?;
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(unreadable(&error)),
        };
        let mut bases: Vec<String> = entries
            .flatten()
            .filter_map(|entry| entry.file_name().to_str().and_then(message_base).map(str::to_owned))
            .collect();
        bases.sort();
        for base in bases {
            if message_id_of(&folder, &base)?.as_ref() == Some(id) {
                return Ok(Some((folder, base)));
            }
        }
    }
    Ok(None)
}

/// `msgNNNN` when `name` is `msgNNNN.txt` (four or more digits, as app_voicemail names them).
fn message_base(name: &str) -> Option<&str> {
    let base = name.strip_suffix(".txt")?;
    let digits = base.strip_prefix("msg")?;
    (digits.len() >= 4 && digits.len() <= 8 && digits.chars().all(|c| c.is_ascii_digit())).then_some(base)
}

/// Refuses a symbolic link, or anything but a folder, where a folder of the spool should be (a link
/// would lead reads and the greeting's write elsewhere); a missing one is fine (an empty mailbox).
fn check_dir(path: &Path) -> Result<(), PhoneError> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => Ok(()),
        Ok(metadata) => Err(PhoneError::Audio(AudioError::NotAFile {
            kind: FileKind::of(metadata.file_type()).unwrap_or(FileKind::Symlink),
        })),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(unreadable(&error)),
    }
}

/// The `msg_id=` of `<folder>/<base>.txt`, `None` when the file is gone or names none.
fn message_id_of(folder: &Path, base: &str) -> Result<Option<MessageId>, PhoneError> {
    let Some(bytes) = read_bounded(&folder.join(format!("{base}.txt")), MAX_INFO_BYTES)? else {
        return Ok(None);
    };
    Ok(String::from_utf8_lossy(&bytes)
        .lines()
        .find_map(|line| line.trim().strip_prefix("msg_id="))
        .and_then(|id| MessageId::parse(id).ok()))
}

/// The recording `<folder>/<base>.<format>` in the most readable format present, as a PCM WAV.
fn read_recording(folder: &Path, base: &str) -> Result<Vec<u8>, PhoneError> {
    let prefix = format!("{base}.");
    let entries = std::fs::read_dir(folder).map_err(|e| unreadable(&e))?;
    let mut files: Vec<(StoredFormat, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_owned();
            let extension = name.strip_prefix(&prefix)?;
            let known =
                !extension.is_empty() && extension != "txt" && extension.chars().all(|c| c.is_ascii_alphanumeric());
            known.then(|| (StoredFormat::of_extension(extension), entry.path()))
        })
        .collect();
    files.sort_by_key(|(format, _)| format.preference());
    let (format, path) = files
        .into_iter()
        .next()
        .ok_or(PhoneError::Audio(AudioError::NoRecording))?;
    if let StoredFormat::Other(name) = format {
        return Err(PhoneError::Audio(AudioError::UnsupportedFormat { format: name }));
    }
    let bytes = read_bounded(&path, MAX_RECORDING_BYTES)?.ok_or(PhoneError::Audio(AudioError::NoRecording))?;
    to_wav(&bytes, &format)
}

/// A recording stored as `format` as the bytes of a PCM WAV file.
fn to_wav(bytes: &[u8], format: &StoredFormat) -> Result<Vec<u8>, PhoneError> {
    audio::decode(bytes, format)
        .and_then(|pcm| pcm.to_wav())
        .map_err(PhoneError::Audio)
}

/// Reads a regular file of at most `limit` bytes; `None` when it does not exist. A symbolic link, a
/// FIFO, a device or a folder is refused without waiting ([`AudioError::NotAFile`]); a larger file is
/// [`AudioError::TooLarge`] after reading at most `limit + 1` bytes.
fn read_bounded(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, PhoneError> {
    let not_a_file = |kind| PhoneError::Audio(AudioError::NotAFile { kind });
    let file = match std::fs::File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) if error.raw_os_error() == Some(libc::ELOOP) => return Err(not_a_file(FileKind::Symlink)),
        Err(error) => return Err(unreadable(&error)),
    };
    let metadata = file.metadata().map_err(|e| unreadable(&e))?;
    if let Some(kind) = FileKind::of(metadata.file_type()) {
        return Err(not_a_file(kind));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > limit {
        return Err(PhoneError::Audio(AudioError::TooLarge { limit }));
    }
    Ok(Some(bytes))
}

/// An I/O failure reading the mailbox.
fn unreadable(error: &std::io::Error) -> PhoneError {
    PhoneError::Audio(AudioError::Unreadable {
        kind: error.kind(),
        reason: crate::atomic_file::describe(error),
    })
}

/// Replaces `path` in `dir` with `bytes` atomically, mode 0644; refuses to replace anything but a
/// regular file (a link would otherwise be swapped for a file Asterisk follows nowhere).
fn write_public(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    crate::atomic_file::check_replaceable(path)?;
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(crate::atomic_file::TEMP_PREFIX)
        .permissions(std::fs::Permissions::from_mode(0o644))
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
#[path = "spool_tests.rs"]
mod tests;
