//! The Detected profile: a banner at the top of the window whatever is shown, and in the central panel the
//! live settings beside the closest saved profile (read-only), with the two ways to keep them.

use callprofiles_core::{CallFlow, MAX_CUSTOM, ProfileId};
use fluent_bundle::FluentValue;

use crate::gui::command::{Dialog, Selection, UiCommand};
use crate::gui::model::Model;
use crate::text::i18n::I18n;
use crate::text::labels::settings_list;

/// Draws Detected.
#[must_use]
pub fn detected_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
    let detected = model.detected()?;
    let mut command = None;
    let nearest = model.nearest_to_detected();
    super::scrolled::scrolled_ui(ui, "detected", |ui| {
        ui.add_space(4.0);
        ui.heading(egui::RichText::new(format!("⚠ {}", i18n.tr("profile-detected"))).color(ui.visuals().warn_fg_color));
        ui.add(egui::Label::new(i18n.tr("detected-explain")).wrap());
        ui.add_space(6.0);
        // Wrapped: in a narrow or zoomed window the second button moves to a new line rather than out of sight.
        ui.horizontal_wrapped(|ui| {
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
        ui.add_space(8.0);
        // What a call does now beside what it does with the closest profile, then the settings in words.
        let ring_times = model.ring_times();
        let live_flow = CallFlow::of(&detected, &ring_times);
        let nearest_flow = nearest
            .as_ref()
            .map(|(profile, _)| (i18n.profile_name(profile), CallFlow::of(&profile.settings, &ring_times)));
        let beside = nearest_flow.as_ref().map(|(name, flow)| (name.as_str(), flow));
        super::call_flow::compare_ui(ui, i18n, &live_flow, beside);
        if let Some((profile, _)) = &nearest {
            let name = i18n.profile_name(profile);
            super::comparison::comparison_ui(ui, i18n, &name, &detected, &profile.settings);
        }
        ui.add_space(6.0);
    });
    command
}

/// A banner under the toolbar while the phone system's settings match no profile and something else is
/// shown: what happened, and a button to look at them.
#[must_use]
pub fn banner_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
    let warn = ui.visuals().warn_fg_color;
    let text = match model.nearest_to_detected() {
        Some((nearest, differences)) => i18n.tr_args(
            "detected-banner-nearest",
            &[
                ("profile", FluentValue::from(i18n.profile_name(&nearest))),
                ("settings", FluentValue::from(settings_list(i18n, &differences))),
            ],
        ),
        None => i18n.tr("detected-banner"),
    };
    let mut command = None;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, warn))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // The button first, the sentence wrapping beside it: one row, however narrow the window.
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("button-show-detected")).clicked() {
                    command = Some(UiCommand::Select(Selection::Detected));
                }
                ui.add(egui::Label::new(egui::RichText::new(format!("⚠ {text}")).color(warn)).wrap());
            });
        });
    command
}
