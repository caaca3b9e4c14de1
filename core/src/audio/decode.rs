//! The formats Asterisk keeps voicemail in (`format=` of voicemail.conf; each is a file extension), read
//! into 16-bit PCM. PCM WAV, G.711 μ-law and A-law (`audio-codec-algorithms`), signed linear, GSM and
//! WAV49 (GSM in WAV; our libgsm port, `gsm/`) are read; G.722, G.729 and the rest are
//! [`AudioError::UnsupportedFormat`]: their decoders are codecs of their own, and the phone can still
//! play them.

use audio_codec_algorithms::{decode_alaw, decode_ulaw};

use super::gsm::{GSM_RATE, decode_gsm, decode_wav49};
use super::pcm::{Pcm, read_wav};
use crate::error::AudioError;

/// How a recording is stored, from its file extension (as Asterisk's format modules name them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredFormat {
    /// `wav` (format_wav: PCM in RIFF, 8 or 16 kHz).
    Wav,
    /// G.711 μ-law without a header (`ulaw`, `ul`, `pcm`, `mu`, `ulw`), 8 kHz.
    Ulaw,
    /// G.711 A-law without a header (`alaw`, `al`, `alw`), 8 kHz.
    Alaw,
    /// Signed linear 16-bit little-endian without a header (`sln`, `raw`: 8 kHz; `sln16`: 16 kHz …).
    Slin {
        /// Its sample rate.
        rate: u32,
    },
    /// GSM 06.10 frames without a header (`gsm`), 8 kHz.
    Gsm,
    /// GSM 06.10 in a RIFF WAVE file, Microsoft's packing (`WAV`, `wav49`), 8 kHz.
    Wav49,
    /// Anything else (`g722`, `g729`, …), by its extension.
    Other(String),
}

impl StoredFormat {
    /// The format of a file with extension `extension` (case matters: `WAV` is GSM, `wav` is PCM).
    pub fn of_extension(extension: &str) -> Self {
        match extension {
            "wav" => Self::Wav,
            "ulaw" | "ul" | "pcm" | "mu" | "ulw" => Self::Ulaw,
            "alaw" | "al" | "alw" => Self::Alaw,
            "gsm" => Self::Gsm,
            "WAV" | "wav49" => Self::Wav49,
            "sln" | "raw" => Self::Slin { rate: 8000 },
            "sln12" => Self::Slin { rate: 12000 },
            "sln16" => Self::Slin { rate: 16000 },
            "sln24" => Self::Slin { rate: 24000 },
            "sln32" => Self::Slin { rate: 32000 },
            "sln44" => Self::Slin { rate: 44100 },
            "sln48" => Self::Slin { rate: 48000 },
            "sln96" => Self::Slin { rate: 96000 },
            "sln192" => Self::Slin { rate: 192_000 },
            other => Self::Other(other.to_owned()),
        }
    }

    /// Which of several files of one message to read first (lower first): PCM, then G.711, then GSM
    /// (the lossiest), and formats that cannot be read last.
    pub fn preference(&self) -> u8 {
        match self {
            Self::Wav => 0,
            Self::Slin { .. } => 1,
            Self::Ulaw => 2,
            Self::Alaw => 3,
            Self::Wav49 => 4,
            Self::Gsm => 5,
            Self::Other(_) => 9,
        }
    }
}

/// The sound of a recording stored as `format`.
pub fn decode(bytes: &[u8], format: &StoredFormat) -> Result<Pcm, AudioError> {
    let mono = |rate, samples| Pcm {
        rate,
        channels: 1,
        samples,
    };
    match format {
        StoredFormat::Wav => read_wav(bytes, bytes.len()),
        StoredFormat::Ulaw => Ok(mono(8000, bytes.iter().map(|b| decode_ulaw(*b)).collect())),
        StoredFormat::Alaw => Ok(mono(8000, bytes.iter().map(|b| decode_alaw(*b)).collect())),
        StoredFormat::Slin { rate } => Ok(mono(
            *rate,
            bytes
                .chunks_exact(2)
                .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
                .collect(),
        )),
        StoredFormat::Gsm => Ok(mono(GSM_RATE, decode_gsm(bytes)?)),
        StoredFormat::Wav49 => Ok(mono(GSM_RATE, decode_wav49(bytes)?)),
        StoredFormat::Other(extension) => Err(AudioError::UnsupportedFormat {
            format: extension.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g711_decodes_to_the_standards_values() -> Result<(), AudioError> {
        // ITU-T G.711 tables: μ-law 0xFF and 0x7F are ±0, 0x00 is −32124, 0x80 is +32124; A-law 0xD5 is
        // +8, 0x55 is −8, 0xAA is +32256, 0x2A is −32256.
        let ulaw = decode(&[0xFF, 0x7F, 0x00, 0x80, 0xF0], &StoredFormat::Ulaw)?;
        assert_eq!((ulaw.rate, ulaw.channels), (8000, 1));
        assert_eq!(ulaw.samples, [0, 0, -32124, 32124, 120]);
        let alaw = decode(&[0xD5, 0x55, 0xAA, 0x2A], &StoredFormat::Alaw)?;
        assert_eq!(alaw.samples, [8, -8, 32256, -32256]);
        Ok(())
    }

    #[test]
    fn signed_linear_is_little_endian_at_its_rate() -> Result<(), AudioError> {
        let pcm = decode(
            &[0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80, 0x7F],
            &StoredFormat::of_extension("sln16"),
        )?;
        assert_eq!(
            (pcm.rate, pcm.samples.as_slice()),
            (16000, [1, -1, i16::MIN].as_slice())
        );
        Ok(())
    }

    #[test]
    fn pcm_survives_a_wav_round_trip() -> Result<(), AudioError> {
        let pcm = Pcm {
            rate: 8000,
            channels: 1,
            samples: vec![0, 1, -1, i16::MAX, i16::MIN, 1234],
        };
        let wav = pcm.to_wav()?;
        assert_eq!(&wav[..4], b"RIFF");
        assert_eq!(decode(&wav, &StoredFormat::Wav)?, pcm);
        Ok(())
    }

    #[test]
    fn formats_without_a_decoder_are_named() {
        for extension in ["g722", "g729", "wav16", "gsm2"] {
            assert_eq!(
                decode(b"xx", &StoredFormat::of_extension(extension)),
                Err(AudioError::UnsupportedFormat {
                    format: extension.to_owned()
                })
            );
        }
        assert!(StoredFormat::Wav.preference() < StoredFormat::Ulaw.preference());
        assert!(StoredFormat::Alaw.preference() < StoredFormat::of_extension("WAV").preference());
        assert!(StoredFormat::of_extension("gsm").preference() < StoredFormat::of_extension("g722").preference());
        assert_eq!(StoredFormat::of_extension("wav49"), StoredFormat::Wav49);
    }

    #[test]
    fn garbage_is_not_a_wav() {
        assert!(matches!(
            decode(b"RIFF\xff\xff\xff\xffWAVEjunk", &StoredFormat::Wav),
            Err(AudioError::InvalidWav { .. })
        ));
        assert!(matches!(
            decode(b"", &StoredFormat::Wav),
            Err(AudioError::InvalidWav { .. })
        ));
    }
}
