//! Core errors as one sentence in the user's language.

use callprofiles_core::error::clause;
use callprofiles_core::{
    BuiltIn, ConfigProblem, CoreError, Damage, ImportError, ImportProblem, InputError, LinkProblem, PhoneError,
    RuleError, SecretFileProblem, StoreError, UnsafeReason,
};
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
        RuleError::CallNeedsTelecommuter => i18n.tr("error-call-needs-telecommuter"),
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
            &[
                ("path", path(file)),
                ("reason", FluentValue::from(damage_text(i18n, reason))),
            ],
        ),
        StoreError::Newer { path: file, .. } => i18n.tr_args("error-store-newer", &[("path", path(file))]),
        StoreError::Busy { .. } => i18n.tr("error-store-busy"),
        StoreError::TooLarge { path: file, .. } => i18n.tr_args("error-too-large", &[("path", path(file))]),
        StoreError::OwnFile { path: file } => i18n.tr_args("error-own-file", &[("path", path(file))]),
    }
}

/// What is wrong with a damaged file, as a clause.
fn damage_text(i18n: &I18n, damage: &Damage) -> String {
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
        Damage::Rule { source } => clause(&rule_error_text(i18n, source)),
    }
}

/// Why a file operation failed, in the user's language where the cause is a common one.
fn io_reason(i18n: &I18n, error: &std::io::Error) -> String {
    io_kind_reason(i18n, error.kind(), &callprofiles_core::atomic_file::describe(error))
}

/// Why a file operation of this kind failed; `described` (the core's words) for an uncommon cause.
fn io_kind_reason(i18n: &I18n, kind: std::io::ErrorKind, described: &str) -> String {
    match kind {
        std::io::ErrorKind::StorageFull => i18n.tr("io-disk-full"),
        std::io::ErrorKind::ReadOnlyFilesystem => i18n.tr("io-read-only"),
        std::io::ErrorKind::PermissionDenied => i18n.tr("io-permission"),
        std::io::ErrorKind::NotFound => i18n.tr("io-not-found"),
        _ => described.to_owned(),
    }
}

/// The sentence for a phone-system failure.
pub fn phone_error_text(i18n: &I18n, error: &PhoneError) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match error {
        PhoneError::Unreachable { address, problem } => i18n.tr_args(
            "error-phone-unreachable",
            &[
                ("address", text(address)),
                ("reason", text(&link_problem_text(i18n, problem))),
            ],
        ),
        PhoneError::AuthenticationFailed { username } => i18n.tr_args("error-phone-login", &[("user", text(username))]),
        PhoneError::Timeout { seconds } => i18n.tr_args("error-phone-timeout", &[("seconds", (*seconds).into())]),
        PhoneError::Refused { action, message } => match message {
            Some(message) => i18n.tr_args(
                "error-phone-refused",
                &[("action", text(action)), ("reason", text(message))],
            ),
            None => i18n.tr_args("error-phone-refused-silently", &[("action", text(action))]),
        },
        PhoneError::NotVerified { .. } => i18n.tr("error-phone-not-verified"),
        PhoneError::SaveFailed { path, kind, reason } => i18n.tr_args(
            "error-phone-save",
            &[
                ("path", text(path)),
                ("reason", text(&io_kind_reason(i18n, *kind, reason))),
            ],
        ),
        PhoneError::CallsUnsupported => i18n.tr("error-calls-unsupported"),
        PhoneError::IncompleteAnswer { action, .. } => {
            i18n.tr_args("error-phone-incomplete", &[("action", text(action))])
        }
        PhoneError::BadState { reason } => i18n.tr_args("error-phone-state", &[("reason", text(reason))]),
        PhoneError::DemoDamaged { path, damage } => i18n.tr_args(
            "error-demo-damaged",
            &[("path", text(path)), ("reason", text(&damage_text(i18n, damage)))],
        ),
        PhoneError::DemoUnreadable { path, kind, reason } => i18n.tr_args(
            "error-demo-unreadable",
            &[
                ("path", text(path)),
                ("reason", text(&io_kind_reason(i18n, *kind, reason))),
            ],
        ),
        PhoneError::Config { reason } => i18n.tr_args(
            "error-phone-config",
            &[("reason", text(&config_problem_text(i18n, reason)))],
        ),
        PhoneError::UnsafeValue { what, reason } => i18n.tr_args(
            "error-phone-unsafe",
            &[
                ("what", text(&value_name(i18n, what))),
                ("reason", text(&unsafe_reason_text(i18n, reason))),
            ],
        ),
    }
}

