//! `AmiClient`: one AMI connection, opened on first use and reopened with backoff when Asterisk
//! restarts; typed helpers for the actions callprofiles uses.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::action::{Action, Originate};
use super::connection::{Connection, Failure, Reply};
use super::message::Message;
use super::target::AmiTarget;
use super::value::AmiValue;
use crate::error::PhoneError;

/// How long one request may take in all, reconnecting included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);
/// First pause before reconnecting; doubled after each failed attempt up to [`MAX_BACKOFF`].
pub const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// Longest pause between reconnection attempts.
pub const MAX_BACKOFF: Duration = Duration::from_secs(1);

/// A synchronous AMI client over one TCP connection.
#[derive(Debug)]
pub struct AmiClient {
    target: AmiTarget,
    events: bool,
    timeout: Duration,
    connection: Option<Connection>,
    ever_connected: bool,
    reconnects: u64,
}

impl AmiClient {
    /// A client for `target`; nothing is sent until the first request.
    pub fn new(target: AmiTarget) -> Self {
        Self {
            target,
            events: false,
            timeout: DEFAULT_TIMEOUT,
            connection: None,
            ever_connected: false,
            reconnects: 0,
        }
    }

    /// Asks Asterisk for events on this connection (see [`AmiClient::next_event`]).
    pub fn with_events(mut self) -> Self {
        self.events = true;
        self
    }

    /// Sets how long one request may take in all.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The target's `host:port`.
    pub fn address(&self) -> String {
        self.target.address()
    }

    /// Whether a logged-in connection is open right now.
    pub fn connected(&self) -> bool {
        self.connection.is_some()
    }

    /// How many times a connection was opened again after one was lost.
    pub fn reconnects(&self) -> u64 {
        self.reconnects
    }

    /// Connects and logs in now, if not connected yet.
    pub fn connect(&mut self) -> Result<(), PhoneError> {
        self.send(&Action::ping()).map(|_| ())
    }

