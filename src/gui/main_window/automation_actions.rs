//! Running the automation commands of the main window: save the rules, until, resume the schedule, learn a
//! network, start at login.

use super::MainApp;
use crate::gui::command::AutomationCommand;

impl MainApp {
    /// Runs one automation command.
    pub(super) fn automation(&mut self, command: AutomationCommand) {
        match command {
            AutomationCommand::SaveRules(_)
            | AutomationCommand::ActivateUntil { .. }
            | AutomationCommand::ResumeSchedule
            | AutomationCommand::LearnNetwork
            | AutomationCommand::SetAutostart(_) => {}
        }
    }
}
