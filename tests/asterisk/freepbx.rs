//! FreePBX 16/17 with callprofiles installed as README.md says: a real Asterisk 22 runs the contexts
//! FreePBX 17 generates for an extension and for the paths that reach it (tests/asterisk/freepbx/,
//! each context citing the FreePBX source it reproduces) plus `assets/asterisk/callprofiles-freepbx.conf`
//! from the administrator's `extensions_override_freepbx.conf`. Every test activates a profile through
//! the app's core service and calls the extension down every path at once: a trunk DID, an IVR option,
//! a ring group's failover, an internal call and a blind transfer; the dialplan's events (matched to each
//! call by its Linkedid), the test phones' ringing and the mailbox say what happened.
//! Each test uses its own extensions (301-318), so they run in parallel. FreePBX's ring time is 2 s.

use std::time::{Duration, Instant};

use crate::asterisk_support::{Asterisk, Call, Res, TestResult, Watcher, is_user_event, value, with_asterisk};
use callprofiles_core::phone_system::asterisk::{AmiClient, Message};

/// How long a test waits for the events that prove an outcome: generous, since a loaded machine runs
/// the dialplan late, and a wait ends as soon as its event arrives.
const EVENTS_WAIT: Duration = Duration::from_secs(30);

fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

/// The ways a call reaches an extension on FreePBX: (name, number to call, context).
fn paths(ext: &str) -> [(&'static str, String, &'static str); 5] {
    [
        ("trunk DID", format!("5550{ext}"), "from-trunk"),
        ("IVR option", ext.to_owned(), "freepbx-test-ivr"),
        ("ring group failover", format!("6{ext}"), "freepbx-test-ringgroup"),
        ("internal call", ext.to_owned(), "freepbx-test-internal"),
        ("blind transfer", ext.to_owned(), "freepbx-test-blind-transfer"),
    ]
}

/// A FreePBX user with one device (its test phone, not busy), a mailbox in `default` and a home.
struct User {
    ext: &'static str,
    home: tempfile::TempDir,
    admin: AmiClient,
}

impl User {
    fn new(asterisk: &Asterisk, ext: &'static str) -> Res<Self> {
        let mut admin = asterisk.admin()?;
        for family in [
            "CF",
            "CFB",
            "CFU",
            "CW",
            "DND",
            "AMPUSER",
            "CALLPROFILES",
            "CPTEST",
            "DEVICE",
        ] {
            admin.db_del_tree(&value(family)?, &value(ext)?)?;
        }
        let mut user = Self {
            ext,
            home: asterisk.home(ext)?,
            admin,
        };
        user.put("AMPUSER", "device", ext)?;
        user.put("AMPUSER", "voicemail", "default")?;
        user.put("AMPUSER", "cfringtimer", "0")?;
        user.device(ext)?;
        user.phone_state(ext, "NOT_INUSE")?;
        // donotdisturb functions.inc.php keeps the DND lamp (in the extension's hint) set.
        user.admin
            .setvar(&value(format!("DEVICE_STATE(Custom:DND{ext})"))?, &value("NOT_INUSE")?)?;
        // The colleague who calls internally.
        user.admin
            .db_put(&value("AMPUSER")?, &value("399/device")?, &value("399")?)?;
        user.admin
            .db_put(&value("DEVICE")?, &value("399/user")?, &value("399")?)?;
        Ok(user)
    }

    /// `FAMILY/<ext>/<leaf>` = `val`, or `FAMILY/<ext>` when `leaf` is empty.
    fn put(&mut self, family: &str, leaf: &str, val: &str) -> TestResult {
        let key = if leaf.is_empty() {
            self.ext.to_owned()
        } else {
            format!("{}/{leaf}", self.ext)
        };
        self.admin.db_put(&value(family)?, &value(key)?, &value(val)?)?;
        Ok(())
    }

    /// A FreePBX device `dev` of this user, dialled as its test phone.
    fn device(&mut self, dev: &str) -> TestResult {
        self.admin.db_put(
            &value("DEVICE")?,
            &value(format!("{dev}/dial"))?,
            &value(format!("Local/{dev}@callprofiles-test-phones"))?,
        )?;
        self.admin
            .db_put(&value("DEVICE")?, &value(format!("{dev}/user"))?, &value(self.ext)?)?;
        Ok(())
    }

