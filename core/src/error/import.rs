//! A file given to `import` that is not a valid callprofiles export.

use std::path::PathBuf;

use thiserror::Error;

use super::{Damage, InputError, RuleError, clause};

/// A file given to `import` that is not a valid callprofiles export; nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
#[error("Cannot import {}: {problem}; nothing was changed.", crate::shown::path(path))]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub problem: ImportProblem,
}

/// What is wrong with a file given to `import` (displayed as a clause: no capital, no final period).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum ImportProblem {
    /// The bytes are not JSON: a syntax error, a file cut short, too deep a nesting.
    #[error("{}", json_clause(damage))]
    NotJson {
        /// Where and how the JSON is broken.
        damage: Damage,
    },
    /// JSON, but without `"format": "callprofiles-profiles"`.
    #[error("it is not a callprofiles export (it lacks \"format\": \"callprofiles-profiles\")")]
    NotAnExport,
    /// Written by a newer callprofiles.
    #[error(
        "it was written by a newer version of callprofiles (version {found}; this one reads up to {supported}), so update callprofiles"
    )]
    Newer {
        /// The file's version.
        found: u64,
        /// The newest version this one reads.
        supported: u64,
    },
    /// `version` missing, zero or not a number.
    #[error("its \"version\" is missing or not valid")]
    BadVersion,
    /// The export's outer shape is wrong (a missing or unknown field).
    #[error("it is damaged ({detail})")]
    Damaged {
        /// The JSON parser's own words.
        detail: String,
    },
    /// One profile entry has the wrong shape.
    #[error("profile {position} is not valid ({detail})")]
    EntryDamaged {
        /// Its 1-based position in the file.
        position: usize,
        /// The JSON parser's own words.
        detail: String,
    },
    /// One profile entry holds a name, number or greeting that does not parse.
    #[error("profile {position}: {}", clause(&source.to_string()))]
    EntryInput {
        /// Its 1-based position in the file.
        position: usize,
        /// What does not parse.
        source: InputError,
    },
    /// One profile entry's id is not a profile id.
    #[error("profile {position}: \"{id}\" is not a valid profile id")]
    BadId {
        /// Its 1-based position in the file.
        position: usize,
        /// The id (shortened).
        id: String,
    },
    /// An entry marked built-in whose id is not `office`, `mobile` or `home`.
    #[error("profile {position} is marked built-in but its id \"{id}\" is not office, mobile or home")]
    UnknownBuiltin {
        /// Its 1-based position in the file.
        position: usize,
        /// The id (shortened).
        id: String,
    },
    /// A built-in entry under another name.
    #[error(
        "profile {position} is the built-in \"{}\" but is named \"{name}\" (built-in names cannot change)",
        builtin.id_str()
    )]
    BuiltinRenamed {
        /// Its 1-based position in the file.
        position: usize,
        /// Which built-in.
        builtin: crate::profile::BuiltIn,
        /// The name it carries (shortened).
        name: String,
    },
    /// The same built-in twice.
    #[error("the built-in profile \"{}\" appears twice", builtin.id_str())]
    BuiltinTwice {
        /// Which built-in.
        builtin: crate::profile::BuiltIn,
    },
    /// A custom entry with a built-in's id.
    #[error("profile {position} is marked custom but has the built-in id \"{id}\"")]
    CustomWithBuiltinId {
        /// Its 1-based position in the file.
        position: usize,
        /// The built-in id it claims.
        id: String,
    },
    /// Two entries with one id.
    #[error("two profiles have the id \"{id}\"")]
    IdTwice {
        /// The id both claim.
        id: String,
    },
    /// More than four custom profiles.
    #[error("it holds {count} custom profiles, but at most {limit} are allowed")]
    TooManyCustom {
        /// How many the file holds.
        count: usize,
        /// The most allowed.
        limit: usize,
    },
    /// Two profiles with one name (ignoring case).
    #[error("two profiles are named \"{name}\" (names must differ, ignoring case)")]
    NameTwice {
        /// The second of them.
        name: String,
    },
    /// A custom profile named like a built-in or Detected.
    #[error("the custom profile \"{name}\" has a name reserved for a built-in profile or Detected")]
    NameReserved {
        /// The name as the file spells it.
        name: String,
    },
    /// Any other rule the profiles break.
    #[error("{}", clause(&source.to_string()))]
    Rule {
        /// The broken rule.
        source: RuleError,
    },
}

/// "it is not valid JSON (…)", or what a cut-short file says of itself.
fn json_clause(damage: &Damage) -> String {
    match damage {
        Damage::Truncated { .. } => damage.to_string(),
        _ => format!("it is not valid JSON ({damage})"),
    }
}
