//! The phone worker: a thread that holds the core service ([`WorkerCore`]), takes each request from the
//! window, has it run as one core verb, and sends the result back; between requests it re-reads what
//! the windows show (at once when a file in the home changes, else every few seconds) and reports only
//! what changed. A worker thread that stopped is noticed, and can be started again.

mod request;
mod thread;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::gui::home_watch::HomeWatch;
use thread::{SILENT, call_ended, run_thread, watch};

pub use callprofiles_core::config::SECRET_FILE;
pub use request::{
    AutomationAsk, AutomationReply, AutomationShown, Outcome, ReplyTo, Ticket, VoicemailOutcome, VoicemailRequest,
    WorkerCore, WorkerEvent, WorkerRequest,
};

/// How often the worker re-reads on its own when the phone system must be asked (a PBX) or the home
/// cannot be watched.
pub const POLL_INTERVAL: Duration = Duration::from_secs(3);

/// How often the worker re-reads when a watch on the home sees every change (the demo phone system): this
/// only catches what a watch cannot see (another machine writing to a home on a network file system).
pub const WATCHED_POLL_INTERVAL: Duration = Duration::from_secs(30);

/// How the worker runs: on its own thread, or inline on the caller's thread (tests).
enum Mode {
    /// A real thread; requests go over a channel.
    Thread {
        requests: Sender<(Ticket, WorkerRequest)>,
        events: Receiver<WorkerEvent>,
        /// The watch on the home, when it runs; it stops with the worker.
        watch: Option<HomeWatch>,
    },
    /// Runs each request at once when it is sent; for deterministic tests.
    Inline {
        core: Box<WorkerCore>,
        events: VecDeque<WorkerEvent>,
    },
}

/// How a threaded worker was started, to start it again the same way.
#[derive(Clone)]
struct Start {
    home: PathBuf,
    ctx: egui::Context,
    interval: Duration,
    watch_home: bool,
}

/// The app's handle to the worker.
pub struct PhoneWorker {
    mode: Mode,
    start: Option<Start>,
    next_ticket: u64,
    last_read: Arc<AtomicU64>,
    stopped: bool,
    /// The automation runner's way in (threaded workers only); it follows a restarted thread.
    door: Option<WorkerDoor>,
    /// The automation runner, when the main window started one: it lives as long as the worker.
    runner: Option<crate::automation::runner::Runner>,
}

/// Another thread's way to the worker thread (the automation runner's): a request and a wait for its answer.
#[derive(Clone)]
pub struct WorkerDoor {
    requests: Arc<Mutex<Sender<(Ticket, WorkerRequest)>>>,
}

impl WorkerDoor {
    /// Sends an automation step and waits for it (the worker runs requests one at a time, a click's too);
    /// `None` when the worker thread is gone.
    pub fn ask(&self, ask: AutomationAsk) -> Option<AutomationReply> {
        let (reply_tx, reply) = mpsc::channel();
        let requests = self.requests.lock().ok()?.clone();
        requests
            .send((SILENT, WorkerRequest::Automate(ask, ReplyTo(Arc::new(reply_tx)))))
            .ok()?;
        reply.recv().ok()
    }
}

impl PhoneWorker {
    /// Starts the worker thread over `core`, watching its home: it re-reads at once when a file there
    /// changes, and every [`POLL_INTERVAL`] only when the phone system must be asked (a PBX) or the home
    /// cannot be watched (else every [`WATCHED_POLL_INTERVAL`]). It wakes the UI with
    /// `ctx.request_repaint()` after each report.
    pub fn spawn(core: WorkerCore, ctx: egui::Context) -> std::io::Result<Self> {
        Self::start(core, ctx, POLL_INTERVAL, true)
    }

    /// Starts the worker thread without a watch, re-reading every `interval`.
    pub fn spawn_every(core: WorkerCore, ctx: egui::Context, interval: Duration) -> std::io::Result<Self> {
        Self::start(core, ctx, interval, false)
    }

    /// Starts the worker thread, re-reading every `interval` (see [`Self::spawn`] for `watch_home`).
    fn start(core: WorkerCore, ctx: egui::Context, interval: Duration, watch_home: bool) -> std::io::Result<Self> {
        let start = Start {
            home: core.home().to_owned(),
            ctx,
            interval,
            watch_home,
        };
        let last_read = core.last_read();
        let mode = spawn_thread(core, &start)?;
        let door = match &mode {
            Mode::Thread { requests, .. } => Some(WorkerDoor {
                requests: Arc::new(Mutex::new(requests.clone())),
            }),
            Mode::Inline { .. } => None,
        };
        Ok(Self {
            mode,
            start: Some(start),
            next_ticket: 1,
            last_read,
            stopped: false,
            door,
            runner: None,
        })
    }

