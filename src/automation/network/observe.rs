//! What network this computer is on now: read from the kernel's tables (`/proc/net/route`, `/proc/net/arp`,
//! and `/proc/net/ipv6_route` when there is no IPv4 default route)
//! and, for the Wi-Fi name, from NetworkManager over D-Bus when it runs.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, UdpSocket};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use zbus::blocking::Connection;
use zbus::blocking::Proxy;
use zbus::zvariant::OwnedObjectPath;

use callprofiles_core::automation::{NetworkObservation, WifiName};

use super::proc_net::{self, MacAddress};
use crate::automation::bus::{Bus, uncached_proxy};

/// The most read of a table file (a routing table is a few KiB; this bounds a hostile or broken one).
const TABLE_LIMIT: u64 = 1 << 20;

/// How long to wait for the gateway's MAC address after provoking the kernel to look it up.
const NEIGHBOUR_WAIT: Duration = Duration::from_millis(500);

/// The network as seen now: what identifies it. Everything empty means no default route (offline).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ObservedNetwork {
    /// The interface of the default route (`eth0`, `wlp2s0`).
    pub interface: Option<String>,
    /// The default gateway's MAC address (the most telling: the office router's, whatever its IP address).
    pub gateway_mac: Option<MacAddress>,
    /// The Wi-Fi network's name, when the default route goes over Wi-Fi and NetworkManager says which.
    pub ssid: Option<String>,
    /// The computer's addresses on that interface (link-local ones left out: every network has them).
    pub addresses: Vec<InterfaceAddress>,
}

/// One of the computer's addresses with its prefix length, shown `192.168.1.23/24`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct InterfaceAddress {
    /// The address.
    pub ip: IpAddr,
    /// Its subnet's prefix length.
    pub prefix: u8,
}

impl fmt::Display for InterfaceAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.ip, self.prefix)
    }
}

impl ObservedNetwork {
    /// Whether there is no network to recognise (no default route).
    pub fn is_offline(&self) -> bool {
        self.interface.is_none()
    }

    /// What core's network rules match against (and "learn this network" learns from): `None` offline. A
    /// Wi-Fi name core cannot hold (longer than 32 bytes, invisible characters) is left out.
    pub fn observation(&self) -> Option<NetworkObservation> {
        (!self.is_offline()).then(|| NetworkObservation {
            gateway_mac: self.gateway_mac,
            wifi: self.ssid.as_deref().and_then(|ssid| WifiName::parse(ssid).ok()),
            addresses: self.addresses.iter().map(|address| address.ip).collect(),
        })
    }
}

impl serde::Serialize for InterfaceAddress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads the current network: from files under a `/proc/net`-like directory and NetworkManager on a bus.
pub struct NetworkProbe {
    tables: PathBuf,
    network_manager: Bus,
    connection: Option<Connection>,
}

impl Default for NetworkProbe {
    fn default() -> Self {
        Self::new(Path::new("/proc/net"), Bus::System)
    }
}

impl NetworkProbe {
    /// A probe reading `route` and `arp` in `tables` and asking NetworkManager on `network_manager`.
    pub fn new(tables: &Path, network_manager: Bus) -> Self {
        Self {
            tables: tables.to_owned(),
            network_manager,
            connection: None,
        }
    }

    /// The network now. When the gateway's MAC address is not yet known (a fresh network), one datagram to
    /// the gateway makes the kernel ask for it, and the table is read again for up to half a second.
    pub fn observe(&mut self) -> ObservedNetwork {
        let routes = self.table("route");
        let Some(default) = proc_net::default_route(&routes) else {
            return self.observe_ipv6_only();
        };
        let gateway_mac = self.gateway_mac(default.gateway, &default.interface);
        let ssid = self.ssid(&default.interface);
        ObservedNetwork {
            addresses: addresses_of(&default.interface),
            interface: Some(default.interface),
            gateway_mac,
            ssid,
        }
    }

    /// A network with IPv6 alone: its default route's interface, Wi-Fi name and addresses. The kernel keeps
    /// IPv6 neighbours out of `/proc`, so the router's MAC address is not known: a Wi-Fi name or subnet rule
    /// recognises such a network.
    fn observe_ipv6_only(&mut self) -> ObservedNetwork {
        let Some(interface) = proc_net::default_route_v6(&self.table("ipv6_route")) else {
            return ObservedNetwork::default();
        };
        let ssid = self.ssid(&interface);
        ObservedNetwork {
            addresses: addresses_of(&interface),
            interface: Some(interface),
            gateway_mac: None,
            ssid,
        }
    }

