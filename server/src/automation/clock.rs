//! The scheduler's clock: what time it is on the wall (rules speak of wall-clock times in a time zone)
//! and how to wait on tokio's timer. Production reads the system clock; the unit tests derive the wall
//! time from tokio's paused clock, so they move hours ahead without sleeping.

use jiff::Timestamp;

/// The wall clock the scheduler evaluates rules at.
pub trait Clock: Send + Sync + 'static {
    /// Now.
    fn now(&self) -> Timestamp;
}

/// The system clock. The scheduler re-reads it at least every `MAX_SLEEP`, so a clock set by NTP or a
/// host that slept is caught up within that.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A wall clock that starts at `start` and runs with tokio's clock (paused in tests: `advance` moves
/// it).
#[cfg(test)]
#[derive(Clone, Copy, Debug)]
pub struct TokioClock {
    start: Timestamp,
    origin: tokio::time::Instant,
}

#[cfg(test)]
impl TokioClock {
    /// Now is `start`.
    pub fn starting_at(start: Timestamp) -> Self {
        Self {
            start,
            origin: tokio::time::Instant::now(),
        }
    }
}

#[cfg(test)]
impl Clock for TokioClock {
    fn now(&self) -> Timestamp {
        let elapsed = tokio::time::Instant::now().duration_since(self.origin);
        jiff::SignedDuration::try_from(elapsed)
            .ok()
            .and_then(|elapsed| self.start.checked_add(elapsed).ok())
            .unwrap_or(Timestamp::MAX)
    }
}
