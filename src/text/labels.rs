//! The words for settings, modes and values in the user's language, shared by both windows.

use callprofiles_core::{Greeting, Playback, Routing, RoutingMode, SettingKey};
use fluent_bundle::FluentValue;

use crate::text::i18n::I18n;

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

/// Where a profile's calls go, in a few words: shown under its name, and spoken by screen readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutingSummary {
    /// What the eye reads ("Desk phone", "➡ +48 600 100 200", "Desk + +48 600 100 200").
    pub short: String,
    /// What a screen reader says ("calls are forwarded to +48 600 100 200").
    pub spoken: String,
}

/// The summary of where calls go with `routing`.
pub fn routing_summary(i18n: &I18n, routing: &Routing) -> RoutingSummary {
    let (short, spoken) = match routing {
        Routing::DeskPhone => ("summary-desk-phone", "summary-spoken-desk-phone"),
        Routing::Forward { .. } => ("summary-forward", "summary-spoken-forward"),
        Routing::Twinning { .. } => ("summary-twinning", "summary-spoken-twinning"),
        Routing::Telecommuter { .. } => ("summary-telecommuter", "summary-spoken-telecommuter"),
    };
    match routing.number() {
        Some(number) => {
            let args = [("number", FluentValue::from(number.grouped()))];
            RoutingSummary {
                short: i18n.tr_args(short, &args),
                spoken: i18n.tr_args(spoken, &args),
            }
        }
        None if routing.mode().needs_number() => {
            let args = [("number", FluentValue::from(i18n.tr("summary-no-number")))];
            RoutingSummary {
                short: i18n.tr_args(short, &args),
                spoken: format!("{}, {}", mode_label(i18n, routing.mode()), i18n.tr("summary-no-number")),
            }
        }
        None => RoutingSummary {
            short: i18n.tr(short),
            spoken: i18n.tr(spoken),
        },
    }
}

#[cfg(test)]
mod tests {
    use callprofiles_core::{PhoneNumber, Routing};

    use super::routing_summary;
    use crate::text::i18n::{I18n, Language};

    fn summary(language: Language, routing: &Routing) -> (String, String) {
        let found = routing_summary(&I18n::new(language), routing);
        (found.short, found.spoken)
    }

    #[test]
    fn each_mode_says_where_calls_go_in_english_and_polish() -> Result<(), Box<dyn std::error::Error>> {
        let number = Some(PhoneNumber::parse("+48 600 100 200")?);
        let en = Language::English;
        let pl = Language::Polish;
        assert_eq!(summary(en, &Routing::DeskPhone).0, "Desk phone");
        assert_eq!(summary(pl, &Routing::DeskPhone).0, "Telefon stacjonarny");
        let forward = Routing::Forward { number: number.clone() };
        assert_eq!(summary(en, &forward).0, "➡ +48 600 100 200");
        assert_eq!(summary(en, &forward).1, "calls are forwarded to +48 600 100 200");
        assert_eq!(
            summary(pl, &forward).1,
            "połączenia są przekierowane na +48 600 100 200"
        );
        let twinning = Routing::Twinning { number: number.clone() };
        assert_eq!(summary(en, &twinning).0, "Desk + +48 600 100 200");
        assert_eq!(summary(pl, &twinning).0, "Stacjonarny + +48 600 100 200");
        let telecommuter = Routing::Telecommuter { number };
        assert_eq!(summary(en, &telecommuter).0, "Telecommuter: +48 600 100 200");
        Ok(())
    }

    #[test]
    fn a_missing_number_is_said_plainly() {
        let twinning = Routing::Twinning { number: None };
        assert_eq!(summary(Language::English, &twinning).0, "Desk + no number yet");
        assert_eq!(
            summary(Language::English, &twinning).1,
            "Simultaneous ringing on mobile phones, no number yet"
        );
        assert_eq!(
            summary(Language::Polish, &Routing::Forward { number: None }).0,
            "➡ brak numeru"
        );
    }
}