    /// Sends an action and returns its reply (whatever its `Response:`); reconnects with backoff
    /// when the connection is lost, re-sending only actions that are safe to repeat.
    pub fn send(&mut self, action: &Action) -> Result<Reply, PhoneError> {
        let deadline = Instant::now() + self.timeout;
        let mut backoff = FIRST_BACKOFF;
        loop {
            let failure = match self.try_send(action, deadline) {
                Ok(reply) => return Ok(reply),
                Err(failure) => failure,
            };
            self.connection = None;
            let retry = match &failure {
                Failure::Lost { sent, .. } => !sent || action.repeatable(),
                Failure::Timeout | Failure::Authentication | Failure::Protocol(_) => false,
            };
            let pause_ends = Instant::now() + backoff;
            if !retry || pause_ends >= deadline {
                return Err(self.error(failure));
            }
            tracing::info!(address = %self.address(), action = action.name(), "AMI connection lost; reconnecting");
            std::thread::sleep(backoff);
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    /// One attempt: connect if needed, then send.
    fn try_send(&mut self, action: &Action, deadline: Instant) -> Result<Reply, Failure> {
        let connection = match &mut self.connection {
            Some(connection) => connection,
            None => {
                let opened = Connection::open(&self.target, self.events, deadline)?;
                if self.ever_connected {
                    self.reconnects += 1;
                }
                self.ever_connected = true;
                self.connection.insert(opened)
            }
        };
        connection.request(action, deadline)
    }

    /// The user-facing error for a failure.
    fn error(&self, failure: Failure) -> PhoneError {
        match failure {
            Failure::Lost { reason, .. } => PhoneError::Unreachable {
                address: self.address(),
                reason,
            },
            Failure::Timeout => PhoneError::Timeout {
                seconds: self.timeout.as_secs().max(1),
            },
            Failure::Authentication => PhoneError::AuthenticationFailed {
                username: self.target.username.as_str().to_owned(),
            },
            Failure::Protocol(reason) => PhoneError::Unreachable {
                address: self.address(),
                reason: format!("it does not speak AMI: {reason}"),
            },
        }
    }

    /// Sends an action that must succeed; `Response: Error` becomes [`PhoneError::Refused`].
    pub fn expect_success(&mut self, action: &Action) -> Result<Reply, PhoneError> {
        let reply = self.send(action)?;
        match reply.response.response() {
            Some("Success") => Ok(reply),
            _ => Err(refused(action, &reply.response)),
        }
    }

    /// Every key below `family/key` with its value, keyed by the full path (`/CF/201`).
    pub fn db_get_tree(&mut self, family: &AmiValue, key: &AmiValue) -> Result<BTreeMap<String, String>, PhoneError> {
        let reply = self.expect_success(&Action::db_get_tree(family, key))?;
        Ok(reply
            .list
            .iter()
            .filter(|event| event.event() == Some("DBGetTreeResponse"))
            .filter_map(|event| Some((event.get("Key")?.to_owned(), event.get("Val").unwrap_or("").to_owned())))
            .collect())
    }

    /// One key's value; `None` when it does not exist.
    pub fn db_get(&mut self, family: &AmiValue, key: &AmiValue) -> Result<Option<String>, PhoneError> {
        let action = Action::db_get(family, key);
        let reply = self.send(&action)?;
        if reply.response.response() != Some("Success") {
            return match reply.response.get("Message") {
                Some(message) if message.contains("not found") => Ok(None),
                _ => Err(refused(&action, &reply.response)),
            };
        }
        Ok(reply
            .list
            .iter()
            .find(|event| event.event() == Some("DBGetResponse"))
            .and_then(|event| event.get("Val"))
            .map(str::to_owned))
    }

    /// Stores a value.
    pub fn db_put(&mut self, family: &AmiValue, key: &AmiValue, value: &AmiValue) -> Result<(), PhoneError> {
        self.expect_success(&Action::db_put(family, key, value)).map(|_| ())
    }

    /// Deletes a key; deleting a key that does not exist is not an error.
    pub fn db_del(&mut self, family: &AmiValue, key: &AmiValue) -> Result<(), PhoneError> {
        self.delete(&Action::db_del(family, key))
    }

    /// Deletes every key below `family/key`; an empty tree is not an error.
    pub fn db_del_tree(&mut self, family: &AmiValue, key: &AmiValue) -> Result<(), PhoneError> {
        self.delete(&Action::db_del_tree(family, key))
    }

    /// Sends a deletion, accepting Asterisk's answers for what does not exist ("Database entry could
    /// not be deleted" from `DBDel`, "Database entry not found" from `DBDelTree`).
    fn delete(&mut self, action: &Action) -> Result<(), PhoneError> {
        let reply = self.send(action)?;
        match (reply.response.response(), reply.response.get("Message")) {
            (Some("Success"), _) => Ok(()),
            (_, Some(message)) if message.contains("could not be deleted") || message.contains("not found") => Ok(()),
            _ => Err(refused(action, &reply.response)),
        }
    }

    /// Sets a global variable or function, e.g. `DEVICE_STATE(Custom:CF201)`.
    pub fn setvar(&mut self, variable: &AmiValue, value: &AmiValue) -> Result<(), PhoneError> {
        self.expect_success(&Action::setvar(variable, value)).map(|_| ())
    }

    /// Reads a global variable or function.
    pub fn getvar(&mut self, variable: &AmiValue) -> Result<String, PhoneError> {
        let reply = self.expect_success(&Action::getvar(variable))?;
        Ok(reply.response.get("Value").unwrap_or("").to_owned())
    }

    /// Places a call (asynchronously: its result arrives as an `OriginateResponse` event).
    pub fn originate(&mut self, originate: &Originate) -> Result<(), PhoneError> {
        self.expect_success(&originate.action()).map(|_| ())
    }

    /// Runs an Asterisk CLI command and returns its output lines.
    pub fn command(&mut self, command: &AmiValue) -> Result<Vec<String>, PhoneError> {
        let reply = self.expect_success(&Action::command(command))?;
        Ok(reply.response.all("Output").map(str::to_owned).collect())
    }

    /// The number of new messages in `mailbox@context`.
    pub fn new_messages(&mut self, mailbox: &AmiValue) -> Result<u64, PhoneError> {
        let reply = self.expect_success(&Action::mailbox_count(mailbox))?;
        reply
            .response
            .get("NewMessages")
            .and_then(|count| count.trim().parse().ok())
            .ok_or_else(|| PhoneError::BadState {
                reason: "MailboxCount answered without a message count".to_owned(),
            })
    }

    /// The next event (connecting first if needed), waiting up to `wait`; `None` if none came.
    /// Only a client made [`AmiClient::with_events`] receives events.
    pub fn next_event(&mut self, wait: Duration) -> Result<Option<Message>, PhoneError> {
        if self.connection.is_none() {
            self.connect()?;
        }
        let deadline = Instant::now() + wait;
        let result = match &mut self.connection {
            Some(connection) => connection.next_event(deadline),
            None => Ok(None),
        };
        result.map_err(|failure| {
            self.connection = None;
            self.error(failure)
        })
    }

    /// Logs off and closes the connection (also done by dropping the client, less politely).
    pub fn close(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            connection
                .request(&Action::logoff(), Instant::now() + FIRST_BACKOFF)
                .ok();
        }
    }
}

/// The error for a `Response: Error` to `action`.
fn refused(action: &Action, response: &Message) -> PhoneError {
    let message = response.get("Message").unwrap_or("no reason given");
    PhoneError::Refused {
        message: format!("{} failed: {}", action.name(), crate::phone_number::shorten(message)),
    }
}
