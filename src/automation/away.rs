//! Whether the user has left the computer, from the desktop's own signals over D-Bus: logind's
//! `PrepareForSleep` and the session's `Lock`/`Unlock`/`LockedHint` on the system bus, and the screen savers'
//! `ActiveChanged` (freedesktop's and GNOME's) on the session bus. Each bus is listened to on its own thread,
//! which sleeps until a signal arrives. Before sleep, logind waits for us (a delay inhibitor lock) until the
//! away profile is applied.

use std::collections::HashMap;

use zbus::blocking::{Connection, MessageIterator};
use zbus::message::Type;
use zbus::zvariant::{OwnedObjectPath, OwnedValue};
use zbus::{MatchRule, Message};

use crate::automation::bus::{Bus, uncached_proxy};

/// logind's name on the system bus.
const LOGIND: &str = "org.freedesktop.login1";

/// One thing the desktop said about the user's presence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaySignal {
    /// This session was locked (`true`) or unlocked.
    Locked(bool),
    /// A screen saver started (`true`) or stopped.
    ScreenSaver(bool),
    /// The computer is about to sleep (`true`) or has woken up.
    Sleeping(bool),
}

/// What the signals so far add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presence {
    locked: bool,
    screen_saver: bool,
    sleeping: bool,
}

impl Presence {
    /// Takes one signal into account; whether that changed [`Self::away`].
    pub fn apply(&mut self, signal: AwaySignal) -> bool {
        let before = self.away();
        match signal {
            AwaySignal::Locked(on) => self.locked = on,
            AwaySignal::ScreenSaver(on) => self.screen_saver = on,
            AwaySignal::Sleeping(on) => self.sleeping = on,
        }
        self.away() != before
    }

    /// Whether the computer sleeps (or is about to).
    pub fn sleeping(&self) -> bool {
        self.sleeping
    }

    /// Whether the user is away: the session is locked, a screen saver runs, or the computer sleeps.
    pub fn away(&self) -> bool {
        self.locked || self.screen_saver || self.sleeping
    }
}

/// The buses the signals come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwayBuses {
    /// Where logind is (the system bus).
    pub system: Bus,
    /// Where the screen savers are (the session bus).
    pub session: Bus,
}

impl Default for AwayBuses {
    fn default() -> Self {
        Self {
            system: Bus::System,
            session: Bus::Session,
        }
    }
}

/// Starts listening on both buses; each signal goes to `report`, and a thread ends when `report` returns
/// false. Returns what could not be listened to (a desktop without logind or a session bus), for the log:
/// the rest still works.
pub fn watch_away<F>(buses: &AwayBuses, report: F) -> Vec<zbus::Error>
where
    F: Fn(AwaySignal) -> bool + Send + Clone + 'static,
{
    let mut problems = Vec::new();
    if let Err(error) = watch_logind(&buses.system, report.clone()) {
        problems.push(error);
    }
    if let Err(error) = watch_screen_savers(&buses.session, report) {
        problems.push(error);
    }
    problems
}

/// This process's logind session (by our process id, else `$XDG_SESSION_ID`), if logind knows it.
fn own_session(connection: &Connection) -> Option<OwnedObjectPath> {
    let manager = uncached_proxy(
        connection,
        LOGIND,
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
    )
    .ok()?;
    manager
        .call::<_, _, OwnedObjectPath>("GetSessionByPID", &(std::process::id(),))
        .inspect_err(|error| tracing::debug!(%error, "logind does not know this process's session"))
        .ok()
        .or_else(|| {
            let id = std::env::var("XDG_SESSION_ID").ok()?;
            manager.call("GetSession", &(id,)).ok()
        })
}

/// Whether logind says `session` is locked now.
fn locked_hint(connection: &Connection, session: &OwnedObjectPath) -> zbus::Result<bool> {
    uncached_proxy(connection, LOGIND, session.as_str(), "org.freedesktop.login1.Session")?.get_property("LockedHint")
}

/// The signal in `message` that matters, from logind (`session` being this process's session).
fn logind_signal(message: &Message, session: Option<&OwnedObjectPath>) -> Option<AwaySignal> {
    let header = message.header();
    let interface = header.interface()?.as_str();
    let member = header.member()?.as_str();
    let ours = || session.is_some_and(|session| header.path().is_some_and(|path| path.as_str() == session.as_str()));
    match (interface, member) {
        ("org.freedesktop.login1.Manager", "PrepareForSleep") => {
            message.body().deserialize::<bool>().ok().map(AwaySignal::Sleeping)
        }
        ("org.freedesktop.login1.Session", "Lock") if ours() => Some(AwaySignal::Locked(true)),
        ("org.freedesktop.login1.Session", "Unlock") if ours() => Some(AwaySignal::Locked(false)),
        ("org.freedesktop.DBus.Properties", "PropertiesChanged") if ours() => {
            let (changed_interface, changed, _): (String, HashMap<String, OwnedValue>, Vec<String>) =
                message.body().deserialize().ok()?;
            if changed_interface != "org.freedesktop.login1.Session" {
                return None;
            }
            let hint = changed.get("LockedHint")?;
            bool::try_from(hint).ok().map(AwaySignal::Locked)
        }
        _ => None,
    }
}

