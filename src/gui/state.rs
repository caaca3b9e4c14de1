//! What the app remembers between runs (through eframe's storage): the language choice.

use serde::{Deserialize, Serialize};

use crate::gui::i18n::LanguageChoice;

/// The key of [`State`] in eframe's storage.
pub const STATE_KEY: &str = "callprofiles-state";

/// The persisted part of the app's state; everything else (worker, drafts, dialogs) is rebuilt at start.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The language the user chose in the app.
    pub language: LanguageChoice,
}

impl State {
    /// Loads the state from eframe's storage, or the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value(storage, STATE_KEY))
            .unwrap_or_default()
    }

    /// Stores the state.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STATE_KEY, self);
    }
}
