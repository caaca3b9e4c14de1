//! Voicemail messages as the app shows them: new and old, who called, when, how long; newest first.
//! Phone systems fill these in (`PhoneSystem::voicemail_messages`); the CLI and windows only display.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::settings::{Greeting, GreetingSlot};

/// Longest message id accepted (Asterisk's are `<seconds>-<counter>`, about 20 characters).
const MAX_ID_LEN: usize = 64;

/// A message's id in its mailbox (Asterisk's `msg_id`): 1–64 letters, digits, `-` or `_`, so it can be
/// sent to the phone system and put in a dialplan variable as it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MessageId(String);

impl MessageId {
    /// Checks an id typed by the user or read from the phone system.
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let id = text.trim();
        let valid = !id.is_empty()
            && id.len() <= MAX_ID_LEN
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(Self(id.to_owned()))
        } else {
            Err(InputError::BadMessageId { input: text.to_owned() })
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for MessageId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a message was heard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageState {
    /// Not heard yet (Asterisk's `INBOX`).
    New,
    /// Heard (Asterisk's `Old`).
    Old,
}

/// One voicemail message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoicemailMessage {
    /// Its id in the mailbox.
    pub id: MessageId,
    /// New or heard.
    pub state: MessageState,
    /// The caller's number, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_number: Option<String>,
    /// The caller's name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_name: Option<String>,
    /// When it was left, in seconds since the Unix epoch (UTC).
    pub received: i64,
    /// How long it is, in seconds.
    pub duration_seconds: u64,
}

/// Sorts messages newest first (ties: by id, so the order is stable).
pub fn newest_first(messages: &mut [VoicemailMessage]) {
    messages.sort_by(|a, b| b.received.cmp(&a.received).then_with(|| b.id.cmp(&a.id)));
}

/// Splits a caller id as Asterisk writes it (`"Name" <number>`, `<number>`, `number` or `Unknown`)
/// into a number and a name, each `None` when absent.
pub fn split_caller_id(caller_id: &str) -> (Option<String>, Option<String>) {
    let text = caller_id.trim();
    let non_empty = |s: &str| {
        let s = s.trim().trim_matches('"').trim();
        (!s.is_empty() && !s.eq_ignore_ascii_case("unknown")).then(|| s.to_owned())
    };
    match (text.rfind('<'), text.ends_with('>')) {
        (Some(open), true) => {
            let number = text.get(open + 1..text.len() - 1).and_then(non_empty);
            let name = text.get(..open).and_then(non_empty);
            (number, name)
        }
        _ => (non_empty(text), None),
    }
}

/// Which of the greetings 1–9 are recorded in the user's mailbox.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordedGreetings {
    /// The recorded slots, in ascending order.
    pub slots: Vec<GreetingSlot>,
}

impl RecordedGreetings {
    /// Whether `greeting` can be played: the system greeting always, a slot only when recorded.
    pub fn has(&self, greeting: Greeting) -> bool {
        match greeting {
            Greeting::Default => true,
            Greeting::Recorded(slot) => self.slots.contains(&slot),
        }
    }

    /// The slot `greeting` chooses when it is not recorded (what the form and Activate warn about).
    pub fn missing(&self, greeting: Greeting) -> Option<GreetingSlot> {
        match greeting {
            Greeting::Recorded(slot) if !self.slots.contains(&slot) => Some(slot),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(MessageId::parse("1764605000-00000001").is_ok());
        assert!(MessageId::parse(" demo-2 ").is_ok_and(|id| id.as_str() == "demo-2"));
        for bad in ["", "a b", "x\r\nAction: Command", "1,2", &"9".repeat(65)] {
            assert!(MessageId::parse(bad).is_err(), "{bad:?}");
        }
        assert!(serde_json::from_str::<MessageId>("\"a;b\"").is_err());
    }

    #[test]
    fn caller_ids_split_into_number_and_name() {
        assert_eq!(
            split_caller_id("\"Anna Nowak\" <+48221234567>"),
            (Some("+48221234567".to_owned()), Some("Anna Nowak".to_owned()))
        );
        assert_eq!(split_caller_id("<201>"), (Some("201".to_owned()), None));
        assert_eq!(split_caller_id("201"), (Some("201".to_owned()), None));
        assert_eq!(split_caller_id("Unknown"), (None, None));
        assert_eq!(split_caller_id("\"\" <>"), (None, None));
    }

    #[test]
    fn newest_first_orders_by_time() -> Result<(), InputError> {
        let message = |id: &str, received| -> Result<VoicemailMessage, InputError> {
            Ok(VoicemailMessage {
                id: MessageId::parse(id)?,
                state: MessageState::New,
                caller_number: None,
                caller_name: None,
                received,
                duration_seconds: 1,
            })
        };
        let mut messages = vec![message("a", 10)?, message("b", 30)?, message("c", 20)?];
        newest_first(&mut messages);
        let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
        Ok(())
    }

    #[test]
    fn a_chosen_greeting_that_is_not_recorded_is_missing() -> Result<(), InputError> {
        let recorded = RecordedGreetings {
            slots: vec![GreetingSlot::new(2)?],
        };
        assert_eq!(recorded.missing(Greeting::Default), None);
        assert_eq!(recorded.missing(Greeting::Recorded(GreetingSlot::new(2)?)), None);
        assert_eq!(
            recorded.missing(Greeting::Recorded(GreetingSlot::new(3)?)),
            Some(GreetingSlot::new(3)?)
        );
        Ok(())
    }
}
