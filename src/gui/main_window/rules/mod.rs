//! The rules editor, a view of the main window: which rule decides and why (precedence, now, next), the
//! weekly schedule, its exceptions, networks, leaving the computer and start at login. The rules are a draft
//! with Save and Cancel like the profile form; each problem is one sentence under the row it belongs to.

mod away;
mod exceptions;
mod networks;
mod precedence;
mod schedule;

use std::collections::HashMap;

use callprofiles_core::Profile;
use callprofiles_core::automation::Rules;

use crate::gui::automation::draft::{ExceptionRow, RowRef, RulesDraft, Tone, WindowRow};
use crate::gui::automation::widgets::{Name, profile_menu_ui, short_field_ui};
use crate::gui::autostart_setting::AutostartSetting;
use crate::gui::command::UiCommand;
use crate::gui::model::Model;
use crate::text::i18n::I18n;
use schedule::RowAction;

/// Width of the time-zone field.
const ZONE_WIDTH: f32 = 160.0;

/// The rules view: the draft being edited, and the problems core found when it was last saved.
#[derive(Default)]
pub struct RulesPanel {
    /// Start at login: this computer's setting, applied at once (not part of the draft).
    pub autostart: Option<AutostartSetting>,
    /// The rules as edited.
    pub draft: RulesDraft,
    /// What core refused at the last Save, by row, and the draft it refused (cleared at the next edit).
    refused: Option<(RulesDraft, HashMap<RowRef, String>)>,
}

impl RulesPanel {
    /// Keeps the draft on the saved rules: starts it, or follows a change saved elsewhere (or this save
    /// landing) unless the user's edits are in progress.
    pub fn sync(&mut self, saved: &Rules, profiles: &[Profile]) {
        let fresh = RulesDraft::of(saved);
        let known = self.draft.saved.as_deref().map(|base| base.same_rules(&fresh));
        match known {
            Some(true) => {}
            // This save landed, or the same rules were saved elsewhere: show them as core keeps them.
            _ if self.draft.rules(profiles).is_ok_and(|rules| &rules == saved) => self.draft = fresh,
            Some(false) if self.draft.dirty() => {}
            _ => self.draft = fresh,
        }
    }

    /// Shows `sentence` under `row` (core refused the rules for it) until the draft is edited.
    pub fn refuse(&mut self, row: RowRef, sentence: String) {
        let mut rows = HashMap::new();
        rows.insert(row, sentence);
        self.refused = Some((self.draft.clone(), rows));
    }

