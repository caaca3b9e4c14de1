//! `ServerConfig`: how to reach the callprofiles server of `config.json` (`"kind": "server"`). The
//! device token is never stored here: it lives owner-only in `<home>/server-token`.

use serde::{Deserialize, Serialize};

use super::fingerprint::Fingerprint;
use super::url::ServerUrl;
use crate::phone_system::asterisk::extension::Extension;

/// The connection settings of a callprofiles server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// `https://host:port`.
    pub url: ServerUrl,
    /// The user's extension (the token is bound to it; kept here to name it).
    pub extension: Extension,
    /// The pinned certificate; without one, public authorities are trusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
}
