//! The phone worker: a thread that owns the phone system and the profile store, runs the app's
//! requests, re-reads both every few seconds, and reports back only when something changed.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime};

use callprofiles_core::config::{Config, PhoneSystemConfig};
use callprofiles_core::phone_system::asterisk::{AmiSecret, AsteriskConfig};
use callprofiles_core::phone_system::call::{CallOutcome, CallWatch};
use callprofiles_core::remote::ServerConfig;
use callprofiles_core::service::connection::{connect_and_save, use_builtin};
use callprofiles_core::{
    ApplicableSettings, Callprofiles, CoreError, ImportReport, PhoneSystem, PhoneSystemDescription, PhoneSystemKind,
    PlacedCall, ProfileId, SettingKey, Settings, Store, StoreError, StoreState,
};

use crate::gui::home_watch::HomeWatch;
use crate::gui::server_events::StreamGeneration;

/// How often the worker re-reads the phone system and `profiles.json` on its own, when the phone system
/// must be asked (a PBX) or the home cannot be watched.
pub const POLL_INTERVAL: Duration = Duration::from_secs(3);

/// How often the worker re-reads when everything it reads is a file in the watched home (the demo phone
/// system): the watch reports changes at once, so this only catches what it cannot see (e.g. another
/// machine writing to a home on a network file system). While idle the worker then does not wake.
pub const WATCHED_POLL_INTERVAL: Duration = Duration::from_secs(30);

pub use callprofiles_core::config::SECRET_FILE;

/// Identifies one request, so the app can tell which one finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ticket(pub u64);

/// What the app asks the worker to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerRequest {
    /// Re-read the phone system and the profiles now.
    Refresh,
    /// Apply a saved profile to the phone system.
    Activate {
        /// The profile.
        id: ProfileId,
    },
    /// Replace a profile's settings; when `reapply`, also apply them (the profile is the active one).
    SaveSettings {
        /// The profile.
        id: ProfileId,
        /// Its new settings.
        settings: Settings,
        /// Also apply them to the phone system.
        reapply: bool,
    },
    /// Add a custom profile.
    Create {
        /// Its name.
        name: String,
        /// The profile whose settings it starts with (else Office's defaults).
        from: Option<ProfileId>,
    },
    /// Rename a custom profile.
    Rename {
        /// The profile.
        id: ProfileId,
        /// The new name.
        name: String,
    },
    /// Delete a custom profile.
    Delete {
        /// The profile.
        id: ProfileId,
    },
    /// Save the phone system's current (Detected) settings as a new custom profile.
    SaveDetectedAsNew {
        /// The new profile's name.
        name: String,
    },
    /// Save the phone system's current (Detected) settings into an existing profile.
    SaveDetectedInto {
        /// The profile that takes them.
        id: ProfileId,
    },
    /// Move a damaged `profiles.json` aside and start fresh.
    MoveAside,
    /// Write every profile to a file.
    Export {
        /// Where to write.
        path: PathBuf,
    },
    /// Replace every profile with those of a file written by export.
    Import {
        /// What to read.
        path: PathBuf,
    },
    /// Test an Asterisk connection; when it works, save it in `config.json` (a given secret in
    /// [`SECRET_FILE`]) and switch to it.
    ConnectAsterisk {
        /// Where and as whom to connect.
        config: AsteriskConfig,
        /// A secret typed by the user; `None` uses `CALLPROFILES_AMI_SECRET` or the configured secret file.
        secret: Option<AmiSecret>,
    },
    /// Switch back to the built-in demo phone system.
    UseBuiltin,
    /// Enroll with a callprofiles server and switch to it.
    ConnectServer(Box<crate::gui::command::ServerRequest>),
    /// Sign out of the callprofiles server and switch to the built-in demo.
    SignOut,
    /// Place a telecommuter's call to this number (as typed): the telecommuter phone rings first.
    Call {
        /// The number to call.
        number: String,
    },
}

