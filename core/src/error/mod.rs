//! Typed errors of the core, each of which displays as one clear sentence for the user. Every reason is
//! typed (not English text), so the windows can say it in the user's language.

mod audio;
mod automation;
mod config;
mod import;
mod input;
mod link;
mod phone;
mod remote;
mod rule;
mod serde_support;
mod store;

use thiserror::Error;

pub use audio::{AudioError, GsmFault};
pub use automation::{AutomationError, AutomationInput, RuleList};
pub use config::{ConfigProblem, SecretFileProblem, UnsafeReason};
pub use import::{ImportError, ImportProblem};
pub use input::InputError;
pub use link::{LinkProblem, Overflow};
pub use phone::PhoneError;
pub use remote::{ReachProblem, RemoteError};
pub use rule::RuleError;
pub use store::{Damage, FileKind, StoreError};

/// Any error of the core.
#[derive(Debug, Clone, Error)]
pub enum CoreError {
    /// Bad input.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A broken rule.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// A storage failure.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A phone-system failure.
    #[error(transparent)]
    Phone(#[from] PhoneError),
    /// An invalid file to import.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A callprofiles server failed.
    #[error(transparent)]
    Remote(#[from] RemoteError),
    /// An automation rule or request refused.
    #[error(transparent)]
    Automation(#[from] AutomationError),
    /// The phone system took a profile, but noting it as the last applied one failed.
    #[error("The phone system now uses profile \"{profile}\", but callprofiles could not note it as applied: {source}")]
    AppliedButUnrecorded {
        /// The profile the phone system now uses.
        profile: String,
        /// Why noting it failed.
        source: Box<CoreError>,
    },
}

/// A sentence made fit to follow a colon: no final period, first letter lower case.
pub fn clause(sentence: &str) -> String {
    let trimmed = sentence.trim_end_matches('.');
    let mut chars = trimmed.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
