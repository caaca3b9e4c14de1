//! How long a profile chosen "until…" holds, reckoned into the instant it ends: one reckoning for the
//! tray (1 h, 2 h, end of the working day, tomorrow morning) and the windows (hours, a typed time,
//! tomorrow morning), so both mean the same by the same words.

use jiff::civil::{Date, DateTime, Time};
use jiff::{SignedDuration, Timestamp, Zoned};

use super::clock_time::ClockTime;
use super::local_time::instant_of;
use super::rules::Rules;
use super::until_input::next_occurrence;

/// How long a profile chosen now holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoldLength {
    /// For this many hours.
    Hours(u8),
    /// Until this wall-clock time (today, or tomorrow when it has passed), as the command line's `--until`.
    At(ClockTime),
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

/// The instant `length` chosen at `now` ends: hours count from `now`; a typed time and the defaults
/// (17:00, 08:00) are read on `now`'s wall clock (the computer's), the schedule's windows in the rules'
/// zone. A wall-clock time is placed across daylight saving as the schedule places it
/// ([`super::local_time`]: in the spring gap it is the jump, in the autumn's repeated hour the first
/// time), so a hold "to the end of the working day" ends when the schedule's window really ends.
/// `None` only past the edges of time.
pub fn hold_end(length: HoldLength, now: &Zoned, rules: Option<&Rules>) -> Option<Timestamp> {
    match length {
        HoldLength::Hours(hours) => now
            .timestamp()
            .checked_add(SignedDuration::from_hours(i64::from(hours)))
            .ok(),
        HoldLength::At(time) => next_occurrence(now.time_zone(), now.timestamp(), time),
        HoldLength::EndOfWorkingDay => match rules.and_then(|rules| current_window_end(now, rules)) {
            Some(end) => Some(end),
            None => {
                let evening = at(now, now.date(), EVENING)?;
                if evening > now.timestamp() {
                    Some(evening)
                } else {
                    tomorrow_morning(now, rules)
                }
            }
        },
        HoldLength::TomorrowMorning => tomorrow_morning(now, rules),
    }
}

/// `time` on `date` in `now`'s zone.
fn at(now: &Zoned, date: Date, time: Time) -> Option<Timestamp> {
    instant_of(now.time_zone(), date.to_datetime(time))
}

