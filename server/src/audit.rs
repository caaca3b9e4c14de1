//! The audit log: one line per change (who, what, from where), appended to `audit.log` and sent to
//! the log. Callers pass only ids, extensions, profile ids and addresses: never a token, a code or a
//! secret (a test greps the log for them).

use std::path::PathBuf;

/// Where audit lines go.
#[derive(Clone, Debug)]
pub struct Audit {
    file: PathBuf,
}

impl Audit {
    /// Audit lines appended to `file`.
    pub fn new(file: PathBuf) -> Self {
        Self { file }
    }

    /// Records one change: `who` (e.g. `201/3fa2c1d0e9b7` or `cli`), `what` (e.g. `activate mobile`),
    /// `from` (an address, or `local`).
    pub fn record(&self, who: &str, what: &str, from: &str) {
        let line = format!(
            "{} who={} what={:?} from={}",
            jiff::Timestamp::now(),
            clean(who),
            what.chars().filter(|c| !c.is_control()).collect::<String>(),
            clean(from)
        );
        tracing::info!(target: "audit", "{line}");
        if let Err(error) = crate::dir::append_line(&self.file, &line) {
            tracing::error!(%error, file = %self.file.display(), "cannot append to the audit log");
        }
    }
}

/// Keeps a field on one line and free of spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() || c == ' ' { '_' } else { c })
        .collect()
}