    /// The phone's state as its hint shows it (NOT_INUSE, INUSE, …).
    fn phone_state(&mut self, ext: &str, state: &str) -> TestResult {
        self.admin
            .setvar(&value(format!("DEVICE_STATE(Custom:PHONE{ext})"))?, &value(state)?)?;
        Ok(())
    }

    /// Changes profile `profile` with `pairs` and activates it through the core service.
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
}

/// The calls of one round, one per path.
struct Round {
    calls: Vec<(&'static str, Call)>,
}

/// Calls `ext` down every path at once; each caller waits `ring` for an answer, then stays on the line
/// as long again (an IVR answers the caller before it transfers the call).
fn call_every_path(watcher: &mut Watcher, ext: &str, ring: Duration) -> Res<Round> {
    let mut calls = Vec::new();
    for (name, number, context) in paths(ext) {
        calls.push((name, watcher.call(&number, context, ring, ring)?));
    }
    Ok(Round { calls })
}

/// Whether `event` belongs to `call` (the dialplan's and the test phones' channels share its Linkedid).
fn of_call(event: &Message, call: &Call) -> bool {
    event.get("Linkedid") == Some(call.caller_id.as_str())
}

/// The user event `name` of `call`, waited for up to `wait`.
fn event_of(watcher: &mut Watcher, call: &Call, path: &str, name: &str, wait: Duration) -> Res<Message> {
    watcher
        .wait_for(&format!("{name} on the {path} path"), wait, |e| {
            is_user_event(e, name) && of_call(e, call)
        })
        .map_err(|e| format!("{path}: {e}").into())
}

/// Whether `event` says `target` rang during `call`.
fn is_ring(event: &Message, call: &Call, target: &str) -> bool {
    is_user_event(event, "CallprofilesTestRang") && event.get("Target") == Some(target) && of_call(event, call)
}

/// Whether `target` rang during `call` among the events seen so far.
fn rang(watcher: &Watcher, call: &Call, target: &str) -> bool {
    watcher.seen.iter().any(|e| is_ring(e, call, target))
}

/// Waits for every call of `round` to report `name`, then checks each with `check`.
fn each_path(
    watcher: &mut Watcher,
    round: &Round,
    name: &str,
    wait: Duration,
    check: impl Fn(&str, &Message, &Watcher) -> TestResult,
) -> TestResult {
    let deadline = Instant::now() + wait;
    for (path, call) in &round.calls {
        let left = deadline.saturating_duration_since(Instant::now());
        let event = event_of(watcher, call, path, name, left)?;
        check(path, &event, watcher).map_err(|e| format!("{path}: {e}; events: {}", watcher.user_events()))?;
    }
    Ok(())
}

/// Checks that `round`'s calls all rang `target`, waiting for each ring; or, with `false`, that none
/// did among the events seen so far (call it once the round's calls have ended their ringing).
fn rang_on_every_path(watcher: &mut Watcher, round: &Round, target: &str, expected: bool) -> TestResult {
    let deadline = Instant::now() + EVENTS_WAIT;
    for (path, call) in &round.calls {
        if expected {
            let left = deadline.saturating_duration_since(Instant::now());
            watcher
                .wait_for(&format!("{target} ringing on the {path} path"), left, |e| {
                    is_ring(e, call, target)
                })
                .map_err(|e| format!("{path}: {e}"))?;
        } else if rang(watcher, call, target) {
            return Err(format!("{path}: {target} did ring; events: {}", watcher.user_events()).into());
        }
    }
    Ok(())
}

#[test]
fn freepbx_desk_phone_rings_every_device_then_voicemail_on_every_path() -> TestResult {
    with_asterisk("freepbx_desk_phone", |asterisk| {
        let mut user = User::new(asterisk, "301")?;
        user.put("AMPUSER", "device", "301&93010")?;
        user.device("93010")?;
        user.activate(asterisk, "Office", &[])?;
        let mut watcher = asterisk.watcher()?;
        let round = call_every_path(&mut watcher, "301", secs(8))?;
        each_path(&mut watcher, &round, "CallprofilesRoute", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Mode", "desk"), ("Via", "freepbx"), ("Voicemail", "on")])
        })?;
        each_path(
            &mut watcher,
            &round,
            "CallprofilesUnanswered",
            EVENTS_WAIT,
            |_, e, _| expect(e, &[("Status", "NOANSWER")]),
        )?;
        each_path(&mut watcher, &round, "CallprofilesGreeting", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Greeting", "default")])
        })?;
        // FreePBX's macro-dial-one rang both devices of AMPUSER/301/device.
        rang_on_every_path(&mut watcher, &round, "301", true)?;
        rang_on_every_path(&mut watcher, &round, "93010", true)?;
        // The ring group's own member rang before its failover.
        let (_, rg) = &round.calls[2];
        watcher.wait_for("7301 ringing on the ring group path", EVENTS_WAIT, |e| {
            is_ring(e, rg, "7301")
        })?;
        Ok(())
    })
}

