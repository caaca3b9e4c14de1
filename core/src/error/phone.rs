//! Failures of a phone system: reaching it, its answers, the demo's file.

use thiserror::Error;

use super::{AudioError, ConfigProblem, Damage, LinkProblem, Overflow, UnsafeReason};

/// A phone system failed to read or apply settings.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum PhoneError {
    /// Cannot reach it.
    #[error("Cannot reach the phone system at {address}: {problem}.")]
    Unreachable {
        /// Where it was looked for.
        address: String,
        /// Why it failed.
        problem: LinkProblem,
    },
    /// It sent more in one answer than any real answer holds (an endless list, a huge line).
    #[error("The phone system at {address} sent too much in one answer ({bound}); callprofiles stopped reading it.")]
    AnswerTooLarge {
        /// Where it was reached.
        address: String,
        /// The bound it went past.
        bound: Overflow,
    },
    /// Rejected our credentials.
    #[error("The phone system rejected the login for user \"{username}\": check the user name and secret.")]
    AuthenticationFailed {
        /// The AMI user.
        username: String,
    },
    /// No answer in time.
    #[error("The phone system did not answer within {seconds} seconds.")]
    Timeout {
        /// How long we waited.
        seconds: u64,
    },
    /// Refused a request.
    #[error("The phone system refused the request: {action} failed: {}.", message.as_deref().unwrap_or("no reason given"))]
    Refused {
        /// The AMI action it refused, e.g. `DBPut`.
        action: String,
        /// Its own words (shortened), when it gave any.
        message: Option<String>,
    },
    /// Read-back after apply differs from what was written.
    #[error(
        "The phone system did not keep the new settings (it reads back {found}); someone may have changed them at the same time."
    )]
    NotVerified {
        /// A summary of what was read back.
        found: String,
    },
    /// The built-in demo cannot save its settings.
    #[error("The demo phone system cannot save its settings in {path}: {reason}.")]
    SaveFailed {
        /// Its state file.
        path: String,
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// Why, in plain words.
        reason: String,
    },
    /// The phone system cannot place calls (the built-in demo).
    #[error(
        "The built-in demo phone system cannot place calls: connect callprofiles to your Asterisk or FreePBX (callprofiles connect asterisk)."
    )]
    CallsUnsupported,
    /// The phone system is reached through a callprofiles server, which failed.
    #[error(transparent)]
    Server(super::RemoteError),
    /// The phone system has no voicemail messages to list or change.
    #[error("This phone system offers no voicemail messages to callprofiles.")]
    VoicemailUnsupported,
    /// The user has no mailbox (FreePBX's `novm`).
    #[error("Extension {extension} has no voicemail box on the phone system.")]
    NoMailbox {
        /// The user's extension.
        extension: String,
    },
    /// No message with this id in the mailbox (deleted meanwhile, or mistyped).
    #[error("There is no voicemail message {id} in the mailbox: list the messages again.")]
    MessageNotFound {
        /// The id asked for.
        id: String,
    },
    /// The phone system cannot ring a phone to play a message (the built-in demo).
    #[error(
        "The built-in demo phone system cannot ring a phone to play a message: connect callprofiles to your Asterisk or FreePBX (callprofiles connect asterisk)."
    )]
    PlayOnPhoneUnsupported,
    /// The phone system cannot ring a phone to record a greeting (the built-in demo).
    #[error(
        "The built-in demo phone system cannot ring a phone to record a greeting: connect callprofiles to your Asterisk or FreePBX (callprofiles connect asterisk)."
    )]
    RecordByPhoneUnsupported,
    /// Voicemail audio on the computer failed (or needs callprofiles-server).
    #[error(transparent)]
    Audio(AudioError),
    /// It answered an action without what the answer must hold.
    #[error("The phone system's answer to {action} is incomplete: {missing}.")]
    IncompleteAnswer {
        /// The AMI action, e.g. `MailboxCount`.
        action: String,
        /// What is missing, in words.
        #[serde(with = "super::serde_support::static_str")]
        missing: super::serde_support::CoreText,
    },
    /// Its stored state is unusable.
    #[error("The phone system's state is unusable: {reason}.")]
    BadState {
        /// What is wrong.
        reason: String,
    },
    /// The built-in demo's state file is damaged.
    #[error(
        "The demo phone system's file {path} is damaged ({damage}); move it aside or delete it to start from Office's settings."
    )]
    DemoDamaged {
        /// Its state file.
        path: String,
        /// What is wrong with it.
        damage: Damage,
    },
    /// The built-in demo's state file cannot be read.
    #[error("The demo phone system cannot read its settings from {path}: {reason}.")]
    DemoUnreadable {
        /// Its state file.
        path: String,
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// Why, in plain words.
        reason: String,
    },
    /// Misconfigured connection.
    #[error("The phone system is not configured correctly: {reason}.")]
    Config {
        /// What is wrong.
        reason: ConfigProblem,
    },
    /// A value that must never reach the phone system (a line break, a control character, too long).
    #[error("The {what} cannot be sent to the phone system: {reason}.")]
    UnsafeValue {
        /// What the value is, e.g. "AMI user name".
        what: String,
        /// Why it is refused.
        reason: UnsafeReason,
    },
}
