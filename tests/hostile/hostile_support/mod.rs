//! A stand-in for Asterisk's AMI on 127.0.0.1 for the hostile-input tests: it answers `Login` (one
//! secret), `DBGetTree`, `DBGet`, `DBPut`, `DBDel` and `Setvar` from an in-memory AstDB, and records every
//! byte it receives so a test can inspect exactly what reached the wire. A [`Mode`] chosen per test
//! makes it misbehave as an attacker's server would (drip, endless list, huge line, lies, early close).

#![allow(dead_code)]

pub mod measure;

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How the fake misbehaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Answers like Asterisk.
    Honest,
    /// Sends its banner one byte a second.
    DripBanner,
    /// Answers the Login one byte a second.
    DripLogin,
    /// Answers this action (e.g. `DBPut`, `DBGetTree`) one byte a second.
    DripAnswer(&'static str),
    /// Answers `DBGetTree` with an event list that never ends (the client's ActionID on every entry).
    EndlessList,
    /// Answers the first action after Login with a line that never ends.
    HugeLine,
    /// Says `Success` to every write but keeps nothing, and answers reads with entries of other
    /// extensions and events carrying the wrong ActionIDs.
    Lies,
    /// Closes the connection as soon as an action after Login arrives.
    EarlyClose,
    /// Takes an `Originate` and never says how the call went.
    SilentOriginate,
}

/// One byte a second: the pace of a dripping peer.
pub const DRIP_PAUSE: Duration = Duration::from_secs(1);

/// What the connections share.
struct Shared {
    received: Mutex<Vec<u8>>,
    db: Mutex<BTreeMap<String, String>>,
    mode: Mode,
}

