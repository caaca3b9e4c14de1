//! Device tokens and enrollment codes: random, shown once, stored only as SHA-256 hashes. SHA-256 (not a
//! slow password hash) is right here because both are high-entropy random values, not chosen passwords.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::Rng;
use sha2::{Digest, Sha256};

/// Random bytes in a token's secret part (192 bits).
const TOKEN_SECRET_BYTES: usize = 24;
/// Characters of an enrollment code (31 symbols, no 0/O, 1/I/L: ≈ 59 bits).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Symbols in a code.
const CODE_LENGTH: usize = 12;

/// A new device id: 12 hex digits (public: shown by `user list`, part of the token).
pub fn device_id() -> String {
    let bytes: [u8; 6] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new bearer token `<device id>.<secret>` and the hash of its secret to store.
pub fn token(device_id: &str) -> (String, String) {
    let secret: [u8; TOKEN_SECRET_BYTES] = rand::rng().random();
    let secret = URL_SAFE_NO_PAD.encode(secret);
    (format!("{device_id}.{secret}"), hash(&secret))
}

/// A token split into its device id and secret, when it has that shape.
pub fn split_token(token: &str) -> Option<(&str, &str)> {
    let (device, secret) = token.split_once('.')?;
    let valid = device.len() == 12
        && device.bytes().all(|b| b.is_ascii_hexdigit())
        && !secret.is_empty()
        && secret.len() <= 64
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    valid.then_some((device, secret))
}

/// A new enrollment code, `XXXX-XXXX-XXXX`.
pub fn enrollment_code() -> String {
    let mut rng = rand::rng();
    let symbols: Vec<char> = (0..CODE_LENGTH)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect();
    symbols
        .chunks(4)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed, normalised (upper case, no dashes or spaces), so `abcd efgh-jkmn` matches.
pub fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .take(64)
        .collect()
}

/// The stored form of a secret: lower-case hex SHA-256.
pub fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Compares two hashes in time independent of where they differ.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_and_hash_and_codes_normalise() {
        let id = device_id();
        let (token, stored) = token(&id);
        let (device, secret) = split_token(&token).unwrap_or_default();
        assert_eq!(device, id);
        assert!(same_hash(&hash(secret), &stored));
        assert!(secret.len() * 6 >= 128, "at least 128 random bits");
        assert_eq!(split_token("nodot"), None);
        let code = enrollment_code();
        assert_eq!(code.len(), 14);
        assert_eq!(
            normalize_code(&code.to_lowercase().replace('-', " ")),
            code.replace('-', "")
        );
    }
}
