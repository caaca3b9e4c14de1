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
    /// A call from the app while the phone system does not route calls to a telecommuter number.
    #[error(
        "Calls from callprofiles ring your telecommuter phone first, so they need the Telecommuter routing with a number: activate such a profile first."
    )]
    CallNeedsTelecommuter,
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
        reason: Damage,
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

impl Clone for StoreError {
    /// A copy; an I/O error keeps its kind and its words (its OS error code when it has one).
    fn clone(&self) -> Self {
        match self {
            Self::NoHome => Self::NoHome,
            Self::Io { action, path, source } => Self::Io {
                action,
                path: path.clone(),
                source: source.raw_os_error().map_or_else(
                    || std::io::Error::new(source.kind(), source.to_string()),
                    std::io::Error::from_raw_os_error,
                ),
            },
            Self::Corrupt { path, reason } => Self::Corrupt {
                path: path.clone(),
                reason: reason.clone(),
            },
            Self::Newer { path, found, supported } => Self::Newer {
                path: path.clone(),
                found: *found,
                supported: *supported,
            },
            Self::Busy { path } => Self::Busy { path: path.clone() },
            Self::TooLarge { path, size, limit } => Self::TooLarge {
                path: path.clone(),
                size: *size,
                limit: *limit,
            },
            Self::OwnFile { path } => Self::OwnFile { path: path.clone() },
        }
    }
}

/// What is wrong with a damaged file of the callprofiles home.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Damage {
    /// It does not parse, or a field is missing or of the wrong type.
    #[error("{detail}")]
    Syntax {
        /// Line of the first error (1-based; 0 when unknown).
        line: usize,
        /// Column of the first error (1-based; 0 when unknown).
        column: usize,
        /// The JSON parser's own words.
        detail: String,
    },
    /// The JSON stops in the middle, as if the file was cut short.
    #[error("it ends too early, as if it was cut short ({detail})")]
    Truncated {
        /// The JSON parser's own words.
        detail: String,
    },
    /// Larger than any file callprofiles writes.
    #[error("it is larger than {limit} bytes")]
    TooLarge {
        /// The most callprofiles reads.
        limit: u64,
    },
    /// `schema_version` 0.
    #[error("schema_version 0 is not valid")]
    BadVersion,
    /// Its profiles break a rule of the product.
    #[error("{source}")]
    Rule {
        /// The broken rule.
        source: RuleError,
    },
}

impl Damage {
    /// A JSON parse failure.
    pub fn syntax(error: &serde_json::Error) -> Self {
        if error.is_eof() {
            return Self::Truncated {
                detail: error.to_string(),
            };
        }
        Self::Syntax {
            line: error.line(),
            column: error.column(),
            detail: error.to_string(),
        }
    }
}

/// A file given to `import` that is not a valid callprofiles export; nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("Cannot import {path}: {problem}; nothing was changed.")]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub problem: ImportProblem,
}

