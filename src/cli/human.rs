//! Human-readable text for profiles, settings and the phone system, in the output's language.

use callprofiles_core::config::{Config, PhoneSystemConfig};
use callprofiles_core::{PhoneSystemDescription, PhoneSystemKind, Playback, Profile, Routing, Settings};
use fluent_bundle::FluentValue;

use crate::cli::Context;
use crate::text::i18n::I18n;

/// The selector value `on` or `off` the catalogs choose a word by.
fn on_off_key(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

/// "on" or "off" in the output's language.
fn on_off(i18n: &I18n, on: bool) -> String {
    i18n.tr(if on { "cli-on" } else { "cli-off" })
}

/// Where calls ring, in words.
pub fn routing(i18n: &I18n, routing: &Routing) -> String {
    let (with_number, without) = match routing {
        Routing::DeskPhone => return i18n.tr("cli-routing-desk-phone"),
        Routing::Forward { .. } => ("cli-routing-forward", "cli-routing-forward-unset"),
        Routing::Twinning { .. } => ("cli-routing-twinning", "cli-routing-twinning-unset"),
        Routing::Telecommuter { .. } => ("cli-routing-telecommuter", "cli-routing-telecommuter-unset"),
    };
    match routing.number() {
        Some(number) => i18n.tr_args(with_number, &[("number", FluentValue::from(number.to_string()))]),
        None => i18n.tr(without),
    }
}

/// A one-line summary of settings.
pub fn summary(i18n: &I18n, settings: &Settings) -> String {
    i18n.tr_args(
        "cli-summary",
        &[
            ("routing", FluentValue::from(routing(i18n, &settings.routing))),
            ("voicemail", FluentValue::from(on_off_key(settings.voicemail.enabled))),
            ("pickup", FluentValue::from(on_off_key(settings.call_pickup))),
        ],
    )
}

/// Every setting, one per line, indented, with the key `set` takes.
pub fn settings_block(i18n: &I18n, settings: &Settings) -> String {
    let voicemail = &settings.voicemail;
    let playback = i18n.tr(match voicemail.playback {
        Playback::Phone => "cli-playback-phone",
        Playback::Computer => "cli-playback-computer",
    });
    let greeting = match voicemail.greeting.to_string().as_str() {
        "default" => i18n.tr("cli-greeting-default"),
        slot => i18n.tr_args(
            "cli-greeting-recorded",
            &[("number", FluentValue::from(slot.to_owned()))],
        ),
    };
    let rows = [
        (
            "cli-label-call-pickup",
            on_off(i18n, settings.call_pickup),
            "call_pickup",
        ),
        ("cli-label-routing", routing(i18n, &settings.routing), "routing"),
        ("cli-label-voicemail", on_off(i18n, voicemail.enabled), "voicemail"),
        (
            "cli-label-ringback",
            on_off(i18n, voicemail.ringback),
            "voicemail.ringback",
        ),
        (
            "cli-label-notification",
            on_off(i18n, voicemail.notification),
            "voicemail.notification",
        ),
        ("cli-label-playback", playback, "voicemail.playback"),
        ("cli-label-greeting", greeting, "voicemail.greeting"),
    ]
    .map(|(label, value, key)| (i18n.tr(label), value, key));
    let label_width = rows
        .iter()
        .map(|(label, _, _)| label.chars().count() + 2)
        .fold(24, usize::max);
    rows.iter()
        .map(|(label, value, key)| format!("  {label:<label_width$}{value:<44} [{key}]"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Built-in or custom, in words.
pub fn kind(i18n: &I18n, profile: &Profile) -> String {
    i18n.tr(if profile.is_builtin() {
        "cli-kind-builtin"
    } else {
        "cli-kind-custom"
    })
}

/// The line naming the phone system; it says plainly when no PBX is connected.
pub fn phone_system(context: &Context, description: &PhoneSystemDescription) -> String {
    let i18n = &context.i18n;
    match description.kind {
        PhoneSystemKind::Demo => i18n.tr("cli-phone-demo"),
        PhoneSystemKind::Asterisk => match Config::load(&context.home).map(|config| config.phone_system) {
            Ok(PhoneSystemConfig::Asterisk(asterisk)) => i18n.tr_args(
                "cli-phone-asterisk",
                &[
                    ("address", FluentValue::from(asterisk.address())),
                    ("extension", FluentValue::from(asterisk.extension.to_string())),
                    ("user", FluentValue::from(asterisk.username.as_str().to_owned())),
                ],
            ),
            _ => i18n.tr_args(
                "cli-phone-other",
                &[("summary", FluentValue::from(description.summary.clone()))],
            ),
        },
        PhoneSystemKind::Server => match Config::load(&context.home).map(|config| config.phone_system) {
            Ok(PhoneSystemConfig::Server(server)) => i18n.tr_args(
                "cli-phone-server",
                &[
                    ("url", FluentValue::from(server.url.to_string())),
                    ("extension", FluentValue::from(server.extension.to_string())),
                ],
            ),
            _ => i18n.tr_args(
                "cli-phone-other",
                &[("summary", FluentValue::from(description.summary.clone()))],
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::Language;
    use callprofiles_core::SettingKey;

    #[test]
    fn routing_words_name_the_number_or_its_absence() -> Result<(), Box<dyn std::error::Error>> {
        let en = I18n::new(Language::English);
        assert_eq!(
            routing(&en, &Routing::parse("forward:+48 22")?),
            "forward calls to +4822"
        );
        assert_eq!(
            routing(&en, &Routing::parse("telecommuter")?),
            "telecommuter (number not set yet)"
        );
        assert_eq!(
            summary(&en, &Settings::office_default()),
            "ring the desk phone; voicemail on; call pickup on"
        );
        let block = settings_block(&en, &Settings::home_default());
        assert_eq!(block.lines().count(), 7);
        assert!(block.contains("Call pickup") && block.contains("[voicemail.greeting]"));
        Ok(())
    }

    #[test]
    fn polish_words_agree_and_columns_line_up() {
        let pl = I18n::new(Language::Polish);
        assert_eq!(
            summary(&pl, &Settings::home_default()),
            "przekierowanie połączeń (numer jeszcze nieustawiony); poczta głosowa włączona; przejmowanie połączeń wyłączone"
        );
        let block = settings_block(&pl, &Settings::office_default());
        let key_columns: Vec<usize> = block
            .lines()
            .filter_map(|line| line.find('[').map(|byte| line[..byte].chars().count()))
            .collect();
        assert_eq!(key_columns.len(), 7, "{block}");
        assert!(key_columns.windows(2).all(|pair| pair[0] == pair[1]), "{block}");
        assert!(block.contains("Przejmowanie połączeń"), "{block}");
    }

    /// Adding a setting is guided: `set` and `pbx set` name its key in their help, and every settings
    /// block shows it with its key, in both languages.
    #[test]
    fn every_setting_has_its_cli_key_and_row() {
        for key in SettingKey::ALL {
            assert!(
                crate::cli::set::SETTING_KEYS.contains(&format!("{key}=")),
                "{key} is missing from the help of set"
            );
            for language in Language::ALL {
                let block = settings_block(&I18n::new(language), &Settings::office_default());
                assert!(
                    block.contains(&format!("[{key}]")),
                    "{key} has no row in the settings block"
                );
            }
        }
    }
}
