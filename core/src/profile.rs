//! Profiles: their ids, validated names, the three built-ins and the custom kind.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::InputError;
use crate::phone_number::shorten;
use crate::settings::Settings;

/// Most characters a profile name may have.
pub const MAX_NAME_CHARS: usize = 32;

/// A stable profile id: `office`, `mobile`, `home`, or `custom-N` for custom profiles.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProfileId(String);

impl ProfileId {
    /// The id of the n-th custom profile ever created.
    pub fn custom(number: u64) -> Self {
        Self(format!("custom-{number}"))
    }

    /// Parses an id as stored in files: ASCII letters, digits, `-` and `_`, 1–40 characters.
    pub fn parse(text: &str) -> Result<Self, String> {
        let valid = !text.is_empty()
            && text.len() <= 40
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(Self(text.to_owned()))
        } else {
            Err(format!("\"{}\" is not a valid profile id", shorten(text)))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ProfileId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ProfileId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A profile name as typed by a user: trimmed, 1–32 characters, no control characters.
/// Uniqueness among profiles is a rule of the [`crate::ProfileBook`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ProfileName(String);

impl ProfileName {
    /// Parses and trims a name.
    pub fn parse(input: &str) -> Result<Self, InputError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(InputError::NameEmpty);
        }
        if trimmed.chars().any(char::is_control) {
            return Err(InputError::NameControlCharacter);
        }
        if let Some(hidden) = trimmed.chars().find(|&c| crate::shown::is_hidden(c)) {
            return Err(InputError::NameHiddenCharacter {
                code_point: format!("U+{:04X}", u32::from(hidden)),
            });
        }
        if trimmed.chars().count() > MAX_NAME_CHARS {
            return Err(InputError::NameTooLong {
                input: shorten(trimmed),
            });
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key two names are compared by (case-insensitive).
    pub fn folded(&self) -> String {
        fold(&self.0)
    }
}

/// Case-folds a name for comparison.
pub(crate) fn fold(text: &str) -> String {
    text.trim().to_lowercase()
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ProfileName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ProfileName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The three profiles that always exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BuiltIn {
    /// Office (Biurowy).
    Office,
    /// Mobile (Komórkowy).
    Mobile,
    /// Home (Domowy).
    Home,
}

/// Names no custom profile may take: Detected in English and Polish.
pub const DETECTED_NAMES: [&str; 2] = ["Detected", "Wykryte"];

impl BuiltIn {
    /// The built-ins in their fixed order.
    pub const ALL: [BuiltIn; 3] = [Self::Office, Self::Mobile, Self::Home];

    /// The stable id.
    pub fn id_str(self) -> &'static str {
        match self {
            Self::Office => "office",
            Self::Mobile => "mobile",
            Self::Home => "home",
        }
    }

    /// The stable id as a [`ProfileId`].
    pub fn id(self) -> ProfileId {
        ProfileId(self.id_str().to_owned())
    }

    /// The name in English, which `find` and the reserved names also accept.
    pub fn english_name(self) -> &'static str {
        match self {
            Self::Office => "Office",
            Self::Mobile => "Mobile",
            Self::Home => "Home",
        }
    }

    /// The name in Polish (the vendor's), which `find` and the reserved names also accept; the catalogs
    /// say the same (`text::vendor_words` checks).
    pub fn polish_name(self) -> &'static str {
        match self {
            Self::Office => "Biurowy",
            Self::Mobile => "Komórkowy",
            Self::Home => "Domowy",
        }
    }

    /// The fresh settings, from the product page's example.
    pub fn default_settings(self) -> Settings {
        match self {
            Self::Office => Settings::office_default(),
            Self::Mobile => Settings::mobile_default(),
            Self::Home => Settings::home_default(),
        }
    }

    /// The built-in with this id.
    pub fn from_id(id: &ProfileId) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.id_str() == id.as_str())
    }

    /// Whether `query` names this built-in (id, English or Polish name; any case).
    pub fn answers_to(self, query: &str) -> bool {
        let query = fold(query);
        [self.id_str(), self.english_name(), self.polish_name()]
            .iter()
            .any(|n| fold(n) == query)
    }
}

/// Whether a profile is built-in or the user's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileKind {
    /// One of Office, Mobile, Home.
    BuiltIn(BuiltIn),
    /// Created by the user.
    Custom,
}

/// One saved profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Stable id.
    pub id: ProfileId,
    /// Display name (English for built-ins; the UI localizes them by [`ProfileKind`]).
    pub name: String,
    /// Built-in or custom.
    pub kind: ProfileKind,
    /// The settings it applies.
    pub settings: Settings,
}

impl Profile {
    /// Whether this is Office, Mobile or Home.
    pub fn is_builtin(&self) -> bool {
        matches!(self.kind, ProfileKind::BuiltIn(_))
    }

    /// The name shown in a language (`pl` gives Polish built-in names).
    pub fn name_in(&self, polish: bool) -> &str {
        match self.kind {
            ProfileKind::BuiltIn(builtin) if polish => builtin.polish_name(),
            _ => &self.name,
        }
    }
}
