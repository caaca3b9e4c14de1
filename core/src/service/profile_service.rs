//! [`ProfileService`]: the verbs a screen or a command uses, typed, once. `Callprofiles` implements them
//! over a local home; a remote implementation can forward each verb to callprofiles-server. Every verb
//! takes ids and checked types (never a `KEY=VALUE` string or a name to be looked up again), and reports
//! a failure as a typed [`CoreError`], so each caller words it in the user's language.

use std::path::{Path, PathBuf};

use crate::automation::{AutomationStep, AutomationView, HistoryEntry, Rules, Situation, Until};
use crate::call_flow::RingTimes;
use crate::config::PhoneSystemConfig;
use crate::detection::{Activity, detect};
use crate::error::{AudioError, AutomationError, CoreError, PhoneError, StoreError};
use crate::phone_number::PhoneNumber;
use crate::phone_system::PhoneSystemDescription;
use crate::phone_system::asterisk::AmiSecret;
use crate::phone_system::call::CallWatch;
use crate::profile::{Profile, ProfileId, ProfileName};
use crate::profile_book::ProfileBook;
use crate::setting_change::SettingChange;
use crate::settings::GreetingSlot;
use crate::settings::Settings;
use crate::store::StoreState;
use crate::transfer::ImportReport;
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};
use crate::wire::UserLanguage;

use super::{Callprofiles, Overview, PlacedCall, SavedDetected, Status};

/// What a screen shows, read in one go: each part that could not be read says why, so one failure hides
/// nothing else.
#[derive(Debug)]
pub struct Snapshot {
    /// The saved profiles and the last applied one, or why `profiles.json` cannot be used.
    pub store: Result<StoreState, StoreError>,
    /// The phone system's live settings, or why they cannot be read.
    pub live: Result<Settings, CoreError>,
    /// The active profile or Detected, when both the profiles and the live settings were read.
    pub activity: Option<Activity>,
    /// New voicemail messages, when the phone system has a mailbox and it could be asked.
    pub new_messages: Option<u64>,
    /// Under a server, a number that grows on every change of the mailbox made anywhere (a message
    /// arrived, heard or deleted; a greeting recorded or uploaded), so a window re-reads its list and
    /// greetings when a change leaves the new count as it was. `None` where nobody counts changes.
    pub mailbox_revision: Option<u64>,
    /// Whether do-not-disturb is on, set on the phone (an observation, not a setting; false unless the
    /// live settings were read).
    pub do_not_disturb: bool,
    /// How long calls ring on the phone system, as far as its last read tells (for the call-flow picture;
    /// unknown unless the live settings were read).
    pub ring_times: RingTimes,
    /// The phone system, when it could be opened.
    pub phone_system: Option<PhoneSystemDescription>,
    /// The configured phone system, when it was opened from `config.json`.
    pub connection: Option<PhoneSystemConfig>,
    /// Whether the phone system has been read since it was opened: a failure after that is a lost
    /// connection being retried, not a wrong configuration.
    pub reached: bool,
}

/// Where `save_detected` puts the Detected settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetectedTarget {
    /// A new custom profile with this name.
    New(ProfileName),
    /// This existing profile, whose settings they replace.
    Into(ProfileId),
}

impl DetectedTarget {
    /// What the command line means by a name: the profile it names (by id or name, built-ins also by
    /// their Polish names), else a new profile of that name.
    pub fn named(book: &ProfileBook, name: &str) -> Result<Self, CoreError> {
        match book.find(name) {
            Ok(existing) => Ok(Self::Into(existing.id)),
            Err(_) => Ok(Self::New(ProfileName::parse(name)?)),
        }
    }
}

/// What `save_settings` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedSettings {
    /// The profile with its new settings.
    pub profile: Profile,
    /// Whether they were also applied (the profile was the active one).
    pub applied: bool,
}

/// What `connect` switched to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connected {
    /// The configuration now saved in `config.json` (an Asterisk's names the secret file when a secret
    /// was given).
    pub config: PhoneSystemConfig,
    /// The live settings read while testing the connection (`None` for the built-in demo).
    pub live: Option<Settings>,
}

