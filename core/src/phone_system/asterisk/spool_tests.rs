//! The spool reader against mailbox directories laid out as app_voicemail lays them, and hostile ones.

use std::path::Path;
use std::time::{Duration, Instant};

use super::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn mailbox() -> Result<Mailbox, PhoneError> {
    Mailbox::new("201", "default")
}

fn id(text: &str) -> Result<MessageId, crate::error::InputError> {
    MessageId::parse(text)
}

/// Writes `<spool>/default/201/<folder>/<base>.txt` naming `msg_id`, and the audio files given.
fn message(spool: &Path, folder: &str, base: &str, msg_id: &str, files: &[(&str, &[u8])]) -> std::io::Result<()> {
    let dir = spool.join("default").join("201").join(folder);
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join(format!("{base}.txt")),
        format!(";\n[message]\norigmailbox=201\ncallerid=\"Anna\" <600>\nmsg_id={msg_id}\nduration=1\n"),
    )?;
    for (extension, bytes) in files {
        std::fs::write(dir.join(format!("{base}.{extension}")), bytes)?;
    }
    Ok(())
}

fn samples(wav: &[u8]) -> Result<Vec<i16>, AudioError> {
    Ok(audio::read_wav(wav, usize::MAX)?.samples)
}

#[test]
fn messages_are_found_by_id_in_inbox_and_old_and_converted() -> TestResult {
    let spool = tempfile::tempdir()?;
    message(
        spool.path(),
        "INBOX",
        "msg0000",
        "1700000000-00000001",
        &[("ulaw", &[0x00, 0x80, 0xFF])],
    )?;
    message(
        spool.path(),
        "INBOX",
        "msg0001",
        "1700000001-00000002",
        &[("alaw", &[0xD5, 0x55])],
    )?;
    let pcm = audio::Pcm {
        rate: 8000,
        channels: 1,
        samples: vec![5, -5, 300],
    };
    // Several formats of one message (format=wav49|gsm|wav): the PCM one is read.
    message(
        spool.path(),
        "Old",
        "msg0000",
        "1700000002-00000003",
        &[("gsm", b"gsm"), ("wav", &pcm.to_wav()?), ("WAV", b"wav49")],
    )?;
    let spool = Spool::new(spool.path());
    let mailbox = mailbox()?;
    let wav = spool.message_audio(&mailbox, &id("1700000000-00000001")?)?;
    assert_eq!(samples(&wav)?, [-32124, 32124, 0]);
    assert_eq!(
        samples(&spool.message_audio(&mailbox, &id("1700000001-00000002")?)?)?,
        [8, -8]
    );
    assert_eq!(
        samples(&spool.message_audio(&mailbox, &id("1700000002-00000003")?)?)?,
        pcm.samples
    );
    assert_eq!(
        spool.message_audio(&mailbox, &id("1700000009-00000009")?),
        Err(PhoneError::MessageNotFound {
            id: "1700000009-00000009".into()
        })
    );
    Ok(())
}

#[test]
fn formats_without_a_decoder_and_missing_audio_are_said() -> TestResult {
    let dir = tempfile::tempdir()?;
    message(
        dir.path(),
        "INBOX",
        "msg0000",
        "1-1",
        &[("g722", b"g722"), ("g729", b"x")],
    )?;
    message(dir.path(), "INBOX", "msg0001", "1-2", &[])?;
    let spool = Spool::new(dir.path());
    assert!(matches!(
        spool.message_audio(&mailbox()?, &id("1-1")?),
        Err(PhoneError::Audio(AudioError::UnsupportedFormat { format })) if format.starts_with("g72")
    ));
    assert_eq!(
        spool.message_audio(&mailbox()?, &id("1-2")?),
        Err(PhoneError::Audio(AudioError::NoRecording))
    );
    Ok(())
}

