//! The user's rules: a weekly schedule in a time zone, exceptions by date, networks, leaving the
//! computer, and what applies otherwise. Checked whole by [`Rules::check`] before they are saved.

use std::fmt;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::clock_time::ClockTime;
use super::network::NetworkSignature;
use super::weekdays::Weekdays;
use crate::error::{AutomationError, AutomationInput};
use crate::profile::ProfileId;

/// The most windows in a weekly schedule.
pub const MAX_WINDOWS: usize = 64;
/// The most exceptions.
pub const MAX_EXCEPTIONS: usize = 200;
/// The most networks.
pub const MAX_NETWORKS: usize = 32;

/// Every rule of one user. The default has no rule at all: nothing switches by itself.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The zone the schedule's and the exceptions' wall-clock times are in.
    pub time_zone: Zone,
    /// The weekly schedule: windows of time on chosen weekdays (no two overlap).
    #[serde(default)]
    pub weekly: Vec<Window>,
    /// What applies when no other rule does (`None`: the profile stays as it is).
    #[serde(default)]
    pub otherwise: Option<ProfileId>,
    /// Dates or date ranges with a profile of their own (holidays); above the weekly schedule.
    #[serde(default)]
    pub exceptions: Vec<Exception>,
    /// Networks with a profile of their own; above exceptions. The first that matches decides.
    #[serde(default)]
    pub networks: Vec<NetworkRule>,
    /// Leaving the computer (screen locked, asleep); above networks.
    #[serde(default)]
    pub away: Option<AwayRule>,
}

impl Rules {
    /// Whether no rule is set (then nothing switches by itself and a click sets no hold).
    pub fn is_empty(&self) -> bool {
        self.weekly.is_empty()
            && self.otherwise.is_none()
            && self.exceptions.is_empty()
            && self.networks.is_empty()
            && self.away.is_none()
    }

    /// Every profile the rules name, with the rule naming it.
    pub fn named_profiles(&self) -> Vec<(RuleRef, &ProfileId)> {
        let mut named = Vec::new();
        named.extend(
            self.weekly
                .iter()
                .enumerate()
                .map(|(i, w)| (RuleRef::Window(i + 1), &w.profile)),
        );
        named.extend(
            self.exceptions
                .iter()
                .enumerate()
                .map(|(i, e)| (RuleRef::Exception(i + 1), &e.profile)),
        );
        named.extend(
            self.networks
                .iter()
                .enumerate()
                .map(|(i, n)| (RuleRef::Network(i + 1), &n.profile)),
        );
        named.extend(self.away.iter().map(|a| (RuleRef::Away, &a.profile)));
        named.extend(self.otherwise.iter().map(|p| (RuleRef::Otherwise, p)));
        named
    }
}

/// One rule, as the user sees it: windows, exceptions and networks numbered from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "rule", content = "number", rename_all = "snake_case")]
pub enum RuleRef {
    /// Window N of the weekly schedule.
    Window(usize),
    /// Exception N.
    Exception(usize),
    /// Network N.
    Network(usize),
    /// Leaving the computer.
    Away,
    /// Otherwise.
    Otherwise,
}

/// A window of the weekly schedule: on each of `days`, from `start` to `end` (wall clock, `rules`'s
/// zone). `end` after `start` ends the same day (`24:00` = midnight at its end); `end` before `start`
/// crosses midnight and ends the next day (`fri 22:00-06:00` runs into Saturday morning); equal times
/// are refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The weekdays on which the window starts.
    pub days: Weekdays,
    /// When it starts (`00:00`–`23:59`).
    pub start: ClockTime,
    /// When it ends (`00:01`–`24:00`; before `start`: the next day).
    pub end: ClockTime,
    /// The profile it applies.
    pub profile: ProfileId,
}

impl Window {
    /// Whether the window ends on the day after it starts.
    pub fn crosses_midnight(&self) -> bool {
        self.end <= self.start
    }

    /// Its length in minutes.
    pub fn minutes(&self) -> u16 {
        if self.crosses_midnight() {
            super::clock_time::MINUTES_PER_DAY - self.start.minutes() + self.end.minutes()
        } else {
            self.end.minutes() - self.start.minutes()
        }
    }
}

impl fmt::Display for Window {
    /// `mon-fri 08:00-16:00` (the profile is not part of it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}-{}", self.days, self.start, self.end)
    }
}

/// Dates with a profile of their own: from `from` to `to`, both whole days, in the rules' zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// The first day.
    pub from: Date,
    /// The last day (inclusive; equal to `from` for one day).
    pub to: Date,
    /// The profile for those days.
    pub profile: ProfileId,
}

impl fmt::Display for Exception {
    /// `2026-12-24` or `2026-12-24..2026-12-26`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

/// On a recognised network, use a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkRule {
    /// How the network is recognised.
    pub network: NetworkSignature,
    /// The user's name for it ("Office").
    pub label: NetworkLabel,
    /// The profile to use there.
    pub profile: ProfileId,
}

/// When the computer is left (screen locked, asleep), use a profile; on return the other rules decide
/// again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwayRule {
    /// The profile while away.
    pub profile: ProfileId,
    /// Whether a locked screen counts as away.
    pub on_lock: bool,
    /// Whether sleep counts as away.
    pub on_sleep: bool,
}

/// A network's label: trimmed, 1–32 characters, no control or invisible characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NetworkLabel(String);

impl NetworkLabel {
    /// Parses and trims a label.
    pub fn parse(text: &str) -> Result<Self, AutomationError> {
        let trimmed = text.trim();
        let valid =
            !trimmed.is_empty() && trimmed.chars().count() <= 32 && !trimmed.chars().any(crate::shown::is_hidden);
        if valid {
            Ok(Self(trimmed.to_owned()))
        } else {
            Err(AutomationError::BadInput {
                what: AutomationInput::Label,
                text: crate::shown::text(text),
            })
        }
    }

    /// The label.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NetworkLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A time zone known to the time-zone database, kept with its IANA name (`Europe/Warsaw`).
#[derive(Clone, Debug)]
pub struct Zone {
    name: String,
    zone: TimeZone,
}

impl Zone {
    /// The zone named `name` (an IANA name, or `UTC`).
    pub fn named(name: &str) -> Result<Self, AutomationError> {
        let name = name.trim();
        let unknown = || AutomationError::UnknownZone {
            name: crate::shown::text(name),
        };
        if name.is_empty() || name.len() > 64 {
            return Err(unknown());
        }
        let zone = TimeZone::get(name).map_err(|_| unknown())?;
        Ok(Self {
            name: name.to_owned(),
            zone,
        })
    }

    /// The computer's zone when it has an IANA name, else UTC.
    pub fn system() -> Self {
        let system = TimeZone::system();
        match system.iana_name().map(str::to_owned) {
            Some(name) => Self { name, zone: system },
            None => Self::utc(),
        }
    }

    /// UTC.
    pub fn utc() -> Self {
        Self {
            name: "UTC".to_owned(),
            zone: TimeZone::UTC,
        }
    }

    /// The IANA name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The zone's rules.
    pub fn time_zone(&self) -> &TimeZone {
        &self.zone
    }
}

impl Default for Zone {
    fn default() -> Self {
        Self::system()
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::named(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for NetworkLabel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for NetworkLabel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}
