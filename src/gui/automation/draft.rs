//! The rules being edited: times and dates kept as typed, days as toggles, profiles by id. Like the profile
//! form's draft, nothing is saved until Save; what was typed is checked as it is typed, each problem kept
//! with the row it belongs to.

use callprofiles_core::ProfileId;

/// One weekly window being edited: on these days, from `start` to `end`, use `profile`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WindowRow {
    /// Monday first.
    pub days: [bool; 7],
    /// The start as typed (`HH:MM`).
    pub start: String,
    /// The end as typed (`HH:MM`).
    pub end: String,
    /// The profile chosen (`None` until one is).
    pub profile: Option<ProfileId>,
}

/// One exception being edited: from one date to another (inclusive), use `profile`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExceptionRow {
    /// The first day as typed (`YYYY-MM-DD`).
    pub first: String,
    /// The last day as typed (empty: the first day only).
    pub last: String,
    /// The profile chosen.
    pub profile: Option<ProfileId>,
}

/// One network being edited: recognised by its signature (learned, shown readably), use `profile`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkRow {
    /// The user's name for it ("Office").
    pub label: String,
    /// How it is recognised, readably (gateway MAC, Wi-Fi name or subnet).
    pub shown: String,
    /// The profile chosen.
    pub profile: Option<ProfileId>,
}

/// Leaving the computer, being edited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwayDraft {
    /// Opted in.
    pub enabled: bool,
    /// The profile while away.
    pub profile: Option<ProfileId>,
    /// When the screen locks.
    pub on_lock: bool,
    /// When the computer sleeps.
    pub on_sleep: bool,
}

/// A problem with what was typed or chosen in one row, before core is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A time is not `HH:MM`.
    Time,
    /// A date is not `YYYY-MM-DD`.
    Date,
    /// A window has no day.
    NoDays,
    /// No profile chosen.
    NoProfile,
    /// The profile chosen no longer exists: the rule is off.
    DeletedProfile,
    /// The time zone is not known.
    TimeZone(String),
}

impl Problem {
    /// The sentence, in the user's language.
    pub fn text(&self, i18n: &crate::text::i18n::I18n) -> String {
        match self {
            Self::Time => i18n.tr("problem-time"),
            Self::Date => i18n.tr("problem-date"),
            Self::NoDays => i18n.tr("problem-no-days"),
            Self::NoProfile => i18n.tr("problem-no-profile"),
            Self::DeletedProfile => i18n.tr("rules-disabled-note"),
            Self::TimeZone(zone) => i18n.tr_args("problem-time-zone", &[("zone", zone.clone().into())]),
        }
    }

    /// Whether the problem leaves the rule off rather than refusing the save (a deleted profile).
    pub fn disables(&self) -> bool {
        matches!(self, Self::DeletedProfile)
    }
}

/// The rules as edited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RulesDraft {
    /// The weekly windows.
    pub windows: Vec<WindowRow>,
    /// The profile outside every window (`None`: no switch).
    pub otherwise: Option<ProfileId>,
    /// The time zone's name as typed.
    pub time_zone: String,
    /// Exceptions by date.
    pub exceptions: Vec<ExceptionRow>,
    /// Networks.
    pub networks: Vec<NetworkRow>,
    /// Leaving the computer.
    pub away: AwayDraft,
    /// What was saved, for Cancel and `dirty`.
    pub saved: Option<Box<RulesDraft>>,
}

impl RulesDraft {
    /// Whether the draft differs from what was saved.
    pub fn dirty(&self) -> bool {
        match &self.saved {
            Some(saved) => !self.same_as(saved),
            None => false,
        }
    }

    /// Back to what was saved.
    pub fn cancel(&mut self) {
        if let Some(saved) = self.saved.take() {
            let mut fresh = (*saved).clone();
            fresh.saved = Some(saved);
            *self = fresh;
        }
    }

    /// Whether the rules (not the saved copy) are the same.
    fn same_as(&self, other: &RulesDraft) -> bool {
        self.windows == other.windows
            && self.otherwise == other.otherwise
            && self.time_zone == other.time_zone
            && self.exceptions == other.exceptions
            && self.networks == other.networks
            && self.away == other.away
    }

