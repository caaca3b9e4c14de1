//! A vertical scroll area whose scroll bar stays visible whenever the content does not fit (egui's default
//! bar only appears under the pointer, so a user cannot tell that more is below).

/// Shows `add_contents` in a vertical scroll area filling the space given, with an always-visible scroll bar
/// when the content is taller than that space.
pub fn scrolled_ui<R>(ui: &mut egui::Ui, id_salt: &str, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.scope(|ui| {
        ui.spacing_mut().scroll = egui::style::ScrollStyle {
            dormant_background_opacity: 0.4,
            dormant_handle_opacity: 0.7,
            ..egui::style::ScrollStyle::solid()
        };
        egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink(false)
            .show(ui, add_contents)
            .inner
    })
    .inner
}
