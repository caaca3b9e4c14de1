//! `AsteriskPhoneSystem`: the profiles' settings in a real Asterisk/FreePBX, over one AMI connection.

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::action::Action;
use super::client::{AmiClient, Expect};
use super::config::AsteriskConfig;
use super::layout::{Change, Entries, Layout, UserMailbox, applied};
use super::secret::AmiSecret;
use super::spool::Spool;
use super::target::AmiTarget;
use super::value::AmiValue;
use super::voicemail::{self, Mailbox};
use crate::applicable::ApplicableSettings;
use crate::call_flow::RingTimes;
use crate::error::{AudioError, PhoneError};
use crate::phone_number::PhoneNumber;
use crate::phone_system::call::CallWatch;
use crate::phone_system::{PhoneSystem, PhoneSystemDescription, PhoneSystemKind, summarize};
use crate::settings::{GreetingSlot, Settings};
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};

/// Where the secret comes from.
#[derive(Clone, Debug)]
enum SecretSource {
    /// `CALLPROFILES_AMI_SECRET`, else this file (resolved when first connecting).
    Configured(Option<PathBuf>),
    /// Given directly (e.g. typed into a form).
    Given(AmiSecret),
}

/// The global variable naming the shipped dialplan's voicemail context.
pub const VOICEMAIL_CONTEXT_VARIABLE: &str = "CALLPROFILES_VM_CONTEXT";

/// How long the entries last read stay good enough to compute a switch's writes from, instead of
/// reading them first. Staleness is caught anyway (see [`AsteriskPhoneSystem`]'s `apply`); this only
/// bounds how often it can cost a second round of writes.
pub const KNOWN_ENTRIES_FRESH_FOR: Duration = Duration::from_secs(10);

/// The extension's entries as last read from Asterisk.
#[derive(Clone, Debug)]
struct Known {
    entries: Entries,
    read_at: Instant,
}

/// An Asterisk phone system. It connects on first use and keeps one connection, reopened after
/// Asterisk restarts.
///
/// `apply` computes its writes from the entries last read (when younger than
/// [`KNOWN_ENTRIES_FRESH_FOR`]), sends them pipelined, and always reads the trees back to verify.
/// If the read-back differs from what those writes would have made of the known entries, someone
/// else changed them: the writes are computed again from what was just read, sent, and read back.
#[derive(Debug)]
pub struct AsteriskPhoneSystem {
    config: AsteriskConfig,
    secret: SecretSource,
    layout: Layout,
    client: Option<ClientHandle>,
    known: Option<Known>,
    known_fresh_for: Duration,
    rewrites: u64,
    call_answer_timeout: Duration,
    /// The mailbox in the dialplan's default context, once that context has been asked for.
    mailbox: Option<Mailbox>,
    /// Do-not-disturb as last read (set on the phone; an observation, not a setting).
    do_not_disturb: bool,
    /// The user's mailbox as last read (`AMPUSER/<ext>/voicemail`, FreePBX).
    user_mailbox: UserMailbox,
    /// The voicemail spool, when this program runs beside Asterisk (callprofiles-server): then
    /// recordings and greetings are read and written as files.
    spool: Option<Spool>,
}

/// The AMI client of one phone system, or one shared by many (a server's users share one login).
#[derive(Debug)]
enum ClientHandle {
    /// This object's own client (boxed: the shared variant is a pointer).
    Own(Box<AmiClient>),
    /// A client shared with other phone systems; each request holds it for its batch.
    Shared(Arc<Mutex<AmiClient>>),
}

/// The client, borrowed or locked for one request.
enum ClientGuard<'a> {
    Own(&'a mut AmiClient),
    Shared(MutexGuard<'a, AmiClient>),
}

impl Deref for ClientGuard<'_> {
    type Target = AmiClient;

    fn deref(&self) -> &AmiClient {
        match self {
            Self::Own(client) => client,
            Self::Shared(guard) => guard,
        }
    }
}

