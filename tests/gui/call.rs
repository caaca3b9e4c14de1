//! GUI tests of a telecommuter's call from the main window: the status line's "Call…" button appears only
//! while calls go to a telecommuter number, is disabled on the demo (saying why), and its dialog checks the
//! number as typed and asks the phone system to place the call.

use crate::gui_support::pbx::{PbxHandles, pbx_window};
use crate::gui_support::{TestResult, button, click, disabled, has_button, shows, type_into, window};
use callprofiles::text::i18n::Language;
use callprofiles_core::Callprofiles;
use callprofiles_core::phone_system::call::CallOutcome;
use egui_kittest::kittest::Queryable;

/// A home whose live settings route calls to `routing`.
fn home_routing(routing: &str) -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.pbx_set(&[format!("routing={routing}")])?;
    Ok(home)
}

#[test]
fn a_telecommuter_calls_a_number_checked_as_typed() -> TestResult {
    let home = home_routing("telecommuter:0222 333 444")?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let mut harness = pbx_window(home.path(), &pbx);

    click(&mut harness, "📞 Call…");
    assert!(shows(&harness, "Call as a telecommuter"));
    assert!(shows(&harness, "Your telecommuter phone (0222333444) rings first."));
    // Nothing typed yet, then a number with a letter: Call stays disabled, the reason is shown.
    assert!(disabled(&button(&harness, "Call")));
    type_into(&mut harness, "Number to call", "0600 12x");
    assert!(shows(&harness, "The number contains “x”, which is not allowed"));
    assert!(disabled(&button(&harness, "Call")));

    type_into(&mut harness, "Number to call", "0600 700 800");
    assert!(!disabled(&button(&harness, "Call")));
    click(&mut harness, "Call");
    assert_eq!(pbx.called(), vec!["0600700800".to_owned()]);
    // The phone system said the telecommuter answered.
    assert!(shows(
        &harness,
        "You answered: the phone system now calls 0600700800 for you, showing your extension."
    ));
    assert!(!shows(&harness, "Call as a telecommuter"), "the dialog closed");
    Ok(())
}

#[test]
fn an_unanswered_call_says_the_number_was_not_called() -> TestResult {
    let home = home_routing("telecommuter:0222333444")?;
    let pbx = PbxHandles::new(CallOutcome::NotAnswered);
    let mut harness = pbx_window(home.path(), &pbx);
    click(&mut harness, "📞 Call…");
    type_into(&mut harness, "Number to call", "600 700 800");
    click(&mut harness, "Call");
    assert!(shows(
        &harness,
        "Your telecommuter phone (0222333444) was not answered, so 600700800 was not called."
    ));
    Ok(())
}

#[test]
fn the_call_button_appears_only_for_a_telecommuter_and_says_why_the_demo_cannot() -> TestResult {
    // At the desk: no call button.
    let desk = tempfile::tempdir()?;
    let harness = window(desk.path(), Language::English);
    assert!(!has_button(&harness, "Call…"));

    // A telecommuter on the demo: shown, but disabled with the reason on hover.
    let home = home_routing("telecommuter:0222333444")?;
    let mut harness = window(home.path(), Language::English);
    assert!(disabled(&button(&harness, "📞 Call…")));
    button(&harness, "📞 Call…").hover();
    // Past the tooltip delay (0.5 s at 60 frames a second).
    for _ in 0..60 {
        harness.step();
    }
    assert!(shows(&harness, "The built-in demo phone system cannot place calls"));

    // On a PBX, but Office applied: the button goes away with the telecommuter routing.
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let mut harness = pbx_window(home.path(), &pbx);
    assert!(!disabled(&button(&harness, "📞 Call…")));
    Callprofiles::open(home.path())?.activate("Office")?;
    harness.state_mut().model.refresh();
    harness.run();
    assert!(!has_button(&harness, "Call…"));
    assert!(pbx.called().is_empty());
    Ok(())
}

#[test]
fn a_dialog_opened_by_a_click_puts_the_cursor_in_its_field() -> TestResult {
    let home = home_routing("telecommuter:0222333444")?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let mut harness = pbx_window(home.path(), &pbx);
    click(&mut harness, "📞 Call…");
    assert!(harness.get_by_label("Number to call").is_focused());
    harness.key_press(egui::Key::Escape);
    harness.run();
    click(&mut harness, "Add profile");
    assert!(harness.get_by_label("Name").is_focused());
    Ok(())
}
