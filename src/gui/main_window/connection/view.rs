//! Drawing the connection form: the choice, the checked fields with their reasons, the buttons, the
//! progress and the result.

use callprofiles_core::PhoneSystemKind;
use callprofiles_core::phone_system::asterisk::SECRET_ENV;
use fluent_bundle::FluentValue;

use super::{ConnectionForm, Field, Pending, Problem, SavedSecret};
use crate::gui::command::{ConnectionCommand, UiCommand};
use crate::gui::main_window::status::ok_color;
use crate::gui::model::Model;
use crate::gui::worker::SECRET_FILE;
use crate::text::i18n::I18n;

/// Width of the form's content.
const FORM_WIDTH: f32 = 520.0;
/// Width of a text field.
const FIELD_WIDTH: f32 = 280.0;
/// Width of the port field.
const PORT_WIDTH: f32 = 80.0;
/// Distance of the form from the top of the window (below the toolbar).
const FORM_TOP: f32 = 56.0;

/// Draws the connection form over the window.
#[must_use]
pub fn connection_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, form: &mut ConnectionForm) -> Option<UiCommand> {
    let id = egui::Id::unique("connection_form");
    // Anchored at the top, so the fields stay under the pointer when reasons appear and disappear below them.
    let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, FORM_TOP));
    let modal = egui::Modal::new(id).area(area).show(ui.ctx(), |ui| {
        ui.set_width(FORM_WIDTH);
        ui.heading(i18n.tr("conn-title"));
        ui.add(egui::Label::new(in_use_text(i18n, model)).wrap());
        ui.add_space(6.0);
        let idle = form.pending.is_none();
        ui.add_enabled_ui(idle, |ui| {
            ui.radio_value(&mut form.choice, PhoneSystemKind::Demo, i18n.tr("conn-choice-builtin"));
            ui.radio_value(
                &mut form.choice,
                PhoneSystemKind::Asterisk,
                i18n.tr("conn-choice-asterisk"),
            );
            ui.radio_value(&mut form.choice, PhoneSystemKind::Server, i18n.tr("conn-choice-server"));
        });
        ui.separator();
        let command = match form.choice {
            PhoneSystemKind::Demo => builtin_ui(ui, i18n, model, form),
            PhoneSystemKind::Asterisk => asterisk_ui(ui, i18n, form),
            PhoneSystemKind::Server => super::server_form::server_ui(ui, i18n, model, form),
        };
        progress_ui(ui, i18n, form).or(command)
    });
    let closing = crate::gui::main_window::modal::dismissed(&modal);
    match modal.inner {
        None if closing => Some(UiCommand::Connection(ConnectionCommand::Close)),
        command => command,
    }
}

/// Which phone system is in use now.
fn in_use_text(i18n: &I18n, model: &Model) -> String {
    match (model.asterisk(), model.phone_system()) {
        (Some(config), _) => i18n.tr_args(
            "conn-in-use-asterisk",
            &[
                ("address", FluentValue::from(config.address())),
                ("extension", FluentValue::from(config.extension.to_string())),
            ],
        ),
        (None, Some(_)) if let Some(server) = model.server() => i18n.tr_args(
            "conn-in-use-server",
            &[
                ("url", FluentValue::from(server.url.to_string())),
                ("extension", FluentValue::from(server.extension.to_string())),
            ],
        ),
        (None, Some(system)) if system.kind == PhoneSystemKind::Asterisk => system.summary.clone(),
        (None, _) => i18n.tr("conn-in-use-demo"),
    }
}

/// The built-in demo: what it is, and the button that switches back to it.
#[must_use]
fn builtin_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, form: &ConnectionForm) -> Option<UiCommand> {
    ui.add(egui::Label::new(i18n.tr("conn-builtin-explain")).wrap());
    let in_use = model
        .phone_system()
        .is_some_and(|system| system.kind == PhoneSystemKind::Demo);
    let why_not = if form.pending.is_some() {
        Some(i18n.tr("tooltip-busy"))
    } else if in_use {
        Some(i18n.tr("conn-builtin-in-use"))
    } else {
        None
    };
    let clicked = buttons_ui(ui, i18n, &i18n.tr("button-conn-builtin"), why_not);
    if in_use {
        ui.weak(i18n.tr("conn-builtin-in-use"));
    }
    clicked.then_some(UiCommand::Connection(ConnectionCommand::UseBuiltin))
}

