//! Everything the server asks of callprofiles-core, in one place: one core home per user
//! (`DIR/users/<ext>/profiles.json`, core's `Store`) and one `AsteriskPhoneSystem` per user over the one
//! shared AMI client. Each verb locks that user's `Callprofiles`, so one user's requests run one at a
//! time while other users' run beside them (their AMI batches share the client in turn).
//!
//! Blocking (core has no async runtime): callers run these on tokio's blocking pool.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use callprofiles_core::automation::{
    AUTOMATION_FILE, AutomationStep, AutomationView, HistoryEntry, Rules, Situation, Until,
};
use callprofiles_core::call_flow::RingTimes;
use callprofiles_core::detection::Activity;
use callprofiles_core::error::{CoreError, PhoneError};
use callprofiles_core::phone_system::asterisk::{
    AmiClient, AmiSecret, AmiTarget, AsteriskConfig, AsteriskPhoneSystem, Extension, Spool,
};
use callprofiles_core::phone_system::call::CallOutcome;
use callprofiles_core::setting_change::SettingKey;
use callprofiles_core::settings::GreetingSlot;
use callprofiles_core::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};
use callprofiles_core::wire::WireAutomation;
use callprofiles_core::{
    Callprofiles, DetectedTarget, ImportReport, PhoneNumber, ProfileBook, ProfileId, ProfileName, ProfileService,
    SettingChange, Settings,
};

use crate::automation::damaged::retried_on_fresh_files;
use crate::automation::devices::{DeviceSituations, SITUATIONS_FILE};
use crate::dir::{ServerConfig, ServerDir, create_private_dir};

/// What the server knows of one user at one moment (a `State` without its revision).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Saved profiles.
    pub book: ProfileBook,
    /// Last applied profile.
    pub last_applied: Option<ProfileId>,
    /// Live settings (None when unreachable).
    pub live: Option<Settings>,
    /// Active or Detected (None when unreachable).
    pub activity: Option<Activity>,
    /// New voicemail.
    pub new_messages: Option<u64>,
    /// Do-not-disturb set on the phone (false unless read).
    pub do_not_disturb: bool,
    /// The extension's ring times (unknown unless read).
    pub ring_times: RingTimes,
    /// Whether Asterisk answered.
    pub reachable: bool,
    /// One sentence.
    pub phone_system: String,
    /// Automatic switching (None when `automation.json` cannot be read).
    pub automation: Option<WireAutomation>,
}

/// The PBX side of every user.
pub struct Pbx {
    dir: ServerDir,
    config: ServerConfig,
    secret: AmiSecret,
    client: Arc<Mutex<AmiClient>>,
    users: Mutex<HashMap<String, Arc<Mutex<Callprofiles>>>>,
    down: AtomicBool,
}

impl Pbx {
    /// The PBX of a server directory (nothing is sent yet).
    pub fn new(dir: &ServerDir, config: &ServerConfig, secret: AmiSecret) -> Self {
        let client = AmiClient::new(target(config, &secret));
        Self {
            dir: dir.clone(),
            config: config.clone(),
            secret,
            client: Arc::new(Mutex::new(client)),
            users: Mutex::new(HashMap::new()),
            down: AtomicBool::new(false),
        }
    }

    /// Where and as whom to log in.
    pub fn target(&self) -> AmiTarget {
        target(&self.config, &self.secret)
    }

    /// Whether the last attempt to reach Asterisk failed (refreshes then skip asking, see `hub`).
    pub fn seems_down(&self) -> bool {
        self.down.load(Ordering::Relaxed)
    }

