//! The scheduler on tokio's paused clock: hours pass without sleeping.

use std::sync::Mutex;

use jiff::{SignedDuration, Timestamp};

use super::*;
use crate::automation::clock::TokioClock;

/// A runner that records when it ran and answers what `next` makes of each instant.
struct Recorder {
    runs: Mutex<Vec<Timestamp>>,
    next: Box<dyn Fn(Timestamp, usize) -> Result<Ran, String> + Send + Sync>,
}

impl Recorder {
    fn new(next: impl Fn(Timestamp, usize) -> Result<Ran, String> + Send + Sync + 'static) -> Arc<Self> {
        Arc::new(Self {
            runs: Mutex::new(Vec::new()),
            next: Box::new(next),
        })
    }

    fn runs(&self) -> Vec<Timestamp> {
        self.runs.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl Runner for Recorder {
    type Error = String;

    fn run(&self, _: &str, now: Timestamp) -> Result<Ran, String> {
        let count = {
            let mut runs = self.runs.lock().unwrap_or_else(PoisonError::into_inner);
            runs.push(now);
            runs.len()
        };
        (self.next)(now, count)
    }
}

fn start() -> Result<Timestamp, jiff::Error> {
    "2026-03-29T00:30:00Z".parse()
}

/// The next whole hour after `now`.
fn next_hour(now: Timestamp) -> Option<Timestamp> {
    let hour = 3600;
    Timestamp::from_second((now.as_second() / hour + 1) * hour).ok()
}

async fn pass(seconds: u64) {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
}

#[tokio::test(start_paused = true)]
async fn runs_at_once_then_at_each_boundary_it_was_told() -> Result<(), Box<dyn std::error::Error>> {
    let start = start()?;
    let runner = Recorder::new(|now, _| {
        Ok(Ran {
            next_at: next_hour(now),
        })
    });
    let scheduler = Scheduler::new(runner.clone(), Arc::new(TokioClock::starting_at(start)));
    scheduler.watch("201");
    pass(3 * 3600 + 60).await;
    let runs: Vec<String> = runner.runs().iter().map(ToString::to_string).collect();
    assert_eq!(
        runs,
        [
            "2026-03-29T00:30:00Z",
            "2026-03-29T01:00:00Z",
            "2026-03-29T02:00:00Z",
            "2026-03-29T03:00:00Z"
        ]
    );
    scheduler.watch("201");
    pass(1).await;
    assert_eq!(runner.runs().len(), 4, "watching a watched user again runs nothing");
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn a_poke_runs_again_at_once_and_no_boundary_means_asleep_until_poked() -> Result<(), Box<dyn std::error::Error>>
{
    let start = start()?;
    let runner = Recorder::new(|_, _| Ok(Ran { next_at: None }));
    let scheduler = Scheduler::new(runner.clone(), Arc::new(TokioClock::starting_at(start)));
    scheduler.watch("201");
    pass(24 * 3600).await;
    assert_eq!(runner.runs(), [start], "no boundary: one run, then asleep");
    scheduler.poke("201");
    pass(1).await;
    assert_eq!(runner.runs().len(), 2);
    assert_eq!(runner.runs()[1], start.checked_add(SignedDuration::from_hours(24))?);
    // Pokes while asleep or running are kept for one run, not many.
    scheduler.poke("201");
    scheduler.poke("201");
    scheduler.poke("201");
    pass(10).await;
    assert_eq!(runner.runs().len(), 3);
    // A poke for someone not watched starts watching them.
    scheduler.poke("202");
    pass(1).await;
    assert_eq!(scheduler.watched(), 2);
    assert_eq!(runner.runs().len(), 4);
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn a_hostile_rule_set_runs_at_most_once_a_second() -> Result<(), Box<dyn std::error::Error>> {
    let start = start()?;
    // Always "the next boundary is now" (or already past).
    let runner = Recorder::new(|now, _| Ok(Ran { next_at: Some(now) }));
    let scheduler = Scheduler::new(runner.clone(), Arc::new(TokioClock::starting_at(start)));
    scheduler.watch("201");
    for _ in 0..50 {
        scheduler.poke("201");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let runs = runner.runs();
    assert!((5..=6).contains(&runs.len()), "{} runs in 5 s", runs.len());
    for pair in runs.windows(2) {
        if let [a, b] = pair {
            assert!(b.duration_since(*a) >= SignedDuration::from_secs(1), "{a} then {b}");
        }
    }
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn failures_back_off_and_a_success_resets() -> Result<(), Box<dyn std::error::Error>> {
    let start = start()?;
    let runner = Recorder::new(|now, count| {
        if count <= 7 {
            Err("PBX unreachable".to_owned())
        } else {
            Ok(Ran {
                next_at: next_hour(now),
            })
        }
    });
    let scheduler = Scheduler::new(runner.clone(), Arc::new(TokioClock::starting_at(start)));
    scheduler.watch("201");
    pass(300).await;
    let offsets: Vec<i64> = runner
        .runs()
        .iter()
        .map(|run| run.duration_since(start).as_secs())
        .collect();
    // Waits 2, 4, 8, 16, 32, 60, 60 s; the eighth run succeeds and sleeps till the hour.
    assert_eq!(offsets, [0, 2, 6, 14, 30, 62, 122, 182]);
    pass(1800).await;
    assert_eq!(runner.runs().len(), 9, "the boundary at 01:00 ran");
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn a_far_boundary_is_reached_through_short_sleeps() -> Result<(), Box<dyn std::error::Error>> {
    let start = start()?;
    let week = SignedDuration::from_hours(7 * 24);
    let far = start.checked_add(week)?;
    let runner = Recorder::new(move |_, _| Ok(Ran { next_at: Some(far) }));
    let scheduler = Scheduler::new(runner.clone(), Arc::new(TokioClock::starting_at(start)));
    scheduler.watch("201");
    pass(7 * 24 * 3600 - 1).await;
    assert_eq!(runner.runs().len(), 1);
    pass(2).await;
    assert_eq!(runner.runs(), [start, far]);
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn thousands_of_users_start_together_but_only_a_few_runs_are_under_way() -> Result<(), Box<dyn std::error::Error>>
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    let start = start()?;
    let running = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (now_running, seen_most) = (running.clone(), most.clone());
    let runner = Recorder::new(move |now, _| {
        let count = now_running.fetch_add(1, Ordering::SeqCst) + 1;
        seen_most.fetch_max(count, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(1));
        now_running.fetch_sub(1, Ordering::SeqCst);
        Ok(Ran {
            next_at: next_hour(now),
        })
    });
    let scheduler = Scheduler::new(runner.clone(), Arc::new(TokioClock::starting_at(start)));
    for extension in 1000..3000 {
        scheduler.watch(&extension.to_string());
    }
    pass(60).await;
    assert_eq!(runner.runs().len(), 2000, "every user ran once at start-up");
    let most = most.load(Ordering::SeqCst);
    assert!((1..=MAX_CONCURRENT_RUNS).contains(&most), "{most} runs at once");
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn when_the_pbx_is_back_only_failing_users_run_again_at_once() -> Result<(), Box<dyn std::error::Error>> {
    let start = start()?;
    let failing = Recorder::new(|now, count| {
        if count == 1 {
            Err("PBX unreachable".to_owned())
        } else {
            Ok(Ran {
                next_at: next_hour(now),
            })
        }
    });
    let fine = Recorder::new(|now, _| {
        Ok(Ran {
            next_at: next_hour(now),
        })
    });
    let scheduler = Scheduler::new(failing.clone(), Arc::new(TokioClock::starting_at(start)));
    let other = Scheduler::new(fine.clone(), Arc::new(TokioClock::starting_at(start)));
    scheduler.watch("201");
    other.watch("202");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    scheduler.retry_failed();
    other.retry_failed();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let offsets: Vec<i128> = failing
        .runs()
        .iter()
        .map(|run| run.duration_since(start).as_millis())
        .collect();
    assert_eq!(offsets, [0, 1100], "retried at once, not after its 2 s backoff");
    assert_eq!(fine.runs().len(), 1, "a user whose run worked is left asleep");
    Ok(())
}
