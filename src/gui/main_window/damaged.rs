//! The screen shown instead of the profiles when `profiles.json` cannot be used: what happened, and the ways
//! out (start fresh, or import a backup), both keeping the file.

use callprofiles_core::StoreError;

use crate::gui::command::{FileAction, UiCommand};
use crate::text::error_text::store_error_text;
use crate::text::i18n::I18n;

/// Explains the problem and offers to move the file aside.
#[must_use]
pub fn damaged_ui(ui: &mut egui::Ui, i18n: &I18n, problem: &StoreError) -> Option<UiCommand> {
    let mut command = None;
    ui.add_space(12.0);
    ui.heading(i18n.tr("damaged-heading"));
    ui.add_space(8.0);
    ui.add(egui::Label::new(store_error_text(i18n, problem)).wrap());
    ui.add_space(8.0);
    let movable = matches!(problem, StoreError::Corrupt { .. } | StoreError::Newer { .. });
    if movable {
        ui.add(egui::Label::new(i18n.tr("damaged-explain")).wrap());
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button(i18n.tr("button-move-aside")).clicked() {
                command = Some(UiCommand::MoveAside);
            }
            // The natural way out when a backup exists: the damaged file is moved aside (kept) first.
            if ui.button(i18n.tr("button-import-damaged")).clicked() {
                command = Some(UiCommand::ChooseFile(FileAction::Import));
            }
        });
    } else {
        ui.add(egui::Label::new(i18n.tr("damaged-retry")).wrap());
    }
    command
}