/// What is wrong with the connection settings, as a clause.
fn config_problem_text(i18n: &I18n, problem: &ConfigProblem) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match problem {
        ConfigProblem::HostEmpty => i18n.tr("config-host-empty"),
        ConfigProblem::HostTooLong { host } => i18n.tr_args("config-host-too-long", &[("host", text(host))]),
        ConfigProblem::HostCharacters { host } => i18n.tr_args("config-host-characters", &[("host", text(host))]),
        ConfigProblem::UserEmpty => i18n.tr("config-user-empty"),
        ConfigProblem::UserTooLong { limit } => {
            i18n.tr_args("config-user-too-long", &[("limit", FluentValue::from(*limit))])
        }
        ConfigProblem::UserSpace => i18n.tr("config-user-space"),
        ConfigProblem::BadExtension { extension, min, max } => i18n.tr_args(
            "config-bad-extension",
            &[
                ("extension", text(extension)),
                ("min", FluentValue::from(*min)),
                ("max", FluentValue::from(*max)),
            ],
        ),
        ConfigProblem::OriginateNotAllowed { username } => {
            i18n.tr_args("config-originate-not-allowed", &[("user", text(username))])
        }
        ConfigProblem::SecretEmpty => i18n.tr("config-secret-empty"),
        ConfigProblem::SecretVariableNotUtf8 { variable } => {
            i18n.tr_args("config-secret-variable", &[("variable", text(variable))])
        }
        ConfigProblem::NoSecret { variable } => i18n.tr_args("config-no-secret", &[("variable", text(variable))]),
        ConfigProblem::SecretFile { path, problem } => i18n.tr_args(
            "config-secret-file",
            &[
                ("path", text(&path.display().to_string())),
                ("problem", text(&secret_file_problem_text(i18n, problem))),
            ],
        ),
    }
}

/// What is wrong with the secret file, as the words after its name.
fn secret_file_problem_text(i18n: &I18n, problem: &SecretFileProblem) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match problem {
        SecretFileProblem::Unreadable { kind, detail } => i18n.tr_args(
            "secret-unreadable",
            &[("reason", text(&io_kind_reason(i18n, *kind, detail)))],
        ),
        SecretFileProblem::NotAFile => i18n.tr("secret-not-a-file"),
        SecretFileProblem::Open { mode, path } => i18n.tr_args(
            "secret-open",
            &[
                ("mode", text(&format!("{mode:04o}"))),
                ("path", text(&path.display().to_string())),
            ],
        ),
        SecretFileProblem::TooLarge { limit } => {
            i18n.tr_args("secret-too-large", &[("limit", FluentValue::from(*limit))])
        }
        SecretFileProblem::Unusable { reason } => i18n.tr_args(
            "secret-unusable",
            &[("reason", text(&unsafe_reason_text(i18n, reason)))],
        ),
        SecretFileProblem::Empty => i18n.tr("secret-empty"),
        SecretFileProblem::Unwritable { kind, detail } => i18n.tr_args(
            "secret-unwritable",
            &[("reason", text(&io_kind_reason(i18n, *kind, detail)))],
        ),
    }
}

/// Why a value may not be sent, as a clause.
fn unsafe_reason_text(i18n: &I18n, reason: &UnsafeReason) -> String {
    match reason {
        UnsafeReason::LineBreak => i18n.tr("unsafe-line-break"),
        UnsafeReason::ControlCharacter { .. } => i18n.tr("unsafe-control"),
        UnsafeReason::TooLong { bytes, limit } => i18n.tr_args(
            "unsafe-too-long",
            &[
                ("bytes", FluentValue::from(*bytes)),
                ("limit", FluentValue::from(*limit)),
            ],
        ),
    }
}

