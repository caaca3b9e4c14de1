//! The worker's requests and answers, and how each request becomes one verb of core's
//! [`ProfileService`] (no rules here: core holds them).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use crate::gui::server_events::ServerEvents;

use std::sync::mpsc::Sender;

use callprofiles_core::automation::{AutomationStep, AutomationView, HistoryEntry, Rules, Situation, Until};
use callprofiles_core::config::{Config, PhoneSystemConfig};
use callprofiles_core::phone_system::asterisk::{AmiSecret, AsteriskConfig};
use callprofiles_core::phone_system::call::{CallOutcome, CallWatch};
use callprofiles_core::remote::ServerConfig;
use callprofiles_core::transfer::{self, Imported};
use callprofiles_core::wire::UserLanguage;
use callprofiles_core::{
    Callprofiles, CoreError, DetectedTarget, ImportReport, PhoneNumber, PhoneSystem, PlacedCall, ProfileBook,
    ProfileId, ProfileName, ProfileService, Settings, Snapshot, StoreError, open_home,
};

use crate::automation::until::{TrayHold, until_for};
use crate::gui::cancel::CancelFlag;
use crate::gui::player::{DecodeProblem, DecodedAudio, MAX_AUDIO_BYTES, Track, decode_wav};
use callprofiles_core::settings::GreetingSlot;
use callprofiles_core::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};

/// Identifies one request, so the app can tell which one finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ticket(pub u64);

/// What the app asks the worker to do: each is one verb of core's [`ProfileService`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerRequest {
    /// Re-read now.
    Refresh,
    /// [`ProfileService::activate`].
    Activate(ProfileId),
    /// [`ProfileService::save_settings`] (applied too when the profile is the active one).
    SaveSettings(ProfileId, Settings),
    /// [`ProfileService::create`] with this name, from the settings of a profile or Office's defaults.
    Create(ProfileName, Option<ProfileId>),
    /// [`ProfileService::rename`].
    Rename(ProfileId, ProfileName),
    /// [`ProfileService::delete`].
    Delete(ProfileId),
    /// [`ProfileService::save_detected`].
    SaveDetected(DetectedTarget),
    /// [`ProfileService::move_damaged_aside`].
    MoveAside,
    /// [`ProfileService::export`].
    Export(PathBuf),
    /// [`ProfileService::import`].
    Import(PathBuf),
    /// [`ProfileService::connect`]: a secret typed by the user is saved in [`super::SECRET_FILE`]; `None` uses
    /// `CALLPROFILES_AMI_SECRET` or the configured secret file.
    Connect(PhoneSystemConfig, Option<AmiSecret>),
    /// Enroll with a callprofiles server (one-time code → device token, first sync) and switch to it.
    ConnectServer(Box<crate::gui::command::ServerRequest>),
    /// [`ProfileService::connect_unless`]: as `Connect`, but a test that ends after the window set the flag
    /// (the user cancelled) saves and switches nothing.
    ConnectUnless(PhoneSystemConfig, Option<AmiSecret>, CancelFlag),
    /// Read and check a file written by export, without importing it ([`transfer::read`]).
    CheckImport(PathBuf),
    /// [`ProfileService::call`]: the telecommuter phone rings first.
    Call(PhoneNumber),
    /// [`ProfileService::save_rules`].
    SaveRules(Box<Rules>),
    /// [`ProfileService::activate_until`].
    ActivateUntil(ProfileId, Until),
    /// [`ProfileService::clear_hold`].
    ClearHold,
    /// A voicemail verb (the messages view and the form's greetings).
    Voicemail(VoicemailRequest),
    /// [`ProfileService::activate_until`] for a tray choice ("for 1 hour", "until tomorrow morning"), whose
    /// end is reckoned when it runs, against the rules.
    ActivateFor(ProfileId, TrayHold),
    /// From the automation runner ([`crate::automation::runner`]): one step, answered on its channel.
    Automate(AutomationAsk, ReplyTo),
    /// [`ProfileService::tell_language`]: the window's own doing, not the user's request; a failure is
    /// logged and answered as [`Outcome::Refreshed`], never shown.
    TellLanguage(UserLanguage),
}

