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

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::thread::JoinHandle;

    use super::*;
    use crate::phone_system::asterisk::message::MessageReader;
    use crate::phone_system::asterisk::secret::AmiSecret;
    use crate::phone_system::asterisk::target::{AmiHost, AmiUsername};

    type TestResult = Result<(), Box<dyn std::error::Error>>;
    type ServerResult = Result<Vec<String>, String>;

    /// One accepted connection of the fake server.
    struct Peer {
        reader: MessageReader<BufReader<TcpStream>>,
        writer: TcpStream,
    }

    impl Peer {
        fn accept(listener: &TcpListener) -> Result<Self, String> {
            let (stream, _) = listener.accept().map_err(|e| e.to_string())?;
            let reader = MessageReader::new(BufReader::new(stream.try_clone().map_err(|e| e.to_string())?));
            let mut peer = Self { reader, writer: stream };
            peer.send("Asterisk Call Manager/11.0.0\r\n")?;
            Ok(peer)
        }

        fn send(&mut self, text: &str) -> Result<(), String> {
            self.writer.write_all(text.as_bytes()).map_err(|e| e.to_string())
        }

        /// Reads an action; returns its name and ActionID.
        fn action(&mut self) -> Result<(String, String), String> {
            let message = self.reader.read_message().map_err(|e| e.to_string())?.ok_or("closed")?;
            let name = message.get("Action").unwrap_or_default().to_owned();
            Ok((name, message.action_id().unwrap_or_default().to_owned()))
        }

        /// Answers a Login, with the ActionID in the middle and Response last.
        fn login(&mut self) -> Result<(), String> {
            let (name, id) = self.action()?;
            if name != "Login" {
                return Err(format!("expected Login, got {name}"));
            }
            self.send(&format!(
                "Message: Authentication accepted\r\nActionID: {id}\r\nResponse: Success\r\n\r\n"
            ))
        }
    }

    /// A fake AMI server on a free port running `script`; returns the client and the server thread.
    fn serve(
        script: impl FnOnce(&TcpListener) -> ServerResult + Send + 'static,
    ) -> Result<(AmiClient, JoinHandle<ServerResult>), Box<dyn std::error::Error>> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let server = std::thread::spawn(move || script(&listener));
        let target = AmiTarget::new(
            AmiHost::parse("127.0.0.1")?,
            port,
            &AmiUsername::parse("u")?,
            AmiSecret::new("s")?,
        );
        Ok((AmiClient::new(target).with_timeout(Duration::from_secs(3)), server))
    }

    fn value(text: &str) -> Result<AmiValue, PhoneError> {
        AmiValue::new("test", text)
    }

    #[test]
    fn lists_survive_any_header_order_and_unrelated_events() -> TestResult {
        let (mut client, server) = serve(|listener| {
            let mut peer = Peer::accept(listener)?;
            peer.login()?;
            let (name, id) = peer.action()?;
            peer.send("Event: TestEvent\r\nPrivilege: reporting,all\r\n\r\n")?;
            peer.send(&format!(
                "EventList: start\r\nActionID: {id}\r\nResponse: Success\r\n\r\n"
            ))?;
            peer.send(&format!(
                "Val: +4812\r\nKey: /CF/201\r\nEvent: DBGetTreeResponse\r\nActionID: {id}\r\n\r\n"
            ))?;
            peer.send("Response: Failure\r\nEvent: OriginateResponse\r\nActionID: 999\r\n\r\n")?;
            peer.send(&format!(
                "ActionID: {id}\r\nEvent: DBGetTreeComplete\r\nEventList: Complete\r\nListItems: 1\r\n\r\n"
            ))?;
            Ok(vec![name])
        })?;
        let tree = client.db_get_tree(&value("CF")?, &value("201")?)?;
        assert_eq!(tree.get("/CF/201").map(String::as_str), Some("+4812"));
        assert_eq!(server.join().map_err(|_| "server panicked")??, ["DBGetTree"]);
        Ok(())
    }

    #[test]
    fn reconnects_after_the_server_restarts_and_resends_only_safe_actions() -> TestResult {
        let (mut client, server) = serve(|listener| {
            let mut seen = Vec::new();
            // First connection: log in, answer one DBGet, then die while a DBPut is pending.
            let mut peer = Peer::accept(listener)?;
            peer.login()?;
            let (name, id) = peer.action()?;
            seen.push(name);
            peer.send(&format!(
                "Response: Error\r\nActionID: {id}\r\nMessage: Database entry not found\r\n\r\n"
            ))?;
            let (name, _) = peer.action()?;
            seen.push(name);
            drop(peer);
            // Second connection: the DBPut is sent again and answered; then an Originate kills it.
            let mut peer = Peer::accept(listener)?;
            peer.login()?;
            let (name, id) = peer.action()?;
            seen.push(name);
            peer.send(&format!("ActionID: {id}\r\nResponse: Success\r\n\r\n"))?;
            let (name, _) = peer.action()?;
            seen.push(name);
            drop(peer);
            Ok(seen)
        })?;
        assert_eq!(client.db_get(&value("CF")?, &value("201")?)?, None);
        client.db_put(&value("CF")?, &value("201")?, &value("600")?)?;
        assert_eq!(client.reconnects(), 1);
        let originate = Originate {
            channel: value("Local/201@x")?,
            context: value("y")?,
            exten: value("s")?,
            timeout: Duration::from_secs(1),
            channel_id: None,
            other_channel_id: None,
            variables: Vec::new(),
        };
        let error = client
            .originate(&originate)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.starts_with("Cannot reach the phone system at 127.0.0.1:"),
            "{error}"
        );
        assert_eq!(
            server.join().map_err(|_| "server panicked")??,
            ["DBGet", "DBPut", "DBPut", "Originate"]
        );
        Ok(())
    }

    #[test]
    fn rejected_login_and_silence_are_clear_errors() -> TestResult {
        let (mut client, server) = serve(|listener| {
            let mut peer = Peer::accept(listener)?;
            let (_, id) = peer.action()?;
            peer.send(&format!(
                "Response: Error\r\nActionID: {id}\r\nMessage: Authentication failed\r\n\r\n"
            ))?;
            let mut silent = Peer::accept(listener)?;
            silent.action()?;
            std::thread::sleep(Duration::from_millis(1500));
            Ok(Vec::new())
        })?;
        let error = client.connect().err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            error,
            "The phone system rejected the login for user \"u\": check the user name and secret."
        );
        client = client.with_timeout(Duration::from_millis(500));
        assert!(matches!(client.connect(), Err(PhoneError::Timeout { .. })));
        server.join().map_err(|_| "server panicked")??;
        Ok(())
    }
}
