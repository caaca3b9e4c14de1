//! `decide` and `next_change` at chosen instants.

use super::support::{TestResult, at, home, mobile, office, office_hours, window};
use crate::automation::{
    AwayCause, AwayRule, Decision, Exception, Hold, MacAddress, NetworkLabel, NetworkObservation, NetworkRule,
    NetworkSignature, Reason, ReturnTo, Rules, Situation, Until, decide, next_change,
};
use crate::profile_book::ProfileBook;

fn profile_at(
    rules: &Rules,
    situation: &Situation,
    hold: Option<&Hold>,
    when: &str,
) -> Result<Option<String>, jiff::Error> {
    Ok(decide(at(when)?, rules, situation, hold, &ProfileBook::default()).map(|d| d.profile.to_string()))
}

#[test]
fn weekly_schedule_and_otherwise() -> TestResult {
    let rules = office_hours()?;
    let nothing = Situation::default();
    // Monday 30 March 2026, Warsaw summer time (+02:00).
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-03-30T07:59+02:00")?.as_deref(),
        Some("home")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-03-30T08:00+02:00")?.as_deref(),
        Some("office")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-03-30T15:59+02:00")?.as_deref(),
        Some("office")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-03-30T16:00+02:00")?.as_deref(),
        Some("home")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-03-28T10:00+01:00")?.as_deref(),
        Some("home")
    );
    let next = next_change(
        at("2026-03-30T09:00+02:00")?,
        &rules,
        &nothing,
        None,
        &ProfileBook::default(),
    )
    .ok_or("no next change")?;
    assert_eq!(next.at, at("2026-03-30T16:00+02:00")?);
    assert_eq!(next.profile, home());
    assert_eq!(next.reason, Reason::Otherwise);
    // Friday evening: next is Monday 08:00.
    let next = next_change(
        at("2026-04-03T17:00+02:00")?,
        &rules,
        &nothing,
        None,
        &ProfileBook::default(),
    )
    .ok_or("no next change")?;
    assert_eq!(next.at, at("2026-04-06T08:00+02:00")?);
    assert_eq!(next.reason, Reason::Schedule { rule: 1 });
    Ok(())
}

#[test]
fn precedence_hold_away_network_exception_schedule() -> TestResult {
    let mut rules = office_hours()?;
    let mac = MacAddress::parse("aa:bb:cc:dd:ee:ff")?;
    rules.networks.push(NetworkRule {
        network: NetworkSignature::Gateway { mac },
        label: NetworkLabel::parse("Office LAN")?,
        profile: office(),
    });
    rules.exceptions.push(Exception {
        from: jiff::civil::date(2026, 4, 1),
        to: jiff::civil::date(2026, 4, 2),
        profile: home(),
    });
    rules.away = Some(AwayRule {
        profile: mobile(),
        on_lock: true,
        on_sleep: false,
    });
    let wednesday = "2026-04-01T10:00+02:00";
    let nothing = Situation::default();
    assert_eq!(profile_at(&rules, &nothing, None, wednesday)?.as_deref(), Some("home"));
    let in_office = Situation {
        network: Some(NetworkObservation {
            gateway_mac: Some(mac),
            ..NetworkObservation::default()
        }),
        away: None,
    };
    assert_eq!(
        profile_at(&rules, &in_office, None, wednesday)?.as_deref(),
        Some("office")
    );
    let locked = Situation {
        away: Some(AwayCause::Locked),
        ..in_office.clone()
    };
    assert_eq!(profile_at(&rules, &locked, None, wednesday)?.as_deref(), Some("mobile"));
    let asleep = Situation {
        away: Some(AwayCause::Asleep),
        ..in_office.clone()
    };
    assert_eq!(
        profile_at(&rules, &asleep, None, wednesday)?.as_deref(),
        Some("office"),
        "sleep is not chosen"
    );
    let until = Hold::Until {
        profile: home(),
        until: Until {
            ends: at("2026-04-01T12:00+02:00")?,
            then: ReturnTo::Schedule,
        },
        previous: Some(office()),
    };
    assert_eq!(
        profile_at(&rules, &locked, Some(&until), wednesday)?.as_deref(),
        Some("home")
    );
    assert_eq!(
        profile_at(&rules, &locked, Some(&until), "2026-04-01T12:00+02:00")?.as_deref(),
        Some("mobile")
    );
    Ok(())
}

