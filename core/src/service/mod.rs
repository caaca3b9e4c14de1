//! `Callprofiles`: every user operation over one home (its store and its phone system), for the CLI, the
//! window's worker and the server alike. The verbs a screen uses are the [`ProfileService`] trait; a
//! program opens a home with [`open_home`] and holds it as that trait.

mod automation;
#[cfg(test)]
mod automation_tests;
pub mod connection;
mod editing;
mod files;
mod phone;
mod profile_service;
#[cfg(test)]
mod test_support;
mod voicemail;

use std::path::{Path, PathBuf};

use crate::config::{Config, PhoneSystemConfig};
use crate::detection::{Activity, detect, nearest};
use crate::error::{CoreError, PhoneError, StoreError};
use crate::phone_system::{PhoneSystem, PhoneSystemDescription};
use crate::profile::{Profile, ProfileId};
use crate::profile_book::ProfileBook;
use crate::setting_change::SettingKey;
use crate::settings::Settings;
use crate::store::{Store, StoreState};
use crate::view::{ProfileView, StatusView};

pub use connection::{connect_and_save, use_builtin};
pub use editing::SavedDetected;
pub use files::{read_upload, save_recording};
pub use phone::PlacedCall;
pub use profile_service::{Connected, DetectedTarget, ProfileService, SavedSettings, Snapshot};

/// The user's profiles in one home and the phone system they drive.
pub struct Callprofiles {
    home: PathBuf,
    store: Store,
    /// The phone system, or why the one `config.json` names could not be opened (every verb but
    /// `connect` and `snapshot` then fails with that reason).
    phone: Result<Box<dyn PhoneSystem>, CoreError>,
    /// The configuration the phone system was opened from (`None` for a given phone system).
    config: Option<Config>,
    /// Reopen the phone system when `config.json` names another one (false for a given phone system).
    follow_config: bool,
    /// Whether the phone system has been read since it was opened.
    reached: bool,
}

/// The phone system in `slot`, or why it could not be opened (a free function, so that the store can be
/// used while the phone system is borrowed).
fn phone_in(slot: &mut Result<Box<dyn PhoneSystem>, CoreError>) -> Result<&mut dyn PhoneSystem, CoreError> {
    match slot {
        Ok(phone) => Ok(phone.as_mut()),
        Err(error) => Err(error.clone()),
    }
}

/// Opens the home as a [`ProfileService`]: `config.json` decides which phone system drives it (with a
/// callprofiles server, the profiles are the server's too: [`crate::remote::ServerService`]). Never
/// fails: a configuration that cannot be used is reported by every verb (and in each snapshot) until
/// `connect` chooses another, or `config.json` changes.
pub fn open_home(home: &Path) -> Box<dyn ProfileService> {
    if let Ok(Config {
        phone_system: PhoneSystemConfig::Server(server),
    }) = Config::load(home)
    {
        return Box::new(crate::remote::ServerService::open(home, &server));
    }
    Box::new(Callprofiles::following(home))
}

/// What `status` reports: the phone system's live settings and which profile they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The active profile, or Detected.
    pub activity: Activity,
    /// The live settings.
    pub live: Settings,
    /// The saved profiles.
    pub book: ProfileBook,
    /// The phone system's description.
    pub phone_system: PhoneSystemDescription,
}

impl Status {
    /// The active saved profile (`None` when Detected).
    pub fn active_profile(&self) -> Option<Profile> {
        self.book.get(self.activity.active_id()?)
    }

    /// When Detected, the saved profile closest to the live settings and the settings that differ.
    pub fn nearest(&self) -> Option<(Profile, Vec<SettingKey>)> {
        self.activity
            .is_detected()
            .then(|| nearest(&self.book, &self.live))
            .flatten()
    }

    /// The JSON view of `status --json`.
    pub fn view(&self) -> StatusView {
        StatusView::new(&self.activity, &self.live, &self.phone_system.summary)
    }
}

/// What `list` and `show` report: the saved profiles, and which is active if the phone system answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    /// Every saved profile, in display order.
    pub profiles: Vec<Profile>,
    /// The activity, or why the phone system could not be read.
    pub activity: Result<Activity, PhoneError>,
    /// The phone system's description.
    pub phone_system: PhoneSystemDescription,
}

impl Overview {
    /// Whether `profile` is the active one (false when the phone system could not be read).
    pub fn is_active(&self, profile: &Profile) -> bool {
        self.activity.as_ref().ok().and_then(Activity::active_id) == Some(&profile.id)
    }

    /// The JSON views of every profile.
    pub fn views(&self) -> Vec<ProfileView> {
        ProfileView::all(&self.profiles, self.activity.as_ref().ok())
    }
}

impl Callprofiles {
    /// Opens the home: its profiles and the phone system its `config.json` names (the demo by default);
    /// fails when `config.json` cannot be used.
    pub fn open(home: &Path) -> Result<Self, CoreError> {
        let service = Self::following(home);
        if let Err(error) = &service.phone {
            return Err(error.clone());
        }
        Ok(service)
    }

    /// Opens the home with a given phone system (tests inject one this way); `config.json` is not read.
    pub fn with_phone_system(home: &Path, phone: Box<dyn PhoneSystem>) -> Self {
        Self {
            home: home.to_owned(),
            store: Store::new(home),
            phone: Ok(phone),
            config: None,
            follow_config: false,
            reached: false,
        }
    }

