//! Adding a setting is guided: these tests fail while a setting lacks one of its places in core — its
//! command-line key, a way to change it, its share of the saved JSON, or its AstDB mapping (the app's
//! catalogs and CLI rows are checked in `src/text/setting_places.rs`). ARCHITECTURE.md lists every place.

use std::collections::BTreeSet;

use crate::applicable::ApplicableSettings;
use crate::phone_system::asterisk::Extension;
use crate::phone_system::asterisk::layout::{Entries, Layout, applied};
use crate::setting_change::{SettingChange, SettingKey};
use crate::settings::Settings;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Values tried for each key, to find one that changes the Office defaults.
const CANDIDATES: [&str; 7] = ["off", "on", "forward:600100200", "computer", "phone", "3", "default"];

/// The Office defaults with `key` changed (by the first candidate value that changes them).
fn changed(key: SettingKey) -> Option<Settings> {
    let office = Settings::office_default();
    CANDIDATES.iter().find_map(|value| {
        let change = SettingChange::parse(&format!("{key}={value}")).ok()?;
        let settings = SettingChange::apply_all(&[change], &office);
        (settings != office).then_some(settings)
    })
}

/// The dotted paths of every leaf of a JSON value (`voicemail.greeting`, `routing.mode`, …).
fn leaves(value: &serde_json::Value, prefix: &str, into: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(fields) => {
            for (name, field) in fields {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                leaves(field, &path, into);
            }
        }
        _ => {
            into.insert(prefix.to_owned());
        }
    }
}

/// The leaves whose value differs between `a` and `b` (present in either).
fn differing(a: &Settings, b: &Settings) -> Result<BTreeSet<String>, serde_json::Error> {
    let (mut left, mut right) = (BTreeSet::new(), BTreeSet::new());
    let (a, b) = (serde_json::to_value(a)?, serde_json::to_value(b)?);
    leaves(&a, "", &mut left);
    leaves(&b, "", &mut right);
    let value = |json: &serde_json::Value, path: &str| json.pointer(&format!("/{}", path.replace('.', "/"))).cloned();
    Ok(left
        .union(&right)
        .filter(|path| value(&a, path) != value(&b, path))
        .cloned()
        .collect())
}

#[test]
fn every_key_is_typed_back_and_changes_its_setting() {
    for key in SettingKey::ALL {
        assert_eq!(
            SettingKey::parse(key.key()).ok(),
            Some(key),
            "{key}: its CLI key does not parse back"
        );
        assert!(changed(key).is_some(), "{key}: no KEY=VALUE pair changes it");
    }
}

#[test]
fn every_saved_field_belongs_to_a_key() -> TestResult {
    let mut all = BTreeSet::new();
    leaves(&serde_json::to_value(Settings::office_default())?, "", &mut all);
    let mut covered = BTreeSet::new();
    for key in SettingKey::ALL {
        let settings = changed(key).ok_or_else(|| format!("{key} changes nothing"))?;
        covered.extend(differing(&Settings::office_default(), &settings)?);
    }
    let lacking: Vec<&String> = all.difference(&covered).collect();
    assert!(
        lacking.is_empty(),
        "settings without a CLI key (SettingKey): {lacking:?}"
    );
    Ok(())
}

#[test]
fn every_key_round_trips_through_astdb() -> TestResult {
    let layout = Layout::new(Extension::parse("201")?);
    for key in SettingKey::ALL {
        let settings = changed(key).ok_or_else(|| format!("{key} changes nothing"))?;
        let applicable = ApplicableSettings::check("test", &settings)?;
        let entries = applied(Entries::new(), &layout.changes(&Entries::new(), &applicable));
        assert_eq!(
            layout.settings_from(&entries),
            settings,
            "{key}: the AstDB layout (core/src/phone_system/asterisk/layout.rs) does not keep it"
        );
    }
    Ok(())
}
