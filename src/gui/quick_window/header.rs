//! The quick window's title row: it has no decorations, so dragging this row moves it, and × closes it.

use super::QuickCommand;
use crate::text::i18n::I18n;

/// The title row's height.
const HEIGHT: f32 = 26.0;

/// Draws the title row.
#[must_use]
pub fn header_ui(ui: &mut egui::Ui, i18n: &I18n, busy: bool) -> Option<QuickCommand> {
    let title = i18n.tr("quick-title");
    // The drag area goes first, so that the close button drawn over it gets the clicks.
    let (rect, drag) = ui.allocate_exact_size(egui::vec2(ui.available_width(), HEIGHT), egui::Sense::drag());
    drag.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::TitleBar, true, &title));
    if drag.drag_started_by(egui::PointerButton::Primary) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::StartDrag);
    }
    ui.painter().text(
        rect.left_center(),
        egui::Align2::LEFT_CENTER,
        &title,
        egui::FontId::proportional(15.0),
        ui.visuals().strong_text_color(),
    );
    let mut command = None;
    let layout = egui::Layout::right_to_left(egui::Align::Center);
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        let name = i18n.tr("quick-close");
        let close = ui
            .add_enabled(
                !busy,
                egui::Button::new(egui::RichText::new("×").size(15.0)).frame_when_inactive(false),
            )
            .on_hover_text(&name);
        close.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, !busy, &name));
        if close.clicked() {
            command = Some(QuickCommand::Close);
        }
    });
    ui.add_space(4.0);
    command
}