/// What is wrong with a file given to `import` (displayed as a clause: no capital, no final period).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportProblem {
    /// The bytes are not JSON (or nest too deeply to read).
    #[error("it is not valid JSON ({detail})")]
    NotJson {
        /// Line of the first error (1-based; 0 when unknown).
        line: usize,
        /// Column of the first error (1-based; 0 when unknown).
        column: usize,
        /// The JSON parser's own words, for the command line.
        detail: String,
    },
    /// The JSON stops in the middle, as if the file was cut short.
    #[error("it ends too early, as if it was cut short ({detail})")]
    Truncated {
        /// The JSON parser's own words.
        detail: String,
    },
    /// JSON, but without `"format": "callprofiles-profiles"`.
    #[error("it is not a callprofiles export (it lacks \"format\": \"callprofiles-profiles\")")]
    NotAnExport,
    /// Written by a newer callprofiles.
    #[error(
        "it was written by a newer version of callprofiles (version {found}; this one reads up to {supported}), so update callprofiles"
    )]
    Newer {
        /// The file's version.
        found: u64,
        /// The newest version this one reads.
        supported: u64,
    },
    /// `version` missing, zero or not a number.
    #[error("its \"version\" is missing or not valid")]
    BadVersion,
    /// The export's outer shape is wrong (a missing or unknown field).
    #[error("it is damaged ({detail})")]
    Damaged {
        /// The JSON parser's own words.
        detail: String,
    },
    /// One profile entry has the wrong shape.
    #[error("profile {position} is not valid ({detail})")]
    EntryDamaged {
        /// Its 1-based position in the file.
        position: usize,
        /// The JSON parser's own words.
        detail: String,
    },
    /// One profile entry holds a name, number or greeting that does not parse.
    #[error("profile {position}: {}", clause(&source.to_string()))]
    EntryInput {
        /// Its 1-based position in the file.
        position: usize,
        /// What does not parse.
        source: InputError,
    },
    /// One profile entry's id is not a profile id.
    #[error("profile {position}: \"{id}\" is not a valid profile id")]
    BadId {
        /// Its 1-based position in the file.
        position: usize,
        /// The id (shortened).
        id: String,
    },
    /// An entry marked built-in whose id is not `office`, `mobile` or `home`.
    #[error("profile {position} is marked built-in but its id \"{id}\" is not office, mobile or home")]
    UnknownBuiltin {
        /// Its 1-based position in the file.
        position: usize,
        /// The id (shortened).
        id: String,
    },
    /// A built-in entry under another name.
    #[error(
        "profile {position} is the built-in \"{}\" but is named \"{name}\" (built-in names cannot change)",
        builtin.id_str()
    )]
    BuiltinRenamed {
        /// Its 1-based position in the file.
        position: usize,
        /// Which built-in.
        builtin: crate::profile::BuiltIn,
        /// The name it carries (shortened).
        name: String,
    },
    /// The same built-in twice.
    #[error("the built-in profile \"{}\" appears twice", builtin.id_str())]
    BuiltinTwice {
        /// Which built-in.
        builtin: crate::profile::BuiltIn,
    },
    /// A custom entry with a built-in's id.
    #[error("profile {position} is marked custom but has the built-in id \"{id}\"")]
    CustomWithBuiltinId {
        /// Its 1-based position in the file.
        position: usize,
        /// The id.
        id: String,
    },
    /// Two entries with one id.
    #[error("two profiles have the id \"{id}\"")]
    IdTwice {
        /// The id.
        id: String,
    },
    /// More than four custom profiles.
    #[error("it holds {count} custom profiles, but at most {limit} are allowed")]
    TooManyCustom {
        /// How many the file holds.
        count: usize,
        /// The most allowed.
        limit: usize,
    },
    /// Two profiles with one name (ignoring case).
    #[error("two profiles are named \"{name}\" (names must differ, ignoring case)")]
    NameTwice {
        /// The second of them.
        name: String,
    },
    /// A custom profile named like a built-in or Detected.
    #[error("the custom profile \"{name}\" has a name reserved for a built-in profile or Detected")]
    NameReserved {
        /// The name.
        name: String,
    },
    /// Any other rule the profiles break.
    #[error("{}", clause(&source.to_string()))]
    Rule {
        /// The broken rule.
        source: RuleError,
    },
}

