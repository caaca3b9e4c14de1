//! Automatic switching in the windows (issue 13): the rules editor writes what core keeps, refuses an
//! overlapping window with the sentence under its row, the "Next:" line in both languages, "until" from
//! the quick window, *Resume schedule*, the history, and a name and the keyboard focus for every control.

use std::path::Path;

use callprofiles::gui::command::Selection;
use callprofiles::gui::main_window::MainApp;
use callprofiles::text::i18n::Language;
use callprofiles_core::automation::{
    ClockTime, Hold, MacAddress, NetworkObservation, ReturnTo, Rules, Situation, Until, Weekdays, WifiName, Window,
    Zone,
};
use callprofiles_core::{BuiltIn, Callprofiles, ProfileService};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::gui_quick_support::{self as quick_support, Quick};
use crate::gui_support::{TestResult, button, click, select, shows, type_into, window};

type Main = Harness<'static, MainApp>;

/// A home where every built-in profile can be applied.
fn ready_home() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.set("Mobile", &["routing=twinning:600100200"])?;
    service.set("Home", &["routing=forward:+48 22 123 45 67"])?;
    Ok(home)
}

/// The rules core keeps in `home`.
fn saved_rules(home: &Path) -> Result<Rules, Box<dyn std::error::Error>> {
    Ok(Callprofiles::open(home)?.automation()?.rules)
}

/// Saves `rules` as `callprofiles rules` would.
fn save_rules(home: &Path, rules: Rules) -> TestResult {
    Callprofiles::open(home)?.save_rules(rules)?;
    Ok(())
}

/// A window of the weekly schedule.
fn window_of(days: &str, start: &str, end: &str, profile: BuiltIn) -> Result<Window, Box<dyn std::error::Error>> {
    Ok(Window {
        days: Weekdays::parse(days)?,
        start: ClockTime::parse(start)?,
        end: ClockTime::parse(end)?,
        profile: profile.id(),
    })
}

/// The main window on the rules view.
fn rules_window(home: &Path, language: Language) -> Main {
    let mut harness = window(home, language);
    let name = if language == Language::Polish {
        "Reguły"
    } else {
        "Rules"
    };
    select(&mut harness, name);
    assert_eq!(harness.state().selection(), &Selection::Rules);
    harness
}

/// Chooses `option` in the menu named `menu`.
fn choose(harness: &mut Main, menu: &str, option: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    // The menu's entries are drawn last, over the window.
    if let Some(entry) = harness.get_all_by_label(option).last() {
        entry.click();
    }
    harness.run();
}

#[test]
fn a_window_added_in_the_editor_is_what_core_keeps() -> TestResult {
    let home = ready_home()?;
    let mut harness = rules_window(home.path(), Language::English);
    click(&mut harness, "+ Add a time window");
    for day in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] {
        harness.get_by_label(&format!("Window 1: {day}")).click();
        harness.run();
    }
    type_into(&mut harness, "Window 1: from", "8:00");
    type_into(&mut harness, "Window 1: until", "16:00");
    choose(&mut harness, "Window 1: profile", "Office");
    choose(&mut harness, "Otherwise:", "Home");
    assert!(shows(&harness, "Unsaved changes"));
    click(&mut harness, "Save rules");
    let rules = saved_rules(home.path())?;
    assert_eq!(
        rules.weekly,
        vec![window_of("mon-fri", "08:00", "16:00", BuiltIn::Office)?]
    );
    assert_eq!(rules.otherwise, Some(BuiltIn::Home.id()));
    assert!(!shows(&harness, "Unsaved changes"), "the saved rules still look edited");
    Ok(())
}

#[test]
fn an_overlapping_window_is_refused_with_the_sentence_under_its_row() -> TestResult {
    let home = ready_home()?;
    let before = Rules {
        weekly: vec![window_of("mon-fri", "08:00", "16:00", BuiltIn::Office)?],
        ..Rules::default()
    };
    save_rules(home.path(), before.clone())?;
    let mut harness = rules_window(home.path(), Language::English);
    click(&mut harness, "+ Add a time window");
    harness.get_by_label("Window 2: Monday").click();
    harness.run();
    type_into(&mut harness, "Window 2: from", "15:00");
    type_into(&mut harness, "Window 2: until", "18:00");
    choose(&mut harness, "Window 2: profile", "Home");
    click(&mut harness, "Save rules");
    // Core's one sentence, naming both windows and the day.
    let note = harness.get_by(|node| {
        node.role() == Role::Label
            && node.value().as_deref()
                == Some(
                    "✖ Windows 1 (Mon–Fri 08:00–16:00) and 2 (Mon 15:00–18:00) overlap on Monday: change one of them.",
                )
    });
    // Under window 2's row, above the button that adds a window.
    let row = harness.get_by_label("Window 2: Monday").rect();
    let add = button(&harness, "+ Add a time window").rect();
    let at = note.rect();
    assert!(
        at.top() >= row.bottom() && at.bottom() <= add.top(),
        "{at:?} not between {row:?} and {add:?}"
    );
    assert_eq!(saved_rules(home.path())?, before, "refused rules were written");
    Ok(())
}

