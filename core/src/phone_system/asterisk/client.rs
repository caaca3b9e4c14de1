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
/// While Asterisk seems down (the previous request could not reach it), a request makes one connection
/// attempt of at most this long instead of retrying for the whole timeout, so a poll or a click fails
/// fast instead of holding everything behind it; the first request after a drop still retries in full.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

/// A pause drawn at random between half of `backoff` and all of it, so that many clients losing
/// their connection at once (Asterisk restarted) do not all come back at the same instants.
pub fn jittered(backoff: Duration) -> Duration {
    use std::hash::{BuildHasher, Hasher};
    // `RandomState` is seeded randomly per thread and varies per instance: enough for a jitter.
    let hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let fraction = (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64;
    backoff.mul_f64(0.5 + fraction / 2.0)
}

/// A synchronous AMI client over one TCP connection.
#[derive(Debug)]
pub struct AmiClient {
    target: AmiTarget,
    events: bool,
    timeout: Duration,
    connection: Option<Connection>,
    ever_connected: bool,
    reconnects: u64,
    /// The previous request ended without reaching Asterisk (lost, refused or silent).
    seems_down: bool,
    /// The next request probes once even if Asterisk does not seem down (see [`AmiClient::probe_next`]).
    probe_requested: bool,
    /// Connections tried, successful or not.
    attempts: u64,
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
            seems_down: false,
            probe_requested: false,
            attempts: 0,
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

    /// How many connections were tried, successful or not.
    pub fn attempts(&self) -> u64 {
        self.attempts
    }

    /// Whether the previous request could not reach Asterisk (the next one then probes once, briefly).
    pub fn seems_down(&self) -> bool {
        self.seems_down
    }

    /// Makes the next request, if it must connect, try once (at most [`PROBE_TIMEOUT`]) instead of retrying:
    /// for background reads that will come again anyway, so they never hold a user's request behind them.
    pub fn probe_next(&mut self) {
        self.probe_requested = true;
    }

    /// Connects and logs in now, if not connected yet.
    pub fn connect(&mut self) -> Result<(), PhoneError> {
        self.send(&Action::ping()).map(|_| ())
    }

    /// Sends an action and returns its reply (whatever its `Response:`); reconnects with backoff
    /// when the connection is lost, re-sending only actions that are safe to repeat.
    pub fn send(&mut self, action: &Action) -> Result<Reply, PhoneError> {
        self.send_all(std::slice::from_ref(action))?
            .pop()
            .ok_or_else(|| PhoneError::IncompleteAnswer {
                action: action.name().to_owned(),
                missing: "no reply came",
            })
    }

    /// Sends every action without waiting in between (pipelined), then collects their replies,
    /// matched by ActionID whatever their order; the replies come in the order of `actions`. When
    /// the connection is lost, the whole batch is sent again after a reconnection only if every
    /// action in it is safe to repeat.
    pub fn send_all(&mut self, actions: &[Action]) -> Result<Vec<Reply>, PhoneError> {
        let started = Instant::now();
        let deadline = started + self.timeout;
        let probing = (self.seems_down || std::mem::take(&mut self.probe_requested)) && self.connection.is_none();
        let open_deadline = if probing {
            deadline.min(started + PROBE_TIMEOUT)
        } else {
            deadline
        };
        let mut backoff = FIRST_BACKOFF;
        loop {
            let failure = match self.try_send(actions, open_deadline, deadline) {
                Ok(replies) => {
                    self.seems_down = false;
                    return Ok(replies);
                }
                Err(failure) => failure,
            };
            self.connection = None;
            let retry = !probing
                && match &failure {
                    Failure::Lost { sent, .. } => !sent || actions.iter().all(Action::repeatable),
                    Failure::Timeout | Failure::Authentication | Failure::Protocol(_) | Failure::TooLarge(_) => false,
                };
            let pause = jittered(backoff);
            if !retry || Instant::now() + pause >= deadline {
                self.seems_down = matches!(failure, Failure::Lost { .. } | Failure::Timeout);
                return Err(self.error(failure, started.elapsed()));
            }
            let action = actions.first().map_or("nothing", Action::name);
            tracing::info!(address = %self.address(), action, count = actions.len(), "AMI connection lost; reconnecting");
            std::thread::sleep(pause);
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    /// One attempt: connect (before `open_deadline`) if needed, then send (before `deadline`).
    fn try_send(
        &mut self,
        actions: &[Action],
        open_deadline: Instant,
        deadline: Instant,
    ) -> Result<Vec<Reply>, Failure> {
        let connection = match &mut self.connection {
            Some(connection) => connection,
            None => {
                self.attempts += 1;
                let opened = Connection::open(&self.target, self.events, open_deadline)?;
                if self.ever_connected {
                    self.reconnects += 1;
                }
                self.ever_connected = true;
                self.connection.insert(opened)
            }
        };
        connection.pipeline(actions, deadline)
    }

    /// The user-facing error for a failure after `waited`.
    fn error(&self, failure: Failure, waited: Duration) -> PhoneError {
        match failure {
            Failure::Lost { problem, .. } | Failure::Protocol(problem) => PhoneError::Unreachable {
                address: self.address(),
                problem,
            },
            Failure::Timeout => PhoneError::Timeout {
                seconds: waited.as_secs_f64().round().max(1.0) as u64,
            },
            Failure::Authentication => PhoneError::AuthenticationFailed {
                username: self.target.username.as_str().to_owned(),
            },
            Failure::TooLarge(bound) => PhoneError::AnswerTooLarge {
                address: self.address(),
                bound,
            },
        }
    }

    /// Sends an action that must succeed; `Response: Error` becomes [`PhoneError::Refused`].
    pub fn expect_success(&mut self, action: &Action) -> Result<Reply, PhoneError> {
        let reply = self.send(action)?;
        Expect::Success.check(action, reply)
    }

    /// Sends every action at once (see [`AmiClient::send_all`]) and checks each reply against what
    /// it expects. The outer error is a failed exchange; the inner ones are refusals of single actions.
    pub fn send_checked(&mut self, actions: &[(Action, Expect)]) -> Result<Vec<Result<Reply, PhoneError>>, PhoneError> {
        let sent: Vec<Action> = actions.iter().map(|(action, _)| action.clone()).collect();
        let replies = self.send_all(&sent)?;
        Ok(actions
            .iter()
            .zip(replies)
            .map(|((action, expect), reply)| expect.check(action, reply))
            .collect())
    }

    /// Every key below `family/key` with its value, keyed by the full path (`/CF/201`).
    pub fn db_get_tree(&mut self, family: &AmiValue, key: &AmiValue) -> Result<BTreeMap<String, String>, PhoneError> {
        self.db_get_trees(&[(family.clone(), key.clone())])
    }

    /// Every key below each `(family, key)`, all read at once (pipelined), in one map by full path.
    pub fn db_get_trees(&mut self, trees: &[(AmiValue, AmiValue)]) -> Result<BTreeMap<String, String>, PhoneError> {
        let actions: Vec<(Action, Expect)> = trees
            .iter()
            .map(|(family, key)| (Action::db_get_tree(family, key), Expect::Success))
            .collect();
        let mut entries = BTreeMap::new();
        for reply in self.send_checked(&actions)? {
            entries.extend(
                reply?
                    .list
                    .iter()
                    .filter(|event| event.event() == Some("DBGetTreeResponse"))
                    .filter_map(|event| {
                        Some((event.get("Key")?.to_owned(), event.get("Val").unwrap_or("").to_owned()))
                    }),
            );
        }
        Ok(entries)
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

    /// Sends a deletion (see [`Expect::Deleted`]).
    fn delete(&mut self, action: &Action) -> Result<(), PhoneError> {
        let reply = self.send(action)?;
        Expect::Deleted.check(action, reply).map(|_| ())
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
            .ok_or_else(|| PhoneError::IncompleteAnswer {
                action: "MailboxCount".to_owned(),
                missing: "it holds no message count",
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
            self.error(failure, wait)
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

/// What a reply must say for its action to count as done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// `Response: Success`.
    Success,
    /// `Success`, or Asterisk's answers for a key or tree that does not exist ("Database entry
    /// could not be deleted" from `DBDel`, "Database entry not found" from `DBDelTree`): either way
    /// it is gone, which is what a deletion wants.
    Deleted,
}

impl Expect {
    /// The reply if it says what is expected, else [`PhoneError::Refused`].
    pub fn check(self, action: &Action, reply: Reply) -> Result<Reply, PhoneError> {
        let gone = |message: &str| message.contains("could not be deleted") || message.contains("not found");
        match (self, reply.response.response(), reply.response.get("Message")) {
            (_, Some("Success"), _) => Ok(reply),
            (Self::Deleted, _, Some(message)) if gone(message) => Ok(reply),
            _ => Err(refused(action, &reply.response)),
        }
    }
}

/// The error for a `Response: Error` to `action`.
fn refused(action: &Action, response: &Message) -> PhoneError {
    PhoneError::Refused {
        action: action.name().to_owned(),
        message: response.get("Message").map(crate::phone_number::shorten),
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::thread::JoinHandle;

    use super::*;
    use crate::error::LinkProblem;
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
            Self::greet(stream)
        }

        /// Greets an accepted connection with the banner.
        fn greet(stream: TcpStream) -> Result<Self, String> {
            let reader = MessageReader::new(BufReader::new(stream.try_clone().map_err(|e| e.to_string())?));
            let mut peer = Self { reader, writer: stream };
            peer.send("Asterisk Call Manager/11.0.0\r\n")?;
            Ok(peer)
        }

        /// Accepts a connection and answers its Login.
        fn logged_in(listener: &TcpListener) -> Result<Self, String> {
            let mut peer = Self::accept(listener)?;
            peer.login()?;
            Ok(peer)
        }

        /// Answers `Response: Success` to the action `id`.
        fn success(&mut self, id: &str) -> Result<(), String> {
            self.send(&format!("Response: Success\r\nActionID: {id}\r\n\r\n"))
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
            let mut peer = Peer::logged_in(listener)?;
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
            let mut peer = Peer::logged_in(listener)?;
            let (name, id) = peer.action()?;
            seen.push(name);
            peer.send(&format!(
                "Response: Error\r\nActionID: {id}\r\nMessage: Database entry not found\r\n\r\n"
            ))?;
            let (name, _) = peer.action()?;
            seen.push(name);
            drop(peer);
            // Second connection: the DBPut is sent again and answered; then an Originate kills it.
            let mut peer = Peer::logged_in(listener)?;
            let (name, id) = peer.action()?;
            seen.push(name);
            peer.success(&id)?;
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
    fn pipelined_replies_are_matched_in_any_order_among_events() -> TestResult {
        let (mut client, server) = serve(|listener| {
            let mut peer = Peer::logged_in(listener)?;
            // All four actions arrive before any reply is sent.
            let actions = (0..4).map(|_| peer.action()).collect::<Result<Vec<_>, _>>()?;
            let names = actions.iter().map(|(name, _)| name.clone()).collect();
            let [(_, put), (_, del), (_, tree), (_, set)] =
                <[(String, String); 4]>::try_from(actions).map_err(|_| "four actions")?;
            // Replies last to first, the tree's list interleaved with other replies and events.
            peer.send(&format!(
                concat!(
                    "ActionID: {set}\r\nResponse: Error\r\nMessage: No such function\r\n\r\n",
                    "EventList: start\r\nResponse: Success\r\nActionID: {tree}\r\n\r\n",
                    "Event: TestEvent\r\nActionID: 1000\r\n\r\n",
                    "Event: DBGetTreeResponse\r\nKey: /CF/201\r\nVal: 600\r\nActionID: {tree}\r\n\r\n",
                    "Response: Error\r\nMessage: Database entry could not be deleted\r\nActionID: {del}\r\n\r\n",
                    "Response: Success\r\nActionID: 999\r\n\r\n",
                    "ActionID: {tree}\r\nEvent: DBGetTreeResponse\r\nVal: x\r\nKey: /CF/201/b\r\n\r\n",
                    "Event: DBGetTreeComplete\r\nEventList: Complete\r\nActionID: {tree}\r\n\r\n",
                    "Response: Success\r\nActionID: {put}\r\n\r\n",
                ),
                set = set,
                tree = tree,
                del = del,
                put = put
            ))?;
            Ok(names)
        })?;
        let (family, key) = (value("CF")?, value("201")?);
        let variable = value("DEVICE_STATE(Custom:CF201)")?;
        let results = client.send_checked(&[
            (Action::db_put(&family, &key, &value("600")?), Expect::Success),
            (Action::db_del(&family, &value("201/a")?), Expect::Deleted),
            (Action::db_get_tree(&family, &key), Expect::Success),
            (Action::setvar(&variable, &value("BUSY")?), Expect::Success),
        ])?;
        let [put, del, tree, set] = <[Result<Reply, PhoneError>; 4]>::try_from(results).map_err(|_| "four replies")?;
        assert!(put.is_ok() && del.is_ok(), "{put:?} {del:?}");
        let keys: Vec<Option<String>> = tree?.list.iter().map(|e| e.get("Key").map(str::to_owned)).collect();
        assert_eq!(keys, [Some("/CF/201".to_owned()), Some("/CF/201/b".to_owned())]);
        let refusal = set.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(refusal.contains("Setvar failed: No such function"), "{refusal}");
        assert_eq!(
            server.join().map_err(|_| "server panicked")??,
            ["DBPut", "DBDel", "DBGetTree", "Setvar"]
        );
        Ok(())
    }

    #[test]
    fn a_lost_batch_of_repeatable_actions_is_sent_again_whole() -> TestResult {
        let (mut client, server) = serve(|listener| {
            let mut seen = Vec::new();
            let mut peer = Peer::logged_in(listener)?;
            // Answers the first of two actions, then dies.
            let (name, id) = peer.action()?;
            seen.push(name);
            seen.push(peer.action()?.0);
            peer.success(&id)?;
            drop(peer);
            let mut peer = Peer::logged_in(listener)?;
            let ids = [peer.action()?, peer.action()?];
            for (name, id) in ids.iter().rev() {
                seen.push(name.clone());
                peer.success(id)?;
            }
            Ok(seen)
        })?;
        let (family, key) = (value("CF")?, value("201")?);
        let replies = client.send_all(&[
            Action::db_put(&family, &key, &value("600")?),
            Action::db_del(&family, &key),
        ])?;
        assert_eq!(replies.len(), 2);
        assert!(replies.iter().all(|r| r.response.response() == Some("Success")));
        assert_eq!(client.reconnects(), 1);
        assert_eq!(
            server.join().map_err(|_| "server panicked")??,
            ["DBPut", "DBDel", "DBDel", "DBPut"]
        );
        Ok(())
    }

    #[test]
    fn backoff_pauses_are_jittered_within_half_to_whole() {
        let pauses: Vec<Duration> = (0..200).map(|_| jittered(Duration::from_millis(400))).collect();
        assert!(
            pauses
                .iter()
                .all(|p| (Duration::from_millis(200)..=Duration::from_millis(400)).contains(p))
        );
        let distinct: std::collections::BTreeSet<Duration> = pauses.iter().copied().collect();
        assert!(distinct.len() > 150, "only {} distinct pauses of 200", distinct.len());
        let mean = pauses.iter().sum::<Duration>() / 200;
        assert!(
            (Duration::from_millis(270)..Duration::from_millis(330)).contains(&mean),
            "{mean:?}"
        );
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
    #[test]
    fn a_foreign_server_and_a_closed_port_are_typed_reasons() -> TestResult {
        let (client, server) = serve(|listener| {
            let (mut stream, _) = listener.accept().map_err(|e| e.to_string())?;
            stream
                .write_all(b"SSH-2.0-OpenSSH_9.2\r\n")
                .map_err(|e| e.to_string())?;
            Ok(Vec::new())
        })?;
        let mut client = client.with_timeout(Duration::from_millis(800));
        match client.connect() {
            Err(PhoneError::Unreachable {
                problem: LinkProblem::WrongBanner { banner },
                ..
            }) => assert_eq!(banner, "SSH-2.0-OpenSSH_9.2"),
            other => return Err(format!("{other:?}").into()),
        }
        server.join().map_err(|_| "server panicked")??;

        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let target = AmiTarget::new(
            AmiHost::parse("127.0.0.1")?,
            port,
            &AmiUsername::parse("u")?,
            AmiSecret::new("s")?,
        );
        let mut closed = AmiClient::new(target).with_timeout(Duration::from_millis(300));
        match closed.connect() {
            Err(PhoneError::Unreachable {
                problem: LinkProblem::Network { kind, .. },
                address,
            }) => {
                assert_eq!(kind, std::io::ErrorKind::ConnectionRefused);
                assert_eq!(address, format!("127.0.0.1:{port}"));
            }
            other => return Err(format!("{other:?}").into()),
        }
        Ok(())
    }
    #[test]
    fn while_asterisk_seems_down_a_request_probes_once_instead_of_retrying() -> TestResult {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let accepted = Arc::new(AtomicUsize::new(0));
        let healthy = Arc::new(AtomicBool::new(false));
        let (server_accepted, server_healthy) = (Arc::clone(&accepted), Arc::clone(&healthy));
        let (client, server) = serve(move |listener| {
            loop {
                let (stream, _) = listener.accept().map_err(|e| e.to_string())?;
                server_accepted.fetch_add(1, Ordering::SeqCst);
                if !server_healthy.load(Ordering::SeqCst) {
                    // Accepted and closed at once, like an Asterisk that is shutting down.
                    drop(stream);
                    continue;
                }
                let mut peer = Peer::greet(stream)?;
                peer.login()?;
                let (_, id) = peer.action()?;
                peer.success(&id)?;
                return Ok(Vec::new());
            }
        })?;
        let mut client = client.with_timeout(Duration::from_millis(1500));

        // Lost at once: the first request retries with backoff for its whole timeout.
        assert!(client.connect().is_err());
        let first = client.attempts();
        assert!(first >= 3, "{first} attempts");
        assert!(client.seems_down());
        // Still down: the next requests try once each.
        assert!(client.connect().is_err());
        assert!(client.connect().is_err());
        assert_eq!(client.attempts(), first + 2);
        assert_eq!(accepted.load(Ordering::SeqCst) as u64, first + 2);

        // Back: one probe finds it.
        healthy.store(true, Ordering::SeqCst);
        client.connect()?;
        assert_eq!(client.attempts(), first + 3);
        assert!(!client.seems_down());
        server.join().map_err(|_| "server panicked")??;
        Ok(())
    }
    #[test]
    fn a_server_dripping_bytes_cannot_stretch_a_request_past_its_deadline() -> TestResult {
        let drip = |stream: &mut TcpStream, text: &str| -> Result<(), String> {
            for byte in text.bytes() {
                if stream.write_all(&[byte]).is_err() {
                    return Ok(());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(())
        };
        let (client, server) = serve(move |listener| {
            // In the banner.
            let (mut stream, _) = listener.accept().map_err(|e| e.to_string())?;
            drip(&mut stream, "Asterisk Call Manager/11.0.0\r\n")?;
            // In the answer to a DBPut, after Login.
            let mut peer = Peer::logged_in(listener)?;
            let (_, id) = peer.action()?;
            drip(
                &mut peer.writer,
                &format!("Response: Success\r\nActionID: {id}\r\n\r\n"),
            )?;
            Ok(Vec::new())
        })?;
        let mut client = client.with_timeout(Duration::from_millis(600));
        for _ in 0..2 {
            let started = Instant::now();
            let result = client.db_put(&value("CF")?, &value("201")?, &value("600")?);
            let took = started.elapsed();
            assert!(matches!(result, Err(PhoneError::Timeout { .. })), "{result:?}");
            assert!(took < Duration::from_millis(900), "took {took:?}");
        }
        drop(client);
        server.join().map_err(|_| "server panicked")??;
        Ok(())
    }

    #[test]
    fn an_endless_list_is_cut_at_its_bound_and_said_so() -> TestResult {
        let (client, server) = serve(|listener| {
            let mut peer = Peer::logged_in(listener)?;
            let (_, id) = peer.action()?;
            peer.send(&format!(
                "Response: Success\r\nEventList: start\r\nActionID: {id}\r\n\r\n"
            ))?;
            let entry = format!("Event: DBGetTreeResponse\r\nActionID: {id}\r\nKey: /CF/201\r\nVal: 1\r\n\r\n");
            let chunk = entry.repeat(200);
            // Until the client hangs up.
            while peer.send(&chunk).is_ok() {}
            Ok(Vec::new())
        })?;
        let mut client = client.with_timeout(Duration::from_secs(20));
        let started = Instant::now();
        match client.db_get_tree(&value("CF")?, &value("201")?) {
            Err(PhoneError::AnswerTooLarge { bound, .. }) => {
                assert_eq!(
                    bound,
                    crate::error::Overflow::Entries(super::super::connection::MAX_LIST_ENTRIES)
                );
            }
            other => return Err(format!("{other:?}").into()),
        }
        assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
        drop(client);
        server.join().map_err(|_| "server panicked")??;
        Ok(())
    }

    #[test]
    fn a_flood_of_unrelated_bytes_is_cut_at_the_answer_bound() -> TestResult {
        let (client, server) = serve(|listener| {
            let mut peer = Peer::logged_in(listener)?;
            peer.action()?;
            let chunk = "Event: Noise\r\nData: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n\r\n".repeat(500);
            while peer.send(&chunk).is_ok() {}
            Ok(Vec::new())
        })?;
        let mut client = client.with_timeout(Duration::from_secs(20));
        match client.db_put(&value("CF")?, &value("201")?, &value("600")?) {
            Err(PhoneError::AnswerTooLarge { bound, .. }) => {
                assert_eq!(
                    bound,
                    crate::error::Overflow::Bytes(super::super::connection::MAX_ANSWER_BYTES)
                );
            }
            other => return Err(format!("{other:?}").into()),
        }
        drop(client);
        server.join().map_err(|_| "server panicked")??;
        Ok(())
    }

    #[test]
    fn a_requested_probe_tries_once_even_before_any_failure() -> TestResult {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let target = || -> Result<AmiTarget, PhoneError> {
            Ok(AmiTarget::new(
                AmiHost::parse("127.0.0.1")?,
                port,
                &AmiUsername::parse("u")?,
                AmiSecret::new("s")?,
            ))
        };
        let mut probed = AmiClient::new(target()?).with_timeout(Duration::from_millis(600));
        probed.probe_next();
        assert!(probed.connect().is_err());
        assert_eq!(probed.attempts(), 1);
        let mut patient = AmiClient::new(target()?).with_timeout(Duration::from_millis(600));
        assert!(patient.connect().is_err());
        assert!(patient.attempts() >= 3, "{} attempts", patient.attempts());
        Ok(())
    }
}
