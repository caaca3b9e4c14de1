//! Criterion benchmarks of the core's costs: Detected computation, store load and save, and import of
//! large hostile files, voicemail audio conversion. Run with `scripts/bench core` (or `cargo bench -p callprofiles-core`).

use std::hint::black_box;
use std::path::Path;

use callprofiles_core::{
    CoreError, ProfileBook, Routing, SettingChange, Settings, Store, StoreState, detect, nearest, transfer,
};
use criterion::{Criterion, criterion_group, criterion_main};

/// A book with every slot used: three built-ins and four custom profiles with numbers.
fn full_book() -> Result<ProfileBook, CoreError> {
    let mut book = ProfileBook::default();
    for (index, name) in ["Car", "Garden", "Night", "Travel"].into_iter().enumerate() {
        let mut settings = Settings::home_default();
        settings.routing = Routing::parse(&format!("forward:+48 600 100 20{index}"))?;
        book.create(name, settings)?;
    }
    Ok(book)
}

/// Live settings that equal no saved profile (the worst case: every profile is compared).
fn unmatched_live() -> Result<Settings, CoreError> {
    let changes = SettingChange::parse_all(&["routing=telecommuter:+48 700 1", "voicemail.greeting=9"])?;
    Ok(SettingChange::apply_all(&changes, &Settings::office_default()))
}

fn detection(c: &mut Criterion) -> Result<(), CoreError> {
    let book = full_book()?;
    let office = Settings::office_default();
    let live = unmatched_live()?;
    let last = book.find("Travel")?.id;
    let travel = book.find("Travel")?.settings;
    let mut group = c.benchmark_group("detect");
    group.bench_function("last applied still live", |b| {
        b.iter(|| detect(black_box(&book), Some(&last), black_box(&travel)));
    });
    group.bench_function("first profile matches", |b| {
        b.iter(|| detect(black_box(&book), None, black_box(&office)));
    });
    group.bench_function("Detected (7 profiles compared)", |b| {
        b.iter(|| detect(black_box(&book), Some(&last), black_box(&live)));
    });
    group.bench_function("nearest profile to Detected", |b| {
        b.iter(|| nearest(black_box(&book), black_box(&live)));
    });
    group.finish();
    Ok(())
}

fn store(c: &mut Criterion) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let store = Store::new(dir.path());
    let state = StoreState {
        book: full_book()?,
        last_applied: None,
    };
    store.save(&state)?;
    let mut group = c.benchmark_group("store");
    group.bench_function("load (7 profiles)", |b| b.iter(|| store.load()));
    group.sample_size(30);
    group.bench_function("update: lock, load, atomic write + 2 fsyncs", |b| {
        let mut greeting = 0;
        b.iter(|| {
            greeting = greeting % 9 + 1;
            store.update(|state| {
                let pair = format!("voicemail.greeting={greeting}");
                let changes = SettingChange::parse_all(&[pair])?;
                let travel = state.book.find("Travel")?;
                let settings = SettingChange::apply_all(&changes, &travel.settings);
                Ok(state.book.set_settings(&travel.id, settings)?)
            })
        });
    });
    group.finish();
    Ok(())
}

