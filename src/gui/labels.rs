//! The words for settings, modes and values in the user's language, shared by both windows.

use callprofiles_core::{Greeting, Playback, RoutingMode, SettingKey};
use fluent_bundle::FluentValue;

use crate::gui::i18n::I18n;

/// The name of a mobility mode.
pub fn mode_label(i18n: &I18n, mode: RoutingMode) -> String {
    i18n.tr(match mode {
        RoutingMode::DeskPhone => "mode-desk-phone",
        RoutingMode::Forward => "mode-forward",
        RoutingMode::Twinning => "mode-twinning",
        RoutingMode::Telecommuter => "mode-telecommuter",
    })
}

/// The label of the number field of a mode (the desk phone has none; its label is the forwarding one).
pub fn number_label(i18n: &I18n, mode: RoutingMode) -> String {
    i18n.tr(match mode {
        RoutingMode::DeskPhone | RoutingMode::Forward => "number-forward",
        RoutingMode::Twinning => "number-twinning",
        RoutingMode::Telecommuter => "number-telecommuter",
    })
}

/// The name of one setting, as the form labels it.
pub fn setting_label(i18n: &I18n, key: SettingKey) -> String {
    i18n.tr(match key {
        SettingKey::CallPickup => "setting-call-pickup",
        SettingKey::Routing => "setting-routing",
        SettingKey::Voicemail => "setting-voicemail",
        SettingKey::Ringback => "setting-ringback",
        SettingKey::Notification => "setting-notification",
        SettingKey::Playback => "setting-playback",
        SettingKey::Greeting => "setting-greeting",
    })
}

/// Where messages are played.
pub fn playback_label(i18n: &I18n, playback: Playback) -> String {
    i18n.tr(match playback {
        Playback::Phone => "playback-phone",
        Playback::Computer => "playback-computer",
    })
}

/// A voicemail greeting.
pub fn greeting_label(i18n: &I18n, greeting: Greeting) -> String {
    match greeting {
        Greeting::Default => i18n.tr("greeting-default"),
        Greeting::Recorded(slot) => i18n.tr_args("greeting-recorded", &[("number", FluentValue::from(slot.get()))]),
    }
}

/// A list of settings joined for a sentence ("Mobility, Active greeting").
pub fn settings_list(i18n: &I18n, keys: &[SettingKey]) -> String {
    keys.iter()
        .map(|key| setting_label(i18n, *key))
        .collect::<Vec<_>>()
        .join(", ")
}
