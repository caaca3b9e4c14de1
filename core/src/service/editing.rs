//! Changing saved profiles: create, rename, delete, set settings, and save Detected.

use crate::applicable::ApplicableSettings;
use crate::detection::{Activity, detect};
use crate::error::{CoreError, RuleError};
use crate::profile::{Profile, ProfileId, ProfileName};
use crate::profile_book::ProfileBook;
use crate::setting_change::SettingChange;
use crate::settings::Settings;

use super::{Callprofiles, DetectedTarget, SavedSettings, phone_in};

/// What `save-detected` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedDetected {
    /// The profile now holding the detected settings.
    pub profile: Profile,
    /// Whether it was created (else an existing profile was overwritten).
    pub created: bool,
}

/// The profile with `id`, which the caller has just created or changed.
fn profile_of(book: &ProfileBook, id: &ProfileId) -> Result<Profile, CoreError> {
    book.get(id)
        .ok_or_else(|| RuleError::UnknownProfile { name: id.to_string() }.into())
}

impl Callprofiles {
    /// Creates a custom profile `name`, with the settings of the profile `from`, or else the fresh Office
    /// defaults (desk phone, voicemail on, pickup on: a profile that always applies). To keep the phone
    /// system's current settings as a profile, use [`Self::save_detected`].
    pub(super) fn create_profile(
        &mut self,
        name: &ProfileName,
        from: Option<&ProfileId>,
    ) -> Result<Profile, CoreError> {
        self.usable()?;
        self.store.update(|state| {
            let settings = match from {
                Some(from) => profile_of(&state.book, from)?.settings,
                None => Settings::office_default(),
            };
            let id = state.book.create(name.as_str(), settings)?;
            profile_of(&state.book, &id)
        })
    }

    /// Renames a custom profile; returns its old name and the renamed profile.
    pub(super) fn rename_profile(
        &mut self,
        id: &ProfileId,
        name: &ProfileName,
    ) -> Result<(String, Profile), CoreError> {
        self.usable()?;
        self.store.update(|state| {
            let profile = profile_of(&state.book, id)?;
            state.book.rename(id, name.as_str())?;
            Ok((profile.name, profile_of(&state.book, id)?))
        })
    }

    /// Deletes a custom profile (forgetting it as the last applied one); returns it.
    pub(super) fn delete_profile(&mut self, id: &ProfileId) -> Result<Profile, CoreError> {
        self.usable()?;
        self.store.update(|state| {
            let removed = state.book.delete(id)?;
            if state.last_applied.as_ref() == Some(&removed.id) {
                state.last_applied = None;
            }
            Ok(removed)
        })
    }

    /// Replaces a profile's settings, and applies them when the profile is the active one (the live
    /// settings were its settings and it was the last applied).
    pub(super) fn save_profile_settings(
        &mut self,
        id: &ProfileId,
        settings: Settings,
    ) -> Result<SavedSettings, CoreError> {
        let phone = phone_in(&mut self.phone)?;
        let state = self.store.load()?;
        let active = match phone.read() {
            Ok(live) => detect(&state.book, state.last_applied.as_ref(), &live).active_id() == Some(id),
            // Unknown: the last applied one is taken for active, so applying says what is wrong.
            Err(_) => state.last_applied.as_ref() == Some(id),
        };
        let profile = self.store.update(|state| {
            state.book.set_settings(id, settings)?;
            profile_of(&state.book, id)
        })?;
        let applied = active && ApplicableSettings::check(&profile.name, &profile.settings).is_ok();
        if applied {
            self.activate_profile(id)?;
        }
        Ok(SavedSettings { profile, applied })
    }

    /// Changes some settings of a profile, read and written under the store's lock (so two changes of
    /// different settings at once both stay). The phone system is not touched: activate to apply.
    pub(super) fn change_profile_settings(
        &mut self,
        id: &ProfileId,
        changes: &[SettingChange],
    ) -> Result<Profile, CoreError> {
        self.usable()?;
        self.store.update(|state| {
            let profile = profile_of(&state.book, id)?;
            let settings = SettingChange::apply_all(changes, &profile.settings);
            state.book.set_settings(id, settings)?;
            profile_of(&state.book, id)
        })
    }

