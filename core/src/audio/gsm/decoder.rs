//! The GSM 06.10 decoder's state machine (decode.c): for each subframe the RPE samples are dequantised
//! and placed on their grid (4.2.15–4.2.17), the long-term predictor adds the pitch contribution of the
//! last 120 reconstructed samples (4.3.2), then the frame goes through the short-term synthesis filter
//! and the de-emphasis of postprocessing (4.3.5). One decoder reads one recording from its start: the
//! state carries from frame to frame, so the output is libgsm's to the bit.
//
// Ported from libgsm 1.0 (src/decode.c, src/long_term.c, src/rpe.c and src/table.c, decoder side):
// Copyright 1992, 1993, 1994 by Jutta Degener and Carsten Bormann, Technische Universitaet Berlin.
// Any use of this software is permitted provided that this notice is not removed and that neither the
// authors nor the Technische Universitaet Berlin are deemed to have made any representations as to the
// suitability of this software for any purpose nor are held responsible for any defects of this
// software. THERE IS ABSOLUTELY NO WARRANTY FOR THIS SOFTWARE.

use super::arith::{add, asl, asr, mult_r, sub};
use super::frame::{FRAME_SAMPLES, Parameters, Subframe};
use super::short_term::ShortTermSynthesis;

/// Samples of a subframe.
const SUBFRAME_SAMPLES: usize = 40;
/// How far back the long-term predictor looks (the largest lag).
const HISTORY: usize = 120;
/// Quantisation levels of the LTP gain (`gsm_QLB`, table 4.3b).
const QLB: [i16; 4] = [3277, 11469, 21299, 32767];
/// Mantissas of the block maximum (`gsm_FAC`, table 4.6).
const FAC: [i16; 8] = [18431, 20479, 22527, 24575, 26623, 28671, 30719, 32767];

/// A GSM 06.10 full-rate decoder (`struct gsm_state`, the decoder's part).
#[derive(Clone, Debug)]
pub struct Decoder {
    /// The reconstructed short-term residual: 120 past samples, then the current subframe (`dp0`).
    residual: [i16; HISTORY + SUBFRAME_SAMPLES],
    /// The last valid LTP lag, used when a frame's is out of range (`nrp`).
    last_lag: i16,
    /// The short-term synthesis filter's memory.
    short_term: ShortTermSynthesis,
    /// The de-emphasis filter's memory (`msr`).
    msr: i16,
}

impl Default for Decoder {
    fn default() -> Self {
        Self {
            residual: [0; HISTORY + SUBFRAME_SAMPLES],
            last_lag: 40,
            short_term: ShortTermSynthesis::default(),
            msr: 0,
        }
    }
}

impl Decoder {
    /// The 160 samples of the frame `parameters` (`Gsm_Decoder`).
    pub fn decode(&mut self, parameters: &Parameters) -> [i16; FRAME_SAMPLES] {
        let mut wt = [0; FRAME_SAMPLES];
        for (subframe, out) in parameters.subframes.iter().zip(wt.chunks_exact_mut(SUBFRAME_SAMPLES)) {
            let erp = rpe_decoding(subframe);
            self.long_term_synthesis(subframe.nc, subframe.bc, &erp);
            out.copy_from_slice(&self.residual[HISTORY..]);
        }
        let mut speech = [0; FRAME_SAMPLES];
        self.short_term.filter(&parameters.larc, &wt, &mut speech);
        self.postprocess(&mut speech);
        speech
    }

    /// `Gsm_Long_Term_Synthesis_Filtering`: the subframe's residual from `erp` and the past one.
    fn long_term_synthesis(&mut self, ncr: i16, bcr: i16, erp: &[i16; SUBFRAME_SAMPLES]) {
        let lag = if (40..=120).contains(&ncr) { ncr } else { self.last_lag };
        self.last_lag = lag;
        let gain = QLB[usize::from(bcr.unsigned_abs()) & 3];
        // lag is 40..=120, so HISTORY + k - lag stays within the past 120 samples.
        let lag = usize::from(lag.unsigned_abs());
        for (k, excitation) in erp.iter().enumerate() {
            let predicted = mult_r(gain, self.residual[HISTORY + k - lag]);
            self.residual[HISTORY + k] = add(*excitation, predicted);
        }
        self.residual.copy_within(SUBFRAME_SAMPLES.., 0);
    }

    /// `Postprocessing` (4.3.5): de-emphasis, then upscaling with the three low bits cleared.
    fn postprocess(&mut self, speech: &mut [i16; FRAME_SAMPLES]) {
        let mut msr = self.msr;
        for sample in speech.iter_mut() {
            msr = add(*sample, mult_r(msr, 28180));
            *sample = add(msr, msr) & !7;
        }
        self.msr = msr;
    }
}

/// `Gsm_RPE_Decoding`: the subframe's excitation, 13 dequantised samples on every third position from
/// the grid offset `Mc`.
fn rpe_decoding(subframe: &Subframe) -> [i16; SUBFRAME_SAMPLES] {
    let (exponent, mantissa) = exponent_and_mantissa(subframe.xmaxc);
    let samples = inverse_quantization(&subframe.xmc, mantissa, exponent);
    let mut erp = [0; SUBFRAME_SAMPLES];
    let offset = usize::from(subframe.mc.unsigned_abs()) & 3;
    for (slot, sample) in erp.iter_mut().skip(offset).step_by(3).zip(samples) {
        *slot = sample;
    }
    erp
}

/// `APCM_quantization_xmaxc_to_exp_mant`: the block maximum's exponent and mantissa.
fn exponent_and_mantissa(xmaxc: i16) -> (i16, i16) {
    let mut exponent = if xmaxc > 15 { (xmaxc >> 3) - 1 } else { 0 };
    let mut mantissa = xmaxc - (exponent << 3);
    if mantissa == 0 {
        return (-4, 7);
    }
    while mantissa <= 7 {
        mantissa = mantissa << 1 | 1;
        exponent -= 1;
    }
    (exponent, mantissa - 8)
}

/// `APCM_inverse_quantization` (4.2.16): the 3-bit samples scaled back by the block maximum.
fn inverse_quantization(xmc: &[i16; 13], mantissa: i16, exponent: i16) -> [i16; 13] {
    let factor = FAC[usize::from(mantissa.unsigned_abs()) & 7];
    let shift = sub(6, exponent);
    let rounding = asl(1, sub(shift, 1));
    xmc.map(|coded| {
        // Restores the sign: 0..7 → −7..7 in steps of 2, then to 16 bits.
        let temp = ((coded << 1) - 7) << 12;
        asr(add(mult_r(factor, temp), rounding), shift)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_maximum_splits_as_table_4_5_says() {
        assert_eq!(exponent_and_mantissa(0), (-4, 7));
        assert_eq!(exponent_and_mantissa(7), (-1, 7));
        assert_eq!(exponent_and_mantissa(15), (0, 7));
        assert_eq!(exponent_and_mantissa(16), (1, 0));
        assert_eq!(exponent_and_mantissa(63), (6, 7));
    }
}
