//! `ServerService`: [`ProfileService`] over a callprofiles server, what [`crate::open_home`] returns when
//! `config.json` names one. The profiles are the server's ([`ServerBook`]), the phone system is the PBX
//! as the server shows it ([`ServerPhoneSystem`], driven through the same core verbs as a local one), and
//! a snapshot is one `GET /users/me/state`.

use std::path::{Path, PathBuf};

use super::config::ServerConfig;
use super::phone::{ServerPhoneSystem, live_of};
use super::session::ServerBook;
use super::token::DeviceToken;
use crate::automation::{AutomationStep, AutomationView, HistoryEntry, Rules, Situation, Until};
use crate::call_flow::RingTimes;
use crate::config::PhoneSystemConfig;
use crate::detection::detect;
use crate::error::{CoreError, RemoteError};
use crate::phone_number::PhoneNumber;
use crate::phone_system::asterisk::AmiSecret;
use crate::phone_system::call::CallWatch;
use crate::phone_system::{PhoneSystem, PhoneSystemDescription};
use crate::profile::{Profile, ProfileId, ProfileName};
use crate::profile_book::ProfileBook;
use crate::service::{
    Callprofiles, Connected, DetectedTarget, Overview, PlacedCall, ProfileService, SavedDetected, SavedSettings,
    Snapshot, Status,
};
use crate::setting_change::SettingChange;
use crate::settings::{GreetingSlot, Settings};
use crate::store::{Store, StoreState};
use crate::transfer::ImportReport;
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};
use crate::wire::UserLanguage;

/// The server's profiles and phone system, once opened (the device token was readable).
struct Opened {
    book: ServerBook,
    /// The server's PBX behind core's phone verbs (`live`, `change_live`, `call`, `new_messages`).
    phone: Callprofiles,
    description: PhoneSystemDescription,
}

/// A home connected to a callprofiles server.
pub struct ServerService {
    home: PathBuf,
    config: ServerConfig,
    /// The server, or why it cannot be used (no device token yet): every verb but `connect` and
    /// `snapshot` then fails with that reason.
    opened: Result<Opened, CoreError>,
    /// Whether the server has answered since the service was opened.
    reached: bool,
    /// The profiles last read, shown while the server cannot be reached.
    last_store: Option<StoreState>,
    /// Do-not-disturb and the ring times as the last state told (for the `&self` verbs).
    last_observed: (bool, RingTimes),
}

impl ServerService {
    /// The server `config` names for `home`, with the device token stored there (no network here).
    pub fn open(home: &Path, config: &ServerConfig) -> Self {
        let opened = ServerPhoneSystem::open(config, home).map(|phone| {
            let description = phone.description();
            Opened {
                book: ServerBook::new(phone.client().clone(), description.clone()),
                phone: Callprofiles::with_phone_system(home, Box::new(phone)),
                description,
            }
        });
        Self {
            home: home.to_owned(),
            config: config.clone(),
            opened,
            reached: false,
            last_store: None,
            last_observed: (false, RingTimes::UNKNOWN),
        }
    }

    fn opened(&mut self) -> Result<&mut Opened, CoreError> {
        self.opened.as_mut().map_err(|error| error.clone())
    }

    /// Revokes this computer's token on the server and deletes it here, after `config.json` left the
    /// server: a failure is logged (the administrator can revoke with `callprofiles-server user revoke`),
    /// since the switch itself is done.
    fn forget_device(&self) {
        if let Ok(opened) = &self.opened {
            match opened.book.client().revoke_this_device() {
                Ok(()) | Err(CoreError::Remote(RemoteError::Unauthorized)) => {}
                Err(error) => tracing::warn!("could not revoke the device token on the server: {error}"),
            }
        }
        if let Err(error) = DeviceToken::forget(&self.home) {
            tracing::warn!("could not delete the device token: {error}");
        }
    }

    /// Notes do-not-disturb and the ring times a state tells, for the `&self` verbs (an older server
    /// sends neither: they read as off and unknown; so do they while the PBX cannot be read).
    fn observe(&mut self, state: &crate::wire::State) -> (bool, RingTimes) {
        self.last_observed = if state.live.is_some() {
            (state.do_not_disturb, state.ring_times)
        } else {
            (false, RingTimes::UNKNOWN)
        };
        self.last_observed
    }

    fn book_of(&mut self) -> Result<&ServerBook, CoreError> {
        Ok(&self.opened()?.book)
    }
}