/// Hostile files just under the 1 MiB import limit, and one of 100 MB.
fn import(c: &mut Criterion) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let settings = r#"{"call_pickup":true,"routing":{"mode":"desk_phone"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}}"#;
    let head = r#"{"format":"callprofiles-profiles","version":1,"profiles":["#;
    let many = (1..=4000)
        .map(|i| format!(r#"{{"id":"custom-{i}","name":"P{i}","kind":"custom","settings":{settings}}}"#))
        .collect::<Vec<_>>()
        .join(",");
    let cases = [
        ("valid export (7 profiles)", transfer::encode(&full_book()?)?),
        ("4,000 profiles (0.9 MB)", format!("{head}{many}]}}").into_bytes()),
        (
            "900 kB name",
            format!(
                r#"{head}{{"id":"custom-1","name":"{}","kind":"custom","settings":{settings}}}]}}"#,
                "N".repeat(900_000)
            )
            .into_bytes(),
        ),
        (
            "nesting 400,000 deep",
            format!("{head}{}{}]}}", "[".repeat(400_000), "]".repeat(400_000)).into_bytes(),
        ),
    ];
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    for (name, bytes) in &cases {
        let path = dir.path().join("import.json");
        std::fs::write(&path, bytes)?;
        group.bench_function(format!("read + validate: {name}"), |b| b.iter(|| transfer::read(&path)));
    }
    let huge = dir.path().join("huge.json");
    let file = std::fs::File::create(&huge)?;
    file.set_len(100 * 1024 * 1024)?;
    group.bench_function("refuse a 100 MB file", |b| b.iter(|| transfer::read(black_box(&huge))));
    group.finish();
    check_refused(&huge)?;
    Ok(())
}

/// The 100 MB file must have been refused, not parsed: a benchmark of the wrong path measures nothing.
fn check_refused(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    match transfer::read(path) {
        Err(CoreError::Store(callprofiles_core::StoreError::TooLarge { .. })) => Ok(()),
        other => Err(format!("the 100 MB file was not refused as too large: {:?}", other.err()).into()),
    }
}

/// Voicemail audio as callprofiles-server serves it: a 2-minute message read from a spool laid out as
/// app_voicemail does (G.711 μ-law, and PCM WAV), a 30 s CD-quality greeting made 8 kHz mono, and a
/// 10 GB file in a message's place refused by its size.
fn voicemail_audio(c: &mut Criterion) -> Result<(), Box<dyn std::error::Error>> {
    use callprofiles_core::audio::{Pcm, greeting_from_upload};
    use callprofiles_core::phone_system::asterisk::Spool;
    use callprofiles_core::phone_system::asterisk::voicemail::Mailbox;
    use callprofiles_core::voicemail::MessageId;
    let dir = tempfile::tempdir()?;
    let mailbox = Mailbox::new("201", "default")?;
    let inbox = dir.path().join("default/201/INBOX");
    std::fs::create_dir_all(&inbox)?;
    let seconds = 120;
    let samples: Vec<i16> = (0..8000 * seconds)
        .map(|n| ((n * 37) % 20_000 - 10_000) as i16)
        .collect();
    // 60 s of GSM as Asterisk encoded it (the fuzz seeds: 0.48 s of tones, repeated): `.gsm` frames,
    // and the WAV49 file's 65-byte blocks behind its 60-byte header.
    let gsm = include_bytes!("../../fuzz/seeds/gsm_decode/asterisk-tones.gsm").repeat(125);
    let wav49_seed = include_bytes!("../../fuzz/seeds/gsm_decode/asterisk-tones.WAV");
    let (header, blocks) = wav49_seed.split_at(60);
    let mut wav49 = header.get(..56).ok_or("short WAV49 seed")?.to_vec();
    let blocks = blocks.repeat(125);
    wav49.extend_from_slice(&u32::try_from(blocks.len())?.to_le_bytes());
    wav49.extend_from_slice(&blocks);
    let files: [(&str, &str, Vec<u8>); 5] = [
        ("msg0000", "ulaw", samples.iter().map(|s| (s >> 8) as u8).collect()),
        (
            "msg0001",
            "wav",
            Pcm {
                rate: 8000,
                channels: 1,
                samples: samples.clone(),
            }
            .to_wav()?,
        ),
        ("msg0002", "ulaw", Vec::new()),
        ("msg0003", "gsm", gsm),
        ("msg0004", "WAV", wav49),
    ];
    for (n, (base, extension, bytes)) in files.iter().enumerate() {
        std::fs::write(inbox.join(format!("{base}.txt")), format!("[message]\nmsg_id=1-{n}\n"))?;
        std::fs::write(inbox.join(format!("{base}.{extension}")), bytes)?;
    }
    std::fs::File::options()
        .write(true)
        .open(inbox.join("msg0002.ulaw"))?
        .set_len(10 * 1024 * 1024 * 1024)?;
    let spool = Spool::new(dir.path());
    let upload = Pcm {
        rate: 44100,
        channels: 2,
        samples: (0..44100 * 30 * 2)
            .map(|n| ((n * 13) % 16_000 - 8_000) as i16)
            .collect(),
    }
    .to_wav()?;
    let ids = [
        MessageId::parse("1-0")?,
        MessageId::parse("1-1")?,
        MessageId::parse("1-2")?,
        MessageId::parse("1-3")?,
        MessageId::parse("1-4")?,
    ];
    for id in &ids[3..] {
        let wav = spool.message_audio(&mailbox, id)?;
        let frames = callprofiles_core::audio::read_wav(&wav, usize::MAX)?.samples.len() / 160;
        if frames != 3000 {
            return Err(format!("message {id}: {frames} GSM frames decoded, not 60 s worth").into());
        }
    }
    let mut group = c.benchmark_group("voicemail audio");
    group.sample_size(10);
    group.bench_function("message: 2 min μ-law (0.9 MiB) → PCM WAV", |b| {
        b.iter(|| spool.message_audio(&mailbox, &ids[0]).ok());
    });
    group.bench_function("message: 2 min PCM WAV (1.8 MiB) → PCM WAV", |b| {
        b.iter(|| spool.message_audio(&mailbox, &ids[1]).ok());
    });
    group.bench_function("message: 60 s GSM (97 KiB) → PCM WAV", |b| {
        b.iter(|| spool.message_audio(&mailbox, &ids[3]).ok());
    });
    group.bench_function("message: 60 s WAV49 (95 KiB) → PCM WAV", |b| {
        b.iter(|| spool.message_audio(&mailbox, &ids[4]).ok());
    });
    group.bench_function("refuse a 10 GB message file (by its size)", |b| {
        b.iter(|| spool.message_audio(&mailbox, &ids[2]).err());
    });
    group.bench_function("greeting upload: 30 s 44.1 kHz stereo (5 MiB) → 8 kHz mono", |b| {
        b.iter(|| greeting_from_upload(black_box(&upload)).ok());
    });
    group.finish();
    match spool.message_audio(&mailbox, &MessageId::parse("1-2")?) {
        Err(callprofiles_core::PhoneError::Audio(callprofiles_core::AudioError::TooLarge { .. })) => Ok(()),
        other => Err(format!("the 10 GB file was not refused as too large: {:?}", other.err()).into()),
    }
}

/// Runs every group, reporting a setup failure instead of panicking.
fn all(c: &mut Criterion) {
    let results: [Result<(), Box<dyn std::error::Error>>; 4] = [
        detection(c).map_err(Into::into),
        store(c),
        import(c),
        voicemail_audio(c),
    ];
    if let Some(error) = results.into_iter().find_map(Result::err) {
        eprintln!("benchmark setup failed: {error}");
        std::process::exit(1);
    }
}

criterion_group!(benches, all);
criterion_main!(benches);
