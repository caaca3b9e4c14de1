//! Helpers for the GUI tests: the real main window over a temporary home and the built-in demo phone system,
//! with its worker running each request synchronously so every frame is deterministic.

#![allow(dead_code)]

pub mod pbx;

use std::path::Path;

use callprofiles::gui::inline_main_app;
use callprofiles::gui::main_window::MainApp;
use callprofiles::text::i18n::Language;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, Node};

/// The result of a test.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The main window over `home`, in `language`, after its first frames.
pub fn window(home: &Path, language: Language) -> Harness<'static, MainApp> {
    harness_of(inline_main_app(home, language))
}

/// A harness running `app` (the main window), after its first frames.
pub fn harness_of(app: MainApp) -> Harness<'static, MainApp> {
    let mut harness = Harness::builder()
        .with_size([1000.0, 760.0])
        // Real-time-like frames, so that two clicks in a row make a double-click.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut MainApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// The main window over a new empty home (kept alive by the returned directory).
pub fn fresh_window(language: Language) -> Result<(tempfile::TempDir, Harness<'static, MainApp>), std::io::Error> {
    let home = tempfile::tempdir()?;
    let harness = window(home.path(), language);
    Ok((home, harness))
}

/// The sidebar row (a button) whose accessible name starts with `name`.
pub fn row<'a>(harness: &'a Harness<'static, MainApp>, name: &'a str) -> Node<'a> {
    harness.get_by(move |node| node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(name)))
}

/// Clicks the sidebar row of `name` and lets the window settle.
pub fn select(harness: &mut Harness<'static, MainApp>, name: &str) {
    row(harness, name).click();
    harness.run();
}

/// The button named exactly `text`, else the only one whose name starts with `text`, else the only one
/// whose name contains `text`.
pub fn button<'a>(harness: &'a Harness<'static, MainApp>, text: &'a str) -> Node<'a> {
    let is_button = |node: &egui_kittest::kittest::AccessKitNode<'_>| node.role() == Role::Button;
    if let Some(exact) = harness.query_by(move |node| is_button(node) && node.label().is_some_and(|l| l == text)) {
        return exact;
    }
    let starting =
        harness.query_all_by(move |node| is_button(node) && node.label().is_some_and(|l| l.starts_with(text)));
    let mut starting: Vec<Node<'a>> = starting.collect();
    if starting.len() == 1
        && let Some(only) = starting.pop()
    {
        return only;
    }
    harness.get_by(move |node| is_button(node) && node.label().is_some_and(|l| l.contains(text)))
}

/// Whether a button whose accessible name contains `text` exists.
pub fn has_button(harness: &Harness<'static, MainApp>, text: &str) -> bool {
    harness
        .query_by(move |node| node.role() == Role::Button && node.label().is_some_and(|l| l.contains(text)))
        .is_some()
}

/// Whether some node's accessible name contains `text`.
pub fn shows(harness: &Harness<'static, MainApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Whether a node is disabled.
pub fn disabled(node: &Node<'_>) -> bool {
    node.accesskit_node().is_disabled()
}

/// Clicks the button containing `text` and lets the window settle.
pub fn click(harness: &mut Harness<'static, MainApp>, text: &str) {
    button(harness, text).click();
    harness.run();
}

/// Replaces the text of the field labelled `label` with `text` and lets the window settle.
pub fn type_into(harness: &mut Harness<'static, MainApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// The viewport commands the window (main or quick) sent in the last frame.
pub fn root_commands<State>(harness: &Harness<'static, State>) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|output| output.commands.clone())
        .unwrap_or_default()
}

/// Asks the window to close (as its title bar's ×), returns the viewport commands of that frame.
pub fn close_window(harness: &mut Harness<'static, MainApp>) -> Vec<egui::ViewportCommand> {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    root_commands(harness)
}
