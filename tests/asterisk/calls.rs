//! Every setting proven with real calls through a real Asterisk 22 running the shipped dialplan: a
//! profile is activated through the app's core service, then a call is placed with AMI `Originate`
//! and the dialplan's events, the test phones' ringing and the mailbox say what happened.
//! Each test uses its own extension, so they run in parallel. The dialplan rings for 2 s.

use std::time::Duration;

use crate::asterisk_support::{Asterisk, TestResult, new_messages, reset_extension, set_answers, value, with_asterisk};
use callprofiles_core::phone_system::call::CallOutcome;

/// Seconds as a duration.
fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

/// The mailbox's default greeting (name and digits) and the beep last about 6 s: a caller who talks
/// 8 s leaves a message.
const TALK_PAST_DEFAULT_GREETING: u64 = 8;

/// A fresh extension with a home whose `config.json` points at the test Asterisk.
struct Fixture {
    extension: &'static str,
    home: tempfile::TempDir,
    admin: callprofiles_core::phone_system::asterisk::AmiClient,
}

impl Fixture {
    fn new(asterisk: &Asterisk, extension: &'static str) -> crate::asterisk_support::Res<Self> {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        Ok(Self {
            extension,
            home: asterisk.home(extension)?,
            admin,
        })
    }

    /// Changes profile `profile` with `pairs` and activates it, all through the core service.
    fn activate(&self, asterisk: &Asterisk, profile: &str, pairs: &[&str]) -> TestResult {
        let mut app = asterisk.app(self.home.path())?;
        if app.store().load()?.book.find(profile).is_err() {
            app.create(profile, Some("Office"))?;
        }
        if !pairs.is_empty() {
            app.set(profile, pairs)?;
        }
        app.activate(profile)?;
        Ok(())
    }

    /// Runs `callprofiles --home HOME --lang en ARGS…` (the secret from the home's file).
    fn cli(&self, args: &[&str]) -> crate::asterisk_support::Res<std::process::Output> {
        Ok(assert_cmd::Command::new(env!("CARGO_BIN_EXE_callprofiles"))
            .arg("--home")
            .arg(self.home.path())
            .args(["--lang", "en"])
            .args(args)
            .env_remove("CALLPROFILES_AMI_SECRET")
            .output()?)
    }

    fn db(&mut self, family: &str, key: &str) -> crate::asterisk_support::Res<Option<String>> {
        Ok(self.admin.db_get(&value(family)?, &value(key)?)?)
    }

    fn device_state(&mut self, device: &str) -> crate::asterisk_support::Res<String> {
        Ok(self.admin.getvar(&value(format!("DEVICE_STATE(Custom:{device})"))?)?)
    }

    fn messages(&mut self) -> crate::asterisk_support::Res<u64> {
        new_messages(&mut self.admin, self.extension)
    }
}

#[test]
fn desk_phone_rings_the_extension_then_voicemail_takes_the_message() -> TestResult {
    with_asterisk("desk_phone", |asterisk| {
        let mut fx = Fixture::new(asterisk, "210")?;
        fx.activate(asterisk, "Office", &[])?;
        let before = fx.messages()?;
        let mut watcher = asterisk.watcher()?;
        let call = watcher.call_extension("210", secs(6), secs(TALK_PAST_DEFAULT_GREETING))?;
        let route = watcher.wait_user_event("CallprofilesRoute", "210", secs(3))?;
        assert_eq!(route.get("Mode"), Some("desk"));
        watcher.wait_rang("210", secs(3))?;
        let unanswered = watcher.wait_user_event("CallprofilesUnanswered", "210", secs(4))?;
        assert_eq!(unanswered.get("Voicemail"), Some("on"));
        let greeting = watcher.wait_user_event("CallprofilesGreeting", "210", secs(1))?;
        assert_eq!(greeting.get("Greeting"), Some("default"));
        watcher.wait_user_event("CallprofilesNewMessage", "210", secs(15))?;
        watcher.wait_ended(&call, secs(6))?;
        assert_eq!(fx.messages()?, before + 1);
        // The app counts the same new messages (the window shows them in its status line).
        assert_eq!(asterisk.app(fx.home.path())?.new_messages()?, Some(before + 1));
        let status = fx.cli(&["status"])?;
        let status = String::from_utf8(status.stdout)?;
        assert!(
            status.contains(&format!("\nVoicemail: {} new message", before + 1)),
            "{status}"
        );
        // Office has ringback and notification off.
        assert!(
            !watcher.saw_user_event("CallprofilesNotification", "210"),
            "{}",
            watcher.user_events()
        );
        assert!(
            watcher
                .wait_user_event("CallprofilesRingback", "210", Duration::from_millis(1500))
                .is_err()
        );
        Ok(())
    })
}

