//! A private D-Bus bus for one test (`dbus-daemon` on a socket in a new directory), stopped when dropped.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A private bus.
pub struct PrivateBus {
    daemon: Child,
    /// Its address (`unix:path=…`).
    pub address: String,
    _dir: tempfile::TempDir,
}

impl PrivateBus {
    /// Starts `dbus-daemon`; the reason when it cannot (not installed).
    pub fn start() -> Result<Self, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let socket = dir.path().join("bus");
        let address = format!("unix:path={}", socket.display());
        let daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile", "--nosyslog"])
            .arg(format!("--address={address}"))
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("dbus-daemon could not be started ({e}); install the dbus-daemon package"))?;
        let bus = Self {
            daemon,
            address,
            _dir: dir,
        };
        wait_for(Duration::from_secs(5), || socket.exists())
            .then_some(bus)
            .ok_or_else(|| "dbus-daemon did not listen".to_owned())
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        self.daemon.kill().ok();
        self.daemon.wait().ok();
    }
}

/// Whether `done` holds within `limit` (checked every 10 ms).
pub fn wait_for(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    done()
}
