//! `KEY=VALUE` setting changes, as typed on the command line: parsed whole before anything is applied.

use std::fmt;

use crate::error::InputError;
use crate::phone_number::shorten;
use crate::settings::{Greeting, Playback, Routing, Settings};

/// The name of one setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingKey {
    /// Whether colleagues may pick up my ringing calls (`call_pickup`).
    CallPickup,
    /// Where my calls ring: Mobility (`routing`).
    Routing,
    /// Whether unanswered calls go to the mailbox (`voicemail`).
    Voicemail,
    /// Whether the system calls back after a new message (`voicemail.ringback`).
    Ringback,
    /// Whether a new message raises a notification (`voicemail.notification`).
    Notification,
    /// Where messages are listened to (`voicemail.playback`).
    Playback,
    /// Which greeting callers hear (`voicemail.greeting`).
    Greeting,
}

impl SettingKey {
    /// Every key, in form order.
    pub const ALL: [SettingKey; 7] = [
        Self::CallPickup,
        Self::Routing,
        Self::Voicemail,
        Self::Ringback,
        Self::Notification,
        Self::Playback,
        Self::Greeting,
    ];

    /// The key as written on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Self::CallPickup => "call_pickup",
            Self::Routing => "routing",
            Self::Voicemail => "voicemail",
            Self::Ringback => "voicemail.ringback",
            Self::Notification => "voicemail.notification",
            Self::Playback => "voicemail.playback",
            Self::Greeting => "voicemail.greeting",
        }
    }

    /// This setting's value in `settings`, as written on the command line.
    pub fn value_of(self, settings: &Settings) -> String {
        let on_off = |on: bool| if on { "on" } else { "off" }.to_owned();
        match self {
            Self::CallPickup => on_off(settings.call_pickup),
            Self::Routing => settings.routing.to_string(),
            Self::Voicemail => on_off(settings.voicemail.enabled),
            Self::Ringback => on_off(settings.voicemail.ringback),
            Self::Notification => on_off(settings.voicemail.notification),
            Self::Playback => settings.voicemail.playback.key().to_owned(),
            Self::Greeting => settings.voicemail.greeting.to_string(),
        }
    }

    /// Parses a key.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        Self::ALL
            .into_iter()
            .find(|key| key.key().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| InputError::UnknownKey { key: shorten(text) })
    }
}

impl fmt::Display for SettingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One parsed change to a setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingChange {
    /// Call pickup on/off.
    CallPickup(bool),
    /// New routing.
    Routing(Routing),
    /// Voicemail on/off.
    Voicemail(bool),
    /// Ringback on/off.
    Ringback(bool),
    /// Notification on/off.
    Notification(bool),
    /// Where messages play.
    Playback(Playback),
    /// Active greeting.
    Greeting(Greeting),
}

impl SettingChange {
    /// Parses one `KEY=VALUE` pair.
    pub fn parse(pair: &str) -> Result<Self, InputError> {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| InputError::NotKeyValue { input: shorten(pair) })?;
        let key = SettingKey::parse(key)?;
        let on_off = || parse_on_off(key, value);
        Ok(match key {
            SettingKey::CallPickup => Self::CallPickup(on_off()?),
            SettingKey::Routing => Self::Routing(Routing::parse(value)?),
            SettingKey::Voicemail => Self::Voicemail(on_off()?),
            SettingKey::Ringback => Self::Ringback(on_off()?),
            SettingKey::Notification => Self::Notification(on_off()?),
            SettingKey::Playback => Self::Playback(Playback::parse(value)?),
            SettingKey::Greeting => Self::Greeting(Greeting::parse(value)?),
        })
    }

    /// Parses every pair, failing on the first bad one (so nothing is applied).
    pub fn parse_all<S: AsRef<str>>(pairs: &[S]) -> Result<Vec<Self>, InputError> {
        pairs.iter().map(|pair| Self::parse(pair.as_ref())).collect()
    }

    /// Applies this change.
    pub fn apply(&self, settings: &mut Settings) {
        match self {
            Self::CallPickup(on) => settings.call_pickup = *on,
            Self::Routing(routing) => settings.routing = routing.clone(),
            Self::Voicemail(on) => settings.voicemail.enabled = *on,
            Self::Ringback(on) => settings.voicemail.ringback = *on,
            Self::Notification(on) => settings.voicemail.notification = *on,
            Self::Playback(playback) => settings.voicemail.playback = *playback,
            Self::Greeting(greeting) => settings.voicemail.greeting = *greeting,
        }
    }

    /// Applies every change in order to a copy of `settings`.
    pub fn apply_all(changes: &[Self], settings: &Settings) -> Settings {
        let mut changed = settings.clone();
        for change in changes {
            change.apply(&mut changed);
        }
        changed
    }
}

/// Parses `on`/`off` (also `true`/`false`, `yes`/`no`, `1`/`0`).
fn parse_on_off(key: SettingKey, value: &str) -> Result<bool, InputError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err(InputError::NotOnOff {
            key: key.key().to_owned(),
            input: shorten(value),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() -> Result<(), InputError> {
        let changes = SettingChange::parse_all(&[
            "call_pickup=off",
            "routing=forward:+48 22 1234567",
            "voicemail=off",
            "voicemail.ringback=on",
            "voicemail.notification=on",
            "voicemail.playback=computer",
            "voicemail.greeting=3",
        ])?;
        let settings = SettingChange::apply_all(&changes, &Settings::office_default());
        let values: Vec<String> = SettingKey::ALL
            .iter()
            .map(|k| format!("{}={}", k, k.value_of(&settings)))
            .collect();
        assert_eq!(
            values,
            [
                "call_pickup=off",
                "routing=forward:+48221234567",
                "voicemail=off",
                "voicemail.ringback=on",
                "voicemail.notification=on",
                "voicemail.playback=computer",
                "voicemail.greeting=3"
            ]
        );
        Ok(())
    }

    #[test]
    fn rejects_bad_pairs() {
        assert!(SettingChange::parse("call_pickup").is_err());
        assert!(SettingChange::parse("pickup=on").is_err());
        assert!(SettingChange::parse("call_pickup=maybe").is_err());
        assert!(SettingChange::parse_all(&["voicemail=on", "voicemail.greeting=12"]).is_err());
    }
}
