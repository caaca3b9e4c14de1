//! Automatic switching on the server (issue 13): the rules of each user run here, so they apply with
//! the laptop closed. `scheduler` decides when each user's rules run (a task per user); `runner` runs
//! them through core and publishes a switch like an HTTP activate; `clock` is the wall clock the
//! scheduler reads (a test clock in unit tests); `damaged` sets a user's damaged automation file aside; `devices` combines what a user's computers report.

pub mod clock;
pub mod damaged;
pub mod devices;
pub mod runner;
pub mod scheduler;

pub use clock::SystemClock;
pub use runner::{ServerRunner, audit_switch};
pub use scheduler::Scheduler;

/// The server's scheduler.
pub type ServerScheduler = Scheduler<ServerRunner, SystemClock>;
