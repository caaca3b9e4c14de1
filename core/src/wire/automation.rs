//! The bodies of automatic switching (issue 13): the rules run on the server, so the desktop reads and
//! changes them here, and every `State` carries what the "Next:" line needs.

use serde::{Deserialize, Serialize};

use super::State;
use crate::automation::{
    AutomationStep, AutomationView, Decision, DisabledRule, HistoryEntry, Hold, NextChange, Rules, Situation, Until,
};
use crate::profile::ProfileId;

/// `POST /users/me/automation/until`: apply a profile until a time, then return as `until.then` says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UntilRequest {
    /// The saved profile to apply.
    pub profile: ProfileId,
    /// Its end and what follows.
    pub until: Until,
}

/// The answer to a change of the automation (rules, until, hold, situation): what the step did and the
/// user's state after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutomationChange {
    /// The run that followed the change (a switch it made, when the profile changes next).
    pub step: AutomationStep,
    /// The state after it.
    pub state: State,
}

/// `GET /users/me/automation/history`: the automatic switches and "until"s, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryResponse {
    /// At most core's `HISTORY_LIMIT` entries.
    pub entries: Vec<HistoryEntry>,
}

/// The automation as a `State` carries it: the view without the instant it was read at, so a state
/// changes (and is pushed) only when the rules, the hold, the situation or a decision does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireAutomation {
    /// The saved rules.
    pub rules: Rules,
    /// The user's hold, while it holds.
    pub hold: Option<Hold>,
    /// The last situation a desktop reported.
    pub situation: Situation,
    /// What the rules decide now.
    pub decision: Option<Decision>,
    /// When the decided profile changes next.
    pub next: Option<NextChange>,
    /// Rules naming a deleted profile.
    pub disabled: Vec<DisabledRule>,
}

impl From<AutomationView> for WireAutomation {
    fn from(view: AutomationView) -> Self {
        Self {
            rules: view.rules,
            hold: view.hold,
            situation: view.situation,
            decision: view.decision,
            next: view.next,
            disabled: view.disabled,
        }
    }
}

impl WireAutomation {
    /// The view as of `now`.
    pub fn at(self, now: jiff::Timestamp) -> AutomationView {
        AutomationView {
            now,
            rules: self.rules,
            hold: self.hold,
            situation: self.situation,
            decision: self.decision,
            next: self.next,
            disabled: self.disabled,
        }
    }
}
