//! The "Phone system" connection form driven like a user would, over a temporary home: invalid fields show
//! their reasons and keep "Test and connect" disabled; a port where nothing listens gives a clear error
//! within the AMI client's timeout and keeps the built-in demo; "Use the built-in demo" switches back.

use std::net::TcpListener;
use std::time::Duration;

use crate::gui_connection_support::{
    TestResult, Typed, button, click, disabled, fill_asterisk_form, form_result, settle, shows, type_into, wait_until,
    window,
};
use callprofiles::gui::worker::SECRET_FILE;
use callprofiles::text::i18n::Language;
use callprofiles_core::config::{Config, PhoneSystemConfig};
use callprofiles_core::phone_system::asterisk::{AmiHost, AmiUsername, AsteriskConfig, Extension};
use callprofiles_core::{BuiltIn, PhoneSystemKind};
use egui_kittest::kittest::Queryable;

/// How often the worker re-reads in these tests.
const INTERVAL: Duration = Duration::from_millis(200);

/// The AMI client gives up on one request after this long (core's `client::DEFAULT_TIMEOUT`).
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// A port on 127.0.0.1 where nothing listens (bound, then released).
fn closed_port() -> Result<u16, std::io::Error> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    drop(listener);
    Ok(port)
}

#[test]
fn invalid_port_and_extension_show_their_reasons_and_disable_connect() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English, INTERVAL)?;
    fill_asterisk_form(
        &mut harness,
        &Typed {
            host: "127.0.0.1",
            port: "70000",
            username: "callprofiles",
            extension: "20x",
            secret: "s3cret",
        },
    );
    assert!(shows(&harness, "The port is a number from 1 to 65535"));
    assert!(shows(&harness, "The extension is 2–20 digits."));
    assert!(disabled(&button(&harness, "Test and connect")));
    // The secret is masked on screen and in the accessibility tree.
    assert!(!shows(&harness, "s3cret"));

    type_into(&mut harness, "Port", "5038");
    assert!(!shows(&harness, "The port is a number"));
    assert!(disabled(&button(&harness, "Test and connect")));
    type_into(&mut harness, "Your extension", "201");
    assert!(!shows(&harness, "The extension is"));
    assert!(!disabled(&button(&harness, "Test and connect")));

    // A host with a port in it, or a user name with a space, is refused the same way.
    type_into(&mut harness, "Host", "pbx.example.com:5038");
    assert!(shows(
        &harness,
        "Use a host name (letters, digits, dots and dashes) or an IP address"
    ));
    assert!(disabled(&button(&harness, "Test and connect")));
    type_into(&mut harness, "Host", "pbx.example.com");
    type_into(&mut harness, "AMI user name", "call profiles");
    assert!(shows(&harness, "The user name cannot contain spaces"));
    assert!(disabled(&button(&harness, "Test and connect")));
    // An emptied field says what to enter, by the button.
    type_into(&mut harness, "AMI user name", "");
    assert!(shows(&harness, "Enter the AMI user name"));
    assert!(disabled(&button(&harness, "Test and connect")));
    // Nothing was sent or saved.
    assert!(!home.path().join("config.json").exists());
    Ok(())
}

#[test]
fn nothing_listening_is_a_clear_error_within_the_timeout_and_keeps_the_demo() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::English, INTERVAL)?;
    let port = closed_port()?.to_string();
    fill_asterisk_form(
        &mut harness,
        &Typed {
            host: "127.0.0.1",
            port: &port,
            username: "callprofiles",
            extension: "201",
            secret: "s3cret",
        },
    );
    button(&harness, "Test and connect").click();
    harness.run_steps(3);
    // Progress while the worker tries: in the form and in the status line; the window keeps drawing.
    assert!(shows(&harness, &format!("Testing the connection to 127.0.0.1:{port}…")));
    assert!(shows(&harness, &format!("Connecting to 127.0.0.1:{port}…")));
    assert!(disabled(&button(&harness, "Test and connect")));
    let took = wait_until(&mut harness, "the connection result", Duration::from_secs(15), |app| {
        form_result(app).is_some()
    })?;
    eprintln!("nothing listening: result after {:.2} s", took.as_secs_f64());
    assert!(took <= CLIENT_TIMEOUT + Duration::from_secs(1), "{took:?}");
    let result = form_result(harness.state()).unwrap_or_default();
    assert!(
        result.starts_with(&format!("Cannot reach the phone system at 127.0.0.1:{port}:"))
            && result.ends_with("Nothing was changed: the phone system in use stays as it was."),
        "{result}"
    );
    assert!(shows(&harness, &result));
    // Still the demo: in the window, in config.json, and no secret file was written.
    assert_eq!(
        harness.state().model.phone_system().map(|p| p.kind),
        Some(PhoneSystemKind::Demo)
    );
    assert!(shows(&harness, "Built-in demo phone system — no PBX is connected"));
    assert!(harness.query_by_label("✔ Ready").is_some());
    assert_eq!(Config::load(home.path())?.phone_system, PhoneSystemConfig::Builtin);
    assert!(!home.path().join(SECRET_FILE).exists());
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));
    // The typed secret stays in the form for a retry (masked), and was written nowhere.
    assert!(!shows(&harness, "s3cret"));
    assert!(
        harness
            .state()
            .connection_form()
            .is_some_and(|f| f.fields.secret == "s3cret")
    );
    Ok(())
}

