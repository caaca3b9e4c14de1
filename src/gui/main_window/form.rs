//! The settings form, grouped as the product page groups them: Call pickup, Mobility, Voicemail.
//! Numbers are validated as typed, with the reason next to the field.

use callprofiles_core::{RoutingMode, SettingKey};

use super::greetings::GreetingsView;
use crate::gui::command::UiCommand;
use crate::gui::draft::Draft;
use crate::gui::model::Model;
use crate::text::error_text::input_error_text;
use crate::text::i18n::I18n;
use crate::text::labels::{mode_label, number_label, playback_label};

/// Width of the number field.
const NUMBER_WIDTH: f32 = 220.0;
/// Size of the one-line explanations under controls, relative to the body font (readable, yet quieter).
const EXPLAIN_SCALE: f32 = 0.9;
/// Opacity of the read-only form's values (egui dims disabled widgets to 0.5, too faint to read easily).
const READ_ONLY_ALPHA: f32 = 0.8;

/// Draws the form over `draft`; read-only unless `editable`; marks the settings in `differs`. Returns what
/// the greeting's buttons ask for.
#[must_use]
pub fn settings_form_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    draft: &mut Draft,
    greetings: &GreetingsView<'_>,
    editable: bool,
    differs: &[SettingKey],
) -> Option<UiCommand> {
    let mut command = None;
    if !editable {
        // Read-only values are there to be read (Detected's live settings): dim them less than egui does.
        ui.visuals_mut().disabled_alpha = READ_ONLY_ALPHA;
    }
    let mark = |ui: &mut egui::Ui, key: SettingKey| {
        if differs.contains(&key) {
            ui.colored_label(ui.visuals().warn_fg_color, format!("≠ {}", i18n.tr("mark-differs")));
        }
    };
    // A setting that differs gets its mark at its right; the others stay in the column, where long labels wrap.
    let marked = |ui: &mut egui::Ui, key: Option<SettingKey>, add: &mut dyn FnMut(&mut egui::Ui)| match key {
        Some(key) if differs.contains(&key) => {
            ui.horizontal_wrapped(|ui| {
                add(ui);
                mark(ui, key);
            });
        }
        _ => add(ui),
    };
    section_ui(ui, &i18n.tr("group-call-pickup"), |ui| {
        ui.add_enabled_ui(editable, |ui| {
            marked(ui, Some(SettingKey::CallPickup), &mut |ui| {
                ui.checkbox(&mut draft.call_pickup, i18n.tr("field-call-pickup"));
            });
            ui.weak(i18n.tr("hint-call-pickup"));
        });
    });
    section_ui(ui, &i18n.tr("group-mobility"), |ui| {
        ui.add_enabled_ui(editable, |ui| {
            for mode in RoutingMode::ALL {
                let key = (draft.mode == mode).then_some(SettingKey::Routing);
                marked(ui, key, &mut |ui| {
                    ui.radio_value(&mut draft.mode, mode, mode_label(i18n, mode));
                });
                // One line on what the mode does, in the vendor's words where its page has them.
                explain_ui(ui, &mode_explanation(i18n, mode));
            }
        });
        if draft.mode.needs_number() {
            ui.add_space(4.0);
            number_field_ui(ui, i18n, draft, editable);
        }
    });
    section_ui(ui, &i18n.tr("group-voicemail"), |ui| {
        ui.add_enabled_ui(editable, |ui| {
            marked(ui, Some(SettingKey::Voicemail), &mut |ui| {
                ui.checkbox(&mut draft.voicemail.enabled, i18n.tr("field-voicemail"));
            });
            if !draft.voicemail.enabled {
                explain_ui(ui, &i18n.tr("hint-voicemail-off"));
            }
        });
        // The rest only matters while voicemail is on: dimmed (their values are kept) while it is off.
        ui.add_enabled_ui(editable && draft.voicemail.enabled, |ui| {
            marked(ui, Some(SettingKey::Ringback), &mut |ui| {
                ui.checkbox(&mut draft.voicemail.ringback, i18n.tr("field-ringback"));
            });
            marked(ui, Some(SettingKey::Notification), &mut |ui| {
                ui.checkbox(&mut draft.voicemail.notification, i18n.tr("field-notification"));
            });
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(i18n.tr("field-playback"));
                for playback in Draft::PLAYBACKS {
                    ui.radio_value(&mut draft.voicemail.playback, playback, playback_label(i18n, playback));
                }
                mark(ui, SettingKey::Playback);
            });
            ui.add_space(4.0);
            command = super::greetings::greeting_ui(ui, i18n, model, draft, greetings);
        });
    });
    command
}

/// The number field of the modes that take one, with the reason when the number is not valid.
fn number_field_ui(ui: &mut egui::Ui, i18n: &I18n, draft: &mut Draft, editable: bool) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(number_label(i18n, draft.mode));
        ui.add_enabled(
            editable,
            egui::TextEdit::singleline(&mut draft.number)
                .hint_text(i18n.tr("hint-number"))
                .desired_width(NUMBER_WIDTH.min(ui.available_width())),
        )
        .labelled_by(label.id);
    });
    if !editable {
        return;
    }
    match draft.parsed_number() {
        Err(error) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("✖ {}", input_error_text(i18n, &error)),
            );
        }
        Ok(None) => {
            ui.colored_label(ui.visuals().warn_fg_color, i18n.tr("hint-number-missing"));
        }
        // Only worth saying when the number is written differently from what was typed.
        Ok(Some(number)) if ![number.as_str(), number.grouped().as_str()].contains(&draft.number.trim()) => {
            ui.weak(i18n.tr_args("hint-number-saved-as", &[("number", number.grouped().into())]));
        }
        Ok(Some(_)) => {}
    }
}

/// What a mobility mode does, in one line.
fn mode_explanation(i18n: &I18n, mode: RoutingMode) -> String {
    i18n.tr(match mode {
        RoutingMode::DeskPhone => "explain-desk-phone",
        RoutingMode::Forward => "explain-forward",
        RoutingMode::Twinning => "explain-twinning",
        RoutingMode::Telecommuter => "explain-telecommuter",
    })
}

/// A small explanation under a control, indented like the control's text.
fn explain_ui(ui: &mut egui::Ui, text: &str) {
    ui.horizontal(|ui| {
        ui.add_space(ui.spacing().icon_width + ui.spacing().icon_spacing);
        let size = egui::TextStyle::Body.resolve(ui.style()).size * EXPLAIN_SCALE;
        ui.add(egui::Label::new(egui::RichText::new(text).size(size).weak()).wrap());
    });
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
