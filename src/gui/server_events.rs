//! In server mode the worker holds one event stream (server-sent events) instead of polling every 3 s:
//! a thread reads it and wakes the worker with a refresh at each pushed state and each loss (so the
//! window shows "server unreachable" at once, and the state again as soon as the stream is back; the
//! stream reconnects with a jittered backoff of at most 0.8 s).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;

use callprofiles_core::remote::{ServerClient, StateStream, StreamNews};

use crate::gui::worker::{Ticket, WorkerRequest};

/// The ticket of refreshes nobody waits for.
const SILENT: Ticket = Ticket(0);

/// Which stream is current: a stream whose generation is no longer current ends at its next news.
#[derive(Debug, Default, Clone)]
pub struct StreamGeneration(Arc<AtomicU64>);

impl StreamGeneration {
    /// Ends every stream started before (at its next news).
    pub fn stop(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    /// Starts a stream of `client`'s user that wakes the worker through `wake`; ends the one before.
    pub fn start(&self, client: ServerClient, wake: Sender<(Ticket, WorkerRequest)>) {
        let generation = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        let current = Arc::clone(&self.0);
        let started = std::thread::Builder::new()
            .name("server-events".to_owned())
            .spawn(move || {
                let mut stream = StateStream::new(client);
                loop {
                    let news = stream.next_news();
                    if current.load(Ordering::SeqCst) != generation {
                        return;
                    }
                    if wake.send((SILENT, WorkerRequest::Refresh)).is_err() {
                        return;
                    }
                    if let StreamNews::Refused(error) = news {
                        tracing::warn!("the server refuses this computer's event stream: {error}");
                        return;
                    }
                }
            });
        if let Err(error) = started {
            tracing::warn!("cannot start the server event stream (the window polls instead): {error}");
        }
    }
}
