//! When each user's rules run: one tokio task per user, asleep until the next boundary the last run
//! named, a poke (rules, hold or reported situation changed) or the wall clock being re-read. A run at
//! start-up catches up a boundary missed while the server was down. Each user's runs are at least
//! `MIN_INTERVAL` apart, so a rule set whose boundaries are always "now" costs one run a second at most,
//! a failing run (PBX unreachable) backs off up to `MAX_BACKOFF`, and at most `MAX_CONCURRENT_RUNS` runs
//! are under way at once whatever the number of users (thousands start together at start-up).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use jiff::Timestamp;
use tokio::sync::{Notify, Semaphore};
use tokio::task::JoinHandle;

use super::clock::Clock;

/// The shortest time between two runs for one user.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);
/// The most runs under way at once, all users together (each may wait on the PBX).
pub const MAX_CONCURRENT_RUNS: usize = 4;
/// The longest the scheduler sleeps without re-reading the wall clock.
pub const MAX_SLEEP: Duration = Duration::from_secs(60);
/// The first wait after a failed run (doubling per failure).
pub const FIRST_BACKOFF: Duration = Duration::from_secs(2);
/// The longest wait after failed runs.
pub const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// What one run found out for the scheduler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ran {
    /// When to run next (the next boundary of the user's rules), or never until poked.
    pub next_at: Option<Timestamp>,
}

/// Runs one user's rules at an instant (blocking: called on tokio's blocking pool). Applying a
/// switch, its audit line and the push to the user's desktops happen inside.
pub trait Runner: Send + Sync + 'static {
    /// The error of a run (logged; the scheduler retries with backoff).
    type Error: std::fmt::Display + Send + 'static;

    /// Runs `extension`'s rules as of `now`.
    fn run(&self, extension: &str, now: Timestamp) -> Result<Ran, Self::Error>;
}

/// One user's task.
struct Watched {
    poke: Arc<Notify>,
    /// Whether the last run failed (it waits out a backoff).
    failing: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

/// Every watched user's task.
pub struct Scheduler<R: Runner, C: Clock> {
    runner: Arc<R>,
    clock: Arc<C>,
    users: Mutex<HashMap<String, Watched>>,
    runs: Arc<Semaphore>,
}

impl<R: Runner, C: Clock> Scheduler<R, C> {
    /// A scheduler watching nobody yet.
    pub fn new(runner: Arc<R>, clock: Arc<C>) -> Arc<Self> {
        Arc::new(Self {
            runner,
            clock,
            users: Mutex::new(HashMap::new()),
            runs: Arc::new(Semaphore::new(MAX_CONCURRENT_RUNS)),
        })
    }

    /// Starts watching `extension` (its first run is at once); nothing when already watched. Must be
    /// called inside the tokio runtime.
    pub fn watch(&self, extension: &str) {
        let mut users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        if users.get(extension).is_some_and(|user| !user.task.is_finished()) {
            return;
        }
        let poke = Arc::new(Notify::new());
        let failing = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(user_loop(
            self.runner.clone(),
            self.clock.clone(),
            self.runs.clone(),
            extension.to_owned(),
            (poke.clone(), failing.clone()),
        ));
        users.insert(extension.to_owned(), Watched { poke, failing, task });
    }

    /// Runs `extension`'s rules again soon (its rules, hold or situation changed); starts watching it
    /// when it was not. Pokes before a run starts are all answered by it; one during a run brings one
    /// more run, so none is lost.
    pub fn poke(&self, extension: &str) {
        let poke = self
            .users
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(extension)
            .filter(|user| !user.task.is_finished())
            .map(|user| user.poke.clone());
        match poke {
            Some(poke) => poke.notify_one(),
            None => self.watch(extension),
        }
    }

    /// Pokes `extension` only when it is watched (a change that may matter to rules it has).
    pub fn nudge(&self, extension: &str) {
        let users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(user) = users.get(extension).filter(|user| !user.task.is_finished()) {
            user.poke.notify_one();
        }
    }

    /// Runs again, now, every user whose last run failed (the PBX is back: a switch that could not be
    /// made need not wait out its backoff).
    pub fn retry_failed(&self) {
        let users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        for user in users.values().filter(|user| user.failing.load(Ordering::Relaxed)) {
            user.poke.notify_one();
        }
    }

    /// How many users are watched.
    pub fn watched(&self) -> usize {
        self.users.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}

impl<R: Runner, C: Clock> Drop for Scheduler<R, C> {
    fn drop(&mut self) {
        for user in self.users.get_mut().unwrap_or_else(PoisonError::into_inner).values() {
            user.task.abort();
        }
    }
}

/// One user's runs, forever.
async fn user_loop<R: Runner, C: Clock>(
    runner: Arc<R>,
    clock: Arc<C>,
    runs: Arc<Semaphore>,
    extension: String,
    (poke, failing): (Arc<Notify>, Arc<AtomicBool>),
) {
    let mut failures: u32 = 0;
    loop {
        // The semaphore is never closed; were it, the run would go ahead unbounded rather than stop.
        let permit = runs.clone().acquire_owned().await.ok();
        // This run reads everything a poke so far was about: drop any kept for it.
        futures_util::FutureExt::now_or_never(poke.notified());
        let started = tokio::time::Instant::now();
        let now = clock.now();
        let job_runner = runner.clone();
        let job_extension = extension.clone();
        let outcome = tokio::task::spawn_blocking(move || job_runner.run(&job_extension, now)).await;
        drop(permit);
        let wake = match outcome {
            Ok(Ok(ran)) => {
                failures = 0;
                failing.store(false, Ordering::Relaxed);
                Wake::At(ran.next_at)
            }
            Ok(Err(error)) => {
                failures = failures.saturating_add(1);
                failing.store(true, Ordering::Relaxed);
                let wait = backoff(failures);
                tracing::warn!(%error, extension, retry_in = ?wait, "automatic switching failed");
                Wake::After(wait)
            }
            Err(error) => {
                failures = failures.saturating_add(1);
                failing.store(true, Ordering::Relaxed);
                tracing::error!(%error, extension, "automatic switching task failed");
                Wake::After(backoff(failures))
            }
        };
        wait(&*clock, &poke, wake).await;
        // However soon the rules or a poke ask again, a user's runs stay MIN_INTERVAL apart.
        tokio::time::sleep_until(started + MIN_INTERVAL).await;
    }
}

/// What ends a wait.
#[derive(Clone, Copy, Debug)]
enum Wake {
    /// The wall clock reaching this instant (never: only a poke).
    At(Option<Timestamp>),
    /// This long on tokio's clock (a retry), or a poke.
    After(Duration),
}

/// Waits for `wake` or a poke, re-reading the wall clock at least every `MAX_SLEEP`.
async fn wait(clock: &impl Clock, poke: &Notify, wake: Wake) {
    match wake {
        Wake::After(wait) => {
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = poke.notified() => {}
            }
        }
        Wake::At(None) => poke.notified().await,
        Wake::At(Some(at)) => loop {
            let left = until(clock.now(), at);
            if left.is_zero() {
                return;
            }
            tokio::select! {
                () = tokio::time::sleep(left.min(MAX_SLEEP)) => {}
                () = poke.notified() => return,
            }
        },
    }
}

/// How long from `now` to `at` (zero when past).
fn until(now: Timestamp, at: Timestamp) -> Duration {
    Duration::try_from(at.duration_since(now)).unwrap_or(Duration::ZERO)
}

/// The wait after `failures` failed runs in a row.
fn backoff(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(16);
    FIRST_BACKOFF.saturating_mul(1 << doublings).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests;
