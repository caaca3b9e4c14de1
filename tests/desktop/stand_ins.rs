//! Stand-ins for the desktop's D-Bus services on a private bus: logind (a manager that knows our session and
//! hands out delay inhibitors, a session that is not locked at first) and a notification service that
//! records what it is asked to show.

use std::collections::HashMap;
use std::io::PipeReader;
use std::sync::{Arc, Mutex};

use callprofiles::automation::away::AwayBuses;
use callprofiles::automation::bus::Bus;
use callprofiles::automation::runner::{NetworkSource, RunnerSetup};
use callprofiles::text::i18n::Language;
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

/// What the stand-in notification service was asked to show, as (app, summary, body).
pub type Shown = Arc<Mutex<Vec<(String, String, String)>>>;

/// The notifications shown so far.
pub fn notices(shown: &Shown) -> Vec<(String, String, String)> {
    shown.lock().map(|shown| shown.clone()).unwrap_or_default()
}

/// Serves the stand-in notification service on the bus at `address` while the connection lives.
pub fn serve_notifications(address: &str) -> zbus::Result<(zbus::blocking::Connection, Shown)> {
    let shown = Shown::default();
    let connection = zbus::blocking::connection::Builder::address(address)?
        .name("org.freedesktop.Notifications")?
        .serve_at("/org/freedesktop/Notifications", Notifications(Arc::clone(&shown)))?
        .build()?;
    Ok((connection, shown))
}

/// Serves the stand-in logind (its manager keeping the inhibitors it hands out in `inhibitors`, and our
/// session) on the bus at `address` while the connection lives; signals are emitted through it.
pub fn serve_logind(
    address: &str,
    inhibitors: Arc<Mutex<Vec<PipeReader>>>,
) -> zbus::Result<zbus::blocking::Connection> {
    zbus::blocking::connection::Builder::address(address)?
        .name("org.freedesktop.login1")?
        .serve_at("/org/freedesktop/login1", Manager { inhibitors })?
        .serve_at(SESSION, Session)?
        .build()
}

/// The runner's buses all on the private bus at `address` (logind's system bus, the session bus, the
/// notifications), with no network source.
pub fn runner_on(address: &str, language: Language) -> RunnerSetup {
    let private = Bus::Address(address.to_owned());
    RunnerSetup {
        away: AwayBuses {
            system: private.clone(),
            session: private.clone(),
        },
        notifications: private,
        network: NetworkSource::Off,
        language,
    }
}
