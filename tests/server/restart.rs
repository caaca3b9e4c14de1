//! The event stream: an edit on one computer reaches the other's stream, and after `kill -9` and a new
//! start of the server the stream is back within 2 s (jittered reconnect, resync from the first event).

use std::time::{Duration, Instant};

use callprofiles_core::remote::{DeviceToken, Fingerprint, ServerClient, ServerUrl, StateStream, StreamNews};

use crate::asterisk_support::{TestResult, reset_extension, with_asterisk};
use crate::server_support::{Server, callprofiles, connect};

/// The next state on `stream`, skipping losses, within `wait`.
fn next_state(stream: &mut StateStream, wait: Duration) -> Result<Box<callprofiles_core::wire::State>, String> {
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        match stream.next_news() {
            StreamNews::State(state) => return Ok(state),
            StreamNews::Lost(_) => {}
            StreamNews::Refused(error) => return Err(format!("refused: {error}")),
        }
    }
    Err(format!("no state within {wait:?}"))
}

#[test]
fn edits_are_pushed_and_the_stream_is_back_within_two_seconds_of_a_server_restart() -> TestResult {
    with_asterisk("server restart", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "207")?;
        let mut server = Server::start(asterisk)?;
        let home = tempfile::tempdir()?;
        let (ok, _, err) = connect(
            home.path(),
            &server,
            "207",
            &server.add_user("207")?,
            &server.fingerprint,
        )?;
        assert!(ok, "{err}");
        let client = ServerClient::new(
            ServerUrl::parse(&server.url())?,
            Some(Fingerprint::parse(&server.fingerprint)?),
            Some(DeviceToken::load(home.path())?),
        )?;
        let mut stream = StateStream::new(client);
        let first = next_state(&mut stream, Duration::from_secs(5))?;
        assert_eq!(first.extension, "207");

        // An edit made elsewhere (the CLI, as on another computer) is pushed.
        let edited = Instant::now();
        callprofiles(home.path()).args(["new", "Car"]).assert().success();
        let mut pushed = None;
        while edited.elapsed() < Duration::from_secs(3) {
            let state = next_state(&mut stream, Duration::from_secs(3))?;
            if state.book.profiles().iter().any(|p| p.name == "Car") {
                pushed = Some(edited.elapsed());
                break;
            }
        }
        let pushed = pushed.ok_or("the new profile was not pushed")?;
        eprintln!("push after an edit: {} ms", pushed.as_millis());
        assert!(pushed < Duration::from_secs(1), "{pushed:?}");

        server.kill()?;
        let lost = stream.next_news();
        assert!(matches!(lost, StreamNews::Lost(_)), "{lost:?}");
        let restarted = Instant::now();
        server.run()?;
        let state = next_state(&mut stream, Duration::from_secs(5))?;
        let back = restarted.elapsed();
        eprintln!("stream back {} ms after the server was started again", back.as_millis());
        assert!(state.book.profiles().iter().any(|p| p.name == "Car"));
        assert!(back < Duration::from_secs(2), "{back:?}");
        Ok(())
    })
}
