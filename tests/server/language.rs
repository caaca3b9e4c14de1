//! The desktop tells the real server its language (the server's voicemail e-mail is then in it alone):
//! `connect server` in its output's language, then the window once at start, again when the user switches
//! the language, and again when the server is back after being out of reach; seen in `users.json`.

use std::path::Path;
use std::time::Duration;

use crate::asterisk_support::{Res, TestResult, reset_extension, with_asterisk};
use crate::gui_connection_support::{settle, wait_until, window};
use crate::server_support::{Server, callprofiles};
use callprofiles::text::i18n::Language;
use egui_kittest::kittest::Queryable;

/// The worker's polling interval (long: the language must not wait for a poll).
const INTERVAL: Duration = Duration::from_secs(30);

/// The language the server keeps for `extension` (`None`: unknown).
fn language_on_server(server_dir: &Path, extension: &str) -> Res<Option<String>> {
    let users: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(server_dir.join("users.json"))?)?;
    Ok(users["users"][extension]["language"].as_str().map(str::to_owned))
}

/// Whether the server keeps `language` for `extension` now (an unreadable file: not yet).
fn server_says(server_dir: &Path, extension: &str, language: &str) -> bool {
    language_on_server(server_dir, extension).is_ok_and(|kept| kept.as_deref() == Some(language))
}

#[test]
fn the_window_tells_the_server_its_language_at_start_and_when_the_user_switches_it() -> TestResult {
    with_asterisk("window language on the server", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "212")?;
        let mut server = Server::start(asterisk)?;
        let code = server.add_user("212")?;
        server.add_user("213")?;
        let home = tempfile::tempdir()?;
        // Joined from the command line in Polish: the server learns Polish.
        let url = server.url();
        callprofiles(home.path())
            .args([
                "--lang",
                "pl",
                "connect",
                "server",
                &url,
                "--extension",
                "212",
                "--code",
                &code,
            ])
            .args(["--fingerprint", &server.fingerprint])
            .assert()
            .success();
        let server_dir = server.server_dir();
        assert_eq!(language_on_server(&server_dir, "212")?.as_deref(), Some("pl"));

        // At start: the window's language (English here), without the user doing anything.
        let mut harness = window(home.path(), Language::English, INTERVAL)?;
        let told = wait_until(&mut harness, "English on the server", Duration::from_secs(10), |_| {
            server_says(&server_dir, "212", "en")
        })?;
        eprintln!(
            "the server knew the window's language {} ms after the first read",
            told.as_millis()
        );
        assert!(harness.state().notice().is_none(), "nothing to say to the user");

        // The user switches to Polish: the server hears it at once.
        harness.get_by_label("Language").click();
        settle(&mut harness);
        harness.get_by_label("Polski").click();
        settle(&mut harness);
        assert_eq!(harness.state().language(), Language::Polish);
        wait_until(&mut harness, "Polish on the server", Duration::from_secs(10), |_| {
            server_says(&server_dir, "212", "pl")
        })?;
        assert_eq!(
            language_on_server(&server_dir, "213")?,
            None,
            "another user's is untouched"
        );
        let audit = std::fs::read_to_string(server_dir.join("audit.log"))?;
        assert_eq!(
            audit.matches("set language en done").count(),
            1,
            "told once at start: {audit}"
        );
        assert_eq!(
            audit.matches("set language pl done").count(),
            2,
            "the command line's, then the switch: {audit}"
        );

        // The server goes away and comes back having forgotten (restored from an older backup here: the
        // administrator's `user language 212 none` while it was down): the window tells it again.
        server.kill()?;
        wait_until(&mut harness, "the lost server", Duration::from_secs(10), |app| {
            app.model.live().is_none()
        })?;
        server.command(&["user", "language", "212", "none"])?;
        assert_eq!(language_on_server(&server_dir, "212")?, None);
        server.run()?;
        wait_until(&mut harness, "Polish told again", Duration::from_secs(15), |_| {
            server_says(&server_dir, "212", "pl")
        })?;
        Ok(())
    })
}
