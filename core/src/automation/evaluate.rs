//! Which profile the rules want at an instant, and when that changes next: pure functions of the
//! rules, the situation, the hold and an instant (the clock is always passed in).
//!
//! One precedence: a hold (the user's click or "until") > leaving the computer > network > exception >
//! weekly schedule > otherwise. Within a level at most one rule applies (windows and exceptions never
//! overlap; among networks the first in the list that matches). A rule naming a profile that no longer
//! exists is disabled: it is skipped as if absent.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::clock_time::ClockTime;
use super::hold::{AwayCause, Hold, ReturnTo, Situation};
use super::local_time::{instant, local_date};
use super::rules::{NetworkLabel, Rules};
use crate::profile::ProfileId;
use crate::profile_book::ProfileBook;

/// How far ahead [`next_change`] looks.
pub const HORIZON_DAYS: i64 = 400;
/// The most boundaries [`next_change`] steps over before giving up (a bound on its work).
const MAX_STEPS: usize = 20_000;

/// What the rules decide: a profile and the rule that chose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The profile to use.
    pub profile: ProfileId,
    /// Why.
    pub reason: Reason,
}

/// The rule that decided. Windows, exceptions and networks are numbered from 1 as `rules show` lists
/// them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Reason {
    /// The user's click, holding until the rules' next change.
    Manual,
    /// The user's "until".
    Until {
        /// When it ends.
        ends: Timestamp,
        /// What comes then.
        then: ReturnTo,
    },
    /// The user left the computer.
    Away {
        /// How.
        cause: AwayCause,
    },
    /// A recognised network.
    Network {
        /// The network rule's number.
        rule: usize,
        /// Its label.
        label: NetworkLabel,
    },
    /// An exception (dates).
    Exception {
        /// The exception's number.
        rule: usize,
        /// Its first day.
        from: Date,
        /// Its last day.
        to: Date,
    },
    /// A window of the weekly schedule.
    Schedule {
        /// The window's number.
        rule: usize,
    },
    /// No other rule applied.
    Otherwise,
}

/// When the decided profile changes next, to what and why (the "Next:" line).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextChange {
    /// When.
    pub at: Timestamp,
    /// The profile then.
    pub profile: ProfileId,
    /// The rule deciding then.
    pub reason: Reason,
}

/// What the rules decide at `now` (`None`: no rule applies, the profile stays as it is). Profiles the
/// book lacks disable the rules naming them.
pub fn decide(
    now: Timestamp,
    rules: &Rules,
    situation: &Situation,
    hold: Option<&Hold>,
    book: &ProfileBook,
) -> Option<Decision> {
    let rules = Evaluator::new(rules, situation, book);
    let segments = rules.hold_segments(hold);
    rules.decide(now, &segments)
}

/// The first instant after `now` at which [`decide`] gives another profile, assuming the situation
/// stays as it is (a change of network or a lock is reported, and evaluated, when it happens). `None`
/// when nothing changes within [`HORIZON_DAYS`]. Instants at which no rule decides (the profile stays)
/// or the same profile is decided by another rule are passed over.
pub fn next_change(
    now: Timestamp,
    rules: &Rules,
    situation: &Situation,
    hold: Option<&Hold>,
    book: &ProfileBook,
) -> Option<NextChange> {
    let rules = Evaluator::new(rules, situation, book);
    let segments = rules.hold_segments(hold);
    let current = rules.decide(now, &segments).map(|decision| decision.profile);
    let horizon = now.checked_add(SignedDuration::from_hours(HORIZON_DAYS * 24)).ok()?;
    let extra: Vec<Timestamp> = segments.iter().filter_map(|segment| segment.to).collect();
    let mut at = now;
    for _ in 0..MAX_STEPS {
        at = rules.boundary_after(at, &extra)?;
        if at > horizon {
            return None;
        }
        if let Some(decision) = rules.decide(at, &segments)
            && Some(&decision.profile) != current.as_ref()
        {
            return Some(NextChange {
                at,
                profile: decision.profile,
                reason: decision.reason,
            });
        }
    }
    None
}

/// A stretch of time during which a hold decides, provided the rules below still decide `under`.
#[derive(Debug)]
struct HoldSegment {
    /// From when (`None`: since before anything asked).
    from: Option<Timestamp>,
    /// Until when (`None`: no end known).
    to: Option<Timestamp>,
    /// What the hold decides.
    decision: Decision,
    /// Whether it also needs the rules below to decide as they did.
    condition: Condition,
}

