//! The parameters of one 20 ms GSM 06.10 frame (76 of them, 260 bits) and their two packings: the
//! 33-byte frame of `.gsm` files (a 0xD mark in the high nibble, then the fields most significant bit
//! first; gsm_decode.c) and the Microsoft order of WAV49, least significant bit first (wav49.rs).
//
// Ported from libgsm 1.0 (src/gsm_decode.c):
// Copyright 1992, 1993, 1994 by Jutta Degener and Carsten Bormann, Technische Universitaet Berlin.
// Any use of this software is permitted provided that this notice is not removed and that neither the
// authors nor the Technische Universitaet Berlin are deemed to have made any representations as to the
// suitability of this software for any purpose nor are held responsible for any defects of this
// software. THERE IS ABSOLUTELY NO WARRANTY FOR THIS SOFTWARE.

/// Bytes of a frame in a `.gsm` file.
pub const FRAME_BYTES: usize = 33;
/// Samples a frame decodes to (20 ms at 8 kHz).
pub const FRAME_SAMPLES: usize = 160;
/// Bits of a frame's parameters (without the mark).
pub const PARAMETER_BITS: usize = 260;
/// The mark in the high nibble of a `.gsm` frame's first byte (`GSM_MAGIC`).
const MAGIC: u8 = 0xD;
/// Widths of the eight coded log area ratios.
const LAR_BITS: [u32; 8] = [6, 6, 5, 5, 4, 4, 3, 3];

/// One of a frame's four 5 ms subframes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Subframe {
    /// LTP lag (7 bits).
    pub nc: i16,
    /// Coded LTP gain (2 bits).
    pub bc: i16,
    /// RPE grid position (2 bits).
    pub mc: i16,
    /// Coded block maximum (6 bits).
    pub xmaxc: i16,
    /// Normalised RPE samples (3 bits each).
    pub xmc: [i16; 13],
}

/// A frame's decoded-to-be parameters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parameters {
    /// Coded log area ratios.
    pub larc: [i16; 8],
    /// The four subframes.
    pub subframes: [Subframe; 4],
}

impl Parameters {
    /// The parameters in their order of the bitstream, each read by `read(width)`.
    pub fn read(mut read: impl FnMut(u32) -> i16) -> Self {
        let mut parameters = Self::default();
        for (lar, bits) in parameters.larc.iter_mut().zip(LAR_BITS) {
            *lar = read(bits);
        }
        for subframe in &mut parameters.subframes {
            subframe.nc = read(7);
            subframe.bc = read(2);
            subframe.mc = read(2);
            subframe.xmaxc = read(6);
            for xmc in &mut subframe.xmc {
                *xmc = read(3);
            }
        }
        parameters
    }
}

/// The parameters of a 33-byte `.gsm` frame; `None` when its first nibble is not the 0xD mark.
pub fn unpack(frame: &[u8; FRAME_BYTES]) -> Option<Parameters> {
    if frame[0] >> 4 != MAGIC {
        return None;
    }
    let mut position = 4;
    Some(Parameters::read(|width| {
        let mut value = 0;
        for _ in 0..width {
            let byte = frame.get(position / 8).copied().unwrap_or(0);
            value = value << 1 | i16::from(byte >> (7 - position % 8) & 1);
            position += 1;
        }
        value
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_most_significant_bit_first_after_the_mark() -> Result<(), &'static str> {
        let mut frame = [0u8; FRAME_BYTES];
        // LARc[0] = 0b101011: the low nibble of byte 0 holds its top four bits, byte 1 the last two.
        frame[0] = 0xD0 | 0b1010;
        frame[1] = 0b1100_0000 | 0b00_0101;
        frame[32] = 0b0000_0101;
        let parameters = unpack(&frame).ok_or("refused")?;
        assert_eq!(parameters.larc[0], 0b10_1011);
        assert_eq!(parameters.larc[1], 0b00_0101);
        assert_eq!(parameters.subframes[3].xmc[12], 0b101);
        Ok(())
    }

    #[test]
    fn a_frame_without_the_mark_is_refused() {
        let mut frame = [0u8; FRAME_BYTES];
        frame[0] = 0xC5;
        assert_eq!(unpack(&frame), None);
    }
}
