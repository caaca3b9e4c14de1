//! Connecting to a real Asterisk through the CLI (`connect`, `status`, `activate`): a tested connection
//! is saved, a wrong secret or a loose secret file is a clear one-line error that saves nothing, and
//! a change made by another AMI client turns the status into Detected, also when the app computes a
//! switch from entries it read before that change.

use std::path::Path;

use crate::asterisk_support::{Res, TestResult, reset_extension, value, with_asterisk};
use callprofiles_core::phone_system::asterisk::{AmiClient, AmiSecret, AsteriskPhoneSystem};
use callprofiles_core::{ApplicableSettings, PhoneSystem, SettingChange, Settings};

/// `callprofiles --home HOME ARGS…` with a clean environment.
fn cli(home: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_callprofiles"));
    command
        .env_remove("CALLPROFILES_HOME")
        .env_remove("CALLPROFILES_AMI_SECRET")
        .env_remove("RUST_LOG")
        .env("LC_ALL", "C")
        .env_remove("LANGUAGE")
        .arg("--home")
        .arg(home)
        .args(args);
    command
}

/// Runs a command that must succeed; returns its stdout.
fn ok(home: &Path, args: &[&str]) -> Res<String> {
    let output = cli(home, args).output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("{args:?} failed: {stderr}").into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

/// Runs a command that must fail; returns its one stderr line.
fn fails(home: &Path, args: &[&str]) -> Res<String> {
    let output = cli(home, args).output()?;
    if output.status.success() {
        return Err(format!("{args:?} succeeded").into());
    }
    let stderr = String::from_utf8(output.stderr)?;
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    Ok(stderr.trim_end().to_owned())
}

/// Writes a secret file with the given mode.
fn secret_file(dir: &Path, text: &str, mode: u32) -> Res<std::path::PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("secret");
    std::fs::write(&path, format!("{text}\n"))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))?;
    Ok(path)
}

/// The `connect asterisk` arguments for extension `ext` and a secret file.
fn connect_args<'a>(port: &'a str, ext: &'a str, secret: &'a str) -> Vec<&'a str> {
    vec![
        "connect",
        "asterisk",
        "--host",
        "127.0.0.1",
        "--port",
        port,
        "--username",
        crate::asterisk_support::APP_USER,
        "--extension",
        ext,
        "--secret-file",
        secret,
    ]
}

#[test]
fn connect_tests_then_saves_and_status_reads_the_asterisk() -> TestResult {
    with_asterisk("connect_and_status", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "230")?;
        let home = tempfile::tempdir()?;
        let secret = secret_file(home.path(), &asterisk.secret, 0o600)?;
        let port = asterisk.port.to_string();
        let text = ok(home.path(), &connect_args(&port, "230", &secret.to_string_lossy()))?;
        assert!(
            text.starts_with(&format!("Connected to Asterisk at 127.0.0.1:{port}")),
            "{text}"
        );
        let config: serde_json::Value = serde_json::from_slice(&std::fs::read(home.path().join("config.json"))?)?;
        assert_eq!(config["phone_system"]["kind"], "asterisk");
        assert_eq!(config["phone_system"]["extension"], "230");
        assert!(!std::fs::read_to_string(home.path().join("config.json"))?.contains(&asterisk.secret));
        // A fresh extension reads as Office.
        let status: serde_json::Value = serde_json::from_str(&ok(home.path(), &["status", "--json"])?)?;
        assert_eq!(status["active"], "office");
        assert!(
            status["phone_system"]
                .as_str()
                .is_some_and(|s| s.starts_with("Asterisk at 127.0.0.1"))
        );
        ok(home.path(), &["connect", "builtin"])?;
        let config: serde_json::Value = serde_json::from_slice(&std::fs::read(home.path().join("config.json"))?)?;
        assert_eq!(config["phone_system"]["kind"], "builtin");
        Ok(())
    })
}

#[test]
fn wrong_secret_is_one_clear_line_and_saves_nothing() -> TestResult {
    with_asterisk("wrong_secret", |asterisk| {
        let home = tempfile::tempdir()?;
        let secret = secret_file(home.path(), "not-the-secret", 0o600)?;
        let port = asterisk.port.to_string();
        let error = fails(home.path(), &connect_args(&port, "231", &secret.to_string_lossy()))?;
        assert_eq!(
            error,
            "error: The phone system rejected the login for user \"callprofiles\": check the user name and secret."
        );
        assert!(!home.path().join("config.json").exists());
        Ok(())
    })
}

#[test]
fn loose_secret_file_is_refused_with_the_reason() -> TestResult {
    with_asterisk("loose_secret_file", |asterisk| {
        let home = tempfile::tempdir()?;
        let secret = secret_file(home.path(), &asterisk.secret, 0o644)?;
        let port = asterisk.port.to_string();
        let error = fails(home.path(), &connect_args(&port, "232", &secret.to_string_lossy()))?;
        assert!(
            error.contains("permissions 0644") && error.contains("chmod 600"),
            "{error}"
        );
        assert!(!error.contains(&asterisk.secret), "{error}");
        assert!(!home.path().join("config.json").exists());
        Ok(())
    })
}