/// The verbs of callprofiles over one user's profiles and phone system, for the CLI, the window's worker
/// and the server. Implementations: `Callprofiles` (a local home); a remote one forwards each verb.
///
/// Every verb runs to its end before it returns (it may wait on the phone system: call it off a UI
/// thread). A verb that fails has changed nothing, unless its error says otherwise
/// ([`CoreError::AppliedButUnrecorded`]).
pub trait ProfileService: Send {
    /// Re-reads everything a screen shows. Never waits out a phone system's retries (one attempt per
    /// call: the next call tries again); follows a changed `config.json` first.
    fn snapshot(&mut self) -> Snapshot;

    /// The live settings, which profile they are, and the saved profiles (`status`); fails when the
    /// phone system cannot be read (after its full retries).
    fn status(&mut self) -> Result<Status, CoreError>;

    /// Every saved profile, and which is active if the phone system can be read (`list`).
    fn list(&mut self) -> Result<Overview, CoreError>;

    /// The saved profiles (the phone system is not asked): what the command line resolves names in.
    fn book(&mut self) -> Result<ProfileBook, CoreError>;

    /// How the phone system describes itself (`None` when it could not be opened).
    fn phone_system(&self) -> Option<PhoneSystemDescription>;

    /// Whether do-not-disturb was on when the phone system was last read (set on the phone, e.g.
    /// FreePBX's `*78`; not a profile setting, so it never makes the live settings Detected).
    fn do_not_disturb(&self) -> bool;

    /// How long calls ring on the phone system, as far as its last read tells (the call flow); unknown
    /// where it cannot tell.
    fn ring_times(&self) -> RingTimes {
        RingTimes::UNKNOWN
    }

    /// Whether a watch on the home's files sees every change this service can report (the built-in
    /// demo keeps its live settings there), so that polling can be rare.
    fn reads_only_home_files(&self) -> bool;

    /// Applies the profile to the phone system (checked, written, read back) and records it as the last
    /// applied one; returns it. A profile whose mode lacks its number fails before anything is sent.
    /// When automation rules exist, the click holds until the rules' next change ([`crate::automation`]).
    fn activate(&mut self, id: &ProfileId) -> Result<Profile, CoreError>;

    /// Replaces the profile's settings; when it is the active one they are applied too.
    fn save_settings(&mut self, id: &ProfileId, settings: Settings) -> Result<SavedSettings, CoreError>;

    /// Changes some of the profile's settings, read and written at once (two changes of different
    /// settings at the same time both stay). The phone system is not touched.
    fn change_settings(&mut self, id: &ProfileId, changes: &[SettingChange]) -> Result<Profile, CoreError>;

    /// Creates a custom profile with the settings of `from`, or the fresh Office defaults; returns it.
    fn create(&mut self, name: &ProfileName, from: Option<&ProfileId>) -> Result<Profile, CoreError>;

    /// Renames a custom profile; returns its old name and the renamed profile.
    fn rename(&mut self, id: &ProfileId, name: &ProfileName) -> Result<(String, Profile), CoreError>;

    /// Deletes a custom profile (forgetting it as the last applied one); returns it.
    fn delete(&mut self, id: &ProfileId) -> Result<Profile, CoreError>;

    /// Saves the Detected settings into `target`, which becomes the active profile; fails when the live
    /// settings are a saved profile (nothing is Detected).
    fn save_detected(&mut self, target: &DetectedTarget) -> Result<SavedDetected, CoreError>;

    /// Moves a damaged `profiles.json` aside (kept, never deleted); returns where it went.
    fn move_damaged_aside(&mut self) -> Result<PathBuf, CoreError>;

    /// Writes every saved profile to the file at `path` (never one of callprofiles' own); returns how many.
    fn export(&mut self, path: &Path) -> Result<usize, CoreError>;

    /// Reads the whole file at `path`, then replaces every profile at once (all or nothing).
    fn import(&mut self, path: &Path) -> Result<ImportReport, CoreError>;

    /// The phone system's live settings (after its full retries).
    fn live(&mut self) -> Result<Settings, CoreError>;

    /// New voicemail messages in the user's mailbox (`None` when the phone system has none).
    fn new_messages(&mut self) -> Result<Option<u64>, CoreError>;

    /// Changes the phone system directly, bypassing profiles (saved profiles are untouched); returns the
    /// new live settings. A routing that needs a number and has none fails before anything is sent.
    fn change_live(&mut self, changes: &[SettingChange]) -> Result<Settings, CoreError>;

    /// Places a telecommuter's call to `target` (the telecommuter phone rings first); the watch learns
    /// whether the telecommuter answered and blocks until then. Refused unless the live routing is
    /// Telecommuter with a number, and on a phone system that cannot place calls.
    fn call(&mut self, target: &PhoneNumber) -> Result<(PlacedCall, Box<dyn CallWatch>), CoreError>;

