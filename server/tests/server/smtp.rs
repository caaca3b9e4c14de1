//! A real SMTP server on loopback for the mail tests: Debian's aiosmtpd (`python3-aiosmtpd`, installed
//! by scripts/test-all) running `smtp_sink.py` on a port the system picks; each message it receives is
//! a file. Missing under `CI=true` is a failure, otherwise the test skips saying why.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::Res;

/// Debian's Python, which has python3-aiosmtpd (not a pyenv or venv one found first on PATH).
const PYTHON: &str = "/usr/bin/python3";

/// One received e-mail.
#[derive(Clone, Debug)]
pub struct Received {
    /// The envelope's recipients.
    pub recipients: Vec<String>,
    /// The message as sent.
    pub raw: Vec<u8>,
}

/// The running SMTP server (stopped when dropped).
pub struct SmtpSink {
    child: Child,
    folder: tempfile::TempDir,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl SmtpSink {
    /// Starts one; `None` (after saying why) when aiosmtpd is missing and not under `CI=true`.
    pub fn start() -> Res<Option<Self>> {
        Self::start_with(&[])
    }

    /// Starts one that requires STARTTLS with the certificate and key (PEM files) and then a login
    /// as `user` with `password`.
    pub fn start_tls(cert: &std::path::Path, key: &std::path::Path, user: &str, password: &str) -> Res<Option<Self>> {
        Self::start_with(&[cert.as_os_str(), key.as_os_str(), user.as_ref(), password.as_ref()])
    }

    /// The logins tried so far (`USER ok` / `USER refused`).
    pub fn logins(&self) -> Res<String> {
        Ok(std::fs::read_to_string(self.folder.path().join("auth.log")).unwrap_or_default())
    }

    /// Starts the script with extra arguments.
    fn start_with(args: &[&std::ffi::OsStr]) -> Res<Option<Self>> {
        let folder = tempfile::tempdir()?;
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/server/smtp_sink.py");
        let has_aiosmtpd = Command::new(PYTHON)
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !has_aiosmtpd {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                return Err("CI=true but no SMTP server for the tests: install python3-aiosmtpd".into());
            }
            eprintln!("skipped: no SMTP server for the tests (apt-get install python3-aiosmtpd)");
            return Ok(None);
        }
        let mut child = Command::new(PYTHON)
            .arg(&script)
            .arg(folder.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let port = line
            .trim()
            .strip_prefix("listening on ")
            .ok_or_else(|| format!("the SMTP server said {line:?}"))?
            .parse()?;
        Ok(Some(Self { child, folder, port }))
    }

    /// Every e-mail received so far, in order.
    pub fn received(&self) -> Res<Vec<Received>> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.folder.path())?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|eml| {
                Ok(Received {
                    recipients: std::fs::read_to_string(eml.with_extension("rcpt"))?
                        .lines()
                        .map(str::to_owned)
                        .collect(),
                    raw: std::fs::read(&eml)?,
                })
            })
            .collect()
    }

    /// Waits up to `wait` until at least `count` e-mails arrived; all of them.
    pub fn wait_for(&self, count: usize, wait: Duration) -> Res<Vec<Received>> {
        let deadline = Instant::now() + wait;
        loop {
            let received = self.received()?;
            if received.len() >= count {
                return Ok(received);
            }
            if Instant::now() > deadline {
                return Err(format!("{} e-mail(s) within {wait:?}, not {count}", received.len()).into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}
