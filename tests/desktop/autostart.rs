//! `callprofiles autostart on|off|status` with the real binary: the XDG autostart entry is written where
//! `$XDG_CONFIG_HOME` says, starts the binary itself over the same home, and is removed again.

use assert_cmd::Command;

use crate::TestResult;

/// The binary with `XDG_CONFIG_HOME` set to `config` (and no `HOME` fallback to the real one).
fn callprofiles(config: &std::path::Path, home: &std::path::Path) -> Result<Command, Box<dyn std::error::Error>> {
    let mut command = Command::cargo_bin("callprofiles")?;
    command
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .arg("--home")
        .arg(home);
    Ok(command)
}

#[test]
fn autostart_writes_and_removes_the_login_entry() -> TestResult {
    let dir = tempfile::tempdir()?;
    let config = dir.path().join("config dir");
    let home = dir.path().join("home $x");
    let entry = config.join("autostart").join("callprofiles.desktop");

    let status = callprofiles(&config, &home)?.args(["autostart", "status"]).output()?;
    assert!(status.status.success());
    assert_eq!(
        String::from_utf8(status.stdout)?,
        "callprofiles does not start when you log in.\n"
    );

    let on = callprofiles(&config, &home)?.args(["autostart", "on"]).output()?;
    assert!(on.status.success(), "{}", String::from_utf8_lossy(&on.stderr));
    let said = String::from_utf8(on.stdout)?;
    assert!(said.contains(&entry.display().to_string()), "{said}");
    let text = std::fs::read_to_string(&entry)?;
    let program = assert_cmd::cargo::cargo_bin("callprofiles");
    // `$` is escaped for Exec, and that backslash again for the key file.
    let expected_exec = format!(
        "Exec=\"{}\" --home \"{}\" --background",
        program.display(),
        home.display().to_string().replace('$', "\\\\$")
    );
    assert!(
        text.lines().any(|line| line == expected_exec),
        "{text}\nwanted {expected_exec}"
    );
    assert!(text.lines().any(|line| line == "Type=Application"), "{text}");
    // Written atomically: no temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(config.join("autostart"))?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    assert_eq!(names, ["callprofiles.desktop"]);

    let status = callprofiles(&config, &home)?
        .args(["--lang", "pl", "autostart", "status"])
        .output()?;
    assert_eq!(
        String::from_utf8(status.stdout)?,
        format!("callprofiles uruchamia się po zalogowaniu ({}).\n", entry.display())
    );

    let off = callprofiles(&config, &home)?.args(["autostart", "off"]).output()?;
    assert!(off.status.success());
    assert!(!entry.exists());
    // Off again is not an error.
    callprofiles(&config, &home)?
        .args(["autostart", "off"])
        .assert()
        .success();
    Ok(())
}

#[test]
fn autostart_says_why_it_cannot_write() -> TestResult {
    let dir = tempfile::tempdir()?;
    // A file where the autostart folder should be.
    std::fs::write(dir.path().join("autostart"), "not a folder")?;
    let out = callprofiles(dir.path(), &dir.path().join("home"))?
        .args(["autostart", "on"])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr)?;
    assert!(
        stderr.starts_with("error: ") && stderr.contains("callprofiles.desktop could not be changed"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("autostart"))?, "not a folder");
    Ok(())
}

#[test]
fn the_windows_checkbox_writes_and_removes_the_entry() -> TestResult {
    use callprofiles::automation::autostart::Autostart;
    use callprofiles::gui::autostart_setting::AutostartSetting;
    use callprofiles::text::i18n::{I18n, Language};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    let dir = tempfile::tempdir()?;
    let entry = dir.path().join("autostart").join("callprofiles.desktop");
    let program = dir.path().join("bin").join("callprofiles");
    let setting = AutostartSetting::new(
        Some(Autostart::at(&entry)),
        &dir.path().join("home"),
        Some(program.clone()),
    );
    let i18n = I18n::new(Language::Polish);
    let mut harness = Harness::builder()
        .with_size([600.0, 200.0])
        .build_ui_state(move |ui, setting: &mut AutostartSetting| setting.ui(ui, &i18n), setting);
    let label = "Uruchamiaj callprofiles po zalogowaniu (w tle, z ikoną w zasobniku)";
    assert!(!harness.state().is_on());

    harness.get_by_label(label).click();
    harness.run();
    assert!(harness.state().is_on());
    let text = std::fs::read_to_string(&entry)?;
    assert!(text.contains(&format!("Exec=\"{}\"", program.display())), "{text}");

    harness.get_by_label(label).click();
    harness.run();
    assert!(!harness.state().is_on());
    assert!(!entry.exists());

    // A file where the autostart folder should be: the box stays off and the sentence says why.
    std::fs::remove_dir(dir.path().join("autostart"))?;
    std::fs::write(dir.path().join("autostart"), "")?;
    harness.get_by_label(label).click();
    harness.run();
    assert!(!harness.state().is_on());
    let problem = harness.state().problem().unwrap_or_default().to_owned();
    assert!(problem.starts_with("Nie udało się zmienić"), "{problem}");
    assert!(harness.query_by_label(&problem).is_some(), "the sentence is shown");
    Ok(())
}
