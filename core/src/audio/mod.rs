//! Voicemail audio for the computer: the sound of a message or greeting as 16-bit PCM samples, read
//! from what a phone system keeps (PCM WAV, G.711 μ-law/A-law, signed linear, GSM and WAV49) and
//! written as a PCM WAV file; and an uploaded WAV made into what a PBX plays as a greeting (8 kHz mono 16-bit PCM).

mod decode;
mod greeting;
mod gsm;
mod pcm;

pub use decode::{StoredFormat, decode};
pub use greeting::{GREETING_RATE, MAX_GREETING_SECONDS, greeting_from_upload};
pub use gsm::{GSM_RATE, decode_gsm, decode_wav49};
pub use pcm::{Pcm, read_wav};

/// The most bytes of a recording read (a message of about 50 minutes at 8 kHz): a hostile or runaway
/// file is refused with [`crate::error::AudioError::TooLarge`], never read whole.
pub const MAX_RECORDING_BYTES: u64 = 50 * 1024 * 1024;