    /// Notes whether Asterisk answers (the event connection tells on reconnect).
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::Relaxed);
    }

    /// The user's core service, created on first use.
    fn user(&self, extension: &str) -> Result<Arc<Mutex<Callprofiles>>, CoreError> {
        let mut users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(user) = users.get(extension) {
            return Ok(user.clone());
        }
        let ext = Extension::parse(extension)?;
        let home = self.dir.user_home(extension);
        create_private_dir(&home).map_err(|error| {
            CoreError::Store(callprofiles_core::StoreError::Io {
                action: "create",
                path: home.clone(),
                source: std::io::Error::other(error.to_string()),
            })
        })?;
        let config = AsteriskConfig {
            host: self.config.ami_host.clone(),
            port: self.config.ami_port,
            username: self.config.ami_username.clone(),
            extension: ext,
            secret_file: None,
        };
        let phone = AsteriskPhoneSystem::shared(config, self.secret.clone(), self.client.clone())
            .with_spool(Spool::new(&self.config.spool_dir));
        let user = Arc::new(Mutex::new(Callprofiles::with_phone_system(&home, Box::new(phone))));
        users.insert(extension.to_owned(), user.clone());
        Ok(user)
    }

    /// Runs `verb` on the user's service, noting whether Asterisk answered.
    fn with_user<T>(
        &self,
        extension: &str,
        verb: impl FnOnce(&mut Callprofiles) -> Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        let result = self.with_user_quietly(extension, verb);
        match &result {
            Err(CoreError::Phone(error)) if unreachable(error) => self.set_down(true),
            Err(_) => {}
            Ok(_) => self.set_down(false),
        }
        result
    }

    /// Runs `verb` on the user's service.
    fn with_user_quietly<T>(
        &self,
        extension: &str,
        verb: impl FnOnce(&mut Callprofiles) -> Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        let user = self.user(extension)?;
        let mut app = user.lock().unwrap_or_else(PoisonError::into_inner);
        verb(&mut app)
    }

    /// Reads the user's state: profiles always; live settings and voicemail unless Asterisk cannot be
    /// reached (or, with `ask_pbx` false, is known to be down).
    pub fn snapshot(&self, extension: &str, ask_pbx: bool) -> Result<Snapshot, CoreError> {
        self.with_user_quietly(extension, |app| {
            let phone_system = app
                .phone_system()
                .map_or_else(String::new, |d| format!("{} (via callprofiles-server)", d.summary));
            let automation = self.automation_of(extension, app);
            if !ask_pbx {
                let state = app.store().load()?;
                return Ok(Snapshot {
                    book: state.book,
                    last_applied: state.last_applied,
                    live: None,
                    activity: None,
                    new_messages: None,
                    do_not_disturb: false,
                    ring_times: RingTimes::UNKNOWN,
                    reachable: false,
                    phone_system,
                    automation,
                });
            }
            let seen = ProfileService::snapshot(app);
            let state = seen.store?;
            if let Err(error) = &seen.live {
                tracing::debug!(%error, extension, "live settings not read");
            }
            let live = seen.live.ok();
            Ok(Snapshot {
                reachable: live.is_some(),
                book: state.book,
                last_applied: state.last_applied,
                live,
                activity: seen.activity,
                new_messages: seen.new_messages,
                do_not_disturb: seen.do_not_disturb,
                ring_times: seen.ring_times,
                phone_system,
                automation,
            })
        })
        .inspect(|snapshot| {
            if ask_pbx {
                self.set_down(!snapshot.reachable);
            }
        })
    }

    /// Applies a saved profile.
    pub fn activate(&self, extension: &str, id: &ProfileId) -> Result<(), CoreError> {
        self.with_user(extension, |app| ProfileService::activate(app, id).map(drop))
    }

    /// Replaces a profile's settings, re-applying it when it is the active one (core's `save_settings`).
    pub fn set_settings(&self, extension: &str, id: &ProfileId, settings: Settings) -> Result<(), CoreError> {
        self.with_user(extension, |app| {
            ProfileService::save_settings(app, id, settings).map(drop)
        })
    }

    /// A new custom profile.
    pub fn create(&self, extension: &str, name: &str, from: Option<&ProfileId>) -> Result<(), CoreError> {
        let name = ProfileName::parse(name)?;
        self.with_user(extension, |app| ProfileService::create(app, &name, from).map(drop))
    }

    /// Renames a custom profile.
    pub fn rename(&self, extension: &str, id: &ProfileId, name: &str) -> Result<(), CoreError> {
        let name = ProfileName::parse(name)?;
        self.with_user(extension, |app| ProfileService::rename(app, id, &name).map(drop))
    }

    /// Deletes a custom profile.
    pub fn delete(&self, extension: &str, id: &ProfileId) -> Result<(), CoreError> {
        self.with_user(extension, |app| ProfileService::delete(app, id).map(drop))
    }

    /// Saves Detected as a new profile `name`, or into the profile so named.
    pub fn save_detected(&self, extension: &str, name: &str) -> Result<(), CoreError> {
        self.with_user(extension, |app| {
            let target = DetectedTarget::named(&app.book()?, name)?;
            ProfileService::save_detected(app, &target).map(drop)
        })
    }

    /// Sets the live settings directly (every setting, as given).
    pub fn set_live(&self, extension: &str, settings: &Settings) -> Result<(), CoreError> {
        let pairs: Vec<String> = SettingKey::ALL
            .iter()
            .map(|key| format!("{}={}", key, key.value_of(settings)))
            .collect();
        let changes = SettingChange::parse_all(&pairs)?;
        self.with_user(extension, |app| ProfileService::change_live(app, &changes).map(drop))
    }

    /// The export file's bytes (core's `export`, through a private temporary file).
    pub fn export(&self, extension: &str) -> Result<Vec<u8>, CoreError> {
        self.with_user(extension, |app| {
            let file = scratch_file(app)?;
            let exported = ProfileService::export(app, &file);
            let bytes = exported.and_then(|_| std::fs::read(&file).map_err(|e| io_error("read", &file, e)));
            std::fs::remove_file(&file).ok();
            bytes
        })
    }

    /// Replaces every profile with an export file's (core's `import`: validated whole first).
    pub fn import(&self, extension: &str, bytes: &[u8]) -> Result<ImportReport, CoreError> {
        self.with_user(extension, |app| import_bytes(app, bytes))
    }

    /// Stores uploaded profiles only when the user has none on the server yet; whether it did.
    pub fn upload(&self, extension: &str, bytes: &[u8]) -> Result<bool, CoreError> {
        self.with_user(extension, |app| {
            if app.store().path().exists() {
                return Ok(false);
            }
            import_bytes(app, bytes).map(|_| true)
        })
    }

    /// Whether voicemail notification is on in the user's live settings, and their mailbox's messages
    /// (what the mailer needs; `mail`).
    pub fn mail_view(&self, extension: &str) -> Result<(bool, Vec<VoicemailMessage>), CoreError> {
        self.with_user(extension, |app| {
            let live = ProfileService::live(app)?;
            let messages = app.voicemail_messages()?;
            Ok((live.voicemail.notification, messages))
        })
    }

    /// The e-mail address Asterisk keeps for the user's mailbox.
    pub fn mailbox_email(&self, extension: &str) -> Result<Option<String>, CoreError> {
        self.with_user(extension, Callprofiles::mailbox_email)
    }

    /// The user's automatic switching as a screen shows it, now.
    pub fn automation(&self, extension: &str) -> Result<AutomationView, CoreError> {
        self.with_user_quietly(extension, |app| {
            self.on_fresh_files(extension, app, ProfileService::automation)
        })
    }

    /// Runs an automation verb, setting a damaged automation file of the user aside first when needed
    /// (see [`retried_on_fresh_files`]).
    fn on_fresh_files<T>(
        &self,
        extension: &str,
        app: &mut Callprofiles,
        verb: impl FnMut(&mut Callprofiles) -> Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        retried_on_fresh_files(&self.dir, extension, app, verb)
    }

    /// Checks and saves the user's rules, then runs them (a switch they call for happens now).
    pub fn save_rules(&self, extension: &str, rules: Rules) -> Result<AutomationStep, CoreError> {
        self.with_user(extension, |app| {
            self.on_fresh_files(extension, app, |app| ProfileService::save_rules(app, rules.clone()))
        })
    }

    /// Applies a profile until a time.
    pub fn activate_until(&self, extension: &str, id: &ProfileId, until: Until) -> Result<AutomationStep, CoreError> {
        self.with_user(extension, |app| {
            self.on_fresh_files(extension, app, |app| ProfileService::activate_until(app, id, until))
        })
    }

    /// Ends the user's hold; the rules decide again.
    pub fn clear_hold(&self, extension: &str) -> Result<AutomationStep, CoreError> {
        self.with_user(extension, |app| {
            self.on_fresh_files(extension, app, ProfileService::clear_hold)
        })
    }

    /// Keeps what `device` of the user sees (network, away), combined with what their other devices
    /// (those in `enrolled`) last saw ([`DeviceSituations`]), and runs the rules on it.
    pub fn report_situation(
        &self,
        extension: &str,
        device: &str,
        enrolled: &[String],
        situation: Situation,
    ) -> Result<AutomationStep, CoreError> {
        self.with_user(extension, |app| {
            let path = self.dir.user_home(extension).join(SITUATIONS_FILE);
            let mut devices = DeviceSituations::load(&path);
            let now = jiff::Timestamp::now();
            devices.report(device, situation, now);
            devices.keep_only(enrolled);
            if let Err(error) = devices.save(&path) {
                // Derived data: what is lost is only the other devices' part until they report again.
                tracing::warn!(error = format!("{error:#}"), extension, "device situations not kept");
            }
            let combined = devices.combined(now);
            self.on_fresh_files(extension, app, |app| {
                ProfileService::report_situation(app, combined.clone())
            })
        })
    }

    /// One step of the user's rules at `now` (the scheduler's call).
    pub fn run_automation(&self, extension: &str, now: jiff::Timestamp) -> Result<AutomationStep, CoreError> {
        self.with_user(extension, |app| {
            self.on_fresh_files(extension, app, |app| ProfileService::run_automation(app, now))
        })
    }

    /// The user's automatic switches, newest first.
    pub fn history(&self, extension: &str) -> Result<Vec<HistoryEntry>, CoreError> {
        self.with_user_quietly(extension, |app| {
            self.on_fresh_files(extension, app, ProfileService::history)
        })
    }

    /// Whether the user ever had automation (their home holds `automation.json`): only they are run at
    /// start-up, so thousands of users without rules cost nothing.
    pub fn has_automation(&self, extension: &str) -> bool {
        Extension::parse(extension).is_ok() && self.dir.user_home(extension).join(AUTOMATION_FILE).exists()
    }

    /// A telecommuter's call; waits for its outcome.
    pub fn call(&self, extension: &str, number: &str) -> Result<CallOutcome, CoreError> {
        let number = PhoneNumber::parse(number)?;
        let (_, watch) = self.with_user(extension, |app| ProfileService::call(app, &number))?;
        Ok(watch.wait())
    }
}

