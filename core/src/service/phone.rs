//! Talking to the phone system: activate a profile, or read and change it directly (bypassing profiles).

use crate::applicable::ApplicableSettings;
use crate::call_flow::RingTimes;
use crate::error::{CoreError, InputError, PhoneError, RuleError};
use crate::phone_number::PhoneNumber;
use crate::phone_system::call::CallWatch;
use crate::profile::{Profile, ProfileId};
use crate::setting_change::SettingChange;
use crate::settings::{Routing, Settings};

/// A telecommuter's outgoing call that the phone system has started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedCall {
    /// The telecommuter number, which rings first.
    pub remote: PhoneNumber,
    /// The number dialed once the telecommuter answers.
    pub target: PhoneNumber,
}

use super::{Callprofiles, phone_in};

impl Callprofiles {
    /// Applies a saved profile to the phone system (checked, written, read back) and records it as the
    /// last applied one. A profile whose mode lacks its number fails before anything is sent.
    pub(super) fn activate_profile(&mut self, id: &ProfileId) -> Result<Profile, CoreError> {
        let phone = phone_in(&mut self.phone)?;
        let state = self.store.load()?;
        let profile = state
            .book
            .get(id)
            .ok_or_else(|| RuleError::UnknownProfile { name: id.to_string() })?;
        let applicable = ApplicableSettings::check(&profile.name, &profile.settings)?;
        phone.apply(&applicable)?;
        self.store
            .update(|state| {
                // Remember it only if nobody deleted or changed it meanwhile.
                if state
                    .book
                    .get(&profile.id)
                    .is_some_and(|p| p.settings == profile.settings)
                {
                    state.last_applied = Some(profile.id.clone());
                }
                Ok(())
            })
            .map_err(|error| CoreError::AppliedButUnrecorded {
                profile: profile.name.clone(),
                source: Box::new(error),
            })?;
        Ok(profile)
    }

    /// Applies the profile `query` names (by id or name); see [`super::ProfileService::activate`].
    pub fn activate(&mut self, query: &str) -> Result<Profile, CoreError> {
        let id = self.find(query)?;
        self.activate_profile(&id)
    }

    /// Places a telecommuter's outgoing call to `target`: the phone system rings the telecommuter number
    /// first and, once it is answered, dials `target` showing the user's extension. Refused before
    /// anything is sent on the demo, or unless the live routing is Telecommuter with a number. The watch
    /// learns whether the telecommuter answered (it blocks: wait on it off the UI thread).
    pub(super) fn call_number(&mut self, target: &PhoneNumber) -> Result<(PlacedCall, Box<dyn CallWatch>), CoreError> {
        let phone = phone_in(&mut self.phone)?;
        if !phone.places_calls() {
            return Err(PhoneError::CallsUnsupported.into());
        }
        let Routing::Telecommuter { number: Some(remote) } = phone.read()?.routing else {
            return Err(RuleError::CallNeedsTelecommuter.into());
        };
        let watch = phone.place_call(target)?;
        Ok((
            PlacedCall {
                remote,
                target: target.clone(),
            },
            watch,
        ))
    }

    /// Places a telecommuter's call to `target` as typed (see [`super::ProfileService::call`]).
    pub fn call(&mut self, target: &str) -> Result<(PlacedCall, Box<dyn CallWatch>), CoreError> {
        let target = PhoneNumber::parse(target)?;
        self.call_number(&target)
    }

    /// The phone system's live settings.
    pub fn pbx_show(&mut self) -> Result<Settings, CoreError> {
        Ok(self.phone()?.read()?)
    }

    /// How many new voicemail messages wait in the user's mailbox (`None` on the built-in demo).
    pub fn new_messages(&mut self) -> Result<Option<u64>, CoreError> {
        Ok(self.phone()?.new_messages()?)
    }

    /// How long calls ring on the phone system, as known from its last read (unknown before one).
    pub fn ring_times(&self) -> RingTimes {
        self.phone
            .as_ref()
            .map_or(RingTimes::UNKNOWN, |phone| phone.ring_times())
    }

    /// Whether do-not-disturb was on when the phone system was last read (set on the phone; not a
    /// profile setting, so it never makes the live settings Detected).
    pub fn do_not_disturb(&self) -> bool {
        self.phone.as_ref().is_ok_and(|phone| phone.do_not_disturb())
    }

    /// The live settings for a background refresh: like [`Callprofiles::pbx_show`], but a phone system that
    /// cannot be reached gives up after one attempt (the next refresh tries again).
    pub fn pbx_poll(&mut self) -> Result<Settings, CoreError> {
        Ok(self.phone()?.poll()?)
    }