/// What the messages view and the form's greetings ask of the phone system: each one verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoicemailRequest {
    /// [`ProfileService::voicemail_messages`].
    List,
    /// [`ProfileService::mark_heard`].
    MarkHeard(MessageId),
    /// [`ProfileService::delete_message`] (the window asks only once its Undo has passed).
    Delete(MessageId),
    /// [`ProfileService::play_on_phone`].
    PlayOnPhone(MessageId),
    /// `ProfileService::message_audio`, decoded here (off the UI thread) for the computer's speakers.
    MessageAudio(MessageId),
    /// [`ProfileService::recorded_greetings`].
    Greetings,
    /// [`ProfileService::record_greeting`]: the phone rings, the greeting is recorded after the beep.
    RecordGreeting(GreetingSlot),
    /// `ProfileService::greeting_audio`, decoded here for the computer's speakers.
    GreetingAudio(GreetingSlot),
    /// Read a WAV file (a regular file, bounded) and `ProfileService::upload_greeting` it as this slot.
    UploadGreeting(GreetingSlot, PathBuf),
}

/// What a finished voicemail request achieved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoicemailOutcome {
    /// The mailbox, newest first.
    Messages(Vec<VoicemailMessage>),
    /// The message is now heard.
    MarkedHeard(MessageId),
    /// The message is deleted.
    Deleted(MessageId),
    /// The phone rings now to play the message.
    PlayingOnPhone(MessageId),
    /// The track's audio, decoded, or why it could not be.
    Audio(Track, Result<DecodedAudio, DecodeProblem>),
    /// Which greetings are recorded.
    Greetings(RecordedGreetings),
    /// The phone rings now to record the greeting.
    RecordingGreeting(GreetingSlot),
    /// The greeting was uploaded.
    GreetingUploaded(GreetingSlot),
}

/// What the automation runner asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AutomationAsk {
    /// [`ProfileService::report_situation`]: where the user is now (it runs a step too).
    Report(Situation),
    /// [`ProfileService::run_automation`] now: a boundary core named has come.
    Run,
}

/// The worker's answer to the runner.
#[derive(Debug)]
pub struct AutomationReply {
    /// What the step did.
    pub step: Result<AutomationStep, CoreError>,
    /// Whether a callprofiles server runs the rules (then the desktop only reports the situation).
    pub remote: bool,
    /// The profiles after the step, to name a switch in the notification.
    pub book: Option<ProfileBook>,
    /// The rules' time zone, read only when the step switched (an "until" in the notification).
    pub zone: Option<jiff::tz::TimeZone>,
}

/// Where the runner waits for its answer (requests compare equal when they answer the same channel).
#[derive(Clone, Debug)]
pub struct ReplyTo(pub Arc<Sender<AutomationReply>>);

impl PartialEq for ReplyTo {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for ReplyTo {}

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
    /// The file can be imported and holds these profiles.
    ImportChecked {
        /// The file.
        path: PathBuf,
        /// Its profiles, checked.
        imported: Imported,
    },
    /// The connection test was cancelled by the user: nothing was saved or switched.
    ConnectCancelled,
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
    /// The phone system rings the telecommuter phone for this call.
    CallPlaced(PlacedCall),
    /// The rules were saved (and what they call for now applied).
    RulesSaved,
    /// The profile is active until a time.
    ActivatedUntil(ProfileId),
    /// The hold ended: the rules decide again.
    HoldCleared,
    /// A voicemail request finished.
    Voicemail(VoicemailOutcome),
    /// What became of a call placed before (reported later, with the same ticket).
    CallEnded {
        /// The call.
        placed: PlacedCall,
        /// Whether the telecommuter answered.
        outcome: CallOutcome,
    },
}

/// What the worker sends back.
#[derive(Debug)]
pub enum WorkerEvent {
    /// What the windows show changed (always sent once at start).
    Snapshot(Box<Snapshot>),
    /// Automatic switching as the windows show it changed (sent after the first snapshot, then on change).
    Automation(Box<AutomationShown>),
    /// A request finished.
    Finished {
        /// Which request.
        ticket: Ticket,
        /// What it did, or why it failed.
        result: Result<Outcome, CoreError>,
    },
}

/// Automatic switching as the windows show it: core's view (or why it cannot be read) and the history.
#[derive(Debug)]
pub struct AutomationShown {
    /// What the rules decide now and next, the hold, the rules (core's `automation`).
    pub view: Result<AutomationView, CoreError>,
    /// The switches made, newest first (empty when they cannot be read).
    pub history: Vec<HistoryEntry>,
}

