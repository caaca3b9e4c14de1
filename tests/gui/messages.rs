//! The voicemail messages view (issue 11): the list (newest first, new and heard, caller, time, length),
//! playing on the phone through the phone system, playing on the computer (no server: the sentence; no sound
//! device: one sentence; else play/pause, position and progress, then idle), heard, delete with Undo (and
//! the real delete after the delay, or on quit), the form's greeting flag and Activate's question, the
//! quick window's count, focus order and accessible names.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use callprofiles::gui::command::Selection;
use callprofiles::gui::main_window::MainApp;
use callprofiles::gui::player::{DecodedAudio, OutputProblem, Speakers};
use callprofiles::text::i18n::Language;
use callprofiles_core::Callprofiles;
use callprofiles_core::phone_system::call::CallOutcome;
use callprofiles_core::phone_system::demo_voicemail::DemoMailbox;
use callprofiles_core::voicemail::MessageState;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::gui_support::pbx::{PbxHandles, pbx_app, pbx_window};
use crate::gui_support::{TestResult, button, click, harness_of, has_button, shows, window};

/// What the stand-in speakers were asked, and what they report.
#[derive(Default)]
struct SpeakerState {
    started: Vec<usize>,
    paused: bool,
    position: Duration,
    finished: bool,
    no_device: bool,
}

/// Speakers that play nothing: they note what they were asked.
#[derive(Clone, Default)]
struct FakeSpeakers(Arc<Mutex<SpeakerState>>);

impl FakeSpeakers {
    fn with<R>(&self, f: impl FnOnce(&mut SpeakerState) -> R) -> R {
        match self.0.lock() {
            Ok(mut state) => f(&mut state),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }
}

impl Speakers for FakeSpeakers {
    fn start(&mut self, audio: &DecodedAudio) -> Result<(), OutputProblem> {
        self.with(|state| {
            if state.no_device {
                return Err(OutputProblem::NoDevice);
            }
            state.started.push(audio.samples.len());
            state.finished = false;
            state.paused = false;
            Ok(())
        })
    }
    fn set_paused(&mut self, paused: bool) {
        self.with(|state| state.paused = paused);
    }
    fn position(&self) -> Duration {
        self.with(|state| state.position)
    }
    fn finished(&self) -> bool {
        self.with(|state| state.finished)
    }
    fn stop(&mut self) {
        self.with(|state| state.finished = true);
    }
    fn seek(&mut self, position: Duration) {
        self.with(|state| state.position = position);
    }
}

/// Shows the messages view.
fn open_messages(harness: &mut Harness<'static, MainApp>) {
    harness
        .get_by(|node| {
            node.role() == egui::accesskit::Role::Button && node.label().is_some_and(|l| l.starts_with("Messages,"))
        })
        .click();
    harness.run();
}

/// The accessible names of the messages, in the order shown.
fn listed(harness: &Harness<'static, MainApp>) -> Vec<String> {
    harness
        .query_all_by(|node| {
            node.value()
                .is_some_and(|l| l.starts_with("New message from ") || l.starts_with("Heard message from "))
        })
        .filter_map(|node| node.accesskit_node().value())
        .collect()
}

/// A pbx window with fake speakers, on the messages view.
fn pbx_messages(home: &std::path::Path, pbx: &PbxHandles, speakers: &FakeSpeakers) -> Harness<'static, MainApp> {
    let mut harness = harness_of(pbx_app(home, pbx).with_speakers(Box::new(speakers.clone())));
    open_messages(&mut harness);
    harness
}

