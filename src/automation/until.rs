//! The tray's "Until…" choices turned into core's [`Until`] at the moment one is clicked: for 1 or 2 hours,
//! until the end of the working day, until tomorrow morning; afterwards the rules decide.

use callprofiles_core::automation::{ReturnTo, Rules, Until};
use jiff::civil::{Date, Time};
use jiff::{SignedDuration, Timestamp, Zoned};

/// How long a profile chosen from the tray holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrayHold {
    /// For this many hours.
    Hours(u8),
    /// Until the current window of the weekly schedule ends (else 17:00 today, else tomorrow morning).
    EndOfWorkingDay,
    /// Until tomorrow's first window start before noon (else 08:00).
    TomorrowMorning,
}

/// When the working day ends without a schedule saying so.
const EVENING: Time = Time::constant(17, 0, 0, 0);
/// Tomorrow morning without a schedule saying so.
const MORNING: Time = Time::constant(8, 0, 0, 0);
/// A schedule's start after this is not "the morning".
const NOON: Time = Time::constant(12, 0, 0, 0);

/// The "until" for `hold` chosen at `now` (the computer's wall clock; the schedule in its own zone); then
/// the rules decide. `None` only past the edges of time.
pub fn until_for(hold: TrayHold, now: &Zoned, rules: Option<&Rules>) -> Option<Until> {
    let ends = match hold {
        TrayHold::Hours(hours) => now
            .timestamp()
            .checked_add(SignedDuration::from_hours(i64::from(hours)))
            .ok()?,
        TrayHold::EndOfWorkingDay => match rules.and_then(|rules| current_window_end(now, rules)) {
            Some(end) => end,
            None => {
                let evening = at(now, now.date(), EVENING)?;
                if evening > now.timestamp() {
                    evening
                } else {
                    tomorrow_morning(now, rules)?
                }
            }
        },
        TrayHold::TomorrowMorning => tomorrow_morning(now, rules)?,
    };
    Some(Until {
        ends,
        then: ReturnTo::Schedule,
    })
}

/// `time` on `date` in `now`'s zone.
fn at(now: &Zoned, date: Date, time: Time) -> Option<Timestamp> {
    date.to_datetime(time)
        .to_zoned(now.time_zone().clone())
        .ok()
        .map(|zoned| zoned.timestamp())
}

/// The end of the weekly window `now` is in (a window started today, or yesterday when it runs past
/// midnight), in the rules' zone.
fn current_window_end(now: &Zoned, rules: &Rules) -> Option<Timestamp> {
    let zone = rules.time_zone.time_zone().clone();
    let local = now.with_time_zone(zone.clone());
    let today = local.date();
    let instant = |datetime: jiff::civil::DateTime| datetime.to_zoned(zone.clone()).ok().map(|z| z.timestamp());
    [today.yesterday().ok(), Some(today)]
        .into_iter()
        .flatten()
        .flat_map(|day| rules.weekly.iter().map(move |window| (day, window)))
        .filter(|(day, window)| window.days.contains(day.weekday()))
        .filter_map(|(day, window)| {
            let start = instant(window.start.on(day)?)?;
            let end_day = if window.end > window.start {
                day
            } else {
                day.tomorrow().ok()?
            };
            let end = instant(window.end.on(end_day)?)?;
            (start <= now.timestamp() && now.timestamp() < end).then_some(end)
        })
        .min()
}

/// Tomorrow's first window start before noon in the rules' zone, else 08:00 tomorrow on `now`'s clock.
fn tomorrow_morning(now: &Zoned, rules: Option<&Rules>) -> Option<Timestamp> {
    let scheduled = rules.and_then(|rules| {
        let zone = rules.time_zone.time_zone().clone();
        let tomorrow = now.with_time_zone(zone.clone()).date().tomorrow().ok()?;
        rules
            .weekly
            .iter()
            .filter(|window| window.days.contains(tomorrow.weekday()))
            .filter_map(|window| window.start.on(tomorrow))
            .filter(|start| start.time() < NOON)
            .min()
            .and_then(|start| start.to_zoned(zone).ok())
            .map(|start| start.timestamp())
    });
    scheduled.or_else(|| at(now, now.date().tomorrow().ok()?, MORNING))
}