    /// Every message in the user's mailbox, new and heard, newest first.
    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, CoreError> {
        Err(PhoneError::VoicemailUnsupported.into())
    }

    /// Marks message `id` heard (INBOX → Old); a heard message stays heard.
    fn mark_heard(&mut self, _id: &MessageId) -> Result<(), CoreError> {
        Err(PhoneError::VoicemailUnsupported.into())
    }

    /// Deletes message `id`.
    fn delete_message(&mut self, _id: &MessageId) -> Result<(), CoreError> {
        Err(PhoneError::VoicemailUnsupported.into())
    }

    /// Rings the phone where calls now go (desk phone or telecommuter number) and plays message `id`.
    fn play_on_phone(&mut self, _id: &MessageId) -> Result<(), CoreError> {
        Err(PhoneError::PlayOnPhoneUnsupported.into())
    }

    /// Which greetings 1–9 are recorded in the user's mailbox.
    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, CoreError> {
        Err(PhoneError::VoicemailUnsupported.into())
    }

    /// Rings the phone where calls now go and records greeting `slot` there after a beep.
    fn record_greeting(&mut self, _slot: GreetingSlot) -> Result<(), CoreError> {
        Err(PhoneError::RecordByPhoneUnsupported.into())
    }

    /// Message `id`'s recording as the bytes of a PCM WAV file, to play on the computer. Only a
    /// callprofiles server (which reads the PBX's mailbox files) and the built-in demo have it; otherwise
    /// [`AudioError::NeedsServer`] (the window says playing on the computer needs callprofiles-server).
    fn message_audio(&mut self, _id: &MessageId) -> Result<Vec<u8>, CoreError> {
        Err(PhoneError::Audio(AudioError::NeedsServer).into())
    }

    /// Greeting `slot` as the bytes of a PCM WAV file ([`AudioError::GreetingNotRecorded`] when it is not
    /// recorded); [`AudioError::NeedsServer`] as for [`Self::message_audio`].
    fn greeting_audio(&mut self, _slot: GreetingSlot) -> Result<Vec<u8>, CoreError> {
        Err(PhoneError::Audio(AudioError::NeedsServer).into())
    }

    /// Replaces greeting `slot` with the WAV file `wav` (any PCM WAV: it is converted to the 8 kHz mono
    /// 16-bit PCM the PBX plays); [`AudioError::NeedsServer`] as for [`Self::message_audio`].
    fn upload_greeting(&mut self, _slot: GreetingSlot, _wav: &[u8]) -> Result<(), CoreError> {
        Err(PhoneError::Audio(AudioError::NeedsServer).into())
    }

    /// The greeting `profile` chooses when it is not recorded (callers would hear the system greeting):
    /// what the form and Activate warn about.
    fn unrecorded_greeting(&mut self, profile: &Profile) -> Result<Option<GreetingSlot>, CoreError> {
        Ok(self.recorded_greetings()?.missing(profile.settings.voicemail.greeting))
    }

    /// Automatic switching as a screen shows it, at this instant: the rules, the hold while it holds,
    /// the last situation, what the rules decide now, when the profile changes next, and the rules
    /// disabled because their profile was deleted. See [`crate::automation`] for the semantics.
    fn automation(&mut self) -> Result<AutomationView, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// Checks `rules` whole ([`Rules::check_with`]: every profile named must exist) and saves them, then
    /// runs the automation at once (a switch the new rules call for happens now).
    fn save_rules(&mut self, _rules: Rules) -> Result<AutomationStep, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// Applies profile `id` now and holds it until `until.ends` (in the future, at most a year away),
    /// then returns as `until.then` says; kept in the history.
    fn activate_until(&mut self, _id: &ProfileId, _until: Until) -> Result<AutomationStep, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// Ends the user's hold (click or "until"): the rules decide again, at once.
    fn clear_hold(&mut self) -> Result<AutomationStep, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// Keeps what the desktop sees (network, away) and runs the automation at once.
    fn report_situation(&mut self, _situation: Situation) -> Result<AutomationStep, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// One step of a runner at `now`: evaluates; when the decided profile changed since the last step
    /// and is not the active one, applies it through the same path as a click and records it in the
    /// history; ends a hold that has ended. Call it again at the returned `next.at` (and after an error,
    /// after a pause of your choosing: nothing was recorded, so the step is retried).
    fn run_automation(&mut self, _now: jiff::Timestamp) -> Result<AutomationStep, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// Whether the rules run elsewhere: a callprofiles server runs them (with this computer closed
    /// too), so a runner on the desktop must not — there `run_automation` switches nothing and only
    /// answers the server's view, and `report_situation` is how the desktop takes part.
    fn automation_runs_remotely(&self) -> bool {
        false
    }

