//! The window as a careful user meets it (issue 16): nothing claims what it did not do, no edit is lost to
//! a key, messages stay true, files are checked before they replace anything, Detected cannot be missed.

use callprofiles::gui::command::{Dialog, Selection};
use callprofiles::gui::main_window::MainApp;
use callprofiles::text::i18n::Language;
use callprofiles_core::{BuiltIn, Callprofiles};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::gui_support::{TestResult, button, click, disabled, has_button, select, shows, type_into, window};

/// A home where Mobile has its number (so it can be activated) and a custom profile Car exists.
fn ready_home() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.set("Mobile", &["routing=twinning:600100200"])?;
    service.create("Car", None)?;
    Ok(home)
}

/// Changes the phone system as `callprofiles pbx set` would, and lets the window re-read it.
fn change_elsewhere(harness: &mut Harness<'static, MainApp>, home: &std::path::Path, setting: &str) -> TestResult {
    Callprofiles::open(home)?.pbx_set(&[setting])?;
    harness.state_mut().refresh();
    harness.run();
    Ok(())
}

fn notice(harness: &Harness<'static, MainApp>) -> String {
    harness.state().notice().map(|n| n.text.clone()).unwrap_or_default()
}

#[test]
fn activate_with_unsaved_edits_applies_what_the_form_shows() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    select(&mut harness, "Mobile");
    harness.get_by_label("Call pickup on").click();
    harness.run();
    assert!(harness.state().has_unsaved_changes());
    // The button says what it does, and does it: the edit is saved and applied.
    click(&mut harness, "▶");
    let live = Callprofiles::open(home.path())?.pbx_show()?;
    assert!(
        !live.call_pickup,
        "the phone system got the saved settings, not the ones on screen"
    );
    assert!(!harness.state().has_unsaved_changes());
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Mobile.id()));
    assert!(
        notice(&harness).contains("Mobile is now active"),
        "{}",
        notice(&harness)
    );

    // Ctrl+number on the edited profile asks first instead of applying the saved settings.
    select(&mut harness, "Car");
    harness.get_by_label("Call pickup on").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    assert!(matches!(harness.state().dialog(), Some(Dialog::Unsaved { .. })));
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Mobile.id()));
    Ok(())
}

#[test]
fn esc_with_a_list_open_closes_only_the_list_and_a_revert_can_be_undone() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    harness.get_by_label("Call pickup on").click();
    harness.run();
    harness.get_by_label("Active voicemail greeting:").click();
    harness.run();
    assert!(egui::Popup::is_any_open(&harness.ctx));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!egui::Popup::is_any_open(&harness.ctx), "Esc leaves the list open");
    assert!(
        harness.state().has_unsaved_changes(),
        "Esc on the list threw the edit away"
    );
    // Esc again reverts, and says so with an Undo.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().has_unsaved_changes());
    assert!(notice(&harness).contains("were thrown away"), "{}", notice(&harness));
    click(&mut harness, "Undo");
    assert!(harness.state().has_unsaved_changes());
    assert_eq!(harness.state().draft().map(|d| d.call_pickup), Some(false));
    Ok(())
}

#[test]
fn notices_fade_and_a_change_from_outside_is_announced() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    assert!(notice(&harness).contains("Mobile is now active"));
    change_elsewhere(&mut harness, home.path(), "call_pickup=off")?;
    let text = notice(&harness);
    assert!(!text.contains("is now active."), "a stale success stays: {text}");
    assert!(text.contains("changed outside this window"), "{text}");
    // Success notices fade.
    harness.input_mut().time = Some(10_000.0);
    harness.step();
    harness.run();
    assert_eq!(harness.state().notice(), None);
    Ok(())
}

#[test]
fn a_message_does_not_stay_in_the_former_language() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::Polish);
    // Domowy has no number: Ctrl+3 explains why, in Polish.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    assert!(notice(&harness).contains("Domowy"), "{}", notice(&harness));
    harness.get_by_label("Język").click();
    harness.run();
    click(&mut harness, "English");
    assert!(!notice(&harness).contains("Domowy"), "{}", notice(&harness));
    Ok(())
}

#[test]
fn import_checks_the_file_first_and_keeps_its_errors_in_the_dialog() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    let missing = home.path().join("no-such-backup.json");
    click(&mut harness, "Import…");
    type_into(&mut harness, "File", &missing.display().to_string());
    click(&mut harness, "Import");
    assert!(harness.state().dialog().is_some());
    assert!(shows(&harness, "does not exist"), "the problem is not in the dialog");
    assert!(disabled(&button(&harness, "Import")));
    assert_eq!(harness.state().notice(), None);
    Ok(())
}

