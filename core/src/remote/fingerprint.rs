//! `Fingerprint`: the SHA-256 of a server certificate (DER), written as `openssl x509 -fingerprint
//! -sha256` does (upper-case hex pairs joined by colons), which the server's `init` and `user add` print.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::RemoteError;

/// The SHA-256 fingerprint of a certificate.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// The fingerprint of a DER-encoded certificate.
    pub fn of_der(der: &[u8]) -> Self {
        Self(Sha256::digest(der).into())
    }

    /// Parses `AB:CD:…` (32 pairs); lower case, spaces or no separators are accepted too, as people
    /// copy fingerprints from different tools.
    pub fn parse(text: &str) -> Result<Self, RemoteError> {
        let refuse = || RemoteError::BadFingerprint {
            text: text.chars().take(120).collect(),
        };
        let hex: Vec<u8> = text
            .trim()
            .trim_start_matches("SHA256 Fingerprint=")
            .bytes()
            .filter(|b| !matches!(b, b':' | b' ' | b'-'))
            .collect();
        if hex.len() != 64 {
            return Err(refuse());
        }
        let mut bytes = [0_u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(hex.chunks_exact(2)) {
            let pair = std::str::from_utf8(pair).map_err(|_| refuse())?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| refuse())?;
        }
        Ok(Self(bytes))
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, byte) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str(":")?;
            }
            write!(f, "{byte:02X}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}

impl TryFrom<String> for Fingerprint {
    type Error = RemoteError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<Fingerprint> for String {
    fn from(fingerprint: Fingerprint) -> Self {
        fingerprint.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_openssl_form_and_writes_it_back() -> Result<(), RemoteError> {
        let text = (0..32).map(|i| format!("{i:02X}")).collect::<Vec<_>>().join(":");
        let fingerprint = Fingerprint::parse(&text)?;
        assert_eq!(fingerprint.to_string(), text);
        assert_eq!(Fingerprint::parse(&text.to_lowercase().replace(':', ""))?, fingerprint);
        assert_eq!(Fingerprint::parse(&format!("SHA256 Fingerprint={text}"))?, fingerprint);
        Ok(())
    }

    #[test]
    fn refuses_wrong_lengths_and_non_hex() {
        assert!(Fingerprint::parse("").is_err());
        assert!(Fingerprint::parse("AB:CD").is_err());
        assert!(Fingerprint::parse(&"ZZ".repeat(32)).is_err());
        assert!(Fingerprint::parse(&"é".repeat(32)).is_err());
        assert!(Fingerprint::parse(&"AB".repeat(33)).is_err());
    }

    #[test]
    fn is_the_sha256_of_the_der() {
        // SHA-256 of the empty input.
        assert!(Fingerprint::of_der(b"").to_string().starts_with("E3:B0:C4:42"));
    }
}
