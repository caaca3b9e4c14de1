//! The main window driven like a user would, over a temporary home and the built-in demo phone system.

use crate::gui_support::{
    TestResult, button, click, disabled, fresh_window, has_button, row, select, shows, type_into, window,
};
use callprofiles::gui::command::{Dialog, Leave, Selection};
use callprofiles::gui::inline_main_app;
use callprofiles::gui::main_window::MainApp;
use callprofiles::text::i18n::{I18n, Language};
use callprofiles_core::{BuiltIn, Callprofiles, Routing};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn select_and_activate_a_profile() -> TestResult {
    let (home, mut harness) = fresh_window(Language::English)?;
    assert_eq!(harness.state().selection(), &Selection::Profile(BuiltIn::Office.id()));
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));

    select(&mut harness, "Home");
    assert_eq!(harness.state().selection(), &Selection::Profile(BuiltIn::Home.id()));
    // Home forwards calls but has no number yet: it cannot be activated, and Ctrl+3 says why.
    assert!(disabled(&button(&harness, "Activate")));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    let notice = harness.state().notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("Home needs a phone number"), "{notice}");
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));

    type_into(&mut harness, "Forward calls to", "+48 (600) 100-200");
    assert!(shows(&harness, "Will be saved as +48 600 100 200"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().has_unsaved_changes());
    assert_eq!(harness.state().title(), "callprofiles — Office is active");
    click(&mut harness, "Activate");
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Home.id()));
    assert!(shows(&harness, "Home is now active."));
    assert_eq!(harness.state().title(), "callprofiles — Home is active");
    let live = Callprofiles::open(home.path())?.pbx_show()?;
    assert_eq!(live.routing, Routing::parse("forward:+48600100200")?);
    // Shown grouped, as people write numbers.
    assert!(
        row(&harness, "Home")
            .accesskit_node()
            .label()
            .is_some_and(|l| l.contains("+48 600 100 200"))
    );
    assert!(
        row(&harness, "Home")
            .accesskit_node()
            .label()
            .is_some_and(|l| l.contains("active"))
    );
    Ok(())
}

#[test]
fn double_click_activates() -> TestResult {
    let home = home_with_car("call_pickup=off")?;
    let mut harness = window(home.path(), Language::English);
    row(&harness, "Car").click();
    row(&harness, "Car").click();
    harness.run();
    let car = harness
        .state()
        .model
        .profiles()
        .into_iter()
        .find(|p| p.name == "Car")
        .map(|p| p.id);
    assert!(car.is_some());
    assert_eq!(harness.state().model.active_id(), car);
    Ok(())
}

#[test]
fn an_invalid_number_shows_its_reason_and_cannot_be_saved() -> TestResult {
    let (_home, mut harness) = fresh_window(Language::English)?;
    select(&mut harness, "Mobile");
    type_into(&mut harness, "Also ring", "600x100");
    assert!(shows(&harness, "The number contains “x”, which is not allowed"));
    assert!(disabled(&button(&harness, "Save")));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let before = harness.state().model.profile(&BuiltIn::Mobile.id()).map(|p| p.settings);
    assert_eq!(before.map(|s| s.routing), Some(Routing::Twinning { number: None }));
    assert!(harness.state().has_unsaved_changes());
    // Esc reverts the edit.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().has_unsaved_changes());
    Ok(())
}

#[test]
fn adding_profiles_until_the_limit_disables_add() -> TestResult {
    let (_home, mut harness) = fresh_window(Language::English)?;
    assert!(shows(&harness, "You can add 4 more profiles."));
    for (index, name) in ["Car", "Train", "Garden", "Lab"].into_iter().enumerate() {
        if index == 0 {
            harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
            harness.run();
        } else {
            click(&mut harness, "Add profile");
        }
        assert!(matches!(harness.state().dialog(), Some(Dialog::Add { .. })));
        type_into(&mut harness, "Name", name);
        click(&mut harness, "Add");
        assert_eq!(harness.state().model.book().map(|b| b.custom_count()), Some(index + 1));
        assert!(harness.state().dialog().is_none());
    }
    assert!(shows(&harness, "No more profiles can be added."));
    assert!(disabled(&button(&harness, "Add profile")));
    // The new profile is shown and started from the profile shown before it.
    let lab = harness.state().model.profiles().into_iter().find(|p| p.name == "Lab");
    assert_eq!(
        lab.map(|p| Selection::Profile(p.id)).as_ref(),
        Some(harness.state().selection())
    );
    Ok(())
}

