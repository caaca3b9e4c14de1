//! The startup benchmark's probe (`scripts/bench startup`): when `CALLPROFILES_BENCH_REPORT` names a file,
//! each frame's end rewrites it with the wall-clock time at which the first frame ended and the number of
//! frames so far. Unset (always, outside the benchmark) it costs one check per frame.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable naming the report file.
pub const REPORT_ENV: &str = "CALLPROFILES_BENCH_REPORT";

/// Where to report, and what was seen so far.
struct Probe {
    path: PathBuf,
    frames: AtomicU64,
    first_frame_end_ns: OnceLock<u128>,
}

/// The probe of this process, set up on the first frame.
static PROBE: OnceLock<Option<Probe>> = OnceLock::new();

/// Marks a frame: hold the guard for the whole `ui` call; the frame counts as ended when it drops.
#[must_use = "the frame ends when the guard drops: bind it for the whole ui() call"]
pub fn frame() -> FrameGuard {
    FrameGuard(())
}

/// Ends a frame when dropped (see [`frame`]).
pub struct FrameGuard(());

impl Drop for FrameGuard {
    fn drop(&mut self) {
        let probe = PROBE.get_or_init(|| {
            std::env::var_os(REPORT_ENV).map(|path| Probe {
                path: PathBuf::from(path),
                frames: AtomicU64::new(0),
                first_frame_end_ns: OnceLock::new(),
            })
        });
        if let Some(probe) = probe {
            probe.frame_ended();
        }
    }
}

impl Probe {
    /// Counts the frame and rewrites the report (through a rename, so a reader never sees half of it).
    fn frame_ended(&self) {
        let frames = self.frames.fetch_add(1, Ordering::Relaxed) + 1;
        let first = self.first_frame_end_ns.get_or_init(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        });
        let text = format!("first_frame_end_unix_ns={first}\nframes={frames}\n");
        let temp = self.path.with_extension("tmp");
        std::fs::write(&temp, text)
            .and_then(|()| std::fs::rename(&temp, &self.path))
            .ok();
    }
}