#[test]
fn use_builtin_demo_switches_back_from_an_unreachable_asterisk() -> TestResult {
    let home = tempfile::tempdir()?;
    let port = closed_port()?;
    let asterisk = AsteriskConfig {
        host: AmiHost::parse("127.0.0.1")?,
        port: std::num::NonZeroU16::new(port).ok_or("port 0")?,
        username: AmiUsername::parse("callprofiles")?,
        extension: Extension::parse("201")?,
        secret_file: None,
    };
    Config {
        phone_system: PhoneSystemConfig::Asterisk(asterisk),
    }
    .save(home.path())?;
    // A long interval: the first read fails once, then nothing re-reads.
    let mut harness = window(home.path(), Language::English, Duration::from_secs(600))?;
    assert!(shows(&harness, &format!("Asterisk 127.0.0.1:{port}, extension 201")));
    assert!(harness.query_by_label("✖ Error").is_some());
    // No secret is configured anywhere: the error says so in one sentence.
    assert!(shows(
        &harness,
        "there is no AMI secret: enter it in the connection settings, or set CALLPROFILES_AMI_SECRET."
    ));
    assert!(harness.state().model.active_id().is_none());

    click(&mut harness, "Phone system…");
    assert!(shows(
        &harness,
        &format!("In use now: Asterisk at 127.0.0.1:{port}, extension 201.")
    ));
    // The form shows the configured connection; no secret is configured, so one is asked for.
    assert!(shows(&harness, "Enter the AMI secret."));
    harness.get_by_label("Built-in demo (no PBX)").click();
    settle(&mut harness);
    assert!(!disabled(&button(&harness, "Use the built-in demo")));
    button(&harness, "Use the built-in demo").click();
    wait_until(&mut harness, "the switch", Duration::from_secs(10), |app| {
        form_result(app).is_some()
    })?;
    assert_eq!(
        form_result(harness.state()).as_deref(),
        Some("Switched to the built-in demo phone system.")
    );
    assert_eq!(Config::load(home.path())?.phone_system, PhoneSystemConfig::Builtin);
    assert!(shows(&harness, "Built-in demo phone system — no PBX is connected"));
    assert_eq!(harness.state().model.active_id(), Some(BuiltIn::Office.id()));
    // Now the demo is in use, so the button says so instead of switching again.
    assert!(disabled(&button(&harness, "Use the built-in demo")));
    click(&mut harness, "Close");
    assert!(harness.state().connection_form().is_none());
    Ok(())
}

#[test]
fn the_form_opens_from_the_status_line_and_speaks_polish() -> TestResult {
    let home = tempfile::tempdir()?;
    let mut harness = window(home.path(), Language::Polish, INTERVAL)?;
    harness
        .get_by_label_contains("Wbudowany demonstracyjny system telefoniczny")
        .click();
    settle(&mut harness);
    assert!(harness.state().connection_form().is_some());
    assert!(shows(&harness, "System telefoniczny"));
    harness.get_by_label("Asterisk lub FreePBX (przez AMI)").click();
    settle(&mut harness);
    type_into(&mut harness, "Twój numer wewnętrzny", "2");
    assert!(shows(&harness, "Numer wewnętrzny ma od 2 do 20 cyfr."));
    assert!(disabled(&button(&harness, "Sprawdź i połącz")));
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(harness.state().connection_form().is_none());
    Ok(())
}
