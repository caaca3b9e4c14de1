//! A saved profile in the central panel: its name and kind, Activate, rename/delete for custom profiles,
//! the settings form, Save and Revert.

use callprofiles_core::{ApplicableSettings, ProfileKind};

use super::greetings::GreetingsView;
use crate::gui::automation::until::{Hold, UntilForm};
use crate::gui::command::{AutomationCommand, Dialog, UiCommand};
use crate::gui::draft::Draft;
use crate::gui::model::Model;
use crate::text::error_text::rule_error_text;
use crate::text::i18n::I18n;

/// Draws the selected profile.
#[must_use]
pub fn profile_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    draft: &mut Draft,
    greetings: &GreetingsView<'_>,
    until: &mut UntilForm,
) -> Option<UiCommand> {
    let profile = model.profile(&draft.id)?;
    let mut command = None;
    let active = model.active_id().as_ref() == Some(&profile.id);
    let name = i18n.profile_name(&profile);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(egui::RichText::new(&name).strong());
        let kind = match profile.kind {
            ProfileKind::BuiltIn(_) => i18n.tr("mark-builtin"),
            ProfileKind::Custom => i18n.tr("mark-custom"),
        };
        ui.weak(kind);
        if active {
            ui.colored_label(super::status::ok_color(ui), format!("✔ {}", i18n.tr("mark-active")));
        }
    });
    ui.add_space(4.0);
    // Activate applies what the form shows: with unsaved edits it saves them first ("Save and activate").
    let edited = draft.dirty();
    let why_not = activate_blocker(i18n, model, draft, &name, active);
    // Wrapped: in a narrow or zoomed window the buttons move to a second line rather than out of sight.
    ui.horizontal_wrapped(|ui| {
        let (label, tooltip) = if edited {
            ("button-save-activate", "tooltip-save-activate")
        } else {
            ("button-activate", "tooltip-activate")
        };
        let activate = ui
            .add_enabled(why_not.is_none(), egui::Button::new(format!("▶ {}", i18n.tr(label))))
            .on_hover_text(i18n.tr(tooltip))
            .on_disabled_hover_text(why_not.unwrap_or_default());
        if activate.clicked() {
            command = Some(if edited {
                UiCommand::SaveAndActivate
            } else {
                UiCommand::Activate(profile.id.clone())
            });
        }
        if let Some(hold) = until_menu_ui(ui, i18n, until, until_blocker(i18n, model, draft, &name)) {
            command = Some(UiCommand::Automation(AutomationCommand::ActivateUntil {
                id: profile.id.clone(),
                hold,
                afterwards: until.afterwards,
            }));
        }
        if matches!(profile.kind, ProfileKind::Custom) {
            if ui.button(i18n.tr("button-rename")).clicked() {
                command = Some(UiCommand::Open(Dialog::Rename {
                    id: profile.id.clone(),
                    name: profile.name.clone(),
                }));
            }
            let delete = egui::Button::new(
                egui::RichText::new(format!("🗑 {}", i18n.tr("button-delete"))).color(ui.visuals().error_fg_color),
            );
            if ui.add(delete).clicked() {
                command = Some(UiCommand::Open(Dialog::Delete { id: profile.id.clone() }));
            }
        }
    });
    // Always shown for the active profile, so that the form does not move down under the pointer at the
    // first edit.
    if active {
        ui.weak(i18n.tr("hint-active-edit"));
    }
    // Save and Revert stay at the bottom, always reachable; the form scrolls above them.
    ui.with_layout(egui::Layout::bottom_up(egui::Align::LEFT), |ui| {
        ui.add_space(2.0);
        if let Some(clicked) = save_bar_ui(ui, i18n, model, draft) {
            command = Some(clicked);
        }
        ui.separator();
        ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
            super::scrolled::scrolled_ui(ui, "form", |ui| {
                // A greeting that is not recorded is not what callers hear: the picture shows what they do hear
                // (the system greeting), the form says why.
                let unrecorded = greetings
                    .panel
                    .greetings()
                    .is_some_and(|recorded| !recorded.has(draft.voicemail.greeting));
                let flow = if unrecorded {
                    let mut heard = draft.clone();
                    heard.voicemail.greeting = callprofiles_core::Greeting::Default;
                    super::call_flow::draft_flow(&heard, &model.ring_times())
                } else {
                    super::call_flow::draft_flow(draft, &model.ring_times())
                };
                super::call_flow::beside_ui(
                    ui,
                    |ui| {
                        if let Some(asked) = super::form::settings_form_ui(ui, i18n, model, draft, greetings, true, &[])
                        {
                            command = Some(asked);
                        }
                    },
                    |ui| super::call_flow::flow_ui(ui, i18n, &i18n.tr("flow-heading"), &flow, &[]),
                );
                ui.add_space(6.0);
            });
        });
    });
    command
}

