//! The e-mail of one new voicemail message: a subject naming the caller, a plain-text body in Polish
//! then English (the server knows no user's language), and the recording attached as WAV — or a
//! sentence saying why it is not.

use anyhow::{Context, Result};
use callprofiles_core::voicemail::VoicemailMessage;
use jiff::tz::TimeZone;
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};

/// Largest recording attached (a 120 s message in 16-bit 16 kHz WAV is under 4 MiB).
pub const MAX_ATTACHMENT_BYTES: usize = 16 * 1024 * 1024;

/// Why a message's recording is not attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AudioMissing {
    /// This server cannot read recordings from the PBX's spool.
    NotReadable,
    /// Reading it failed (missing file, unreadable, not a format the server converts).
    Failed,
    /// Bigger than [`MAX_ATTACHMENT_BYTES`] (or than the PBX's reader takes).
    TooLarge,
}

impl AudioMissing {
    /// The Polish sentence.
    fn polish(&self) -> String {
        match self {
            Self::NotReadable => "Nagrania nie dołączono: serwer nie ma dostępu do plików poczty głosowej.".to_owned(),
            Self::Failed => {
                "Nagrania nie dołączono: nie udało się go odczytać z centrali; odsłuchaj je w aplikacji lub na telefonie."
                    .to_owned()
            }
            Self::TooLarge => format!(
                "Nagrania nie dołączono: jest większe niż {} MiB; odsłuchaj je w aplikacji lub na telefonie.",
                MAX_ATTACHMENT_BYTES / (1024 * 1024)
            ),
        }
    }

    /// The English sentence.
    fn english(&self) -> String {
        match self {
            Self::NotReadable => "The recording is not attached: the server cannot reach the voicemail files.".to_owned(),
            Self::Failed => {
                "The recording is not attached: it could not be read from the PBX; listen to it in the app or on the phone."
                    .to_owned()
            }
            Self::TooLarge => format!(
                "The recording is not attached: it is larger than {} MiB; listen to it in the app or on the phone.",
                MAX_ATTACHMENT_BYTES / (1024 * 1024)
            ),
        }
    }
}

/// What one e-mail says.
pub struct Notice<'a> {
    /// The mailbox's extension.
    pub extension: &'a str,
    /// The message.
    pub message: &'a VoicemailMessage,
    /// Its recording as WAV, or why not.
    pub audio: Result<Vec<u8>, AudioMissing>,
    /// The zone times are shown in (the server's).
    pub zone: TimeZone,
}

/// The caller as a line: `Anna Nowak (+48221234567)`, the number alone, or `None` when unknown.
fn caller(message: &VoicemailMessage) -> Option<String> {
    let clean = |text: &str| -> String { text.chars().filter(|c| !c.is_control()).take(80).collect() };
    match (&message.caller_name, &message.caller_number) {
        (Some(name), Some(number)) => Some(format!("{} ({})", clean(name), clean(number))),
        (None, Some(number)) => Some(clean(number)),
        (Some(name), None) => Some(clean(name)),
        (None, None) => None,
    }
}