#[test]
fn a_taken_name_is_refused_as_typed() -> TestResult {
    let (_home, mut harness) = fresh_window(Language::English)?;
    click(&mut harness, "Add profile");
    type_into(&mut harness, "Name", "biurowy");
    assert!(shows(&harness, "reserved for a built-in profile"));
    assert!(disabled(&button(&harness, "Add")));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().dialog().is_none());
    Ok(())
}

#[test]
fn built_ins_offer_no_delete_but_custom_profiles_can_be_renamed_and_deleted() -> TestResult {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.create("Car", None)?;
    let mut harness = window(home.path(), Language::English);
    for name in ["Office", "Mobile", "Home"] {
        select(&mut harness, name);
        assert!(!has_button(&harness, "Delete"), "{name}");
        assert!(!has_button(&harness, "Rename"), "{name}");
    }
    select(&mut harness, "Car");
    click(&mut harness, "Rename…");
    type_into(&mut harness, "Name", "Van");
    click(&mut harness, "Rename");
    assert!(shows(&harness, "The profile is now called Van."));
    click(&mut harness, "Delete…");
    assert!(shows(&harness, "Delete Van? This cannot be undone."));
    click(&mut harness, "🗑 Delete");
    assert_eq!(harness.state().model.book().map(|b| b.custom_count()), Some(0));
    assert_eq!(harness.state().selection(), &Selection::Profile(BuiltIn::Office.id()));
    Ok(())
}

#[test]
fn an_outside_change_shows_detected_and_saving_it_makes_it_disappear() -> TestResult {
    let (home, mut harness) = fresh_window(Language::English)?;
    assert!(!has_button(&harness, "Detected"));

    change_elsewhere(&mut harness, home.path(), "voicemail.greeting=3")?;
    assert!(has_button(&harness, "Detected"));
    assert!(shows(&harness, "Differs from Office: Active voicemail greeting"));

    select(&mut harness, "Detected");
    assert_eq!(harness.state().selection(), &Selection::Detected);
    click(&mut harness, "Save as new profile");
    type_into(&mut harness, "Name", "Greeting three");
    click(&mut harness, "Save");
    assert!(!has_button(&harness, "Detected"));
    let saved = harness
        .state()
        .model
        .profiles()
        .into_iter()
        .find(|p| p.name == "Greeting three");
    assert_eq!(harness.state().model.active_id(), saved.map(|p| p.id));
    Ok(())
}

#[test]
fn detected_can_be_saved_into_an_existing_profile() -> TestResult {
    let (home, mut harness) = fresh_window(Language::English)?;
    change_elsewhere(&mut harness, home.path(), "call_pickup=off")?;
    select(&mut harness, "Detected");
    click(&mut harness, "Save into");
    // The nearest profile (Office) is offered first.
    assert!(shows(&harness, "The saved settings of Office will be replaced."));
    click(&mut harness, "Save");
    assert!(!has_button(&harness, "Detected"));
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));
    let office = harness
        .state()
        .model
        .profile(&BuiltIn::Office.id())
        .map(|p| p.settings.call_pickup);
    assert_eq!(office, Some(false));
    Ok(())
}

