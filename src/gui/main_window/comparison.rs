//! Two sets of settings compared, read-only: Detected's live settings against the closest profile, and
//! what "Save into…" would change. Plain text rather than disabled controls, so nothing looks editable.

use callprofiles_core::{SettingKey, Settings, differences};
use fluent_bundle::FluentValue;

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

/// Every setting of `live` beside its value in `profile` (named `name`), one wrapped line each: the ones that
/// differ marked "≠" in the warning colour, with the profile's value; the others say they are the same.
pub fn comparison_ui(ui: &mut egui::Ui, i18n: &I18n, name: &str, live: &Settings, profile: &Settings) {
    let differ = differences(live, profile);
    let warn = ui.visuals().warn_fg_color;
    let mark_width = egui::WidgetText::from("≠")
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x;
    let profile_arg = || FluentValue::from(name.to_owned());
    ui.add(egui::Label::new(i18n.tr_args("compare-heading", &[("profile", profile_arg())])).wrap());
    ui.add_space(4.0);
    for key in SettingKey::ALL {
        let differs = differ.contains(&key);
        ui.horizontal_wrapped(|ui| {
            if differs {
                ui.colored_label(warn, "≠").on_hover_text(i18n.tr("mark-differs"));
            } else {
                ui.add_space(mark_width);
            }
            ui.strong(format!("{}:", setting_label(i18n, key)));
            let now = egui::RichText::new(setting_value(i18n, key, live));
            if differs {
                ui.label(now.color(warn).strong());
                let theirs = i18n.tr_args(
                    "compare-differs",
                    &[
                        ("profile", profile_arg()),
                        ("value", FluentValue::from(setting_value(i18n, key, profile))),
                    ],
                );
                ui.label(egui::RichText::new(theirs).italics());
            } else {
                ui.label(now);
                ui.weak(i18n.tr_args("compare-same", &[("profile", profile_arg())]));
            }
        });
    }
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
