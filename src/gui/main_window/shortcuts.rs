//! Keyboard shortcuts: Ctrl+1…7 activates the n-th profile, Ctrl+S saves, Ctrl+N adds, Ctrl+M shows the
//! voicemail messages, Esc reverts (unless a
//! list is open: then Esc only closes it), Ctrl+Q closes the window.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::MainApp;
use crate::gui::command::{Dialog, Selection, UiCommand};

/// The keys of Ctrl+1…7, in order.
const NUMBER_KEYS: [Key; 7] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
];

/// The shortcut that adds a profile.
pub const ADD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// The shortcut that saves the edit.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// The shortcut that shows the voicemail messages.
pub const MESSAGES: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::M);
/// The shortcut that closes the window.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// The commands the keyboard asks for this frame (none while a dialog is open: it handles its own keys).
pub fn shortcuts_ui(ui: &mut egui::Ui, app: &MainApp) -> Vec<UiCommand> {
    if app.dialog().is_some() || app.model.store_problem().is_some() {
        return Vec::new();
    }
    let mut commands = Vec::new();
    // Esc with a list open is for the list (it closes on that key): the edit must not be reverted by it.
    let popup_open = egui::Popup::is_any_open(ui.ctx());
    ui.input_mut(|input| {
        for (index, key) in NUMBER_KEYS.into_iter().enumerate() {
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                commands.push(UiCommand::ActivateNth(index));
            }
        }
        if input.consume_shortcut(&SAVE) && app.draft().is_some_and(|d| d.savable()) {
            commands.push(UiCommand::Save);
        }
        if input.consume_shortcut(&ADD) && app.model.book().is_some_and(|b| b.custom_slots_left() > 0) {
            commands.push(UiCommand::Open(Dialog::Add { name: String::new() }));
        }
        if input.consume_shortcut(&MESSAGES) {
            commands.push(UiCommand::Select(Selection::Messages));
        }
        if input.consume_shortcut(&QUIT) {
            commands.push(UiCommand::Quit);
        }
        if !popup_open && app.has_unsaved_changes() && input.consume_key(Modifiers::NONE, Key::Escape) {
            commands.push(UiCommand::Revert);
        }
    });
    commands
}
