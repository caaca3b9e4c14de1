//! The dialogs over the main window: add, rename, delete, Detected's "save as new" and "save into",
//! unsaved changes, a typed file path, the import confirmation and a telecommuter's call. Esc or Cancel closes any of them; a click
//! outside does not.

use callprofiles_core::{GreetingSlot, ProfileBook, ProfileId, ProfileName};
use fluent_bundle::FluentValue;

use crate::gui::command::{Activation, Dialog, FileAction, Leave, UiCommand, VoicemailCommand};
use crate::gui::draft::Draft;
use crate::gui::model::Model;
use crate::text::error_text::{input_error_text, rule_error_text};
use crate::text::i18n::I18n;

use super::modal::{buttons_ui, field_ui};

/// Width of a dialog's content.
const DIALOG_WIDTH: f32 = 440.0;

/// Draws the open dialog.
#[must_use]
pub fn dialog_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    draft: Option<&Draft>,
    rules_unsaved: bool,
    dialog: &mut Dialog,
) -> Option<UiCommand> {
    let modal = egui::Modal::new(egui::Id::unique("callprofiles-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(DIALOG_WIDTH);
        match dialog {
            Dialog::Add { name } => {
                // The worker copies the profile shown; with none shown (Detected), core starts from defaults.
                let from = draft.and_then(|d| model.profile(&d.id)).map(|p| i18n.profile_name(&p));
                ui.heading(i18n.tr("dialog-add-title"));
                ui.label(match from {
                    Some(from) => i18n.tr_args("dialog-add-text", &[("profile", FluentValue::from(from))]),
                    None => i18n.tr("dialog-add-text-default"),
                });
                name_form_ui(ui, i18n, model.book(), name, None, &i18n.tr("button-add-confirm")).map(UiCommand::Create)
            }
            Dialog::Rename { id, name } => {
                ui.heading(i18n.tr("dialog-rename-title"));
                let id = id.clone();
                name_form_ui(
                    ui,
                    i18n,
                    model.book(),
                    name,
                    Some(&id),
                    &i18n.tr("button-rename-confirm"),
                )
                .map(|name| UiCommand::Rename(id, name))
            }
            Dialog::Delete { id } => delete_ui(ui, i18n, model, id),
            Dialog::SaveDetectedAsNew { name } => {
                ui.heading(i18n.tr("dialog-detected-new-title"));
                ui.label(i18n.tr("dialog-detected-new-text"));
                name_form_ui(ui, i18n, model.book(), name, None, &i18n.tr("button-save-confirm"))
                    .map(UiCommand::SaveDetectedAsNew)
            }
            Dialog::SaveDetectedInto { target } => save_into_ui(ui, i18n, model, target),
            Dialog::Unsaved { then } => unsaved_ui(ui, i18n, model, draft, rules_unsaved, then),
            Dialog::Path {
                action,
                path,
                no_portal,
                problem,
            } => path_ui(ui, i18n, model, *action, path, *no_portal, problem),
            Dialog::ConfirmImport { path, check } => {
                super::import_dialog::confirm_import_ui(ui, i18n, model, path, check)
            }
            Dialog::Call { number } => super::call::call_dialog_ui(ui, i18n, model, number),
            Dialog::UnrecordedGreeting { then, slot } => unrecorded_greeting_ui(ui, i18n, model, then, *slot),
        }
    });
    let closing = super::modal::dismissed(&modal);
    match modal.inner {
        None if closing => Some(UiCommand::CloseDialog),
        command => command,
    }
}

/// A name field checked as typed by core's rules; returns the name when confirmed.
#[must_use]
fn name_form_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    book: Option<&ProfileBook>,
    name: &mut String,
    except: Option<&ProfileId>,
    confirm: &str,
) -> Option<String> {
    ui.add_space(6.0);
    field_ui(
        ui,
        &i18n.tr("field-name"),
        egui::TextEdit::singleline(name).desired_width(260.0),
    );
    let problem = name_problem(i18n, book, name, except);
    if let Some(problem) = problem.as_ref().filter(|_| !name.trim().is_empty()) {
        ui.colored_label(ui.visuals().error_fg_color, format!("✖ {problem}"));
    }
    let valid = problem.is_none();
    let confirmed = buttons_ui(ui, i18n, confirm, valid) || (valid && ui.input(|i| i.key_pressed(egui::Key::Enter)));
    confirmed.then(|| name.trim().to_owned())
}

