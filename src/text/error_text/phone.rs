//! Phone-system failures as sentences: unreachable, refused, misconfigured, the demo's file.

use callprofiles_core::{ConfigProblem, LinkProblem, Overflow, PhoneError, SecretFileProblem, UnsafeReason};
use fluent_bundle::FluentValue;

use super::{damage_text, io_kind_reason};
use crate::text::i18n::I18n;

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
        PhoneError::AnswerTooLarge { address, bound } => i18n.tr_args(
            "error-phone-too-large",
            &[("address", text(address)), ("bound", text(&overflow_text(i18n, bound)))],
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
        PhoneError::Server(error) => super::remote_error_text(i18n, error),
        PhoneError::VoicemailUnsupported => i18n.tr("error-voicemail-unsupported"),
        PhoneError::NoMailbox { extension } => i18n.tr_args("error-no-mailbox", &[("extension", text(extension))]),
        PhoneError::MessageNotFound { id } => i18n.tr_args("error-message-not-found", &[("id", text(id))]),
        PhoneError::PlayOnPhoneUnsupported => i18n.tr("error-play-on-phone-unsupported"),
        PhoneError::RecordByPhoneUnsupported => i18n.tr("error-record-by-phone-unsupported"),
        PhoneError::Audio(error) => super::audio_error_text(i18n, error),
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
                ("path", text(&callprofiles_core::shown::path(path))),
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
                ("path", text(&callprofiles_core::shown::path(path))),
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

/// The bound an answer went past, as a clause.
fn overflow_text(i18n: &I18n, bound: &Overflow) -> String {
    let (id, limit) = match *bound {
        Overflow::LineBytes(limit) => ("overflow-line-bytes", FluentValue::from(limit)),
        Overflow::Headers(limit) => ("overflow-headers", FluentValue::from(limit)),
        Overflow::Bytes(limit) => ("overflow-bytes", FluentValue::from(limit)),
        Overflow::Entries(limit) => ("overflow-entries", FluentValue::from(limit)),
    };
    i18n.tr_args(id, &[("limit", limit)])
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
