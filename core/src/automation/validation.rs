//! [`Rules::check`]: the rules are refused whole, with one typed reason, before anything is saved.

use jiff::civil::Date;

use super::clock_time::MINUTES_PER_DAY;
use super::rules::{Exception, MAX_EXCEPTIONS, MAX_NETWORKS, MAX_WINDOWS, Rules, Window};
use super::weekdays::{DAYS, index, short_name};
use crate::error::{AutomationError, CoreError, RuleList};
use crate::profile_book::ProfileBook;

/// Minutes in a week.
const WEEK: u32 = 7 * MINUTES_PER_DAY as u32;

impl Rules {
    /// Checks the rules among themselves: limits, windows on at least one day and not empty, no two
    /// windows overlapping on the wall clock, exceptions forwards and not overlapping, no network
    /// twice, leaving the computer with a trigger.
    pub fn check(&self) -> Result<(), AutomationError> {
        limit(self.weekly.len(), MAX_WINDOWS, RuleList::Windows)?;
        limit(self.exceptions.len(), MAX_EXCEPTIONS, RuleList::Exceptions)?;
        limit(self.networks.len(), MAX_NETWORKS, RuleList::Networks)?;
        for (number, window) in (1..).zip(&self.weekly) {
            if window.days.is_empty() {
                return Err(AutomationError::NoDays { window: number });
            }
            if window.start == window.end || window.start.is_end_of_day() {
                return Err(AutomationError::EmptyWindow {
                    window: number,
                    time: window.start.to_string(),
                });
            }
        }
        check_windows(&self.weekly)?;
        check_exceptions(&self.exceptions)?;
        for (second, rule) in (1..).zip(&self.networks) {
            if let Some(first) = self.networks.iter().position(|other| other.network == rule.network)
                && first + 1 < second
            {
                return Err(AutomationError::DuplicateNetwork {
                    first: first + 1,
                    second,
                    network: rule.network.to_string(),
                });
            }
        }
        if let Some(away) = &self.away
            && !away.on_lock
            && !away.on_sleep
        {
            return Err(AutomationError::AwayWithoutTrigger);
        }
        Ok(())
    }

    /// As [`Self::check`], and every profile named exists in `book` (when saving: a profile deleted
    /// later only disables the rules naming it).
    pub fn check_with(&self, book: &ProfileBook) -> Result<(), CoreError> {
        self.check()?;
        if let Some((_, id)) = self.named_profiles().into_iter().find(|(_, id)| book.get(id).is_none()) {
            return Err(AutomationError::UnknownProfile { id: id.to_string() }.into());
        }
        Ok(())
    }
}

/// Refuses a list longer than `most`.
fn limit(count: usize, most: usize, list: RuleList) -> Result<(), AutomationError> {
    if count > most {
        return Err(AutomationError::TooMany { list, limit: most });
    }
    Ok(())
}

/// The stretches of the week a window covers, in minutes from Monday 00:00 (a stretch past Sunday's
/// end wraps to Monday).
fn week_spans(window: &Window) -> Vec<(u32, u32)> {
    let mut spans = Vec::new();
    for day in window.days.days() {
        let start = u32::from(index(day)) * u32::from(MINUTES_PER_DAY) + u32::from(window.start.minutes());
        let end = start + u32::from(window.minutes());
        if end <= WEEK {
            spans.push((start, end));
        } else {
            spans.push((start, WEEK));
            spans.push((0, end - WEEK));
        }
    }
    spans
}

/// Refuses two windows covering the same minute of the week, naming both and the day it happens.
fn check_windows(windows: &[Window]) -> Result<(), AutomationError> {
    let spans: Vec<Vec<(u32, u32)>> = windows.iter().map(week_spans).collect();
    for (i, first) in spans.iter().enumerate() {
        for (j, second) in spans.iter().enumerate().skip(i + 1) {
            let overlap = first
                .iter()
                .flat_map(|a| second.iter().map(move |b| (a.0.max(b.0), a.1.min(b.1))))
                .filter(|(start, end)| start < end)
                .map(|(start, _)| start)
                .min();
            if let (Some(start), Some(a), Some(b)) = (overlap, windows.get(i), windows.get(j)) {
                let day = DAYS
                    .get(usize::try_from(start / u32::from(MINUTES_PER_DAY)).unwrap_or(0))
                    .map_or("mon", |(day, _)| short_name(*day));
                return Err(AutomationError::OverlappingWindows {
                    first: i + 1,
                    first_text: a.to_string(),
                    second: j + 1,
                    second_text: b.to_string(),
                    day: day.to_owned(),
                });
            }
        }
    }
    Ok(())
}

/// Refuses an exception ending before it starts, and two covering the same day.
fn check_exceptions(exceptions: &[Exception]) -> Result<(), AutomationError> {
    for (number, exception) in (1..).zip(exceptions) {
        if exception.to < exception.from {
            return Err(AutomationError::ExceptionBackwards {
                exception: number,
                from: exception.from.to_string(),
                to: exception.to.to_string(),
            });
        }
    }
    for (i, a) in exceptions.iter().enumerate() {
        for (j, b) in exceptions.iter().enumerate().skip(i + 1) {
            let first_day: Date = a.from.max(b.from);
            if first_day <= a.to.min(b.to) {
                return Err(AutomationError::OverlappingExceptions {
                    first: i + 1,
                    first_text: a.to_string(),
                    second: j + 1,
                    second_text: b.to_string(),
                    day: first_day.to_string(),
                });
            }
        }
    }
    Ok(())
}