/// The work itself, independent of threads: the core service over one home.
pub struct WorkerCore {
    home: PathBuf,
    service: Box<dyn ProfileService>,
    last_digest: Option<String>,
    last_read: Arc<AtomicU64>,
    /// The call just placed and the watch that learns its outcome, for the runner to wait on.
    placed_call: Option<(PlacedCall, Box<dyn CallWatch>)>,
    /// Opened from `config.json` ([`Self::open`]): reopened when it switches to or from a server, whose
    /// profiles are served by another [`ProfileService`].
    follows_home: bool,
    /// Whether the service was opened over a callprofiles server.
    on_server: bool,
    /// The server's event stream, which wakes the worker at each pushed state and each loss.
    stream: ServerEvents,
    /// The digest of the automation last reported (without its instant), to report only changes.
    last_automation: Option<String>,
}

impl WorkerCore {
    /// The home as `config.json` says (core's [`open_home`]; a failure is reported in every snapshot).
    pub fn open(home: &Path) -> Self {
        let mut core = Self::over(home, open_home(home));
        core.follows_home = true;
        core.on_server = server_in(home).is_some();
        core
    }

    /// Reopens the service `config.json` names now (after a switch to or from a server), and follows the
    /// server's event stream when it names one.
    fn reopen(&mut self) {
        self.service = open_home(&self.home);
        let server = server_in(&self.home);
        self.on_server = server.is_some();
        self.stream.follow(&self.home, server.as_ref());
    }

    /// Lets the server's event stream wake the worker through `wake` (its request channel), from now on.
    pub fn wake_with(&mut self, wake: Sender<(Ticket, WorkerRequest)>) {
        self.stream.wake_with(wake);
        self.stream.follow(&self.home, server_in(&self.home).as_ref());
    }

    /// Whether a server's event stream tells the worker when to re-read (then it polls only rarely).
    pub fn streams(&self) -> bool {
        self.on_server && self.stream.running()
    }

    /// A core over a given phone system (tests inject one this way).
    pub fn with_phone_system(home: &Path, phone: Box<dyn PhoneSystem>) -> Self {
        Self::over(home, Box::new(Callprofiles::with_phone_system(home, phone)))
    }

    /// A core over a service.
    pub fn over(home: &Path, service: Box<dyn ProfileService>) -> Self {
        Self {
            home: home.to_owned(),
            service,
            last_digest: None,
            last_read: Arc::new(AtomicU64::new(0)),
            placed_call: None,
            follows_home: false,
            on_server: false,
            stream: ServerEvents::default(),
            last_automation: None,
        }
    }

