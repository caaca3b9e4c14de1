//! Serde helpers for the error types that cross the server's wire (`crate::wire`): `std::io::ErrorKind`
//! and `&'static str` fields have no serde of their own.

use serde::{Deserialize, Deserializer, Serializer};

/// Core's own fixed words in an error field. An alias, so that serde's derive does not take the
/// `&'static str` for a borrow from the input (which would tie deserializing to `'static` input).
pub type CoreText = &'static str;

/// An `std::io::ErrorKind` as its name (`"NotFound"`); a name this build does not know reads as `Other`.
pub mod io_kind {
    use std::io::ErrorKind;

    use super::{Deserialize, Deserializer, Serializer};

    /// The kinds a desktop words differently; the rest are `Other`.
    const KINDS: [ErrorKind; 22] = [
        ErrorKind::NotFound,
        ErrorKind::PermissionDenied,
        ErrorKind::ConnectionRefused,
        ErrorKind::ConnectionReset,
        ErrorKind::HostUnreachable,
        ErrorKind::NetworkUnreachable,
        ErrorKind::ConnectionAborted,
        ErrorKind::NotConnected,
        ErrorKind::AddrInUse,
        ErrorKind::AddrNotAvailable,
        ErrorKind::NetworkDown,
        ErrorKind::BrokenPipe,
        ErrorKind::AlreadyExists,
        ErrorKind::WouldBlock,
        ErrorKind::IsADirectory,
        ErrorKind::ReadOnlyFilesystem,
        ErrorKind::StorageFull,
        ErrorKind::InvalidInput,
        ErrorKind::InvalidData,
        ErrorKind::TimedOut,
        ErrorKind::UnexpectedEof,
        ErrorKind::Interrupted,
    ];

    /// Writes the kind's name.
    pub fn serialize<S: Serializer>(kind: &ErrorKind, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{kind:?}"))
    }

    /// Reads a kind's name.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ErrorKind, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(KINDS
            .into_iter()
            .find(|kind| format!("{kind:?}") == name)
            .unwrap_or(ErrorKind::Other))
    }
}

/// A `&'static str` field: core's own words (a mode key, "forwarding number"), read back as the same
/// static text when core has it, else as `"?"` (a peer's unknown words are not kept).
pub mod static_str {
    use super::{CoreText, Deserialize, Deserializer, Serializer};

    /// Every static text core puts in an error field.
    const KNOWN: [&str; 16] = [
        "forward",
        "twinning",
        "telecommuter",
        "desk_phone",
        "forwards calls",
        "rings your desk and mobile phones together",
        "routes calls to a telecommuter number",
        "forwarding number",
        "mobile number",
        "telecommuter number",
        "no reply came",
        "it holds no message count",
        "CALLPROFILES_AMI_SECRET",
        "read",
        "write",
        "?",
    ];

    /// Writes the text.
    pub fn serialize<S: Serializer>(text: &CoreText, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(text)
    }

    /// Reads a text core knows.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<CoreText, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(KNOWN.into_iter().find(|known| *known == text).unwrap_or("?"))
    }
}
