//! Hostile files: an import file of 100 MB, an endless one, deeply nested or huge-valued JSON, and the
//! same in `profiles.json` and `config.json`, are refused quickly with one clear error line, and every
//! file in the home is left byte for byte as it was.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::crash_support::{TestResult, cli, run_ok, snapshot};

/// A hang guard, not a benchmark: a refusal that takes longer than this is a bug.
const HANG_GUARD: Duration = Duration::from_secs(20);

/// Runs `callprofiles --home HOME ARGS…`, killing it if it outlives [`HANG_GUARD`]; returns its output and
/// how long it took.
fn run_guarded(home: &Path, args: &[&str]) -> Result<(Output, Duration), Box<dyn std::error::Error>> {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let started = Instant::now();
    let mut child = cli(home, &args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
    while child.try_wait()?.is_none() {
        if started.elapsed() > HANG_GUARD {
            child.kill()?;
            return Err(format!("callprofiles {} still ran after {HANG_GUARD:?}", args.join(" ")).into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output()?;
    Ok((output, started.elapsed()))
}

/// Runs a command that must be refused: non-zero exit, one short `error:` line holding every one of
/// `words`, no panic, and the home's files unchanged.
fn assert_refused(home: &Path, args: &[&str], words: &[&str]) -> TestResult {
    let files = ["profiles.json", "phone-system.json", "config.json"];
    let before: Vec<_> = files
        .iter()
        .map(|f| snapshot(&home.join(f)))
        .collect::<Result<_, _>>()?;
    let (output, took) = run_guarded(home, args)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!(
        "{:>8.1} ms  callprofiles {}",
        took.as_secs_f64() * 1e3,
        args.join(" ").chars().take(60).collect::<String>()
    );
    assert!(!output.status.success(), "{args:?} should fail");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: not one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    assert!(stderr.len() < 600, "{args:?}: the error is {} bytes long", stderr.len());
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    for word in words {
        assert!(stderr.contains(word), "{args:?} should say {word:?}: {stderr}");
    }
    let after: Vec<_> = files
        .iter()
        .map(|f| snapshot(&home.join(f)))
        .collect::<Result<_, _>>()?;
    assert!(before == after, "{args:?} changed a file in the home");
    Ok(())
}

/// A home holding one custom profile.
fn home_with_a_profile(dir: &Path) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let home = dir.join("home");
    run_ok(&home, &["new", "Car"])?;
    Ok(home)
}

/// The start of an export file, so the size check and not the format check refuses it.
const EXPORT_HEAD: &str = r#"{"format":"callprofiles-profiles","version":1,"profiles":["#;

#[test]
fn a_100_mb_import_is_refused_quickly() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = home_with_a_profile(dir.path())?;
    let path = dir.path().join("huge.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
    file.write_all(EXPORT_HEAD.as_bytes())?;
    let profile = r#"{"id":"custom-1","name":"Car","kind":"custom","settings":{}},"#;
    for _ in 0..(100 * 1024 * 1024 / profile.len()) {
        file.write_all(profile.as_bytes())?;
    }
    file.write_all(b"]}")?;
    file.flush()?;
    drop(file);
    assert!(std::fs::metadata(&path)?.len() >= 100 * 1024 * 1024);
    let path = path.display().to_string();
    assert_refused(&home, &["import", &path], &["too large", "huge.json"])?;
    Ok(())
}

#[test]
fn an_endless_import_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = home_with_a_profile(dir.path())?;
    // Devices are refused before they are opened, never read up to the size bound.
    assert_refused(&home, &["import", "/dev/zero"], &["character device", "/dev/zero"])?;
    assert_refused(&home, &["import", "/dev/urandom"], &["character device"])?;
    Ok(())
}

#[test]
fn deeply_nested_imports_are_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = home_with_a_profile(dir.path())?;
    let depth = 400_000;
    let cases = [
        ("arrays.json", format!("{}{}", "[".repeat(depth), "]".repeat(depth))),
        (
            "objects.json",
            format!("{}1{}", r#"{"a":"#.repeat(depth / 5), "}".repeat(depth / 5)),
        ),
        (
            "in-profiles.json",
            format!("{EXPORT_HEAD}{}{}]}}", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            "in-settings.json",
            format!(
                r#"{EXPORT_HEAD}{{"id":"custom-1","name":"Car","kind":"custom","settings":{}{}}}]}}"#,
                r#"{"a":"#.repeat(depth / 5),
                "}".repeat(depth / 5)
            ),
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text)?;
        assert_refused(
            &home,
            &["import", &path.display().to_string()],
            &["Cannot import", name, "nothing"],
        )?;
    }
    Ok(())
}

#[test]
fn huge_values_and_counts_are_refused_with_short_messages() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = home_with_a_profile(dir.path())?;
    let settings = r#"{"call_pickup":true,"routing":{"mode":"desk_phone"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}}"#;
    let long_name = format!(
        r#"{EXPORT_HEAD}{{"id":"custom-1","name":"{}","kind":"custom","settings":{settings}}}]}}"#,
        "N".repeat(900_000)
    );
    let long_number = format!(
        r#"{EXPORT_HEAD}{{"id":"custom-1","name":"Car","kind":"custom","settings":{}}}]}}"#,
        settings.replace(
            r#"{"mode":"desk_phone"}"#,
            &format!(r#"{{"mode":"forward","number":"{}"}}"#, "9".repeat(900_000))
        )
    );
    let many = format!(
        "{EXPORT_HEAD}{}]}}",
        (1..=4000)
            .map(|i| format!(r#"{{"id":"custom-{i}","name":"P{i}","kind":"custom","settings":{settings}}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let injected = format!(
        r#"{EXPORT_HEAD}{{"id":"custom-1","name":"Car","kind":"custom","settings":{}}}]}}"#,
        settings.replace(
            r#"{"mode":"desk_phone"}"#,
            r#"{"mode":"forward","number":"123\r\nAction: Command\r\nCommand: core stop now"}"#
        )
    );
    for (name, text, words) in [
        ("long-name.json", long_name, &["too long"][..]),
        ("long-number.json", long_number, &["too long"][..]),
        ("many.json", many, &["4000 custom profiles", "at most 4"][..]),
        ("injected.json", injected, &["is not allowed"][..]),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text)?;
        assert_refused(&home, &["import", &path.display().to_string()], words)?;
    }
    Ok(())
}

#[test]
fn hostile_profiles_and_config_files_are_reported_and_kept() -> TestResult {
    let dir = tempfile::tempdir()?;
    let depth = 400_000;
    let nested = format!(
        r#"{{"schema_version":1,"builtin":{}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let huge = format!(r#"{{"schema_version":1,"x":"{}"}}"#, "x".repeat(100 * 1024 * 1024));
    for (index, (file, text, words)) in [
        (
            "profiles.json",
            nested.clone(),
            &["damaged", "profiles.json", "untouched"][..],
        ),
        ("profiles.json", huge.clone(), &["damaged", "larger than"][..]),
        ("config.json", nested, &["config.json"][..]),
        ("config.json", huge, &["config.json"][..]),
    ]
    .into_iter()
    .enumerate()
    {
        let home = home_with_a_profile(&dir.path().join(index.to_string()))?;
        std::fs::write(home.join(file), text)?;
        for args in [&["list"][..], &["set", "office", "call_pickup=off"], &["new", "Bus"]] {
            assert_refused(&home, args, words)?;
        }
    }
    Ok(())
}
