//! CLI integration tests: the phone system (status, activate, pbx show/set) and Detected (save-detected).

use crate::cli_support::{Home, OFFICE_SETTINGS, TestResult};

const DEMO: &str = "Built-in demo phone system (no PBX connected): settings are saved on this computer only";

#[test]
fn status_json_is_exactly_the_documented_shape() -> TestResult {
    let home = Home::new()?;
    assert_eq!(
        home.ok(&["status", "--json"])?.trim_end(),
        format!(r#"{{"active":"office","detected":false,"live":{OFFICE_SETTINGS},"phone_system":"{DEMO}"}}"#)
    );
    home.ok(&["pbx", "set", "routing=forward:+48 22 123 45 67"])?;
    let live = OFFICE_SETTINGS.replace(
        r#"{"mode":"desk_phone"}"#,
        r#"{"mode":"forward","number":"+48221234567"}"#,
    );
    assert_eq!(
        home.ok(&["status", "--json"])?.trim_end(),
        format!(r#"{{"active":null,"detected":true,"live":{live},"phone_system":"{DEMO}"}}"#)
    );
    Ok(())
}

#[test]
fn status_says_plainly_the_demo_is_not_a_pbx() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["status"])?;
    assert!(text.starts_with("Active profile: Office\n"), "{text}");
    assert!(text.contains("Built-in demo phone system (no PBX connected)"), "{text}");
    assert!(text.contains("it is not a PBX"), "{text}");
    assert!(text.contains("Live settings:"), "{text}");
    Ok(())
}

#[test]
fn activate_applies_a_profile_and_makes_it_active() -> TestResult {
    let home = Home::new()?;
    home.ok(&["set", "home", "routing=forward:0 700 880 880"])?;
    let text = home.ok(&["activate", "Domowy"])?;
    assert!(
        text.starts_with("Activated \"Home\": forward calls to 0700880880"),
        "{text}"
    );
    assert!(text.contains("not a PBX"), "{text}");
    let status = home.json(&["status", "--json"])?;
    assert_eq!(status["active"], "home");
    assert_eq!(status["live"]["routing"]["number"], "0700880880");
    assert_eq!(home.json(&["pbx", "show", "--json"])?, status["live"]);
    let list = home.json(&["list", "--json"])?;
    let active: Vec<&serde_json::Value> = list
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["active"] == true)
        .collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active.first().map(|p| &p["id"]), Some(&serde_json::json!("home")));
    Ok(())
}

#[test]
fn activate_fails_naming_the_profile_and_the_missing_number() -> TestResult {
    let home = Home::new()?;
    assert_eq!(
        home.fail(&["activate", "home"])?,
        "Profile \"Home\" forwards calls but has no forwarding number set: set it first."
    );
    assert_eq!(
        home.fail(&["activate", "mobile"])?,
        "Profile \"Mobile\" rings your desk and mobile phones together but has no mobile number set: set it first."
    );
    home.ok(&["new", "Remote"])?;
    home.ok(&["set", "remote", "routing=telecommuter"])?;
    assert!(
        home.fail(&["activate", "remote"])?
            .contains("has no telecommuter number set")
    );
    assert!(home.fail(&["activate", "nope"])?.contains("no profile called"));
    assert!(!home.file("phone-system.json").exists());
    Ok(())
}

#[test]
fn last_applied_wins_among_equal_profiles() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Desk"])?;
    assert_eq!(home.json(&["status", "--json"])?["active"], "office");
    home.ok(&["activate", "desk"])?;
    assert_eq!(home.json(&["status", "--json"])?["active"], "custom-1");
    Ok(())
}

#[test]
fn pbx_set_bypasses_profiles_and_shows_detected() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["pbx", "set", "call_pickup=off", "voicemail.playback=computer"])?;
    assert!(
        text.starts_with("Changed the phone system. They match no saved profile: Detected."),
        "{text}"
    );
    let list = home.ok(&["list"])?;
    assert!(list.contains("* Detected"), "{list}");
    assert!(!list.contains("* Office"), "{list}");
    let status = home.ok(&["status"])?;
    assert!(status.contains("Active profile: Detected"), "{status}");
    assert!(
        status.contains("Closest saved profile: Office (differs in call_pickup, voicemail.playback)"),
        "{status}"
    );
    let polish = home.ok(&["--lang", "pl", "list"])?;
    assert!(polish.contains("* Wykryte"), "{polish}");
    assert_eq!(
        home.json(&["show", "office", "--json"])?["settings"]["call_pickup"],
        true
    );
    let back = home.ok(&["pbx", "set", "call_pickup=on", "voicemail.playback=phone"])?;
    assert!(back.contains("They match profile \"Office\"."), "{back}");
    Ok(())
}

