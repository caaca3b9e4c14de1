//! A misbehaving AMI peer against the real binary: `status`, `activate` and `connect` end by the
//! request's deadline whatever the peer does (drip a byte a second in the banner, the Login answer or
//! an action's answer; stream an endless list or an endless line; lie; hang up), with bounded memory.
//! Each run's wall time and peak memory (the child's `ru_maxrss`) are printed; BENCHMARKS.md keeps them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use callprofiles_core::phone_system::asterisk::SECRET_ENV;

use crate::crash_support::{TestResult, cli};
use crate::hostile_support::measure::{Measured, run_measured};
use crate::hostile_support::{FakeAmi, Mode};

const SECRET: &str = "hostile-peer-secret";
/// How long one request may take (the AMI client's `DEFAULT_TIMEOUT`).
const DEADLINE: Duration = Duration::from_secs(5);
/// A command facing a bad peer must end within its deadline plus this (start-up, the error line).
const SLACK: Duration = Duration::from_secs(3);
/// Past this the run is killed and the test fails as a hang.
const HANG_GUARD: Duration = Duration::from_secs(60);
/// Most memory a command may use whatever the peer sends (an honest run takes a few MiB).
const MEMORY_BOUND_MIB: f64 = 64.0;

/// The commands a user runs against the phone system.
const COMMANDS: [&str; 3] = ["status", "activate", "connect"];

/// A home whose `config.json` names the fake on `port`, and whose Office profile differs from an
/// empty AstDB (so `activate office` writes with `DBPut`).
fn home_for(dir: &Path, port: u16) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let home = dir.join("home");
    std::fs::create_dir_all(&home)?;
    std::fs::write(
        home.join("config.json"),
        format!(
            r#"{{"phone_system":{{"kind":"asterisk","host":"127.0.0.1","port":{port},"username":"callprofiles","extension":"201"}}}}"#
        ),
    )?;
    let set = run(&home, port, "set")?;
    if !set.success {
        return Err(format!("set failed: {}", set.stderr).into());
    }
    Ok(home)
}

/// Runs one of [`COMMANDS`] (or `set`, to prepare a home) against the fake on `port`, measured.
fn run(home: &Path, port: u16, command: &str) -> Result<Measured, Box<dyn std::error::Error>> {
    let port = port.to_string();
    let args: Vec<&str> = match command {
        "status" => vec!["status"],
        "activate" => vec!["activate", "office"],
        "set" => vec!["set", "office", "voicemail=off", "call_pickup=off"],
        "call" => vec!["call", "0600700800"],
        _ => vec![
            "connect",
            "asterisk",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--username",
            "callprofiles",
            "--extension",
            "201",
        ],
    };
    let args: Vec<String> = args.into_iter().map(str::to_owned).collect();
    let mut command = cli(home, &args);
    command.env(SECRET_ENV, SECRET);
    run_measured(command, HANG_GUARD)
}