    /// Saves the Detected settings as a new custom profile or into an existing one; that profile becomes
    /// the active one and Detected disappears.
    pub(super) fn save_detected_to(&mut self, target: &DetectedTarget) -> Result<SavedDetected, CoreError> {
        let live = self.phone()?.read()?;
        self.store.update(|state| {
            if let Activity::Active(id) = detect(&state.book, state.last_applied.as_ref(), &live) {
                let profile = profile_of(&state.book, &id)?;
                return Err(RuleError::NothingDetected { profile: profile.name }.into());
            }
            let (id, created) = match target {
                DetectedTarget::Into(id) => {
                    state.book.set_settings(id, live.clone())?;
                    (id.clone(), false)
                }
                DetectedTarget::New(name) => (state.book.create(name.as_str(), live.clone())?, true),
            };
            state.last_applied = Some(id.clone());
            Ok(SavedDetected {
                profile: profile_of(&state.book, &id)?,
                created,
            })
        })
    }

    /// Creates a custom profile named `name`, starting from the profile `from` names (by id or name).
    pub fn create(&mut self, name: &str, from: Option<&str>) -> Result<Profile, CoreError> {
        let from = from.map(|query| self.find(query)).transpose()?;
        self.create_profile(&ProfileName::parse(name)?, from.as_ref())
    }

    /// Renames the custom profile `query` names (by id or name); returns its old name and the profile.
    pub fn rename(&mut self, query: &str, new_name: &str) -> Result<(String, Profile), CoreError> {
        let id = self.find(query)?;
        self.rename_profile(&id, &ProfileName::parse(new_name)?)
    }

    /// Deletes the custom profile `query` names (by id or name); returns it.
    pub fn delete(&mut self, query: &str) -> Result<Profile, CoreError> {
        let id = self.find(query)?;
        self.delete_profile(&id)
    }

    /// Changes settings of the profile `query` names from `KEY=VALUE` pairs, all checked before anything
    /// is written. The phone system is not touched: activate the profile to apply it.
    pub fn set<S: AsRef<str>>(&mut self, query: &str, pairs: &[S]) -> Result<Profile, CoreError> {
        let changes = SettingChange::parse_all(pairs)?;
        let id = self.find(query)?;
        self.change_profile_settings(&id, &changes)
    }

