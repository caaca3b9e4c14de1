//! The window's server form (egui_kittest): its fields are checked with core's types as typed; with the
//! real server it connects, names server and extension in the status line, shows a lost server at once
//! through the event stream, and is back within 2 s of the server's restart (no 3 s polling); joining
//! tells the server the window's language.

use std::time::{Duration, Instant};

use crate::asterisk_support::{TestResult, reset_extension, with_asterisk};
use crate::gui_connection_support::{button, click, disabled, form_result, shows, type_into, wait_until, window};
use crate::server_support::Server;
use callprofiles::text::i18n::Language;
use callprofiles_core::remote::{DeviceToken, Fingerprint, ServerClient, ServerUrl};
use callprofiles_core::{CoreError, RemoteError};
use egui_kittest::kittest::Queryable;

/// The worker's polling interval when there is no event stream (long: these tests must not depend on it).
const INTERVAL: Duration = Duration::from_secs(30);

/// Opens the form and chooses the server.
fn open_server_form(harness: &mut egui_kittest::Harness<'static, callprofiles::gui::main_window::MainApp>) {
    click(harness, "Phone system…");
    harness
        .get_by_label("callprofiles server (no PBX password on this computer)")
        .click();
    crate::gui_connection_support::settle(harness);
}

#[test]
fn the_server_form_checks_what_is_typed_and_refuses_plain_http() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English, INTERVAL)?;
    open_server_form(&mut harness);
    assert!(disabled(&button(&harness, "Connect")));
    assert!(shows(&harness, "Type the server's address"));
    type_into(&mut harness, "Server address", "http://pbx.example.com:8443");
    assert!(shows(&harness, "is not an https:// address"));
    type_into(&mut harness, "Server address", "https://pbx.example.com:8443");
    type_into(&mut harness, "Your extension", "20x");
    assert!(shows(&harness, "20x"));
    type_into(&mut harness, "Your extension", "201");
    assert!(shows(&harness, "Type the one-time code"));
    type_into(&mut harness, "One-time code", "abc");
    type_into(&mut harness, "Certificate fingerprint (SHA-256)", "AB:CD");
    assert!(shows(&harness, "is not a SHA-256 fingerprint"));
    assert!(disabled(&button(&harness, "Connect")));
    type_into(&mut harness, "Certificate fingerprint (SHA-256)", "");
    assert!(!disabled(&button(&harness, "Connect")));
    // The code is masked.
    assert!(!shows(&harness, "abc"));
    assert!(!home.path().join("config.json").exists());
    Ok(())
}

#[test]
fn the_window_connects_with_the_form_follows_the_stream_is_back_within_two_seconds_of_a_restart_and_signs_out()
-> TestResult {
    with_asterisk("window and server", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "208")?;
        let mut server = Server::start(asterisk)?;
        let code = server.add_user("208")?;
        let home = tempfile::tempdir()?;
        let mut harness = window(home.path(), Language::English, INTERVAL)?;
        open_server_form(&mut harness);
        type_into(&mut harness, "Server address", &server.url());
        type_into(&mut harness, "Your extension", "208");
        type_into(&mut harness, "One-time code", &code);
        type_into(&mut harness, "Certificate fingerprint (SHA-256)", &server.fingerprint);
        click(&mut harness, "Connect");
        wait_until(&mut harness, "the connection", Duration::from_secs(15), |app| {
            form_result(app).is_some_and(|text| text.contains("Connected to the callprofiles server"))
        })?;
        let result = form_result(harness.state()).unwrap_or_default();
        assert!(result.contains("uploaded"), "{result}");
        wait_until(&mut harness, "the server's state", Duration::from_secs(5), |app| {
            app.model.server().is_some() && app.model.live().is_some()
        })?;
        // Joining told the server the window's language (its voicemail e-mail is in English alone now).
        let users = server.server_dir().join("users.json");
        wait_until(
            &mut harness,
            "the language on the server",
            Duration::from_secs(10),
            |_| std::fs::read_to_string(&users).is_ok_and(|text| text.contains("\"language\": \"en\"")),
        )?;
        click(&mut harness, "Close");
        let status = format!("Server {}, extension 208", server.url());
        assert!(shows(&harness, &status), "the status line does not say {status}");

        server.kill()?;
        let lost = wait_until(&mut harness, "the lost server", Duration::from_secs(5), |app| {
            app.model.live().is_none()
        })?;
        assert!(shows(&harness, "Cannot reach the callprofiles server"));
        eprintln!("window saw the server gone after {} ms", lost.as_millis());
        let restarted = Instant::now();
        server.run()?;
        wait_until(&mut harness, "the server back", Duration::from_secs(5), |app| {
            app.model.live().is_some()
        })?;
        let back = restarted.elapsed();
        eprintln!("window back {} ms after the server was started again", back.as_millis());
        assert!(back < Duration::from_secs(2), "{back:?}");

        // Signing out goes through the worker's connect to the demo: the token is revoked and deleted.
        let token = DeviceToken::load(home.path())?;
        open_server_form(&mut harness);
        click(&mut harness, "Sign out");
        wait_until(&mut harness, "the sign-out", Duration::from_secs(15), |app| {
            form_result(app).is_some_and(|text| text.contains("built-in demo"))
        })?;
        wait_until(&mut harness, "the demo's state", Duration::from_secs(5), |app| {
            app.model.server().is_none() && app.model.live().is_some()
        })?;
        assert!(!DeviceToken::path_in(home.path()).exists());
        let config = std::fs::read_to_string(home.path().join("config.json"))?;
        assert!(!config.contains(&server.url()), "{config}");
        let url = ServerUrl::parse(&server.url())?;
        let client = ServerClient::new(url, Some(Fingerprint::parse(&server.fingerprint)?), Some(token))?;
        let refused = client.state().err();
        assert!(
            matches!(refused, Some(CoreError::Remote(RemoteError::Unauthorized))),
            "{refused:?}"
        );
        Ok(())
    })
}
