//! `ServerBook`: the profile operations of [`crate::Callprofiles`] when the profiles live on a
//! callprofiles server. Each one reads the latest `State`, resolves names as locally (built-ins also by
//! their Polish names), checks what core can check before sending, and sends the typed request; the
//! server enforces the same rules with the same core code and answers with the state after.

use std::path::Path;

use super::client::ServerClient;
use super::phone::live_of;
use crate::applicable::ApplicableSettings;
use crate::detection::{Activity, detect};
use crate::error::{CoreError, PhoneError, RuleError, StoreError};
use crate::phone_system::PhoneSystemDescription;
use crate::profile::Profile;
use crate::profile_book::ProfileBook;
use crate::service::{Overview, SavedDetected, Status};
use crate::setting_change::SettingChange;
use crate::transfer::{self, ImportReport};
use crate::wire::State;

/// The profiles kept by a server.
#[derive(Debug, Clone)]
pub struct ServerBook {
    client: ServerClient,
    description: PhoneSystemDescription,
}

/// The activity a state shows: the server's, or detected from its live settings.
fn activity_of(state: &State) -> Result<Activity, PhoneError> {
    if let Some(activity) = state.core_activity() {
        return Ok(activity);
    }
    let live = live_of(state)?;
    Ok(detect(&state.book, state.last_applied.as_ref(), &live))
}

/// The profile with the id of `profile` in `book` (after the server changed it).
fn same_in(book: &ProfileBook, profile: &Profile) -> Result<Profile, CoreError> {
    book.get(&profile.id).ok_or_else(|| {
        RuleError::UnknownProfile {
            name: profile.name.clone(),
        }
        .into()
    })
}

impl ServerBook {
    /// The profiles of `client`'s user.
    pub fn new(client: ServerClient, description: PhoneSystemDescription) -> Self {
        Self { client, description }
    }

    /// The client.
    pub fn client(&self) -> &ServerClient {
        &self.client
    }

    /// The user's state now.
    pub fn state(&self) -> Result<State, CoreError> {
        self.client.state()
    }

    /// What `status` reports, from one state.
    pub fn status_of(&self, state: State) -> Result<Status, CoreError> {
        let live = live_of(&state)?;
        let activity = activity_of(&state)?;
        Ok(Status {
            activity,
            live,
            book: state.book,
            phone_system: self.description.clone(),
        })
    }

    /// See [`crate::Callprofiles::status`].
    pub fn status(&self) -> Result<Status, CoreError> {
        self.status_of(self.state()?)
    }

    /// What `list` reports, from one state.
    pub fn overview_of(&self, state: &State) -> Overview {
        Overview {
            profiles: state.book.profiles(),
            activity: activity_of(state),
            phone_system: self.description.clone(),
        }
    }

    /// See [`crate::Callprofiles::list`].
    pub fn list(&self) -> Result<Overview, CoreError> {
        Ok(self.overview_of(&self.state()?))
    }

    /// See [`crate::Callprofiles::show`].
    pub fn show(&self, query: &str) -> Result<(Profile, Overview), CoreError> {
        let state = self.state()?;
        let profile = state.book.find(query)?;
        Ok((profile, self.overview_of(&state)))
    }

    /// See [`crate::Callprofiles::activate`]: a profile lacking its number fails before anything is sent.
    pub fn activate(&self, query: &str) -> Result<Profile, CoreError> {
        let profile = self.state()?.book.find(query)?;
        ApplicableSettings::check(&profile.name, &profile.settings)?;
        self.client.activate(&profile.id)?;
        Ok(profile)
    }

    /// See [`crate::Callprofiles::create`].
    pub fn create(&self, name: &str, from: Option<&str>) -> Result<Profile, CoreError> {
        let before = self.state()?;
        let from = from.map(|query| before.book.find(query)).transpose()?;
        let after = self.client.create(name, from.as_ref().map(|p| &p.id))?;
        let (_, new_custom, _) = after.book.parts();
        let (_, old_custom, _) = before.book.parts();
        let created = new_custom
            .iter()
            .find(|custom| !old_custom.iter().any(|old| old.id == custom.id))
            .and_then(|custom| after.book.get(&custom.id));
        match created {
            Some(profile) => Ok(profile),
            None => Ok(after.book.find(name.trim())?),
        }
    }

    /// See [`crate::Callprofiles::rename`].
    pub fn rename(&self, query: &str, new_name: &str) -> Result<(String, Profile), CoreError> {
        let profile = self.state()?.book.find(query)?;
        let after = self.client.rename(&profile.id, new_name)?;
        Ok((profile.name.clone(), same_in(&after.book, &profile)?))
    }

    /// See [`crate::Callprofiles::delete`].
    pub fn delete(&self, query: &str) -> Result<Profile, CoreError> {
        let profile = self.state()?.book.find(query)?;
        self.client.delete(&profile.id)?;
        Ok(profile)
    }

    /// See [`crate::Callprofiles::set`]: the pairs are checked before anything is sent.
    pub fn set<S: AsRef<str>>(&self, query: &str, pairs: &[S]) -> Result<Profile, CoreError> {
        let changes = SettingChange::parse_all(pairs)?;
        let profile = self.state()?.book.find(query)?;
        let settings = SettingChange::apply_all(&changes, &profile.settings);
        let after = self.client.put_settings(&profile.id, &settings)?;
        same_in(&after.book, &profile)
    }

    /// See [`crate::Callprofiles::save_detected`].
    pub fn save_detected(&self, name: &str) -> Result<SavedDetected, CoreError> {
        let before = self.state()?;
        if let Activity::Active(id) = activity_of(&before)? {
            let profile = before.book.get(&id).map(|p| p.name).unwrap_or_else(|| id.to_string());
            return Err(RuleError::NothingDetected { profile }.into());
        }
        let created = before.book.find(name).is_err();
        let after = self.client.save_detected(name)?;
        let profile = match after.core_activity() {
            Some(Activity::Active(id)) => after.book.get(&id),
            _ => None,
        };
        let profile = match profile {
            Some(profile) => profile,
            None => after.book.find(name.trim())?,
        };
        Ok(SavedDetected { profile, created })
    }

    /// See [`crate::Callprofiles::export`]: the server's export, checked, written atomically.
    pub fn export(&self, path: &Path) -> Result<usize, CoreError> {
        let value = self.client.export()?;
        let bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
        let imported = transfer::decode(path, &bytes)?;
        Ok(transfer::export(&imported.book, path)?)
    }

    /// See [`crate::Callprofiles::import`]: the whole file is validated here first, then sent.
    pub fn import(&self, path: &Path) -> Result<ImportReport, CoreError> {
        let imported = transfer::read(path)?;
        let value: serde_json::Value =
            serde_json::from_slice(&transfer::encode(&imported.book)).map_err(|e| StoreError::Corrupt {
                path: path.to_owned(),
                reason: crate::error::Damage::syntax(&e),
            })?;
        Ok(self.client.import(&value)?.report)
    }
}
