//! `users/<ext>/mailed.json`: which voicemail messages the mailer has handled (e-mailed, given up on,
//! or seen while notification was off), written atomically after each one, so a restart neither
//! re-sends a message nor misses one left while the server was down. Messages older than `since` (when
//! the server first watched the mailbox) are never mailed: enabling e-mail does not send the backlog.
//! Only ids still in the mailbox are kept (plus a hard cap), so the file stays as small as the mailbox.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};
use callprofiles_core::voicemail::VoicemailMessage;
use serde::{Deserialize, Serialize};

/// Most ids kept (Asterisk's `maxmsg` is at most 9999 per folder).
const MAX_IDS: usize = 20_000;
/// Largest file read.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The handled messages of one mailbox.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handled {
    /// Messages left before this time (Unix seconds) are never mailed.
    pub since: i64,
    /// Ids of the messages handled.
    pub ids: BTreeSet<String>,
}

/// What reading the file found.
pub enum Loaded {
    /// The file as saved.
    Found(Handled),
    /// No file yet.
    Missing,
    /// The file is damaged; it was moved aside to the path given (kept for the administrator).
    Damaged(std::path::PathBuf),
}

impl Handled {
    /// A fresh record: nothing handled, messages from `since` on are new.
    pub fn starting(since: i64) -> Self {
        Self {
            since,
            ids: BTreeSet::new(),
        }
    }

    /// Reads `path`; a damaged file is moved aside (never overwritten) and reported.
    pub fn load(path: &Path) -> Result<Loaded> {
        let Some(bytes) = callprofiles_core::atomic_file::read_limited(path, MAX_FILE_BYTES)
            .with_context(|| format!("Cannot read {}", path.display()))?
        else {
            return Ok(Loaded::Missing);
        };
        match serde_json::from_slice(&bytes) {
            Ok(handled) => Ok(Loaded::Found(handled)),
            Err(_) => {
                let aside = path.with_extension(format!("damaged-{}", jiff::Timestamp::now().as_second()));
                std::fs::rename(path, &aside)
                    .with_context(|| format!("Cannot move the damaged {} aside", path.display()))?;
                Ok(Loaded::Damaged(aside))
            }
        }
    }

    /// Writes `path` atomically (owner-only).
    pub fn save(&self, path: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self)?;
        bytes.push(b'\n');
        crate::dir::write_private(path, &bytes)
    }

    /// The messages of `listing` not handled yet and left since `since`, oldest first.
    pub fn unhandled<'a>(&self, listing: &'a [VoicemailMessage]) -> Vec<&'a VoicemailMessage> {
        let mut new: Vec<&VoicemailMessage> = listing
            .iter()
            .filter(|message| message.received >= self.since && !self.ids.contains(message.id.as_str()))
            .collect();
        new.sort_by(|a, b| a.received.cmp(&b.received).then_with(|| a.id.cmp(&b.id)));
        new
    }

    /// Notes a message handled.
    pub fn mark(&mut self, message: &VoicemailMessage) {
        self.ids.insert(message.id.as_str().to_owned());
    }

    /// Forgets ids no longer in the mailbox (deleted messages cannot come back with the same id) and
    /// keeps at most `MAX_IDS`, the newest (ids start with their time).
    pub fn prune(&mut self, listing: &[VoicemailMessage]) {
        let present: BTreeSet<&str> = listing.iter().map(|message| message.id.as_str()).collect();
        self.ids.retain(|id| present.contains(id.as_str()));
        while self.ids.len() > MAX_IDS {
            self.ids.pop_first();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use callprofiles_core::voicemail::{MessageId, MessageState};

    fn message(id: &str, received: i64) -> Result<VoicemailMessage> {
        Ok(VoicemailMessage {
            id: MessageId::parse(id)?,
            state: MessageState::New,
            caller_number: None,
            caller_name: None,
            received,
            duration_seconds: 3,
        })
    }

    #[test]
    fn only_messages_since_the_start_and_not_handled_are_new() -> Result<()> {
        let listing = vec![message("100-1", 100)?, message("200-2", 200)?, message("150-3", 150)?];
        let mut handled = Handled::starting(150);
        let ids = |list: Vec<&VoicemailMessage>| list.iter().map(|m| m.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(handled.unhandled(&listing)), ["150-3", "200-2"]);
        handled.mark(&listing[2]);
        assert_eq!(ids(handled.unhandled(&listing)), ["200-2"]);
        handled.prune(&listing[..2]);
        assert!(handled.ids.is_empty(), "a deleted message is forgotten");
        Ok(())
    }

    #[test]
    fn saved_and_loaded_and_a_damaged_file_is_kept_aside() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("mailed.json");
        assert!(matches!(Handled::load(&path)?, Loaded::Missing));
        let mut handled = Handled::starting(7);
        handled.mark(&message("9-1", 9)?);
        handled.save(&path)?;
        assert!(matches!(Handled::load(&path)?, Loaded::Found(found) if found == handled));
        std::fs::write(&path, "{not json")?;
        let Loaded::Damaged(aside) = Handled::load(&path)? else {
            return Err(anyhow::anyhow!("damage not found"));
        };
        assert_eq!(std::fs::read_to_string(aside)?, "{not json");
        assert!(!path.exists());
        Ok(())
    }
}
