//! The Detected profile in the central panel: the live settings, what differs from the nearest saved
//! profile, and the two ways to keep them.

use callprofiles_core::{MAX_CUSTOM, ProfileId};
use fluent_bundle::FluentValue;

use crate::gui::command::{Dialog, UiCommand};
use crate::gui::draft::Draft;
use crate::gui::model::Model;
use crate::text::i18n::I18n;
use crate::text::labels::settings_list;

/// Draws Detected.
#[must_use]
pub fn detected_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
    let detected = model.detected()?;
    let mut command = None;
    ui.add_space(4.0);
    ui.heading(egui::RichText::new(format!("⚠ {}", i18n.tr("profile-detected"))).color(ui.visuals().warn_fg_color));
    ui.add(egui::Label::new(i18n.tr("detected-explain")).wrap());
    let nearest = model.nearest_to_detected();
    if let Some((profile, differences)) = &nearest {
        ui.add(
            egui::Label::new(i18n.tr_args(
                "detected-nearest",
                &[
                    ("profile", FluentValue::from(i18n.profile_name(profile))),
                    ("settings", FluentValue::from(settings_list(i18n, differences))),
                ],
            ))
            .wrap(),
        );
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let slots_left = model.book().map_or(0, |book| book.custom_slots_left());
        let as_new = ui
            .add_enabled(
                slots_left > 0 && !model.busy(),
                egui::Button::new(i18n.tr("button-save-detected-new")),
            )
            .on_disabled_hover_text(i18n.tr_args("tooltip-add-full", &[("max", FluentValue::from(MAX_CUSTOM))]));
        if as_new.clicked() {
            command = Some(UiCommand::Open(Dialog::SaveDetectedAsNew { name: String::new() }));
        }
        if ui
            .add_enabled(!model.busy(), egui::Button::new(i18n.tr("button-save-detected-into")))
            .clicked()
        {
            let target: Option<ProfileId> = nearest.as_ref().map(|(profile, _)| profile.id.clone());
            command = Some(UiCommand::Open(Dialog::SaveDetectedInto { target }));
        }
    });
    let differences = nearest.map(|(_, differences)| differences).unwrap_or_default();
    // A read-only form; the id is only a placeholder, nothing is saved from it.
    let mut shown = Draft::new(ProfileId::custom(0), &detected);
    ui.add_space(2.0);
    super::scrolled::scrolled_ui(ui, "detected_form", |ui| {
        super::form::settings_form_ui(ui, i18n, &mut shown, false, &differences);
        ui.add_space(6.0);
    });
    command
}