    /// The home the service was opened on (the runner watches it).
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// Seconds since the Unix epoch of the last successful read of the phone system (0: never).
    pub fn last_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.last_read)
    }

    /// Whether a watch on the home sees every change (so the runner polls rarely).
    pub fn reads_only_home_files(&self) -> bool {
        self.service.reads_only_home_files()
    }

    /// Runs one request as one core verb.
    pub fn handle(&mut self, request: WorkerRequest) -> Result<Outcome, CoreError> {
        let switches = matches!(
            request,
            WorkerRequest::Connect(..) | WorkerRequest::ConnectUnless(..) | WorkerRequest::ConnectServer(_)
        );
        let outcome = self.run(request);
        if switches && outcome.is_ok() && self.follows_home {
            self.reopen();
        }
        outcome
    }

    /// Runs one request as one verb of the service.
    fn run(&mut self, request: WorkerRequest) -> Result<Outcome, CoreError> {
        let service = self.service.as_mut();
        Ok(match request {
            WorkerRequest::ActivateFor(id, hold) => {
                let rules = service.automation().ok().map(|view| view.rules);
                let until = until_for(hold, &jiff::Zoned::now(), rules.as_ref())
                    .ok_or(callprofiles_core::AutomationError::Unavailable)?;
                service.activate_until(&id, until)?;
                Outcome::Activated(id)
            }
            WorkerRequest::Automate(ask, ReplyTo(reply)) => {
                let step = match ask {
                    AutomationAsk::Report(situation) => service.report_situation(situation),
                    AutomationAsk::Run => service.run_automation(jiff::Timestamp::now()),
                };
                let book = step.is_ok().then(|| service.book().ok()).flatten();
                let switched = step.as_ref().is_ok_and(|step| step.switched.is_some());
                let zone = switched
                    .then(|| service.automation().ok())
                    .flatten()
                    .map(|view| view.rules.time_zone.time_zone().clone());
                let failed = step.as_ref().err().cloned();
                reply
                    .send(AutomationReply {
                        step,
                        remote: service.automation_runs_remotely(),
                        book,
                        zone,
                    })
                    .ok();
                if let Some(error) = failed {
                    return Err(error);
                }
                // The runner's requests are not the window's: only their snapshot reaches it.
                Outcome::Refreshed
            }
            WorkerRequest::Refresh => Outcome::Refreshed,
            WorkerRequest::TellLanguage(language) => {
                if let Err(error) = service.tell_language(language) {
                    tracing::warn!(%language, %error, "the server was not told the window's language");
                }
                Outcome::Refreshed
            }
            WorkerRequest::Activate(id) => Outcome::Activated(service.activate(&id)?.id),
            WorkerRequest::SaveSettings(id, settings) => {
                let applied = service.save_settings(&id, settings)?.applied;
                Outcome::Saved { id, applied }
            }
            WorkerRequest::Create(name, from) => Outcome::Created(service.create(&name, from.as_ref())?.id),
            WorkerRequest::Rename(id, name) => Outcome::Renamed(service.rename(&id, &name)?.1.id),
            WorkerRequest::Delete(id) => Outcome::Deleted(service.delete(&id)?.name),
            WorkerRequest::SaveDetected(target) => Outcome::DetectedSaved(service.save_detected(&target)?.profile.id),
            WorkerRequest::MoveAside => Outcome::MovedAside(service.move_damaged_aside()?),
            WorkerRequest::Export(path) => Outcome::Exported {
                count: service.export(&path)?,
                path,
            },
            WorkerRequest::Import(path) => Outcome::Imported {
                report: service.import(&path)?,
                path,
            },
            WorkerRequest::Connect(config, secret) => match service.connect(config, secret)?.config {
                PhoneSystemConfig::Asterisk(config) => Outcome::Connected(config),
                PhoneSystemConfig::Builtin => Outcome::UsingBuiltin,
                // Never: joining a server takes its enrollment code (`ConnectServer`).
                PhoneSystemConfig::Server(_) => Outcome::Refreshed,
            },
            WorkerRequest::ConnectServer(request) => {
                let connected = callprofiles_core::remote::connect_server(
                    &self.home,
                    request.url.clone(),
                    request.extension.clone(),
                    &request.code,
                    request.fingerprint,
                    "desktop",
                )?;
                Outcome::ConnectedServer {
                    url: request.url,
                    extension: request.extension,
                    sync: connected.profiles,
                }
            }
            WorkerRequest::ConnectUnless(config, secret, cancel) => {
                match service.connect_unless(config, secret, &|| cancel.cancelled())? {
                    None => Outcome::ConnectCancelled,
                    Some(connected) => match connected.config {
                        PhoneSystemConfig::Asterisk(config) => Outcome::Connected(config),
                        PhoneSystemConfig::Builtin => Outcome::UsingBuiltin,
                        // Never: joining a server takes its enrollment code (`ConnectServer`).
                        PhoneSystemConfig::Server(_) => Outcome::Refreshed,
                    },
                }
            }
            WorkerRequest::CheckImport(path) => Outcome::ImportChecked {
                imported: transfer::read(&path)?,
                path,
            },
            WorkerRequest::SaveRules(rules) => {
                service.save_rules(*rules)?;
                Outcome::RulesSaved
            }
            WorkerRequest::ActivateUntil(id, until) => {
                service.activate_until(&id, until)?;
                Outcome::ActivatedUntil(id)
            }
            WorkerRequest::ClearHold => {
                service.clear_hold()?;
                Outcome::HoldCleared
            }
            WorkerRequest::Call(number) => {
                let (placed, watch) = service.call(&number)?;
                self.placed_call = Some((placed.clone(), watch));
                Outcome::CallPlaced(placed)
            }
            WorkerRequest::Voicemail(request) => Outcome::Voicemail(voicemail(service, request)?),
        })
    }

    /// The call the last request placed, with the watch that learns its outcome (taken once).
    pub fn take_placed_call(&mut self) -> Option<(PlacedCall, Box<dyn CallWatch>)> {
        self.placed_call.take()
    }

    /// Re-reads what the windows show, profiles and phone system then automatic switching: the reports
    /// of what changed, in that order.
    pub fn refresh_events(&mut self) -> Vec<WorkerEvent> {
        let snapshot = self.refresh().map(|s| WorkerEvent::Snapshot(Box::new(s)));
        let automation = self.refresh_automation().map(|a| WorkerEvent::Automation(Box::new(a)));
        snapshot.into_iter().chain(automation).collect()
    }

    /// Re-reads automatic switching; returns it only when something other than the instant changed.
    pub fn refresh_automation(&mut self) -> Option<AutomationShown> {
        let view = self.service.automation();
        let history = if view.is_ok() {
            self.service.history().unwrap_or_default()
        } else {
            Vec::new()
        };
        let digest = match &view {
            Ok(view) => format!(
                "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{history:?}",
                view.rules, view.hold, view.situation, view.decision, view.next, view.disabled
            ),
            Err(error) => error.to_string(),
        };
        if self.last_automation.as_ref() == Some(&digest) {
            return None;
        }
        self.last_automation = Some(digest);
        Some(AutomationShown { view, history })
    }

    /// Re-reads what the windows show; returns it only when something changed.
    pub fn refresh(&mut self) -> Option<Snapshot> {
        if self.follows_home && server_in(&self.home).is_some() != self.on_server {
            // `config.json` switched to or from a server elsewhere (e.g. `callprofiles connect server`).
            self.reopen();
        }
        let snapshot = self.service.snapshot();
        if snapshot.live.is_ok() {
            let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH);
            self.last_read.store(now.map_or(0, |d| d.as_secs()), Ordering::Relaxed);
        }
        let digest = digest(&snapshot);
        if self.last_digest.as_ref() == Some(&digest) {
            return None;
        }
        self.last_digest = Some(digest);
        Some(snapshot)
    }
}

