//! Voicemail through the server against the real Asterisk: a real call leaves a message, the caller
//! lists it, fetches its audio (the samples of the file in the spool, decoded by hound on both sides),
//! marks it heard and deletes it; another user's token and no token are refused; a greeting is
//! uploaded (413 past its own 8 MiB limit), reported recorded and read back; a new message is pushed.

use std::time::Duration;

use callprofiles_core::phone_system::asterisk::Originate;
use hyper::{Method, StatusCode};
use serde_json::json;

use crate::support::{Asterisk, Res, TestResult, asterisk, block_on, reset_extension, value};

/// Leaves one message in `extension`'s mailbox: a call nobody answers, whose caller talks 8 s after
/// the beep; returns once the dialplan said the message is stored.
fn leave_message(asterisk: &Asterisk, extension: &str) -> TestResult {
    let mut events = asterisk.events()?;
    let mut caller = asterisk.admin()?;
    caller.originate(&Originate {
        channel: value(format!("Local/{extension}@callprofiles-in"))?,
        context: value("callprofiles-test-caller")?,
        exten: value("s")?,
        timeout: Duration::from_secs(6),
        channel_id: None,
        other_channel_id: None,
        variables: vec![value("CPTEST_SECONDS=14")?],
    })?;
    let deadline = std::time::Instant::now() + Duration::from_secs(40);
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        let Some(event) = events.next_event(left)? else { break };
        if event.get("UserEvent") == Some("CallprofilesNewMessage") && event.get("Extension") == Some(extension) {
            return Ok(());
        }
    }
    Err(format!("no message was left for {extension}").into())
}

/// The samples of a WAV file.
fn samples(wav: &[u8]) -> Res<(hound::WavSpec, Vec<i16>)> {
    let reader = hound::WavReader::new(std::io::Cursor::new(wav))?;
    let spec = reader.spec();
    let samples = reader.into_samples::<i16>().collect::<Result<Vec<_>, _>>()?;
    Ok((spec, samples))
}

/// A PCM WAV file of `seconds` of a 440 Hz tone at `rate` Hz on `channels` channels.
fn tone(rate: u32, channels: u16, seconds: u32) -> Res<Vec<u8>> {
    let spec = hound::WavSpec {
        channels,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut writer = hound::WavWriter::new(&mut bytes, spec)?;
    for n in 0..rate * seconds {
        let t = f64::from(n) / f64::from(rate);
        let sample = ((2.0 * std::f64::consts::PI * 440.0 * t).sin() * 8000.0) as i16;
        for _ in 0..channels {
            writer.write_sample(sample)?;
        }
    }
    writer.finalize()?;
    Ok(bytes.into_inner())
}

/// The one message file (`msgNNNN.<ext>`) in `folder`.
fn spool_file(folder: &std::path::Path, extension: &str) -> Res<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
        .pop()
        .ok_or_else(|| format!("no .{extension} in {}", folder.display()).into())
}