/// Rules in the computer's zone whose next change is Office every day at `start`, with Home otherwise; the
/// start as shown.
fn rules_changing_soon() -> Result<(Rules, String, bool), Box<dyn std::error::Error>> {
    let zone = Zone::system();
    let now = jiff::Timestamp::now().to_zoned(zone.time_zone().clone());
    let start = now.checked_add(jiff::SignedDuration::from_hours(2))?;
    let end = start.checked_add(jiff::SignedDuration::from_hours(1))?;
    let time =
        |at: &jiff::Zoned| ClockTime::new(at.hour().try_into().unwrap_or(0), at.minute().try_into().unwrap_or(0));
    let window = Window {
        days: Weekdays::ALL,
        start: time(&start).ok_or("start")?,
        end: time(&end).ok_or("end")?,
        profile: BuiltIn::Office.id(),
    };
    let rules = Rules {
        time_zone: zone,
        weekly: vec![window],
        otherwise: Some(BuiltIn::Home.id()),
        ..Rules::default()
    };
    Ok((rules, start.strftime("%H:%M").to_string(), start.date() != now.date()))
}

#[test]
fn the_next_line_says_what_comes_next_in_both_languages() -> TestResult {
    let home = ready_home()?;
    let (rules, at, tomorrow) = rules_changing_soon()?;
    save_rules(home.path(), rules)?;
    let english = window(home.path(), Language::English);
    let expected = if tomorrow {
        format!("Next: Office tomorrow at {at}, schedule")
    } else {
        format!("Next: Office at {at}, schedule")
    };
    assert!(shows(&english, &expected), "{expected} is not shown");
    let polish = window(home.path(), Language::Polish);
    let expected = if tomorrow {
        format!("Dalej: Biurowy jutro o {at}, harmonogram")
    } else {
        format!("Dalej: Biurowy o {at}, harmonogram")
    };
    assert!(shows(&polish, &expected), "{expected} is not shown");
    // The quick window says it too.
    let quick = quick_support::quick(home.path(), Language::English);
    assert!(quick_support::shows(&quick, "Next: Office"));
    Ok(())
}

#[test]
fn an_idle_window_with_rules_schedules_no_repaint_before_the_next_change() -> TestResult {
    let home = ready_home()?;
    let (rules, _, _) = rules_changing_soon()?;
    save_rules(home.path(), rules)?;
    let mut harness = window(home.path(), Language::English);
    harness.run();
    // The next change is at least an hour away: a repaint asked for sooner would tick for nothing.
    let delay = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|output| output.repaint_delay)
        .ok_or("no root viewport")?;
    assert!(delay.as_secs() > 3600, "a repaint in {delay:?}");
    Ok(())
}

#[test]
fn until_from_the_quick_window_holds_the_profile_then_the_schedule() -> TestResult {
    let home = ready_home()?;
    let (rules, _, _) = rules_changing_soon()?;
    save_rules(home.path(), rules)?;
    let mut quick: Quick = quick_support::quick(home.path(), Language::English);
    quick.get_by_label("Keep it:").click();
    quick.run();
    quick.get_by_label("for 2 hours").click();
    quick.run();
    let started = jiff::Timestamp::now();
    quick_support::entry(&quick, "Mobile").click();
    quick.run();
    assert!(
        quick.state().done().is_some_and(|done| done.contains("Mobile")),
        "{:?}",
        quick.state().error()
    );
    let view = Callprofiles::open(home.path())?.automation()?;
    let Some(Hold::Until {
        profile,
        until: Until { ends, then },
        ..
    }) = view.hold
    else {
        return Err(format!("no until: {:?}", view.hold).into());
    };
    assert_eq!(profile, BuiltIn::Mobile.id());
    assert_eq!(then, ReturnTo::Schedule);
    let hours = ends.duration_since(started).as_secs_f64() / 3600.0;
    assert!((1.99..=2.01).contains(&hours), "holds {hours} h");
    let status = Callprofiles::open(home.path())?.status()?;
    assert_eq!(status.activity.active_id(), Some(&BuiltIn::Mobile.id()));
    Ok(())
}

