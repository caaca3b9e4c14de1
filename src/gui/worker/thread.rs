//! The worker thread's body: its loop over requests and re-reads, the watch on the home that wakes it,
//! and the threads that wait for a placed call's outcome.

use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use callprofiles_core::PlacedCall;
use callprofiles_core::phone_system::call::CallWatch;

use super::{Outcome, POLL_INTERVAL, Ticket, WATCHED_POLL_INTERVAL, WorkerCore, WorkerEvent, WorkerRequest};
use crate::gui::home_watch::HomeWatch;

/// The ticket of the re-reads the home watch asks for (no answer is sent for it).
pub(super) const SILENT: Ticket = Ticket(0);

/// The report that a placed call ended, once its watch knows how.
pub(super) fn call_ended(ticket: Ticket, placed: PlacedCall, watch: Box<dyn CallWatch>) -> WorkerEvent {
    let outcome = watch.wait();
    WorkerEvent::Finished {
        ticket,
        result: Ok(Outcome::CallEnded { placed, outcome }),
    }
}

/// Waits on its own thread for the outcome of a placed call and reports it with the request's ticket (the
/// worker goes on meanwhile: the telecommuter phone may ring for half a minute).
fn watch_call(ticket: Ticket, call: (PlacedCall, Box<dyn CallWatch>), events: Sender<WorkerEvent>, ctx: egui::Context) {
    let spawned = std::thread::Builder::new()
        .name("call-watch".to_owned())
        .spawn(move || {
            if events.send(call_ended(ticket, call.0, call.1)).is_ok() {
                ctx.request_repaint();
            }
        });
    if let Err(error) = spawned {
        tracing::warn!(%error, "cannot watch the call's outcome");
    }
}

/// Watches `home`, asking the worker for a silent re-read on each change; `None` (and a warning in the log)
/// when the home cannot be watched.
pub(super) fn watch(home: &Path, requests: Sender<(Ticket, WorkerRequest)>) -> Option<HomeWatch> {
    HomeWatch::start(home, move || {
        requests.send((SILENT, WorkerRequest::Refresh)).ok();
    })
    .inspect_err(|error| {
        let seconds = POLL_INTERVAL.as_secs();
        tracing::warn!(
            "changes in {} will be seen within {seconds} s rather than at once: {error}",
            home.display()
        );
    })
    .ok()
}

/// The worker thread's loop: requests as they come, a refresh every `interval` (every
/// [`WATCHED_POLL_INTERVAL`] while the watched home holds all it reads), stop when the app is gone.
pub(super) fn run_thread(
    mut core: WorkerCore,
    interval: Duration,
    watched: bool,
    requests: &Receiver<(Ticket, WorkerRequest)>,
    events: &Sender<WorkerEvent>,
    ctx: &egui::Context,
) {
    let report = |event: WorkerEvent| events.send(event).is_ok();
    let first = core.refresh_events();
    if !first.is_empty() && first.into_iter().all(report) {
        ctx.request_repaint();
    }
    loop {
        let timeout = if (watched && core.reads_only_home_files()) || core.streams() {
            WATCHED_POLL_INTERVAL
        } else {
            interval
        };
        let finished = match requests.recv_timeout(timeout) {
            Ok((ticket, request)) => Some((ticket, core.handle(request))),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let mut woke = false;
        for event in core.refresh_events() {
            if !report(event) {
                return;
            }
            woke = true;
        }
        if let Some((ticket, result)) = finished.filter(|(ticket, _)| *ticket != SILENT) {
            if !report(WorkerEvent::Finished { ticket, result }) {
                return;
            }
            woke = true;
            if let Some(call) = core.take_placed_call() {
                watch_call(ticket, call, events.clone(), ctx.clone());
            }
        }
        if woke {
            ctx.request_repaint();
        }
    }
}