/// Why a name cannot be used (core's rules), or `None` when it can.
fn name_problem(i18n: &I18n, book: Option<&ProfileBook>, name: &str, except: Option<&ProfileId>) -> Option<String> {
    let parsed = match ProfileName::parse(name) {
        Ok(parsed) => parsed,
        Err(error) => return Some(input_error_text(i18n, &error)),
    };
    let book = book?;
    book.check_name_free(&parsed, except)
        .err()
        .map(|error| rule_error_text(i18n, &error))
}

/// Confirm deleting a custom profile.
#[must_use]
fn delete_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, id: &ProfileId) -> Option<UiCommand> {
    let name = model.profile(id).map(|p| i18n.profile_name(&p)).unwrap_or_default();
    ui.heading(i18n.tr("dialog-delete-title"));
    ui.label(i18n.tr_args("dialog-delete-text", &[("profile", FluentValue::from(name.clone()))]));
    if model.active_id().as_ref() == Some(id) {
        // Deleting a profile does not touch the phone system: say what the user will see afterwards.
        ui.add_space(4.0);
        ui.add(
            egui::Label::new(
                egui::RichText::new(i18n.tr_args("dialog-delete-active", &[("profile", FluentValue::from(name))]))
                    .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
    ui.add_space(8.0);
    let mut confirmed = false;
    ui.horizontal(|ui| {
        let destructive = ui.visuals().error_fg_color;
        let delete = egui::Button::new(
            egui::RichText::new(format!("🗑 {}", i18n.tr("button-delete-confirm"))).color(egui::Color32::WHITE),
        )
        .fill(destructive.gamma_multiply(0.75));
        confirmed = ui.add(delete).clicked();
        if ui.button(i18n.tr("button-cancel")).clicked() {
            ui.close_kind(egui::UiKind::Modal);
        }
    });
    confirmed.then(|| UiCommand::Delete(id.clone()))
}

/// Pick the profile Detected's settings go into.
#[must_use]
fn save_into_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, target: &mut Option<ProfileId>) -> Option<UiCommand> {
    ui.heading(i18n.tr("dialog-detected-into-title"));
    ui.label(i18n.tr("dialog-detected-into-text"));
    ui.add_space(4.0);
    for profile in model.profiles() {
        let name = i18n.profile_name(&profile);
        ui.radio_value(target, Some(profile.id.clone()), name);
    }
    let chosen = target.as_ref().and_then(|id| model.profile(id));
    if let (Some(profile), Some(detected)) = (&chosen, model.detected()) {
        ui.add_space(4.0);
        ui.colored_label(
            ui.visuals().warn_fg_color,
            i18n.tr_args(
                "dialog-detected-into-warning",
                &[("profile", FluentValue::from(i18n.profile_name(profile)))],
            ),
        );
        // What exactly changes in it: "Call pickup: on → off".
        for change in super::comparison::changes(i18n, &profile.settings, &detected) {
            ui.label(format!("  • {change}"));
        }
    }
    let confirmed = buttons_ui(ui, i18n, &i18n.tr("button-save-confirm"), chosen.is_some());
    chosen
        .filter(|_| confirmed)
        .map(|profile| UiCommand::SaveDetectedInto(profile.id))
}

/// Unsaved changes: save, discard or stay.
#[must_use]
fn unsaved_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    draft: Option<&Draft>,
    rules_unsaved: bool,
    then: &Leave,
) -> Option<UiCommand> {
    let name = draft
        .and_then(|d| model.profile(&d.id))
        .map(|p| i18n.profile_name(&p))
        .unwrap_or_default();
    let savable = draft.is_some_and(Draft::savable);
    ui.heading(i18n.tr("dialog-unsaved-title"));
    ui.label(i18n.tr_args("dialog-unsaved-text", &[("profile", FluentValue::from(name))]));
    let activating_shown = matches!(then, Leave::SelectAndActivate(id) if draft.is_some_and(|d| &d.id == id));
    if activating_shown {
        // Activate applies saved settings: say which ones each answer applies.
        ui.add(egui::Label::new(i18n.tr("dialog-unsaved-activate")).wrap());
    }
    if rules_unsaved && then == &Leave::CloseWindow {
        // Closing drops every draft: say that the rules are kept and asked about next.
        ui.add(egui::Label::new(i18n.tr("dialog-unsaved-rules-too")).wrap());
    }
    if !savable {
        ui.colored_label(ui.visuals().error_fg_color, i18n.tr("dialog-unsaved-invalid"));
    }
    ui.add_space(8.0);
    let mut command = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(savable, egui::Button::new(i18n.tr("button-save")))
            .clicked()
        {
            command = Some(UiCommand::SaveAndLeave(then.clone()));
        }
        if ui.button(i18n.tr("button-discard")).clicked() {
            command = Some(UiCommand::DiscardAndLeave(then.clone()));
        }
        if ui.button(i18n.tr("button-cancel")).clicked() {
            command = Some(UiCommand::CloseDialog);
        }
    });
    command
}