#[test]
fn freepbx_voicemail_off_and_a_novm_user_end_without_voicemail() -> TestResult {
    with_asterisk("freepbx_voicemail_off", |asterisk| {
        let user = User::new(asterisk, "302")?;
        user.activate(asterisk, "Office", &["voicemail=off"])?;
        let mut novm = User::new(asterisk, "309")?;
        novm.put("AMPUSER", "voicemail", "novm")?;
        novm.activate(asterisk, "Office", &[])?;
        // No mailbox, so no count of messages either.
        let mut app = asterisk.app(novm.home.path())?;
        app.status()?;
        assert_eq!(app.new_messages()?, None);
        let mut watcher = asterisk.watcher()?;
        let off = call_every_path(&mut watcher, "302", secs(6))?;
        let none = call_every_path(&mut watcher, "309", secs(6))?;
        for round in [&off, &none] {
            each_path(&mut watcher, round, "CallprofilesUnanswered", EVENTS_WAIT, |_, e, _| {
                expect(e, &[("Status", "NOANSWER"), ("Voicemail", "off")])
            })?;
        }
        std::thread::sleep(Duration::from_millis(500));
        assert!(
            !watcher.saw_user_event("CallprofilesGreeting", "302"),
            "{}",
            watcher.user_events()
        );
        assert!(
            !watcher.saw_user_event("CallprofilesGreeting", "309"),
            "{}",
            watcher.user_events()
        );
        rang_on_every_path(&mut watcher, &off, "302", true)?;
        Ok(())
    })
}

#[test]
fn freepbx_forward_dials_the_number_and_lights_the_lamps_freepbx_watches() -> TestResult {
    with_asterisk("freepbx_forward", |asterisk| {
        let mut user = User::new(asterisk, "303")?;
        user.put("AMPUSER", "device", "303&93030")?;
        user.device("93030")?;
        user.activate(asterisk, "Office", &["routing=forward:0600303"])?;
        // callforward functions.inc.php: BLF keys watch Custom:DEVCF<device>; Custom:CF<ext> too.
        for lamp in ["CF303", "DEVCF303", "DEVCF93030"] {
            let state = user.admin.getvar(&value(format!("DEVICE_STATE(Custom:{lamp})"))?)?;
            assert_eq!(state, "BUSY", "{lamp}");
        }
        let mut watcher = asterisk.watcher()?;
        let round = call_every_path(&mut watcher, "303", secs(5))?;
        each_path(&mut watcher, &round, "CallprofilesRoute", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Mode", "forward"), ("Number", "0600303")])
        })?;
        for (path, call) in &round.calls {
            watcher.wait_for(&format!("0600303 ringing ({path})"), EVENTS_WAIT, |e| {
                is_ring(e, call, "0600303")
            })?;
        }
        rang_on_every_path(&mut watcher, &round, "303", false)?;
        // Unanswered there, the forwarded call falls back to voicemail (on in Office).
        each_path(
            &mut watcher,
            &round,
            "CallprofilesUnanswered",
            EVENTS_WAIT,
            |_, e, _| expect(e, &[("Voicemail", "on")]),
        )?;
        user.activate(asterisk, "Office", &["routing=desk_phone"])?;
        let state = user.admin.getvar(&value("DEVICE_STATE(Custom:DEVCF93030)")?)?;
        assert_eq!(state, "NOT_INUSE");
        Ok(())
    })
}

