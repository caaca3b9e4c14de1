//! Which rule decides: the order in a few words, and for now which rule decides and why, what comes next,
//! and the hold with *Resume schedule*.

use crate::gui::automation::next_line::next_lines_ui;
use crate::gui::command::UiCommand;
use crate::gui::model::Model;
use crate::text::i18n::I18n;

/// Draws the explanation and the state now.
#[must_use]
pub fn precedence_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
    let mut command = None;
    ui.add_space(4.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(i18n.tr("rules-precedence-heading"));
        ui.add(egui::Label::new(egui::RichText::new(i18n.tr("rules-precedence")).weak()).wrap());
        ui.add_space(2.0);
        command = next_lines_ui(ui, i18n, model, true).map(UiCommand::Automation);
    });
    command
}
