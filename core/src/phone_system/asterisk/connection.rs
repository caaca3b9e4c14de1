//! One logged-in AMI session over a `TcpStream`: send an action, collect its response (and event
//! list), keep unrelated events aside. Every read and write has a deadline — each single `read` of
//! the socket, so a server dripping a byte at a time cannot stretch a request — and every answer a
//! bound in bytes and list entries, so an endless list cannot fill the memory.

use std::collections::VecDeque;
use std::io::{self, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use super::action::Action;
use super::message::{Message, MessageReader, Overflow, OverflowIo};
use super::target::AmiTarget;
use crate::error::LinkProblem;

/// Most unrelated events kept for [`Connection::next_event`]; older ones are dropped.
const MAX_KEPT_EVENTS: usize = 2048;
/// Most memory unrelated events kept may take (see [`Message::size`]); older ones are dropped past it.
const MAX_KEPT_EVENT_BYTES: usize = 256 * 1024;
/// Most bytes one exchange (a batch's replies and whatever comes between them) may read. A real
/// answer of callprofiles' actions is a few kilobytes; this is far above it and still small.
pub const MAX_ANSWER_BYTES: u64 = 1024 * 1024;
/// Most entries one reply's event list may carry (an extension's AstDB tree holds tens).
pub const MAX_LIST_ENTRIES: usize = 10_000;
/// Most actions written before their replies are read, so neither side's buffers fill up.
pub(crate) const MAX_IN_FLIGHT: usize = 32;

/// Why an exchange failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The connection broke or could not be made: worth reconnecting.
    Lost {
        /// Whether the action may already have reached Asterisk.
        sent: bool,
        /// What happened.
        problem: LinkProblem,
    },
    /// No answer before the deadline.
    Timeout,
    /// Asterisk rejected the login.
    Authentication,
    /// Asterisk answered something that is not AMI.
    Protocol(LinkProblem),
    /// The answer went past a bound (see [`MAX_ANSWER_BYTES`], [`MAX_LIST_ENTRIES`]).
    TooLarge(Overflow),
}

/// A response and, for list actions, the events of its list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// The `Response:` message.
    pub response: Message,
    /// The list's events, without the closing `…Complete` event.
    pub list: Vec<Message>,
}

/// What has arrived so far for one action sent in a batch.
#[derive(Debug, Default)]
struct Pending {
    response: Option<Message>,
    list: Vec<Message>,
    done: bool,
}

/// What [`Pending::take`] did with a message carrying the action's id.
enum Taken {
    /// The reply is complete.
    Done,
    /// Nothing more to do: stored in the reply (a list's response or event), or a repeat dropped.
    Kept,
    /// An event that is not part of the reply (e.g. `OriginateResponse`), for the event queue.
    Aside(Message),
    /// The list has more entries than one reply may carry.
    Overflow,
}

impl Pending {
    /// Adds a message carrying this action's id.
    fn take(&mut self, message: Message) -> Taken {
        if self.done {
            return match message.event() {
                Some(_) => Taken::Aside(message),
                None => Taken::Kept,
            };
        }
        match (self.response.is_some(), message.event().is_some()) {
            (false, false) => {
                let list = message.starts_list();
                self.response = Some(message);
                self.finish_unless(list)
            }
            (true, true) if message.completes_list() => self.finish_unless(false),
            (true, true) if self.list.len() >= MAX_LIST_ENTRIES => Taken::Overflow,
            (true, true) => {
                self.list.push(message);
                Taken::Kept
            }
            // An event with our id before the response (e.g. OriginateResponse): keep it aside.
            (false, true) => Taken::Aside(message),
            (true, false) => Taken::Kept,
        }
    }

    /// Marks the reply complete unless `waiting` for more.
    fn finish_unless(&mut self, waiting: bool) -> Taken {
        if waiting {
            return Taken::Kept;
        }
        self.done = true;
        Taken::Done
    }

    /// The finished reply.
    fn into_reply(self) -> Reply {
        Reply {
            response: self.response.unwrap_or_default(),
            list: self.list,
        }
    }
}

/// The reading half of the socket: each `read` waits at most until the deadline, however the bytes
/// trickle in (the socket's own timeout restarts with every byte received).
#[derive(Debug)]
struct DeadlineStream {
    stream: TcpStream,
    deadline: Instant,
}

impl Read for DeadlineStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = remaining(self.deadline).ok_or(io::ErrorKind::TimedOut)?;
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

/// A logged-in session.
#[derive(Debug)]
pub(crate) struct Connection {
    writer: TcpStream,
    reader: MessageReader<BufReader<DeadlineStream>>,
    next_action_id: u64,
    events: VecDeque<Message>,
    kept_event_bytes: usize,
}

