//! The user's mailbox over AMI (app_voicemail of Asterisk 22): `VoicemailBoxSummary` lists it,
//! `VoicemailMove` (INBOX → Old) marks a message heard, `VoicemailRemove` deletes it; an `Originate` into
//! the shipped dialplan's `callprofiles-vm-play-ring` rings the phone where calls now go and plays the
//! message with `VoiceMailPlayMsg`. Recorded greetings are learnt with `STAT(e,…)` on their files.

use std::time::Duration;

use super::action::{Action, Originate};
use super::client::AmiClient;
use super::message::Message;
use super::target::AmiTarget;
use super::value::AmiValue;
use crate::error::{ConfigProblem, PhoneError};
use crate::settings::GreetingSlot;
use crate::voicemail::{MessageId, MessageState, RecordedGreetings, VoicemailMessage, newest_first, split_caller_id};

/// The shipped dialplan's context that rings the phone where calls now go (desk or telecommuter).
pub const PLAY_RING: &str = "callprofiles-vm-play-ring";
/// The shipped dialplan's context that plays `CP_VM_MSG` once that phone answered.
pub const PLAY_MESSAGE: &str = "callprofiles-vm-play";
/// The shipped dialplan's context that says which greetings are recorded.
pub const GREETINGS_CHECK: &str = "callprofiles-greetings-check";
/// How long to wait for its answer.
const GREETINGS_CHECK_TIMEOUT: Duration = Duration::from_secs(5);
/// The shipped dialplan's context that records greeting N of extension E from exten `E*N`.
pub const RECORD_GREETING: &str = "callprofiles-record-greeting";
/// How long the phone rings to play a message.
pub const PLAY_RING_TIMEOUT: Duration = Duration::from_secs(30);

/// The user's mailbox: `<extension>@<context>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mailbox {
    /// The extension (the mailbox number).
    pub extension: AmiValue,
    /// The voicemail context.
    pub context: AmiValue,
}

impl Mailbox {
    /// The mailbox of `extension` in `context`; the context must be a plain name (it becomes part of
    /// a file path and a dialplan argument).
    pub fn new(extension: &str, context: &str) -> Result<Self, PhoneError> {
        let plain = !context.is_empty()
            && context
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !plain {
            return Err(PhoneError::BadState {
                reason: format!("the voicemail context \"{context}\" is not a plain name"),
            });
        }
        Ok(Self {
            extension: AmiValue::new("extension", extension)?,
            context: AmiValue::new("voicemail context", context)?,
        })
    }

    /// `<extension>@<context>`.
    pub fn full(&self) -> Result<AmiValue, PhoneError> {
        AmiValue::new(
            "mailbox",
            format!("{}@{}", self.extension.as_str(), self.context.as_str()),
        )
    }
}

/// A message as the PBX files it: its folder matters to move and delete it.
#[derive(Clone, Debug)]
struct Filed {
    message: VoicemailMessage,
    folder: String,
}

/// Every message of `mailbox` in INBOX and Old, newest first.
pub fn list(client: &mut AmiClient, mailbox: &Mailbox) -> Result<Vec<VoicemailMessage>, PhoneError> {
    let mut messages: Vec<VoicemailMessage> = filed(client, mailbox)?.into_iter().map(|f| f.message).collect();
    newest_first(&mut messages);
    Ok(messages)
}

/// The mailbox's e-mail address as app_voicemail keeps it (`VoicemailUserStatus` → `Email`; AMI class
/// `call`); `None` when it has none (Asterisk says `(null)`) or the mailbox does not exist.
pub fn email(client: &mut AmiClient, mailbox: &Mailbox) -> Result<Option<String>, PhoneError> {
    let action = Action::new("VoicemailUserStatus", true)
        .header("Context", mailbox.context.clone())
        .header("Mailbox", mailbox.extension.clone());
    let reply = client.expect_success(&action)?;
    Ok(reply
        .list
        .iter()
        .filter(|event| event.event() == Some("VoicemailUserDetail"))
        .find_map(|event| event.get("Email"))
        .map(str::trim)
        .filter(|email| !email.is_empty() && *email != "(null)")
        .map(str::to_owned))
}

/// Marks message `id` heard: moves it from INBOX to Old (already in Old: nothing to do).
pub fn mark_heard(client: &mut AmiClient, mailbox: &Mailbox, id: &MessageId) -> Result<(), PhoneError> {
    let found = find(client, mailbox, id)?;
    if found.message.state == MessageState::Old {
        return Ok(());
    }
    let action = Action::new("VoicemailMove", true)
        .header("Context", mailbox.context.clone())
        .header("Mailbox", mailbox.extension.clone())
        .header("Folder", AmiValue::new("folder", found.folder)?)
        .header("ID", AmiValue::new("message id", id.as_str())?)
        .header("ToFolder", AmiValue::fixed("Old"));
    client.expect_success(&action).map(drop)
}

