//! Voicemail e-mail for real: the real server, the real Asterisk leaving messages from real calls, and a
//! real SMTP server on loopback (`smtp.rs`). With notification on each new message arrives once at the
//! mailbox's address with the caller, the length and the recording (its samples are the spool file's);
//! off, none; a restart neither re-sends nor misses; a dead relay never blocks switching, is retried a
//! bounded number of times and lands in audit.log without the relay's password.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use callprofiles_core::phone_system::asterisk::{Action, AmiClient, AmiHost, AmiSecret, AmiTarget, AmiUsername};
use hyper::{Method, StatusCode};
use serde_json::json;

use crate::smtp::{Received, SmtpSink};
use crate::support::{Asterisk, Res, ServerHome, TEST_USER, TestResult, asterisk, block_on, reset_extension, value};

fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

/// Sets the live voicemail settings of `extension` as the phone system holds them (voicemail on,
/// notification on or off).
fn set_notification(admin: &mut AmiClient, extension: &str, on: bool) -> TestResult {
    let family = value("CALLPROFILES")?;
    admin.db_put(&family, &value(format!("{extension}/voicemail"))?, &value("on")?)?;
    let state = if on { "on" } else { "off" };
    admin.db_put(&family, &value(format!("{extension}/notification"))?, &value(state)?)?;
    Ok(())
}

/// A call from "Anna Nowak" <600100200> that nobody answers leaves a message of a few seconds in
/// `extension`'s mailbox; returns once the dialplan says it is there.
fn leave_message(asterisk: &Asterisk, extension: &str) -> TestResult {
    let target = AmiTarget::new(
        AmiHost::parse("127.0.0.1")?,
        asterisk.port,
        &AmiUsername::parse(TEST_USER)?,
        AmiSecret::new(&asterisk.secret)?,
    );
    let mut events = AmiClient::new(target).with_events();
    events.connect()?;
    let originate = Action::new("Originate", false)
        .header("Channel", value(format!("Local/{extension}@callprofiles-in"))?)
        .header("Context", value("callprofiles-test-caller")?)
        .header("Exten", value("s")?)
        .header("Priority", value("1")?)
        .header("Timeout", value("8000")?)
        .header("CallerID", value("\"Anna Nowak\" <600100200>")?)
        .header("Variable", value("CPTEST_SECONDS=12")?)
        .header("Async", value("true")?);
    asterisk.admin()?.expect_success(&originate)?;
    let deadline = Instant::now() + secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Some(event) = events.next_event(left)? else { break };
        if event.get("UserEvent") == Some("CallprofilesNewMessage") && event.get("Extension") == Some(extension) {
            return Ok(());
        }
    }
    Err(format!("no message left for {extension} within 60 s").into())
}

/// How many times the server has logged a look at `extension`'s mailbox with `fields` (e.g. `new=1`).
fn checks(home: &ServerHome, extension: &str, fields: &str) -> Res<usize> {
    Ok(home
        .logs()?
        .lines()
        .filter(|line| {
            line.contains("mail: mailbox checked")
                && line.contains(&format!("extension=\"{extension}\""))
                && fields.split(' ').all(|field| line.contains(field))
        })
        .count())
}