/// What a finished request achieved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Re-read done.
    Refreshed,
    /// The profile is now active on the phone system.
    Activated(ProfileId),
    /// The profile's settings were saved (and applied, when `applied`).
    Saved {
        /// The profile.
        id: ProfileId,
        /// Whether they were also applied to the phone system.
        applied: bool,
    },
    /// A custom profile was added.
    Created(ProfileId),
    /// A custom profile was renamed.
    Renamed(ProfileId),
    /// A custom profile was deleted; its name.
    Deleted(String),
    /// The Detected settings became a profile, which is now active.
    DetectedSaved(ProfileId),
    /// The damaged file now lives here.
    MovedAside(PathBuf),
    /// This many profiles were written to the file.
    Exported {
        /// The file.
        path: PathBuf,
        /// How many profiles.
        count: usize,
    },
    /// The profiles were replaced by the file's.
    Imported {
        /// The file.
        path: PathBuf,
        /// What changed.
        report: ImportReport,
    },
    /// The Asterisk connection worked, was saved, and is now the phone system.
    Connected(AsteriskConfig),
    /// The built-in demo phone system is now the phone system.
    UsingBuiltin,
    /// Connected to a callprofiles server.
    ConnectedServer {
        /// Its address.
        url: callprofiles_core::remote::ServerUrl,
        /// The user's extension.
        extension: callprofiles_core::phone_system::asterisk::Extension,
        /// What happened to this computer's profiles.
        sync: callprofiles_core::remote::FirstSync,
    },
    /// Signed out of the server.
    SignedOut(callprofiles_core::remote::SignedOut),
    /// The phone system rings the telecommuter phone for this call.
    CallPlaced(PlacedCall),
    /// What became of a call placed before (reported later, with the same ticket).
    CallEnded {
        /// The call.
        placed: PlacedCall,
        /// Whether the telecommuter answered.
        outcome: CallOutcome,
    },
}

/// The worker's view of the world: the saved profiles and the live settings.
#[derive(Debug)]
pub struct Snapshot {
    /// The saved profiles, or why they cannot be read.
    pub store: Result<StoreState, StoreError>,
    /// The phone system's live settings, or why they cannot be read.
    pub live: Result<Settings, CoreError>,
    /// The phone system, when it could be opened.
    pub phone_system: Option<PhoneSystemDescription>,
    /// The configured Asterisk connection, when `config.json` names one.
    pub asterisk: Option<AsteriskConfig>,
    /// The configured callprofiles server, when `config.json` names one.
    pub server: Option<ServerConfig>,
    /// Whether the phone system has been read successfully since it was opened (a failure after that is a
    /// lost connection being retried, not a wrong configuration).
    pub reached: bool,
    /// New voicemail messages in the user's mailbox, when the phone system has one and it could be asked.
    pub new_messages: Option<u64>,
    /// Whether do-not-disturb is on, set on the phone (an observation, not a setting).
    pub do_not_disturb: bool,
}

impl Snapshot {
    /// A comparable digest, so the worker only reports real changes.
    fn digest(&self) -> String {
        format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{}|{:?}|{}",
            self.store.as_ref().map_err(ToString::to_string),
            self.live.as_ref().map_err(ToString::to_string),
            self.phone_system,
            self.asterisk,
            self.server,
            self.reached,
            self.new_messages,
            self.do_not_disturb
        )
    }
}

/// What the worker sends back.
#[derive(Debug)]
pub enum WorkerEvent {
    /// The profiles or the live settings changed (always sent once at start).
    Snapshot(Box<Snapshot>),
    /// A request finished.
    Finished {
        /// Which request.
        ticket: Ticket,
        /// What it did, or why it failed.
        result: Result<Outcome, CoreError>,
    },
}

/// What one refresh read: the profiles, the live settings, the voicemail count.
type Reading = (Result<StoreState, StoreError>, Result<Settings, CoreError>, Option<u64>);