impl Connection {
    /// Connects, checks the banner and logs in, all before `deadline`.
    pub(crate) fn open(target: &AmiTarget, events: bool, deadline: Instant) -> Result<Self, Failure> {
        let lost = |problem: LinkProblem| Failure::Lost { sent: false, problem };
        let addresses = (target.host.as_str(), target.port).to_socket_addrs().map_err(|e| {
            lost(LinkProblem::UnknownHost {
                host: target.host.to_string(),
                detail: e.to_string(),
            })
        })?;
        let mut last_error = LinkProblem::NoAddress {
            host: target.host.to_string(),
        };
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
                Err(error) => last_error = network(&error),
            }
        }
        let stream = stream.ok_or_else(|| lost(last_error))?;
        stream.set_nodelay(true).ok();
        let reader_stream = DeadlineStream {
            stream: stream.try_clone().map_err(|e| lost(network(&e)))?,
            deadline,
        };
        let mut connection = Self {
            writer: stream,
            reader: MessageReader::new(BufReader::new(reader_stream)),
            next_action_id: 1,
            events: VecDeque::new(),
            kept_event_bytes: 0,
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
        self.reader.set_budget(Some(MAX_ANSWER_BYTES));
        match self.reader.read_line() {
            Ok(Some(line)) if line.starts_with("Asterisk Call Manager/") => Ok(()),
            Ok(Some(line)) => Err(Failure::Protocol(LinkProblem::WrongBanner {
                banner: crate::phone_number::shorten(&line),
            })),
            Ok(None) => Err(Failure::Lost {
                sent: false,
                problem: LinkProblem::ClosedAtOnce,
            }),
            Err(error) => Err(read_failure(error, false)),
        }
    }

    /// Sends `action` and waits for its response (and its whole event list) until `deadline`.
    pub(crate) fn request(&mut self, action: &Action, deadline: Instant) -> Result<Reply, Failure> {
        self.pipeline(std::slice::from_ref(action), deadline)?
            .pop()
            .ok_or_else(|| {
                Failure::Protocol(LinkProblem::NotAmi {
                    detail: "no reply was collected".to_owned(),
                })
            })
    }

    /// Sends every action at once (at most [`MAX_IN_FLIGHT`] before reading), then collects their
    /// replies, matched by ActionID in whatever order they come, until `deadline`. The replies are
    /// in the order of `actions`.
    pub(crate) fn pipeline(&mut self, actions: &[Action], deadline: Instant) -> Result<Vec<Reply>, Failure> {
        let mut replies = Vec::with_capacity(actions.len());
        for batch in actions.chunks(MAX_IN_FLIGHT) {
            replies.extend(self.exchange(batch, deadline)?);
        }
        Ok(replies)
    }

    /// Writes one batch of actions, then reads until each has its reply.
    fn exchange(&mut self, actions: &[Action], deadline: Instant) -> Result<Vec<Reply>, Failure> {
        let first_id = self.next_action_id;
        let mut wire = Vec::new();
        for action in actions {
            wire.extend(action.encode(self.next_action_id));
            self.next_action_id += 1;
        }
        self.writer
            .set_write_timeout(Some(remaining(deadline).ok_or(Failure::Timeout)?))
            .map_err(|e| read_failure(e, false))?;
        self.writer.write_all(&wire).map_err(|e| read_failure(e, true))?;
        self.reader.set_budget(Some(MAX_ANSWER_BYTES));
        let mut pending: Vec<Pending> = actions.iter().map(|_| Pending::default()).collect();
        let mut open = pending.len();
        while open > 0 {
            let message = self.read_message(deadline, true)?;
            let slot = message
                .action_id()
                .and_then(|id| id.parse::<u64>().ok())
                .and_then(|id| id.checked_sub(first_id))
                .and_then(|index| usize::try_from(index).ok())
                .and_then(|index| pending.get_mut(index));
            match slot {
                Some(slot) => match slot.take(message) {
                    Taken::Done => open -= 1,
                    Taken::Kept => {}
                    Taken::Aside(event) => self.keep_event(event),
                    Taken::Overflow => return Err(Failure::TooLarge(Overflow::Entries(MAX_LIST_ENTRIES))),
                },
                // Not ours (or a late reply to an abandoned request): keep events, drop the rest.
                None if message.event().is_some() => self.keep_event(message),
                None => {}
            }
        }
        Ok(pending.into_iter().map(Pending::into_reply).collect())
    }

    /// The next event received outside any request, waiting until `deadline`; `None` on timeout.
    pub(crate) fn next_event(&mut self, deadline: Instant) -> Result<Option<Message>, Failure> {
        if let Some(event) = self.events.pop_front() {
            self.kept_event_bytes = self.kept_event_bytes.saturating_sub(event.size());
            return Ok(Some(event));
        }
        loop {
            // Each event has the whole budget: a listener reads for as long as it waits.
            self.reader.set_budget(Some(MAX_ANSWER_BYTES));
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
                problem: LinkProblem::Closed,
            }),
            Err(error) => Err(read_failure(error, sent)),
        }
    }

    /// Makes every read from now on end by `deadline`.
    fn set_read_deadline(&mut self, deadline: Instant) -> Result<(), Failure> {
        remaining(deadline).ok_or(Failure::Timeout)?;
        self.reader.get_mut().get_mut().deadline = deadline;
        Ok(())
    }

    /// Keeps an unrelated event for [`Connection::next_event`], dropping the oldest past the bounds.
    fn keep_event(&mut self, event: Message) {
        self.kept_event_bytes += event.size();
        self.events.push_back(event);
        while self.events.len() > MAX_KEPT_EVENTS || self.kept_event_bytes > MAX_KEPT_EVENT_BYTES {
            let Some(oldest) = self.events.pop_front() else {
                break;
            };
            self.kept_event_bytes = self.kept_event_bytes.saturating_sub(oldest.size());
        }
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
    if let Some(overflow) = Overflow::of(&error) {
        return Failure::TooLarge(overflow);
    }
    match error.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => Failure::Timeout,
        io::ErrorKind::InvalidData => Failure::Protocol(LinkProblem::NotAmi {
            detail: error.to_string(),
        }),
        _ => Failure::Lost {
            sent,
            problem: network(&error),
        },
    }
}

/// A network failure, typed so that the windows can say it in the user's language.
fn network(error: &io::Error) -> LinkProblem {
    LinkProblem::Network {
        kind: error.kind(),
        detail: error.to_string(),
    }
}
