//! Small controls the automation panels share: a profile menu, a short text field, and an accessible name for
//! controls whose visible label is shared by several rows ("from", "to").

use callprofiles_core::{Profile, ProfileId};

use crate::text::i18n::I18n;

/// Width of a time field (`HH:MM`).
pub const TIME_WIDTH: f32 = 52.0;
/// Width of a date field (`YYYY-MM-DD`).
pub const DATE_WIDTH: f32 = 92.0;

/// Gives `response`'s widget the accessible name `name` (screen readers, tests): rows repeat their visible
/// labels, so each control says which row it belongs to.
pub fn name_widget(ui: &egui::Ui, response: &egui::Response, name: &str) {
    let name = name.to_owned();
    ui.ctx()
        .accesskit_node_builder(response.id, move |node| node.set_label(name));
}

/// A one-line text field of `width` points named `name`, showing `hint` while empty.
pub fn short_field_ui(ui: &mut egui::Ui, text: &mut String, width: f32, name: &str, hint: &str) -> egui::Response {
    let response = ui.add(egui::TextEdit::singleline(text).desired_width(width).hint_text(hint));
    name_widget(ui, &response, name);
    response.on_hover_text(name)
}

/// A menu of the saved profiles named `name`; a chosen profile that no longer exists shows as `missing`.
/// Returns whether the choice changed.
pub fn profile_menu_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    profiles: &[Profile],
    chosen: &mut Option<ProfileId>,
) -> bool {
    let shown = match chosen.as_ref() {
        None => i18n.tr("rules-choose-profile"),
        Some(id) => profiles
            .iter()
            .find(|p| &p.id == id)
            .map_or_else(|| i18n.tr("rules-profile-missing"), |p| i18n.profile_name(p)),
    };
    let before = chosen.clone();
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for profile in profiles {
                ui.selectable_value(chosen, Some(profile.id.clone()), i18n.profile_name(profile));
            }
        });
    name_widget(ui, &combo.response, name);
    combo.response.on_hover_text(name);
    *chosen != before
}
