//! Languages: switching changes the labels; the catalogs hold the same messages; Polish reads Polish.

use std::collections::BTreeMap;

use crate::gui_support::{TestResult, click, fresh_window, row, select, shows};
use callprofiles::text::i18n::{EN_FTL, Language, LanguageChoice, PL_FTL};
use egui_kittest::kittest::Queryable;
use fluent_bundle::FluentResource;

#[test]
fn switching_language_changes_the_labels() -> TestResult {
    let (_home, mut harness) = fresh_window(Language::English)?;
    assert!(shows(&harness, "Call pickup on"));
    assert!(shows(&harness, "Built-in profiles"));
    harness.get_by_label("Language").click();
    harness.run();
    click(&mut harness, "Polski");
    assert_eq!(harness.state().language(), Language::Polish);
    assert_eq!(
        harness.state().state().language,
        LanguageChoice::Fixed(Language::Polish)
    );
    assert!(shows(&harness, "Przejmowanie połączeń włączone"));
    assert!(shows(&harness, "Profile wbudowane"));
    assert!(!shows(&harness, "Call pickup on"));
    select(&mut harness, "Komórkowy");
    assert!(shows(
        &harness,
        "Jednoczesne przekazywanie połączeń na telefony komórkowe"
    ));
    Ok(())
}

#[test]
fn polish_window_names_built_ins_in_polish() -> TestResult {
    let (_home, harness) = fresh_window(Language::Polish)?;
    for name in ["Biurowy", "Komórkowy", "Domowy"] {
        row(&harness, name);
    }
    assert!(shows(&harness, "Możesz dodać jeszcze 4 profile."));
    assert!(shows(&harness, "bez centrali (PBX)"));
    Ok(())
}

/// Each message id of a catalog with the `$variables` it uses.
fn messages(source: &str) -> BTreeMap<String, Vec<String>> {
    let mut messages: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = None;
    for line in source.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if starts_message && let Some((id, _)) = line.split_once(" =") {
            current = Some(id.trim().to_owned());
            messages.insert(id.trim().to_owned(), Vec::new());
        } else if line.starts_with('#') || line.trim().is_empty() {
            current = None;
        }
        if let Some(vars) = current.as_ref().and_then(|id| messages.get_mut(id)) {
            for piece in line.split('$').skip(1) {
                let var: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !vars.contains(&var) {
                    vars.push(var);
                }
            }
            vars.sort();
        }
    }
    messages
}

#[test]
fn catalogs_parse_and_hold_the_same_messages_with_the_same_variables() {
    for (name, source) in [("en", EN_FTL), ("pl", PL_FTL)] {
        let parsed = FluentResource::try_new(source.to_owned());
        assert!(
            parsed.is_ok(),
            "{name}.ftl does not parse: {:?}",
            parsed.err().map(|(_, e)| e)
        );
    }
    let en = messages(EN_FTL);
    let pl = messages(PL_FTL);
    let only_en: Vec<&String> = en.keys().filter(|k| !pl.contains_key(*k)).collect();
    let only_pl: Vec<&String> = pl.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty() && only_pl.is_empty(),
        "only in en: {only_en:?}; only in pl: {only_pl:?}"
    );
    for (id, vars) in &en {
        assert_eq!(Some(vars), pl.get(id), "variables of {id} differ");
    }
    assert!(en.len() > 100);
}

/// Every `"message-id"` literal in the GUI's and the words' sources (ids that are not messages are listed
/// here).
fn message_ids_in_sources() -> Result<Vec<String>, std::io::Error> {
    const NOT_MESSAGES: [&str; 7] = [
        // A profile id in a unit test of src/text/error_text/automation.rs.
        "custom-9",
        "phone-worker",
        "server-events",
        "call-watch",
        "file-chooser",
        "callprofiles-dialog",
        "callprofiles-state",
    ];
    let mut ids = Vec::new();
    let mut dirs = vec![
        std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src/gui")),
        std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src/text")),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path)?;
            for literal in text.split('"').skip(1).step_by(2) {
                let looks_like_id = literal.contains('-')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && literal.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                if looks_like_id && !NOT_MESSAGES.contains(&literal) {
                    ids.push(literal.to_owned());
                }
            }
        }
    }
    Ok(ids)
}

#[test]
fn every_message_the_code_uses_exists() -> TestResult {
    let en = messages(EN_FTL);
    let ids = message_ids_in_sources()?;
    assert!(ids.len() > 80, "{}", ids.len());
    let missing: Vec<&String> = ids.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(missing.is_empty(), "used but not in the catalogs: {missing:?}");
    Ok(())
}
