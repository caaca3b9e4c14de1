//! The quick window while a profile is being applied on a worker thread: progress in place, nothing else can
//! be chosen, the window closes only once the phone system took the profile, and a failure stays on screen.

use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use crate::gui_quick_support::{TestResult, commands, entry, harness, ready_home, shows, step_until, threaded};
use callprofiles_core::phone_system::demo::DemoPhoneSystem;
use callprofiles_core::{
    ApplicableSettings, BuiltIn, Callprofiles, LinkProblem, PhoneError, PhoneSystem, PhoneSystemDescription, Routing,
    Settings,
};
use egui::Key;
use egui::accesskit::Toggled;
use egui_kittest::kittest::NodeT;

/// The demo phone system, where each write first asks `before_write` (which may wait, or fail).
struct Scripted {
    demo: DemoPhoneSystem,
    before_write: Box<dyn FnMut() -> Result<(), PhoneError> + Send>,
}

impl PhoneSystem for Scripted {
    fn description(&self) -> PhoneSystemDescription {
        self.demo.description()
    }

    fn read(&mut self) -> Result<Settings, PhoneError> {
        self.demo.read()
    }

    fn write(&mut self, settings: &ApplicableSettings) -> Result<(), PhoneError> {
        (self.before_write)()?;
        self.demo.write(settings)
    }
}

/// The demo phone system of `home`, whose writes wait until the test sends on the returned channel.
fn gated(home: &std::path::Path) -> (Sender<()>, Scripted) {
    let (open_gate, gate) = mpsc::channel::<()>();
    let phone = Scripted {
        demo: DemoPhoneSystem::new(home),
        before_write: Box::new(move || {
            gate.recv_timeout(Duration::from_secs(10))
                .map_err(|_| PhoneError::Timeout { seconds: 10 })
        }),
    };
    (open_gate, phone)
}

/// The demo phone system of `home`, which can be read but never reached for writing.
fn unplugged(home: &std::path::Path) -> Scripted {
    Scripted {
        demo: DemoPhoneSystem::new(home),
        before_write: Box::new(|| {
            Err(PhoneError::Unreachable {
                address: "192.0.2.10:5038".into(),
                problem: LinkProblem::Network {
                    kind: std::io::ErrorKind::ConnectionRefused,
                    detail: "Connection refused (os error 111)".into(),
                },
            })
        }),
    }
}

#[test]
fn applying_shows_progress_and_closes_only_when_done() -> TestResult {
    let home = ready_home()?;
    let (open_gate, phone) = gated(home.path());
    let mut harness = harness(threaded(home.path(), Box::new(phone))?);
    assert!(step_until(&mut harness, |h| h.state().model.active_id().is_some()));

    entry(&harness, "Mobile").click();
    assert!(step_until(&mut harness, |h| shows(h, "Applying Mobile…")));
    assert_eq!(harness.state().applying(), Some(&BuiltIn::Mobile.id()));
    assert!(entry(&harness, "Home").accesskit_node().is_disabled());
    assert_eq!(
        entry(&harness, "Mobile").accesskit_node().toggled(),
        Some(Toggled::True)
    );
    // While it runs, neither another key nor Esc interrupts it, and the window stays open.
    harness.key_press(Key::Num3);
    harness.key_press(Key::Escape);
    for _ in 0..10 {
        harness.step();
        assert!(!commands(&harness).contains(&egui::ViewportCommand::Close));
    }
    assert!(!harness.state().closing());

    open_gate.send(())?;
    assert!(step_until(&mut harness, |h| commands(h).contains(&egui::ViewportCommand::Close)));
    let live = Callprofiles::open(home.path())?.pbx_show()?;
    assert_eq!(live.routing, Routing::parse("twinning:600100200")?);
    Ok(())
}

#[test]
fn a_failing_apply_shows_the_error_in_place_and_stays_open() -> TestResult {
    let home = ready_home()?;
    let before = Callprofiles::open(home.path())?.pbx_show()?;
    let mut harness = harness(threaded(home.path(), Box::new(unplugged(home.path())))?);
    assert!(step_until(&mut harness, |h| h.state().model.active_id().is_some()));

    entry(&harness, "Home").click();
    let message = "Cannot reach the phone system at 192.0.2.10:5038: nothing accepts connections there, so check \
                   that Asterisk is running and that AMI is enabled on that port.";
    assert!(step_until(&mut harness, |h| shows(h, message)));
    assert_eq!(harness.state().error(), Some(message));
    assert_eq!(harness.state().applying(), None);
    assert!(!harness.state().closing());
    for _ in 0..5 {
        harness.step();
        assert!(!commands(&harness).contains(&egui::ViewportCommand::Close));
    }
    // Nothing changed, and the user can try again or pick another profile.
    assert_eq!(Callprofiles::open(home.path())?.pbx_show()?, before);
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));
    assert!(!entry(&harness, "Mobile").accesskit_node().is_disabled());
    Ok(())
}