/// What else a hold segment needs to hold.
#[derive(Debug)]
enum Condition {
    /// Nothing ("until": it holds to its end).
    None,
    /// A click's: the rules below still decide this (`None`: still no rule applies).
    Below(Option<Decision>),
}

/// The rules bound to a situation and the existing profiles.
struct Evaluator<'a> {
    rules: &'a Rules,
    situation: &'a Situation,
    /// The ids of the existing profiles (looked up for every rule at every instant).
    known: Vec<ProfileId>,
}

impl<'a> Evaluator<'a> {
    fn new(rules: &'a Rules, situation: &'a Situation, book: &'a ProfileBook) -> Self {
        let known = book.profiles().into_iter().map(|profile| profile.id).collect();
        Self {
            rules,
            situation,
            known,
        }
    }

    /// Whether a rule naming `profile` is enabled.
    fn exists(&self, profile: &ProfileId) -> bool {
        self.known.contains(profile)
    }

    /// The decision at `at`: the hold's when one of its segments holds, else the rules'.
    fn decide(&self, at: Timestamp, segments: &[HoldSegment]) -> Option<Decision> {
        let below = self.below_hold(at);
        for segment in segments {
            let started = segment.from.is_none_or(|from| from <= at);
            let running = segment.to.is_none_or(|to| at < to);
            let same_below = match &segment.condition {
                Condition::None => true,
                Condition::Below(under) => *under == below,
            };
            if started && running && same_below {
                return Some(segment.decision.clone());
            }
        }
        below
    }

    /// What the hold decides and when, as segments (at most two: an "until", then the profile before
    /// it held like a click).
    fn hold_segments(&self, hold: Option<&Hold>) -> Vec<HoldSegment> {
        let Some(hold) = hold else {
            return Vec::new();
        };
        match hold {
            Hold::Manual { profile, since, under } => {
                self.click_segment(profile, *since, under.clone()).into_iter().collect()
            }
            Hold::Until {
                profile,
                until,
                previous,
            } => {
                let mut segments = Vec::new();
                if self.exists(profile) {
                    segments.push(HoldSegment {
                        from: None,
                        to: Some(until.ends),
                        decision: Decision {
                            profile: profile.clone(),
                            reason: Reason::Until {
                                ends: until.ends,
                                then: until.then,
                            },
                        },
                        condition: Condition::None,
                    });
                }
                if let (ReturnTo::Previous, Some(previous)) = (until.then, previous) {
                    let under = self.below_hold(until.ends);
                    let mut after = self.click_segment(previous, until.ends, under);
                    if let Some(segment) = after.as_mut() {
                        segment.from = Some(until.ends);
                    }
                    segments.extend(after);
                }
                segments
            }
        }
    }

    /// A click on `profile` at `since`: it holds until the rules below change their decision.
    fn click_segment(&self, profile: &ProfileId, since: Timestamp, under: Option<Decision>) -> Option<HoldSegment> {
        if !self.exists(profile) {
            return None;
        }
        Some(HoldSegment {
            from: None,
            to: self.next_change_below(since),
            decision: Decision {
                profile: profile.clone(),
                reason: Reason::Manual,
            },
            condition: Condition::Below(under),
        })
    }

    /// The first instant after `since` at which the rules below a hold decide anything else (a rule's
    /// boundary, even to the same profile).
    fn next_change_below(&self, since: Timestamp) -> Option<Timestamp> {
        let at_start = self.below_hold(since);
        let horizon = since.checked_add(SignedDuration::from_hours(HORIZON_DAYS * 24)).ok()?;
        let mut at = since;
        for _ in 0..MAX_STEPS {
            at = self.boundary_after(at, &[])?;
            if at > horizon {
                return None;
            }
            if self.below_hold(at) != at_start {
                return Some(at);
            }
        }
        None
    }

    /// What the rules decide at `at` without a hold.
    fn below_hold(&self, at: Timestamp) -> Option<Decision> {
        self.away()
            .or_else(|| self.network())
            .or_else(|| self.exception(at))
            .or_else(|| self.window(at))
            .or_else(|| self.otherwise())
    }

    fn away(&self) -> Option<Decision> {
        let rule = self.rules.away.as_ref()?;
        let cause = self.situation.away?;
        let applies = match cause {
            AwayCause::Locked => rule.on_lock,
            AwayCause::Asleep => rule.on_sleep,
        };
        (applies && self.exists(&rule.profile)).then(|| Decision {
            profile: rule.profile.clone(),
            reason: Reason::Away { cause },
        })
    }

