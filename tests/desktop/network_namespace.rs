//! The network detector in network namespaces made by the test: a "computer" namespace whose default route
//! goes through a veth pair to a "gateway" namespace with a chosen MAC address. The real binary run inside
//! (`network show`, `network watch`) reads the kernel's tables, resolves the gateway by real ARP, asks a
//! stand-in NetworkManager on a private bus for the Wi-Fi name, and sees the move to another network, going
//! offline, and a network with IPv6 alone.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use zbus::zvariant::OwnedObjectPath;

use crate::private_bus::PrivateBus;
use crate::{TestResult, missing};

/// Runs `ip ARGS`; its complaint when it fails.
fn ip(args: &[&str]) -> Result<(), String> {
    let out = Command::new("ip")
        .args(args)
        .output()
        .map_err(|e| format!("ip could not run ({e}); install iproute2"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "ip {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Network namespaces, deleted when dropped (with them their veth ends).
struct Namespaces(Vec<String>);

impl Drop for Namespaces {
    fn drop(&mut self) {
        for name in &self.0 {
            ip(&["netns", "del", name]).ok();
        }
    }
}

/// A process killed and reaped when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// A stand-in NetworkManager: every interface is a Wi-Fi device associated with one access point.
struct Manager;

#[zbus::interface(name = "org.freedesktop.NetworkManager")]
impl Manager {
    fn get_device_by_ip_iface(&self, _iface: &str) -> zbus::fdo::Result<OwnedObjectPath> {
        OwnedObjectPath::try_from("/org/freedesktop/NetworkManager/Devices/7")
            .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
    }
}

/// The device: Wi-Fi (type 2).
struct Device;

#[zbus::interface(name = "org.freedesktop.NetworkManager.Device")]
impl Device {
    #[zbus(property)]
    fn device_type(&self) -> u32 {
        2
    }
}

/// Its wireless side: the active access point.
struct Wireless;

#[zbus::interface(name = "org.freedesktop.NetworkManager.Device.Wireless")]
impl Wireless {
    #[zbus(property)]
    fn active_access_point(&self) -> zbus::fdo::Result<OwnedObjectPath> {
        OwnedObjectPath::try_from("/org/freedesktop/NetworkManager/AccessPoint/1")
            .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
    }
}

/// The access point, whose name the test changes.
struct AccessPoint(Arc<Mutex<String>>);

#[zbus::interface(name = "org.freedesktop.NetworkManager.AccessPoint")]
impl AccessPoint {
    #[zbus(property)]
    fn ssid(&self) -> Vec<u8> {
        self.0.lock().map(|name| name.as_bytes().to_vec()).unwrap_or_default()
    }
}

/// What `network show --json` prints for a network.
fn observation(interface: &str, mac: &str, ssid: &str, address: &str) -> serde_json::Value {
    serde_json::json!({"interface": interface, "gateway_mac": mac, "ssid": ssid, "addresses": [address]})
}

#[test]
fn the_detector_sees_a_namespaces_network_and_the_move_to_another() -> TestResult {
    if let Err(reason) = ip(&["-V"]) {
        return missing(&reason);
    }
    let bus = match PrivateBus::start() {
        Ok(bus) => bus,
        Err(reason) => return missing(&reason),
    };
    let pid = std::process::id();
    let (computer, gateway) = (format!("cp-host-{pid}"), format!("cp-gw-{pid}"));
    let (near, far) = (format!("cpa{pid}"), format!("cpb{pid}"));
    if let Err(reason) = ip(&["netns", "add", &computer]) {
        return missing(&format!("network namespaces need root: {reason}"));
    }
    let mut namespaces = Namespaces(vec![computer.clone()]);
    ip(&["netns", "add", &gateway])?;
    namespaces.0.push(gateway.clone());
    ip(&[
        "link", "add", &near, "netns", &computer, "type", "veth", "peer", "name", &far, "netns", &gateway,
    ])?;
    ip(&["-n", &gateway, "link", "set", &far, "address", "02:00:5e:10:00:01"])?;
    ip(&["-n", &gateway, "addr", "add", "10.77.0.1/24", "dev", &far])?;
    ip(&["-n", &gateway, "link", "set", &far, "up"])?;
    ip(&["-n", &computer, "addr", "add", "10.77.0.2/24", "dev", &near])?;
    ip(&["-n", &computer, "link", "set", &near, "up"])?;
    ip(&["-n", &computer, "route", "add", "default", "via", "10.77.0.1"])?;

    let ssid = Arc::new(Mutex::new("Biuro 5G".to_owned()));
    let _network_manager = zbus::blocking::connection::Builder::address(bus.address.as_str())?
        .name("org.freedesktop.NetworkManager")?
        .serve_at("/org/freedesktop/NetworkManager", Manager)?
        .serve_at("/org/freedesktop/NetworkManager/Devices/7", Device)?
        .serve_at("/org/freedesktop/NetworkManager/Devices/7", Wireless)?
        .serve_at(
            "/org/freedesktop/NetworkManager/AccessPoint/1",
            AccessPoint(Arc::clone(&ssid)),
        )?
        .build()?;
    let binary = assert_cmd::cargo::cargo_bin("callprofiles");
    let in_computer = |args: &[&str]| {
        let mut command = Command::new("ip");
        command
            .args(["netns", "exec", &computer])
            .arg(&binary)
            .args(args)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &bus.address)
            .env("RUST_LOG", "warn");
        command
    };

    // The gateway's MAC address is not in the neighbour table yet: the detector makes the kernel ask (ARP).
    let shown = in_computer(&["network", "show", "--json"]).output()?;
    assert!(shown.status.success(), "{}", String::from_utf8_lossy(&shown.stderr));
    let first: serde_json::Value = serde_json::from_slice(&shown.stdout)?;
    assert_eq!(
        first,
        observation(&near, "02:00:5e:10:00:01", "Biuro 5G", "10.77.0.2/24")
    );

    // Watching: the same first, then the move to another network (new router, new subnet, new Wi-Fi).
    let mut watch = Running(
        in_computer(&["network", "watch", "--json"])
            .stdout(Stdio::piped())
            .spawn()?,
    );
    let stdout = watch.0.stdout.take().ok_or("no stdout")?;
    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines_tx.send(line).is_err() {
                return;
            }
        }
    });
    let next = || -> Result<serde_json::Value, Box<dyn std::error::Error>> {
        Ok(serde_json::from_str(&lines.recv_timeout(Duration::from_secs(10))??)?)
    };
    assert_eq!(next()?, first);

    if let Ok(mut name) = ssid.lock() {
        "Dom".clone_into(&mut name);
    }
    ip(&["-n", &gateway, "link", "set", &far, "address", "02:00:5e:20:00:02"])?;
    ip(&["-n", &gateway, "addr", "add", "10.88.0.1/24", "dev", &far])?;
    ip(&["-n", &computer, "route", "del", "default"])?;
    ip(&["-n", &computer, "addr", "del", "10.77.0.2/24", "dev", &near])?;
    ip(&["-n", &computer, "addr", "add", "10.88.0.2/24", "dev", &near])?;
    ip(&["-n", &computer, "route", "add", "default", "via", "10.88.0.1"])?;
    let moved = observation(&near, "02:00:5e:20:00:02", "Dom", "10.88.0.2/24");
    let mut seen = Vec::new();
    while seen.last() != Some(&moved) {
        let line = next().map_err(|e| format!("{e}; seen so far: {seen:?}"))?;
        seen.push(line);
    }

    // Offline: no default route is no network at all.
    ip(&["-n", &computer, "route", "del", "default"])?;
    let offline = serde_json::json!({"interface": null, "gateway_mac": null, "ssid": null, "addresses": []});
    while seen.last() != Some(&offline) {
        let line = next().map_err(|e| format!("{e}; seen so far: {seen:?}"))?;
        seen.push(line);
    }

    // A network with IPv6 alone: seen through its IPv6 default route (no MAC: IPv6 neighbours are not in
    // /proc), recognised by its Wi-Fi name and its subnet.
    ip(&["-n", &computer, "addr", "del", "10.88.0.2/24", "dev", &near])?;
    ip(&["-n", &gateway, "addr", "add", "2001:db8:77::1/64", "dev", &far, "nodad"])?;
    ip(&[
        "-n",
        &computer,
        "addr",
        "add",
        "2001:db8:77::2/64",
        "dev",
        &near,
        "nodad",
    ])?;
    ip(&[
        "-n",
        &computer,
        "-6",
        "route",
        "add",
        "default",
        "via",
        "2001:db8:77::1",
    ])?;
    let ipv6_only = serde_json::json!({"interface": near, "gateway_mac": null, "ssid": "Dom",
                                       "addresses": ["2001:db8:77::2/64"]});
    while seen.last() != Some(&ipv6_only) {
        let line = next().map_err(|e| format!("{e}; seen so far: {seen:?}"))?;
        seen.push(line);
    }
    drop(namespaces);
    Ok(())
}
