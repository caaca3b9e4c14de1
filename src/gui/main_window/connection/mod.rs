//! The "Phone system" connection form: choose the built-in demo or an Asterisk/FreePBX, test the
//! connection on the worker, and show its progress and result.

mod fields;
mod handling;
mod server_form;
mod view;

use callprofiles_core::PhoneSystemKind;
use callprofiles_core::phone_system::asterisk::SECRET_ENV;

pub use fields::{ConnectionFields, Field, Problem, SavedSecret};
pub use handling::outcome_text;
pub use server_form::ServerFields;
pub use view::connection_ui;

use super::Notice;
use crate::gui::cancel::CancelFlag;
use crate::gui::model::Model;
use crate::gui::worker::Ticket;

/// What the form is waiting for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// The connection to this `host:port` is being tested.
    Connecting(String),
    /// The switch back to the built-in demo.
    Builtin,
    /// Enrolling with the server at this address (or signing out of it).
    Server(String),
}

/// The open connection form.
#[derive(Debug)]
pub struct ConnectionForm {
    /// The phone system chosen in the form.
    pub choice: PhoneSystemKind,
    /// What the user typed.
    pub fields: ConnectionFields,
    /// What the user typed for a callprofiles server.
    pub server: ServerFields,
    /// Where the secret comes from when none is typed.
    pub saved: SavedSecret,
    /// The request in flight.
    pub pending: Option<(Ticket, Pending)>,
    /// The result of the last request, as a sentence.
    pub result: Option<Notice>,
    /// Cancels the connection test in flight.
    pub cancel: Option<CancelFlag>,
}

impl ConnectionForm {
    /// A form showing the phone system in use (its connection filled in, never its secret).
    pub fn new(model: &Model) -> Self {
        let asterisk = model.asterisk();
        let in_use = model.phone_system().map_or(PhoneSystemKind::Demo, |system| system.kind);
        let environment = std::env::var_os(SECRET_ENV).is_some_and(|value| !value.is_empty());
        let saved = match asterisk.and_then(|config| config.secret_file.clone()) {
            _ if environment => SavedSecret::Environment,
            Some(file) => SavedSecret::File(file),
            None => SavedSecret::Nothing,
        };
        Self {
            choice: in_use,
            fields: ConnectionFields::from_config(asterisk),
            server: ServerFields::from_model(model),
            saved,
            pending: None,
            result: None,
            cancel: None,
        }
    }

    /// Notes the request just sent.
    pub fn started(&mut self, ticket: Ticket, pending: Pending) {
        self.pending = Some((ticket, pending));
        self.result = None;
    }
}
