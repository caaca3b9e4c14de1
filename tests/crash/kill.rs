//! Crash safety: the CLI is killed with SIGKILL at random moments during 1,000 saves (`set`, `new`,
//! `delete`, `rename`, `import`, `activate`); afterwards `profiles.json` always parses and is byte for byte
//! the state before or after the interrupted save (so is the demo phone system's file).

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::crash_support::{Rng, TestResult, cli, run_ok, snapshot};
use callprofiles_core::{Callprofiles, CoreError, ProfileKind, Store};

/// How many saves are interrupted.
const SAVES: usize = 1000;

/// One command that changes the home.
#[derive(Debug)]
enum Op {
    Set { profile: String, pair: String },
    New(String),
    Delete(String),
    Rename(String, String),
    Import(PathBuf),
    Activate(String),
}

impl Op {
    /// The command-line arguments.
    fn args(&self) -> Vec<String> {
        let words: Vec<&str> = match self {
            Op::Set { profile, pair } => vec!["set", profile, pair],
            Op::New(name) => vec!["new", name],
            Op::Delete(name) => vec!["delete", name],
            Op::Rename(from, to) => vec!["rename", from, to],
            Op::Import(path) => return vec!["import".to_owned(), path.display().to_string()],
            Op::Activate(name) => vec!["activate", name],
        };
        words.into_iter().map(str::to_owned).collect()
    }

    /// Does the same in-process through the core, in `home` (the expected state after a finished save).
    fn apply(&self, home: &Path) -> Result<(), CoreError> {
        let mut app = Callprofiles::open(home)?;
        match self {
            Op::Set { profile, pair } => app.set(profile, &[pair]).map(drop),
            Op::New(name) => app.create(name, None).map(drop),
            Op::Delete(name) => app.delete(name).map(drop),
            Op::Rename(from, to) => app.rename(from, to).map(drop),
            Op::Import(path) => app.import(path).map(drop),
            Op::Activate(name) => app.activate(name).map(drop),
        }
    }
}

/// A random `KEY=VALUE` pair (now and then an invalid one, which must change nothing).
fn random_pair(rng: &mut Rng) -> String {
    let on_off = |rng: &mut Rng| if rng.below(2) == 0 { "on" } else { "off" };
    match rng.below(8) {
        0 => format!("call_pickup={}", on_off(rng)),
        1 => {
            let number = format!("+48 600 {:03} {:03}", rng.below(1000), rng.below(1000));
            let mode = rng
                .pick(&["forward", "twinning", "telecommuter"])
                .copied()
                .unwrap_or("forward");
            if rng.below(5) == 0 {
                "routing=desk_phone".to_owned()
            } else {
                format!("routing={mode}:{number}")
            }
        }
        2 => format!("voicemail={}", on_off(rng)),
        3 => format!("voicemail.ringback={}", on_off(rng)),
        4 => format!("voicemail.notification={}", on_off(rng)),
        5 => format!(
            "voicemail.playback={}",
            if rng.below(2) == 0 { "phone" } else { "computer" }
        ),
        6 => format!("voicemail.greeting={}", rng.below(10)).replace("=0", "=default"),
        _ => "voicemail.greeting=12".to_owned(),
    }
}

/// A random command that fits the current profiles (most of them change something).
fn random_op(rng: &mut Rng, home: &Path, imports: &[PathBuf]) -> Result<Op, Box<dyn std::error::Error>> {
    const NAMES: [&str; 8] = ["Car", "Bus", "Train", "Garden", "Night", "Travel", "Lab", "Gym"];
    let profiles = Store::new(home).load()?.book.profiles();
    let custom: Vec<String> = profiles
        .iter()
        .filter(|p| p.kind == ProfileKind::Custom)
        .map(|p| p.name.clone())
        .collect();
    let free: Vec<&str> = NAMES
        .into_iter()
        .filter(|n| !profiles.iter().any(|p| p.name.eq_ignore_ascii_case(n)))
        .collect();
    let any_profile = |rng: &mut Rng| {
        rng.pick(&profiles)
            .map(|p| p.id.to_string())
            .unwrap_or_else(|| "office".to_owned())
    };
    let roll = rng.below(100);
    Ok(match (roll, custom.len()) {
        (0..65, _) => Op::Set {
            profile: any_profile(rng),
            pair: random_pair(rng),
        },
        (65..75, 0..4) => Op::New(rng.pick(&free).copied().unwrap_or("Car").to_owned()),
        (65..82, 1..) => Op::Delete(rng.pick(&custom).cloned().unwrap_or_default()),
        (82..92, 1..) => Op::Rename(
            rng.pick(&custom).cloned().unwrap_or_default(),
            rng.pick(&free).copied().unwrap_or("Car").to_owned(),
        ),
        (92..96, _) => Op::Import(rng.pick(imports).cloned().unwrap_or_default()),
        (_, _) => Op::Activate(any_profile(rng)),
    })
}

/// Writes two export files to import: one with two custom profiles, one with four.
fn write_imports(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    let mut paths = Vec::new();
    for (index, names) in [vec!["Lab", "Gym"], vec!["Car", "Bus", "Train", "Night"]]
        .iter()
        .enumerate()
    {
        let home = dir.join(format!("source-{index}"));
        let mut app = Callprofiles::open(&home)?;
        for name in names {
            app.create(name, Some("home"))?;
            app.set(name, &[format!("routing=forward:+48 700 {index}00 {}", name.len())])?;
        }
        let path = dir.join(format!("export-{index}.json"));
        app.export(&path)?;
        paths.push(path);
    }
    Ok(paths)
}

