//! `ServerUrl`: the server's address, `https://host[:port]`; anything else is refused before any
//! connection, so a token or code never travels in plaintext.

use std::fmt;

use serde::{Deserialize, Serialize};
use ureq::http::Uri;
use ureq::http::uri::Scheme;

use crate::error::RemoteError;

/// The API version prefix of every endpoint.
const API_PREFIX: &str = "/api/v1";

/// A server address: scheme https, a host, an optional port, no path, query or credentials.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ServerUrl(String);

impl ServerUrl {
    /// Parses an address as typed (`https://pbx.example.com:8443`, a trailing `/` allowed).
    pub fn parse(text: &str) -> Result<Self, RemoteError> {
        let shown = || text.chars().take(120).collect::<String>();
        let trimmed = text.trim().trim_end_matches('/');
        let uri: Uri = trimmed.parse().map_err(|_| RemoteError::BadUrl { url: shown() })?;
        match uri.scheme() {
            Some(scheme) if *scheme == Scheme::HTTPS => {}
            Some(_) => return Err(RemoteError::NotHttps { url: shown() }),
            None => return Err(RemoteError::BadUrl { url: shown() }),
        }
        let authority = uri.authority().ok_or_else(|| RemoteError::BadUrl { url: shown() })?;
        let plain_path = matches!(uri.path(), "" | "/");
        if authority.host().is_empty() || authority.as_str().contains('@') || !plain_path || uri.query().is_some() {
            return Err(RemoteError::BadUrl { url: shown() });
        }
        Ok(Self(format!("https://{authority}")))
    }

    /// The full address of an API path such as `/users/me`.
    pub fn endpoint(&self, path: &str) -> String {
        format!("{}{API_PREFIX}{path}", self.0)
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerUrl({})", self.0)
    }
}

impl TryFrom<String> for ServerUrl {
    type Error = RemoteError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<ServerUrl> for String {
    fn from(url: ServerUrl) -> Self {
        url.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_hosts_and_ports() -> Result<(), RemoteError> {
        assert_eq!(
            ServerUrl::parse("https://pbx.example.com:8443/")?.as_str(),
            "https://pbx.example.com:8443"
        );
        assert_eq!(
            ServerUrl::parse(" https://127.0.0.1:9443 ")?.endpoint("/users/me"),
            "https://127.0.0.1:9443/api/v1/users/me"
        );
        assert_eq!(ServerUrl::parse("https://[::1]:9443")?.as_str(), "https://[::1]:9443");
        Ok(())
    }

    #[test]
    fn refuses_plaintext_and_odd_addresses() {
        assert!(matches!(
            ServerUrl::parse("http://pbx.example.com"),
            Err(RemoteError::NotHttps { .. })
        ));
        for bad in [
            "",
            "pbx.example.com",
            "https://",
            "https://u:p@pbx",
            "https://pbx/x",
            "https://pbx?a=1",
        ] {
            assert!(ServerUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