impl Pbx {
    /// The automation as a `State` carries it; None (logged) when `automation.json` cannot be read even
    /// after a damaged one was set aside.
    fn automation_of(&self, extension: &str, app: &mut Callprofiles) -> Option<WireAutomation> {
        self.on_fresh_files(extension, app, ProfileService::automation)
            .inspect_err(|error| tracing::warn!(%error, home = %app.home().display(), "automation not read"))
            .ok()
            .map(WireAutomation::from)
    }
}

/// The user's mailbox: core's voicemail verbs over the shared AMI client and the spool directory.
impl Pbx {
    /// The messages, newest first.
    pub fn voicemail_messages(&self, extension: &str) -> Result<Vec<VoicemailMessage>, CoreError> {
        self.with_user(extension, ProfileService::voicemail_messages)
    }

    /// Marks a message heard.
    pub fn mark_heard(&self, extension: &str, id: &MessageId) -> Result<(), CoreError> {
        self.with_user(extension, |app| ProfileService::mark_heard(app, id))
    }

    /// Deletes a message.
    pub fn delete_message(&self, extension: &str, id: &MessageId) -> Result<(), CoreError> {
        self.with_user(extension, |app| ProfileService::delete_message(app, id))
    }

    /// Rings the user's phone and plays a message there.
    pub fn play_on_phone(&self, extension: &str, id: &MessageId) -> Result<(), CoreError> {
        self.with_user(extension, |app| ProfileService::play_on_phone(app, id))
    }