#[test]
fn the_list_shows_new_and_heard_messages_newest_first_with_caller_time_and_length() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    assert!(
        shows(&harness, "Messages, 2 new messages"),
        "the sidebar counts the new ones"
    );
    open_messages(&mut harness);
    assert_eq!(harness.state().selection(), &Selection::Messages);
    assert!(shows(&harness, "2 new, 1 heard"));
    let messages = listed(&harness);
    assert_eq!(messages.len(), 3, "{messages:?}");
    // Newest first: Anna Nowak 20 minutes ago, then 3 hours ago, then Reception yesterday or before.
    assert!(
        messages[0].starts_with("New message from Anna Nowak, +48 221 234 567, "),
        "{messages:?}"
    );
    assert!(messages[0].ends_with(", 0:03"), "{messages:?}");
    assert!(
        messages[1].starts_with("New message from 0 600 111 222, "),
        "{messages:?}"
    );
    assert!(messages[1].ends_with(", 0:02"), "{messages:?}");
    assert!(
        messages[2].starts_with("Heard message from Reception, 205, "),
        "{messages:?}"
    );
    assert!(messages[2].ends_with(", 0:04"), "{messages:?}");
    // The time is local: 20 minutes ago is "today HH:MM" unless that was before midnight.
    let left = jiff::Zoned::now().saturating_sub(jiff::SignedDuration::from_mins(20));
    if left.date() == jiff::Zoned::now().date() {
        assert!(
            messages[0].contains(&format!(", today {}, ", left.strftime("%H:%M"))),
            "{messages:?}"
        );
    }
    // Polish too.
    let pl_home = tempfile::tempdir()?;
    let mut polish = window(pl_home.path(), Language::Polish);
    polish
        .get_by(|node| {
            node.role() == egui::accesskit::Role::Button && node.label().is_some_and(|l| l.starts_with("Wiadomości,"))
        })
        .click();
    polish.run();
    assert!(
        polish
            .query_all_by_label_contains("Nowa wiadomość od: Anna Nowak")
            .next()
            .is_some()
    );
    assert!(
        polish
            .query_all_by_label_contains("Odsłuchaj za pomocą telefonu")
            .next()
            .is_some()
    );
    Ok(())
}

#[test]
fn messages_that_arrive_are_listed_without_asking() -> TestResult {
    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    pbx.set_messages(2);
    let mut harness = pbx_window(home.path(), &pbx);
    open_messages(&mut harness);
    assert_eq!(listed(&harness).len(), 3);
    // A message leaves the mailbox elsewhere and the count changes: the list follows at the next re-read.
    callprofiles_core::phone_system::demo_voicemail::DemoMailbox::new(home.path())
        .delete(&callprofiles_core::voicemail::MessageId::parse("demo-2")?)?;
    pbx.set_messages(1);
    harness.state_mut().refresh();
    harness.run();
    assert_eq!(listed(&harness).len(), 2);
    Ok(())
}

#[test]
fn play_on_the_phone_reaches_the_phone_system_and_says_which_phone_rings() -> TestResult {
    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let mut harness = pbx_window(home.path(), &pbx);
    open_messages(&mut harness);
    // The active profile (Office) listens using the phone: that button comes first, in bold.
    assert!(shows(&harness, "using the phone: playing a message rings your phone"));
    click(&mut harness, "Play using the phone: Anna Nowak");
    assert_eq!(pbx.played(), ["demo-1"]);
    assert!(shows(
        &harness,
        "The phone system rings your desk phone now: answer it to hear the message from Anna Nowak"
    ));
    // While telecommuting, the telecommuter phone rings (as the dialplan does).
    Callprofiles::open(home.path())?.pbx_set(&["routing=telecommuter:+48 600 100 200"])?;
    harness.state_mut().refresh();
    harness.run();
    click(&mut harness, "Play using the phone: Reception");
    assert_eq!(pbx.played(), ["demo-1", "demo-3"]);
    assert!(shows(&harness, "rings your telecommuter phone (+48 600 100 200) now"));
    Ok(())
}

#[test]
fn the_demo_cannot_ring_a_phone_and_says_so() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    open_messages(&mut harness);
    click(&mut harness, "Play using the phone: Anna Nowak");
    assert!(shows(&harness, "cannot ring a phone to play a message"));
    Ok(())
}