#[test]
fn voicemail_through_the_server_is_the_callers_own_and_its_audio_is_the_recording() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let (owner, other) = ("261", "262");
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, owner)?;
        reset_extension(&mut admin, other)?;
        let mailbox = asterisk.spool_dir().join("default").join(owner);
        std::fs::remove_dir_all(&mailbox).ok();
        let home = asterisk.init(15, 10)?;
        let (owner_code, other_code) = (home.add_user(owner)?, home.add_user(other)?);
        let server = home.start()?;
        let client = &server.client;
        let token = server.enroll(owner, &owner_code).await?;
        let other_token = server.enroll(other, &other_code).await?;
        let activate = json!({"profile": "office"});
        let (status, _) = client
            .json(Method::POST, "/api/v1/users/me/activate", Some(&token), Some(&activate))
            .await?;
        assert_eq!(status, StatusCode::OK);
        let (status, list) = client
            .json(Method::GET, "/api/v1/users/me/voicemail", Some(&token), None)
            .await?;
        assert_eq!((status, list), (StatusCode::OK, json!({"messages": []})));

        // A real call leaves a message; the desktop's event stream is told.
        let mut events = client.events(&token).await?;
        let first = events.next_state(Duration::from_secs(5)).await?.ok_or("no state")?;
        let before = first["mailbox_revision"].as_u64().ok_or("no mailbox_revision")?;
        let caller = asterisk.clone();
        tokio::task::spawn_blocking(move || leave_message(&caller, owner).map_err(|e| e.to_string())).await??;
        let pushed = loop {
            let state = events
                .next_state(Duration::from_secs(10))
                .await?
                .ok_or("stream ended")?;
            if state["mailbox_revision"].as_u64() > Some(before) && state["new_messages"] == 1 {
                break state;
            }
        };
        eprintln!("pushed: mailbox_revision {} → {}", before, pushed["mailbox_revision"]);

        let (status, list) = client
            .json(Method::GET, "/api/v1/users/me/voicemail", Some(&token), None)
            .await?;
        assert_eq!(status, StatusCode::OK, "{list}");
        let messages = list["messages"].as_array().ok_or("no messages")?;
        assert_eq!(messages.len(), 1, "{list}");
        assert_eq!(messages[0]["state"], "new");
        let id = messages[0]["id"].as_str().ok_or("no id")?.to_owned();

        // Its audio: a PCM WAV whose samples are the recording's in the spool.
        let audio_path = format!("/api/v1/users/me/voicemail/messages/{id}/audio");
        let audio = client
            .request(Method::GET, &audio_path, Some(&token), Vec::new())
            .await?;
        assert_eq!(audio.status, StatusCode::OK);
        assert_eq!(
            audio.headers.get("content-type").map(|v| v.as_bytes()),
            Some(&b"audio/wav"[..])
        );
        let (spec, served) = samples(&audio.body)?;
        let recording = std::fs::read(spool_file(&mailbox.join("INBOX"), "wav")?)?;
        let (stored_spec, stored) = samples(&recording)?;
        assert_eq!((spec.sample_rate, spec.channels, spec.bits_per_sample), (8000, 1, 16));
        assert_eq!(stored_spec.sample_rate, spec.sample_rate);
        assert!(served.len() >= 8000, "{} samples: under a second", served.len());
        assert!(served.iter().any(|s| *s != 0), "silence");
        assert_eq!(served, stored, "the served samples are the recording's");
        eprintln!(
            "served {} samples ({:.1} s) equal to the spool's",
            served.len(),
            served.len() as f64 / 8000.0
        );

        // Another user's token: not in their mailbox (404), nothing changes; no token: 401.
        for (method, path) in [
            (Method::GET, audio_path.clone()),
            (Method::POST, format!("/api/v1/users/me/voicemail/messages/{id}/heard")),
            (Method::DELETE, format!("/api/v1/users/me/voicemail/messages/{id}")),
            (Method::POST, format!("/api/v1/users/me/voicemail/messages/{id}/play")),
        ] {
            let answer = client
                .request(method.clone(), &path, Some(&other_token), Vec::new())
                .await?;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "{method} {path} by {other}");
            let answer = client.request(method.clone(), &path, None, Vec::new()).await?;
            assert_eq!(
                answer.status,
                StatusCode::UNAUTHORIZED,
                "{method} {path} without a token"
            );
        }
        let answer = client
            .request(Method::GET, "/api/v1/users/me/voicemail", None, Vec::new())
            .await?;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        let (_, list) = client
            .json(Method::GET, "/api/v1/users/me/voicemail", Some(&other_token), None)
            .await?;
        assert_eq!(list, json!({"messages": []}));
        let (_, list) = client
            .json(Method::GET, "/api/v1/users/me/voicemail", Some(&token), None)
            .await?;
        assert_eq!(list["messages"][0]["state"], "new", "{list}");

        // Heard: INBOX → Old (the file moves); the count follows.
        let (status, state) = client
            .json(
                Method::POST,
                &format!("/api/v1/users/me/voicemail/messages/{id}/heard"),
                Some(&token),
                None,
            )
            .await?;
        assert_eq!(status, StatusCode::OK, "{state}");
        assert_eq!(state["new_messages"], 0);
        assert!(state["mailbox_revision"].as_u64() > pushed["mailbox_revision"].as_u64());
        let (_, list) = client
            .json(Method::GET, "/api/v1/users/me/voicemail", Some(&token), None)
            .await?;
        assert_eq!(list["messages"][0]["state"], "old", "{list}");
        spool_file(&mailbox.join("Old"), "wav")?;
        let audio = client
            .request(Method::GET, &audio_path, Some(&token), Vec::new())
            .await?;
        assert_eq!(
            (audio.status, samples(&audio.body)?.1 == stored),
            (StatusCode::OK, true)
        );

        // Delete: gone, and so is its audio.
        let (status, _) = client
            .json(
                Method::DELETE,
                &format!("/api/v1/users/me/voicemail/messages/{id}"),
                Some(&token),
                None,
            )
            .await?;
        assert_eq!(status, StatusCode::OK);
        let (_, list) = client
            .json(Method::GET, "/api/v1/users/me/voicemail", Some(&token), None)
            .await?;
        assert_eq!(list, json!({"messages": []}));
        let (status, error) = client.json(Method::GET, &audio_path, Some(&token), None).await?;
        assert_eq!(status, StatusCode::NOT_FOUND, "{error}");
        assert!(error["detail"]["phone"]["MessageNotFound"].is_object(), "{error}");
        Ok(())
    })
}

