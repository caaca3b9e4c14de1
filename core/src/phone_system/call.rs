//! A telecommuter's outgoing call after the phone system took it: how it ended up, and a handle that
//! waits to learn it (off the UI thread: it may take as long as the telecommuter phone rings).

/// How a telecommuter's call went at its first leg (the telecommuter phone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    /// The telecommuter answered; the phone system now dials the number.
    Answered,
    /// The telecommuter phone rang but nobody answered in time.
    NotAnswered,
    /// The telecommuter phone was busy.
    Busy,
    /// The telecommuter phone could not be called (unreachable number, congestion, refused).
    Failed,
    /// The phone system did not say in time (the call may still go on).
    Unknown,
}

/// Waits for the outcome of a call placed by [`super::PhoneSystem::place_call`].
pub trait CallWatch: Send {
    /// Blocks until the phone system says how the call went, or its time is up ([`CallOutcome::Unknown`]).
    fn wait(self: Box<Self>) -> CallOutcome;
}

/// A watch whose outcome is already known (test phone systems).
#[derive(Clone, Copy, Debug)]
pub struct KnownOutcome(pub CallOutcome);

impl CallWatch for KnownOutcome {
    fn wait(self: Box<Self>) -> CallOutcome {
        self.0
    }
}
