//! E-mail of new voicemail: while a user's live settings have voicemail *notification* on, each new
//! message in their mailbox is e-mailed (caller, time, length, the recording as WAV) through the SMTP
//! relay of `server.json`, in the user's language (`users.json`, told by their desktop; Polish then
//! English while unknown). The AMI event thread says which mailbox changed (`MessageWaiting`), and at
//! start and after each reconnect every user is looked at, so messages left while the server or
//! Asterisk was away are found. Handled ids are kept per user on disk (`handled.rs`). Sending runs in
//! a task of its own: a slow or dead relay never delays a request; it is retried with backoff a
//! bounded number of times, each failure logged once, the outcome written to `audit.log`.

mod compose;
mod config;
mod handled;

use std::collections::BTreeSet;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Result;
use callprofiles_core::voicemail::VoicemailMessage;
use callprofiles_core::wire::UserLanguage;
use callprofiles_core::{AudioError, CoreError, PhoneError};
use lettre::message::Mailbox;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use tokio::sync::Notify;

pub use compose::AudioMissing;
pub use config::{DEFAULT_ATTEMPTS, DEFAULT_RETRY_SECONDS, Security, SmtpConfig, SmtpPassword};

use crate::audit::Audit;
use crate::dir::ServerDir;
use crate::pbx::Pbx;
use crate::users::Users;
use handled::{Handled, Loaded};

/// Sends `mail test`'s e-mail to `to` through the relay of `dir` (one attempt); the relay's refusal
/// or the connection's failure as the error, without credentials.
pub fn send_test(dir: &ServerDir, to: &str) -> Result<String> {
    let config = dir
        .load_config()?
        .smtp
        .ok_or_else(|| anyhow::anyhow!("No SMTP relay is set: callprofiles-server mail set …"))?;
    config.check()?;
    let password = match config.username {
        Some(_) => Some(SmtpPassword::from_file(&dir.smtp_password_file())?),
        None => None,
    };
    let to = Mailbox::new(
        None,
        parse_address(to).map_err(|_| anyhow::anyhow!("{to:?} is not an e-mail address"))?,
    );
    let email = compose::test_email(&config.sender()?, &to)?;
    let relay = config.host.with_port(config.port.get());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let transport = config.transport(password)?;
        transport
            .send(email)
            .await
            .map_err(|error| anyhow::anyhow!("The relay {relay} did not take the e-mail: {}", describe(&error)))
    })?;
    Ok(relay)
}

/// Checks an e-mail address typed by the administrator.
pub fn parse_address(text: &str) -> Result<Address> {
    Ok(Address::from_str(text.trim())?)
}

/// Sends the voicemail e-mails of every user.
pub struct Mailer {
    pbx: Arc<Pbx>,
    dir: ServerDir,
    users: Arc<Users>,
    audit: Audit,
    config: SmtpConfig,
    sender: Mailbox,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    /// When the server started watching mailboxes (messages before it are never mailed).
    started: i64,
    /// Mailboxes to look at (coalesced).
    dirty: Mutex<BTreeSet<String>>,
    wake: Notify,
}

impl Mailer {
    /// The mailer of a server whose `server.json` names a relay; `None` when it names none.
    pub fn new(pbx: Arc<Pbx>, dir: &ServerDir, users: Arc<Users>, audit: Audit) -> Result<Option<Arc<Self>>> {
        let Some(config) = dir.load_config()?.smtp else {
            return Ok(None);
        };
        config.check()?;
        let password = match config.username {
            Some(_) => Some(SmtpPassword::from_file(&dir.smtp_password_file())?),
            None => None,
        };
        let transport = config.transport(password)?;
        Ok(Some(Arc::new(Self {
            pbx,
            dir: dir.clone(),
            users,
            audit,
            sender: config.sender()?,
            config,
            transport,
            started: jiff::Timestamp::now().as_second(),
            dirty: Mutex::new(BTreeSet::new()),
            wake: Notify::new(),
        })))
    }

