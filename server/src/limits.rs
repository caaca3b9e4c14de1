//! Rate limits on failures (bad enrollment codes, bad tokens), per client address and per extension:
//! after `max_failures` within `window`, further attempts from that address or for that extension are
//! refused (429) until the window that began with the first failure ends.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed per window before refusing (by default).
pub const MAX_FAILURES: u32 = 10;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(60);
/// Most keys tracked per map (an attacker cycling addresses cannot grow memory without bound).
const MAX_KEYS: usize = 100_000;

/// Failures of one key in the current window.
#[derive(Clone, Copy, Debug)]
struct Window {
    started: Instant,
    failures: u32,
}

/// Failure counters by key.
#[derive(Debug)]
struct Counter<K> {
    windows: Mutex<HashMap<K, Window>>,
}

impl<K: Hash + Eq + Clone> Counter<K> {
    fn new() -> Self {
        Self {
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// How long `key` must wait, if it is over the limit.
    fn blocked(&self, key: &K, now: Instant, max_failures: u32) -> Option<Duration> {
        let windows = self.windows.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let window = windows.get(key)?;
        let ends = window.started + WINDOW;
        (window.failures >= max_failures && ends > now).then(|| ends - now)
    }

    /// Counts a failure of `key`.
    fn fail(&self, key: K, now: Instant) {
        let mut windows = self.windows.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if windows.len() >= MAX_KEYS {
            windows.retain(|_, w| w.started + WINDOW > now);
        }
        let window = windows.entry(key).or_insert(Window {
            started: now,
            failures: 0,
        });
        if window.started + WINDOW <= now {
            *window = Window {
                started: now,
                failures: 0,
            };
        }
        window.failures = window.failures.saturating_add(1);
    }
}

/// The limits of one kind of attempt (enrollment, or authentication).
#[derive(Debug)]
pub struct Limiter {
    max_failures: u32,
    by_address: Counter<IpAddr>,
    by_extension: Counter<String>,
}

impl Limiter {
    /// Allowing `max_failures` per window.
    pub fn new(max_failures: u32) -> Self {
        Self {
            max_failures,
            by_address: Counter::new(),
            by_extension: Counter::new(),
        }
    }

    /// How long the caller must wait (whole seconds, at least 1), if the address or the extension is
    /// over the limit.
    pub fn retry_after(&self, address: IpAddr, extension: Option<&str>) -> Option<u64> {
        let now = Instant::now();
        let by_address = self.by_address.blocked(&address, now, self.max_failures);
        let by_extension = extension.and_then(|ext| self.by_extension.blocked(&ext.to_owned(), now, self.max_failures));
        by_address
            .into_iter()
            .chain(by_extension)
            .max()
            .map(|wait| wait.as_secs().max(1))
    }

    /// Counts a failure from `address` (and for `extension`, when known).
    pub fn fail(&self, address: IpAddr, extension: Option<&str>) {
        let now = Instant::now();
        self.by_address.fail(address, now);
        if let Some(ext) = extension {
            self.by_extension.fail(ext.to_owned(), now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleventh_failure_is_refused_per_address_and_per_extension() {
        let limiter = Limiter::new(MAX_FAILURES);
        let a = IpAddr::from([10, 0, 0, 1]);
        let b = IpAddr::from([10, 0, 0, 2]);
        for _ in 0..MAX_FAILURES {
            assert_eq!(limiter.retry_after(a, Some("201")), None);
            limiter.fail(a, Some("201"));
        }
        assert!(limiter.retry_after(a, None).is_some());
        assert!(
            limiter.retry_after(b, Some("201")).is_some(),
            "another address, same extension"
        );
        assert_eq!(limiter.retry_after(b, Some("202")), None);
    }
}
