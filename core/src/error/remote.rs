//! Failures talking to a callprofiles server (`core/src/remote/`): each reason is a type, so the app can
//! say it in the user's language.

use std::path::PathBuf;

use thiserror::Error;

/// Why a server could not be reached (displayed as a clause).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum ReachProblem {
    /// The host name does not resolve.
    #[error("its name does not resolve")]
    UnknownHost,
    /// Nothing listens there, or the connection was refused or reset.
    #[error("the connection was refused")]
    Refused,
    /// No answer in time.
    #[error("it did not answer in time")]
    TimedOut,
    /// The TLS handshake failed for another reason than the certificate.
    #[error("the secure connection failed ({detail})")]
    Tls {
        /// rustls's own words.
        detail: String,
    },
    /// Another network failure.
    #[error("{detail}")]
    Other {
        /// The operating system's words.
        detail: String,
    },
}

/// A callprofiles server could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum RemoteError {
    /// The address is not an `https://` URL.
    #[error("\"{url}\" is not an https:// address: callprofiles talks to its server only over HTTPS.")]
    NotHttps {
        /// The address as typed (shortened).
        url: String,
    },
    /// The address cannot be parsed.
    #[error("\"{url}\" is not a server address (e.g. https://pbx.example.com:8443).")]
    BadUrl {
        /// The address as typed (shortened).
        url: String,
    },
    /// A fingerprint that is not 32 hex byte pairs.
    #[error("\"{text}\" is not a SHA-256 fingerprint (32 hex pairs like AB:CD:…, as the server printed it).")]
    BadFingerprint {
        /// The text as typed (shortened).
        text: String,
    },
    /// The server's certificate is not the pinned one.
    #[error(
        "The server's certificate has fingerprint {found}, not the expected {expected}: the connection was refused (ask your administrator)."
    )]
    FingerprintMismatch {
        /// The pinned fingerprint.
        expected: String,
        /// What the server presented.
        found: String,
    },
    /// No fingerprint was given and the certificate is not signed by a known authority.
    #[error(
        "The server's certificate (fingerprint {found}) is not signed by a known authority: give its fingerprint with --fingerprint."
    )]
    UntrustedCertificate {
        /// What the server presented.
        found: String,
    },
    /// Cannot reach the server.
    #[error("Cannot reach the callprofiles server at {url}: {problem}.")]
    Unreachable {
        /// The server's address.
        url: String,
        /// Why.
        problem: ReachProblem,
    },
    /// The enrollment code was wrong, used or expired.
    #[error(
        "The server refused the enrollment code for extension {extension}: it is wrong, already used or expired (ask for a new one)."
    )]
    EnrollmentRefused {
        /// The extension.
        extension: String,
    },
    /// The device token is no longer accepted (revoked, expired) or missing.
    #[error("The server no longer accepts this computer (signed out or revoked): connect again with a new code.")]
    Unauthorized,
    /// Too many attempts.
    #[error("The server refuses more attempts for now: try again in {seconds} seconds.")]
    RateLimited {
        /// Seconds to wait (the server's `Retry-After`).
        seconds: u64,
    },
    /// The server cannot reach its Asterisk.
    #[error("The server cannot reach the phone system (PBX unreachable); it keeps trying.")]
    PbxUnreachable,
    /// The server's Asterisk refused the change.
    #[error("The phone system refused the change: {message}")]
    Pbx {
        /// The server's own words.
        message: String,
    },
    /// The server refused the request under a rule (its own words).
    #[error("The server refused: {message}")]
    Refused {
        /// The server's own words.
        message: String,
    },
    /// Something asked for is not on the server.
    #[error("The server does not know that: {message}")]
    NotFound {
        /// The server's own words.
        message: String,
    },
    /// A body over the limit (sent or received).
    #[error("The message is larger than the {limit_kib} KiB a server exchange may carry.")]
    TooLarge {
        /// The limit in KiB.
        limit_kib: u64,
    },
    /// An answer that is not what the API promises.
    #[error("The server gave an answer callprofiles does not understand (HTTP {status}): {detail}.")]
    BadAnswer {
        /// Its HTTP status.
        status: u16,
        /// What was wrong.
        detail: String,
    },
    /// The server failed internally.
    #[error("The server failed (HTTP {status}): {message}")]
    ServerFailed {
        /// Its HTTP status.
        status: u16,
        /// Its own words.
        message: String,
    },
    /// No device token is stored (never connected, or signed out).
    #[error("This computer is not signed in to the callprofiles server: run callprofiles connect server with a code.")]
    NotSignedIn,
    /// The token file cannot be read or written.
    #[error("Cannot use the device token file {path}: {detail}.")]
    TokenFile {
        /// The file.
        path: PathBuf,
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// Why, in plain words.
        detail: String,
    },
    /// The token file is readable by others.
    #[error("The device token file {path} is readable by others (mode {mode:04o}): run chmod 600 on it.")]
    TokenFileOpen {
        /// The file.
        path: PathBuf,
        /// Its mode.
        mode: u32,
    },
}
