//! Property tests of the automation's evaluation (issue 13): at any instant exactly one rule decides —
//! the highest level that applies, and never two rules of one level — and `next_change` is exactly
//! where `decide` first gives another profile.

use std::net::{IpAddr, Ipv4Addr};

use callprofiles_core::automation::{
    AwayCause, AwayRule, ClockTime, Exception, Hold, NetworkLabel, NetworkObservation, NetworkRule, NetworkSignature,
    Reason, ReturnTo, Rules, Situation, Subnet, Until, Weekdays, Window, Zone, decide, next_change,
};
use callprofiles_core::{BuiltIn, ProfileBook, ProfileId};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

/// 2026-01-01T00:00:00Z: instants are drawn from the two years after it (two springs, two autumns).
const START: i64 = 1_767_225_600;
const TWO_YEARS: i64 = 2 * 366 * 86_400;

fn profile(index: u8) -> ProfileId {
    match index % 3 {
        0 => BuiltIn::Office.id(),
        1 => BuiltIn::Mobile.id(),
        _ => BuiltIn::Home.id(),
    }
}

fn instant(seconds: i64) -> Timestamp {
    Timestamp::from_second(START + seconds).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A window: any days, start and end on the half hour (so boundaries often meet DST and midnight).
fn window() -> impl Strategy<Value = Window> {
    (1u8..128, 0u16..48, 1u16..=48, 0u8..3).prop_filter_map("empty window", |(days, start, end, p)| {
        let mut set = Weekdays::NONE;
        for (bit, day) in Weekdays::ALL.days().enumerate() {
            if days & (1 << bit) != 0 {
                set = set.with(day);
            }
        }
        let window = Window {
            days: set,
            start: ClockTime::from_minutes(start * 30)?,
            end: ClockTime::from_minutes(end * 30)?,
            profile: profile(p),
        };
        (window.start != window.end).then_some(window)
    })
}

fn exception() -> impl Strategy<Value = Exception> {
    (0i64..700, 0i64..5, 0u8..3).prop_map(|(day, length, p)| {
        let from = jiff::civil::date(2026, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap_or(jiff::civil::date(2026, 1, 1));
        let to = from.checked_add(jiff::Span::new().days(length)).unwrap_or(from);
        Exception {
            from,
            to,
            profile: profile(p),
        }
    })
}

fn network_rule() -> impl Strategy<Value = NetworkRule> {
    (0u8..4, 16u8..=24, 0u8..3).prop_filter_map("bad subnet", |(third, prefix, p)| {
        Some(NetworkRule {
            network: NetworkSignature::Subnet {
                subnet: Subnet::new(IpAddr::V4(Ipv4Addr::new(10, 0, third, 0)), prefix)?,
            },
            label: NetworkLabel::parse(&format!("net {third}/{prefix}")).ok()?,
            profile: profile(p),
        })
    })
}

/// Valid rules: candidates kept one by one while the whole still passes `check`.
fn rules() -> impl Strategy<Value = Rules> {
    (
        prop::bool::ANY,
        prop::collection::vec(window(), 0..6),
        prop::collection::vec(exception(), 0..3),
        prop::collection::vec(network_rule(), 0..3),
        prop::option::of((0u8..3, prop::bool::ANY)),
        prop::option::of(0u8..3),
    )
        .prop_map(|(warsaw, windows, exceptions, networks, away, otherwise)| {
            let mut rules = Rules {
                time_zone: if warsaw {
                    Zone::named("Europe/Warsaw").unwrap_or_else(|_| Zone::utc())
                } else {
                    Zone::utc()
                },
                otherwise: otherwise.map(profile),
                away: away.map(|(p, on_sleep)| AwayRule {
                    profile: profile(p),
                    on_lock: true,
                    on_sleep,
                }),
                ..Rules::default()
            };
            for window in windows {
                rules.weekly.push(window);
                if rules.check().is_err() {
                    rules.weekly.pop();
                }
            }
            for exception in exceptions {
                rules.exceptions.push(exception);
                if rules.check().is_err() {
                    rules.exceptions.pop();
                }
            }
            for network in networks {
                rules.networks.push(network);
                if rules.check().is_err() {
                    rules.networks.pop();
                }
            }
            rules
        })
}

fn situation() -> impl Strategy<Value = Situation> {
    (prop::option::of((0u8..6, 0u8..=255)), prop::option::of(prop::bool::ANY)).prop_map(|(network, away)| Situation {
        network: network.map(|(third, host)| NetworkObservation {
            addresses: vec![IpAddr::V4(Ipv4Addr::new(10, 0, third, host))],
            ..NetworkObservation::default()
        }),
        away: away.map(|asleep| if asleep { AwayCause::Asleep } else { AwayCause::Locked }),
    })
}

/// No hold, a click some time before `now`, or an "until" ending after it.
#[derive(Clone, Debug)]
enum HoldPlan {
    None,
    Click {
        profile: u8,
        before: i64,
    },
    Until {
        profile: u8,
        after: i64,
        previous: bool,
        back: Option<u8>,
    },
}

fn hold_plan() -> impl Strategy<Value = HoldPlan> {
    prop_oneof![
        Just(HoldPlan::None),
        (0u8..3, 0i64..(3 * 86_400)).prop_map(|(profile, before)| HoldPlan::Click { profile, before }),
        (0u8..3, 1i64..(3 * 86_400), prop::bool::ANY, prop::option::of(0u8..3)).prop_map(
            |(profile, after, previous, back)| HoldPlan::Until {
                profile,
                after,
                previous,
                back
            }
        ),
    ]
}

fn hold_of(plan: &HoldPlan, now: Timestamp, rules: &Rules, situation: &Situation, book: &ProfileBook) -> Option<Hold> {
    match *plan {
        HoldPlan::None => None,
        HoldPlan::Click { profile: p, before } => {
            let since = now.checked_sub(SignedDuration::from_secs(before)).unwrap_or(now);
            Some(Hold::Manual {
                profile: profile(p),
                since,
                under: decide(since, rules, situation, None, book),
            })
        }
        HoldPlan::Until {
            profile: p,
            after,
            previous,
            back,
        } => Some(Hold::Until {
            profile: profile(p),
            until: Until {
                ends: now.checked_add(SignedDuration::from_secs(after)).unwrap_or(now),
                then: if previous {
                    ReturnTo::Previous
                } else {
                    ReturnTo::Schedule
                },
            },
            previous: back.map(profile),
        }),
    }
}

/// Whether `at` falls in the second pass of a repeated (fall-back) hour, where the wall clock and the
/// instants part ways by design (the first pass counts).
fn in_second_pass(zone: &TimeZone, at: Timestamp) -> bool {
    let civil = zone.to_datetime(at);
    match zone.to_ambiguous_timestamp(civil).offset() {
        AmbiguousOffset::Fold { after, .. } => zone.to_offset(at) == after,
        _ => false,
    }
}

/// The windows whose wall-clock span holds `at`'s wall-clock time (the reference, computed apart).
fn windows_holding(rules: &Rules, at: Timestamp) -> Vec<usize> {
    let civil = rules.time_zone.time_zone().to_datetime(at);
    let minute = u16::try_from(civil.hour()).unwrap_or(0) * 60 + u16::try_from(civil.minute()).unwrap_or(0);
    let today = civil.date().weekday();
    let yesterday = today.wrapping_sub(1);
    rules
        .weekly
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            let (start, end) = (w.start.minutes(), w.end.minutes());
            if w.end > w.start {
                w.days.contains(today) && start <= minute && minute < end
            } else {
                (w.days.contains(today) && minute >= start) || (w.days.contains(yesterday) && minute < end)
            }
        })
        .map(|(i, _)| i + 1)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn exactly_one_rule_decides(rules in rules(), situation in situation(), plan in hold_plan(), seconds in 0..TWO_YEARS) {
        let book = ProfileBook::default();
        let now = instant(seconds);
        let hold = hold_of(&plan, now, &rules, &situation, &book);
        let below = decide(now, &rules, &situation, None, &book);
        let decided = decide(now, &rules, &situation, hold.as_ref(), &book);
        // An "until" that has not ended always decides; otherwise without a hold it is the rules'.
        if let Some(Hold::Until { profile, until, .. }) = &hold && now < until.ends {
            prop_assert_eq!(decided.as_ref().map(|d| &d.profile), Some(profile));
        }
        if hold.is_none() {
            prop_assert_eq!(&decided, &below);
        }
        // The rules' own decision is the highest level that applies.
        let away = rules.away.as_ref().filter(|rule| match situation.away {
            Some(AwayCause::Locked) => rule.on_lock,
            Some(AwayCause::Asleep) => rule.on_sleep,
            None => false,
        });
        let network = situation.network.as_ref().and_then(|seen| rules.networks.iter().position(|n| n.network.matches(seen)));
        let zone = rules.time_zone.time_zone();
        let date = zone.to_datetime(now).date();
        let exceptions: Vec<usize> = rules.exceptions.iter().enumerate()
            .filter(|(_, e)| e.from <= date && date <= e.to).map(|(i, _)| i + 1).collect();
        prop_assert!(exceptions.len() <= 1, "two exceptions apply: {:?}", exceptions);
        let windows = windows_holding(&rules, now);
        prop_assert!(windows.len() <= 1, "two windows apply: {:?}", windows);
        let reason = below.as_ref().map(|d| d.reason.clone());
        if let Some(rule) = away {
            prop_assert!(matches!(reason, Some(Reason::Away { .. })), "{:?}", reason);
            prop_assert_eq!(below.map(|d| d.profile), Some(rule.profile.clone()));
        } else if let Some(index) = network {
            prop_assert!(matches!(reason, Some(Reason::Network { rule, .. }) if rule == index + 1), "{:?}", reason);
        } else if let Some(index) = exceptions.first() {
            prop_assert!(matches!(reason, Some(Reason::Exception { rule, .. }) if rule == *index), "{:?}", reason);
        } else if in_second_pass(zone, now) {
            // The repeated hour: the window rule is the first pass's; checked by the unit tests.
        } else if let Some(index) = windows.first() {
            prop_assert_eq!(reason, Some(Reason::Schedule { rule: *index }));
        } else if rules.otherwise.is_some() {
            prop_assert_eq!(reason, Some(Reason::Otherwise));
        } else {
            prop_assert_eq!(reason, None);
        }
    }

    #[test]
    fn next_change_is_where_the_decision_changes(
        rules in rules(),
        situation in situation(),
        plan in hold_plan(),
        seconds in 0..TWO_YEARS,
        probes in prop::collection::vec(0.0f64..1.0, 24),
    ) {
        let book = ProfileBook::default();
        let now = instant(seconds);
        let hold = hold_of(&plan, now, &rules, &situation, &book);
        let profile_at = |at: Timestamp| decide(at, &rules, &situation, hold.as_ref(), &book).map(|d| d.profile);
        let current = profile_at(now);
        let next = next_change(now, &rules, &situation, hold.as_ref(), &book);
        let end = match &next {
            Some(change) => {
                prop_assert!(change.at > now);
                let then = decide(change.at, &rules, &situation, hold.as_ref(), &book);
                prop_assert_eq!(then.as_ref().map(|d| &d.profile), Some(&change.profile));
                prop_assert_eq!(then.map(|d| d.reason), Some(change.reason.clone()));
                prop_assert_ne!(Some(&change.profile), current.as_ref());
                change.at
            }
            None => now.checked_add(SignedDuration::from_hours(24 * 15)).unwrap_or(now),
        };
        // Nowhere before it does another profile decide.
        let span = end.as_second() - now.as_second();
        let mut probes_at: Vec<Timestamp> = probes.iter()
            .map(|fraction| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
                let offset = (fraction * span as f64) as i64;
                Timestamp::from_second(now.as_second() + offset).unwrap_or(now)
            })
            .collect();
        probes_at.push(Timestamp::from_second(end.as_second() - 1).unwrap_or(now));
        for at in probes_at.into_iter().filter(|at| *at >= now && *at < end) {
            let there = profile_at(at);
            prop_assert!(there.is_none() || there == current, "{:?} at {} before the next change {:?}", there, at, next);
        }
    }
}
