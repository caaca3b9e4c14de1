//! libgsm's 16-bit fixed-point arithmetic (add.c and the macros of private.h), which the decoder must
//! follow to the bit: sums saturate at the 16-bit bounds, products are rounded and shifted by 15, and
//! shifts are arithmetic (libgsm built with `SASR`, as Asterisk builds it).
//
// Ported from libgsm 1.0 (inc/private.h, src/add.c):
// Copyright 1992, 1993, 1994 by Jutta Degener and Carsten Bormann, Technische Universitaet Berlin.
// Any use of this software is permitted provided that this notice is not removed and that neither the
// authors nor the Technische Universitaet Berlin are deemed to have made any representations as to the
// suitability of this software for any purpose nor are held responsible for any defects of this
// software. THERE IS ABSOLUTELY NO WARRANTY FOR THIS SOFTWARE.

/// A 32-bit value clamped to 16 bits (`saturate` of add.c).
pub(super) fn saturate(value: i32) -> i16 {
    i16::try_from(value).unwrap_or(if value < 0 { i16::MIN } else { i16::MAX })
}

/// `GSM_ADD`: the sum, saturated.
pub(super) fn add(a: i16, b: i16) -> i16 {
    saturate(i32::from(a) + i32::from(b))
}

/// `GSM_SUB`: the difference, saturated.
pub(super) fn sub(a: i16, b: i16) -> i16 {
    saturate(i32::from(a) - i32::from(b))
}

/// `GSM_MULT_R`: the product rounded and scaled by 2⁻¹⁵, truncated to 16 bits as the macro's callers
/// cast it (`(word)`); libgsm never calls it with both factors at −32768.
pub(super) fn mult_r(a: i16, b: i16) -> i16 {
    ((i32::from(a) * i32::from(b) + 16384) >> 15) as i16
}

/// `gsm_asl`: `a` shifted left by `n` (right when `n` is negative), truncated to 16 bits.
pub(super) fn asl(a: i16, n: i16) -> i16 {
    match n {
        16.. => 0,
        ..=-16 => -i16::from(a < 0),
        -15..=-1 => asr(a, -n),
        0..=15 => (i32::from(a) << n) as i16,
    }
}

/// `gsm_asr`: `a` shifted right arithmetically by `n` (left when `n` is negative).
pub(super) fn asr(a: i16, n: i16) -> i16 {
    match n {
        16.. => -i16::from(a < 0),
        ..=-16 => 0,
        -15..=-1 => (i32::from(a) << -n) as i16,
        0..=15 => a >> n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_saturate_and_products_round_as_libgsm() {
        assert_eq!(add(32000, 1000), i16::MAX);
        assert_eq!(add(-32000, -1000), i16::MIN);
        assert_eq!(sub(-32000, 1000), i16::MIN);
        assert_eq!(sub(100, 30), 70);
        // 0.5 × 0.5 = 0.25; rounding: 1 × 16384 → 0.5 rounds up to 1.
        assert_eq!(mult_r(16384, 16384), 8192);
        assert_eq!(mult_r(1, 16384), 1);
        assert_eq!(mult_r(-1, 16384), 0);
        assert_eq!(asl(1, -1), 0);
        assert_eq!(asl(1, 9), 512);
        assert_eq!(asl(-3, 20), 0);
        assert_eq!(asr(-5, 1), -3);
        assert_eq!(asr(-5, 16), -1);
        assert_eq!(asr(3, -2), 12);
    }
}
