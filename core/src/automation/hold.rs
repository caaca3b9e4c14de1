//! A hold: the user's own choice, which the rules respect for a while.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::evaluate::Decision;
use crate::profile::ProfileId;

/// A profile the user chose, above every rule while it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Hold {
    /// A click on a profile: it holds until the rules below it change their decision (the next boundary
    /// of the schedule or an exception, another network, leaving the computer or coming back).
    Manual {
        /// The profile chosen.
        profile: ProfileId,
        /// When it was chosen.
        since: Timestamp,
        /// What the rules decided at that moment (`None`: no rule decided); once they decide
        /// something else, the hold ends.
        under: Option<Decision>,
    },
    /// "Until": a profile until a time, then back to the rules or to the profile active before.
    Until {
        /// The profile chosen.
        profile: ProfileId,
        /// When it ends, and what comes then.
        until: Until,
        /// The profile active when it was chosen (`None`: Detected or unknown); used by
        /// [`ReturnTo::Previous`].
        previous: Option<ProfileId>,
    },
}

impl Hold {
    /// The profile the hold chose.
    pub fn profile(&self) -> &ProfileId {
        match self {
            Self::Manual { profile, .. } | Self::Until { profile, .. } => profile,
        }
    }
}

/// The end of an "until" and what comes after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Until {
    /// When it ends.
    pub ends: Timestamp,
    /// What comes then.
    pub then: ReturnTo,
}

/// What follows an "until".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnTo {
    /// What the rules say (the schedule, a network…).
    #[default]
    Schedule,
    /// The profile active before the "until", held like a click until the rules' next boundary (the
    /// rules when that profile was Detected or is gone).
    Previous,
}

/// What the desktop reports about where the user is: its network and whether they left the computer.
/// A report is kept until the next (a laptop closed in the office stays "in the office, asleep"); a
/// server keeps each computer's and combines them (away only when all are: `server/src/automation/devices.rs`).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// The current network, when connected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<super::network::NetworkObservation>,
    /// Why the user is away from the computer (`None`: at it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away: Option<AwayCause>,
}

/// How the user left the computer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwayCause {
    /// The screen is locked.
    Locked,
    /// The computer sleeps (or is about to).
    Asleep,
}
