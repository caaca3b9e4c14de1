//! Request and response bodies other than `State` and errors.

use serde::{Deserialize, Serialize};

use super::State;
use crate::phone_system::call::CallOutcome;
use crate::profile::ProfileId;
use crate::transfer::ImportReport;

/// `POST /enroll`: trade a one-time code for a device token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrollRequest {
    /// The extension the code was made for.
    pub extension: String,
    /// The one-time enrollment code `callprofiles-server user add` printed.
    pub code: String,
    /// A name for this computer, shown by `user list` (e.g. "laptop").
    pub device_name: String,
}

/// The answer to `POST /enroll`. The token is shown once: the server keeps only its hash.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollResponse {
    /// The bearer token (≥ 128 random bits, base64url).
    pub token: String,
    /// This device's id (for `user revoke EXT --device ID`).
    pub device_id: String,
    /// The extension the token acts on.
    pub extension: String,
}

impl std::fmt::Debug for EnrollResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnrollResponse")
            .field("token", &"<hidden>")
            .field("device_id", &self.device_id)
            .field("extension", &self.extension)
            .finish()
    }
}

/// `GET /users/me`: whom the token belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// The token's extension.
    pub extension: String,
    /// The token's device id.
    pub device_id: String,
}

/// `POST /users/me/activate`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivateRequest {
    /// The saved profile to apply.
    pub profile: ProfileId,
}

/// `POST /users/me/profiles`: a new custom profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateRequest {
    /// Its name (checked by core: 1–32 characters, unique, not reserved).
    pub name: String,
    /// The profile whose settings it starts from; Office's when null.
    #[serde(default)]
    pub from: Option<ProfileId>,
}

/// `PATCH /users/me/profiles/{id}`: a new name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenameRequest {
    /// The new name.
    pub name: String,
}

/// `POST /users/me/detected`: save the Detected settings as a new profile, or into the one so named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveDetectedRequest {
    /// The profile's name.
    pub name: String,
}

/// The answer to `PUT /users/me/profiles/import`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportResponse {
    /// What the import did.
    pub report: ImportReport,
    /// The state after it.
    pub state: State,
}

/// The answer to `POST /users/me/profiles/upload`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadResponse {
    /// Whether the uploaded profiles were stored (only when the server had none for this user).
    pub uploaded: bool,
    /// The state after it (the server's profiles when they were kept).
    pub state: State,
}

/// `POST /users/me/calls`: a telecommuter's outgoing call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallRequest {
    /// The number to dial once the telecommuter phone answers (as typed; core parses it).
    pub number: String,
}

/// The answer to `POST /users/me/calls`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallResponse {
    /// How the first leg went.
    pub outcome: CallOutcome,
}

/// `GET /users/me/voicemail`: the caller's messages, new and heard, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoicemailList {
    /// The messages.
    pub messages: Vec<crate::voicemail::VoicemailMessage>,
}

/// `GET /users/me/voicemail/greetings`: which greetings 1–9 are recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GreetingsList {
    /// The recorded greetings' numbers (1–9), ascending.
    pub recorded: Vec<u8>,
}
