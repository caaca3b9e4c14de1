//! Changes that would break a rule of the product.

use thiserror::Error;

/// A change that would break a rule of the product.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum RuleError {
    /// A fifth custom profile.
    #[error("You already have 4 custom profiles, the most allowed: delete one before adding \"{name}\".")]
    TooManyCustom {
        /// The name that was to be added.
        name: String,
    },
    /// Name taken by another profile (case-insensitively).
    #[error("The name \"{name}\" is already used by another profile: choose a different name.")]
    NameTaken {
        /// The rejected name.
        name: String,
    },
    /// A built-in's (English or Polish) or Detected's name.
    #[error("The name \"{name}\" is reserved for a built-in profile: choose a different name.")]
    NameReserved {
        /// The rejected name.
        name: String,
    },
    /// Deleting Office, Mobile or Home.
    #[error("\"{name}\" is a built-in profile: it cannot be deleted.")]
    BuiltinDelete {
        /// The built-in's name.
        name: String,
    },
    /// Renaming Office, Mobile or Home.
    #[error("\"{name}\" is a built-in profile: its name cannot be changed.")]
    BuiltinRename {
        /// The built-in's name.
        name: String,
    },
    /// No profile by that id or name.
    #[error("There is no profile called \"{name}\".")]
    UnknownProfile {
        /// The name or id asked for.
        name: String,
    },
    /// Activating a profile whose mode lacks its number.
    #[error("Profile \"{profile}\" {what} but has no {number_kind} set: set it first.")]
    MissingNumber {
        /// The profile's name.
        profile: String,
        /// What the mode does, e.g. "forwards calls".
        #[serde(with = "super::serde_support::static_str")]
        what: super::serde_support::CoreText,
        /// Which number is missing, e.g. "forwarding number".
        #[serde(with = "super::serde_support::static_str")]
        number_kind: super::serde_support::CoreText,
    },
    /// A call from the app while the phone system does not route calls to a telecommuter number.
    #[error(
        "Calls from callprofiles ring your telecommuter phone first, so they need the Telecommuter routing with a number: activate such a profile first."
    )]
    CallNeedsTelecommuter,
    /// Every custom id up to the highest allowed has been handed out (ids are never reused).
    #[error(
        "Cannot add \"{name}\": every custom profile id up to custom-{max} has been used, and ids are never reused."
    )]
    NoFreeId {
        /// The name that was to be added.
        name: String,
        /// The highest custom number.
        max: u64,
    },
    /// A custom id beyond the highest allowed (`custom-18446744073709551615`).
    #[error("The profile id \"{id}\" is out of range: custom ids go up to custom-{max}.")]
    IdOutOfRange {
        /// The id.
        id: String,
        /// The highest custom number.
        max: u64,
    },
    /// `save-detected` when the live settings match a profile.
    #[error("There is nothing detected to save: the phone system's settings match profile \"{profile}\".")]
    NothingDetected {
        /// The matching profile.
        profile: String,
    },
}