#[test]
fn export_asks_before_replacing_a_file() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    let file = home.path().join("backup.json");
    std::fs::write(&file, b"keep me")?;
    click(&mut harness, "Export…");
    type_into(&mut harness, "File", &file.display().to_string());
    assert!(shows(&harness, "already exists"));
    assert!(has_button(&harness, "Replace"));
    assert_eq!(std::fs::read(&file)?, b"keep me");
    click(&mut harness, "Replace");
    assert!(harness.state().dialog().is_none());
    assert!(std::fs::read_to_string(&file)?.contains("callprofiles-profiles"));
    Ok(())
}

#[test]
fn detected_is_a_banner_with_a_read_only_comparison_and_save_into_shows_the_changes() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    select(&mut harness, "Car");
    change_elsewhere(&mut harness, home.path(), "call_pickup=off")?;
    // Seen whatever is shown.
    assert_eq!(
        harness.state().selection(),
        &Selection::Profile(harness.state().model.profiles()[3].id.clone())
    );
    assert!(shows(&harness, "match none of your profiles (Detected)"));
    click(&mut harness, "Show them");
    assert_eq!(harness.state().selection(), &Selection::Detected);
    assert!(shows(&harness, "On the phone system now, beside Office"));
    assert!(shows(&harness, "(Office: on)"));
    // Plain text, not controls that look editable.
    assert!(harness.query_by_label("Call pickup on").is_none());
    click(&mut harness, "Save into");
    assert!(shows(&harness, "Call pickup: on ➡ off"));
    Ok(())
}

#[test]
fn deleting_the_active_profile_says_the_phone_keeps_its_settings() -> TestResult {
    let home = ready_home()?;
    Callprofiles::open(home.path())?.activate("Car")?;
    let mut harness = window(home.path(), Language::English);
    select(&mut harness, "Car");
    click(&mut harness, "Delete…");
    assert!(shows(&harness, "does not change the phone system"));
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "Add profile");
    assert!(shows(&harness, "is a copy of Car"));
    Ok(())
}

#[test]
fn the_form_dims_what_voicemail_off_makes_moot_and_explains_each_mode() -> TestResult {
    let home = ready_home()?;
    let mut harness = window(home.path(), Language::English);
    let pickup = harness.get_by_label("Call pickup on").rect();
    harness.get_by_label("Voicemail on").click();
    harness.run();
    assert!(
        harness
            .get_by_label("Voicemail ringback on")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .get_by_label("Voicemail notification on")
            .accesskit_node()
            .is_disabled()
    );
    // The first edit of the active profile does not push the form down under the pointer.
    assert_eq!(harness.get_by_label("Call pickup on").rect(), pickup);
    assert!(shows(&harness, "ring both your desk phone and another number"));
    assert!(shows(&harness, "You work from another phone"));
    Ok(())
}

#[test]
fn a_damaged_file_shows_no_ready_and_can_be_replaced_by_an_import() -> TestResult {
    let home = ready_home()?;
    let backup = home.path().join("backup.json");
    Callprofiles::open(home.path())?.export(&backup)?;
    std::fs::write(home.path().join("profiles.json"), b"{ not json")?;
    let mut harness = window(home.path(), Language::English);
    assert!(shows(&harness, "Your profiles cannot be read"));
    assert!(!shows(&harness, "Ready"));
    assert!(!disabled(&button(&harness, "Import…")));
    click(&mut harness, "Import…");
    type_into(&mut harness, "File", &backup.display().to_string());
    click(&mut harness, "Import");
    click(&mut harness, "Import");
    assert!(has_button(&harness, "Car"));
    let kept = std::fs::read_dir(home.path())?.filter_map(Result::ok).any(|entry| {
        entry
            .file_name()
            .to_string_lossy()
            .starts_with("profiles.json.damaged-")
    });
    assert!(kept);
    Ok(())
}

