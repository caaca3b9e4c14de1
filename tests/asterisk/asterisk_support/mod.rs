//! Shared helpers of the tests against a real Asterisk (started by `scripts/asterisk/with-asterisk.sh`,
//! which passes its AMI port and secret in `CALLPROFILES_TEST_AMI_PORT` / `CALLPROFILES_TEST_AMI_SECRET`):
//! a callprofiles home connected to it, an AMI client that places calls and watches the dialplan's
//! events, and the CI rule (no Asterisk under `CI=true` is a failure, otherwise a skip with a reason).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use callprofiles_core::phone_system::asterisk::{
    AmiClient, AmiHost, AmiSecret, AmiTarget, AmiUsername, AmiValue, AsteriskConfig, Extension, Message, Originate,
};
use callprofiles_core::{Callprofiles, config::Config, config::PhoneSystemConfig};

/// What a helper returns.
pub type Res<T> = Result<T, Box<dyn std::error::Error>>;
/// The result of a test.
pub type TestResult = Res<()>;

/// The env var holding the test Asterisk's AMI port.
pub const PORT_ENV: &str = "CALLPROFILES_TEST_AMI_PORT";
/// The env var holding its AMI secret.
pub const SECRET_ENV: &str = "CALLPROFILES_TEST_AMI_SECRET";
/// The AMI user the app logs in as (AstDB and device states only).
pub const APP_USER: &str = "callprofiles";
/// The AMI user the tests log in as (also places calls and runs commands).
pub const TEST_USER: &str = "callprofiles-test";

/// The running test Asterisk.
#[derive(Clone, Debug)]
pub struct Asterisk {
    /// Its AMI port on 127.0.0.1.
    pub port: u16,
    /// Its AMI secret.
    pub secret: String,
}

/// The test Asterisk; `None` (after printing why) when it is not running and `CI` is not `true`.
/// Under `CI=true` a missing Asterisk is an error, so the test fails instead of skipping.
pub fn asterisk() -> Res<Option<Asterisk>> {
    let port = std::env::var(PORT_ENV).ok().and_then(|p| p.parse::<u16>().ok());
    let secret = std::env::var(SECRET_ENV).ok().filter(|s| !s.is_empty());
    match (port, secret) {
        (Some(port), Some(secret)) => Ok(Some(Asterisk { port, secret })),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => Err(format!(
            "CI=true but no test Asterisk is running: {PORT_ENV}/{SECRET_ENV} are unset \
             (scripts/test-all starts one with scripts/asterisk/with-asterisk.sh)"
        )
        .into()),
        _ => {
            eprintln!(
                "skipped: no test Asterisk ({PORT_ENV}/{SECRET_ENV} unset); run scripts/test-all as root to start one"
            );
            Ok(None)
        }
    }
}

/// Runs `test` against the test Asterisk, or skips it (see [`asterisk`]); prints how long it took.
pub fn with_asterisk(name: &str, test: impl FnOnce(&Asterisk) -> TestResult) -> TestResult {
    let Some(asterisk) = asterisk()? else {
        return Ok(());
    };
    let started = Instant::now();
    let result = test(&asterisk);
    eprintln!("{name}: {:.2} s", started.elapsed().as_secs_f64());
    result
}

/// A checked AMI value for test literals.
pub fn value(text: impl Into<String>) -> Res<AmiValue> {
    Ok(AmiValue::new("test value", text)?)
}

impl Asterisk {
    /// The AMI target of `user`.
    pub fn target(&self, user: &str, secret: &str) -> Res<AmiTarget> {
        Ok(AmiTarget::new(
            AmiHost::parse("127.0.0.1")?,
            self.port,
            &AmiUsername::parse(user)?,
            AmiSecret::new(secret)?,
        ))
    }

