//! Stand-ins for the desktop's D-Bus services on a private bus: logind (a manager that knows our session and
//! hands out delay inhibitors, a session that is not locked at first) and a notification service that
//! records what it is asked to show.

use std::collections::HashMap;
use std::io::PipeReader;
use std::sync::{Arc, Mutex};

use zbus::zvariant::{OwnedObjectPath, OwnedValue};

/// This process's session in the stand-in logind.
pub const SESSION: &str = "/org/freedesktop/login1/session/c1";

/// A stand-in logind manager: knows our session, hands out delay inhibitors (keeping each one's other end
/// to see when it is released).
pub struct Manager {
    /// The other end of each inhibitor handed out.
    pub inhibitors: Arc<Mutex<Vec<PipeReader>>>,
}

#[zbus::interface(name = "org.freedesktop.login1.Manager")]
impl Manager {
    #[zbus(name = "GetSessionByPID")]
    fn get_session_by_pid(&self, _pid: u32) -> zbus::fdo::Result<OwnedObjectPath> {
        OwnedObjectPath::try_from(SESSION).map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
    }

    fn inhibit(&self, what: &str, _who: &str, _why: &str, mode: &str) -> zbus::fdo::Result<zbus::zvariant::OwnedFd> {
        if (what, mode) != ("sleep", "delay") {
            return Err(zbus::fdo::Error::InvalidArgs(format!("{what} {mode}")));
        }
        let (reader, writer) = std::io::pipe().map_err(|e| zbus::fdo::Error::Failed(e.to_string()))?;
        if let Ok(mut inhibitors) = self.inhibitors.lock() {
            inhibitors.push(reader);
        }
        Ok(std::os::fd::OwnedFd::from(writer).into())
    }
}

/// The session: not locked at first.
pub struct Session;

#[zbus::interface(name = "org.freedesktop.login1.Session")]
impl Session {
    #[zbus(property)]
    fn locked_hint(&self) -> bool {
        false
    }
}

/// A stand-in notification service, recording (app, summary, body) of each notification.
pub struct Notifications(pub Arc<Mutex<Vec<(String, String, String)>>>);

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Notifications {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: &str,
        _replaces_id: u32,
        _app_icon: &str,
        summary: &str,
        body: &str,
        _actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let Ok(mut shown) = self.0.lock() else { return 0 };
        shown.push((app_name.to_owned(), summary.to_owned(), body.to_owned()));
        u32::try_from(shown.len()).unwrap_or(u32::MAX)
    }
}