/// A typed path for export or import, saying why when no file chooser could open, warning before an export
/// replaces a file, and keeping the reason of a failure.
#[must_use]
fn path_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    action: FileAction,
    path: &mut String,
    no_portal: bool,
    problem: &mut Option<String>,
) -> Option<UiCommand> {
    let (title, confirm) = match action {
        FileAction::Export => (i18n.tr("file-export-title"), "button-export-confirm"),
        FileAction::Import => (i18n.tr("file-import-title"), "button-import-confirm"),
        FileAction::UploadGreeting(slot) => (
            i18n.tr_args(
                "file-upload-greeting-title",
                &[("number", FluentValue::from(slot.get()))],
            ),
            "button-upload-confirm",
        ),
    };
    ui.heading(title);
    if no_portal {
        ui.add(
            egui::Label::new(egui::RichText::new(i18n.tr("file-no-portal")).color(ui.visuals().warn_fg_color)).wrap(),
        );
    }
    ui.add_space(4.0);
    field_ui(
        ui,
        &i18n.tr("field-path"),
        egui::TextEdit::singleline(path)
            .desired_width(300.0)
            .hint_text(i18n.tr("hint-path")),
    );
    let typed = !path.trim().is_empty();
    let chosen = std::path::PathBuf::from(path.trim());
    // A file that exists is not replaced without saying so: the button says "Replace".
    let replaces = typed && action == FileAction::Export && chosen.is_file();
    if replaces {
        ui.add(egui::Label::new(egui::RichText::new(i18n.tr("file-exists")).color(ui.visuals().warn_fg_color)).wrap());
    }
    if let Some(problem) = problem.as_ref() {
        ui.add(egui::Label::new(egui::RichText::new(format!("✖ {problem}")).color(ui.visuals().error_fg_color)).wrap());
    }
    let confirm = i18n.tr(if replaces { "button-replace-confirm" } else { confirm });
    let usable = typed && !model.busy();
    let confirmed = buttons_ui(ui, i18n, &confirm, usable) || (usable && ui.input(|i| i.key_pressed(egui::Key::Enter)));
    if !confirmed {
        return None;
    }
    *problem = None;
    Some(match action {
        FileAction::Export => UiCommand::ExportTo(chosen),
        FileAction::Import => UiCommand::CheckImport(chosen),
        FileAction::UploadGreeting(slot) => UiCommand::Voicemail(VoicemailCommand::UploadGreeting(slot, chosen)),
    })
}

/// The profile to activate chooses a greeting that is not recorded: say what callers would hear, and
/// activate only when the user says so.
#[must_use]
fn unrecorded_greeting_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    then: &Activation,
    slot: GreetingSlot,
) -> Option<UiCommand> {
    ui.heading(i18n.tr("dialog-unrecorded-title"));
    ui.add_space(4.0);
    ui.add(
        egui::Label::new(i18n.tr_args("dialog-unrecorded-text", &[("number", FluentValue::from(slot.get()))])).wrap(),
    );
    let confirmed = buttons_ui(ui, i18n, &i18n.tr("button-activate-anyway"), !model.busy());
    confirmed.then(|| UiCommand::ConfirmedActivation(then.clone()))
}
