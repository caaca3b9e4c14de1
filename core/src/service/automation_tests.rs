//! The automation verbs over a demo home with an injected clock: switches at boundaries through the
//! click's path, history, holds, refusals that change nothing, damaged and locked files.

use jiff::Timestamp;

use super::test_support::{TestResult, demo};
use crate::automation::{
    AUTOMATION_FILE, ClockTime, HISTORY_FILE, HISTORY_LIMIT, HistoryEntry, Hold, Reason, ReturnTo, RuleRef, Rules,
    Until, Weekdays, Window, Zone,
};
use crate::error::{AutomationError, CoreError, StoreError};
use crate::profile::{BuiltIn, ProfileId, ProfileName};
use crate::service::Callprofiles;
use crate::setting_change::SettingChange;

fn at(text: &str) -> Result<Timestamp, jiff::Error> {
    text.parse()
}

fn window(days: &str, start: &str, end: &str, profile: ProfileId) -> Result<Window, AutomationError> {
    Ok(Window {
        days: Weekdays::parse(days)?,
        start: ClockTime::parse(start)?,
        end: ClockTime::parse(end)?,
        profile,
    })
}

/// A demo home where Home forwards to a number (so it can be applied), with Mon–Fri 08:00–16:00
/// Office, otherwise Home, in Europe/Warsaw.
fn office_hours_home() -> Result<(tempfile::TempDir, Callprofiles, Rules), Box<dyn std::error::Error>> {
    let (dir, mut app) = demo()?;
    app.change_profile_settings(
        &BuiltIn::Home.id(),
        &[SettingChange::parse("routing=forward:+48600100200")?],
    )?;
    let rules = Rules {
        time_zone: Zone::named("Europe/Warsaw")?,
        weekly: vec![window("mon-fri", "08:00", "16:00", BuiltIn::Office.id())?],
        otherwise: Some(BuiltIn::Home.id()),
        ..Rules::default()
    };
    Ok((dir, app, rules))
}

fn active(app: &mut Callprofiles) -> Result<Option<ProfileId>, CoreError> {
    Ok(app.status()?.activity.active_id().cloned())
}

#[test]
fn the_schedule_switches_at_its_boundaries_and_keeps_history() -> TestResult {
    let (_dir, mut app, rules) = office_hours_home()?;
    // Monday 30 March 2026, 07:00 in Warsaw: otherwise → Home.
    let step = app.save_automation_rules(rules, at("2026-03-30T07:00+02:00")?)?;
    let switched = step.switched.ok_or("no switch at 07:00")?;
    assert_eq!(
        (switched.from, switched.to.clone()),
        (Some(BuiltIn::Office.id()), BuiltIn::Home.id())
    );
    assert_eq!(active(&mut app)?, Some(BuiltIn::Home.id()));
    let next = step.next.ok_or("no next change")?;
    assert_eq!(
        (next.at, next.profile),
        (at("2026-03-30T08:00+02:00")?, BuiltIn::Office.id())
    );
    let step = app.automation_step(next.at)?;
    assert_eq!(step.switched.map(|s| s.reason), Some(Reason::Schedule { rule: 1 }));
    assert_eq!(active(&mut app)?, Some(BuiltIn::Office.id()));
    // Between boundaries nothing happens.
    assert_eq!(app.automation_step(at("2026-03-30T12:00+02:00")?)?.switched, None);
    let history = app.automation_store().history()?;
    assert_eq!(history.len(), 2);
    assert_eq!(
        history.first().map(|h| h.to.clone()),
        Some(BuiltIn::Office.id()),
        "newest first"
    );
    assert_eq!(history.get(1).map(|h| h.reason.clone()), Some(Reason::Otherwise));
    Ok(())
}

