//! `ServerBook`: the profile operations of [`super::ServerService`] (the profiles live on a
//! callprofiles server). Each one reads the latest `State`, takes typed ids and names, checks what core can check before sending, and sends the typed request; the
//! server enforces the same rules with the same core code and answers with the state after.

use std::path::Path;

use super::client::ServerClient;
use super::phone::live_of;
use crate::applicable::ApplicableSettings;
use crate::detection::{Activity, detect};
use crate::error::{CoreError, PhoneError, RuleError, StoreError};
use crate::phone_system::PhoneSystemDescription;
use crate::profile::{Profile, ProfileId, ProfileName};
use crate::profile_book::ProfileBook;
use crate::service::{DetectedTarget, Overview, SavedDetected, Status};
use crate::setting_change::SettingChange;
use crate::settings::Settings;
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

/// The profile `id` in `book`.
fn profile_in(book: &ProfileBook, id: &ProfileId) -> Result<Profile, CoreError> {
    book.get(id)
        .ok_or_else(|| RuleError::UnknownProfile { name: id.to_string() }.into())
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

    /// See [`crate::ProfileService::status`].
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

    /// See [`crate::ProfileService::list`].
    pub fn list(&self) -> Result<Overview, CoreError> {
        Ok(self.overview_of(&self.state()?))
    }

    /// See [`crate::ProfileService::activate`]: a profile lacking its number fails before anything is sent.
    pub fn activate(&self, id: &ProfileId) -> Result<Profile, CoreError> {
        let profile = profile_in(&self.state()?.book, id)?;
        ApplicableSettings::check(&profile.name, &profile.settings)?;
        self.client.activate(&profile.id)?;
        Ok(profile)
    }

    /// See [`crate::ProfileService::create`].
    pub fn create(&self, name: &ProfileName, from: Option<&ProfileId>) -> Result<Profile, CoreError> {
        let before = self.state()?;
        if let Some(from) = from {
            profile_in(&before.book, from)?;
        }
        let after = self.client.create(name.as_str(), from)?;
        let (_, new_custom, _) = after.book.parts();
        let (_, old_custom, _) = before.book.parts();
        let created = new_custom
            .iter()
            .find(|custom| !old_custom.iter().any(|old| old.id == custom.id))
            .and_then(|custom| after.book.get(&custom.id));
        match created {
            Some(profile) => Ok(profile),
            None => Ok(after.book.find(name.as_str())?),
        }
    }

    /// See [`crate::ProfileService::rename`].
    pub fn rename(&self, id: &ProfileId, name: &ProfileName) -> Result<(String, Profile), CoreError> {
        let profile = profile_in(&self.state()?.book, id)?;
        let after = self.client.rename(id, name.as_str())?;
        Ok((profile.name.clone(), same_in(&after.book, &profile)?))
    }

    /// See [`crate::ProfileService::delete`].
    pub fn delete(&self, id: &ProfileId) -> Result<Profile, CoreError> {
        let profile = profile_in(&self.state()?.book, id)?;
        self.client.delete(id)?;
        Ok(profile)
    }

    /// Replaces a profile's settings on the server; returns it as the server keeps it.
    pub fn put_settings(&self, id: &ProfileId, settings: &Settings) -> Result<Profile, CoreError> {
        let profile = profile_in(&self.state()?.book, id)?;
        let after = self.client.put_settings(id, settings)?;
        same_in(&after.book, &profile)
    }

    /// See [`crate::ProfileService::change_settings`]: the changes apply to the server's latest settings.
    pub fn change_settings(&self, id: &ProfileId, changes: &[SettingChange]) -> Result<Profile, CoreError> {
        let profile = profile_in(&self.state()?.book, id)?;
        let settings = SettingChange::apply_all(changes, &profile.settings);
        let after = self.client.put_settings(id, &settings)?;
        same_in(&after.book, &profile)
    }

    /// See [`crate::ProfileService::save_detected`].
    pub fn save_detected(&self, target: &DetectedTarget) -> Result<SavedDetected, CoreError> {
        let before = self.state()?;
        if let Activity::Active(id) = activity_of(&before)? {
            let profile = before.book.get(&id).map(|p| p.name).unwrap_or_else(|| id.to_string());
            return Err(RuleError::NothingDetected { profile }.into());
        }
        let (name, created) = match target {
            DetectedTarget::New(name) => (name.as_str().to_owned(), true),
            DetectedTarget::Into(id) => (profile_in(&before.book, id)?.id.to_string(), false),
        };
        let after = self.client.save_detected(&name)?;
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

    /// See [`crate::ProfileService::export`]: the server's export, checked, written atomically.
    pub fn export(&self, path: &Path) -> Result<usize, CoreError> {
        let value = self.client.export()?;
        let bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
        let imported = transfer::decode(path, &bytes)?;
        Ok(transfer::export(&imported.book, path)?)
    }

    /// See [`crate::ProfileService::import`]: the whole file is validated here first, then sent.
    pub fn import(&self, path: &Path) -> Result<ImportReport, CoreError> {
        let imported = transfer::read(path)?;
        let value: serde_json::Value = transfer::encode(&imported.book)
            .and_then(|bytes| serde_json::from_slice(&bytes))
            .map_err(|e| StoreError::Corrupt {
                path: path.to_owned(),
                reason: crate::error::Damage::syntax(&e),
            })?;
        Ok(self.client.import(&value)?.report)
    }
}
