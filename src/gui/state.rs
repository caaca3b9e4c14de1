//! What the app remembers between runs (through eframe's storage): the language choice.

use serde::{Deserialize, Serialize};

use crate::text::i18n::LanguageChoice;

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

    /// Reads the state the main window saved in `file` (eframe's RON key-value file) without opening
    /// eframe's storage, so the quick window can follow the language chosen in the main window.
    /// `None` when the file is missing or unreadable.
    pub fn read_saved(file: &std::path::Path) -> Option<Self> {
        // Bounded, and never waiting on a FIFO or a device planted there.
        let bytes = callprofiles_core::atomic_file::read_limited(file, 4 * 1024 * 1024).ok()??;
        let values: std::collections::HashMap<String, String> = ron::de::from_bytes(&bytes).ok()?;
        ron::from_str(values.get(STATE_KEY)?).ok()
    }

    /// Stores the state.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STATE_KEY, self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::Language;

    #[test]
    fn reads_what_eframe_storage_wrote() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("gui-main.ron");
        let state = State {
            language: LanguageChoice::Fixed(Language::Polish),
        };
        let mut values = std::collections::HashMap::new();
        values.insert(STATE_KEY.to_owned(), ron::to_string(&state)?);
        values.insert("egui".to_owned(), "()".to_owned());
        std::fs::write(&file, ron::to_string(&values)?)?;
        assert_eq!(State::read_saved(&file), Some(state));
        assert_eq!(State::read_saved(&dir.path().join("missing.ron")), None);
        std::fs::write(&file, "not ron at all (")?;
        assert_eq!(State::read_saved(&file), None);
        // A FIFO planted in its place gives nothing at once instead of waiting for a writer.
        std::fs::remove_file(&file)?;
        assert!(std::process::Command::new("mkfifo").arg(&file).status()?.success());
        assert_eq!(State::read_saved(&file), None);
        Ok(())
    }
}