#[test]
fn a_change_on_the_phone_is_left_alone_until_the_rules_decide_anew() -> TestResult {
    let (_dir, mut app, rules) = office_hours_home()?;
    app.save_automation_rules(rules, at("2026-03-30T09:00+02:00")?)?;
    assert_eq!(active(&mut app)?, Some(BuiltIn::Office.id()));
    // A feature code on the desk phone: Detected.
    app.change_live(&[SettingChange::parse("call_pickup=off")?])?;
    assert_eq!(active(&mut app)?, None);
    assert_eq!(app.automation_step(at("2026-03-30T10:00+02:00")?)?.switched, None);
    assert_eq!(active(&mut app)?, None);
    let step = app.automation_step(at("2026-03-30T16:00+02:00")?)?;
    assert_eq!(step.switched.map(|s| (s.from, s.to)), Some((None, BuiltIn::Home.id())));
    Ok(())
}

#[test]
fn a_click_holds_until_the_next_boundary() -> TestResult {
    let (_dir, mut app, rules) = office_hours_home()?;
    app.save_automation_rules(rules, at("2026-03-30T09:00+02:00")?)?;
    app.activate_by_click(&BuiltIn::Home.id(), at("2026-03-30T09:30+02:00")?)?;
    let view = app.automation_view(at("2026-03-30T10:00+02:00")?)?;
    assert!(matches!(view.hold, Some(Hold::Manual { .. })), "{:?}", view.hold);
    assert_eq!(view.decision.map(|d| d.reason), Some(Reason::Manual));
    assert_eq!(app.automation_step(at("2026-03-30T10:00+02:00")?)?.switched, None);
    assert_eq!(active(&mut app)?, Some(BuiltIn::Home.id()));
    // 16:00: the rules say Home too; the hold is over, nothing to switch.
    assert_eq!(app.automation_step(at("2026-03-30T16:00+02:00")?)?.switched, None);
    assert_eq!(app.automation_store().load()?.hold, None);
    let step = app.automation_step(at("2026-03-31T08:00+02:00")?)?;
    assert_eq!(step.switched.map(|s| s.to), Some(BuiltIn::Office.id()));
    Ok(())
}

#[test]
fn until_then_previous_comes_back() -> TestResult {
    let (_dir, mut app, rules) = office_hours_home()?;
    app.save_automation_rules(rules, at("2026-03-30T09:00+02:00")?)?;
    let car = app.create_profile(&ProfileName::parse("Car")?, None)?.id;
    let until = Until {
        ends: at("2026-03-30T11:00+02:00")?,
        then: ReturnTo::Previous,
    };
    let step = app.activate_profile_until(&car, until, at("2026-03-30T10:00+02:00")?)?;
    assert_eq!(
        step.switched.map(|s| (s.from, s.to)),
        Some((Some(BuiltIn::Office.id()), car.clone()))
    );
    let next = step.next.ok_or("no next")?;
    assert_eq!((next.at, next.profile), (until.ends, BuiltIn::Office.id()));
    let back = app.automation_step(until.ends)?.switched.ok_or("no switch back")?;
    assert_eq!((back.to, back.reason), (BuiltIn::Office.id(), Reason::Manual));
    let history = app.automation_store().history()?;
    assert!(matches!(history.get(1).map(|h| &h.reason), Some(Reason::Until { .. })));
    // A past end is refused before anything is applied.
    let passed = Until {
        ends: at("2026-03-30T09:00+02:00")?,
        then: ReturnTo::Schedule,
    };
    let refused = app.activate_profile_until(&car, passed, at("2026-03-30T12:00+02:00")?);
    assert!(matches!(
        refused,
        Err(CoreError::Automation(AutomationError::UntilPassed { .. }))
    ));
    assert_eq!(active(&mut app)?, Some(BuiltIn::Office.id()));
    Ok(())
}

#[test]
fn deleting_a_profile_named_by_a_rule_disables_the_rule() -> TestResult {
    let (_dir, mut app, mut rules) = office_hours_home()?;
    let car = app.create_profile(&ProfileName::parse("Car")?, None)?.id;
    rules.weekly.push(window("sat,sun", "10:00", "12:00", car.clone())?);
    app.save_automation_rules(rules, at("2026-03-30T09:00+02:00")?)?;
    app.delete_profile(&car)?;
    let view = app.automation_view(at("2026-04-04T11:00+02:00")?)?;
    assert_eq!(view.disabled.len(), 1);
    assert_eq!(view.disabled.first().map(|d| d.rule), Some(RuleRef::Window(2)));
    assert_eq!(view.decision.map(|d| d.profile), Some(BuiltIn::Home.id()));
    assert_eq!(view.rules.weekly.len(), 2, "the rule is kept");
    Ok(())
}

