//! callprofiles-core: profiles of phone-system settings, their rules, Detected, storage and the phone
//! systems behind one trait. No GUI here; the app and the CLI are thin layers over this crate.

pub mod applicable;
pub mod atomic_file;
pub mod audio;
pub mod automation;
pub mod call_flow;
pub mod config;
pub mod detection;
pub mod error;
pub mod home;
pub mod phone_number;
pub mod phone_system;
pub mod profile;
pub mod profile_book;
pub mod remote;
pub mod service;
pub mod setting_change;
#[cfg(test)]
mod setting_places;
pub mod settings;
pub mod shown;
pub mod store;
pub mod transfer;
pub mod view;
pub mod voicemail;
pub mod wire;

pub use applicable::{ApplicableSettings, CompleteRouting};
pub use call_flow::{CallFlow, Phones, Pickup, RingTime, RingTimes, Stage, Step};
pub use detection::{Activity, detect, differences, nearest};
pub use error::{
    AudioError, AutomationError, AutomationInput, ConfigProblem, CoreError, Damage, FileKind, GsmFault, ImportError,
    ImportProblem, InputError, LinkProblem, Overflow, PhoneError, ReachProblem, RemoteError, RuleError, RuleList,
    SecretFileProblem, StoreError, UnsafeReason,
};
pub use phone_number::PhoneNumber;
pub use phone_system::{PhoneSystem, PhoneSystemDescription, PhoneSystemKind};
pub use profile::{BuiltIn, Profile, ProfileId, ProfileKind, ProfileName};
pub use profile_book::{MAX_CUSTOM, ProfileBook};
pub use service::{
    Callprofiles, Connected, DetectedTarget, Overview, PlacedCall, ProfileService, SavedDetected, SavedSettings,
    Snapshot, Status, open_home,
};
pub use setting_change::{SettingChange, SettingKey};
pub use settings::{Greeting, GreetingSlot, Playback, Routing, RoutingMode, Settings, Voicemail};
pub use store::{Store, StoreState};
pub use transfer::ImportReport;
pub use view::{KindView, ProfileView, StatusView};
