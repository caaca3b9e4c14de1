//! Helpers for the connection-form tests: the real main window with its phone worker on a real thread (so
//! the form's progress can be seen while a connection is tested), and a user's way through the form.

#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use callprofiles::gui::main_window::{FileChooser, MainApp};
use callprofiles::gui::model::Model;
use callprofiles::gui::state::State;
use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
use callprofiles::text::i18n::Language;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, Node};

/// The result of a test.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The main window over `home` with a threaded worker re-reading every `interval`, once its first read is in.
pub fn window(home: &Path, language: Language, interval: Duration) -> Result<Harness<'static, MainApp>, String> {
    let worker = PhoneWorker::spawn_every(WorkerCore::open(home), egui::Context::default(), interval)
        .map_err(|e| format!("cannot start the worker: {e}"))?;
    let app = MainApp::new(
        Model::new(worker),
        State::default(),
        Some(language),
        FileChooser::typed_path(),
    );
    let mut harness = Harness::builder()
        .with_size([1000.0, 760.0])
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut MainApp| app.frame_ui(ui), app);
    wait_until(&mut harness, "the first read", Duration::from_secs(10), |app| {
        app.model.loaded()
    })?;
    Ok(harness)
}

/// Runs frames until `done` holds, at most `limit`; returns how long it took.
pub fn wait_until(
    harness: &mut Harness<'static, MainApp>,
    what: &str,
    limit: Duration,
    done: impl Fn(&MainApp) -> bool,
) -> Result<Duration, String> {
    let started = Instant::now();
    loop {
        harness.step();
        if done(harness.state()) {
            settle(harness);
            return Ok(started.elapsed());
        }
        if started.elapsed() > limit {
            return Err(format!("{what}: not within {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Lets the window draw what changed (a spinner may keep it busy: a few frames then).
pub fn settle(harness: &mut Harness<'static, MainApp>) {
    if harness.run_ok().is_none() {
        harness.run_steps(3);
    }
}

/// The button whose accessible name contains `text`.
pub fn button<'a>(harness: &'a Harness<'static, MainApp>, text: &'a str) -> Node<'a> {
    harness.get_by(move |node| node.role() == Role::Button && node.label().is_some_and(|l| l.contains(text)))
}

/// Clicks the button whose accessible name contains `text`.
pub fn click(harness: &mut Harness<'static, MainApp>, text: &str) {
    button(harness, text).click();
    settle(harness);
}

/// Whether some node's accessible name, value or placeholder (an empty field's hint) contains `text`.
pub fn shows(harness: &Harness<'static, MainApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
        || harness
            .query_all_by(|node| {
                node.value().is_some_and(|v| v.contains(text)) || node.placeholder().is_some_and(|p| p.contains(text))
            })
            .next()
            .is_some()
}

/// Whether the node is disabled.
pub fn disabled(node: &Node<'_>) -> bool {
    node.accesskit_node().is_disabled()
}

/// Replaces the text of the field labelled `label` with `text`.
pub fn type_into(harness: &mut Harness<'static, MainApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    settle(harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(harness);
    harness.get_by_label(label).type_text(text);
    settle(harness);
}

/// What the user types into the Asterisk part of the form.
pub struct Typed<'a> {
    /// Host.
    pub host: &'a str,
    /// Port.
    pub port: &'a str,
    /// AMI user name.
    pub username: &'a str,
    /// Extension.
    pub extension: &'a str,
    /// AMI secret.
    pub secret: &'a str,
}

/// Opens the form from the toolbar, chooses Asterisk and fills in every field.
pub fn fill_asterisk_form(harness: &mut Harness<'static, MainApp>, typed: &Typed<'_>) {
    click(harness, "Phone system…");
    harness.get_by_label("Asterisk or FreePBX (over AMI)").click();
    settle(harness);
    type_into(harness, "Host", typed.host);
    type_into(harness, "Port", typed.port);
    type_into(harness, "AMI user name", typed.username);
    type_into(harness, "Your extension", typed.extension);
    type_into(harness, "AMI secret", typed.secret);
}

/// The sentence the form shows as the result of its last request.
pub fn form_result(app: &MainApp) -> Option<String> {
    app.connection_form()?.result.as_ref().map(|notice| notice.text.clone())
}