    /// A message's recording as a PCM WAV file (read from the spool).
    pub fn message_audio(&self, extension: &str, id: &MessageId) -> Result<Vec<u8>, CoreError> {
        self.with_user(extension, |app| ProfileService::message_audio(app, id))
    }

    /// Which greetings are recorded.
    pub fn recorded_greetings(&self, extension: &str) -> Result<RecordedGreetings, CoreError> {
        self.with_user(extension, ProfileService::recorded_greetings)
    }

    /// Rings the user's phone to record a greeting.
    pub fn record_greeting(&self, extension: &str, slot: GreetingSlot) -> Result<(), CoreError> {
        self.with_user(extension, |app| ProfileService::record_greeting(app, slot))
    }

    /// A greeting as a PCM WAV file.
    pub fn greeting_audio(&self, extension: &str, slot: GreetingSlot) -> Result<Vec<u8>, CoreError> {
        self.with_user(extension, |app| ProfileService::greeting_audio(app, slot))
    }

    /// Replaces a greeting with an uploaded WAV.
    pub fn upload_greeting(&self, extension: &str, slot: GreetingSlot, wav: &[u8]) -> Result<(), CoreError> {
        self.with_user(extension, |app| ProfileService::upload_greeting(app, slot, wav))
    }
}

/// Whether a phone error means Asterisk could not be reached (rather than refused).
pub fn unreachable(error: &PhoneError) -> bool {
    matches!(
        error,
        PhoneError::Unreachable { .. } | PhoneError::Timeout { .. } | PhoneError::AuthenticationFailed { .. }
    )
}

