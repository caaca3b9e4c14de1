//! The app's model, shared by the main and quick windows: the latest snapshot from the worker, the requests
//! in flight, and what core says about them (active profile, Detected, nearest profile).

use callprofiles_core::config::PhoneSystemConfig;
use callprofiles_core::phone_system::asterisk::AsteriskConfig;
use callprofiles_core::{
    Activity, CoreError, PhoneSystemDescription, PhoneSystemKind, Profile, ProfileBook, ProfileId, RingTimes,
    SettingKey, Settings, Snapshot, StoreError, StoreState, nearest,
};

use callprofiles_core::automation::{AutomationView, HistoryEntry, Until};

use crate::gui::automation::until::{Afterwards, Hold, until_of};
use crate::gui::worker::{AutomationShown, Outcome, PhoneWorker, Ticket, WorkerEvent, WorkerRequest};

/// What a request in flight is doing, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Busy {
    /// Applying this profile (its shown name).
    Applying(String),
    /// Saving to `profiles.json` or a file.
    Saving,
    /// Testing a connection to the Asterisk at this `host:port`.
    Connecting(String),
    /// Asking the phone system to place a call to this number.
    Calling(String),
}

/// A request that finished, for the window to react to (select a new profile, show a message).
#[derive(Debug)]
pub struct Finished {
    /// Which request.
    pub ticket: Ticket,
    /// What it did, or why it failed.
    pub result: Result<Outcome, CoreError>,
}