    /// The app's connection settings for `extension` (secret in a file, as a user would keep it).
    pub fn config(&self, extension: &str, secret_file: Option<PathBuf>) -> Res<AsteriskConfig> {
        Ok(AsteriskConfig {
            host: AmiHost::parse("127.0.0.1")?,
            port: std::num::NonZeroU16::new(self.port).ok_or("port 0")?,
            username: AmiUsername::parse(APP_USER)?,
            extension: Extension::parse(extension)?,
            secret_file,
        })
    }

    /// A callprofiles home whose `config.json` points at this Asterisk for `extension`, with the
    /// secret in `<home>/ami-secret` (mode 0600).
    pub fn home(&self, extension: &str) -> Res<tempfile::TempDir> {
        let home = tempfile::tempdir()?;
        let secret_file = home.path().join("ami-secret");
        AmiSecret::new(&self.secret)?.save_to_file(&secret_file)?;
        let config = Config {
            phone_system: PhoneSystemConfig::Asterisk(self.config(extension, Some(PathBuf::from("ami-secret")))?),
        };
        config.save(home.path())?;
        Ok(home)
    }

    /// The app over a home made by [`Asterisk::home`].
    pub fn app(&self, home: &Path) -> Res<Callprofiles> {
        Ok(Callprofiles::open(home)?)
    }

    /// A test AMI client receiving events; connected before it returns, so no event is missed.
    /// It places its calls through a second connection without events: while a connection waits
    /// for a reply it keeps the events read meanwhile within a bound and drops the oldest past it,
    /// and with every parallel test's events flowing, that would drop the first call's own events.
    pub fn watcher(&self) -> Res<Watcher> {
        let mut client = AmiClient::new(self.target(TEST_USER, &self.secret)?).with_events();
        client.connect()?;
        Ok(Watcher {
            client,
            caller: self.admin()?,
            seen: Vec::new(),
        })
    }

    /// A test AMI client without events.
    pub fn admin(&self) -> Res<AmiClient> {
        let mut client = AmiClient::new(self.target(TEST_USER, &self.secret)?);
        client.connect()?;
        Ok(client)
    }
}

/// Clears every AstDB key of `extension` (ours and FreePBX's) and its test phone's behaviour.
pub fn reset_extension(admin: &mut AmiClient, extension: &str) -> TestResult {
    for family in ["CF", "AMPUSER", "CALLPROFILES", "CPTEST"] {
        admin.db_del_tree(&value(family)?, &value(extension)?)?;
    }
    Ok(())
}

/// Makes the test phone (or number) `target` answer (`true`) or keep ringing.
pub fn set_answers(admin: &mut AmiClient, target: &str, answers: bool) -> TestResult {
    if answers {
        admin.db_put(&value("CPTEST")?, &value(target)?, &value("answer")?)?;
    } else {
        admin.db_del(&value("CPTEST")?, &value(target)?)?;
    }
    Ok(())
}

/// New messages in `extension`'s mailbox.
pub fn new_messages(admin: &mut AmiClient, extension: &str) -> Res<u64> {
    Ok(admin.new_messages(&value(format!("{extension}@default"))?)?)
}

/// A placed call: the ids of its two `Local` halves.
#[derive(Clone, Debug)]
pub struct Call {
    /// The caller's half (runs `callprofiles-test-caller` once answered).
    pub caller_id: String,
    /// The half running the dialplan under test.
    pub dialplan_id: String,
}

/// An AMI client with events, remembering every event it has seen.
pub struct Watcher {
    /// The client receiving events; it sends no request after logging in, so it never sets
    /// events aside (see [`Asterisk::watcher`]).
    pub client: AmiClient,
    /// The client placing calls (no events).
    pub caller: AmiClient,
    /// Every event seen so far, in order.
    pub seen: Vec<Message>,
}