/// A delay inhibitor lock: logind waits (up to its `InhibitDelayMaxSec`, 5 s by default) before sleeping
/// until it is closed, so the away profile is applied while the network is still up.
fn delay_sleep(connection: &Connection) -> Option<zbus::zvariant::OwnedFd> {
    uncached_proxy(
        connection,
        LOGIND,
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
    )
    .and_then(|manager| {
        manager.call(
            "Inhibit",
            &(
                "sleep",
                "callprofiles",
                "Applying the phone profile for when you are away",
                "delay",
            ),
        )
    })
    .inspect_err(|error| tracing::info!(%error, "logind will not wait for the away profile before sleeping"))
    .ok()
}

/// Listens to logind: sleep for the whole machine, lock and unlock for this session. Before sleep,
/// `report` is called before the delay inhibitor is released (the caller returns once it acted).
fn watch_logind<F>(bus: &Bus, report: F) -> zbus::Result<()>
where
    F: Fn(AwaySignal) -> bool + Send + 'static,
{
    let connection = bus.connect()?;
    let rule = MatchRule::builder().msg_type(Type::Signal).sender(LOGIND)?.build();
    let messages = MessageIterator::for_match_rule(rule, &connection, Some(64))?;
    let session = own_session(&connection);
    if session.is_none() {
        tracing::info!("no logind session: only sleep is noticed from logind, not the screen lock");
    }
    if let Some(session) = &session
        && locked_hint(&connection, session).unwrap_or(false)
        && !report(AwaySignal::Locked(true))
    {
        return Ok(());
    }
    let mut inhibitor = delay_sleep(&connection);
    spawn_listener("logind signals", connection, messages, move |connection, message| {
        let Some(signal) = logind_signal(message, session.as_ref()) else {
            return true;
        };
        let go_on = report(signal);
        match signal {
            AwaySignal::Sleeping(true) => inhibitor = None,
            AwaySignal::Sleeping(false) if inhibitor.is_none() => inhibitor = delay_sleep(connection),
            _ => {}
        }
        go_on
    })
}

/// The screen savers' `ActiveChanged(bool)` (freedesktop's, as KDE and others offer it, and GNOME's).
fn screen_saver_signal(message: &Message) -> Option<AwaySignal> {
    let header = message.header();
    let interface = header.interface()?.as_str();
    let member = header.member()?.as_str();
    let known = matches!(interface, "org.freedesktop.ScreenSaver" | "org.gnome.ScreenSaver");
    (known && member == "ActiveChanged")
        .then(|| message.body().deserialize::<bool>().ok())
        .flatten()
        .map(AwaySignal::ScreenSaver)
}

/// Listens to the screen savers on the session bus.
fn watch_screen_savers<F>(bus: &Bus, report: F) -> zbus::Result<()>
where
    F: Fn(AwaySignal) -> bool + Send + 'static,
{
    let connection = bus.connect()?;
    let rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .member("ActiveChanged")?
        .build();
    let messages = MessageIterator::for_match_rule(rule, &connection, Some(64))?;
    spawn_listener("screen saver signals", connection, messages, move |_, message| {
        screen_saver_signal(message).is_none_or(&report)
    })
}

/// A thread that hands each message (with the connection, which lives as long as its messages are read) to
/// `handle` until it returns false or the bus goes away.
fn spawn_listener(
    name: &str,
    connection: Connection,
    messages: MessageIterator,
    mut handle: impl FnMut(&Connection, &Message) -> bool + Send + 'static,
) -> zbus::Result<()> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            for message in messages {
                match message {
                    Ok(message) if !handle(&connection, &message) => return,
                    Ok(_) => {}
                    Err(error) => tracing::debug!(%error, "an unreadable D-Bus message"),
                }
            }
            tracing::info!("the D-Bus connection ended: leaving the computer is no longer noticed there");
        })
        .map(drop)
        .map_err(|error| zbus::Error::InputOutput(std::sync::Arc::new(error)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn away_is_any_of_locked_screen_saver_or_sleep() {
        let mut presence = Presence::default();
        assert!(!presence.away());
        assert!(presence.apply(AwaySignal::ScreenSaver(true)));
        assert!(!presence.apply(AwaySignal::Locked(true)), "still away");
        assert!(!presence.apply(AwaySignal::ScreenSaver(false)), "still locked");
        assert!(presence.apply(AwaySignal::Locked(false)));
        assert!(presence.apply(AwaySignal::Sleeping(true)));
        assert!(presence.apply(AwaySignal::Sleeping(false)));
        assert!(!presence.apply(AwaySignal::Locked(false)));
        assert!(!presence.away());
    }
}