/// The state of the phone system as the status line tells it.
#[derive(Debug)]
pub enum PhoneState<'a> {
    /// The worker thread stopped: nothing runs until it is restarted.
    WorkerStopped,
    /// Not read yet.
    Starting,
    /// Read fine.
    Connected,
    /// A request is running.
    Busy(&'a Busy),
    /// The last read failed.
    Failed(&'a CoreError),
    /// The connection to a PBX that answered before was lost; the worker keeps retrying.
    Reconnecting(&'a CoreError),
}

/// Everything the windows show, fed by the worker.
pub struct Model {
    worker: PhoneWorker,
    snapshot: Option<Snapshot>,
    in_flight: Vec<(Ticket, Busy)>,
    /// New voicemail arrived since the last look and the live settings ask for a notification: how many wait.
    voicemail_arrived: Option<u64>,
    /// The live settings changed while none of this window's requests ran: someone else changed them.
    changed_outside: bool,
    /// Automatic switching as last read.
    automation: Option<AutomationShown>,
}

impl Model {
    /// A model over a worker (threaded or inline).
    pub fn new(worker: PhoneWorker) -> Self {
        Self {
            worker,
            snapshot: None,
            in_flight: Vec::new(),
            voicemail_arrived: None,
            changed_outside: false,
            automation: None,
        }
    }

    /// Takes in the worker's reports; returns the requests that finished, oldest first. Never waits.
    pub fn poll(&mut self) -> Vec<Finished> {
        let mut finished = Vec::new();
        for event in self.worker.drain() {
            match event {
                WorkerEvent::Snapshot(snapshot) => {
                    let before = self.new_messages();
                    let live_before = self.live().cloned();
                    self.snapshot = Some(*snapshot);
                    // A request of ours is in flight until its answer, which comes after its snapshot.
                    if self.in_flight.is_empty() && live_before.is_some() && self.live().is_some() {
                        self.changed_outside |= live_before.as_ref() != self.live();
                    }
                    let notify = self.live().is_some_and(|live| live.voicemail.notification);
                    if let (Some(before), Some(now)) = (before, self.new_messages())
                        && now > before
                        && notify
                    {
                        self.voicemail_arrived = Some(now);
                    }
                }
                WorkerEvent::Automation(shown) => self.automation = Some(*shown),
                WorkerEvent::Finished { ticket, result } => {
                    self.in_flight.retain(|(t, _)| *t != ticket);
                    finished.push(Finished { ticket, result });
                }
            }
        }
        if self.worker.stopped() {
            // What was in flight will never finish: the window must not stay busy.
            self.in_flight.clear();
        }
        finished
    }

    /// The automation runner beside the worker, when the main window started one.
    pub fn automation_runner(&self) -> Option<&crate::automation::runner::Runner> {
        self.worker.runner()
    }

    /// Whether the worker thread stopped (the window offers to restart it).
    pub fn worker_stopped(&self) -> bool {
        self.worker.stopped()
    }

    /// Starts a stopped worker again; a failure to start a thread is kept as stopped.
    pub fn restart_worker(&mut self) {
        if let Err(error) = self.worker.restart() {
            tracing::error!(%error, "cannot start the phone worker again");
        }
    }

    /// Sends a request to the worker; `busy` says what the status line shows meanwhile.
    pub fn request(&mut self, request: WorkerRequest, busy: Option<Busy>) -> Ticket {
        let ticket = self.worker.send(request);
        if let Some(busy) = busy {
            self.in_flight.push((ticket, busy));
        }
        ticket
    }

    /// Asks the worker to re-read the phone system and the profiles now.
    pub fn refresh(&mut self) {
        self.request(WorkerRequest::Refresh, None);
    }

    /// Applies a saved profile (`shown_name` is its name in the user's language).
    pub fn activate(&mut self, id: &ProfileId, shown_name: &str) -> Ticket {
        self.request(
            WorkerRequest::Activate(id.clone()),
            Some(Busy::Applying(shown_name.to_owned())),
        )
    }

    /// New voicemail messages waiting, when the phone system has a mailbox and it could be asked.
    pub fn new_messages(&self) -> Option<u64> {
        self.snapshot.as_ref().and_then(|s| s.new_messages)
    }

    /// The server's count of mailbox changes, if the phone system is a server.
    pub fn mailbox_revision(&self) -> Option<u64> {
        self.snapshot.as_ref().and_then(|s| s.mailbox_revision)
    }

    /// Whether do-not-disturb is on, set on the phone: callers get busy whatever the profile says.
    pub fn do_not_disturb(&self) -> bool {
        self.snapshot.as_ref().is_some_and(|s| s.do_not_disturb)
    }

    /// How many messages wait, once, after new voicemail arrived while notifications are on.
    pub fn take_voicemail_arrival(&mut self) -> Option<u64> {
        self.voicemail_arrived.take()
    }

    /// How long calls ring on the phone system, as far as it tells (unknown before the first read).
    pub fn ring_times(&self) -> RingTimes {
        self.snapshot.as_ref().map(|s| s.ring_times).unwrap_or_default()
    }

    /// Whether the phone system's settings were changed by someone else since the last call (once).
    pub fn take_outside_change(&mut self) -> bool {
        std::mem::take(&mut self.changed_outside)
    }

    /// Whether the first snapshot has arrived.
    pub fn loaded(&self) -> bool {
        self.snapshot.is_some()
    }

    /// The saved state, when `profiles.json` could be read.
    pub fn state(&self) -> Option<&StoreState> {
        self.snapshot.as_ref().and_then(|s| s.store.as_ref().ok())
    }

    /// The saved profiles' book, when readable.
    pub fn book(&self) -> Option<&ProfileBook> {
        self.state().map(|state| &state.book)
    }

    /// Every saved profile in display order (empty until loaded or when the file is damaged).
    pub fn profiles(&self) -> Vec<Profile> {
        self.book().map(ProfileBook::profiles).unwrap_or_default()
    }

    /// The profile with this id.
    pub fn profile(&self, id: &ProfileId) -> Option<Profile> {
        self.book().and_then(|book| book.get(id))
    }

    /// Why `profiles.json` cannot be used, if so.
    pub fn store_problem(&self) -> Option<&StoreError> {
        self.snapshot.as_ref().and_then(|s| s.store.as_ref().err())
    }

    /// The phone system's live settings, if read.
    pub fn live(&self) -> Option<&Settings> {
        self.snapshot.as_ref().and_then(|s| s.live.as_ref().ok())
    }

    /// The phone system's description, once opened.
    pub fn phone_system(&self) -> Option<&PhoneSystemDescription> {
        self.snapshot.as_ref().and_then(|s| s.phone_system.as_ref())
    }

    /// Whether voicemail audio can be played and greetings uploaded on this computer (not on a PBX reached
    /// over AMI directly); while unknown, yes: a failure then says why.
    pub fn computer_audio(&self) -> bool {
        self.phone_system().is_none_or(|phone| phone.computer_audio)
    }

    /// The configured Asterisk connection, when the phone system is one.
    pub fn asterisk(&self) -> Option<&AsteriskConfig> {
        match self.snapshot.as_ref()?.connection.as_ref()? {
            PhoneSystemConfig::Asterisk(config) => Some(config),
            PhoneSystemConfig::Builtin | PhoneSystemConfig::Server(_) => None,
        }
    }

    /// The configured callprofiles server, when the home is connected to one.
    pub fn server(&self) -> Option<&callprofiles_core::remote::ServerConfig> {
        match self.snapshot.as_ref()?.connection.as_ref()? {
            PhoneSystemConfig::Server(server) => Some(server),
            PhoneSystemConfig::Builtin | PhoneSystemConfig::Asterisk(_) => None,
        }
    }

    /// Which profile is active, or Detected (core's `detect`); `None` until both are read.
    pub fn activity(&self) -> Option<Activity> {
        self.snapshot.as_ref()?.activity.clone()
    }

    /// The active profile's id.
    pub fn active_id(&self) -> Option<ProfileId> {
        self.activity().and_then(|activity| activity.active_id().cloned())
    }

    /// The live settings when they match no saved profile.
    pub fn detected(&self) -> Option<Settings> {
        match self.activity()? {
            Activity::Detected(settings) => Some(settings),
            Activity::Active(_) => None,
        }
    }

    /// The saved profile nearest to the Detected settings, and where they differ (core's `nearest`).
    pub fn nearest_to_detected(&self) -> Option<(Profile, Vec<SettingKey>)> {
        let detected = self.detected()?;
        nearest(self.book()?, &detected)
    }

    /// The phone system's state for the status line.
    pub fn phone_state(&self) -> PhoneState<'_> {
        if self.worker.stopped() {
            return PhoneState::WorkerStopped;
        }
        if let Some((_, busy)) = self.in_flight.first() {
            return PhoneState::Busy(busy);
        }
        let Some(snapshot) = self.snapshot.as_ref() else {
            return PhoneState::Starting;
        };
        let pbx = snapshot
            .phone_system
            .as_ref()
            .is_some_and(|p| p.kind == PhoneSystemKind::Asterisk);
        match &snapshot.live {
            Ok(_) => PhoneState::Connected,
            Err(error) if pbx && snapshot.reached => PhoneState::Reconnecting(error),
            Err(error) => PhoneState::Failed(error),
        }
    }

    /// Automatic switching now (rules, hold, decision, next change), once read and when readable.
    pub fn automation(&self) -> Option<&AutomationView> {
        self.automation.as_ref().and_then(|shown| shown.view.as_ref().ok())
    }

    /// Why automatic switching cannot be read (a damaged file, a connection that does not offer it).
    pub fn automation_problem(&self) -> Option<&CoreError> {
        self.automation.as_ref().and_then(|shown| shown.view.as_ref().err())
    }

    /// The switches made, newest first.
    pub fn history(&self) -> &[HistoryEntry] {
        self.automation.as_ref().map_or(&[], |shown| shown.history.as_slice())
    }

    /// The "until" to ask core for: `hold` from now on the computer's clock, then `afterwards`.
    pub fn until(&self, hold: Hold, afterwards: Afterwards) -> Option<Until> {
        let now = jiff::Zoned::now();
        until_of(hold, afterwards, &now, self.automation().map(|view| &view.rules))
    }

    /// Whether a request is still running.
    pub fn busy(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// Seconds since the Unix epoch of the last successful read of the phone system (0: never).
    pub fn last_read_secs(&self) -> u64 {
        self.worker.last_read_secs()
    }
}