#[test]
fn forward_with_voicemail_off_sends_the_call_to_the_number_and_never_to_voicemail() -> TestResult {
    with_asterisk("forward", |asterisk| {
        let mut fx = Fixture::new(asterisk, "211")?;
        // With voicemail on, an unanswered forwarded call leaves a message (tests/asterisk/voicemail.rs).
        fx.activate(asterisk, "Home", &["routing=forward:+48 22 555-01-01", "voicemail=off"])?;
        assert_eq!(fx.db("CF", "211")?.as_deref(), Some("+48225550101"));
        assert_eq!(fx.device_state("CF211")?, "BUSY");
        let before = fx.messages()?;
        let mut watcher = asterisk.watcher()?;
        let call = watcher.call_extension("211", secs(4), secs(1))?;
        let route = watcher.wait_user_event("CallprofilesRoute", "211", secs(3))?;
        assert_eq!(route.get("Mode"), Some("forward"));
        assert_eq!(route.get("Number"), Some("+48225550101"));
        watcher.wait_rang("+48225550101", secs(3))?;
        watcher.wait_ended(&call, secs(8))?;
        assert!(
            !watcher.saw_ring("211"),
            "the desk phone rang: {}",
            watcher.user_events()
        );
        assert!(!watcher.saw_user_event("CallprofilesUnanswered", "211"));
        assert_eq!(fx.messages()?, before);
        // Back to the desk phone: FreePBX's forward key is deleted and the lamp goes off.
        fx.activate(asterisk, "Office", &[])?;
        assert_eq!(fx.db("CF", "211")?, None);
        assert_eq!(fx.device_state("CF211")?, "NOT_INUSE");
        Ok(())
    })
}

#[test]
fn twinning_rings_the_desk_phone_and_the_number_at_once() -> TestResult {
    with_asterisk("twinning", |asterisk| {
        let mut fx = Fixture::new(asterisk, "212")?;
        // An administrator's Follow Me ring time is kept (and honoured: 2 s instead of the default 20).
        fx.admin
            .db_put(&value("AMPUSER")?, &value("212/followme/grptime")?, &value("2")?)?;
        fx.activate(asterisk, "Mobile", &["routing=twinning:0600 111 222", "voicemail=off"])?;
        assert_eq!(fx.db("AMPUSER", "212/followme/grptime")?.as_deref(), Some("2"));
        assert_eq!(fx.db("AMPUSER", "212/followme/ddial")?.as_deref(), Some("DIRECT"));
        assert_eq!(
            fx.db("AMPUSER", "212/followme/grplist")?.as_deref(),
            Some("212-0600111222#")
        );
        assert_eq!(fx.device_state("FOLLOWME212")?, "INUSE");
        let mut watcher = asterisk.watcher()?;
        let call = watcher.call_extension("212", secs(4), secs(1))?;
        let route = watcher.wait_user_event("CallprofilesRoute", "212", secs(3))?;
        assert_eq!(route.get("Mode"), Some("twinning"));
        watcher.wait_rang("212", secs(2))?;
        watcher.wait_rang("0600111222", secs(2))?;
        let unanswered = watcher.wait_user_event("CallprofilesUnanswered", "212", secs(4))?;
        assert_eq!(unanswered.get("Voicemail"), Some("off"));
        watcher.wait_ended(&call, secs(6))?;
        fx.activate(asterisk, "Office", &[])?;
        assert_eq!(fx.db("AMPUSER", "212/followme/ddial")?.as_deref(), Some("EXTENSION"));
        assert_eq!(fx.device_state("FOLLOWME212")?, "NOT_INUSE");
        Ok(())
    })
}

