//! Running the automation commands of the main window — save the rules, until, resume the schedule, learn
//! a network, start at login — and placing a refusal of the rules under the row it is about.

use callprofiles_core::CoreError;

use super::{AfterFinish, MainApp, Notice};
use crate::gui::automation::draft::refused_row;
use crate::gui::command::AutomationCommand;
use crate::gui::model::Busy;
use crate::gui::worker::WorkerRequest;
use crate::text::error_text::error_text;

impl MainApp {
    /// Runs one automation command.
    pub(super) fn automation(&mut self, command: AutomationCommand) {
        match command {
            AutomationCommand::SaveRules(rules) => {
                let ticket = self.model.request(WorkerRequest::SaveRules(rules), Some(Busy::Saving));
                self.after.insert(ticket, AfterFinish::SaveRules);
            }
            AutomationCommand::ActivateUntil { id, hold, afterwards } => {
                let Some(until) = self.model.until(hold, afterwards) else {
                    return;
                };
                let name = self.shown_name(&id);
                self.model
                    .request(WorkerRequest::ActivateUntil(id, until), Some(Busy::Applying(name)));
            }
            AutomationCommand::ResumeSchedule => {
                self.model.request(WorkerRequest::ClearHold, Some(Busy::Saving));
            }
            AutomationCommand::LearnNetwork | AutomationCommand::SetAutostart(_) => {
                self.notice = Some(Notice::error(self.i18n.tr("rules-desktop-unavailable")));
            }
        }
    }

    /// Shows a refusal of the rules under the row it is about; returns whether it did (else the status
    /// line says it).
    pub(super) fn refused_rules(&mut self, error: &CoreError) -> bool {
        let Some(row) = refused_row(error) else {
            return false;
        };
        self.rules.refuse(row, error_text(&self.i18n, error));
        true
    }
}
