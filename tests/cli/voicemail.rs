//! `callprofiles voicemail …` on the built-in demo: its sample mailbox is listed newest first, heard and
//! delete change it, playing on a phone is refused plainly; both languages.

use crate::cli_support::{Home, TestResult};

#[test]
fn the_demo_mailbox_lists_new_and_heard_messages_newest_first() -> TestResult {
    let home = Home::new()?;
    let text = home.ok(&["--lang", "en", "voicemail", "list"])?;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first().copied(), Some("Voicemail: 2 new, 1 heard."), "{text}");
    assert!(
        lines
            .get(1)
            .is_some_and(|l| l.starts_with("demo-1  new  ") && l.ends_with("3 s  Anna Nowak <+48221234567>")),
        "{text}"
    );
    assert!(lines.get(3).is_some_and(|l| l.starts_with("demo-3  heard  ")), "{text}");
    let json = home.json(&["voicemail", "list", "--json"])?;
    let messages = json["messages"].as_array().ok_or("no messages array")?;
    let received: Vec<i64> = messages.iter().filter_map(|m| m["received"].as_i64()).collect();
    assert_eq!(received.len(), 3);
    assert!(received.windows(2).all(|w| w[0] >= w[1]), "{json}");
    assert_eq!(messages[0]["state"], "new");
    assert_eq!(messages[0]["caller_name"], "Anna Nowak");
    assert_eq!(messages[1]["caller_number"], "0600111222");
    assert!(messages[1].get("caller_name").is_none(), "{json}");
    // The audio is real: a PCM WAV of the message's duration, written locally.
    let wav = std::fs::read(home.file("demo-voicemail/demo-1.wav"))?;
    assert_eq!(&wav[..4], b"RIFF");
    assert_eq!(wav.len(), 44 + 3 * 8000 * 2);
    let polish = home.ok(&["--lang", "pl", "voicemail", "list"])?;
    assert!(
        polish.starts_with("Poczta głosowa: nowe 2, odsłuchane 1.\n"),
        "{polish}"
    );
    assert!(polish.contains("demo-1  nowa  "), "{polish}");
    Ok(())
}

#[test]
fn heard_and_delete_change_the_mailbox_and_bad_ids_change_nothing() -> TestResult {
    let home = Home::new()?;
    home.ok(&["voicemail", "list"])?;
    assert_eq!(
        home.ok(&["--lang", "en", "voicemail", "heard", "demo-2"])?.trim_end(),
        "Message demo-2 is marked heard."
    );
    let json = home.json(&["voicemail", "list", "--json"])?;
    assert_eq!(json["messages"][1]["id"], "demo-2");
    assert_eq!(json["messages"][1]["state"], "old");
    assert_eq!(
        home.ok(&["--lang", "pl", "voicemail", "delete", "demo-1"])?.trim_end(),
        "Wiadomość demo-1 została usunięta."
    );
    assert!(!home.file("demo-voicemail/demo-1.wav").exists());
    let json = home.json(&["voicemail", "list", "--json"])?;
    assert_eq!(json["messages"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        home.fail(&["--lang", "en", "voicemail", "delete", "demo-1"])?,
        "There is no voicemail message demo-1 in the mailbox: list the messages again."
    );
    assert_eq!(
        home.fail(&["--lang", "pl", "voicemail", "heard", "demo-1"])?,
        "W skrzynce nie ma wiadomości głosowej demo-1: wyświetl listę wiadomości ponownie."
    );
    let injected = home.fail(&["--lang", "en", "voicemail", "heard", "1\r\nAction: Command"])?;
    assert!(injected.contains("is not a voicemail message id"), "{injected}");
    Ok(())
}

#[test]
fn the_demo_cannot_ring_a_phone_to_play_a_message() -> TestResult {
    let home = Home::new()?;
    home.ok(&["voicemail", "list"])?;
    let english = home.fail(&["--lang", "en", "voicemail", "play", "demo-1"])?;
    assert!(
        english.starts_with("The built-in demo phone system cannot ring a phone"),
        "{english}"
    );
    let polish = home.fail(&["--lang", "pl", "voicemail", "play", "demo-1"])?;
    assert!(
        polish.starts_with("Demonstracyjny system telefoniczny nie może zadzwonić"),
        "{polish}"
    );
    Ok(())
}

#[test]
fn the_demo_says_which_greetings_are_recorded_and_show_flags_an_unrecorded_choice() -> TestResult {
    let home = Home::new()?;
    assert_eq!(
        home.ok(&["--lang", "en", "voicemail", "greetings"])?.trim_end(),
        "Recorded greetings: 1. Callers hear the system greeting when a profile chooses another one."
    );
    assert_eq!(
        home.json(&["voicemail", "greetings", "--json"])?["recorded"],
        serde_json::json!([1])
    );
    home.ok(&["set", "office", "voicemail.greeting=4"])?;
    let shown = home.ok(&["--lang", "en", "show", "office"])?;
    assert!(
        shown.contains("Warning: greeting 4 is not recorded, so callers would hear the system greeting."),
        "{shown}"
    );
    let polish = home.ok(&["--lang", "pl", "show", "office"])?;
    assert!(polish.contains("Uwaga: powitanie 4 nie jest nagrane"), "{polish}");
    let activated = home.ok(&["--lang", "en", "activate", "office"])?;
    assert!(activated.contains("Warning: greeting 4 is not recorded"), "{activated}");
    home.ok(&["set", "office", "voicemail.greeting=1"])?;
    assert!(!home.ok(&["--lang", "en", "show", "office"])?.contains("not recorded"));
    assert!(
        !home
            .ok(&["--lang", "en", "activate", "office"])?
            .contains("not recorded")
    );
    Ok(())
}

#[test]
fn the_demo_cannot_record_a_greeting_by_phone_and_slots_are_checked() -> TestResult {
    let home = Home::new()?;
    let english = home.fail(&["--lang", "en", "voicemail", "record-greeting", "3"])?;
    assert!(
        english.starts_with("The built-in demo phone system cannot ring a phone to record a greeting"),
        "{english}"
    );
    let polish = home.fail(&["--lang", "pl", "voicemail", "record-greeting", "3"])?;
    assert!(
        polish.contains("nie może zadzwonić na telefon, by nagrać powitanie"),
        "{polish}"
    );
    for bad in ["0", "10", "default", "x"] {
        let line = home.fail(&["--lang", "en", "voicemail", "record-greeting", bad])?;
        assert!(line.contains("is not a voicemail greeting"), "{bad}: {line}");
    }
    Ok(())
}

/// The samples of a WAV file.
fn samples(path: &std::path::Path) -> Result<(hound::WavSpec, Vec<i16>), Box<dyn std::error::Error>> {
    let reader = hound::WavReader::open(path)?;
    let spec = reader.spec();
    Ok((spec, reader.into_samples::<i16>().collect::<Result<_, _>>()?))
}

#[test]
fn save_writes_the_messages_wav_and_refuses_special_and_own_files() -> TestResult {
    let home = Home::new()?;
    home.ok(&["voicemail", "list"])?;
    let out = tempfile::tempdir()?;
    let file = out.path().join("demo-2.wav");
    let file_arg = file.to_str().ok_or("path")?;
    let said = home.ok(&["--lang", "en", "voicemail", "save", "demo-2", file_arg])?;
    assert_eq!(said.trim_end(), format!("Message demo-2 is saved as {file_arg}."));
    let (spec, saved) = samples(&file)?;
    assert_eq!((spec.sample_rate, spec.channels, spec.bits_per_sample), (8000, 1, 16));
    let (_, kept) = samples(&home.file("demo-voicemail/demo-2.wav"))?;
    assert_eq!(saved, kept, "the saved samples are the message's");
    assert_eq!(saved.len(), 2 * 8000);
    // Saving again replaces the file; in Polish too.
    let said = home.ok(&["--lang", "pl", "voicemail", "save", "demo-2", file_arg])?;
    assert!(said.starts_with("Wiadomość demo-2 została zapisana jako "), "{said}");

    let before = home.snapshot()?;
    let fifo = out.path().join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status()?.success());
    let refusals = [
        ("/dev/null".to_owned(), "not a regular file"),
        (fifo.to_str().ok_or("path")?.to_owned(), "not a regular file"),
        (out.path().to_str().ok_or("path")?.to_owned(), "not a regular file"),
        (
            home.file("profiles.json").to_str().ok_or("path")?.to_owned(),
            "callprofiles' own files",
        ),
    ];
    for (target, reason) in refusals {
        let error = home.fail(&["--lang", "en", "voicemail", "save", "demo-1", &target])?;
        assert!(error.contains(reason), "{target}: {error}");
    }
    let error = home.fail(&["--lang", "en", "voicemail", "save", "demo-9", file_arg])?;
    assert_eq!(
        error,
        "There is no voicemail message demo-9 in the mailbox: list the messages again."
    );
    assert_eq!(home.snapshot()?, before, "refusals change nothing in the home");
    Ok(())
}

