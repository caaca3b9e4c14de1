//! Turning a WAV file's bytes into samples ready for the speakers: no device involved, so a test can decode
//! on a machine without a sound card. rodio's decoder (over hound) reads PCM WAV of any common bit depth.

use std::io::Cursor;
use std::num::{NonZeroU16, NonZeroU32};
use std::sync::Arc;
use std::time::Duration;

/// Largest audio file decoded: about 50 minutes of telephone-quality PCM (8 kHz, 16-bit mono).
pub const MAX_AUDIO_BYTES: usize = 48 * 1024 * 1024;

/// Why audio could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeProblem {
    /// Not a WAV file this player reads (or a damaged one).
    NotWav,
    /// Larger than [`MAX_AUDIO_BYTES`].
    TooLarge,
    /// A WAV without a single sample.
    Empty,
}

/// Decoded audio: interleaved samples in -1.0..=1.0, shared cheaply between the worker and the window.
#[derive(Clone, Debug)]
pub struct DecodedAudio {
    /// Channels (interleaved in `samples`).
    pub channels: NonZeroU16,
    /// Frames per second.
    pub sample_rate: NonZeroU32,
    /// The samples, interleaved by channel.
    pub samples: Arc<Vec<f32>>,
}

impl PartialEq for DecodedAudio {
    fn eq(&self, other: &Self) -> bool {
        self.channels == other.channels
            && self.sample_rate == other.sample_rate
            && (Arc::ptr_eq(&self.samples, &other.samples)
                || self
                    .samples
                    .iter()
                    .map(|s| s.to_bits())
                    .eq(other.samples.iter().map(|s| s.to_bits())))
    }
}

impl Eq for DecodedAudio {}

impl DecodedAudio {
    /// How long it plays.
    pub fn duration(&self) -> Duration {
        let frames = self.samples.len() as u64 / u64::from(self.channels.get());
        Duration::from_secs_f64(frames as f64 / f64::from(self.sample_rate.get()))
    }
}

/// Decodes a WAV file's bytes.
pub fn decode_wav(bytes: Vec<u8>) -> Result<DecodedAudio, DecodeProblem> {
    if bytes.len() > MAX_AUDIO_BYTES {
        return Err(DecodeProblem::TooLarge);
    }
    let decoder = rodio::Decoder::new_wav(Cursor::new(bytes)).map_err(|_| DecodeProblem::NotWav)?;
    let channels = rodio::Source::channels(&decoder);
    let sample_rate = rodio::Source::sample_rate(&decoder);
    let samples: Vec<f32> = decoder.collect();
    if samples.is_empty() {
        return Err(DecodeProblem::Empty);
    }
    Ok(DecodedAudio {
        channels,
        sample_rate,
        samples: Arc::new(samples),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WAV written by hound, in memory.
    fn written<S: hound::Sample + Copy>(spec: hound::WavSpec, samples: &[S]) -> Result<Vec<u8>, hound::Error> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        let mut writer = hound::WavWriter::new(&mut bytes, spec)?;
        for sample in samples {
            writer.write_sample(*sample)?;
        }
        writer.finalize()?;
        Ok(bytes.into_inner())
    }

    #[test]
    fn a_telephone_wav_decodes_to_the_samples_hound_wrote() -> Result<(), Box<dyn std::error::Error>> {
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: 8000,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        // One second of a 440 Hz tone, with the extremes included.
        let mut samples: Vec<i16> = (0..8000)
            .map(|n| (f64::from(n) / 8000.0 * 440.0 * std::f64::consts::TAU).sin() * 12_000.0)
            .map(|s| s as i16)
            .collect();
        samples.extend([i16::MIN, i16::MAX, 0, -1, 1]);
        let audio = decode_wav(written(spec, &samples)?).map_err(|p| format!("{p:?}"))?;
        assert_eq!(audio.channels.get(), 1);
        assert_eq!(audio.sample_rate.get(), 8000);
        let expected: Vec<f32> = samples.iter().map(|s| f32::from(*s) / 32768.0).collect();
        assert_eq!(audio.samples.as_slice(), expected.as_slice());
        assert_eq!(audio.duration(), Duration::from_secs_f64(8005.0 / 8000.0));
        Ok(())
    }

    #[test]
    fn a_stereo_float_wav_keeps_its_channels_and_samples() -> Result<(), Box<dyn std::error::Error>> {
        let spec = hound::WavSpec {
            channels: 2,
            sample_rate: 16_000,
            bits_per_sample: 32,
            sample_format: hound::SampleFormat::Float,
        };
        let samples = [0.5_f32, -0.5, 0.25, -0.25, 1.0, -1.0];
        let audio = decode_wav(written(spec, &samples)?).map_err(|p| format!("{p:?}"))?;
        assert_eq!((audio.channels.get(), audio.sample_rate.get()), (2, 16_000));
        assert_eq!(audio.samples.as_slice(), samples.as_slice());
        assert_eq!(audio.duration(), Duration::from_secs_f64(3.0 / 16_000.0));
        Ok(())
    }

    #[test]
    fn what_is_not_a_wav_is_refused() {
        assert_eq!(decode_wav(b"not a wav at all".to_vec()), Err(DecodeProblem::NotWav));
        assert_eq!(decode_wav(vec![0; MAX_AUDIO_BYTES + 1]), Err(DecodeProblem::TooLarge));
    }
}
