//! 16-bit PCM sound in memory, to and from WAV files (hound).

use std::io::Cursor;

use crate::error::AudioError;

/// Interleaved 16-bit samples at a sample rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcm {
    /// Samples per second (per channel).
    pub rate: u32,
    /// Channels (interleaved in `samples`).
    pub channels: u16,
    /// The samples, interleaved.
    pub samples: Vec<i16>,
}

impl Pcm {
    /// The sound as the bytes of a 16-bit PCM WAV file.
    pub fn to_wav(&self) -> Result<Vec<u8>, AudioError> {
        let spec = hound::WavSpec {
            channels: self.channels,
            sample_rate: self.rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut bytes = Cursor::new(Vec::with_capacity(44 + self.samples.len() * 2));
        let mut writer = hound::WavWriter::new(&mut bytes, spec).map_err(invalid)?;
        let mut samples = writer.get_i16_writer(u32::try_from(self.samples.len()).unwrap_or(u32::MAX));
        for sample in &self.samples {
            samples.write_sample(*sample);
        }
        samples.flush().map_err(invalid)?;
        writer.finalize().map_err(invalid)?;
        Ok(bytes.into_inner())
    }

    /// How long it lasts, in seconds (rounded down).
    pub fn seconds(&self) -> u64 {
        let frames = self.samples.len() as u64 / u64::from(self.channels.max(1));
        frames / u64::from(self.rate.max(1))
    }
}

/// Reads a WAV file (PCM of 8–32 bits, or 32-bit float) into 16-bit samples. At most `max_samples` are
/// read; a header claiming more is not trusted for allocation (samples are pushed as they are read).
pub fn read_wav(bytes: &[u8], max_samples: usize) -> Result<Pcm, AudioError> {
    let reader = hound::WavReader::new(Cursor::new(bytes)).map_err(invalid)?;
    let spec = reader.spec();
    if spec.channels == 0 || spec.sample_rate == 0 {
        return Err(AudioError::InvalidWav {
            detail: "no channels or no sample rate".to_owned(),
        });
    }
    let mut samples = Vec::with_capacity(bytes.len().min(max_samples.saturating_mul(2)) / 2);
    let mut push = |sample: i16| -> Result<(), AudioError> {
        if samples.len() >= max_samples {
            return Err(AudioError::TooLarge {
                limit: max_samples as u64 * 2,
            });
        }
        samples.push(sample);
        Ok(())
    };
    match (spec.sample_format, spec.bits_per_sample) {
        (hound::SampleFormat::Float, 32) => {
            for sample in reader.into_samples::<f32>() {
                push(float_to_i16(sample.map_err(invalid)?))?;
            }
        }
        (hound::SampleFormat::Int, bits @ 1..=16) => {
            let shift = 16 - u32::from(bits);
            for sample in reader.into_samples::<i16>() {
                push(sample.map_err(invalid)?.wrapping_shl(shift))?;
            }
        }
        (hound::SampleFormat::Int, bits @ 17..=32) => {
            let shift = u32::from(bits) - 16;
            for sample in reader.into_samples::<i32>() {
                let wide = sample.map_err(invalid)? >> shift;
                push(i16::try_from(wide).unwrap_or(if wide < 0 { i16::MIN } else { i16::MAX }))?;
            }
        }
        (format, bits) => {
            return Err(AudioError::InvalidWav {
                detail: format!("{bits}-bit {format:?} samples"),
            });
        }
    }
    Ok(Pcm {
        rate: spec.sample_rate,
        channels: spec.channels,
        samples,
    })
}

/// A float sample in −1…1 as 16 bits (clipped).
fn float_to_i16(sample: f32) -> i16 {
    let scaled = (sample.clamp(-1.0, 1.0) * f32::from(i16::MAX)).round();
    scaled as i16
}

/// A hound error as the reader's words.
fn invalid(error: hound::Error) -> AudioError {
    AudioError::InvalidWav {
        detail: error.to_string(),
    }
}
