//! Startup benchmark of the app against the floor (`benches/floor`), run by `scripts/bench startup` under
//! Xvfb: alternating the two several times, it measures the time from spawning the process to the end of
//! its first frame, peak RSS, CPU time, and frames painted while idle, then prints medians and the app's
//! ratio to the floor. Both report frames through `callprofiles::gui::bench_report`.
//!
//! Settings (environment): `CALLPROFILES_BENCH_ROUNDS` (default 9), `CALLPROFILES_BENCH_IDLE_SECONDS`
//! (default 10), `CALLPROFILES_BENCH_FLOOR` (default: `examples/floor` beside the app binary).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use callprofiles::gui::bench_report::REPORT_ENV;

/// A failure of the benchmark itself.
type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// How long after the first frame the idle window starts (the start-up work settles first).
const SETTLE: Duration = Duration::from_secs(1);

/// What one run measured.
#[derive(Clone, Copy, Debug)]
struct Sample {
    first_frame_ms: f64,
    peak_rss_mb: f64,
    cpu_total_ms: f64,
    cpu_idle_ms: f64,
    frames_total: f64,
    frames_idle: f64,
}

/// Which program a run starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Program {
    Floor,
    App,
}

/// The probe's report: when the first frame ended, and how many frames so far.
fn read_report(path: &Path) -> Option<(u128, u64)> {
    let text = std::fs::read_to_string(path).ok()?;
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix('='))
            .map(str::to_owned)
    };
    Some((
        field("first_frame_end_unix_ns")?.parse().ok()?,
        field("frames")?.parse().ok()?,
    ))
}

/// Nanoseconds since the epoch.
fn now_ns() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// CPU time of every live thread of `pid`, in ms, from `/proc/PID/task/*/schedstat` (nanosecond precise).
fn threads_cpu_ms(pid: u32) -> Res<f64> {
    let mut total_ns = 0u64;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))? {
        let schedstat = std::fs::read_to_string(task?.path().join("schedstat")).unwrap_or_default();
        total_ns += schedstat
            .split_whitespace()
            .next()
            .and_then(|ns| ns.parse::<u64>().ok())
            .unwrap_or(0);
    }
    Ok(total_ns as f64 / 1e6)
}

/// Waits for the (killed) child `pid` and returns its CPU time, user + system of every thread, in ms
/// (`wait4`'s resource usage: precise, unlike the clock ticks of `/proc/PID/stat`).
fn reap_cpu_ms(pid: u32) -> Res<f64> {
    let pid = libc::pid_t::try_from(pid)?;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `status` and `usage` are valid for writes for the duration of the call.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if reaped != pid {
        return Err(format!("wait4 failed: {}", std::io::Error::last_os_error()).into());
    }
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    Ok(ms(usage.ru_utime) + ms(usage.ru_stime))
}

/// Peak resident memory of `pid` in MB (`VmHWM`).
fn peak_rss_mb(pid: u32) -> Res<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kb = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
        .ok_or("no VmHWM")?;
    Ok(kb / 1024.0)
}

/// Starts `program`, waits for its first frame and the idle window, measures, and kills it.
fn run_once(program: Program, app: &Path, floor: &Path, idle: Duration) -> Res<Sample> {
    let dir = tempfile::tempdir()?;
    let report = dir.path().join("report");
    let mut command = match program {
        Program::Floor => Command::new(floor),
        Program::App => {
            let mut command = Command::new(app);
            command.arg("--home").arg(dir.path().join("home"));
            command
        }
    };
    command
        .env(REPORT_ENV, &report)
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let spawned_ns = now_ns();
    let mut child = command.spawn()?;
    let result = measure(child.id(), &report, spawned_ns, idle);
    child.kill()?;
    let cpu_total_ms = reap_cpu_ms(child.id())?;
    result.map(|sample| Sample { cpu_total_ms, ..sample })
}

