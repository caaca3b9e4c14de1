//! The parts every dialog over the main window shares: a labelled field, the confirm and Cancel buttons,
//! and when it closes — on Esc or its own Cancel/Close button, never on a click outside it (what was typed
//! into it must not be lost to a stray click).

use crate::text::i18n::I18n;

/// Whether the user asked to close this modal: its Cancel/Close button (`ui.close()`), or Esc when it is the
/// topmost modal and no popup (e.g. an open combo box) takes the Esc first. A click on the backdrop is ignored.
pub fn dismissed<T>(modal: &egui::ModalResponse<T>) -> bool {
    let escape = || {
        modal
            .response
            .ctx
            .input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
    };
    modal.response.should_close() || (modal.is_top_modal && !modal.any_popup_open && escape())
}

/// A dialog's text field after its label (its accessible name), with the keyboard focus when nothing else
/// in the window has it.
pub fn field_ui(ui: &mut egui::Ui, label: &str, field: egui::TextEdit<'_>) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let response = ui.add(field).labelled_by(label.id);
        if ui.memory(|memory| memory.focused().is_none()) {
            response.request_focus();
        }
    });
}

/// The confirm and Cancel buttons; returns whether confirm was clicked (Cancel closes the modal).
pub fn buttons_ui(ui: &mut egui::Ui, i18n: &I18n, confirm: &str, enabled: bool) -> bool {
    ui.add_space(8.0);
    let mut confirmed = false;
    ui.horizontal(|ui| {
        confirmed = ui.add_enabled(enabled, egui::Button::new(confirm)).clicked();
        if ui.button(i18n.tr("button-cancel")).clicked() {
            ui.close_kind(egui::UiKind::Modal);
        }
    });
    confirmed
}
