//! Where and as whom to log in: a checked host name or address, a port, a user name and the secret.

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::secret::AmiSecret;
use super::value::AmiValue;
use crate::error::{ConfigProblem, PhoneError};

/// A host name (letters, digits, `-`, `.`; labels of 1–63 characters) or an IP address.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AmiHost(String);

impl AmiHost {
    /// Longest host name.
    pub const MAX_LEN: usize = 253;

    /// Checks a host name or IP address.
    pub fn parse(text: &str) -> Result<Self, PhoneError> {
        let text = text.trim();
        let host = || crate::phone_number::shorten(text);
        let refuse = |reason: ConfigProblem| PhoneError::Config { reason };
        if text.parse::<IpAddr>().is_ok() {
            return Ok(Self(text.to_owned()));
        }
        if text.is_empty() {
            return Err(refuse(ConfigProblem::HostEmpty));
        }
        if text.len() > Self::MAX_LEN {
            return Err(refuse(ConfigProblem::HostTooLong { host: host() }));
        }
        let label_ok = |label: &str| {
            (1..=63).contains(&label.len())
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        };
        if text.trim_end_matches('.').split('.').all(label_ok) {
            Ok(Self(text.to_owned()))
        } else {
            Err(refuse(ConfigProblem::HostCharacters { host: host() }))
        }
    }

    /// The host as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `host:port` (`[host]:port` for an IPv6 address), for messages.
    pub fn with_port(&self, port: u16) -> String {
        if self.0.contains(':') {
            format!("[{}]:{port}", self.0)
        } else {
            format!("{}:{port}", self.0)
        }
    }
}

impl TryFrom<String> for AmiHost {
    type Error = PhoneError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<AmiHost> for String {
    fn from(host: AmiHost) -> Self {
        host.0
    }
}

impl fmt::Display for AmiHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for AmiHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// An AMI user name: non-empty, at most 80 characters, no spaces or control characters.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AmiUsername(AmiValue);

impl AmiUsername {
    /// Longest user name.
    pub const MAX_LEN: usize = 80;

    /// Checks a user name.
    pub fn parse(text: &str) -> Result<Self, PhoneError> {
        let value = AmiValue::new("AMI user name", text)?;
        let refuse = |reason: ConfigProblem| PhoneError::Config { reason };
        if text.is_empty() {
            return Err(refuse(ConfigProblem::UserEmpty));
        }
        if text.chars().count() > Self::MAX_LEN {
            return Err(refuse(ConfigProblem::UserTooLong { limit: Self::MAX_LEN }));
        }
        if text.chars().any(char::is_whitespace) {
            return Err(refuse(ConfigProblem::UserSpace));
        }
        Ok(Self(value))
    }

    /// The checked value sent in `Login`.
    pub fn value(&self) -> &AmiValue {
        &self.0
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl TryFrom<String> for AmiUsername {
    type Error = PhoneError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<AmiUsername> for String {
    fn from(name: AmiUsername) -> Self {
        name.0.as_str().to_owned()
    }
}

impl fmt::Debug for AmiUsername {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

/// Everything needed to log in to AMI.
#[derive(Clone, Debug)]
pub struct AmiTarget {
    /// The host.
    pub host: AmiHost,
    /// The AMI port.
    pub port: u16,
    /// The AMI user.
    pub username: AmiValue,
    /// Its secret (never shown by `Debug`).
    pub secret: AmiSecret,
}

impl AmiTarget {
    /// A target from checked parts.
    pub fn new(host: AmiHost, port: u16, username: &AmiUsername, secret: AmiSecret) -> Self {
        Self {
            host,
            port,
            username: username.value().clone(),
            secret,
        }
    }

    /// `host:port`, for messages.
    pub fn address(&self) -> String {
        self.host.with_port(self.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        for good in ["127.0.0.1", "::1", "pbx", "pbx.example.com", "pbx-1.example.com."] {
            assert!(AmiHost::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "pbx example",
            "p\r\nbx",
            "-pbx",
            "a..b",
            "pbx/x",
            "pbx:5038",
            &"a".repeat(64),
        ] {
            assert!(AmiHost::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn usernames() {
        assert!(AmiUsername::parse("callprofiles").is_ok());
        for bad in ["", "a b", "a\r\nAction: Command", &"u".repeat(81)] {
            assert!(AmiUsername::parse(bad).is_err(), "{bad:?}");
        }
    }
}
