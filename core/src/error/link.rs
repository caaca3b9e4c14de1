//! Why the phone system could not be reached.

use thiserror::Error;

/// Why the phone system could not be reached (displayed as a clause: no capital, no final period).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum LinkProblem {
    /// The host name does not resolve.
    #[error("cannot resolve {host}: {detail}")]
    UnknownHost {
        /// The host name.
        host: String,
        /// The resolver's own words.
        detail: String,
    },
    /// The host name resolves to no address.
    #[error("{host} has no address")]
    NoAddress {
        /// The host name.
        host: String,
    },
    /// The network or the host refused or broke the connection.
    #[error("{detail}")]
    Network {
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// The operating system's own words.
        detail: String,
    },
    /// It accepted the connection and closed it before greeting.
    #[error("it closed the connection at once")]
    ClosedAtOnce,
    /// It closed the connection in the middle of an exchange.
    #[error("Asterisk closed the connection")]
    Closed,
    /// Something else answers on that port.
    #[error("it does not speak AMI: it greeted with \"{banner}\" instead of the Asterisk Call Manager banner")]
    WrongBanner {
        /// The first line it sent (shortened).
        banner: String,
    },
    /// It sent something that is not an AMI message.
    #[error("it does not speak AMI: {detail}")]
    NotAmi {
        /// What was wrong with the message.
        detail: String,
    },
}

/// A bound an AMI answer went past: callprofiles stops reading there rather than hold more (displayed
/// as a clause).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum Overflow {
    /// A line longer than this many bytes.
    #[error("a line longer than {0} bytes")]
    LineBytes(usize),
    /// A message with more than this many headers.
    #[error("a message with more than {0} headers")]
    Headers(usize),
    /// More than this many bytes in one answer.
    #[error("more than {0} bytes in one answer")]
    Bytes(u64),
    /// A list with more than this many entries.
    #[error("more than {0} entries in one list")]
    Entries(usize),
}