/// The "⏱ Until…" menu (disabled with the reason in `blocker`); returns the hold chosen.
fn until_menu_ui(ui: &mut egui::Ui, i18n: &I18n, until: &mut UntilForm, blocker: Option<String>) -> Option<Hold> {
    let enabled = blocker.is_none();
    let config =
        egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let shown = ui.add_enabled_ui(enabled, |ui| {
        egui::containers::menu::MenuButton::new(i18n.tr("until-button"))
            .config(config)
            .ui(ui, |ui| {
                let chosen = until.menu_ui(ui, i18n);
                if chosen.is_some() {
                    ui.close();
                }
                chosen
            })
    });
    let (response, menu) = shown.inner;
    match blocker {
        Some(reason) => response.on_disabled_hover_text(reason),
        None => response.on_hover_text(i18n.tr("until-button-tooltip")),
    };
    menu.and_then(|menu| menu.inner)
}

/// Why "Until" cannot be used now: it applies the saved profile, so not over unsaved edits.
fn until_blocker(i18n: &I18n, model: &Model, draft: &Draft, name: &str) -> Option<String> {
    if model.busy() {
        return Some(i18n.tr("tooltip-busy"));
    }
    if draft.dirty() {
        return Some(i18n.tr("until-save-first"));
    }
    ApplicableSettings::check(name, &draft.base)
        .err()
        .map(|error| rule_error_text(i18n, &error))
}

/// Why Activate (or Save and activate) cannot be used now, if so.
fn activate_blocker(i18n: &I18n, model: &Model, draft: &Draft, name: &str, active: bool) -> Option<String> {
    let edited = draft.dirty();
    if model.busy() {
        return Some(i18n.tr("tooltip-busy"));
    }
    if !edited && active {
        return Some(i18n.tr("tooltip-already-active"));
    }
    // Core's rule: a mode that forwards calls needs its number before the profile can be applied.
    match draft.settings() {
        Err(_) => Some(i18n.tr("tooltip-save-invalid")),
        Ok(settings) => ApplicableSettings::check(name, &settings)
            .err()
            .map(|error| rule_error_text(i18n, &error)),
    }
}

/// Save (Ctrl+S) and Revert (Esc), each saying why when disabled, and whether there are unsaved changes.
#[must_use]
fn save_bar_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, draft: &Draft) -> Option<UiCommand> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        let save = ui
            .add_enabled(
                draft.savable() && !model.busy(),
                egui::Button::new(i18n.tr("button-save"))
                    .shortcut_text(ui.ctx().format_shortcut(&super::shortcuts::SAVE)),
            )
            .on_disabled_hover_text(if draft.settings().is_err() {
                i18n.tr("tooltip-save-invalid")
            } else if model.busy() && draft.dirty() {
                i18n.tr("tooltip-busy")
            } else {
                i18n.tr("tooltip-save-nothing")
            });
        if save.clicked() {
            command = Some(UiCommand::Save);
        }
        if ui
            .add_enabled(
                draft.dirty(),
                egui::Button::new(i18n.tr("button-revert")).shortcut_text("Esc"),
            )
            .on_hover_text(i18n.tr("tooltip-revert"))
            .on_disabled_hover_text(i18n.tr("tooltip-save-nothing"))
            .clicked()
        {
            command = Some(UiCommand::Revert);
        }
        if draft.dirty() {
            ui.colored_label(ui.visuals().warn_fg_color, i18n.tr("hint-unsaved"));
        }
    });
    command
}