    fn network(&self) -> Option<Decision> {
        let observed = self.situation.network.as_ref()?;
        self.rules
            .networks
            .iter()
            .enumerate()
            .find(|(_, rule)| self.exists(&rule.profile) && rule.network.matches(observed))
            .map(|(index, rule)| Decision {
                profile: rule.profile.clone(),
                reason: Reason::Network {
                    rule: index + 1,
                    label: rule.label.clone(),
                },
            })
    }

    fn exception(&self, at: Timestamp) -> Option<Decision> {
        self.rules
            .exceptions
            .iter()
            .enumerate()
            .filter(|(_, exception)| self.exists(&exception.profile))
            .find(|(_, exception)| {
                self.exception_span(exception.from, exception.to)
                    .is_some_and(|(start, end)| start <= at && at < end)
            })
            .map(|(index, exception)| Decision {
                profile: exception.profile.clone(),
                reason: Reason::Exception {
                    rule: index + 1,
                    from: exception.from,
                    to: exception.to,
                },
            })
    }

    fn window(&self, at: Timestamp) -> Option<Decision> {
        let zone = self.rules.time_zone.time_zone();
        let today = local_date(zone, at);
        let days = [today.yesterday().ok(), Some(today)];
        for (index, window) in self.rules.weekly.iter().enumerate() {
            if !self.exists(&window.profile) {
                continue;
            }
            for day in days.iter().flatten() {
                if let Some((start, end)) = self.occurrence(index, *day)
                    && start <= at
                    && at < end
                {
                    return Some(Decision {
                        profile: window.profile.clone(),
                        reason: Reason::Schedule { rule: index + 1 },
                    });
                }
            }
        }
        None
    }

    fn otherwise(&self) -> Option<Decision> {
        let profile = self.rules.otherwise.as_ref()?;
        self.exists(profile).then(|| Decision {
            profile: profile.clone(),
            reason: Reason::Otherwise,
        })
    }

    /// Window `index` starting on `day`, as instants (`None` when it is not on that day or empty there,
    /// as a window inside the spring gap is).
    fn occurrence(&self, index: usize, day: Date) -> Option<(Timestamp, Timestamp)> {
        let window = self.rules.weekly.get(index)?;
        if !window.days.contains(day.weekday()) {
            return None;
        }
        let zone = self.rules.time_zone.time_zone();
        let start = instant(zone, day, window.start)?;
        let end_day = if window.crosses_midnight() {
            day.tomorrow().ok()?
        } else {
            day
        };
        let end = instant(zone, end_day, window.end)?;
        (start < end).then_some((start, end))
    }

    /// Days `from` to `to` as instants: midnight starting the first, midnight ending the last.
    fn exception_span(&self, from: Date, to: Date) -> Option<(Timestamp, Timestamp)> {
        let zone = self.rules.time_zone.time_zone();
        let start = instant(zone, from, ClockTime::MIDNIGHT)?;
        let end = instant(zone, to, ClockTime::END_OF_DAY)?;
        (start < end).then_some((start, end))
    }

    /// The first instant after `at` where an enabled rule starts or ends, or one of `extra` lies.
    fn boundary_after(&self, at: Timestamp, extra: &[Timestamp]) -> Option<Timestamp> {
        let mut best: Option<Timestamp> = None;
        let mut consider = |candidate: Timestamp| {
            if candidate > at && best.is_none_or(|b| candidate < b) {
                best = Some(candidate);
            }
        };
        extra.iter().copied().for_each(&mut consider);
        for exception in self.rules.exceptions.iter().filter(|e| self.exists(&e.profile)) {
            if let Some((start, end)) = self.exception_span(exception.from, exception.to) {
                consider(start);
                consider(end);
            }
        }
        let zone = self.rules.time_zone.time_zone();
        let first = local_date(zone, at).yesterday().ok();
        for index in 0..self.rules.weekly.len() {
            let mut day = first;
            for _ in 0..10 {
                let Some(current) = day else { break };
                if let Some((start, end)) = self.occurrence(index, current)
                    && self.rules.weekly.get(index).is_some_and(|w| self.exists(&w.profile))
                {
                    consider(start);
                    consider(end);
                }
                day = current.tomorrow().ok();
            }
        }
        best
    }
}