#[test]
fn change_by_another_ami_client_shows_as_detected() -> TestResult {
    with_asterisk("detected", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "233")?;
        let home = asterisk.home("233")?;
        ok(home.path(), &["set", "Home", "routing=forward:0700100200"])?;
        ok(home.path(), &["activate", "Home"])?;
        let status: serde_json::Value = serde_json::from_str(&ok(home.path(), &["status", "--json"])?)?;
        assert_eq!(status["active"], "home");
        // An administrator (or a feature code) changes the forward target behind the app's back.
        admin.db_put(&value("CF")?, &value("233")?, &value("0800999888")?)?;
        let status: serde_json::Value = serde_json::from_str(&ok(home.path(), &["status", "--json"])?)?;
        assert_eq!(status["detected"], true, "{status}");
        assert_eq!(status["active"], serde_json::Value::Null);
        assert_eq!(status["live"]["routing"]["number"], "0800999888");
        // Someone switches voicemail off in our family: still Detected, now with voicemail off.
        admin.db_put(&value("CALLPROFILES")?, &value("233/voicemail")?, &value("off")?)?;
        let status: serde_json::Value = serde_json::from_str(&ok(home.path(), &["status", "--json"])?)?;
        assert_eq!(status["live"]["voicemail"]["enabled"], false);
        // Re-activating the profile undoes both.
        ok(home.path(), &["activate", "Home"])?;
        let status: serde_json::Value = serde_json::from_str(&ok(home.path(), &["status", "--json"])?)?;
        assert_eq!(status["active"], "home");
        Ok(())
    })
}

/// A custom device state (phone lamp), e.g. `Custom:CF236`.
fn lamp(admin: &mut AmiClient, device: &str) -> Res<String> {
    Ok(admin.getvar(&value(format!("DEVICE_STATE({device})"))?)?)
}

#[test]
fn a_switch_from_stale_known_entries_still_reaches_the_profile() -> TestResult {
    with_asterisk("stale_known_entries", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "236")?;
        let secret = AmiSecret::new(&asterisk.secret)?;
        let mut phone = AsteriskPhoneSystem::with_secret(asterisk.config("236", None)?, secret);
        let away = SettingChange::apply_all(
            &SettingChange::parse_all(&["routing=forward:600100200", "call_pickup=off"])?,
            &Settings::office_default(),
        );
        let away = ApplicableSettings::check("Away", &away)?;
        phone.apply(&away)?;
        assert_eq!(lamp(&mut admin, "Custom:CF236")?, "BUSY");
        // Again, from the entries just read back: nobody changed them, so one round of writes.
        phone.apply(&away)?;
        assert_eq!(phone.rewrites(), 0);

        // Behind the app's back (its known entries still say Away): the forward is gone (so the app's
        // DBDel finds nothing), pickup is on already, a telecommuter number and a second phone appear.
        let (own, user) = (value("CALLPROFILES")?, value("AMPUSER")?);
        admin.db_del(&value("CF")?, &value("236")?)?;
        admin.db_put(&own, &value("236/pickup")?, &value("on")?)?;
        admin.db_put(&own, &value("236/telecommuter")?, &value("0222")?)?;
        admin.db_put(&user, &value("236/device")?, &value("236&236b")?)?;
        admin.setvar(&value("DEVICE_STATE(Custom:FOLLOWME236b)")?, &value("INUSE")?)?;

        let office = Settings::office_default();
        assert_eq!(phone.apply(&ApplicableSettings::check("Office", &office)?)?, office);
        assert_eq!(
            phone.rewrites(),
            1,
            "the stale entries were noticed and the writes made again"
        );
        assert_eq!(admin.db_get(&value("CF")?, &value("236")?)?, None);
        assert_eq!(admin.db_get(&own, &value("236/telecommuter")?)?, None);
        assert_eq!(admin.db_get(&own, &value("236/pickup")?)?.as_deref(), Some("on"));
        assert_eq!(lamp(&mut admin, "Custom:CF236")?, "NOT_INUSE");
        assert_eq!(lamp(&mut admin, "Custom:FOLLOWME236b")?, "NOT_INUSE");
        let mut fresh =
            AsteriskPhoneSystem::with_secret(asterisk.config("236", None)?, AmiSecret::new(&asterisk.secret)?);
        assert_eq!(fresh.read()?, office);
        assert_eq!(phone.reconnects(), 0);
        Ok(())
    })
}

#[test]
fn bad_extension_or_host_is_refused_before_connecting() -> TestResult {
    // Validation happens before the network: a bad extension or host never reaches Asterisk.
    let home = tempfile::tempdir()?;
    let error = fails(home.path(), &connect_args("5038", "20 1", "/nonexistent"))?;
    assert!(error.contains("not an extension number"), "{error}");
    let error = fails(
        home.path(),
        &[
            "connect",
            "asterisk",
            "--host",
            "pbx host",
            "--username",
            "u",
            "--extension",
            "201",
        ],
    )?;
    assert!(error.contains("not a host name"), "{error}");
    assert!(!home.path().join("config.json").exists());
    Ok(())
}
