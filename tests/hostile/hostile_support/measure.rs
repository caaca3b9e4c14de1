//! Runs the real binary with a hang guard and measures what it cost: wall time, and the child's peak
//! resident memory — the kernel's high-water mark `VmHWM` of `/proc/<pid>/status`, read every
//! millisecond until it exits. (`wait4`'s `ru_maxrss` cannot be used: a child started with vfork
//! inherits the parent's high-water mark at exec, so it reports the test process's size instead.)
//! Samples count only once the child runs its own program: `spawn` can return while the vfork child
//! still shows the parent's memory (the kernel wakes the parent just before it switches the child to
//! the new program's memory), and a test process grown large by another test then reads as the child.

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What one run of the binary did and cost.
#[derive(Debug)]
pub struct Measured {
    /// Whether it exited with status 0.
    pub success: bool,
    /// Its exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
    /// From start to exit.
    pub wall: Duration,
    /// Its peak resident set, in KiB (`VmHWM`, sampled until it exits).
    pub peak_rss_kib: i64,
}

impl Measured {
    /// Peak memory in MiB.
    pub fn peak_mib(&self) -> f64 {
        self.peak_rss_kib as f64 / 1024.0
    }

    /// One line for the test's output: what ran, how long, how much memory.
    pub fn report(&self, what: &str) -> String {
        format!(
            "{:>8.0} ms {:>7.1} MiB peak  exit {:<4} {what}",
            self.wall.as_secs_f64() * 1e3,
            self.peak_mib(),
            self.code.map_or("sig".to_owned(), |c| c.to_string()),
        )
    }
}

/// Runs `command` to completion, killing it (and failing) if it outlives `guard`.
pub fn run_measured(mut command: Command, guard: Duration) -> Result<Measured, Box<dyn std::error::Error>> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command.spawn()?;
    let pid = libc::pid_t::try_from(child.id())?;
    // Drained on threads so a chatty child never blocks on a full pipe.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut pipe) = pipe {
                pipe.read_to_end(&mut text).ok();
            }
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data that wait4 fills in; zeroed is a valid value for it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut peak_rss_kib = 0;
    let own_program = std::fs::read_link("/proc/self/exe")?;
    loop {
        if runs_own_program(pid, &own_program) {
            peak_rss_kib = peak_rss_kib.max(high_water_kib(pid).unwrap_or(0));
        }
        // SAFETY: waits for our own child only, with valid pointers to locals.
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if reaped == pid {
            break;
        }
        if reaped < 0 {
            return Err(std::io::Error::last_os_error().into());
        }
        if started.elapsed() > guard {
            child.kill()?;
            // SAFETY: as above; reaps the killed child.
            unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
            return Err(format!("{command:?} still ran after {guard:?} (peak {peak_rss_kib} KiB): it hangs").into());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let wall = started.elapsed();
    let exit = <ExitStatus as std::os::unix::process::ExitStatusExt>::from_raw(status);
    Ok(Measured {
        success: exit.success(),
        code: exit.code(),
        stdout: stdout.join().map_err(|_| "stdout reader panicked")?,
        stderr: stderr.join().map_err(|_| "stderr reader panicked")?,
        wall,
        peak_rss_kib,
    })
}

/// Whether `pid` has left the test's program for its own: only then is its memory its own. Read
/// before the memory, since once the program has changed, it stays changed.
fn runs_own_program(pid: libc::pid_t, test_program: &std::path::Path) -> bool {
    std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|program| program != test_program)
}

/// The `VmHWM` of a running process, in KiB (`None` once it has exited).
fn high_water_kib(pid: libc::pid_t) -> Option<i64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
}
