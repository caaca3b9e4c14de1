//! CLI integration tests: listing, showing and editing profiles (list, show, new, rename, delete, set).

use crate::cli_support::{Home, OFFICE_SETTINGS, TestResult};

#[test]
fn fresh_list_shows_three_builtins_with_office_active() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["list"])?;
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.get(1).is_some_and(|l| l.starts_with("* Office")), "{text}");
    assert!(lines.get(2).is_some_and(|l| l.starts_with("  Mobile")), "{text}");
    assert!(lines.get(3).is_some_and(|l| l.starts_with("  Home")), "{text}");
    assert!(text.contains("not a PBX"), "{text}");
    let json = home.ok(&["list", "--json"])?;
    let expected = format!(
        r#"[{{"id":"office","name":"Office","kind":"builtin","active":true,"settings":{OFFICE_SETTINGS}}},{{"id":"mobile","name":"Mobile","kind":"builtin","active":false,"settings":{}}},{{"id":"home","name":"Home","kind":"builtin","active":false,"settings":{}}}]"#,
        OFFICE_SETTINGS.replace(r#""mode":"desk_phone""#, r#""mode":"twinning""#),
        OFFICE_SETTINGS
            .replace(r#""call_pickup":true"#, r#""call_pickup":false"#)
            .replace(r#""mode":"desk_phone""#, r#""mode":"forward""#),
    );
    assert_eq!(json.trim_end(), expected);
    Ok(())
}

#[test]
fn list_does_not_create_files() -> TestResult {
    let home = Home::new()?;
    home.ok(&["list"])?;
    home.ok(&["status"])?;
    assert!(home.snapshot()?.is_empty());
    Ok(())
}

#[test]
fn show_json_is_exactly_the_documented_shape() -> TestResult {
    let home = Home::new()?;
    let expected =
        format!(r#"{{"id":"office","name":"Office","kind":"builtin","active":true,"settings":{OFFICE_SETTINGS}}}"#);
    for query in ["office", "Office", "BIUROWY"] {
        assert_eq!(home.ok(&["show", query, "--json"])?.trim_end(), expected);
    }
    home.ok(&["set", "home", "routing=forward:+48 (22) 123-45-67"])?;
    let home_json = home.json(&["show", "domowy", "--json"])?;
    assert_eq!(
        home_json["settings"]["routing"],
        serde_json::json!({"mode":"forward","number":"+48221234567"})
    );
    assert_eq!(home_json["active"], false);
    Ok(())
}

#[test]
fn show_human_lists_every_setting() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["show", "komórkowy"])?;
    assert!(text.starts_with("Mobile (built-in profile, id mobile)"), "{text}");
    for label in [
        "Call pickup",
        "Mobility",
        "Voicemail ringback",
        "Voicemail notification",
        "Greeting",
    ] {
        assert!(text.contains(label), "{label} missing: {text}");
    }
    assert!(text.contains("number not set yet"), "{text}");
    let polish = home.ok(&["--lang", "pl", "show", "mobile"])?;
    assert!(polish.starts_with("Komórkowy"), "{polish}");
    assert_eq!(home.fail(&["show", "nope"])?, "There is no profile called \"nope\".");
    Ok(())
}

#[test]
fn new_defaults_to_office_or_copies_from() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["new", "  Car "])?;
    assert!(text.contains("Created profile \"Car\" (id custom-1)"), "{text}");
    assert!(text.contains("1 of 4"), "{text}");
    let car = home.json(&["show", "car", "--json"])?;
    assert_eq!(car["kind"], "custom");
    assert_eq!(
        car["settings"],
        serde_json::from_str::<serde_json::Value>(OFFICE_SETTINGS)?
    );
    home.ok(&["new", "Bus", "--from", "Domowy"])?;
    let bus = home.json(&["show", "bus", "--json"])?;
    assert_eq!(bus["settings"]["call_pickup"], false);
    assert_eq!(bus["settings"]["routing"]["mode"], "forward");
    Ok(())
}

