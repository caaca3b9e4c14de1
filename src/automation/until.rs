//! The tray's "Until…" choices turned into core's [`Until`] at the moment one is clicked: for 1 or 2 hours,
//! until the end of the working day, until tomorrow morning; afterwards the rules decide. Core's
//! [`hold_end`] reckons the end, as it does for the windows' "until".

use callprofiles_core::automation::{HoldLength, ReturnTo, Rules, Until, hold_end};
use jiff::Zoned;

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

impl From<TrayHold> for HoldLength {
    fn from(hold: TrayHold) -> Self {
        match hold {
            TrayHold::Hours(hours) => HoldLength::Hours(hours),
            TrayHold::EndOfWorkingDay => HoldLength::EndOfWorkingDay,
            TrayHold::TomorrowMorning => HoldLength::TomorrowMorning,
        }
    }
}

/// The "until" for `hold` chosen at `now` (the computer's wall clock; the schedule in its own zone); then
/// the rules decide. `None` only past the edges of time.
pub fn until_for(hold: TrayHold, now: &Zoned, rules: Option<&Rules>) -> Option<Until> {
    Some(Until {
        ends: hold_end(hold.into(), now, rules)?,
        then: ReturnTo::Schedule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tray_hold_ends_where_core_reckons_then_the_schedule_decides() -> Result<(), Box<dyn std::error::Error>> {
        let now: Zoned = "2026-12-01T18:00:00+01:00[Europe/Warsaw]".parse()?;
        for (hold, length) in [
            (TrayHold::Hours(2), HoldLength::Hours(2)),
            (TrayHold::EndOfWorkingDay, HoldLength::EndOfWorkingDay),
            (TrayHold::TomorrowMorning, HoldLength::TomorrowMorning),
        ] {
            let until = until_for(hold, &now, None).ok_or("no until")?;
            assert_eq!(Some(until.ends), hold_end(length, &now, None), "{hold:?}");
            assert_eq!(until.then, ReturnTo::Schedule);
        }
        let two = until_for(TrayHold::Hours(2), &now, None).ok_or("no until")?;
        assert_eq!(two.ends, "2026-12-01T19:00:00Z".parse()?);
        Ok(())
    }
}