/// Deletes message `id`.
pub fn delete(client: &mut AmiClient, mailbox: &Mailbox, id: &MessageId) -> Result<(), PhoneError> {
    let found = find(client, mailbox, id)?;
    let action = Action::new("VoicemailRemove", false)
        .header("Context", mailbox.context.clone())
        .header("Mailbox", mailbox.extension.clone())
        .header("Folder", AmiValue::new("folder", found.folder)?)
        .header("ID", AmiValue::new("message id", id.as_str())?);
    client.expect_success(&action).map(drop)
}

/// Rings the phone where calls now go and plays message `id` there once answered (the shipped dialplan
/// decides where: the telecommuter number while telecommuting, else the desk phone).
pub fn play_on_phone(
    client: &mut AmiClient,
    username: &str,
    mailbox: &Mailbox,
    id: &MessageId,
) -> Result<(), PhoneError> {
    find(client, mailbox, id)?;
    let extension = mailbox.extension.as_str();
    let originate = Originate {
        channel: AmiValue::new("playback channel", format!("Local/{extension}@{PLAY_RING}"))?,
        context: AmiValue::fixed(PLAY_MESSAGE),
        exten: mailbox.extension.clone(),
        timeout: PLAY_RING_TIMEOUT,
        channel_id: None,
        other_channel_id: None,
        variables: vec![AmiValue::new("message id", format!("CP_VM_MSG={}", id.as_str()))?],
    };
    originate_as(client, username, &originate)
}

/// Rings the phone where calls now go and, once answered, records greeting `slot` there: the shipped
/// dialplan's `callprofiles-record-greeting,<ext>*<slot>,1` (a beep, then until 3 s of silence or hang-up).
pub fn record_greeting(
    client: &mut AmiClient,
    username: &str,
    mailbox: &Mailbox,
    slot: GreetingSlot,
) -> Result<(), PhoneError> {
    let extension = mailbox.extension.as_str();
    let originate = Originate {
        channel: AmiValue::new("recording channel", format!("Local/{extension}@{PLAY_RING}"))?,
        context: AmiValue::fixed(RECORD_GREETING),
        exten: AmiValue::new("greeting extension", format!("{extension}*{}", slot.get()))?,
        timeout: PLAY_RING_TIMEOUT,
        channel_id: None,
        other_channel_id: None,
        variables: Vec::new(),
    };
    originate_as(client, username, &originate)
}

/// Sends `originate`; a refusal for want of the `originate` class says which user lacks it.
fn originate_as(client: &mut AmiClient, username: &str, originate: &Originate) -> Result<(), PhoneError> {
    match client.originate(originate) {
        Err(PhoneError::Refused {
            message: Some(message), ..
        }) if message == "Permission denied" => Err(PhoneError::Config {
            reason: ConfigProblem::OriginateNotAllowed {
                username: username.to_owned(),
            },
        }),
        other => other,
    }
}

/// Which greetings 1–9 have a file `callprofiles-greeting-N.wav` in the mailbox's directory (where the
/// shipped dialplan records and plays them). The files are on the PBX and AMI's `Getvar` of `STAT()`
/// answers nothing there, so the dialplan looks: an `Originate` of `Local/<ext>@callprofiles-greetings-check`
/// (never answered) raises `UserEvent: CallprofilesGreetings` with `Recorded:` the recorded digits, heard
/// on a connection of its own that listens for events.
pub fn recorded_greetings(
    target: AmiTarget,
    username: &str,
    mailbox: &Mailbox,
) -> Result<RecordedGreetings, PhoneError> {
    let extension = mailbox.extension.as_str();
    let originate = Originate {
        channel: AmiValue::new("greetings check", format!("Local/{extension}@{GREETINGS_CHECK}"))?,
        context: AmiValue::fixed(GREETINGS_CHECK),
        exten: mailbox.extension.clone(),
        timeout: GREETINGS_CHECK_TIMEOUT,
        channel_id: None,
        other_channel_id: None,
        variables: Vec::new(),
    };
    let mut client = AmiClient::new(target).with_events();
    match client.originate(&originate) {
        Err(PhoneError::Refused {
            message: Some(message), ..
        }) if message == "Permission denied" => {
            return Err(PhoneError::Config {
                reason: ConfigProblem::OriginateNotAllowed {
                    username: username.to_owned(),
                },
            });
        }
        other => other?,
    }
    let until = std::time::Instant::now() + GREETINGS_CHECK_TIMEOUT;
    while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
        let Some(event) = client.next_event(left)? else { break };
        if event.event() == Some("UserEvent")
            && event.get("UserEvent") == Some("CallprofilesGreetings")
            && event.get("Extension") == Some(extension)
        {
            client.close();
            let slots = event
                .get("Recorded")
                .unwrap_or("")
                .chars()
                .filter_map(|c| c.to_digit(10))
                .filter_map(|n| u8::try_from(n).ok())
                .filter_map(|n| GreetingSlot::new(n).ok())
                .collect();
            return Ok(RecordedGreetings { slots });
        }
    }
    client.close();
    Err(PhoneError::Timeout {
        seconds: GREETINGS_CHECK_TIMEOUT.as_secs(),
    })
}

