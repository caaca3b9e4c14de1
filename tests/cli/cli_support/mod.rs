//! Shared helpers of the CLI integration tests: a temporary home and runners that check the rules every
//! command follows (a failure is one `error:` line on stderr and leaves every file as it was).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The result of a test.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// What a helper returns.
pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The settings JSON of the fresh Office profile, exactly as the issue documents it.
pub const OFFICE_SETTINGS: &str = r#"{"call_pickup":true,"routing":{"mode":"desk_phone"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}}"#;

/// A temporary callprofiles home.
pub struct Home {
    dir: tempfile::TempDir,
}

/// The `callprofiles` binary with a clean environment and the C locale, so it speaks English.
pub fn bare_command() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_callprofiles"));
    command.env_remove("CALLPROFILES_HOME").env_remove("RUST_LOG");
    in_locale(&mut command, "C");
    command
}

/// Sets the child's locale to `locale` alone (every variable a locale lookup reads).
pub fn in_locale(command: &mut assert_cmd::Command, locale: &str) {
    command
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", locale)
        .env("LANG", locale);
}

impl Home {
    /// A fresh, empty home.
    pub fn new() -> Res<Self> {
        Ok(Self {
            dir: tempfile::tempdir()?,
        })
    }

    /// Its directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A file inside it.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `callprofiles --home <home> ARGS…`, run in the home (so relative file names land there).
    pub fn command(&self, args: &[&str]) -> assert_cmd::Command {
        let mut command = bare_command();
        command
            .current_dir(self.path())
            .arg("--home")
            .arg(self.path())
            .args(args);
        command
    }

    /// Runs a command that must succeed with nothing on stderr; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> Res<String> {
        let output = self.command(args).output()?;
        let stderr = String::from_utf8(output.stderr)?;
        if !output.status.success() || !stderr.is_empty() {
            return Err(format!("{args:?} failed ({}): {stderr}", output.status).into());
        }
        Ok(String::from_utf8(output.stdout)?)
    }

    /// Runs a command that must fail with exactly one `error:` line on stderr, nothing on stdout, and
    /// every file in the home byte-for-byte as before; returns the line without `error: `.
    pub fn fail(&self, args: &[&str]) -> Res<String> {
        let before = self.snapshot()?;
        let output = self.command(args).output()?;
        let after = self.snapshot()?;
        let stderr = String::from_utf8(output.stderr)?;
        if output.status.success() {
            return Err(format!("{args:?} succeeded but should fail").into());
        }
        if before != after {
            return Err(format!("{args:?} failed but changed files in the home").into());
        }
        if !output.stdout.is_empty() {
            return Err(format!("{args:?} failed but printed to stdout").into());
        }
        let line = stderr.strip_suffix('\n').unwrap_or(&stderr);
        if line.contains('\n') || !line.starts_with("error: ") {
            return Err(format!("{args:?}: stderr is not one error line: {stderr:?}").into());
        }
        Ok(line.trim_start_matches("error: ").to_owned())
    }

    /// Every file in the home (recursively) with its bytes, lock file aside.
    pub fn snapshot(&self) -> Res<BTreeMap<PathBuf, Vec<u8>>> {
        let mut files = BTreeMap::new();
        let mut pending = vec![self.path().to_owned()];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir)? {
                let path = entry?.path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.file_name().is_some_and(|n| n != "profiles.lock") {
                    files.insert(path.clone(), std::fs::read(&path)?);
                }
            }
        }
        Ok(files)
    }

    /// Parses the JSON a command prints.
    pub fn json(&self, args: &[&str]) -> Res<serde_json::Value> {
        Ok(serde_json::from_str(&self.ok(args)?)?)
    }
}
