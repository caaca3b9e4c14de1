//! The desktop runner: a thread the main window starts next to its worker. It tells core where the user is
//! (the network, away or not) whenever that changes, and — while no callprofiles server runs the rules —
//! calls `run_automation` at each boundary core names. Every step goes through the worker (one request
//! each), so the window, the quick window and the tray see an automatic switch as they see a click; each
//! switch is also announced as a desktop notification. Between steps it sleeps until the next boundary or
//! a signal (kernel network notifications, logind, the screen saver): no polling.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use callprofiles_core::automation::{AutomationStep, AwayCause, Situation, Switch};
use callprofiles_core::{AutomationError, CoreError, ProfileBook};
use jiff::tz::TimeZone;

use crate::automation::away::{AwayBuses, AwaySignal, Presence, watch_away};
use crate::automation::bus::Bus;
use crate::automation::network::{NetworkProbe, ObservedNetwork};
use crate::automation::notification::Notifier;
use crate::gui::worker::{AutomationAsk, AutomationReply, WorkerDoor};
use crate::text::i18n::{I18n, Language};

/// How long to wait before trying again after a step failed (the PBX unreachable…): core recorded nothing.
const RETRY: Duration = Duration::from_secs(60);

/// The longest sleep without a boundary: a clock changed by hand, a resume logind did not announce, or rules
/// changed from a terminal are caught up at least this often.
const LONGEST_SLEEP: Duration = Duration::from_secs(5 * 60);

/// How long a burst of network notifications is let settle before the network is looked at.
const NETWORK_SETTLE: Duration = Duration::from_millis(300);

/// How long after a boundary the desktop looks at what a callprofiles server decided there (the server
/// runs the rules at the boundary itself; this is only to announce its switch).
const SERVER_LAG: Duration = Duration::from_secs(2);

/// Under a callprofiles server, how often the situation is reported again while nothing changes: the
/// server counts a computer's report for 3 hours (`server/src/automation/devices.rs`), so one that runs
/// keeps counting and one switched off without a word stops.
const REPORT_AGAIN: Duration = Duration::from_secs(60 * 60);

/// How long logind is kept waiting before sleep while the away profile is applied (its own limit is 5 s).
const SLEEP_DELAY: Duration = Duration::from_millis(4_500);

/// What wakes the runner.
enum Wake {
    /// The kernel reported a change of links, addresses, routes or neighbours.
    Network,
    /// A desktop signal about the user's presence; `done` is answered once it was acted on (logind waits
    /// for that before the computer sleeps).
    Away(AwaySignal, Option<Sender<()>>),
    /// The window sent the worker a request (a click, an "until", new rules…): run a step after it, since
    /// the next boundary may have moved.
    Rearm,
    /// The app is closing.
    Stop,
}

/// Where the runner learns the network from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetworkSource {
    /// Not at all (the situation has no network).
    Off,
    /// This computer's kernel tables, NetworkManager on the system bus, and the kernel's notifications.
    System,
    /// Tables written like `/proc/net/route` and `/proc/net/arp` in this folder and NetworkManager on this
    /// bus, read at start (tests; nothing wakes the runner when they change).
    Tables(std::path::PathBuf, Bus),
}

/// Where the runner's senses and notifications are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunnerSetup {
    /// Where logind and the screen savers are.
    pub away: AwayBuses,
    /// Where the notification service is.
    pub notifications: Bus,
    /// Where the network comes from.
    pub network: NetworkSource,
    /// The language of the notifications at start.
    pub language: Language,
}

impl RunnerSetup {
    /// The desktop's own buses, the network watched, notifications in `language`.
    pub fn desktop(language: Language) -> Self {
        Self {
            away: AwayBuses::default(),
            notifications: Bus::Session,
            network: NetworkSource::System,
            language,
        }
    }
}

/// The app's handle to the runner thread, which stops when this is dropped.
pub struct Runner {
    language: Arc<Mutex<Language>>,
    wake: Sender<Wake>,
}

