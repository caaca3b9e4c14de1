//! The weekly schedule's rows: the days as toggles, from–to, the profile, and remove; each row's problem in
//! one sentence under it.

use callprofiles_core::Profile;
use fluent_bundle::FluentValue;

use super::row_note_ui;
use crate::gui::automation::draft::Tone;
use crate::gui::automation::draft::WindowRow;
use crate::gui::automation::widgets::{Name, TIME_WIDTH, name_widget, profile_menu_ui, short_field_ui};
use crate::text::i18n::I18n;
use crate::text::rules_text::{weekday_name, weekday_short};

/// About the width of a row's times, profile menu and remove button.
const TIMES_AND_PROFILE_WIDTH: f32 = 2.0 * TIME_WIDTH + 230.0;

/// What a row asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// Remove this row.
    Remove(usize),
}

/// Draws the weekly windows; returns the row to remove, if asked.
#[must_use]
pub fn windows_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    profiles: &[Profile],
    rows: &mut [WindowRow],
    notes: &dyn Fn(usize) -> Option<(String, Tone)>,
) -> Option<RowAction> {
    let mut action = None;
    if rows.is_empty() {
        ui.weak(i18n.tr("rules-windows-empty"));
    }
    for (index, row) in rows.iter_mut().enumerate() {
        let number = index + 1;
        let note = notes(index);
        ui.push_id(("window", index), |ui| {
            ui.horizontal_wrapped(|ui| {
                for (day, on) in row.days.iter_mut().enumerate() {
                    let toggle = ui.toggle_value(on, weekday_short(i18n, day));
                    let name = i18n.tr_args(
                        "rules-window-day",
                        &[
                            ("number", FluentValue::from(number)),
                            ("day", FluentValue::from(weekday_name(i18n, day))),
                        ],
                    );
                    name_widget(ui, toggle, Name::Text(&name));
                }
                // The times, the profile and remove go to the next line together rather than one by one.
                if ui.available_size_before_wrap().x < TIMES_AND_PROFILE_WIDTH {
                    ui.end_row();
                } else {
                    ui.add_space(6.0);
                }
                let name = i18n.tr_args("rules-window-start", &[("number", FluentValue::from(number))]);
                short_field_ui(ui, &mut row.start, TIME_WIDTH, Name::Text(&name), "08:00");
                ui.label("–");
                let name = i18n.tr_args("rules-window-end", &[("number", FluentValue::from(number))]);
                short_field_ui(ui, &mut row.end, TIME_WIDTH, Name::Text(&name), "16:00");
                ui.label("➡");
                let name = i18n.tr_args("rules-window-profile", &[("number", FluentValue::from(number))]);
                profile_menu_ui(ui, i18n, "profile", Name::Text(&name), profiles, &mut row.profile, None);
                let remove = i18n.tr_args("rules-window-remove", &[("number", FluentValue::from(number))]);
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
