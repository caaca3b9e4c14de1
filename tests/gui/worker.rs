//! The phone worker on its real thread: it reports once at start, stays silent while nothing changes, and
//! reports an outside change on its own.

use std::time::{Duration, Instant};

use callprofiles::gui::model::Model;
use callprofiles::gui::worker::{POLL_INTERVAL, PhoneWorker, WATCHED_POLL_INTERVAL, WorkerCore, WorkerEvent};
use callprofiles_core::{BuiltIn, Callprofiles};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Polls the model until `done` holds or two seconds pass; returns whether it held.
fn wait_until(model: &mut Model, done: impl Fn(&Model) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline {
        model.poll();
        if done(model) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

#[test]
fn the_worker_thread_reports_changes_only() -> TestResult {
    let home = tempfile::tempdir()?;
    let ctx = egui::Context::default();
    let worker = PhoneWorker::spawn_every(WorkerCore::open(home.path()), ctx, Duration::from_millis(20))?;
    let mut model = Model::new(worker);
    assert!(wait_until(&mut model, |m| m.active_id().is_some()));
    assert_eq!(model.active_id(), Some(BuiltIn::Office.id()));

    // Ten re-reads with nothing changed: no report at all (so no repaint).
    std::thread::sleep(Duration::from_millis(200));
    let mut silent = PhoneWorker::spawn_every(
        WorkerCore::open(home.path()),
        egui::Context::default(),
        Duration::from_millis(20),
    )?;
    std::thread::sleep(Duration::from_millis(100));
    let first = silent.drain();
    assert!(
        matches!(first.as_slice(), [WorkerEvent::Snapshot(_), WorkerEvent::Automation(_)]),
        "only the first snapshot, then automatic switching: {first:?}"
    );
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(silent.drain().len(), 0, "nothing changed, nothing reported");

    // A change from outside (as `callprofiles pbx set` would make) turns into Detected without a request.
    Callprofiles::open(home.path())?.pbx_set(&["call_pickup=off"])?;
    assert!(wait_until(&mut model, |m| m.detected().is_some()));
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut reports = 0;
    while reports == 0 && Instant::now() < deadline {
        reports += silent.drain().len();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(reports, 1, "the change is reported once");
    assert!(model.last_read_secs() > 0);
    Ok(())
}

#[test]
fn a_watched_home_shows_outside_changes_at_once_without_polling() -> TestResult {
    let home = tempfile::tempdir()?;
    let worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
    assert!(worker.watching());
    let mut model = Model::new(worker);
    assert!(wait_until(&mut model, |m| m.active_id().is_some()));

    // The demo phone system lives in the home, so the worker does not poll it every few seconds: these
    // changes (as `callprofiles pbx set` and `callprofiles new` make them) arrive through the watch.
    assert!(WATCHED_POLL_INTERVAL >= Duration::from_secs(10 * 2));
    let mut outside = Callprofiles::open(home.path())?;
    let started = Instant::now();
    outside.pbx_set(&["call_pickup=off"])?;
    assert!(wait_until(&mut model, |m| m.detected().is_some()));
    outside.create("Car", None)?;
    assert!(wait_until(&mut model, |m| m.profiles().len() == 4));
    assert!(
        started.elapsed() < POLL_INTERVAL,
        "seen at once: {:?}",
        started.elapsed()
    );
    Ok(())
}

#[test]
fn requests_run_off_the_calling_thread_and_finish() -> TestResult {
    let home = tempfile::tempdir()?;
    Callprofiles::open(home.path())?.create("Car", None)?;
    let worker = PhoneWorker::spawn(WorkerCore::open(home.path()), egui::Context::default())?;
    let mut model = Model::new(worker);
    assert!(wait_until(&mut model, |m| m.profiles().len() == 4));
    let car = model.profiles().into_iter().find(|p| p.name == "Car").map(|p| p.id);
    let Some(car) = car else {
        return Err("Car is missing".into());
    };
    // The profiles' lock is held here, so the worker cannot finish the activation until it is let go:
    // a request that waited for its work would come back only when the worker gave up (not busy then).
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(home.path().join(callprofiles_core::store::LOCK_FILE))?;
    lock.lock()?;
    model.activate(&car, "Car");
    assert!(model.busy(), "sending a request never waits for its work");
    assert_ne!(model.active_id(), Some(car.clone()));
    drop(lock);
    assert!(wait_until(&mut model, |m| !m.busy()));
    assert_eq!(model.active_id(), Some(car));
    Ok(())
}
