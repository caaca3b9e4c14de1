//! Voicemail kept as GSM against the real Asterisk: Asterisk itself encodes a speech-like sound to
//! `.gsm` and WAV49 (`.WAV`, as `format=gsm` / `format=wav49` keep messages) and decodes `.gsm` back
//! with libgsm (`file convert`); our decoder's samples must equal Asterisk's, sample for sample.
//!
//! WAV49 holds the very frames of the `.gsm` file (Asterisk's encoder makes them, its `conv66` packs
//! two per 65-byte block), so its reference is Asterisk's decoding of those frames: the `.gsm` file's,
//! cut to whole blocks. Asterisk's own WAV49 *reader* is not the reference: its `conv65`
//! (formats/msgsm.h) skips `xmc[48]` of every block's first frame and garbles the three samples after
//! it, so Asterisk plays WAV49 slightly off from what it wrote, and from what other players (libgsm's
//! WAV49 mode, Windows' MS-GSM) hear; the test prints how far.
//!
//! Then a mailbox whose messages exist only as `.WAV` or only as `.gsm` is served by
//! callprofiles-server as 8 kHz PCM WAV holding those same samples, and a damaged `.gsm` is refused
//! with its typed reason.

use std::path::{Path, PathBuf};

use callprofiles_core::audio::{decode_gsm, decode_wav49};
use hyper::{Method, StatusCode};
use serde_json::json;

use crate::support::{Asterisk, Res, TestResult, asterisk, block_on, reset_extension, value};

/// A scratch folder inside this instance's spool, which Asterisk (in its chroot) reaches too.
struct Scratch {
    /// Removed when the test ends.
    dir: tempfile::TempDir,
    /// The same folder as Asterisk names it.
    inside: PathBuf,
}

impl Scratch {
    fn new(asterisk: &Asterisk) -> Res<Self> {
        let spool = asterisk.spool_dir();
        let parent = spool.parent().ok_or("the spool has no parent")?;
        let dir = tempfile::Builder::new().prefix("cptest-gsm-").tempdir_in(parent)?;
        let name = dir.path().file_name().ok_or("no name")?;
        Ok(Self {
            inside: asterisk.inside(parent)?.join(name),
            dir,
        })
    }

    /// The file `name` in it, outside the chroot and as Asterisk names it.
    fn file(&self, name: &str) -> (PathBuf, PathBuf) {
        (self.dir.path().join(name), self.inside.join(name))
    }
}

impl Asterisk {
    /// `outside` (a path under the chroot) as Asterisk names it.
    fn inside(&self, outside: &Path) -> Res<PathBuf> {
        let spool = self.spool_dir();
        let mut chroot = spool.as_path();
        for _ in 0..5 {
            chroot = chroot.parent().ok_or("the spool is not inside a chroot")?;
        }
        Ok(Path::new("/").join(outside.strip_prefix(chroot)?))
    }

    /// Converts the sound file `from` into `to` (their extensions name the formats) with Asterisk's own
    /// codecs and format modules (CLI `file convert`, through AMI's `Command`).
    fn convert(&self, from: &Path, to: &Path) -> TestResult {
        let mut admin = self.admin()?;
        let command = format!("file convert {} {}", from.display(), to.display());
        let output = admin.command(&value(command.clone())?)?;
        if !output.iter().any(|line| line.contains("Converted")) {
            return Err(format!("{command}: {output:?}").into());
        }
        Ok(())
    }
}

/// Four seconds of something like a voice: a gliding pitch with eight harmonics, a syllable-like
/// envelope and noise, the last second loud enough to clip (the decoder's saturating paths).
fn speech_like() -> Vec<i16> {
    let mut seed: u32 = 0x2545_f491;
    let mut phase = 0.0_f64;
    (0..4 * 8000)
        .map(|n| {
            let t = f64::from(n) / 8000.0;
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let noise = f64::from(seed >> 16) / 65536.0 - 0.5;
            let pitch = 120.0 + 80.0 * (2.0 * std::f64::consts::PI * 0.7 * t).sin();
            phase += 2.0 * std::f64::consts::PI * pitch / 8000.0;
            let voice: f64 = (1..=8).map(|h| (f64::from(h) * phase).sin() / f64::from(h)).sum();
            let envelope = 0.55 + 0.45 * (2.0 * std::f64::consts::PI * 3.0 * t).sin();
            let loudness = if t >= 3.0 { 5.0 } else { 1.0 };
            ((voice * envelope * 9000.0 + noise * 2500.0) * loudness).clamp(-32768.0, 32767.0) as i16
        })
        .collect()
}

/// `samples` as an 8 kHz mono 16-bit PCM WAV file at `path`.
fn write_wav(path: &Path, samples: &[i16]) -> TestResult {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 8000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(path, spec)?;
    for sample in samples {
        writer.write_sample(*sample)?;
    }
    writer.finalize()?;
    Ok(())
}

