//! A user's damaged `automation.json` or `history.json` on the server. On a desktop the window reports
//! it and the user moves it aside; on the server nobody would see that report, and every automation
//! request and the user's schedule would fail until an administrator stepped in. So the server sets the
//! damaged file aside itself (kept beside it as `….damaged-<time>`, never deleted), says so in its log
//! and `audit.log` for the administrator, and runs the verb again on fresh files.

use callprofiles_core::automation::{AUTOMATION_FILE, HISTORY_FILE};
use callprofiles_core::{Callprofiles, CoreError, ProfileService, StoreError};

use crate::audit::Audit;
use crate::dir::ServerDir;

/// Runs `verb` on the user's service; when it fails on a damaged automation file, sets the file aside
/// (see the module's comment) and runs `verb` once more.
pub fn retried_on_fresh_files<T>(
    dir: &ServerDir,
    extension: &str,
    app: &mut Callprofiles,
    mut verb: impl FnMut(&mut Callprofiles) -> Result<T, CoreError>,
) -> Result<T, CoreError> {
    match verb(app) {
        Err(error) if damaged_automation_file(&error) => {
            let moved = ProfileService::move_damaged_automation_aside(app)?;
            for path in &moved {
                tracing::warn!(extension, kept = %path.display(), %error, "damaged automation file set aside");
                let name = path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
                Audit::new(dir.audit_file()).record(
                    extension,
                    &format!("damaged automation file set aside as {name}; the user starts with fresh rules"),
                    "server",
                );
            }
            verb(app)
        }
        other => other,
    }
}

/// Whether `error` is an automation file that does not parse (a newer version's file is refused, not
/// set aside: the server that wrote it may come back).
fn damaged_automation_file(error: &CoreError) -> bool {
    matches!(
        error,
        CoreError::Store(StoreError::Corrupt { path, .. })
            if path.file_name().is_some_and(|name| name == AUTOMATION_FILE || name == HISTORY_FILE)
    )
}