#[test]
fn computer_playback_without_a_server_is_disabled_saying_why_and_offers_the_phone() -> TestResult {
    let home = tempfile::tempdir()?;
    // The profile plays on the computer, but a PBX reached over AMI cannot hand out audio.
    Callprofiles::open(home.path())?.pbx_set(&["voicemail.playback=computer"])?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let speakers = FakeSpeakers::default();
    let mut harness = pbx_messages(home.path(), &pbx, &speakers);
    let computer = button(&harness, "Play using the computer: Anna Nowak");
    assert!(computer.accesskit_node().is_disabled());
    assert!(
        computer
            .accesskit_node()
            .description()
            .is_some_and(|d| d.contains("without callprofiles-server: listen using the phone")),
        "{:?}",
        computer.accesskit_node().description()
    );
    computer.click();
    harness.run();
    assert!(speakers.with(|s| s.started.is_empty()));
    // What works is right there: the phone.
    click(&mut harness, "Play using the phone: Anna Nowak");
    assert_eq!(pbx.played(), ["demo-1"]);
    Ok(())
}

#[test]
fn without_a_sound_device_computer_playback_is_one_sentence() -> TestResult {
    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    pbx.serves_audio.store(true, Ordering::SeqCst);
    let speakers = FakeSpeakers::default();
    speakers.with(|s| s.no_device = true);
    let mut harness = pbx_messages(home.path(), &pbx, &speakers);
    click(&mut harness, "Play using the computer: Anna Nowak");
    assert!(shows(&harness, "No sound device could be opened on this computer"));
    assert!(harness.state().player().now().is_none());
    Ok(())
}

/// How soon the last frame asked to be drawn again (`Duration::MAX`: never).
fn repaint_delay(harness: &Harness<'static, MainApp>) -> Duration {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map_or(Duration::MAX, |output| output.repaint_delay)
}

/// The messages view over a phone system that serves audio, Anna Nowak's message playing on `speakers`.
fn playing_on_the_computer(
    home: &std::path::Path,
    pbx: &PbxHandles,
    speakers: &FakeSpeakers,
) -> Harness<'static, MainApp> {
    pbx.serves_audio.store(true, Ordering::SeqCst);
    let mut harness = pbx_messages(home, pbx, speakers);
    click(&mut harness, "Play using the computer: Anna Nowak");
    harness
}

#[test]
fn computer_playback_plays_pauses_shows_progress_and_then_goes_idle() -> TestResult {
    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let speakers = FakeSpeakers::default();
    let mut harness = playing_on_the_computer(home.path(), &pbx, &speakers);
    // The demo's 3 s at 8 kHz, decoded by the worker, reached the speakers.
    assert_eq!(speakers.with(|s| s.started.clone()), [3 * 8000]);
    assert!(shows(&harness, "Playing: Anna Nowak"));
    speakers.with(|s| s.position = Duration::from_millis(1500));
    harness.step();
    assert!(shows(&harness, "Position 0:01 / 0:03"));
    assert!(
        repaint_delay(&harness) <= Duration::from_millis(250),
        "the bar moves while playing"
    );
    click(&mut harness, "⏸ Pause");
    assert!(speakers.with(|s| s.paused));
    harness.step();
    assert!(
        repaint_delay(&harness) > Duration::from_secs(3600),
        "paused: no repaints"
    );
    click(&mut harness, "▶ Resume");
    assert!(!speakers.with(|s| s.paused));
    // Leaving the view stops the sound (its controls are no longer in sight).
    crate::gui_support::select(&mut harness, "Office");
    assert!(harness.state().player().now().is_none());
    assert!(speakers.with(|s| s.finished));
    open_messages(&mut harness);
    click(&mut harness, "Play using the computer: Anna Nowak");
    assert!(harness.state().player().now().is_some());
    // Played to its end: the player goes away and the window is idle.
    speakers.with(|s| s.finished = true);
    harness.step();
    harness.step();
    assert!(harness.state().player().now().is_none());
    assert!(!shows(&harness, "Playing: Anna Nowak"));
    harness.step();
    assert!(
        repaint_delay(&harness) > Duration::from_secs(3600),
        "idle afterwards: zero repaints"
    );
    Ok(())
}

