//! Voicemail audio failures as sentences: computer playback needing the server, formats, hostile files,
//! uploaded greetings.

use callprofiles_core::{AudioError, GsmFault};
use fluent_bundle::FluentValue;

use super::{file_kind_text, io_kind_reason};
use crate::text::i18n::I18n;

/// The sentence for a voicemail audio failure.
pub fn audio_error_text(i18n: &I18n, error: &AudioError) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    match error {
        AudioError::NeedsServer => i18n.tr("error-audio-needs-server"),
        AudioError::UnsupportedFormat { format } => i18n.tr_args("error-audio-format", &[("format", text(format))]),
        AudioError::NoRecording => i18n.tr("error-audio-no-recording"),
        AudioError::GreetingNotRecorded { slot } => i18n.tr_args(
            "error-audio-greeting-not-recorded",
            &[("slot", FluentValue::from(*slot))],
        ),
        AudioError::TooLarge { limit } => {
            i18n.tr_args("error-audio-too-large", &[("limit", FluentValue::from(*limit))])
        }
        AudioError::NotAFile { kind } => i18n.tr_args(
            "error-audio-not-a-file",
            &[("kind", text(&file_kind_text(i18n, *kind)))],
        ),
        AudioError::Unreadable { kind, reason } => {
            let reason = match kind {
                std::io::ErrorKind::PermissionDenied => i18n.tr("audio-read-permission"),
                _ => io_kind_reason(i18n, *kind, reason),
            };
            i18n.tr_args("error-audio-unreadable", &[("reason", text(&reason))])
        }
        AudioError::InvalidWav { detail } => i18n.tr_args("error-audio-invalid-wav", &[("detail", text(detail))]),
        AudioError::InvalidGsm { fault } => i18n.tr_args(
            "error-audio-invalid-gsm",
            &[("fault", text(&gsm_fault_text(i18n, *fault)))],
        ),
        AudioError::UnsupportedRate { rate } => i18n.tr_args("error-audio-rate", &[("rate", FluentValue::from(*rate))]),
        AudioError::Empty => i18n.tr("error-audio-empty"),
        AudioError::TooLong { limit } => i18n.tr_args("error-audio-too-long", &[("limit", FluentValue::from(*limit))]),
        AudioError::Unwritable { kind, reason } => i18n.tr_args(
            "error-audio-unwritable",
            &[("reason", text(&io_kind_reason(i18n, *kind, reason)))],
        ),
    }
}

/// Why a GSM recording cannot be decoded, as a clause.
fn gsm_fault_text(i18n: &I18n, fault: GsmFault) -> String {
    match fault {
        GsmFault::BadMark { frame } => i18n.tr_args("gsm-fault-bad-mark", &[("frame", FluentValue::from(frame))]),
        GsmFault::NotRiffWave => i18n.tr("gsm-fault-not-riff"),
        GsmFault::NotGsmWave { tag } => i18n.tr_args(
            "gsm-fault-not-gsm-wave",
            &[("tag", FluentValue::from(format!("{tag:#06x}")))],
        ),
        GsmFault::NotMono8kHz { channels, rate } => i18n.tr_args(
            "gsm-fault-not-mono-8khz",
            &[
                ("channels", FluentValue::from(channels)),
                ("rate", FluentValue::from(rate)),
            ],
        ),
        GsmFault::NoFormatChunk => i18n.tr("gsm-fault-no-format"),
        GsmFault::NoDataChunk => i18n.tr("gsm-fault-no-data"),
    }
}
