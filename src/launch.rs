//! Which window to open, and with what: the CLI decides, the GUI opens it. `main.rs` joins the two, so
//! the CLI never depends on the GUI.

use std::path::PathBuf;

use anyhow::anyhow;
use fluent_bundle::FluentValue;

use crate::text::i18n::{I18n, Language};

/// The windows the command line can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// The main window (no command).
    Main,
    /// The small quick-switch window (`callprofiles quick`).
    Quick,
    /// The main window on the voicemail messages (`callprofiles messages`; the quick window's ✉).
    Messages,
}

/// What the command line tells the GUI.
#[derive(Clone, Debug)]
pub struct GuiOptions {
    /// The callprofiles home directory (already resolved).
    pub home: PathBuf,
    /// Forced language (`en` or `pl`), else the system locale.
    pub lang: Option<String>,
    /// Start with the main window hidden behind the tray icon (`--background`, as at login).
    pub background: bool,
}

impl GuiOptions {
    /// The `--lang` language, if given; an unknown code is an error sentence.
    pub fn forced_language(&self) -> anyhow::Result<Option<Language>> {
        self.lang
            .as_deref()
            .map(|code| {
                Language::from_code(code).ok_or_else(|| {
                    let i18n = I18n::new(Language::from_system());
                    anyhow!(i18n.tr_args(
                        "error-unknown-language",
                        &[("code", FluentValue::from(code.to_owned()))]
                    ))
                })
            })
            .transpose()
    }
}

/// Opens a window and runs until it closes (the GUI's [`crate::gui::open_window`]).
pub type OpenWindow = fn(Window, GuiOptions) -> anyhow::Result<()>;