#[test]
fn mark_heard_updates_the_list_the_count_and_the_mailbox() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    open_messages(&mut harness);
    click(&mut harness, "Mark heard: Anna Nowak");
    assert!(listed(&harness)[0].starts_with("Heard message from Anna Nowak"));
    assert!(shows(&harness, "Messages, 1 new message"));
    assert!(shows(&harness, "1 new, 2 heard"));
    let mailbox = DemoMailbox::new(home.path()).messages()?;
    assert_eq!(mailbox[0].state, MessageState::Old);
    assert!(
        !has_button(&harness, "Mark heard: Anna Nowak"),
        "a heard message has no Mark heard"
    );
    Ok(())
}

#[test]
fn delete_hides_at_once_and_undo_brings_the_message_back() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    open_messages(&mut harness);
    click(&mut harness, "Delete: Anna Nowak");
    assert_eq!(listed(&harness).len(), 2, "hidden at once");
    assert!(shows(
        &harness,
        "The message from Anna Nowak, +48 221 234 567 is deleted."
    ));
    assert!(shows(&harness, "Messages, 1 new message"));
    // The status line counts as the sidebar does.
    assert!(
        shows(&harness, "✉ 1 new voicemail message"),
        "the status line still counts it"
    );
    assert!(!shows(&harness, "✉ 2 new voicemail messages"));
    // Nothing is lost yet.
    assert_eq!(DemoMailbox::new(home.path()).messages()?.len(), 3);
    click(&mut harness, "⟲ Undo");
    assert_eq!(listed(&harness).len(), 3);
    assert!(listed(&harness)[0].starts_with("New message from Anna Nowak"));
    // Well after the Undo would have passed, it is still there.
    for _ in 0..420 {
        harness.step();
    }
    assert_eq!(DemoMailbox::new(home.path()).messages()?.len(), 3);
    Ok(())
}

#[test]
fn a_deleted_message_is_deleted_for_real_once_its_undo_has_passed() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    open_messages(&mut harness);
    click(&mut harness, "Delete: 0 600 111 222");
    assert!(
        repaint_delay(&harness) <= Duration::from_secs(7),
        "one repaint is due when the Undo passes"
    );
    // 6 s of frames at 60 per second.
    for _ in 0..370 {
        harness.step();
    }
    harness.run();
    let ids: Vec<String> = DemoMailbox::new(home.path())
        .messages()?
        .iter()
        .map(|m| m.id.to_string())
        .collect();
    assert_eq!(ids, ["demo-1", "demo-3"]);
    assert!(!shows(&harness, "is deleted."), "the Undo is gone");
    assert_eq!(listed(&harness).len(), 2);
    Ok(())
}

#[test]
fn quitting_deletes_the_message_whose_undo_is_still_offered() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    open_messages(&mut harness);
    click(&mut harness, "Delete: Reception");
    assert_eq!(DemoMailbox::new(home.path()).messages()?.len(), 3);
    harness.state_mut().commit_deletes_before_quitting();
    assert_eq!(DemoMailbox::new(home.path()).messages()?.len(), 2);
    Ok(())
}

