//! Exceptions to the weekly schedule: from one date to another (holidays), use a profile.

use callprofiles_core::Profile;
use fluent_bundle::FluentValue;

use super::row_note_ui;
use super::schedule::RowAction;
use crate::gui::automation::draft::ExceptionRow;
use crate::gui::automation::draft::Tone;
use crate::gui::automation::widgets::{DATE_WIDTH, Name, profile_menu_ui, short_field_ui};
use crate::text::i18n::I18n;

/// Draws the exceptions; returns the row to remove, if asked.
#[must_use]
pub fn exceptions_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    profiles: &[Profile],
    rows: &mut [ExceptionRow],
    notes: &dyn Fn(usize) -> Option<(String, Tone)>,
) -> Option<RowAction> {
    let mut action = None;
    if rows.is_empty() {
        ui.weak(i18n.tr("rules-exceptions-empty"));
    }
    for (index, row) in rows.iter_mut().enumerate() {
        let number = FluentValue::from(index + 1);
        let note = notes(index);
        ui.push_id(("exception", index), |ui| {
            ui.horizontal_wrapped(|ui| {
                let name = i18n.tr_args("rules-exception-first", &[("number", number.clone())]);
                short_field_ui(ui, &mut row.first, DATE_WIDTH, Name::Text(&name), "2026-12-24");
                ui.label("–");
                let name = i18n.tr_args("rules-exception-last", &[("number", number.clone())]);
                short_field_ui(ui, &mut row.last, DATE_WIDTH, Name::Text(&name), "2026-12-26");
                ui.label("➡");
                let name = i18n.tr_args("rules-exception-profile", &[("number", number.clone())]);
                profile_menu_ui(ui, i18n, "profile", Name::Text(&name), profiles, &mut row.profile, None);
                let remove = i18n.tr_args("rules-exception-remove", &[("number", number.clone())]);
                let button = ui.small_button("🗑").on_hover_text(&remove);
                button.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &remove));
                if button.clicked() {
                    action = Some(RowAction::Remove(index));
                }
            });
            if let Some((text, tone)) = &note {
                row_note_ui(ui, text, *tone);
            }
        });
    }
    action
}
