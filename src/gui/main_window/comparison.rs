//! Two sets of settings side by side, read-only: Detected's live settings against the closest profile, and
//! what "Save into…" would change. Plain text rather than disabled controls, so nothing looks editable.

use callprofiles_core::{SettingKey, Settings, differences};

use crate::text::i18n::I18n;
use crate::text::labels::{greeting_label, playback_label, routing_summary, setting_label};

/// One setting's value in words ("on", "➡ +48 600 100 200", "using the phone").
pub fn setting_value(i18n: &I18n, key: SettingKey, settings: &Settings) -> String {
    let on_off = |on: bool| i18n.tr(if on { "value-on" } else { "value-off" });
    match key {
        SettingKey::CallPickup => on_off(settings.call_pickup),
        SettingKey::Routing => routing_summary(i18n, &settings.routing).short,
        SettingKey::Voicemail => on_off(settings.voicemail.enabled),
        SettingKey::Ringback => on_off(settings.voicemail.ringback),
        SettingKey::Notification => on_off(settings.voicemail.notification),
        SettingKey::Playback => playback_label(i18n, settings.voicemail.playback),
        SettingKey::Greeting => greeting_label(i18n, settings.voicemail.greeting),
    }
}

/// A table of every setting: its name, `left`'s value and `right`'s, the rows that differ marked "≠" and
/// in the warning colour. `headers` name the two columns.
pub fn comparison_ui(ui: &mut egui::Ui, i18n: &I18n, headers: [&str; 2], left: &Settings, right: &Settings) {
    let differ = differences(left, right);
    let warn = ui.visuals().warn_fg_color;
    egui::Grid::new(("comparison", headers))
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            ui.strong(i18n.tr("compare-setting"));
            for header in headers {
                ui.add(egui::Label::new(egui::RichText::new(header).strong()).wrap());
            }
            ui.end_row();
            for key in SettingKey::ALL {
                let differs = differ.contains(&key);
                // The mark has its own column, so it is never cut off however narrow the table gets.
                if differs {
                    ui.colored_label(warn, "≠").on_hover_text(i18n.tr("mark-differs"));
                } else {
                    ui.label("");
                }
                ui.add(egui::Label::new(setting_label(i18n, key)).wrap());
                for settings in [left, right] {
                    let text = egui::RichText::new(setting_value(i18n, key, settings));
                    ui.add(egui::Label::new(if differs { text.color(warn) } else { text }).wrap());
                }
                ui.end_row();
            }
        });
}

/// What saving `new` over `saved` changes, one line per setting ("Call pickup: on ➡ off").
pub fn changes(i18n: &I18n, saved: &Settings, new: &Settings) -> Vec<String> {
    differences(saved, new)
        .into_iter()
        .map(|key| {
            format!(
                "{}: {} ➡ {}",
                setting_label(i18n, key),
                setting_value(i18n, key, saved),
                setting_value(i18n, key, new)
            )
        })
        .collect()
}