#[test]
fn an_unrecorded_greeting_is_flagged_in_the_form_and_activate_asks_first() -> TestResult {
    let home = tempfile::tempdir()?;
    // The demo has greeting 1 recorded only; Home chooses greeting 3.
    Callprofiles::open(home.path())?.set("home", &["voicemail.greeting=3", "routing=forward:+48600100200"])?;
    let mut harness = window(home.path(), Language::English);
    crate::gui_support::select(&mut harness, "Home");
    assert!(
        harness
            .query_by(|node| node.value().is_some_and(|v| v == "Greeting 3 — not recorded"))
            .is_some()
    );
    assert!(shows(
        &harness,
        "Greeting 3 is not recorded: callers would hear the system greeting instead."
    ));
    click(&mut harness, "▶ Activate");
    assert!(
        shows(&harness, "Greeting not recorded"),
        "{:?} {:?}",
        harness.state().dialog(),
        harness.state().notice()
    );
    click(&mut harness, "Cancel");
    assert!(harness.state().dialog().is_none());
    assert_ne!(
        harness.state().model.active_id(),
        Some(callprofiles_core::BuiltIn::Home.id())
    );
    click(&mut harness, "▶ Activate");
    click(&mut harness, "Activate anyway");
    assert_eq!(
        harness.state().model.active_id(),
        Some(callprofiles_core::BuiltIn::Home.id())
    );
    // A recorded greeting (Office: the system greeting; greeting 1) is not questioned.
    Callprofiles::open(home.path())?.set("mobile", &["voicemail.greeting=1", "routing=twinning:+48600100200"])?;
    harness.state_mut().refresh();
    harness.run();
    crate::gui_support::select(&mut harness, "Mobile");
    assert!(
        harness
            .query_by(|node| node.value().is_some_and(|v| v == "Greeting 1 — recorded"))
            .is_some()
    );
    click(&mut harness, "▶ Activate");
    assert!(harness.state().dialog().is_none());
    assert_eq!(
        harness.state().model.active_id(),
        Some(callprofiles_core::BuiltIn::Mobile.id())
    );
    Ok(())
}

/// A home whose Home profile chooses greeting 3, which the demo has not recorded.
fn home_choosing_an_unrecorded_greeting() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.set("home", &["voicemail.greeting=3", "routing=forward:+48600100200"])?;
    Ok(home)
}

/// The profile held for a while, if any.
fn held_profile(home: &std::path::Path) -> Result<Option<callprofiles_core::ProfileId>, Box<dyn std::error::Error>> {
    Ok(
        match callprofiles_core::ProfileService::automation(&mut Callprofiles::open(home)?)?.hold {
            Some(callprofiles_core::automation::Hold::Until { profile, .. }) => Some(profile),
            _ => None,
        },
    )
}

#[test]
fn until_in_the_main_window_asks_about_an_unrecorded_greeting_first() -> TestResult {
    let home = home_choosing_an_unrecorded_greeting()?;
    let mut harness = window(home.path(), Language::English);
    crate::gui_support::select(&mut harness, "Home");
    click(&mut harness, "⏱ Until…");
    crate::gui_support::type_into(&mut harness, "until (HH:MM):", "7");
    button(&harness, "Activate").click();
    harness.run();
    assert!(
        shows(&harness, "Greeting not recorded"),
        "{:?}",
        harness.state().dialog()
    );
    assert_eq!(held_profile(home.path())?, None, "held before the answer");
    click(&mut harness, "Activate anyway");
    assert_eq!(held_profile(home.path())?, Some(callprofiles_core::BuiltIn::Home.id()));
    Ok(())
}

#[test]
fn the_tray_shows_the_window_asking_about_an_unrecorded_greeting_instead_of_applying_it() -> TestResult {
    let home = home_choosing_an_unrecorded_greeting()?;
    let mut harness = window(home.path(), Language::English);
    let home_id = callprofiles_core::BuiltIn::Home.id();
    assert!(
        harness.state_mut().activate_from_tray(&home_id),
        "the tray applied it unasked"
    );
    harness.run();
    assert!(shows(&harness, "Greeting not recorded"));
    assert_ne!(harness.state().model.active_id(), Some(home_id.clone()));
    click(&mut harness, "Activate anyway");
    assert_eq!(harness.state().model.active_id(), Some(home_id.clone()));

    let hold = callprofiles::automation::until::TrayHold::Hours(1);
    assert!(harness.state_mut().activate_for_from_tray(&home_id, hold));
    harness.run();
    assert!(shows(&harness, "Greeting not recorded"));
    assert_eq!(held_profile(home.path())?, None, "held before the answer");
    click(&mut harness, "Activate anyway");
    assert_eq!(held_profile(home.path())?, Some(home_id));
    // A profile whose greeting is recorded is applied from the tray without a question.
    let office = callprofiles_core::BuiltIn::Office.id();
    assert!(!harness.state_mut().activate_from_tray(&office));
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(harness.state().model.active_id(), Some(office));
    Ok(())
}