impl ProfileService for ServerService {
    fn snapshot(&mut self) -> Snapshot {
        let connection = Some(PhoneSystemConfig::Server(self.config.clone()));
        let (phone_system, state) = match &self.opened {
            Ok(opened) => (Some(opened.description.clone()), opened.book.state()),
            Err(error) => (None, Err(error.clone())),
        };
        let state = match state {
            Ok(state) => state,
            Err(error) => {
                // The profiles live on the server: while it cannot be reached, show the last ones seen.
                let store = match self.last_store.clone() {
                    Some(store) => Ok(store),
                    None => Store::new(&self.home).load(),
                };
                return Snapshot {
                    store,
                    live: Err(error),
                    activity: None,
                    new_messages: None,
                    mailbox_revision: None,
                    do_not_disturb: false,
                    ring_times: RingTimes::UNKNOWN,
                    phone_system,
                    connection,
                    reached: self.reached,
                };
            }
        };
        let store = StoreState {
            book: state.book.clone(),
            last_applied: state.last_applied.clone(),
        };
        self.last_store = Some(store.clone());
        let live = live_of(&state).map_err(CoreError::from);
        if live.is_ok() {
            self.reached = true;
        }
        let activity = match (state.core_activity(), &live) {
            (Some(activity), _) => Some(activity),
            (None, Ok(live)) => Some(detect(&store.book, store.last_applied.as_ref(), live)),
            (None, Err(_)) => None,
        };
        let (do_not_disturb, ring_times) = self.observe(&state);
        Snapshot {
            store: Ok(store),
            new_messages: live.is_ok().then_some(state.new_messages).flatten(),
            mailbox_revision: Some(state.mailbox_revision),
            live,
            activity,
            do_not_disturb,
            ring_times,
            phone_system,
            connection,
            reached: self.reached,
        }
    }

    fn status(&mut self) -> Result<Status, CoreError> {
        let book = self.book_of()?;
        let state = book.state()?;
        let status = book.status_of(state.clone());
        self.observe(&state);
        status
    }

    fn list(&mut self) -> Result<Overview, CoreError> {
        self.book_of()?.list()
    }

    fn book(&mut self) -> Result<ProfileBook, CoreError> {
        Ok(self.book_of()?.state()?.book)
    }

    fn phone_system(&self) -> Option<PhoneSystemDescription> {
        self.opened.as_ref().ok().map(|opened| opened.description.clone())
    }

    fn do_not_disturb(&self) -> bool {
        self.last_observed.0
    }

    fn ring_times(&self) -> RingTimes {
        self.last_observed.1
    }

    fn reads_only_home_files(&self) -> bool {
        false
    }

    fn activate(&mut self, id: &ProfileId) -> Result<Profile, CoreError> {
        self.book_of()?.activate(id)
    }

    fn save_settings(&mut self, id: &ProfileId, settings: Settings) -> Result<SavedSettings, CoreError> {
        let book = self.book_of()?;
        let state = book.state()?;
        let active = match state.core_activity() {
            Some(crate::detection::Activity::Active(active)) => &active == id,
            _ => state.last_applied.as_ref() == Some(id),
        };
        let profile = book.put_settings(id, &settings)?;
        let applied = active && crate::applicable::ApplicableSettings::check(&profile.name, &profile.settings).is_ok();
        if applied {
            book.activate(id)?;
        }
        Ok(SavedSettings { profile, applied })
    }

    fn change_settings(&mut self, id: &ProfileId, changes: &[SettingChange]) -> Result<Profile, CoreError> {
        self.book_of()?.change_settings(id, changes)
    }

    fn create(&mut self, name: &ProfileName, from: Option<&ProfileId>) -> Result<Profile, CoreError> {
        self.book_of()?.create(name, from)
    }

    fn rename(&mut self, id: &ProfileId, name: &ProfileName) -> Result<(String, Profile), CoreError> {
        self.book_of()?.rename(id, name)
    }

    fn delete(&mut self, id: &ProfileId) -> Result<Profile, CoreError> {
        self.book_of()?.delete(id)
    }

    fn save_detected(&mut self, target: &DetectedTarget) -> Result<SavedDetected, CoreError> {
        self.book_of()?.save_detected(target)
    }

    fn move_damaged_aside(&mut self) -> Result<PathBuf, CoreError> {
        // The profiles shown while the server cannot be reached are this computer's `profiles.json`.
        Ok(Store::new(&self.home).move_aside()?)
    }

    fn export(&mut self, path: &Path) -> Result<usize, CoreError> {
        self.book_of()?.export(path)
    }

    fn import(&mut self, path: &Path) -> Result<ImportReport, CoreError> {
        self.book_of()?.import(path)
    }

    fn live(&mut self) -> Result<Settings, CoreError> {
        self.opened()?.phone.pbx_show()
    }

    fn new_messages(&mut self) -> Result<Option<u64>, CoreError> {
        self.opened()?.phone.new_messages()
    }

    fn change_live(&mut self, changes: &[SettingChange]) -> Result<Settings, CoreError> {
        self.opened()?.phone.change_live(changes)
    }

    fn call(&mut self, target: &PhoneNumber) -> Result<(PlacedCall, Box<dyn CallWatch>), CoreError> {
        ProfileService::call(&mut self.opened()?.phone, target)
    }

