//! The phone-system settings a profile holds: call pickup, mobility (routing) and voicemail.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::InputError;
use crate::phone_number::PhoneNumber;

/// Every setting of one profile, exactly as the product page groups them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Whether colleagues may pick up my ringing calls.
    pub call_pickup: bool,
    /// Where my calls ring (Mobility).
    pub routing: Routing,
    /// How unanswered calls and messages are handled.
    pub voicemail: Voicemail,
}

/// Where incoming calls ring.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case", deny_unknown_fields)]
pub enum Routing {
    /// Ring my desk phone only.
    DeskPhone,
    /// Forward every call to a number.
    Forward {
        /// Where calls are forwarded; unset until the user enters it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<PhoneNumber>,
    },
    /// Ring the desk phone and this number at once.
    Twinning {
        /// The number that rings together with the desk phone.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<PhoneNumber>,
    },
    /// Route calls to a remote (home) number as a telecommuter.
    Telecommuter {
        /// The remote number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<PhoneNumber>,
    },
}

/// The four mobility modes, without their numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoutingMode {
    /// Desk phone only.
    DeskPhone,
    /// Forward to a number.
    Forward,
    /// Desk phone and a number at once.
    Twinning,
    /// Telecommuter at a number.
    Telecommuter,
}

impl RoutingMode {
    /// All modes, in the order the product page lists them.
    pub const ALL: [RoutingMode; 4] = [Self::DeskPhone, Self::Forward, Self::Twinning, Self::Telecommuter];

    /// The key used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Self::DeskPhone => "desk_phone",
            Self::Forward => "forward",
            Self::Twinning => "twinning",
            Self::Telecommuter => "telecommuter",
        }
    }

    /// Whether this mode sends calls to a number.
    pub fn needs_number(self) -> bool {
        !matches!(self, Self::DeskPhone)
    }

    /// Builds the routing of this mode with the given number (ignored for the desk phone).
    pub fn with_number(self, number: Option<PhoneNumber>) -> Routing {
        match self {
            Self::DeskPhone => Routing::DeskPhone,
            Self::Forward => Routing::Forward { number },
            Self::Twinning => Routing::Twinning { number },
            Self::Telecommuter => Routing::Telecommuter { number },
        }
    }
}

impl Routing {
    /// The mode without its number.
    pub fn mode(&self) -> RoutingMode {
        match self {
            Self::DeskPhone => RoutingMode::DeskPhone,
            Self::Forward { .. } => RoutingMode::Forward,
            Self::Twinning { .. } => RoutingMode::Twinning,
            Self::Telecommuter { .. } => RoutingMode::Telecommuter,
        }
    }

    /// The number of this mode, if it has one set.
    pub fn number(&self) -> Option<&PhoneNumber> {
        match self {
            Self::DeskPhone => None,
            Self::Forward { number } | Self::Twinning { number } | Self::Telecommuter { number } => number.as_ref(),
        }
    }

    /// Parses `desk_phone`, `forward:NUMBER`, `twinning:NUMBER` or `telecommuter:NUMBER`
    /// (a mode that takes a number may also be given without one, leaving it unset).
    pub fn parse(input: &str) -> Result<Self, InputError> {
        let (mode_text, number_text) = match input.split_once(':') {
            Some((mode, number)) => (mode.trim(), Some(number)),
            None => (input.trim(), None),
        };
        let mode = RoutingMode::ALL
            .into_iter()
            .find(|mode| mode.key().eq_ignore_ascii_case(mode_text))
            .ok_or_else(|| InputError::UnknownRouting {
                input: crate::phone_number::shorten(input),
            })?;
        let number = match number_text {
            None => None,
            Some(_) if !mode.needs_number() => {
                return Err(InputError::RoutingTakesNoNumber);
            }
            Some(text) => Some(PhoneNumber::parse(text)?),
        };
        Ok(mode.with_number(number))
    }
}

impl fmt::Display for Routing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.number() {
            Some(number) => write!(f, "{}:{}", self.mode().key(), number),
            None => f.write_str(self.mode().key()),
        }
    }
}

/// Voicemail settings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voicemail {
    /// Unanswered calls go to the mailbox.
    pub enabled: bool,
    /// After a new message the system calls my extension back when it is idle.
    pub ringback: bool,
    /// A new message raises a notification.
    pub notification: bool,
    /// Where messages are played.
    pub playback: Playback,
    /// Which greeting callers hear.
    pub greeting: Greeting,
}

/// Where voicemail messages are listened to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Playback {
    /// On the desk phone.
    Phone,
    /// On the computer.
    Computer,
}

impl Playback {
    /// The key used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Computer => "computer",
        }
    }

    /// Parses `phone` or `computer`.
    pub fn parse(input: &str) -> Result<Self, InputError> {
        match input.trim().to_ascii_lowercase().as_str() {
            "phone" => Ok(Self::Phone),
            "computer" => Ok(Self::Computer),
            _ => Err(InputError::UnknownPlayback {
                input: crate::phone_number::shorten(input),
            }),
        }
    }
}

