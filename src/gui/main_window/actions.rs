//! Running the user's commands after a frame, and reacting to the worker's answers.

use callprofiles_core::{CoreError, DetectedTarget, PhoneNumber, ProfileId, ProfileName, StoreError};
use fluent_bundle::FluentValue;

use super::{AfterFinish, MainApp, Notice};
use crate::gui::command::{Activation, Dialog, ImportCheck, Leave, Selection, UiCommand};
use crate::gui::draft::Draft;
use crate::gui::model::{Busy, Finished};
use crate::gui::worker::{Outcome, Ticket, WorkerRequest};
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
                self.save(false);
            }
            UiCommand::SaveAndActivate => {
                if let Some(slot) = self.draft_greeting_unrecorded() {
                    self.dialog = Some(Dialog::UnrecordedGreeting {
                        then: Activation::SaveAndActivate,
                        slot,
                    });
                } else {
                    self.save(true);
                }
            }
            UiCommand::ConfirmedActivation(then) => {
                self.dialog = None;
                match then {
                    Activation::Profile(id) => self.activate_unasked(&id),
                    Activation::SaveAndActivate => {
                        self.save(true);
                    }
                    Activation::Until { id, hold, afterwards } => self.activate_until_unasked(id, hold, afterwards),
                    Activation::TrayFor(id, hold) => self.activate_for_unasked(id, hold),
                }
            }
            UiCommand::Voicemail(command) => self.voicemail_command(ctx, command),
            UiCommand::Revert => self.revert(),
            UiCommand::UndoRevert => self.undo_revert(),
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
                if let Some(ticket) = self.save(false) {
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
                let ticket = self.model.request(WorkerRequest::Export(path), Some(Busy::Saving));
                self.after_file_dialog(ticket);
            }
            UiCommand::CheckImport(path) => {
                self.dialog = Some(Dialog::ConfirmImport {
                    path: path.clone(),
                    check: ImportCheck::Reading,
                });
                let ticket = self.model.request(WorkerRequest::CheckImport(path), None);
                self.after_file_dialog(ticket);
            }
            UiCommand::ImportFrom(path) => {
                // Importing is the way out of a damaged profiles file: it is moved aside (kept) first.
                let damaged = matches!(
                    self.model.store_problem(),
                    Some(StoreError::Corrupt { .. } | StoreError::Newer { .. })
                );
                if damaged {
                    self.model.request(WorkerRequest::MoveAside, Some(Busy::Saving));
                }
                let ticket = self.model.request(WorkerRequest::Import(path), Some(Busy::Saving));
                self.after_file_dialog(ticket);
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
            UiCommand::Automation(command) => self.automation(command),
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
            Leave::CloseWindow if self.rules.draft.dirty() => {
                // The profile was answered for; the rules draft is not lost with it: stay on the rules.
                self.selection = Selection::Rules;
                self.notice = Some(Notice::error(self.i18n.tr("rules-unsaved-close")));
            }
            Leave::CloseWindow => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        self.sync_selection();
    }

    /// Applies a saved profile; when the form shows unsaved edits of it, asks first (activating would
    /// apply something other than what is on screen).
    fn activate(&mut self, id: &ProfileId) {
        if self
            .draft
            .as_ref()
            .is_some_and(|draft| &draft.id == id && draft.dirty())
        {
            self.dialog = Some(Dialog::Unsaved {
                then: Leave::SelectAndActivate(id.clone()),
            });
            return;
        }
        if self.asked_about_greeting(id, Activation::Profile(id.clone())) {
            return;
        }
        self.activate_unasked(id);
    }

    /// Nothing falls back silently: when the profile `id` chooses a greeting known not to be recorded,
    /// asks before `then` is done (the dialog does it on Activate anyway) and returns true.
    pub(super) fn asked_about_greeting(&mut self, id: &ProfileId, then: Activation) -> bool {
        let unrecorded = self.model.profile(id).and_then(|profile| {
            self.messages
                .greetings()
                .and_then(|recorded| recorded.missing(profile.settings.voicemail.greeting))
        });
        let Some(slot) = unrecorded else {
            return false;
        };
        self.dialog = Some(Dialog::UnrecordedGreeting { then, slot });
        true
    }

    /// Applies a profile chosen in the tray, asking first as the window does (unsaved edits of it, an
    /// unrecorded greeting). Returns true when the window now asks, so the tray shows it.
    pub fn activate_from_tray(&mut self, id: &ProfileId) -> bool {
        self.activate(id);
        self.dialog.is_some()
    }

    /// Applies a profile chosen in the tray for one of its lengths, asking first about an unrecorded
    /// greeting. Returns true when the window now asks, so the tray shows it.
    pub fn activate_for_from_tray(&mut self, id: &ProfileId, hold: crate::automation::until::TrayHold) -> bool {
        if self.asked_about_greeting(id, Activation::TrayFor(id.clone(), hold)) {
            return true;
        }
        self.activate_for_unasked(id.clone(), hold);
        false
    }

    /// Applies a profile for one of the tray's lengths without asking anything.
    fn activate_for_unasked(&mut self, id: ProfileId, hold: crate::automation::until::TrayHold) {
        let name = self.shown_name(&id);
        self.model
            .request(WorkerRequest::ActivateFor(id, hold), Some(Busy::Applying(name)));
    }

    /// Applies a saved profile without asking anything.
    fn activate_unasked(&mut self, id: &ProfileId) {
        let name = self.shown_name(id);
        self.model.activate(id, &name);
    }

    /// The greeting the edit chooses when it is known not to be recorded.
    fn draft_greeting_unrecorded(&self) -> Option<callprofiles_core::GreetingSlot> {
        let greeting = self.draft.as_ref()?.voicemail.greeting;
        self.messages.greetings()?.missing(greeting)
    }

    /// Throws the edit away, keeping it for Undo.
    fn revert(&mut self) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let id = draft.id.clone();
        let fresh = Draft::new(id.clone(), &draft.base);
        self.reverted = Some(std::mem::replace(draft, fresh));
        let name = self.shown_name(&id);
        self.notice = Some(Notice {
            undo: true,
            ..Notice::info(self.i18n.tr_args("done-reverted", &[("profile", name.into())]))
        });
    }

    /// Brings back the edit the last Revert threw away, when the same profile is still shown.
    fn undo_revert(&mut self) {
        let Some(mut reverted) = self.reverted.take() else {
            return;
        };
        if let Some(draft) = self.draft.as_mut().filter(|draft| draft.id == reverted.id) {
            reverted.base = draft.base.clone();
            *draft = reverted;
            self.notice = None;
        }
    }

    /// A request made from the open export or import dialog: it stays open until the request is done.
    fn after_file_dialog(&mut self, ticket: Ticket) {
        if matches!(self.dialog, Some(Dialog::Path { .. } | Dialog::ConfirmImport { .. })) {
            self.after.insert(ticket, AfterFinish::FileDialog);
        }
    }

    /// Saves the edit if it is valid (and applies it when `apply`, or when the profile is the active one);
    /// returns the request's ticket.
    fn save(&mut self, apply: bool) -> Option<Ticket> {
        let draft = self.draft.as_ref()?;
        let settings = match draft.settings() {
            Ok(settings) => settings,
            Err(error) => {
                self.notice = Some(Notice::error(input_error_text(&self.i18n, &error)));
                return None;
            }
        };
        let id = draft.id.clone();
        let active = self.model.active_id().as_ref() == Some(&id);
        let ticket = self
            .model
            .request(WorkerRequest::SaveSettings(id.clone(), settings), Some(Busy::Saving));
        // Core applies a saved active profile itself; another one is activated once the save has landed
        // (never before: a failed save must not be followed by applying the old settings).
        if apply && !active {
            self.after
                .insert(ticket, AfterFinish::Leave(Leave::SelectAndActivate(id)));
        }
        Some(ticket)
    }

    /// A name the dialog checked as typed, parsed by core (a failure, which the dialog prevents, is shown).
    fn checked_name(&mut self, name: &str) -> Option<ProfileName> {
        ProfileName::parse(name)
            .inspect_err(|error| self.show_error(&error.clone().into()))
            .ok()
    }

    /// Shows a failure in the status line.
    fn show_error(&mut self, error: &CoreError) {
        self.notice = Some(Notice::error(error_text(&self.i18n, error)));
    }

    /// Switches the language (and remembers it).
    fn set_language(&mut self, choice: LanguageChoice) {
        self.state.language = choice;
        self.forced_language = None;
        self.i18n = I18n::new(choice.resolve());
        // A message in the former language would stay untranslated.
        self.notice = None;
    }

    /// Reacts to a finished request: a message, and the selection of what it created.
    /// `shown_in_dialog`: the connection form already shows the result.
    pub(super) fn finish(&mut self, ctx: &egui::Context, done: Finished, shown_in_dialog: bool) {
        let after = self.after.remove(&done.ticket);
        let outcome = match done.result {
            Ok(outcome) => outcome,
            Err(error) => {
                if after == Some(AfterFinish::SaveRules) && self.refused_rules(&error) {
                    return;
                }
                let text = error_text(&self.i18n, &error);
                let in_file_dialog = after == Some(AfterFinish::FileDialog) && self.keep_in_file_dialog(&text);
                if !shown_in_dialog && !in_file_dialog {
                    self.notice = Some(Notice::error(text));
                }
                return;
            }
        };
        if after == Some(AfterFinish::FileDialog) && !matches!(outcome, Outcome::ImportChecked { .. }) {
            self.dialog = None;
        }
        let i18n = &self.i18n;
        let name_of = |id: &ProfileId| FluentValue::from(self.shown_name(id));
        let mut bad_news = false;
        let text = match &outcome {
            Outcome::Refreshed | Outcome::ConnectCancelled | Outcome::Voicemail(_) => None,
            Outcome::ImportChecked { path, imported } => {
                if let Some(Dialog::ConfirmImport { path: shown, check }) = self.dialog.as_mut()
                    && shown == path
                {
                    *check = ImportCheck::Valid(imported.book.profiles());
                }
                None
            }
            Outcome::Connected(_) | Outcome::UsingBuiltin | Outcome::ConnectedServer { .. } if shown_in_dialog => None,
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
            Outcome::Activated(id) | Outcome::ActivatedUntil(id) => {
                Some(i18n.tr_args("done-activated", &[("profile", name_of(id))]))
            }
            Outcome::RulesSaved => Some(i18n.tr("rules-saved")),
            Outcome::HoldCleared => Some(i18n.tr("done-hold-cleared")),
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
            self.notice = Some(if bad_news {
                Notice::error(text)
            } else {
                Notice::info(text)
            });
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
            Some(AfterFinish::FileDialog | AfterFinish::SaveRules) | None => self.sync_selection(),
        }
    }

    /// Shows a failed export or import in its dialog when that is still open; returns whether it did.
    fn keep_in_file_dialog(&mut self, text: &str) -> bool {
        match self.dialog.as_mut() {
            Some(Dialog::Path { problem, .. }) => *problem = Some(text.to_owned()),
            Some(Dialog::ConfirmImport { check, .. }) => *check = ImportCheck::Invalid(text.to_owned()),
            _ => return false,
        }
        true
    }
}
