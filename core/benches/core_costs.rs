//! Criterion benchmarks of the core's costs: Detected computation, store load and save, and import of
//! large hostile files. Run with `scripts/bench core` (or `cargo bench -p callprofiles-core`).

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

/// Runs every group, reporting a setup failure instead of panicking.
fn all(c: &mut Criterion) {
    let results: [Result<(), Box<dyn std::error::Error>>; 3] = [detection(c).map_err(Into::into), store(c), import(c)];
    if let Some(error) = results.into_iter().find_map(Result::err) {
        eprintln!("benchmark setup failed: {error}");
        std::process::exit(1);
    }
}

criterion_group!(benches, all);
criterion_main!(benches);
