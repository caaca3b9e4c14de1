//! Desktop notifications through the freedesktop notification service (`org.freedesktop.Notifications` on
//! the session bus), the one every Linux desktop offers. One `Notify` call over the zbus connection the app
//! already has for its other desktop signals; a crate such as notify-rust would wrap the same call.

use std::collections::HashMap;

use zbus::blocking::Connection;
use zbus::zvariant::Value;

use crate::automation::bus::{Bus, uncached_proxy};

/// How long a notification stays, in milliseconds (the server's default is often "until clicked").
const EXPIRE_MS: i32 = 8_000;

/// Shows desktop notifications, keeping its connection between them (and making it again after a failure).
pub struct Notifier {
    bus: Bus,
    connection: Option<Connection>,
}

impl Notifier {
    /// A notifier for the notification service on `bus`.
    pub fn new(bus: Bus) -> Self {
        Self { bus, connection: None }
    }

    /// Shows one notification (`summary` as its title, `body` under it); the server's id for it.
    pub fn show(&mut self, summary: &str, body: &str) -> zbus::Result<u32> {
        let connection = match self.connection.take() {
            Some(connection) => connection,
            None => self.bus.connect()?,
        };
        let shown = notify(&connection, summary, body);
        if shown.is_ok() {
            self.connection = Some(connection);
        }
        shown
    }
}

/// Servers may read the body as simple markup: `&`, `<` and `>` are shown as written.
fn plain_body(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)`.
fn notify(connection: &Connection, summary: &str, body: &str) -> zbus::Result<u32> {
    let proxy = uncached_proxy(
        connection,
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        "org.freedesktop.Notifications",
    )?;
    let mut hints: HashMap<&str, Value<'_>> = HashMap::new();
    hints.insert("desktop-entry", Value::from("callprofiles"));
    // Normal urgency.
    hints.insert("urgency", Value::from(1u8));
    proxy.call(
        "Notify",
        &(
            "callprofiles",
            0u32,
            "callprofiles",
            summary,
            plain_body(body),
            Vec::<&str>::new(),
            hints,
            EXPIRE_MS,
        ),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn bodies_show_markup_characters_as_written() {
        assert_eq!(super::plain_body("R&D <home>"), "R&amp;D &lt;home&gt;");
    }
}
