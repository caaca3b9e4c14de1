//! The server's event stream (`GET /users/me/events`, server-sent events) read blocking: a `state`
//! event carries the user's whole `State`. [`StateStream`] keeps one stream open, and when it drops
//! (server restarted, network lost, silence past the keep-alive) reconnects with a jittered backoff and
//! resyncs from the first event, which is always the full state.

use std::io::{BufRead, BufReader, Read};
use std::thread;
use std::time::Duration;

use super::client::ServerClient;
use crate::error::{CoreError, RemoteError};
use crate::phone_system::asterisk::client::jittered;
use crate::wire::State;

/// The stream's path.
const EVENTS_PATH: &str = "/users/me/events";
/// Longest silence accepted: the server sends a keep-alive every 15 s.
pub const STREAM_IDLE: Duration = Duration::from_secs(40);
/// Longest line of the stream (a State is a few KiB).
const MAX_LINE_BYTES: u64 = 512 * 1024;
/// First pause before reconnecting; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// Longest pause between reconnection attempts (so a restarted server is back within 2 s).
const MAX_BACKOFF: Duration = Duration::from_millis(800);

/// One server-sent event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerEvent {
    /// Its `event:` name (`message` when none is given).
    pub name: String,
    /// Its `data:` lines joined by line breaks.
    pub data: String,
}

/// Collects lines into events (the SSE format: fields until a blank line; `:` starts a comment).
#[derive(Debug, Default)]
pub struct EventParser {
    name: Option<String>,
    data: Option<String>,
}

impl EventParser {
    /// Takes one line (without its line break); returns an event when the line ends one.
    pub fn line(&mut self, line: &str) -> Option<ServerEvent> {
        if line.is_empty() {
            let data = self.data.take();
            let name = self.name.take();
            return data.map(|data| ServerEvent {
                name: name.unwrap_or_else(|| "message".to_owned()),
                data,
            });
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => self.name = Some(value.to_owned()),
            "data" => match &mut self.data {
                Some(data) => {
                    data.push('\n');
                    data.push_str(value);
                }
                None => self.data = Some(value.to_owned()),
            },
            _ => {}
        }
        None
    }
}

/// What the stream tells its reader.
#[derive(Clone, Debug)]
pub enum StreamNews {
    /// The user's state (the first after each (re)connection is a full resync).
    State(Box<State>),
    /// The stream broke or could not be opened; it is being retried.
    Lost(CoreError),
    /// The server refuses this device (signed out or revoked): retrying is pointless.
    Refused(CoreError),
}

/// One user's event stream, reconnecting as needed.
pub struct StateStream {
    client: ServerClient,
    reader: Option<BufReader<Box<dyn Read + Send>>>,
    parser: EventParser,
    backoff: Duration,
    idle: Duration,
}

impl StateStream {
    /// A stream of `client`'s user (not connected until [`StateStream::next_news`]).
    pub fn new(client: ServerClient) -> Self {
        Self {
            client,
            reader: None,
            parser: EventParser::default(),
            backoff: Duration::ZERO,
            idle: STREAM_IDLE,
        }
    }

    /// The same with another silence limit (tests).
    pub fn with_idle(mut self, idle: Duration) -> Self {
        self.idle = idle;
        self
    }

    /// Blocks until there is news: the next state, or the stream lost (after which the next call waits
    /// a jittered backoff and reconnects).
    pub fn next_news(&mut self) -> StreamNews {
        if self.reader.is_none() {
            if !self.backoff.is_zero() {
                thread::sleep(jittered(self.backoff));
            }
            match self.client.open_stream(EVENTS_PATH, self.idle) {
                Ok(reader) => {
                    self.reader = Some(BufReader::new(reader));
                    self.parser = EventParser::default();
                }
                Err(error) => return self.lost(error),
            }
        }
        match self.read_state() {
            Ok(state) => {
                self.backoff = Duration::ZERO;
                StreamNews::State(Box::new(state))
            }
            Err(error) => {
                self.reader = None;
                self.lost(error)
            }
        }
    }

    /// Notes a loss and how long to wait before the next attempt.
    fn lost(&mut self, error: CoreError) -> StreamNews {
        self.backoff = (self.backoff * 2).clamp(FIRST_BACKOFF, MAX_BACKOFF);
        match error {
            CoreError::Remote(
                RemoteError::Unauthorized
                | RemoteError::FingerprintMismatch { .. }
                | RemoteError::UntrustedCertificate { .. },
            ) => StreamNews::Refused(error),
            other => StreamNews::Lost(other),
        }
    }

    /// Reads lines until a `state` event.
    fn read_state(&mut self) -> Result<State, CoreError> {
        let url = self.client.url().to_string();
        let reader = self.reader.as_mut().ok_or(RemoteError::NotSignedIn)?;
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = reader
                .by_ref()
                .take(MAX_LINE_BYTES)
                .read_until(b'\n', &mut line)
                .map_err(|e| super::client::transport_error_io(&url, e))?;
            if read == 0 {
                return Err(RemoteError::Unreachable {
                    url,
                    problem: crate::error::ReachProblem::Refused,
                }
                .into());
            }
            if !line.ends_with(b"\n") {
                return Err(RemoteError::TooLarge {
                    limit_kib: MAX_LINE_BYTES / 1024,
                }
                .into());
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches('\n').trim_end_matches('\r');
            if let Some(event) = self.parser.line(text)
                && event.name == "state"
            {
                return serde_json::from_str(&event.data).map_err(|e| {
                    RemoteError::BadAnswer {
                        status: 200,
                        detail: e.to_string(),
                    }
                    .into()
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_events_comments_and_multiline_data() {
        let mut parser = EventParser::default();
        let mut events = Vec::new();
        for line in [
            ": keep-alive",
            "",
            "event: state",
            "data: {\"a\":",
            "data: 1}",
            "",
            "data:x",
            "",
        ] {
            events.extend(parser.line(line));
        }
        assert_eq!(
            events,
            [
                ServerEvent {
                    name: "state".into(),
                    data: "{\"a\":\n1}".into()
                },
                ServerEvent {
                    name: "message".into(),
                    data: "x".into()
                }
            ]
        );
    }
}
