//! Fuzzes the `KEY=VALUE` settings parser: any text gives a change or an error, never a panic; a change
//! that parses writes back (`key=value_of`) to text that parses to the same setting.

#![no_main]

use callprofiles_core::{SettingChange, SettingKey, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(change) = SettingChange::parse(text) else {
        return;
    };
    let settings = SettingChange::apply_all(std::slice::from_ref(&change), &Settings::office_default());
    let key = text.split_once('=').map(|(key, _)| key).unwrap_or_default();
    let key = SettingKey::parse(key).ok();
    assert!(key.is_some(), "{text:?} parsed but its key does not");
    if let Some(key) = key {
        let written = format!("{key}={}", key.value_of(&settings));
        let reparsed = SettingChange::parse(&written);
        assert_eq!(reparsed.as_ref().ok(), Some(&change), "{text:?} → {written:?}");
    }
});