/// The spec and samples of a WAV file's bytes.
fn read_wav(bytes: &[u8]) -> Res<(hound::WavSpec, Vec<i16>)> {
    let reader = hound::WavReader::new(std::io::Cursor::new(bytes))?;
    let spec = reader.spec();
    Ok((spec, reader.into_samples::<i16>().collect::<Result<_, _>>()?))
}

/// Fails with the first differing sample (a whole dump of 32 000 samples says nothing).
fn assert_same(ours: &[i16], asterisks: &[i16], what: &str) -> TestResult {
    if let Some(at) = ours.iter().zip(asterisks).position(|(a, b)| a != b) {
        return Err(format!(
            "{what}: sample {at} differs: ours {:?}, Asterisk's {:?}",
            &ours[at..ours.len().min(at + 8)],
            &asterisks[at..asterisks.len().min(at + 8)]
        )
        .into());
    }
    if ours.len() != asterisks.len() {
        return Err(format!("{what}: {} samples, Asterisk decoded {}", ours.len(), asterisks.len()).into());
    }
    Ok(())
}

/// Samples of a WAV49 block (two frames).
const BLOCK_SAMPLES: usize = 320;

#[test]
fn gsm_and_wav49_decode_to_asterisks_own_samples() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    let scratch = Scratch::new(&asterisk)?;
    let (source, source_inside) = scratch.file("source.wav");
    let original = speech_like();
    write_wav(&source, &original)?;
    let mut files = std::collections::HashMap::new();
    for extension in ["gsm", "WAV"] {
        let (encoded, encoded_inside) = scratch.file(&format!("encoded.{extension}"));
        let (decoded, decoded_inside) = scratch.file(&format!("decoded-{extension}.wav"));
        asterisk.convert(&source_inside, &encoded_inside)?;
        asterisk.convert(&encoded_inside, &decoded_inside)?;
        let (spec, asterisks) = read_wav(&std::fs::read(&decoded)?)?;
        assert_eq!((spec.sample_rate, spec.channels, spec.bits_per_sample), (8000, 1, 16));
        files.insert(extension, (std::fs::read(&encoded)?, asterisks));
    }
    let (gsm, reference) = files.remove("gsm").ok_or("no gsm")?;
    let (wav49, asterisks_wav49) = files.remove("WAV").ok_or("no WAV")?;
    // Nearly all of the sound came through (the encoder drops a trailing partial frame), and it is
    // sound: loud where the original is, clipped in its last second.
    assert!(reference.len() + 160 >= original.len(), "{} samples", reference.len());
    assert!(reference.iter().any(|s| s.unsigned_abs() > 20000), "no loud part");

    let started = std::time::Instant::now();
    let ours = decode_gsm(&gsm)?;
    let gsm_time = started.elapsed();
    assert_same(&ours, &reference, "gsm")?;
    let started = std::time::Instant::now();
    let ours_wav49 = decode_wav49(&wav49)?;
    let wav49_time = started.elapsed();
    let whole_blocks = reference.len() / BLOCK_SAMPLES * BLOCK_SAMPLES;
    assert_same(&ours_wav49, &reference[..whole_blocks], "WAV49 against the gsm frames")?;
    eprintln!(
        "gsm: {} bytes → {} samples in {:.1} ms, WAV49: {} bytes → {} samples in {:.1} ms (debug build): \
         equal to Asterisk's libgsm decoding",
        gsm.len(),
        ours.len(),
        gsm_time.as_secs_f64() * 1000.0,
        wav49.len(),
        ours_wav49.len(),
        wav49_time.as_secs_f64() * 1000.0
    );
    let off = ours_wav49.iter().zip(&asterisks_wav49).filter(|(a, b)| a != b).count();
    let energy = |samples: &mut dyn Iterator<Item = f64>| samples.map(|s| s * s).sum::<f64>();
    let signal = energy(&mut ours_wav49.iter().map(|s| f64::from(*s)));
    let error = energy(
        &mut ours_wav49
            .iter()
            .zip(&asterisks_wav49)
            .map(|(a, b)| f64::from(*a) - f64::from(*b)),
    );
    eprintln!(
        "Asterisk's own WAV49 reader (conv65) differs in {off} of {} samples: {:.1} dB below the signal",
        asterisks_wav49.len(),
        10.0 * (signal / error.max(1.0)).log10()
    );
    Ok(())
}