    /// Saves the Detected settings as a new custom profile `name`, or into the profile `name` names if
    /// one exists.
    pub fn save_detected(&mut self, name: &str) -> Result<SavedDetected, CoreError> {
        let target = DetectedTarget::named(&self.book()?, name)?;
        self.save_detected_to(&target)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{TestResult, demo};
    use crate::error::{CoreError, InputError, RuleError};
    use crate::{BuiltIn, Routing, Settings};

    #[test]
    fn create_defaults_to_office_or_copies_from() -> TestResult {
        let (_dir, mut app) = demo()?;
        let car = app.create(" Car ", None)?;
        assert_eq!((car.id.as_str(), car.name.as_str()), ("custom-1", "Car"));
        assert_eq!(car.settings, Settings::office_default());
        let bus = app.create("Bus", Some("domowy"))?;
        assert_eq!(bus.settings, Settings::home_default());
        assert!(matches!(
            app.create("Tram", Some("nope")),
            Err(CoreError::Rule(RuleError::UnknownProfile { .. }))
        ));
        assert_eq!(app.list()?.profiles.len(), 5);
        Ok(())
    }

    #[test]
    fn fifth_custom_fails_and_leaves_the_file_alone() -> TestResult {
        let (dir, mut app) = demo()?;
        for name in ["A", "B", "C", "D"] {
            app.create(name, None)?;
        }
        let before = std::fs::read(dir.path().join("profiles.json"))?;
        assert!(matches!(
            app.create("E", None),
            Err(CoreError::Rule(RuleError::TooManyCustom { .. }))
        ));
        assert_eq!(std::fs::read(dir.path().join("profiles.json"))?, before);
        Ok(())
    }

    #[test]
    fn rename_and_delete_follow_the_rules() -> TestResult {
        let (_dir, mut app) = demo()?;
        app.create("Car", None)?;
        let (old, renamed) = app.rename("car", "Van")?;
        assert_eq!((old.as_str(), renamed.name.as_str()), ("Car", "Van"));
        assert!(matches!(
            app.rename("office", "Work"),
            Err(CoreError::Rule(RuleError::BuiltinRename { .. }))
        ));
        assert!(matches!(
            app.rename("van", "Biurowy"),
            Err(CoreError::Rule(RuleError::NameReserved { .. }))
        ));
        assert!(matches!(
            app.delete("Komórkowy"),
            Err(CoreError::Rule(RuleError::BuiltinDelete { .. }))
        ));
        assert_eq!(app.delete("VAN")?.name, "Van");
        assert!(app.delete("van").is_err());
        Ok(())
    }

    #[test]
    fn deleting_the_last_applied_profile_forgets_it() -> TestResult {
        let (_dir, mut app) = demo()?;
        app.create("Twin", None)?;
        app.activate("twin")?;
        assert_eq!(
            app.status()?.active_profile().map(|p| p.name.clone()),
            Some("Twin".into())
        );
        app.delete("twin")?;
        assert_eq!(app.store().load()?.last_applied, None);
        assert_eq!(app.status()?.activity.active_id(), Some(&BuiltIn::Office.id()));
        Ok(())
    }

    #[test]
    fn set_validates_every_pair_first() -> TestResult {
        let (dir, mut app) = demo()?;
        let home = app.set("home", &["routing=forward:+48 (22) 123-45-67", "voicemail.greeting=2"])?;
        assert_eq!(home.settings.routing, Routing::parse("forward:+48221234567")?);
        assert_eq!(home.settings.voicemail.greeting.to_string(), "2");
        let before = std::fs::read(dir.path().join("profiles.json"))?;
        assert!(matches!(
            app.set("home", &["call_pickup=on", "routing=forward:12a"]),
            Err(CoreError::Input(InputError::NumberCharacter { character: 'a', .. }))
        ));
        assert!(app.set("nope", &["call_pickup=on"]).is_err());
        assert_eq!(std::fs::read(dir.path().join("profiles.json"))?, before);
        Ok(())
    }

    #[test]
    fn save_detected_as_new_or_into_existing() -> TestResult {
        let (_dir, mut app) = demo()?;
        assert!(matches!(
            app.save_detected("Car"),
            Err(CoreError::Rule(RuleError::NothingDetected { .. }))
        ));
        app.pbx_set(&["routing=forward:600100200"])?;
        assert!(app.status()?.activity.is_detected());
        let saved = app.save_detected("Car")?;
        assert!(saved.created);
        assert_eq!(
            app.status()?.active_profile().map(|p| p.id.clone()),
            Some(saved.profile.id)
        );
        app.pbx_set(&["call_pickup=off"])?;
        let into = app.save_detected("biurowy")?;
        assert!(!into.created);
        assert_eq!(into.profile.id, BuiltIn::Office.id());
        let status = app.status()?;
        assert_eq!(status.activity.active_id(), Some(&BuiltIn::Office.id()));
        assert!(!status.activity.is_detected());
        Ok(())
    }

    #[test]
    fn save_detected_respects_the_limit_and_reserved_names() -> TestResult {
        let (_dir, mut app) = demo()?;
        app.pbx_set(&["voicemail=off"])?;
        assert!(matches!(
            app.save_detected("Wykryte"),
            Err(CoreError::Rule(RuleError::NameReserved { .. }))
        ));
        for name in ["A", "B", "C", "D"] {
            app.create(name, None)?;
        }
        assert!(matches!(
            app.save_detected("E"),
            Err(CoreError::Rule(RuleError::TooManyCustom { .. }))
        ));
        assert!(app.status()?.activity.is_detected());
        Ok(())
    }
}