    /// The server's view: the rules run there.
    fn automation(&mut self) -> Result<AutomationView, CoreError> {
        self.book_of()?.client().automation()
    }

    /// Checked whole and saved on the server, which runs them at once.
    fn save_rules(&mut self, rules: Rules) -> Result<AutomationStep, CoreError> {
        Ok(self.book_of()?.client().put_rules(&rules)?.step)
    }

    fn activate_until(&mut self, id: &ProfileId, until: Until) -> Result<AutomationStep, CoreError> {
        Ok(self.book_of()?.client().activate_until(id, until)?.step)
    }

    fn clear_hold(&mut self) -> Result<AutomationStep, CoreError> {
        Ok(self.book_of()?.client().clear_hold()?.step)
    }

    /// Sent to the server, which keeps the last report of any of the user's computers.
    fn report_situation(&mut self, situation: Situation) -> Result<AutomationStep, CoreError> {
        Ok(self.book_of()?.client().put_situation(&situation)?.step)
    }

    /// Runs nothing here: the server runs the rules (with this computer closed too). Answers the
    /// server's view as a step that switched nothing, so a runner on the desktop that calls it anyway
    /// only learns when the profile changes next. See [`ProfileService::automation_runs_remotely`].
    fn run_automation(&mut self, _now: jiff::Timestamp) -> Result<AutomationStep, CoreError> {
        let view = self.book_of()?.client().automation()?;
        Ok(AutomationStep {
            decision: view.decision,
            switched: None,
            next: view.next,
        })
    }

    fn automation_runs_remotely(&self) -> bool {
        true
    }

    fn history(&mut self) -> Result<Vec<HistoryEntry>, CoreError> {
        self.book_of()?.client().history()
    }

    /// Kept by the server per user (`users.json`); its voicemail e-mail is then in this language alone.
    fn tell_language(&mut self, language: UserLanguage) -> Result<(), CoreError> {
        self.book_of()?.client().put_language(language)
    }

    /// The automation's files are the server's: none here to move (the server keeps a damaged one
    /// aside itself and says so in its answers).
    fn move_damaged_automation_aside(&mut self) -> Result<Vec<PathBuf>, CoreError> {
        Ok(Vec::new())
    }

    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, CoreError> {
        self.opened()?.phone.voicemail_messages()
    }

    fn mark_heard(&mut self, id: &MessageId) -> Result<(), CoreError> {
        self.opened()?.phone.mark_heard(id)
    }

    fn delete_message(&mut self, id: &MessageId) -> Result<(), CoreError> {
        self.opened()?.phone.delete_message(id)
    }

    fn play_on_phone(&mut self, id: &MessageId) -> Result<(), CoreError> {
        self.opened()?.phone.play_on_phone(id)
    }

    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, CoreError> {
        self.opened()?.phone.recorded_greetings()
    }

    fn record_greeting(&mut self, slot: GreetingSlot) -> Result<(), CoreError> {
        self.opened()?.phone.record_greeting(slot)
    }

    fn message_audio(&mut self, id: &MessageId) -> Result<Vec<u8>, CoreError> {
        self.opened()?.phone.message_audio(id)
    }

    fn greeting_audio(&mut self, slot: GreetingSlot) -> Result<Vec<u8>, CoreError> {
        self.opened()?.phone.greeting_audio(slot)
    }

    fn upload_greeting(&mut self, slot: GreetingSlot, wav: &[u8]) -> Result<(), CoreError> {
        self.opened()?.phone.upload_greeting(slot, wav)
    }

    /// Leaving the server (for the built-in demo or an Asterisk) signs this computer out once the new
    /// phone system is tested and saved: the device token is revoked on the server and deleted here (on
    /// failure the server stays in use and keeps accepting this computer). Another server is joined with
    /// an enrollment code ([`super::connect_server`]), not here.
    fn connect(&mut self, config: PhoneSystemConfig, secret: Option<AmiSecret>) -> Result<Connected, CoreError> {
        if let PhoneSystemConfig::Server(_) = config {
            return Err(RemoteError::NotSignedIn.into());
        }
        let connected = ProfileService::connect(&mut Callprofiles::following(&self.home), config, secret)?;
        self.forget_device();
        Ok(connected)
    }

    /// As [`Self::connect`]; a cancelled test keeps the server and this computer's token.
    fn connect_unless(
        &mut self,
        config: PhoneSystemConfig,
        secret: Option<AmiSecret>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Option<Connected>, CoreError> {
        if let PhoneSystemConfig::Server(_) = config {
            return Err(RemoteError::NotSignedIn.into());
        }
        let local = &mut Callprofiles::following(&self.home);
        let connected = ProfileService::connect_unless(local, config, secret, cancelled)?;
        if connected.is_some() {
            self.forget_device();
        }
        Ok(connected)
    }
}
