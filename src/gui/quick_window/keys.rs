//! The quick window's keys: 1…7 activate the n-th profile, D shows Detected in the main window, M the
//! voicemail messages, Esc closes.

use egui::{Key, Modifiers};

use super::QuickCommand;

/// The key of Detected, as shown beside it.
pub const DETECTED_KEY_NAME: &str = "D";

/// The key of the voicemail messages, as shown beside their count.
pub const MESSAGES_KEY_NAME: &str = "M";

/// How many profiles have a number key (3 built-in + 4 custom).
pub const NUMBERED: usize = 7;

/// The key that activates the profile at `index` (0-based): 1…7.
pub fn number_key(index: usize) -> Option<Key> {
    (index < NUMBERED)
        .then(|| Key::from_name(&(index + 1).to_string()))
        .flatten()
}

/// The commands the keyboard asks for this frame (none while a profile is being applied); D only counts
/// while `detected`.
pub fn keys_ui(ui: &mut egui::Ui, busy: bool, detected: bool) -> Vec<QuickCommand> {
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
        if detected && input.consume_key(Modifiers::NONE, Key::D) {
            commands.push(QuickCommand::ShowDetected);
        }
        if input.consume_key(Modifiers::NONE, Key::M) {
            commands.push(QuickCommand::ShowMessages);
        }
        if input.consume_key(Modifiers::NONE, Key::Escape) {
            commands.push(QuickCommand::Close);
        }
    });
    commands
}
