//! Running the connection form's commands on the worker, and showing their results in the form.

use callprofiles_core::config::PhoneSystemConfig;
use callprofiles_core::remote::FirstSync;
use fluent_bundle::FluentValue;

use super::{ConnectionForm, Pending, SavedSecret};
use crate::gui::cancel::CancelFlag;
use crate::gui::command::ConnectionCommand;
use crate::gui::main_window::{MainApp, Notice};
use crate::gui::model::{Busy, Finished};
use crate::gui::worker::{Outcome, WorkerRequest};
use crate::text::error_text::error_text;
use crate::text::i18n::I18n;

impl MainApp {
    /// Runs one command of the connection form.
    pub(in crate::gui::main_window) fn connection_command(&mut self, command: ConnectionCommand) {
        match command {
            ConnectionCommand::Open => self.connection = Some(ConnectionForm::new(&self.model)),
            ConnectionCommand::Close => {
                // Closing while a test runs cancels it: nothing is saved behind the user's back.
                if let Some(cancel) = self.connection.take().and_then(|form| form.cancel) {
                    cancel.cancel();
                }
            }
            ConnectionCommand::Connect { config, secret } => {
                let address = config.address();
                let cancel = CancelFlag::default();
                let ticket = self.model.request(
                    WorkerRequest::ConnectUnless(PhoneSystemConfig::Asterisk(config), secret, cancel.clone()),
                    Some(Busy::Connecting(address.clone())),
                );
                if let Some(form) = self.connection.as_mut() {
                    form.started(ticket, Pending::Connecting(address));
                    form.cancel = Some(cancel);
                }
            }
            ConnectionCommand::Cancel => {
                if let Some(form) = self.connection.as_mut()
                    && let Some(cancel) = form.cancel.take()
                {
                    cancel.cancel();
                    form.pending = None;
                    form.result = Some(Notice::info(self.i18n.tr("conn-cancelled")));
                }
            }
            ConnectionCommand::ConnectServer(request) => {
                let url = request.url.to_string();
                let ticket = self.model.request(
                    WorkerRequest::ConnectServer(request),
                    Some(Busy::Connecting(url.clone())),
                );
                if let Some(form) = self.connection.as_mut() {
                    form.started(ticket, Pending::Server(url));
                }
            }
            ConnectionCommand::SignOut => {
                let url = self.model.server().map(|s| s.url.to_string()).unwrap_or_default();
                // Leaving the server signs this computer out (core's connect revokes the device token).
                let ticket = self.model.request(
                    WorkerRequest::Connect(PhoneSystemConfig::Builtin, None),
                    Some(Busy::Saving),
                );
                if let Some(form) = self.connection.as_mut() {
                    form.started(ticket, Pending::Server(url));
                }
            }
            ConnectionCommand::UseBuiltin => {
                let ticket = self.model.request(
                    WorkerRequest::Connect(PhoneSystemConfig::Builtin, None),
                    Some(Busy::Saving),
                );
                if let Some(form) = self.connection.as_mut() {
                    form.started(ticket, Pending::Builtin);
                }
            }
        }
    }

    /// Shows a finished connection request's result in the form (returns whether it did, so that the
    /// status line does not say it again); after a switch, the sidebar follows the profile that is active on
    /// the new phone system (unless an edit is in progress).
    pub(in crate::gui::main_window) fn connection_finished(&mut self, done: &Finished) -> bool {
        let switched = matches!(
            done.result,
            Ok(Outcome::Connected(_) | Outcome::UsingBuiltin | Outcome::ConnectedServer { .. })
        );
        if switched && !self.has_unsaved_changes() {
            self.selection_settled = false;
        }
        if matches!(done.result, Ok(Outcome::ConnectCancelled)) {
            return true;
        }
        let Some(form) = self.connection.as_mut() else {
            return false;
        };
        if form.pending.as_ref().map(|(ticket, _)| *ticket) != Some(done.ticket) {
            return false;
        }
        form.pending = None;
        form.cancel = None;
        form.result = Some(match &done.result {
            Ok(outcome) => Notice::info(outcome_text(&self.i18n, outcome).unwrap_or_default()),
            Err(error) => Notice::error(format!(
                "{} {}",
                error_text(&self.i18n, error),
                self.i18n.tr("conn-failed-kept")
            )),
        });
        if let Ok(Outcome::ConnectedServer { .. }) = &done.result {
            // The code is single use: it leaves the form once it worked.
            form.server.code.clear();
        }
        if let Ok(Outcome::Connected(config)) = &done.result {
            // The typed secret is saved now and leaves the form (a failed attempt keeps it for a retry);
            // leaving the field empty keeps the saved one.
            form.fields.secret.clear();
            if form.saved != SavedSecret::Environment {
                form.saved = config
                    .secret_file
                    .clone()
                    .map_or(SavedSecret::Nothing, SavedSecret::File);
            }
        }
        true
    }
}

/// The sentence for a finished switch of the phone system (`None` for other outcomes).
pub fn outcome_text(i18n: &I18n, outcome: &Outcome) -> Option<String> {
    match outcome {
        Outcome::Connected(config) => Some(i18n.tr_args(
            "conn-connected",
            &[
                ("address", FluentValue::from(config.address())),
                ("extension", FluentValue::from(config.extension.to_string())),
            ],
        )),
        Outcome::UsingBuiltin => Some(i18n.tr("conn-using-builtin")),
        Outcome::ConnectedServer { url, extension, sync } => {
            let connected = i18n.tr_args(
                "conn-server-connected",
                &[
                    ("url", FluentValue::from(url.to_string())),
                    ("extension", FluentValue::from(extension.to_string())),
                ],
            );
            let profiles = match sync {
                FirstSync::Uploaded => i18n.tr("cli-connect-uploaded"),
                FirstSync::ServerKept { backup } => i18n.tr_args(
                    "cli-connect-server-kept",
                    &[("path", FluentValue::from(backup.display().to_string()))],
                ),
                FirstSync::ServerKeptNothingLocal => i18n.tr("cli-connect-server-kept-nothing"),
            };
            Some(format!("{connected} {profiles}"))
        }
        _ => None,
    }
}
