//! The network this computer is on: its identity (default gateway's MAC address, Wi-Fi name, subnets) and
//! a wake-up whenever it may have changed.

pub mod observe;
pub mod proc_net;
#[cfg(target_os = "linux")]
pub mod watch;

pub use observe::{NetworkObservation, NetworkProbe};
pub use proc_net::{Ipv4Subnet, MacAddress};
#[cfg(target_os = "linux")]
pub use watch::watch_network;
