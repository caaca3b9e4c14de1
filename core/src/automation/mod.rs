//! Profiles that switch themselves (issue 13): a weekly schedule with exceptions, the office network,
//! leaving the computer, and the user's own holds ("until", a click), evaluated purely
//! ([`decide`], [`next_change`]) and stored beside the profiles ([`AutomationStore`]).
//!
//! Semantics, in one place:
//! - **Precedence**: hold (click or "until") > leaving the computer > network > exception > weekly
//!   schedule > otherwise. At any instant at most one rule of a level applies; the highest decides.
//! - **A click** holds until the rules below it decide anything else (a boundary of the schedule or an
//!   exception, another network, a lock or a return); **"until"** holds to its end, then the rules decide
//!   ([`ReturnTo::Schedule`]) or the profile active before it holds like a click ([`ReturnTo::Previous`]).
//! - **Windows** are wall-clock times in the rules' zone on chosen weekdays; `end` after `start` ends the
//!   same day (`24:00` its end), `end` before `start` ends the next day; overlapping windows are refused.
//!   **Exceptions** cover whole days, `from` to `to` inclusive.
//! - **Daylight saving** ([`local_time`]): a time in the spring gap happens when the clocks jump (02:30 →
//!   03:00 CEST in Europe/Warsaw), a time in the autumn's repeated hour happens the first time (CEST).
//! - **A deleted profile** disables the rules naming it (kept, listed in [`AutomationView::disabled`]);
//!   deleting a profile never fails because of a rule.
//! - **A runner** (the desktop without a server; the server per user) calls `run_automation(now)` at each
//!   returned `next.at`, and whenever the rules or the situation change (the verbs changing them run it
//!   themselves); a switch happens only when the decided profile changes (a change made on the phone is
//!   left alone until then), through the same path as a click, and is kept in the history.

mod clock_time;
mod evaluate;
mod hold;
mod hold_length;
pub mod local_time;
mod network;
mod rules;
mod storage;
#[cfg(test)]
mod tests;
pub mod until_input;
mod validation;
mod view;
mod weekdays;

pub use clock_time::{ClockTime, MINUTES_PER_DAY};
pub use evaluate::{Decision, HORIZON_DAYS, NextChange, Reason, decide, next_change};
pub use hold::{AwayCause, Hold, ReturnTo, Situation, Until};
pub use hold_length::{HoldLength, hold_end};
pub use network::{MacAddress, NetworkObservation, NetworkSignature, Subnet, WifiName};
pub use rules::{
    AwayRule, Exception, MAX_EXCEPTIONS, MAX_NETWORKS, MAX_WINDOWS, NetworkLabel, NetworkRule, RuleRef, Rules, Window,
    Zone,
};
pub use storage::{AUTOMATION_FILE, AUTOMATION_VERSION, AutomationState, AutomationStore, HISTORY_FILE, HISTORY_LIMIT};
pub use view::{AutomationStep, AutomationView, DisabledRule, HistoryEntry, Switch};
pub use weekdays::{Weekdays, short_name};