/// A running fake AMI server; it stops when dropped.
pub struct FakeAmi {
    port: u16,
    shared: Arc<Shared>,
    running: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FakeAmi {
    /// Starts a server on a free loopback port that accepts `secret` only.
    pub fn start(secret: &str) -> io::Result<Self> {
        Self::start_in_mode(secret, Mode::Honest)
    }

    /// Starts a server that behaves as `mode` says.
    pub fn start_in_mode(secret: &str, mode: Mode) -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared {
            received: Mutex::default(),
            db: Mutex::default(),
            mode,
        });
        let running = Arc::new(AtomicBool::new(true));
        let thread = {
            let (shared, running, secret) = (shared.clone(), running.clone(), secret.to_owned());
            std::thread::spawn(move || {
                while running.load(Ordering::Relaxed) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let (shared, secret) = (shared.clone(), secret.clone());
                            std::thread::spawn(move || serve(stream, &secret, &shared).ok());
                        }
                        Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(2));
                        }
                        Err(_) => break,
                    }
                }
            })
        };
        Ok(Self {
            port,
            shared,
            running,
            thread: Some(thread),
        })
    }

    /// Its port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Every byte received so far, as text.
    pub fn received(&self) -> String {
        let bytes = self.shared.received.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Drop for FakeAmi {
    fn drop(&mut self) {
        self.running.store(false, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

/// Writes `bytes` one at a time, [`DRIP_PAUSE`] apart, until done or the client hangs up.
fn drip(writer: &mut TcpStream, bytes: &[u8]) -> io::Result<()> {
    for byte in bytes {
        writer.write_all(std::slice::from_ref(byte))?;
        std::thread::sleep(DRIP_PAUSE);
    }
    Ok(())
}

/// Writes `chunk` again and again until the client hangs up.
fn endless(writer: &mut TcpStream, chunk: &[u8]) -> io::Result<()> {
    loop {
        writer.write_all(chunk)?;
    }
}

/// Serves one connection until it closes or logs off.
fn serve(stream: TcpStream, secret: &str, shared: &Shared) -> io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut writer = stream.try_clone()?;
    let banner = b"Asterisk Call Manager/9.0.0\r\n";
    if shared.mode == Mode::DripBanner {
        return drip(&mut writer, banner);
    }
    writer.write_all(banner)?;
    let mut reader = BufReader::new(stream);
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        if let Ok(mut received) = shared.received.lock() {
            received.extend_from_slice(&line);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if !text.is_empty() {
            let (key, value) = text.split_once(": ").unwrap_or((text, ""));
            headers.push((key.to_owned(), value.to_owned()));
            continue;
        }
        if headers.is_empty() {
            continue;
        }
        let get = |name: &str| {
            headers
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .map_or(String::new(), |(_, value)| value.clone())
        };
        let (action, id) = (get("Action"), get("ActionID"));
        let login = action.eq_ignore_ascii_case("login");
        match shared.mode {
            Mode::EarlyClose if !login => return Ok(()),
            Mode::EndlessList if action.eq_ignore_ascii_case("dbgettree") => {
                let start = format!("Response: Success\r\nActionID: {id}\r\nEventList: start\r\n\r\n");
                writer.write_all(start.as_bytes())?;
                let entry = format!("Event: DBGetTreeResponse\r\nActionID: {id}\r\nKey: /CF/201\r\nVal: 1\r\n\r\n");
                return endless(&mut writer, entry.repeat(256).as_bytes());
            }
            Mode::HugeLine if !login => {
                writer.write_all(format!("ActionID: {id}\r\nResponse: Success").as_bytes())?;
                return endless(&mut writer, &vec![b'x'; 64 * 1024]);
            }
            _ => {}
        }
        let (reply, more) = answer(&headers, secret, shared);
        let dripped = match shared.mode {
            Mode::DripLogin => login,
            Mode::DripAnswer(name) => action.eq_ignore_ascii_case(name),
            _ => false,
        };
        if dripped {
            return drip(&mut writer, reply.as_bytes());
        }
        writer.write_all(reply.as_bytes())?;
        if !more {
            return Ok(());
        }
        headers.clear();
    }
}

/// The reply to one action, and whether the connection stays open.
fn answer(headers: &[(String, String)], secret: &str, shared: &Shared) -> (String, bool) {
    let get = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map_or("", |(_, value)| value.as_str())
    };
    let id = get("ActionID");
    let success = |extra: &str| format!("Response: Success\r\nActionID: {id}\r\n{extra}\r\n");
    let error = |message: &str| format!("Response: Error\r\nActionID: {id}\r\nMessage: {message}\r\n\r\n");
    let path = match get("Key") {
        "" => format!("/{}", get("Family")),
        key => format!("/{}/{key}", get("Family")),
    };
    let Ok(mut db) = shared.db.lock() else {
        return (error("internal error"), false);
    };
    let lies = shared.mode == Mode::Lies;
    if lies && ["dbput", "dbdel", "dbdeltree", "setvar"].contains(&get("Action").to_ascii_lowercase().as_str()) {
        // Says it was done; keeps nothing; throws in replies to actions never sent.
        return (
            format!(
                "{}Response: Success\r\nActionID: 999999\r\n\r\nEvent: DBGetTreeResponse\r\nActionID: {id}7\r\nKey: /CF/999\r\nVal: 1\r\n\r\n",
                success("Message: Updated database successfully\r\n")
            ),
            true,
        );
    }
    let reply = match get("Action").to_ascii_lowercase().as_str() {
        "login" if get("Secret") == secret => success("Message: Authentication accepted\r\n"),
        "login" => return (error("Authentication failed"), false),
        "logoff" => return (format!("Response: Goodbye\r\nActionID: {id}\r\n\r\n"), false),
        "dbgettree" => {
            let below = format!("{path}/");
            let events: String = db
                .iter()
                .filter(|(key, _)| **key == path || key.starts_with(&below))
                .map(|(key, val)| {
                    format!("Event: DBGetTreeResponse\r\nKey: {key}\r\nVal: {val}\r\nActionID: {id}\r\n\r\n")
                })
                .collect();
            format!(
                "{}{events}Event: DBGetTreeComplete\r\nEventList: Complete\r\nActionID: {id}\r\n\r\n",
                success("EventList: start\r\nMessage: Result will follow\r\n")
            )
        }
        "dbget" => match db.get(&path) {
            Some(val) => format!(
                "{}Event: DBGetResponse\r\nVal: {val}\r\nActionID: {id}\r\n\r\nEvent: DBGetComplete\r\nEventList: Complete\r\nActionID: {id}\r\n\r\n",
                success("EventList: start\r\n")
            ),
            None => error("Database entry not found"),
        },
        "dbput" => {
            db.insert(path, get("Val").to_owned());
            success("Message: Updated database successfully\r\n")
        }
        "dbdel" => match db.remove(&path) {
            Some(_) => success("Message: Key deleted successfully\r\n"),
            None => error("Database entry could not be deleted"),
        },
        "originate" => success("Message: Originate successfully queued\r\n"),
        _ => success(""),
    };
    (reply, true)
}
