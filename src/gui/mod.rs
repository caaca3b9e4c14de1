//! The eframe desktop app: main window and quick-access window.

use std::path::PathBuf;

/// What the command line tells the GUI.
#[derive(Clone, Debug)]
pub struct GuiOptions {
    /// The callprofiles home directory (already resolved).
    pub home: PathBuf,
    /// Forced language (`en` or `pl`), else the system locale.
    pub lang: Option<String>,
}

/// Opens the main window and runs until it closes.
pub fn run_main_window(options: GuiOptions) -> anyhow::Result<()> {
    anyhow::bail!("The window is not built yet (home {})", options.home.display())
}

/// Opens the small quick-access window and runs until it closes.
pub fn run_quick_window(options: GuiOptions) -> anyhow::Result<()> {
    anyhow::bail!("The quick window is not built yet (home {})", options.home.display())
}
