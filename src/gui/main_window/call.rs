//! A telecommuter's outgoing call: the "Call…" button of the status line (only while the phone system
//! routes calls to a telecommuter number) and the dialog that takes the number.

use callprofiles_core::{PhoneNumber, PhoneSystemKind, Routing};
use fluent_bundle::FluentValue;

use crate::gui::command::{Dialog, UiCommand};
use crate::gui::model::Model;
use crate::text::error_text::{input_error_text, phone_error_text};
use crate::text::i18n::I18n;

/// The telecommuter number the live settings route calls to, if any.
pub fn telecommuter_number(model: &Model) -> Option<&PhoneNumber> {
    match &model.live()?.routing {
        Routing::Telecommuter { number } => number.as_ref(),
        _ => None,
    }
}

/// The "Call…" button, shown while calls go to a telecommuter number; disabled (saying why) on the demo.
#[must_use]
pub fn call_button_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
    let remote = telecommuter_number(model)?;
    let demo = model.phone_system().is_none_or(|p| p.kind == PhoneSystemKind::Demo);
    let button = ui
        .add_enabled(!demo && !model.busy(), egui::Button::new(i18n.tr("button-call")))
        .on_hover_text(i18n.tr_args(
            "tooltip-call",
            &[("remote", FluentValue::from(remote.as_str().to_owned()))],
        ))
        .on_disabled_hover_text(if demo {
            phone_error_text(i18n, &callprofiles_core::PhoneError::CallsUnsupported)
        } else {
            i18n.tr("tooltip-unavailable")
        });
    button
        .clicked()
        .then(|| UiCommand::Open(Dialog::Call { number: String::new() }))
}

/// The dialog's content: the number, checked as typed; returns the command once confirmed.
#[must_use]
pub fn call_dialog_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, number: &mut String) -> Option<UiCommand> {
    ui.heading(i18n.tr("dialog-call-title"));
    let remote = telecommuter_number(model).map_or_else(String::new, |n| n.as_str().to_owned());
    ui.add(egui::Label::new(i18n.tr_args("dialog-call-text", &[("remote", FluentValue::from(remote))])).wrap());
    ui.add_space(6.0);
    super::modal::field_ui(
        ui,
        &i18n.tr("field-call-number"),
        egui::TextEdit::singleline(number)
            .desired_width(260.0)
            .hint_text(i18n.tr("hint-call-number")),
    );
    let parsed = PhoneNumber::parse(number);
    if let Err(error) = &parsed
        && !number.trim().is_empty()
    {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("✖ {}", input_error_text(i18n, error)),
        );
    }
    let valid = parsed.is_ok() && telecommuter_number(model).is_some();
    let confirmed = super::modal::buttons_ui(ui, i18n, &i18n.tr("button-call-confirm"), valid)
        || (valid && ui.input(|i| i.key_pressed(egui::Key::Enter)));
    confirmed.then(|| UiCommand::Call(number.trim().to_owned()))
}
