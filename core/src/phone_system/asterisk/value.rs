//! `AmiValue`: text that is safe to send as one AMI header value — no line break, no control
//! character, bounded length — so nothing can inject a header or an action into the AMI stream.

use std::fmt;

use crate::error::{PhoneError, UnsafeReason};

/// Longest value sent, in bytes (Asterisk reads each AMI line into a 1 KiB buffer).
pub const MAX_VALUE_BYTES: usize = 512;

/// A checked AMI header value.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AmiValue(String);

impl AmiValue {
    /// Checks `text`; `what` names it in the error, e.g. "AMI user name".
    pub fn new(what: &str, text: impl Into<String>) -> Result<Self, PhoneError> {
        let text = text.into();
        let refuse = |reason: UnsafeReason| PhoneError::UnsafeValue {
            what: what.to_owned(),
            reason,
        };
        if text.contains(['\r', '\n']) {
            return Err(refuse(UnsafeReason::LineBreak));
        }
        if let Some(character) = text.chars().find(|c| c.is_control()) {
            return Err(refuse(UnsafeReason::ControlCharacter { character }));
        }
        if text.len() > MAX_VALUE_BYTES {
            return Err(refuse(UnsafeReason::TooLong {
                bytes: text.len(),
                limit: MAX_VALUE_BYTES,
            }));
        }
        Ok(Self(text))
    }

    /// A value written in this crate's code: literals here hold no line break or control character
    /// (checked in debug builds and by the tests).
    pub(crate) fn fixed(text: &'static str) -> Self {
        debug_assert!(Self::new("fixed value", text).is_ok(), "{text:?}");
        Self(text.to_owned())
    }

    /// A number: digits only, always safe.
    pub(crate) fn number(value: u64) -> Self {
        Self(value.to_string())
    }

    /// The checked text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AmiValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for AmiValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_line_breaks_controls_and_long_text() {
        for hostile in [
            "a\r\nAction: Command",
            "a\nb",
            "a\rb",
            "nul\0",
            "tab\tbed",
            "\u{85}next-line",
        ] {
            let error = AmiValue::new("test value", hostile).err().map(|e| e.to_string());
            assert!(
                error
                    .as_deref()
                    .is_some_and(|e| e.starts_with("The test value cannot be sent")),
                "{hostile:?} → {error:?}"
            );
        }
        assert!(AmiValue::new("v", "x".repeat(MAX_VALUE_BYTES + 1)).is_err());
        assert!(AmiValue::new("v", "x".repeat(MAX_VALUE_BYTES)).is_ok());
    }

    #[test]
    fn accepts_ordinary_text() -> Result<(), PhoneError> {
        for text in [
            "",
            "201",
            "+48221234567",
            "Local/201@callprofiles-in",
            "Zażółć gęślą jaźń",
            "a: b",
        ] {
            assert_eq!(AmiValue::new("v", text)?.as_str(), text);
        }
        Ok(())
    }
}
