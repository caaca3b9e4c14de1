//! Failures of voicemail audio on the computer: a message's or greeting's sound read from the mailbox
//! and converted to PCM WAV, or a greeting uploaded as WAV.

use thiserror::Error;

use super::FileKind;

/// Voicemail audio could not be read, converted or stored.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum AudioError {
    /// The phone system cannot hand audio to the computer (an Asterisk reached directly over AMI: the
    /// files are on the PBX, which only callprofiles-server can read).
    #[error(
        "Playing voicemail on the computer needs callprofiles-server (the recordings are on the phone system): connect to it, or listen using the phone."
    )]
    NeedsServer,
    /// The recording is kept in a format callprofiles cannot turn into PCM WAV (g722, g729…).
    #[error(
        "The recording is kept as {format}, which callprofiles cannot play on the computer: listen using the phone."
    )]
    UnsupportedFormat {
        /// The file's format as the phone system names it (its file extension, e.g. `gsm`).
        format: String,
    },
    /// The recording has no audio file the app can read (the phone system kept none).
    #[error("The phone system keeps no recording for this message.")]
    NoRecording,
    /// The greeting is not recorded.
    #[error("Greeting {slot} is not recorded.")]
    GreetingNotRecorded {
        /// The greeting's number (1–9).
        slot: u8,
    },
    /// The file is larger than any recording the app reads.
    #[error("The recording is larger than {limit} bytes; callprofiles does not read it.")]
    TooLarge {
        /// The bound, in bytes.
        limit: u64,
    },
    /// Something other than a regular file is where the recording should be.
    #[error("The recording's file is {kind}, not a regular file; callprofiles does not read it.")]
    NotAFile {
        /// What is there.
        kind: FileKind,
    },
    /// The recording cannot be read (permissions, disk).
    #[error("The recording cannot be read: {reason}.")]
    Unreadable {
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// Why, in plain words.
        reason: String,
    },
    /// The recording or the uploaded file is not a WAV file that can be read.
    #[error("The audio is not a readable WAV file ({detail}).")]
    InvalidWav {
        /// The WAV reader's own words.
        detail: String,
    },
    /// The uploaded WAV has a sample rate the greeting cannot be made from.
    #[error("The WAV file's sample rate ({rate} Hz) cannot be used: save it at 8000 Hz or more.")]
    UnsupportedRate {
        /// Its sample rate.
        rate: u32,
    },
    /// The uploaded WAV holds no sound.
    #[error("The WAV file holds no sound.")]
    Empty,
    /// The uploaded greeting is longer than a greeting may be.
    #[error("The greeting is longer than {limit} seconds: shorten it.")]
    TooLong {
        /// The bound, in seconds.
        limit: u64,
    },
    /// The recording, kept as GSM (`.gsm` or WAV49 `.WAV`), cannot be decoded.
    #[error("The recording is not readable GSM audio: {fault}.")]
    InvalidGsm {
        /// What is wrong with it.
        fault: GsmFault,
    },
    /// The greeting could not be saved in the mailbox.
    #[error("The greeting cannot be saved in the mailbox: {reason}.")]
    Unwritable {
        /// What kind of failure, for a translated sentence.
        #[serde(with = "super::serde_support::io_kind")]
        kind: std::io::ErrorKind,
        /// Why, in plain words.
        reason: String,
    },
}

/// Why a GSM recording (`.gsm` frames or a WAV49 file) cannot be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum GsmFault {
    /// A 33-byte frame does not begin with GSM 06.10's 0xD mark (not GSM, or damaged).
    #[error("frame {frame} does not begin with the GSM mark")]
    BadMark {
        /// The frame's number, from 1.
        frame: u64,
    },
    /// A `.WAV` recording is not a RIFF WAVE file.
    #[error("the WAV49 file is not a RIFF WAVE file")]
    NotRiffWave,
    /// The WAVE file holds another format than GSM 6.10 (tag 0x0031).
    #[error("the WAV file's format tag is {tag:#06x}, not GSM 6.10")]
    NotGsmWave {
        /// Its format tag.
        tag: u16,
    },
    /// The GSM WAVE file is not mono at 8000 Hz.
    #[error("the WAV49 file has {channels} channels at {rate} Hz, not one at 8000 Hz")]
    NotMono8kHz {
        /// Its channels.
        channels: u16,
        /// Its sample rate.
        rate: u32,
    },
    /// The WAVE file has no readable `fmt ` chunk before its sound.
    #[error("the WAV49 file does not say its format")]
    NoFormatChunk,
    /// The WAVE file has no `data` chunk.
    #[error("the WAV49 file holds no sound chunk")]
    NoDataChunk,
}