#[test]
fn freepbx_telecommuter_rings_only_the_remote_number() -> TestResult {
    with_asterisk("freepbx_telecommuter", |asterisk| {
        let user = User::new(asterisk, "304")?;
        user.activate(asterisk, "Office", &["routing=telecommuter:0700304"])?;
        let mut watcher = asterisk.watcher()?;
        let round = call_every_path(&mut watcher, "304", secs(6))?;
        each_path(&mut watcher, &round, "CallprofilesRoute", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Mode", "telecommuter"), ("Number", "0700304")])
        })?;
        each_path(
            &mut watcher,
            &round,
            "CallprofilesUnanswered",
            EVENTS_WAIT,
            |_, e, _| expect(e, &[("Voicemail", "on")]),
        )?;
        rang_on_every_path(&mut watcher, &round, "0700304", true)?;
        rang_on_every_path(&mut watcher, &round, "304", false)?;
        Ok(())
    })
}

#[test]
fn freepbx_twinning_is_follow_me_with_prering_and_internal_members() -> TestResult {
    with_asterisk("freepbx_twinning", |asterisk| {
        let mut colleague = User::new(asterisk, "306")?;
        colleague.activate(asterisk, "Office", &[])?;
        let mut user = User::new(asterisk, "305")?;
        // An administrator's Follow Me: prering 1 s, the colleague 306 as an internal member.
        user.put("AMPUSER", "followme/prering", "1")?;
        user.put("AMPUSER", "followme/grptime", "2")?;
        user.put("AMPUSER", "followme/grplist", "305-306")?;
        user.activate(asterisk, "Office", &["routing=twinning:0800305"])?;
        let list = user.admin.db_get(&value("AMPUSER")?, &value("305/followme/grplist")?)?;
        assert_eq!(list.as_deref(), Some("305-306-0800305#"));
        let lamp = user.admin.getvar(&value("DEVICE_STATE(Custom:FOLLOWME305)")?)?;
        assert_eq!(lamp, "INUSE");
        let mut watcher = asterisk.watcher()?;
        let round = call_every_path(&mut watcher, "305", secs(8))?;
        each_path(&mut watcher, &round, "CallprofilesRoute", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Mode", "twinning"), ("Number", "0800305")])
        })?;
        each_path(&mut watcher, &round, "CallprofilesFollowMe", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Step", "prering"), ("Seconds", "1")])
        })?;
        each_path(
            &mut watcher,
            &round,
            "CallprofilesUnanswered",
            EVENTS_WAIT,
            |_, e, _| expect(e, &[("Voicemail", "on")]),
        )?;
        for target in ["305", "306", "0800305"] {
            rang_on_every_path(&mut watcher, &round, target, true)?;
        }
        // Prering: the extension rang alone first, the list after it.
        for (path, call) in &round.calls {
            let order: Vec<&str> = watcher
                .seen
                .iter()
                .filter(|e| is_user_event(e, "CallprofilesTestRang") && of_call(e, call))
                .filter_map(|e| e.get("Target"))
                .filter(|t| ["305", "306", "0800305"].contains(t))
                .collect();
            assert_eq!(order.first(), Some(&"305"), "{path}: {order:?}");
        }
        colleague.phone_state("306", "NOT_INUSE")?;
        Ok(())
    })
}