impl DerefMut for ClientGuard<'_> {
    fn deref_mut(&mut self) -> &mut AmiClient {
        match self {
            Self::Own(client) => client,
            Self::Shared(guard) => guard,
        }
    }
}

impl ClientHandle {
    /// Borrows or locks the client (a panicked holder leaves it usable: its state is a connection).
    fn guard(&mut self) -> ClientGuard<'_> {
        match self {
            Self::Own(client) => ClientGuard::Own(client),
            Self::Shared(shared) => ClientGuard::Shared(shared.lock().unwrap_or_else(PoisonError::into_inner)),
        }
    }

    /// Reads something of the client.
    fn with<T>(&self, read: impl FnOnce(&AmiClient) -> T) -> T {
        match self {
            Self::Own(client) => read(client),
            Self::Shared(shared) => read(&shared.lock().unwrap_or_else(PoisonError::into_inner)),
        }
    }
}

impl AsteriskPhoneSystem {
    /// The phone system of `config` over a client shared with others (callprofiles-server: one AMI
    /// login for every user). `secret` is for what needs a connection of its own (a telecommuter's call).
    pub fn shared(config: AsteriskConfig, secret: AmiSecret, client: Arc<Mutex<AmiClient>>) -> Self {
        let mut system = Self::with_source(config, SecretSource::Given(secret));
        system.client = Some(ClientHandle::Shared(client));
        system
    }

    /// The phone system of `config`; its secret comes from the environment or `secret_file` (an
    /// absolute path) when first needed. Nothing is sent yet.
    pub fn new(config: AsteriskConfig, secret_file: Option<PathBuf>) -> Self {
        Self::with_source(config, SecretSource::Configured(secret_file))
    }

    /// The phone system of `config` with a secret given directly.
    pub fn with_secret(config: AsteriskConfig, secret: AmiSecret) -> Self {
        Self::with_source(config, SecretSource::Given(secret))
    }

    /// Builds it.
    fn with_source(config: AsteriskConfig, secret: SecretSource) -> Self {
        Self {
            layout: Layout::new(config.extension.clone()),
            config,
            secret,
            client: None,
            known: None,
            known_fresh_for: KNOWN_ENTRIES_FRESH_FOR,
            rewrites: 0,
            call_answer_timeout: super::call::CALL_ANSWER_TIMEOUT,
            mailbox: None,
            do_not_disturb: false,
            user_mailbox: UserMailbox::Default,
            spool: None,
        }
    }

    /// Reads and writes the mailbox's files in `spool` (callprofiles-server, beside Asterisk): messages'
    /// and greetings' audio for the computer, uploaded greetings, and which greetings are recorded.
    pub fn with_spool(mut self, spool: Spool) -> Self {
        self.spool = Some(spool);
        self
    }

    /// The spool, or [`AudioError::NeedsServer`] (the files are on the PBX).
    fn spool(&self) -> Result<Spool, PhoneError> {
        self.spool.clone().ok_or(PhoneError::Audio(AudioError::NeedsServer))
    }

    /// Sets how long a telecommuter's phone rings for an outgoing call ([`super::call::CALL_ANSWER_TIMEOUT`]
    /// by default).
    pub fn with_call_answer_timeout(mut self, ring: Duration) -> Self {
        self.call_answer_timeout = ring;
        self
    }

    /// Sets how long entries last read are reused by `apply` instead of reading first
    /// ([`KNOWN_ENTRIES_FRESH_FOR`] by default; zero reads first every time).
    pub fn reusing_reads_for(mut self, fresh_for: Duration) -> Self {
        self.known_fresh_for = fresh_for;
        self
    }

    /// Connects and logs in now, then reads the live settings: what "test the connection" means.
    pub fn test_connection(&mut self) -> Result<Settings, PhoneError> {
        self.read()
    }

