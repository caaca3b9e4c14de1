//! Shared helpers of the crash-safety and hostile-input tests: the CLI binary, a seeded random generator,
//! file snapshots.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// A test's result: `?` on any error fails the test with its message.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The `callprofiles` binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_callprofiles");

/// A `callprofiles --home HOME ARGS…` command, with no inherited home or log settings.
pub fn cli(home: &Path, args: &[String]) -> Command {
    let mut command = Command::new(BIN);
    command
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("CALLPROFILES_HOME")
        .env_remove("RUST_LOG")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env_remove("LANGUAGE");
    command
}

/// Runs the CLI to completion and fails with its stderr unless it succeeded.
pub fn run_ok(home: &Path, args: &[&str]) -> Result<Output, Box<dyn std::error::Error>> {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let output = cli(home, &args).output()?;
    if !output.status.success() {
        return Err(format!(
            "callprofiles {} failed ({}): {}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(output)
}

/// The bytes of a file, or `None` when it does not exist.
pub fn snapshot(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// Whether the running user is root (needed to mount a tiny or read-only file system).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                line.strip_prefix("Uid:")
                    .map(|rest| rest.split_whitespace().next() == Some("0"))
            })
        })
        .unwrap_or(false)
}

/// Whether the tests run in CI (`CI=true`), where a missing capability fails instead of skipping.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// A small seeded generator (splitmix64): the seed is printed so a failure can be replayed with
/// `CALLPROFILES_TEST_SEED=<seed>`.
pub struct Rng(u64);

impl Rng {
    /// Seeded from `CALLPROFILES_TEST_SEED`, else from the clock.
    pub fn from_env(test: &str) -> Self {
        let seed = std::env::var("CALLPROFILES_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("{test}: CALLPROFILES_TEST_SEED={seed}");
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }
}