/// The name of a value the user gave, in their language (internal values keep their technical name).
fn value_name(i18n: &I18n, what: &str) -> String {
    match what {
        "AMI user name" => i18n.tr("value-ami-user"),
        "AMI secret" => i18n.tr("value-ami-secret"),
        other => other.to_owned(),
    }
}

/// Why the phone system could not be reached, as a clause that follows a colon.
fn link_problem_text(i18n: &I18n, problem: &LinkProblem) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match problem {
        LinkProblem::UnknownHost { host, .. } => i18n.tr_args("link-unknown-host", &[("host", text(host))]),
        LinkProblem::NoAddress { host } => i18n.tr_args("link-no-address", &[("host", text(host))]),
        LinkProblem::Network { kind, detail } => match kind {
            std::io::ErrorKind::ConnectionRefused => i18n.tr("link-refused"),
            std::io::ErrorKind::HostUnreachable | std::io::ErrorKind::NetworkUnreachable => i18n.tr("link-unreachable"),
            std::io::ErrorKind::NetworkDown => i18n.tr("link-network-down"),
            std::io::ErrorKind::ConnectionReset
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::BrokenPipe
            | std::io::ErrorKind::UnexpectedEof => i18n.tr("link-broken"),
            _ => i18n.tr_args("link-other", &[("detail", text(detail))]),
        },
        LinkProblem::ClosedAtOnce => i18n.tr("link-closed-at-once"),
        LinkProblem::Closed => i18n.tr("link-closed"),
        LinkProblem::WrongBanner { banner } => i18n.tr_args("link-wrong-banner", &[("banner", text(banner))]),
        LinkProblem::NotAmi { .. } => i18n.tr("link-not-ami"),
    }
}

/// The sentence for a file that cannot be imported.
pub fn import_error_text(i18n: &I18n, error: &ImportError) -> String {
    i18n.tr_args(
        "error-import",
        &[
            ("path", FluentValue::from(error.path.display().to_string())),
            ("reason", FluentValue::from(import_problem_text(i18n, &error.problem))),
        ],
    )
}