    /// A table's text; empty when it cannot be read (then nothing is recognised, which is the truth).
    fn table(&self, name: &str) -> String {
        match callprofiles_core::atomic_file::read_limited(&self.tables.join(name), TABLE_LIMIT) {
            Ok(Some(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
            Ok(None) => String::new(),
            Err(error) => {
                tracing::debug!(%error, "cannot read /proc/net/{name}");
                String::new()
            }
        }
    }

    /// The gateway's MAC address, provoking a neighbour lookup when the table lacks it.
    fn gateway_mac(&self, gateway: Ipv4Addr, interface: &str) -> Option<MacAddress> {
        let known = proc_net::neighbour_mac(&self.table("arp"), gateway, interface);
        if known.is_some() {
            return known;
        }
        // The discard port: nothing answers, but the kernel must resolve the gateway's address to send it.
        UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
            .and_then(|socket| socket.send_to(&[], (gateway, 9)))
            .inspect_err(|error| tracing::debug!(%error, "cannot provoke a neighbour lookup of {gateway}"))
            .ok();
        let deadline = Instant::now() + NEIGHBOUR_WAIT;
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(25));
            let found = proc_net::neighbour_mac(&self.table("arp"), gateway, interface);
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// The Wi-Fi name of `interface` from NetworkManager; none when it is not Wi-Fi or NetworkManager does
    /// not run (the connection is kept for the next time, and made again after a failure).
    fn ssid(&mut self, interface: &str) -> Option<String> {
        if self.connection.is_none() {
            self.connection = self
                .network_manager
                .connect()
                .inspect_err(|error| tracing::debug!(%error, "no system bus for NetworkManager"))
                .ok();
        }
        let connection = self.connection.as_ref()?;
        match network_manager_ssid(connection, interface) {
            Ok(ssid) => ssid,
            Err(zbus::Error::InputOutput(error)) => {
                tracing::debug!(%error, "the system bus connection broke");
                self.connection = None;
                None
            }
            Err(error) => {
                tracing::debug!(%error, "NetworkManager did not tell the Wi-Fi name");
                None
            }
        }
    }
}

/// The addresses of `interface`, sorted (none when they cannot be listed).
fn addresses_of(interface: &str) -> Vec<InterfaceAddress> {
    let interfaces = if_addrs::get_if_addrs()
        .inspect_err(|error| tracing::debug!(%error, "cannot list the addresses"))
        .unwrap_or_default();
    let mut found: Vec<InterfaceAddress> = interfaces
        .into_iter()
        .filter(|candidate| candidate.name == interface)
        .filter_map(|candidate| {
            let (ip, prefix) = match candidate.addr {
                if_addrs::IfAddr::V4(v4) => (IpAddr::V4(v4.ip), v4.prefixlen),
                if_addrs::IfAddr::V6(v6) => (IpAddr::V6(v6.ip), v6.prefixlen),
            };
            let link_local = match ip {
                IpAddr::V4(v4) => v4.is_link_local(),
                IpAddr::V6(v6) => v6.is_unicast_link_local(),
            };
            (!link_local).then_some(InterfaceAddress { ip, prefix })
        })
        .collect();
    found.sort();
    found
}

/// NetworkManager's well-known name on the system bus.
const NETWORK_MANAGER: &str = "org.freedesktop.NetworkManager";

/// A proxy for one of NetworkManager's objects.
fn proxy<'a>(connection: &Connection, path: &'a str, interface: &'a str) -> zbus::Result<Proxy<'a>> {
    uncached_proxy(connection, NETWORK_MANAGER, path, interface)
}

/// The SSID of the access point `interface` is associated with (`None`: not Wi-Fi, or not associated).
fn network_manager_ssid(connection: &Connection, interface: &str) -> zbus::Result<Option<String>> {
    let manager = proxy(connection, "/org/freedesktop/NetworkManager", NETWORK_MANAGER)?;
    let device: OwnedObjectPath = manager.call("GetDeviceByIpIface", &(interface,))?;
    let device_type: u32 =
        proxy(connection, device.as_str(), "org.freedesktop.NetworkManager.Device")?.get_property("DeviceType")?;
    // NM_DEVICE_TYPE_WIFI
    if device_type != 2 {
        return Ok(None);
    }
    let access_point: OwnedObjectPath = proxy(
        connection,
        device.as_str(),
        "org.freedesktop.NetworkManager.Device.Wireless",
    )?
    .get_property("ActiveAccessPoint")?;
    if access_point.as_str() == "/" {
        return Ok(None);
    }
    let ssid: Vec<u8> = proxy(
        connection,
        access_point.as_str(),
        "org.freedesktop.NetworkManager.AccessPoint",
    )?
    .get_property("Ssid")?;
    Ok((!ssid.is_empty()).then(|| String::from_utf8_lossy(&ssid).into_owned()))
}