impl Watcher {
    /// Calls `exten@context`: the caller waits up to `ring` for an answer, then sends a tone for
    /// `talk` and hangs up.
    pub fn call(&mut self, exten: &str, context: &str, ring: Duration, talk: Duration) -> Res<Call> {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_micros();
        let id = format!("cptest-{}-{stamp}-{n}", std::process::id());
        let call = Call {
            caller_id: format!("{id}-caller"),
            dialplan_id: format!("{id}-dialplan"),
        };
        self.caller.originate(&Originate {
            channel: value(format!("Local/{exten}@{context}"))?,
            context: value("callprofiles-test-caller")?,
            exten: value("s")?,
            timeout: ring,
            channel_id: Some(value(call.caller_id.clone())?),
            other_channel_id: Some(value(call.dialplan_id.clone())?),
            variables: vec![value(format!("CPTEST_SECONDS={}", talk.as_secs().max(1)))?],
        })?;
        Ok(call)
    }

    /// Calls extension `extension` through the shipped dialplan.
    pub fn call_extension(&mut self, extension: &str, ring: Duration, talk: Duration) -> Res<Call> {
        self.call(extension, "callprofiles-in", ring, talk)
    }

    /// Waits up to `wait` for an event matching `wanted`; fails listing the user events seen.
    pub fn wait_for(&mut self, what: &str, wait: Duration, wanted: impl Fn(&Message) -> bool) -> Res<Message> {
        if let Some(found) = self.seen.iter().find(|e| wanted(e)) {
            return Ok(found.clone());
        }
        let deadline = Instant::now() + wait;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Some(event) = self.client.next_event(left)? else {
                break;
            };
            self.seen.push(event.clone());
            if wanted(&event) {
                return Ok(event);
            }
        }
        Err(format!("no {what} within {wait:?}; user events seen: {}", self.user_events()).into())
    }

    /// Waits for the dialplan's user event `name` about extension `extension`.
    pub fn wait_user_event(&mut self, name: &str, extension: &str, wait: Duration) -> Res<Message> {
        self.wait_for(&format!("{name} for {extension}"), wait, |e| {
            is_user_event(e, name) && e.get("Extension") == Some(extension)
        })
    }

    /// Waits until the test phone (or number) `target` rings.
    pub fn wait_rang(&mut self, target: &str, wait: Duration) -> Res<Message> {
        self.wait_for(&format!("ringing at {target}"), wait, |e| {
            is_user_event(e, "CallprofilesTestRang") && e.get("Target") == Some(target)
        })
    }

    /// Waits until the dialplan half of `call` has hung up (its hangup handlers have run).
    pub fn wait_ended(&mut self, call: &Call, wait: Duration) -> Res<Message> {
        let id = call.dialplan_id.clone();
        self.wait_for("the end of the call", wait, move |e| {
            e.event() == Some("Hangup") && e.get("Uniqueid") == Some(id.as_str())
        })
    }

    /// Whether a user event `name` about `extension` was seen so far.
    pub fn saw_user_event(&self, name: &str, extension: &str) -> bool {
        self.seen
            .iter()
            .any(|e| is_user_event(e, name) && e.get("Extension") == Some(extension))
    }

    /// Whether the test phone (or number) `target` rang so far.
    pub fn saw_ring(&self, target: &str) -> bool {
        self.seen
            .iter()
            .any(|e| is_user_event(e, "CallprofilesTestRang") && e.get("Target") == Some(target))
    }

    /// The user events seen, one per line, for failure messages.
    pub fn user_events(&self) -> String {
        self.seen
            .iter()
            .filter(|e| e.event() == Some("UserEvent"))
            .map(|e| {
                let fields: Vec<String> = e
                    .headers()
                    .iter()
                    .filter(|(k, _)| {
                        [
                            "UserEvent",
                            "Extension",
                            "Target",
                            "Mode",
                            "Number",
                            "Greeting",
                            "Status",
                            "Voicemail",
                            "Linkedid",
                        ]
                        .contains(&k.as_str())
                    })
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                fields.join(" ")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Whether `event` is the dialplan's `UserEvent(name, …)`.
pub fn is_user_event(event: &Message, name: &str) -> bool {
    event.event() == Some("UserEvent") && event.get("UserEvent") == Some(name)
}