    /// The switches made automatically or by "until", newest first (at most 500).
    fn history(&mut self) -> Result<Vec<HistoryEntry>, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// Tells the phone system the language the user reads, for what it writes to them on its own (a
    /// callprofiles server's e-mail of new voicemail). Without a server the language is only the app's:
    /// nothing to tell, so this does nothing.
    fn tell_language(&mut self, _language: UserLanguage) -> Result<(), CoreError> {
        Ok(())
    }

    /// Moves a damaged (or newer) `automation.json` and/or `history.json` aside, kept, never deleted;
    /// returns where they went (empty when neither was damaged).
    fn move_damaged_automation_aside(&mut self) -> Result<Vec<PathBuf>, CoreError> {
        Err(AutomationError::Unavailable.into())
    }

    /// Tests the phone system `config` names and only then saves it and switches to it (a `secret`
    /// typed by the user is saved owner-only beside `config.json`); on failure nothing changes.
    fn connect(&mut self, config: PhoneSystemConfig, secret: Option<AmiSecret>) -> Result<Connected, CoreError>;

    /// As [`Self::connect`], but when `cancelled()` holds before anything is saved (the user stopped waiting
    /// for a test that can take seconds), saves and switches nothing and returns `None`. By default the
    /// flag is only looked at before connecting.
    fn connect_unless(
        &mut self,
        config: PhoneSystemConfig,
        secret: Option<AmiSecret>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Option<Connected>, CoreError> {
        if cancelled() {
            return Ok(None);
        }
        self.connect(config, secret).map(Some)
    }
}

impl ProfileService for Callprofiles {
    fn snapshot(&mut self) -> Snapshot {
        self.follow_config();
        let live = self.pbx_poll();
        if live.is_ok() {
            self.reached = true;
        }
        let new_messages = match &live {
            // A failure to count is logged and shows as no count: the settings, which matter more, were read.
            Ok(_) => self
                .new_messages()
                .inspect_err(|error| tracing::debug!(%error, "cannot count new voicemail messages"))
                .ok()
                .flatten(),
            Err(_) => None,
        };
        let do_not_disturb = live.is_ok() && Self::do_not_disturb(self);
        let ring_times = if live.is_ok() {
            Self::ring_times(self)
        } else {
            RingTimes::UNKNOWN
        };
        let store = self.store.load();
        let activity = match (&store, &live) {
            (Ok(state), Ok(live)) => Some(detect(&state.book, state.last_applied.as_ref(), live)),
            _ => None,
        };
        Snapshot {
            store,
            live,
            activity,
            new_messages,
            mailbox_revision: None,
            do_not_disturb,
            ring_times,
            phone_system: Self::phone_system(self),
            connection: self.configured().cloned(),
            reached: self.reached,
        }
    }

    fn status(&mut self) -> Result<Status, CoreError> {
        Self::status(self)
    }

    fn list(&mut self) -> Result<Overview, CoreError> {
        Self::list(self)
    }

    fn book(&mut self) -> Result<ProfileBook, CoreError> {
        self.usable()?;
        Self::book(self)
    }

    fn phone_system(&self) -> Option<PhoneSystemDescription> {
        Self::phone_system(self)
    }

    fn do_not_disturb(&self) -> bool {
        Self::do_not_disturb(self)
    }

    fn ring_times(&self) -> RingTimes {
        Self::ring_times(self)
    }

    fn reads_only_home_files(&self) -> bool {
        Self::phone_system(self).is_some_and(|phone| phone.kind == crate::phone_system::PhoneSystemKind::Demo)
    }

    fn activate(&mut self, id: &ProfileId) -> Result<Profile, CoreError> {
        self.activate_by_click(id, jiff::Timestamp::now())
    }

    fn save_settings(&mut self, id: &ProfileId, settings: Settings) -> Result<SavedSettings, CoreError> {
        self.save_profile_settings(id, settings)
    }

    fn change_settings(&mut self, id: &ProfileId, changes: &[SettingChange]) -> Result<Profile, CoreError> {
        self.change_profile_settings(id, changes)
    }

