//! The connection form against the real test Asterisk (started by `scripts/test-all`; under `CI=true` a
//! missing Asterisk fails, otherwise the test is skipped with a printed reason): the GUI connects through
//! the form and shows the active profile, a change made by another AMI client turns into Detected within
//! the poll interval, activating a profile from the GUI changes the AstDB keys, and the demo comes back.

use std::time::Duration;

use crate::asterisk_support::{APP_USER, reset_extension, value, with_asterisk};
use crate::gui_connection_support::{
    TestResult, Typed, button, click, fill_asterisk_form, form_result, settle, shows, wait_until, window,
};
use callprofiles::gui::worker::{POLL_INTERVAL, SECRET_FILE};
use callprofiles::text::i18n::Language;
use callprofiles_core::config::{Config, PhoneSystemConfig};
use callprofiles_core::{BuiltIn, Callprofiles};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

/// The extension only this test uses.
const EXTENSION: &str = "250";

/// Clicks the sidebar row whose accessible name starts with `name`.
fn select_row(harness: &mut egui_kittest::Harness<'static, callprofiles::gui::main_window::MainApp>, name: &str) {
    harness
        .get_by(|node| node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(name)))
        .click();
    settle(harness);
}

#[test]
fn gui_connects_shows_detected_changes_and_activates_into_astdb() -> TestResult {
    with_asterisk("gui_connection_asterisk", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, EXTENSION)?;
        let home = tempfile::tempdir()?;
        Callprofiles::open(home.path())?.set("mobile", &["routing=twinning:600100200"])?;
        let mut harness = window(home.path(), Language::English, POLL_INTERVAL)?;

        // Connect through the form, as a user would.
        let port = asterisk.port.to_string();
        fill_asterisk_form(
            &mut harness,
            &Typed {
                host: "127.0.0.1",
                port: &port,
                username: APP_USER,
                extension: EXTENSION,
                secret: &asterisk.secret,
            },
        );
        button(&harness, "Test and connect").click();
        let took = wait_until(&mut harness, "the connection", Duration::from_secs(10), |app| {
            form_result(app).is_some()
        })?;
        eprintln!("connect through the form: {:.2} s", took.as_secs_f64());
        let result = form_result(harness.state()).unwrap_or_default();
        assert!(
            result.starts_with(&format!(
                "Connected to Asterisk at 127.0.0.1:{port}, extension {EXTENSION}."
            )),
            "{result}"
        );

        assert!(
            harness
                .state()
                .connection_form()
                .is_some_and(|f| f.fields.secret.is_empty())
        );
        // Saved: config.json names the Asterisk and the secret file, which is owner-only; no secret in it.
        let PhoneSystemConfig::Asterisk(saved) = Config::load(home.path())?.phone_system else {
            return Err("config.json does not name the Asterisk".into());
        };
        assert_eq!(saved.extension.as_str(), EXTENSION);
        assert_eq!(saved.secret_file.as_deref(), Some(std::path::Path::new(SECRET_FILE)));
        let secret_path = home.path().join(SECRET_FILE);
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&secret_path)?.permissions()) & 0o777,
            0o600
        );
        assert_eq!(std::fs::read_to_string(&secret_path)?.trim_end(), asterisk.secret);
        assert!(!std::fs::read_to_string(home.path().join("config.json"))?.contains(&asterisk.secret));

        // The form keeps no secret; reopening it offers to keep the saved one.
        click(&mut harness, "Close");
        click(&mut harness, "Phone system…");
        assert!(shows(
            &harness,
            &format!("In use now: Asterisk at 127.0.0.1:{port}, extension {EXTENSION}.")
        ));
        assert!(shows(&harness, "leave empty to keep the saved secret"));
        assert!(!shows(&harness, &asterisk.secret));
        click(&mut harness, "Close");

        // The status line names the Asterisk; a fresh extension is Office, shown active.
        assert!(shows(
            &harness,
            &format!("Asterisk 127.0.0.1:{port}, extension {EXTENSION}")
        ));
        assert!(harness.query_by_label("✔ Connected").is_some());
        assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));
        assert_eq!(harness.state().title(), "callprofiles — Office is active");

        // Another AMI client forwards the extension: Detected within the poll interval.
        admin.db_put(&value("CF")?, &value(EXTENSION)?, &value("600999888")?)?;
        let took = wait_until(
            &mut harness,
            "Detected",
            POLL_INTERVAL + Duration::from_secs(3),
            |app| app.model.detected().is_some(),
        )?;
        eprintln!(
            "outside change seen as Detected after {:.2} s (poll interval {:?})",
            took.as_secs_f64(),
            POLL_INTERVAL
        );
        assert!(took <= POLL_INTERVAL + Duration::from_secs(1), "{took:?}");
        assert!(shows(&harness, "Detected"));
        assert_eq!(harness.state().title(), "callprofiles — Detected settings");

        // Activating Mobile from the GUI writes FreePBX's Follow Me keys and clears the forward.
        select_row(&mut harness, "Mobile");
        button(&harness, "Activate").click();
        let took = wait_until(&mut harness, "Mobile active", Duration::from_secs(10), |app| {
            app.model.active_id() == Some(BuiltIn::Mobile.id())
        })?;
        eprintln!("activate Mobile from the GUI: {:.2} s", took.as_secs_f64());
        let followme = |key: &str| value(format!("{EXTENSION}/followme/{key}"));
        assert_eq!(
            admin.db_get(&value("AMPUSER")?, &followme("ddial")?)?.as_deref(),
            Some("DIRECT")
        );
        assert_eq!(
            admin.db_get(&value("AMPUSER")?, &followme("grplist")?)?,
            Some(format!("{EXTENSION}-600100200#"))
        );
        assert_eq!(admin.db_get(&value("CF")?, &value(EXTENSION)?)?, None);
        assert!(shows(&harness, "Mobile is now active."));

        // Back to the built-in demo through the form.
        click(&mut harness, "Phone system…");
        harness.get_by_label("Built-in demo (no PBX)").click();
        settle(&mut harness);
        button(&harness, "Use the built-in demo").click();
        wait_until(&mut harness, "the switch to the demo", Duration::from_secs(10), |app| {
            form_result(app).is_some()
        })?;
        assert_eq!(Config::load(home.path())?.phone_system, PhoneSystemConfig::Builtin);
        assert!(shows(&harness, "Built-in demo phone system — no PBX is connected"));
        assert!(harness.query_by_label("✔ Ready").is_some());
        reset_extension(&mut admin, EXTENSION)?;
        Ok(())
    })
}