/// The message `id`, with its folder; [`PhoneError::MessageNotFound`] when the mailbox lacks it.
fn find(client: &mut AmiClient, mailbox: &Mailbox, id: &MessageId) -> Result<Filed, PhoneError> {
    filed(client, mailbox)?
        .into_iter()
        .find(|f| &f.message.id == id)
        .ok_or_else(|| PhoneError::MessageNotFound { id: id.to_string() })
}

/// Every message in INBOX and Old with its folder, as `VoicemailBoxSummary` reports them.
fn filed(client: &mut AmiClient, mailbox: &Mailbox) -> Result<Vec<Filed>, PhoneError> {
    let action = Action::new("VoicemailBoxSummary", true)
        .header("Context", mailbox.context.clone())
        .header("Mailbox", mailbox.extension.clone());
    let reply = client.expect_success(&action)?;
    Ok(reply.list.iter().filter_map(parse_detail).collect())
}

/// One `VoicemailBoxDetail` event as a message; other folders (Work, Family, …) and events without a
/// valid id are left out.
fn parse_detail(event: &Message) -> Option<Filed> {
    let folder = event.get("Folder")?.trim();
    let state = match folder {
        "INBOX" => MessageState::New,
        "Old" => MessageState::Old,
        _ => return None,
    };
    let id = MessageId::parse(event.get("ID")?).ok()?;
    let received = received(&id, event.get("Date"));
    let (caller_number, caller_name) = split_caller_id(event.get("CallerID").unwrap_or(""));
    Some(Filed {
        message: VoicemailMessage {
            id,
            state,
            caller_number,
            caller_name,
            received,
            duration_seconds: event.get("Duration").and_then(|d| d.trim().parse().ok()).unwrap_or(0),
        },
        folder: folder.to_owned(),
    })
}

/// When a message was left, in Unix seconds. `Date` is the PBX's local time in its locale's words
/// (e.g. `Tue Dec  1 04:34:14 PM UTC 2026`), so the time is taken from the id instead: app_voicemail
/// makes it `<Unix seconds>-<counter>` when recording starts. A numeric `Date` is used otherwise.
fn received(id: &MessageId, date: Option<&str>) -> i64 {
    let from_id = id
        .as_str()
        .split_once('-')
        .and_then(|(seconds, _)| seconds.parse().ok());
    from_id
        .or_else(|| date.and_then(|d| d.trim().parse().ok()))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_become_messages() {
        let event = Message::from_headers([
            ("Event", "VoicemailBoxDetail"),
            ("Folder", "INBOX"),
            ("CallerID", "\"Anna\" <+48221234567>"),
            ("Date", "Tue Dec  1 04:34:14 PM UTC 2026"),
            ("Duration", "7"),
            ("ID", "1764605000-0000000a"),
        ]);
        let filed = parse_detail(&event);
        assert!(filed.as_ref().is_some_and(|f| f.folder == "INBOX"
            && f.message.state == MessageState::New
            && f.message.caller_name.as_deref() == Some("Anna")
            && f.message.received == 1_764_605_000
            && f.message.duration_seconds == 7));
        let work = Message::from_headers([("Folder", "Work"), ("ID", "1-2")]);
        assert!(parse_detail(&work).is_none());
        let injected = Message::from_headers([("Folder", "Old"), ("ID", "1,2")]);
        assert!(parse_detail(&injected).is_none());
    }

    #[test]
    fn contexts_must_be_plain_names() {
        assert!(Mailbox::new("201", "default").is_ok());
        assert!(Mailbox::new("201", "from-internal_2").is_ok());
        for bad in ["", "a/b", "a,b", "../x", "a b"] {
            assert!(Mailbox::new("201", bad).is_err(), "{bad}");
        }
    }
}