#[test]
fn freepbx_dnd_is_busy_and_cfb_takes_the_call() -> TestResult {
    with_asterisk("freepbx_dnd_cfb", |asterisk| {
        let mut user = User::new(asterisk, "307")?;
        user.activate(asterisk, "Office", &[])?;
        // *78 on the phone (donotdisturb functions.inc.php): DND/<ext>=YES.
        user.put("DND", "", "YES")?;
        let mut watcher = asterisk.watcher()?;
        let round = call_every_path(&mut watcher, "307", secs(6))?;
        each_path(
            &mut watcher,
            &round,
            "CallprofilesUnanswered",
            EVENTS_WAIT,
            |_, e, _| expect(e, &[("Status", "BUSY"), ("Voicemail", "on")]),
        )?;
        rang_on_every_path(&mut watcher, &round, "307", false)?;
        // The app observes DND set on the phone; it stays an observation, the profile stays active.
        let mut app = asterisk.app(user.home.path())?;
        let status = app.status()?;
        assert!(app.do_not_disturb());
        assert!(!status.activity.is_detected());
        let cli = assert_cmd::Command::new(env!("CARGO_BIN_EXE_callprofiles"))
            .arg("--home")
            .arg(user.home.path())
            .args(["--lang", "en", "status"])
            .env_remove("CALLPROFILES_AMI_SECRET")
            .output()?;
        let text = String::from_utf8(cli.stdout)?;
        assert!(text.contains("Do not disturb is on (set on the phone)"), "{text}");
        // With CFB (call forward on busy) the busy call goes to that number.
        user.put("CFB", "", "0900307")?;
        let round = call_every_path(&mut watcher, "307", secs(6))?;
        for (path, call) in &round.calls {
            watcher.wait_for(&format!("0900307 ringing ({path})"), EVENTS_WAIT, |e| {
                is_ring(e, call, "0900307")
            })?;
        }
        Ok(())
    })
}

#[test]
fn freepbx_cfu_rings_the_number_after_the_ring_time() -> TestResult {
    with_asterisk("freepbx_cfu", |asterisk| {
        let mut user = User::new(asterisk, "308")?;
        user.activate(asterisk, "Office", &[])?;
        user.put("CFU", "", "0900308")?;
        let mut watcher = asterisk.watcher()?;
        let round = call_every_path(&mut watcher, "308", secs(8))?;
        for (path, call) in &round.calls {
            watcher.wait_for(&format!("0900308 ringing ({path})"), EVENTS_WAIT, |e| {
                is_ring(e, call, "0900308")
            })?;
        }
        rang_on_every_path(&mut watcher, &round, "308", true)?;
        Ok(())
    })
}

#[test]
fn freepbx_call_waiting_off_is_busy_on_rings_and_ring_time_is_the_users() -> TestResult {
    with_asterisk("freepbx_call_waiting", |asterisk| {
        let mut user = User::new(asterisk, "311")?;
        user.activate(asterisk, "Office", &[])?;
        user.phone_state("311", "INUSE")?;
        let mut watcher = asterisk.watcher()?;
        let busy = call_every_path(&mut watcher, "311", secs(6))?;
        each_path(&mut watcher, &busy, "CallprofilesUnanswered", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Status", "BUSY")])
        })?;
        rang_on_every_path(&mut watcher, &busy, "311", false)?;
        // Call waiting on (*70: CW/<ext>=ENABLED) and a ring time of 4 s (AMPUSER/<ext>/ringtimer).
        user.put("CW", "", "ENABLED")?;
        user.put("AMPUSER", "ringtimer", "4")?;
        let waiting = call_every_path(&mut watcher, "311", secs(9))?;
        let placed = Instant::now();
        each_path(
            &mut watcher,
            &waiting,
            "CallprofilesUnanswered",
            EVENTS_WAIT,
            |_, e, _| expect(e, &[("Status", "BUSY")]),
        )?;
        // The first call gave up no earlier than the user's 4 s (FreePBX's default here is 2 s).
        let rang_for = placed.elapsed();
        assert!(rang_for >= Duration::from_millis(3900), "rang for {rang_for:?}");
        rang_on_every_path(&mut watcher, &waiting, "311", true)?;
        user.phone_state("311", "NOT_INUSE")?;
        Ok(())
    })
}

