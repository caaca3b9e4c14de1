//! Typed errors of the core, each of which displays as one clear sentence for the user.

use std::path::PathBuf;

use thiserror::Error;

/// Input from a user or a file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    /// A phone number holds a character that is neither a digit, a separator nor a leading `+`.
    #[error(
        "The phone number \"{input}\" contains {character:?}, which is not allowed: use digits, an optional leading +, and spaces, dashes, dots or brackets."
    )]
    NumberCharacter {
        /// The number as typed.
        input: String,
        /// The first character that is not allowed.
        character: char,
    },
    /// Fewer than two digits.
    #[error("The phone number \"{input}\" is too short: it needs at least 2 digits.")]
    NumberTooShort {
        /// The number as typed.
        input: String,
    },
    /// More than twenty digits.
    #[error("The phone number \"{input}\" is too long: it may have at most 20 digits.")]
    NumberTooLong {
        /// The number as typed.
        input: String,
    },
    /// An empty name.
    #[error("A profile name cannot be empty.")]
    NameEmpty,
    /// A name over 32 characters.
    #[error("The profile name \"{input}\" is too long: it may have at most 32 characters.")]
    NameTooLong {
        /// The name as typed.
        input: String,
    },
    /// A name holding a control character such as a line break.
    #[error("A profile name cannot contain control characters such as line breaks or tabs.")]
    NameControlCharacter,
    /// Unknown routing mode.
    #[error(
        "\"{input}\" is not a call routing: use desk_phone, forward:NUMBER, twinning:NUMBER or telecommuter:NUMBER."
    )]
    UnknownRouting {
        /// The routing as typed.
        input: String,
    },
    /// `desk_phone:NUMBER`.
    #[error("The desk phone routing takes no number.")]
    RoutingTakesNoNumber,
    /// Unknown playback place.
    #[error("\"{input}\" is not a way to play messages: use phone or computer.")]
    UnknownPlayback {
        /// The value as typed.
        input: String,
    },
    /// Unknown greeting.
    #[error("\"{input}\" is not a voicemail greeting: use default or a number from 1 to 9.")]
    UnknownGreeting {
        /// The value as typed.
        input: String,
    },
    /// Not on/off.
    #[error("\"{input}\" for {key} is not on or off.")]
    NotOnOff {
        /// The setting key.
        key: String,
        /// The value as typed.
        input: String,
    },
    /// A `KEY=VALUE` pair without `=`.
    #[error("\"{input}\" is not a setting: write KEY=VALUE, e.g. call_pickup=on.")]
    NotKeyValue {
        /// The pair as typed.
        input: String,
    },
    /// `pbx set routing=MODE` without the number the phone system needs for that mode.
    #[error("The phone system needs a number for the {mode} routing: write routing={mode}:NUMBER.")]
    RoutingNeedsNumber {
        /// The mode's key, e.g. `forward`.
        mode: &'static str,
    },
    /// Unknown key.
    #[error(
        "\"{key}\" is not a setting: use call_pickup, routing, voicemail, voicemail.ringback, voicemail.notification, voicemail.playback or voicemail.greeting."
    )]
    UnknownKey {
        /// The key as typed.
        key: String,
    },
}

/// A change that would break a rule of the product.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    /// A fifth custom profile.
    #[error("You already have 4 custom profiles, the most allowed: delete one before adding \"{name}\".")]
    TooManyCustom {
        /// The name that was to be added.
        name: String,
    },
    /// Name taken by another profile (case-insensitively).
    #[error("The name \"{name}\" is already used by another profile: choose a different name.")]
    NameTaken {
        /// The rejected name.
        name: String,
    },
    /// A built-in's (English or Polish) or Detected's name.
    #[error("The name \"{name}\" is reserved for a built-in profile: choose a different name.")]
    NameReserved {
        /// The rejected name.
        name: String,
    },
    /// Deleting Office, Mobile or Home.
    #[error("\"{name}\" is a built-in profile: it cannot be deleted.")]
    BuiltinDelete {
        /// The built-in's name.
        name: String,
    },
    /// Renaming Office, Mobile or Home.
    #[error("\"{name}\" is a built-in profile: its name cannot be changed.")]
    BuiltinRename {
        /// The built-in's name.
        name: String,
    },
    /// No profile by that id or name.
    #[error("There is no profile called \"{name}\".")]
    UnknownProfile {
        /// The name or id asked for.
        name: String,
    },
    /// Activating a profile whose mode lacks its number.
    #[error("Profile \"{profile}\" {what} but has no {number_kind} set: set it first.")]
    MissingNumber {
        /// The profile's name.
        profile: String,
        /// What the mode does, e.g. "forwards calls".
        what: &'static str,
        /// Which number is missing, e.g. "forwarding number".
        number_kind: &'static str,
    },
    /// `save-detected` when the live settings match a profile.
    #[error("There is nothing detected to save: the phone system's settings match profile \"{profile}\".")]
    NothingDetected {
        /// The matching profile.
        profile: String,
    },
}

