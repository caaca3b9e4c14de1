//! What the automation commands share: the lines that say what a step did and what comes next, and
//! reading `--until`/`--for` in the rules' time zone.

use callprofiles_core::automation::{AutomationStep, ClockTime, Decision, local_time};
use callprofiles_core::{AutomationError, AutomationInput, CoreError, ProfileBook};
use fluent_bundle::FluentValue;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::cli::Context;
use crate::text::automation_text::{next_line, profile_text, reason_text};

/// The lines saying what a step did: the switch if any, what decides now, and the next change.
pub fn step_lines(
    context: &Context,
    book: &ProfileBook,
    step: &AutomationStep,
    now: Timestamp,
    zone: &TimeZone,
) -> Vec<String> {
    let i18n = &context.i18n;
    let mut lines = Vec::new();
    if let Some(switch) = &step.switched {
        lines.push(context.tr_args(
            "cli-auto-switched",
            &[
                ("profile", FluentValue::from(profile_text(i18n, book, &switch.to))),
                (
                    "reason",
                    FluentValue::from(reason_text(i18n, &switch.reason, now, zone)),
                ),
            ],
        ));
    }
    lines.push(now_line(context, book, step.decision.as_ref(), now, zone));
    lines.push(next_line(i18n, book, step.next.as_ref(), now, zone));
    lines
}

/// "Now: Office (schedule, window 1)." or that no rule applies.
pub fn now_line(
    context: &Context,
    book: &ProfileBook,
    decision: Option<&Decision>,
    now: Timestamp,
    zone: &TimeZone,
) -> String {
    let i18n = &context.i18n;
    match decision {
        Some(decision) => context.tr_args(
            "cli-auto-now",
            &[
                (
                    "profile",
                    FluentValue::from(profile_text(i18n, book, &decision.profile)),
                ),
                (
                    "reason",
                    FluentValue::from(reason_text(i18n, &decision.reason, now, zone)),
                ),
            ],
        ),
        None => context.tr("cli-auto-now-none"),
    }
}

/// The end of `--until TIME`: `HH:MM` is its next occurrence (today, else tomorrow) on the wall clock
/// of `zone`; `YYYY-MM-DD HH:MM` (or with a `T`) is that day.
pub fn until_instant(text: &str, now: Timestamp, zone: &TimeZone) -> Result<Timestamp, CoreError> {
    let bad = || AutomationError::BadInput {
        what: AutomationInput::Time,
        text: text.to_owned(),
    };
    let trimmed = text.trim();
    if let Some((date, time)) = trimmed.split_once([' ', 'T']) {
        let date: jiff::civil::Date = date.trim().parse().map_err(|_| bad())?;
        let time = ClockTime::parse(time)?;
        return Ok(local_time::instant(zone, date, time).ok_or_else(bad)?);
    }
    let time = ClockTime::parse(trimmed)?;
    let today = local_time::local_date(zone, now);
    let at = local_time::instant(zone, today, time).ok_or_else(bad)?;
    if at > now {
        return Ok(at);
    }
    let tomorrow = today.tomorrow().map_err(|_| bad())?;
    Ok(local_time::instant(zone, tomorrow, time).ok_or_else(bad)?)
}

/// The end of `--for DURATION` (`2h`, `90m`, `1h 30m`): from `now`, positive.
pub fn for_instant(text: &str, now: Timestamp) -> Result<Timestamp, CoreError> {
    let bad = || AutomationError::BadInput {
        what: AutomationInput::Duration,
        text: text.to_owned(),
    };
    let duration: SignedDuration = text.trim().parse().map_err(|_| bad())?;
    if !duration.is_positive() {
        return Err(bad().into());
    }
    Ok(now.checked_add(duration).map_err(|_| bad())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn until_and_for_read_in_the_rules_zone() -> Result<(), Box<dyn std::error::Error>> {
        let zone = TimeZone::get("Europe/Warsaw")?;
        let now: Timestamp = "2026-03-30T09:00+02:00".parse()?;
        assert_eq!(until_instant("17:00", now, &zone)?, "2026-03-30T17:00+02:00".parse()?);
        assert_eq!(until_instant("08:00", now, &zone)?, "2026-03-31T08:00+02:00".parse()?);
        assert_eq!(
            until_instant("2026-04-02 07:30", now, &zone)?,
            "2026-04-02T07:30+02:00".parse()?
        );
        assert_eq!(for_instant("2h", now)?, "2026-03-30T11:00+02:00".parse()?);
        assert_eq!(for_instant("1h 30m", now)?, "2026-03-30T10:30+02:00".parse()?);
        for bad in ["0m", "-1h", "soon", ""] {
            assert!(for_instant(bad, now).is_err(), "{bad}");
        }
        assert!(until_instant("17", now, &zone).is_err());
        Ok(())
    }
}
