//! CLI integration tests of automatic switching (issue 13): `activate --until/--for [--then]`,
//! `resume`, `next`, `history`, `rules …` editing and its refusals, in both languages.

use crate::cli_support::{Home, Res, TestResult};

/// A home where Home forwards to a number, so every built-in but Mobile can be applied.
fn home_with_numbers() -> Res<Home> {
    let home = Home::new()?;
    home.ok(&["set", "home", "routing=forward:+48 600 100 200"])?;
    home.ok(&["set", "mobile", "routing=twinning:+48 600 100 201"])?;
    Ok(home)
}

fn seconds(value: &serde_json::Value) -> Res<i64> {
    let text = value.as_str().ok_or("not a timestamp")?;
    Ok(text.parse::<jiff::Timestamp>()?.as_second())
}

#[test]
fn activate_for_and_until_hold_a_profile_then_resume_ends_it() -> TestResult {
    let home = home_with_numbers()?;
    let before = jiff::Timestamp::now().as_second();
    let text = home.ok(&["activate", "home", "--for", "2h"])?;
    assert!(text.starts_with("Activated \"Home\" (until "), "{text}");
    assert!(text.contains(", then the schedule)."), "{text}");
    let next = home.json(&["next", "--json"])?;
    assert_eq!(next["decision"]["profile"], "home");
    assert_eq!(next["decision"]["reason"]["kind"], "until");
    let ends = seconds(&next["decision"]["reason"]["ends"])?;
    assert!(
        (before + 7200..=jiff::Timestamp::now().as_second() + 7200).contains(&ends),
        "{next}"
    );
    assert_eq!(home.json(&["status", "--json"])?["active"], "home");
    let history = home.json(&["history", "--json"])?;
    assert_eq!(history["entries"][0]["from"], "office");
    assert_eq!(history["entries"][0]["to"], "home");
    assert_eq!(history["entries"][0]["reason"]["kind"], "until");
    let resumed = home.ok(&["resume"])?;
    assert!(
        resumed.contains("Now: no rule applies; the profile stays as it is."),
        "{resumed}"
    );
    assert_eq!(home.json(&["next", "--json"])?["decision"], serde_json::Value::Null);
    assert_eq!(home.json(&["status", "--json"])?["active"], "home", "no rule: it stays");

    let text = home.ok(&[
        "--lang", "pl", "activate", "biurowy", "--until", "23:59", "--then", "previous",
    ])?;
    assert!(text.starts_with("Aktywowano „Biurowy” (do "), "{text}");
    assert!(text.contains("potem poprzedni profil"), "{text}");
    let next = home.json(&["next", "--json"])?;
    assert_eq!(next["decision"]["reason"]["then"], "previous");
    assert_eq!(next["next"]["profile"], "home", "{next}");
    Ok(())
}

#[test]
fn activate_until_refuses_bad_times_and_changes_nothing() -> TestResult {
    let home = home_with_numbers()?;
    assert!(
        home.fail(&["activate", "home", "--until", "25:00"])?
            .contains("is not a time of day")
    );
    assert!(
        home.fail(&["activate", "home", "--for", "0m"])?
            .contains("is not a duration")
    );
    assert!(
        home.fail(&["activate", "home", "--for", "soon"])?
            .contains("is not a duration")
    );
    assert!(
        home.fail(&["activate", "home", "--for", "9000h"])?
            .contains("more than a year away")
    );
    home.fail(&["activate", "home", "--for", "2h", "--until", "17:00"])?;
    let polish = home.fail(&["--lang", "pl", "activate", "home", "--until", "7"])?;
    assert!(polish.contains("to nie jest godzina"), "{polish}");
    assert_eq!(home.json(&["status", "--json"])?["active"], "office");
    Ok(())
}