/// The work itself, independent of threads: the core service over one home (store and phone system).
pub struct WorkerCore {
    home: PathBuf,
    store: Store,
    service: Result<Callprofiles, CoreError>,
    /// Follow `config.json`: reopen the phone system when it names another one (false for a given one).
    follow_config: bool,
    /// The configuration the phone system was opened from.
    config: Option<Config>,
    reached: bool,
    last_digest: Option<String>,
    last_read: Arc<AtomicU64>,
    /// The call just placed and the watch that learns its outcome, for the runner to wait on.
    placed_call: Option<(PlacedCall, Box<dyn CallWatch>)>,
    /// The profiles last read (from a callprofiles server, shown while it cannot be reached).
    last_store: Option<StoreState>,
    /// Where the server's event stream wakes the worker (set when the worker runs on its thread).
    wake: Option<Sender<(Ticket, WorkerRequest)>>,
    /// The current event stream.
    stream: StreamGeneration,
}

impl WorkerCore {
    /// Opens the home's store and configured phone system (a failure is reported in every snapshot); later
    /// changes of `config.json` (e.g. by `callprofiles connect`) switch the phone system.
    pub fn open(home: &Path) -> Self {
        let (config, service) = open_configured(home);
        let mut core = Self::over(home, service);
        core.follow_config = true;
        core.config = config;
        core
    }

    /// A core over a given phone system (tests inject one this way).
    pub fn with_phone_system(home: &Path, phone: Box<dyn PhoneSystem>) -> Self {
        Self::over(home, Ok(Callprofiles::with_phone_system(home, phone)))
    }

    /// A core over an opened (or failed) service.
    fn over(home: &Path, service: Result<Callprofiles, CoreError>) -> Self {
        Self {
            home: home.to_owned(),
            store: Store::new(home),
            service,
            follow_config: false,
            config: None,
            reached: false,
            last_digest: None,
            last_read: Arc::new(AtomicU64::new(0)),
            placed_call: None,
            last_store: None,
            wake: None,
            stream: StreamGeneration::default(),
        }
    }

    /// Opens the phone system `config.json` names now.
    fn reopen(&mut self) {
        self.last_store = None;
        self.stream.stop();
        let (config, service) = open_configured(&self.home);
        self.config = config;
        self.service = service;
        self.follow_config = true;
        self.reached = false;
        self.follow_stream();
    }

    /// Reopens the phone system when `config.json` names another one than the one in use.
    fn follow_config(&mut self) {
        if !self.follow_config {
            return;
        }
        match Config::load(&self.home) {
            Ok(config) if self.config.as_ref() != Some(&config) => self.reopen(),
            // Unchanged, or unreadable for a moment: keep the phone system in use.
            _ => {}
        }
    }

    /// The Asterisk connection in use, when the configuration names one.
    fn asterisk(&self) -> Option<AsteriskConfig> {
        match &self.config.as_ref()?.phone_system {
            PhoneSystemConfig::Asterisk(asterisk) => Some(asterisk.clone()),
            PhoneSystemConfig::Builtin | PhoneSystemConfig::Server(_) => None,
        }
    }

    /// The callprofiles server in use, when the configuration names one.
    fn server(&self) -> Option<ServerConfig> {
        match &self.config.as_ref()?.phone_system {
            PhoneSystemConfig::Server(server) => Some(server.clone()),
            PhoneSystemConfig::Builtin | PhoneSystemConfig::Asterisk(_) => None,
        }
    }

    /// Tests an Asterisk connection, saves it (a given secret owner-only in [`SECRET_FILE`]) and switches to
    /// it; on any failure the configuration and the phone system in use stay as they were.
    fn connect(&mut self, mut config: AsteriskConfig, secret: Option<AmiSecret>) -> Result<Outcome, CoreError> {
        let previous = Config::load(&self.home)?;
        if secret.is_some() {
            config.secret_file = Some(PathBuf::from(SECRET_FILE));
        }
        connect_and_save(&self.home, config.clone(), secret.clone())?;
        if let Some(secret) = secret
            && let Err(error) = secret.save_to_file(&self.home.join(SECRET_FILE))
        {
            // Without its secret the saved connection would fail at the next start: keep the previous one.
            if let Err(undo) = previous.save(&self.home) {
                tracing::warn!(%undo, "the previous phone system configuration could not be restored");
            }
            return Err(error.into());
        }
        self.reopen();
        Ok(Outcome::Connected(config))
    }

