//! Recognising a network: its default gateway's MAC address, its Wi-Fi name, or a subnet the computer
//! has an address in. The desktop observes ([`NetworkObservation`]); a rule names one [`NetworkSignature`].

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{AutomationError, AutomationInput};

/// A default gateway's MAC address (EUI-48), written `aa:bb:cc:dd:ee:ff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MacAddress([u8; 6]);

impl MacAddress {
    /// The address from its six bytes.
    pub fn new(bytes: [u8; 6]) -> Self {
        Self(bytes)
    }

    /// Parses `aa:bb:cc:dd:ee:ff` or `aa-bb-cc-dd-ee-ff`, any case.
    pub fn parse(text: &str) -> Result<Self, AutomationError> {
        let bad = || AutomationError::BadInput {
            what: AutomationInput::MacAddress,
            text: text.to_owned(),
        };
        let parts: Vec<&str> = text.trim().split([':', '-']).collect();
        if parts.len() != 6 {
            return Err(bad());
        }
        let mut bytes = [0u8; 6];
        for (byte, part) in bytes.iter_mut().zip(parts) {
            if part.len() != 2 {
                return Err(bad());
            }
            *byte = u8::from_str_radix(part, 16).map_err(|_| bad())?;
        }
        Ok(Self(bytes))
    }
}

impl fmt::Display for MacAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02x}:{b:02x}:{c:02x}:{d:02x}:{e:02x}:{g:02x}")
    }
}

/// A Wi-Fi network name (SSID): 1–32 bytes of UTF-8 without control or invisible characters (what
/// could not be shown or typed could not be told apart).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WifiName(String);

impl WifiName {
    /// Checks a Wi-Fi name (kept exactly: spaces are part of an SSID).
    pub fn parse(text: &str) -> Result<Self, AutomationError> {
        let valid = !text.is_empty() && text.len() <= 32 && !text.chars().any(crate::shown::is_hidden);
        if valid {
            Ok(Self(text.to_owned()))
        } else {
            Err(AutomationError::BadInput {
                what: AutomationInput::WifiName,
                text: crate::shown::text(text),
            })
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An IP subnet, `192.168.1.0/24` or `fd00:1::/64`; host bits are cleared when parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Subnet {
    network: IpAddr,
    prefix: u8,
}

impl Subnet {
    /// The subnet of `address` with `prefix` bits; `None` when the prefix is longer than the address.
    pub fn new(address: IpAddr, prefix: u8) -> Option<Self> {
        let bits = match address {
            IpAddr::V4(_) => 32,
            IpAddr::V6(_) => 128,
        };
        (prefix <= bits).then(|| Self {
            network: masked(address, prefix),
            prefix,
        })
    }

    /// Parses `ADDRESS/PREFIX`.
    pub fn parse(text: &str) -> Result<Self, AutomationError> {
        let bad = || AutomationError::BadInput {
            what: AutomationInput::Subnet,
            text: text.to_owned(),
        };
        let (address, prefix) = text.trim().split_once('/').ok_or_else(bad)?;
        let address: IpAddr = address.parse().map_err(|_| bad())?;
        if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let prefix: u8 = prefix.parse().map_err(|_| bad())?;
        Self::new(address, prefix).ok_or_else(bad)
    }

    /// Whether `address` is in this subnet.
    pub fn contains(&self, address: IpAddr) -> bool {
        matches!(
            (self.network, address),
            (IpAddr::V4(_), IpAddr::V4(_)) | (IpAddr::V6(_), IpAddr::V6(_))
        ) && masked(address, self.prefix) == self.network
    }

    /// The prefix length.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }
}

/// `address` with every bit past `prefix` cleared.
fn masked(address: IpAddr, prefix: u8) -> IpAddr {
    match address {
        IpAddr::V4(v4) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V4((u32::from(v4) & mask).into())
        }
        IpAddr::V6(v6) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V6((u128::from(v6) & mask).into())
        }
    }
}

impl fmt::Display for Subnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// How a rule recognises a network.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum NetworkSignature {
    /// The default gateway's MAC address (the most specific: one office router).
    Gateway {
        /// The gateway's MAC address.
        mac: MacAddress,
    },
    /// The Wi-Fi network's name.
    Wifi {
        /// The SSID.
        ssid: WifiName,
    },
    /// A subnet the computer has an address in.
    Subnet {
        /// The subnet.
        subnet: Subnet,
    },
}

