//! A set of weekdays: `mon-fri`, `sat,sun`, `daily`.

use std::fmt;

use jiff::civil::Weekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{AutomationError, AutomationInput};

/// The weekdays Monday first, with their short names (as written in files and on the command line).
pub const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Monday, "mon"),
    (Weekday::Tuesday, "tue"),
    (Weekday::Wednesday, "wed"),
    (Weekday::Thursday, "thu"),
    (Weekday::Friday, "fri"),
    (Weekday::Saturday, "sat"),
    (Weekday::Sunday, "sun"),
];

/// A set of weekdays (bit 0 Monday … bit 6 Sunday). Stored as a list of short names,
/// `["mon","tue"]`; written for people as ranges, `mon-fri,sun`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Weekdays(u8);

impl Weekdays {
    /// Every day.
    pub const ALL: Self = Self(0x7f);
    /// Monday to Friday.
    pub const WORKDAYS: Self = Self(0x1f);
    /// No day.
    pub const NONE: Self = Self(0);

    /// The set holding only `day`.
    pub fn only(day: Weekday) -> Self {
        Self(1 << index(day))
    }

    /// This set with `day` added.
    #[must_use]
    pub fn with(self, day: Weekday) -> Self {
        Self(self.0 | (1 << index(day)))
    }

    /// Whether `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << index(day)) != 0
    }

    /// Whether no day is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The days in the set, Monday first.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        DAYS.into_iter()
            .map(|(day, _)| day)
            .filter(move |&day| self.contains(day))
    }

    /// Parses `mon-fri`, `sat,sun`, `mon,wed-fri`, `daily`/`all`, `weekdays`, `weekend` (any case).
    pub fn parse(text: &str) -> Result<Self, AutomationError> {
        let bad = || AutomationError::BadInput {
            what: AutomationInput::Days,
            text: text.to_owned(),
        };
        let lower = text.trim().to_ascii_lowercase();
        match lower.as_str() {
            "daily" | "all" | "every" => return Ok(Self::ALL),
            "weekdays" | "workdays" => return Ok(Self::WORKDAYS),
            "weekend" => return Ok(Self(0x60)),
            _ => {}
        }
        let mut set = Self::NONE;
        for part in lower.split(',') {
            let part = part.trim();
            match part.split_once('-') {
                Some((first, last)) => {
                    let first = day_index(first.trim()).ok_or_else(bad)?;
                    let last = day_index(last.trim()).ok_or_else(bad)?;
                    // A range may wrap over the week's end: `fri-mon`.
                    let mut day = first;
                    loop {
                        set.0 |= 1 << day;
                        if day == last {
                            break;
                        }
                        day = (day + 1) % 7;
                    }
                }
                None => set.0 |= 1 << day_index(part).ok_or_else(bad)?,
            }
        }
        Ok(set)
    }
}

/// Monday = 0 … Sunday = 6.
pub fn index(day: Weekday) -> u8 {
    u8::try_from(day.to_monday_zero_offset()).unwrap_or(0)
}

/// The short name of `day` (`mon`).
pub fn short_name(day: Weekday) -> &'static str {
    DAYS.iter().find(|(d, _)| *d == day).map_or("mon", |(_, name)| name)
}

/// The index of a short or full English day name.
fn day_index(name: &str) -> Option<u8> {
    DAYS.iter()
        .position(|(day, short)| *short == name || format!("{day:?}").eq_ignore_ascii_case(name))
        .and_then(|i| u8::try_from(i).ok())
}

impl fmt::Display for Weekdays {
    /// Runs of three or more days as ranges: `mon-fri,sun`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Self::ALL {
            return f.write_str("daily");
        }
        let mut parts = Vec::new();
        let mut day = 0u8;
        while day < 7 {
            if self.0 & (1 << day) == 0 {
                day += 1;
                continue;
            }
            let start = day;
            while day + 1 < 7 && self.0 & (1 << (day + 1)) != 0 {
                day += 1;
            }
            let name = |i: u8| DAYS.get(usize::from(i)).map_or("?", |(_, n)| n);
            match day - start {
                0 => parts.push(name(start).to_owned()),
                1 => parts.push(format!("{},{}", name(start), name(day))),
                _ => parts.push(format!("{}-{}", name(start), name(day))),
            }
            day += 1;
        }
        f.write_str(&parts.join(","))
    }
}

impl Serialize for Weekdays {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.days().map(short_name))
    }
}

impl<'de> Deserialize<'de> for Weekdays {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let names = Vec::<String>::deserialize(deserializer)?;
        let mut set = Self::NONE;
        for name in &names {
            let day = day_index(name).ok_or_else(|| serde::de::Error::custom(format!("{name:?} is not a weekday")))?;
            set.0 |= 1 << day;
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ranges_and_lists() -> Result<(), AutomationError> {
        assert_eq!(Weekdays::parse("mon-fri")?, Weekdays::WORKDAYS);
        assert_eq!(Weekdays::parse("Sat,SUN")?.to_string(), "sat,sun");
        assert_eq!(Weekdays::parse("fri-mon")?.to_string(), "mon,fri-sun");
        assert_eq!(Weekdays::parse("mon,wed-fri")?.to_string(), "mon,wed-fri");
        assert_eq!(Weekdays::parse("daily")?.to_string(), "daily");
        assert!(Weekdays::parse("").is_err());
        assert!(Weekdays::parse("mon-").is_err());
        assert!(Weekdays::parse("funday").is_err());
        Ok(())
    }
}
