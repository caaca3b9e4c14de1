//! An uploaded WAV made into a greeting Asterisk plays as `wav`: 8 kHz, mono, 16-bit PCM. Channels are
//! averaged; another sample rate is resampled with rubato's band-limited sinc resampler (a rate below
//! 8 kHz is refused: it would only sound worse than the telephone). Empty or longer-than-allowed
//! greetings are refused.

use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{
    Async, FixedAsync, Resampler, SincInterpolationParameters, SincInterpolationType, WindowFunction, calculate_cutoff,
};

use super::pcm::{Pcm, read_wav};
use crate::error::AudioError;

/// The sample rate of a greeting (Asterisk's `wav` format and the telephone's).
pub const GREETING_RATE: u32 = 8000;
/// The longest greeting accepted, in seconds.
pub const MAX_GREETING_SECONDS: u64 = 180;
/// The highest sample rate accepted.
const MAX_RATE: u32 = 384_000;

/// The bytes of an 8 kHz mono 16-bit PCM WAV made from the uploaded WAV file `wav`.
pub fn greeting_from_upload(wav: &[u8]) -> Result<Vec<u8>, AudioError> {
    let pcm = read_wav(wav, wav.len())?;
    if !(GREETING_RATE..=MAX_RATE).contains(&pcm.rate) {
        return Err(AudioError::UnsupportedRate { rate: pcm.rate });
    }
    if pcm.samples.is_empty() {
        return Err(AudioError::Empty);
    }
    if pcm.seconds() >= MAX_GREETING_SECONDS {
        return Err(AudioError::TooLong {
            limit: MAX_GREETING_SECONDS,
        });
    }
    let mono = down_mix(&pcm);
    let samples = if pcm.rate == GREETING_RATE {
        mono
    } else {
        resample(&mono, pcm.rate, GREETING_RATE)?
    };
    Pcm {
        rate: GREETING_RATE,
        channels: 1,
        samples,
    }
    .to_wav()
}

/// The average of each frame's channels.
fn down_mix(pcm: &Pcm) -> Vec<i16> {
    let channels = usize::from(pcm.channels.max(1));
    pcm.samples
        .chunks_exact(channels)
        .map(|frame| {
            let sum: i64 = frame.iter().map(|s| i64::from(*s)).sum();
            i16::try_from(sum / channels as i64).unwrap_or_default()
        })
        .collect()
}

/// `samples` (mono) from `from` Hz to `to` Hz.
fn resample(samples: &[i16], from: u32, to: u32) -> Result<Vec<i16>, AudioError> {
    let failed = |error: &dyn std::fmt::Display| AudioError::InvalidWav {
        detail: format!("resampling failed: {error}"),
    };
    let sinc_len = 128;
    let window = WindowFunction::BlackmanHarris2;
    let parameters = SincInterpolationParameters {
        sinc_len,
        f_cutoff: calculate_cutoff(sinc_len, window),
        interpolation: SincInterpolationType::Linear,
        oversampling_factor: 128,
        window,
    };
    let ratio = f64::from(to) / f64::from(from);
    let mut resampler =
        Async::<f32>::new_sinc(ratio, 1.0, &parameters, 1024, 1, FixedAsync::Input).map_err(|e| failed(&e))?;
    let input: Vec<f32> = samples.iter().map(|s| f32::from(*s) / 32768.0).collect();
    let mut output = vec![0.0_f32; resampler.process_all_needed_output_len(input.len())];
    let input_adapter = InterleavedSlice::new(&input, 1, input.len()).map_err(|e| failed(&e))?;
    let capacity = output.len();
    let mut output_adapter = InterleavedSlice::new_mut(&mut output, 1, capacity).map_err(|e| failed(&e))?;
    let (_, produced) = resampler
        .process_all_into_buffer(&input_adapter, &mut output_adapter, input.len(), None)
        .map_err(|e| failed(&e))?;
    output.truncate(produced);
    Ok(output
        .iter()
        .map(|s| (s.clamp(-1.0, 1.0) * 32767.0).round() as i16)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(rate: u32, channels: u16, samples: Vec<i16>) -> Result<Vec<u8>, AudioError> {
        Pcm {
            rate,
            channels,
            samples,
        }
        .to_wav()
    }

    /// A 440 Hz sine of `seconds` at `rate`, on `channels` identical channels.
    fn sine(rate: u32, channels: u16, seconds: u32) -> Vec<i16> {
        (0..rate * seconds)
            .flat_map(|n| {
                let t = f64::from(n) / f64::from(rate);
                let s = ((2.0 * std::f64::consts::PI * 440.0 * t).sin() * 10_000.0) as i16;
                std::iter::repeat_n(s, usize::from(channels))
            })
            .collect()
    }

    #[test]
    fn an_8k_mono_greeting_is_kept_sample_for_sample() -> Result<(), AudioError> {
        let samples = sine(8000, 1, 1);
        let greeting = greeting_from_upload(&wav(8000, 1, samples.clone())?)?;
        assert_eq!(read_wav(&greeting, usize::MAX)?.samples, samples);
        Ok(())
    }

    #[test]
    fn stereo_44k1_becomes_8k_mono_of_the_same_length_and_pitch() -> Result<(), AudioError> {
        let greeting = greeting_from_upload(&wav(44100, 2, sine(44100, 2, 2))?)?;
        let pcm = read_wav(&greeting, usize::MAX)?;
        assert_eq!((pcm.rate, pcm.channels), (8000, 1));
        let frames = pcm.samples.len();
        assert!((15_900..=16_100).contains(&frames), "{frames} samples for 2 s");
        // 440 Hz: 880 sign changes in 1 s (middle second, away from the filter's edges).
        let middle = &pcm.samples[4000..12000];
        let crossings = middle.windows(2).filter(|w| (w[0] < 0) != (w[1] < 0)).count();
        assert!((870..=890).contains(&crossings), "{crossings} zero crossings");
        let peak = middle.iter().map(|s| s.unsigned_abs()).max().unwrap_or(0);
        assert!((9_000..=11_000).contains(&peak), "peak {peak}");
        Ok(())
    }

    #[test]
    fn bad_uploads_are_refused_with_their_reason() -> Result<(), AudioError> {
        assert_eq!(
            greeting_from_upload(&wav(4000, 1, vec![1; 100])?),
            Err(AudioError::UnsupportedRate { rate: 4000 })
        );
        assert_eq!(greeting_from_upload(&wav(8000, 1, Vec::new())?), Err(AudioError::Empty));
        assert_eq!(
            greeting_from_upload(&wav(8000, 1, vec![0; 8000 * 181])?),
            Err(AudioError::TooLong { limit: 180 })
        );
        assert!(matches!(
            greeting_from_upload(b"not a wav at all"),
            Err(AudioError::InvalidWav { .. })
        ));
        Ok(())
    }
}