    /// Whether a logged-in connection is open right now.
    pub fn connected(&self) -> bool {
        self.client
            .as_ref()
            .is_some_and(|client| client.with(AmiClient::connected))
    }

    /// How many times the connection was reopened after being lost.
    pub fn reconnects(&self) -> u64 {
        self.client
            .as_ref()
            .map_or(0, |client| client.with(AmiClient::reconnects))
    }

    /// How many connections were tried, successful or not.
    pub fn attempts(&self) -> u64 {
        self.client
            .as_ref()
            .map_or(0, |client| client.with(AmiClient::attempts))
    }

    /// How many switches found AstDB changed since it was last read, and so wrote a second time.
    pub fn rewrites(&self) -> u64 {
        self.rewrites
    }

    /// The AMI client, created (secret resolved) on first use.
    fn client(&mut self) -> Result<ClientGuard<'_>, PhoneError> {
        if let Some(client) = self.client.take() {
            return Ok(self.client.insert(client).guard());
        }
        let target = self.target()?;
        Ok(self
            .client
            .insert(ClientHandle::Own(Box::new(AmiClient::new(target))))
            .guard())
    }

    /// Where and as whom to log in (the secret resolved now).
    fn target(&self) -> Result<AmiTarget, PhoneError> {
        let secret = match &self.secret {
            SecretSource::Configured(file) => AmiSecret::resolve(file.as_deref())?,
            SecretSource::Given(secret) => secret.clone(),
        };
        Ok(AmiTarget::new(
            self.config.host.clone(),
            self.config.port.get(),
            &self.config.username,
            secret,
        ))
    }

    /// Every live entry of the extension's three AstDB trees, read at once; remembered as known.
    fn entries(&mut self) -> Result<Entries, PhoneError> {
        self.known = None;
        let trees = self
            .layout
            .trees()
            .iter()
            .map(|tree| tree.values())
            .collect::<Result<Vec<_>, _>>()?;
        let mut entries = self.client()?.db_get_trees(&trees)?;
        let members = self
            .layout
            .member_trees(&entries)
            .iter()
            .map(|tree| tree.values())
            .collect::<Result<Vec<_>, _>>()?;
        if !members.is_empty() {
            entries.extend(self.client()?.db_get_trees(&members)?);
        }
        self.do_not_disturb = self.layout.do_not_disturb(&entries);
        self.user_mailbox = self.layout.mailbox(&entries);
        self.known = Some(Known {
            entries: entries.clone(),
            read_at: Instant::now(),
        });
        Ok(entries)
    }

    /// The entries known from a recent read, forgetting them (a failed write leaves them unknown).
    fn take_fresh_known(&mut self) -> Option<Entries> {
        self.known
            .take()
            .filter(|known| known.read_at.elapsed() < self.known_fresh_for)
            .map(|known| known.entries)
    }

    /// The user's mailbox as the shipped dialplan finds it: FreePBX's `AMPUSER/<ext>/voicemail` first
    /// (read now unless known), else the global `CALLPROFILES_VM_CONTEXT`, else `default`; `None` for
    /// FreePBX's `novm`.
    fn mailbox_of_user(&mut self) -> Result<Option<Mailbox>, PhoneError> {
        if self.known.is_none() {
            self.entries()?;
        }
        let extension = self.config.extension.as_str().to_owned();
        match &self.user_mailbox {
            UserMailbox::NoMailbox => return Ok(None),
            UserMailbox::Context(context) => return Mailbox::new(&extension, context).map(Some),
            UserMailbox::Default => {}
        }
        if let Some(mailbox) = &self.mailbox {
            return Ok(Some(mailbox.clone()));
        }
        // The shipped dialplan's voicemail context (a global variable; "default" when unset).
        let context = self.client()?.getvar(&AmiValue::fixed(VOICEMAIL_CONTEXT_VARIABLE))?;
        let context = if context.trim().is_empty() {
            "default"
        } else {
            context.trim()
        };
        let mailbox = Mailbox::new(&extension, context)?;
        Ok(Some(self.mailbox.insert(mailbox).clone()))
    }

    /// The user's mailbox, or [`PhoneError::NoMailbox`].
    fn required_mailbox(&mut self) -> Result<Mailbox, PhoneError> {
        self.mailbox_of_user()?.ok_or_else(|| PhoneError::NoMailbox {
            extension: self.config.extension.as_str().to_owned(),
        })
    }

    /// Sends `changes` all at once. A refused AstDB write is an error; a refused device state (phone
    /// lamp) only a warning: a PBX without func_devstate still gets its settings.
    fn send_changes(&mut self, changes: &[Change]) -> Result<(), PhoneError> {
        let actions = changes.iter().map(change_action).collect::<Result<Vec<_>, _>>()?;
        let results = self.client()?.send_checked(&actions)?;
        for (change, result) in changes.iter().zip(results) {
            match (change, result) {
                (_, Ok(_)) => {}
                (Change::DeviceState(device, _), Err(error)) => {
                    tracing::warn!(%error, device, "phone lamp not updated");
                }
                (Change::Put(..) | Change::Delete(_), Err(error)) => return Err(error),
            }
        }
        Ok(())
    }
}

