//! The automation verbs of [`super::ProfileService`] over a local home: `automation.json` and
//! `history.json` beside `profiles.json`, switches through the same path as a click.

use std::path::PathBuf;

use jiff::{SignedDuration, Timestamp};

use crate::automation::{
    AutomationState, AutomationStep, AutomationStore, AutomationView, Decision, DisabledRule, HistoryEntry, Hold,
    Reason, Rules, Situation, Switch, Until, decide, next_change,
};
use crate::detection::detect;
use crate::error::{AutomationError, CoreError, RuleError, StoreError};
use crate::profile::{Profile, ProfileId};
use crate::profile_book::ProfileBook;

use super::Callprofiles;

/// The most addresses of a reported network kept (a computer has a handful).
const MAX_ADDRESSES: usize = 64;

/// The furthest an "until" may end.
const MAX_UNTIL: SignedDuration = SignedDuration::from_hours(366 * 24);

impl Callprofiles {
    /// The automation's files in this home.
    pub fn automation_store(&self) -> AutomationStore {
        AutomationStore::new(self.store.clone())
    }

    /// See [`super::ProfileService::automation`].
    pub(super) fn automation_view(&mut self, now: Timestamp) -> Result<AutomationView, CoreError> {
        let book = self.store.load()?.book;
        let state = self.automation_store().load()?;
        let decision = decision_of(now, &state, &book);
        let hold = state
            .hold
            .clone()
            .filter(|_| decision.as_ref().is_some_and(|d| is_held(&d.reason)));
        Ok(AutomationView {
            now,
            next: next_change(now, &state.rules, &state.situation, state.hold.as_ref(), &book),
            disabled: DisabledRule::of(&state.rules, &book),
            decision,
            hold,
            rules: state.rules,
            situation: state.situation,
        })
    }

    /// See [`super::ProfileService::save_rules`].
    pub(super) fn save_automation_rules(&mut self, rules: Rules, now: Timestamp) -> Result<AutomationStep, CoreError> {
        self.usable()?;
        let book = self.store.load()?.book;
        rules.check_with(&book)?;
        self.automation_store().update(|state| {
            state.rules = rules;
            Ok(())
        })?;
        self.automation_step(now)
    }

    /// See [`super::ProfileService::clear_hold`].
    pub(super) fn clear_automation_hold(&mut self, now: Timestamp) -> Result<AutomationStep, CoreError> {
        self.usable()?;
        self.automation_store().update(|state| {
            state.hold = None;
            Ok(())
        })?;
        self.automation_step(now)
    }

    /// See [`super::ProfileService::report_situation`].
    pub(super) fn keep_situation(
        &mut self,
        mut situation: Situation,
        now: Timestamp,
    ) -> Result<AutomationStep, CoreError> {
        self.usable()?;
        // A report crosses the network under a server: keep a sane number of addresses.
        if let Some(network) = situation.network.as_mut() {
            network.addresses.truncate(MAX_ADDRESSES);
        }
        self.automation_store().update(|state| {
            state.situation = situation;
            Ok(())
        })?;
        self.automation_step(now)
    }

    /// A click on a profile: applied now, and held until the rules' next change when there are rules.
    /// A damaged `automation.json` does not stop the click (it is reported where the rules are shown).
    pub(super) fn activate_by_click(&mut self, id: &ProfileId, now: Timestamp) -> Result<Profile, CoreError> {
        let profile = self.activate_profile(id)?;
        let store = self.automation_store();
        let has_rules = match store.load() {
            Ok(state) => !state.rules.is_empty() || state.hold.is_some(),
            Err(error) => {
                tracing::debug!(%error, "the click is not held: automation.json cannot be read");
                false
            }
        };
        if has_rules {
            let book = self.store.load()?.book;
            store
                .update(|state| {
                    let under = decide(now, &state.rules, &state.situation, None, &book);
                    state.hold = Some(Hold::Manual {
                        profile: id.clone(),
                        since: now,
                        under,
                    });
                    state.decided = Some(id.clone());
                    Ok(())
                })
                .map_err(|error| CoreError::AppliedButUnrecorded {
                    profile: profile.name.clone(),
                    source: Box::new(error),
                })?;
        }
        Ok(profile)
    }

