//! The server's endpoints as typed calls (the contract: `crate::wire`). Every profile is named by its
//! id here; names are resolved against the book of the latest `State` by [`super::session`].

use serde_json::Value;

use super::client::{CALL_TIMEOUT, ServerClient};
use crate::automation::{AutomationView, HistoryEntry, Rules, Situation, Until};
use crate::error::CoreError;
use crate::phone_system::call::CallOutcome;
use crate::profile::ProfileId;
use crate::settings::Settings;
use crate::wire::{
    ActivateRequest, AutomationChange, CallRequest, CallResponse, CreateRequest, EnrollRequest, EnrollResponse,
    HistoryResponse, ImportResponse, LanguageRequest, Me, RenameRequest, SaveDetectedRequest, State, UntilRequest,
    UploadResponse, UserLanguage,
};

impl ServerClient {
    /// `POST /enroll`: trades a one-time code for a device token (no token needed).
    pub fn enroll(&self, request: &EnrollRequest) -> Result<EnrollResponse, CoreError> {
        self.call("POST", "/enroll", Some(request))
    }

    /// `GET /users/me`: whom this device's token belongs to.
    pub fn me(&self) -> Result<Me, CoreError> {
        self.call("GET", "/users/me", None::<&()>)
    }

    /// `GET /users/me/state`.
    pub fn state(&self) -> Result<State, CoreError> {
        self.call("GET", "/users/me/state", None::<&()>)
    }

    /// `POST /users/me/activate`.
    pub fn activate(&self, profile: &ProfileId) -> Result<State, CoreError> {
        let body = ActivateRequest {
            profile: profile.clone(),
        };
        self.call("POST", "/users/me/activate", Some(&body))
    }

    /// `PUT /users/me/profiles/{id}/settings`.
    pub fn put_settings(&self, profile: &ProfileId, settings: &Settings) -> Result<State, CoreError> {
        self.call("PUT", &format!("/users/me/profiles/{profile}/settings"), Some(settings))
    }

    /// `POST /users/me/profiles`.
    pub fn create(&self, name: &str, from: Option<&ProfileId>) -> Result<State, CoreError> {
        let body = CreateRequest {
            name: name.to_owned(),
            from: from.cloned(),
        };
        self.call("POST", "/users/me/profiles", Some(&body))
    }

    /// `PATCH /users/me/profiles/{id}`.
    pub fn rename(&self, profile: &ProfileId, name: &str) -> Result<State, CoreError> {
        let body = RenameRequest { name: name.to_owned() };
        self.call("PATCH", &format!("/users/me/profiles/{profile}"), Some(&body))
    }

    /// `DELETE /users/me/profiles/{id}`.
    pub fn delete(&self, profile: &ProfileId) -> Result<State, CoreError> {
        self.call("DELETE", &format!("/users/me/profiles/{profile}"), None::<&()>)
    }

    /// `POST /users/me/detected`.
    pub fn save_detected(&self, name: &str) -> Result<State, CoreError> {
        let body = SaveDetectedRequest { name: name.to_owned() };
        self.call("POST", "/users/me/detected", Some(&body))
    }

    /// `GET /users/me/profiles/export`: the export file's JSON.
    pub fn export(&self) -> Result<Value, CoreError> {
        self.call("GET", "/users/me/profiles/export", None::<&()>)
    }

    /// `PUT /users/me/profiles/import` with an export file's JSON.
    pub fn import(&self, file: &Value) -> Result<ImportResponse, CoreError> {
        self.call("PUT", "/users/me/profiles/import", Some(file))
    }

    /// `POST /users/me/profiles/upload`: stored only if the server has no profiles for this user yet.
    pub fn upload(&self, file: &Value) -> Result<UploadResponse, CoreError> {
        self.call("POST", "/users/me/profiles/upload", Some(file))
    }

    /// `PUT /users/me/live` (`pbx set`).
    pub fn put_live(&self, settings: &Settings) -> Result<State, CoreError> {
        self.call("PUT", "/users/me/live", Some(settings))
    }

    /// `POST /users/me/calls`: blocks while the telecommuter phone rings.
    pub fn place_call(&self, number: &str) -> Result<CallOutcome, CoreError> {
        let body = CallRequest {
            number: number.to_owned(),
        };
        let response: CallResponse = self.call_slow("POST", "/users/me/calls", Some(&body), CALL_TIMEOUT)?;
        Ok(response.outcome)
    }

    /// `GET /users/me/automation`: the rules as the server runs them, now.
    pub fn automation(&self) -> Result<AutomationView, CoreError> {
        self.call("GET", "/users/me/automation", None::<&()>)
    }

    /// `PUT /users/me/automation/rules`: checked whole on the server, saved and run there.
    pub fn put_rules(&self, rules: &Rules) -> Result<AutomationChange, CoreError> {
        self.call("PUT", "/users/me/automation/rules", Some(rules))
    }

    /// `POST /users/me/automation/until`.
    pub fn activate_until(&self, profile: &ProfileId, until: Until) -> Result<AutomationChange, CoreError> {
        let body = UntilRequest {
            profile: profile.clone(),
            until,
        };
        self.call("POST", "/users/me/automation/until", Some(&body))
    }

    /// `DELETE /users/me/automation/hold`.
    pub fn clear_hold(&self) -> Result<AutomationChange, CoreError> {
        self.call("DELETE", "/users/me/automation/hold", None::<&()>)
    }

    /// `PUT /users/me/automation/situation`: what this computer sees (network, away).
    pub fn put_situation(&self, situation: &Situation) -> Result<AutomationChange, CoreError> {
        self.call("PUT", "/users/me/automation/situation", Some(situation))
    }

    /// `GET /users/me/automation/history`: newest first.
    pub fn history(&self) -> Result<Vec<HistoryEntry>, CoreError> {
        let response: HistoryResponse = self.call("GET", "/users/me/automation/history", None::<&()>)?;
        Ok(response.entries)
    }

    /// `PUT /users/me/language`: the language the server writes to this user in (voicemail e-mail).
    pub fn put_language(&self, language: UserLanguage) -> Result<(), CoreError> {
        self.call_empty_with("PUT", "/users/me/language", &LanguageRequest { language })
    }

    /// `DELETE /users/me/devices/current`: revokes this device's token (sign out).
    pub fn revoke_this_device(&self) -> Result<(), CoreError> {
        self.call_empty("DELETE", "/users/me/devices/current")
    }
}