    /// Changes the phone system directly (all changes checked first), as a desk-phone feature code or an
    /// administrator would; saved profiles are untouched. Returns the new live settings.
    pub(super) fn change_live(&mut self, changes: &[SettingChange]) -> Result<Settings, CoreError> {
        let phone = phone_in(&mut self.phone)?;
        let live = phone.read()?;
        let wanted = SettingChange::apply_all(changes, &live);
        let mode = wanted.routing.mode();
        if mode.needs_number() && wanted.routing.number().is_none() {
            return Err(InputError::RoutingNeedsNumber { mode: mode.key() }.into());
        }
        let applicable = ApplicableSettings::check("phone system", &wanted)?;
        Ok(phone.apply(&applicable)?)
    }

    /// Changes the phone system directly from `KEY=VALUE` pairs (see [`super::ProfileService::change_live`]).
    pub fn pbx_set<S: AsRef<str>>(&mut self, pairs: &[S]) -> Result<Settings, CoreError> {
        let changes = SettingChange::parse_all(pairs)?;
        self.change_live(&changes)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{TestResult, broken, demo};
    use crate::error::{CoreError, InputError, PhoneError, RuleError};
    use crate::{BuiltIn, Routing, Settings};

    #[test]
    fn activate_applies_and_is_then_active() -> TestResult {
        let (_dir, mut app) = demo()?;
        app.set("mobile", &["routing=twinning:600 100 200"])?;
        let mobile = app.activate("Komórkowy")?;
        assert_eq!(mobile.id, BuiltIn::Mobile.id());
        assert_eq!(app.pbx_show()?.routing, Routing::parse("twinning:600100200")?);
        let status = app.status()?;
        assert_eq!(status.activity.active_id(), Some(&BuiltIn::Mobile.id()));
        assert_eq!(app.store().load()?.last_applied, Some(BuiltIn::Mobile.id()));
        Ok(())
    }

    #[test]
    fn activate_without_number_names_profile_and_changes_nothing() -> TestResult {
        let (dir, mut app) = demo()?;
        let error = app.activate("home").err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            error,
            "Profile \"Home\" forwards calls but has no forwarding number set: set it first."
        );
        assert!(!dir.path().join("phone-system.json").exists());
        assert!(!dir.path().join("profiles.json").exists());
        assert_eq!(app.pbx_show()?, Settings::office_default());
        Ok(())
    }

    #[test]
    fn activate_says_when_the_phone_took_it_but_noting_it_failed() -> TestResult {
        let (_dir, mut app) = super::super::test_support::damaging()?;
        app.set("mobile", &["routing=twinning:600100200"])?;
        let error = app.activate("mobile").err().ok_or("activate should fail")?;
        assert!(matches!(error, CoreError::AppliedButUnrecorded { .. }));
        assert!(
            error
                .to_string()
                .starts_with("The phone system now uses profile \"Mobile\""),
            "{error}"
        );
        assert_eq!(app.pbx_show()?.routing, Routing::parse("twinning:600100200")?);
        Ok(())
    }

    #[test]
    fn activate_on_a_failing_phone_records_nothing() -> TestResult {
        let (dir, mut app) = broken()?;
        assert!(matches!(
            app.activate("office"),
            Err(CoreError::Phone(PhoneError::Timeout { .. }))
        ));
        assert!(!dir.path().join("profiles.json").exists());
        assert!(matches!(
            app.activate("nope"),
            Err(CoreError::Rule(RuleError::UnknownProfile { .. }))
        ));
        Ok(())
    }

    #[test]
    fn pbx_set_changes_live_settings_only() -> TestResult {
        let (_dir, mut app) = demo()?;
        let live = app.pbx_set(&["routing=telecommuter:+1 555 0100", "voicemail.playback=computer"])?;
        assert_eq!(live.routing, Routing::parse("telecommuter:+15550100")?);
        assert_eq!(app.pbx_show()?, live);
        assert_eq!(app.show("office")?.0.settings, Settings::office_default());
        let status = app.status()?;
        assert!(status.activity.is_detected());
        let (nearest, differing) = status.nearest().ok_or("no nearest profile")?;
        assert_eq!(nearest.id, BuiltIn::Office.id());
        assert_eq!(differing, [crate::SettingKey::Routing, crate::SettingKey::Playback]);
        Ok(())
    }

    #[test]
    fn pbx_set_rejects_bad_pairs_and_missing_numbers() -> TestResult {
        let (dir, mut app) = demo()?;
        assert!(matches!(
            app.pbx_set(&["routing=forward"]),
            Err(CoreError::Input(InputError::RoutingNeedsNumber { mode: "forward" }))
        ));
        assert!(matches!(
            app.pbx_set(&["voicemail=on", "colour=red"]),
            Err(CoreError::Input(InputError::UnknownKey { .. }))
        ));
        assert!(!dir.path().join("phone-system.json").exists());
        Ok(())
    }
}