    fn create(&mut self, name: &ProfileName, from: Option<&ProfileId>) -> Result<Profile, CoreError> {
        self.create_profile(name, from)
    }

    fn rename(&mut self, id: &ProfileId, name: &ProfileName) -> Result<(String, Profile), CoreError> {
        self.rename_profile(id, name)
    }

    fn delete(&mut self, id: &ProfileId) -> Result<Profile, CoreError> {
        self.delete_profile(id)
    }

    fn save_detected(&mut self, target: &DetectedTarget) -> Result<SavedDetected, CoreError> {
        self.save_detected_to(target)
    }

    fn move_damaged_aside(&mut self) -> Result<PathBuf, CoreError> {
        self.usable()?;
        Ok(Self::move_damaged_aside(self)?)
    }

    fn export(&mut self, path: &Path) -> Result<usize, CoreError> {
        Self::export(self, path)
    }

    fn import(&mut self, path: &Path) -> Result<ImportReport, CoreError> {
        Self::import(self, path)
    }

    fn live(&mut self) -> Result<Settings, CoreError> {
        self.pbx_show()
    }

    fn new_messages(&mut self) -> Result<Option<u64>, CoreError> {
        Self::new_messages(self)
    }

    fn change_live(&mut self, changes: &[SettingChange]) -> Result<Settings, CoreError> {
        Self::change_live(self, changes)
    }

    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, CoreError> {
        Self::voicemail_messages(self)
    }

    fn mark_heard(&mut self, id: &MessageId) -> Result<(), CoreError> {
        Self::mark_heard(self, id)
    }

    fn delete_message(&mut self, id: &MessageId) -> Result<(), CoreError> {
        Self::delete_message(self, id)
    }

    fn play_on_phone(&mut self, id: &MessageId) -> Result<(), CoreError> {
        Self::play_on_phone(self, id)
    }

    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, CoreError> {
        Self::recorded_greetings(self)
    }

    fn record_greeting(&mut self, slot: GreetingSlot) -> Result<(), CoreError> {
        Self::record_greeting(self, slot)
    }

    fn message_audio(&mut self, id: &MessageId) -> Result<Vec<u8>, CoreError> {
        Self::message_audio(self, id)
    }

    fn greeting_audio(&mut self, slot: GreetingSlot) -> Result<Vec<u8>, CoreError> {
        Self::greeting_audio(self, slot)
    }

    fn upload_greeting(&mut self, slot: GreetingSlot, wav: &[u8]) -> Result<(), CoreError> {
        Self::upload_greeting(self, slot, wav)
    }

    fn call(&mut self, target: &PhoneNumber) -> Result<(PlacedCall, Box<dyn CallWatch>), CoreError> {
        self.call_number(target)
    }

    fn automation(&mut self) -> Result<AutomationView, CoreError> {
        self.automation_view(jiff::Timestamp::now())
    }

    fn save_rules(&mut self, rules: Rules) -> Result<AutomationStep, CoreError> {
        self.save_automation_rules(rules, jiff::Timestamp::now())
    }

    fn activate_until(&mut self, id: &ProfileId, until: Until) -> Result<AutomationStep, CoreError> {
        self.activate_profile_until(id, until, jiff::Timestamp::now())
    }

    fn clear_hold(&mut self) -> Result<AutomationStep, CoreError> {
        self.clear_automation_hold(jiff::Timestamp::now())
    }

    fn report_situation(&mut self, situation: Situation) -> Result<AutomationStep, CoreError> {
        self.keep_situation(situation, jiff::Timestamp::now())
    }

    fn run_automation(&mut self, now: jiff::Timestamp) -> Result<AutomationStep, CoreError> {
        self.automation_step(now)
    }

    fn history(&mut self) -> Result<Vec<HistoryEntry>, CoreError> {
        Ok(self.automation_store().history()?)
    }

    fn move_damaged_automation_aside(&mut self) -> Result<Vec<PathBuf>, CoreError> {
        self.move_automation_files_aside()
    }

    fn connect(&mut self, config: PhoneSystemConfig, secret: Option<AmiSecret>) -> Result<Connected, CoreError> {
        self.connect_to(config, secret)
    }

    fn connect_unless(
        &mut self,
        config: PhoneSystemConfig,
        secret: Option<AmiSecret>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Option<Connected>, CoreError> {
        self.connect_to_unless(config, secret, cancelled)
    }
}
