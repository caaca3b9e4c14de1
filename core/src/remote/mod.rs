//! The desktop side of callprofiles-server: a blocking HTTPS client (ureq over rustls, no async
//! runtime) that pins the server's certificate by SHA-256 fingerprint, enrollment and sign-out, the
//! profile operations and the phone system as the server offers them, and the event stream.

pub mod api;
pub mod client;
pub mod config;
pub mod events;
pub mod fingerprint;
pub mod phone;
pub mod service;
pub mod session;
pub mod setup;
pub mod token;
pub mod transport;
pub mod url;
pub mod verifier;
pub mod voicemail_api;

pub use client::ServerClient;
pub use config::ServerConfig;
pub use events::{StateStream, StreamNews};
pub use fingerprint::Fingerprint;
pub use phone::ServerPhoneSystem;
pub use service::ServerService;
pub use session::ServerBook;
pub use setup::{Connected, FirstSync, SignedOut, connect_server, sign_out};
pub use token::DeviceToken;
pub use url::ServerUrl;

#[cfg(test)]
mod pinning_tests;