/// The end of the weekly window `now` is in (a window started today, or yesterday when it runs past
/// midnight), in the rules' zone.
fn current_window_end(now: &Zoned, rules: &Rules) -> Option<Timestamp> {
    let zone = rules.time_zone.time_zone().clone();
    let local = now.with_time_zone(zone.clone());
    let today = local.date();
    let instant = |datetime: DateTime| instant_of(&zone, datetime);
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
            .and_then(|start| instant_of(&zone, start))
    });
    scheduled.or_else(|| at(now, now.date().tomorrow().ok()?, MORNING))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BuiltIn;
    use crate::automation::{Weekdays, Window, Zone};

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

    /// The end of `length` chosen at `now` (Warsaw), as Warsaw's wall clock shows it.
    fn ends(length: HoldLength, now: &str, rules: Option<&Rules>) -> Result<String, Box<dyn std::error::Error>> {
        let now = warsaw(now)?;
        let ends = hold_end(length, &now, rules).ok_or("no end")?;
        Ok(ends
            .to_zoned(now.time_zone().clone())
            .strftime("%a %F %H:%M")
            .to_string())
    }

    #[test]
    fn hours_count_from_now_across_the_clock_change() -> TestResult {
        // 2026-10-25 the clocks go back at 03:00: two hours after 01:30 CEST is 02:30 CET.
        assert_eq!(
            ends(HoldLength::Hours(2), "2026-10-25T01:30:00+02:00", None)?,
            "Sun 2026-10-25 02:30"
        );
        assert_eq!(
            hold_end(HoldLength::Hours(2), &warsaw("2026-10-25T01:30:00+02:00")?, None),
            Some("2026-10-25T01:30:00Z".parse()?)
        );
        assert_eq!(
            ends(HoldLength::Hours(1), "2026-12-01T10:15:00+01:00", None)?,
            "Tue 2026-12-01 11:15"
        );
        Ok(())
    }

    #[test]
    fn a_time_already_past_today_means_tomorrow() -> TestResult {
        let now = warsaw("2026-12-01T18:30:00+01:00")?;
        let at = |text| ClockTime::parse(text).map(HoldLength::At);
        assert_eq!(
            hold_end(at("19:00")?, &now, None),
            Some("2026-12-01T18:00:00Z".parse()?)
        );
        assert_eq!(
            hold_end(at("17:00")?, &now, None),
            Some("2026-12-02T16:00:00Z".parse()?)
        );
        assert_eq!(
            hold_end(HoldLength::Hours(2), &now, None),
            Some("2026-12-01T19:30:00Z".parse()?)
        );
        Ok(())
    }

    #[test]
    fn the_working_day_ends_with_the_window_we_are_in() -> TestResult {
        let rules = rules()?;
        assert_eq!(
            ends(HoldLength::EndOfWorkingDay, "2026-12-01T10:15:00+01:00", Some(&rules))?,
            "Tue 2026-12-01 16:00"
        );
        // Saturday 02:00 is still Friday's night shift.
        assert_eq!(
            ends(HoldLength::EndOfWorkingDay, "2026-12-05T02:00:00+01:00", Some(&rules))?,
            "Sat 2026-12-05 06:00"
        );
        // Outside any window: 17:00 today, and after that tomorrow morning.
        assert_eq!(
            ends(HoldLength::EndOfWorkingDay, "2026-12-01T07:00:00+01:00", Some(&rules))?,
            "Tue 2026-12-01 17:00"
        );
        assert_eq!(
            ends(HoldLength::EndOfWorkingDay, "2026-12-01T18:00:00+01:00", Some(&rules))?,
            "Wed 2026-12-02 08:00"
        );
        Ok(())
    }

    /// Sun 01:00–02:30 and Sun 02:30–05:00, in Warsaw: both edges fall in the spring gap of
    /// 2026-03-29 (02:00 → 03:00), and in the autumn's repeated hour on 2026-10-25.
    fn night_rules() -> Result<Rules, Box<dyn std::error::Error>> {
        let window = |start, end| -> Result<Window, Box<dyn std::error::Error>> {
            Ok(Window {
                days: Weekdays::parse("sun")?,
                start: ClockTime::parse(start)?,
                end: ClockTime::parse(end)?,
                profile: BuiltIn::Office.id(),
            })
        };
        Ok(Rules {
            time_zone: Zone::named("Europe/Warsaw")?,
            weekly: vec![window("01:00", "02:30")?, window("02:30", "05:00")?],
            ..Rules::default()
        })
    }

    #[test]
    fn a_hold_ends_where_the_schedule_places_a_time_across_daylight_saving() -> TestResult {
        let rules = night_rules()?;
        // 02:30 does not exist on 2026-03-29: the schedule's window changes when the clocks jump, at
        // 03:00 CEST (01:00 UTC), and so does the hold to the end of the working day.
        assert_eq!(
            hold_end(
                HoldLength::EndOfWorkingDay,
                &warsaw("2026-03-29T01:30:00+01:00")?,
                Some(&rules)
            ),
            Some("2026-03-29T01:00:00Z".parse()?)
        );
        assert_eq!(
            crate::automation::local_time::instant(
                rules.time_zone.time_zone(),
                "2026-03-29".parse()?,
                ClockTime::parse("02:30")?
            ),
            Some("2026-03-29T01:00:00Z".parse()?)
        );
        // Tomorrow morning's first window starts in the gap: at the jump as well.
        let mut late = rules.clone();
        late.weekly.remove(0);
        assert_eq!(
            hold_end(
                HoldLength::TomorrowMorning,
                &warsaw("2026-03-28T20:00:00+01:00")?,
                Some(&late)
            ),
            Some("2026-03-29T01:00:00Z".parse()?)
        );
        // 02:30 happens twice on 2026-10-25: the first time, in summer time (00:30 UTC).
        assert_eq!(
            hold_end(
                HoldLength::EndOfWorkingDay,
                &warsaw("2026-10-25T01:30:00+02:00")?,
                Some(&rules)
            ),
            Some("2026-10-25T00:30:00Z".parse()?)
        );
        Ok(())
    }

    #[test]
    fn tomorrow_morning_is_the_schedules_first_start_else_eight() -> TestResult {
        let rules = rules()?;
        assert_eq!(
            ends(HoldLength::TomorrowMorning, "2026-12-01T18:00:00+01:00", Some(&rules))?,
            "Wed 2026-12-02 08:00"
        );
        // Friday evening: Saturday has no morning window.
        assert_eq!(
            ends(HoldLength::TomorrowMorning, "2026-12-04T18:00:00+01:00", Some(&rules))?,
            "Sat 2026-12-05 08:00"
        );
        assert_eq!(
            ends(HoldLength::TomorrowMorning, "2026-12-04T18:00:00+01:00", None)?,
            "Sat 2026-12-05 08:00"
        );
        // A start at 07:30 is the morning.
        let mut early = rules.clone();
        early.weekly.truncate(1);
        let window = early.weekly.first_mut().ok_or("no window")?;
        window.start = ClockTime::parse("07:30")?;
        window.end = ClockTime::parse("15:30")?;
        assert_eq!(
            ends(HoldLength::TomorrowMorning, "2026-12-01T18:30:00+01:00", Some(&early))?,
            "Wed 2026-12-02 07:30"
        );
        Ok(())
    }
}
