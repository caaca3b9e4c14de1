//! Errors as the one line a command prints after `error: `, in the output's language.
//!
//! English keeps the core's own sentences (written for the command line, naming what was typed);
//! Polish uses the translations the windows use ([`crate::text::error_text`]).

use callprofiles_core::{CoreError, ImportError, InputError, PhoneError, RuleError, StoreError};
use fluent_bundle::FluentValue;

use crate::cli::output::{OutputError, one_line};
use crate::text::error_text::{
    error_text, import_error_text, input_error_text, phone_error_text, rule_error_text, store_error_text,
};
use crate::text::i18n::{I18n, Language};

/// The sentence for any failure of a command, on one line.
pub fn error_line(i18n: &I18n, error: &anyhow::Error) -> String {
    let text = match i18n.language() {
        Language::English => None,
        Language::Polish => translated(i18n, error),
    };
    safe_line(&text.unwrap_or_else(|| error.to_string()))
}

/// The sentence for a phone-system failure, on one line.
pub fn phone_error_line(i18n: &I18n, error: &PhoneError) -> String {
    let text = match i18n.language() {
        Language::English => error.to_string(),
        Language::Polish => phone_error_text(i18n, error),
    };
    safe_line(&text)
}

/// One line, with any control or invisible character a quoted value still carries (a path, a
/// server's words) shown as an escape, so nothing it quotes can drive the terminal.
fn safe_line(text: &str) -> String {
    callprofiles_core::shown::text(&one_line(text))
}

/// The translation of a failure the catalogs know; `None` for any other (it keeps its own text).
fn translated(i18n: &I18n, error: &anyhow::Error) -> Option<String> {
    if let Some(error) = error.downcast_ref::<CoreError>() {
        Some(error_text(i18n, error))
    } else if let Some(error) = error.downcast_ref::<StoreError>() {
        Some(store_error_text(i18n, error))
    } else if let Some(error) = error.downcast_ref::<InputError>() {
        Some(input_error_text(i18n, error))
    } else if let Some(error) = error.downcast_ref::<RuleError>() {
        Some(rule_error_text(i18n, error))
    } else if let Some(error) = error.downcast_ref::<PhoneError>() {
        Some(phone_error_text(i18n, error))
    } else if let Some(error) = error.downcast_ref::<ImportError>() {
        Some(import_error_text(i18n, error))
    } else {
        error.downcast_ref::<OutputError>().map(|OutputError(source)| {
            i18n.tr_args("cli-error-output", &[("reason", FluentValue::from(source.to_string()))])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_keeps_the_core_sentence_and_polish_translates_it() {
        let error = || anyhow::Error::from(CoreError::from(RuleError::UnknownProfile { name: "x".into() }));
        assert_eq!(
            error_line(&I18n::new(Language::English), &error()),
            "There is no profile called \"x\"."
        );
        let polish = error_line(&I18n::new(Language::Polish), &error());
        assert!(polish.starts_with("Nie ma profilu o nazwie „x”"), "{polish}");
        let key = anyhow::Error::from(CoreError::from(InputError::UnknownKey { key: "bogus".into() }));
        let polish = error_line(&I18n::new(Language::Polish), &key);
        assert!(polish.contains("nie jest ustawieniem"), "{polish}");
    }

    #[test]
    fn control_characters_in_quoted_paths_are_escaped_in_both_languages() {
        let error = || {
            anyhow::Error::from(CoreError::from(StoreError::NotAFile {
                path: "/tmp/\u{1b}[2J\nerror: forged\u{202e}".into(),
                kind: callprofiles_core::FileKind::Fifo,
            }))
        };
        for language in [Language::English, Language::Polish] {
            let line = error_line(&I18n::new(language), &error());
            assert!(!line.chars().any(|c| c.is_control() || c == '\u{202e}'), "{line:?}");
            assert!(line.contains("\\u{001B}[2J\\u{000A}error: forged\\u{202E}"), "{line}");
        }
    }

    #[test]
    fn other_failures_keep_their_text() {
        let error = anyhow::anyhow!("Something\nelse.");
        assert_eq!(error_line(&I18n::new(Language::Polish), &error), "Something else.");
    }
}