#[test]
fn telecommuter_rings_the_remote_number_then_voicemail() -> TestResult {
    with_asterisk("telecommuter", |asterisk| {
        let mut fx = Fixture::new(asterisk, "213")?;
        fx.activate(asterisk, "Remote", &["routing=telecommuter:0222333444"])?;
        assert_eq!(
            fx.db("CALLPROFILES", "213/telecommuter")?.as_deref(),
            Some("0222333444")
        );
        let before = fx.messages()?;
        let mut watcher = asterisk.watcher()?;
        let call = watcher.call_extension("213", secs(6), secs(TALK_PAST_DEFAULT_GREETING))?;
        let route = watcher.wait_user_event("CallprofilesRoute", "213", secs(3))?;
        assert_eq!(route.get("Mode"), Some("telecommuter"));
        watcher.wait_rang("0222333444", secs(3))?;
        watcher.wait_user_event("CallprofilesUnanswered", "213", secs(4))?;
        watcher.wait_user_event("CallprofilesNewMessage", "213", secs(15))?;
        watcher.wait_ended(&call, secs(6))?;
        assert!(
            !watcher.saw_ring("213"),
            "the desk phone rang: {}",
            watcher.user_events()
        );
        assert_eq!(fx.messages()?, before + 1);
        Ok(())
    })
}

#[test]
fn a_telecommuters_call_rings_the_remote_phone_then_dials_the_number_as_the_extension() -> TestResult {
    with_asterisk("telecommuter_call", |asterisk| {
        let mut fx = Fixture::new(asterisk, "219")?;
        let (remote, target) = ("0222333555", "0600700800");
        set_answers(&mut fx.admin, remote, true)?;
        let mut app = asterisk.app(fx.home.path())?;
        // Not a telecommuter yet: refused before anything is sent.
        fx.activate(asterisk, "Office", &[])?;
        assert!(matches!(
            app.call(target),
            Err(callprofiles_core::CoreError::Rule(
                callprofiles_core::RuleError::CallNeedsTelecommuter
            ))
        ));

        fx.activate(asterisk, "Remote", &[&format!("routing=telecommuter:{remote}")])?;
        let mut watcher = asterisk.watcher()?;
        let (placed, watch) = app.call("0600 700 800")?;
        assert_eq!((placed.remote.as_str(), placed.target.as_str()), (remote, target));
        // Asterisk tells the call's own connection that the telecommuter answered.
        assert_eq!(watch.wait(), CallOutcome::Answered);
        let callback = watcher.wait_user_event("CallprofilesTelecommuterCallback", "219", secs(3))?;
        assert_eq!(callback.get("Number"), Some(remote));
        watcher.wait_rang(remote, secs(3))?;
        let call = watcher.wait_user_event("CallprofilesTelecommuterCall", "219", secs(5))?;
        assert_eq!(call.get("Target"), Some(target));
        let rang = watcher.wait_rang(target, secs(3))?;
        assert_eq!(rang.get("From"), Some("219"), "the number sees the extension calling");
        assert!(
            !watcher.saw_ring("219"),
            "the desk phone rang: {}",
            watcher.user_events()
        );

        // The same from the command line, in one line the user can act on.
        let output = fx.cli(&["call", "0700 111 222"])?;
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(
            String::from_utf8(output.stdout)?,
            format!(
                "Your telecommuter phone ({remote}) rings now: answer it to be connected to 0700111222, who sees \
                 your extension calling.\nYou answered: the phone system now calls 0700111222 for you, showing your \
                 extension.\n"
            )
        );
        let rang = watcher.wait_rang("0700111222", secs(8))?;
        assert_eq!(rang.get("From"), Some("219"));

        // A telecommuter phone nobody answers: the watch says so once the ringing time is up.
        let silent = "0222333666";
        fx.activate(asterisk, "Remote", &[&format!("routing=telecommuter:{silent}")])?;
        let phone = callprofiles_core::phone_system::asterisk::AsteriskPhoneSystem::with_secret(
            asterisk.config("219", None)?,
            callprofiles_core::phone_system::asterisk::AmiSecret::new(&asterisk.secret)?,
        )
        .with_call_answer_timeout(secs(2));
        let mut impatient = callprofiles_core::Callprofiles::with_phone_system(fx.home.path(), Box::new(phone));
        let (_, watch) = impatient.call(target)?;
        watcher.wait_rang(silent, secs(3))?;
        assert_eq!(watch.wait(), CallOutcome::NotAnswered);

        // Someone switched the routing meanwhile: the dialplan itself refuses the call.
        fx.activate(asterisk, "Office", &[])?;
        fx.admin
            .originate(&callprofiles_core::phone_system::asterisk::Originate {
                channel: value("Local/219@callprofiles-telecommuter-remote")?,
                context: value("callprofiles-telecommuter-call")?,
                exten: value("219")?,
                timeout: secs(5),
                channel_id: None,
                other_channel_id: None,
                variables: vec![value(format!("CP_CALL_TARGET={target}"))?],
            })?;
        let refused = watcher.wait_user_event("CallprofilesCallRefused", "219", secs(3))?;
        assert_eq!(refused.get("Reason"), Some("routing desk"));

        // An AMI user without the originate permission: one sentence saying what to grant.
        fx.activate(asterisk, "Remote", &[])?;
        let mut config = asterisk.config("219", None)?;
        config.username = callprofiles_core::phone_system::asterisk::AmiUsername::parse("callprofiles-nocalls")?;
        let phone = callprofiles_core::phone_system::asterisk::AsteriskPhoneSystem::with_secret(
            config,
            callprofiles_core::phone_system::asterisk::AmiSecret::new(&asterisk.secret)?,
        );
        let mut limited = callprofiles_core::Callprofiles::with_phone_system(fx.home.path(), Box::new(phone));
        let error = limited.call(target).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            error,
            "The phone system is not configured correctly: the AMI user \"callprofiles-nocalls\" may not place \
             calls: add originate to its write permissions in manager.conf (write = system,call,originate)."
        );
        set_answers(&mut fx.admin, remote, false)?;
        Ok(())
    })
}

