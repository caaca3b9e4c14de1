//! GSM 06.10 full-rate speech, as Asterisk keeps voicemail for `format=gsm` (`.gsm`: bare 33-byte
//! frames) and `format=wav49` (`.WAV`: Microsoft's GSM 6.10 in a RIFF file), decoded to 8 kHz 16-bit
//! samples identical to Asterisk's own decoding (libgsm).
//!
//! Written by hand, as a port of the reference libgsm decoder (Jutta Degener and Carsten Bormann, TU
//! Berlin), because no maintained pure-Rust GSM 06.10 decoder exists (`gsm-sys` binds the C library and
//! is unmaintained). Only the decoder is ported, with libgsm's exact 16-bit saturating arithmetic.
//!
//! Hostile files: every read is bounds-checked; a frame without the 0xD mark is
//! [`GsmFault::BadMark`](crate::error::GsmFault::BadMark); a trailing partial frame or block is ignored
//! (Asterisk's readers drop it too, so both play the same samples); an empty file is no sound; a file
//! decoding past [`MAX_SAMPLES`] is [`AudioError::TooLarge`] before any decoding.
//
// Ported from libgsm 1.0:
// Copyright 1992, 1993, 1994 by Jutta Degener and Carsten Bormann, Technische Universitaet Berlin.
// Any use of this software is permitted provided that this notice is not removed and that neither the
// authors nor the Technische Universitaet Berlin are deemed to have made any representations as to the
// suitability of this software for any purpose nor are held responsible for any defects of this
// software. THERE IS ABSOLUTELY NO WARRANTY FOR THIS SOFTWARE.

mod arith;
mod decoder;
mod frame;
mod short_term;
mod wav49;

use decoder::Decoder;
use frame::{FRAME_BYTES, FRAME_SAMPLES};
use wav49::{BLOCK_BYTES, BLOCK_SAMPLES};

use super::MAX_RECORDING_BYTES;
use crate::error::{AudioError, GsmFault};

/// The sample rate of GSM 06.10.
pub const GSM_RATE: u32 = 8000;
/// The most samples decoded: as many as a PCM recording of [`MAX_RECORDING_BYTES`] holds (about 54
/// minutes), so the WAV served is never larger than a PCM message may be.
pub const MAX_SAMPLES: usize = (MAX_RECORDING_BYTES / 2) as usize;

/// The samples of a `.gsm` file (33-byte frames, each marked 0xD in its first nibble).
pub fn decode_gsm(bytes: &[u8]) -> Result<Vec<i16>, AudioError> {
    let frames = bytes.chunks_exact(FRAME_BYTES);
    check_size(frames.len(), FRAME_BYTES, FRAME_SAMPLES)?;
    let mut decoder = Decoder::default();
    let mut samples = Vec::with_capacity(frames.len() * FRAME_SAMPLES);
    for (index, frame) in frames.enumerate() {
        let parameters = <&[u8; FRAME_BYTES]>::try_from(frame)
            .ok()
            .and_then(frame::unpack)
            .ok_or(AudioError::InvalidGsm {
                fault: GsmFault::BadMark {
                    frame: index as u64 + 1,
                },
            })?;
        samples.extend_from_slice(&decoder.decode(&parameters));
    }
    Ok(samples)
}

/// The samples of a WAV49 file (RIFF WAVE, format tag 0x0031, mono 8 kHz, 65-byte blocks).
pub fn decode_wav49(bytes: &[u8]) -> Result<Vec<i16>, AudioError> {
    let blocks = wav49::data(bytes)?.chunks_exact(BLOCK_BYTES);
    check_size(blocks.len(), BLOCK_BYTES, BLOCK_SAMPLES)?;
    let mut decoder = Decoder::default();
    let mut samples = Vec::with_capacity(blocks.len() * BLOCK_SAMPLES);
    for block in blocks {
        let Ok(block) = <&[u8; BLOCK_BYTES]>::try_from(block) else {
            continue;
        };
        for parameters in wav49::unpack(block) {
            samples.extend_from_slice(&decoder.decode(&parameters));
        }
    }
    Ok(samples)
}

/// Refuses a recording of `units` frames or blocks (of `unit_bytes` each, decoding to `unit_samples`)
/// that would decode past [`MAX_SAMPLES`]; the limit is told in the file's own bytes.
fn check_size(units: usize, unit_bytes: usize, unit_samples: usize) -> Result<(), AudioError> {
    if units.saturating_mul(unit_samples) > MAX_SAMPLES {
        return Err(AudioError::TooLarge {
            limit: (MAX_SAMPLES / unit_samples * unit_bytes) as u64,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