/// The action for one change, and what its reply must say.
fn change_action(change: &Change) -> Result<(Action, Expect), PhoneError> {
    Ok(match change {
        Change::Put(key, value) => {
            let (family, key) = key.values()?;
            let action = Action::db_put(&family, &key, &AmiValue::new("AstDB value", value.clone())?);
            (action, Expect::Success)
        }
        Change::Delete(key) => {
            let (family, key) = key.values()?;
            (Action::db_del(&family, &key), Expect::Deleted)
        }
        Change::DeviceState(device, state) => {
            let variable = AmiValue::new("device state name", format!("DEVICE_STATE({device})"))?;
            (
                Action::setvar(&variable, &AmiValue::new("device state", *state)?),
                Expect::Success,
            )
        }
    })
}

impl PhoneSystem for AsteriskPhoneSystem {
    fn description(&self) -> PhoneSystemDescription {
        PhoneSystemDescription {
            kind: PhoneSystemKind::Asterisk,
            computer_audio: self.spool.is_some(),
            summary: format!(
                "Asterisk at {}, extension {} (AMI user {})",
                self.config.address(),
                self.config.extension,
                self.config.username.as_str()
            ),
        }
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        let entries = self.entries()?;
        Ok(self.layout.settings_from(&entries))
    }

    fn poll(&mut self) -> Result<Settings, PhoneError> {
        self.client()?.probe_next();
        self.read()
    }

    fn place_call(&mut self, target: &PhoneNumber) -> Result<Box<dyn CallWatch>, PhoneError> {
        super::call::place(
            self.target()?,
            self.config.username.as_str(),
            self.config.extension.as_str(),
            target,
            self.call_answer_timeout,
        )
    }

    fn places_calls(&self) -> bool {
        true
    }

    fn ring_times(&self) -> RingTimes {
        self.known
            .as_ref()
            .map_or(RingTimes::UNKNOWN, |known| self.layout.ring_times_from(&known.entries))
    }

    fn do_not_disturb(&self) -> bool {
        self.do_not_disturb
    }