#[test]
fn gsm_and_wav49_are_decoded_and_pcm_wav_is_still_preferred() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut frame = [0u8; 33];
    frame[0] = 0xD0;
    let pcm = audio::Pcm {
        rate: 8000,
        channels: 1,
        samples: vec![5, -5, 7],
    };
    message(dir.path(), "INBOX", "msg0000", "1-1", &[("gsm", &frame.repeat(2))])?;
    message(dir.path(), "INBOX", "msg0001", "1-2", &[("WAV", b"RIFF....WAVE")])?;
    message(
        dir.path(),
        "INBOX",
        "msg0002",
        "1-3",
        &[("gsm", b"not gsm at all, and longer than one frame")],
    )?;
    message(
        dir.path(),
        "INBOX",
        "msg0003",
        "1-4",
        &[("gsm", &frame), ("WAV", b"x"), ("wav", &pcm.to_wav()?)],
    )?;
    let spool = Spool::new(dir.path());
    let served = spool.message_audio(&mailbox()?, &id("1-1")?)?;
    let read = audio::read_wav(&served, usize::MAX)?;
    assert_eq!((read.rate, read.channels, read.samples.len()), (8000, 1, 320));
    assert_eq!(read.samples, audio::decode_gsm(&frame.repeat(2))?);
    assert!(matches!(
        spool.message_audio(&mailbox()?, &id("1-2")?),
        Err(PhoneError::Audio(AudioError::InvalidGsm { .. }))
    ));
    assert_eq!(
        spool.message_audio(&mailbox()?, &id("1-3")?),
        Err(PhoneError::Audio(AudioError::InvalidGsm {
            fault: crate::error::GsmFault::BadMark { frame: 1 }
        }))
    );
    assert_eq!(samples(&spool.message_audio(&mailbox()?, &id("1-4")?)?)?, pcm.samples);
    Ok(())
}

#[test]
fn hostile_files_are_refused_at_once_and_never_read_whole() -> TestResult {
    let dir = tempfile::tempdir()?;
    message(dir.path(), "INBOX", "msg0000", "1-1", &[])?;
    message(dir.path(), "INBOX", "msg0001", "1-2", &[])?;
    message(dir.path(), "INBOX", "msg0002", "1-3", &[])?;
    message(dir.path(), "INBOX", "msg0003", "1-4", &[])?;
    let inbox = dir.path().join("default/201/INBOX");
    // A FIFO: opening it to read would wait for a writer forever.
    let made = std::process::Command::new("mkfifo")
        .arg(inbox.join("msg0000.wav"))
        .status()?;
    assert!(made.success());
    // A link to a file the PBX's user must not hand out.
    std::fs::write(dir.path().join("secret"), b"secret")?;
    std::os::unix::fs::symlink(dir.path().join("secret"), inbox.join("msg0001.ulaw"))?;
    // A 10 GB file (sparse: no disk used).
    std::fs::File::create(inbox.join("msg0002.ulaw"))?.set_len(10 * 1024 * 1024 * 1024)?;
    // A folder.
    std::fs::create_dir(inbox.join("msg0003.wav"))?;
    let spool = Spool::new(dir.path());
    let started = Instant::now();
    let refusal = |text: &str| -> Result<PhoneError, Box<dyn std::error::Error>> {
        match spool.message_audio(&mailbox()?, &id(text)?) {
            Err(error) => Ok(error),
            Ok(_) => Err(format!("{text} was read").into()),
        }
    };
    assert_eq!(
        refusal("1-1")?,
        PhoneError::Audio(AudioError::NotAFile { kind: FileKind::Fifo })
    );
    assert_eq!(
        refusal("1-2")?,
        PhoneError::Audio(AudioError::NotAFile {
            kind: FileKind::Symlink
        })
    );
    assert_eq!(
        refusal("1-3")?,
        PhoneError::Audio(AudioError::TooLarge {
            limit: MAX_RECORDING_BYTES
        })
    );
    assert_eq!(
        refusal("1-4")?,
        PhoneError::Audio(AudioError::NotAFile {
            kind: FileKind::Directory
        })
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    // A msgNNNN.txt that is a FIFO is refused too (not waited on).
    std::fs::remove_file(inbox.join("msg0000.txt"))?;
    let made = std::process::Command::new("mkfifo")
        .arg(inbox.join("msg0000.txt"))
        .status()?;
    assert!(made.success());
    assert_eq!(
        refusal("1-1")?,
        PhoneError::Audio(AudioError::NotAFile { kind: FileKind::Fifo })
    );
    Ok(())
}

#[test]
fn linked_folders_are_not_followed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let elsewhere = tempfile::tempdir()?;
    message(elsewhere.path(), "INBOX", "msg0000", "1-1", &[("ulaw", &[0x00])])?;
    std::fs::create_dir_all(dir.path().join("default/201"))?;
    std::os::unix::fs::symlink(
        elsewhere.path().join("default/201/INBOX"),
        dir.path().join("default/201/INBOX"),
    )?;
    let spool = Spool::new(dir.path());
    assert_eq!(
        spool.message_audio(&mailbox()?, &id("1-1")?),
        Err(PhoneError::Audio(AudioError::NotAFile {
            kind: FileKind::Symlink
        }))
    );
    // A mailbox folder that is a link: no greeting is written through it.
    let other = tempfile::tempdir()?;
    std::os::unix::fs::symlink(elsewhere.path().join("default/201"), other.path().join("default"))?;
    let spool = Spool::new(other.path());
    let pcm = audio::Pcm {
        rate: 8000,
        channels: 1,
        samples: vec![1, 2, 3],
    };
    assert!(matches!(
        spool.upload_greeting(&mailbox()?, GreetingSlot::new(1)?, &pcm.to_wav()?),
        Err(PhoneError::Audio(AudioError::NotAFile { .. }))
    ));
    Ok(())
}

