//! Fuzzes phone-number parsing: any text gives a number or an error, never a panic; a number is `+`?
//! and 2–20 digits, parses to itself, survives JSON, and errors stay short.

#![no_main]

use callprofiles_core::PhoneNumber;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match PhoneNumber::parse(text) {
        Ok(number) => {
            let digits = number.digits();
            assert!((2..=20).contains(&digits.len()), "{number:?}");
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{number:?}");
            assert_eq!(PhoneNumber::parse(number.as_str()).ok().as_ref(), Some(&number));
            let json = serde_json::to_string(&number).unwrap_or_default();
            assert_eq!(serde_json::from_str::<PhoneNumber>(&json).ok().as_ref(), Some(&number));
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.len() < 400, "a {}-byte error message", message.len());
            assert!(!message.contains(['\n', '\r']), "{message:?}");
        }
    }
});