/// Runs every command against a fresh fake in `mode`, each in its own thread (a dripping peer keeps
/// them waiting, not working); returns the runs with their command names.
fn against(mode: Mode, commands: &[&'static str]) -> Result<Vec<(&'static str, Measured)>, Box<dyn std::error::Error>> {
    let runs: Vec<_> = commands
        .iter()
        .map(|&command| {
            std::thread::spawn(move || -> Result<(&'static str, Measured), String> {
                let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
                let fake = FakeAmi::start_in_mode(SECRET, mode).map_err(|e| e.to_string())?;
                let home = home_for(dir.path(), fake.port()).map_err(|e| e.to_string())?;
                let measured = run(&home, fake.port(), command).map_err(|e| format!("{mode:?} {command}: {e}"))?;
                eprintln!("{}", measured.report(&format!("{mode:?} × {command}")));
                Ok((command, measured))
            })
        })
        .collect();
    let mut measured = Vec::new();
    for run in runs {
        measured.push(run.join().map_err(|_| "a run panicked")??);
    }
    Ok(measured)
}

/// Checks the bounds every run against a bad peer keeps: within the deadline plus slack, memory
/// bounded, one line on stderr when it fails, no panic.
fn assert_bounded(mode: Mode, command: &str, run: &Measured) {
    let what = format!("{mode:?} × {command}");
    assert!(
        run.wall < DEADLINE + SLACK,
        "{what} took {:?}: {}",
        run.wall,
        run.stderr
    );
    assert!(run.peak_rss_kib > 0, "{what}: its memory was never sampled");
    assert!(
        run.peak_mib() < MEMORY_BOUND_MIB,
        "{what} peaked at {:.1} MiB",
        run.peak_mib()
    );
    assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
    if !run.success {
        assert_eq!(run.stderr.lines().count(), 1, "{what}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{what}: {}", run.stderr);
    }
}

#[test]
fn an_honest_peer_serves_every_command_as_the_baseline() -> TestResult {
    for (command, run) in against(Mode::Honest, &COMMANDS)? {
        assert!(run.success, "{command}: {}", run.stderr);
        assert_bounded(Mode::Honest, command, &run);
    }
    Ok(())
}

#[test]
fn a_peer_dripping_a_byte_a_second_cannot_hang_any_command() -> TestResult {
    let modes = [
        Mode::DripBanner,
        Mode::DripLogin,
        Mode::DripAnswer("DBPut"),
        Mode::DripAnswer("DBGetTree"),
    ];
    let threads: Vec<_> = modes
        .into_iter()
        .map(|mode| {
            std::thread::spawn(move || {
                against(mode, &COMMANDS)
                    .map(|runs| (mode, runs))
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
    for thread in threads {
        let (mode, runs) = thread.join().map_err(|_| "a mode panicked")??;
        for (command, run) in runs {
            assert_bounded(mode, command, &run);
            // Only `status` never writes: it may succeed while DBPut answers drip.
            let may_succeed = mode == Mode::DripAnswer("DBPut") && command != "activate";
            if !may_succeed {
                assert!(!run.success, "{mode:?} × {command} succeeded");
                assert!(
                    run.stderr.contains("did not answer within"),
                    "{mode:?} × {command}: {}",
                    run.stderr
                );
            }
        }
    }
    Ok(())
}

#[test]
fn an_endless_list_or_line_is_cut_off_and_said_so() -> TestResult {
    for mode in [Mode::EndlessList, Mode::HugeLine] {
        for (command, run) in against(mode, &COMMANDS)? {
            assert_bounded(mode, command, &run);
            assert!(!run.success, "{mode:?} × {command} succeeded");
            assert!(
                run.stderr.contains("sent too much in one answer"),
                "{mode:?} × {command}: {}",
                run.stderr
            );
        }
    }
    Ok(())
}

#[test]
fn a_lying_or_vanishing_peer_is_one_clear_error() -> TestResult {
    for (command, run) in against(Mode::Lies, &["activate"])? {
        assert_bounded(Mode::Lies, command, &run);
        assert!(!run.success && run.stderr.contains("did not keep"), "{}", run.stderr);
    }
    for (command, run) in against(Mode::EarlyClose, &COMMANDS)? {
        assert_bounded(Mode::EarlyClose, command, &run);
        assert!(!run.success, "EarlyClose × {command} succeeded");
        assert!(
            run.stderr.contains("closed the connection"),
            "{command}: {}",
            run.stderr
        );
    }
    Ok(())
}

#[test]
fn a_call_the_pbx_never_reports_on_is_not_a_success() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fake = FakeAmi::start_in_mode(SECRET, Mode::SilentOriginate)?;
    let home = home_for(dir.path(), fake.port())?;
    let mut command = cli(
        &home,
        &["pbx", "set", "routing=telecommuter:0222333444"].map(str::to_owned),
    );
    command.env(SECRET_ENV, SECRET);
    let set = run_measured(command, HANG_GUARD)?;
    assert!(set.success, "{}", set.stderr);
    let call = run(&home, fake.port(), "call")?;
    eprintln!("{}", call.report("SilentOriginate × call"));
    assert!(fake.received().contains("Action: Originate"), "no call was placed");
    assert!(!call.success, "exit 0 without knowing whether the call was answered");
    assert!(
        call.stderr.contains("did not say whether you answered"),
        "{}",
        call.stderr
    );
    assert!(call.wall < Duration::from_secs(45), "{:?}", call.wall);
    Ok(())
}
