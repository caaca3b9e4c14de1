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
