//! Reading the end of an "until" as people type it: a wall-clock time in the rules' zone (`17:00`: its
//! next occurrence; `2026-04-01 17:00`: that day) or a duration (`2h`, `90m`, `1h 30m`). Shared by the
//! command line and the windows.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::clock_time::ClockTime;
use super::local_time::{instant, local_date};
use crate::error::{AutomationError, AutomationInput};

/// The next time the wall clock of `zone` shows `time` after `now` (today, else tomorrow; `24:00` is
/// the coming midnight).
pub fn next_occurrence(zone: &TimeZone, now: Timestamp, time: ClockTime) -> Option<Timestamp> {
    let today = local_date(zone, now);
    let at = instant(zone, today, time)?;
    if at > now {
        return Some(at);
    }
    instant(zone, today.tomorrow().ok()?, time)
}

/// The end `--until TEXT` means: `HH:MM` at its next occurrence, or `YYYY-MM-DD HH:MM` (a `T` may
/// stand for the space), in `zone`.
pub fn until_text(text: &str, now: Timestamp, zone: &TimeZone) -> Result<Timestamp, AutomationError> {
    let bad = || AutomationError::BadInput {
        what: AutomationInput::Time,
        text: text.to_owned(),
    };
    let trimmed = text.trim();
    if let Some((date, time)) = trimmed.split_once([' ', 'T']) {
        let date: jiff::civil::Date = date.trim().parse().map_err(|_| bad())?;
        return instant(zone, date, ClockTime::parse(time)?).ok_or_else(bad);
    }
    next_occurrence(zone, now, ClockTime::parse(trimmed)?).ok_or_else(bad)
}

/// The end `--for TEXT` means: `now` plus a positive duration (`2h`, `90m`, `1h 30m`).
pub fn for_text(text: &str, now: Timestamp) -> Result<Timestamp, AutomationError> {
    let bad = || AutomationError::BadInput {
        what: AutomationInput::Duration,
        text: text.to_owned(),
    };
    let duration: SignedDuration = text.trim().parse().map_err(|_| bad())?;
    if !duration.is_positive() {
        return Err(bad());
    }
    now.checked_add(duration).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn until_and_for_read_in_the_rules_zone() -> Result<(), Box<dyn std::error::Error>> {
        let zone = TimeZone::get("Europe/Warsaw")?;
        let now: Timestamp = "2026-03-30T09:00+02:00".parse()?;
        assert_eq!(until_text("17:00", now, &zone)?, "2026-03-30T17:00+02:00".parse()?);
        assert_eq!(until_text("08:00", now, &zone)?, "2026-03-31T08:00+02:00".parse()?);
        assert_eq!(until_text("24:00", now, &zone)?, "2026-03-31T00:00+02:00".parse()?);
        assert_eq!(
            until_text("2026-04-02 07:30", now, &zone)?,
            "2026-04-02T07:30+02:00".parse()?
        );
        assert_eq!(
            until_text("2026-04-02T07:30", now, &zone)?,
            "2026-04-02T07:30+02:00".parse()?
        );
        assert_eq!(for_text("2h", now)?, "2026-03-30T11:00+02:00".parse()?);
        assert_eq!(for_text("1h 30m", now)?, "2026-03-30T10:30+02:00".parse()?);
        for bad in ["0m", "-1h", "soon", ""] {
            assert!(for_text(bad, now).is_err(), "{bad}");
        }
        for bad in ["17", "2026-13-01 10:00", "tomorrow 10:00"] {
            assert!(until_text(bad, now, &zone).is_err(), "{bad}");
        }
        // Spring forward: 02:30 on the last Sunday of March is 03:00 CEST.
        let night: Timestamp = "2026-03-29T00:30+01:00".parse()?;
        assert_eq!(until_text("02:30", night, &zone)?, "2026-03-29T03:00+02:00".parse()?);
        Ok(())
    }
}
