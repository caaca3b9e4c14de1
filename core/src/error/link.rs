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
