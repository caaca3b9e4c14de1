//! Fuzzes the GSM 06.10 decoders a mailbox kept as `format=gsm` or `format=wav49` goes through
//! (callprofiles-server decodes whatever file is in the spool): never a panic or a runaway allocation;
//! every whole frame decodes to 160 samples, a trailing partial one is dropped, and the same bytes
//! always decode to the same samples. The bytes are also tried with every frame's 0xD mark set and
//! behind a valid WAV49 header, so the decoder itself (not only the refusals) sees arbitrary frames.

#![no_main]

use callprofiles_core::audio::{StoredFormat, decode, decode_gsm, decode_wav49};
use libfuzzer_sys::fuzz_target;

/// The header Asterisk's format_wav_gsm writes (RIFF, `fmt ` of GSM 6.10 mono 8 kHz, `fact`, `data`).
fn wav49_header(data_len: usize) -> Vec<u8> {
    let data_len = u32::try_from(data_len).unwrap_or(u32::MAX);
    let mut header = Vec::with_capacity(60);
    header.extend_from_slice(b"RIFF");
    header.extend_from_slice(&data_len.saturating_add(52).to_le_bytes());
    header.extend_from_slice(b"WAVEfmt \x14\x00\x00\x00\x31\x00\x01\x00\x40\x1f\x00\x00\x59\x06\x00\x00");
    header.extend_from_slice(b"\x41\x00\x00\x00\x02\x00\x40\x01fact\x04\x00\x00\x00\x00\x00\x00\x00data");
    header.extend_from_slice(&data_len.to_le_bytes());
    header
}

fuzz_target!(|data: &[u8]| {
    if let Ok(samples) = decode_gsm(data) {
        assert_eq!(samples.len(), data.len() / 33 * 160);
        assert_eq!(decode_gsm(data).ok(), Some(samples));
    }
    if let Ok(samples) = decode_wav49(data) {
        assert_eq!(samples.len() % 320, 0);
        assert!(samples.len() <= data.len() / 65 * 320);
    }
    let mut marked = data.to_vec();
    for frame in marked.chunks_mut(33) {
        if let Some(first) = frame.first_mut() {
            *first = 0xD0 | (*first & 0x0F);
        }
    }
    let Ok(pcm) = decode(&marked, &StoredFormat::Gsm) else {
        panic!("frames with the mark always decode");
    };
    assert_eq!((pcm.rate, pcm.channels, pcm.samples.len()), (8000, 1, marked.len() / 33 * 160));
    let mut wav49 = wav49_header(data.len());
    wav49.extend_from_slice(data);
    let Ok(pcm) = decode(&wav49, &StoredFormat::Wav49) else {
        panic!("a valid WAV49 header with any blocks decodes");
    };
    assert_eq!(pcm.samples.len(), data.len() / 65 * 320);
});