    /// Asks for a look at `extension`'s mailbox soon.
    pub fn mailbox_changed(&self, extension: &str) {
        self.dirty
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(extension.to_owned());
        self.wake.notify_one();
    }

    /// Asks for a look at every user's mailbox (at start, and when Asterisk is back).
    pub fn check_all(&self) {
        match self.users.current() {
            Ok(file) => {
                self.dirty
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .extend(file.users.into_keys());
                self.wake.notify_one();
            }
            Err(error) => tracing::error!(error = format!("{error:#}"), "mail: cannot read the users"),
        }
    }

    /// Looks at mailboxes as they are asked for, forever.
    pub async fn run(self: Arc<Self>) {
        loop {
            self.wake.notified().await;
            let batch = std::mem::take(&mut *self.dirty.lock().unwrap_or_else(PoisonError::into_inner));
            for extension in batch {
                if let Err(error) = self.check(&extension).await {
                    tracing::warn!(extension, error = format!("{error:#}"), "mail: mailbox not checked");
                }
            }
        }
    }

    /// Mails `extension`'s new messages (or, with notification off, notes them handled).
    async fn check(&self, extension: &str) -> Result<()> {
        let Some(entry) = self.users.current()?.users.remove(extension) else {
            return Ok(());
        };
        let pbx = self.pbx.clone();
        let ext = extension.to_owned();
        let (notification, listing) = tokio::task::spawn_blocking(move || pbx.mail_view(&ext)).await??;
        let path = self.dir.mailed_file(extension);
        let mut handled = match Handled::load(&path)? {
            Loaded::Found(handled) => handled,
            Loaded::Missing => Handled::starting(self.started),
            Loaded::Damaged(aside) => {
                self.audit.record(
                    "server",
                    &format!(
                        "mail: damaged {} kept as {}; messages from now on are mailed",
                        path.display(),
                        aside.display()
                    ),
                    "local",
                );
                Handled::starting(jiff::Timestamp::now().as_second())
            }
        };
        let new = handled.unhandled(&listing);
        let mut mailed = 0;
        if notification && !new.is_empty() {
            let to = self.recipient(extension, entry.email.as_deref()).await;
            let language = entry.language;
            // After one message failed every attempt, the rest of this batch get one attempt each: a
            // dead relay holds a backlog for seconds, not minutes.
            let mut attempts = self.config.attempts.max(1);
            for message in &new {
                match &to {
                    Some(to) => {
                        if self.mail(extension, to, language, message, attempts).await {
                            mailed += 1;
                        } else {
                            attempts = 1;
                        }
                    }
                    None => self.audit.record(
                        "server",
                        &format!(
                            "mail: message {} for {extension} not e-mailed: no address (set one with `user email`, \
                             or the mailbox's e-mail in Asterisk)",
                            message.id
                        ),
                        "local",
                    ),
                }
                handled.mark(message);
                handled.save(&path)?;
            }
        } else {
            for message in &new {
                handled.mark(message);
            }
        }
        handled.prune(&listing);
        handled.save(&path)?;
        tracing::info!(
            extension,
            new = new.len(),
            mailed,
            notification,
            "mail: mailbox checked"
        );
        Ok(())
    }

    /// The address to mail: the administrator's (`user email`) first, else Asterisk's for the mailbox.
    async fn recipient(&self, extension: &str, set: Option<&str>) -> Option<Mailbox> {
        let text = match set {
            Some(text) => Some(text.to_owned()),
            None => {
                let pbx = self.pbx.clone();
                let ext = extension.to_owned();
                match tokio::task::spawn_blocking(move || pbx.mailbox_email(&ext)).await {
                    Ok(Ok(found)) => found,
                    Ok(Err(error)) => {
                        tracing::warn!(extension, %error, "mail: the mailbox's address not read");
                        None
                    }
                    Err(error) => {
                        tracing::error!(extension, %error, "mail: address task failed");
                        None
                    }
                }
            }
        }?;
        match parse_address(&text) {
            Ok(address) => Some(Mailbox::new(None, address)),
            Err(error) => {
                tracing::warn!(extension, address = %text.escape_debug(), %error, "mail: not an e-mail address");
                None
            }
        }
    }

