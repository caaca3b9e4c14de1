//! Settings that can be sent to a phone system: a routing that needs a number always has one.

use crate::error::RuleError;
use crate::phone_number::PhoneNumber;
use crate::settings::{Routing, Settings, Voicemail};

/// A routing whose number is present wherever the mode needs one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompleteRouting {
    /// Desk phone only.
    DeskPhone,
    /// Forward to the number.
    Forward(PhoneNumber),
    /// Desk phone and the number at once.
    Twinning(PhoneNumber),
    /// Telecommuter at the number.
    Telecommuter(PhoneNumber),
}

impl CompleteRouting {
    /// The routing as a plain [`Routing`].
    pub fn to_routing(&self) -> Routing {
        match self {
            Self::DeskPhone => Routing::DeskPhone,
            Self::Forward(n) => Routing::Forward {
                number: Some(n.clone()),
            },
            Self::Twinning(n) => Routing::Twinning {
                number: Some(n.clone()),
            },
            Self::Telecommuter(n) => Routing::Telecommuter {
                number: Some(n.clone()),
            },
        }
    }
}

/// Settings checked to be complete enough to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicableSettings {
    /// Call pickup on/off.
    pub call_pickup: bool,
    /// Where calls ring, with its number.
    pub routing: CompleteRouting,
    /// Voicemail settings.
    pub voicemail: Voicemail,
}

impl ApplicableSettings {
    /// Checks `settings` of the profile named `profile`; a mode lacking its number fails with a
    /// sentence naming the profile and the missing number.
    pub fn check(profile: &str, settings: &Settings) -> Result<Self, RuleError> {
        let missing = |what, number_kind| RuleError::MissingNumber {
            profile: profile.to_owned(),
            what,
            number_kind,
        };
        let routing = match &settings.routing {
            Routing::DeskPhone => CompleteRouting::DeskPhone,
            Routing::Forward { number: Some(n) } => CompleteRouting::Forward(n.clone()),
            Routing::Twinning { number: Some(n) } => CompleteRouting::Twinning(n.clone()),
            Routing::Telecommuter { number: Some(n) } => CompleteRouting::Telecommuter(n.clone()),
            Routing::Forward { number: None } => return Err(missing("forwards calls", "forwarding number")),
            Routing::Twinning { number: None } => {
                return Err(missing("rings your desk and mobile phones together", "mobile number"));
            }
            Routing::Telecommuter { number: None } => {
                return Err(missing("routes calls to a telecommuter number", "telecommuter number"));
            }
        };
        Ok(Self {
            call_pickup: settings.call_pickup,
            routing,
            voicemail: settings.voicemail.clone(),
        })
    }

    /// Back to plain [`Settings`].
    pub fn to_settings(&self) -> Settings {
        Settings {
            call_pickup: self.call_pickup,
            routing: self.routing.to_routing(),
            voicemail: self.voicemail.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_number_names_profile_and_number() {
        let error = ApplicableSettings::check("Home", &Settings::home_default())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("Profile \"Home\" forwards calls but has no forwarding number set: set it first.")
        );
        let office = ApplicableSettings::check("Office", &Settings::office_default()).map(|a| a.to_settings());
        assert_eq!(office.ok(), Some(Settings::office_default()));
    }
}
