//! Joining a server with a one-time code: the happy path changes the PBX and leaves no AMI secret on the
//! desktop; every refusal is one sentence and changes nothing in the home.

use callprofiles_core::Routing;

use crate::asterisk_support::{TestResult, reset_extension, with_asterisk};
use crate::server_support::{Server, callprofiles, connect, files_under};

#[test]
fn connect_with_the_code_then_activate_changes_astdb_and_no_desktop_file_holds_the_ami_secret() -> TestResult {
    with_asterisk("server connect and activate", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "201")?;
        let server = Server::start(asterisk)?;
        let code = server.add_user("201")?;
        let home = tempfile::tempdir()?;
        let (ok, out, err) = connect(home.path(), &server, "201", &code, &server.fingerprint)?;
        assert!(ok, "connect failed: {err}");
        assert!(out.contains("Connected to the callprofiles server"), "{out}");
        assert!(out.contains("profiles were uploaded"), "{out}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(home.path().join("server-token"))?
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        callprofiles(home.path())
            .args(["set", "mobile", "routing=twinning:600100200"])
            .assert()
            .success();
        callprofiles(home.path())
            .args(["activate", "mobile"])
            .assert()
            .success();
        let direct = asterisk.home("201")?;
        let live = asterisk.app(direct.path())?.pbx_show()?;
        assert_eq!(live.routing, Routing::parse("twinning:600100200")?);

        let status = callprofiles(home.path()).arg("status").output()?;
        let status = String::from_utf8(status.stdout)?;
        assert!(status.contains("Mobile"), "{status}");
        assert!(status.contains("callprofiles server"), "{status}");
        let list = String::from_utf8(callprofiles(home.path()).arg("list").output()?.stdout)?;
        assert!(list.contains("Mobile"), "{list}");

        for file in files_under(home.path())? {
            let bytes = std::fs::read(&file)?;
            assert!(
                !bytes
                    .windows(asterisk.secret.len())
                    .any(|w| w == asterisk.secret.as_bytes()),
                "{} holds the AMI secret",
                file.display()
            );
        }

        // A second computer of the same user, which had profiles of its own: the server's win, its own
        // are kept in a backup file, and it sees the first computer's changes.
        let second = tempfile::tempdir()?;
        callprofiles(second.path()).args(["new", "Van"]).assert().success();
        let (ok, out, err) = connect(
            second.path(),
            &server,
            "201",
            &server.add_user("201")?,
            &server.fingerprint,
        )?;
        assert!(ok, "second connect failed: {err}");
        assert!(out.contains("kept as a backup in"), "{out}");
        let backup = std::fs::read_to_string(second.path().join("profiles.local-backup.json"))?;
        assert!(backup.contains("Van"), "{backup}");
        let shown = String::from_utf8(callprofiles(second.path()).args(["show", "mobile"]).output()?.stdout)?;
        assert!(shown.contains("600"), "{shown}");
        let listed = String::from_utf8(callprofiles(second.path()).arg("list").output()?.stdout)?;
        assert!(!listed.contains("Van"), "{listed}");

        // The code was single use.
        let again = tempfile::tempdir()?;
        let (ok, _, err) = connect(again.path(), &server, "201", &code, &server.fingerprint)?;
        assert!(!ok);
        assert!(err.contains("refused the enrollment code for extension 201"), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        Ok(())
    })
}

#[test]
fn refusals_are_one_sentence_and_leave_the_home_untouched() -> TestResult {
    with_asterisk("server refusals", |asterisk| {
        let server = Server::start(asterisk)?;
        let code = server.add_user("205")?;
        let home = tempfile::tempdir()?;
        let untouched = |home: &std::path::Path| -> TestResult {
            assert!(!home.join("config.json").exists());
            assert!(!home.join("server-token").exists());
            Ok(())
        };

        // A pinned fingerprint that is not the server's: refused before anything is sent.
        let mut wrong = server.fingerprint.clone();
        let first = if wrong.starts_with('0') { "1" } else { "0" };
        wrong.replace_range(0..1, first);
        let (ok, _, err) = connect(home.path(), &server, "205", &code, &wrong)?;
        assert!(!ok);
        assert!(err.contains("not the expected"), "{err}");
        untouched(home.path())?;
        // The code was not spent by the refused attempt.
        let polish = callprofiles(home.path())
            .args(["--lang", "pl", "connect", "server", &server.url(), "--extension", "205"])
            .args(["--code", &code, "--fingerprint", &wrong])
            .output()?;
        let polish = String::from_utf8(polish.stderr)?;
        assert!(polish.contains("odcisk"), "{polish}");

        let plain = callprofiles(home.path())
            .args(["connect", "server", &format!("http://127.0.0.1:{}", server.port)])
            .args(["--extension", "205", "--code", &code])
            .output()?;
        let plain = String::from_utf8(plain.stderr)?;
        assert!(plain.contains("is not an https:// address"), "{plain}");
        let plain_pl = callprofiles(home.path())
            .args([
                "--lang",
                "pl",
                "connect",
                "server",
                &format!("http://127.0.0.1:{}", server.port),
            ])
            .args(["--extension", "205", "--code", &code])
            .output()?;
        let plain_pl = String::from_utf8(plain_pl.stderr)?;
        assert!(plain_pl.contains("nie jest adresem https://"), "{plain_pl}");

        let closed = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let unreachable = callprofiles(home.path())
            .args(["connect", "server", &format!("https://127.0.0.1:{closed}")])
            .args([
                "--extension",
                "205",
                "--code",
                &code,
                "--fingerprint",
                &server.fingerprint,
            ])
            .output()?;
        let unreachable = String::from_utf8(unreachable.stderr)?;
        assert!(
            unreachable.contains("Cannot reach the callprofiles server"),
            "{unreachable}"
        );

        let (ok, _, err) = connect(home.path(), &server, "205", "not-the-code", &server.fingerprint)?;
        assert!(!ok);
        assert!(err.contains("refused the enrollment code"), "{err}");
        untouched(home.path())?;

        // Guessing on is rate-limited (HTTP 429), said as a sentence with the wait.
        let mut limited = None;
        for _ in 0..30 {
            let (_, _, err) = connect(home.path(), &server, "205", "guess", &server.fingerprint)?;
            if err.contains("try again in") {
                limited = Some(err);
                break;
            }
        }
        let limited = limited.ok_or("never rate-limited after 30 wrong codes")?;
        assert_eq!(limited.trim().lines().count(), 1, "{limited}");
        untouched(home.path())?;
        for line in [&err, &plain, &unreachable] {
            assert!(
                line.starts_with("error: ") && line.trim().lines().count() == 1,
                "{line}"
            );
        }
        Ok(())
    })
}
