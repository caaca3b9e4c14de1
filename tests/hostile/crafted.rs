//! Crafted files and names against the real binary: an import whose custom id is the largest number
//! (id allocation once spun forever holding the lock), ids that pass for a built-in, names with
//! invisible or direction-changing characters, a demo state of another version, a `config.json` that
//! is an array, paths and secret paths full of terminal escapes, and the lock held by someone else.

use std::os::unix::io::AsRawFd;
use std::path::Path;
use std::time::Duration;

use crate::crash_support::{TestResult, cli, run_ok, snapshot};
use crate::hostile_support::measure::{Measured, run_measured};

/// Past this the run is killed and the test fails as a hang.
const HANG_GUARD: Duration = Duration::from_secs(20);
/// A refusal of a crafted file must not wait (the lock-busy case waits its 3 s on purpose).
const QUICK: Duration = Duration::from_secs(2);

const OFFICE: &str = r#"{"call_pickup":true,"routing":{"mode":"desk_phone"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}}"#;

/// An export file holding one custom profile.
fn export_with(id: &str, name: &str) -> String {
    format!(
        r#"{{"format":"callprofiles-profiles","version":1,"profiles":[{{"id":{},"name":{},"kind":"custom","settings":{OFFICE}}}]}}"#,
        serde_json::to_string(id).unwrap_or_default(),
        serde_json::to_string(name).unwrap_or_default()
    )
}

/// Runs `args` measured, printing the figures.
fn run(home: &Path, args: &[&str]) -> Result<Measured, Box<dyn std::error::Error>> {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let run = run_measured(cli(home, &args), HANG_GUARD)?;
    eprintln!(
        "{}",
        run.report(
            &args
                .join(" ")
                .chars()
                .take(70)
                .collect::<String>()
                .escape_debug()
                .to_string()
        )
    );
    Ok(run)
}

/// `args` fails quickly with one `error:` line holding `words`, and no raw control or bidi character.
fn refused(home: &Path, args: &[&str], words: &[&str]) -> TestResult {
    let run = run(home, args)?;
    assert!(!run.success, "{args:?} succeeded: {}", run.stdout);
    assert!(run.wall < QUICK, "{args:?} took {:?}", run.wall);
    assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
    let line = run.stderr.trim_end_matches('\n');
    assert!(
        !line
            .chars()
            .any(|c| c.is_control() || ('\u{200B}'..='\u{202E}').contains(&c)),
        "{args:?}: a raw control character reached the terminal: {line:?}"
    );
    for word in words {
        assert!(line.contains(word), "{args:?} should say {word:?}: {line}");
    }
    Ok(())
}

#[test]
fn the_largest_custom_id_is_refused_and_allocation_never_spins() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    run_ok(&home, &["new", "Car"])?;
    let before = snapshot(&home.join("profiles.json"))?;
    for id in [
        "custom-18446744073709551615",
        "custom-4294967296",
        "custom-99999999999999999999999",
    ] {
        let file = dir.path().join(format!("{id}.json"));
        std::fs::write(&file, export_with(id, "Big"))?;
        refused(
            &home,
            &["import", &file.display().to_string()],
            &["id", "nothing was changed"],
        )?;
    }
    assert_eq!(snapshot(&home.join("profiles.json"))?, before);
    // The same id written into profiles.json by hand: reported as damage, never allocated past.
    let text =
        String::from_utf8(before.unwrap_or_default())?.replace("\"custom-1\"", "\"custom-18446744073709551615\"");
    std::fs::write(home.join("profiles.json"), text)?;
    refused(&home, &["new", "Bus"], &["damaged", "out of range"])?;
    // The highest id allowed imports; the next `new` says no id is left instead of spinning.
    std::fs::remove_file(home.join("profiles.json"))?;
    let file = dir.path().join("highest.json");
    std::fs::write(&file, export_with("custom-4294967295", "Last"))?;
    run_ok(&home, &["import", &file.display().to_string()])?;
    refused(&home, &["new", "Next"], &["custom-4294967295", "never reused"])?;
    run_ok(&home, &["delete", "Last"])?;
    refused(&home, &["new", "Next"], &["never reused"])?;
    Ok(())
}

