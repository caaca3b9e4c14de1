//! AMI messages as received: `Key: Value` lines in any order ending with a blank line, read with
//! bounded memory and surviving read timeouts without losing a partly received message.

use std::io::{self, BufRead};

/// Longest line accepted from the server.
pub const MAX_LINE_BYTES: usize = 16 * 1024;
/// Most headers accepted in one message (a `Command` output can be long).
pub const MAX_HEADERS: usize = 4096;

/// A bound the server's answer went past (see [`Overflow`]).
pub use crate::error::Overflow;

/// Carrying an [`Overflow`] through `io::Result`.
pub trait OverflowIo {
    /// As an I/O error (kind `InvalidData`), recoverable with [`OverflowIo::of`].
    fn into_io(self) -> io::Error;
    /// The overflow an I/O error carries, if it is one.
    fn of(error: &io::Error) -> Option<Overflow>;
}

impl OverflowIo for Overflow {
    fn into_io(self) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, self)
    }

    fn of(error: &io::Error) -> Option<Overflow> {
        error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<Overflow>())
            .copied()
    }
}

/// Bytes a header costs beyond its text (two `String`s and their allocations).
const HEADER_OVERHEAD: usize = 64;

/// One message from Asterisk: a response, or an event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message {
    headers: Vec<(String, String)>,
}

impl Message {
    /// A message made of these headers (for tests and fakes).
    pub fn from_headers<K: Into<String>, V: Into<String>>(headers: impl IntoIterator<Item = (K, V)>) -> Self {
        Self {
            headers: headers.into_iter().map(|(k, v)| (k.into(), v.into())).collect(),
        }
    }

    /// The first value of a header, case-insensitively.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Every value of a header, in order (e.g. `Output` lines).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The event name, if this is an event. Checked first: some events (`OriginateResponse`) also
    /// carry a `Response` header.
    pub fn event(&self) -> Option<&str> {
        self.get("Event")
    }

    /// The response status (`Success`, `Error`, `Goodbye`…), if this is a response and not an event.
    pub fn response(&self) -> Option<&str> {
        match self.event() {
            Some(_) => None,
            None => self.get("Response"),
        }
    }

    /// The ActionID this message answers.
    pub fn action_id(&self) -> Option<&str> {
        self.get("ActionID")
    }

    /// Whether this event closes an event list (`EventList: Complete`).
    pub fn completes_list(&self) -> bool {
        self.get("EventList")
            .is_some_and(|v| v.eq_ignore_ascii_case("Complete"))
    }

    /// Whether this response opens an event list (`EventList: start`).
    pub fn starts_list(&self) -> bool {
        self.get("EventList").is_some_and(|v| v.eq_ignore_ascii_case("start"))
    }

    /// The headers, in order.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// What keeping it costs in memory, roughly: its headers' text and their bookkeeping.
    pub fn size(&self) -> usize {
        self.headers
            .iter()
            .map(|(key, value)| key.len() + value.len() + HEADER_OVERHEAD)
            .sum()
    }
}

/// Reads lines and messages from a buffered stream. A read error (such as a timeout) keeps what was
/// read so far, so the next call continues where this one stopped. A byte budget (see
/// [`MessageReader::set_budget`]) bounds what one answer may take, whatever its shape.
#[derive(Debug)]
pub struct MessageReader<R> {
    inner: R,
    line: Vec<u8>,
    pending: Vec<(String, String)>,
    budget: Option<Budget>,
}

/// Bytes one answer may still take.
#[derive(Clone, Copy, Debug)]
struct Budget {
    limit: u64,
    left: u64,
}

