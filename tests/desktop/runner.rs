//! The desktop runner over a private D-Bus: stand-in logind (a session that locks, a machine that sleeps,
//! a delay inhibitor) and a stand-in notification service. With a rule "when I leave the computer, Mobile;
//! otherwise Office", a lock switches the real home's phone system to Mobile and an unlock back to Office,
//! each announced as a desktop notification; before sleep, Mobile is applied before logind's delay is
//! released, and after resume Office is back.

use std::collections::HashMap;
use std::io::{PipeReader, Read};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use callprofiles::automation::away::AwayBuses;
use callprofiles::automation::bus::Bus;
use callprofiles::automation::runner::RunnerSetup;
use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
use callprofiles::text::i18n::Language;
use callprofiles_core::automation::{AwayRule, ReturnTo, Rules, Until};
use callprofiles_core::{BuiltIn, Callprofiles, ProfileId, ProfileService};
use zbus::names::BusName;
use zbus::zvariant::{OwnedObjectPath, OwnedValue};

use crate::private_bus::{PrivateBus, wait_for};
use crate::{TestResult, missing};

/// This process's session in the stand-in logind.
const SESSION: &str = "/org/freedesktop/login1/session/c1";

/// A stand-in logind manager: knows our session, hands out delay inhibitors (keeping each one's other end
/// to see when it is released).
struct Manager {
    inhibitors: Arc<Mutex<Vec<PipeReader>>>,
}

#[zbus::interface(name = "org.freedesktop.login1.Manager")]
impl Manager {
    #[zbus(name = "GetSessionByPID")]
    fn get_session_by_pid(&self, _pid: u32) -> zbus::fdo::Result<OwnedObjectPath> {
        OwnedObjectPath::try_from(SESSION).map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
    }

    fn inhibit(&self, what: &str, _who: &str, _why: &str, mode: &str) -> zbus::fdo::Result<zbus::zvariant::OwnedFd> {
        if (what, mode) != ("sleep", "delay") {
            return Err(zbus::fdo::Error::InvalidArgs(format!("{what} {mode}")));
        }
        let (reader, writer) = std::io::pipe().map_err(|e| zbus::fdo::Error::Failed(e.to_string()))?;
        if let Ok(mut inhibitors) = self.inhibitors.lock() {
            inhibitors.push(reader);
        }
        Ok(std::os::fd::OwnedFd::from(writer).into())
    }
}

/// The session: not locked at first.
struct Session;

#[zbus::interface(name = "org.freedesktop.login1.Session")]
impl Session {
    #[zbus(property)]
    fn locked_hint(&self) -> bool {
        false
    }
}

/// A stand-in notification service, recording (app, summary, body) of each notification.
struct Notifications(Arc<Mutex<Vec<(String, String, String)>>>);

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Notifications {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: &str,
        _replaces_id: u32,
        _app_icon: &str,
        summary: &str,
        body: &str,
        _actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let Ok(mut shown) = self.0.lock() else { return 0 };
        shown.push((app_name.to_owned(), summary.to_owned(), body.to_owned()));
        u32::try_from(shown.len()).unwrap_or(u32::MAX)
    }
}

/// The active profile of the home, as its files say.
fn active(home: &std::path::Path) -> Option<ProfileId> {
    Callprofiles::open(home)
        .ok()?
        .status()
        .ok()?
        .active_profile()
        .map(|profile| profile.id)
}

/// Whether the inhibitor's other end sees it closed within 5 s.
fn released(mut reader: PipeReader) -> bool {
    let (done_tx, done) = mpsc::channel();
    std::thread::spawn(move || {
        let mut byte = [0u8; 1];
        done_tx.send(reader.read(&mut byte).ok() == Some(0)).ok();
    });
    done.recv_timeout(Duration::from_secs(5)).unwrap_or(false)
}