#[test]
fn upload_greeting_converts_a_wav_and_refuses_what_is_not_one() -> TestResult {
    let home = Home::new()?;
    let out = tempfile::tempdir()?;
    let upload = out.path().join("hello.wav");
    let spec = hound::WavSpec {
        channels: 2,
        sample_rate: 16000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(&upload, spec)?;
    for n in 0..16000 {
        let sample = ((f64::from(n) * 0.2).sin() * 6000.0) as i16;
        writer.write_sample(sample)?;
        writer.write_sample(sample)?;
    }
    writer.finalize()?;
    let upload_arg = upload.to_str().ok_or("path")?;
    assert_eq!(
        home.ok(&["--lang", "en", "voicemail", "upload-greeting", "3", upload_arg])?
            .trim_end(),
        "Greeting 3 is now the uploaded recording."
    );
    assert_eq!(
        home.json(&["voicemail", "greetings", "--json"])?["recorded"],
        serde_json::json!([1, 3])
    );
    let (spec, stored) = samples(&home.file("demo-voicemail/greeting-3.wav"))?;
    assert_eq!((spec.sample_rate, spec.channels), (8000, 1));
    assert!(
        (7900..=8100).contains(&stored.len()),
        "{} samples for 1 s",
        stored.len()
    );

    let not_wav = out.path().join("notes.txt");
    std::fs::write(&not_wav, "hello")?;
    let not_wav = not_wav.to_str().ok_or("path")?;
    let english = home.fail(&["--lang", "en", "voicemail", "upload-greeting", "4", not_wav])?;
    assert!(english.starts_with("The audio is not a readable WAV file"), "{english}");
    let polish = home.fail(&["--lang", "pl", "voicemail", "upload-greeting", "4", not_wav])?;
    assert!(polish.starts_with("Dźwięk nie jest czytelnym plikiem WAV"), "{polish}");
    let fifo = out.path().join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status()?.success());
    let error = home.fail(&[
        "--lang",
        "en",
        "voicemail",
        "upload-greeting",
        "4",
        fifo.to_str().ok_or("path")?,
    ])?;
    assert!(error.contains("not a regular file"), "{error}");
    let error = home.fail(&["--lang", "en", "voicemail", "upload-greeting", "0", upload_arg])?;
    assert!(error.contains("is not a voicemail greeting"), "{error}");
    assert_eq!(
        home.json(&["voicemail", "greetings", "--json"])?["recorded"],
        serde_json::json!([1, 3])
    );
    Ok(())
}