/// The active voicemail greeting: the system default or one of nine recorded ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Greeting {
    /// The system's default greeting.
    Default,
    /// A recorded greeting, numbered 1–9.
    Recorded(GreetingSlot),
}

/// The number of a recorded greeting, always in 1–9.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GreetingSlot(u8);

impl GreetingSlot {
    /// Lowest slot number.
    pub const FIRST: u8 = 1;
    /// Highest slot number.
    pub const LAST: u8 = 9;

    /// Makes a slot from 1–9.
    pub fn new(slot: u8) -> Result<Self, InputError> {
        if (Self::FIRST..=Self::LAST).contains(&slot) {
            Ok(Self(slot))
        } else {
            Err(InputError::UnknownGreeting {
                input: slot.to_string(),
            })
        }
    }

    /// The slot number, 1–9.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl Greeting {
    /// Every greeting in order: default, then 1–9.
    pub fn all() -> impl Iterator<Item = Greeting> {
        std::iter::once(Greeting::Default)
            .chain((GreetingSlot::FIRST..=GreetingSlot::LAST).map(|n| Greeting::Recorded(GreetingSlot(n))))
    }

    /// Parses `default` or a number 1–9.
    pub fn parse(input: &str) -> Result<Self, InputError> {
        let text = input.trim();
        if text.eq_ignore_ascii_case("default") {
            return Ok(Self::Default);
        }
        match text.parse::<u8>() {
            Ok(slot) => GreetingSlot::new(slot).map(Self::Recorded),
            Err(_) => Err(InputError::UnknownGreeting {
                input: crate::phone_number::shorten(input),
            }),
        }
    }
}

impl fmt::Display for Greeting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Default => f.write_str("default"),
            Self::Recorded(slot) => write!(f, "{}", slot.0),
        }
    }
}

impl Serialize for Greeting {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Greeting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Accepts `"default"`, `"3"` or `3`.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(u64),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Text(text) => Self::parse(&text).map_err(serde::de::Error::custom),
            Raw::Number(number) => u8::try_from(number)
                .map_err(|_| InputError::UnknownGreeting {
                    input: number.to_string(),
                })
                .and_then(GreetingSlot::new)
                .map(Self::Recorded)
                .map_err(serde::de::Error::custom),
        }
    }
}

impl Settings {
    /// The seed's Office profile: desk phone, voicemail on, pickup on.
    pub fn office_default() -> Self {
        Self {
            call_pickup: true,
            routing: Routing::DeskPhone,
            voicemail: Voicemail::default_on(),
        }
    }

    /// The seed's Mobile profile: twinning (number unset), voicemail on, pickup on.
    pub fn mobile_default() -> Self {
        Self {
            call_pickup: true,
            routing: Routing::Twinning { number: None },
            voicemail: Voicemail::default_on(),
        }
    }

    /// The seed's Home profile: forward (number unset), voicemail on, pickup off.
    pub fn home_default() -> Self {
        Self {
            call_pickup: false,
            routing: Routing::Forward { number: None },
            voicemail: Voicemail::default_on(),
        }
    }
}

impl Voicemail {
    /// Voicemail on with the default greeting, played on the phone, no ringback or notification.
    pub fn default_on() -> Self {
        Self {
            enabled: true,
            ringback: false,
            notification: false,
            playback: Playback::Phone,
            greeting: Greeting::Default,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_matches_the_documented_one() {
        let json = serde_json::to_string(&Settings::office_default()).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"call_pickup":true,"routing":{"mode":"desk_phone"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}}"#
        );
        let forward = Routing::parse("forward:+48 22 123").map(|r| serde_json::to_string(&r).unwrap_or_default());
        assert_eq!(
            forward.ok().as_deref(),
            Some(r#"{"mode":"forward","number":"+4822123"}"#)
        );
    }

    #[test]
    fn routing_parse() {
        assert_eq!(Routing::parse("desk_phone").ok(), Some(Routing::DeskPhone));
        assert_eq!(
            Routing::parse("Twinning").ok(),
            Some(Routing::Twinning { number: None })
        );
        assert!(Routing::parse("desk_phone:123").is_err());
        assert!(Routing::parse("teleport:123").is_err());
        assert!(Routing::parse("forward:12x").is_err());
    }

    #[test]
    fn greeting_parse_and_serde() {
        assert_eq!(Greeting::parse("default").ok(), Some(Greeting::Default));
        assert_eq!(Greeting::parse("9").map(|g| g.to_string()).ok().as_deref(), Some("9"));
        assert!(Greeting::parse("0").is_err());
        assert!(Greeting::parse("10").is_err());
        assert_eq!(serde_json::from_str::<Greeting>("3").ok(), Greeting::parse("3").ok());
        assert!(serde_json::from_str::<Greeting>("300").is_err());
        assert_eq!(Greeting::all().count(), 10);
    }
}