#[test]
fn pbx_set_rejects_bad_input_without_touching_the_phone() -> TestResult {
    let home = Home::new()?;
    assert_eq!(
        home.fail(&["pbx", "set", "routing=twinning"])?,
        "The phone system needs a number for the twinning routing: write routing=twinning:NUMBER."
    );
    assert!(
        home.fail(&["pbx", "set", "voicemail=off", "routing=forward:12\r\n34"])?
            .contains("not allowed")
    );
    assert!(home.fail(&["pbx", "set", "bogus=1"])?.contains("is not a setting"));
    assert!(home.fail(&["pbx", "set"])?.contains("KEY=VALUE"));
    let show = home.ok(&["pbx", "show"])?;
    assert!(show.contains("ring the desk phone"), "{show}");
    Ok(())
}

#[test]
fn save_detected_as_a_new_profile_or_into_an_existing_one() -> TestResult {
    let home = Home::new()?;
    assert_eq!(
        home.fail(&["save-detected", "Car"])?,
        "There is nothing detected to save: the phone system's settings match profile \"Office\"."
    );
    home.ok(&["pbx", "set", "routing=twinning:600100200"])?;
    let text = home.ok(&["save-detected", "Car"])?;
    assert_eq!(
        text.trim_end(),
        "Saved the detected settings as the new profile \"Car\"; it is now the active profile."
    );
    let status = home.json(&["status", "--json"])?;
    assert_eq!(
        (status["active"].clone(), status["detected"].clone()),
        ("custom-1".into(), false.into())
    );
    home.ok(&["pbx", "set", "routing=twinning:600100300"])?;
    let into = home.ok(&["save-detected", "Komórkowy"])?;
    assert!(into.contains("into the profile \"Mobile\""), "{into}");
    let status = home.json(&["status", "--json"])?;
    assert_eq!(status["active"], "mobile");
    assert_eq!(
        home.json(&["show", "mobile", "--json"])?["settings"]["routing"]["number"],
        "600100300"
    );
    Ok(())
}

#[test]
fn save_detected_respects_names_and_the_limit() -> TestResult {
    let home = Home::new()?;
    home.ok(&["pbx", "set", "voicemail=off"])?;
    assert!(home.fail(&["save-detected", "Wykryte"])?.contains("reserved"));
    assert!(home.fail(&["save-detected", " "])?.contains("cannot be empty"));
    for name in ["A", "B", "C", "D"] {
        home.ok(&["new", name])?;
    }
    assert!(
        home.fail(&["save-detected", "E"])?
            .contains("already have 4 custom profiles")
    );
    assert_eq!(home.json(&["status", "--json"])?["detected"], true);
    home.ok(&["save-detected", "d"])?;
    assert_eq!(home.json(&["status", "--json"])?["active"], "custom-4");
    Ok(())
}

#[test]
fn damaged_phone_system_state_is_one_clear_error() -> TestResult {
    let home = Home::new()?;
    std::fs::write(home.file("phone-system.json"), "{oops")?;
    let error = home.fail(&["status"])?;
    assert!(
        error.contains("phone-system.json") && error.contains("damaged"),
        "{error}"
    );
    let list = home.command(&["list"]).output()?;
    assert!(list.status.success());
    assert!(String::from_utf8(list.stdout)?.contains("  Office"));
    let warning = String::from_utf8(list.stderr)?;
    assert!(warning.starts_with("warning: Cannot tell which profile is active") && warning.lines().count() == 1);
    // The demo's state is only a stand-in for a PBX: activating a profile rewrites it whole.
    home.ok(&["activate", "office"])?;
    assert_eq!(home.json(&["status", "--json"])?["active"], "office");
    Ok(())
}

#[test]
fn call_on_the_demo_or_with_a_bad_number_is_one_clear_line_and_changes_nothing() -> TestResult {
    let home = Home::new()?;
    home.ok(&["pbx", "set", "routing=telecommuter:0222333444"])?;
    let before = home.snapshot()?;
    assert_eq!(
        home.fail(&["call", "+48 22 123 45 67"])?,
        "The built-in demo phone system cannot place calls: connect callprofiles to your Asterisk or FreePBX \
         (callprofiles connect asterisk)."
    );
    let bad = home.fail(&["call", "22 12x"])?;
    assert!(bad.starts_with("The phone number \"22 12x\" contains 'x'"), "{bad}");
    let polish = home.fail(&["--lang", "pl", "call", "600"])?;
    assert!(
        polish.starts_with("Demonstracyjny system telefoniczny nie może nawiązywać połączeń"),
        "{polish}"
    );
    assert_eq!(home.snapshot()?, before);
    Ok(())
}
