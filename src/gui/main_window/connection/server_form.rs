//! The callprofiles-server part of the connection form: address, extension, one-time code and the
//! optional certificate fingerprint, each checked with core's types as typed; "Connect" and, while
//! connected, "Sign out".

use callprofiles_core::phone_system::asterisk::Extension;
use callprofiles_core::remote::{Fingerprint, ServerUrl};
use fluent_bundle::FluentValue;

use super::ConnectionForm;
use crate::gui::command::{ConnectionCommand, ServerRequest, UiCommand};
use crate::gui::model::Model;
use crate::text::error_text::{phone_error_text, remote_error_text};
use crate::text::i18n::I18n;

/// Width of a text field.
const FIELD_WIDTH: f32 = 300.0;

/// What the user typed for a server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerFields {
    /// `https://host:port`.
    pub url: String,
    /// The extension.
    pub extension: String,
    /// The one-time code.
    pub code: String,
    /// The fingerprint (may stay empty).
    pub fingerprint: String,
}

impl ServerFields {
    /// The fields of the server in use (never its code).
    pub fn from_model(model: &Model) -> Self {
        model.server().map_or_else(Self::default, |server| Self {
            url: server.url.to_string(),
            extension: server.extension.to_string(),
            code: String::new(),
            fingerprint: server.fingerprint.map(|f| f.to_string()).unwrap_or_default(),
        })
    }

    /// The request, or the first reason the fields cannot be used.
    pub fn check(&self, i18n: &I18n) -> Result<ServerRequest, String> {
        if self.url.trim().is_empty() {
            return Err(i18n.tr("conn-server-need-url"));
        }
        let url = ServerUrl::parse(&self.url).map_err(|e| remote_error_text(i18n, &e))?;
        if self.extension.trim().is_empty() {
            return Err(i18n.tr("conn-server-need-extension"));
        }
        let extension = Extension::parse(self.extension.trim()).map_err(|e| phone_error_text(i18n, &e))?;
        if self.code.trim().is_empty() {
            return Err(i18n.tr("conn-server-need-code"));
        }
        let fingerprint = match self.fingerprint.trim() {
            "" => None,
            text => Some(Fingerprint::parse(text).map_err(|e| remote_error_text(i18n, &e))?),
        };
        Ok(ServerRequest {
            url,
            extension,
            code: self.code.trim().to_owned(),
            fingerprint,
        })
    }
}

/// The server fields, "Connect", and "Sign out" while connected to a server.
#[must_use]
pub fn server_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, form: &mut ConnectionForm) -> Option<UiCommand> {
    let idle = form.pending.is_none();
    ui.add(egui::Label::new(i18n.tr("conn-server-explain")).wrap());
    ui.add_enabled_ui(idle, |ui| {
        egui::Grid::new("server_fields")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let fields = &mut form.server;
                row_ui(
                    ui,
                    &i18n.tr("conn-server-field-url"),
                    &mut fields.url,
                    "https://pbx.example.com:8443",
                    false,
                );
                row_ui(
                    ui,
                    &i18n.tr("conn-field-extension"),
                    &mut fields.extension,
                    "201",
                    false,
                );
                row_ui(ui, &i18n.tr("conn-server-field-code"), &mut fields.code, "", true);
                row_ui(
                    ui,
                    &i18n.tr("conn-server-field-fingerprint"),
                    &mut fields.fingerprint,
                    "AB:CD:…",
                    false,
                );
            });
    });
    let checked = form.server.check(i18n);
    let why_not = if idle {
        checked.as_ref().err().cloned()
    } else {
        Some(i18n.tr("tooltip-busy"))
    };
    ui.add_space(8.0);
    let mut command = None;
    ui.horizontal(|ui| {
        let connect = ui
            .add_enabled(why_not.is_none(), egui::Button::new(i18n.tr("button-conn-server")))
            .on_disabled_hover_text(why_not.clone().unwrap_or_default());
        if connect.clicked()
            && let Ok(request) = &checked
        {
            command = Some(UiCommand::Connection(ConnectionCommand::ConnectServer(Box::new(
                request.clone(),
            ))));
        }
        if let Some(server) = model.server() {
            let sign_out = ui
                .add_enabled(idle, egui::Button::new(i18n.tr("button-conn-sign-out")))
                .on_hover_text(i18n.tr_args(
                    "conn-server-sign-out-explain",
                    &[("url", FluentValue::from(server.url.to_string()))],
                ));
            if sign_out.clicked() {
                command = Some(UiCommand::Connection(ConnectionCommand::SignOut));
            }
        }
        if ui.button(i18n.tr("button-close")).clicked() {
            ui.close_kind(egui::UiKind::Modal);
        }
    });
    if idle && let Err(reason) = &checked {
        ui.weak(reason);
    }
    command
}

/// One labelled field (its label is its accessible name).
fn row_ui(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str, password: bool) {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(FIELD_WIDTH)
            .hint_text(hint)
            .password(password),
    )
    .labelled_by(label.id);
    ui.end_row();
}
