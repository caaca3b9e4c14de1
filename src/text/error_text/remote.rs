//! Failures talking to a callprofiles server as sentences in the user's language.

use callprofiles_core::{ReachProblem, RemoteError};
use fluent_bundle::FluentValue;

use super::io_kind_reason;
use crate::text::i18n::I18n;

/// The sentence for a server failure.
pub fn remote_error_text(i18n: &I18n, error: &RemoteError) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match error {
        RemoteError::NotHttps { url } => i18n.tr_args("error-server-not-https", &[("url", text(url))]),
        RemoteError::BadUrl { url } => i18n.tr_args("error-server-bad-url", &[("url", text(url))]),
        RemoteError::BadFingerprint { text: typed } => {
            i18n.tr_args("error-server-bad-fingerprint", &[("text", text(typed))])
        }
        RemoteError::FingerprintMismatch { expected, found } => i18n.tr_args(
            "error-server-fingerprint-mismatch",
            &[("expected", text(expected)), ("found", text(found))],
        ),
        RemoteError::UntrustedCertificate { found } => {
            i18n.tr_args("error-server-untrusted", &[("found", text(found))])
        }
        RemoteError::Unreachable { url, problem } => i18n.tr_args(
            "error-server-unreachable",
            &[("url", text(url)), ("reason", text(&reach_problem_text(i18n, problem)))],
        ),
        RemoteError::EnrollmentRefused { extension } => {
            i18n.tr_args("error-server-code-refused", &[("extension", text(extension))])
        }
        RemoteError::Unauthorized => i18n.tr("error-server-unauthorized"),
        RemoteError::RateLimited { seconds } => {
            i18n.tr_args("error-server-rate-limited", &[("seconds", FluentValue::from(*seconds))])
        }
        RemoteError::PbxUnreachable => i18n.tr("error-server-pbx-unreachable"),
        RemoteError::Pbx { message } => i18n.tr_args("error-server-pbx", &[("reason", text(message))]),
        RemoteError::Refused { message } => i18n.tr_args("error-server-refused", &[("reason", text(message))]),
        RemoteError::NotFound { message } => i18n.tr_args("error-server-not-found", &[("reason", text(message))]),
        RemoteError::TooLarge { limit_kib } => {
            i18n.tr_args("error-server-too-large", &[("limit", FluentValue::from(*limit_kib))])
        }
        RemoteError::BadAnswer { status, detail } => i18n.tr_args(
            "error-server-bad-answer",
            &[("status", FluentValue::from(*status)), ("reason", text(detail))],
        ),
        RemoteError::ServerFailed { status, message } => i18n.tr_args(
            "error-server-failed",
            &[("status", FluentValue::from(*status)), ("reason", text(message))],
        ),
        RemoteError::NotSignedIn => i18n.tr("error-server-not-signed-in"),
        RemoteError::TokenFile { path, kind, detail } => i18n.tr_args(
            "error-server-token-file",
            &[
                ("path", text(&path.display().to_string())),
                ("reason", text(&io_kind_reason(i18n, *kind, detail))),
            ],
        ),
        RemoteError::TokenFileOpen { path, mode } => i18n.tr_args(
            "error-server-token-open",
            &[
                ("path", text(&path.display().to_string())),
                ("mode", text(&format!("{mode:04o}"))),
            ],
        ),
    }
}

/// Why a server could not be reached, as a clause.
fn reach_problem_text(i18n: &I18n, problem: &ReachProblem) -> String {
    match problem {
        ReachProblem::UnknownHost => i18n.tr("reach-unknown-host"),
        ReachProblem::Refused => i18n.tr("reach-refused"),
        ReachProblem::TimedOut => i18n.tr("reach-timed-out"),
        ReachProblem::Tls { detail } => i18n.tr_args("reach-tls", &[("reason", FluentValue::from(detail.clone()))]),
        ReachProblem::Other { detail } => detail.clone(),
    }
}
