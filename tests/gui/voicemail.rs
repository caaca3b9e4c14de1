//! GUI tests of new voicemail: the status line counts the messages waiting, and when one arrives while the
//! live settings have voicemail notification on, the window says so once.

use crate::gui_support::pbx::{PbxHandles, fake_pbx, pbx_window};
use crate::gui_support::{TestResult, click, shows, window};
use callprofiles::text::i18n::Language;
use callprofiles_core::Callprofiles;
use callprofiles_core::phone_system::call::CallOutcome;

/// Lets the worker re-read and the window draw the result.
fn reread(harness: &mut egui_kittest::Harness<'static, callprofiles::gui::main_window::MainApp>) {
    harness.state_mut().model.refresh();
    harness.run();
}

/// Whether the last frame asked the desktop to draw the user's attention to the window.
fn asks_attention(harness: &egui_kittest::Harness<'static, callprofiles::gui::main_window::MainApp>) -> bool {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|output| {
            output
                .commands
                .iter()
                .any(|command| matches!(command, egui::ViewportCommand::RequestUserAttention(_)))
        })
}

#[test]
fn new_voicemail_is_counted_and_announced_only_with_notification_on() -> TestResult {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.pbx_set(&["voicemail.notification=on"])?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let mut harness = pbx_window(home.path(), &pbx);
    assert!(!shows(&harness, "new voicemail"), "an empty mailbox says nothing");

    pbx.set_messages(2);
    harness.state_mut().model.refresh();
    harness.step();
    assert!(asks_attention(&harness), "a window in the background draws the eye");
    harness.run();
    assert!(shows(&harness, "✉ 2 new voicemail messages"));
    assert!(shows(&harness, "New voicemail: 2 messages wait in your mailbox."));

    // Notification off: the count still shows, but no announcement.
    Callprofiles::open(home.path())?.pbx_set(&["voicemail.notification=off"])?;
    reread(&mut harness);
    click(&mut harness, "Dismiss the message");
    pbx.set_messages(3);
    harness.state_mut().model.refresh();
    harness.step();
    assert!(!asks_attention(&harness));
    harness.run();
    assert!(shows(&harness, "✉ 3 new voicemail messages"));
    assert!(!shows(&harness, "New voicemail:"));

    // Messages heard: the count goes away.
    pbx.set_messages(0);
    reread(&mut harness);
    assert!(!shows(&harness, "new voicemail"));
    Ok(())
}

#[test]
fn do_not_disturb_set_on_the_phone_shows_in_the_status_line_without_changing_the_profile() -> TestResult {
    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let mut harness = pbx_window(home.path(), &pbx);
    assert!(!shows(&harness, "Do not disturb"));
    pbx.set_do_not_disturb(true);
    reread(&mut harness);
    assert!(shows(&harness, "Do not disturb is on (set on the phone)"));
    // An observation, not a setting: the active profile stays active, nothing is Detected.
    assert!(!shows(&harness, "Detected"));
    pbx.set_do_not_disturb(false);
    reread(&mut harness);
    assert!(!shows(&harness, "Do not disturb"));
    Ok(())
}

#[test]
fn the_demo_counts_its_sample_mailbox_once_the_window_has_listed_it() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    // The window lists the messages at start (creating the demo's sample mailbox), then the count follows.
    harness.state_mut().refresh();
    harness.run();
    assert!(shows(&harness, "✉ 2 new voicemail messages"));
    Ok(())
}

#[test]
fn the_status_line_symbols_are_in_the_window_fonts() -> TestResult {
    let home = tempfile::tempdir()?;
    let harness = window(home.path(), Language::English);
    // ✉ new voicemail, 📞 call, ✔ ready, ⚠ reconnecting, ✖ error, ☎ phone system, ☰ more, × dismiss.
    let symbols = "✉📞✔⚠✖☎☰×⟳🕓⏱⟲🔊⏸■▶🗑📂⏺";
    let font = egui::FontId::proportional(14.0);
    let missing: String = symbols
        .chars()
        .filter(|c| !harness.ctx.fonts_mut(|fonts| fonts.has_glyph(&font, *c)))
        .collect();
    assert!(missing.is_empty(), "not in the fonts: {missing}");
    Ok(())
}

#[test]
fn the_quick_window_shows_new_voicemail_too() -> TestResult {
    use callprofiles::gui::model::Model;
    use callprofiles::gui::quick_window::QuickApp;
    use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
    use egui_kittest::kittest::Queryable;

    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    pbx.set_messages(1);
    let worker = PhoneWorker::inline(WorkerCore::with_phone_system(home.path(), fake_pbx(home.path(), &pbx)));
    let app = QuickApp::new(Model::new(worker), Language::English);
    let mut harness = egui_kittest::Harness::builder()
        .with_size([callprofiles::gui::quick_window::WIDTH, 520.0])
        .build_ui_state(|ui, app: &mut QuickApp| app.frame_ui(ui), app);
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("✉ 1 new voicemail message")
            .next()
            .is_some()
    );
    Ok(())
}
