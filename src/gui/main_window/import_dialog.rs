//! The import confirmation: the file is read and checked first, then the dialog says what it holds
//! ("6 profiles: Office, Mobile, …") and what it replaces; a file that cannot be imported, or an import that
//! fails, is explained here rather than after the dialog closed.

use std::path::Path;

use fluent_bundle::FluentValue;

use crate::gui::command::{ImportCheck, UiCommand};
use crate::gui::model::Model;
use crate::text::i18n::I18n;

/// Draws the confirmation; returns the import once confirmed.
#[must_use]
pub fn confirm_import_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    path: &Path,
    check: &ImportCheck,
) -> Option<UiCommand> {
    ui.heading(i18n.tr("dialog-import-title"));
    ui.add(
        egui::Label::new(i18n.tr_args(
            "dialog-import-file",
            &[("path", FluentValue::from(path.display().to_string()))],
        ))
        .wrap(),
    );
    ui.add_space(4.0);
    match check {
        ImportCheck::Reading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(i18n.tr("dialog-import-reading"));
            });
        }
        ImportCheck::Valid(profiles) => {
            let names: Vec<String> = profiles.iter().map(|profile| i18n.profile_name(profile)).collect();
            let holds = i18n.tr_args(
                "dialog-import-holds",
                &[
                    ("count", FluentValue::from(profiles.len())),
                    ("names", FluentValue::from(names.join(", "))),
                ],
            );
            ui.add(egui::Label::new(egui::RichText::new(holds).strong()).wrap());
            let replaced = if model.store_problem().is_some() {
                i18n.tr("dialog-import-damaged")
            } else {
                i18n.tr("dialog-import-text")
            };
            ui.add(egui::Label::new(egui::RichText::new(replaced).color(ui.visuals().warn_fg_color)).wrap());
        }
        ImportCheck::Invalid(problem) => {
            ui.add(
                egui::Label::new(egui::RichText::new(format!("✖ {problem}")).color(ui.visuals().error_fg_color)).wrap(),
            );
        }
    }
    let ready = matches!(check, ImportCheck::Valid(_)) && !model.busy();
    super::modal::buttons_ui(ui, i18n, &i18n.tr("button-import-confirm"), ready)
        .then(|| UiCommand::ImportFrom(path.to_owned()))
}
