//! The profile sidebar: built-ins (marked, never deletable), the custom profiles, and Detected when the live
//! settings match none of them. Click selects; double-click activates.

use callprofiles_core::{Profile, ProfileKind};
use fluent_bundle::FluentValue;

use crate::gui::command::{Selection, UiCommand};
use crate::gui::i18n::I18n;
use crate::gui::labels::settings_list;
use crate::gui::model::Model;

/// A profile and its position (for Ctrl+1…7).
type Row<'a> = (usize, &'a Profile);

/// Height of one sidebar row.
const ROW_HEIGHT: f32 = 30.0;

/// Draws the sidebar.
#[must_use]
pub fn sidebar_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, selection: &Selection) -> Option<UiCommand> {
    let mut command = None;
    let profiles = model.profiles();
    let active = model.active_id();
    let (builtins, customs): (Vec<Row<'_>>, Vec<Row<'_>>) =
        profiles.iter().enumerate().partition(|(_, p)| p.is_builtin());
    let custom_heading = i18n.tr_args("sidebar-custom", &[("count", FluentValue::from(customs.len()))]);
    for (heading, rows) in [(i18n.tr("sidebar-builtin"), builtins), (custom_heading, customs)] {
        ui.add_space(6.0);
        ui.strong(heading);
        if rows.is_empty() {
            ui.weak(i18n.tr("sidebar-custom-empty"));
        }
        for (index, profile) in rows {
            let is_active = active.as_ref() == Some(&profile.id);
            command = command.or(profile_row_ui(ui, i18n, profile, index, selection, is_active));
        }
    }
    if model.detected().is_some() {
        ui.add_space(8.0);
        command = command.or(detected_row_ui(ui, i18n, model, selection));
    }
    command
}

/// One saved profile's row.
#[must_use]
fn profile_row_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    profile: &Profile,
    index: usize,
    selection: &Selection,
    active: bool,
) -> Option<UiCommand> {
    let selected = selection == &Selection::Profile(profile.id.clone());
    let name = i18n.profile_name(profile);
    let builtin = matches!(profile.kind, ProfileKind::BuiltIn(_));
    let mut atoms = egui::Atoms::default();
    if active {
        atoms.push_right(egui::RichText::new("✔").color(super::status::ok_color(ui)).strong());
    }
    atoms.push_right(if active {
        egui::RichText::new(&name).strong()
    } else {
        egui::RichText::new(&name)
    });
    let mut button = egui::Button::selectable(selected, atoms).min_size(egui::vec2(ui.available_width(), ROW_HEIGHT));
    if builtin {
        button = button.right_text(egui::RichText::new(i18n.tr("mark-builtin")).weak().small());
    }
    let response = ui.add(button).on_hover_text(i18n.tr_args(
        "tooltip-row",
        &[("shortcut", FluentValue::from(format!("Ctrl+{}", index + 1)))],
    ));
    // Screen readers (and tests) get "Office, built-in, active" rather than the symbols.
    let mut spoken = vec![name];
    if builtin {
        spoken.push(i18n.tr("mark-builtin"));
    }
    if active {
        spoken.push(i18n.tr("mark-active"));
    }
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, spoken.join(", ")));
    if response.double_clicked() {
        Some(UiCommand::SelectAndActivate(profile.id.clone()))
    } else if response.clicked() {
        Some(UiCommand::Select(Selection::Profile(profile.id.clone())))
    } else {
        None
    }
}

/// The Detected row: distinct, with what differs from the nearest saved profile.
#[must_use]
fn detected_row_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, selection: &Selection) -> Option<UiCommand> {
    let warn = ui.visuals().warn_fg_color;
    let frame = egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.5, warn));
    frame
        .show(ui, |ui| {
            let selected = selection == &Selection::Detected;
            // On the selection's fill the warning colour is hard to read: use the strong text colour there.
            let color = if selected {
                ui.visuals().strong_text_color()
            } else {
                warn
            };
            let title = egui::RichText::new(format!("⚠ {}", i18n.tr("profile-detected")))
                .color(color)
                .strong();
            let response = ui
                .add(egui::Button::selectable(selected, title).min_size(egui::vec2(ui.available_width(), ROW_HEIGHT)));
            let spoken = i18n.tr("profile-detected");
            response.widget_info(|| egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &spoken));
            if let Some((nearest, differences)) = model.nearest_to_detected() {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(i18n.tr_args(
                            "detected-differs",
                            &[
                                ("profile", FluentValue::from(i18n.profile_name(&nearest))),
                                ("settings", FluentValue::from(settings_list(i18n, &differences))),
                            ],
                        ))
                        .small(),
                    )
                    .wrap(),
                );
            }
            response.clicked().then_some(UiCommand::Select(Selection::Detected))
        })
        .inner
}
