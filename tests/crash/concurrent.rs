//! Crash safety: several CLI processes writing the same home at once lose no update and never leave a
//! torn `profiles.json` (a reader parses it all along).

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::crash_support::{TestResult, run_ok};
use callprofiles_core::{Settings, Store};

/// Rounds, each starting from a home with no `profiles.json`.
const ROUNDS: usize = 4;

/// What writer `index` does, one process per change: create its custom profile, then give it and its
/// built-in (writers 0–2 own Office, Mobile, Home) a value for every setting, never touched by anyone else.
fn writer_script(index: usize) -> Vec<Vec<String>> {
    let custom = format!("Writer {index}");
    let mut owned = vec![custom.clone()];
    if let Some(builtin) = ["office", "mobile", "home"].get(index) {
        owned.push((*builtin).to_owned());
    }
    let mut steps = vec![vec!["new".to_owned(), custom]];
    for profile in owned {
        for pair in target_pairs(index, &profile) {
            steps.push(vec!["set".to_owned(), profile.clone(), pair]);
        }
    }
    steps
}

/// The seven `KEY=VALUE` pairs writer `index` sets on `profile` (each differs from every default).
fn target_pairs(index: usize, profile: &str) -> Vec<String> {
    let pickup = if profile == "home" { "on" } else { "off" };
    vec![
        format!("call_pickup={pickup}"),
        format!("routing=telecommuter:+48 500 {index}{:02}", profile.len()),
        "voicemail=off".to_owned(),
        "voicemail.ringback=on".to_owned(),
        "voicemail.notification=on".to_owned(),
        "voicemail.playback=computer".to_owned(),
        format!("voicemail.greeting={}", index + 2),
    ]
}

/// The settings `profile` must end with.
fn expected_settings(index: usize, profile: &str) -> Result<Settings, Box<dyn std::error::Error>> {
    let changes = callprofiles_core::SettingChange::parse_all(&target_pairs(index, profile))?;
    let start = match profile {
        "mobile" => Settings::mobile_default(),
        "home" => Settings::home_default(),
        _ => Settings::office_default(),
    };
    Ok(callprofiles_core::SettingChange::apply_all(&changes, &start))
}

/// Reads `profiles.json` until `done`, failing the test on any read that does not parse; returns reads.
fn read_all_along(home: &Path, done: &AtomicBool, failures: &AtomicUsize) -> usize {
    let store = Store::new(home);
    let mut reads = 0;
    while !done.load(Ordering::Relaxed) {
        if let Err(error) = store.load() {
            eprintln!("a reader saw a bad profiles.json: {error}");
            failures.fetch_add(1, Ordering::Relaxed);
        }
        reads += 1;
    }
    reads
}

#[test]
fn concurrent_writers_lose_no_update_and_never_tear_the_file() -> TestResult {
    const WRITERS: usize = 4;
    let mut processes = 0;
    let mut reads = 0;
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir()?;
        let home = dir.path().join("home");
        let done = AtomicBool::new(false);
        let failures = AtomicUsize::new(0);
        let results: Vec<Result<usize, String>> = std::thread::scope(|scope| {
            let reader = scope.spawn(|| read_all_along(&home, &done, &failures));
            let writers: Vec<_> = (0..WRITERS)
                .map(|index| {
                    let home = &home;
                    scope.spawn(move || -> Result<usize, String> {
                        let script = writer_script(index);
                        for step in &script {
                            let args: Vec<&str> = step.iter().map(String::as_str).collect();
                            run_ok(home, &args).map_err(|e| e.to_string())?;
                        }
                        Ok(script.len())
                    })
                })
                .collect();
            let results = writers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|_| Err("a writer thread panicked".to_owned())))
                .collect();
            done.store(true, Ordering::Relaxed);
            reads += reader.join().unwrap_or_default();
            results
        });
        for result in results {
            processes += result.map_err(|e| format!("round {round}: {e}"))?;
        }
        assert_eq!(
            failures.load(Ordering::Relaxed),
            0,
            "round {round}: a reader saw a torn file"
        );

        let book = Store::new(&home).load()?.book;
        assert_eq!(
            book.custom_count(),
            WRITERS,
            "round {round}: a created profile was lost"
        );
        for index in 0..WRITERS {
            let custom = format!("Writer {index}");
            let mut owned = vec![custom];
            owned.extend(["office", "mobile", "home"].get(index).map(|b| (*b).to_owned()));
            for profile in owned {
                assert_eq!(
                    book.find(&profile)?.settings,
                    expected_settings(index, &profile)?,
                    "round {round}: an update of {profile} by writer {index} was lost"
                );
            }
        }
    }
    eprintln!("{ROUNDS} rounds of {WRITERS} concurrent writers: {processes} saves, all kept; {reads} reads, none torn");
    Ok(())
}