/// The AMI target of the config.
fn target(config: &ServerConfig, secret: &AmiSecret) -> AmiTarget {
    AmiTarget::new(
        config.ami_host.clone(),
        config.ami_port.get(),
        &config.ami_username,
        secret.clone(),
    )
}

/// A fresh temporary file name in the user's home (removed by the caller).
fn scratch_file(app: &Callprofiles) -> Result<PathBuf, CoreError> {
    let dir = app.home().to_owned();
    let file = tempfile::Builder::new()
        .prefix(".transfer-")
        .suffix(".json")
        .tempfile_in(&dir)
        .map_err(|e| io_error("create", &dir, e))?;
    let (_, path) = file.keep().map_err(|e| io_error("create", &dir, e.error))?;
    Ok(path)
}

/// Runs core's `import` on bytes.
fn import_bytes(app: &mut Callprofiles, bytes: &[u8]) -> Result<ImportReport, CoreError> {
    let file = scratch_file(app)?;
    let result = callprofiles_core::atomic_file::write(&file, bytes)
        .map_err(|e| io_error("write", &file, e))
        .and_then(|()| ProfileService::import(app, &file));
    std::fs::remove_file(&file).ok();
    result
}

/// A core I/O error.
fn io_error(action: &'static str, path: &std::path::Path, source: std::io::Error) -> CoreError {
    CoreError::Store(callprofiles_core::StoreError::Io {
        action,
        path: path.to_owned(),
        source,
    })
}
