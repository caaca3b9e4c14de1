//! Export, import and greeting-upload file choosers: the desktop's file chooser (xdg-desktop-portal through rfd) on its own
//! thread so the window never waits; a typed path when no chooser is available.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::gui::command::{Dialog, FileAction, UiCommand, VoicemailCommand};
use crate::text::i18n::I18n;

/// A chooser that closes faster than this never opened: no portal (and no fallback) answered.
const NO_PORTAL_WITHIN: Duration = Duration::from_millis(700);

/// The file name offered for an export.
const EXPORT_FILE_NAME: &str = "callprofiles-profiles.json";

/// A file chooser that is open now.
struct Open {
    action: FileAction,
    answer: Receiver<Option<PathBuf>>,
    started: Instant,
}

/// Opens file choosers and turns their answers into commands.
pub struct FileChooser {
    system: bool,
    open: Option<Open>,
}

impl FileChooser {
    /// Uses the desktop's file chooser.
    pub fn system() -> Self {
        Self {
            system: true,
            open: None,
        }
    }

    /// Always asks for a typed path (tests, and machines without a desktop portal).
    pub fn typed_path() -> Self {
        Self {
            system: false,
            open: None,
        }
    }

    /// Whether a chooser is open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Opens a chooser for `action`; returns the dialog to show instead when typing a path.
    pub fn start(&mut self, ctx: &egui::Context, i18n: &I18n, action: FileAction) -> Option<Dialog> {
        if !self.system {
            return Some(path_dialog(action, false));
        }
        if self.open.is_some() {
            return None;
        }
        let title = match action {
            FileAction::Export => i18n.tr("file-export-title"),
            FileAction::Import => i18n.tr("file-import-title"),
            FileAction::UploadGreeting(slot) => i18n.tr_args(
                "file-upload-greeting-title",
                &[("number", fluent_bundle::FluentValue::from(slot.get()))],
            ),
        };
        let (filter, extension) = match action {
            FileAction::UploadGreeting(_) => (i18n.tr("file-filter-wav"), "wav"),
            FileAction::Export | FileAction::Import => (i18n.tr("file-filter-json"), "json"),
        };
        let (sender, answer) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-chooser".to_owned())
            .spawn(move || {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title(title)
                    .add_filter(filter, &[extension]);
                let picked = match action {
                    FileAction::Export => pollster::block_on(dialog.set_file_name(EXPORT_FILE_NAME).save_file()),
                    FileAction::Import | FileAction::UploadGreeting(_) => pollster::block_on(dialog.pick_file()),
                };
                sender.send(picked.map(|file| file.path().to_path_buf())).ok();
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.open = Some(Open {
                    action,
                    answer,
                    started: Instant::now(),
                });
                None
            }
            Err(error) => {
                tracing::warn!("cannot start the file chooser thread: {error}");
                Some(path_dialog(action, true))
            }
        }
    }

    /// The command a closed chooser leads to, if it has closed. Never waits.
    pub fn poll(&mut self) -> Option<UiCommand> {
        let open = self.open.as_ref()?;
        let picked = match open.answer.try_recv() {
            Ok(picked) => picked,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        let action = open.action;
        let quick = open.started.elapsed() < NO_PORTAL_WITHIN;
        self.open = None;
        match (picked, action) {
            (Some(path), FileAction::Export) => Some(UiCommand::ExportTo(path)),
            (Some(path), FileAction::Import) => Some(UiCommand::CheckImport(path)),
            (Some(path), FileAction::UploadGreeting(slot)) => {
                Some(UiCommand::Voicemail(VoicemailCommand::UploadGreeting(slot, path)))
            }
            (None, _) if quick => Some(UiCommand::Open(path_dialog(action, true))),
            (None, _) => None,
        }
    }
}

/// The dialog asking for a typed path; an export starts from a file in the user's home folder.
fn path_dialog(action: FileAction, no_portal: bool) -> Dialog {
    let path = match (action, std::env::home_dir()) {
        (FileAction::Export, Some(home)) => home.join(EXPORT_FILE_NAME).display().to_string(),
        _ => String::new(),
    };
    Dialog::Path {
        action,
        path,
        no_portal,
        problem: None,
    }
}