#[test]
fn greetings_are_uploaded_within_their_own_limit_reported_and_read_back() -> TestResult {
    let Some(asterisk) = asterisk()? else { return Ok(()) };
    block_on(async move {
        let owner = "263";
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, owner)?;
        let mailbox = asterisk.spool_dir().join("default").join(owner);
        std::fs::remove_dir_all(&mailbox).ok();
        let home = asterisk.init(15, 10)?;
        let code = home.add_user(owner)?;
        let server = home.start()?;
        let client = &server.client;
        let token = server.enroll(owner, &code).await?;
        let greetings = "/api/v1/users/me/voicemail/greetings";
        let (status, list) = client.json(Method::GET, greetings, Some(&token), None).await?;
        assert_eq!((status, list), (StatusCode::OK, json!({"recorded": []})));
        let path = format!("{greetings}/4/audio");
        let (status, error) = client.json(Method::GET, &path, Some(&token), None).await?;
        assert_eq!(status, StatusCode::NOT_FOUND, "{error}");

        // Past 8 MiB: 413 (the JSON routes' 64 KiB limit does not apply here, and neither does more). The
        // server answers from Content-Length and may close before the body is all sent.
        let huge = " ".repeat(8 * 1024 * 1024 + 1);
        let request = format!(
            "PUT {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: audio/wav\r\nContent-Length: {}\r\n\r\n{huge}",
            huge.len()
        );
        let answer = client.raw(request.as_bytes()).await?;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        // A body that does not say its length (chunked) is cut at the limit too.
        let chunked = format!(
            "PUT {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
             Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{huge}\r\n0\r\n\r\n",
            huge.len()
        );
        let answer = client.raw(chunked.as_bytes()).await?;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        // A file that is not a WAV: 400 with the reason; greeting 0 or 10: 404.
        let answer = client
            .request(Method::PUT, &path, Some(&token), b"RIFF nonsense".to_vec())
            .await?;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        let body: serde_json::Value = serde_json::from_slice(&answer.body)?;
        assert!(body["detail"]["phone"]["Audio"]["InvalidWav"].is_object(), "{body}");
        for slot in ["0", "10", "x"] {
            let answer = client
                .request(
                    Method::PUT,
                    &format!("{greetings}/{slot}/audio"),
                    Some(&token),
                    tone(8000, 1, 1)?,
                )
                .await?;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "greeting {slot}");
        }

        // 2 s of CD-quality stereo (345 KiB, over the JSON limit): stored as 8 kHz mono 16-bit PCM.
        let upload = tone(44100, 2, 2)?;
        assert!(upload.len() > 64 * 1024);
        let answer = client.request(Method::PUT, &path, Some(&token), upload).await?;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&answer.body)
        );
        let (_, list) = client.json(Method::GET, greetings, Some(&token), None).await?;
        assert_eq!(list, json!({"recorded": [4]}));
        let file = std::fs::read(mailbox.join("callprofiles-greeting-4.wav"))?;
        let (spec, stored) = samples(&file)?;
        assert_eq!((spec.sample_rate, spec.channels, spec.bits_per_sample), (8000, 1, 16));
        assert!((15_900..=16_100).contains(&stored.len()), "{} samples", stored.len());
        let answer = client.request(Method::GET, &path, Some(&token), Vec::new()).await?;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(samples(&answer.body)?.1, stored, "the greeting reads back as stored");
        let audit = home.audit()?;
        assert!(audit.contains("voicemail upload greeting 4"), "{audit}");
        Ok(())
    })
}
