//! CLI integration tests: files and homes (export, import, damaged or newer profiles.json, the lock,
//! CALLPROFILES_HOME and --home) and command-line usage errors.

use crate::cli_support::{Home, OFFICE_SETTINGS, TestResult, bare_command};

/// Every command that reads profiles.json, with its arguments.
const COMMANDS: [&[&str]; 13] = [
    &["list"],
    &["list", "--json"],
    &["show", "office"],
    &["status", "--json"],
    &["activate", "office"],
    &["new", "Car"],
    &["rename", "car", "Van"],
    &["delete", "car"],
    &["set", "office", "voicemail=off"],
    &["save-detected", "Car"],
    &["export", "out.json"],
    &["import", "in.json"],
    &["status"],
];

#[test]
fn export_then_import_restores_every_profile() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car", "--from", "home"])?;
    home.ok(&["set", "car", "routing=forward:123456"])?;
    home.ok(&["set", "office", "voicemail.greeting=3"])?;
    let backup = home.file("backup.json");
    let backup_arg = backup.to_str().ok_or("path")?;
    let text = home.ok(&["export", backup_arg])?;
    assert_eq!(text.trim_end(), format!("Exported 4 profiles to {backup_arg}."));
    let exported: serde_json::Value = serde_json::from_slice(&std::fs::read(&backup)?)?;
    assert_eq!(exported["format"], "callprofiles-profiles");
    assert_eq!(exported["version"], 1);
    assert_eq!(
        exported["profiles"][0],
        serde_json::json!({"id":"office","name":"Office","kind":"builtin","settings":
            serde_json::from_str::<serde_json::Value>(&OFFICE_SETTINGS.replace(r#""greeting":"default""#, r#""greeting":"3""#))?})
    );
    let before = home.ok(&["list", "--json"])?;
    home.ok(&["delete", "car"])?;
    home.ok(&["new", "A"])?;
    home.ok(&["new", "B"])?;
    home.ok(&["set", "office", "voicemail.greeting=default"])?;
    let report = home.ok(&["import", backup_arg])?;
    assert_eq!(
        report.trim_end(),
        "Imported 3 built-in profiles and 1 custom profile; the 2 custom profiles you had before were replaced."
    );
    assert_eq!(home.ok(&["list", "--json"])?, before);
    Ok(())
}

#[test]
fn import_fills_absent_builtins_with_defaults() -> TestResult {
    let home = Home::new()?;
    home.ok(&["set", "office", "call_pickup=off"])?;
    let file = home.file("partial.json");
    std::fs::write(
        &file,
        format!(
            r#"{{"format":"callprofiles-profiles","version":1,"profiles":[{{"id":"custom-3","name":"Car","kind":"custom","active":false,"settings":{OFFICE_SETTINGS}}}]}}"#
        ),
    )?;
    let report = home.ok(&["import", file.to_str().ok_or("path")?])?;
    assert_eq!(
        report.trim_end(),
        "Imported 0 built-in profiles and 1 custom profile; 3 built-in profiles missing from the file went back to the defaults."
    );
    assert_eq!(
        home.json(&["show", "office", "--json"])?["settings"]["call_pickup"],
        true
    );
    assert_eq!(home.json(&["show", "car", "--json"])?["id"], "custom-3");
    Ok(())
}

#[test]
fn invalid_imports_change_nothing_and_say_why() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Mine"])?;
    let custom = |id: &str, name: &str| {
        format!(r#"{{"id":"{id}","name":"{name}","kind":"custom","settings":{OFFICE_SETTINGS}}}"#)
    };
    let wrap = |profiles: Vec<String>| {
        format!(
            r#"{{"format":"callprofiles-profiles","version":1,"profiles":[{}]}}"#,
            profiles.join(",")
        )
    };
    let five = (1..=5)
        .map(|n| custom(&format!("custom-{n}"), &format!("P{n}")))
        .collect();
    let cases = [
        (wrap(five), "it holds 5 custom profiles, but at most 4 are allowed"),
        (
            wrap(vec![custom("custom-1", "Car"), custom("custom-2", "car")]),
            "two profiles are named",
        ),
        (wrap(vec![custom("custom-1", "Detected")]), "reserved"),
        (wrap(vec![custom("custom-1", "")]), "cannot be empty"),
        (
            wrap(vec![custom("custom-1", "Car").replace(
                r#"{"mode":"desk_phone"}"#,
                r#"{"mode":"forward","number":"12;34"}"#,
            )]),
            "contains ';'",
        ),
        (
            r#"{"format":"callprofiles-profiles","version":2,"profiles":[]}"#.to_owned(),
            "newer version",
        ),
        (r#"{"schema_version":1}"#.to_owned(), "not a callprofiles export"),
        ("garbage".to_owned(), "not valid JSON"),
    ];
    for (content, expected) in cases {
        let file = home.file("in.json");
        std::fs::write(&file, &content)?;
        let error = home.fail(&["import", file.to_str().ok_or("path")?])?;
        assert!(error.starts_with("Cannot import"), "{error}");
        assert!(error.contains(expected), "{expected}: {error}");
        assert!(error.ends_with("nothing was changed."), "{error}");
    }
    let big = home.file("big.json");
    std::fs::write(&big, vec![b' '; 1024 * 1024 + 10])?;
    assert!(
        home.fail(&["import", big.to_str().ok_or("path")?])?
            .contains("too large to import")
    );
    assert!(
        home.fail(&["import", "/nonexistent/x.json"])?
            .contains("Cannot read /nonexistent/x.json")
    );
    assert_eq!(home.json(&["show", "mine", "--json"])?["id"], "custom-1");
    Ok(())
}

/// Puts `content` in profiles.json and checks that every command refuses with a line holding each of
/// `expected`, leaving the file byte-for-byte intact and writing no export.
fn every_command_refuses(content: &[u8], expected: &[&str]) -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car"])?;
    std::fs::write(home.file("profiles.json"), content)?;
    std::fs::write(
        home.file("in.json"),
        r#"{"format":"callprofiles-profiles","version":1,"profiles":[]}"#,
    )?;
    for args in COMMANDS {
        let error = home.fail(args)?;
        assert!(error.contains("profiles.json"), "{args:?}: {error}");
        assert!(expected.iter().all(|e| error.contains(e)), "{args:?}: {error}");
    }
    assert_eq!(std::fs::read(home.file("profiles.json"))?, content);
    assert!(!home.file("out.json").exists());
    Ok(())
}

#[test]
fn damaged_profiles_file_is_never_touched() -> TestResult {
    every_command_refuses(
        b"{\"schema_version\":1, \"builtin\": {broken",
        &["damaged", "left untouched"],
    )
}

#[test]
fn newer_profiles_file_is_never_touched() -> TestResult {
    every_command_refuses(
        br#"{"schema_version":2,"profiles":"from the future"}"#,
        &["newer version of callprofiles", "left untouched"],
    )
}

#[test]
fn a_held_lock_makes_writers_wait_then_fail_clearly() -> TestResult {
    let home = Home::new()?;
    let lock = std::fs::File::create(home.file("profiles.lock"))?;
    lock.lock()?;
    let started = std::time::Instant::now();
    let error = home.fail(&["new", "Car"])?;
    assert!(started.elapsed() >= std::time::Duration::from_secs(2));
    assert!(error.starts_with("Another callprofiles process is changing"), "{error}");
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        lock.unlock()
    });
    home.ok(&["new", "Car"])?;
    releaser.join().map_err(|_| "thread panicked")??;
    Ok(())
}

#[test]
fn home_comes_from_the_environment_unless_the_flag_says_otherwise() -> TestResult {
    let env_home = Home::new()?;
    let flag_home = Home::new()?;
    let created = bare_command()
        .env("CALLPROFILES_HOME", env_home.path())
        .args(["new", "FromEnv"])
        .output()?;
    assert!(created.status.success());
    assert!(env_home.file("profiles.json").exists());
    let listed = bare_command()
        .env("CALLPROFILES_HOME", env_home.path())
        .args(["list", "--json"])
        .output()?;
    assert!(String::from_utf8(listed.stdout)?.contains("FromEnv"));
    let flagged = bare_command()
        .env("CALLPROFILES_HOME", env_home.path())
        .arg("--home")
        .arg(flag_home.path())
        .args(["list", "--json"])
        .output()?;
    assert!(!String::from_utf8(flagged.stdout)?.contains("FromEnv"));
    let nested = flag_home.file("a/b");
    let made = bare_command()
        .arg("--home")
        .arg(&nested)
        .args(["new", "Deep"])
        .output()?;
    assert!(made.status.success());
    assert!(nested.join("profiles.json").exists());
    Ok(())
}

#[test]
fn usage_errors_are_one_line_with_a_nonzero_exit() -> TestResult {
    let home = Home::new()?;
    for args in [
        &["lst"][..],
        &["show"],
        &["rename", "a"],
        &["list", "--jsn"],
        &["--lang", "de", "list"],
        &["pbx"],
        &["pbx", "frob"],
    ] {
        let output = home.command(args).output()?;
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr)?;
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains("callprofiles --help"),
            "{stderr}"
        );
    }
    let empty_home = bare_command().args(["--home", "", "list"]).output()?;
    assert_eq!(String::from_utf8(empty_home.stderr)?.lines().count(), 1);
    assert!(!empty_home.status.success());
    let help = home.ok(&["--help"])?;
    for command in [
        "list",
        "show",
        "status",
        "activate",
        "new",
        "rename",
        "delete",
        "set",
        "save-detected",
        "export",
        "import",
        "pbx",
        "quick",
    ] {
        assert!(help.contains(&format!("  {command} ")), "{command} missing from help");
    }
    assert!(home.ok(&["set", "--help"])?.contains("voicemail.greeting=default|1..9"));
    assert!(home.ok(&["--version"])?.starts_with("callprofiles "));
    Ok(())
}
