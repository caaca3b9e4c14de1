//! Automatic switching on the server (issue 13): the rules of each user run here, so they apply with
//! the laptop closed. `scheduler` decides when each user's rules run; `clock` is the wall clock it
//! reads (a test clock in unit tests).

pub mod clock;
pub mod scheduler;

pub use clock::{Clock, SystemClock};
pub use scheduler::{Ran, Runner, Scheduler};