    /// Mails one message to `to` in `language` (both, when unknown), in up to `attempts` attempts with
    /// backoff between them; whether it was sent. Every failure is logged once; the outcome goes to
    /// `audit.log`.
    async fn mail(
        &self,
        extension: &str,
        to: &Mailbox,
        language: Option<UserLanguage>,
        message: &VoicemailMessage,
        attempts: u32,
    ) -> bool {
        let audio = self.audio(extension, message).await;
        let notice = compose::Notice {
            extension,
            message,
            audio,
            zone: jiff::tz::TimeZone::system(),
            language,
        };
        let email = match compose::compose(&self.sender, to, &notice) {
            Ok(email) => email,
            Err(error) => {
                tracing::error!(extension, error = format!("{error:#}"), "mail: e-mail not built");
                return false;
            }
        };
        let mut reason = String::new();
        for attempt in 1..=attempts {
            if attempt > 1 {
                tokio::time::sleep(self.config.pause_before(attempt - 1)).await;
            }
            match self.transport.send(email.clone()).await {
                Ok(_) => {
                    self.audit.record(
                        "server",
                        &format!(
                            "mail: voicemail {} for {extension} e-mailed to {}",
                            message.id, to.email
                        ),
                        "local",
                    );
                    return true;
                }
                Err(error) => {
                    reason = describe(&error);
                    tracing::warn!(
                        extension,
                        message = %message.id,
                        attempt,
                        attempts,
                        relay = %self.config.host.with_port(self.config.port.get()),
                        error = %reason,
                        "mail: voicemail e-mail not sent"
                    );
                    if error.is_permanent() {
                        break;
                    }
                }
            }
        }
        self.audit.record(
            "server",
            &format!(
                "mail: voicemail {} for {extension} NOT e-mailed to {} (relay {}): {reason}",
                message.id,
                to.email,
                self.config.host.with_port(self.config.port.get())
            ),
            "local",
        );
        false
    }

    /// The message's recording as WAV, or why not.
    async fn audio(&self, extension: &str, message: &VoicemailMessage) -> Result<Vec<u8>, AudioMissing> {
        let pbx = self.pbx.clone();
        let ext = extension.to_owned();
        let id = message.id.clone();
        let read = tokio::task::spawn_blocking(move || pbx.message_audio(&ext, &id))
            .await
            .map_err(|_| AudioMissing::Failed)?;
        let wav = read.map_err(|error| {
            tracing::warn!(extension, message = %message.id, %error, "mail: recording not attached");
            match error {
                CoreError::Phone(PhoneError::Audio(AudioError::NeedsServer)) => AudioMissing::NotReadable,
                CoreError::Phone(PhoneError::Audio(AudioError::TooLarge { .. })) => AudioMissing::TooLarge,
                _ => AudioMissing::Failed,
            }
        })?;
        if wav.len() > compose::MAX_ATTACHMENT_BYTES {
            return Err(AudioMissing::TooLarge);
        }
        Ok(wav)
    }
}

/// A relay failure in one line, without credentials (lettre's errors carry none; the relay's own
/// words are kept, stripped of control characters).
fn describe(error: &lettre::transport::smtp::Error) -> String {
    let kind = if error.is_transient() {
        "temporary"
    } else if error.is_permanent() {
        "permanent"
    } else if error.is_timeout() {
        "timeout"
    } else {
        "connection"
    };
    let mut text = format!("{kind}: {error}");
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text.chars().filter(|c| !c.is_control()).take(300).collect()
}