#[test]
fn rules_are_edited_from_a_script_and_refusals_name_the_rules() -> TestResult {
    let home = home_with_numbers()?;
    home.ok(&["rules", "zone", "Europe/Warsaw"])?;
    home.ok(&["rules", "add-window", "mon-fri", "08:00", "16:00", "office"])?;
    home.ok(&["rules", "add-window", "fri", "22:00", "06:00", "komórkowy"])?;
    home.ok(&["rules", "add-exception", "2026-12-24..2026-12-26", "home"])?;
    home.ok(&[
        "rules",
        "add-network",
        "--gateway",
        "AA-BB-CC-00-11-22",
        "--label",
        "Biuro",
        "office",
    ])?;
    home.ok(&["rules", "away", "mobile", "--lock"])?;
    let saved = home.ok(&["rules", "otherwise", "home"])?;
    assert!(saved.starts_with("Rules saved.\n"), "{saved}");
    assert!(saved.contains("Next: "), "{saved}");
    let shown = home.ok(&["rules", "show"])?;
    for expected in [
        "Time zone: Europe/Warsaw",
        "  1. mon-fri 08:00-16:00",
        "  2. fri 22:00-06:00",
        "  1. 2026-12-24..2026-12-26",
        "  1. gateway=aa:bb:cc:00:11:22",
        "Leaving the computer (screen lock): Mobile",
        "Otherwise: Home",
    ] {
        assert!(shown.contains(expected), "{expected:?} missing in:\n{shown}");
    }
    let polish = home.ok(&["--lang", "pl", "rules", "show"])?;
    assert!(
        polish.contains("Harmonogram tygodniowy:") && polish.contains("W pozostałym czasie: Domowy"),
        "{polish}"
    );

    let overlap = home.fail(&["rules", "add-window", "mon", "15:00", "17:00", "home"])?;
    assert_eq!(
        overlap,
        "Windows 1 (mon-fri 08:00-16:00) and 3 (mon 15:00-17:00) overlap on Monday: change one of them."
    );
    let overlap = home.fail(&["--lang", "pl", "rules", "add-window", "sat", "05:00", "07:00", "home"])?;
    assert!(
        overlap.starts_with("Przedziały 2 (fri 22:00-06:00) i 3 (sat 05:00-07:00) nakładają się"),
        "{overlap}"
    );
    assert!(
        home.fail(&["rules", "zone", "Mars/Olympus"])?
            .contains("is not a time zone")
    );
    assert!(
        home.fail(&["rules", "add-window", "", "08:00", "09:00", "home"])?
            .contains("is not a set of weekdays")
    );
    assert!(
        home.fail(&["rules", "add-window", "sun", "09:00", "09:00", "home"])?
            .contains("would be empty")
    );
    assert!(
        home.fail(&["rules", "add-window", "sun", "09:00", "10:00", "nobody"])?
            .contains("no profile called")
    );
    assert!(
        home.fail(&["rules", "add-exception", "2026-12-27..2026-12-20", "home"])?
            .contains("before it starts")
    );
    let twice = home.fail(&["rules", "add-exception", "2026-12-26", "office"])?;
    assert!(
        twice.starts_with("Exceptions 1 (2026-12-24..2026-12-26) and 2 (2026-12-26)"),
        "{twice}"
    );
    let again = home.fail(&[
        "rules",
        "add-network",
        "--gateway",
        "aa:bb:cc:00:11:22",
        "--label",
        "Again",
        "home",
    ])?;
    assert!(
        again.contains("Networks 1 and 2 both recognise gateway=aa:bb:cc:00:11:22"),
        "{again}"
    );
    assert!(
        home.fail(&[
            "rules",
            "add-network",
            "--subnet",
            "10.0.0.0/40",
            "--label",
            "x",
            "home"
        ])?
        .contains("is not a subnet")
    );
    assert!(
        home.fail(&["rules", "remove-window", "9"])?
            .contains("no window number 9")
    );

    // What `show --json` prints, `replace` reads back whole.
    let json = home.ok(&["rules", "show", "--json"])?;
    std::fs::write(home.file("rules-copy.json"), &json)?;
    home.ok(&["rules", "clear"])?;
    assert!(home.ok(&["rules", "show"])?.contains("Weekly schedule:\n  (none)"));
    home.ok(&["rules", "replace", "rules-copy.json"])?;
    assert_eq!(home.ok(&["rules", "show", "--json"])?, json);
    std::fs::write(home.file("bad-rules.json"), json.replace("\"08:00\"", "\"8 o'clock\""))?;
    home.fail(&["rules", "replace", "bad-rules.json"])?;
    home.ok(&["rules", "remove-window", "2"])?;
    assert!(!home.ok(&["rules", "show"])?.contains("fri 22:00-06:00"));
    Ok(())
}

#[test]
fn rules_switch_at_once_and_keep_history_and_a_deleted_profile_disables_its_rule() -> TestResult {
    let home = home_with_numbers()?;
    home.ok(&["new", "Car"])?;
    home.ok(&["set", "car", "call_pickup=off"])?;
    let switched = home.ok(&["rules", "add-window", "daily", "00:00", "24:00", "car"])?;
    assert!(switched.contains("Switched to Car (schedule, window 1)."), "{switched}");
    assert_eq!(home.json(&["status", "--json"])?["active"], "custom-1");
    home.ok(&["rules", "otherwise", "home"])?;
    home.ok(&["delete", "car"])?;
    let shown = home.ok(&["rules", "show"])?;
    assert!(
        shown.contains("custom-1 (disabled: this profile no longer exists)"),
        "{shown}"
    );
    assert!(shown.contains("Now: Home (otherwise)."), "{shown}");
    let run = home.ok(&["rules", "run"])?;
    assert!(run.contains("Switched to Home (otherwise)."), "{run}");
    // A deleted profile is named by its id.
    let history = home.ok(&["history"])?;
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(
        lines
            .first()
            .is_some_and(|l| l.ends_with("Detected → Home  (otherwise)")),
        "{history}"
    );
    assert!(
        lines
            .get(1)
            .is_some_and(|l| l.ends_with("Office → custom-1  (schedule, window 1)")),
        "{history}"
    );
    let polish = home.ok(&["--lang", "pl", "history"])?;
    assert!(polish.contains("→ Domowy  (w pozostałym czasie)"), "{polish}");
    Ok(())
}

#[test]
fn a_damaged_automation_file_is_reported_and_kept_and_clicks_still_work() -> TestResult {
    let home = home_with_numbers()?;
    std::fs::write(home.file("automation.json"), b"{\"version\":1,\"rules\":")?;
    let error = home.fail(&["rules", "show"])?;
    assert!(
        error.contains("automation.json") && error.contains("damaged"),
        "{error}"
    );
    home.fail(&["next"])?;
    home.ok(&["activate", "home"])?;
    assert_eq!(
        std::fs::read(home.file("automation.json"))?,
        b"{\"version\":1,\"rules\":"
    );
    std::fs::write(home.file("automation.json"), b"{\"version\":2}")?;
    assert!(home.fail(&["rules", "show"])?.contains("newer version"));
    Ok(())
}