/// The measurements of a running process.
fn measure(pid: u32, report: &Path, spawned_ns: u128, idle: Duration) -> Res<Sample> {
    let waiting = Instant::now();
    let (first_ns, _) = loop {
        if let Some(seen) = read_report(report) {
            break seen;
        }
        if waiting.elapsed() > Duration::from_secs(60) {
            return Err("no first frame within 60 s (is DISPLAY set?)".into());
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let first_frame_ms = first_ns.saturating_sub(spawned_ns) as f64 / 1e6;
    let idle_start = Instant::now() + SETTLE.saturating_sub(Duration::from_nanos((now_ns() - first_ns) as u64));
    std::thread::sleep(idle_start.saturating_duration_since(Instant::now()));
    let (cpu_before, frames_before) = (threads_cpu_ms(pid)?, read_report(report).map_or(0, |r| r.1));
    std::thread::sleep(idle);
    let (cpu_after, frames_after) = (threads_cpu_ms(pid)?, read_report(report).map_or(0, |r| r.1));
    Ok(Sample {
        first_frame_ms,
        peak_rss_mb: peak_rss_mb(pid)?,
        cpu_total_ms: 0.0,
        cpu_idle_ms: cpu_after - cpu_before,
        frames_total: frames_after as f64,
        frames_idle: frames_after.saturating_sub(frames_before) as f64,
    })
}

/// The median of some values.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// One row of the table: its name, how to read it from a sample, and the target ratio.
type Row = (&'static str, fn(&Sample) -> f64, &'static str);

/// Prints the table of medians and ratios.
fn print_table(floor: &[Sample], app: &[Sample], idle: Duration) {
    let rows: [Row; 6] = [
        ("time to first frame (ms)", |s| s.first_frame_ms, "≤ 1.15×"),
        ("peak RSS (MB)", |s| s.peak_rss_mb, "≤ 1.15×"),
        ("CPU, start + idle (ms)", |s| s.cpu_total_ms, "≤ 1.05×"),
        ("CPU while idle (ms)", |s| s.cpu_idle_ms, "≤ 1.05×"),
        ("frames, start + idle", |s| s.frames_total, ""),
        ("repaints while idle", |s| s.frames_idle, "0"),
    ];
    println!(
        "\nStartup vs floor: medians of {} runs each, alternating; idle window {} s from 1 s after the first frame",
        floor.len(),
        idle.as_secs()
    );
    println!(
        "| {:<26} | {:>9} | {:>9} | {:>7} | {:>7} |",
        "metric", "floor", "app", "ratio", "target"
    );
    println!("|{:-<28}|{:->11}|{:->11}|{:->9}|{:->9}|", "", "", "", "", "");
    for (name, get, target) in rows {
        let f = median(floor.iter().map(get).collect());
        let a = median(app.iter().map(get).collect());
        let ratio = if f > 0.0 {
            format!("{:.2}×", a / f)
        } else {
            "—".to_owned()
        };
        println!("| {name:<26} | {f:>9.1} | {a:>9.1} | {ratio:>7} | {target:>7} |");
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("startup benchmark failed: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Res<()> {
    let setting = |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let rounds = setting("CALLPROFILES_BENCH_ROUNDS", 9);
    let idle = Duration::from_secs(setting("CALLPROFILES_BENCH_IDLE_SECONDS", 10));
    let app = PathBuf::from(env!("CARGO_BIN_EXE_callprofiles"));
    let floor = std::env::var_os("CALLPROFILES_BENCH_FLOOR")
        .map(PathBuf::from)
        .or_else(|| Some(app.parent()?.join("examples").join("floor")))
        .ok_or("no floor binary")?;
    if !floor.exists() {
        return Err(format!("{} is missing: cargo build --release --example floor", floor.display()).into());
    }
    let (mut floors, mut apps) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [Program::Floor, Program::App]
        } else {
            [Program::App, Program::Floor]
        };
        for program in order {
            let sample = run_once(program, &app, &floor, idle)?;
            let name = if program == Program::Floor { "floor" } else { "app" };
            eprintln!("round {round} {name:<5} {sample:?}");
            match program {
                Program::Floor => floors.push(sample),
                Program::App => apps.push(sample),
            }
        }
    }
    print_table(&floors, &apps, idle);
    Ok(())
}