#[test]
fn a_mailbox_that_is_not_a_plain_name_is_refused() -> TestResult {
    let spool = Spool::new("/nonexistent");
    let mailbox = Mailbox {
        extension: crate::phone_system::asterisk::AmiValue::new("extension", "..")?,
        context: crate::phone_system::asterisk::AmiValue::new("context", "default")?,
    };
    assert!(matches!(
        spool.message_audio(&mailbox, &id("1-1")?),
        Err(PhoneError::BadState { .. })
    ));
    Ok(())
}

#[test]
fn an_uploaded_greeting_is_converted_written_and_read_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    let spool = Spool::new(dir.path());
    let mailbox = mailbox()?;
    let slot = GreetingSlot::new(3)?;
    assert_eq!(spool.recorded_greetings(&mailbox)?.slots, []);
    assert_eq!(
        spool.greeting_audio(&mailbox, slot),
        Err(PhoneError::Audio(AudioError::GreetingNotRecorded { slot: 3 }))
    );
    let stereo = audio::Pcm {
        rate: 8000,
        channels: 2,
        samples: vec![100, 300, -100, -300, 0, 0],
    };
    spool.upload_greeting(&mailbox, slot, &stereo.to_wav()?)?;
    assert_eq!(spool.recorded_greetings(&mailbox)?.slots, [slot]);
    let path = dir.path().join("default/201/callprofiles-greeting-3.wav");
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&path)?.permissions());
    assert_eq!(mode & 0o777, 0o644);
    let read_back = audio::read_wav(&spool.greeting_audio(&mailbox, slot)?, usize::MAX)?;
    assert_eq!((read_back.rate, read_back.channels), (8000, 1));
    assert_eq!(read_back.samples, [200, -200, 0]);
    // A bad upload changes nothing.
    assert!(matches!(
        spool.upload_greeting(&mailbox, slot, b"not a wav"),
        Err(PhoneError::Audio(AudioError::InvalidWav { .. }))
    ));
    assert_eq!(audio::read_wav(&std::fs::read(&path)?, usize::MAX)?, read_back);
    // A link in the greeting's place is not replaced (nor followed).
    std::fs::remove_file(&path)?;
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), &path)?;
    assert!(matches!(
        spool.upload_greeting(&mailbox, slot, &stereo.to_wav()?),
        Err(PhoneError::Audio(AudioError::Unwritable { .. }))
    ));
    assert!(!dir.path().join("elsewhere").exists());
    Ok(())
}
