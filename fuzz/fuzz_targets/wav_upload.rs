//! Fuzzes the WAV reader and the greeting converter an upload goes through (callprofiles-server and the
//! demo take any bytes as a greeting): never a panic or a runaway allocation; an accepted upload becomes
//! an 8 kHz mono 16-bit PCM WAV that reads back.

#![no_main]

use callprofiles_core::audio::{StoredFormat, decode, greeting_from_upload, read_wav};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pcm) = decode(data, &StoredFormat::Wav) {
        assert!(pcm.channels > 0 && pcm.rate > 0);
        assert!(pcm.samples.len() <= data.len());
    }
    if let Ok(greeting) = greeting_from_upload(data) {
        let Ok(pcm) = read_wav(&greeting, usize::MAX) else {
            panic!("a converted greeting must read back");
        };
        assert_eq!((pcm.rate, pcm.channels), (8000, 1));
        assert!(!pcm.samples.is_empty());
    }
});