    /// Draws the view; returns what the user asked for.
    #[must_use]
    pub fn ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
        let mut command = None;
        let profiles = model.profiles();
        if self.refused.as_ref().is_some_and(|(refused, _)| refused != &self.draft) {
            self.refused = None;
        }
        ui.add_space(4.0);
        ui.heading(egui::RichText::new(i18n.tr("rules-title")).strong());
        ui.with_layout(egui::Layout::bottom_up(egui::Align::LEFT), |ui| {
            ui.add_space(2.0);
            if let Some(asked) = self.save_bar_ui(ui, i18n, model) {
                command = Some(asked);
            }
            ui.separator();
            ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                // The explanation scrolls with the form: in a small window the rules keep the room.
                super::scrolled::scrolled_ui(ui, "rules", |ui| {
                    if let Some(asked) = precedence::precedence_ui(ui, i18n, model) {
                        command = Some(asked);
                    }
                    if let Some(asked) = self.sections_ui(ui, i18n, model, &profiles) {
                        command = Some(asked);
                    }
                    ui.add_space(6.0);
                });
            });
        });
        command
    }

    /// The sections of the form.
    #[must_use]
    fn sections_ui(
        &mut self,
        ui: &mut egui::Ui,
        i18n: &I18n,
        model: &Model,
        profiles: &[Profile],
    ) -> Option<UiCommand> {
        let mut command = None;
        let notes = self.notes(i18n, profiles);
        section_ui(ui, &i18n.tr("rules-windows-heading"), |ui| {
            let note = |index| notes.get(&RowRef::Window(index)).cloned();
            if let Some(RowAction::Remove(index)) =
                schedule::windows_ui(ui, i18n, profiles, &mut self.draft.windows, &note)
                && index < self.draft.windows.len()
            {
                self.draft.windows.remove(index);
            }
            if ui.button(i18n.tr("rules-add-window")).clicked() {
                self.draft.windows.push(WindowRow::default());
            }
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(i18n.tr("rules-otherwise"));
                let none = i18n.tr("rules-otherwise-none");
                profile_menu_ui(
                    ui,
                    i18n,
                    "otherwise",
                    Name::Label(label.id),
                    profiles,
                    &mut self.draft.otherwise,
                    Some(&none),
                );
            });
            if let Some((text, tone)) = notes.get(&RowRef::Otherwise) {
                row_note_ui(ui, text, *tone);
            }
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(i18n.tr("rules-time-zone"));
                short_field_ui(
                    ui,
                    &mut self.draft.time_zone,
                    ZONE_WIDTH,
                    Name::Label(label.id),
                    &i18n.tr("rules-time-zone-hint"),
                );
            });
            if let Some((text, tone)) = notes.get(&RowRef::TimeZone) {
                row_note_ui(ui, text, *tone);
            }
        });
        section_ui(ui, &i18n.tr("rules-exceptions-heading"), |ui| {
            let note = |index| notes.get(&RowRef::Exception(index)).cloned();
            if let Some(RowAction::Remove(index)) =
                exceptions::exceptions_ui(ui, i18n, profiles, &mut self.draft.exceptions, &note)
                && index < self.draft.exceptions.len()
            {
                self.draft.exceptions.remove(index);
            }
            if ui.button(i18n.tr("rules-add-exception")).clicked() {
                self.draft.exceptions.push(ExceptionRow::default());
            }
        });
        section_ui(ui, &i18n.tr("rules-networks-heading"), |ui| {
            let note = |index| notes.get(&RowRef::Network(index)).cloned();
            if let Some(asked) = networks::networks_ui(ui, i18n, model, profiles, &mut self.draft, &note) {
                command = Some(asked);
            }
        });
        section_ui(ui, &i18n.tr("rules-away-heading"), |ui| {
            away::away_ui(ui, i18n, profiles, &mut self.draft);
            if let Some((text, tone)) = notes.get(&RowRef::Away) {
                row_note_ui(ui, text, *tone);
            }
        });
        if let Some(autostart) = self.autostart.as_mut() {
            section_ui(ui, &i18n.tr("rules-autostart-heading"), |ui| {
                autostart.ui(ui, i18n);
                ui.weak(i18n.tr("rules-autostart-hint"));
            });
        }
        command
    }

    /// Each row's note: what core refused, else what is wrong as typed, else that it names a deleted profile.
    fn notes(&self, i18n: &I18n, profiles: &[Profile]) -> HashMap<RowRef, (String, Tone)> {
        let mut notes: HashMap<RowRef, (String, Tone)> = self
            .draft
            .problems(profiles)
            .into_iter()
            .map(|(row, problem)| (row, (problem.text(i18n), problem.tone())))
            .collect();
        for (row, text) in self.refused.iter().flat_map(|(_, rows)| rows) {
            notes.insert(*row, (text.clone(), Tone::Error));
        }
        notes
    }

    /// Save and Cancel, pinned under the form.
    #[must_use]
    fn save_bar_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
        let mut command = None;
        let dirty = self.draft.dirty();
        ui.horizontal_wrapped(|ui| {
            let rules = self.draft.rules(&model.profiles());
            let why_not = if rules.is_err() {
                i18n.tr("rules-save-fix-first")
            } else if model.busy() {
                i18n.tr("tooltip-busy")
            } else {
                i18n.tr("tooltip-save-nothing")
            };
            let save = ui
                .add_enabled(
                    dirty && rules.is_ok() && !model.busy(),
                    egui::Button::new(i18n.tr("rules-save")),
                )
                .on_disabled_hover_text(why_not);
            if save.clicked()
                && let Ok(rules) = rules
            {
                command = Some(UiCommand::Automation(
                    crate::gui::command::AutomationCommand::SaveRules(Box::new(rules)),
                ));
            }
            if ui
                .add_enabled(dirty, egui::Button::new(i18n.tr("rules-cancel")))
                .clicked()
            {
                self.draft.cancel();
                self.refused = None;
            }
            if dirty {
                ui.colored_label(ui.visuals().warn_fg_color, i18n.tr("rules-unsaved"));
            }
        });
        command
    }
}

/// A row's note under it: a problem in the error colour, or the note of a rule that is off.
pub fn row_note_ui(ui: &mut egui::Ui, text: &str, tone: Tone) {
    let (mark, color) = match tone {
        Tone::Error => ("✖ ", ui.visuals().error_fg_color),
        Tone::Warning => ("⚠ ", ui.visuals().warn_fg_color),
        Tone::Hint => ("", ui.visuals().weak_text_color()),
    };
    ui.add(egui::Label::new(egui::RichText::new(format!("{mark}{text}")).color(color)).wrap());
}

/// One titled group of the form.
fn section_ui(ui: &mut egui::Ui, title: &str, add_contents: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(6.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(title);
        ui.add_space(2.0);
        add_contents(ui);
    });
}