    /// The home over the phone system `config.json` names, following later changes of that file.
    pub(crate) fn following(home: &Path) -> Self {
        let (config, phone) = connection::open_configured(home);
        Self {
            home: home.to_owned(),
            store: Store::new(home),
            phone,
            config,
            follow_config: true,
            reached: false,
        }
    }

    /// Fails with the reason the phone system could not be opened, if so (every verb but `connect` and
    /// `snapshot` needs a usable home).
    fn usable(&self) -> Result<(), CoreError> {
        match &self.phone {
            Ok(_) => Ok(()),
            Err(error) => Err(error.clone()),
        }
    }

    /// The phone system, or why it could not be opened.
    fn phone(&mut self) -> Result<&mut dyn PhoneSystem, CoreError> {
        phone_in(&mut self.phone)
    }

    /// The saved profiles' book (the store only; the phone system is not asked).
    pub fn book(&self) -> Result<ProfileBook, CoreError> {
        Ok(self.store.load()?.book)
    }

    /// The id of the profile `query` names: its id or name, built-ins also by their Polish names, any
    /// case (what the command line accepts).
    pub fn find(&self, query: &str) -> Result<ProfileId, CoreError> {
        Ok(self.book()?.find(query)?.id)
    }

    /// The callprofiles home.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// The profiles store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// How the phone system describes itself (`None` when it could not be opened).
    pub fn phone_system(&self) -> Option<PhoneSystemDescription> {
        self.phone.as_ref().ok().map(|phone| phone.description())
    }

    /// Moves a damaged `profiles.json` aside (kept, never deleted); returns where it went.
    pub fn move_damaged_aside(&self) -> Result<PathBuf, StoreError> {
        self.store.move_aside()
    }

    /// Reads the live settings and tells which profile they are, or Detected.
    pub fn status(&mut self) -> Result<Status, CoreError> {
        let phone = phone_in(&mut self.phone)?;
        let state = self.store.load()?;
        let live = phone.read()?;
        let activity = detect(&state.book, state.last_applied.as_ref(), &live);
        Ok(Status {
            activity,
            live,
            book: state.book,
            phone_system: phone.description(),
        })
    }

    /// Every saved profile, and which is active if the phone system can be read.
    pub fn list(&mut self) -> Result<Overview, CoreError> {
        self.usable()?;
        let state = self.store.load()?;
        self.overview(&state)
    }

    /// One profile named by id or name (built-ins also by their Polish names), with the overview.
    pub fn show(&mut self, query: &str) -> Result<(Profile, Overview), CoreError> {
        self.usable()?;
        let state = self.store.load()?;
        let profile = state.book.find(query)?;
        Ok((profile, self.overview(&state)?))
    }

    /// The overview of a loaded state.
    fn overview(&mut self, state: &StoreState) -> Result<Overview, CoreError> {
        let phone = phone_in(&mut self.phone)?;
        let activity = phone
            .read()
            .map(|live| detect(&state.book, state.last_applied.as_ref(), &live));
        Ok(Overview {
            profiles: state.book.profiles(),
            activity,
            phone_system: phone.description(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{TestResult, demo};
    use crate::BuiltIn;
    use crate::phone_system::PhoneSystemKind;

    #[test]
    fn fresh_home_is_office_on_the_demo() -> TestResult {
        let (_dir, mut app) = demo()?;
        let status = app.status()?;
        assert_eq!(status.active_profile().map(|p| p.name), Some("Office".to_owned()));
        assert_eq!(status.phone_system.kind, PhoneSystemKind::Demo);
        assert!(status.phone_system.summary.contains("no PBX"));
        assert_eq!(status.nearest(), None);
        assert_eq!(status.view().active.as_deref(), Some("office"));
        let overview = app.list()?;
        let names: Vec<&str> = overview.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Office", "Mobile", "Home"]);
        assert_eq!(overview.views().iter().filter(|v| v.active).count(), 1);
        let (home, _) = app.show("domowy")?;
        assert_eq!(home.id, BuiltIn::Home.id());
        assert!(app.show("nope").is_err());
        Ok(())
    }

    #[test]
    fn unreadable_phone_still_lists_profiles_but_status_fails() -> TestResult {
        let (_dir, mut app) = super::test_support::broken()?;
        let overview = app.list()?;
        assert_eq!(overview.profiles.len(), 3);
        assert!(overview.activity.is_err());
        assert!(overview.views().iter().all(|v| !v.active));
        assert!(app.status().is_err());
        Ok(())
    }

    #[test]
    fn damaged_store_fails_every_command_and_can_be_moved_aside() -> TestResult {
        let (dir, mut app) = demo()?;
        let path = dir.path().join("profiles.json");
        std::fs::write(&path, b"not json")?;
        assert!(app.status().is_err());
        assert!(app.list().is_err());
        assert!(app.create("Car", None).is_err());
        assert_eq!(std::fs::read(&path)?, b"not json");
        let aside = app.move_damaged_aside()?;
        assert_eq!(std::fs::read(aside)?, b"not json");
        assert_eq!(app.list()?.profiles.len(), 3);
        Ok(())
    }
}
