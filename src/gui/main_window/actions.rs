//! Running the user's commands after a frame, and reacting to the worker's answers.

use callprofiles_core::{CoreError, DetectedTarget, PhoneNumber, ProfileId, ProfileName};
use fluent_bundle::FluentValue;

use super::{AfterFinish, MainApp, Notice};
use crate::gui::command::{Dialog, Leave, Selection, UiCommand};
use crate::gui::model::{Busy, Finished};
use crate::gui::worker::{Outcome, WorkerRequest};
use crate::text::call_text::call_outcome_text;
use crate::text::error_text::{error_text, input_error_text};
use crate::text::i18n::{I18n, LanguageChoice};

impl MainApp {
    /// Runs one command.
    pub(super) fn run(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::Select(selection) => self.leave(ctx, Leave::Select(selection)),
            UiCommand::SelectAndActivate(id) => self.leave(ctx, Leave::SelectAndActivate(id)),
            UiCommand::Activate(id) => self.activate(&id),
            UiCommand::ActivateNth(index) => {
                if let Some(profile) = self.model.profiles().get(index) {
                    self.activate(&profile.id);
                }
            }
            UiCommand::Save => {
                self.save();
            }
            UiCommand::Revert => {
                if let Some(draft) = self.draft.as_mut() {
                    *draft = crate::gui::draft::Draft::new(draft.id.clone(), &draft.base);
                }
            }
            UiCommand::Open(dialog) => self.dialog = Some(dialog),
            UiCommand::CloseDialog => self.dialog = None,
            UiCommand::Create(name) => {
                self.dialog = None;
                let from = self.draft.as_ref().map(|draft| draft.id.clone());
                if let Some(name) = self.checked_name(&name) {
                    self.model
                        .request(WorkerRequest::Create(name, from), Some(Busy::Saving));
                }
            }
            UiCommand::Rename(id, name) => {
                self.dialog = None;
                if let Some(name) = self.checked_name(&name) {
                    self.model.request(WorkerRequest::Rename(id, name), Some(Busy::Saving));
                }
            }
            UiCommand::Delete(id) => {
                self.dialog = None;
                self.model.request(WorkerRequest::Delete(id), Some(Busy::Saving));
            }
            UiCommand::SaveDetectedAsNew(name) => {
                self.dialog = None;
                if let Some(name) = self.checked_name(&name) {
                    let target = DetectedTarget::New(name);
                    self.model
                        .request(WorkerRequest::SaveDetected(target), Some(Busy::Saving));
                }
            }
            UiCommand::SaveDetectedInto(id) => {
                self.dialog = None;
                let target = DetectedTarget::Into(id);
                self.model
                    .request(WorkerRequest::SaveDetected(target), Some(Busy::Saving));
            }
            UiCommand::SaveAndLeave(then) => {
                self.dialog = None;
                if let Some(ticket) = self.save() {
                    self.after.insert(ticket, AfterFinish::Leave(then));
                }
            }
            UiCommand::DiscardAndLeave(then) => {
                self.dialog = None;
                self.draft = None;
                self.go(ctx, then);
            }
            UiCommand::MoveAside => {
                self.model.request(WorkerRequest::MoveAside, Some(Busy::Saving));
            }
            UiCommand::ChooseFile(action) => {
                if let Some(dialog) = self.chooser.start(ctx, &self.i18n, action) {
                    self.dialog = Some(dialog);
                }
            }
            UiCommand::ExportTo(path) => {
                self.dialog = None;
                self.model.request(WorkerRequest::Export(path), Some(Busy::Saving));
            }
            UiCommand::ImportFrom(path) => {
                self.dialog = None;
                self.model.request(WorkerRequest::Import(path), Some(Busy::Saving));
            }
            UiCommand::SetLanguage(choice) => self.set_language(choice),
            UiCommand::DismissNotice => self.notice = None,
            UiCommand::Connection(command) => self.connection_command(command),
            UiCommand::Call(number) => {
                self.dialog = None;
                match PhoneNumber::parse(&number) {
                    Ok(parsed) => {
                        self.model
                            .request(WorkerRequest::Call(parsed), Some(Busy::Calling(number)));
                    }
                    Err(error) => self.show_error(&error.into()),
                }
            }
            UiCommand::RestartWorker => self.model.restart_worker(),
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Leaves the current entry, asking first when the edit has unsaved changes.
    fn leave(&mut self, ctx: &egui::Context, then: Leave) {
        let staying = match &then {
            Leave::Select(selection) => selection == &self.selection,
            Leave::SelectAndActivate(id) => self.selection == Selection::Profile(id.clone()),
            Leave::CloseWindow => false,
        };
        if self.has_unsaved_changes() && !staying {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.go(ctx, then);
        }
    }

    /// Does what the user was doing when asked about unsaved changes.
    fn go(&mut self, ctx: &egui::Context, then: Leave) {
        match then {
            Leave::Select(selection) => self.selection = selection,
            Leave::SelectAndActivate(id) => {
                self.selection = Selection::Profile(id.clone());
                self.activate(&id);
            }
            Leave::CloseWindow => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        self.sync_selection();
    }

    /// Applies a saved profile.
    fn activate(&mut self, id: &ProfileId) {
        let name = self.shown_name(id);
        self.model.activate(id, &name);
    }

    /// Saves the edit if it is valid; returns the request's ticket.
    fn save(&mut self) -> Option<crate::gui::worker::Ticket> {
        let draft = self.draft.as_ref()?;
        let settings = match draft.settings() {
            Ok(settings) => settings,
            Err(error) => {
                self.notice = Some(Notice {
                    text: input_error_text(&self.i18n, &error),
                    error: true,
                });
                return None;
            }
        };
        let id = draft.id.clone();
        Some(
            self.model
                .request(WorkerRequest::SaveSettings(id, settings), Some(Busy::Saving)),
        )
    }

    /// A name the dialog checked as typed, parsed by core (a failure, which the dialog prevents, is shown).
    fn checked_name(&mut self, name: &str) -> Option<ProfileName> {
        ProfileName::parse(name)
            .inspect_err(|error| self.show_error(&error.clone().into()))
            .ok()
    }

    /// Shows a failure in the status line.
    fn show_error(&mut self, error: &CoreError) {
        self.notice = Some(Notice {
            text: error_text(&self.i18n, error),
            error: true,
        });
    }

    /// Switches the language (and remembers it).
    fn set_language(&mut self, choice: LanguageChoice) {
        self.state.language = choice;
        self.forced_language = None;
        self.i18n = I18n::new(choice.resolve());
    }

    /// Reacts to a finished request: a message, and the selection of what it created.
    pub(super) fn finish(&mut self, ctx: &egui::Context, done: Finished) {
        let after = self.after.remove(&done.ticket);
        let outcome = match done.result {
            Ok(outcome) => outcome,
            Err(error) => {
                self.notice = Some(Notice {
                    text: error_text(&self.i18n, &error),
                    error: true,
                });
                return;
            }
        };
        let i18n = &self.i18n;
        let name_of = |id: &ProfileId| FluentValue::from(self.shown_name(id));
        let mut bad_news = false;
        let text = match &outcome {
            Outcome::Refreshed => None,
            Outcome::Connected(_) | Outcome::UsingBuiltin | Outcome::ConnectedServer { .. } => {
                super::connection::outcome_text(i18n, &outcome)
            }
            Outcome::CallEnded { placed, outcome } => {
                let (text, bad) = call_outcome_text(i18n, placed, *outcome);
                bad_news = bad;
                Some(text)
            }
            Outcome::CallPlaced(placed) => Some(i18n.tr_args(
                "done-call-placed",
                &[
                    ("remote", placed.remote.as_str().to_owned().into()),
                    ("target", placed.target.as_str().to_owned().into()),
                ],
            )),
            Outcome::Activated(id) => Some(i18n.tr_args("done-activated", &[("profile", name_of(id))])),
            Outcome::Saved { id, applied } => Some(i18n.tr_args(
                if *applied { "done-saved-applied" } else { "done-saved" },
                &[("profile", name_of(id))],
            )),
            Outcome::Created(id) => Some(i18n.tr_args("done-created", &[("profile", name_of(id))])),
            Outcome::Renamed(id) => Some(i18n.tr_args("done-renamed", &[("profile", name_of(id))])),
            Outcome::Deleted(name) => Some(i18n.tr_args("done-deleted", &[("profile", name.clone().into())])),
            Outcome::DetectedSaved(id) => Some(i18n.tr_args("done-detected-saved", &[("profile", name_of(id))])),
            Outcome::MovedAside(path) => {
                Some(i18n.tr_args("done-moved-aside", &[("path", path.display().to_string().into())]))
            }
            Outcome::Exported { path, count } => Some(i18n.tr_args(
                "done-exported",
                &[("count", (*count).into()), ("path", path.display().to_string().into())],
            )),
            Outcome::Imported { path, report } => {
                let count = report.builtin_imported + report.custom_imported;
                let mut text = i18n.tr_args(
                    "done-imported",
                    &[("count", count.into()), ("path", path.display().to_string().into())],
                );
                if report.custom_replaced > 0 {
                    text.push(' ');
                    text.push_str(&i18n.tr_args("done-imported-replaced", &[("count", report.custom_replaced.into())]));
                }
                Some(text)
            }
        };
        if let Some(text) = text {
            self.notice = Some(Notice { text, error: bad_news });
        }
        match outcome {
            Outcome::Created(id) | Outcome::DetectedSaved(id) => {
                self.draft = None;
                self.selection = Selection::Profile(id);
            }
            _ => {}
        }
        match after {
            Some(AfterFinish::Leave(then)) => {
                self.draft = None;
                self.go(ctx, then);
            }
            None => self.sync_selection(),
        }
    }
}