/// Reading or writing the files in the callprofiles home.
#[derive(Debug, Error)]
pub enum StoreError {
    /// No home directory can be found.
    #[error("Cannot find a configuration directory: set CALLPROFILES_HOME or pass --home DIR.")]
    NoHome,
    /// An I/O failure.
    #[error("Cannot {action} {path}: {}.", crate::atomic_file::describe(source))]
    Io {
        /// What was being done, e.g. "write".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file does not parse.
    #[error(
        "The file {path} is damaged ({reason}); it was left untouched. Move it aside to start fresh (the app offers this; nothing is deleted)."
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// Written by a newer callprofiles.
    #[error(
        "The file {path} was written by a newer version of callprofiles (format {found}, this version reads up to {supported}); it was left untouched. Update callprofiles."
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u64,
        /// The newest version we read.
        supported: u64,
    },
    /// Another process holds the lock too long.
    #[error("Another callprofiles process is changing {path} right now; try again in a moment.")]
    Busy {
        /// The lock file.
        path: PathBuf,
    },
    /// A file to import is too large.
    #[error("The file {path} is too large to import ({size} bytes; at most {limit}).")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Exporting onto one of callprofiles' own files would destroy it.
    #[error("Cannot export to {path}: it is one of callprofiles' own files; choose another file.")]
    OwnFile {
        /// The refused target.
        path: PathBuf,
    },
}

/// A file given to `import` that is not a valid callprofiles export; nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("Cannot import {path}: {reason}; nothing was changed.")]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it (no final period).
    pub reason: String,
}

/// A phone system failed to read or apply settings.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhoneError {
    /// Cannot reach it.
    #[error("Cannot reach the phone system at {address}: {reason}.")]
    Unreachable {
        /// Where it was looked for.
        address: String,
        /// Why it failed.
        reason: String,
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
    #[error("The phone system refused the request: {message}.")]
    Refused {
        /// Its message.
        message: String,
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
        /// Why, in plain words.
        reason: String,
    },
    /// Its stored state is unusable.
    #[error("The phone system's state is unusable: {reason}.")]
    BadState {
        /// What is wrong.
        reason: String,
    },
    /// Misconfigured connection.
    #[error("The phone system is not configured correctly: {reason}.")]
    Config {
        /// What is wrong.
        reason: String,
    },
    /// A value that must never reach the phone system (a line break, a control character, too long).
    #[error("The {what} cannot be sent to the phone system: {reason}.")]
    UnsafeValue {
        /// What the value is, e.g. "AMI user name".
        what: String,
        /// Why it is refused.
        reason: String,
    },
}

/// Any error of the core.
#[derive(Debug, Error)]
pub enum CoreError {
    /// Bad input.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A broken rule.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// A storage failure.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A phone-system failure.
    #[error(transparent)]
    Phone(#[from] PhoneError),
    /// An invalid file to import.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The phone system took a profile, but noting it as the last applied one failed.
    #[error("The phone system now uses profile \"{profile}\", but callprofiles could not note it as applied: {source}")]
    AppliedButUnrecorded {
        /// The profile the phone system now uses.
        profile: String,
        /// Why noting it failed.
        source: Box<CoreError>,
    },
}
