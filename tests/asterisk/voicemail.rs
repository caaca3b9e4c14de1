//! Voicemail messages through a real Asterisk 22 running the shipped dialplan: a call leaves a message,
//! the app lists it (`VoicemailBoxSummary`), marks it heard (`VoicemailMove`), plays it on the phone
//! where calls go (`Originate` → `VoiceMailPlayMsg`, observed through the dialplan's events and the
//! time it plays) and deletes it (`VoicemailRemove`).

use std::time::{Duration, Instant};

use crate::asterisk_support::{Asterisk, Res, TestResult, new_messages, reset_extension, value, with_asterisk};
use callprofiles_core::voicemail::{MessageId, MessageState};
use callprofiles_core::{CoreError, PhoneError};

/// A caller who talks this long leaves a message of a few seconds (the default greeting and the
/// beep last about 6 s, longer when the machine is busy with parallel tests).
const TALK: Duration = Duration::from_secs(13);

fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

/// Runs `callprofiles --home HOME --lang LANG ARGS…` and returns its stdout (it must succeed).
fn cli(home: &std::path::Path, lang: &str, args: &[&str]) -> Res<String> {
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_callprofiles"))
        .arg("--home")
        .arg(home)
        .args(["--lang", lang])
        .args(args)
        .env_remove("CALLPROFILES_AMI_SECRET")
        .output()?;
    if !output.status.success() {
        return Err(format!("{args:?} failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

/// Leaves one message in `extension`'s mailbox with a call nobody answers.
fn leave_message(asterisk: &Asterisk, extension: &str) -> TestResult {
    let mut watcher = asterisk.watcher()?;
    let call = watcher.call_extension(extension, secs(6), TALK)?;
    watcher.wait_user_event("CallprofilesNewMessage", extension, secs(20))?;
    watcher.wait_ended(&call, secs(6))?;
    Ok(())
}

#[test]
fn a_message_is_listed_heard_played_on_the_phone_and_deleted() -> TestResult {
    with_asterisk("voicemail_messages", |asterisk| {
        let extension = "230";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        let home = asterisk.home(extension)?;
        let mut app = asterisk.app(home.path())?;
        app.activate("Office")?;
        assert!(app.voicemail_messages()?.is_empty());

        leave_message(asterisk, extension)?;
        let messages = app.voicemail_messages()?;
        assert_eq!(messages.len(), 1, "{messages:?}");
        let message = &messages[0];
        assert_eq!(message.state, MessageState::New);
        assert!(message.duration_seconds >= 1, "{message:?}");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs();
        let age = i64::try_from(now)? - message.received;
        assert!((0..120).contains(&age), "left {age} s ago? {message:?}");
        let id = message.id.to_string();
        // The command line lists the same message, in both languages.
        let listed = cli(home.path(), "en", &["voicemail", "list"])?;
        assert!(listed.starts_with("Voicemail: 1 new, 0 heard.\n"), "{listed}");
        assert!(listed.contains(&format!("{id}  new  ")), "{listed}");
        let json: serde_json::Value = serde_json::from_str(&cli(home.path(), "en", &["voicemail", "list", "--json"])?)?;
        assert_eq!(json["messages"][0]["id"], id.as_str());
        assert!(cli(home.path(), "pl", &["voicemail", "list"])?.starts_with("Poczta głosowa: nowe 1, odsłuchane 0.\n"));

        // Heard: INBOX → Old; the new-message count (the phone's lamp) follows.
        assert_eq!(new_messages(&mut admin, extension)?, 1);
        let said = cli(home.path(), "en", &["voicemail", "heard", &id])?;
        assert_eq!(said.trim_end(), format!("Message {id} is marked heard."));
        assert_eq!(new_messages(&mut admin, extension)?, 0);
        assert_eq!(app.voicemail_messages()?[0].state, MessageState::Old);
        assert_eq!(app.new_messages()?, Some(0));

        // Play on the phone: the desk phone rings, answers, and hears the whole message.
        admin.db_put(&value("CPTEST")?, &value(extension)?, &value("listen")?)?;
        let mut watcher = asterisk.watcher()?;
        let said = cli(home.path(), "en", &["voicemail", "play", &id])?;
        assert_eq!(
            said.trim_end(),
            format!("Your phone rings now: answer it to hear message {id}.")
        );
        let ring = watcher.wait_user_event("CallprofilesPlayRing", extension, secs(3))?;
        assert_eq!(ring.get("Mode"), Some("desk"));
        watcher.wait_rang(extension, secs(3))?;
        let playing = watcher.wait_user_event("CallprofilesPlayMessage", extension, secs(3))?;
        let started = Instant::now();
        assert_eq!(playing.get("Message"), Some(id.as_str()));
        assert_eq!(playing.get("Mailbox"), Some("230@default"));
        let played = watcher.wait_user_event("CallprofilesPlayedMessage", extension, secs(30))?;
        let took = started.elapsed();
        assert_eq!(played.get("Status"), Some("SUCCESS"), "{}", watcher.user_events());
        assert!(
            took + secs(1) >= secs(message.duration_seconds),
            "played for {took:?}, the message lasts {} s",
            message.duration_seconds
        );
        eprintln!(
            "played a {} s message in {:.2} s",
            message.duration_seconds,
            took.as_secs_f64()
        );

        // Delete: gone from the mailbox; deleting again says it is not there.
        let said = cli(home.path(), "pl", &["voicemail", "delete", &id])?;
        assert_eq!(said.trim_end(), format!("Wiadomość {id} została usunięta."));
        assert!(app.voicemail_messages()?.is_empty());
        assert!(matches!(
            app.delete_message(&MessageId::parse(&id)?),
            Err(CoreError::Phone(PhoneError::MessageNotFound { .. }))
        ));
        admin.db_del(&value("CPTEST")?, &value(extension)?)?;
        Ok(())
    })
}

#[test]
fn play_on_the_phone_rings_the_telecommuter_number_while_telecommuting() -> TestResult {
    with_asterisk("voicemail_play_telecommuter", |asterisk| {
        let extension = "231";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        let home = asterisk.home(extension)?;
        let mut app = asterisk.app(home.path())?;
        app.activate("Office")?;
        leave_message(asterisk, extension)?;
        let id = app.voicemail_messages()?.first().ok_or("no message")?.id.clone();
        app.create("Remote", Some("Office"))?;
        app.set("Remote", &["routing=telecommuter:0600 231 231"])?;
        app.activate("Remote")?;
        admin.db_put(&value("CPTEST")?, &value("0600231231")?, &value("listen")?)?;
        let mut watcher = asterisk.watcher()?;
        app.play_on_phone(&id)?;
        let ring = watcher.wait_user_event("CallprofilesPlayRing", extension, secs(3))?;
        assert_eq!(ring.get("Mode"), Some("telecommuter"));
        watcher.wait_rang("0600231231", secs(3))?;
        let played = watcher.wait_user_event("CallprofilesPlayedMessage", extension, secs(30))?;
        assert_eq!(played.get("Status"), Some("SUCCESS"));
        assert!(
            !watcher.saw_ring(extension),
            "the desk phone rang: {}",
            watcher.user_events()
        );
        // An id the mailbox lacks is refused before any phone rings.
        assert!(matches!(
            app.play_on_phone(&MessageId::parse("1-404")?),
            Err(CoreError::Phone(PhoneError::MessageNotFound { .. }))
        ));
        admin.db_del(&value("CPTEST")?, &value("0600231231")?)?;
        Ok(())
    })
}

#[test]
fn an_unanswered_forwarded_call_falls_back_to_voicemail_when_it_is_on() -> TestResult {
    with_asterisk("voicemail_after_forward", |asterisk| {
        let extension = "232";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        let home = asterisk.home(extension)?;
        let mut app = asterisk.app(home.path())?;
        app.set("Home", &["routing=forward:0600 232 232", "voicemail=on"])?;
        app.activate("Home")?;
        let mut watcher = asterisk.watcher()?;
        let call = watcher.call_extension(extension, secs(6), TALK)?;
        let route = watcher.wait_user_event("CallprofilesRoute", extension, secs(3))?;
        assert_eq!(route.get("Mode"), Some("forward"));
        watcher.wait_rang("0600232232", secs(3))?;
        let unanswered = watcher.wait_user_event("CallprofilesUnanswered", extension, secs(5))?;
        assert_eq!(unanswered.get("Status"), Some("NOANSWER"));
        watcher.wait_user_event("CallprofilesNewMessage", extension, secs(20))?;
        watcher.wait_ended(&call, secs(6))?;
        assert!(
            !watcher.saw_ring(extension),
            "the desk phone rang: {}",
            watcher.user_events()
        );
        let messages = app.voicemail_messages()?;
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert_eq!(messages[0].state, MessageState::New);
        Ok(())
    })
}

#[test]
fn greetings_recorded_by_phone_are_listed_and_an_unrecorded_choice_is_flagged() -> TestResult {
    with_asterisk("voicemail_greetings", |asterisk| {
        let extension = "233";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        let home = asterisk.home(extension)?;
        let mut app = asterisk.app(home.path())?;
        assert!(app.recorded_greetings()?.slots.is_empty());
        // Record greeting 2 by phone (the shipped dialplan's recording feature).
        let mut watcher = asterisk.watcher()?;
        let recording = watcher.call("233*2", "callprofiles-record-greeting", secs(3), secs(2))?;
        watcher.wait_user_event("CallprofilesGreetingRecording", extension, secs(3))?;
        watcher.wait_ended(&recording, secs(6))?;
        let slots: Vec<u8> = app.recorded_greetings()?.slots.iter().map(|s| s.get()).collect();
        assert_eq!(slots, [2]);
        assert_eq!(
            cli(home.path(), "en", &["voicemail", "greetings"])?.lines().next(),
            Some("Recorded greetings: 2. Callers hear the system greeting when a profile chooses another one.")
        );
        // A profile choosing 3 is flagged; one choosing 2 is not.
        app.set("Office", &["voicemail.greeting=3"])?;
        let office = app.store().load()?.book.find("Office")?;
        assert_eq!(app.unrecorded_greeting(&office)?.map(|s| s.get()), Some(3));
        let shown = cli(home.path(), "en", &["show", "Office"])?;
        assert!(shown.contains("Warning: greeting 3 is not recorded"), "{shown}");
        let shown = cli(home.path(), "pl", &["show", "Office"])?;
        assert!(shown.contains("Uwaga: powitanie 3 nie jest nagrane"), "{shown}");
        app.set("Office", &["voicemail.greeting=2"])?;
        let office = app.store().load()?.book.find("Office")?;
        assert_eq!(app.unrecorded_greeting(&office)?, None);
        assert!(!cli(home.path(), "en", &["show", "Office"])?.contains("not recorded"));
        Ok(())
    })
}

#[test]
fn a_greeting_recorded_by_phone_is_then_listed() -> TestResult {
    with_asterisk("voicemail_record_greeting", |asterisk| {
        let extension = "234";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        let home = asterisk.home(extension)?;
        let mut app = asterisk.app(home.path())?;
        app.activate("Office")?;
        assert!(app.recorded_greetings()?.slots.is_empty());
        // The desk phone answers, stays 20 s (the recording; a busy machine may take seconds to
        // reach the beep) and hangs up.
        admin.db_put(&value("CPTEST")?, &value(extension)?, &value("listen")?)?;
        let mut watcher = asterisk.watcher()?;
        let said = cli(home.path(), "en", &["voicemail", "record-greeting", "5"])?;
        assert!(
            said.starts_with("Your phone rings now: answer it, speak greeting 5"),
            "{said}"
        );
        watcher.wait_rang(extension, secs(3))?;
        let recording = watcher.wait_user_event("CallprofilesGreetingRecording", extension, secs(3))?;
        assert_eq!(recording.get("Greeting"), Some("5"));
        watcher.wait_for("the phone hanging up", secs(30), |e| {
            e.event() == Some("Hangup") && e.get("Context") == Some("callprofiles-record-greeting")
        })?;
        let slots: Vec<u8> = app.recorded_greetings()?.slots.iter().map(|s| s.get()).collect();
        assert_eq!(slots, [5], "{}", watcher.user_events());
        admin.db_del(&value("CPTEST")?, &value(extension)?)?;
        Ok(())
    })
}
