//! Wall-clock times of the rules' zone as instants, across daylight-saving changes.
//!
//! The policy, one for every rule: a wall-clock time that does not exist (the spring-forward gap,
//! Europe/Warsaw's 02:00–03:00 on the last Sunday of March) happens when the clocks jump, so a
//! window starting at 02:30 starts at 03:00 CEST; a wall-clock time that happens twice (the fall-back
//! hour, 02:00–03:00 on the last Sunday of October) happens the first time (summer time, CEST), so a
//! window ending at 02:30 ends at 02:30 CEST and is not entered again at 02:30 CET. The mapping from
//! wall clock to instants never goes backwards, so windows that do not overlap on the wall clock never
//! overlap in time.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};

use super::clock_time::ClockTime;

/// The instant of `time` on `date` in `zone` (see the module's policy); `None` only at the edges of
/// the representable range.
pub fn instant(zone: &TimeZone, date: Date, time: ClockTime) -> Option<Timestamp> {
    instant_of(zone, time.on(date)?)
}

/// The instant of the wall-clock `datetime` in `zone` (see the module's policy).
pub fn instant_of(zone: &TimeZone, datetime: DateTime) -> Option<Timestamp> {
    match zone.to_ambiguous_timestamp(datetime).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(datetime).ok(),
        // The first occurrence: the offset in force before the clocks went back.
        AmbiguousOffset::Fold { before, .. } => before.to_timestamp(datetime).ok(),
        // Read with the later offset the time falls before the jump; the jump itself is the next
        // transition from there.
        AmbiguousOffset::Gap { after, .. } => {
            let before_jump = after.to_timestamp(datetime).ok()?;
            zone.following(before_jump)
                .next()
                .map(|transition| transition.timestamp())
        }
    }
}

/// The wall-clock date of `instant` in `zone`.
pub fn local_date(zone: &TimeZone, instant: Timestamp) -> Date {
    zone.to_datetime(instant).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warsaw() -> Result<TimeZone, jiff::Error> {
        TimeZone::get("Europe/Warsaw")
    }

    #[test]
    fn a_time_in_the_spring_gap_happens_when_the_clocks_jump() -> Result<(), Box<dyn std::error::Error>> {
        let zone = warsaw()?;
        let day = jiff::civil::date(2026, 3, 29);
        let at = instant(&zone, day, ClockTime::parse("02:30")?).ok_or("none")?;
        assert_eq!(at, "2026-03-29T01:00:00Z".parse()?);
        let before = instant(&zone, day, ClockTime::parse("01:59")?).ok_or("none")?;
        assert_eq!(before, "2026-03-29T00:59:00Z".parse()?);
        Ok(())
    }

    #[test]
    fn a_time_in_the_autumn_fold_happens_the_first_time() -> Result<(), Box<dyn std::error::Error>> {
        let zone = warsaw()?;
        let day = jiff::civil::date(2026, 10, 25);
        let at = instant(&zone, day, ClockTime::parse("02:30")?).ok_or("none")?;
        assert_eq!(at, "2026-10-25T00:30:00Z".parse()?);
        let three = instant(&zone, day, ClockTime::parse("03:00")?).ok_or("none")?;
        assert_eq!(three, "2026-10-25T02:00:00Z".parse()?);
        Ok(())
    }
}