impl Drop for Runner {
    fn drop(&mut self) {
        self.wake.send(Wake::Stop).ok();
    }
}

impl Runner {
    /// Starts the runner over the worker behind `door`: it reports the situation at once, then each change.
    pub fn start(door: WorkerDoor, setup: RunnerSetup) -> std::io::Result<Self> {
        let (wake_tx, wake) = mpsc::channel();
        let language = Arc::new(Mutex::new(setup.language));
        let (probe, network_watched) = match &setup.network {
            NetworkSource::Off => (None, false),
            NetworkSource::System => (Some(NetworkProbe::default()), true),
            NetworkSource::Tables(dir, bus) => (Some(NetworkProbe::new(dir, bus.clone())), false),
        };
        let mut state = RunnerState {
            door,
            probe,
            presence: Presence::default(),
            network: ObservedNetwork::default(),
            notifier: Notifier::new(setup.notifications),
            language: Arc::clone(&language),
            pending: VecDeque::new(),
            decided: None,
            remote: false,
            reported_at: Instant::now(),
            report_pending: false,
            answered: false,
        };
        if let Some(probe) = &mut state.probe {
            state.network = probe.observe();
        }
        if network_watched {
            watch_network(&wake_tx);
        }
        watch_presence(&setup.away, &wake_tx);
        std::thread::Builder::new()
            .name("automation runner".to_owned())
            .spawn(move || state.run(&wake))?;
        Ok(Self {
            language,
            wake: wake_tx,
        })
    }

    /// The window sent the worker a request: a step runs after it (the worker takes them in order).
    pub fn rearm(&self) {
        self.wake.send(Wake::Rearm).ok();
    }

    /// Notifications from now on in `language`.
    pub fn set_language(&self, language: Language) {
        if let Ok(mut shown) = self.language.lock() {
            *shown = language;
        }
    }
}

/// Listens to logind and the screen savers, waking the runner at each signal. Before sleep the listener
/// waits (at most [`SLEEP_DELAY`]) until the runner has acted, holding logind's delay.
fn watch_presence(buses: &AwayBuses, wake: &Sender<Wake>) {
    let wake = wake.clone();
    let problems = watch_away(buses, move |signal| {
        let before_sleep = signal == AwaySignal::Sleeping(true);
        let (done_tx, done) = mpsc::channel();
        if wake.send(Wake::Away(signal, before_sleep.then_some(done_tx))).is_err() {
            return false;
        }
        if before_sleep {
            done.recv_timeout(SLEEP_DELAY).ok();
        }
        true
    });
    for problem in problems {
        tracing::info!(%problem, "leaving the computer is noticed only in part");
    }
}

/// Starts the network watch, waking the runner at each change (only a log line when it cannot).
#[cfg(target_os = "linux")]
fn watch_network(wake: &Sender<Wake>) {
    let wake = wake.clone();
    if let Err(error) = crate::automation::network::watch_network(move || wake.send(Wake::Network).is_ok()) {
        tracing::warn!(%error, "network changes will not be noticed");
    }
}

/// No netlink elsewhere: the network is looked at when something else wakes the runner.
#[cfg(not(target_os = "linux"))]
fn watch_network(_wake: &Sender<Wake>) {}

/// What the runner thread holds.
struct RunnerState {
    door: WorkerDoor,
    /// Where the network is read (none: not at all).
    probe: Option<NetworkProbe>,
    presence: Presence,
    network: ObservedNetwork,
    notifier: Notifier,
    language: Arc<Mutex<Language>>,
    /// Wakes taken off the channel while a burst of network notifications settled.
    pending: VecDeque<Wake>,
    /// The profile the rules decided at the last step (to announce a server's switch at a boundary).
    decided: Option<callprofiles_core::ProfileId>,
    /// Whether a callprofiles server runs the rules (as its last answer said).
    remote: bool,
    /// When the situation was last reported and taken.
    reported_at: Instant,
    /// The last report was not taken (a server unreachable then).
    report_pending: bool,
    /// Whether the worker answered the last step without an error.
    answered: bool,
}