/// Runs one voicemail request as one verb of the service.
fn voicemail(service: &mut dyn ProfileService, request: VoicemailRequest) -> Result<VoicemailOutcome, CoreError> {
    use VoicemailOutcome as Done;
    Ok(match request {
        VoicemailRequest::List => Done::Messages(service.voicemail_messages()?),
        VoicemailRequest::MarkHeard(id) => {
            service.mark_heard(&id)?;
            Done::MarkedHeard(id)
        }
        VoicemailRequest::Delete(id) => {
            service.delete_message(&id)?;
            Done::Deleted(id)
        }
        VoicemailRequest::PlayOnPhone(id) => {
            service.play_on_phone(&id)?;
            Done::PlayingOnPhone(id)
        }
        VoicemailRequest::MessageAudio(id) => {
            let wav = service.message_audio(&id)?;
            Done::Audio(Track::Message(id), decode_wav(wav))
        }
        VoicemailRequest::Greetings => Done::Greetings(service.recorded_greetings()?),
        VoicemailRequest::RecordGreeting(slot) => {
            service.record_greeting(slot)?;
            Done::RecordingGreeting(slot)
        }
        VoicemailRequest::GreetingAudio(slot) => {
            let wav = service.greeting_audio(slot)?;
            Done::Audio(Track::Greeting(slot), decode_wav(wav))
        }
        VoicemailRequest::UploadGreeting(slot, path) => {
            let wav = read_wav_file(&path)?;
            service.upload_greeting(slot, &wav)?;
            Done::GreetingUploaded(slot)
        }
    })
}

/// A WAV file chosen by the user: a regular file (a FIFO or a device is refused, never waited on) of at
/// most [`MAX_AUDIO_BYTES`].
fn read_wav_file(path: &Path) -> Result<Vec<u8>, CoreError> {
    let limit = u64::try_from(MAX_AUDIO_BYTES).unwrap_or(u64::MAX);
    let io = |source| StoreError::Io {
        action: "read",
        path: path.to_owned(),
        source,
    };
    match callprofiles_core::atomic_file::read_limited(path, limit) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(io(std::io::ErrorKind::NotFound.into()).into()),
        Err(error) if error.kind() == std::io::ErrorKind::InvalidData => Err(StoreError::TooLarge {
            path: path.to_owned(),
            size: limit.saturating_add(1),
            limit,
        }
        .into()),
        Err(error) => Err(match callprofiles_core::atomic_file::not_a_file(&error) {
            Some(kind) => StoreError::NotAFile {
                path: path.to_owned(),
                kind,
            },
            None => io(error),
        }
        .into()),
    }
}

/// The callprofiles server `config.json` in `home` names, if any.
fn server_in(home: &Path) -> Option<ServerConfig> {
    match Config::load(home) {
        Ok(Config {
            phone_system: PhoneSystemConfig::Server(server),
        }) => Some(server),
        _ => None,
    }
}

/// A comparable digest of a snapshot, so the worker only reports real changes.
fn digest(snapshot: &Snapshot) -> String {
    format!(
        "{:?}|{:?}|{:?}|{:?}|{}|{:?}|{:?}|{}|{:?}",
        snapshot.store.as_ref().map_err(ToString::to_string),
        snapshot.live.as_ref().map_err(ToString::to_string),
        snapshot.phone_system,
        snapshot.connection,
        snapshot.reached,
        snapshot.new_messages,
        snapshot.mailbox_revision,
        snapshot.do_not_disturb,
        snapshot.ring_times
    )
}
