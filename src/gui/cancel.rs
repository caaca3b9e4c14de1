//! A flag the window sets to cancel a request the worker is running (a connection test that may take
//! seconds): the worker looks at it before it saves anything.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Shared between the window and the worker; two flags are equal only when they are the same flag.
#[derive(Clone, Debug, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    /// Asks the request to stop (it saves nothing from now on).
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether the window asked to stop.
    pub fn cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl PartialEq for CancelFlag {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for CancelFlag {}