    /// Seconds since the Unix epoch of the last successful read of the phone system (0: never).
    pub fn last_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.last_read)
    }

    /// The service, or a copy of the error that kept it from opening.
    fn service(&mut self) -> Result<&mut Callprofiles, CoreError> {
        self.service.as_mut().map_err(|error| error.clone())
    }

    /// Runs one request through the core service (profiles are named by id).
    pub fn handle(&mut self, request: WorkerRequest) -> Result<Outcome, CoreError> {
        // Switching the phone system works even when the configured one cannot be opened.
        match request {
            WorkerRequest::ConnectAsterisk { config, secret } => return self.connect(config, secret),
            WorkerRequest::UseBuiltin => {
                callprofiles_core::remote::sign_out(&self.home)?;
                use_builtin(&self.home)?;
                self.reopen();
                return Ok(Outcome::UsingBuiltin);
            }
            WorkerRequest::ConnectServer(request) => {
                let connected = callprofiles_core::remote::connect_server(
                    &self.home,
                    request.url.clone(),
                    request.extension.clone(),
                    &request.code,
                    request.fingerprint,
                    "desktop",
                )?;
                self.reopen();
                return Ok(Outcome::ConnectedServer {
                    url: request.url,
                    extension: request.extension,
                    sync: connected.profiles,
                });
            }
            WorkerRequest::SignOut => {
                let signed_out = callprofiles_core::remote::sign_out(&self.home)?;
                self.reopen();
                return Ok(Outcome::SignedOut(signed_out));
            }
            _ => {}
        }
        let service = self.service()?;
        match request {
            // Answered above.
            WorkerRequest::ConnectAsterisk { .. }
            | WorkerRequest::UseBuiltin
            | WorkerRequest::ConnectServer(_)
            | WorkerRequest::SignOut => Ok(Outcome::Refreshed),
            WorkerRequest::Refresh => Ok(Outcome::Refreshed),
            WorkerRequest::Activate { id } => service.activate(id.as_str()).map(|p| Outcome::Activated(p.id)),
            WorkerRequest::SaveSettings { id, settings, reapply } => {
                let pairs: Vec<String> = SettingKey::ALL
                    .iter()
                    .map(|key| format!("{key}={}", key.value_of(&settings)))
                    .collect();
                let saved = service.set(id.as_str(), &pairs)?;
                let applied = reapply && ApplicableSettings::check(&saved.name, &saved.settings).is_ok();
                if applied {
                    service.activate(id.as_str())?;
                }
                Ok(Outcome::Saved { id, applied })
            }
            WorkerRequest::Create { name, from } => service
                .create(&name, from.as_ref().map(ProfileId::as_str))
                .map(|p| Outcome::Created(p.id)),
            WorkerRequest::Rename { id, name } => {
                service.rename(id.as_str(), &name).map(|(_, p)| Outcome::Renamed(p.id))
            }
            WorkerRequest::Delete { id } => service.delete(id.as_str()).map(|p| Outcome::Deleted(p.name)),
            WorkerRequest::SaveDetectedAsNew { name } => service
                .save_detected(&name)
                .map(|saved| Outcome::DetectedSaved(saved.profile.id)),
            WorkerRequest::SaveDetectedInto { id } => service
                .save_detected(id.as_str())
                .map(|saved| Outcome::DetectedSaved(saved.profile.id)),
            WorkerRequest::MoveAside => service
                .move_damaged_aside()
                .map(Outcome::MovedAside)
                .map_err(CoreError::from),
            WorkerRequest::Export { path } => service.export(&path).map(|count| Outcome::Exported { path, count }),
            WorkerRequest::Import { path } => service.import(&path).map(|report| Outcome::Imported { path, report }),
            WorkerRequest::Call { number } => service.call(&number).map(|(placed, watch)| {
                self.placed_call = Some((placed.clone(), watch));
                Outcome::CallPlaced(placed)
            }),
        }
    }

    /// New voicemail messages, when the phone system has a mailbox; a failure to ask is logged and shows
    /// as no count (the settings, which matter more, were read).
    fn new_messages(&mut self) -> Option<u64> {
        match self.service().and_then(Callprofiles::new_messages) {
            Ok(count) => count,
            Err(error) => {
                tracing::debug!(%error, "cannot count new voicemail messages");
                None
            }
        }
    }

    /// The call the last request placed, with the watch that learns its outcome (taken once).
    pub fn take_placed_call(&mut self) -> Option<(PlacedCall, Box<dyn CallWatch>)> {
        self.placed_call.take()
    }

    /// Whether everything this core reads lives in files of its home (the demo phone system), so that
    /// watching the home sees every change.
    pub fn reads_only_home_files(&self) -> bool {
        self.service
            .as_ref()
            .is_ok_and(|service| service.phone_system().kind == PhoneSystemKind::Demo)
    }

    /// Re-reads the store and the phone system; returns a snapshot only when something changed.
    pub fn refresh(&mut self) -> Option<Snapshot> {
        self.follow_config();
        if let Some(state) = self.server_state() {
            return self.report(state);
        }
        let live = self.service().and_then(Callprofiles::pbx_poll);
        if live.is_ok() {
            self.reached = true;
            let now = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default();
            self.last_read.store(now, Ordering::Relaxed);
        }
        let new_messages = if live.is_ok() { self.new_messages() } else { None };
        self.report((self.store.load(), live, new_messages))
    }

    /// With a callprofiles server, everything the window shows comes from one `State`: the profiles,
    /// the live settings and the voicemail count (`None` when the home is not connected to a server).
    fn server_state(&mut self) -> Option<Reading> {
        let server = self.service.as_ref().ok()?.server()?;
        Some(match server.state() {
            Ok(state) => {
                let live = callprofiles_core::remote::phone::live_of(&state).map_err(CoreError::from);
                if live.is_ok() {
                    self.reached = true;
                }
                let store = StoreState {
                    book: state.book,
                    last_applied: state.last_applied,
                };
                (Ok(store), live, state.new_messages)
            }
            // The profiles live on the server: while it cannot be reached, show the last ones seen.
            Err(error) => {
                let store = self.last_store.clone().map_or_else(|| self.store.load(), Ok);
                (store, Err(error), None)
            }
        })
    }

    /// Holds the server's event stream when the home is connected to a server (after each reopen too).
    fn follow_stream(&mut self) {
        let Some(wake) = self.wake.clone() else {
            return;
        };
        if let Some(server) = self.service.as_ref().ok().and_then(Callprofiles::server) {
            self.stream.start(server.client().clone(), wake);
        }
    }

    /// Whether a server's event stream tells the worker when to refresh (then it polls only rarely).
    pub fn streams(&self) -> bool {
        self.wake.is_some() && self.service.as_ref().ok().and_then(Callprofiles::server).is_some()
    }

    /// Makes the snapshot of what was read; `None` when nothing changed since the last one.
    fn report(&mut self, (store, live, new_messages): Reading) -> Option<Snapshot> {
        if let Ok(state) = &store {
            self.last_store = Some(state.clone());
        }
        let do_not_disturb = live.is_ok() && self.service.as_ref().is_ok_and(Callprofiles::do_not_disturb);
        let snapshot = Snapshot {
            new_messages,
            do_not_disturb,
            store,
            live,
            phone_system: self.service.as_ref().ok().map(Callprofiles::phone_system),
            asterisk: self.asterisk(),
            server: self.server(),
            reached: self.reached,
        };
        let digest = snapshot.digest();
        if self.last_digest.as_ref() == Some(&digest) {
            return None;
        }
        self.last_digest = Some(digest);
        Some(snapshot)
    }
}

