//! One logged-in AMI session over a `TcpStream`: send an action, collect its response (and event
//! list), keep unrelated events aside. Every read and write has a deadline.

use std::collections::VecDeque;
use std::io::{self, BufReader, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use super::action::Action;
use super::message::{Message, MessageReader};
use super::target::AmiTarget;

/// Most unrelated events kept for [`Connection::next_event`]; older ones are dropped.
const MAX_KEPT_EVENTS: usize = 2048;

/// Why an exchange failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The connection broke or could not be made: worth reconnecting.
    Lost {
        /// Whether the action may already have reached Asterisk.
        sent: bool,
        /// What happened.
        reason: String,
    },
    /// No answer before the deadline.
    Timeout,
    /// Asterisk rejected the login.
    Authentication,
    /// Asterisk answered something that is not AMI.
    Protocol(String),
}

/// A response and, for list actions, the events of its list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// The `Response:` message.
    pub response: Message,
    /// The list's events, without the closing `…Complete` event.
    pub list: Vec<Message>,
}

/// A logged-in session.
#[derive(Debug)]
pub(crate) struct Connection {
    writer: TcpStream,
    reader: MessageReader<BufReader<TcpStream>>,
    next_action_id: u64,
    events: VecDeque<Message>,
}

impl Connection {
    /// Connects, checks the banner and logs in, all before `deadline`.
    pub(crate) fn open(target: &AmiTarget, events: bool, deadline: Instant) -> Result<Self, Failure> {
        let lost = |reason: String| Failure::Lost { sent: false, reason };
        let addresses = (target.host.as_str(), target.port)
            .to_socket_addrs()
            .map_err(|e| lost(format!("cannot resolve {}: {e}", target.host)))?;
        let mut last_error = format!("{} has no address", target.host);
        let mut stream = None;
        for address in addresses {
            let Some(remaining) = remaining(deadline) else {
                return Err(Failure::Timeout);
            };
            match TcpStream::connect_timeout(&address, remaining) {
                Ok(connected) => {
                    stream = Some(connected);
                    break;
                }
                Err(error) if error.kind() == io::ErrorKind::TimedOut => return Err(Failure::Timeout),
                Err(error) => last_error = error.to_string(),
            }
        }
        let stream = stream.ok_or_else(|| lost(last_error))?;
        stream.set_nodelay(true).ok();
        let reader_stream = stream.try_clone().map_err(|e| lost(e.to_string()))?;
        let mut connection = Self {
            writer: stream,
            reader: MessageReader::new(BufReader::new(reader_stream)),
            next_action_id: 1,
            events: VecDeque::new(),
        };
        connection.read_banner(deadline)?;
        let reply = connection.request(&Action::login(&target.username, &target.secret, events), deadline)?;
        if reply.response.response() != Some("Success") {
            return Err(Failure::Authentication);
        }
        Ok(connection)
    }

    /// Reads the `Asterisk Call Manager/…` line.
    fn read_banner(&mut self, deadline: Instant) -> Result<(), Failure> {
        self.set_read_deadline(deadline)?;
        match self.reader.read_line() {
            Ok(Some(line)) if line.starts_with("Asterisk Call Manager/") => Ok(()),
            Ok(Some(line)) => Err(Failure::Protocol(format!(
                "it greeted with \"{}\" instead of the Asterisk Call Manager banner",
                crate::phone_number::shorten(&line)
            ))),
            Ok(None) => Err(Failure::Lost {
                sent: false,
                reason: "it closed the connection at once".to_owned(),
            }),
            Err(error) => Err(read_failure(error, false)),
        }
    }

    /// Sends `action` and waits for its response (and its whole event list) until `deadline`.
    pub(crate) fn request(&mut self, action: &Action, deadline: Instant) -> Result<Reply, Failure> {
        let action_id = self.next_action_id;
        self.next_action_id += 1;
        let id_text = action_id.to_string();
        self.writer
            .set_write_timeout(Some(remaining(deadline).ok_or(Failure::Timeout)?))
            .map_err(|e| read_failure(e, false))?;
        self.writer
            .write_all(&action.encode(action_id))
            .map_err(|e| read_failure(e, true))?;
        let mut response = None;
        let mut list = Vec::new();
        loop {
            let message = self.read_message(deadline, true)?;
            if message.action_id() != Some(id_text.as_str()) {
                if message.event().is_some() {
                    self.keep_event(message);
                }
                continue;
            }
            match (&response, message.event()) {
                (None, None) => {
                    if !message.starts_list() {
                        return Ok(Reply {
                            response: message,
                            list,
                        });
                    }
                    response = Some(message);
                }
                (Some(_), Some(_)) if message.completes_list() => {
                    let response = response.unwrap_or_default();
                    return Ok(Reply { response, list });
                }
                (Some(_), Some(_)) => list.push(message),
                // An event with our id before the response (e.g. OriginateResponse): keep it aside.
                (_, Some(_)) => self.keep_event(message),
                (Some(_), None) => {}
            }
        }
    }

    /// The next event received outside any request, waiting until `deadline`; `None` on timeout.
    pub(crate) fn next_event(&mut self, deadline: Instant) -> Result<Option<Message>, Failure> {
        if let Some(event) = self.events.pop_front() {
            return Ok(Some(event));
        }
        loop {
            match self.read_message(deadline, false) {
                Ok(message) if message.event().is_some() => return Ok(Some(message)),
                Ok(_) => {}
                Err(Failure::Timeout) => return Ok(None),
                Err(failure) => return Err(failure),
            }
        }
    }

    /// Reads one message before `deadline`.
    fn read_message(&mut self, deadline: Instant, sent: bool) -> Result<Message, Failure> {
        self.set_read_deadline(deadline)?;
        match self.reader.read_message() {
            Ok(Some(message)) => Ok(message),
            Ok(None) => Err(Failure::Lost {
                sent,
                reason: "Asterisk closed the connection".to_owned(),
            }),
            Err(error) => Err(read_failure(error, sent)),
        }
    }

    /// Sets the socket's read timeout to what is left until `deadline`.
    fn set_read_deadline(&mut self, deadline: Instant) -> Result<(), Failure> {
        let left = remaining(deadline).ok_or(Failure::Timeout)?;
        self.reader
            .get_ref()
            .get_ref()
            .set_read_timeout(Some(left))
            .map_err(|e| read_failure(e, false))
    }

    /// Keeps an unrelated event for [`Connection::next_event`].
    fn keep_event(&mut self, event: Message) {
        if self.events.len() >= MAX_KEPT_EVENTS {
            self.events.pop_front();
        }
        self.events.push_back(event);
    }
}

/// Time left until `deadline`, `None` if it has passed.
fn remaining(deadline: Instant) -> Option<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|left| !left.is_zero())
}

/// Classifies an I/O error.
fn read_failure(error: io::Error, sent: bool) -> Failure {
    match error.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => Failure::Timeout,
        io::ErrorKind::InvalidData => Failure::Protocol(error.to_string()),
        _ => Failure::Lost {
            sent,
            reason: error.to_string(),
        },
    }
}
