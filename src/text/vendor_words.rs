//! The words of both catalogs against the vendor's product page (`profiles-pl.txt`, `profiles-en.md`):
//! a Polish word that the page uses for something else, or a label that differs from the page's, fails.

use callprofiles_core::BuiltIn;

use crate::text::i18n::{EN_FTL, PL_FTL};

/// The vendor's name of simultaneous ringing: the only place where *przekazywanie* belongs.
const SIMULTANEOUS_RINGING: &str = "Jednoczesne przekazywanie połączeń na telefony komórkowe";

/// Each message of a catalog as `(id, text)` (continuation lines joined).
fn messages(catalog: &str) -> Vec<(String, String)> {
    let mut messages: Vec<(String, String)> = Vec::new();
    for line in catalog.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match line.split_once(" = ") {
            Some((id, text)) if !line.starts_with(' ') => messages.push((id.to_owned(), text.to_owned())),
            _ => {
                if let Some((_, text)) = messages.last_mut() {
                    text.push(' ');
                    text.push_str(line.trim());
                }
            }
        }
    }
    messages
}

/// The text of message `id`.
fn text<'a>(messages: &'a [(String, String)], id: &str) -> Option<&'a str> {
    messages
        .iter()
        .find(|(found, _)| found == id)
        .map(|(_, text)| text.as_str())
}

#[test]
fn polish_uses_the_vendors_words_only() {
    let pl = messages(PL_FTL);
    assert!(pl.len() > 100);
    // Wrong words and what the page says instead.
    let wrong = [
        (
            "przekaz",
            "przekierowanie (forwarding); przekazywanie only in the simultaneous-ringing name",
        ),
        ("biurkow", "telefon stacjonarny"),
        ("telefon biurowy", "telefon stacjonarny"),
        ("powitanie domyślne", "Powitanie systemowe"),
        ("domyślne powitanie", "Powitanie systemowe"),
        ("teleprac. ", "Telepracownik"),
        ("przez komputer", "za pomocą komputera"),
        ("przez telefon", "za pomocą telefonu"),
    ];
    let mut found = Vec::new();
    for (id, message) in &pl {
        let lower = message.to_lowercase().replace(&SIMULTANEOUS_RINGING.to_lowercase(), "");
        for (word, instead) in wrong {
            if lower.contains(word) {
                found.push(format!("{id}: “{word}” (the page says {instead})"));
            }
        }
    }
    assert!(found.is_empty(), "wrong Polish words:\n{}", found.join("\n"));
}

#[test]
fn labels_are_the_vendors_in_both_languages() {
    let pl = messages(PL_FTL);
    let en = messages(EN_FTL);
    let expected = [
        (&pl, "mode-desk-phone", "Domyślny telefon stacjonarny"),
        (&pl, "mode-forward", "Przekierowanie połączeń"),
        (&pl, "mode-twinning", SIMULTANEOUS_RINGING),
        (&pl, "mode-telecommuter", "Telepracownik"),
        (&pl, "playback-phone", "za pomocą telefonu"),
        (&pl, "playback-computer", "za pomocą komputera"),
        (&pl, "greeting-default", "Powitanie systemowe"),
        (&pl, "group-call-pickup", "Przejmowanie połączeń"),
        (&pl, "group-mobility", "Mobilność"),
        (&pl, "group-voicemail", "Poczta głosowa"),
        (&pl, "profile-detected", "Wykryte"),
        (&en, "greeting-default", "System greeting"),
        (&en, "profile-detected", "Detected"),
    ];
    for (catalog, id, words) in expected {
        assert_eq!(text(catalog, id), Some(words), "{id}");
    }
    // Core answers to the built-ins' names (lookups, reserved names): the catalogs say the same ones.
    for (builtin, id) in [
        (BuiltIn::Office, "profile-office"),
        (BuiltIn::Mobile, "profile-mobile"),
        (BuiltIn::Home, "profile-home"),
    ] {
        assert_eq!(text(&pl, id), Some(builtin.polish_name()), "{id}");
        assert_eq!(text(&en, id), Some(builtin.english_name()), "{id}");
    }
}

#[test]
fn english_has_no_polish_words() {
    let polish = ["przekaz", "przekier", "stacjonar", "telepracown", "powitanie"];
    for (id, message) in messages(EN_FTL) {
        let lower = message.to_lowercase();
        assert!(!polish.iter().any(|word| lower.contains(word)), "{id}: {message}");
    }
}
