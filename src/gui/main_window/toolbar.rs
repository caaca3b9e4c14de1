//! The toolbar: add a profile (with how many more fit), export, import, the phone system, and the language.

use callprofiles_core::MAX_CUSTOM;
use fluent_bundle::FluentValue;

use crate::gui::command::{ConnectionCommand, Dialog, FileAction, UiCommand};
use crate::gui::i18n::{I18n, Language, LanguageChoice};
use crate::gui::model::Model;
use crate::gui::state::State;

/// Draws the toolbar.
#[must_use]
pub fn toolbar_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    state: &State,
    forced: Option<Language>,
) -> Option<UiCommand> {
    let mut command = None;
    ui.horizontal(|ui| {
        let usable = model.book().is_some();
        let slots_left = model.book().map_or(0, |book| book.custom_slots_left());
        let add = ui
            .add_enabled(
                usable && slots_left > 0,
                egui::Button::new(i18n.tr("button-add"))
                    .shortcut_text(ui.ctx().format_shortcut(&super::shortcuts::ADD)),
            )
            .on_hover_text(i18n.tr("tooltip-add"))
            .on_disabled_hover_text(if usable {
                i18n.tr_args("tooltip-add-full", &[("max", FluentValue::from(MAX_CUSTOM))])
            } else {
                i18n.tr("tooltip-unavailable")
            });
        if add.clicked() {
            command = Some(UiCommand::Open(Dialog::Add { name: String::new() }));
        }
        if usable {
            let slots = if slots_left == 0 {
                i18n.tr("slots-none")
            } else {
                i18n.tr_args("slots-left", &[("count", FluentValue::from(slots_left))])
            };
            ui.weak(slots);
        }
        ui.separator();
        if ui
            .add_enabled(usable, egui::Button::new(i18n.tr("button-export")))
            .on_hover_text(i18n.tr("tooltip-export"))
            .clicked()
        {
            command = Some(UiCommand::ChooseFile(FileAction::Export));
        }
        if ui
            .add_enabled(usable, egui::Button::new(i18n.tr("button-import")))
            .on_hover_text(i18n.tr("tooltip-import"))
            .clicked()
        {
            command = Some(UiCommand::ChooseFile(FileAction::Import));
        }
        ui.separator();
        if ui
            .button(i18n.tr("button-phone-system"))
            .on_hover_text(i18n.tr("tooltip-phone-system"))
            .clicked()
        {
            command = Some(UiCommand::Connection(ConnectionCommand::Open));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(choice) = language_ui(ui, i18n, state, forced) {
                command = Some(UiCommand::SetLanguage(choice));
            }
        });
    });
    command
}

/// The language menu.
#[must_use]
fn language_ui(ui: &mut egui::Ui, i18n: &I18n, state: &State, forced: Option<Language>) -> Option<LanguageChoice> {
    let current = forced.map_or(state.language, LanguageChoice::Fixed);
    let system_name = i18n.tr_args(
        "language-system",
        &[("language", FluentValue::from(Language::from_system().native_name()))],
    );
    let name = |choice: LanguageChoice| match choice {
        LanguageChoice::System => system_name.clone(),
        LanguageChoice::Fixed(language) => language.native_name().to_owned(),
    };
    let mut chosen = current;
    // Drawn right to left: the menu, then its label on its left.
    let combo = egui::ComboBox::from_id_salt("language")
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            let choices = std::iter::once(LanguageChoice::System).chain(Language::ALL.map(LanguageChoice::Fixed));
            for choice in choices {
                ui.selectable_value(&mut chosen, choice, name(choice));
            }
        });
    let label = ui.label(i18n.tr("language-label"));
    combo.response.labelled_by(label.id);
    (chosen != current).then_some(chosen)
}