#[test]
fn a_click_holds_until_the_next_boundary() -> TestResult {
    let rules = office_hours()?;
    let nothing = Situation::default();
    let book = ProfileBook::default();
    let clicked = at("2026-03-30T09:00+02:00")?;
    let hold = Hold::Manual {
        profile: mobile(),
        since: clicked,
        under: decide(clicked, &rules, &nothing, None, &book),
    };
    assert_eq!(
        profile_at(&rules, &nothing, Some(&hold), "2026-03-30T15:59+02:00")?.as_deref(),
        Some("mobile")
    );
    assert_eq!(
        profile_at(&rules, &nothing, Some(&hold), "2026-03-30T16:00+02:00")?.as_deref(),
        Some("home")
    );
    let next = next_change(clicked, &rules, &nothing, Some(&hold), &book).ok_or("no next")?;
    assert_eq!(next.at, at("2026-03-30T16:00+02:00")?);
    // Another network (here: leaving the computer) ends it at once.
    let mut with_away = rules.clone();
    with_away.away = Some(AwayRule {
        profile: home(),
        on_lock: true,
        on_sleep: true,
    });
    let hold = Hold::Manual {
        profile: mobile(),
        since: clicked,
        under: decide(clicked, &with_away, &nothing, None, &book),
    };
    let locked = Situation {
        away: Some(AwayCause::Locked),
        network: None,
    };
    assert_eq!(
        profile_at(&with_away, &locked, Some(&hold), "2026-03-30T10:00+02:00")?.as_deref(),
        Some("home")
    );
    Ok(())
}

#[test]
fn until_then_previous_holds_like_a_click() -> TestResult {
    let rules = office_hours()?;
    let nothing = Situation::default();
    let book = ProfileBook::default();
    let hold = Hold::Until {
        profile: mobile(),
        until: Until {
            ends: at("2026-03-30T10:00+02:00")?,
            then: ReturnTo::Previous,
        },
        previous: Some(home()),
    };
    assert_eq!(
        profile_at(&rules, &nothing, Some(&hold), "2026-03-30T09:00+02:00")?.as_deref(),
        Some("mobile")
    );
    let after = decide(at("2026-03-30T10:00+02:00")?, &rules, &nothing, Some(&hold), &book);
    assert_eq!(
        after,
        Some(Decision {
            profile: home(),
            reason: Reason::Manual
        })
    );
    assert_eq!(
        profile_at(&rules, &nothing, Some(&hold), "2026-03-30T16:00+02:00")?.as_deref(),
        Some("home")
    );
    let next = next_change(at("2026-03-30T09:00+02:00")?, &rules, &nothing, Some(&hold), &book).ok_or("no next")?;
    assert_eq!((next.at, next.profile), (at("2026-03-30T10:00+02:00")?, home()));
    let next = next_change(at("2026-03-30T10:00+02:00")?, &rules, &nothing, Some(&hold), &book).ok_or("no next")?;
    assert_eq!(
        (next.at, next.reason),
        (at("2026-03-31T08:00+02:00")?, Reason::Schedule { rule: 1 })
    );
    Ok(())
}

#[test]
fn windows_crossing_midnight_and_ending_at_24() -> TestResult {
    let rules = Rules {
        weekly: vec![
            window("fri", "22:00", "06:00", mobile())?,
            window("sat", "06:00", "24:00", home())?,
        ],
        otherwise: Some(office()),
        ..office_hours()?
    };
    rules.check()?;
    let nothing = Situation::default();
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-04-03T21:59+02:00")?.as_deref(),
        Some("office")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-04-03T23:30+02:00")?.as_deref(),
        Some("mobile")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-04-04T00:00+02:00")?.as_deref(),
        Some("mobile")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-04-04T05:59+02:00")?.as_deref(),
        Some("mobile")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-04-04T06:00+02:00")?.as_deref(),
        Some("home")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-04-04T23:59+02:00")?.as_deref(),
        Some("home")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-04-05T00:00+02:00")?.as_deref(),
        Some("office")
    );
    Ok(())
}