    fn new_messages(&mut self) -> Result<Option<u64>, PhoneError> {
        let Some(mailbox) = self.mailbox_of_user()? else {
            return Ok(None);
        };
        let mailbox = mailbox.full()?;
        self.client()?.new_messages(&mailbox).map(Some)
    }

    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        let mailbox = self.required_mailbox()?;
        voicemail::list(&mut *self.client()?, &mailbox)
    }

    fn mailbox_email(&mut self) -> Result<Option<String>, PhoneError> {
        let mailbox = self.required_mailbox()?;
        voicemail::email(&mut *self.client()?, &mailbox)
    }

    fn mark_heard(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        let mailbox = self.required_mailbox()?;
        voicemail::mark_heard(&mut *self.client()?, &mailbox, id)
    }

    fn delete_message(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        let mailbox = self.required_mailbox()?;
        voicemail::delete(&mut *self.client()?, &mailbox, id)
    }

    fn play_on_phone(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        let mailbox = self.required_mailbox()?;
        let username = self.config.username.as_str().to_owned();
        voicemail::play_on_phone(&mut *self.client()?, &username, &mailbox, id)
    }

    fn record_greeting(&mut self, slot: GreetingSlot) -> Result<(), PhoneError> {
        let mailbox = self.required_mailbox()?;
        let username = self.config.username.as_str().to_owned();
        voicemail::record_greeting(&mut *self.client()?, &username, &mailbox, slot)
    }

    fn message_audio(&mut self, id: &MessageId) -> Result<Vec<u8>, PhoneError> {
        let spool = self.spool()?;
        let mailbox = self.required_mailbox()?;
        spool.message_audio(&mailbox, id)
    }

    fn greeting_audio(&mut self, slot: GreetingSlot) -> Result<Vec<u8>, PhoneError> {
        let spool = self.spool()?;
        let mailbox = self.required_mailbox()?;
        spool.greeting_audio(&mailbox, slot)
    }

    fn upload_greeting(&mut self, slot: GreetingSlot, wav: &[u8]) -> Result<(), PhoneError> {
        let spool = self.spool()?;
        let mailbox = self.required_mailbox()?;
        spool.upload_greeting(&mailbox, slot, wav)
    }

    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, PhoneError> {
        let mailbox = self.required_mailbox()?;
        if let Some(spool) = &self.spool {
            return spool.recorded_greetings(&mailbox);
        }
        voicemail::recorded_greetings(self.target()?, self.config.username.as_str(), &mailbox)
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        let entries = self.entries()?;
        let changes = self.layout.changes(&entries, settings);
        self.send_changes(&changes)
    }

    fn apply(&mut self, settings: &ApplicableSettings) -> Result<Settings, PhoneError> {
        let (before, known) = match self.take_fresh_known() {
            Some(entries) => (entries, true),
            None => (self.entries()?, false),
        };
        let changes = self.layout.changes(&before, settings);
        self.send_changes(&changes)?;
        let mut entries = self.entries()?;
        if known && entries != applied(before, &changes) {
            tracing::debug!(extension = %self.config.extension, "AstDB changed since last read; writing again");
            self.rewrites += 1;
            let changes = self.layout.changes(&entries, settings);
            self.send_changes(&changes)?;
            entries = self.entries()?;
        }
        let live = self.layout.settings_from(&entries);
        if live == settings.to_settings() {
            Ok(live)
        } else {
            Err(PhoneError::NotVerified {
                found: summarize(&live),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;
    use std::num::NonZeroU16;

    use super::*;
    use crate::phone_system::asterisk::extension::Extension;
    use crate::phone_system::asterisk::target::{AmiHost, AmiUsername};

    #[test]
    fn a_background_poll_of_an_unreachable_asterisk_tries_once() -> Result<(), Box<dyn std::error::Error>> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let config = AsteriskConfig {
            host: AmiHost::parse("127.0.0.1")?,
            port: NonZeroU16::new(port).ok_or("port 0")?,
            username: AmiUsername::parse("u")?,
            extension: Extension::parse("201")?,
            secret_file: None,
        };
        let mut phone = AsteriskPhoneSystem::with_secret(config, AmiSecret::new("s")?);
        assert!(matches!(phone.poll(), Err(PhoneError::Unreachable { .. })));
        assert_eq!(phone.attempts(), 1);
        assert!(matches!(phone.poll(), Err(PhoneError::Unreachable { .. })));
        assert_eq!(phone.attempts(), 2);
        Ok(())
    }
}
