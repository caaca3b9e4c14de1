//! Rules of automatic switching that are refused, and input for them that does not parse.

use thiserror::Error;

/// What a piece of automation input was meant to be (for [`AutomationError::BadInput`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutomationInput {
    /// A time of day, `HH:MM` (`24:00` only as an end).
    Time,
    /// A set of weekdays, `mon-fri`, `sat,sun`, `daily`.
    Days,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A duration, `2h`, `90m`, `1h 30m`.
    Duration,
    /// A gateway's MAC address, `aa:bb:cc:dd:ee:ff`.
    MacAddress,
    /// A Wi-Fi name (1–32 bytes, no control characters).
    WifiName,
    /// A subnet, `192.168.1.0/24` or `fd00::/64`.
    Subnet,
    /// A network's label (1–32 characters, no control or invisible characters).
    Label,
}

/// Which list of rules a limit or a disabled rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleList {
    /// The weekly schedule's windows.
    Windows,
    /// The exceptions (dates or date ranges).
    Exceptions,
    /// The networks.
    Networks,
}

/// A refused automation rule or request. Windows, exceptions and networks are numbered from 1 as the
/// user sees them (`rules show`).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum AutomationError {
    /// Input that does not parse as what it was meant to be.
    #[error("{}", bad_input(*what, text))]
    BadInput {
        /// What it was meant to be.
        what: AutomationInput,
        /// The input as typed.
        text: String,
    },
    /// A time zone name the time-zone database does not know.
    #[error("\"{name}\" is not a time zone: use a name such as Europe/Warsaw.")]
    UnknownZone {
        /// The name as given.
        name: String,
    },
    /// A window on no day.
    #[error("Window {window} is on no day: choose at least one weekday.")]
    NoDays {
        /// The window's number (from 1).
        window: usize,
    },
    /// A window that starts when it ends.
    #[error("Window {window} starts and ends at {time}, so it would be empty: use 00:00-24:00 for a whole day.")]
    EmptyWindow {
        /// The window's number (from 1).
        window: usize,
        /// The start and end, `HH:MM`.
        time: String,
    },
    /// Two windows of the weekly schedule cover the same time.
    #[error(
        "Windows {first} ({first_text}) and {second} ({second_text}) overlap on {}: change one of them.",
        day_name(day)
    )]
    OverlappingWindows {
        /// The first window's number.
        first: usize,
        /// The first window, as `rules show` writes it (`mon-fri 08:00-16:00`).
        first_text: String,
        /// The second window's number.
        second: usize,
        /// The second window, as `rules show` writes it.
        second_text: String,
        /// The weekday where they first overlap, `mon`…`sun`.
        day: String,
    },
    /// An exception that ends before it starts.
    #[error("Exception {exception} ends on {to}, before it starts on {from}.")]
    ExceptionBackwards {
        /// The exception's number (from 1).
        exception: usize,
        /// Its first day.
        from: String,
        /// Its last day.
        to: String,
    },
    /// Two exceptions covering the same day.
    #[error("Exceptions {first} ({first_text}) and {second} ({second_text}) both cover {day}: change one of them.")]
    OverlappingExceptions {
        /// The first exception's number.
        first: usize,
        /// The first exception's dates.
        first_text: String,
        /// The second exception's number.
        second: usize,
        /// The second exception's dates.
        second_text: String,
        /// The first day both cover.
        day: String,
    },
    /// Two network rules recognising the same network.
    #[error("Networks {first} and {second} both recognise {network}: remove one of them.")]
    DuplicateNetwork {
        /// The first rule's number.
        first: usize,
        /// The second rule's number.
        second: usize,
        /// The network, as `rules show` writes it.
        network: String,
    },
    /// More rules in a list than allowed.
    #[error("{}", too_many(*list, *limit))]
    TooMany {
        /// Which list.
        list: RuleList,
        /// The most allowed.
        limit: usize,
    },
    /// Leaving the computer with neither the lock nor sleep chosen.
    #[error("Leaving the computer needs the screen lock, sleep, or both.")]
    AwayWithoutTrigger,
    /// A number that names no rule (`rules remove-window 7` with five windows).
    #[error("{}", no_such_rule(*list, *number))]
    NoSuchRule {
        /// Which list.
        list: RuleList,
        /// The number asked for.
        number: usize,
    },
    /// "Until" a time already past.
    #[error("The end time {ends} has already passed: choose a later one.")]
    UntilPassed {
        /// The end asked for (RFC 3339).
        ends: String,
    },
    /// "Until" more than a year away.
    #[error("The end time {ends} is more than a year away: choose an earlier one.")]
    UntilTooFar {
        /// The end asked for (RFC 3339).
        ends: String,
    },
    /// A rule names a profile that does not exist (when saving; a profile deleted later only disables
    /// the rule).
    #[error("A rule names the profile \"{id}\", which does not exist.")]
    UnknownProfile {
        /// The profile id.
        id: String,
    },
    /// The phone system or server in use does not offer automatic switching.
    #[error("Automatic switching is not available with this phone system connection.")]
    Unavailable,
}

/// The English sentence for input that is not what it was meant to be.
fn bad_input(what: AutomationInput, text: &str) -> String {
    let hint = match what {
        AutomationInput::Time => "a time of day: write it as HH:MM, for example 08:00 (24:00 ends a day)",
        AutomationInput::Days => "a set of weekdays: write for example mon-fri, sat,sun or daily",
        AutomationInput::Date => "a date: write it as YYYY-MM-DD, for example 2026-12-24",
        AutomationInput::Duration => "a duration: write for example 2h, 90m or 1h 30m",
        AutomationInput::MacAddress => {
            "a MAC address: write it as six pairs of hexadecimal digits, for example aa:bb:cc:dd:ee:ff"
        }
        AutomationInput::WifiName => "a Wi-Fi name: it needs 1 to 32 bytes without control or invisible characters",
        AutomationInput::Subnet => "a subnet: write an address and a prefix length, for example 192.168.1.0/24",
        AutomationInput::Label => "a network name: it needs 1 to 32 characters without control or invisible characters",
    };
    format!("\"{text}\" is not {hint}.")
}

/// The English name of a weekday's short name (`mon` → Monday).
fn day_name(short: &str) -> &str {
    match short {
        "mon" => "Monday",
        "tue" => "Tuesday",
        "wed" => "Wednesday",
        "thu" => "Thursday",
        "fri" => "Friday",
        "sat" => "Saturday",
        "sun" => "Sunday",
        other => other,
    }
}

/// The English sentence for a list over its limit.
fn too_many(list: RuleList, limit: usize) -> String {
    match list {
        RuleList::Windows => format!("The weekly schedule may have at most {limit} windows."),
        RuleList::Exceptions => format!("There may be at most {limit} exceptions."),
        RuleList::Networks => format!("There may be at most {limit} networks."),
    }
}

/// The English sentence for a rule number that names nothing.
fn no_such_rule(list: RuleList, number: usize) -> String {
    match list {
        RuleList::Windows => format!("There is no window number {number} in the weekly schedule."),
        RuleList::Exceptions => format!("There is no exception number {number}."),
        RuleList::Networks => format!("There is no network number {number}."),
    }
}