/// A sentence made fit to follow a colon: no final period, first letter lower case.
pub fn clause(sentence: &str) -> String {
    let trimmed = sentence.trim_end_matches('.');
    let mut chars = trimmed.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A phone system failed to read or apply settings.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhoneError {
    /// Cannot reach it.
    #[error("Cannot reach the phone system at {address}: {problem}.")]
    Unreachable {
        /// Where it was looked for.
        address: String,
        /// Why it failed.
        problem: LinkProblem,
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
        kind: std::io::ErrorKind,
        /// Why, in plain words.
        reason: String,
    },
    /// The phone system cannot place calls (the built-in demo).
    #[error(
        "The built-in demo phone system cannot place calls: connect callprofiles to your Asterisk or FreePBX (callprofiles connect asterisk)."
    )]
    CallsUnsupported,
    /// It answered an action without what the answer must hold.
    #[error("The phone system's answer to {action} is incomplete: {missing}.")]
    IncompleteAnswer {
        /// The AMI action, e.g. `MailboxCount`.
        action: String,
        /// What is missing, in words.
        missing: &'static str,
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

/// Why a value may not be sent to the phone system (displayed as a clause).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UnsafeReason {
    /// A CR or LF, which would end the AMI header.
    #[error("it contains a line break")]
    LineBreak,
    /// Another control character.
    #[error("it contains the control character {character:?}")]
    ControlCharacter {
        /// The character.
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
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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
        variable: &'static str,
    },
    /// Neither the variable nor a secret file.
    #[error("no AMI secret: set {variable} or configure a secret file (--secret-file FILE)")]
    NoSecret {
        /// The variable's name.
        variable: &'static str,
    },
    /// Something is wrong with the secret file.
    #[error("the secret file {} {problem}", path.display())]
    SecretFile {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: SecretFileProblem,
    },
}

/// What is wrong with the AMI secret file (displayed after the file's name).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SecretFileProblem {
    /// It cannot be opened or read.
    #[error("cannot be read ({detail})")]
    Unreadable {
        /// What kind of failure, for a translated sentence.
        kind: std::io::ErrorKind,
        /// The operating system's words.
        detail: String,
    },
    /// A directory or a device.
    #[error("is not a regular file")]
    NotAFile,
    /// Group or others may read it.
    #[error("has permissions {mode:04o}; it must be readable by its owner only (run: chmod 600 {})", path.display())]
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
        kind: std::io::ErrorKind,
        /// The operating system's words.
        detail: String,
    },
}

/// Why the phone system could not be reached (displayed as a clause: no capital, no final period).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkProblem {
    /// The host name does not resolve.
    #[error("cannot resolve {host}: {detail}")]
    UnknownHost {
        /// The host name.
        host: String,
        /// The resolver's own words.
        detail: String,
    },
    /// The host name resolves to no address.
    #[error("{host} has no address")]
    NoAddress {
        /// The host name.
        host: String,
    },
    /// The network or the host refused or broke the connection.
    #[error("{detail}")]
    Network {
        /// What kind of failure, for a translated sentence.
        kind: std::io::ErrorKind,
        /// The operating system's own words.
        detail: String,
    },
    /// It accepted the connection and closed it before greeting.
    #[error("it closed the connection at once")]
    ClosedAtOnce,
    /// It closed the connection in the middle of an exchange.
    #[error("Asterisk closed the connection")]
    Closed,
    /// Something else answers on that port.
    #[error("it does not speak AMI: it greeted with \"{banner}\" instead of the Asterisk Call Manager banner")]
    WrongBanner {
        /// The first line it sent (shortened).
        banner: String,
    },
    /// It sent something that is not an AMI message.
    #[error("it does not speak AMI: {detail}")]
    NotAmi {
        /// What was wrong with the message.
        detail: String,
    },
}

/// Any error of the core.
#[derive(Debug, Clone, Error)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_io_error_keeps_its_kind_and_words() {
        let full = StoreError::Io {
            action: "write",
            path: "/h/profiles.json".into(),
            source: std::io::Error::from_raw_os_error(28),
        };
        let copy = full.clone();
        assert_eq!(copy.to_string(), full.to_string());
        assert!(matches!(
            copy,
            StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::StorageFull
        ));
        let custom = StoreError::Io {
            action: "read",
            path: "/h/config.json".into(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "is larger than 10 bytes"),
        };
        assert_eq!(custom.clone().to_string(), custom.to_string());
    }
}