#[test]
fn leaving_the_computer_switches_to_the_away_profile_and_back() -> TestResult {
    let bus = match PrivateBus::start() {
        Ok(bus) => bus,
        Err(reason) => return missing(&reason),
    };
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.set("Mobile", &["routing=twinning:600100200"])?;
    service.save_rules(Rules {
        otherwise: Some(BuiltIn::Office.id()),
        away: Some(AwayRule {
            profile: BuiltIn::Mobile.id(),
            on_lock: true,
            on_sleep: true,
        }),
        ..Rules::default()
    })?;
    assert_eq!(active(home.path()), Some(BuiltIn::Office.id()));

    let inhibitors = Arc::new(Mutex::new(Vec::new()));
    let logind = zbus::blocking::connection::Builder::address(bus.address.as_str())?
        .name("org.freedesktop.login1")?
        .serve_at(
            "/org/freedesktop/login1",
            Manager {
                inhibitors: Arc::clone(&inhibitors),
            },
        )?
        .serve_at(SESSION, Session)?
        .build()?;
    let shown = Arc::new(Mutex::new(Vec::new()));
    let _notifications = zbus::blocking::connection::Builder::address(bus.address.as_str())?
        .name("org.freedesktop.Notifications")?
        .serve_at("/org/freedesktop/Notifications", Notifications(Arc::clone(&shown)))?
        .build()?;
    let notices = || shown.lock().map(|shown| shown.clone()).unwrap_or_default();

    let mut worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
    let private = Bus::Address(bus.address.clone());
    worker.start_runner(RunnerSetup {
        away: AwayBuses {
            system: private.clone(),
            session: private.clone(),
        },
        notifications: private,
        network: false,
        language: Language::English,
    })?;
    let limit = Duration::from_secs(10);
    assert!(
        wait_for(limit, || inhibitors.lock().is_ok_and(|i| i.len() == 1)),
        "a delay inhibitor is taken"
    );

    // The screen locks: Mobile, announced.
    logind.emit_signal(
        None::<BusName<'_>>,
        SESSION,
        "org.freedesktop.login1.Session",
        "Lock",
        &(),
    )?;
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Mobile.id())));
    assert!(wait_for(limit, || notices().len() == 1), "{:?}", notices());
    assert_eq!(
        notices()[0],
        (
            "callprofiles".to_owned(),
            "Switched to Mobile (screen locked)".to_owned(),
            "Before: Office.".to_owned()
        )
    );

    // Back: Office, as the rules say otherwise.
    logind.emit_signal(
        None::<BusName<'_>>,
        SESSION,
        "org.freedesktop.login1.Session",
        "Unlock",
        &(),
    )?;
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Office.id())));
    assert!(wait_for(limit, || notices().len() == 2), "{:?}", notices());
    assert_eq!(notices()[1].1, "Switched to Office (schedule)");

    // Sleep: Mobile is applied before logind's delay is released.
    let first = inhibitors.lock().map_err(|e| e.to_string())?.remove(0);
    logind.emit_signal(
        None::<BusName<'_>>,
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        &(true,),
    )?;
    assert!(released(first), "the delay inhibitor is released");
    assert_eq!(
        active(home.path()),
        Some(BuiltIn::Mobile.id()),
        "switched before the delay ended"
    );
    assert_eq!(
        notices().last().map(|n| n.1.clone()).as_deref(),
        Some("Switched to Mobile (computer asleep)")
    );

    // Resume: Office again, and a new delay inhibitor for the next sleep.
    logind.emit_signal(
        None::<BusName<'_>>,
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        &(false,),
    )?;
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Office.id())));
    assert!(
        wait_for(limit, || inhibitors.lock().is_ok_and(|i| i.len() == 1)),
        "a new inhibitor"
    );

    // The history keeps each switch, newest first (recorded just after it is applied).
    let switched = || -> Vec<ProfileId> {
        let history = Callprofiles::open(home.path()).and_then(|mut service| service.history());
        history.unwrap_or_default().into_iter().map(|entry| entry.to).collect()
    };
    let expected = [
        BuiltIn::Office.id(),
        BuiltIn::Mobile.id(),
        BuiltIn::Office.id(),
        BuiltIn::Mobile.id(),
    ];
    assert!(wait_for(limit, || switched() == expected), "{:?}", switched());
    assert!(wait_for(limit, || notices().len() == 4), "{:?}", notices());
    Ok(())
}

#[test]
fn an_until_ends_on_time_and_the_rules_decide_again() -> TestResult {
    let bus = match PrivateBus::start() {
        Ok(bus) => bus,
        Err(reason) => return missing(&reason),
    };
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.set("Home", &["routing=forward:600100200"])?;
    service.save_rules(Rules {
        otherwise: Some(BuiltIn::Office.id()),
        ..Rules::default()
    })?;
    let shown = Arc::new(Mutex::new(Vec::new()));
    let _notifications = zbus::blocking::connection::Builder::address(bus.address.as_str())?
        .name("org.freedesktop.Notifications")?
        .serve_at("/org/freedesktop/Notifications", Notifications(Arc::clone(&shown)))?
        .build()?;
    let notices = || shown.lock().map(|shown| shown.clone()).unwrap_or_default();
    let mut worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
    let private = Bus::Address(bus.address.clone());
    worker.start_runner(RunnerSetup {
        away: AwayBuses {
            system: private.clone(),
            session: private.clone(),
        },
        notifications: private,
        network: false,
        language: Language::Polish,
    })?;

    // Home for two seconds (as `activate --for` in a terminal would), then a request from the window.
    let ends = jiff::Timestamp::now().checked_add(jiff::SignedDuration::from_secs(2))?;
    let until = Until {
        ends,
        then: ReturnTo::Schedule,
    };
    service.activate_until(&BuiltIn::Home.id(), until)?;
    worker.send(callprofiles::gui::worker::WorkerRequest::Refresh);
    assert_eq!(active(home.path()), Some(BuiltIn::Home.id()));
    assert!(
        notices().is_empty(),
        "a switch the user asked for is not announced: {:?}",
        notices()
    );

    // At its end the runner wakes (no sooner) and the rules decide: Office, announced in Polish.
    assert!(wait_for(Duration::from_secs(10), || active(home.path())
        == Some(BuiltIn::Office.id())));
    assert!(jiff::Timestamp::now() >= ends, "not before the until ended");
    assert!(
        wait_for(Duration::from_secs(5), || notices().len() == 1),
        "{:?}",
        notices()
    );
    assert_eq!(notices()[0].1, "Przełączono na Biurowy (harmonogram)");
    assert_eq!(notices()[0].2, "Wcześniej: Domowy.");
    Ok(())
}
