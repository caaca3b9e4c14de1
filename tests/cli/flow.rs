//! `show NAME --flow`: what happens to an incoming call, step by step, in English and Polish, from the
//! same model the window draws (the demo phone system tells no ring times, and the text says so).

use crate::cli_support::{Home, TestResult};

#[test]
fn office_flow_in_english_says_each_step_in_order() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["--lang", "en", "show", "office", "--flow"])?;
    assert_eq!(
        text,
        "What happens to a call with Office:\n\
         A call comes in:\n\
         \x20 • Your desk phone rings — for a ring time the phone system does not report\n\
         \x20 • Colleagues can pick up — they can answer it while it rings\n\
         Not answered:\n\
         \x20 • Voicemail answers — callers hear the system greeting and can leave a message\n\
         After a new message:\n\
         \x20 • The message waits in your mailbox — no notification or ringback; listen to it using the phone\n"
    );
    Ok(())
}

#[test]
fn office_flow_in_polish_uses_the_vendors_words() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["--lang", "pl", "show", "biurowy", "--flow"])?;
    assert!(
        text.starts_with("Co dzieje się z połączeniem w profilu Biurowy:\nPrzychodzi połączenie:\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  • Dzwoni Twój telefon stacjonarny — przez czas dzwonienia, którego system telefoniczny nie podaje"
        ),
        "{text}"
    );
    assert!(text.contains("Powitanie systemowe"), "{text}");
    assert!(text.contains("za pomocą telefonu"), "{text}");
    Ok(())
}

#[test]
fn each_mode_with_voicemail_on_and_off_prints_its_own_steps() -> TestResult {
    let home = Home::new()?;
    let cases = [
        ("desk_phone", "on", "Your desk phone rings", "Voicemail answers"),
        ("desk_phone", "off", "Your desk phone rings", "The call ends"),
        (
            "twinning:600100200",
            "on",
            "Your desk phone and 600 100 200 ring together",
            "Voicemail answers",
        ),
        (
            "twinning:600100200",
            "off",
            "Your desk phone and 600 100 200 ring together",
            "The call ends",
        ),
        (
            "telecommuter:600100200",
            "on",
            "Your telecommuter number 600 100 200 rings",
            "Voicemail answers",
        ),
        (
            "telecommuter:600100200",
            "off",
            "Your telecommuter number 600 100 200 rings",
            "The call ends",
        ),
        (
            "forward:600100200",
            "on",
            "The call is forwarded to 600 100 200",
            "Voicemail answers",
        ),
        (
            "forward:600100200",
            "off",
            "The call is forwarded to 600 100 200",
            "Your voicemail is not used",
        ),
    ];
    for (routing, voicemail, rings, unanswered) in cases {
        home.ok(&[
            "set",
            "home",
            &format!("routing={routing}"),
            &format!("voicemail={voicemail}"),
        ])?;
        let text = home.ok(&["--lang", "en", "show", "home", "--flow"])?;
        let steps: Vec<&str> = text.lines().filter_map(|line| line.strip_prefix("  • ")).collect();
        assert!(
            steps.first().is_some_and(|s| s.starts_with(rings)),
            "{routing} {voicemail}: {text}"
        );
        assert!(
            steps.iter().any(|s| s.starts_with(unanswered)),
            "{routing} {voicemail}: {text}"
        );
        // Home has call pickup off; a forward has nothing ringing here to pick up.
        let pickup = if routing.starts_with("forward") {
            "No call pickup"
        } else {
            "Colleagues cannot pick up"
        };
        assert!(
            steps.get(1).is_some_and(|s| s.starts_with(pickup)),
            "{routing} {voicemail}: {text}"
        );
        let after_message = text.contains("After a new message:");
        assert_eq!(after_message, voicemail == "on", "{text}");
    }
    Ok(())
}

#[test]
fn notification_ringback_greeting_and_an_unset_number_are_said() -> TestResult {
    let home = Home::new()?;
    home.ok(&[
        "set",
        "mobile",
        "voicemail.notification=on",
        "voicemail.ringback=on",
        "voicemail.playback=computer",
        "voicemail.greeting=3",
    ])?;
    let text = home.ok(&["--lang", "en", "show", "mobile", "--flow"])?;
    assert!(
        text.contains("Your desk phone and (no number yet) ring together"),
        "{text}"
    );
    assert!(text.contains("callers hear your recorded greeting 3"), "{text}");
    assert!(
        text.contains("  • You are notified — listen to it using the computer\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  • The phone system calls you back — on your desk phone once it is idle; it says how many messages wait\n"
        ),
        "{text}"
    );
    assert!(!text.contains("waits in your mailbox"), "{text}");
    Ok(())
}

#[test]
fn flow_and_json_together_or_an_unknown_profile_are_one_error_line() -> TestResult {
    let home = Home::new()?;
    let both = home.fail(&["show", "office", "--flow", "--json"])?;
    assert!(both.contains("--flow") || both.contains("--json"), "{both}");
    let unknown = home.fail(&["--lang", "en", "show", "nope", "--flow"])?;
    assert!(unknown.contains("nope"), "{unknown}");
    Ok(())
}