#[test]
fn voicemail_off_leaves_no_message() -> TestResult {
    with_asterisk("voicemail_off", |asterisk| {
        let mut fx = Fixture::new(asterisk, "214")?;
        fx.activate(asterisk, "Office", &["voicemail=off"])?;
        let before = fx.messages()?;
        let mut watcher = asterisk.watcher()?;
        let call = watcher.call_extension("214", secs(5), secs(3))?;
        watcher.wait_rang("214", secs(3))?;
        let unanswered = watcher.wait_user_event("CallprofilesUnanswered", "214", secs(4))?;
        assert_eq!(unanswered.get("Voicemail"), Some("off"));
        watcher.wait_ended(&call, secs(6))?;
        assert!(!watcher.saw_user_event("CallprofilesGreeting", "214"));
        assert_eq!(fx.messages()?, before);
        Ok(())
    })
}

#[test]
fn recorded_greeting_is_played_and_notification_announces_the_message() -> TestResult {
    with_asterisk("greeting_and_notification", |asterisk| {
        let mut fx = Fixture::new(asterisk, "215")?;
        let mut watcher = asterisk.watcher()?;
        // Record greeting 4 the way a user would: a call to the recording feature, a tone, hang up.
        let recording = watcher.call("215*4", "callprofiles-record-greeting", secs(3), secs(2))?;
        watcher.wait_user_event("CallprofilesGreetingRecording", "215", secs(3))?;
        watcher.wait_ended(&recording, secs(6))?;
        fx.activate(
            asterisk,
            "Greeted",
            &["voicemail.greeting=4", "voicemail.notification=on"],
        )?;
        let before = fx.messages()?;
        let call = watcher.call_extension("215", secs(6), secs(3))?;
        watcher.wait_user_event("CallprofilesUnanswered", "215", secs(5))?;
        let greeting = watcher.wait_user_event("CallprofilesGreeting", "215", secs(5))?;
        assert_eq!(greeting.get("Greeting"), Some("4"));
        assert_eq!(greeting.get("Status"), Some("SUCCESS"));
        watcher.wait_user_event("CallprofilesNewMessage", "215", secs(8))?;
        let notification = watcher.wait_user_event("CallprofilesNotification", "215", secs(2))?;
        assert_eq!(notification.get("Mailbox"), Some("215@default"));
        assert_eq!(notification.get("Playback"), Some("phone"));
        assert_eq!(notification.get("NewMessages"), Some((before + 1).to_string().as_str()));
        watcher.wait_ended(&call, secs(6))?;
        assert_eq!(fx.messages()?, before + 1);
        Ok(())
    })
}

