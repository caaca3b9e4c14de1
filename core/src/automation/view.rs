//! What the automation verbs return: the whole picture for a screen, one step of a runner, history.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::evaluate::{Decision, NextChange, Reason};
use super::hold::{Hold, Situation};
use super::rules::{RuleRef, Rules};
use crate::profile::ProfileId;
use crate::profile_book::ProfileBook;

/// Everything a screen shows about automatic switching, read at one instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutomationView {
    /// The instant it was read at.
    pub now: Timestamp,
    /// The saved rules.
    pub rules: Rules,
    /// The user's hold, while it holds (an ended one is not shown).
    pub hold: Option<Hold>,
    /// The last situation reported by the desktop.
    pub situation: Situation,
    /// What the rules decide now (`None`: no rule applies; the profile stays as it is).
    pub decision: Option<Decision>,
    /// When the decided profile changes next ("Next: Home at 16:00, schedule").
    pub next: Option<NextChange>,
    /// Rules naming a profile that no longer exists: kept, but skipped until changed.
    pub disabled: Vec<DisabledRule>,
}

/// A rule skipped because the profile it names was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisabledRule {
    /// Which rule.
    pub rule: RuleRef,
    /// The missing profile.
    pub profile: ProfileId,
}

impl DisabledRule {
    /// The rules naming a profile `book` lacks.
    pub fn of(rules: &Rules, book: &ProfileBook) -> Vec<Self> {
        rules
            .named_profiles()
            .into_iter()
            .filter(|(_, id)| book.get(id).is_none())
            .map(|(rule, id)| Self {
                rule,
                profile: id.clone(),
            })
            .collect()
    }
}

/// What one run of the automation did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutomationStep {
    /// What the rules decide now.
    pub decision: Option<Decision>,
    /// The switch made, if the decided profile changed and was not already active.
    pub switched: Option<Switch>,
    /// When to run again at the latest (besides a change of the situation or the rules).
    pub next: Option<NextChange>,
}

/// A switch made by the automation (also what history keeps).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Switch {
    /// The profile active before (`None`: Detected or unknown).
    pub from: Option<ProfileId>,
    /// The profile applied.
    pub to: ProfileId,
    /// Why.
    pub reason: Reason,
}

/// One line of history: when, what, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When.
    pub at: Timestamp,
    /// The profile active before (`None`: Detected or unknown).
    pub from: Option<ProfileId>,
    /// The profile applied.
    pub to: ProfileId,
    /// Why: the rule, or the user's "until".
    pub reason: Reason,
}
