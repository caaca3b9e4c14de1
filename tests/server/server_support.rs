//! The real `callprofiles-server` binary for the end-to-end tests: built by cargo (it is another package
//! of the workspace, so `CARGO_BIN_EXE_…` does not name it), initialised in a temporary directory against
//! the test Asterisk's `[callprofiles-server]` AMI user, served on a free port over real TLS.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::asterisk_support::{Asterisk, Res};

/// The server's AMI user in the test Asterisk (scripts/asterisk/write-config.sh).
const SERVER_AMI_USER: &str = "callprofiles-server";

/// The server binary, built once per test run.
fn server_binary() -> Res<PathBuf> {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
            let status = Command::new(cargo)
                .args(["build", "--quiet", "-p", "callprofiles-server"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .map_err(|e| format!("cannot run cargo build: {e}"))?;
            if !status.success() {
                return Err("cargo build -p callprofiles-server failed".to_owned());
            }
            // The test binary lives in target/<profile>/deps; the server binary one level up.
            let exe = std::env::current_exe().map_err(|e| e.to_string())?;
            let dir = exe
                .parent()
                .and_then(Path::parent)
                .ok_or("no target directory")?
                .to_path_buf();
            let binary = dir.join("callprofiles-server");
            if binary.exists() {
                Ok(binary)
            } else {
                Err(format!("{} was not built", binary.display()))
            }
        })
        .clone()
        .map_err(Into::into)
}

/// A running server.
pub struct Server {
    /// Its directory.
    pub dir: tempfile::TempDir,
    /// Its HTTPS port on 127.0.0.1.
    pub port: u16,
    /// Its certificate's fingerprint as `init` printed it.
    pub fingerprint: String,
    child: Option<Child>,
}

impl Server {
    /// Initialises and starts a server against `asterisk`; returns once it accepts connections.
    pub fn start(asterisk: &Asterisk) -> Res<Self> {
        let dir = tempfile::tempdir()?;
        let secret = dir.path().join("ami-secret.txt");
        std::fs::write(&secret, format!("{}\n", asterisk.secret))?;
        #[cfg(unix)]
        std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let server_dir = dir.path().join("server");
        let output = Command::new(server_binary()?)
            .args(["init", "--dir"])
            .arg(&server_dir)
            .args(["--ami-host", "127.0.0.1", "--ami-port", &asterisk.port.to_string()])
            .args(["--ami-username", SERVER_AMI_USER, "--ami-secret-file"])
            .arg(&secret)
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .arg("--spool-dir")
            .arg(spool_dir(asterisk))
            .output()?;
        if !output.status.success() {
            return Err(format!("init failed: {}", String::from_utf8_lossy(&output.stderr)).into());
        }
        let stdout = String::from_utf8(output.stdout)?;
        let fingerprint = stdout.lines().last().ok_or("init printed nothing")?.trim().to_owned();
        let mut server = Self {
            dir,
            port,
            fingerprint,
            child: None,
        };
        server.run()?;
        Ok(server)
    }

    /// The server directory.
    pub fn server_dir(&self) -> PathBuf {
        self.dir.path().join("server")
    }

    /// `https://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    /// Starts `run` and waits until the port accepts connections.
    pub fn run(&mut self) -> Res<()> {
        let child = Command::new(server_binary()?)
            .args(["run", "--dir"])
            .arg(self.server_dir())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err("the server did not start listening within 10 s".into())
    }

    /// Kills the server at once (`kill -9`).
    pub fn kill(&mut self) -> Res<()> {
        if let Some(mut child) = self.child.take() {
            child.kill()?;
            child.wait()?;
        }
        Ok(())
    }

    /// Runs the server's command line on its directory (`ARGS… --dir DIR`); its standard output.
    pub fn command(&self, args: &[&str]) -> Res<String> {
        let output = Command::new(server_binary()?)
            .args(args)
            .arg("--dir")
            .arg(self.server_dir())
            .output()?;
        if !output.status.success() {
            return Err(format!("{args:?} failed: {}", String::from_utf8_lossy(&output.stderr)).into());
        }
        Ok(String::from_utf8(output.stdout)?)
    }

    /// `user add EXT`: the one-time code (the second-to-last line).
    pub fn add_user(&self, extension: &str) -> Res<String> {
        let stdout = self.command(&["user", "add", extension])?;
        let lines: Vec<&str> = stdout.lines().collect();
        let code = lines
            .len()
            .checked_sub(2)
            .and_then(|i| lines.get(i))
            .ok_or("no code printed")?;
        Ok(code.trim().to_owned())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill().ok();
    }
}

/// The `callprofiles` binary on `home`, in English (C locale).
pub fn callprofiles(home: &Path) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_callprofiles"));
    command
        .env_remove("CALLPROFILES_HOME")
        .env_remove("CALLPROFILES_AMI_SECRET")
        .env_remove("RUST_LOG")
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .arg("--home")
        .arg(home);
    command
}

/// The test Asterisk's voicemail spool seen from outside its chroot (scripts/asterisk/env.sh:
/// `<chroot>/srv/callprofiles/<port>/spool/voicemail`), which the server reads as it would
/// `/var/spool/asterisk/voicemail` beside a real PBX.
pub fn spool_dir(asterisk: &Asterisk) -> PathBuf {
    let chroot = std::env::var("CALLPROFILES_ASTERISK_CHROOT")
        .unwrap_or_else(|_| "/var/cache/callprofiles/asterisk-chroot".to_owned());
    Path::new(&chroot)
        .join("srv/callprofiles")
        .join(asterisk.port.to_string())
        .join("spool/voicemail")
}

/// `connect server` for `extension` with `code`; returns (success, stdout, stderr).
pub fn connect(
    home: &Path,
    server: &Server,
    extension: &str,
    code: &str,
    fingerprint: &str,
) -> Res<(bool, String, String)> {
    let output = callprofiles(home)
        .args([
            "connect",
            "server",
            &server.url(),
            "--extension",
            extension,
            "--code",
            code,
        ])
        .args(["--fingerprint", fingerprint])
        .output()?;
    Ok((
        output.status.success(),
        String::from_utf8(output.stdout)?,
        String::from_utf8(output.stderr)?,
    ))
}

/// Every file under `dir` (recursively).
pub fn files_under(dir: &Path) -> Res<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}
