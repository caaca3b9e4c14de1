//! The quick window's last lines: progress while a profile is applied, why it failed (the window stays open),
//! a phone system that cannot be read, new voicemail waiting, and the keys to use.

use fluent_bundle::FluentValue;

use crate::gui::model::{Model, PhoneState};
use crate::text::error_text::error_text;
use crate::text::i18n::I18n;

/// Draws the footer; `applying` is the name of the profile being applied.
pub fn footer_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, applying: Option<&str>, error: Option<&str>) {
    ui.add_space(2.0);
    let error_color = ui.visuals().error_fg_color;
    if let Some(name) = applying {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(i18n.tr_args("status-applying", &[("profile", FluentValue::from(name.to_owned()))]));
        });
    } else if let Some(error) = error {
        ui.add(egui::Label::new(egui::RichText::new(format!("✖ {error}")).color(error_color)).wrap());
    }
    match model.phone_state() {
        PhoneState::Starting => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(i18n.tr("status-starting"));
            });
        }
        PhoneState::WorkerStopped => {
            let text = format!("✖ {}", i18n.tr("status-worker-stopped"));
            ui.add(egui::Label::new(egui::RichText::new(text).color(error_color)).wrap());
        }
        PhoneState::Failed(problem) if error.is_none() => {
            ui.add(egui::Label::new(egui::RichText::new(error_text(i18n, problem)).color(error_color)).wrap());
        }
        _ => {}
    }
    if let Some(count) = model.new_messages().filter(|count| *count > 0) {
        ui.label(
            egui::RichText::new(i18n.tr_args("status-new-voicemail", &[("count", FluentValue::from(count))])).strong(),
        );
    }
    ui.add(egui::Label::new(egui::RichText::new(i18n.tr("quick-hint")).weak()).wrap());
}
