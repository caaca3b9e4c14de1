//! A telecommuter's outgoing call on Asterisk: one `Originate` of the shipped dialplan's first leg on a
//! connection of its own that listens for events, so its `OriginateResponse` says whether the
//! telecommuter answered.

use std::time::{Duration, Instant};

use super::action::Originate;
use super::client::AmiClient;
use super::message::Message;
use super::target::AmiTarget;
use super::value::AmiValue;
use crate::error::{ConfigProblem, PhoneError};
use crate::phone_number::PhoneNumber;
use crate::phone_system::call::{CallOutcome, CallWatch};

/// The shipped dialplan's context that rings a telecommuter's remote phone (first leg of a call).
pub const TELECOMMUTER_REMOTE: &str = "callprofiles-telecommuter-remote";
/// The shipped dialplan's context that dials the target once the telecommuter answered.
pub const TELECOMMUTER_CALL: &str = "callprofiles-telecommuter-call";
/// How long a telecommuter's phone rings for an outgoing call before the call is given up.
pub const CALL_ANSWER_TIMEOUT: Duration = Duration::from_secs(30);
/// How much longer than the ringing the watch waits for Asterisk's word.
const WORD_MARGIN: Duration = Duration::from_secs(5);

/// Places the call for `extension` to `target` on a new connection as the app's AMI user; the returned
/// watch learns whether the telecommuter answered within `ring`.
pub fn place(
    target: AmiTarget,
    username: &str,
    extension: &str,
    number: &PhoneNumber,
    ring: Duration,
) -> Result<Box<dyn CallWatch>, PhoneError> {
    let channel_id = unique_channel_id(extension);
    let originate = Originate {
        channel: AmiValue::new(
            "telecommuter channel",
            format!("Local/{extension}@{TELECOMMUTER_REMOTE}"),
        )?,
        context: AmiValue::fixed(TELECOMMUTER_CALL),
        exten: AmiValue::new("extension", extension)?,
        timeout: ring,
        channel_id: Some(AmiValue::new("channel id", channel_id.clone())?),
        other_channel_id: None,
        variables: vec![AmiValue::new(
            "call target",
            format!("CP_CALL_TARGET={}", number.as_str()),
        )?],
    };
    let mut client = AmiClient::new(target).with_events();
    match client.originate(&originate) {
        Err(PhoneError::Refused {
            message: Some(message), ..
        }) if message == "Permission denied" => Err(PhoneError::Config {
            reason: ConfigProblem::OriginateNotAllowed {
                username: username.to_owned(),
            },
        }),
        Err(error) => Err(error),
        Ok(()) => Ok(Box::new(OriginateWatch {
            client,
            channel_id,
            until: Instant::now() + ring + WORD_MARGIN,
        })),
    }
}

/// A channel id no other call has: the extension, this process and a counter.
fn unique_channel_id(extension: &str) -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or_default();
    format!("callprofiles-call-{extension}-{}-{stamp}-{n}", std::process::id())
}

/// Listens on the call's own connection for its `OriginateResponse`.
struct OriginateWatch {
    client: AmiClient,
    channel_id: String,
    until: Instant,
}

impl CallWatch for OriginateWatch {
    fn wait(mut self: Box<Self>) -> CallOutcome {
        loop {
            let Some(left) = self.until.checked_duration_since(Instant::now()) else {
                return CallOutcome::Unknown;
            };
            match self.client.next_event(left) {
                Ok(Some(event)) if is_response_to(&event, &self.channel_id) => {
                    self.client.close();
                    return outcome_of(&event);
                }
                Ok(Some(_)) => {}
                Ok(None) => return CallOutcome::Unknown,
                Err(error) => {
                    tracing::warn!(%error, "lost the connection while waiting for a call's outcome");
                    return CallOutcome::Unknown;
                }
            }
        }
    }
}

/// Whether `event` is the `OriginateResponse` of the channel `channel_id`.
fn is_response_to(event: &Message, channel_id: &str) -> bool {
    event.event() == Some("OriginateResponse") && event.get("Uniqueid") == Some(channel_id)
}

/// The outcome an `OriginateResponse` reports (its `Reason` is Asterisk's dial cause: 4 answered,
/// 3 no answer, 5 busy, 1 hung up while ringing, 0 or 8 failed).
fn outcome_of(event: &Message) -> CallOutcome {
    match (event.get("Response"), event.get("Reason")) {
        (Some("Success"), _) | (_, Some("4")) => CallOutcome::Answered,
        (_, Some("5")) => CallOutcome::Busy,
        (_, Some("3" | "1")) => CallOutcome::NotAnswered,
        _ => CallOutcome::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(text: &str) -> Result<Message, Box<dyn std::error::Error>> {
        let mut reader = super::super::message::MessageReader::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        Ok(reader.read_message()?.ok_or("no message")?)
    }

    #[test]
    fn originate_responses_map_to_outcomes() -> Result<(), Box<dyn std::error::Error>> {
        let response = |response: &str, reason: &str| {
            event(&format!(
                "Event: OriginateResponse\r\nResponse: {response}\r\nReason: {reason}\r\nUniqueid: c1\r\n\r\n"
            ))
        };
        assert_eq!(outcome_of(&response("Success", "4")?), CallOutcome::Answered);
        assert_eq!(outcome_of(&response("Failure", "3")?), CallOutcome::NotAnswered);
        assert_eq!(outcome_of(&response("Failure", "5")?), CallOutcome::Busy);
        assert_eq!(outcome_of(&response("Failure", "8")?), CallOutcome::Failed);
        assert!(is_response_to(&response("Success", "4")?, "c1"));
        assert!(!is_response_to(&response("Success", "4")?, "c2"));
        Ok(())
    }
}