#[test]
fn new_rejects_every_bad_name_and_the_fifth_custom() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car"])?;
    assert_eq!(
        home.fail(&["new", "CAR"])?,
        "The name \"CAR\" is already used by another profile: choose a different name."
    );
    for reserved in ["office", "Biurowy", "Komórkowy", "detected", "Wykryte"] {
        assert!(home.fail(&["new", reserved])?.contains("reserved"), "{reserved}");
    }
    assert_eq!(home.fail(&["new", "  "])?, "A profile name cannot be empty.");
    assert!(home.fail(&["new", &"x".repeat(33)])?.contains("at most 32 characters"));
    assert!(home.fail(&["new", "a\nb"])?.contains("control characters"));
    assert!(
        home.fail(&["new", "Van", "--from", "nope"])?
            .contains("no profile called \"nope\"")
    );
    home.ok(&["new", &"ł".repeat(32)])?;
    home.ok(&["new", "Van"])?;
    home.ok(&["new", "Bus"])?;
    assert_eq!(
        home.fail(&["new", "Tram"])?,
        "You already have 4 custom profiles, the most allowed: delete one before adding \"Tram\"."
    );
    assert_eq!(home.json(&["list", "--json"])?.as_array().map(Vec::len), Some(7));
    Ok(())
}

#[test]
fn rename_follows_the_rules() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car"])?;
    home.ok(&["new", "Bus"])?;
    assert_eq!(
        home.ok(&["rename", "car", "Van"])?.trim_end(),
        "Renamed \"Car\" to \"Van\"."
    );
    assert_eq!(home.json(&["show", "custom-1", "--json"])?["name"], "Van");
    assert_eq!(
        home.fail(&["rename", "office", "Work"])?,
        "\"Office\" is a built-in profile: its name cannot be changed."
    );
    assert!(home.fail(&["rename", "van", "bus"])?.contains("already used"));
    assert!(home.fail(&["rename", "van", "Domowy"])?.contains("reserved"));
    assert!(home.fail(&["rename", "nope", "X"])?.contains("no profile called"));
    assert!(home.fail(&["rename", "van", ""])?.contains("cannot be empty"));
    home.ok(&["rename", "van", "VAN"])?;
    Ok(())
}

#[test]
fn delete_follows_the_rules_and_forgets_the_last_applied() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car"])?;
    home.ok(&["activate", "car"])?;
    assert_eq!(home.json(&["status", "--json"])?["active"], "custom-1");
    assert_eq!(
        home.fail(&["delete", "Komórkowy"])?,
        "\"Mobile\" is a built-in profile: it cannot be deleted."
    );
    assert_eq!(home.ok(&["delete", "CAR"])?.trim_end(), "Deleted profile \"Car\".");
    assert_eq!(home.json(&["status", "--json"])?["active"], "office");
    assert!(home.fail(&["delete", "car"])?.contains("no profile called \"car\""));
    let saved = std::fs::read_to_string(home.file("profiles.json"))?;
    assert!(saved.contains("\"last_applied\": null"), "{saved}");
    Ok(())
}

#[test]
fn set_changes_a_profile_after_checking_every_pair() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&[
        "set",
        "mobile",
        "routing=twinning:+48 600-100-200",
        "call_pickup=off",
        "voicemail=off",
        "voicemail.ringback=on",
        "voicemail.notification=on",
        "voicemail.playback=computer",
        "voicemail.greeting=9",
    ])?;
    assert!(text.contains("callprofiles activate mobile"), "{text}");
    let mobile = home.json(&["show", "mobile", "--json"])?;
    assert_eq!(
        mobile["settings"],
        serde_json::json!({"call_pickup":false,"routing":{"mode":"twinning","number":"+48600100200"},
            "voicemail":{"enabled":false,"ringback":true,"notification":true,"playback":"computer","greeting":"9"}})
    );
    assert_eq!(home.json(&["pbx", "show", "--json"])?["routing"]["mode"], "desk_phone");
    home.ok(&["set", "mobile", "routing=desk_phone", "voicemail.greeting=default"])?;
    Ok(())
}

#[test]
fn set_rejects_bad_pairs_naming_the_problem() -> TestResult {
    let home = Home::new()?;
    home.ok(&["new", "Car"])?;
    let cases = [
        ("routing=forward:12a4", "contains 'a'"),
        ("routing=forward:1", "too short"),
        ("routing=forward:123456789012345678901", "too long"),
        ("routing=teleport", "is not a call routing"),
        ("routing=desk_phone:123", "takes no number"),
        ("call_pickup=maybe", "is not on or off"),
        ("voicemail.greeting=12", "not a voicemail greeting"),
        ("voicemail.playback=tape", "not a way to play messages"),
        ("colour=red", "\"colour\" is not a setting"),
        ("call_pickup", "write KEY=VALUE"),
    ];
    for (pair, expected) in cases {
        let error = home.fail(&["set", "car", "voicemail=off", pair])?;
        assert!(error.contains(expected), "{pair}: {error}");
    }
    assert!(
        home.fail(&["set", "nope", "voicemail=off"])?
            .contains("no profile called")
    );
    assert!(home.fail(&["set", "car"])?.contains("KEY=VALUE"));
    Ok(())
}
