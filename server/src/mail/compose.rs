//! The e-mail of one new voicemail message: a subject naming the caller, a plain-text body in the
//! user's language (the one their desktop last told the server; Polish then English while it is
//! unknown), and the recording attached as WAV — or a sentence saying why it is not.

use anyhow::{Context, Result};
use callprofiles_core::voicemail::VoicemailMessage;
use callprofiles_core::wire::UserLanguage;
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
    /// The user's language; `None` (unknown): Polish, then English.
    pub language: Option<UserLanguage>,
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

/// The subject in `language` (both, Polish first, when unknown): names the caller.
pub fn subject(message: &VoicemailMessage, language: Option<UserLanguage>) -> String {
    let caller = caller(message);
    let polish = || match &caller {
        Some(caller) => format!("Poczta głosowa: wiadomość od {caller}"),
        None => "Poczta głosowa: wiadomość od nieznanego numeru".to_owned(),
    };
    let english = || match &caller {
        Some(caller) => format!("Voicemail from {caller}"),
        None => "Voicemail from an unknown caller".to_owned(),
    };
    match language {
        Some(UserLanguage::Polish) => polish(),
        Some(UserLanguage::English) => english(),
        None => format!("{} / {}", polish(), english()),
    }
}

/// What a body says, worked out once for both languages.
struct Facts<'a> {
    extension: &'a str,
    id: &'a str,
    when: String,
    length: String,
    caller: Option<String>,
    audio: Result<(), &'a AudioMissing>,
}

impl Facts<'_> {
    /// The Polish text.
    fn polish(&self) -> String {
        let Self {
            extension,
            id,
            when,
            length,
            ..
        } = self;
        let from = self.caller.as_deref().unwrap_or("nieznany numer");
        let audio = match self.audio {
            Ok(()) => "Nagranie jest w załączniku (WAV).".to_owned(),
            Err(missing) => missing.polish(),
        };
        format!(
            "Nowa wiadomość w poczcie głosowej numeru {extension}.\n\
             Od: {from}\n\
             Kiedy: {when}\n\
             Długość: {length}\n\
             {audio}\n\
             Wiadomość: {id}\n\
             Te e-maile wyłączysz w aktywnym profilu: „Powiadamianie o poczcie głosowej”.\n"
        )
    }

    /// The English text.
    fn english(&self) -> String {
        let Self {
            extension,
            id,
            when,
            length,
            ..
        } = self;
        let from = self.caller.as_deref().unwrap_or("unknown caller");
        let audio = match self.audio {
            Ok(()) => "The recording is attached (WAV).".to_owned(),
            Err(missing) => missing.english(),
        };
        format!(
            "New voicemail for extension {extension}.\n\
             From: {from}\n\
             When: {when}\n\
             Length: {length}\n\
             {audio}\n\
             Message: {id}\n\
             To stop these e-mails, turn \"Voicemail notification\" off in your active profile.\n"
        )
    }
}

/// The plain-text body in the notice's language (Polish, then English under "-- English --", when
/// unknown).
pub fn body(notice: &Notice<'_>) -> String {
    let message = notice.message;
    let facts = Facts {
        extension: notice.extension,
        id: message.id.as_str(),
        when: jiff::Timestamp::from_second(message.received)
            .map(|t| {
                t.to_zoned(notice.zone.clone())
                    .strftime("%Y-%m-%d %H:%M:%S %Z")
                    .to_string()
            })
            .unwrap_or_else(|_| message.received.to_string()),
        length: duration(message.duration_seconds),
        caller: caller(message),
        audio: notice.audio.as_ref().map(|_| ()),
    };
    match notice.language {
        Some(UserLanguage::Polish) => facts.polish(),
        Some(UserLanguage::English) => facts.english(),
        None => format!("{}\n-- English --\n{}", facts.polish(), facts.english()),
    }
}