#[test]
fn refused_rules_change_nothing() -> TestResult {
    let (dir, mut app, rules) = office_hours_home()?;
    app.save_automation_rules(rules.clone(), at("2026-03-30T09:00+02:00")?)?;
    let before = std::fs::read(dir.path().join(AUTOMATION_FILE))?;
    let mut overlapping = rules.clone();
    overlapping
        .weekly
        .push(window("mon", "15:00", "17:00", BuiltIn::Home.id())?);
    let refused = app.save_automation_rules(overlapping, at("2026-03-30T09:00+02:00")?);
    assert!(
        matches!(
            &refused,
            Err(CoreError::Automation(AutomationError::OverlappingWindows { first: 1, second: 2, day, .. })) if day == "mon"
        ),
        "{refused:?}"
    );
    let mut unknown = rules;
    unknown.otherwise = Some(ProfileId::custom(9));
    assert!(matches!(
        app.save_automation_rules(unknown, at("2026-03-30T09:00+02:00")?),
        Err(CoreError::Automation(AutomationError::UnknownProfile { .. }))
    ));
    assert_eq!(std::fs::read(dir.path().join(AUTOMATION_FILE))?, before);
    Ok(())
}

#[test]
fn a_damaged_automation_file_is_kept_reported_and_does_not_block_a_click() -> TestResult {
    let (dir, mut app, rules) = office_hours_home()?;
    let path = dir.path().join(AUTOMATION_FILE);
    std::fs::write(&path, b"{\"version\":1, \"rules\": garbage")?;
    let shown = app.automation_view(at("2026-03-30T09:00+02:00")?);
    assert!(
        matches!(&shown, Err(CoreError::Store(StoreError::Corrupt { path: p, .. })) if *p == path),
        "{shown:?}"
    );
    assert!(app.save_automation_rules(rules, at("2026-03-30T09:00+02:00")?).is_err());
    assert!(app.automation_step(at("2026-03-30T09:00+02:00")?).is_err());
    app.activate_by_click(&BuiltIn::Home.id(), at("2026-03-30T09:00+02:00")?)?;
    assert_eq!(std::fs::read(&path)?, b"{\"version\":1, \"rules\": garbage");
    let moved = app.move_automation_files_aside()?;
    assert_eq!(moved.len(), 1);
    assert_eq!(
        std::fs::read(moved.first().ok_or("none moved")?)?,
        b"{\"version\":1, \"rules\": garbage"
    );
    assert_eq!(
        app.automation_view(at("2026-03-30T09:00+02:00")?)?.rules,
        Rules::default()
    );
    // A newer version is refused the same way, as newer.
    std::fs::write(&path, b"{\"version\":9,\"whatever\":true}")?;
    assert!(matches!(
        app.automation_store().load(),
        Err(StoreError::Newer { found: 9, .. })
    ));
    std::fs::write(dir.path().join(HISTORY_FILE), b"[]")?;
    assert!(matches!(
        app.automation_store().history(),
        Err(StoreError::Corrupt { .. })
    ));
    Ok(())
}

#[test]
fn a_writer_holding_the_profiles_lock_keeps_automation_out() -> TestResult {
    let (_dir, app, _rules) = office_hours_home()?;
    let lock = app.store.lock()?;
    let blocked = app.automation_store().update(|state| {
        state.decided = Some(BuiltIn::Office.id());
        Ok(())
    });
    assert!(
        matches!(blocked, Err(CoreError::Store(StoreError::Busy { .. }))),
        "{blocked:?}"
    );
    drop(lock);
    app.automation_store().update(|state| {
        state.decided = Some(BuiltIn::Office.id());
        Ok(())
    })?;
    Ok(())
}

