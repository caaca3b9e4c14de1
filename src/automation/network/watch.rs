//! Notices that the network may have changed, without polling: a netlink socket subscribed to the kernel's
//! link, IPv4 address, IPv4 route and neighbour notifications wakes a thread that otherwise sleeps in
//! `recv`. It does not decode the messages: each one only means "look again", and the observer compares.

use std::io;

use netlink_sys::protocols::NETLINK_ROUTE;
use netlink_sys::{Socket, SocketAddr};

/// `RTMGRP_LINK`: interfaces up/down (a cable, Wi-Fi association).
const RTMGRP_LINK: u32 = 0x1;
/// `RTMGRP_NEIGH`: neighbour entries (the gateway's MAC address learned or changed).
const RTMGRP_NEIGH: u32 = 0x4;
/// `RTMGRP_IPV4_IFADDR`: addresses added or removed (DHCP).
const RTMGRP_IPV4_IFADDR: u32 = 0x10;
/// `RTMGRP_IPV4_ROUTE`: routes, the default route among them.
const RTMGRP_IPV4_ROUTE: u32 = 0x40;
/// `RTMGRP_IPV6_IFADDR`: IPv6 addresses added or removed (SLAAC, DHCPv6).
const RTMGRP_IPV6_IFADDR: u32 = 0x100;
/// `RTMGRP_IPV6_ROUTE`: IPv6 routes (a network with IPv6 alone has only these).
const RTMGRP_IPV6_ROUTE: u32 = 0x400;

/// `ENOBUFS`: notifications were dropped because the socket's buffer was full — something changed.
const ENOBUFS: i32 = 105;

/// Starts a thread that calls `changed` after each kernel notification about links, addresses, routes or
/// neighbours; it ends when `changed` returns false (its receiver is gone). Fails when the socket cannot be
/// opened (then changes are seen only when something else wakes the runner).
pub fn watch_network(changed: impl Fn() -> bool + Send + 'static) -> io::Result<()> {
    let mut socket = Socket::new(NETLINK_ROUTE)?;
    socket.bind(&SocketAddr::new(
        0,
        RTMGRP_LINK | RTMGRP_NEIGH | RTMGRP_IPV4_IFADDR | RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_IFADDR | RTMGRP_IPV6_ROUTE,
    ))?;
    std::thread::Builder::new()
        .name("network watch".to_owned())
        .spawn(move || {
            loop {
                match socket.recv_from_full() {
                    Ok(_) => {}
                    Err(error) if error.raw_os_error() == Some(ENOBUFS) => {}
                    Err(error) => {
                        tracing::warn!(%error, "network changes will no longer be noticed");
                        return;
                    }
                }
                if !changed() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Waits until no wake-up has arrived on `changed` for `quiet` (at most two seconds in all), so a burst of
/// notifications (a new network brings links, addresses, routes and neighbours at once) is looked at once.
pub fn settle(changed: &std::sync::mpsc::Receiver<()>, quiet: std::time::Duration) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    while std::time::Instant::now() < deadline && changed.recv_timeout(quiet).is_ok() {}
}