#[test]
fn warsaw_spring_forward_window_in_the_gap_starts_at_three() -> TestResult {
    // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
    let rules = Rules {
        weekly: vec![window("sun", "02:30", "05:00", mobile())?],
        otherwise: Some(home()),
        ..office_hours()?
    };
    let nothing = Situation::default();
    let book = ProfileBook::default();
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-03-29T01:59:59+01:00")?.as_deref(),
        Some("home")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-03-29T03:00+02:00")?.as_deref(),
        Some("mobile")
    );
    let next = next_change(at("2026-03-29T00:00+01:00")?, &rules, &nothing, None, &book).ok_or("no next")?;
    assert_eq!(next.at, at("2026-03-29T03:00+02:00")?);
    // A window wholly inside the gap does not happen that day.
    let inside = Rules {
        weekly: vec![window("sun", "02:10", "02:50", mobile())?],
        ..rules.clone()
    };
    let next = next_change(at("2026-03-29T00:00+01:00")?, &inside, &nothing, None, &book).ok_or("no next")?;
    assert_eq!(next.at, at("2026-04-05T02:10+02:00")?);
    // A window ending in the gap ends when the clocks jump.
    let ending = Rules {
        weekly: vec![window("sun", "01:00", "02:30", mobile())?],
        ..rules
    };
    let next = next_change(at("2026-03-29T01:30+01:00")?, &ending, &nothing, None, &book).ok_or("no next")?;
    assert_eq!(next.at, at("2026-03-29T03:00+02:00")?);
    Ok(())
}

#[test]
fn warsaw_fall_back_repeated_hour_counts_the_first_time() -> TestResult {
    // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:00–03:00 happens twice.
    let rules = Rules {
        weekly: vec![window("sun", "01:00", "02:30", mobile())?],
        otherwise: Some(home()),
        ..office_hours()?
    };
    let nothing = Situation::default();
    let book = ProfileBook::default();
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-10-25T02:29+02:00")?.as_deref(),
        Some("mobile")
    );
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-10-25T02:30+02:00")?.as_deref(),
        Some("home")
    );
    // The second 02:00–02:30 (CET) is not entered again.
    assert_eq!(
        profile_at(&rules, &nothing, None, "2026-10-25T02:15+01:00")?.as_deref(),
        Some("home")
    );
    let next = next_change(at("2026-10-25T01:30+02:00")?, &rules, &nothing, None, &book).ok_or("no next")?;
    assert_eq!(next.at, at("2026-10-25T02:30+02:00")?);
    // A window starting in the repeated hour starts the first time; one ending at 03:00 lasts both.
    let later = Rules {
        weekly: vec![window("sun", "02:30", "03:00", mobile())?],
        ..rules
    };
    assert_eq!(
        profile_at(&later, &nothing, None, "2026-10-25T02:30+02:00")?.as_deref(),
        Some("mobile")
    );
    assert_eq!(
        profile_at(&later, &nothing, None, "2026-10-25T02:59+01:00")?.as_deref(),
        Some("mobile")
    );
    assert_eq!(
        profile_at(&later, &nothing, None, "2026-10-25T03:00+01:00")?.as_deref(),
        Some("home")
    );
    Ok(())
}

#[test]
fn a_deleted_profile_disables_its_rules() -> TestResult {
    let mut book = ProfileBook::default();
    let car = book.create("Car", crate::settings::Settings::office_default())?;
    let rules = Rules {
        weekly: vec![window("daily", "00:00", "24:00", car.clone())?],
        otherwise: Some(home()),
        ..office_hours()?
    };
    let now = at("2026-05-05T12:00+02:00")?;
    let nothing = Situation::default();
    assert_eq!(
        decide(now, &rules, &nothing, None, &book).map(|d| d.profile),
        Some(car.clone())
    );
    book.delete(&car)?;
    assert_eq!(
        decide(now, &rules, &nothing, None, &book).map(|d| d.profile),
        Some(home())
    );
    assert_eq!(crate::automation::DisabledRule::of(&rules, &book).len(), 1);
    Ok(())
}
