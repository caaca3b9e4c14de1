//! Helpers for the quick-window tests: the real window over a temporary home and a phone system, its
//! buttons found by their accessible names, and the viewport commands it sends.

#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use callprofiles::gui::model::Model;
use callprofiles::gui::quick_window::QuickApp;
use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
use callprofiles::text::i18n::Language;
use callprofiles_core::{Callprofiles, PhoneSystem};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, Node};

/// The result of a test.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The quick window's harness.
pub type Quick = Harness<'static, QuickApp>;

/// The quick window over `app`, after its first frame.
pub fn harness(app: QuickApp) -> Quick {
    let mut harness = Harness::builder()
        .with_size([callprofiles::gui::quick_window::WIDTH, 520.0])
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut QuickApp| app.frame_ui(ui), app);
    harness.step();
    harness
}

/// The quick window over `home` and its demo phone system (each request runs at once), settled: it stops
/// repainting when nothing happens.
pub fn quick(home: &Path, language: Language) -> Quick {
    let mut harness = harness(QuickApp::inline(home, language));
    harness.run();
    harness
}

/// The quick window over `home` with another phone system, its worker on its own thread.
pub fn threaded(home: &Path, phone: Box<dyn PhoneSystem>) -> std::io::Result<QuickApp> {
    let worker = PhoneWorker::spawn(WorkerCore::with_phone_system(home, phone), egui::Context::default())?;
    Ok(QuickApp::new(Model::new(worker), Language::English))
}

/// A home where every built-in profile can be applied (Mobile and Home have their numbers).
pub fn ready_home() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.set("Mobile", &["routing=twinning:600100200"])?;
    service.set("Home", &["routing=forward:+48 22 123 45 67"])?;
    Ok(home)
}

/// The button whose accessible name starts with `name` (profile buttons read "Office, active, key 1").
pub fn entry<'a>(harness: &'a Quick, name: &'a str) -> Node<'a> {
    harness.get_by(move |node| node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(name)))
}

/// The accessible names of every button, top to bottom.
pub fn button_names(harness: &Quick) -> Vec<String> {
    harness
        .query_all_by(|node| node.role() == Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .collect()
}

/// Whether some node's accessible name contains `text`.
pub fn shows(harness: &Quick, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// The viewport commands the window sent in the last frame.
pub fn commands(harness: &Quick) -> Vec<egui::ViewportCommand> {
    crate::gui_support::root_commands(harness)
}

/// Whether the window asked to close within `frames` frames.
pub fn closes_within(harness: &mut Quick, frames: usize) -> bool {
    (0..frames).any(|_| {
        harness.step();
        commands(harness).contains(&egui::ViewportCommand::Close)
    })
}

/// Steps the window (with real time passing, for a worker thread) until `done` holds or 5 s pass.
pub fn step_until(harness: &mut Quick, done: impl Fn(&Quick) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        harness.step();
        if done(harness) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}
