//! The "start at login" setting as the window shows it: a checkbox applied at once (it is this computer's
//! setting, not a rule, so it is not part of the rules' draft), and the sentence when it could not be
//! changed. The rules view places [`AutostartSetting::ui`]; the file work is `automation::autostart`.

use std::path::{Path, PathBuf};

use crate::automation::autostart::{Autostart, AutostartState};
use crate::text::autostart_text::autostart_error_text;
use crate::text::i18n::I18n;

/// The setting, its state as last read, and why it could not be changed.
pub struct AutostartSetting {
    autostart: Option<Autostart>,
    home: PathBuf,
    program: Option<PathBuf>,
    on: bool,
    problem: Option<String>,
}

impl AutostartSetting {
    /// The user's own autostart entry (`$XDG_CONFIG_HOME/autostart`), starting this program over `home`.
    pub fn for_user(home: &Path) -> Self {
        Self::new(Autostart::for_user().ok(), home, std::env::current_exe().ok())
    }

    /// The entry at `autostart` starting `program` over `home` (tests choose all three).
    pub fn new(autostart: Option<Autostart>, home: &Path, program: Option<PathBuf>) -> Self {
        let on = autostart
            .as_ref()
            .is_some_and(|autostart| autostart.state().is_ok_and(|state| state == AutostartState::On));
        Self {
            autostart,
            home: home.to_owned(),
            program,
            on,
            problem: None,
        }
    }

    /// Whether the app starts at login (as last read or set).
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Why the last change failed, in the user's language.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Turns starting at login on or off now; on failure the checkbox shows what is true and the sentence
    /// says why.
    pub fn set(&mut self, on: bool, i18n: &I18n) {
        let Some(autostart) = &self.autostart else {
            self.problem = Some(autostart_error_text(
                i18n,
                &crate::automation::autostart::AutostartError::NoConfigDir,
            ));
            return;
        };
        let result = match (&self.program, on) {
            (Some(program), true) => autostart.enable(program, &self.home, &i18n.tr("autostart-comment")),
            (None, true) => Err(crate::automation::autostart::AutostartError::NoConfigDir),
            (_, false) => autostart.disable(),
        };
        match result {
            Ok(()) => {
                self.on = on;
                self.problem = None;
            }
            Err(error) => self.problem = Some(autostart_error_text(i18n, &error)),
        }
    }

    /// The checkbox (and the failure under it), applied when clicked.
    pub fn ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        let mut on = self.on;
        if ui.checkbox(&mut on, i18n.tr("autostart-setting")).changed() {
            self.set(on, i18n);
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
    }
}
