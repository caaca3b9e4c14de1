//! Leaving the computer (opt-in: a profile while the screen is locked or the computer sleeps).

use callprofiles_core::Profile;

use crate::gui::automation::draft::RulesDraft;
use crate::gui::automation::widgets::{Name, profile_menu_ui};
use crate::text::i18n::I18n;

/// Draws the away rule.
pub fn away_ui(ui: &mut egui::Ui, i18n: &I18n, profiles: &[Profile], draft: &mut RulesDraft) {
    let away = &mut draft.away;
    ui.horizontal_wrapped(|ui| {
        let label = ui.checkbox(&mut away.enabled, i18n.tr("rules-away-enabled"));
        ui.add_enabled_ui(away.enabled, |ui| {
            profile_menu_ui(
                ui,
                i18n,
                "away_profile",
                Name::Label(label.id),
                profiles,
                &mut away.profile,
                None,
            );
        });
    });
    ui.add_enabled_ui(away.enabled, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.add_space(ui.spacing().icon_width + ui.spacing().icon_spacing);
            ui.checkbox(&mut away.on_lock, i18n.tr("rules-away-lock"));
            ui.checkbox(&mut away.on_sleep, i18n.tr("rules-away-sleep"));
        });
    });
    ui.weak(i18n.tr("rules-away-hint"));
}
