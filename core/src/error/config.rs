//! What is wrong with the connection settings of a phone system or a value to send to it.

use std::path::PathBuf;

use thiserror::Error;

/// Why a value may not be sent to the phone system (displayed as a clause).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum UnsafeReason {
    /// A CR or LF, which would end the AMI header.
    #[error("it contains a line break")]
    LineBreak,
    /// Another control character.
    #[error("it contains the control character {character:?}")]
    ControlCharacter {
        /// The refused character, shown escaped.
        character: char,
    },
    /// Longer than one AMI line may safely carry.
    #[error("it is {bytes} bytes long, more than the {limit} allowed")]
    TooLong {
        /// Its length in bytes.
        bytes: usize,
        /// The most allowed.
        limit: usize,
    },
}

/// What is wrong with the connection settings of a phone system (displayed as a clause).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum ConfigProblem {
    /// No host given.
    #[error("\"\" is not a host name or IP address (it is empty)")]
    HostEmpty,
    /// A host name over 253 characters.
    #[error("\"{host}\" is not a host name or IP address (it is too long)")]
    HostTooLong {
        /// The host as typed (shortened).
        host: String,
    },
    /// A host name with characters a host name cannot have.
    #[error("\"{host}\" is not a host name or IP address (use letters, digits, dots and dashes, or an IP address)")]
    HostCharacters {
        /// The host as typed (shortened).
        host: String,
    },
    /// No AMI user name.
    #[error("the AMI user name is empty")]
    UserEmpty,
    /// An AMI user name over its limit.
    #[error("the AMI user name is longer than {limit} characters")]
    UserTooLong {
        /// The most characters allowed.
        limit: usize,
    },
    /// An AMI user name with a space.
    #[error("the AMI user name contains a space")]
    UserSpace,
    /// An extension that is not 2–20 digits.
    #[error("\"{extension}\" is not an extension number: use {min}–{max} digits")]
    BadExtension {
        /// The extension as typed (shortened).
        extension: String,
        /// Fewest digits.
        min: usize,
        /// Most digits.
        max: usize,
    },
    /// The AMI user may not originate calls.
    #[error(
        "the AMI user \"{username}\" may not place calls: add originate to its write permissions in manager.conf (write = system,call,originate)"
    )]
    OriginateNotAllowed {
        /// The AMI user.
        username: String,
    },
    /// An empty secret.
    #[error("the AMI secret is empty")]
    SecretEmpty,
    /// The secret variable holds bytes that are not UTF-8.
    #[error("{variable} is not valid UTF-8")]
    SecretVariableNotUtf8 {
        /// The variable's name.
        #[serde(with = "super::serde_support::static_str")]
        variable: super::serde_support::CoreText,
    },
    /// Neither the variable nor a secret file.
    #[error("no AMI secret: set {variable} or configure a secret file (--secret-file FILE)")]
    NoSecret {
        /// The variable's name.
        #[serde(with = "super::serde_support::static_str")]
        variable: super::serde_support::CoreText,
    },
    /// Something is wrong with the secret file.
    #[error("the secret file {} {problem}", crate::shown::path(path))]
    SecretFile {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: SecretFileProblem,
    },
}

/// What is wrong with the AMI secret file (displayed after the file's name).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum SecretFileProblem {
    /// It cannot be opened or read.
    #[error("cannot be read ({detail})")]
    Unreadable {
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// The operating system's words.
        detail: String,
    },
    /// A directory or a device.
    #[error("is not a regular file")]
    NotAFile,
    /// Group or others may read it.
    #[error(
        "has permissions {mode:04o}; it must be readable by its owner only (run: chmod 600 {})",
        crate::shown::path(path)
    )]
    Open {
        /// Its mode bits.
        mode: u32,
        /// The file, for the command to run.
        path: PathBuf,
    },
    /// Larger than a secret can be.
    #[error("is larger than {limit} bytes")]
    TooLarge {
        /// The most read.
        limit: u64,
    },
    /// It holds a value that may not be sent.
    #[error("holds an unusable secret: {reason}")]
    Unusable {
        /// Why.
        reason: UnsafeReason,
    },
    /// It is empty.
    #[error("is empty")]
    Empty,
    /// It cannot be written.
    #[error("cannot be written ({detail})")]
    Unwritable {
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// The operating system's words.
        detail: String,
    },
}