    /// A worker that runs every request synchronously when it is sent (no thread, no timer).
    pub fn inline(mut core: WorkerCore) -> Self {
        let last_read = core.last_read();
        let events = core.refresh_events().into();
        Self {
            mode: Mode::Inline {
                core: Box::new(core),
                events,
            },
            start: None,
            next_ticket: 1,
            last_read,
            stopped: false,
            door: None,
            runner: None,
        }
    }

    /// Starts the automation runner over this worker (threaded workers only; the main window does, the quick
    /// window does not): it reports where the user is and runs the rules at their boundaries.
    pub fn start_runner(&mut self, setup: crate::automation::runner::RunnerSetup) -> std::io::Result<()> {
        if let Some(door) = &self.door {
            self.runner = Some(crate::automation::runner::Runner::start(door.clone(), setup)?);
        }
        Ok(())
    }

    /// The automation runner, when one runs.
    pub fn runner(&self) -> Option<&crate::automation::runner::Runner> {
        self.runner.as_ref()
    }

    /// Whether the home is watched (changes there are seen at once).
    pub fn watching(&self) -> bool {
        matches!(&self.mode, Mode::Thread { watch: Some(_), .. })
    }

    /// Whether the worker thread has stopped (it failed): nothing sent to it will run until
    /// [`Self::restart`].
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// Starts a stopped worker thread again over the home as `config.json` says.
    pub fn restart(&mut self) -> std::io::Result<()> {
        let Some(start) = self.start.clone() else {
            return Ok(());
        };
        let core = WorkerCore::open(&start.home);
        self.last_read = core.last_read();
        self.mode = spawn_thread(core, &start)?;
        if let (Some(door), Mode::Thread { requests, .. }) = (&self.door, &self.mode)
            && let Ok(mut shared) = door.requests.lock()
        {
            *shared = requests.clone();
        }
        self.stopped = false;
        Ok(())
    }

    /// Sends a request; its result comes back as [`WorkerEvent::Finished`] with this ticket.
    pub fn send(&mut self, request: WorkerRequest) -> Ticket {
        let ticket = Ticket(self.next_ticket);
        self.next_ticket += 1;
        match &mut self.mode {
            Mode::Thread { requests, .. } => {
                if requests.send((ticket, request)).is_err() {
                    self.stopped = true;
                }
            }
            Mode::Inline { core, events } => {
                let result = core.handle(request);
                events.extend(core.refresh_events());
                events.push_back(WorkerEvent::Finished { ticket, result });
                if let Some((placed, watch)) = core.take_placed_call() {
                    events.push_back(call_ended(ticket, placed, watch));
                }
            }
        }
        // A step of the automation runs after each of the window's requests (a click, an "until", new rules,
        // a re-read on focus): queued after it, it sees what it changed.
        if let Some(runner) = &self.runner {
            runner.rearm();
        }
        ticket
    }

    /// The reports that have arrived, oldest first (never waits); notes when the thread has stopped.
    pub fn drain(&mut self) -> Vec<WorkerEvent> {
        match &mut self.mode {
            Mode::Thread { events, .. } => {
                let mut arrived = Vec::new();
                loop {
                    match events.try_recv() {
                        Ok(event) => arrived.push(event),
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => {
                            if !self.stopped {
                                tracing::error!("the phone worker thread has stopped");
                            }
                            self.stopped = true;
                            break;
                        }
                    }
                }
                arrived
            }
            Mode::Inline { events, .. } => events.drain(..).collect(),
        }
    }

    /// Seconds since the Unix epoch of the last successful read of the phone system (0: never).
    pub fn last_read_secs(&self) -> u64 {
        self.last_read.load(Ordering::Relaxed)
    }
}

/// Starts the thread over `core` as `start` says.
fn spawn_thread(mut core: WorkerCore, start: &Start) -> std::io::Result<Mode> {
    let (request_tx, request_rx) = mpsc::channel::<(Ticket, WorkerRequest)>();
    core.wake_with(request_tx.clone());
    let (event_tx, event_rx) = mpsc::channel();
    let watch = start
        .watch_home
        .then(|| watch(&start.home, request_tx.clone()))
        .flatten();
    let watched = watch.is_some();
    let (ctx, interval) = (start.ctx.clone(), start.interval);
    std::thread::Builder::new()
        .name("phone-worker".to_owned())
        .spawn(move || run_thread(core, interval, watched, &request_rx, &event_tx, &ctx))?;
    Ok(Mode::Thread {
        requests: request_tx,
        events: event_rx,
        watch,
    })
}
