//! A phone number parsed once from user input and stored in normalized form (`+48221234567`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::InputError;

/// Fewest digits a phone number may have.
pub const MIN_DIGITS: usize = 2;
/// Most digits a phone number may have.
pub const MAX_DIGITS: usize = 20;

/// A validated phone number: an optional leading `+` followed by 2–20 ASCII digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Parses user input, dropping the separators space, `-`, `(`, `)` and `.`.
    pub fn parse(input: &str) -> Result<Self, InputError> {
        let mut normalized = String::with_capacity(input.len());
        let mut digits = 0usize;
        for character in input.trim().chars() {
            match character {
                ' ' | '-' | '(' | ')' | '.' => {}
                '+' if normalized.is_empty() => {
                    normalized.push('+');
                }
                '0'..='9' => {
                    digits += 1;
                    normalized.push(character);
                }
                other => {
                    return Err(InputError::NumberCharacter {
                        input: shorten(input),
                        character: other,
                    });
                }
            }
        }
        if digits < MIN_DIGITS {
            return Err(InputError::NumberTooShort { input: shorten(input) });
        }
        if digits > MAX_DIGITS {
            return Err(InputError::NumberTooLong { input: shorten(input) });
        }
        Ok(Self(normalized))
    }

    /// The normalized number, e.g. `+48221234567`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits only, without a leading `+`.
    pub fn digits(&self) -> &str {
        self.0.trim_start_matches('+')
    }

    /// The number as people read it: its digits in groups of three from the right, after the `+` if any
    /// (`+48 600 100 200`, `600 100 200`, `12 345`). Only for showing: what is stored and sent is
    /// [`Self::as_str`].
    pub fn grouped(&self) -> String {
        let digits = self.digits();
        let mut grouped = String::with_capacity(self.0.len() + digits.len() / 3);
        if self.0.starts_with('+') {
            grouped.push('+');
        }
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(' ');
            }
            grouped.push(digit);
        }
        grouped
    }
}

/// Cuts long input so that error messages stay readable.
pub(crate) fn shorten(input: &str) -> String {
    const LIMIT: usize = 40;
    let cleaned: String = input.chars().map(|c| if c.is_control() { '�' } else { c }).collect();
    if cleaned.chars().count() > LIMIT {
        let head: String = cleaned.chars().take(LIMIT).collect();
        format!("{head}…")
    } else {
        cleaned
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.0)
    }
}

impl std::str::FromStr for PhoneNumber {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_separators() {
        let number = PhoneNumber::parse("+48 (22) 123-45-67").map_err(|e| e.to_string());
        assert_eq!(number.map(|n| n.as_str().to_owned()), Ok("+48221234567".to_owned()));
        assert_eq!(
            PhoneNumber::parse("0.700.880").map(|n| n.to_string()).ok(),
            Some("0700880".into())
        );
    }

    #[test]
    fn groups_digits_in_threes_from_the_right() -> Result<(), InputError> {
        let grouped = |input: &str| PhoneNumber::parse(input).map(|n| n.grouped());
        assert_eq!(grouped("+48600100200")?, "+48 600 100 200");
        assert_eq!(grouped("600-100-200")?, "600 100 200");
        assert_eq!(grouped("12345")?, "12 345");
        assert_eq!(grouped("201")?, "201");
        assert_eq!(grouped("+1 2")?, "+12");
        Ok(())
    }

    #[test]
    fn rejects_bad_characters_naming_them() {
        let error = PhoneNumber::parse("12a4")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("'a'"), "{error}");
        assert!(PhoneNumber::parse("12+34").is_err());
        assert!(PhoneNumber::parse("++1234").is_err());
        assert!(PhoneNumber::parse("12\r\n34").is_err());
    }

    #[test]
    fn enforces_digit_count() {
        assert!(PhoneNumber::parse("1").is_err());
        assert!(PhoneNumber::parse("+").is_err());
        assert!(PhoneNumber::parse("").is_err());
        assert!(PhoneNumber::parse("12").is_ok());
        assert!(PhoneNumber::parse(&"1".repeat(20)).is_ok());
        assert!(PhoneNumber::parse(&"1".repeat(21)).is_err());
    }

    #[test]
    fn serde_round_trip_validates() {
        let parsed: Result<PhoneNumber, _> = serde_json::from_str("\"+48 22\"");
        assert_eq!(parsed.map(|n| n.to_string()).ok(), Some("+4822".into()));
        assert!(serde_json::from_str::<PhoneNumber>("\"x\"").is_err());
    }
}