impl RunnerState {
    /// The situation as core keeps it.
    fn situation(&self) -> Situation {
        Situation {
            network: self.network.observation(),
            away: away_cause(&self.presence),
        }
    }

    /// The thread's loop: a report at once, then a step at each deadline and each change.
    fn run(mut self, wake: &Receiver<Wake>) {
        let mut deadline = self.ask(AutomationAsk::Report(self.situation()), false);
        loop {
            let woke = match self.pending.pop_front() {
                Some(pending) => Ok(pending),
                None => match deadline {
                    Some(at) => wake.recv_timeout(at.saturating_duration_since(Instant::now())),
                    None => wake.recv().map_err(|_| RecvTimeoutError::Disconnected),
                },
            };
            match woke {
                Ok(Wake::Network) => {
                    self.settle(wake);
                    let seen = self.probe.as_mut().map(NetworkProbe::observe).unwrap_or_default();
                    if seen != self.network {
                        self.network = seen;
                        deadline = self.ask(AutomationAsk::Report(self.situation()), false);
                    }
                }
                Ok(Wake::Away(signal, done)) => {
                    if self.presence.apply(signal) {
                        deadline = self.ask(AutomationAsk::Report(self.situation()), false);
                    }
                    if let Some(done) = done {
                        done.send(()).ok();
                    }
                }
                Ok(Wake::Rearm) => deadline = self.ask(AutomationAsk::Run, false),
                Err(RecvTimeoutError::Timeout) => {
                    let ask = if report_due(self.remote, self.report_pending, self.reported_at.elapsed()) {
                        AutomationAsk::Report(self.situation())
                    } else {
                        AutomationAsk::Run
                    };
                    deadline = self.ask(ask, true);
                }
                Ok(Wake::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Lets a burst of network notifications pass, keeping any other wake for after.
    fn settle(&mut self, wake: &Receiver<Wake>) {
        let quiet_since = Instant::now();
        while quiet_since.elapsed() < Duration::from_secs(2) {
            match wake.recv_timeout(NETWORK_SETTLE) {
                Ok(Wake::Network) => {}
                Ok(other) => {
                    self.pending.push_back(other);
                    return;
                }
                Err(_) => return,
            }
        }
    }

    /// Has the worker run one step, announces a switch, and says when to run again (`None`: only on a
    /// signal). With a callprofiles server the server switches at each boundary: the runner wakes just after
    /// it (`at_boundary`) only to announce a change of what the rules decide.
    fn ask(&mut self, ask: AutomationAsk, at_boundary: bool) -> Option<Instant> {
        let reporting = matches!(ask, AutomationAsk::Report(_));
        let deadline = self.ask_once(ask, at_boundary);
        if reporting {
            // A report the server did not take (it was unreachable) is made again at the next wake.
            self.report_pending = !self.answered;
            if self.answered {
                self.reported_at = Instant::now();
            }
        }
        if self.remote {
            return Some(remote_deadline(deadline, self.reported_at));
        }
        deadline
    }

    /// [`Self::ask`] without the server's repeated reports.
    fn ask_once(&mut self, ask: AutomationAsk, at_boundary: bool) -> Option<Instant> {
        let Some(AutomationReply {
            step,
            remote,
            book,
            zone,
        }) = self.door.ask(ask)
        else {
            self.answered = false;
            tracing::warn!("the phone worker did not answer; the automation runs again in a minute");
            return Some(Instant::now() + RETRY);
        };
        self.remote = remote;
        self.answered = step.is_ok();
        match step {
            Ok(step) => {
                let decided = step.decision.as_ref().map(|decision| decision.profile.clone());
                let server_switch = step
                    .decision
                    .as_ref()
                    .filter(|_| remote && at_boundary)
                    .and_then(|decision| {
                        (self.decided.is_some() && decided != self.decided).then(|| Switch {
                            from: self.decided.clone(),
                            to: decision.profile.clone(),
                            reason: decision.reason.clone(),
                        })
                    });
                if let Some(switch) = step.switched.as_ref().or(server_switch.as_ref()) {
                    self.announce(
                        switch,
                        &book.unwrap_or_default(),
                        &zone.unwrap_or_else(TimeZone::system),
                    );
                }
                self.decided = decided;
                if remote {
                    // Exactly then (no periodic wake: the server pushes everything else).
                    step.next.as_ref().map(|next| {
                        let left = next.at.duration_since(jiff::Timestamp::now());
                        Instant::now() + Duration::try_from(left).unwrap_or(Duration::ZERO) + SERVER_LAG
                    })
                } else {
                    Some(Instant::now() + sleep_until_next(&step))
                }
            }
            // A connection that offers no automatic switching (an older callprofiles server): nothing to run
            // until a signal or the window's next request.
            Err(CoreError::Automation(AutomationError::Unavailable)) => None,
            Err(error) => {
                tracing::warn!(%error, "the automation could not run; trying again in a minute");
                Some(Instant::now() + RETRY)
            }
        }
    }

    /// The desktop notification of an automatic switch, in the window's language.
    fn announce(&mut self, switch: &Switch, book: &ProfileBook, zone: &TimeZone) {
        let language = self.language.lock().map_or(Language::English, |language| *language);
        let i18n = I18n::new(language);
        let (summary, body) =
            crate::text::switch_notice::switch_notice(&i18n, switch, book, jiff::Timestamp::now(), zone);
        if let Err(error) = self.notifier.show(&summary, &body) {
            tracing::info!(%error, "the switch could not be announced on the desktop");
        }
    }
}

/// Why the user is away, as core words it (a sleeping computer is also locked: asleep says more).
fn away_cause(presence: &Presence) -> Option<AwayCause> {
    if presence.sleeping() {
        Some(AwayCause::Asleep)
    } else if presence.away() {
        Some(AwayCause::Locked)
    } else {
        None
    }
}

/// How long until core's next change (at least a moment, at most [`LONGEST_SLEEP`]).
fn sleep_until_next(step: &AutomationStep) -> Duration {
    step.next.as_ref().map_or(LONGEST_SLEEP, |next| {
        let left = next.at.duration_since(jiff::Timestamp::now());
        Duration::try_from(left)
            .unwrap_or(Duration::ZERO)
            .clamp(Duration::from_millis(50), LONGEST_SLEEP)
    })
}

/// Whether the runner reports its situation at a deadline rather than only running a step: under a
/// server, when its last report was not taken or [`REPORT_AGAIN`] has passed since it was.
fn report_due(remote: bool, report_pending: bool, since_report: Duration) -> bool {
    remote && (report_pending || since_report >= REPORT_AGAIN)
}

/// The next wake under a server: the step's own, but no later than the next repeated report.
fn remote_deadline(step_deadline: Option<Instant>, reported_at: Instant) -> Instant {
    let report_again = reported_at + REPORT_AGAIN;
    step_deadline.map_or(report_again, |deadline| deadline.min(report_again))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_a_server_the_situation_is_reported_again_hourly_and_after_a_report_not_taken() {
        let minute = Duration::from_secs(60);
        assert!(!report_due(true, false, 59 * minute));
        assert!(report_due(true, false, 60 * minute));
        assert!(report_due(true, true, minute), "a report the server did not take");
        assert!(
            !report_due(false, true, 120 * minute),
            "without a server core keeps the situation"
        );
    }

    #[test]
    fn under_a_server_the_runner_wakes_no_later_than_the_next_repeated_report() {
        let reported = Instant::now();
        let soon = reported + Duration::from_secs(90);
        assert_eq!(remote_deadline(Some(soon), reported), soon);
        let next_week = reported + Duration::from_secs(7 * 24 * 3600);
        assert_eq!(remote_deadline(Some(next_week), reported), reported + REPORT_AGAIN);
        assert_eq!(remote_deadline(None, reported), reported + REPORT_AGAIN);
    }
}
