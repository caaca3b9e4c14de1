//! Hostile input against the AMI connection, checked on the wire: a recording stand-in for Asterisk sees
//! every byte the real `callprofiles` binary sends while line breaks, control characters and over-long
//! values are thrown at every entry point (command line, environment, files). Nothing but well-formed
//! `Key: Value` lines of known actions arrives, and the AMI secret never appears in any output, log or
//! file other than its own 0600 file.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::crash_support::{Rng, TestResult, cli, snapshot};
use crate::hostile_support::FakeAmi;
use callprofiles_core::phone_system::asterisk::{
    AmiHost, AmiSecret, AmiUsername, AsteriskConfig, AsteriskPhoneSystem, Extension, SECRET_ENV,
};

/// Header names the app may send.
const KEYS: [&str; 11] = [
    "Action", "ActionID", "Username", "Secret", "Events", "Family", "Key", "Val", "Variable", "Value", "Mailbox",
];
/// Actions the app may send.
const ACTIONS: [&str; 11] = [
    "Login",
    "Logoff",
    "Ping",
    "DBGetTree",
    "DBGet",
    "DBPut",
    "DBDel",
    "DBDelTree",
    "Setvar",
    "Getvar",
    "MailboxCount",
];

/// Runs `callprofiles --home HOME ARGS…` with `env`; returns whether it succeeded, and stdout + stderr.
fn run(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<(bool, String), Box<dyn std::error::Error>> {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let mut command = cli(home, &args);
    command.env_remove(SECRET_ENV);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Ok((output.status.success(), text))
}

/// The `connect asterisk` arguments for the fake on `port`, with one field replaced.
fn connect_args(port: &str, field: &str, value: &str) -> Vec<String> {
    let mut args: Vec<String> = ["connect", "asterisk", "--host", "127.0.0.1", "--port", port]
        .into_iter()
        .chain(["--username", "callprofiles", "--extension", "201"])
        .map(str::to_owned)
        .collect();
    if let Some(slot) = args.iter().position(|a| a == field).and_then(|at| args.get_mut(at + 1)) {
        *slot = value.to_owned();
    }
    args
}

/// Checks that `wire` is only well-formed actions of known kinds; returns how many actions it holds.
fn assert_wire_is_clean(wire: &str) -> usize {
    assert!(
        wire.is_empty() || wire.ends_with("\r\n\r\n"),
        "the last action is unfinished"
    );
    let stripped = wire.replace("\r\n", "");
    assert!(!stripped.contains(['\r', '\n']), "a bare CR or LF reached the wire");
    let mut actions = 0;
    for line in wire.split("\r\n").filter(|l| !l.is_empty()) {
        let (key, value) = line.split_once(": ").unwrap_or((line, ""));
        assert!(KEYS.contains(&key), "unexpected header on the wire: {line:?}");
        assert!(
            value.len() <= 512,
            "an over-long value reached the wire: {} bytes",
            value.len()
        );
        assert!(
            !value.chars().any(char::is_control),
            "a control character reached the wire: {line:?}"
        );
        if key == "Action" {
            assert!(ACTIONS.contains(&value), "unexpected action on the wire: {value}");
            actions += 1;
        }
    }
    actions
}

#[test]
fn hostile_values_never_reach_the_wire() -> TestResult {
    const SECRET: &str = "fake-ami-secret";
    let fake = FakeAmi::start(SECRET)?;
    let port = fake.port().to_string();
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    let env = [(SECRET_ENV, SECRET)];

    // What works reaches the fake (so the checks below see a live wire).
    let connect = connect_args(&port, "", "");
    let connect: Vec<&str> = connect.iter().map(String::as_str).collect();
    for args in [
        &connect[..],
        &["set", "home", "routing=forward:+48 600 100 200"],
        &["activate", "home"],
        &["pbx", "set", "call_pickup=on"],
        &["status"],
    ] {
        let (ok, text) = run(&home, args, &env)?;
        assert!(ok, "{args:?}: {text}");
    }
    let good_actions = assert_wire_is_clean(&fake.received());
    assert!(fake.received().contains("Action: DBPut"), "activate wrote nothing");

    let injection = "1\r\nAction: Originate\r\nChannel: Local/999@default";
    let long = "7".repeat(600);
    let mut hostile: Vec<(Vec<String>, &str)> = [
        vec!["pbx", "set", &format!("routing=forward:{injection}")],
        vec!["pbx", "set", &format!("routing=twinning:{long}")],
        vec!["pbx", "set", &format!("voicemail.greeting={injection}")],
        vec!["pbx", "set", &format!("call_pickup=on{injection}")],
        vec!["set", "office", &format!("routing=telecommuter:{injection}")],
        vec!["new", &format!("Evil{injection}")],
        vec!["call", injection],
        vec!["call", &long],
    ]
    .into_iter()
    .map(|args| (args.into_iter().map(str::to_owned).collect(), SECRET))
    .collect();
    for (field, value) in [
        ("--username", format!("callprofiles{injection}")),
        ("--username", "u".repeat(600)),
        ("--extension", format!("201{injection}")),
        ("--extension", long.clone()),
        ("--host", format!("localhost{injection}")),
    ] {
        hostile.push((connect_args(&port, field, &value), SECRET));
    }
    let bad_secrets = [
        format!("{SECRET}{injection}"),
        "s".repeat(600),
        format!("{SECRET}\u{7}"),
    ];
    for secret in &bad_secrets {
        hostile.push((vec!["pbx".to_owned(), "show".to_owned()], secret));
    }

    let config_before = snapshot(&home.join("config.json"))?;
    for (args, secret) in &hostile {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (ok, text) = run(&home, &args, &[(SECRET_ENV, secret)])?;
        assert!(!ok, "{args:?} should be refused: {text}");
        assert_eq!(text.lines().count(), 1, "{args:?}: {text}");
        assert!(!text.contains("panicked"), "{args:?}: {text}");
    }
    assert_eq!(snapshot(&home.join("config.json"))?, config_before);

    let wire = fake.received();
    let actions = assert_wire_is_clean(&wire);
    assert!(
        !wire.contains("Originate") && !wire.contains("Local/999"),
        "an injected action reached the wire"
    );
    eprintln!(
        "{} hostile commands refused; the wire carried {actions} well-formed actions ({good_actions} from the good commands)",
        hostile.len()
    );
    Ok(())
}

/// Every file below `dir` except `skip`, recursively.
fn files_below(dir: &Path, skip: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(files_below(&path, skip)?);
        } else if path != skip {
            files.push(path);
        }
    }
    Ok(files)
}

