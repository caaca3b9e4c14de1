//! Refusals and bounds of the GSM decoders on hostile or damaged files (bit-exactness against the
//! real Asterisk is in server/tests/server/voicemail_gsm.rs).

use super::*;

/// A valid 33-byte frame: the mark, then all-zero parameters.
fn silent_frame() -> [u8; FRAME_BYTES] {
    let mut frame = [0u8; FRAME_BYTES];
    frame[0] = 0xD0;
    frame
}

/// A WAV49 file's header (as format_wav_gsm writes it) with `tag`, then `data`.
fn wav49_file(tag: u16, data: &[u8]) -> Vec<u8> {
    let mut file = Vec::new();
    file.extend_from_slice(b"RIFF");
    file.extend_from_slice(&(52 + data.len() as u32).to_le_bytes());
    file.extend_from_slice(b"WAVEfmt ");
    file.extend_from_slice(&20u32.to_le_bytes());
    file.extend_from_slice(&tag.to_le_bytes());
    file.extend_from_slice(&1u16.to_le_bytes());
    file.extend_from_slice(&8000u32.to_le_bytes());
    file.extend_from_slice(&1625u32.to_le_bytes());
    file.extend_from_slice(&65u16.to_le_bytes());
    file.extend_from_slice(&0u16.to_le_bytes());
    file.extend_from_slice(&2u16.to_le_bytes());
    file.extend_from_slice(&320u16.to_le_bytes());
    file.extend_from_slice(b"fact");
    file.extend_from_slice(&4u32.to_le_bytes());
    file.extend_from_slice(&((data.len() / 65 * 320) as u32).to_le_bytes());
    file.extend_from_slice(b"data");
    file.extend_from_slice(&(data.len() as u32).to_le_bytes());
    file.extend_from_slice(data);
    file
}

fn fault(result: Result<Vec<i16>, AudioError>) -> Option<GsmFault> {
    match result {
        Err(AudioError::InvalidGsm { fault }) => Some(fault),
        _ => None,
    }
}

#[test]
fn a_frame_without_the_gsm_mark_is_refused_by_number() {
    let mut bytes = [silent_frame(), silent_frame(), silent_frame()].concat();
    bytes[FRAME_BYTES * 2] = 0xC0;
    assert_eq!(fault(decode_gsm(&bytes)), Some(GsmFault::BadMark { frame: 3 }));
    // A PCM WAV renamed .gsm: its "RIFF" is no mark.
    let mut wav = b"RIFF\x24\x00\x00\x00WAVEfmt ".to_vec();
    wav.resize(44, 0);
    assert_eq!(fault(decode_gsm(&wav)), Some(GsmFault::BadMark { frame: 1 }));
}

#[test]
fn empty_and_truncated_gsm_keep_only_whole_frames() -> Result<(), AudioError> {
    assert_eq!(decode_gsm(&[])?, Vec::<i16>::new());
    assert_eq!(decode_gsm(&[0xD0; 32])?, Vec::<i16>::new());
    let whole = [silent_frame(), silent_frame()].concat();
    let mut truncated = whole.clone();
    truncated.extend_from_slice(&[0xD0, 0x12, 0x34]);
    let samples = decode_gsm(&truncated)?;
    assert_eq!(samples.len(), 2 * FRAME_SAMPLES);
    assert_eq!(samples, decode_gsm(&whole)?);
    Ok(())
}

#[test]
fn wav49_keeps_whole_blocks_and_reads_two_frames_from_each() -> Result<(), AudioError> {
    let blocks = [0x55u8; 2 * BLOCK_BYTES];
    assert_eq!(decode_wav49(&wav49_file(0x31, &blocks))?.len(), 2 * BLOCK_SAMPLES);
    assert_eq!(
        decode_wav49(&wav49_file(0x31, &blocks[..BLOCK_BYTES + 64]))?.len(),
        BLOCK_SAMPLES
    );
    assert_eq!(decode_wav49(&wav49_file(0x31, &[]))?, Vec::<i16>::new());
    // A header whose data size was never written (0) reads to the end, as Asterisk does.
    let mut unfinished = wav49_file(0x31, &blocks);
    let at = unfinished.len() - blocks.len() - 4;
    unfinished[at..at + 4].copy_from_slice(&0u32.to_le_bytes());
    assert_eq!(decode_wav49(&unfinished)?.len(), 2 * BLOCK_SAMPLES);
    Ok(())
}

#[test]
fn wav49_unpacks_least_significant_bit_first_across_the_two_frames() {
    let mut block = [0u8; BLOCK_BYTES];
    block[0] = 0b1110_1011; // LARc[0] = 0b101011, then the low two bits of LARc[1]
    block[32] = 0b1010_0000; // the first frame ends at bit 260: the second's LARc[0] starts at bit 4
    block[33] = 0b0000_0011;
    block[64] = 0b1110_0000; // the last xmc of the second frame: bits 517..520
    let [first, second] = wav49::unpack(&block);
    assert_eq!(first.larc[0], 0b10_1011);
    assert_eq!(first.larc[1] & 0b11, 0b11);
    assert_eq!(second.larc[0], 0b11_1010);
    assert_eq!(second.subframes[3].xmc[12], 0b111);
}

#[test]
fn a_riff_of_another_format_or_shape_is_refused() {
    let blocks = [0u8; BLOCK_BYTES];
    assert_eq!(
        fault(decode_wav49(&wav49_file(1, &blocks))),
        Some(GsmFault::NotGsmWave { tag: 1 })
    );
    assert_eq!(fault(decode_wav49(b"")), Some(GsmFault::NotRiffWave));
    assert_eq!(fault(decode_wav49(&[0xD0; 200])), Some(GsmFault::NotRiffWave));
    let mut stereo = wav49_file(0x31, &blocks);
    stereo[22] = 2;
    assert_eq!(
        fault(decode_wav49(&stereo)),
        Some(GsmFault::NotMono8kHz {
            channels: 2,
            rate: 8000
        })
    );
    let whole = wav49_file(0x31, &blocks);
    assert_eq!(fault(decode_wav49(&whole[..40])), Some(GsmFault::NoDataChunk));
    assert_eq!(fault(decode_wav49(&whole[..22])), Some(GsmFault::NoFormatChunk));
    assert_eq!(
        fault(decode_wav49(b"RIFF\x04\x00\x00\x00WAVEdata\x00\x00\x00\x00")),
        Some(GsmFault::NoFormatChunk)
    );
    // A chunk size past the end is no panic: the walk stops.
    let mut huge = whole;
    huge[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(decode_wav49(&huge).is_err());
}

#[test]
fn a_recording_decoding_past_the_bound_is_refused_before_decoding() {
    let frames = MAX_SAMPLES / FRAME_SAMPLES + 1;
    let bytes = silent_frame().repeat(frames);
    assert_eq!(
        decode_gsm(&bytes),
        Err(AudioError::TooLarge {
            limit: ((MAX_SAMPLES / FRAME_SAMPLES) * FRAME_BYTES) as u64
        })
    );
}