/// The configuration of `home` and the service over the phone system it names.
fn open_configured(home: &Path) -> (Option<Config>, Result<Callprofiles, CoreError>) {
    match Config::load(home) {
        Ok(config) => {
            let service = Callprofiles::from_config(home, &config);
            (Some(config), service)
        }
        Err(error) => (None, Err(error.into())),
    }
}

/// How the worker runs: on its own thread, or inline on the caller's thread (tests).
enum Mode {
    /// A real thread; requests go over a channel.
    Thread {
        requests: Sender<(Ticket, WorkerRequest)>,
        events: Receiver<WorkerEvent>,
    },
    /// Runs each request at once when it is sent; for deterministic tests.
    Inline {
        core: Box<WorkerCore>,
        events: VecDeque<WorkerEvent>,
    },
}

/// The app's handle to the worker.
pub struct PhoneWorker {
    mode: Mode,
    next_ticket: u64,
    last_read: Arc<AtomicU64>,
    /// The watch on the home, when it runs; it stops with the worker.
    watch: Option<HomeWatch>,
}

/// The ticket of the re-reads the home watch asks for (no answer is sent for it).
const SILENT: Ticket = Ticket(0);

impl PhoneWorker {
    /// Starts the worker thread over `core`, watching its home: it re-reads at once when a file there
    /// changes, and every [`POLL_INTERVAL`] only when the phone system must be asked (a PBX) or the home
    /// cannot be watched (else every [`WATCHED_POLL_INTERVAL`]). It wakes the UI with
    /// `ctx.request_repaint()` after each report.
    pub fn spawn(core: WorkerCore, ctx: egui::Context) -> std::io::Result<Self> {
        Self::start(core, ctx, POLL_INTERVAL, true)
    }

