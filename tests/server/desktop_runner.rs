//! The desktop's automation runner under a callprofiles server: the screen lock is reported to the server,
//! which runs the rules at once and switches the real Asterisk; the desktop announces the switch the server
//! made — at once, and at a boundary the server reached by itself — and keeps no automation file of its
//! own.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use callprofiles::gui::worker::{PhoneWorker, WorkerCore};
use callprofiles::text::i18n::Language;
use callprofiles_core::automation::{AwayRule, ReturnTo, Rules, Until};
use callprofiles_core::{BuiltIn, Routing, open_home};
use zbus::names::BusName;

use crate::asterisk_support::{TestResult, reset_extension, with_asterisk};
use crate::private_bus::{PrivateBus, wait_for};
use crate::server_support::{Server, callprofiles, connect};
use crate::stand_ins::{self, SESSION, runner_on, serve_logind, serve_notifications};

#[test]
fn the_runner_reports_leaving_to_the_server_which_switches() -> TestResult {
    with_asterisk("desktop runner under a server", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "291")?;
        let server = Server::start(asterisk)?;
        let code = server.add_user("291")?;
        let home = tempfile::tempdir()?;
        let (ok, _, err) = connect(home.path(), &server, "291", &code, &server.fingerprint)?;
        assert!(ok, "connect failed: {err}");
        callprofiles(home.path())
            .args(["set", "mobile", "routing=twinning:600100291"])
            .assert()
            .success();
        open_home(home.path()).save_rules(Rules {
            otherwise: Some(BuiltIn::Office.id()),
            away: Some(AwayRule {
                profile: BuiltIn::Mobile.id(),
                on_lock: true,
                on_sleep: false,
            }),
            ..Rules::default()
        })?;

        let bus = PrivateBus::start()?;
        let logind = serve_logind(&bus.address, Arc::new(Mutex::new(Vec::new())))?;
        let (_notifications, shown) = serve_notifications(&bus.address)?;
        let notices = || stand_ins::notices(&shown);
        let mut worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
        worker.start_runner(runner_on(&bus.address, Language::English))?;

        let direct = asterisk.home("291")?;
        let routing = || {
            asterisk
                .app(direct.path())
                .and_then(|mut app| Ok(app.pbx_show()?.routing))
                .ok()
        };
        let limit = Duration::from_secs(15);
        logind.emit_signal(
            None::<BusName<'_>>,
            SESSION,
            "org.freedesktop.login1.Session",
            "Lock",
            &(),
        )?;
        assert!(wait_for(limit, || routing() == Routing::parse("twinning:600100291").ok()));
        assert!(wait_for(limit, || !notices().is_empty()), "no notification");
        assert_eq!(notices()[0].1, "Switched to Mobile (screen locked)");

        logind.emit_signal(
            None::<BusName<'_>>,
            SESSION,
            "org.freedesktop.login1.Session",
            "Unlock",
            &(),
        )?;
        assert!(wait_for(limit, || routing() == Routing::parse("desk_phone").ok()));
        assert!(wait_for(limit, || notices().len() == 2), "{:?}", notices());

        // Mobile for three seconds, set on the server; at its end the server switches back by itself, and
        // the desktop, awake just after that boundary, announces it.
        let ends = jiff::Timestamp::now().checked_add(jiff::SignedDuration::from_secs(3))?;
        open_home(home.path()).activate_until(
            &BuiltIn::Mobile.id(),
            Until {
                ends,
                then: ReturnTo::Schedule,
            },
        )?;
        worker.send(callprofiles::gui::worker::WorkerRequest::Refresh);
        assert!(wait_for(limit, || routing() == Routing::parse("twinning:600100291").ok()));
        assert!(wait_for(limit, || routing() == Routing::parse("desk_phone").ok()));
        assert!(jiff::Timestamp::now() >= ends);
        assert!(wait_for(limit, || notices().len() == 3), "{:?}", notices());
        assert_eq!(notices()[2].1, "Switched to Office (otherwise)");
        assert_eq!(notices()[2].2, "Before: Mobile.");
        assert!(
            !home.path().join("automation.json").exists(),
            "the situation and the rules are the server's"
        );
        Ok(())
    })
}