#[test]
fn leaving_unsaved_changes_asks_first() -> TestResult {
    let (_home, mut harness) = fresh_window(Language::English)?;
    select(&mut harness, "Home");
    type_into(&mut harness, "Forward calls to", "600100200");
    select(&mut harness, "Office");
    assert!(matches!(harness.state().dialog(), Some(Dialog::Unsaved { .. })));
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().selection(), &Selection::Profile(BuiltIn::Home.id()));
    assert!(harness.state().has_unsaved_changes());

    select(&mut harness, "Office");
    click(&mut harness, "Save");
    assert_eq!(harness.state().selection(), &Selection::Profile(BuiltIn::Office.id()));
    let home_number = harness
        .state()
        .model
        .profile(&BuiltIn::Home.id())
        .and_then(|p| p.settings.routing.number().map(|n| n.to_string()));
    assert_eq!(home_number.as_deref(), Some("600100200"));
    Ok(())
}

#[test]
fn ctrl_number_activates_the_nth_profile() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.create("Car", None)?;
    service.set("Car", &["voicemail=off"])?;
    let mut harness = window(home.path(), Language::English);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    let car = harness
        .state()
        .model
        .profiles()
        .into_iter()
        .find(|p| p.name == "Car")
        .map(|p| p.id);
    assert_eq!(harness.state().model.active_id(), car);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));
    Ok(())
}

#[test]
fn a_damaged_profiles_file_is_explained_and_moved_aside_on_request() -> TestResult {
    let home = tempfile::tempdir()?;
    std::fs::write(home.path().join("profiles.json"), b"{ not json")?;
    let mut harness = window(home.path(), Language::English);
    assert!(shows(&harness, "Your profiles cannot be read"));
    assert!(shows(&harness, "is damaged"));
    assert_eq!(std::fs::read(home.path().join("profiles.json"))?, b"{ not json");
    click(&mut harness, "Move it aside and start fresh");
    assert!(has_button(&harness, "Office"));
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
fn export_and_import_through_a_typed_path() -> TestResult {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.create("Car", None)?;
    let mut harness = window(home.path(), Language::English);
    let file = home.path().join("backup.json");
    click(&mut harness, "Export…");
    type_into(&mut harness, "File", &file.display().to_string());
    click(&mut harness, "Export");
    assert!(file.exists());
    assert!(shows(&harness, "Exported 4 profiles"));

    Callprofiles::open(home.path())?.delete("Car")?;
    harness.state_mut().refresh();
    harness.run();
    assert!(!has_button(&harness, "Car"));
    click(&mut harness, "Import…");
    type_into(&mut harness, "File", &file.display().to_string());
    click(&mut harness, "Import");
    // The file was read and checked before anything is asked.
    assert!(shows(&harness, "4 profiles: Office, Mobile, Home, Car"));
    assert!(shows(&harness, "replaces all your profiles, your custom ones included"));
    click(&mut harness, "Import");
    assert!(has_button(&harness, "Car"));
    Ok(())
}

#[test]
fn closing_with_unsaved_changes_asks_first() -> TestResult {
    let (_home, mut harness) = fresh_window(Language::English)?;
    select(&mut harness, "Home");
    type_into(&mut harness, "Forward calls to", "600100200");
    let commands = crate::gui_support::close_window(&mut harness);
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Unsaved {
            then: Leave::CloseWindow
        })
    ));
    button(&harness, "Discard changes").click();
    harness.step();
    let commands = crate::gui_support::root_commands(&harness);
    assert!(commands.contains(&egui::ViewportCommand::Close), "{commands:?}");
    Ok(())
}

