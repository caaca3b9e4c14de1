//! `callprofiles voicemail …` on the built-in demo: its sample mailbox is listed newest first, heard and
//! delete change it, playing on a phone is refused plainly; both languages.

use crate::cli_support::{Home, TestResult};

#[test]
fn the_demo_mailbox_lists_new_and_heard_messages_newest_first() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["--lang", "en", "voicemail", "list"])?;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first().copied(), Some("Voicemail: 2 new, 1 heard."), "{text}");
    assert!(
        lines
            .get(1)
            .is_some_and(|l| l.starts_with("demo-1  new  ") && l.ends_with("3 s  Anna Nowak <+48221234567>")),
        "{text}"
    );
    assert!(lines.get(3).is_some_and(|l| l.starts_with("demo-3  heard  ")), "{text}");
    let json = home.json(&["voicemail", "list", "--json"])?;
    let messages = json["messages"].as_array().ok_or("no messages array")?;
    let received: Vec<i64> = messages.iter().filter_map(|m| m["received"].as_i64()).collect();
    assert_eq!(received.len(), 3);
    assert!(received.windows(2).all(|w| w[0] >= w[1]), "{json}");
    assert_eq!(messages[0]["state"], "new");
    assert_eq!(messages[0]["caller_name"], "Anna Nowak");
    assert_eq!(messages[1]["caller_number"], "0600111222");
    assert!(messages[1].get("caller_name").is_none(), "{json}");
    // The audio is real: a PCM WAV of the message's duration, written locally.
    let wav = std::fs::read(home.file("demo-voicemail/demo-1.wav"))?;
    assert_eq!(&wav[..4], b"RIFF");
    assert_eq!(wav.len(), 44 + 3 * 8000 * 2);
    let polish = home.ok(&["--lang", "pl", "voicemail", "list"])?;
    assert!(
        polish.starts_with("Poczta głosowa: nowe 2, odsłuchane 1.\n"),
        "{polish}"
    );
    assert!(polish.contains("demo-1  nowa  "), "{polish}");
    Ok(())
}

#[test]
fn heard_and_delete_change_the_mailbox_and_bad_ids_change_nothing() -> TestResult {
    let home = Home::new()?;
    home.ok(&["voicemail", "list"])?;
    assert_eq!(
        home.ok(&["--lang", "en", "voicemail", "heard", "demo-2"])?.trim_end(),
        "Message demo-2 is marked heard."
    );
    let json = home.json(&["voicemail", "list", "--json"])?;
    assert_eq!(json["messages"][1]["id"], "demo-2");
    assert_eq!(json["messages"][1]["state"], "old");
    assert_eq!(
        home.ok(&["--lang", "pl", "voicemail", "delete", "demo-1"])?.trim_end(),
        "Wiadomość demo-1 została usunięta."
    );
    assert!(!home.file("demo-voicemail/demo-1.wav").exists());
    let json = home.json(&["voicemail", "list", "--json"])?;
    assert_eq!(json["messages"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        home.fail(&["--lang", "en", "voicemail", "delete", "demo-1"])?,
        "There is no voicemail message demo-1 in the mailbox: list the messages again."
    );
    assert_eq!(
        home.fail(&["--lang", "pl", "voicemail", "heard", "demo-1"])?,
        "W skrzynce nie ma wiadomości głosowej demo-1: wyświetl listę wiadomości ponownie."
    );
    let injected = home.fail(&["--lang", "en", "voicemail", "heard", "1\r\nAction: Command"])?;
    assert!(injected.contains("is not a voicemail message id"), "{injected}");
    Ok(())
}

#[test]
fn the_demo_cannot_ring_a_phone_to_play_a_message() -> TestResult {
    let home = Home::new()?;
    home.ok(&["voicemail", "list"])?;
    let english = home.fail(&["--lang", "en", "voicemail", "play", "demo-1"])?;
    assert!(
        english.starts_with("The built-in demo phone system cannot ring a phone"),
        "{english}"
    );
    let polish = home.fail(&["--lang", "pl", "voicemail", "play", "demo-1"])?;
    assert!(
        polish.starts_with("Demonstracyjny system telefoniczny nie może zadzwonić"),
        "{polish}"
    );
    Ok(())
}

#[test]
fn the_demo_says_which_greetings_are_recorded_and_show_flags_an_unrecorded_choice() -> TestResult {
    let home = Home::new()?;
    assert_eq!(
        home.ok(&["--lang", "en", "voicemail", "greetings"])?.trim_end(),
        "Recorded greetings: 1. Callers hear the system greeting when a profile chooses another one."
    );
    assert_eq!(
        home.json(&["voicemail", "greetings", "--json"])?["recorded"],
        serde_json::json!([1])
    );
    home.ok(&["set", "office", "voicemail.greeting=4"])?;
    let shown = home.ok(&["--lang", "en", "show", "office"])?;
    assert!(
        shown.contains("Warning: greeting 4 is not recorded, so callers would hear the system greeting."),
        "{shown}"
    );
    let polish = home.ok(&["--lang", "pl", "show", "office"])?;
    assert!(polish.contains("Uwaga: powitanie 4 nie jest nagrane"), "{polish}");
    let activated = home.ok(&["--lang", "en", "activate", "office"])?;
    assert!(activated.contains("Warning: greeting 4 is not recorded"), "{activated}");
    home.ok(&["set", "office", "voicemail.greeting=1"])?;
    assert!(!home.ok(&["--lang", "en", "show", "office"])?.contains("not recorded"));
    assert!(
        !home
            .ok(&["--lang", "en", "activate", "office"])?
            .contains("not recorded")
    );
    Ok(())
}

#[test]
fn the_demo_cannot_record_a_greeting_by_phone_and_slots_are_checked() -> TestResult {
    let home = Home::new()?;
    let english = home.fail(&["--lang", "en", "voicemail", "record-greeting", "3"])?;
    assert!(
        english.starts_with("The built-in demo phone system cannot ring a phone to record a greeting"),
        "{english}"
    );
    let polish = home.fail(&["--lang", "pl", "voicemail", "record-greeting", "3"])?;
    assert!(
        polish.contains("nie może zadzwonić na telefon, by nagrać powitanie"),
        "{polish}"
    );
    for bad in ["0", "10", "default", "x"] {
        let line = home.fail(&["--lang", "en", "voicemail", "record-greeting", bad])?;
        assert!(line.contains("is not a voicemail greeting"), "{bad}: {line}");
    }
    Ok(())
}
