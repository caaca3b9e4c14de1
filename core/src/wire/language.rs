//! The language a user reads, as the desktop tells the server (`PUT /users/me/language`), so what the
//! server writes to the user on its own (the e-mail of new voicemail) is in that language alone.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the server writes in: the languages the desktop has (`pl`, `en` on the wire).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserLanguage {
    /// Polish (`pl`).
    #[serde(rename = "pl")]
    Polish,
    /// English (`en`).
    #[serde(rename = "en")]
    English,
}

impl UserLanguage {
    /// The two-letter code the wire and the server's CLI use.
    pub fn code(self) -> &'static str {
        match self {
            Self::Polish => "pl",
            Self::English => "en",
        }
    }
}

impl fmt::Display for UserLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A code that names no language the server writes in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a language code (pl, en)")]
pub struct UnknownLanguage;

impl FromStr for UserLanguage {
    type Err = UnknownLanguage;

    fn from_str(code: &str) -> Result<Self, UnknownLanguage> {
        match code {
            "pl" => Ok(Self::Polish),
            "en" => Ok(Self::English),
            _ => Err(UnknownLanguage),
        }
    }
}

/// `PUT /users/me/language` (answered 204).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageRequest {
    /// The language the user's desktop shows.
    pub language: UserLanguage,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_says_pl_and_en_and_refuses_any_other_code() -> Result<(), serde_json::Error> {
        let body = LanguageRequest {
            language: UserLanguage::Polish,
        };
        assert_eq!(serde_json::to_string(&body)?, r#"{"language":"pl"}"#);
        let english: LanguageRequest = serde_json::from_str(r#"{"language":"en"}"#)?;
        assert_eq!(english.language, UserLanguage::English);
        assert!(serde_json::from_str::<LanguageRequest>(r#"{"language":"de"}"#).is_err());
        assert!(serde_json::from_str::<LanguageRequest>(r#"{"language":"pl","x":1}"#).is_err());
        assert_eq!("en".parse(), Ok(UserLanguage::English));
        assert_eq!("PL".parse::<UserLanguage>(), Err(UnknownLanguage));
        Ok(())
    }
}