#[test]
fn ringback_calls_the_extension_after_a_new_message() -> TestResult {
    with_asterisk("ringback", |asterisk| {
        let mut fx = Fixture::new(asterisk, "216")?;
        fx.activate(
            asterisk,
            "Office",
            &["voicemail.ringback=on", "voicemail.playback=computer"],
        )?;
        // The desk phone does not answer the call, but answers its second ringing: the ringback.
        fx.admin
            .db_put(&value("CPTEST")?, &value("216")?, &value("answer-after-1")?)?;
        let mut watcher = asterisk.watcher()?;
        watcher.call_extension("216", secs(6), secs(TALK_PAST_DEFAULT_GREETING))?;
        watcher.wait_user_event("CallprofilesNewMessage", "216", secs(15))?;
        let ringback = watcher.wait_user_event("CallprofilesRingback", "216", secs(4))?;
        assert_eq!(ringback.get("Playback"), Some("computer"));
        let answered = watcher.wait_user_event("CallprofilesRingbackAnswered", "216", secs(4))?;
        assert_eq!(answered.get("Playback"), Some("computer"));
        watcher.wait_for("the desk phone answering", secs(4), |e| {
            crate::asterisk_support::is_user_event(e, "CallprofilesTestAnswered") && e.get("Target") == Some("216")
        })?;
        set_answers(&mut fx.admin, "216", false)?;
        Ok(())
    })
}

/// Calls `extension` (ringing 8 s) and has a colleague try a directed pickup while it rings;
/// returns the watcher.
fn try_pickup(asterisk: &Asterisk, fx: &mut Fixture) -> crate::asterisk_support::Res<crate::asterisk_support::Watcher> {
    // FreePBX's ring time key: long enough for the colleague to act.
    fx.admin.db_put(
        &value("AMPUSER")?,
        &value(format!("{}/ringtimer", fx.extension))?,
        &value("8")?,
    )?;
    let mut watcher = asterisk.watcher()?;
    watcher.call_extension(fx.extension, secs(4), secs(1))?;
    watcher.wait_rang(fx.extension, secs(3))?;
    watcher.call(fx.extension, "callprofiles-pickup", secs(3), secs(1))?;
    watcher.wait_user_event("CallprofilesPickupAttempt", fx.extension, secs(3))?;
    Ok(watcher)
}

#[test]
fn pickup_on_lets_a_colleague_answer_the_ringing_call() -> TestResult {
    with_asterisk("pickup_on", |asterisk| {
        let mut fx = Fixture::new(asterisk, "217")?;
        fx.activate(asterisk, "Office", &["call_pickup=on"])?;
        let mut watcher = try_pickup(asterisk, &mut fx)?;
        let pickup = watcher.wait_for("a pickup", secs(3), |e| {
            e.event() == Some("Pickup")
                && e.get("TargetChannel")
                    .is_some_and(|c| c.starts_with("Local/217@callprofiles-test-phones"))
        })?;
        assert!(
            pickup
                .get("Channel")
                .is_some_and(|c| c.starts_with("Local/217@callprofiles-pickup"))
        );
        assert!(!watcher.saw_user_event("CallprofilesPickupRefused", "217"));
        Ok(())
    })
}

#[test]
fn pickup_off_refuses_a_colleague() -> TestResult {
    with_asterisk("pickup_off", |asterisk| {
        let mut fx = Fixture::new(asterisk, "218")?;
        fx.activate(asterisk, "Office", &["call_pickup=off"])?;
        let mut watcher = try_pickup(asterisk, &mut fx)?;
        watcher.wait_user_event("CallprofilesPickupRefused", "218", secs(3))?;
        let picked = watcher.seen.iter().any(|e| {
            e.event() == Some("Pickup")
                && e.get("TargetChannel")
                    .is_some_and(|c| c.starts_with("Local/218@callprofiles-test-phones"))
        });
        assert!(!picked, "the call was picked up although pickup is off");
        Ok(())
    })
}
