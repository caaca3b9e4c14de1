//! Fuzzes the AMI client's whole read path — banner, Login, pipelined replies matched by ActionID in
//! any order, event lists, unrelated events, the per-answer bounds and the deadline — against a peer
//! on loopback that answers every connection with the fuzz input and then hangs up. The first byte
//! picks what the client asks (a read of two trees, a batch of writes, one key, the voicemail count,
//! or listening for events); ActionIDs are predictable (Login is 1, then 2, 3…), so inputs can match.
//! Whatever arrives, the client returns a value or an error — never a panic — within its deadline,
//! and never more list entries than its bound.

#![no_main]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use callprofiles_core::phone_system::asterisk::connection::MAX_LIST_ENTRIES;
use callprofiles_core::phone_system::asterisk::{
    Action, AmiClient, AmiHost, AmiSecret, AmiTarget, AmiUsername, AmiValue, Expect,
};
use libfuzzer_sys::fuzz_target;

/// How long one request may take here (short: the peer always hangs up at once).
const TIMEOUT: Duration = Duration::from_secs(2);
/// What the deadline may overrun by (scheduling on a loaded machine, the last read's return); a
/// read that ignored the deadline would overrun it without end.
const MARGIN: Duration = Duration::from_millis(1500);

/// The loopback peer: each input sent to it answers the next connection.
struct Peer {
    port: u16,
    inputs: Mutex<Sender<Vec<u8>>>,
}

/// Serves one connection per input: writes it, closes its sending side, reads until the client hangs up.
fn serve(listener: &TcpListener, inputs: &Receiver<Vec<u8>>) {
    while let Ok(input) = inputs.recv() {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        stream.write_all(&input).ok();
        stream.shutdown(Shutdown::Write).ok();
        stream.set_read_timeout(Some(TIMEOUT + MARGIN)).ok();
        let mut sink = [0u8; 4096];
        while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
    }
}

/// The peer, started on first use (`None` if loopback is unavailable).
fn peer() -> Option<&'static Peer> {
    static PEER: OnceLock<Option<Peer>> = OnceLock::new();
    PEER.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").ok()?;
        let port = listener.local_addr().ok()?.port();
        let (sender, receiver) = channel();
        std::thread::spawn(move || serve(&listener, &receiver));
        Some(Peer {
            port,
            inputs: Mutex::new(sender),
        })
    })
    .as_ref()
}

/// A value the client's actions carry.
fn value(text: &str) -> Option<AmiValue> {
    AmiValue::new("fuzz", text).ok()
}

/// Runs one exchange against the peer answering `answer`; `None` when the harness cannot run it.
fn session(choice: u8, answer: &[u8]) -> Option<()> {
    let peer = peer()?;
    peer.inputs.lock().ok()?.send(answer.to_vec()).ok()?;
    let target = AmiTarget::new(
        AmiHost::parse("127.0.0.1").ok()?,
        peer.port,
        &AmiUsername::parse("fuzz").ok()?,
        AmiSecret::new("fuzz-secret").ok()?,
    );
    let mut client = AmiClient::new(target).with_timeout(TIMEOUT);
    if choice % 5 == 4 {
        client = client.with_events();
    }
    // One attempt: the peer answers one connection per input.
    client.probe_next();
    let (cf, ext) = (value("CF")?, value("201")?);
    let started = Instant::now();
    match choice % 5 {
        0 => {
            let trees = [(cf, ext), (value("AMPUSER")?, value("201/followme")?)];
            if let Ok(entries) = client.db_get_trees(&trees) {
                assert!(entries.len() <= 2 * MAX_LIST_ENTRIES, "{} entries", entries.len());
            }
        }
        1 => {
            let batch = [
                (Action::db_put(&cf, &ext, &value("600")?), Expect::Success),
                (Action::db_del(&cf, &value("201/a")?), Expect::Deleted),
                (Action::setvar(&value("DEVICE_STATE(Custom:CF201)")?, &value("BUSY")?), Expect::Success),
            ];
            if let Ok(results) = client.send_checked(&batch) {
                assert_eq!(results.len(), batch.len());
            }
        }
        2 => {
            client.db_get(&cf, &ext).ok();
        }
        3 => {
            client.new_messages(&value("201@default")?).ok();
        }
        _ => {
            if client.connect().is_ok() {
                for _ in 0..4 {
                    if !matches!(client.next_event(Duration::from_millis(50)), Ok(Some(_))) {
                        break;
                    }
                }
            }
        }
    }
    let took = started.elapsed();
    assert!(took < TIMEOUT + MARGIN, "the client took {took:?}");
    Some(())
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, answer)) = data.split_first() else {
        return;
    };
    session(choice, answer);
});
