//! `ServerPhoneSystem`: the PBX as the server shows it, behind the same [`PhoneSystem`] trait as a
//! direct Asterisk, so `pbx show/set`, a telecommuter's call and the voicemail count need no special
//! case. Reading is one `GET /users/me/state`; writing is `PUT /users/me/live`.

use std::path::Path;

use super::client::ServerClient;
use super::config::ServerConfig;
use super::token::DeviceToken;
use crate::applicable::ApplicableSettings;
use crate::error::{CoreError, PhoneError, RemoteError};
use crate::phone_number::PhoneNumber;
use crate::phone_system::call::{CallWatch, KnownOutcome};
use crate::phone_system::{PhoneSystem, PhoneSystemDescription, PhoneSystemKind};
use crate::settings::{GreetingSlot, Settings};
use crate::voicemail::{MessageId, RecordedGreetings, VoicemailMessage};
use crate::wire::State;

/// The phone system reached through a callprofiles server.
#[derive(Debug)]
pub struct ServerPhoneSystem {
    client: ServerClient,
    config: ServerConfig,
}

impl ServerPhoneSystem {
    /// The server of `config`, with the token stored in `home`.
    pub fn open(config: &ServerConfig, home: &Path) -> Result<Self, CoreError> {
        let token = DeviceToken::load(home)?;
        let client = ServerClient::new(config.url.clone(), config.fingerprint, Some(token))?;
        Ok(Self {
            client,
            config: config.clone(),
        })
    }

    /// The client (shared with the profile operations and the event stream).
    pub fn client(&self) -> &ServerClient {
        &self.client
    }

    /// The server's configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }
}

/// The server's phone system, or one that reports why it cannot be used (no device token yet).
pub fn open_or_unusable(config: &ServerConfig, home: &Path) -> Box<dyn PhoneSystem> {
    match ServerPhoneSystem::open(config, home) {
        Ok(phone) => Box::new(phone),
        Err(error) => Box::new(Unusable {
            error: as_phone_error(error),
            config: config.clone(),
        }),
    }
}

/// A server phone system that cannot be used; every operation says why.
#[derive(Debug)]
struct Unusable {
    error: PhoneError,
    config: ServerConfig,
}

impl PhoneSystem for Unusable {
    fn description(&self) -> PhoneSystemDescription {
        describe(&self.config)
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        Err(self.error.clone())
    }

    fn write(&mut self, _settings: &ApplicableSettings) -> Result<(), PhoneError> {
        Err(self.error.clone())
    }
}

/// How a server phone system describes itself.
fn describe(config: &ServerConfig) -> PhoneSystemDescription {
    PhoneSystemDescription {
        kind: PhoneSystemKind::Server,
        computer_audio: true,
        summary: format!(
            "callprofiles server at {}, extension {}",
            config.url,
            config.extension.as_str()
        ),
    }
}

/// The live settings of a state, or why there are none.
pub fn live_of(state: &State) -> Result<Settings, PhoneError> {
    state
        .live
        .clone()
        .ok_or(PhoneError::Server(RemoteError::PbxUnreachable))
}

/// A core error from a server call, as a phone-system failure.
pub fn as_phone_error(error: CoreError) -> PhoneError {
    match error {
        CoreError::Phone(phone) => phone,
        CoreError::Remote(remote) => PhoneError::Server(remote),
        other => PhoneError::Server(RemoteError::Refused {
            message: other.to_string(),
        }),
    }
}

impl PhoneSystem for ServerPhoneSystem {
    fn description(&self) -> PhoneSystemDescription {
        describe(&self.config)
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        live_of(&self.client.state().map_err(as_phone_error)?)
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        self.client
            .put_live(&settings.to_settings())
            .map_err(as_phone_error)
            .map(drop)
    }

    fn apply(&mut self, settings: &ApplicableSettings) -> Result<Settings, PhoneError> {
        // The server writes, reads back and verifies; its answer is the state after.
        live_of(&self.client.put_live(&settings.to_settings()).map_err(as_phone_error)?)
    }

    fn place_call(&mut self, target: &PhoneNumber) -> Result<Box<dyn CallWatch>, PhoneError> {
        Ok(Box::new(ServerCall {
            client: self.client.clone(),
            number: target.as_str().to_owned(),
        }))
    }

    fn new_messages(&mut self) -> Result<Option<u64>, PhoneError> {
        Ok(self.client.state().map_err(as_phone_error)?.new_messages)
    }

    fn places_calls(&self) -> bool {
        true
    }

    fn voicemail_messages(&mut self) -> Result<Vec<VoicemailMessage>, PhoneError> {
        self.list_messages()
    }

    fn mark_heard(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.client.mark_heard(id).map(drop).map_err(as_phone_error)
    }

    fn delete_message(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.client.delete_message(id).map(drop).map_err(as_phone_error)
    }

    fn play_on_phone(&mut self, id: &MessageId) -> Result<(), PhoneError> {
        self.client.play_on_phone(id).map_err(as_phone_error)
    }

    fn record_greeting(&mut self, slot: GreetingSlot) -> Result<(), PhoneError> {
        self.client.record_greeting(slot).map_err(as_phone_error)
    }

    fn recorded_greetings(&mut self) -> Result<RecordedGreetings, PhoneError> {
        self.greetings_recorded()
    }

    fn message_audio(&mut self, id: &MessageId) -> Result<Vec<u8>, PhoneError> {
        self.client.message_audio(id).map_err(as_phone_error)
    }

    fn greeting_audio(&mut self, slot: GreetingSlot) -> Result<Vec<u8>, PhoneError> {
        self.client.greeting_audio(slot).map_err(as_phone_error)
    }

    fn upload_greeting(&mut self, slot: GreetingSlot, wav: &[u8]) -> Result<(), PhoneError> {
        self.client.upload_greeting(slot, wav).map(drop).map_err(as_phone_error)
    }
}

/// A call the server places when waited on (its answer comes once the telecommuter phone answered or
/// gave up, so the request itself is the wait).
struct ServerCall {
    client: ServerClient,
    number: String,
}

impl CallWatch for ServerCall {
    fn wait(self: Box<Self>) -> crate::phone_system::call::CallOutcome {
        let watch = match self.client.place_call(&self.number) {
            Ok(outcome) => KnownOutcome(outcome),
            Err(error) => {
                tracing::warn!("the server could not place the call: {error}");
                KnownOutcome(crate::phone_system::call::CallOutcome::Failed)
            }
        };
        Box::new(watch).wait()
    }
}