/// The Asterisk fields, checked as typed, and "Test and connect".
#[must_use]
fn asterisk_ui(ui: &mut egui::Ui, i18n: &I18n, form: &mut ConnectionForm) -> Option<UiCommand> {
    let checked = form.fields.check(i18n, &form.saved);
    let idle = form.pending.is_none();
    // What AMI is and what the administrator sets up, before the fields that need it.
    ui.add(egui::Label::new(i18n.tr("conn-ami-explain")).wrap());
    ui.add_space(4.0);
    ui.add_enabled_ui(idle, |ui| {
        egui::Grid::new("connection_fields")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let fields = &mut form.fields;
                let host = (i18n.tr("conn-field-host"), i18n.tr("conn-hint-host"));
                text_row_ui(ui, &host, &mut fields.host, FIELD_WIDTH, checked.problem(Field::Host));
                let port = (i18n.tr("conn-field-port"), String::new());
                text_row_ui(ui, &port, &mut fields.port, PORT_WIDTH, checked.problem(Field::Port));
                let user = (i18n.tr("conn-field-username"), i18n.tr("conn-hint-username"));
                text_row_ui(
                    ui,
                    &user,
                    &mut fields.username,
                    FIELD_WIDTH,
                    checked.problem(Field::Username),
                );
                let extension = (i18n.tr("conn-field-extension"), i18n.tr("conn-hint-extension"));
                text_row_ui(
                    ui,
                    &extension,
                    &mut fields.extension,
                    FIELD_WIDTH,
                    checked.problem(Field::Extension),
                );
                secret_row_ui(ui, i18n, form, checked.problem(Field::Secret));
            });
    });
    let why_not = if idle {
        checked.problems.first().map(|problem| problem.text.clone())
    } else {
        Some(i18n.tr("tooltip-busy"))
    };
    // A reason next to a field says what is wrong with its text; an empty field's reason shows here.
    let empty = checked.problems.iter().find(|problem| problem.empty).filter(|_| idle);
    let clicked = buttons_ui(ui, i18n, &i18n.tr("button-conn-test"), why_not);
    if let Some(problem) = empty {
        ui.weak(&problem.text);
    }
    let (config, secret) = checked.connection.filter(|_| clicked)?;
    Some(UiCommand::Connection(ConnectionCommand::Connect { config, secret }))
}

/// One labelled text field in the grid, with the reason its text cannot be used below it.
fn text_row_ui(
    ui: &mut egui::Ui,
    (label, hint): &(String, String),
    text: &mut String,
    width: f32,
    problem: Option<&Problem>,
) {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width).hint_text(hint))
        .labelled_by(label.id);
    ui.end_row();
    reason_row_ui(ui, problem);
}

/// The secret: a masked field, or where the secret comes from instead.
fn secret_row_ui(ui: &mut egui::Ui, i18n: &I18n, form: &mut ConnectionForm, problem: Option<&Problem>) {
    let label = ui.label(i18n.tr("conn-field-secret"));
    if form.saved == SavedSecret::Environment {
        ui.add(
            egui::Label::new(i18n.tr_args("conn-secret-env", &[("variable", FluentValue::from(SECRET_ENV))])).wrap(),
        );
        ui.end_row();
        return;
    }
    let hint = match form.saved {
        SavedSecret::File(_) => i18n.tr("conn-secret-keep"),
        SavedSecret::Environment | SavedSecret::Nothing => String::new(),
    };
    ui.add(
        egui::TextEdit::singleline(&mut form.fields.secret)
            .password(true)
            .desired_width(FIELD_WIDTH)
            .hint_text(hint),
    )
    .labelled_by(label.id);
    ui.end_row();
    reason_row_ui(ui, problem);
    ui.label("");
    ui.add(
        egui::Label::new(
            egui::RichText::new(i18n.tr_args("conn-secret-stored", &[("file", FluentValue::from(SECRET_FILE))])).weak(),
        )
        .wrap(),
    );
    ui.end_row();
}

/// Why a typed field cannot be used, under it (an empty field's reason shows by the buttons instead).
fn reason_row_ui(ui: &mut egui::Ui, problem: Option<&Problem>) {
    let Some(problem) = problem.filter(|problem| !problem.empty) else {
        return;
    };
    ui.label("");
    ui.add(
        egui::Label::new(egui::RichText::new(format!("✖ {}", problem.text)).color(ui.visuals().error_fg_color)).wrap(),
    );
    ui.end_row();
}

/// The confirm button (disabled with `why_not` as its tooltip) and Close; returns whether confirm was clicked.
fn buttons_ui(ui: &mut egui::Ui, i18n: &I18n, confirm: &str, why_not: Option<String>) -> bool {
    ui.add_space(8.0);
    let mut clicked = false;
    ui.horizontal(|ui| {
        clicked = ui
            .add_enabled(why_not.is_none(), egui::Button::new(confirm))
            .on_disabled_hover_text(why_not.unwrap_or_default())
            .clicked();
        if ui.button(i18n.tr("button-close")).clicked() {
            ui.close_kind(egui::UiKind::Modal);
        }
    });
    clicked
}

/// The request in flight (a connection test can be cancelled: it may take seconds), or the last result.
#[must_use]
fn progress_ui(ui: &mut egui::Ui, i18n: &I18n, form: &ConnectionForm) -> Option<UiCommand> {
    let mut command = None;
    if let Some((_, pending)) = &form.pending {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            let text = match pending {
                Pending::Connecting(address) => {
                    i18n.tr_args("conn-connecting", &[("address", FluentValue::from(address.clone()))])
                }
                Pending::Builtin => i18n.tr("conn-switching"),
                Pending::Server(url) => i18n.tr_args("conn-connecting", &[("address", FluentValue::from(url.clone()))]),
            };
            ui.add(egui::Label::new(text).wrap());
            if form.cancel.is_some() && ui.button(i18n.tr("button-cancel")).clicked() {
                command = Some(UiCommand::Connection(ConnectionCommand::Cancel));
            }
        });
    } else if let Some(result) = &form.result {
        ui.add_space(6.0);
        let (mark, color) = if result.error {
            ("✖", ui.visuals().error_fg_color)
        } else {
            ("✔", ok_color(ui))
        };
        ui.add(egui::Label::new(egui::RichText::new(format!("{mark} {}", result.text)).color(color)).wrap());
    }
    command
}
