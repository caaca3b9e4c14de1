//! The settings being edited in the form: typed text kept as typed, turned into core `Settings` on demand.

use callprofiles_core::{Greeting, InputError, PhoneNumber, Playback, ProfileId, RoutingMode, Settings, Voicemail};

/// An edit in progress of one profile's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The profile being edited.
    pub id: ProfileId,
    /// The saved settings the edit started from.
    pub base: Settings,
    /// Call pickup on/off.
    pub call_pickup: bool,
    /// The mobility mode.
    pub mode: RoutingMode,
    /// The number as typed (shared by the modes that take one); a saved number starts grouped for reading.
    pub number: String,
    /// Voicemail settings.
    pub voicemail: Voicemail,
}

impl Draft {
    /// Starts editing `settings` of profile `id`.
    pub fn new(id: ProfileId, settings: &Settings) -> Self {
        Self {
            id,
            base: settings.clone(),
            call_pickup: settings.call_pickup,
            mode: settings.routing.mode(),
            number: settings.routing.number().map(PhoneNumber::grouped).unwrap_or_default(),
            voicemail: settings.voicemail.clone(),
        }
    }

    /// The number as core parses it: `Ok(None)` when empty (allowed: the number is unset).
    pub fn parsed_number(&self) -> Result<Option<PhoneNumber>, InputError> {
        if self.number.trim().is_empty() {
            Ok(None)
        } else {
            PhoneNumber::parse(&self.number).map(Some)
        }
    }

    /// The settings as edited, or why they cannot be saved. The number only counts where the mode takes one.
    pub fn settings(&self) -> Result<Settings, InputError> {
        let number = if self.mode.needs_number() {
            self.parsed_number()?
        } else {
            None
        };
        Ok(Settings {
            call_pickup: self.call_pickup,
            routing: self.mode.with_number(number),
            voicemail: self.voicemail.clone(),
        })
    }

    /// Whether the edit differs from the saved settings (an invalid edit always counts as a change).
    pub fn dirty(&self) -> bool {
        self.settings().map_or(true, |settings| settings != self.base)
    }

    /// Whether the edit is valid and differs from the saved settings.
    pub fn savable(&self) -> bool {
        self.settings().is_ok_and(|settings| settings != self.base)
    }

    /// Every greeting, default first.
    pub fn greetings() -> Vec<Greeting> {
        Greeting::all().collect()
    }

    /// Both places to play messages.
    pub const PLAYBACKS: [Playback; 2] = [Playback::Phone, Playback::Computer];
}

#[cfg(test)]
mod tests {
    use super::*;
    use callprofiles_core::BuiltIn;

    #[test]
    fn unchanged_draft_is_clean_and_edits_are_dirty() {
        let mut draft = Draft::new(BuiltIn::Home.id(), &Settings::home_default());
        assert!(!draft.dirty());
        draft.number = "600 100 200".to_owned();
        assert!(draft.savable());
        draft.number = "600x".to_owned();
        assert!(draft.dirty());
        assert!(!draft.savable());
        assert!(draft.settings().is_err());
    }

    #[test]
    fn desk_phone_ignores_the_number() {
        let mut draft = Draft::new(BuiltIn::Office.id(), &Settings::office_default());
        draft.number = "bad".to_owned();
        assert!(!draft.dirty());
        draft.mode = RoutingMode::Forward;
        assert!(draft.settings().is_err());
    }
}