/// app_voicemail's `msgNNNN.txt` for a message with id `msg_id`.
fn message_info(extension: &str, msg_id: &str) -> String {
    let origtime = msg_id.split('-').next().unwrap_or("0");
    format!(
        ";\n; Message Information file\n;\n[message]\norigmailbox={extension}\ncontext=callprofiles-in\n\
         macrocontext=\nexten={extension}\nrdnis=unknown\npriority=2\ncallerchan=Local/600@test\n\
         callerid=\"Anna\" <600>\norigdate=Tue Dec  1 04:34:14 PM UTC 2026\norigtime={origtime}\n\
         category=\nmsg_id={msg_id}\nflag=\nduration=4\n"
    )
}

#[test]
fn messages_kept_only_as_gsm_or_wav49_are_served_as_asterisks_decoding() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let owner = "294";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, owner)?;
        let mailbox = asterisk.spool_dir().join("default").join(owner);
        std::fs::remove_dir_all(&mailbox).ok();
        let inbox = mailbox.join("INBOX");
        std::fs::create_dir_all(&inbox)?;
        let inbox_inside = asterisk.inside(&inbox)?;
        let scratch = Scratch::new(&asterisk)?;
        let (source, source_inside) = scratch.file("source.wav");
        write_wav(&source, &speech_like())?;

        // msg0000 only as WAV49, msg0001 only as gsm, each encoded by Asterisk into the mailbox; the
        // reference of both is Asterisk's decoding of the gsm frames (see the module's comment).
        let kept = [
            ("msg0000", "WAV", "1764605000-00000001"),
            ("msg0001", "gsm", "1764605060-00000002"),
        ];
        for (base, extension, msg_id) in kept {
            asterisk.convert(&source_inside, &inbox_inside.join(format!("{base}.{extension}")))?;
            std::fs::write(inbox.join(format!("{base}.txt")), message_info(owner, msg_id))?;
        }
        let (decoded, decoded_inside) = scratch.file("reference.wav");
        asterisk.convert(&inbox_inside.join("msg0001.gsm"), &decoded_inside)?;
        let reference = read_wav(&std::fs::read(decoded)?)?.1;
        let whole_blocks = reference.len() / BLOCK_SAMPLES * BLOCK_SAMPLES;
        let expected = [
            (kept[0].2, "WAV", &reference[..whole_blocks]),
            (kept[1].2, "gsm", &reference[..]),
        ];
        // msg0002: a damaged .gsm (a frame without the mark), refused with its reason, not a panic.
        let damaged = "1764605120-00000003";
        let mut bytes = std::fs::read(inbox.join("msg0001.gsm"))?;
        if let Some(byte) = bytes.get_mut(33 * 5) {
            *byte = 0x5A;
        }
        std::fs::write(inbox.join("msg0002.gsm"), bytes)?;
        std::fs::write(inbox.join("msg0002.txt"), message_info(owner, damaged))?;
        let names: Vec<_> = std::fs::read_dir(&inbox)?
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|name| name.ends_with(".wav")), "{names:?}");

        let home = asterisk.init(15, 10)?;
        let code = home.add_user(owner)?;
        let server = home.start()?;
        let client = &server.client;
        let token = server.enroll(owner, &code).await?;
        let (status, list) = client
            .json(Method::GET, "/api/v1/users/me/voicemail", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK, "{list}");
        let mut ids: Vec<_> = list["messages"]
            .as_array()
            .ok_or("no messages")?
            .iter()
            .filter_map(|message| message["id"].as_str().map(str::to_owned))
            .collect();
        ids.sort();
        assert_eq!(json!(ids), json!([kept[0].2, kept[1].2, damaged]), "{list}");

        for (msg_id, extension, asterisks) in expected {
            let audio = client
                .request(
                    Method::GET,
                    &format!("/api/v1/users/me/voicemail/messages/{msg_id}/audio"),
                    Some(&token),
                    Vec::new(),
                )
                .await?;
            assert_eq!(audio.status, StatusCode::OK, "{extension}");
            assert_eq!(
                audio.headers.get("content-type").map(|v| v.as_bytes()),
                Some(&b"audio/wav"[..])
            );
            let (spec, served) = read_wav(&audio.body)?;
            assert_eq!((spec.sample_rate, spec.channels, spec.bits_per_sample), (8000, 1, 16));
            assert!(served.len() >= 3 * 8000, "{extension}: {} samples", served.len());
            assert_same(&served, asterisks, extension)?;
            eprintln!(
                "{extension}: served {} samples equal to Asterisk's decoding",
                served.len()
            );
        }
        let (status, error) = client
            .json(
                Method::GET,
                &format!("/api/v1/users/me/voicemail/messages/{damaged}/audio"),
                Some(&token),
                None,
            )
            .await?;
        assert_eq!(status, StatusCode::BAD_GATEWAY, "{error}");
        assert_eq!(
            error["detail"]["phone"]["Audio"]["InvalidGsm"]["fault"],
            json!({"BadMark": {"frame": 6}}),
            "{error}"
        );
        std::fs::remove_dir_all(&mailbox).ok();
        Ok(())
    })
}
