//! `State`: everything a desktop shows of one user, as the server sends it (and pushes on change).

use serde::{Deserialize, Serialize};

use crate::call_flow::RingTimes;
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
    /// How long calls ring on the PBX (for the call-flow picture); unknown while the live settings were
    /// not read. Absent from older servers' states, which then read as unknown.
    #[serde(default)]
    pub ring_times: RingTimes,
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
    /// Automatic switching as the server runs it (null when it has no rules file for the user, or that
    /// file cannot be read; absent from older servers).
    #[serde(default)]
    pub automation: Option<super::WireAutomation>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call_flow::RingTime;

    #[test]
    fn ring_times_cross_and_an_older_servers_state_reads_them_as_unknown() -> Result<(), serde_json::Error> {
        let state = State {
            revision: 3,
            book: ProfileBook::default(),
            last_applied: None,
            live: Some(Settings::office_default()),
            activity: Some(WireActivity::Active(crate::profile::BuiltIn::Office.id())),
            new_messages: Some(0),
            do_not_disturb: true,
            mailbox_revision: 0,
            ring_times: RingTimes {
                single: RingTime::Seconds(25),
                together: RingTime::SystemDefault,
            },
            reachable: true,
            phone_system: "Asterisk".into(),
            extension: "201".into(),
            automation: None,
        };
        let mut json = serde_json::to_value(&state)?;
        assert_eq!(
            json["ring_times"],
            serde_json::json!({"single": {"seconds": 25}, "together": "system_default"})
        );
        assert_eq!(serde_json::from_value::<State>(json.clone())?, state);
        if let Some(fields) = json.as_object_mut() {
            fields.remove("ring_times");
            fields.remove("do_not_disturb");
        }
        let older = serde_json::from_value::<State>(json)?;
        assert_eq!((older.do_not_disturb, older.ring_times), (false, RingTimes::UNKNOWN));
        Ok(())
    }
}