#[test]
fn freepbx_an_extension_written_with_hash_in_follow_me_rings_with_its_own_settings() -> TestResult {
    with_asterisk("freepbx_internal_hash_member", |asterisk| {
        let colleague = User::new(asterisk, "312")?;
        colleague.activate(asterisk, "Office", &[])?;
        // 313 has a Follow Me row in FreePBX (ext-findmefollow) listing extension 312 as "312#".
        let mut user = User::new(asterisk, "313")?;
        user.put("AMPUSER", "followme/ddial", "DIRECT")?;
        user.put("AMPUSER", "followme/grplist", "313-312#")?;
        user.put("AMPUSER", "followme/grptime", "2")?;
        // The app does not take 312 for a twin number.
        let mut app = asterisk.app(user.home.path())?;
        let status = app.status()?;
        assert_eq!(status.live.routing.to_string(), "desk_phone");
        let mut watcher = asterisk.watcher()?;
        let round = call_every_path(&mut watcher, "313", secs(6))?;
        each_path(&mut watcher, &round, "CallprofilesFollowMe", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Step", "list"), ("Members", "313-312#")])
        })?;
        // 312# goes through from-internal: 312's own callprofiles route, then its phone.
        for (path, call) in &round.calls {
            watcher.wait_for(&format!("312 ringing ({path})"), EVENTS_WAIT, |e| {
                is_ring(e, call, "312")
            })?;
        }
        assert!(
            watcher.saw_user_event("CallprofilesRoute", "312"),
            "{}",
            watcher.user_events()
        );
        // 313's caller ends in 313's mailbox, never in 312's (a member's voicemail is blocked).
        each_path(&mut watcher, &round, "CallprofilesGreeting", EVENTS_WAIT, |_, e, _| {
            expect(e, &[("Extension", "313")])
        })?;
        std::thread::sleep(Duration::from_millis(300));
        assert!(
            !watcher.saw_user_event("CallprofilesGreeting", "312"),
            "{}",
            watcher.user_events()
        );
        Ok(())
    })
}

/// Calls `ext` from a trunk, waits until its phone rings, then has colleague 399 dial `**<ext>`.
fn try_freepbx_pickup(watcher: &mut Watcher, ext: &str) -> Res<Call> {
    let call = watcher.call(&format!("5550{ext}"), "from-trunk", secs(6), secs(2))?;
    watcher.wait_for(&format!("{ext} ringing"), EVENTS_WAIT, |e| is_ring(e, &call, ext))?;
    watcher.call(&format!("**{ext}"), "freepbx-test-pickup", secs(3), secs(1))?;
    Ok(call)
}

/// Whether a `Pickup` event shows `ext`'s test phone picked up.
fn picked_up(watcher: &Watcher, ext: &str) -> bool {
    watcher.seen.iter().any(|e| {
        e.event() == Some("Pickup")
            && e.get("TargetChannel")
                .is_some_and(|c| c.starts_with(&format!("Local/{ext}@callprofiles-test-phones")))
    })
}

#[test]
fn freepbx_directed_pickup_follows_the_profiles_call_pickup() -> TestResult {
    with_asterisk("freepbx_pickup", |asterisk| {
        let mut on = User::new(asterisk, "315")?;
        on.put("AMPUSER", "ringtimer", "5")?;
        on.activate(asterisk, "Office", &["call_pickup=on"])?;
        let mut off = User::new(asterisk, "316")?;
        off.put("AMPUSER", "ringtimer", "5")?;
        off.activate(asterisk, "Office", &["call_pickup=off"])?;
        let mut watcher = asterisk.watcher()?;
        try_freepbx_pickup(&mut watcher, "315")?;
        watcher.wait_for("a pickup of 315", EVENTS_WAIT, |e| {
            e.event() == Some("Pickup")
                && e.get("TargetChannel")
                    .is_some_and(|c| c.starts_with("Local/315@callprofiles-test-phones"))
        })?;
        try_freepbx_pickup(&mut watcher, "316")?;
        watcher.wait_user_event("FreepbxPickupFailed", "316", EVENTS_WAIT)?;
        assert!(!picked_up(&watcher, "316"), "picked up although pickup is off");
        Ok(())
    })
}

