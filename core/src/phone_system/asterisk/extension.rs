//! `Extension`: the user's extension number, 2–20 digits, the only user text in AstDB key names.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{ConfigProblem, PhoneError};

/// An extension number: 2–20 ASCII digits (the dialplan's `_X.` pattern needs at least two).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Extension(String);

impl Extension {
    /// Fewest digits.
    pub const MIN_DIGITS: usize = 2;
    /// Most digits.
    pub const MAX_DIGITS: usize = 20;

    /// Checks an extension number.
    pub fn parse(text: &str) -> Result<Self, PhoneError> {
        let text = text.trim();
        let digits_only = !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
        if digits_only && (Self::MIN_DIGITS..=Self::MAX_DIGITS).contains(&text.len()) {
            Ok(Self(text.to_owned()))
        } else {
            Err(PhoneError::Config {
                reason: ConfigProblem::BadExtension {
                    extension: crate::phone_number::shorten(text),
                    min: Self::MIN_DIGITS,
                    max: Self::MAX_DIGITS,
                },
            })
        }
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Extension {
    type Error = PhoneError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<Extension> for String {
    fn from(extension: Extension) -> Self {
        extension.0
    }
}

impl std::str::FromStr for Extension {
    type Err = PhoneError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl fmt::Display for Extension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Extension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_only() {
        for good in ["20", "201", " 4711 ", "12345678901234567890"] {
            assert!(Extension::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "2", "20a", "201/x", "20\r\n1", "+201", "123456789012345678901"] {
            assert!(Extension::parse(bad).is_err(), "{bad:?}");
        }
    }
}
