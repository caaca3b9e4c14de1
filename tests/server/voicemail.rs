//! Voicemail on a desktop connected to the server: the command line lists a message a real call left,
//! saves its recording (samples equal to the spool's file on the PBX), marks it heard, deletes it, and
//! uploads a greeting the server reports recorded — with no PBX login on the desktop.

use std::time::Duration;

use crate::asterisk_support::{TestResult, reset_extension, with_asterisk};
use crate::gui_connection_support::{shows, window};
use crate::server_support::{Server, callprofiles, connect, spool_dir};

/// Runs `callprofiles --home HOME ARGS…`; its stdout (it must succeed).
fn run(home: &std::path::Path, args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let output = callprofiles(home).args(args).output()?;
    if !output.status.success() {
        return Err(format!("{args:?}: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

/// The samples of a WAV file.
fn samples(path: &std::path::Path) -> Result<(hound::WavSpec, Vec<i16>), Box<dyn std::error::Error>> {
    let reader = hound::WavReader::open(path)?;
    let spec = reader.spec();
    Ok((spec, reader.into_samples::<i16>().collect::<Result<_, _>>()?))
}

#[test]
fn the_desktop_lists_saves_marks_deletes_and_uploads_through_the_server() -> TestResult {
    with_asterisk("voicemail through the server", |asterisk| {
        let extension = "271";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        let mailbox = spool_dir(asterisk).join("default").join(extension);
        std::fs::remove_dir_all(&mailbox).ok();
        let server = Server::start(asterisk)?;
        let home = tempfile::tempdir()?;
        let code = server.add_user(extension)?;
        let (ok, _, err) = connect(home.path(), &server, extension, &code, &server.fingerprint)?;
        assert!(ok, "connect failed: {err}");
        run(home.path(), &["activate", "office"])?;
        assert_eq!(
            run(home.path(), &["voicemail", "list"])?.trim_end(),
            "Voicemail: 0 new, 0 heard."
        );

        let mut watcher = asterisk.watcher()?;
        let call = watcher.call_extension(extension, Duration::from_secs(6), Duration::from_secs(12))?;
        watcher.wait_user_event("CallprofilesNewMessage", extension, Duration::from_secs(30))?;
        watcher.wait_ended(&call, Duration::from_secs(10))?;

        let json: serde_json::Value = serde_json::from_str(&run(home.path(), &["voicemail", "list", "--json"])?)?;
        let id = json["messages"][0]["id"].as_str().ok_or("no message")?.to_owned();
        assert_eq!(json["messages"][0]["state"], "new");
        let out = tempfile::tempdir()?;
        let file = out.path().join("message.wav");
        let said = run(home.path(), &["voicemail", "save", &id, file.to_str().ok_or("path")?])?;
        assert!(said.starts_with(&format!("Message {id} is saved as ")), "{said}");
        let (spec, saved) = samples(&file)?;
        let recording = std::fs::read_dir(mailbox.join("INBOX"))?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "wav"))
            .ok_or("no recording in the spool")?;
        let (_, stored) = samples(&recording)?;
        assert_eq!((spec.sample_rate, spec.channels), (8000, 1));
        assert!(
            saved.len() >= 8000 && saved == stored,
            "{} vs {} samples",
            saved.len(),
            stored.len()
        );

        run(home.path(), &["voicemail", "heard", &id])?;
        let json: serde_json::Value = serde_json::from_str(&run(home.path(), &["voicemail", "list", "--json"])?)?;
        assert_eq!(json["messages"][0]["state"], "old");
        run(home.path(), &["voicemail", "delete", &id])?;
        assert_eq!(
            run(home.path(), &["voicemail", "list"])?.trim_end(),
            "Voicemail: 0 new, 0 heard."
        );
        let gone = callprofiles(home.path())
            .args(["voicemail", "save", &id])
            .arg(&file)
            .output()?;
        assert!(!gone.status.success());
        let error = String::from_utf8(gone.stderr)?;
        assert!(
            error.contains(&format!("There is no voicemail message {id}")),
            "{error}"
        );

        // A greeting uploaded from this computer: converted, in the mailbox, reported recorded.
        run(
            home.path(),
            &["voicemail", "upload-greeting", "2", file.to_str().ok_or("path")?],
        )?;
        let greetings: serde_json::Value =
            serde_json::from_str(&run(home.path(), &["voicemail", "greetings", "--json"])?)?;
        assert_eq!(greetings["recorded"], serde_json::json!([2]));
        let (_, greeting) = samples(&mailbox.join("callprofiles-greeting-2.wav"))?;
        assert_eq!(greeting, saved, "an 8 kHz mono upload is kept sample for sample");
        Ok(())
    })
}

/// Writes one second of an 8 kHz mono tone, as a greeting to upload.
fn tone(path: &std::path::Path) -> TestResult {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 8000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(path, spec)?;
    for n in 0..8000_u32 {
        let phase = f64::from(n) * 440.0 * std::f64::consts::TAU / 8000.0;
        writer.write_sample((phase.sin() * 8000.0) as i16)?;
    }
    writer.finalize()?;
    Ok(())
}

#[test]
fn a_greeting_uploaded_from_another_device_shows_recorded_in_the_open_window() -> TestResult {
    with_asterisk("greetings followed through the server", |asterisk| {
        let extension = "273";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, extension)?;
        std::fs::remove_dir_all(spool_dir(asterisk).join("default").join(extension)).ok();
        let server = Server::start(asterisk)?;
        let home = tempfile::tempdir()?;
        let code = server.add_user(extension)?;
        let (ok, _, err) = connect(home.path(), &server, extension, &code, &server.fingerprint)?;
        assert!(ok, "connect failed: {err}");
        run(home.path(), &["set", "office", "voicemail=on", "voicemail.greeting=2"])?;
        run(home.path(), &["activate", "office"])?;
        // Polling is far off: only the server's push can bring the change in time.
        let mut harness = window(
            home.path(),
            callprofiles::text::i18n::Language::English,
            Duration::from_secs(600),
        )?;
        let seen = |harness: &mut egui_kittest::Harness<'static, callprofiles::gui::main_window::MainApp>,
                    text: &str|
         -> Result<(), String> {
            let started = std::time::Instant::now();
            while !shows(harness, text) {
                if started.elapsed() > Duration::from_secs(10) {
                    return Err(format!("the window never showed {text:?}"));
                }
                harness.step();
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(())
        };
        seen(&mut harness, "Greeting 2 — not recorded")?;

        // Another device (here the command line) uploads greeting 2: the new-message count stays 0, yet
        // the window reads the greetings again when the server's mailbox revision moves.
        let out = tempfile::tempdir()?;
        let file = out.path().join("greeting.wav");
        tone(&file)?;
        run(
            home.path(),
            &["voicemail", "upload-greeting", "2", file.to_str().ok_or("path")?],
        )?;
        seen(&mut harness, "Greeting 2 — recorded")?;
        assert!(!shows(&harness, "Greeting 2 — not recorded"));
        Ok(())
    })
}