#[cfg(test)]
mod tests {
    use callprofiles_core::BuiltIn;
    use callprofiles_core::automation::{ClockTime, Weekdays, Window, Zone};

    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// Mon–Fri 08:00–16:00 and a night shift Fri 22:00–06:00, in Warsaw.
    fn rules() -> Result<Rules, Box<dyn std::error::Error>> {
        Ok(Rules {
            time_zone: Zone::named("Europe/Warsaw")?,
            weekly: vec![
                Window {
                    days: Weekdays::WORKDAYS,
                    start: ClockTime::parse("08:00")?,
                    end: ClockTime::parse("16:00")?,
                    profile: BuiltIn::Office.id(),
                },
                Window {
                    days: Weekdays::parse("fri")?,
                    start: ClockTime::parse("22:00")?,
                    end: ClockTime::parse("06:00")?,
                    profile: BuiltIn::Office.id(),
                },
            ],
            ..Rules::default()
        })
    }

    fn warsaw(text: &str) -> Result<Zoned, Box<dyn std::error::Error>> {
        Ok(format!("{text}[Europe/Warsaw]").parse()?)
    }

    fn ends(hold: TrayHold, now: &str, rules: Option<&Rules>) -> Result<String, Box<dyn std::error::Error>> {
        let now = warsaw(now)?;
        let until = until_for(hold, &now, rules).ok_or("no until")?;
        assert_eq!(until.then, ReturnTo::Schedule);
        Ok(until
            .ends
            .to_zoned(now.time_zone().clone())
            .strftime("%a %F %H:%M")
            .to_string())
    }

    #[test]
    fn hours_count_from_now_across_the_clock_change() -> TestResult {
        // 2026-10-25 the clocks go back at 03:00: two hours after 01:30 CEST is 02:30 CET.
        assert_eq!(
            ends(TrayHold::Hours(2), "2026-10-25T01:30:00+02:00", None)?,
            "Sun 2026-10-25 02:30"
        );
        assert_eq!(
            ends(TrayHold::Hours(1), "2026-12-01T10:15:00+01:00", None)?,
            "Tue 2026-12-01 11:15"
        );
        Ok(())
    }

    #[test]
    fn the_working_day_ends_with_the_window_we_are_in() -> TestResult {
        let rules = rules()?;
        assert_eq!(
            ends(TrayHold::EndOfWorkingDay, "2026-12-01T10:15:00+01:00", Some(&rules))?,
            "Tue 2026-12-01 16:00"
        );
        // Saturday 02:00 is still Friday's night shift.
        assert_eq!(
            ends(TrayHold::EndOfWorkingDay, "2026-12-05T02:00:00+01:00", Some(&rules))?,
            "Sat 2026-12-05 06:00"
        );
        // Outside any window: 17:00 today, and after that tomorrow morning.
        assert_eq!(
            ends(TrayHold::EndOfWorkingDay, "2026-12-01T07:00:00+01:00", Some(&rules))?,
            "Tue 2026-12-01 17:00"
        );
        assert_eq!(
            ends(TrayHold::EndOfWorkingDay, "2026-12-01T18:00:00+01:00", Some(&rules))?,
            "Wed 2026-12-02 08:00"
        );
        Ok(())
    }

    #[test]
    fn tomorrow_morning_is_the_schedules_first_start_else_eight() -> TestResult {
        let rules = rules()?;
        assert_eq!(
            ends(TrayHold::TomorrowMorning, "2026-12-01T18:00:00+01:00", Some(&rules))?,
            "Wed 2026-12-02 08:00"
        );
        // Friday evening: Saturday has no morning window.
        assert_eq!(
            ends(TrayHold::TomorrowMorning, "2026-12-04T18:00:00+01:00", Some(&rules))?,
            "Sat 2026-12-05 08:00"
        );
        assert_eq!(
            ends(TrayHold::TomorrowMorning, "2026-12-04T18:00:00+01:00", None)?,
            "Sat 2026-12-05 08:00"
        );
        Ok(())
    }
}
