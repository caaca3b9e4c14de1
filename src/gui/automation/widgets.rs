//! Small controls the automation panels share: a profile menu, a short text field, and an accessible name for
//! controls whose visible label is shared by several rows ("from", "to").

use callprofiles_core::{Profile, ProfileId};

use crate::text::i18n::I18n;

/// Width of a time field (`HH:MM`).
pub const TIME_WIDTH: f32 = 52.0;
/// Width of a date field (`YYYY-MM-DD`).
pub const DATE_WIDTH: f32 = 92.0;

/// How a control is named for screen readers (and tests).
#[derive(Clone, Copy, Debug)]
pub enum Name<'a> {
    /// By the visible label with this id.
    Label(egui::Id),
    /// By this text: rows repeat their visible labels ("from", "to"), so each control says which row it
    /// belongs to ("Window 2: from").
    Text(&'a str),
}

/// Gives `response`'s widget its accessible name.
pub fn name_widget(ui: &egui::Ui, response: egui::Response, name: Name<'_>) -> egui::Response {
    match name {
        Name::Label(id) => response.labelled_by(id),
        Name::Text(text) => {
            let text = text.to_owned();
            ui.ctx()
                .accesskit_node_builder(response.id, move |node| node.set_label(text.clone()));
            response
        }
    }
}

/// A one-line text field of `width` points named `name`, showing `hint` while empty.
pub fn short_field_ui(ui: &mut egui::Ui, text: &mut String, width: f32, name: Name<'_>, hint: &str) -> egui::Response {
    let response = ui.add(egui::TextEdit::singleline(text).desired_width(width).hint_text(hint));
    let response = name_widget(ui, response, name);
    match name {
        Name::Text(text) => response.on_hover_text(text),
        Name::Label(_) => response,
    }
}

/// A menu of the saved profiles named `name` (first `none`, choosing no profile, when given); a chosen
/// profile that no longer exists says so. Returns whether the choice changed.
pub fn profile_menu_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: Name<'_>,
    profiles: &[Profile],
    chosen: &mut Option<ProfileId>,
    none: Option<&str>,
) -> bool {
    let shown = match chosen.as_ref() {
        None => none.map_or_else(|| i18n.tr("rules-choose-profile"), str::to_owned),
        Some(id) => profiles
            .iter()
            .find(|p| &p.id == id)
            .map_or_else(|| i18n.tr("rules-profile-missing"), |p| i18n.profile_name(p)),
    };
    let before = chosen.clone();
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if let Some(none) = none {
                ui.selectable_value(chosen, None, none);
            }
            for profile in profiles {
                ui.selectable_value(chosen, Some(profile.id.clone()), i18n.profile_name(profile));
            }
        });
    let response = name_widget(ui, combo.response, name);
    if let Name::Text(text) = name {
        response.on_hover_text(text);
    }
    *chosen != before
}
