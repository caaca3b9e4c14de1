//! The quick window's keys: 1…7 activate the n-th profile, Esc closes.

use egui::{Key, Modifiers};

use super::QuickCommand;

/// How many profiles have a number key (3 built-in + 4 custom).
pub const NUMBERED: usize = 7;

/// The key that activates the profile at `index` (0-based): 1…7.
pub fn number_key(index: usize) -> Option<Key> {
    (index < NUMBERED)
        .then(|| Key::from_name(&(index + 1).to_string()))
        .flatten()
}

/// The commands the keyboard asks for this frame (none while a profile is being applied).
pub fn keys_ui(ui: &mut egui::Ui, busy: bool) -> Vec<QuickCommand> {
    if busy {
        return Vec::new();
    }
    let mut commands = Vec::new();
    ui.input_mut(|input| {
        for index in 0..NUMBERED {
            if let Some(key) = number_key(index)
                && input.consume_key(Modifiers::NONE, key)
            {
                commands.push(QuickCommand::ActivateNth(index));
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Escape) {
            commands.push(QuickCommand::Close);
        }
    });
    commands
}