impl<R: BufRead> MessageReader<R> {
    /// Wraps a buffered stream.
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            line: Vec::new(),
            pending: Vec::new(),
            budget: None,
        }
    }

    /// The wrapped stream.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The wrapped stream, to change it (e.g. its deadline).
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// From now on, at most `limit` more bytes may be read ([`Overflow::Bytes`] past that); `None`
    /// lifts the bound.
    pub fn set_budget(&mut self, limit: Option<u64>) {
        self.budget = limit.map(|limit| Budget { limit, left: limit });
    }

    /// Takes `count` bytes from the budget.
    fn spend(&mut self, count: usize) -> io::Result<()> {
        if let Some(budget) = &mut self.budget {
            let count = u64::try_from(count).unwrap_or(u64::MAX);
            match budget.left.checked_sub(count) {
                Some(left) => budget.left = left,
                None => {
                    self.line.clear();
                    self.pending.clear();
                    return Err(Overflow::Bytes(budget.limit).into_io());
                }
            }
        }
        Ok(())
    }

    /// Reads one line without its line ending; `None` at the end of the stream.
    pub fn read_line(&mut self) -> io::Result<Option<String>> {
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                return Ok(None);
            }
            let (taken, complete) = match available.iter().position(|&b| b == b'\n') {
                Some(end) => (available.get(..=end).unwrap_or(available), true),
                None => (available, false),
            };
            let count = taken.len();
            self.line.extend_from_slice(taken);
            self.inner.consume(count);
            self.spend(count)?;
            if self.line.len() > MAX_LINE_BYTES {
                self.line.clear();
                return Err(Overflow::LineBytes(MAX_LINE_BYTES).into_io());
            }
            if complete {
                let mut line = std::mem::take(&mut self.line);
                while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    line.pop();
                }
                return Ok(Some(String::from_utf8_lossy(&line).into_owned()));
            }
        }
    }

    /// Reads one message; `None` at the end of the stream. Blank lines between messages are skipped;
    /// a line without `:` is kept as a header with an empty value.
    pub fn read_message(&mut self) -> io::Result<Option<Message>> {
        loop {
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            if line.is_empty() {
                if self.pending.is_empty() {
                    continue;
                }
                return Ok(Some(Message {
                    headers: std::mem::take(&mut self.pending),
                }));
            }
            if self.pending.len() >= MAX_HEADERS {
                self.pending.clear();
                return Err(Overflow::Headers(MAX_HEADERS).into_io());
            }
            let (key, value) = match line.split_once(':') {
                Some((key, value)) => (
                    key.trim().to_owned(),
                    value.strip_prefix(' ').unwrap_or(value).to_owned(),
                ),
                None => (line.trim().to_owned(), String::new()),
            };
            self.pending.push((key, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn parses_any_header_order_and_repeated_headers() -> TestResult {
        let text = "Asterisk Call Manager/11.0.0\r\nMessage: Command output follows\r\nOutput: a\r\n\
                    ActionID: 9\r\nOutput: b: c\r\nResponse: Success\r\n\r\n";
        let mut reader = MessageReader::new(text.as_bytes());
        assert_eq!(reader.read_line()?.as_deref(), Some("Asterisk Call Manager/11.0.0"));
        let message = reader.read_message()?.ok_or("no message")?;
        assert_eq!(message.response(), Some("Success"));
        assert_eq!(message.action_id(), Some("9"));
        assert_eq!(message.all("output").collect::<Vec<_>>(), ["a", "b: c"]);
        assert_eq!(reader.read_message()?, None);
        Ok(())
    }

    #[test]
    fn an_event_with_a_response_header_is_an_event() -> TestResult {
        let text = "Response: Success\r\nEvent: OriginateResponse\r\nActionID: 1\r\n\r\n\
                    Event: TestEvent\r\nWhatever: x\r\n\r\n";
        let mut reader = MessageReader::new(text.as_bytes());
        let first = reader.read_message()?.ok_or("no message")?;
        assert_eq!(first.event(), Some("OriginateResponse"));
        assert_eq!(first.response(), None);
        assert_eq!(
            reader
                .read_message()?
                .and_then(|m| m.event().map(str::to_owned))
                .as_deref(),
            Some("TestEvent")
        );
        Ok(())
    }

    #[test]
    fn refuses_endless_lines_and_endless_messages() {
        let overflow = |reader: &mut MessageReader<&[u8]>| reader.read_message().err().as_ref().and_then(Overflow::of);
        let long = "x".repeat(MAX_LINE_BYTES + 10);
        let mut reader = MessageReader::new(long.as_bytes());
        assert_eq!(overflow(&mut reader), Some(Overflow::LineBytes(MAX_LINE_BYTES)));
        let many = "A: b\r\n".repeat(MAX_HEADERS + 1);
        let mut reader = MessageReader::new(many.as_bytes());
        assert_eq!(overflow(&mut reader), Some(Overflow::Headers(MAX_HEADERS)));
    }

    #[test]
    fn the_budget_bounds_the_bytes_of_an_answer() -> TestResult {
        let messages = "Event: E\r\nKey: v\r\n\r\n".repeat(100);
        let mut reader = MessageReader::new(messages.as_bytes());
        reader.set_budget(Some(30));
        assert!(reader.read_message()?.is_some());
        let error = reader.read_message().err().ok_or("no overflow")?;
        assert_eq!(Overflow::of(&error), Some(Overflow::Bytes(30)));
        reader.set_budget(None);
        assert!(reader.read_message()?.is_some());
        Ok(())
    }

    /// A stream that returns its chunks one by one, with a timeout error between them.
    struct Stuttering {
        chunks: std::collections::VecDeque<Vec<u8>>,
        timeout_next: bool,
    }

    impl io::Read for Stuttering {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let flipped = !self.timeout_next;
            if std::mem::replace(&mut self.timeout_next, flipped) {
                return Err(io::Error::new(io::ErrorKind::WouldBlock, "timeout"));
            }
            let Some(mut chunk) = self.chunks.pop_front() else {
                return Ok(0);
            };
            let n = chunk.len().min(buf.len());
            let rest = chunk.split_off(n);
            if !rest.is_empty() {
                self.chunks.push_front(rest);
            }
            for (slot, byte) in buf.iter_mut().zip(chunk) {
                *slot = byte;
            }
            Ok(n)
        }
    }

    #[test]
    fn a_timeout_in_the_middle_loses_nothing() -> TestResult {
        let stream = Stuttering {
            chunks: ["Response: Succ", "ess\r\nAction", "ID: 4\r\n", "\r\n"]
                .map(|chunk| chunk.as_bytes().to_vec())
                .into(),
            timeout_next: false,
        };
        let mut reader = MessageReader::new(io::BufReader::with_capacity(4, stream));
        let mut timeouts = 0;
        let message = loop {
            match reader.read_message() {
                Ok(message) => break message.ok_or("ended early")?,
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => timeouts += 1,
                Err(error) => return Err(error.into()),
            }
        };
        assert!(timeouts >= 3);
        assert_eq!(message.response(), Some("Success"));
        assert_eq!(message.action_id(), Some("4"));
        Ok(())
    }
}