/// Clicks the primary button at `pos` (e.g. on the dimmed window around a dialog) and lets the window settle.
fn click_at(harness: &mut Harness<'static, MainApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn a_click_outside_a_dialog_keeps_it_and_what_was_typed_esc_closes_it() -> TestResult {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.create("Car", None)?;
    let mut harness = window(home.path(), Language::English);
    let outside = egui::pos2(8.0, 740.0);

    click(&mut harness, "Add profile");
    type_into(&mut harness, "Name", "Garage");
    click_at(&mut harness, outside);
    assert_eq!(
        harness.state().dialog(),
        Some(&Dialog::Add {
            name: "Garage".to_owned()
        })
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().dialog().is_none());

    select(&mut harness, "Car");
    click(&mut harness, "Rename…");
    type_into(&mut harness, "Name", "Van");
    click_at(&mut harness, outside);
    assert!(matches!(harness.state().dialog(), Some(Dialog::Rename { name, .. }) if name == "Van"));
    click(&mut harness, "Cancel");
    assert!(harness.state().dialog().is_none());
    assert!(has_button(&harness, "Car"));

    // The phone-system form keeps a typed host too.
    click(&mut harness, "Phone system");
    harness.get_by_label("Asterisk or FreePBX (over AMI)").click();
    harness.run();
    type_into(&mut harness, "Host", "pbx.example.com");
    click_at(&mut harness, outside);
    let host = harness.state().connection_form().map(|form| form.fields.host.clone());
    assert_eq!(host.as_deref(), Some("pbx.example.com"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().connection_form().is_none());
    Ok(())
}

/// Changes one setting on the phone system as `callprofiles pbx set` would, and lets the window re-read it.
fn change_elsewhere(harness: &mut Harness<'static, MainApp>, home: &std::path::Path, setting: &str) -> TestResult {
    Callprofiles::open(home)?.pbx_set(&[setting])?;
    harness.state_mut().refresh();
    harness.run();
    Ok(())
}

/// A home with a custom profile Car, changed by one `KEY=VALUE` setting.
fn home_with_car(setting: &str) -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.create("Car", None)?;
    service.set("Car", &[setting])?;
    Ok(home)
}

/// The main window over `home` at `size` (the window's minimum is 720×480).
fn window_at(home: &std::path::Path, language: Language, size: [f32; 2]) -> Harness<'static, MainApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, app: &mut MainApp| app.frame_ui(ui),
            inline_main_app(home, language),
        );
    harness.run();
    harness
}

/// The language menu (the topmost menu of the window).
fn language_menu<'a>(harness: &'a Harness<'static, MainApp>) -> egui_kittest::Node<'a> {
    harness
        .query_all_by_role(Role::ComboBox)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| harness.get_by_role(Role::ComboBox))
}

/// The rectangles of the toolbar's widgets (everything that can be read or clicked in its strip).
fn toolbar_rects(harness: &Harness<'static, MainApp>) -> Vec<(String, egui::Rect)> {
    let roles = [Role::Button, Role::ComboBox, Role::Label];
    let toolbar_bottom = language_menu(harness).rect().max.y;
    harness
        .query_all_by(|node| roles.contains(&node.role()))
        .map(|node| {
            let name = node.accesskit_node().label().or(node.value()).unwrap_or_default();
            (name, node.rect())
        })
        .filter(|(_, rect)| rect.max.y <= toolbar_bottom + 1.0)
        .collect()
}

