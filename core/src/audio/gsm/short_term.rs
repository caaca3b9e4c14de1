//! Short-term synthesis (GSM 06.10 4.2.8–4.2.10 and 4.3.4): the frame's coded log area ratios become
//! reflection coefficients, interpolated with the previous frame's over the first 40 samples, and an
//! 8-tap lattice filter turns the reconstructed residual into speech.
//
// Ported from libgsm 1.0 (src/short_term.c, decoder side, without the FAST float variant):
// Copyright 1992, 1993, 1994 by Jutta Degener and Carsten Bormann, Technische Universitaet Berlin.
// Any use of this software is permitted provided that this notice is not removed and that neither the
// authors nor the Technische Universitaet Berlin are deemed to have made any representations as to the
// suitability of this software for any purpose nor are held responsible for any defects of this
// software. THERE IS ABSOLUTELY NO WARRANTY FOR THIS SOFTWARE.

use super::arith::{add, mult_r, saturate, sub};
use super::frame::FRAME_SAMPLES;

/// Per log area ratio: `2·B`, `MIC` (restores the sign) and `INVA` (table 4.1 of the standard).
const LAR_DECODING: [(i16, i16, i16); 8] = [
    (0, -32, 13107),
    (0, -32, 13107),
    (4096, -16, 13107),
    (-5120, -16, 13107),
    (188, -8, 19223),
    (-3584, -8, 17476),
    (-682, -4, 31454),
    (-2288, -4, 29708),
];

/// What the short-term synthesis keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct ShortTermSynthesis {
    /// The decoded log area ratios of the last two frames (`LARpp`), alternately written.
    larpp: [[i16; 8]; 2],
    /// Which of `larpp` the next frame writes (`j`).
    current: usize,
    /// The lattice filter's memory (`v`).
    v: [i16; 9],
}

impl ShortTermSynthesis {
    /// Filters the frame's residual `wt` into `speech` with the reflection coefficients of `larc`.
    pub fn filter(&mut self, larc: &[i16; 8], wt: &[i16; FRAME_SAMPLES], speech: &mut [i16; FRAME_SAMPLES]) {
        let previous_index = self.current ^ 1;
        let current = decode_lars(larc);
        self.larpp[self.current] = current;
        let previous = self.larpp[previous_index];
        self.current = previous_index;
        // The coefficients change at samples 13, 27 and 40 (4.2.9.1).
        let spans: [(usize, usize, [i16; 8]); 4] = [
            (
                0,
                13,
                interpolate(&previous, &current, |p, c| add(add(p >> 2, c >> 2), p >> 1)),
            ),
            (13, 27, interpolate(&previous, &current, |p, c| add(p >> 1, c >> 1))),
            (
                27,
                40,
                interpolate(&previous, &current, |p, c| add(add(p >> 2, c >> 2), c >> 1)),
            ),
            (40, FRAME_SAMPLES, current),
        ];
        for (start, end, larp) in spans {
            let rp = larp.map(lar_to_reflection);
            for (input, output) in wt[start..end].iter().zip(&mut speech[start..end]) {
                *output = self.step(&rp, *input);
            }
        }
    }

    /// One sample through the lattice (`Short_term_synthesis_filtering`).
    fn step(&mut self, rp: &[i16; 8], input: i16) -> i16 {
        let mut sri = i32::from(input);
        for i in (0..8).rev() {
            let rpi = i32::from(rp[i]);
            sri = i32::from(saturate(sri - ((rpi * i32::from(self.v[i]) + 16384) >> 15)));
            self.v[i + 1] = saturate(((rpi * sri + 16384) >> 15) + i32::from(self.v[i]));
        }
        let sample = saturate(sri);
        self.v[0] = sample;
        sample
    }
}

/// `Decoding_of_the_coded_Log_Area_Ratios` (4.2.8).
fn decode_lars(larc: &[i16; 8]) -> [i16; 8] {
    let mut larpp = [0; 8];
    for ((lar, coded), (b_times_two, mic, inva)) in larpp.iter_mut().zip(larc).zip(LAR_DECODING) {
        let temp = (i32::from(add(*coded, mic)) << 10) as i16;
        let temp = mult_r(inva, sub(temp, b_times_two));
        *lar = add(temp, temp);
    }
    larpp
}

/// The interpolated ratios `LARp` of one span, from the previous and current frame's.
fn interpolate(previous: &[i16; 8], current: &[i16; 8], mix: impl Fn(i16, i16) -> i16) -> [i16; 8] {
    std::array::from_fn(|i| mix(previous[i], current[i]))
}

/// `LARp_to_rp` (4.2.9.2): a log area ratio as a reflection coefficient.
fn lar_to_reflection(lar: i16) -> i16 {
    let magnitude = |temp: i16| {
        if temp < 11059 {
            temp << 1
        } else if temp < 20070 {
            temp + 11059
        } else {
            add(temp >> 2, 26112)
        }
    };
    if lar < 0 {
        -magnitude(if lar == i16::MIN { i16::MAX } else { -lar })
    } else {
        magnitude(lar)
    }
}
