//! Plain parsing of the kernel's IPv4 routing and neighbour tables as `/proc/net/route` and `/proc/net/arp`
//! print them: the default route (interface and gateway) and the gateway's MAC address; and of
//! `/proc/net/ipv6_route` for a network with IPv6 alone (its neighbours are not in `/proc`, so no MAC). Pure functions over text, so they are tested on real samples.

use std::net::Ipv4Addr;

pub use callprofiles_core::automation::MacAddress;

/// `RTF_UP`: the route is usable.
const RTF_UP: u32 = 0x1;
/// `RTF_GATEWAY`: the route goes through a gateway.
const RTF_GATEWAY: u32 = 0x2;
/// `ATF_COM`: the neighbour entry is complete (its MAC address is known).
const ATF_COM: u32 = 0x2;

/// A MAC address as `/proc/net/arp` prints it (`aa:bb:cc:dd:ee:ff`, either case); the all-zero address
/// (an incomplete entry) and anything else is `None`.
pub fn parse_mac(text: &str) -> Option<MacAddress> {
    let mut octets = [0u8; 6];
    let mut parts = text.split(':');
    for octet in &mut octets {
        let part = parts.next()?;
        if part.len() != 2 {
            return None;
        }
        *octet = u8::from_str_radix(part, 16).ok()?;
    }
    (parts.next().is_none() && octets != [0; 6]).then(|| MacAddress::new(octets))
}

/// The default route: where traffic for the rest of the world leaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultRoute {
    /// The interface it leaves through (`eth0`, `wlp2s0`).
    pub interface: String,
    /// The gateway's address.
    pub gateway: Ipv4Addr,
}

/// One row of `/proc/net/route`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Route {
    interface: String,
    destination: Ipv4Addr,
    gateway: Ipv4Addr,
    flags: u32,
    metric: u32,
    mask: Ipv4Addr,
}

/// An address as the kernel prints it in `/proc/net/route`: the 32 bits in memory order, as hex.
fn kernel_address(hex: &str) -> Option<Ipv4Addr> {
    u32::from_str_radix(hex, 16)
        .ok()
        .map(|raw| Ipv4Addr::from(raw.to_ne_bytes()))
}

/// The rows of `/proc/net/route` (its header and any row that does not parse are skipped).
fn routes(route_table: &str) -> impl Iterator<Item = Route> + '_ {
    route_table.lines().skip(1).filter_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [interface, destination, gateway, flags, _refcnt, _use, metric, mask, ..] = fields.as_slice() else {
            return None;
        };
        Some(Route {
            interface: (*interface).to_owned(),
            destination: kernel_address(destination)?,
            gateway: kernel_address(gateway)?,
            flags: u32::from_str_radix(flags, 16).ok()?,
            metric: metric.parse().ok()?,
            mask: kernel_address(mask)?,
        })
    })
}

/// The default route with the lowest metric (the one the kernel uses), if any.
pub fn default_route(route_table: &str) -> Option<DefaultRoute> {
    routes(route_table)
        .filter(|route| {
            route.destination.is_unspecified()
                && route.mask.is_unspecified()
                && route.flags & (RTF_UP | RTF_GATEWAY) == RTF_UP | RTF_GATEWAY
        })
        .min_by_key(|route| route.metric)
        .map(|route| DefaultRoute {
            interface: route.interface,
            gateway: route.gateway,
        })
}

/// The interface of the IPv6 default route with the lowest metric, from `/proc/net/ipv6_route` (rows:
/// destination, its prefix length, source, its prefix length, next hop, metric, refcount, use, flags,
/// interface; hex): a usable route through a gateway to `::/0`. The kernel's own unreachable `::/0` on
/// `lo` has no gateway and is left out.
pub fn default_route_v6(ipv6_route_table: &str) -> Option<String> {
    ipv6_route_table
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [
                destination,
                prefix,
                _source,
                _source_prefix,
                next_hop,
                metric,
                _refcnt,
                _use,
                flags,
                interface,
            ] = fields.as_slice()
            else {
                return None;
            };
            let zero = |hex: &str| hex.len() == 32 && hex.bytes().all(|digit| digit == b'0');
            let flags = u32::from_str_radix(flags, 16).ok()?;
            let usable = zero(destination)
                && u8::from_str_radix(prefix, 16).ok()? == 0
                && !zero(next_hop)
                && flags & (RTF_UP | RTF_GATEWAY) == RTF_UP | RTF_GATEWAY;
            usable.then(|| Some((u32::from_str_radix(metric, 16).ok()?, (*interface).to_owned())))?
        })
        .min_by_key(|(metric, _)| *metric)
        .map(|(_, interface)| interface)
}

