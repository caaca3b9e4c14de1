//! Core errors as one sentence in the user's language.

mod audio;
mod automation;
mod import;
mod phone;
mod remote;
#[cfg(test)]
mod tests;

use callprofiles_core::error::clause;
use callprofiles_core::{BuiltIn, CoreError, Damage, FileKind, InputError, RuleError, StoreError};
use fluent_bundle::FluentValue;

pub use audio::audio_error_text;
pub use automation::automation_error_text;
pub use import::import_error_text;
pub use phone::phone_error_text;
pub use remote::remote_error_text;

use crate::text::i18n::I18n;

/// The sentence for any core error.
pub fn error_text(i18n: &I18n, error: &CoreError) -> String {
    match error {
        CoreError::Input(error) => input_error_text(i18n, error),
        CoreError::Rule(error) => rule_error_text(i18n, error),
        CoreError::Store(error) => store_error_text(i18n, error),
        CoreError::Phone(error) => phone_error_text(i18n, error),
        CoreError::Import(error) => import_error_text(i18n, error),
        CoreError::Remote(error) => remote_error_text(i18n, error),
        CoreError::Automation(error) => automation_error_text(i18n, error),
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
        InputError::NameHiddenCharacter { code_point } => {
            i18n.tr_args("error-name-hidden", &[("character", text(code_point))])
        }
        InputError::UnknownRouting { input } => i18n.tr_args("error-unknown-routing", &[("input", text(input))]),
        InputError::RoutingTakesNoNumber => i18n.tr("error-routing-no-number"),
        InputError::UnknownPlayback { input } => i18n.tr_args("error-unknown-playback", &[("input", text(input))]),
        InputError::BadMessageId { input } => i18n.tr_args("error-bad-message-id", &[("input", text(input))]),
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
        RuleError::CallNeedsTelecommuter => i18n.tr("error-call-needs-telecommuter"),
        RuleError::NoFreeId { name, max } => i18n.tr_args(
            "error-no-free-id",
            &[
                ("name", FluentValue::from(name.clone())),
                ("max", FluentValue::from(max.to_string())),
            ],
        ),
        RuleError::IdOutOfRange { id, max } => i18n.tr_args(
            "error-id-out-of-range",
            &[
                ("id", FluentValue::from(id.clone())),
                ("max", FluentValue::from(max.to_string())),
            ],
        ),
    }
}

/// The sentence for a file problem.
pub fn store_error_text(i18n: &I18n, error: &StoreError) -> String {
    let path = |path: &std::path::Path| FluentValue::from(callprofiles_core::shown::path(path));
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
            &[
                ("path", path(file)),
                ("reason", FluentValue::from(damage_text(i18n, reason))),
            ],
        ),
        StoreError::Newer { path: file, .. } => i18n.tr_args("error-store-newer", &[("path", path(file))]),
        StoreError::Busy { .. } => i18n.tr("error-store-busy"),
        StoreError::TooLarge { path: file, .. } => i18n.tr_args("error-too-large", &[("path", path(file))]),
        StoreError::Encode { path: file, detail } => i18n.tr_args(
            "error-encode",
            &[("path", path(file)), ("detail", FluentValue::from(detail.clone()))],
        ),
        StoreError::OwnFile { path: file } => i18n.tr_args("error-own-file", &[("path", path(file))]),
        StoreError::NotAFile { path: file, kind } => i18n.tr_args(
            "error-not-a-file",
            &[
                ("path", path(file)),
                ("kind", FluentValue::from(file_kind_text(i18n, *kind))),
            ],
        ),
    }
}

/// What is at a path instead of a regular file, in the user's language.
pub(super) fn file_kind_text(i18n: &I18n, kind: FileKind) -> String {
    i18n.tr(match kind {
        FileKind::Directory => "file-kind-directory",
        FileKind::Fifo => "file-kind-fifo",
        FileKind::CharDevice => "file-kind-char-device",
        FileKind::BlockDevice => "file-kind-block-device",
        FileKind::Socket => "file-kind-socket",
        FileKind::Symlink => "file-kind-symlink",
    })
}

/// What is wrong with a damaged file, as a clause.
pub(super) fn damage_text(i18n: &I18n, damage: &Damage) -> String {
    match damage {
        Damage::Syntax { line, column, .. } => i18n.tr_args(
            "damage-syntax",
            &[
                ("line", FluentValue::from(*line)),
                ("column", FluentValue::from(*column)),
            ],
        ),
        Damage::Truncated { .. } => i18n.tr("damage-truncated"),
        Damage::TooLarge { limit } => i18n.tr_args("damage-too-large", &[("limit", FluentValue::from(*limit))]),
        Damage::BadVersion => i18n.tr("damage-bad-version"),
        Damage::NotAFile { kind } => i18n.tr_args(
            "damage-not-a-file",
            &[("kind", FluentValue::from(file_kind_text(i18n, *kind)))],
        ),
        Damage::NotAnObject => i18n.tr("damage-not-an-object"),
        Damage::Newer { found, supported } => i18n.tr_args(
            "damage-newer",
            &[
                ("found", FluentValue::from(*found)),
                ("supported", FluentValue::from(*supported)),
            ],
        ),
        Damage::Rule { source } => clause(&rule_error_text(i18n, source)),
    }
}

/// Why a file operation failed, in the user's language where the cause is a common one.
fn io_reason(i18n: &I18n, error: &std::io::Error) -> String {
    io_kind_reason(i18n, error.kind(), &callprofiles_core::atomic_file::describe(error))
}

/// Why a file operation of this kind failed; `described` (the core's words) for an uncommon cause.
pub(super) fn io_kind_reason(i18n: &I18n, kind: std::io::ErrorKind, described: &str) -> String {
    match kind {
        std::io::ErrorKind::StorageFull => i18n.tr("io-disk-full"),
        std::io::ErrorKind::ReadOnlyFilesystem => i18n.tr("io-read-only"),
        std::io::ErrorKind::PermissionDenied => i18n.tr("io-permission"),
        std::io::ErrorKind::NotFound => i18n.tr("io-not-found"),
        _ => described.to_owned(),
    }
}

/// A profile name from a core message, with built-ins' English names translated.
fn shown_name(i18n: &I18n, name: &str) -> String {
    BuiltIn::ALL
        .into_iter()
        .find(|builtin| builtin.answers_to(name))
        .map_or_else(|| name.to_owned(), |builtin| i18n.builtin_name(builtin))
}