    /// Starts the worker thread without a watch, re-reading every `interval`.
    pub fn spawn_every(core: WorkerCore, ctx: egui::Context, interval: Duration) -> std::io::Result<Self> {
        Self::start(core, ctx, interval, false)
    }

    /// Starts the worker thread, re-reading every `interval` (see [`Self::spawn`] for `watch_home`).
    fn start(mut core: WorkerCore, ctx: egui::Context, interval: Duration, watch_home: bool) -> std::io::Result<Self> {
        let last_read = core.last_read();
        let (request_tx, request_rx) = mpsc::channel::<(Ticket, WorkerRequest)>();
        core.wake = Some(request_tx.clone());
        core.follow_stream();
        let (event_tx, event_rx) = mpsc::channel();
        let watch = watch_home.then(|| watch(&core.home, request_tx.clone())).flatten();
        let watched = watch.is_some();
        std::thread::Builder::new()
            .name("phone-worker".to_owned())
            .spawn(move || run_thread(core, interval, watched, &request_rx, &event_tx, &ctx))?;
        Ok(Self {
            mode: Mode::Thread {
                requests: request_tx,
                events: event_rx,
            },
            next_ticket: 1,
            last_read,
            watch,
        })
    }

    /// Whether the home is watched (changes there are seen at once).
    pub fn watching(&self) -> bool {
        self.watch.is_some()
    }

    /// A worker that runs every request synchronously when it is sent (no thread, no timer).
    pub fn inline(mut core: WorkerCore) -> Self {
        let last_read = core.last_read();
        let events = core
            .refresh()
            .map(|snapshot| WorkerEvent::Snapshot(Box::new(snapshot)))
            .into_iter()
            .collect();
        Self {
            mode: Mode::Inline {
                core: Box::new(core),
                events,
            },
            next_ticket: 1,
            last_read,
            watch: None,
        }
    }

    /// Sends a request; its result comes back as [`WorkerEvent::Finished`] with this ticket.
    pub fn send(&mut self, request: WorkerRequest) -> Ticket {
        let ticket = Ticket(self.next_ticket);
        self.next_ticket += 1;
        match &mut self.mode {
            Mode::Thread { requests, .. } => {
                if requests.send((ticket, request)).is_err() {
                    tracing::error!("the phone worker thread has stopped");
                }
            }
            Mode::Inline { core, events } => {
                let result = core.handle(request);
                if let Some(snapshot) = core.refresh() {
                    events.push_back(WorkerEvent::Snapshot(Box::new(snapshot)));
                }
                events.push_back(WorkerEvent::Finished { ticket, result });
                if let Some((placed, watch)) = core.take_placed_call() {
                    let outcome = watch.wait();
                    events.push_back(WorkerEvent::Finished {
                        ticket,
                        result: Ok(Outcome::CallEnded { placed, outcome }),
                    });
                }
            }
        }
        ticket
    }

