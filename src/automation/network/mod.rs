//! The network this computer is on: its identity (default gateway's MAC address, Wi-Fi name, addresses) and
//! a wake-up whenever it may have changed.

pub mod observe;
pub mod proc_net;
#[cfg(target_os = "linux")]
pub mod watch;

pub use observe::InterfaceAddress;
pub use observe::{NetworkProbe, ObservedNetwork};
pub use proc_net::MacAddress;
#[cfg(target_os = "linux")]
pub use watch::{settle, watch_network};