#[test]
fn resume_schedule_ends_the_hold() -> TestResult {
    let home = ready_home()?;
    let (rules, _, _) = rules_changing_soon()?;
    save_rules(home.path(), rules)?;
    let ends = jiff::Timestamp::now().checked_add(jiff::SignedDuration::from_hours(1))?;
    Callprofiles::open(home.path())?.activate_until(
        &BuiltIn::Mobile.id(),
        Until {
            ends,
            then: ReturnTo::Schedule,
        },
    )?;
    let mut harness = window(home.path(), Language::English);
    assert!(shows(&harness, "Mobile until"), "the hold is not shown");
    assert!(shows(&harness, "then the schedule"));
    button(&harness, "Resume schedule").click();
    harness.run();
    let view = Callprofiles::open(home.path())?.automation()?;
    assert_eq!(view.hold, None);
    // The schedule decides again: Home (otherwise) now.
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Home.id()));
    assert!(!shows(&harness, "Mobile until"));
    Ok(())
}

#[test]
fn the_history_lists_switches_newest_first_in_the_users_words() -> TestResult {
    let home = ready_home()?;
    let (rules, _, _) = rules_changing_soon()?;
    save_rules(home.path(), rules)?;
    let mut service = Callprofiles::open(home.path())?;
    let ends = jiff::Timestamp::now().checked_add(jiff::SignedDuration::from_hours(1))?;
    service.activate_until(
        &BuiltIn::Mobile.id(),
        Until {
            ends,
            then: ReturnTo::Schedule,
        },
    )?;
    service.clear_hold()?;
    let history = service.history()?;
    assert!(!history.is_empty(), "core kept no history");
    let mut harness = window(home.path(), Language::Polish);
    select(&mut harness, "Historia");
    assert!(shows(&harness, "Kiedy") && shows(&harness, "Dlaczego"));
    // Saving the rules switched Office to Home (otherwise), "until" Home to Mobile, resuming back to Home.
    let rows = [
        ("Komórkowy ➡ Domowy", "harmonogram"),
        ("Domowy ➡ Komórkowy", "Twój wybór, do "),
        ("Biurowy ➡ Domowy", "harmonogram"),
    ];
    assert_eq!(history.len(), rows.len(), "{history:?}");
    let mut above = f32::MIN;
    for (what, why) in rows {
        let cell = harness.get_by(|node| node.role() == Role::Label && node.value().as_deref() == Some(what));
        let top = cell.rect().top();
        assert!(top > above, "{what} is not below the newer switches");
        above = top;
        let why_cell = harness
            .query_all_by(|node| node.role() == Role::Label && node.value().is_some_and(|text| text.starts_with(why)))
            .any(|node| (node.rect().center().y - cell.rect().center().y).abs() < 2.0);
        assert!(why_cell, "{what}: the reason {why} is not on its row");
    }
    let zone = jiff::tz::TimeZone::system();
    let newest = history.iter().map(|entry| entry.at).max().ok_or("empty")?;
    let when = newest.to_zoned(zone).strftime("%Y-%m-%d %H:%M").to_string();
    assert!(shows(&harness, &when), "{when} (local time) is not shown");
    Ok(())
}

#[test]
fn every_rules_control_has_a_name_and_takes_the_keyboard_focus() -> TestResult {
    let home = ready_home()?;
    save_rules(
        home.path(),
        Rules {
            weekly: vec![window_of("mon-fri", "08:00", "16:00", BuiltIn::Office)?],
            ..Rules::default()
        },
    )?;
    let mut harness = rules_window(home.path(), Language::English);
    // Tab through the view: each control is reached, named.
    let mut reached = Vec::new();
    for _ in 0..80 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        if let Some(node) = harness.query_by(|node| node.is_focused()) {
            reached.push(node.accesskit_node().label().unwrap_or_default());
        }
    }
    for name in [
        "Window 1: Monday",
        "Window 1: Sunday",
        "Window 1: from",
        "Window 1: until",
        "Window 1: profile",
        "Remove window 1",
        "+ Add a time window",
        "Otherwise:",
        "Time zone:",
        "+ Add an exception",
        "Learn this network",
        "When I leave the computer, use:",
        "Start callprofiles when I log in (in the background, with its tray icon)",
    ] {
        assert!(
            reached.iter().any(|label| label == name),
            "{name} never took the focus: {reached:?}"
        );
    }
    assert!(
        reached.iter().all(|label| !label.is_empty()),
        "a control without a name: {reached:?}"
    );
    Ok(())
}

