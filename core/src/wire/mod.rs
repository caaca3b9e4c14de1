//! The bodies of callprofiles-server's HTTP API v1 (`/api/v1`), shared by the server and the desktop so
//! both sides agree on every shape. The contract in words: `server-api.md` of the coordination notes,
//! summarised in ARCHITECTURE.md ("callprofiles-server").

mod automation;
mod book;
mod error;
mod language;
mod requests;
mod state;

pub use automation::{AutomationChange, HistoryResponse, UntilRequest, WireAutomation};
pub use error::{ErrorBody, ErrorDetail, ErrorKind};
pub use language::{LanguageRequest, UnknownLanguage, UserLanguage};
pub use requests::{
    ActivateRequest, CallRequest, CallResponse, CreateRequest, EnrollRequest, EnrollResponse, GreetingsList,
    ImportResponse, Me, RenameRequest, SaveDetectedRequest, UploadResponse, VoicemailList,
};
pub use state::{State, WireActivity};

/// The path prefix of every endpoint.
pub const API_PREFIX: &str = "/api/v1";

/// The most bytes a request body may have (413 beyond).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The most bytes of an uploaded greeting (`PUT …/voicemail/greetings/{n}/audio`, a WAV file: about
/// 90 s of CD-quality stereo, 180 s of 16-bit mono at 22 kHz); the only route allowed more than
/// [`MAX_BODY_BYTES`].
pub const MAX_GREETING_UPLOAD_BYTES: usize = 8 * 1024 * 1024;
