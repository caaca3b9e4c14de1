//! The quick window's list: every saved profile as a large button with its number key (the active one
//! highlighted), and Detected when the phone system's settings match none of them.

use callprofiles_core::{ApplicableSettings, Profile, ProfileId};
use fluent_bundle::FluentValue;

use super::QuickCommand;
use super::keys::NUMBERED;
use crate::gui::model::Model;
use crate::text::error_text::{rule_error_text, store_error_text};
use crate::text::i18n::I18n;
use crate::text::labels::{routing_summary, settings_list};

/// Height of one profile button (two lines: the name, and where its calls go).
const BUTTON_HEIGHT: f32 = 50.0;
/// Size of a profile's name.
const NAME_SIZE: f32 = 18.0;
/// Size of the line saying where calls go.
const DETAIL_SIZE: f32 = 12.5;

/// How one profile's button looks.
struct Row<'a> {
    profile: &'a Profile,
    index: usize,
    active: bool,
    applying: bool,
}

/// Draws the list.
#[must_use]
pub fn entries_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    applying: Option<&ProfileId>,
    busy: bool,
) -> Option<QuickCommand> {
    if let Some(problem) = model.store_problem() {
        let color = ui.visuals().error_fg_color;
        ui.add(egui::Label::new(egui::RichText::new(store_error_text(i18n, problem)).color(color)).wrap());
        ui.add(egui::Label::new(i18n.tr("quick-store-problem")).wrap());
        return None;
    }
    let active = model.active_id();
    let mut command = None;
    ui.spacing_mut().item_spacing.y = 6.0;
    for (index, profile) in model.profiles().iter().enumerate() {
        let row = Row {
            profile,
            index,
            active: active.as_ref() == Some(&profile.id),
            applying: applying == Some(&profile.id),
        };
        command = command.or(profile_button_ui(ui, i18n, &row, busy));
    }
    if model.detected().is_some() {
        command = command.or(detected_ui(ui, i18n, model, busy));
    }
    command
}

/// One profile's large button: "1  Office ……… ✔ active".
#[must_use]
fn profile_button_ui(ui: &mut egui::Ui, i18n: &I18n, row: &Row<'_>, busy: bool) -> Option<QuickCommand> {
    let name = i18n.profile_name(row.profile);
    // Core's rule: a mode that forwards calls needs its number before the profile can be applied. Such a
    // profile's button is disabled, and says why (on hover, and to screen readers).
    let why_not = ApplicableSettings::check(&name, &row.profile.settings)
        .err()
        .map(|error| rule_error_text(i18n, &error));
    let complete = why_not.is_none();
    let summary = routing_summary(i18n, &row.profile.settings.routing);
    let key = (row.index < NUMBERED).then(|| (row.index + 1).to_string());
    let mut atoms = egui::Atoms::default();
    // As large as the name, so that both sit on one baseline.
    atoms.push_right(
        egui::RichText::new(key.clone().unwrap_or_default())
            .size(NAME_SIZE)
            .weak(),
    );
    // Two lines: the name, and under it where the calls go (so that similar profiles can be told apart).
    let title = egui::RichText::new(&name).size(NAME_SIZE);
    let title = if row.active { title.strong() } else { title };
    let detail = egui::RichText::new(format!("\n{}", summary.short))
        .size(DETAIL_SIZE)
        .color(ui.visuals().weak_text_color());
    let mut job = egui::text::LayoutJob::default();
    for part in [title, detail] {
        part.append_to(&mut job, ui.style(), egui::FontSelection::Default, egui::Align::Center);
    }
    atoms.push_right(job);
    let mut spoken = vec![name.clone()];
    let mark = if row.active {
        spoken.push(i18n.tr("mark-active"));
        egui::RichText::new(format!("✔ {}", i18n.tr("mark-active"))).strong()
    } else if !complete {
        spoken.push(i18n.tr("quick-needs-number"));
        egui::RichText::new(i18n.tr("quick-needs-number")).weak()
    } else {
        egui::RichText::new("")
    };
    spoken.push(summary.spoken);
    if let Some(key) = key {
        spoken.push(i18n.tr_args("quick-key", &[("key", FluentValue::from(key))]));
    }
    let highlighted = row.active || row.applying;
    let button = egui::Button::new(atoms)
        .selected(highlighted)
        .right_text(mark)
        .min_size(egui::vec2(ui.available_width(), BUTTON_HEIGHT));
    let enabled = !busy && complete;
    let response = ui.add_enabled(enabled, button);
    let response = match &why_not {
        Some(reason) => response
            .on_disabled_hover_text(i18n.tr_args("quick-cannot", &[("reason", FluentValue::from(reason.clone()))])),
        None => response,
    };
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, enabled, highlighted, spoken.join(", "))
    });
    response
        .clicked()
        .then(|| QuickCommand::Activate(row.profile.id.clone()))
}

/// Detected: not a profile to choose, but what the phone system does now, framed like a warning. Its key D
/// (or a click) opens the main window, where the settings can be seen and kept.
#[must_use]
fn detected_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, busy: bool) -> Option<QuickCommand> {
    let warn = ui.visuals().warn_fg_color;
    let frame = egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, warn))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(super::keys::DETECTED_KEY_NAME)
                        .size(NAME_SIZE)
                        .weak(),
                );
                ui.label(
                    egui::RichText::new(format!("⚠ {}", i18n.tr("profile-detected")))
                        .size(NAME_SIZE)
                        .color(warn)
                        .strong(),
                );
            });
            ui.add(egui::Label::new(i18n.tr("quick-detected-current")).wrap());
            if let Some((nearest, differences)) = model.nearest_to_detected() {
                let text = i18n.tr_args(
                    "detected-differs",
                    &[
                        ("profile", FluentValue::from(i18n.profile_name(&nearest))),
                        ("settings", FluentValue::from(settings_list(i18n, &differences))),
                    ],
                );
                ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
            }
            ui.add(egui::Label::new(egui::RichText::new(i18n.tr("quick-detected-open")).size(DETAIL_SIZE)).wrap());
        });
    // The whole frame is one button for the pointer and for screen readers.
    let response = ui.interact(
        frame.response.rect,
        egui::Id::unique("quick_detected_row"),
        egui::Sense::click(),
    );
    let spoken = format!("{}, {}", i18n.tr("profile-detected"), i18n.tr("quick-detected-open"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, !busy, &spoken));
    (response.clicked() && !busy).then_some(QuickCommand::ShowDetected)
}
