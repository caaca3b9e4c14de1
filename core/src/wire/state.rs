//! `State`: everything a desktop shows of one user, as the server sends it (and pushes on change).

use serde::{Deserialize, Serialize};

use crate::detection::Activity;
use crate::profile::ProfileId;
use crate::profile_book::ProfileBook;
use crate::settings::Settings;

/// One user's state: saved profiles, live settings, which profile they are, voicemail, reachability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Grows by one whenever anything below changes (per user, since the server started).
    pub revision: u64,
    /// The saved profiles (as in `profiles.json`).
    pub book: ProfileBook,
    /// The profile last applied through callprofiles.
    pub last_applied: Option<ProfileId>,
    /// The live settings on the PBX; null while it cannot be reached.
    pub live: Option<Settings>,
    /// The active profile or Detected; null while the PBX cannot be reached.
    pub activity: Option<WireActivity>,
    /// New voicemail messages; null when unknown.
    pub new_messages: Option<u64>,
    /// Do-not-disturb set on the phone (an observation; false unless the live settings were read).
    #[serde(default)]
    pub do_not_disturb: bool,
    /// Grows by one each time the server learns the mailbox changed (a message left, heard or deleted;
    /// a greeting uploaded or recorded): a desktop showing the messages lists them again.
    #[serde(default)]
    pub mailbox_revision: u64,
    /// Whether the server reaches the PBX.
    pub reachable: bool,
    /// One sentence naming the phone system (e.g. "Asterisk at pbx:5038, extension 201 (via server)").
    pub phone_system: String,
    /// The user's extension.
    pub extension: String,
}

impl State {
    /// The core activity, when known.
    pub fn core_activity(&self) -> Option<Activity> {
        self.activity.clone().map(Activity::from)
    }
}

/// `{"active": "<id>"}` or `{"detected": Settings}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WireActivity {
    /// A saved profile is live.
    Active(ProfileId),
    /// The live settings match no saved profile.
    Detected(Settings),
}

impl From<Activity> for WireActivity {
    fn from(activity: Activity) -> Self {
        match activity {
            Activity::Active(id) => Self::Active(id),
            Activity::Detected(settings) => Self::Detected(settings),
        }
    }
}

impl From<WireActivity> for Activity {
    fn from(activity: WireActivity) -> Self {
        match activity {
            WireActivity::Active(id) => Self::Active(id),
            WireActivity::Detected(settings) => Self::Detected(settings),
        }
    }
}