#[test]
fn the_progress_bar_moves_the_position_by_click_and_by_arrow_keys() -> TestResult {
    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let speakers = FakeSpeakers::default();
    let mut harness = playing_on_the_computer(home.path(), &pbx, &speakers);
    // A click in the middle of the bar: the middle of the demo's 3 s.
    harness.get_by_label("Move the playback position (← →)").click();
    harness.run();
    let position = speakers.with(|s| s.position);
    assert!(
        (1400..=1600).contains(&position.as_millis()),
        "a click in the middle went to {position:?}"
    );
    assert!(shows(&harness, "Position 0:01 / 0:03"));
    // With the focus, ← goes 5 s back (not before the start) and → 5 s on (not past the end).
    harness.get_by_label("Move the playback position (← →)").focus();
    harness.run();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(speakers.with(|s| s.position), Duration::ZERO);
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(speakers.with(|s| s.position), Duration::from_secs(3));
    assert!(harness.state().player().now().is_some(), "seeking does not stop it");
    Ok(())
}

#[test]
fn forwarding_says_an_unanswered_call_goes_to_voicemail() -> TestResult {
    let home = tempfile::tempdir()?;
    let harness = window(home.path(), Language::English);
    assert!(shows(
        &harness,
        "Unanswered there, a call goes to your voicemail while voicemail is on."
    ));
    Ok(())
}

#[test]
fn tab_reaches_every_control_of_a_message_in_order_with_names_that_say_which() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English);
    // Ctrl+M shows the messages.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run();
    assert_eq!(harness.state().selection(), &Selection::Messages);
    button(&harness, "⟳ Refresh").focus();
    harness.run();
    let mut order = Vec::new();
    for _ in 0..5 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let focused = harness
            .query_by(|node| node.is_focused())
            .and_then(|node| node.accesskit_node().label())
            .unwrap_or_default();
        order.push(focused);
    }
    let anna = |action: &str| format!("{action}: Anna Nowak, +48 221 234 567, ");
    for (shown, action) in order.iter().zip([
        "Play using the phone",
        "Play using the computer",
        "Mark heard",
        "Delete",
        "Play using the phone",
    ]) {
        assert!(shown.starts_with(&format!("{action}: ")), "{order:?}");
    }
    assert!(order[0].starts_with(&anna("Play using the phone")), "{order:?}");
    assert!(
        order[4].contains("0 600 111 222"),
        "the next message follows: {order:?}"
    );
    Ok(())
}

