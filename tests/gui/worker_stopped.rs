//! A worker thread that dies is shown as stopped (never "busy" for ever), and the window restarts it.

use std::time::{Duration, Instant};

use callprofiles::gui::main_window::{FileChooser, MainApp};
use callprofiles::gui::model::Model;
use callprofiles::gui::state::State;
use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
use callprofiles::text::i18n::Language;
use callprofiles_core::{
    ApplicableSettings, BuiltIn, PhoneError, PhoneSystem, PhoneSystemDescription, PhoneSystemKind, Settings,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::gui_support::{TestResult, button};

/// A phone system whose every read brings its thread down (a bug in a phone system, as the worker meets it).
struct Crashing;

impl PhoneSystem for Crashing {
    fn description(&self) -> PhoneSystemDescription {
        PhoneSystemDescription {
            kind: PhoneSystemKind::Asterisk,
            computer_audio: false,
            summary: "Crashing PBX".to_owned(),
        }
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        panic!("the test phone system crashes the worker");
    }

    fn write(&mut self, _settings: &ApplicableSettings) -> Result<(), PhoneError> {
        panic!("the test phone system crashes the worker");
    }
}

/// Runs frames until `done` holds or five seconds pass; returns whether it held.
fn wait_for(harness: &mut Harness<'static, MainApp>, done: impl Fn(&Harness<'static, MainApp>) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        harness.step();
        if done(harness) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn a_dead_worker_is_shown_and_restarted_from_the_window() -> TestResult {
    let home = tempfile::tempdir()?;
    let core = WorkerCore::with_phone_system(home.path(), Box::new(Crashing));
    let worker = PhoneWorker::spawn_every(core, egui::Context::default(), Duration::from_millis(50))?;
    let app = MainApp::new(
        Model::new(worker),
        State::default(),
        Some(Language::English),
        FileChooser::typed_path(),
    );
    // Stepped, not run to rest: the window shows a spinner while it starts.
    let mut harness = Harness::builder()
        .with_size([1000.0, 760.0])
        .build_ui_state(|ui, app: &mut MainApp| app.frame_ui(ui), app);
    let stopped = |h: &Harness<'static, MainApp>| h.query_by_label_contains("has stopped").is_some();
    assert!(wait_for(&mut harness, stopped), "the stopped worker is shown");

    // A request sent to the dead worker does not leave the window busy.
    harness.state_mut().model.activate(&BuiltIn::Mobile.id(), "Mobile");
    assert!(wait_for(&mut harness, |h| !h.state().model.busy()));
    assert!(harness.state().model.worker_stopped());

    // Restarted over the home as config.json says (the built-in demo), it reads and reports again.
    button(&harness, "Restart it").click();
    let ready = |h: &Harness<'static, MainApp>| h.query_by_label_contains("Ready").is_some() && !stopped(h);
    assert!(wait_for(&mut harness, ready), "the restarted worker reads the demo");
    assert!(!harness.state().model.worker_stopped());
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));
    Ok(())
}
