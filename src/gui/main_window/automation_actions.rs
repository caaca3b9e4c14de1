//! Running the automation commands of the main window — save the rules, until, resume the schedule, learn
//! a network, start at login — and placing a refusal of the rules under the row it is about.

use callprofiles_core::automation::NetworkSignature;
use callprofiles_core::{AutomationError, CoreError, ProfileId};

use super::{AfterFinish, MainApp, Notice};
use crate::gui::automation::draft::{NetworkRow, refused_row};
use crate::gui::automation::until::{Afterwards, Hold};
use crate::gui::command::{Activation, AutomationCommand};
use crate::gui::model::Busy;
use crate::gui::worker::WorkerRequest;
use crate::text::error_text::error_text;
use crate::text::i18n::I18n;
use crate::text::rules_text::window_words;

impl MainApp {
    /// Runs one automation command.
    pub(super) fn automation(&mut self, command: AutomationCommand) {
        match command {
            AutomationCommand::SaveRules(rules) => {
                let ticket = self.model.request(WorkerRequest::SaveRules(rules), Some(Busy::Saving));
                self.after.insert(ticket, AfterFinish::SaveRules);
            }
            AutomationCommand::ActivateUntil { id, hold, afterwards } => {
                let then = Activation::Until {
                    id: id.clone(),
                    hold,
                    afterwards,
                };
                if !self.asked_about_greeting(&id, then) {
                    self.activate_until_unasked(id, hold, afterwards);
                }
            }
            AutomationCommand::ResumeSchedule => {
                self.model.request(WorkerRequest::ClearHold, Some(Busy::Saving));
            }
            AutomationCommand::LearnNetwork => self.learn_network(),
        }
    }

    /// Applies a profile until `hold` ends without asking anything; the end counts from now.
    pub(super) fn activate_until_unasked(&mut self, id: ProfileId, hold: Hold, afterwards: Afterwards) {
        let Some(until) = self.model.until(hold, afterwards) else {
            return;
        };
        let name = self.shown_name(&id);
        self.model
            .request(WorkerRequest::ActivateUntil(id, until), Some(Busy::Applying(name)));
    }

    /// Adds the network the desktop last reported to the rules being edited (a gateway's MAC when known,
    /// else the Wi-Fi name, else the subnet: core's `NetworkSignature::learn`), or says why it cannot.
    fn learn_network(&mut self) {
        let observed = self.model.automation().and_then(|view| view.situation.network.clone());
        let Some(network) = observed.as_ref().and_then(NetworkSignature::learn) else {
            self.notice = Some(Notice::error(self.i18n.tr("rules-learn-none")));
            return;
        };
        let networks = &mut self.rules.draft.networks;
        if let Some(index) = networks.iter().position(|row| row.network == network) {
            self.notice = Some(Notice::error(
                self.i18n
                    .tr_args("rules-learn-known", &[("number", (index + 1).into())]),
            ));
            return;
        }
        // The Wi-Fi name is a good first name for it; otherwise the user names it (the row asks).
        let label = observed
            .and_then(|observed| observed.wifi)
            .map(|ssid| ssid.as_str().chars().take(32).collect())
            .unwrap_or_default();
        networks.push(NetworkRow {
            label,
            network,
            profile: None,
        });
    }

    /// Shows a refusal of the rules under the row it is about; returns whether it did (else the status
    /// line says it).
    pub(super) fn refused_rules(&mut self, error: &CoreError) -> bool {
        let Some(row) = refused_row(error) else {
            return false;
        };
        self.rules.refuse(row, refusal_text(&self.i18n, error));
        true
    }
}

/// Core's sentence for refused rules; overlapping windows are named in the window's words ("Mon–Fri
/// 08:00–16:00", not the command line's `mon-fri 08:00-16:00`).
fn refusal_text(i18n: &I18n, error: &CoreError) -> String {
    match error {
        CoreError::Automation(AutomationError::OverlappingWindows {
            first,
            first_text,
            second,
            second_text,
            day,
        }) => {
            let localized = AutomationError::OverlappingWindows {
                first: *first,
                first_text: window_words(i18n, first_text),
                second: *second,
                second_text: window_words(i18n, second_text),
                day: day.clone(),
            };
            error_text(i18n, &CoreError::Automation(localized))
        }
        _ => error_text(i18n, error),
    }
}