    /// See [`super::ProfileService::activate_until`].
    pub(super) fn activate_profile_until(
        &mut self,
        id: &ProfileId,
        until: Until,
        now: Timestamp,
    ) -> Result<AutomationStep, CoreError> {
        self.usable()?;
        if until.ends <= now {
            return Err(AutomationError::UntilPassed {
                ends: until.ends.to_string(),
            }
            .into());
        }
        if now.checked_add(MAX_UNTIL).is_ok_and(|furthest| until.ends > furthest) {
            return Err(AutomationError::UntilTooFar {
                ends: until.ends.to_string(),
            }
            .into());
        }
        let book = self.store.load()?.book;
        if book.get(id).is_none() {
            return Err(RuleError::UnknownProfile { name: id.to_string() }.into());
        }
        // Fail before applying anything when the automation's file cannot be used.
        let store = self.automation_store();
        store.load()?;
        let previous = self.active_profile();
        let profile = self.activate_profile(id)?;
        let unrecorded = |error: CoreError| CoreError::AppliedButUnrecorded {
            profile: profile.name.clone(),
            source: Box::new(error),
        };
        let hold = Hold::Until {
            profile: id.clone(),
            until,
            previous: previous.clone(),
        };
        let state = store
            .update(|state| {
                state.hold = Some(hold);
                state.decided = Some(id.clone());
                Ok(state.clone())
            })
            .map_err(unrecorded)?;
        let reason = Reason::Until {
            ends: until.ends,
            then: until.then,
        };
        store
            .record(HistoryEntry {
                at: now,
                from: previous.clone(),
                to: id.clone(),
                reason: reason.clone(),
            })
            .map_err(|error| unrecorded(error.into()))?;
        Ok(AutomationStep {
            decision: Some(Decision {
                profile: id.clone(),
                reason: reason.clone(),
            }),
            switched: Some(Switch {
                from: previous,
                to: id.clone(),
                reason,
            }),
            next: next_change(now, &state.rules, &state.situation, state.hold.as_ref(), &book),
        })
    }

    /// See [`super::ProfileService::run_automation`].
    pub(super) fn automation_step(&mut self, now: Timestamp) -> Result<AutomationStep, CoreError> {
        self.usable()?;
        let book = self.store.load()?.book;
        let store = self.automation_store();
        let state = store.load()?;
        let decision = decision_of(now, &state, &book);
        let next = next_change(now, &state.rules, &state.situation, state.hold.as_ref(), &book);
        let hold_ended = state.hold.is_some() && !decision.as_ref().is_some_and(|d| is_held(&d.reason));
        let decided = decision.as_ref().map(|d| d.profile.clone());
        let mut switched = None;
        if let Some(wanted) = &decision
            && decided != state.decided
        {
            let from = self.active_profile();
            if from.as_ref() != Some(&wanted.profile) {
                self.activate_profile(&wanted.profile)?;
                let switch = Switch {
                    from,
                    to: wanted.profile.clone(),
                    reason: wanted.reason.clone(),
                };
                store.record(HistoryEntry {
                    at: now,
                    from: switch.from.clone(),
                    to: switch.to.clone(),
                    reason: switch.reason.clone(),
                })?;
                switched = Some(switch);
            }
        }
        store.update(|current| {
            // Only what this step saw: a click or new rules saved meanwhile are kept for the next step.
            if current.rules == state.rules && current.hold == state.hold && current.situation == state.situation {
                current.decided = decided;
                if hold_ended {
                    current.hold = None;
                }
            }
            Ok(())
        })?;
        Ok(AutomationStep {
            decision,
            switched,
            next,
        })
    }

    /// See [`super::ProfileService::move_damaged_automation_aside`].
    pub(super) fn move_automation_files_aside(&mut self) -> Result<Vec<PathBuf>, CoreError> {
        let store = self.automation_store();
        let mut moved = Vec::new();
        let damaged = |result: Result<(), StoreError>| {
            matches!(result, Err(StoreError::Corrupt { .. } | StoreError::Newer { .. }))
        };
        if damaged(store.load().map(drop)) {
            moved.push(store.move_aside(&store.path())?);
        }
        if damaged(store.history().map(drop)) {
            moved.push(store.move_aside(&store.history_path())?);
        }
        Ok(moved)
    }

    /// The active profile, from the live settings when they can be read, else the last applied one.
    fn active_profile(&mut self) -> Option<ProfileId> {
        let state = self.store.load().ok()?;
        match self.phone().and_then(|phone| Ok(phone.read()?)) {
            Ok(live) => detect(&state.book, state.last_applied.as_ref(), &live)
                .active_id()
                .cloned(),
            Err(_) => state.last_applied,
        }
    }
}

/// What the saved state decides at `now`.
fn decision_of(now: Timestamp, state: &AutomationState, book: &ProfileBook) -> Option<Decision> {
    decide(now, &state.rules, &state.situation, state.hold.as_ref(), book)
}

/// Whether a hold made this decision.
fn is_held(reason: &Reason) -> bool {
    matches!(reason, Reason::Manual | Reason::Until { .. })
}
