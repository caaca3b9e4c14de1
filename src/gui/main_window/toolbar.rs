//! The toolbar: add a profile, export, import, the phone system, and the language. It never overlaps itself:
//! when the window is too narrow (or zoomed in) the "Language" label goes first (the menu keeps it as its
//! accessible name and tooltip), then export, import and the phone system move into a "More" menu.

use callprofiles_core::{MAX_CUSTOM, StoreError};
use fluent_bundle::FluentValue;

use crate::gui::command::{ConnectionCommand, Dialog, FileAction, UiCommand};
use crate::gui::model::Model;
use crate::gui::state::State;
use crate::text::i18n::{I18n, Language, LanguageChoice};

/// How much of the toolbar fits in the window's width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Every button, and the label before the language menu.
    Full,
    /// Every button; the language menu without its label.
    NoLanguageLabel,
    /// Add, a "More" menu with the other buttons, and the language menu without its label.
    Overflow,
}

impl Fit {
    /// The widest arrangement whose parts fit into `width`: `buttons` is the width of every button in a row,
    /// and `label` that of the language label.
    pub fn choose(width: f32, buttons: f32, label: f32) -> Fit {
        if buttons + label <= width {
            Fit::Full
        } else if buttons <= width {
            Fit::NoLanguageLabel
        } else {
            Fit::Overflow
        }
    }
}

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
        // Right to left: the language menu takes its place first, the buttons get what is left of the row.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let combo = language_menu_ui(ui, i18n, state, forced, &mut command);
            let label_text = i18n.tr("language-label");
            let spacing = ui.spacing().item_spacing.x;
            let buttons = buttons_width(ui, i18n);
            let label = text_width(ui, &label_text) - 2.0 * ui.spacing().button_padding.x + spacing;
            let fit = Fit::choose(ui.available_width(), buttons, label);
            if fit == Fit::Full {
                let label = ui.label(label_text);
                combo.labelled_by(label.id);
            } else {
                // The label does not fit: the menu still says what it is, to screen readers and on hover.
                ui.ctx()
                    .accesskit_node_builder(combo.id, |node| node.set_label(label_text.clone()));
                combo.on_hover_text(label_text);
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                if let Some(clicked) = buttons_ui(ui, i18n, model, fit) {
                    command = Some(clicked);
                }
            });
        });
    });
    command
}

/// Add, export, import and the phone system, or Add and the "More" menu.
#[must_use]
fn buttons_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, fit: Fit) -> Option<UiCommand> {
    let mut command = None;
    let usable = model.book().is_some();
    // Importing replaces a damaged profiles file (it is moved aside and kept first): the way out with a backup.
    let importable = usable
        || matches!(
            model.store_problem(),
            Some(StoreError::Corrupt { .. } | StoreError::Newer { .. })
        );
    let slots_left = model.book().map_or(0, |book| book.custom_slots_left());
    let shortcut = ui.ctx().format_shortcut(&super::shortcuts::ADD);
    let add = ui
        .add_enabled(usable && slots_left > 0, egui::Button::new(i18n.tr("button-add")))
        .on_hover_text(i18n.tr_args("tooltip-add", &[("shortcut", FluentValue::from(shortcut))]))
        .on_disabled_hover_text(if usable {
            i18n.tr_args("tooltip-add-full", &[("max", FluentValue::from(MAX_CUSTOM))])
        } else {
            i18n.tr("tooltip-unavailable")
        });
    if add.clicked() {
        command = Some(UiCommand::Open(Dialog::Add { name: String::new() }));
    }
    if fit == Fit::Overflow {
        let more = ui.menu_button("☰", |ui| other_buttons_ui(ui, i18n, usable, importable));
        let more_label = i18n.tr("button-more");
        more.response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &more_label));
        more.response.on_hover_text(i18n.tr("tooltip-more"));
        return command.or(more.inner.flatten());
    }
    ui.separator();
    command.or(other_buttons_ui(ui, i18n, usable, importable))
}

/// Export, import and the phone system (in the row, or in the "More" menu).
#[must_use]
fn other_buttons_ui(ui: &mut egui::Ui, i18n: &I18n, usable: bool, importable: bool) -> Option<UiCommand> {
    let mut command = None;
    if ui
        .add_enabled(usable, egui::Button::new(i18n.tr("button-export")))
        .on_hover_text(i18n.tr("tooltip-export"))
        .clicked()
    {
        command = Some(UiCommand::ChooseFile(FileAction::Export));
    }
    if ui
        .add_enabled(importable, egui::Button::new(i18n.tr("button-import")))
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
    command
}

/// The width the buttons need in one row (with the separators between them).
fn buttons_width(ui: &egui::Ui, i18n: &I18n) -> f32 {
    let spacing = ui.spacing().item_spacing.x;
    let separators = 2.0 * (2.0 * spacing + 1.0);
    ["button-add", "button-export", "button-import", "button-phone-system"]
        .iter()
        .map(|id| text_width(ui, &i18n.tr(id)) + spacing)
        .sum::<f32>()
        + separators
}

/// The width of a button showing `text`.
fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x
}

/// The language menu; sets `command` when another language is chosen.
fn language_menu_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    state: &State,
    forced: Option<Language>,
    command: &mut Option<UiCommand>,
) -> egui::Response {
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
    let combo = egui::ComboBox::from_id_salt("language")
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            let choices = std::iter::once(LanguageChoice::System).chain(Language::ALL.map(LanguageChoice::Fixed));
            for choice in choices {
                ui.selectable_value(&mut chosen, choice, name(choice));
            }
        });
    if chosen != current {
        *command = Some(UiCommand::SetLanguage(chosen));
    }
    combo.response
}

#[cfg(test)]
mod tests {
    use super::Fit;

    #[test]
    fn the_label_goes_first_then_the_buttons_move_into_the_menu() {
        assert_eq!(Fit::choose(600.0, 500.0, 60.0), Fit::Full);
        assert_eq!(Fit::choose(560.0, 500.0, 60.0), Fit::Full);
        assert_eq!(Fit::choose(559.0, 500.0, 60.0), Fit::NoLanguageLabel);
        assert_eq!(Fit::choose(500.0, 500.0, 60.0), Fit::NoLanguageLabel);
        assert_eq!(Fit::choose(499.0, 500.0, 60.0), Fit::Overflow);
    }
}