#[test]
fn zoomed_in_at_the_minimum_size_nothing_is_cut_off_at_the_side() -> TestResult {
    let home = ready_home()?;
    for setting in ["call_pickup=off", "voicemail.greeting=3"] {
        Callprofiles::open(home.path())?.pbx_set(&[setting])?;
    }
    let mut harness = Harness::builder()
        .with_size([720.0, 480.0])
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, app: &mut MainApp| app.frame_ui(ui),
            callprofiles::gui::inline_main_app(home.path(), Language::Polish),
        );
    // Four zoom steps (Ctrl++ four times).
    harness.ctx.set_zoom_factor(1.4);
    harness.run();
    let width = 720.0 / 1.4;
    for entry in ["Wykryte", "Samochód", "Car"] {
        if harness
            .query_by(|n| n.role() == egui::accesskit::Role::Button && n.label().is_some_and(|l| l.starts_with(entry)))
            .is_none()
        {
            continue;
        }
        select(&mut harness, entry);
        let clipped: Vec<String> = harness
            .query_all_by(|node| node.role() == egui::accesskit::Role::Button)
            .filter(|node| node.rect().max.x > width + 0.5)
            .map(|node| format!("{:?} {:?}", node.accesskit_node().label(), node.rect()))
            .collect();
        assert!(clipped.is_empty(), "{entry}: cut off at the right: {clipped:?}");
    }
    Ok(())
}

#[test]
fn the_quick_window_confirms_says_where_calls_go_and_offers_detected() -> TestResult {
    use crate::gui_quick_support::{closes_within, entry, quick, shows as quick_shows};
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.set("Mobile", &["routing=twinning:600100200"])?;
    let mut harness = quick(home.path(), Language::English);
    // Home has no number: its button cannot be clicked, and says why.
    assert!(entry(&harness, "Home").accesskit_node().is_disabled());
    assert!(
        entry(&harness, "Mobile")
            .accesskit_node()
            .label()
            .is_some_and(|l| l.contains("600 100 200"))
    );
    harness.key_press(Key::Num2);
    harness.run();
    assert!(
        quick_shows(&harness, "✔ Mobile is now active."),
        "no confirmation of the result"
    );
    assert!(closes_within(&mut harness, 120));

    Callprofiles::open(home.path())?.pbx_set(&["call_pickup=off"])?;
    let mut harness = quick(home.path(), Language::English);
    assert!(quick_shows(&harness, "Press D"));
    harness.key_press(Key::D);
    harness.run();
    assert!(harness.state().closing());
    Ok(())
}

#[test]
fn a_refused_connection_is_said_once_and_the_form_explains_ami() -> TestResult {
    use crate::gui_connection_support::{Typed, fill_asterisk_form, form_result, wait_until, window as threaded};
    let home = tempfile::tempdir()?;
    let mut harness = threaded(home.path(), Language::English, std::time::Duration::from_millis(200))?;
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.local_addr()?.port().to_string()
    };
    fill_asterisk_form(
        &mut harness,
        &Typed {
            host: "127.0.0.1",
            port: &port,
            username: "callprofiles",
            extension: "201",
            secret: "s3cret",
        },
    );
    assert!(shows(&harness, "Asterisk Manager Interface"));
    assert!(shows(&harness, "README"));
    button(&harness, "Test and connect").click();
    wait_until(&mut harness, "the result", std::time::Duration::from_secs(15), |app| {
        form_result(app).is_some()
    })?;
    let result = form_result(harness.state()).unwrap_or_default();
    assert!(result.ends_with("the phone system in use stays as it was."), "{result}");
    assert_eq!(harness.state().notice(), None, "the error is said twice");
    Ok(())
}

#[test]
fn a_slow_connection_test_can_be_cancelled() -> TestResult {
    use crate::gui_connection_support::{Typed, fill_asterisk_form, form_result, window as threaded};
    let home = tempfile::tempdir()?;
    let mut harness = threaded(home.path(), Language::English, std::time::Duration::from_millis(200))?;
    // Accepts connections (the kernel does) but never greets: the test would wait for seconds.
    let silent = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = silent.local_addr()?.port().to_string();
    fill_asterisk_form(
        &mut harness,
        &Typed {
            host: "127.0.0.1",
            port: &port,
            username: "callprofiles",
            extension: "201",
            secret: "s3cret",
        },
    );
    button(&harness, "Test and connect").click();
    harness.run_steps(3);
    assert!(shows(&harness, "Testing the connection"));
    button(&harness, "Cancel").click();
    harness.run_steps(3);
    assert!(harness.state().connection_form().is_some_and(|f| f.pending.is_none()));
    assert!(form_result(harness.state()).is_some_and(|r| r.starts_with("Cancelled")));
    assert!(!disabled(&button(&harness, "Test and connect")));
    drop(silent);
    Ok(())
}
