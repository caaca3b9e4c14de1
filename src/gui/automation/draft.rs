//! The rules being edited: times and dates kept as typed, days as toggles, profiles by id. Like the profile
//! form's draft, nothing is saved until Save; what was typed is checked as it is typed, each problem kept
//! with the row it belongs to.

use callprofiles_core::automation::{
    AwayRule, ClockTime, Exception, NetworkLabel, NetworkRule, NetworkSignature, RuleRef, Rules, Weekdays, Window, Zone,
};
use callprofiles_core::error::AutomationError;
use callprofiles_core::{CoreError, ProfileId};

use crate::text::rules_text::{WEEK, day_flags};

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

/// One network being edited: recognised by its signature (learned with one click), use `profile`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkRow {
    /// The user's name for it ("Office").
    pub label: String,
    /// How it is recognised (gateway MAC, Wi-Fi name or subnet).
    pub network: NetworkSignature,
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

/// How a row's note reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something to fix before saving (the error colour, ✖).
    Error,
    /// A rule that is off (the warning colour, ⚠).
    Warning,
    /// A row just added, not filled in yet: what to do, quietly.
    Hint,
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
    /// A network's name is empty or not allowed.
    Label,
    /// Leaving the computer with neither the lock nor sleep.
    AwayTrigger,
    /// A window just added, nothing filled in yet.
    NewWindow,
    /// An exception just added, nothing filled in yet.
    NewException,
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
            Self::Label => i18n.tr("problem-network-label"),
            Self::AwayTrigger => i18n.tr("problem-away-trigger"),
            Self::NewWindow => i18n.tr("problem-new-window"),
            Self::NewException => i18n.tr("problem-new-exception"),
        }
    }

    /// How its note reads: a rule that is off (a deleted profile) warns, a row just added hints.
    pub fn tone(&self) -> Tone {
        match self {
            Self::DeletedProfile => Tone::Warning,
            Self::NewWindow | Self::NewException => Tone::Hint,
            _ => Tone::Error,
        }
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
    pub fn same_rules(&self, other: &RulesDraft) -> bool {
        self.same_as(other)
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

    /// The draft of saved `rules` (nothing edited yet).
    pub fn of(rules: &Rules) -> Self {
        let mut draft = Self {
            windows: rules
                .weekly
                .iter()
                .map(|window| WindowRow {
                    days: day_flags(window.days),
                    start: window.start.to_string(),
                    end: window.end.to_string(),
                    profile: Some(window.profile.clone()),
                })
                .collect(),
            otherwise: rules.otherwise.clone(),
            time_zone: rules.time_zone.name().to_owned(),
            exceptions: rules
                .exceptions
                .iter()
                .map(|exception| ExceptionRow {
                    first: exception.from.to_string(),
                    last: if exception.to == exception.from {
                        String::new()
                    } else {
                        exception.to.to_string()
                    },
                    profile: Some(exception.profile.clone()),
                })
                .collect(),
            networks: rules
                .networks
                .iter()
                .map(|network| NetworkRow {
                    label: network.label.as_str().to_owned(),
                    network: network.network.clone(),
                    profile: Some(network.profile.clone()),
                })
                .collect(),
            away: rules.away.as_ref().map_or_else(
                || AwayDraft {
                    enabled: false,
                    profile: None,
                    on_lock: true,
                    on_sleep: true,
                },
                |away| AwayDraft {
                    enabled: true,
                    profile: Some(away.profile.clone()),
                    on_lock: away.on_lock,
                    on_sleep: away.on_sleep,
                },
            ),
            saved: None,
        };
        draft.saved = Some(Box::new(draft.clone()));
        draft
    }

    /// The rules to save, or the first row that refuses them, with why (core checks the rest: overlaps).
    pub fn rules(&self, profiles: &[callprofiles_core::Profile]) -> Result<Rules, (RowRef, Problem)> {
        if let Some(problem) = self.problems(profiles).into_iter().next() {
            return Err(problem);
        }
        let time_zone = Zone::named(&self.time_zone)
            .map_err(|_| (RowRef::TimeZone, Problem::TimeZone(self.time_zone.trim().to_owned())))?;
        let chosen = |row: RowRef, profile: &Option<ProfileId>| profile.clone().ok_or((row, Problem::NoProfile));
        let mut weekly = Vec::new();
        for (index, row) in self.windows.iter().enumerate() {
            let at = RowRef::Window(index);
            let time = |text: &str| clock_time(text).ok_or((at, Problem::Time));
            let mut days = Weekdays::NONE;
            for (on, day) in row.days.iter().zip(WEEK) {
                if *on {
                    days = days.with(day);
                }
            }
            weekly.push(Window {
                days,
                start: time(&row.start)?,
                end: time(&row.end)?,
                profile: chosen(at, &row.profile)?,
            });
        }
        let mut exceptions = Vec::new();
        for (index, row) in self.exceptions.iter().enumerate() {
            let at = RowRef::Exception(index);
            let from = parse_date(&row.first).ok_or((at, Problem::Date))?;
            let to = if row.last.trim().is_empty() {
                from
            } else {
                parse_date(&row.last).ok_or((at, Problem::Date))?
            };
            exceptions.push(Exception {
                from,
                to,
                profile: chosen(at, &row.profile)?,
            });
        }
        let mut networks = Vec::new();
        for (index, row) in self.networks.iter().enumerate() {
            let at = RowRef::Network(index);
            networks.push(NetworkRule {
                network: row.network.clone(),
                label: NetworkLabel::parse(&row.label).map_err(|_| (at, Problem::Label))?,
                profile: chosen(at, &row.profile)?,
            });
        }
        let away = match &self.away {
            AwayDraft { enabled: false, .. } => None,
            away => Some(AwayRule {
                profile: chosen(RowRef::Away, &away.profile)?,
                on_lock: away.on_lock,
                on_sleep: away.on_sleep,
            }),
        };
        Ok(Rules {
            time_zone,
            weekly,
            otherwise: self.otherwise.clone(),
            exceptions,
            networks,
            away,
        })
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
            let problem = if row == &WindowRow::default() {
                Some(Problem::NewWindow)
            } else if parse_time(&row.start).is_none() || parse_time(&row.end).is_none() {
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
            let problem = if row == &ExceptionRow::default() {
                Some(Problem::NewException)
            } else if parse_date(&row.first).is_none() || !last_ok {
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
            let problem = profile_problem(&self.away.profile)
                .or_else(|| (!self.away.on_lock && !self.away.on_sleep).then_some(Problem::AwayTrigger));
            problems.extend(problem.map(|p| (RowRef::Away, p)));
        }
        for (index, row) in self.networks.iter().enumerate() {
            if NetworkLabel::parse(&row.label).is_err() {
                problems.push((RowRef::Network(index), Problem::Label));
            }
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

/// A time of day as core takes it (`24:00` ends a day), also read as people type it (`8`, `0830`).
fn clock_time(text: &str) -> Option<ClockTime> {
    ClockTime::parse(text)
        .ok()
        .or_else(|| parse_time(text).map(ClockTime::of))
}

/// Which row a rule core refused belongs to (core numbers rows from 1), if any.
pub fn refused_row(error: &CoreError) -> Option<RowRef> {
    let CoreError::Automation(error) = error else {
        return None;
    };
    let index = |number: &usize| number.saturating_sub(1);
    Some(match error {
        AutomationError::NoDays { window } | AutomationError::EmptyWindow { window, .. } => {
            RowRef::Window(index(window))
        }
        AutomationError::OverlappingWindows { second, .. } => RowRef::Window(index(second)),
        AutomationError::ExceptionBackwards { exception, .. } => RowRef::Exception(index(exception)),
        AutomationError::OverlappingExceptions { second, .. } => RowRef::Exception(index(second)),
        AutomationError::DuplicateNetwork { second, .. } => RowRef::Network(index(second)),
        AutomationError::AwayWithoutTrigger => RowRef::Away,
        AutomationError::UnknownZone { .. } => RowRef::TimeZone,
        _ => return None,
    })
}

impl From<RuleRef> for RowRef {
    fn from(rule: RuleRef) -> Self {
        match rule {
            RuleRef::Window(number) => Self::Window(number.saturating_sub(1)),
            RuleRef::Exception(number) => Self::Exception(number.saturating_sub(1)),
            RuleRef::Network(number) => Self::Network(number.saturating_sub(1)),
            RuleRef::Away => Self::Away,
            RuleRef::Otherwise => Self::Otherwise,
        }
    }
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