/// The MAC address of `address` on `interface` in `/proc/net/arp`, when the entry is complete.
pub fn neighbour_mac(arp_table: &str, address: Ipv4Addr, interface: &str) -> Option<MacAddress> {
    arp_table.lines().skip(1).find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [ip, _hw_type, flags, mac, _mask, device] = fields.as_slice() else {
            return None;
        };
        let flags = u32::from_str_radix(flags.trim_start_matches("0x"), 16).ok()?;
        (ip.parse::<Ipv4Addr>().ok()? == address && *device == interface && flags & ATF_COM != 0)
            .then(|| parse_mac(mac))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `/proc/net/route` of a laptop on Wi-Fi with a docking station's wired link too (the wired default
    /// route has the lower metric), a libvirt bridge and the link-local route NetworkManager adds.
    const LAPTOP_ROUTE: &str = "\
Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlp2s0\t00000000\t0100A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
enp0s31f6\t00000000\t01010A0A\t0003\t0\t0\t100\t00000000\t0\t0\t0
enp0s31f6\t00010A0A\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0
enp0s31f6\t0000FEA9\t00000000\t0001\t0\t0\t1000\t0000FFFF\t0\t0\t0
enp0s31f6\t00000A0A\t00000000\t0001\t0\t0\t100\t0000FFFF\t0\t0\t0
wlp2s0\t0000A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
virbr0\t007AA8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
";

    /// `/proc/net/arp` of the same laptop: the wired gateway complete, a Wi-Fi entry incomplete.
    const LAPTOP_ARP: &str = "\
IP address       HW type     Flags       HW address            Mask     Device
10.10.1.1        0x1         0x2         3C:52:82:0a:1b:2c     *        enp0s31f6
192.168.0.1      0x1         0x0         00:00:00:00:00:00     *        wlp2s0
10.10.1.77       0x1         0x2         a4:bb:6d:00:11:22     *        enp0s31f6
";

    /// This very machine's tables (a container: one interface, gateway 192.0.2.1).
    const CONTAINER_ROUTE: &str = "\
Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                               
";
    const CONTAINER_ARP: &str = "\
IP address       HW type     Flags       HW address            Mask     Device
192.0.2.1        0x1         0x2         02:fc:00:00:00:05     *        eth0
";

    /// `/proc/net/ipv6_route` of this very machine (IPv6 gateway fd00::1 on eth0), and of a laptop on an
    /// IPv6-only Wi-Fi whose router is link-local, with a costlier wired default route.
    const CONTAINER_IPV6_ROUTE: &str = "\
fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0
fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001     eth0
00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000003 00000000 00000003     eth0
00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000002 00000000 80200001       lo
00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
";
    const LAPTOP_IPV6_ROUTE: &str = "\
00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe80000000000000021122fffe334455 00000064 00000002 00000000 00000003 enp0s31f6
00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000014 00000002 00000000 00000003   wlp2s0
20010db8000100000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000258 00000001 00000000 00000001   wlp2s0
00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
";

    #[test]
    fn the_ipv6_default_route_is_the_cheapest_through_a_gateway() {
        assert_eq!(default_route_v6(CONTAINER_IPV6_ROUTE).as_deref(), Some("eth0"));
        assert_eq!(default_route_v6(LAPTOP_IPV6_ROUTE).as_deref(), Some("wlp2s0"));
        // Only the kernel's unreachable route and the local ones: no default route (offline).
        let offline: String = CONTAINER_IPV6_ROUTE
            .lines()
            .filter(|line| !line.contains("fd000000000000000000000000000001"))
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(default_route_v6(&offline), None);
        assert_eq!(default_route_v6("not a table\n\n00 00"), None);
    }

    #[test]
    fn the_default_route_is_the_one_with_the_lowest_metric() {
        assert_eq!(
            default_route(LAPTOP_ROUTE),
            Some(DefaultRoute {
                interface: "enp0s31f6".to_owned(),
                gateway: Ipv4Addr::new(10, 10, 1, 1)
            })
        );
        assert_eq!(
            default_route(CONTAINER_ROUTE),
            Some(DefaultRoute {
                interface: "eth0".to_owned(),
                gateway: Ipv4Addr::new(192, 0, 2, 1)
            })
        );
    }

    #[test]
    fn the_gateways_mac_comes_from_a_complete_entry_on_its_interface() {
        assert_eq!(
            neighbour_mac(LAPTOP_ARP, Ipv4Addr::new(10, 10, 1, 1), "enp0s31f6").map(|mac| mac.to_string()),
            Some("3c:52:82:0a:1b:2c".to_owned())
        );
        assert_eq!(neighbour_mac(LAPTOP_ARP, Ipv4Addr::new(192, 168, 0, 1), "wlp2s0"), None);
        assert_eq!(neighbour_mac(LAPTOP_ARP, Ipv4Addr::new(10, 10, 1, 1), "wlp2s0"), None);
        assert_eq!(
            neighbour_mac(CONTAINER_ARP, Ipv4Addr::new(192, 0, 2, 1), "eth0"),
            parse_mac("02:FC:00:00:00:05")
        );
    }

    #[test]
    fn no_default_route_and_damaged_rows_are_nothing() {
        let no_default = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n\
                          eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\n";
        assert_eq!(default_route(no_default), None);
        let damaged = "header\neth0 zz 010200C0 0003 0 0 0 00000000\neth0\n\n";
        assert_eq!(default_route(damaged), None);
        // A default route that is down is not used.
        let down = "h\neth0\t00000000\t010200C0\t0002\t0\t0\t0\t00000000\n";
        assert_eq!(default_route(down), None);
        assert_eq!(default_route(""), None);
        assert_eq!(neighbour_mac("", Ipv4Addr::LOCALHOST, "lo"), None);
    }

    #[test]
    fn mac_addresses_parse_strictly() {
        assert_eq!(
            parse_mac("02:fc:00:00:00:05"),
            Some(MacAddress::new([2, 0xfc, 0, 0, 0, 5]))
        );
        for bad in [
            "",
            "02:fc:00:00:00",
            "02:fc:00:00:00:05:06",
            "2:fc:00:00:00:05",
            "zz:fc:00:00:00:05",
        ] {
            assert_eq!(parse_mac(bad), None, "{bad}");
        }
        assert_eq!(parse_mac("00:00:00:00:00:00"), None);
    }
}
