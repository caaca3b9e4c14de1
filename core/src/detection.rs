//! Which profile is active given the phone system's live settings, or Detected when none matches.

use crate::profile::{Profile, ProfileId};
use crate::profile_book::ProfileBook;
use crate::setting_change::SettingKey;
use crate::settings::Settings;

/// What the phone system is doing, in terms of profiles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activity {
    /// The live settings equal this saved profile's.
    Active(ProfileId),
    /// The live settings match no saved profile (the Detected profile).
    Detected(Settings),
}

impl Activity {
    /// The active profile's id, if a saved profile is active.
    pub fn active_id(&self) -> Option<&ProfileId> {
        match self {
            Self::Active(id) => Some(id),
            Self::Detected(_) => None,
        }
    }

    /// Whether the Detected profile is shown.
    pub fn is_detected(&self) -> bool {
        matches!(self, Self::Detected(_))
    }
}

/// Decides the activity: the last applied profile if the live settings still equal it; otherwise the
/// first saved profile (built-ins in order, then custom in creation order) equal to them; otherwise
/// Detected carrying the live settings.
pub fn detect(book: &ProfileBook, last_applied: Option<&ProfileId>, live: &Settings) -> Activity {
    let profiles = book.profiles();
    let last = last_applied.and_then(|id| profiles.iter().find(|p| &p.id == id));
    if let Some(profile) = last.filter(|p| &p.settings == live) {
        return Activity::Active(profile.id.clone());
    }
    match profiles.iter().find(|p| &p.settings == live) {
        Some(profile) => Activity::Active(profile.id.clone()),
        None => Activity::Detected(live.clone()),
    }
}

/// The settings in which `a` and `b` differ, in form order.
pub fn differences(a: &Settings, b: &Settings) -> Vec<SettingKey> {
    SettingKey::ALL
        .into_iter()
        .filter(|key| key.value_of(a) != key.value_of(b))
        .collect()
}

/// The saved profile that differs from `live` in the fewest settings (first one on a tie),
/// with those differences.
pub fn nearest(book: &ProfileBook, live: &Settings) -> Option<(Profile, Vec<SettingKey>)> {
    book.profiles()
        .into_iter()
        .map(|profile| {
            let diff = differences(&profile.settings, live);
            (profile, diff)
        })
        .min_by_key(|(_, diff)| diff.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phone_number::PhoneNumber;
    use crate::profile::BuiltIn;
    use crate::settings::Routing;

    #[test]
    fn fresh_live_office_is_active() {
        let book = ProfileBook::default();
        assert_eq!(
            detect(&book, None, &Settings::office_default()),
            Activity::Active(BuiltIn::Office.id())
        );
    }

    #[test]
    fn last_applied_wins_over_first_match() -> Result<(), crate::CoreError> {
        let mut book = ProfileBook::default();
        let twin = book.create("Twin", Settings::office_default())?;
        let live = Settings::office_default();
        assert_eq!(detect(&book, Some(&twin), &live), Activity::Active(twin));
        Ok(())
    }

    #[test]
    fn unmatched_live_settings_are_detected_with_differences() -> Result<(), crate::CoreError> {
        let book = ProfileBook::default();
        let mut live = Settings::office_default();
        live.routing = Routing::Forward {
            number: Some(PhoneNumber::parse("123456")?),
        };
        let activity = detect(&book, Some(&BuiltIn::Office.id()), &live);
        assert_eq!(activity, Activity::Detected(live.clone()));
        let (profile, diff) =
            nearest(&book, &live).ok_or_else(|| crate::RuleError::UnknownProfile { name: String::new() })?;
        assert_eq!(profile.id, BuiltIn::Office.id());
        assert_eq!(diff, vec![SettingKey::Routing]);
        Ok(())
    }
}
