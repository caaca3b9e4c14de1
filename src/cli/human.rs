//! Human-readable text for profiles, settings and the phone system.

use callprofiles_core::{PhoneSystemDescription, PhoneSystemKind, Playback, Profile, Routing, Settings};

/// "on" or "off".
fn on_off(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

/// Where calls ring, in words.
pub fn routing(routing: &Routing) -> String {
    let number = routing.number().map(ToString::to_string);
    match (routing, number) {
        (Routing::DeskPhone, _) => "ring the desk phone".to_owned(),
        (Routing::Forward { .. }, Some(n)) => format!("forward calls to {n}"),
        (Routing::Twinning { .. }, Some(n)) => format!("ring the desk phone and {n} together"),
        (Routing::Telecommuter { .. }, Some(n)) => format!("telecommuter at {n}"),
        (Routing::Forward { .. }, None) => "forward calls (number not set yet)".to_owned(),
        (Routing::Twinning { .. }, None) => "ring the desk phone and a mobile together (number not set yet)".to_owned(),
        (Routing::Telecommuter { .. }, None) => "telecommuter (number not set yet)".to_owned(),
    }
}

/// A one-line summary of settings.
pub fn summary(settings: &Settings) -> String {
    format!(
        "{}; voicemail {}; call pickup {}",
        routing(&settings.routing),
        on_off(settings.voicemail.enabled),
        on_off(settings.call_pickup)
    )
}

/// Every setting, one per line, indented, with the key `set` takes.
pub fn settings_block(settings: &Settings) -> String {
    let voicemail = &settings.voicemail;
    let playback = match voicemail.playback {
        Playback::Phone => "on the phone",
        Playback::Computer => "on the computer",
    };
    let greeting = match voicemail.greeting.to_string().as_str() {
        "default" => "the default greeting".to_owned(),
        slot => format!("recorded greeting {slot}"),
    };
    let rows = [
        ("Call pickup", on_off(settings.call_pickup).to_owned(), "call_pickup"),
        ("Mobility", routing(&settings.routing), "routing"),
        ("Voicemail", on_off(voicemail.enabled).to_owned(), "voicemail"),
        (
            "Voicemail ringback",
            on_off(voicemail.ringback).to_owned(),
            "voicemail.ringback",
        ),
        (
            "Voicemail notification",
            on_off(voicemail.notification).to_owned(),
            "voicemail.notification",
        ),
        ("Listen to messages", playback.to_owned(), "voicemail.playback"),
        ("Greeting", greeting, "voicemail.greeting"),
    ];
    rows.iter()
        .map(|(label, value, key)| format!("  {label:<24}{value:<44} [{key}]"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "built-in" or "custom".
pub fn kind(profile: &Profile) -> &'static str {
    if profile.is_builtin() { "built-in" } else { "custom" }
}

/// The line naming the phone system; it says plainly when no PBX is connected.
pub fn phone_system(description: &PhoneSystemDescription) -> String {
    match description.kind {
        PhoneSystemKind::Demo => format!(
            "Phone system: {} — it is not a PBX, so no real phone changes.",
            description.summary
        ),
        PhoneSystemKind::Asterisk => format!("Phone system: {}.", description.summary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routing_words_name_the_number_or_its_absence() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(routing(&Routing::parse("forward:+48 22")?), "forward calls to +4822");
        assert_eq!(
            routing(&Routing::parse("telecommuter")?),
            "telecommuter (number not set yet)"
        );
        assert_eq!(
            summary(&Settings::office_default()),
            "ring the desk phone; voicemail on; call pickup on"
        );
        let block = settings_block(&Settings::home_default());
        assert_eq!(block.lines().count(), 7);
        assert!(block.contains("Call pickup") && block.contains("[voicemail.greeting]"));
        Ok(())
    }
}
