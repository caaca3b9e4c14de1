//! Core errors as one sentence in the user's language.

use callprofiles_core::{BuiltIn, CoreError, ImportError, InputError, PhoneError, RuleError, StoreError};
use fluent_bundle::FluentValue;

use crate::gui::i18n::I18n;

/// The sentence for any core error.
pub fn error_text(i18n: &I18n, error: &CoreError) -> String {
    match error {
        CoreError::Input(error) => input_error_text(i18n, error),
        CoreError::Rule(error) => rule_error_text(i18n, error),
        CoreError::Store(error) => store_error_text(i18n, error),
        CoreError::Phone(error) => phone_error_text(i18n, error),
        CoreError::Import(error) => import_error_text(i18n, error),
        CoreError::AppliedButUnrecorded { profile, source } => i18n.tr_args(
            "error-applied-unrecorded",
            &[
                ("profile", FluentValue::from(shown_name(i18n, profile))),
                ("reason", FluentValue::from(error_text(i18n, source))),
            ],
        ),
    }
}

/// The sentence for a name or number the user typed.
pub fn input_error_text(i18n: &I18n, error: &InputError) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match error {
        InputError::NumberCharacter { character, .. } => i18n.tr_args(
            "error-number-character",
            &[("character", FluentValue::from(character.to_string()))],
        ),
        InputError::NumberTooShort { .. } => i18n.tr("error-number-too-short"),
        InputError::NumberTooLong { .. } => i18n.tr("error-number-too-long"),
        InputError::NameEmpty => i18n.tr("error-name-empty"),
        InputError::NameTooLong { .. } => i18n.tr("error-name-too-long"),
        InputError::NameControlCharacter => i18n.tr("error-name-control"),
        InputError::UnknownRouting { input } => i18n.tr_args("error-unknown-routing", &[("input", text(input))]),
        InputError::RoutingTakesNoNumber => i18n.tr("error-routing-no-number"),
        InputError::UnknownPlayback { input } => i18n.tr_args("error-unknown-playback", &[("input", text(input))]),
        InputError::UnknownGreeting { input } => i18n.tr_args("error-unknown-greeting", &[("input", text(input))]),
        InputError::NotOnOff { key, input } => {
            i18n.tr_args("error-not-on-off", &[("key", text(key)), ("input", text(input))])
        }
        InputError::NotKeyValue { input } => i18n.tr_args("error-not-key-value", &[("input", text(input))]),
        InputError::RoutingNeedsNumber { mode } => i18n.tr_args("error-routing-needs-number", &[("mode", text(mode))]),
        InputError::UnknownKey { key } => i18n.tr_args("error-unknown-key", &[("key", text(key))]),
    }
}

/// The sentence for a broken rule.
pub fn rule_error_text(i18n: &I18n, error: &RuleError) -> String {
    let named = |id: &str, name: &str| i18n.tr_args(id, &[("name", FluentValue::from(shown_name(i18n, name)))]);
    match error {
        RuleError::TooManyCustom { .. } => i18n.tr("error-too-many-custom"),
        RuleError::NameTaken { name } => named("error-name-taken", name),
        RuleError::NameReserved { name } => named("error-name-reserved", name),
        RuleError::BuiltinDelete { name } => named("error-builtin-delete", name),
        RuleError::BuiltinRename { name } => named("error-builtin-rename", name),
        RuleError::UnknownProfile { name } => named("error-unknown-profile", name),
        RuleError::MissingNumber { profile, .. } => named("error-missing-number", profile),
        RuleError::NothingDetected { profile } => named("error-nothing-detected", profile),
    }
}

/// The sentence for a file problem.
pub fn store_error_text(i18n: &I18n, error: &StoreError) -> String {
    let path = |path: &std::path::Path| FluentValue::from(path.display().to_string());
    match error {
        StoreError::NoHome => i18n.tr("error-no-home"),
        StoreError::Io { path: file, source, .. } => i18n.tr_args(
            "error-file",
            &[
                ("path", path(file)),
                ("reason", FluentValue::from(io_reason(i18n, source))),
            ],
        ),
        StoreError::Corrupt { path: file, reason } => i18n.tr_args(
            "error-store-corrupt",
            &[("path", path(file)), ("reason", FluentValue::from(reason.clone()))],
        ),
        StoreError::Newer { path: file, .. } => i18n.tr_args("error-store-newer", &[("path", path(file))]),
        StoreError::Busy { .. } => i18n.tr("error-store-busy"),
        StoreError::TooLarge { path: file, .. } => i18n.tr_args("error-too-large", &[("path", path(file))]),
        StoreError::OwnFile { path: file } => i18n.tr_args("error-own-file", &[("path", path(file))]),
    }
}

/// Why a file operation failed, in the user's language where the cause is a common one.
fn io_reason(i18n: &I18n, error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::StorageFull => i18n.tr("io-disk-full"),
        std::io::ErrorKind::ReadOnlyFilesystem => i18n.tr("io-read-only"),
        std::io::ErrorKind::PermissionDenied => i18n.tr("io-permission"),
        _ => callprofiles_core::atomic_file::describe(error),
    }
}

/// The sentence for a phone-system failure.
pub fn phone_error_text(i18n: &I18n, error: &PhoneError) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match error {
        PhoneError::Unreachable { address, reason } => i18n.tr_args(
            "error-phone-unreachable",
            &[("address", text(address)), ("reason", text(reason))],
        ),
        PhoneError::AuthenticationFailed { username } => i18n.tr_args("error-phone-login", &[("user", text(username))]),
        PhoneError::Timeout { seconds } => i18n.tr_args("error-phone-timeout", &[("seconds", (*seconds).into())]),
        PhoneError::Refused { message } => i18n.tr_args("error-phone-refused", &[("reason", text(message))]),
        PhoneError::NotVerified { .. } => i18n.tr("error-phone-not-verified"),
        PhoneError::SaveFailed { path, reason } => {
            i18n.tr_args("error-phone-save", &[("path", text(path)), ("reason", text(reason))])
        }
        PhoneError::BadState { reason } => i18n.tr_args("error-phone-state", &[("reason", text(reason))]),
        PhoneError::Config { reason } => i18n.tr_args("error-phone-config", &[("reason", text(reason))]),
        PhoneError::UnsafeValue { what, reason } => {
            i18n.tr_args("error-phone-unsafe", &[("what", text(what)), ("reason", text(reason))])
        }
    }
}

/// The sentence for a file that cannot be imported.
pub fn import_error_text(i18n: &I18n, error: &ImportError) -> String {
    i18n.tr_args(
        "error-import",
        &[
            ("path", FluentValue::from(error.path.display().to_string())),
            ("reason", FluentValue::from(error.reason.clone())),
        ],
    )
}

/// A profile name from a core message, with built-ins' English names translated.
fn shown_name(i18n: &I18n, name: &str) -> String {
    BuiltIn::ALL
        .into_iter()
        .find(|builtin| builtin.answers_to(name))
        .map_or_else(|| name.to_owned(), |builtin| i18n.builtin_name(builtin))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::i18n::Language;

    #[test]
    fn errors_read_in_polish() {
        let pl = I18n::new(Language::Polish);
        let delete = rule_error_text(&pl, &RuleError::BuiltinDelete { name: "Office".into() });
        assert!(delete.contains("Biurowy"), "{delete}");
        let number = input_error_text(
            &pl,
            &InputError::NumberCharacter {
                input: "12a".into(),
                character: 'a',
            },
        );
        assert!(number.contains("„a”"), "{number}");
    }
}
