//! In server mode the worker holds one event stream (server-sent events) instead of polling every 3 s:
//! a thread reads it and wakes the worker with a refresh at each pushed state and each loss (so the
//! window shows "server unreachable" at once, and the state again as soon as the stream is back; the
//! stream reconnects with a jittered backoff of at most 0.8 s).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;

use callprofiles_core::remote::{ServerClient, ServerConfig, ServerPhoneSystem, StateStream, StreamNews};

use crate::gui::worker::{Ticket, WorkerRequest};

/// The ticket of the refreshes the stream asks for (nobody waits for their answer).
const SILENT: Ticket = Ticket(0);

/// The worker's event stream: at most one reader thread runs; starting another or stopping ends the
/// previous one at its next event (each thread knows its generation).
#[derive(Debug, Default)]
pub struct ServerEvents {
    generation: Arc<AtomicU64>,
    /// Where the stream wakes the worker (the worker's request channel; unset when it runs inline).
    wake: Option<Sender<(Ticket, WorkerRequest)>>,
    /// Whether a reader thread was started for the current generation.
    running: bool,
}

impl ServerEvents {
    /// Wakes the worker through `wake` from the next [`Self::follow`] on.
    pub fn wake_with(&mut self, wake: Sender<(Ticket, WorkerRequest)>) {
        self.wake = Some(wake);
    }

    /// Whether a reader thread follows the server now.
    pub fn running(&self) -> bool {
        self.running
    }

    /// Ends the current stream, and follows the stream of `server` (with the device token in `home`),
    /// when given and the worker can be woken.
    pub fn follow(&mut self, home: &Path, server: Option<&ServerConfig>) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.running = false;
        let (Some(wake), Some(server)) = (self.wake.clone(), server) else {
            return;
        };
        match ServerPhoneSystem::open(server, home) {
            Ok(phone) => self.running = self.start(phone.client().clone(), wake),
            // The snapshot says why (no device token): nothing to follow.
            Err(error) => tracing::debug!(%error, "no server event stream"),
        }
    }

    /// Starts a reader thread for the current generation; false when it could not be started.
    fn start(&self, client: ServerClient, wake: Sender<(Ticket, WorkerRequest)>) -> bool {
        let generation = self.generation.load(Ordering::SeqCst);
        let current = Arc::clone(&self.generation);
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
        started
            .inspect_err(|error| {
                tracing::warn!("cannot start the server event stream (the window polls instead): {error}");
            })
            .is_ok()
    }
}

impl Drop for ServerEvents {
    fn drop(&mut self) {
        // The reader thread ends at its next event instead of waking a worker that is gone.
        self.generation.fetch_add(1, Ordering::SeqCst);
    }
}
