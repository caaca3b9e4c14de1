//! Which D-Bus bus a desktop signal or call goes to: the system or session bus the environment names, or one
//! given by address (the tests' private bus, so no test depends on the machine's buses or on process-wide
//! environment variables).

use zbus::blocking::Connection;
use zbus::blocking::connection::Builder;

/// A D-Bus bus to connect to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bus {
    /// The system bus (`$DBUS_SYSTEM_BUS_ADDRESS`, else the standard socket): logind, NetworkManager.
    System,
    /// The user's session bus (`$DBUS_SESSION_BUS_ADDRESS`): screen savers, notifications.
    Session,
    /// A bus at this address (`unix:path=…`).
    Address(String),
}

impl Bus {
    /// A new connection to this bus (blocking; D-Bus authentication included).
    pub fn connect(&self) -> zbus::Result<Connection> {
        match self {
            Self::System => Connection::system(),
            Self::Session => Connection::session(),
            Self::Address(address) => Builder::address(address.as_str())?.build(),
        }
    }
}

/// A proxy that reads properties when asked: no cache, so no signal subscription for a one-off read.
pub fn uncached_proxy<'a>(
    connection: &Connection,
    destination: &'a str,
    path: &'a str,
    interface: &'a str,
) -> zbus::Result<zbus::blocking::Proxy<'a>> {
    zbus::blocking::proxy::Builder::new(connection)
        .destination(destination)?
        .path(path)?
        .interface(interface)?
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
}