/// The two files a save may touch.
const FILES: [&str; 2] = ["profiles.json", "phone-system.json"];

/// Copies the home's files into `scratch` (removing what the home lacks).
fn mirror(home: &Path, scratch: &Path) -> std::io::Result<()> {
    for file in FILES {
        match snapshot(&home.join(file))? {
            Some(bytes) => std::fs::write(scratch.join(file), bytes)?,
            None => match std::fs::remove_file(scratch.join(file)) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            },
        }
    }
    Ok(())
}

/// The median time of a finished command, to spread the kills over a command's whole life.
fn median_run_time(home: &Path) -> Result<Duration, Box<dyn std::error::Error>> {
    let mut times = Vec::new();
    for greeting in 1..=9 {
        let start = Instant::now();
        run_ok(home, &["set", "office", &format!("voicemail.greeting={greeting}")])?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times.get(times.len() / 2).copied().unwrap_or(Duration::from_millis(10)))
}

/// How the kills of one batch of saves landed, to aim the next batch's window.
#[derive(Default)]
struct KillBatch {
    /// Killed before the new state was in place.
    early: u32,
    /// Killed after it, or finished.
    late: u32,
}

impl KillBatch {
    /// Saves per batch.
    const SIZE: usize = 50;

    /// The next window: wider when under a quarter of the changing saves got their new state in place,
    /// narrower when under a quarter were interrupted before it; unchanged otherwise.
    fn aimed(&self, window: u64) -> u64 {
        let total = self.early + self.late;
        if total == 0 {
            window
        } else if self.late * 4 < total {
            window.saturating_mul(3) / 2
        } else if self.early * 4 < total {
            (window.saturating_mul(2) / 3).max(1)
        } else {
            window
        }
    }
}

/// The bytes of [`FILES`] in `home`.
type Files = Vec<Option<Vec<u8>>>;

/// Picks a random command, preferring one that changes something (up to four tries), and computes the
/// files before and after it.
fn plan(
    rng: &mut Rng,
    home: &Path,
    scratch: &Path,
    imports: &[PathBuf],
) -> Result<(Op, Files, Files), Box<dyn std::error::Error>> {
    let before: Files = FILES
        .iter()
        .map(|f| snapshot(&home.join(f)))
        .collect::<Result<_, _>>()?;
    let mut attempt = 0;
    loop {
        let op = random_op(rng, home, imports)?;
        mirror(home, scratch)?;
        op.apply(scratch).ok();
        let after: Files = FILES
            .iter()
            .map(|f| snapshot(&scratch.join(f)))
            .collect::<Result<_, _>>()?;
        attempt += 1;
        if after != before || attempt == 4 {
            return Ok((op, before, after));
        }
    }
}

#[test]
fn sigkill_during_saves_leaves_the_state_before_or_after() -> TestResult {
    let mut rng = Rng::from_env("sigkill_during_saves");
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    // The expected states are computed on tmpfs when there is one: same result, no fsync cost.
    let fast = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir())?;
    let scratch = fast.path().to_owned();
    let imports = write_imports(dir.path())?;
    let life = median_run_time(&home)?;
    let mut max_delay = (life.as_micros() as u64).max(1);
    eprintln!("a finished save takes {life:?}; kills land 0..{max_delay} µs after spawn at first");

    let (mut killed_before, mut killed_after, mut finished, mut unchanged) = (0, 0, 0, 0);
    // The kill window follows the machine's speed: a process can take far longer under load than while
    // calibrating, so every batch re-aims the window at the moment the new state is put in place.
    let mut batch = KillBatch::default();
    for save in 0..SAVES {
        if save > 0 && save % KillBatch::SIZE == 0 {
            max_delay = batch.aimed(max_delay);
            batch = KillBatch::default();
        }
        let (op, before, after) = plan(&mut rng, &home, &scratch, &imports)?;

        let mut child = cli(&home, &op.args())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        std::thread::sleep(Duration::from_micros(rng.below(max_delay)));
        child.kill()?;
        let status = child.wait()?;

        for ((file, old), new) in FILES.iter().zip(&before).zip(&after) {
            let now = snapshot(&home.join(file))?;
            assert!(
                now == *old || now == *new,
                "save {save} ({op:?}, {status}): {file} is neither the state before nor after:\n{}",
                String::from_utf8_lossy(now.as_deref().unwrap_or_default())
            );
        }
        if let Err(error) = Store::new(&home).load() {
            panic!("save {save} ({op:?}): profiles.json does not load: {error}");
        }
        let now = snapshot(&home.join(FILES[0]))?;
        match (status.signal() == Some(9), before == after, now == before[0]) {
            (_, true, _) => unchanged += 1,
            (true, false, true) => {
                killed_before += 1;
                batch.early += 1;
            }
            (true, false, false) => {
                killed_after += 1;
                batch.late += 1;
            }
            (false, false, _) => {
                finished += 1;
                batch.late += 1;
            }
        }
    }
    eprintln!("the kill window ended at 0..{max_delay} µs");
    let leftovers = std::fs::read_dir(&home)?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .count();
    eprintln!(
        "{SAVES} saves: {killed_before} killed before the new state was in place, {killed_after} killed after, \
         {finished} finished, {unchanged} changed nothing (refused or same state); {leftovers} temp files left by kills"
    );
    assert!(killed_before >= 100, "too few saves were interrupted to prove anything");
    assert!(
        killed_after + finished >= 50,
        "too few saves completed to prove anything"
    );
    run_ok(&home, &["set", "office", "call_pickup=off"])?;
    assert!(!Store::new(&home).load()?.book.find("office")?.settings.call_pickup);
    Ok(())
}