#[test]
fn at_the_minimum_size_the_toolbar_never_overlaps_in_either_language() -> TestResult {
    for language in [Language::English, Language::Polish] {
        let i18n = I18n::new(language);
        let home = tempfile::tempdir()?;
        let harness = window_at(home.path(), language, [720.0, 480.0]);
        let rects = toolbar_rects(&harness);
        for id in [
            "button-add",
            "button-export",
            "button-import",
            "button-phone-system",
            "language-label",
        ] {
            let text = i18n.tr(id);
            assert!(
                rects.iter().any(|(name, _)| name == &text),
                "{language:?}: no {text} in {rects:?}"
            );
        }
        for (index, (name, rect)) in rects.iter().enumerate() {
            assert!(
                rect.min.x >= 0.0 && rect.max.x <= 720.0,
                "{language:?}: {name} is outside the window"
            );
            for (other, other_rect) in rects.iter().skip(index + 1) {
                let overlap = rect.intersect(*other_rect);
                assert!(
                    overlap.width() <= 0.5 || overlap.height() <= 0.5,
                    "{language:?}: {name} {rect:?} overlaps {other} {other_rect:?}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn a_narrower_toolbar_moves_its_buttons_into_a_more_menu() -> TestResult {
    let home = tempfile::tempdir()?;
    // As narrow as the minimum window zoomed in (Ctrl++) to 130 %.
    let mut harness = window_at(home.path(), Language::Polish, [550.0, 480.0]);
    let rects = toolbar_rects(&harness);
    assert!(!rects.iter().any(|(name, _)| name == "Eksportuj…"), "{rects:?}");
    // The label before the language menu made way; the menu keeps its name for screen readers.
    assert_eq!(rects.iter().filter(|(name, _)| name == "Język").count(), 1, "{rects:?}");
    assert_eq!(
        language_menu(&harness).accesskit_node().label().as_deref(),
        Some("Język")
    );
    click(&mut harness, "Więcej");
    click(&mut harness, "Eksportuj…");
    assert!(matches!(harness.state().dialog(), Some(Dialog::Path { .. })));
    Ok(())
}

#[test]
fn at_the_minimum_size_save_stays_in_sight_below_the_scrolling_form() -> TestResult {
    let home = home_with_car("routing=forward:600100200")?;
    let mut harness = window_at(home.path(), Language::Polish, [720.0, 480.0]);
    select(&mut harness, "Car");
    type_into(&mut harness, "Przekieruj na numer", "600100300");
    let save = button(&harness, "Zapisz").rect();
    let status = harness.get_by_label_contains("Wbudowany demonstracyjny").rect();
    assert!(
        save.max.y <= status.min.y,
        "Save {save:?} is under the status line {status:?}"
    );
    // The form is taller than the space above Save: it scrolls.
    let greeting = harness.get_by_label("Aktywne powitanie poczty głosowej:").rect();
    assert!(greeting.min.y > save.min.y, "{greeting:?}");
    click(&mut harness, "Zapisz");
    assert!(!harness.state().has_unsaved_changes());
    Ok(())
}

#[test]
fn each_sidebar_entry_says_where_its_calls_go() -> TestResult {
    let home = home_with_car("routing=forward:+48600100200")?;
    let mut harness = window(home.path(), Language::English);
    let spoken = |harness: &Harness<'static, MainApp>, name: &str| row(harness, name).accesskit_node().label();
    assert_eq!(
        spoken(&harness, "Office").as_deref(),
        Some("Office, built-in, active, calls ring the desk phone")
    );
    assert_eq!(
        spoken(&harness, "Car").as_deref(),
        Some("Car, calls are forwarded to +48 600 100 200")
    );
    assert_eq!(
        spoken(&harness, "Mobile").as_deref(),
        Some("Mobile, built-in, Simultaneous ringing on mobile phones, no number yet")
    );
    // The summary follows a saved change.
    select(&mut harness, "Mobile");
    type_into(&mut harness, "Also ring", "600 100 200");
    click(&mut harness, "Save");
    assert_eq!(
        spoken(&harness, "Mobile").as_deref(),
        Some("Mobile, built-in, calls ring the desk phone and 600 100 200")
    );
    Ok(())
}

#[test]
fn adding_while_detected_is_shown_says_the_new_profile_starts_from_the_defaults() -> TestResult {
    let (home, mut harness) = fresh_window(Language::English)?;
    change_elsewhere(&mut harness, home.path(), "call_pickup=off")?;
    select(&mut harness, "Detected");
    click(&mut harness, "Add profile");
    assert!(shows(&harness, "The new profile starts with the default settings"));
    click_behind_the_dialog_changes_nothing(&mut harness);
    harness.key_press(Key::Escape);
    harness.run();
    select(&mut harness, "Mobile");
    click(&mut harness, "Add profile");
    assert!(shows(&harness, "The new profile is a copy of Mobile"));
    Ok(())
}

/// A click on a sidebar entry behind an open dialog neither closes the dialog nor selects the entry.
fn click_behind_the_dialog_changes_nothing(harness: &mut Harness<'static, MainApp>) {
    let before = harness.state().selection().clone();
    let office = row(harness, "Office").rect().center();
    click_at(harness, office);
    assert!(harness.state().dialog().is_some());
    assert_eq!(harness.state().selection(), &before);
}
