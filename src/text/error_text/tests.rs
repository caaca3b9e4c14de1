//! The error sentences in Polish: every typed reason is translated, no English is pasted in.

use callprofiles_core::{
    BuiltIn, ConfigProblem, Damage, ImportError, ImportProblem, InputError, LinkProblem, PhoneError, RuleError,
    SecretFileProblem, StoreError, UnsafeReason,
};

use super::*;
use crate::text::i18n::Language;

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
            damage: Damage::Syntax {
                line: 3,
                column: 7,
                detail: "expected value at line 3 column 7".into(),
            },
        },
        ImportProblem::NotJson {
            damage: Damage::Truncated {
                detail: "EOF while parsing a string at line 1 column 30".into(),
            },
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
        damage: Damage::Syntax {
            line: 3,
            column: 7,
            detail: "expected value".into(),
        },
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

#[test]
fn hostile_peers_and_files_read_in_both_languages() {
    use callprofiles_core::{FileKind, Overflow};
    let (en, pl) = (I18n::new(Language::English), I18n::new(Language::Polish));
    let too_large = PhoneError::AnswerTooLarge {
        address: "pbx:5038".into(),
        bound: Overflow::Entries(10_000),
    };
    let polish = phone_error_text(&pl, &too_large);
    assert!(
        polish.contains("przysłał za dużo") && polish.contains("10000 pozycjami"),
        "{polish}"
    );
    assert!(phone_error_text(&en, &too_large).contains("a list of more than 10000 entries"));
    let fifo = StoreError::NotAFile {
        path: "/tmp/x".into(),
        kind: FileKind::Fifo,
    };
    let polish = store_error_text(&pl, &fifo);
    assert!(
        polish.contains("potok nazwany (FIFO)") && polish.contains("/tmp/x"),
        "{polish}"
    );
    let damaged = StoreError::Corrupt {
        path: "/h/config.json".into(),
        reason: Damage::NotAnObject,
    };
    assert!(store_error_text(&pl, &damaged).contains("nie zawiera obiektu JSON"));
    let hidden = InputError::NameHiddenCharacter {
        code_point: "U+202E".into(),
    };
    assert!(input_error_text(&pl, &hidden).contains("U+202E"));
    let spent = RuleError::NoFreeId {
        name: "Car".into(),
        max: 4_294_967_295,
    };
    let spent_text = rule_error_text(&pl, &spent);
    assert!(spent_text.contains("do custom-4294967295,"), "{spent_text}");
    for text in [
        phone_error_text(&pl, &too_large),
        store_error_text(&pl, &fifo),
        rule_error_text(&pl, &spent),
    ] {
        assert!(
            !text.contains("regular file") && !text.contains("entries"),
            "English in Polish: {text}"
        );
    }
}

#[test]
fn every_audio_error_reads_in_both_languages() {
    use callprofiles_core::{AudioError, FileKind, GsmFault};
    let (en, pl) = (I18n::new(Language::English), I18n::new(Language::Polish));
    let errors = [
        AudioError::NeedsServer,
        AudioError::UnsupportedFormat { format: "gsm".into() },
        AudioError::NoRecording,
        AudioError::GreetingNotRecorded { slot: 4 },
        AudioError::TooLarge { limit: 52_428_800 },
        AudioError::NotAFile { kind: FileKind::Fifo },
        AudioError::Unreadable {
            kind: std::io::ErrorKind::PermissionDenied,
            reason: "Permission denied (os error 13)".into(),
        },
        AudioError::InvalidWav {
            detail: "no RIFF tag found".into(),
        },
        AudioError::UnsupportedRate { rate: 4000 },
        AudioError::InvalidGsm {
            fault: GsmFault::BadMark { frame: 12 },
        },
        AudioError::InvalidGsm {
            fault: GsmFault::NotRiffWave,
        },
        AudioError::InvalidGsm {
            fault: GsmFault::NotGsmWave { tag: 1 },
        },
        AudioError::InvalidGsm {
            fault: GsmFault::NotMono8kHz {
                channels: 2,
                rate: 16000,
            },
        },
        AudioError::InvalidGsm {
            fault: GsmFault::NoFormatChunk,
        },
        AudioError::InvalidGsm {
            fault: GsmFault::NoDataChunk,
        },
        AudioError::Empty,
        AudioError::TooLong { limit: 180 },
        AudioError::Unwritable {
            kind: std::io::ErrorKind::StorageFull,
            reason: "No space left on device".into(),
        },
    ];
    for error in errors {
        let wrapped = PhoneError::Audio(error.clone());
        let english = phone_error_text(&en, &wrapped);
        let io = matches!(error, AudioError::Unreadable { .. } | AudioError::Unwritable { .. });
        assert!(io || english == error.to_string(), "{english} / {error}");
        let polish = phone_error_text(&pl, &wrapped);
        assert_ne!(polish, error.to_string());
        for word in [
            "the ",
            "is ",
            "cannot",
            "recording",
            "os error",
            "Permission",
            "No space",
        ] {
            assert!(!polish.contains(word), "{word:?} in {polish}");
        }
    }
    let needs = phone_error_text(&pl, &PhoneError::Audio(AudioError::NeedsServer));
    assert!(
        needs.contains("za pomocą komputera") && needs.contains("za pomocą telefonu"),
        "{needs}"
    );
    let denied = AudioError::Unreadable {
        kind: std::io::ErrorKind::PermissionDenied,
        reason: "Permission denied (os error 13)".into(),
    };
    assert_eq!(
        phone_error_text(&en, &PhoneError::Audio(denied)),
        "The recording cannot be read: callprofiles is not allowed to read it."
    );
    let fifo = phone_error_text(&pl, &PhoneError::Audio(AudioError::NotAFile { kind: FileKind::Fifo }));
    assert!(fifo.contains("potok nazwany (FIFO)"), "{fifo}");
}
