//! A time of day on the wall clock, to the minute, `00:00`–`24:00` (`24:00` only ends a window).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{AutomationError, AutomationInput};

/// Minutes in a day.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// A wall-clock time of day, in minutes after midnight: `0..=1440`. `24:00` (1440) is the end of the
/// day, accepted as a window's end only ([`crate::automation::Window`] checks that).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClockTime(u16);

impl ClockTime {
    /// Midnight at the start of a day.
    pub const MIDNIGHT: Self = Self(0);
    /// Midnight at the end of a day (`24:00`).
    pub const END_OF_DAY: Self = Self(MINUTES_PER_DAY);

    /// The time `hour:minute`; `None` unless it is within `00:00`–`24:00`.
    pub fn new(hour: u8, minute: u8) -> Option<Self> {
        let minutes = u16::from(hour) * 60 + u16::from(minute);
        (minute < 60 && minutes <= MINUTES_PER_DAY).then_some(Self(minutes))
    }

    /// The time `minutes` after midnight; `None` past `24:00`.
    pub fn from_minutes(minutes: u16) -> Option<Self> {
        (minutes <= MINUTES_PER_DAY).then_some(Self(minutes))
    }

    /// Minutes after midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// The hour (0–24).
    pub fn hour(self) -> u8 {
        u8::try_from(self.0 / 60).unwrap_or(24)
    }

    /// The minute (0–59).
    pub fn minute(self) -> u8 {
        u8::try_from(self.0 % 60).unwrap_or(0)
    }

    /// Whether this is `24:00`.
    pub fn is_end_of_day(self) -> bool {
        self.0 == MINUTES_PER_DAY
    }

    /// Parses `H:MM` or `HH:MM` (`24:00` included).
    pub fn parse(text: &str) -> Result<Self, AutomationError> {
        let bad = || AutomationError::BadInput {
            what: AutomationInput::Time,
            text: text.to_owned(),
        };
        let (hour, minute) = text.trim().split_once(':').ok_or_else(bad)?;
        let digits = |part: &str, most: usize| {
            (!part.is_empty() && part.len() <= most && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u8>().ok())
                .flatten()
        };
        let hour = digits(hour, 2).ok_or_else(bad)?;
        if minute.len() != 2 {
            return Err(bad());
        }
        let minute = digits(minute, 2).ok_or_else(bad)?;
        Self::new(hour, minute).ok_or_else(bad)
    }

    /// This time on the wall clock of `date` (`24:00` is the next day's midnight).
    pub fn on(self, date: jiff::civil::Date) -> Option<jiff::civil::DateTime> {
        if self.is_end_of_day() {
            return date
                .tomorrow()
                .ok()
                .map(|next| next.to_datetime(jiff::civil::Time::midnight()));
        }
        let time =
            jiff::civil::Time::new(i8::try_from(self.hour()).ok()?, i8::try_from(self.minute()).ok()?, 0, 0).ok()?;
        Some(date.to_datetime(time))
    }

    /// The wall-clock time of `time`, to the minute (seconds dropped).
    pub fn of(time: jiff::civil::Time) -> Self {
        let hour = u16::try_from(time.hour()).unwrap_or(0);
        let minute = u16::try_from(time.minute()).unwrap_or(0);
        Self(hour * 60 + minute)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_times() -> Result<(), AutomationError> {
        assert_eq!(ClockTime::parse("8:05")?.to_string(), "08:05");
        assert_eq!(ClockTime::parse("24:00")?, ClockTime::END_OF_DAY);
        assert_eq!(ClockTime::parse(" 23:59 ")?.minutes(), 1439);
        for bad in [
            "24:01", "25:00", "12:60", "12", "12:5", ":30", "-1:00", "12:00:00", "１2:00", "+1:00",
        ] {
            assert!(ClockTime::parse(bad).is_err(), "{bad} was accepted");
        }
        Ok(())
    }
}