/// The whole e-mail from `from` to `to`.
pub fn compose(from: &Mailbox, to: &Mailbox, notice: &Notice<'_>) -> Result<Message> {
    let text = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(body(notice));
    let builder = Message::builder()
        .from(from.clone())
        .to(to.clone())
        .subject(subject(notice.message, notice.language))
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

    fn notice(message: &VoicemailMessage, language: Option<UserLanguage>) -> Notice<'_> {
        Notice {
            extension: "201",
            message,
            audio: Err(AudioMissing::Failed),
            zone: TimeZone::UTC,
            language,
        }
    }

    /// Words only the Polish text has (none of them is a name, a number or a date).
    const POLISH_WORDS: [&str; 8] = [
        "Poczta",
        "wiadomość",
        "Od:",
        "Kiedy:",
        "Długość:",
        "Nagrania",
        "Wiadomość:",
        "Powiadamianie",
    ];
    /// Words only the English text has.
    const ENGLISH_WORDS: [&str; 7] = [
        "Voicemail",
        "From:",
        "When:",
        "Length:",
        "recording",
        "Message:",
        "English",
    ];

    #[test]
    fn unknown_language_the_subject_names_the_caller_and_the_body_says_when_and_how_long_in_both() -> Result<()> {
        let message = message()?;
        assert_eq!(
            subject(&message, None),
            "Poczta głosowa: wiadomość od Anna Nowak (+48221234567) / Voicemail from Anna Nowak (+48221234567)"
        );
        let text = body(&notice(&message, None));
        assert!(text.contains("Kiedy: 2025-12-01 16:03:20 UTC"), "{text}");
        assert!(
            text.contains("Długość: 1:07") && text.contains("Length: 1:07"),
            "{text}"
        );
        assert!(text.contains("Nagrania nie dołączono") && text.contains("The recording is not attached"));
        assert!(text.find("Od:") < text.find("-- English --"), "Polish first");
        assert!(text.find("-- English --") < text.find("From:"), "{text}");
        Ok(())
    }

    #[test]
    fn in_polish_the_subject_and_body_are_polish_alone() -> Result<()> {
        let message = message()?;
        let subject = subject(&message, Some(UserLanguage::Polish));
        assert_eq!(subject, "Poczta głosowa: wiadomość od Anna Nowak (+48221234567)");
        let text = body(&notice(&message, Some(UserLanguage::Polish)));
        assert!(
            text.starts_with("Nowa wiadomość w poczcie głosowej numeru 201.\n"),
            "{text}"
        );
        assert!(text.contains("Od: Anna Nowak (+48221234567)\n"), "{text}");
        assert!(
            text.contains("Kiedy: 2025-12-01 16:03:20 UTC\nDługość: 1:07\n"),
            "{text}"
        );
        assert!(
            text.contains("Nagrania nie dołączono: nie udało się go odczytać z centrali"),
            "{text}"
        );
        assert!(text.contains("Wiadomość: 1764605000-00000001\n"), "{text}");
        for word in ENGLISH_WORDS {
            assert!(
                !text.contains(word) && !subject.contains(word),
                "{word:?} in {subject}\n{text}"
            );
        }
        Ok(())
    }

    #[test]
    fn in_english_the_subject_and_body_are_english_alone() -> Result<()> {
        let message = message()?;
        let subject = subject(&message, Some(UserLanguage::English));
        assert_eq!(subject, "Voicemail from Anna Nowak (+48221234567)");
        let mut too_large = notice(&message, Some(UserLanguage::English));
        too_large.audio = Err(AudioMissing::TooLarge);
        let text = body(&too_large);
        assert!(text.starts_with("New voicemail for extension 201.\n"), "{text}");
        assert!(text.contains("From: Anna Nowak (+48221234567)\n"), "{text}");
        assert!(text.contains("When: 2025-12-01 16:03:20 UTC\nLength: 1:07\n"), "{text}");
        assert!(
            text.contains("The recording is not attached: it is larger than 16 MiB"),
            "{text}"
        );
        assert!(text.contains("Message: 1764605000-00000001\n"), "{text}");
        for word in POLISH_WORDS {
            assert!(
                !text.contains(word) && !subject.contains(word),
                "{word:?} in {subject}\n{text}"
            );
        }
        assert!(text.is_ascii() && subject.is_ascii(), "no Polish letters: {text}");
        Ok(())
    }

    #[test]
    fn an_unknown_caller_is_said_so_in_each_language_and_control_characters_are_dropped() -> Result<()> {
        let mut message = message()?;
        message.caller_name = None;
        message.caller_number = None;
        assert!(subject(&message, None).contains("unknown caller"));
        assert_eq!(
            subject(&message, Some(UserLanguage::Polish)),
            "Poczta głosowa: wiadomość od nieznanego numeru"
        );
        assert_eq!(
            subject(&message, Some(UserLanguage::English)),
            "Voicemail from an unknown caller"
        );
        assert!(body(&notice(&message, Some(UserLanguage::Polish))).contains("Od: nieznany numer\n"));
        assert!(body(&notice(&message, Some(UserLanguage::English))).contains("From: unknown caller\n"));
        message.caller_name = Some("Evil\r\nBcc: x@example.com".to_owned());
        for language in [None, Some(UserLanguage::Polish), Some(UserLanguage::English)] {
            assert!(!subject(&message, language).contains('\n'));
        }
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
            language: Some(UserLanguage::English),
        };
        let email = compose(&"pbx@example.com".parse()?, &"anna@example.com".parse()?, &notice)?;
        let raw = String::from_utf8(email.formatted())?;
        assert!(raw.contains("Content-Type: audio/wav"), "{raw}");
        assert!(raw.contains("voicemail-1764605000-00000001.wav\""), "{raw}");
        Ok(())
    }
}