impl NetworkSignature {
    /// Whether `observed` is this network.
    pub fn matches(&self, observed: &NetworkObservation) -> bool {
        match self {
            Self::Gateway { mac } => observed.gateway_mac.as_ref() == Some(mac),
            Self::Wifi { ssid } => observed.wifi.as_ref() == Some(ssid),
            Self::Subnet { subnet } => observed.addresses.iter().any(|address| subnet.contains(*address)),
        }
    }

    /// What "use this network" learns with one click: the gateway's MAC when known (one router),
    /// else the Wi-Fi name, else the subnet of the first address (with its prefix, or /24 and /64).
    pub fn learn(observed: &NetworkObservation) -> Option<Self> {
        if let Some(mac) = observed.gateway_mac {
            return Some(Self::Gateway { mac });
        }
        if let Some(ssid) = &observed.wifi {
            return Some(Self::Wifi { ssid: ssid.clone() });
        }
        let address = *observed.addresses.first()?;
        let prefix = match address {
            IpAddr::V4(_) => 24,
            IpAddr::V6(_) => 64,
        };
        Subnet::new(address, prefix).map(|subnet| Self::Subnet { subnet })
    }
}

impl fmt::Display for NetworkSignature {
    /// As the command line takes it: `gateway=aa:bb:…`, `wifi=Name`, `subnet=10.0.0.0/8`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Gateway { mac } => write!(f, "gateway={mac}"),
            Self::Wifi { ssid } => write!(f, "wifi={}", crate::shown::text(ssid.as_str())),
            Self::Subnet { subnet } => write!(f, "subnet={subnet}"),
        }
    }
}

/// What the desktop sees of its current network (its detector fills what it can).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkObservation {
    /// The default gateway's MAC address, when the neighbour table knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_mac: Option<MacAddress>,
    /// The Wi-Fi network's name, when on Wi-Fi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wifi: Option<WifiName>,
    /// The computer's addresses on that network.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<IpAddr>,
}

/// Serde as text through `Display` and a parser.
macro_rules! serde_as_text {
    ($type:ty, $to_text:expr) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                #[allow(clippy::redundant_closure_call)]
                serializer.serialize_str(&($to_text)(self))
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_as_text!(MacAddress, |mac: &MacAddress| mac.to_string());
serde_as_text!(WifiName, |name: &WifiName| name.0.clone());
serde_as_text!(Subnet, |subnet: &Subnet| subnet.to_string());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_networks() -> Result<(), Box<dyn std::error::Error>> {
        let observed = NetworkObservation {
            gateway_mac: Some(MacAddress::parse("AA-bb-cc-00-11-22")?),
            wifi: Some(WifiName::parse("Office 5G")?),
            addresses: vec!["192.168.7.23".parse()?, "fd00:1::5".parse()?],
        };
        let gateway = NetworkSignature::Gateway {
            mac: MacAddress::parse("aa:bb:cc:00:11:22")?,
        };
        assert!(gateway.matches(&observed));
        assert_eq!(gateway.to_string(), "gateway=aa:bb:cc:00:11:22");
        assert!(
            NetworkSignature::Subnet {
                subnet: Subnet::parse("192.168.7.99/24")?
            }
            .matches(&observed)
        );
        assert!(
            !NetworkSignature::Subnet {
                subnet: Subnet::parse("192.168.8.0/24")?
            }
            .matches(&observed)
        );
        assert!(
            NetworkSignature::Subnet {
                subnet: Subnet::parse("fd00:1::/64")?
            }
            .matches(&observed)
        );
        assert!(
            NetworkSignature::Subnet {
                subnet: Subnet::parse("0.0.0.0/0")?
            }
            .matches(&observed)
        );
        assert!(
            !NetworkSignature::Wifi {
                ssid: WifiName::parse("office 5g")?
            }
            .matches(&observed)
        );
        assert_eq!(NetworkSignature::learn(&observed), Some(gateway));
        assert_eq!(Subnet::parse("10.1.2.3/8")?.to_string(), "10.0.0.0/8");
        for bad in ["10.0.0.0/33", "10.0.0.0", "10.0.0.0/", "x/8", "10.0.0.0/+8"] {
            assert!(Subnet::parse(bad).is_err(), "{bad}");
        }
        for bad in ["aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:fg", "aaa:bb:cc:dd:ee:ff", ""] {
            assert!(MacAddress::parse(bad).is_err(), "{bad}");
        }
        assert!(WifiName::parse("").is_err());
        assert!(WifiName::parse("a\u{202e}b").is_err());
        assert!(WifiName::parse(&"x".repeat(33)).is_err());
        Ok(())
    }
}
