//! The quick window's list: every saved profile as a large button with its number key (the active one
//! highlighted), and Detected when the phone system's settings match none of them.

use callprofiles_core::{ApplicableSettings, Profile, ProfileId};
use fluent_bundle::FluentValue;

use super::QuickCommand;
use super::keys::NUMBERED;
use crate::gui::model::Model;
use crate::text::error_text::store_error_text;
use crate::text::i18n::I18n;
use crate::text::labels::settings_list;

/// Height of one profile button.
const BUTTON_HEIGHT: f32 = 44.0;
/// Size of a profile's name.
const NAME_SIZE: f32 = 18.0;

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
        detected_ui(ui, i18n, model);
    }
    command
}

/// One profile's large button: "1  Office ……… ✔ active".
#[must_use]
fn profile_button_ui(ui: &mut egui::Ui, i18n: &I18n, row: &Row<'_>, busy: bool) -> Option<QuickCommand> {
    let name = i18n.profile_name(row.profile);
    // Core's rule: a mode that forwards calls needs its number before the profile can be applied. Such a
    // profile stays clickable: the click says why in the window (a tooltip would not fit in it).
    let complete = ApplicableSettings::check(&name, &row.profile.settings).is_ok();
    let key = (row.index < NUMBERED).then(|| (row.index + 1).to_string());
    let mut atoms = egui::Atoms::default();
    // As large as the name, so that both sit on one baseline.
    atoms.push_right(
        egui::RichText::new(key.clone().unwrap_or_default())
            .size(NAME_SIZE)
            .weak(),
    );
    let title = egui::RichText::new(&name).size(NAME_SIZE);
    atoms.push_right(if row.active { title.strong() } else { title });
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
    if let Some(key) = key {
        spoken.push(i18n.tr_args("quick-key", &[("key", FluentValue::from(key))]));
    }
    let highlighted = row.active || row.applying;
    let button = egui::Button::new(atoms)
        .selected(highlighted)
        .right_text(mark)
        .truncate()
        .min_size(egui::vec2(ui.available_width(), BUTTON_HEIGHT));
    let response = ui.add_enabled(!busy, button);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, !busy, highlighted, spoken.join(", "))
    });
    response
        .clicked()
        .then(|| QuickCommand::Activate(row.profile.id.clone()))
}

/// Detected: not a profile to choose, but what the phone system does now, framed like a warning.
fn detected_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) {
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, warn))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(format!("⚠ {}", i18n.tr("profile-detected")))
                    .size(NAME_SIZE)
                    .color(warn)
                    .strong(),
            );
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
        });
}
