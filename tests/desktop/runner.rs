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
use callprofiles::automation::runner::{NetworkSource, RunnerSetup};
use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
use callprofiles::text::i18n::Language;
use callprofiles_core::automation::{
    AwayRule, MacAddress, NetworkLabel, NetworkRule, NetworkSignature, ReturnTo, Rules, Until,
};
use callprofiles_core::{BuiltIn, Callprofiles, ProfileId, ProfileService};
use zbus::names::BusName;

use crate::private_bus::{PrivateBus, wait_for};
use crate::stand_ins::{self, SESSION, runner_on, serve_logind, serve_notifications};
use crate::{TestResult, missing};

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
    let logind = serve_logind(&bus.address, Arc::clone(&inhibitors))?;
    let (_notifications, shown) = serve_notifications(&bus.address)?;
    let notices = || stand_ins::notices(&shown);

    let mut worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
    worker.start_runner(runner_on(&bus.address, Language::English))?;
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
    assert_eq!(notices()[1].1, "Switched to Office (otherwise)");

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

    // GNOME says "locked" with logind's LockedHint property rather than the Lock signal.
    let locked_hint = |locked: bool| {
        let changed = HashMap::from([("LockedHint", zbus::zvariant::Value::from(locked))]);
        logind.emit_signal(
            None::<BusName<'_>>,
            SESSION,
            "org.freedesktop.DBus.Properties",
            "PropertiesChanged",
            &("org.freedesktop.login1.Session", changed, Vec::<String>::new()),
        )
    };
    locked_hint(true)?;
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Mobile.id())));
    locked_hint(false)?;
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Office.id())));

    // A screen saver on the session bus (GNOME's interface; any sender).
    let screen_saver = zbus::blocking::connection::Builder::address(bus.address.as_str())?.build()?;
    let active_changed = |on: bool| {
        screen_saver.emit_signal(
            None::<BusName<'_>>,
            "/org/gnome/ScreenSaver",
            "org.gnome.ScreenSaver",
            "ActiveChanged",
            &(on,),
        )
    };
    active_changed(true)?;
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Mobile.id())));
    active_changed(false)?;
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Office.id())));
    assert!(wait_for(limit, || notices().len() == 8), "{:?}", notices());
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
    let (_notifications, shown) = serve_notifications(&bus.address)?;
    let notices = || stand_ins::notices(&shown);
    let mut worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
    worker.start_runner(runner_on(&bus.address, Language::Polish))?;

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
    assert_eq!(notices()[0].1, "Przełączono na Biurowy (w pozostałym czasie)");
    assert_eq!(notices()[0].2, "Wcześniej: Domowy.");
    Ok(())
}

#[test]
fn the_office_network_chooses_its_profile() -> TestResult {
    let bus = match PrivateBus::start() {
        Ok(bus) => bus,
        Err(reason) => return missing(&reason),
    };
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.set("Mobile", &["routing=twinning:600100200"])?;
    service.save_rules(Rules {
        networks: vec![NetworkRule {
            network: NetworkSignature::Gateway {
                mac: MacAddress::parse("3c:52:82:0a:1b:2c")?,
            },
            label: NetworkLabel::parse("Biuro")?,
            profile: BuiltIn::Mobile.id(),
        }],
        ..Rules::default()
    })?;
    // The kernel's tables as a laptop on the office's wired network has them.
    let tables = tempfile::tempdir()?;
    std::fs::write(
        tables.path().join("route"),
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
         enp0s31f6\t00000000\t01010A0A\t0003\t0\t0\t100\t00000000\t0\t0\t0\n",
    )?;
    std::fs::write(
        tables.path().join("arp"),
        "IP address       HW type     Flags       HW address            Mask     Device\n\
         10.10.1.1        0x1         0x2         3C:52:82:0a:1b:2c     *        enp0s31f6\n",
    )?;
    let (_notifications, shown) = serve_notifications(&bus.address)?;
    let notices = || stand_ins::notices(&shown);
    let mut worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
    let private = Bus::Address(bus.address.clone());
    worker.start_runner(RunnerSetup {
        away: AwayBuses {
            system: private.clone(),
            session: private.clone(),
        },
        notifications: private.clone(),
        network: NetworkSource::Tables(tables.path().to_owned(), private),
        language: Language::English,
    })?;
    let limit = Duration::from_secs(10);
    assert!(wait_for(limit, || active(home.path()) == Some(BuiltIn::Mobile.id())));
    assert!(wait_for(limit, || notices().len() == 1), "{:?}", notices());
    assert_eq!(notices()[0].1, "Switched to Mobile (network 1 “Biuro”)");
    // Core keeps what was seen, which is what "learn this network" learns.
    let view = Callprofiles::open(home.path())?.automation()?;
    let seen = view.situation.network.ok_or("no network kept")?;
    assert_eq!(
        NetworkSignature::learn(&seen),
        Some(NetworkSignature::Gateway {
            mac: MacAddress::parse("3c:52:82:0a:1b:2c")?
        })
    );
    Ok(())
}