#[test]
fn history_is_bounded_newest_first() -> TestResult {
    let (dir, app, _rules) = office_hours_home()?;
    let entry = |second: i64| -> Result<HistoryEntry, jiff::Error> {
        Ok(HistoryEntry {
            at: Timestamp::from_second(1_800_000_000 + second)?,
            from: None,
            to: BuiltIn::Office.id(),
            reason: Reason::Otherwise,
        })
    };
    // A full history on disk (newest first), then two more switches.
    let full: Vec<HistoryEntry> = (0..HISTORY_LIMIT as i64).rev().map(entry).collect::<Result<_, _>>()?;
    let file = serde_json::json!({"version": 1, "entries": full});
    std::fs::write(dir.path().join(HISTORY_FILE), serde_json::to_vec(&file)?)?;
    let store = app.automation_store();
    store.record(entry(HISTORY_LIMIT as i64)?)?;
    store.record(entry(HISTORY_LIMIT as i64 + 1)?)?;
    let history = store.history()?;
    assert_eq!(history.len(), HISTORY_LIMIT);
    assert_eq!(
        history.first().map(|h| h.at.as_second()),
        Some(1_800_000_000 + HISTORY_LIMIT as i64 + 1)
    );
    assert_eq!(
        history.last().map(|h| h.at.as_second()),
        Some(1_800_000_002),
        "the oldest two are gone"
    );
    Ok(())
}

#[test]
fn the_reported_network_and_leaving_the_computer_switch_and_coming_back_returns() -> TestResult {
    use crate::automation::{
        AwayCause, AwayRule, NetworkLabel, NetworkObservation, NetworkRule, NetworkSignature, Situation, Subnet,
    };

    let (_dir, mut app, mut rules) = office_hours_home()?;
    let car = app.create_profile(&ProfileName::parse("Car")?, None)?.id;
    app.change_profile_settings(&car, &[SettingChange::parse("call_pickup=off")?])?;
    rules.networks.push(NetworkRule {
        network: NetworkSignature::Subnet {
            subnet: Subnet::parse("10.1.0.0/16")?,
        },
        label: NetworkLabel::parse("Office LAN")?,
        profile: BuiltIn::Office.id(),
    });
    rules.away = Some(AwayRule {
        profile: car.clone(),
        on_lock: true,
        on_sleep: true,
    });
    // Saturday: the schedule says Home.
    let saturday = at("2026-04-04T10:00+02:00")?;
    app.save_automation_rules(rules, saturday)?;
    assert_eq!(active(&mut app)?, Some(BuiltIn::Home.id()));
    let in_office = Situation {
        network: Some(NetworkObservation {
            addresses: vec!["10.1.2.3".parse()?],
            ..NetworkObservation::default()
        }),
        away: None,
    };
    let step = app.keep_situation(in_office.clone(), saturday)?;
    assert!(matches!(
        step.switched.map(|s| s.reason),
        Some(Reason::Network { rule: 1, .. })
    ));
    let locked = Situation {
        away: Some(AwayCause::Locked),
        ..in_office.clone()
    };
    assert_eq!(app.keep_situation(locked, saturday)?.switched.map(|s| s.to), Some(car));
    assert_eq!(
        app.keep_situation(in_office, saturday)?.switched.map(|s| s.to),
        Some(BuiltIn::Office.id())
    );
    let step = app.keep_situation(Situation::default(), saturday)?;
    assert_eq!(
        step.switched.map(|s| (s.to, s.reason)),
        Some((BuiltIn::Home.id(), Reason::Otherwise))
    );
    assert_eq!(app.automation_store().history()?.len(), 5);
    Ok(())
}

#[test]
fn a_fifo_or_a_huge_file_in_place_of_automation_json_is_refused_at_once() -> TestResult {
    use crate::error::Damage;

    let (dir, app, _rules) = office_hours_home()?;
    let path = dir.path().join(AUTOMATION_FILE);
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes())?;
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    let made = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo failed");
    assert!(matches!(
        app.automation_store().load(),
        Err(StoreError::Corrupt {
            reason: Damage::NotAFile { .. },
            ..
        })
    ));
    std::fs::remove_file(&path)?;
    std::fs::write(&path, vec![b' '; 2 * 1024 * 1024])?;
    assert!(matches!(
        app.automation_store().load(),
        Err(StoreError::Corrupt {
            reason: Damage::TooLarge { .. },
            ..
        })
    ));
    Ok(())
}