#[test]
fn ids_and_names_that_pass_for_another_profile_are_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    run_ok(&home, &["new", "Car"])?;
    for id in ["OFFICE", "Home", "biurowy", "DETECTED"] {
        let file = dir.path().join(format!("{id}.json"));
        std::fs::write(&file, export_with(id, "Work"))?;
        refused(&home, &["import", &file.display().to_string()], &["built-in id"])?;
    }
    for name in [
        "Office\u{200B}",
        "\u{202E}raC",
        "Car\u{2066}",
        "Ca\u{00AD}r",
        "\u{FEFF}Home",
    ] {
        refused(&home, &["new", name], &["invisible or direction-changing", "U+"])?;
        refused(&home, &["rename", "Car", name], &["invisible or direction-changing"])?;
        let file = dir.path().join("hidden.json");
        std::fs::write(&file, export_with("custom-7", name))?;
        refused(
            &home,
            &["import", &file.display().to_string()],
            &["invisible or direction-changing"],
        )?;
    }
    let polish = run_measured(
        {
            let mut command = cli(&home, &["new".to_owned(), "Biuro\u{200B}".to_owned()]);
            command.env("LANG", "pl_PL.UTF-8").env("LC_ALL", "pl_PL.UTF-8");
            command
        },
        HANG_GUARD,
    )?;
    assert!(polish.stderr.contains("niewidocznych"), "{}", polish.stderr);
    Ok(())
}

#[test]
fn a_demo_state_of_another_version_or_an_array_config_is_refused_and_kept() -> TestResult {
    let dir = tempfile::tempdir()?;
    for version in [999, 0] {
        let home = dir.path().join(format!("home-{version}"));
        run_ok(&home, &["list"])?;
        std::fs::create_dir_all(&home)?;
        let state = format!(r#"{{"schema_version":{version},"settings":{OFFICE}}}"#);
        std::fs::write(home.join("phone-system.json"), &state)?;
        refused(&home, &["status"], &["phone-system.json"])?;
        refused(&home, &["activate", "office"], &["phone-system.json"])?;
        refused(&home, &["pbx", "set", "call_pickup=off"], &["phone-system.json"])?;
        assert_eq!(std::fs::read_to_string(home.join("phone-system.json"))?, state);
    }
    let home = dir.path().join("home-array");
    std::fs::create_dir_all(&home)?;
    for text in ["[]", " [ ] ", "[{\"kind\":\"builtin\"}]"] {
        std::fs::write(home.join("config.json"), text)?;
        refused(&home, &["status"], &["config.json", "no JSON object"])?;
        assert_eq!(std::fs::read_to_string(home.join("config.json"))?, text);
    }
    Ok(())
}

#[test]
fn escapes_in_paths_and_secret_paths_never_reach_the_terminal() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home)?;
    let evil = dir
        .path()
        .join("\u{1b}[2J\u{1b}]0;pwned\u{7}\nerror: forged\u{202E}.json");
    std::fs::write(&evil, "{}")?;
    refused(
        &home,
        &["import", &evil.display().to_string()],
        &["\\u{001B}[2J", "\\u{000A}error: forged"],
    )?;
    let missing = dir.path().join("gone\u{1b}[31m.json");
    refused(&home, &["import", &missing.display().to_string()], &["\\u{001B}[31m"])?;
    std::fs::write(
        home.join("config.json"),
        format!(
            r#"{{"phone_system":{{"kind":"asterisk","host":"127.0.0.1","port":9,"username":"u","extension":"201","secret_file":{}}}}}"#,
            serde_json::to_string(&dir.path().join("s\u{1b}[8mecret").display().to_string())?
        ),
    )?;
    let mut command = cli(&home, &["status".to_owned()]);
    command.env_remove(callprofiles_core::phone_system::asterisk::SECRET_ENV);
    let run = run_measured(command, HANG_GUARD)?;
    assert!(!run.success);
    assert!(!run.stderr.trim_end().contains('\u{1b}'), "{:?}", run.stderr);
    assert!(run.stderr.contains("s\\u{001B}[8mecret"), "{}", run.stderr);
    Ok(())
}

#[test]
fn a_busy_lock_names_the_file_the_user_knows() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    run_ok(&home, &["new", "Car"])?;
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(home.join("profiles.lock"))?;
    // SAFETY: an exclusive advisory lock on a file descriptor we own.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let run = run(&home, &["new", "Bus"])?;
    assert!(!run.success);
    assert!(run.stderr.contains("profiles.json"), "{}", run.stderr);
    assert!(!run.stderr.contains("profiles.lock"), "{}", run.stderr);
    drop(lock);
    run_ok(&home, &["new", "Bus"])?;
    Ok(())
}
