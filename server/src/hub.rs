//! Each user's latest `State` and the streams waiting for it. A refresh re-reads the user through
//! `pbx` and publishes only when something changed (then the revision grows by one): SSE streams
//! wake only on a real change. Refreshes asked for while one runs are coalesced per user.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use callprofiles_core::wire::{State, WireActivity};
use tokio::sync::{Notify, watch};

use crate::pbx::{Pbx, Snapshot};

/// One user's channel.
struct Slot {
    sender: watch::Sender<Option<State>>,
    /// How many mailbox changes the server learnt of (the state's `mailbox_revision`).
    mailbox: AtomicU64,
}

/// Every user's latest state.
pub struct Hub {
    pbx: Arc<Pbx>,
    slots: Mutex<HashMap<String, Arc<Slot>>>,
    dirty: Mutex<HashSet<String>>,
    wake: Notify,
    /// Counts the AMI event connection coming up (the scheduler retries failed runs then).
    reconnections: watch::Sender<u64>,
}

impl Hub {
    /// A hub over the PBX.
    pub fn new(pbx: Arc<Pbx>) -> Arc<Self> {
        Arc::new(Self {
            pbx,
            slots: Mutex::new(HashMap::new()),
            dirty: Mutex::new(HashSet::new()),
            wake: Notify::new(),
            reconnections: watch::channel(0).0,
        })
    }

    /// The PBX.
    pub fn pbx(&self) -> &Arc<Pbx> {
        &self.pbx
    }

    /// The user's slot, created empty.
    fn slot(&self, extension: &str) -> Arc<Slot> {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        slots
            .entry(extension.to_owned())
            .or_insert_with(|| {
                Arc::new(Slot {
                    sender: watch::channel(None).0,
                    mailbox: AtomicU64::new(0),
                })
            })
            .clone()
    }

    /// Users the hub knows (someone asked for their state since the server started).
    pub fn known(&self) -> Vec<String> {
        self.slots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .cloned()
            .collect()
    }

    /// Whether the hub knows `extension`.
    pub fn knows(&self, extension: &str) -> bool {
        self.slots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(extension)
    }

    /// A receiver of the user's states (its current value may still be `None`).
    pub fn subscribe(&self, extension: &str) -> watch::Receiver<Option<State>> {
        self.slot(extension).sender.subscribe()
    }

    /// Re-reads the user now (blocking: run on the blocking pool) and publishes when changed; returns
    /// the latest state.
    pub fn refresh_now(&self, extension: &str) -> Result<State, callprofiles_core::CoreError> {
        let started = std::time::Instant::now();
        let ask = !self.pbx.seems_down();
        let snapshot = self.pbx.snapshot(extension, ask)?;
        let state = self.publish(extension, snapshot);
        tracing::debug!(extension, ask, revision = state.revision, took = ?started.elapsed(), "refreshed");
        Ok(state)
    }

    /// Publishes a snapshot when it differs from the last state; returns the latest state.
    fn publish(&self, extension: &str, snapshot: Snapshot) -> State {
        let slot = self.slot(extension);
        let mut latest = None;
        slot.sender.send_if_modified(|current| {
            let revision = current.as_ref().map_or(0, |state| state.revision);
            let mut next = to_state(extension, snapshot, revision + 1);
            next.mailbox_revision = slot.mailbox.load(Ordering::Relaxed);
            if let Some(current) = current.as_ref() {
                next.revision = current.revision;
                if *current == next {
                    latest = Some(next);
                    return false;
                }
                next.revision = current.revision + 1;
            }
            *current = Some(next.clone());
            latest = Some(next);
            true
        });
        latest.unwrap_or_else(|| to_state(extension, Snapshot::empty(), 0))
    }

    /// Asks for a refresh of `extension` soon (coalesced); ignored for users nobody asked about.
    pub fn mark_dirty(&self, extension: &str) {
        if !self.knows(extension) {
            return;
        }
        self.dirty
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(extension.to_owned());
        self.wake.notify_one();
    }

    /// Notes that Asterisk answers again (the event connection is up).
    pub fn note_reconnected(&self) {
        self.reconnections.send_modify(|count| *count = count.wrapping_add(1));
    }

    /// Changes each time Asterisk answers again.
    pub fn reconnections(&self) -> watch::Receiver<u64> {
        self.reconnections.subscribe()
    }

    /// Notes that `extension`'s mailbox changed (Asterisk's `MessageWaiting`, or the server's own heard,
    /// delete or greeting upload) and asks for a refresh: the next state has a new `mailbox_revision`,
    /// so every device of the user is told even when the count of new messages stays the same.
    pub fn mailbox_changed(&self, extension: &str) {
        if !self.knows(extension) {
            return;
        }
        self.slot(extension).mailbox.fetch_add(1, Ordering::Relaxed);
        self.mark_dirty(extension);
    }

    /// Asks for a refresh of every known user (Asterisk lost or back).
    pub fn mark_all_dirty(&self) {
        let known = self.known();
        self.dirty.lock().unwrap_or_else(PoisonError::into_inner).extend(known);
        self.wake.notify_one();
    }

    /// Runs refreshes as they are asked for, forever.
    pub async fn run_refresher(self: Arc<Self>) {
        loop {
            self.wake.notified().await;
            let batch: Vec<String> = self
                .dirty
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .drain()
                .collect();
            if batch.is_empty() {
                continue;
            }
            let hub = self.clone();
            let done = tokio::task::spawn_blocking(move || {
                for extension in batch {
                    if let Err(error) = hub.refresh_now(&extension) {
                        tracing::warn!(%error, extension, "refresh failed");
                    }
                }
            })
            .await;
            if let Err(error) = done {
                tracing::error!(%error, "refresh task failed");
            }
        }
    }
}

impl Snapshot {
    /// Nothing known (never published).
    fn empty() -> Self {
        Self {
            book: callprofiles_core::ProfileBook::default(),
            last_applied: None,
            live: None,
            activity: None,
            new_messages: None,
            do_not_disturb: false,
            ring_times: callprofiles_core::call_flow::RingTimes::UNKNOWN,
            reachable: false,
            phone_system: String::new(),
            automation: None,
        }
    }
}

/// The wire state of a snapshot.
fn to_state(extension: &str, snapshot: Snapshot, revision: u64) -> State {
    State {
        revision,
        book: snapshot.book,
        last_applied: snapshot.last_applied,
        live: snapshot.live,
        activity: snapshot.activity.map(WireActivity::from),
        new_messages: snapshot.new_messages,
        do_not_disturb: snapshot.do_not_disturb,
        ring_times: snapshot.ring_times,
        mailbox_revision: 0,
        reachable: snapshot.reachable,
        phone_system: snapshot.phone_system,
        extension: extension.to_owned(),
        automation: snapshot.automation,
    }
}
