//! When a dialog over the main window closes: on Esc or its own Cancel/Close button, never on a click outside
//! it (what was typed into it must not be lost to a stray click).

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