    /// The rules to save, or the first problem that refuses them (a rule naming a deleted profile does not:
    /// core keeps it, off).
    pub fn rules(&self) -> Result<RulesDraft, Problem> {
        match self.problems(&[]).into_iter().find(|(_, problem)| !problem.disables()) {
            Some((_, problem)) => Err(problem),
            None => Ok(RulesDraft {
                saved: None,
                ..self.clone()
            }),
        }
    }

    /// What is wrong as typed, by row; a rule naming a profile not in `profiles` is off.
    pub fn problems(&self, profiles: &[callprofiles_core::Profile]) -> Vec<(RowRef, Problem)> {
        let exists = |id: &ProfileId| profiles.iter().any(|p| &p.id == id);
        let profile_problem = |profile: &Option<ProfileId>| match profile {
            None => Some(Problem::NoProfile),
            Some(id) if !exists(id) && !profiles.is_empty() => Some(Problem::DeletedProfile),
            Some(_) => None,
        };
        let mut problems = Vec::new();
        for (index, row) in self.windows.iter().enumerate() {
            let problem = if parse_time(&row.start).is_none() || parse_time(&row.end).is_none() {
                Some(Problem::Time)
            } else if !row.days.contains(&true) {
                Some(Problem::NoDays)
            } else {
                profile_problem(&row.profile)
            };
            problems.extend(problem.map(|p| (RowRef::Window(index), p)));
        }
        for (index, row) in self.exceptions.iter().enumerate() {
            let last_ok = row.last.trim().is_empty() || parse_date(&row.last).is_some();
            let problem = if parse_date(&row.first).is_none() || !last_ok {
                Some(Problem::Date)
            } else {
                profile_problem(&row.profile)
            };
            problems.extend(problem.map(|p| (RowRef::Exception(index), p)));
        }
        for (index, row) in self.networks.iter().enumerate() {
            problems.extend(profile_problem(&row.profile).map(|p| (RowRef::Network(index), p)));
        }
        if let Some(id) = &self.otherwise
            && !exists(id)
            && !profiles.is_empty()
        {
            problems.push((RowRef::Otherwise, Problem::DeletedProfile));
        }
        if jiff::tz::TimeZone::get(self.time_zone.trim()).is_err() {
            problems.push((RowRef::TimeZone, Problem::TimeZone(self.time_zone.trim().to_owned())));
        }
        if self.away.enabled {
            problems.extend(profile_problem(&self.away.profile).map(|p| (RowRef::Away, p)));
        }
        problems
    }
}

/// Which rows of a rule set a problem belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowRef {
    /// The n-th weekly window.
    Window(usize),
    /// The n-th exception.
    Exception(usize),
    /// The n-th network.
    Network(usize),
    /// The "otherwise" profile.
    Otherwise,
    /// The time zone.
    TimeZone,
    /// Leaving the computer.
    Away,
}

/// A time typed as `HH:MM` (also `H:MM`, `HHMM`, `H`), or `None` when it is not one.
pub fn parse_time(text: &str) -> Option<jiff::civil::Time> {
    let text = text.trim();
    let (hours, minutes) = match text.split_once([':', '.']) {
        Some((hours, minutes)) => (hours, minutes),
        None if text.len() <= 2 => (text, "0"),
        None if text.len() == 4 => text.split_at(2),
        None => return None,
    };
    let all_digits = |part: &str| !part.is_empty() && part.len() <= 2 && part.chars().all(|c| c.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    let hours: i8 = hours.parse().ok()?;
    let minutes: i8 = minutes.parse().ok()?;
    jiff::civil::Time::new(hours, minutes, 0, 0).ok()
}

/// A date typed as `YYYY-MM-DD`, or `None` when it is not one.
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    text.trim().parse().ok()
}

/// `HH:MM` of a time.
pub fn time_text(time: jiff::civil::Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_type_them() {
        let t = |h, m| jiff::civil::Time::new(h, m, 0, 0).ok();
        assert_eq!(parse_time("08:00"), t(8, 0));
        assert_eq!(parse_time(" 8:30 "), t(8, 30));
        assert_eq!(parse_time("1630"), t(16, 30));
        assert_eq!(parse_time("17"), t(17, 0));
        assert_eq!(parse_time("17.45"), t(17, 45));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("8:60"), None);
        assert_eq!(parse_time("eight"), None);
        assert_eq!(parse_time(""), None);
        assert_eq!(parse_time("-1:00"), None);
    }

    #[test]
    fn dates_are_iso() {
        assert!(parse_date("2026-12-24").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("24.12.2026").is_none());
    }
}