/// `m:ss`.
fn duration(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The subject: names the caller, Polish first.
pub fn subject(message: &VoicemailMessage) -> String {
    match caller(message) {
        Some(caller) => format!("Poczta głosowa: wiadomość od {caller} / Voicemail from {caller}"),
        None => "Poczta głosowa: wiadomość od nieznanego numeru / Voicemail from an unknown caller".to_owned(),
    }
}

/// The plain-text body.
pub fn body(notice: &Notice<'_>) -> String {
    let message = notice.message;
    let when = jiff::Timestamp::from_second(message.received)
        .map(|t| {
            t.to_zoned(notice.zone.clone())
                .strftime("%Y-%m-%d %H:%M:%S %Z")
                .to_string()
        })
        .unwrap_or_else(|_| message.received.to_string());
    let length = duration(message.duration_seconds);
    let (from_pl, from_en) = caller(message).map_or_else(
        || ("nieznany numer".to_owned(), "unknown caller".to_owned()),
        |caller| (caller.clone(), caller),
    );
    let (audio_pl, audio_en) = match &notice.audio {
        Ok(_) => (
            "Nagranie jest w załączniku (WAV).".to_owned(),
            "The recording is attached (WAV).".to_owned(),
        ),
        Err(missing) => (missing.polish(), missing.english()),
    };
    let extension = notice.extension;
    let id = message.id.as_str();
    format!(
        "Nowa wiadomość w poczcie głosowej numeru {extension}.\n\
         Od: {from_pl}\n\
         Kiedy: {when}\n\
         Długość: {length}\n\
         {audio_pl}\n\
         Wiadomość: {id}\n\
         Te e-maile wyłączysz w aktywnym profilu: „Powiadamianie o poczcie głosowej”.\n\
         \n\
         -- English --\n\
         New voicemail for extension {extension}.\n\
         From: {from_en}\n\
         When: {when}\n\
         Length: {length}\n\
         {audio_en}\n\
         Message: {id}\n\
         To stop these e-mails, turn \"Voicemail notification\" off in your active profile.\n"
    )
}

/// The whole e-mail from `from` to `to`.
pub fn compose(from: &Mailbox, to: &Mailbox, notice: &Notice<'_>) -> Result<Message> {
    let text = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(body(notice));
    let builder = Message::builder()
        .from(from.clone())
        .to(to.clone())
        .subject(subject(notice.message))
        .date(std::time::SystemTime::now());
    let email = match &notice.audio {
        Ok(wav) => {
            let wav_type = ContentType::parse("audio/wav").context("audio/wav")?;
            let attachment =
                Attachment::new(format!("voicemail-{}.wav", notice.message.id.as_str())).body(wav.clone(), wav_type);
            builder.multipart(MultiPart::mixed().singlepart(text).singlepart(attachment))
        }
        Err(_) => builder.singlepart(text),
    };
    email.context("Cannot build the voicemail e-mail")
}

/// The e-mail `mail test` sends, so an administrator sees the relay work before a voicemail does.
pub fn test_email(from: &Mailbox, to: &Mailbox) -> Result<Message> {
    Message::builder()
        .from(from.clone())
        .to(to.clone())
        .subject("callprofiles-server: test poczty głosowej / voicemail e-mail test")
        .date(std::time::SystemTime::now())
        .header(ContentType::TEXT_PLAIN)
        .body(
            "To jest próbna wiadomość callprofiles-server: e-maile o nowych wiadomościach głosowych dotrą tędy.\n\
             This is a test from callprofiles-server: new voicemail e-mails will come this way.\n"
                .to_owned(),
        )
        .context("Cannot build the test e-mail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use callprofiles_core::voicemail::{MessageId, MessageState};

    fn message() -> Result<VoicemailMessage> {
        Ok(VoicemailMessage {
            id: MessageId::parse("1764605000-00000001")?,
            state: MessageState::New,
            caller_number: Some("+48221234567".to_owned()),
            caller_name: Some("Anna Nowak".to_owned()),
            received: 1_764_605_000,
            duration_seconds: 67,
        })
    }

    #[test]
    fn the_subject_names_the_caller_and_the_body_says_when_and_how_long_in_both_languages() -> Result<()> {
        let message = message()?;
        assert_eq!(
            subject(&message),
            "Poczta głosowa: wiadomość od Anna Nowak (+48221234567) / Voicemail from Anna Nowak (+48221234567)"
        );
        let notice = Notice {
            extension: "201",
            message: &message,
            audio: Err(AudioMissing::Failed),
            zone: TimeZone::UTC,
        };
        let text = body(&notice);
        assert!(text.contains("Kiedy: 2025-12-01 16:03:20 UTC"), "{text}");
        assert!(
            text.contains("Długość: 1:07") && text.contains("Length: 1:07"),
            "{text}"
        );
        assert!(text.contains("Nagrania nie dołączono") && text.contains("The recording is not attached"));
        assert!(text.find("Od:") < text.find("From:"), "Polish first");
        Ok(())
    }

    #[test]
    fn an_unknown_caller_is_said_so_and_control_characters_are_dropped() -> Result<()> {
        let mut message = message()?;
        message.caller_name = None;
        message.caller_number = None;
        assert!(subject(&message).contains("unknown caller"));
        message.caller_name = Some("Evil\r\nBcc: x@example.com".to_owned());
        assert!(!subject(&message).contains('\n'));
        Ok(())
    }

    #[test]
    fn the_recording_is_attached_as_wav() -> Result<()> {
        let message = message()?;
        let notice = Notice {
            extension: "201",
            message: &message,
            audio: Ok(b"RIFF....WAVE".to_vec()),
            zone: TimeZone::UTC,
        };
        let email = compose(&"pbx@example.com".parse()?, &"anna@example.com".parse()?, &notice)?;
        let raw = String::from_utf8(email.formatted())?;
        assert!(raw.contains("Content-Type: audio/wav"), "{raw}");
        assert!(raw.contains("voicemail-1764605000-00000001.wav\""), "{raw}");
        Ok(())
    }
}