/// Waits until the server has logged more than `before` such looks.
fn wait_checks(home: &ServerHome, extension: &str, fields: &str, before: usize, wait: Duration) -> TestResult {
    let deadline = Instant::now() + wait;
    while checks(home, extension, fields)? <= before {
        if Instant::now() > deadline {
            let logs = home.logs()?;
            let tail: Vec<&str> = logs.lines().rev().take(30).collect();
            return Err(
                format!("no mailbox check of {extension} with {fields} within {wait:?}; log: {tail:#?}").into(),
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// The spool's WAV file of message `id` (the `.txt` beside it names the id), and its `duration`.
fn spool_message(asterisk: &Asterisk, extension: &str, id: &str) -> Res<(PathBuf, u64)> {
    for folder in ["INBOX", "Old"] {
        let Ok(entries) = std::fs::read_dir(asterisk.spool_dir().join("default").join(extension).join(folder)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "txt") {
                let text = std::fs::read_to_string(&path)?;
                if text.lines().any(|line| line == format!("msg_id={id}")) {
                    let duration = text
                        .lines()
                        .find_map(|line| line.strip_prefix("duration="))
                        .ok_or("no duration")?
                        .parse()?;
                    return Ok((path.with_extension("wav"), duration));
                }
            }
        }
    }
    Err(format!("message {id} is not in the spool").into())
}

/// An e-mail's subject, plain text and WAV attachment.
struct Mail {
    recipients: Vec<String>,
    subject: String,
    text: String,
    wav: Option<Vec<u8>>,
}

fn parse(received: &Received) -> Res<Mail> {
    let parsed = mailparse::parse_mail(&received.raw)?;
    let subject = mailparse::MailHeaderMap::get_first_value(&parsed.headers[..], "Subject").ok_or("no subject")?;
    let mut text = String::new();
    let mut wav = None;
    for part in parsed.parts() {
        match part.ctype.mimetype.as_str() {
            "text/plain" => text.push_str(&part.get_body()?),
            "audio/wav" => wav = Some(part.get_body_raw()?),
            _ => {}
        }
    }
    Ok(Mail {
        recipients: received.recipients.clone(),
        subject,
        text,
        wav,
    })
}

/// The samples of a 16-bit PCM WAV.
fn samples(wav: &[u8]) -> Res<(hound::WavSpec, Vec<i16>)> {
    let reader = hound::WavReader::new(std::io::Cursor::new(wav))?;
    let spec = reader.spec();
    Ok((spec, reader.into_samples::<i16>().collect::<Result<_, _>>()?))
}

/// `mail set` for the sink (plain SMTP on loopback), from "Poczta głosowa <pbx@example.test>".
fn mail_to_sink(home: &ServerHome, port: u16) -> Res<String> {
    home.command(&[
        "mail",
        "set",
        "--host",
        "127.0.0.1",
        "--port",
        &port.to_string(),
        "--security",
        "none",
        "--from",
        "Poczta głosowa <pbx@example.test>",
    ])
}

#[test]
fn new_voicemail_is_emailed_once_with_its_recording_only_while_notification_is_on() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    let Some(sink) = SmtpSink::start()? else { return Ok(()) };
    let extension = "380";
    let mut admin = asterisk.admin()?;
    reset_extension(&mut admin, extension)?;
    let home = asterisk.init(15, 10)?;
    assert!(mail_to_sink(&home, sink.port)?.contains("restart the server"));
    home.add_user(extension)?;
    let mut server = home.start()?;
    // The first look at every user (at start) sees an empty mailbox and mails nothing.
    wait_checks(&home, extension, "new=0", 0, secs(20))?;
    set_notification(&mut admin, extension, true)?;

    // 1. Notification on: a call leaves a message → exactly one e-mail, to the mailbox's address in
    // Asterisk (voicemail.conf), naming the caller, with the length and the recording.
    leave_message(&asterisk, extension)?;
    let received = sink.wait_for(1, secs(60))?;
    let mail = parse(&received[0])?;
    assert_eq!(mail.recipients, ["vm380@example.test"]);
    assert!(mail.subject.contains("Anna Nowak (600100200)"), "{}", mail.subject);
    assert!(
        mail.text.starts_with("Nowa wiadomość w poczcie głosowej numeru 380."),
        "{}",
        mail.text
    );
    let id = mail
        .text
        .lines()
        .find_map(|line| line.strip_prefix("Message: "))
        .ok_or("no message id")?
        .to_owned();
    let (spool_wav, duration) = spool_message(&asterisk, extension, &id)?;
    let length = format!("Length: {}:{:02}", duration / 60, duration % 60);
    assert!(mail.text.contains(&length), "{length} in {}", mail.text);
    assert!(duration >= 1, "the message lasts {duration} s");
    match &mail.wav {
        Some(wav) => {
            let (spec, got) = samples(wav)?;
            let (spool_spec, want) = samples(&std::fs::read(&spool_wav)?)?;
            assert_eq!(spec.sample_rate, spool_spec.sample_rate);
            assert_eq!(spec.channels, 1);
            assert!(!want.is_empty());
            assert!(got == want, "the attachment's samples are the spool file's");
            eprintln!("e-mailed {} samples at {} Hz", got.len(), spec.sample_rate);
        }
        None => {
            return Err(format!("no WAV attachment; the e-mail says: {}", mail.text).into());
        }
    }
    std::thread::sleep(secs(2));
    assert_eq!(sink.received()?.len(), 1, "exactly one e-mail per message");

    // 2. Notification off: the next message is not e-mailed.
    set_notification(&mut admin, extension, false)?;
    let before = checks(&home, extension, "new=1 mailed=0 notification=false")?;
    leave_message(&asterisk, extension)?;
    wait_checks(&home, extension, "new=1 mailed=0 notification=false", before, secs(30))?;
    assert_eq!(sink.received()?.len(), 1, "no e-mail while notification is off");

    // 3. Restart: a message left while the server is down is mailed once it is back; neither of the
    // earlier two is (the first was sent, the second seen while notification was off).
    server.kill9()?;
    drop(server);
    set_notification(&mut admin, extension, true)?;
    leave_message(&asterisk, extension)?;
    let before = checks(&home, extension, "new=1 mailed=1")?;
    let _server = home.start()?;
    let received = sink.wait_for(2, secs(60))?;
    wait_checks(&home, extension, "new=1 mailed=1", before, secs(30))?;
    std::thread::sleep(secs(2));
    assert_eq!(sink.received()?.len(), 2, "nothing re-sent after the restart");
    let third = parse(&received[1])?;
    assert!(
        !third.text.contains(&format!("Message: {id}")),
        "the first message again"
    );
    assert!(third.wav.is_some());
    let handled = std::fs::read_to_string(home.dir.join("users").join(extension).join("mailed.json"))?;
    assert_eq!(
        crate::support::mode_of(&home.dir.join("users").join(extension).join("mailed.json"))?,
        0o600
    );
    assert!(handled.contains(&id), "{handled}");
    Ok(())
}

#[test]
fn a_dead_relay_never_blocks_switching_is_retried_and_audited_without_its_password() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    let extension = "381";
    let mut admin = asterisk.admin()?;
    reset_extension(&mut admin, extension)?;
    let home = asterisk.init(15, 10)?;
    // A port nothing listens on: bound, then released.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let password = "Smtp-Pa55word-for-the-test-5f2c";
    let password_file = home.dir.join("relay-password");
    std::fs::write(&password_file, format!("{password}\n"))?;
    std::fs::set_permissions(&password_file, std::os::unix::fs::PermissionsExt::from_mode(0o644))?;
    let relay = |security: &str, host: &str| {
        home.command(&[
            "mail",
            "set",
            "--host",
            host,
            "--port",
            &dead.to_string(),
            "--security",
            security,
            "--from",
            "pbx@example.test",
            "--username",
            "pbx",
            "--password-file",
            password_file.to_str().unwrap_or_default(),
            "--attempts",
            "3",
            "--retry-seconds",
            "2",
        ])
    };
    // Refusals: a password file others can read; plain SMTP to another machine; a bad address.
    assert!(relay("none", "127.0.0.1").is_err_and(|e| e.to_string().contains("readable by others")));
    std::fs::set_permissions(&password_file, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    assert!(
        relay("none", "smtp.example.com").is_err_and(|e| e.to_string().contains("only to a relay on this machine"))
    );
    relay("none", "127.0.0.1")?;
    assert_eq!(crate::support::mode_of(&home.dir.join("smtp-password"))?, 0o600);
    assert!(
        home.command(&["user", "add", extension, "--email", "not an address"])
            .is_err()
    );
    let code = {
        let out = home.command(&["user", "add", extension, "--email", "anna@example.test"])?;
        out.lines().rev().nth(1).ok_or("no code")?.to_owned()
    };
    assert!(home.command(&["user", "list"])?.contains("e-mail: anna@example.test"));
    let server = home.start()?;
    wait_checks(&home, extension, "new=0", 0, secs(20))?;
    set_notification(&mut admin, extension, true)?;
    leave_message(&asterisk, extension)?;

    // While the mailer retries the dead relay, switching profiles answers as usual.
    let deadline = Instant::now() + secs(30);
    while !home.logs()?.contains("mail: voicemail e-mail not sent") {
        if Instant::now() > deadline {
            return Err("the relay was never tried".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    block_on(async {
        let token = server.enroll(extension, &code).await?;
        let started = Instant::now();
        let (status, state) = server
            .client
            .json(
                Method::POST,
                "/api/v1/users/me/activate",
                Some(&token),
                Some(&json!({"profile": "office"})),
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        eprintln!("activated in {:?} while the relay was being retried", started.elapsed());
        Ok(())
    })?;
    assert!(
        !home.audit()?.contains("NOT e-mailed"),
        "switching waited for the relay"
    );

    // Each failure is logged once per attempt; the give-up is in audit.log; no password anywhere.
    let deadline = Instant::now() + secs(30);
    while !home.audit()?.contains("NOT e-mailed") {
        if Instant::now() > deadline {
            return Err(format!("no failure in audit.log: {}", home.audit()?).into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let audit = home.audit()?;
    let failure = audit
        .lines()
        .find(|line| line.contains("NOT e-mailed"))
        .ok_or("no line")?;
    assert!(
        failure.contains(&format!("for {extension}")) && failure.contains("anna@example.test"),
        "{failure}"
    );
    let activated = audit.find("activate").ok_or("no activation in audit.log")?;
    assert!(activated < audit.find("NOT e-mailed").unwrap_or(0), "{audit}");
    let logs = home.logs()?;
    let attempts = logs.matches("mail: voicemail e-mail not sent").count();
    assert_eq!(attempts, 3, "{logs}");
    assert!(!logs.contains(password), "the SMTP password leaked into the logs");
    assert!(!logs.contains(&asterisk.secret), "the AMI secret leaked into the logs");
    Ok(())
}

#[test]
fn starttls_with_a_login_to_the_users_own_address() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    let keys = tempfile::tempdir()?;
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()])?;
    let (cert, key) = (keys.path().join("relay.pem"), keys.path().join("relay.key"));
    std::fs::write(&cert, certified.cert.pem())?;
    std::fs::write(&key, certified.signing_key.serialize_pem())?;
    let password = "relay-Pa55-7c1e";
    let Some(sink) = SmtpSink::start_tls(&cert, &key, "pbx@example.test", password)? else {
        return Ok(());
    };
    let extension = "382";
    let mut admin = asterisk.admin()?;
    reset_extension(&mut admin, extension)?;
    let home = asterisk.init(15, 10)?;
    let password_file = keys.path().join("password");
    std::fs::write(&password_file, password)?;
    std::fs::set_permissions(&password_file, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    let port = sink.port.to_string();
    let set = |ca: bool| {
        let mut args = vec![
            "mail",
            "set",
            "--host",
            "localhost",
            "--port",
            &port,
            "--security",
            "starttls",
            "--from",
            "pbx@example.test",
            "--username",
            "pbx@example.test",
            "--password-file",
            password_file.to_str().unwrap_or_default(),
        ];
        if ca {
            args.extend(["--ca-file", cert.to_str().unwrap_or_default()]);
        } else {
            args.extend(["--attempts", "1"]);
        }
        home.command(&args)
    };
    set(true)?;
    home.add_user(extension)?;
    // The administrator's address wins over the mailbox's in Asterisk (vm382@example.test).
    home.command(&["user", "email", extension, "anna.nowak@example.test"])?;
    let mut server = home.start()?;
    wait_checks(&home, extension, "new=0", 0, secs(20))?;
    set_notification(&mut admin, extension, true)?;
    leave_message(&asterisk, extension)?;
    let received = sink.wait_for(1, secs(60))?;
    let mail = parse(&received[0])?;
    assert_eq!(mail.recipients, ["anna.nowak@example.test"]);
    assert!(mail.subject.contains("600100200"), "{}", mail.subject);
    // The relay took the login only after STARTTLS (it refuses AUTH in the clear) and it was right.
    assert_eq!(sink.logins()?, "pbx@example.test ok\n");

    // Without the relay's authority its certificate is refused: nothing is sent, not even the login.
    server.kill9()?;
    set(false)?;
    let _server = home.start()?;
    leave_message(&asterisk, extension)?;
    let deadline = Instant::now() + secs(60);
    while !home.audit()?.contains("NOT e-mailed") {
        if Instant::now() > deadline {
            return Err(format!("no failure in audit.log: {}", home.audit()?).into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let audit = home.audit()?;
    assert!(audit.to_lowercase().contains("certificate"), "{audit}");
    assert_eq!(
        sink.logins()?,
        "pbx@example.test ok\n",
        "a login reached an untrusted relay"
    );
    assert_eq!(sink.received()?.len(), 1);
    assert!(!home.logs()?.contains(password));
    Ok(())
}

#[test]
fn a_mailbox_without_an_address_is_reported_not_mailed() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    let Some(sink) = SmtpSink::start()? else { return Ok(()) };
    // 390 has no e-mail in voicemail.conf (Asterisk answers "Email: (null)") and none is set here.
    let extension = "390";
    let mut admin = asterisk.admin()?;
    reset_extension(&mut admin, extension)?;
    let home = asterisk.init(15, 10)?;
    mail_to_sink(&home, sink.port)?;
    home.add_user(extension)?;
    assert!(
        home.command(&["user", "list"])?
            .contains("e-mail: the mailbox's in Asterisk")
    );
    let _server = home.start()?;
    wait_checks(&home, extension, "new=0", 0, secs(20))?;
    set_notification(&mut admin, extension, true)?;
    leave_message(&asterisk, extension)?;
    wait_checks(&home, extension, "new=1 mailed=0 notification=true", 0, secs(30))?;
    let audit = home.audit()?;
    assert!(
        audit.contains(&format!("for {extension} not e-mailed: no address")),
        "{audit}"
    );
    assert!(sink.received()?.is_empty());
    Ok(())
}

#[test]
fn mail_test_says_whether_the_relay_takes_mail() -> TestResult {
    let Some(sink) = SmtpSink::start()? else { return Ok(()) };
    // No PBX is asked: `init` and `mail` only write the directory.
    let pbx = Asterisk {
        port: 5038,
        secret: "not-used-by-mail-test".to_owned(),
    };
    let home = pbx.init(15, 10)?;
    assert!(
        home.command(&["mail", "test", "--to", "anna@example.test"])
            .is_err_and(|e| e.to_string().contains("No SMTP relay"))
    );
    mail_to_sink(&home, sink.port)?;
    let said = home.command(&["mail", "test", "--to", "anna@example.test"])?;
    assert_eq!(
        said.trim_end(),
        format!(
            "The relay 127.0.0.1:{} took a test e-mail for anna@example.test.",
            sink.port
        )
    );
    let received = sink.wait_for(1, secs(5))?;
    let mail = parse(&received[0])?;
    assert_eq!(mail.recipients, ["anna@example.test"]);
    assert!(mail.subject.contains("test"), "{}", mail.subject);
    assert!(mail.text.contains("To jest próbna wiadomość"), "{}", mail.text);

    // A relay that is not there: one attempt, its failure said, the password nowhere.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let password = "Test-Relay-Pa55-91ab";
    let password_file = home.dir.join("relay-password");
    std::fs::write(&password_file, password)?;
    std::fs::set_permissions(&password_file, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    home.command(&[
        "mail",
        "set",
        "--host",
        "127.0.0.1",
        "--port",
        &dead.to_string(),
        "--security",
        "none",
        "--from",
        "pbx@example.test",
        "--username",
        "pbx",
        "--password-file",
        password_file.to_str().unwrap_or_default(),
    ])?;
    let error = home
        .command(&["mail", "test", "--to", "anna@example.test"])
        .err()
        .ok_or("a dead relay took mail")?
        .to_string();
    assert!(
        error.contains(&format!("The relay 127.0.0.1:{dead} did not take the e-mail")),
        "{error}"
    );
    assert!(!error.contains(password));
    let audit = home.audit()?;
    assert!(
        audit.contains("mail test: sent") && audit.contains("mail test: failed"),
        "{audit}"
    );
    assert!(!audit.contains(password));
    Ok(())
}

/// The language `users.json` keeps for `extension` (`None`: unknown).
fn language_in_users_file(home: &ServerHome, extension: &str) -> Res<Option<String>> {
    let users: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(home.dir.join("users.json"))?)?;
    Ok(users["users"][extension]["language"].as_str().map(str::to_owned))
}

/// Words of the Polish e-mail (none a name, number or date).
const POLISH_WORDS: [&str; 7] = [
    "Poczta",
    "wiadomość",
    "Od:",
    "Kiedy:",
    "Długość:",
    "Wiadomość:",
    "profilu",
];
/// Words of the English e-mail.
const ENGLISH_WORDS: [&str; 7] = [
    "Voicemail",
    "From:",
    "When:",
    "Length:",
    "Message:",
    "English",
    "profile",
];

/// Checks an e-mail written in one language alone: its `subject`, the body's `first_line`, the caller's
/// `from` line and the `attached` sentence, none of the other language's `foreign` words, and the WAV.
fn assert_written_alone_in(mail: &Mail, [subject, first_line, from, attached]: [&str; 4], foreign: &[&str]) {
    assert_eq!(mail.subject, subject);
    assert!(
        mail.text
            .lines()
            .next()
            .is_some_and(|line| line.trim_end() == first_line)
            && mail.text.contains(from)
            && mail.text.contains(attached),
        "{}",
        mail.text
    );
    for word in foreign {
        assert!(!mail.text.contains(word), "{word:?} in the e-mail: {}", mail.text);
    }
    assert!(mail.wav.is_some());
}

#[test]
fn the_users_language_set_by_their_token_writes_the_email_in_that_language_alone() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    let Some(sink) = SmtpSink::start()? else { return Ok(()) };
    let (extension, other) = ("383", "384");
    let mut admin = asterisk.admin()?;
    reset_extension(&mut admin, extension)?;
    let home = asterisk.init(15, 10)?;
    mail_to_sink(&home, sink.port)?;
    let code = {
        let out = home.command(&["user", "add", extension])?;
        out.lines().rev().nth(1).ok_or("no code")?.to_owned()
    };
    home.add_user(other)?;
    // The administrator's way, for a user whose desktop never said: shown by `user list`.
    assert!(home.command(&["user", "language", other, "de"]).is_err());
    home.command(&["user", "language", other, "en"])?;
    let list = home.command(&["user", "list"])?;
    assert!(
        list.contains(&format!("{other}: ")) && list.contains("language: en"),
        "{list}"
    );
    assert!(list.contains("language: unknown"), "{list}");
    let server = home.start()?;
    wait_checks(&home, extension, "new=0", 0, secs(20))?;
    set_notification(&mut admin, extension, true)?;

    let put_language = |token: Option<String>, body: Vec<u8>| {
        let client = server.client.clone();
        block_on(async move {
            let answer = client
                .request(Method::PUT, "/api/v1/users/me/language", token.as_deref(), body)
                .await?;
            Ok(answer.status)
        })
    };
    let token = block_on(server.enroll(extension, &code))?;
    let body = |language: &str| serde_json::to_vec(&json!({ "language": language }));

    // Refusals change nothing: no token, a language the server does not write, a body past 64 KiB.
    assert_eq!(put_language(None, body("pl")?)?, StatusCode::UNAUTHORIZED);
    assert_eq!(put_language(Some(token.clone()), body("de")?)?, StatusCode::BAD_REQUEST);
    // The server answers 413 from Content-Length and may close before the body is all sent, so the
    // request is written raw and only the answer's head is read.
    let huge = format!("{{\"language\":\"pl\",\"pad\":\"{}\"}}", "x".repeat(70 * 1024));
    let request = format!(
        "PUT /api/v1/users/me/language HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{huge}",
        huge.len()
    );
    let client = server.client.clone();
    let answer = block_on(async move { client.raw(request.as_bytes()).await })?;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert_eq!(language_in_users_file(&home, extension)?, None);

    // 1. Polish: subject and body in Polish alone.
    assert_eq!(put_language(Some(token.clone()), body("pl")?)?, StatusCode::NO_CONTENT);
    assert_eq!(language_in_users_file(&home, extension)?.as_deref(), Some("pl"));
    assert_eq!(
        language_in_users_file(&home, other)?.as_deref(),
        Some("en"),
        "the other user's"
    );
    leave_message(&asterisk, extension)?;
    let received = sink.wait_for(1, secs(60))?;
    let polish = parse(&received[0])?;
    assert_eq!(polish.recipients, ["vm383@example.test"]);
    assert_written_alone_in(
        &polish,
        [
            "Poczta głosowa: wiadomość od Anna Nowak (600100200)",
            "Nowa wiadomość w poczcie głosowej numeru 383.",
            "Od: Anna Nowak (600100200)",
            "Nagranie jest w załączniku (WAV).",
        ],
        &ENGLISH_WORDS,
    );

    // 2. English: subject and body in English alone.
    assert_eq!(put_language(Some(token.clone()), body("en")?)?, StatusCode::NO_CONTENT);
    assert_eq!(language_in_users_file(&home, extension)?.as_deref(), Some("en"));
    leave_message(&asterisk, extension)?;
    let received = sink.wait_for(2, secs(60))?;
    let english = parse(&received[1])?;
    assert_written_alone_in(
        &english,
        [
            "Voicemail from Anna Nowak (600100200)",
            "New voicemail for extension 383.",
            "From: Anna Nowak (600100200)",
            "The recording is attached (WAV).",
        ],
        &POLISH_WORDS,
    );
    assert!(english.text.is_ascii(), "{}", english.text);

    // The other user's language stayed; each change is audited, without the token.
    assert_eq!(language_in_users_file(&home, other)?.as_deref(), Some("en"));
    let audit = home.audit()?;
    assert!(
        audit.contains("set language pl done") && audit.contains("set language en done"),
        "{audit}"
    );
    assert!(!audit.contains(&token) && !home.logs()?.contains(&token));
    // `none`: unknown again (the e-mail in both languages).
    home.command(&["user", "language", extension, "none"])?;
    assert_eq!(language_in_users_file(&home, extension)?, None);
    Ok(())
}