#[test]
fn learn_this_network_adds_the_network_the_desktop_reported() -> TestResult {
    let home = ready_home()?;
    let observed = NetworkObservation {
        gateway_mac: Some(MacAddress::parse("aa:bb:cc:dd:ee:0f")?),
        wifi: Some(WifiName::parse("Biuro")?),
        addresses: Vec::new(),
    };
    Callprofiles::open(home.path())?.report_situation(Situation {
        network: Some(observed),
        away: None,
    })?;
    let mut harness = rules_window(home.path(), Language::English);
    click(&mut harness, "Learn this network");
    // The gateway's MAC recognises it, shown readably; the Wi-Fi name is its first name.
    assert!(shows(&harness, "router aa:bb:cc:dd:ee:0f"));
    assert_eq!(
        harness.get_by_label("Network 1: name").value().as_deref(),
        Some("Biuro")
    );
    choose(&mut harness, "Network 1: profile", "Office");
    click(&mut harness, "Save rules");
    let rules = saved_rules(home.path())?;
    assert_eq!(rules.networks.len(), 1);
    assert_eq!(rules.networks[0].label.as_str(), "Biuro");
    assert_eq!(rules.networks[0].profile, BuiltIn::Office.id());
    // Learning it again says so instead of adding it twice.
    click(&mut harness, "Learn this network");
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.text.contains("already in the rules (network 1)"))
    );
    Ok(())
}

#[test]
fn until_from_the_main_window_and_a_time_typed() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    select(&mut harness, "Mobile");
    click(&mut harness, "⏱ Until…");
    type_into(&mut harness, "until (HH:MM):", "7");
    harness.get_by_label("the previous profile").click();
    harness.run();
    button(&harness, "Activate").click();
    harness.run();
    let view = Callprofiles::open(home.path())?.automation()?;
    let Some(Hold::Until {
        profile,
        until: Until { ends, then },
        previous,
    }) = view.hold
    else {
        return Err(format!("no until: {:?}", view.hold).into());
    };
    assert_eq!(
        (profile, then, previous),
        (BuiltIn::Mobile.id(), ReturnTo::Previous, Some(BuiltIn::Office.id()))
    );
    let local = ends.to_zoned(jiff::tz::TimeZone::system());
    assert_eq!((local.hour(), local.minute()), (7, 0));
    assert!(ends > jiff::Timestamp::now());
    // The status line says what holds and what comes after it.
    assert!(shows(&harness, "Mobile until"), "the hold is not in the status line");
    assert!(shows(&harness, "then Office"));
    Ok(())
}

#[test]
fn discarding_the_profile_on_close_keeps_the_unsaved_rules_too() -> TestResult {
    let home = ready_home()?;
    let mut harness = rules_window(home.path(), Language::English);
    click(&mut harness, "+ Add an exception");
    select(&mut harness, "Home");
    type_into(&mut harness, "Forward calls to", "600100200");
    let commands = crate::gui_support::close_window(&mut harness);
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    harness.run();
    // The profile's question says the rules are kept.
    assert!(shows(&harness, "The rules also have unsaved changes"));
    button(&harness, "Discard changes").click();
    harness.step();
    let commands = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|output| output.commands.clone())
        .unwrap_or_default();
    assert!(!commands.contains(&egui::ViewportCommand::Close), "{commands:?}");
    harness.run();
    assert_eq!(harness.state().selection(), &Selection::Rules);
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.text.contains("unsaved changes"))
    );
    assert!(shows(&harness, "Unsaved changes"), "the rules draft was lost");
    // Once the rules are answered for, the window closes.
    click(&mut harness, "Cancel changes");
    let commands = crate::gui_support::close_window(&mut harness);
    assert!(!commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    Ok(())
}

#[test]
fn closing_with_unsaved_rules_keeps_them_and_says_so() -> TestResult {
    let home = ready_home()?;
    let mut harness = rules_window(home.path(), Language::English);
    click(&mut harness, "+ Add an exception");
    select(&mut harness, "History");
    let commands = crate::gui_support::close_window(&mut harness);
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    harness.run();
    assert_eq!(harness.state().selection(), &Selection::Rules);
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.text.contains("unsaved changes"))
    );
    // Cancel changes, and the window closes.
    click(&mut harness, "Cancel changes");
    let commands = crate::gui_support::close_window(&mut harness);
    assert!(!commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    Ok(())
}
