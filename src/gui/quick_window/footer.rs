//! The quick window's last lines: progress while a profile is applied, why it failed (the window stays open),
//! a phone system that cannot be read, new voicemail waiting (a button to the messages), and the keys to use.

use fluent_bundle::FluentValue;

use super::QuickCommand;
use crate::gui::model::{Model, PhoneState};
use crate::text::error_text::error_text;
use crate::text::i18n::I18n;

/// What the window is doing, for the footer.
pub struct Status<'a> {
    /// The name of the profile being applied.
    pub applying: Option<&'a str>,
    /// What to know before the profile pressed is applied (press it again to apply it).
    pub warning: Option<&'a str>,
    /// Why the last activation failed.
    pub error: Option<&'a str>,
    /// The confirmation of the last activation.
    pub done: Option<&'a str>,
}

/// Draws the footer; the count of new voicemail is a button (and M its key) that opens the messages.
#[must_use]
pub fn footer_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, status: &Status<'_>) -> Option<QuickCommand> {
    let mut command = None;
    let Status {
        applying,
        warning,
        error,
        done,
    } = *status;
    ui.add_space(2.0);
    let error_color = ui.visuals().error_fg_color;
    if let Some(done) = done {
        let color = crate::gui::main_window::ok_color(ui);
        ui.add(egui::Label::new(egui::RichText::new(done).color(color).strong()).wrap());
    } else if let Some(name) = applying {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(i18n.tr_args("status-applying", &[("profile", FluentValue::from(name.to_owned()))]));
        });
    } else if let Some(warning) = warning {
        let text = egui::RichText::new(format!("⚠ {warning}")).color(ui.visuals().warn_fg_color);
        ui.add(egui::Label::new(text).wrap());
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
        let text = i18n.tr_args("status-new-voicemail", &[("count", FluentValue::from(count))]);
        let button =
            egui::Button::new(egui::RichText::new(text).strong()).shortcut_text(super::keys::MESSAGES_KEY_NAME);
        if ui
            .add(button)
            .on_hover_text(i18n.tr("quick-messages-tooltip"))
            .clicked()
        {
            command = Some(QuickCommand::ShowMessages);
        }
    }
    ui.add(egui::Label::new(egui::RichText::new(i18n.tr("quick-hint")).weak()).wrap());
    command
}