    /// The reports that have arrived, oldest first (never waits).
    pub fn drain(&mut self) -> Vec<WorkerEvent> {
        match &mut self.mode {
            Mode::Thread { events, .. } => events.try_iter().collect(),
            Mode::Inline { events, .. } => events.drain(..).collect(),
        }
    }

    /// Seconds since the Unix epoch of the last successful read of the phone system (0: never).
    pub fn last_read_secs(&self) -> u64 {
        self.last_read.load(Ordering::Relaxed)
    }
}

/// Waits on its own thread for the outcome of a placed call and reports it with the request's ticket (the
/// worker goes on meanwhile: the telecommuter phone may ring for half a minute).
fn watch_call(
    ticket: Ticket,
    (placed, watch): (PlacedCall, Box<dyn CallWatch>),
    events: Sender<WorkerEvent>,
    ctx: egui::Context,
) {
    let spawned = std::thread::Builder::new()
        .name("call-watch".to_owned())
        .spawn(move || {
            let outcome = watch.wait();
            let ended = WorkerEvent::Finished {
                ticket,
                result: Ok(Outcome::CallEnded { placed, outcome }),
            };
            if events.send(ended).is_ok() {
                ctx.request_repaint();
            }
        });
    if let Err(error) = spawned {
        tracing::warn!(%error, "cannot watch the call's outcome");
    }
}

/// Watches `home`, asking the worker for a silent re-read on each change; `None` (and a warning in the log)
/// when the home cannot be watched.
fn watch(home: &Path, requests: Sender<(Ticket, WorkerRequest)>) -> Option<HomeWatch> {
    HomeWatch::start(home, move || {
        requests.send((SILENT, WorkerRequest::Refresh)).ok();
    })
    .inspect_err(|error| {
        tracing::warn!(
            "changes in {} will be seen within {} s rather than at once: {error}",
            home.display(),
            POLL_INTERVAL.as_secs()
        );
    })
    .ok()
}

/// The worker thread's loop: requests as they come, a refresh every `interval` (every
/// [`WATCHED_POLL_INTERVAL`] while the watched home holds all it reads), stop when the app is gone.
fn run_thread(
    mut core: WorkerCore,
    interval: Duration,
    watched: bool,
    requests: &Receiver<(Ticket, WorkerRequest)>,
    events: &Sender<WorkerEvent>,
    ctx: &egui::Context,
) {
    let report = |event: WorkerEvent| events.send(event).is_ok();
    if let Some(snapshot) = core.refresh()
        && report(WorkerEvent::Snapshot(Box::new(snapshot)))
    {
        ctx.request_repaint();
    }
    loop {
        let timeout = if (watched && core.reads_only_home_files()) || core.streams() {
            WATCHED_POLL_INTERVAL
        } else {
            interval
        };
        let finished = match requests.recv_timeout(timeout) {
            Ok((ticket, request)) => Some((ticket, core.handle(request))),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let mut woke = false;
        if let Some(snapshot) = core.refresh() {
            if !report(WorkerEvent::Snapshot(Box::new(snapshot))) {
                return;
            }
            woke = true;
        }
        if let Some((ticket, result)) = finished.filter(|(ticket, _)| *ticket != SILENT) {
            if !report(WorkerEvent::Finished { ticket, result }) {
                return;
            }
            woke = true;
            if let Some(call) = core.take_placed_call() {
                watch_call(ticket, call, events.clone(), ctx.clone());
            }
        }
        if woke {
            ctx.request_repaint();
        }
    }
}