#[test]
fn the_quick_windows_count_opens_the_messages() -> TestResult {
    use callprofiles::gui::model::Model;
    use callprofiles::gui::quick_window::QuickApp;
    use callprofiles::gui::worker::{PhoneWorker, WorkerCore};

    let home = tempfile::tempdir()?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    pbx.set_messages(2);
    let worker = PhoneWorker::inline(WorkerCore::with_phone_system(
        home.path(),
        crate::gui_support::pbx::fake_pbx(home.path(), &pbx),
    ));
    let app = QuickApp::new(Model::new(worker), Language::English);
    let mut harness = Harness::builder()
        .with_size([callprofiles::gui::quick_window::WIDTH, 520.0])
        .build_ui_state(|ui, app: &mut QuickApp| app.frame_ui(ui), app);
    harness.run();
    harness
        .get_by(|node| {
            node.role() == egui::accesskit::Role::Button
                && node.label().is_some_and(|l| l.contains("2 new voicemail messages"))
        })
        .click();
    harness.run();
    assert!(harness.state().main_window_requested());
    // M does the same.
    let mut again = Harness::builder()
        .with_size([callprofiles::gui::quick_window::WIDTH, 520.0])
        .build_ui_state(
            |ui, app: &mut QuickApp| app.frame_ui(ui),
            QuickApp::new(
                Model::new(PhoneWorker::inline(WorkerCore::with_phone_system(
                    home.path(),
                    crate::gui_support::pbx::fake_pbx(home.path(), &pbx),
                ))),
                Language::English,
            ),
        );
    again.run();
    again.key_press(egui::Key::M);
    again.run();
    assert!(again.state().main_window_requested());
    Ok(())
}

#[test]
fn greetings_cannot_be_listened_to_or_uploaded_on_a_direct_asterisk_and_say_why() -> TestResult {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.set("home", &["voicemail.greeting=1", "routing=forward:+48600100200"])?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    let mut harness = harness_of(pbx_app(home.path(), &pbx));
    crate::gui_support::select(&mut harness, "Home");
    for name in ["🔊 Listen", "Upload WAV…"] {
        let control = button(&harness, name);
        assert!(control.accesskit_node().is_disabled(), "{name}");
        assert!(
            control
                .accesskit_node()
                .description()
                .is_some_and(|d| d.contains("without callprofiles-server")),
            "{name}: {:?}",
            control.accesskit_node().description()
        );
    }
    // Recording by phone is what works, so it stays.
    assert!(!button(&harness, "📞 Record by phone").accesskit_node().is_disabled());

    // Through a server (or the demo) they work.
    pbx.serves_audio.store(true, Ordering::SeqCst);
    harness.state_mut().refresh();
    harness.run();
    assert!(!button(&harness, "Upload WAV…").accesskit_node().is_disabled());
    Ok(())
}

#[test]
fn after_record_by_phone_the_greetings_are_read_again_a_few_times_without_idle_repaints() -> TestResult {
    use callprofiles_core::GreetingSlot;
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.set("home", &["voicemail.greeting=3", "routing=forward:+48600100200"])?;
    let pbx = PbxHandles::new(CallOutcome::Answered);
    // Tall enough that the greeting's buttons are in sight.
    let mut harness = Harness::builder()
        .with_size([1000.0, 1400.0])
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut MainApp| app.frame_ui(ui), pbx_app(home.path(), &pbx));
    harness.run();
    crate::gui_support::select(&mut harness, "Home");
    let unrecorded = "Greeting 3 is not recorded";
    assert!(shows(&harness, unrecorded));
    click(&mut harness, "📞 Record by phone");
    let delay = repaint_delay(&harness);
    assert!(
        delay >= Duration::from_secs(1) && delay <= Duration::from_secs(30),
        "a wake-up later (the notice fading, the greetings read again), not a repaint per frame: {delay:?}"
    );
    // The caller records greeting 3 on the phone meanwhile.
    let mailbox = DemoMailbox::new(home.path());
    let wav = mailbox.greeting_audio(GreetingSlot::new(1)?)?;
    mailbox.upload_greeting(GreetingSlot::new(3)?, &wav)?;
    assert!(shows(&harness, unrecorded), "read again too early");
    // 31 s of frames at 60 per second: the first re-read is at 30 s.
    for _ in 0..(31 * 60) {
        harness.step();
    }
    harness.run();
    assert!(!shows(&harness, unrecorded), "the new greeting was not read");
    assert!(
        harness
            .query_by(|node| node.value().is_some_and(|v| v == "Greeting 3 — recorded"))
            .is_some()
    );
    assert_eq!(
        repaint_delay(&harness),
        Duration::MAX,
        "idle once the greeting is recorded"
    );
    Ok(())
}