#[test]
fn the_ami_secret_never_leaks() -> TestResult {
    let mut rng = Rng::from_env("the_ami_secret_never_leaks");
    let secret = format!("Zq8-{:016x}-secret", rng.next_u64());
    let wrong = format!("Wr0ng-{:016x}", rng.next_u64());
    let fake = FakeAmi::start(&secret)?;
    let port = fake.port().to_string();
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    let secret_file = dir.path().join("secrets").join("ami.secret");
    std::fs::create_dir_all(dir.path().join("secrets"))?;
    std::fs::write(&secret_file, format!("{secret}\n"))?;
    std::fs::set_permissions(&secret_file, std::fs::Permissions::from_mode(0o600))?;
    let export = dir.path().join("export.json");
    let logs = [("RUST_LOG", "trace")];

    let mut connect = connect_args(&port, "", "");
    connect.extend(["--secret-file".to_owned(), secret_file.display().to_string()]);
    let connect: Vec<&str> = connect.iter().map(String::as_str).collect();
    let export_arg = export.display().to_string();
    let mut outputs = Vec::new();
    for args in [
        &connect[..],
        &["status"],
        &["status", "--json"],
        &["pbx", "show", "--json"],
        &["list", "--json"],
        &["set", "mobile", "routing=twinning:+48 600 1"],
        &["activate", "mobile"],
        &["pbx", "set", "voicemail=off"],
        &["export", &export_arg],
    ] {
        let (ok, text) = run(&home, args, &logs)?;
        assert!(ok, "{args:?}: {text}");
        outputs.push(text);
    }
    // Failures: a wrong secret from the environment, and a secret file others may read.
    let (ok, text) = run(&home, &["status"], &[("RUST_LOG", "trace"), (SECRET_ENV, &wrong)])?;
    assert!(!ok && text.contains("rejected the login"), "{text}");
    assert!(!text.contains(&wrong), "the wrong secret was printed: {text}");
    outputs.push(text);
    std::fs::set_permissions(&secret_file, std::fs::Permissions::from_mode(0o644))?;
    let (ok, text) = run(&home, &["status"], &logs)?;
    assert!(!ok && text.contains("chmod 600"), "{text}");
    outputs.push(text);
    std::fs::set_permissions(&secret_file, std::fs::Permissions::from_mode(0o600))?;

    for text in &outputs {
        assert!(!text.contains(&secret), "the secret appears in output or logs:\n{text}");
    }
    let files = files_below(dir.path(), &secret_file)?;
    assert!(files.iter().any(|f| f.ends_with("config.json")));
    for file in &files {
        let bytes = std::fs::read(file)?;
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(&secret), "the secret was written to {}", file.display());
    }
    let metadata = std::fs::metadata(&secret_file)?;
    assert_eq!(metadata.permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::read_to_string(&secret_file)?, format!("{secret}\n"));

    // On the wire the secret travels in Login only.
    let wire = fake.received();
    let logins = wire.matches(&format!("Secret: {secret}\r\n")).count();
    assert_eq!(wire.matches(&secret).count(), logins);
    assert!(
        logins >= 6,
        "only {logins} logins reached the fake: the commands did not talk to it"
    );

    // Nor does Debug formatting show it (what a log line of a value would print).
    let amisecret = AmiSecret::new(&secret)?;
    let config = AsteriskConfig {
        host: AmiHost::parse("127.0.0.1")?,
        port: std::num::NonZeroU16::new(fake.port()).ok_or("port 0")?,
        username: AmiUsername::parse("callprofiles")?,
        extension: Extension::parse("201")?,
        secret_file: Some(secret_file.clone()),
    };
    let phone = AsteriskPhoneSystem::with_secret(config, amisecret.clone());
    for debug in [format!("{amisecret:?}"), format!("{phone:?}")] {
        assert!(!debug.contains(&secret), "Debug shows the secret: {debug}");
    }
    eprintln!(
        "{} commands with RUST_LOG=trace and {} files checked: the secret appears only in its 0600 file and in Login",
        outputs.len(),
        files.len()
    );
    Ok(())
}