#[test]
fn freepbx_messages_go_to_the_users_voicemail_context_unless_the_extension_has_its_own_destination() -> TestResult {
    with_asterisk("freepbx_vm_context", |asterisk| {
        // 314 has a FreePBX "no answer" destination (number 0314000): FreePBX's choice wins.
        let dest = User::new(asterisk, "314")?;
        dest.activate(asterisk, "Office", &[])?;
        // 310's mailbox is in the voicemail context "sales" (AMPUSER/310/voicemail).
        let mut sales = User::new(asterisk, "310")?;
        sales.put("AMPUSER", "voicemail", "sales")?;
        sales.activate(asterisk, "Office", &[])?;
        let mut app = asterisk.app(sales.home.path())?;
        app.status()?;
        let before = app.new_messages()?.ok_or("no mailbox")?;
        let mut watcher = asterisk.watcher()?;
        let to_dest = call_every_path(&mut watcher, "314", secs(5))?;
        let call = watcher.call("5550310", "from-trunk", secs(4), secs(9))?;
        let message = watcher.wait_user_event("CallprofilesNewMessage", "310", EVENTS_WAIT)?;
        assert_eq!(message.get("Mailbox"), Some("310@sales"));
        watcher.wait_ended(&call, EVENTS_WAIT)?;
        assert_eq!(app.new_messages()?, Some(before + 1));
        for (path, call) in &to_dest.calls {
            watcher.wait_for(&format!("0314000 ringing ({path})"), EVENTS_WAIT, |e| {
                is_ring(e, call, "0314000")
            })?;
        }
        assert!(
            !watcher.saw_user_event("CallprofilesGreeting", "314"),
            "{}",
            watcher.user_events()
        );
        Ok(())
    })
}

#[test]
fn freepbx_recorded_greeting_notification_and_ringback_work_on_the_freepbx_path() -> TestResult {
    with_asterisk("freepbx_greeting_notification_ringback", |asterisk| {
        let user = User::new(asterisk, "317")?;
        let mut watcher = asterisk.watcher()?;
        let recording = watcher.call("317*4", "callprofiles-record-greeting", secs(3), secs(2))?;
        watcher.wait_user_event("CallprofilesGreetingRecording", "317", EVENTS_WAIT)?;
        watcher.wait_ended(&recording, EVENTS_WAIT)?;
        user.activate(
            asterisk,
            "Greeted",
            &[
                "voicemail.greeting=4",
                "voicemail.notification=on",
                "voicemail.ringback=on",
            ],
        )?;
        let call = watcher.call("5550317", "from-trunk", secs(5), secs(3))?;
        let greeting = watcher.wait_user_event("CallprofilesGreeting", "317", EVENTS_WAIT)?;
        expect(&greeting, &[("Greeting", "4"), ("Status", "SUCCESS")])?;
        let notification = watcher.wait_user_event("CallprofilesNotification", "317", EVENTS_WAIT)?;
        expect(&notification, &[("Mailbox", "317@default")])?;
        watcher.wait_ended(&call, EVENTS_WAIT)?;
        watcher.wait_user_event("CallprofilesRingback", "317", EVENTS_WAIT)?;
        Ok(())
    })
}

#[test]
fn freepbx_a_ring_group_member_call_never_reaches_the_members_voicemail() -> TestResult {
    with_asterisk("freepbx_ring_group_member", |asterisk| {
        let user = User::new(asterisk, "318")?;
        user.activate(asterisk, "Office", &[])?;
        let mut watcher = asterisk.watcher()?;
        let call = watcher.call("8318", "freepbx-test-ringgroup-member", secs(6), secs(2))?;
        let unanswered = event_of(
            &mut watcher,
            &call,
            "ring group member",
            "CallprofilesUnanswered",
            EVENTS_WAIT,
        )?;
        expect(&unanswered, &[("Status", "NOANSWER"), ("Voicemail", "on")])?;
        let done = event_of(
            &mut watcher,
            &call,
            "ring group member",
            "FreepbxRingGroupDone",
            EVENTS_WAIT,
        )?;
        expect(&done, &[("Status", "NOANSWER")])?;
        watcher.wait_for("318 ringing", EVENTS_WAIT, |e| is_ring(e, &call, "318"))?;
        assert!(
            !watcher.saw_user_event("CallprofilesGreeting", "318"),
            "{}",
            watcher.user_events()
        );
        Ok(())
    })
}

/// Checks `event`'s headers.
fn expect(event: &Message, pairs: &[(&str, &str)]) -> TestResult {
    for (key, wanted) in pairs {
        if event.get(key) != Some(*wanted) {
            return Err(format!("{key} is {:?}, wanted {wanted:?}", event.get(key)).into());
        }
    }
    Ok(())
}
