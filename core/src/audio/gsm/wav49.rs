//! WAV49: GSM 06.10 in a RIFF WAVE file (format tag 0x0031, `WAVE_FORMAT_GSM610`), as Asterisk's
//! format_wav_gsm writes it for `format=wav49` (extension `.WAV`): 65-byte blocks each holding two
//! frames' 260-bit parameters back to back, least significant bit first (Microsoft's packing, as libgsm's
//! `WAV49` mode reads it and Asterisk's `conv66` writes it; Asterisk's own reader `conv65` skips the
//! first frame's `xmc[48]`, see ARCHITECTURE.md). The RIFF chunks are walked here with bounds checks:
//! hound reads only PCM and float.
//
// The block's bit order follows libgsm 1.0 (src/gsm_decode.c, its WAV49 branch):
// Copyright 1992, 1993, 1994 by Jutta Degener and Carsten Bormann, Technische Universitaet Berlin.
// Any use of this software is permitted provided that this notice is not removed and that neither the
// authors nor the Technische Universitaet Berlin are deemed to have made any representations as to the
// suitability of this software for any purpose nor are held responsible for any defects of this
// software. THERE IS ABSOLUTELY NO WARRANTY FOR THIS SOFTWARE.

use super::frame::{FRAME_SAMPLES, PARAMETER_BITS, Parameters};
use crate::error::{AudioError, GsmFault};

/// Bytes of a WAV49 block (two frames).
pub const BLOCK_BYTES: usize = 65;
/// Samples a block decodes to.
pub const BLOCK_SAMPLES: usize = 2 * FRAME_SAMPLES;
/// The WAVE format tag of GSM 6.10.
const GSM610: u16 = 0x0031;

/// The two frames of a 65-byte block: the first from bit 0, the second from bit 260.
pub fn unpack(block: &[u8; BLOCK_BYTES]) -> [Parameters; 2] {
    [0, PARAMETER_BITS].map(|start| {
        let mut position = start;
        Parameters::read(|width| {
            let mut value = 0;
            for bit in 0..width {
                let byte = block.get(position / 8).copied().unwrap_or(0);
                value |= i16::from(byte >> (position % 8) & 1) << bit;
                position += 1;
            }
            value
        })
    })
}

/// The GSM blocks of a WAV49 file (its `data` chunk): refused unless it is a RIFF WAVE file of mono
/// 8 kHz GSM 6.10. A `data` size of 0 (a header Asterisk never finished) or past the end reads to the
/// end of the file, as Asterisk itself does.
pub fn data(bytes: &[u8]) -> Result<&[u8], AudioError> {
    let fault = |fault| AudioError::InvalidGsm { fault };
    if bytes.get(0..4) != Some(b"RIFF") || bytes.get(8..12) != Some(b"WAVE") {
        return Err(fault(GsmFault::NotRiffWave));
    }
    let mut format_seen = false;
    let mut position = 12usize;
    while let Some(header) = bytes.get(position..position.saturating_add(8)) {
        let (id, size) = header.split_at(4);
        let size = <[u8; 4]>::try_from(size)
            .map(u32::from_le_bytes)
            .ok()
            .and_then(|size| usize::try_from(size).ok())
            .unwrap_or(usize::MAX);
        let start = position + 8;
        let rest = bytes.get(start..).unwrap_or_default();
        let body = rest.get(..size).unwrap_or(rest);
        match id {
            b"fmt " => {
                check_format(body)?;
                format_seen = true;
            }
            b"data" if !format_seen => return Err(fault(GsmFault::NoFormatChunk)),
            b"data" if size == 0 => return Ok(rest),
            b"data" => return Ok(body),
            _ => {}
        }
        // Chunks are padded to an even size.
        position = start.saturating_add(size).saturating_add(size & 1);
    }
    Err(fault(if format_seen {
        GsmFault::NoDataChunk
    } else {
        GsmFault::NoFormatChunk
    }))
}

/// Refuses a `fmt ` chunk that is not mono 8 kHz GSM 6.10.
fn check_format(body: &[u8]) -> Result<(), AudioError> {
    let fault = |fault| Err(AudioError::InvalidGsm { fault });
    let (Some(&[t0, t1, c0, c1]), Some(&[r0, r1, r2, r3])) = (body.get(0..4), body.get(4..8)) else {
        return fault(GsmFault::NoFormatChunk);
    };
    let tag = u16::from_le_bytes([t0, t1]);
    if tag != GSM610 {
        return fault(GsmFault::NotGsmWave { tag });
    }
    let (channels, rate) = (u16::from_le_bytes([c0, c1]), u32::from_le_bytes([r0, r1, r2, r3]));
    if (channels, rate) != (1, 8000) {
        return fault(GsmFault::NotMono8kHz { channels, rate });
    }
    Ok(())
}