/// What is wrong with a file to import, as a clause that follows a colon.
fn import_problem_text(i18n: &I18n, problem: &ImportProblem) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    let at = |position: &usize| ("position", FluentValue::from(*position));
    match problem {
        ImportProblem::NotJson { line, column, .. } => i18n.tr_args(
            "import-not-json",
            &[
                ("line", FluentValue::from(*line)),
                ("column", FluentValue::from(*column)),
            ],
        ),
        ImportProblem::Truncated { .. } => i18n.tr("import-truncated"),
        ImportProblem::NotAnExport => i18n.tr("import-not-export"),
        ImportProblem::Newer { found, supported } => i18n.tr_args(
            "import-newer",
            &[
                ("found", FluentValue::from(*found)),
                ("supported", FluentValue::from(*supported)),
            ],
        ),
        ImportProblem::BadVersion => i18n.tr("import-bad-version"),
        ImportProblem::Damaged { detail } => i18n.tr_args("import-damaged", &[("detail", text(detail))]),
        ImportProblem::EntryDamaged { position, detail } => {
            i18n.tr_args("import-entry-damaged", &[at(position), ("detail", text(detail))])
        }
        ImportProblem::EntryInput { position, source } => i18n.tr_args(
            "import-entry-input",
            &[at(position), ("reason", text(&clause(&input_error_text(i18n, source))))],
        ),
        ImportProblem::BadId { position, id } => i18n.tr_args("import-bad-id", &[at(position), ("id", text(id))]),
        ImportProblem::UnknownBuiltin { position, id } => {
            i18n.tr_args("import-unknown-builtin", &[at(position), ("id", text(id))])
        }
        ImportProblem::BuiltinRenamed {
            position,
            builtin,
            name,
        } => i18n.tr_args(
            "import-builtin-renamed",
            &[
                at(position),
                ("builtin", text(&i18n.builtin_name(*builtin))),
                ("name", text(name)),
            ],
        ),
        ImportProblem::BuiltinTwice { builtin } => i18n.tr_args(
            "import-builtin-twice",
            &[("builtin", text(&i18n.builtin_name(*builtin)))],
        ),
        ImportProblem::CustomWithBuiltinId { position, id } => {
            i18n.tr_args("import-custom-builtin-id", &[at(position), ("id", text(id))])
        }
        ImportProblem::IdTwice { id } => i18n.tr_args("import-id-twice", &[("id", text(id))]),
        ImportProblem::TooManyCustom { count, limit } => i18n.tr_args(
            "import-too-many-custom",
            &[
                ("count", FluentValue::from(*count)),
                ("limit", FluentValue::from(*limit)),
            ],
        ),
        ImportProblem::NameTwice { name } => i18n.tr_args("import-name-twice", &[("name", text(name))]),
        ImportProblem::NameReserved { name } => i18n.tr_args("import-name-reserved", &[("name", text(name))]),
        ImportProblem::Rule { source } => clause(&rule_error_text(i18n, source)),
    }
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

    /// One of each import problem.
    fn every_import_problem() -> Vec<ImportProblem> {
        vec![
            ImportProblem::NotJson {
                line: 3,
                column: 7,
                detail: "expected value at line 3 column 7".into(),
            },
            ImportProblem::Truncated {
                detail: "EOF while parsing a string at line 1 column 30".into(),
            },
            ImportProblem::NotAnExport,
            ImportProblem::Newer { found: 2, supported: 1 },
            ImportProblem::BadVersion,
            ImportProblem::Damaged {
                detail: "missing field `profiles`".into(),
            },
            ImportProblem::EntryDamaged {
                position: 2,
                detail: "unknown field `x`".into(),
            },
            ImportProblem::EntryInput {
                position: 2,
                source: InputError::NumberTooShort { input: "1".into() },
            },
            ImportProblem::BadId {
                position: 1,
                id: "bad id".into(),
            },
            ImportProblem::UnknownBuiltin {
                position: 1,
                id: "desk".into(),
            },
            ImportProblem::BuiltinRenamed {
                position: 1,
                builtin: BuiltIn::Office,
                name: "Work".into(),
            },
            ImportProblem::BuiltinTwice { builtin: BuiltIn::Home },
            ImportProblem::CustomWithBuiltinId {
                position: 4,
                id: "office".into(),
            },
            ImportProblem::IdTwice { id: "car_1".into() },
            ImportProblem::TooManyCustom { count: 5, limit: 4 },
            ImportProblem::NameTwice { name: "Car".into() },
            ImportProblem::NameReserved { name: "Wykryte".into() },
            ImportProblem::Rule {
                source: RuleError::TooManyCustom { name: "E".into() },
            },
        ]
    }

    #[test]
    fn every_import_problem_reads_in_polish_without_english() {
        let pl = I18n::new(Language::Polish);
        for problem in every_import_problem() {
            let english = problem.to_string();
            let quotes_the_parser = matches!(
                problem,
                ImportProblem::Damaged { .. } | ImportProblem::EntryDamaged { .. }
            );
            let error = ImportError {
                path: "eksport.json".into(),
                problem,
            };
            let polish = import_error_text(&pl, &error);
            assert!(
                polish.starts_with("Nie można zaimportować pliku eksport.json: "),
                "{polish}"
            );
            assert!(polish.ends_with("Niczego nie zmieniono."), "{polish}");
            assert!(!polish.contains('{') && !polish.contains(&english), "{polish}");
            for word in ["it is", "is not", "cannot", "the ", "named", "appears", "marked"] {
                assert!(quotes_the_parser || !polish.contains(word), "{word:?} in {polish}");
            }
        }
        let text = |problem: ImportProblem| {
            import_error_text(
                &pl,
                &ImportError {
                    path: "x".into(),
                    problem,
                },
            )
        };
        let five = text(ImportProblem::TooManyCustom { count: 5, limit: 4 });
        assert!(
            five.contains("zawiera 5 profili własnych, a dozwolone są najwyżej 4"),
            "{five}"
        );
        let twenty_two = text(ImportProblem::TooManyCustom { count: 22, limit: 4 });
        assert!(twenty_two.contains("zawiera 22 profile własne"), "{twenty_two}");
        let twice = text(ImportProblem::BuiltinTwice { builtin: BuiltIn::Home });
        assert!(twice.contains("wbudowany profil Domowy występuje"), "{twice}");
        let number = text(ImportProblem::EntryInput {
            position: 2,
            source: InputError::NumberTooShort { input: "1".into() },
        });
        assert!(number.contains(": profil nr 2: numer jest za krótki"), "{number}");
        let json = text(ImportProblem::NotJson {
            line: 3,
            column: 7,
            detail: "expected value".into(),
        });
        assert!(
            json.contains("w wierszu 3, w kolumnie 7") && !json.contains("expected"),
            "{json}"
        );
    }
    #[test]
    fn unreachable_phone_systems_say_why_in_polish() {
        let pl = I18n::new(Language::Polish);
        let network = |kind: std::io::ErrorKind| LinkProblem::Network {
            kind,
            detail: "Connection refused (os error 111)".into(),
        };
        let problems = [
            LinkProblem::UnknownHost {
                host: "pbx.example".into(),
                detail: "failed to lookup address information".into(),
            },
            LinkProblem::NoAddress {
                host: "pbx.example".into(),
            },
            network(std::io::ErrorKind::ConnectionRefused),
            network(std::io::ErrorKind::HostUnreachable),
            network(std::io::ErrorKind::NetworkDown),
            network(std::io::ErrorKind::ConnectionReset),
            LinkProblem::ClosedAtOnce,
            LinkProblem::Closed,
            LinkProblem::WrongBanner {
                banner: "SSH-2.0".into(),
            },
            LinkProblem::NotAmi {
                detail: "a line longer than 8192 bytes".into(),
            },
        ];
        for problem in problems {
            let english = problem.to_string();
            let error = PhoneError::Unreachable {
                address: "10.0.0.5:5038".into(),
                problem,
            };
            let polish = phone_error_text(&pl, &error);
            assert!(
                polish.starts_with("Nie można połączyć się z systemem telefonicznym pod adresem 10.0.0.5:5038: "),
                "{polish}"
            );
            assert!(!polish.contains(&english) && !polish.contains("os error"), "{polish}");
            for word in ["the ", "it ", "closed", "lookup", "longer"] {
                assert!(!polish.contains(word), "{word:?} in {polish}");
            }
        }
        let refused = phone_error_text(
            &pl,
            &PhoneError::Unreachable {
                address: "10.0.0.5:5038".into(),
                problem: network(std::io::ErrorKind::ConnectionRefused),
            },
        );
        assert!(
            refused.contains(": nic nie przyjmuje tam połączeń, więc sprawdź, czy Asterisk działa"),
            "{refused}"
        );
        let other = phone_error_text(
            &pl,
            &PhoneError::Unreachable {
                address: "10.0.0.5:5038".into(),
                problem: network(std::io::ErrorKind::Other),
            },
        );
        assert!(
            other.contains(": błąd sieci (Connection refused (os error 111))."),
            "{other}"
        );
    }
    #[test]
    fn damaged_files_say_where_in_polish() {
        let pl = I18n::new(Language::Polish);
        let damaged = |reason: Damage| {
            store_error_text(
                &pl,
                &StoreError::Corrupt {
                    path: "/h/profiles.json".into(),
                    reason,
                },
            )
        };
        let syntax = damaged(Damage::Syntax {
            line: 4,
            column: 2,
            detail: "expected `,` or `}` at line 4 column 2".into(),
        });
        assert!(
            syntax.contains("(jest w nim błąd w wierszu 4, w kolumnie 2)"),
            "{syntax}"
        );
        assert!(!syntax.contains("expected"), "{syntax}");
        let large = damaged(Damage::TooLarge { limit: 1_048_576 });
        assert!(large.contains("(jest większy niż 1048576 bajtów)"), "{large}");
        let rule = damaged(Damage::Rule {
            source: RuleError::NameTaken { name: "Car".into() },
        });
        assert!(rule.contains("(nazwa „Car”") || rule.contains("(„Car”"), "{rule}");
        assert!(!rule.contains("already"), "{rule}");
    }
    #[test]
    fn connection_settings_problems_read_in_polish() {
        let pl = I18n::new(Language::Polish);
        let file = |problem: SecretFileProblem| ConfigProblem::SecretFile {
            path: "/h/haslo".into(),
            problem,
        };
        let problems = [
            ConfigProblem::HostEmpty,
            ConfigProblem::HostTooLong { host: "a.b".into() },
            ConfigProblem::HostCharacters { host: "a b".into() },
            ConfigProblem::UserEmpty,
            ConfigProblem::UserTooLong { limit: 80 },
            ConfigProblem::UserSpace,
            ConfigProblem::BadExtension {
                extension: "x1".into(),
                min: 2,
                max: 20,
            },
            ConfigProblem::OriginateNotAllowed {
                username: "callprofiles".into(),
            },
            ConfigProblem::SecretEmpty,
            ConfigProblem::SecretVariableNotUtf8 {
                variable: "CALLPROFILES_AMI_SECRET",
            },
            ConfigProblem::NoSecret {
                variable: "CALLPROFILES_AMI_SECRET",
            },
            file(SecretFileProblem::Unreadable {
                kind: std::io::ErrorKind::NotFound,
                detail: "No such file or directory (os error 2)".into(),
            }),
            file(SecretFileProblem::NotAFile),
            file(SecretFileProblem::Open {
                mode: 0o644,
                path: "/h/haslo".into(),
            }),
            file(SecretFileProblem::TooLarge { limit: 4096 }),
            file(SecretFileProblem::Unusable {
                reason: UnsafeReason::LineBreak,
            }),
            file(SecretFileProblem::Empty),
            file(SecretFileProblem::Unwritable {
                kind: std::io::ErrorKind::PermissionDenied,
                detail: "Permission denied (os error 13)".into(),
            }),
        ];
        for reason in problems {
            let english = reason.to_string();
            let polish = phone_error_text(&pl, &PhoneError::Config { reason });
            assert!(
                polish.starts_with("System telefoniczny jest źle skonfigurowany: "),
                "{polish}"
            );
            assert!(!polish.contains(&english) && !polish.contains("os error"), "{polish}");
            for word in ["the ", "is ", "cannot", "secret ", "name"] {
                assert!(!polish.contains(word), "{word:?} in {polish}");
            }
        }
        let open = phone_error_text(
            &pl,
            &PhoneError::Config {
                reason: file(SecretFileProblem::Open {
                    mode: 0o644,
                    path: "/h/haslo".into(),
                }),
            },
        );
        assert!(
            open.contains("plik z hasłem /h/haslo mogą czytać inni użytkownicy (uprawnienia 0644)"),
            "{open}"
        );
        assert!(open.contains("(uruchom: chmod 600 /h/haslo)"), "{open}");
        let unsafe_user = phone_error_text(
            &pl,
            &PhoneError::UnsafeValue {
                what: "AMI user name".into(),
                reason: UnsafeReason::TooLong { bytes: 600, limit: 512 },
            },
        );
        assert_eq!(
            unsafe_user,
            "Tej wartości (nazwa użytkownika AMI) nie można wysłać do systemu telefonicznego: ma 600 bajtów, więcej \
             niż dozwolone 512."
        );
    }
    #[test]
    fn refusals_and_a_damaged_demo_read_in_polish() {
        let pl = I18n::new(Language::Polish);
        let refused = phone_error_text(
            &pl,
            &PhoneError::Refused {
                action: "DBPut".into(),
                message: Some("Failed to update entry".into()),
            },
        );
        assert_eq!(
            refused,
            "System telefoniczny odrzucił żądanie DBPut: „Failed to update entry”."
        );
        let silent = phone_error_text(
            &pl,
            &PhoneError::Refused {
                action: "DBPut".into(),
                message: None,
            },
        );
        assert_eq!(
            silent,
            "System telefoniczny odrzucił żądanie DBPut bez podania przyczyny."
        );
        let damaged = phone_error_text(
            &pl,
            &PhoneError::DemoDamaged {
                path: "/h/phone-system.json".into(),
                damage: Damage::Truncated {
                    detail: "EOF while parsing".into(),
                },
            },
        );
        assert!(
            damaged.starts_with(
                "Plik demonstracyjnego systemu telefonicznego /h/phone-system.json jest uszkodzony (kończy się za \
                 wcześnie"
            ),
            "{damaged}"
        );
        assert!(!damaged.contains("EOF"), "{damaged}");
    }
}
