//! Networks: a name, how the network is recognised (shown readably), the profile, and *Learn this network*.

use callprofiles_core::Profile;
use fluent_bundle::FluentValue;

use super::row_note_ui;
use crate::gui::automation::draft::RulesDraft;
use crate::gui::automation::draft::Tone;
use crate::gui::automation::widgets::{Name, profile_menu_ui, short_field_ui};
use crate::gui::command::{AutomationCommand, UiCommand};
use crate::gui::model::Model;
use crate::text::i18n::I18n;
use crate::text::reason_text::signature_text;

/// Width of a network's name field.
const LABEL_WIDTH: f32 = 120.0;

/// Draws the networks and the learn button.
#[must_use]
pub fn networks_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    profiles: &[Profile],
    draft: &mut RulesDraft,
    notes: &dyn Fn(usize) -> Option<(String, Tone)>,
) -> Option<UiCommand> {
    let mut command = None;
    if draft.networks.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(i18n.tr("rules-networks-empty")).weak()).wrap());
    }
    let mut remove = None;
    for (index, row) in draft.networks.iter_mut().enumerate() {
        let number = FluentValue::from(index + 1);
        ui.push_id(("network", index), |ui| {
            ui.horizontal_wrapped(|ui| {
                let name = i18n.tr_args("rules-network-label", &[("number", number.clone())]);
                short_field_ui(ui, &mut row.label, LABEL_WIDTH, Name::Text(&name), "");
                ui.weak(signature_text(i18n, &row.network));
                ui.label("➡");
                let name = i18n.tr_args("rules-network-profile", &[("number", number.clone())]);
                profile_menu_ui(ui, i18n, "profile", Name::Text(&name), profiles, &mut row.profile, None);
                let name = i18n.tr_args("rules-network-remove", &[("number", number.clone())]);
                let button = ui.small_button("🗑").on_hover_text(&name);
                button.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name));
                if button.clicked() {
                    remove = Some(index);
                }
            });
            if let Some((text, tone)) = notes(index) {
                row_note_ui(ui, &text, tone);
            }
        });
    }
    if let Some(index) = remove
        && index < draft.networks.len()
    {
        draft.networks.remove(index);
    }
    let learn = ui
        .add_enabled(!model.busy(), egui::Button::new(i18n.tr("rules-learn-network")))
        .on_hover_text(i18n.tr("rules-learn-network-tooltip"));
    if learn.clicked() {
        command = Some(UiCommand::Automation(AutomationCommand::LearnNetwork));
    }
    command
}
