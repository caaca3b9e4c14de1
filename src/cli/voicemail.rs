//! `voicemail list|play ID|heard ID|delete ID|save ID FILE|greetings|record-greeting N|upload-greeting N FILE`:
//! the messages and greetings in the user's mailbox.

use callprofiles_core::voicemail::{MessageId, MessageState, VoicemailMessage};
use std::path::PathBuf;

use callprofiles_core::{Greeting, GreetingSlot, InputError};
use fluent_bundle::FluentValue;

use crate::cli::{Context, output};

/// The `voicemail` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum VoicemailCommand {
    /// List the messages, new and heard, newest first.
    List {
        /// Print JSON: {"messages": [{"id", "state", "caller_number", "caller_name", "received", "duration_seconds"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Ring the phone where your calls now go (desk phone or telecommuter number) and play a message.
    Play {
        /// The message's id, as `voicemail list` shows it.
        id: String,
    },
    /// Say which greetings 1–9 are recorded in your mailbox.
    Greetings {
        /// Print JSON: {"recorded": [numbers]}.
        #[arg(long)]
        json: bool,
    },
    /// Ring the phone where your calls now go and record greeting N (1-9) after the beep.
    RecordGreeting {
        /// The greeting's number, 1 to 9.
        slot: String,
    },
    /// Mark a message heard.
    Heard {
        /// The message's id, as `voicemail list` shows it.
        id: String,
    },
    /// Delete a message.
    Delete {
        /// The message's id, as `voicemail list` shows it.
        id: String,
    },
    /// Save a message's recording as a WAV file (PCM; created or replaced, like export).
    Save {
        /// The message's id, as `voicemail list` shows it.
        id: String,
        /// The WAV file to write.
        file: PathBuf,
    },
    /// Make a WAV file greeting N (1-9): any PCM WAV, converted to what the phone system plays.
    UploadGreeting {
        /// The greeting's number, 1 to 9.
        slot: String,
        /// The WAV file to upload (at most 8 MiB).
        file: PathBuf,
    },
}

impl VoicemailCommand {
    /// Runs the subcommand.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let id_arg = |id: &MessageId| [("id", FluentValue::from(id.to_string()))];
        match self {
            Self::List { json } => {
                let messages = app.voicemail_messages()?;
                if json {
                    return output::print_json(&serde_json::json!({ "messages": messages }));
                }
                output::print(&list_text(context, &messages))
            }
            Self::Play { id } => {
                let id = MessageId::parse(&id)?;
                app.play_on_phone(&id)?;
                output::print(&context.tr_args("cli-voicemail-playing", &id_arg(&id)))
            }
            Self::Greetings { json } => {
                let recorded = app.recorded_greetings()?;
                let slots: Vec<u8> = recorded.slots.iter().map(|slot| slot.get()).collect();
                if json {
                    return output::print_json(&serde_json::json!({ "recorded": slots }));
                }
                let list: Vec<String> = slots.iter().map(u8::to_string).collect();
                output::print(&match list.is_empty() {
                    true => context.tr("cli-voicemail-greetings-none"),
                    false => context.tr_args(
                        "cli-voicemail-greetings",
                        &[("slots", FluentValue::from(list.join(", ")))],
                    ),
                })
            }
            Self::Save { id, file } => {
                let id = MessageId::parse(&id)?;
                let wav = app.message_audio(&id)?;
                callprofiles_core::service::save_recording(&context.home, &file, &wav)?;
                let shown = callprofiles_core::shown::path(&file);
                output::print(&context.tr_args(
                    "cli-voicemail-saved",
                    &[
                        ("id", FluentValue::from(id.to_string())),
                        ("path", FluentValue::from(shown)),
                    ],
                ))
            }
            Self::UploadGreeting { slot, file } => {
                let slot = greeting_slot(slot)?;
                let wav = callprofiles_core::service::read_upload(&file)?;
                app.upload_greeting(slot, &wav)?;
                output::print(&context.tr_args("cli-voicemail-uploaded", &[("slot", FluentValue::from(slot.get()))]))
            }
            Self::RecordGreeting { slot } => {
                let slot = greeting_slot(slot)?;
                app.record_greeting(slot)?;
                output::print(&context.tr_args("cli-voicemail-recording", &[("slot", FluentValue::from(slot.get()))]))
            }
            Self::Heard { id } => {
                let id = MessageId::parse(&id)?;
                app.mark_heard(&id)?;
                output::print(&context.tr_args("cli-voicemail-heard", &id_arg(&id)))
            }
            Self::Delete { id } => {
                let id = MessageId::parse(&id)?;
                app.delete_message(&id)?;
                output::print(&context.tr_args("cli-voicemail-deleted", &id_arg(&id)))
            }
        }
    }
}

/// Greeting N (1–9) as typed.
fn greeting_slot(slot: String) -> Result<GreetingSlot, InputError> {
    match Greeting::parse(&slot)? {
        Greeting::Recorded(slot) => Ok(slot),
        Greeting::Default => Err(InputError::UnknownGreeting { input: slot }),
    }
}

/// The list as lines: a count, then one line per message.
fn list_text(context: &Context, messages: &[VoicemailMessage]) -> String {
    let new = messages.iter().filter(|m| m.state == MessageState::New).count();
    let mut lines = vec![context.tr_args(
        "cli-voicemail-count",
        &[
            ("new", FluentValue::from(new)),
            ("old", FluentValue::from(messages.len() - new)),
        ],
    )];
    for message in messages {
        let caller = match (&message.caller_name, &message.caller_number) {
            (Some(name), Some(number)) => format!("{name} <{number}>"),
            (Some(name), None) => name.clone(),
            (None, Some(number)) => number.clone(),
            (None, None) => context.tr("cli-voicemail-unknown-caller"),
        };
        let state = match message.state {
            MessageState::New => context.tr("cli-voicemail-state-new"),
            MessageState::Old => context.tr("cli-voicemail-state-old"),
        };
        lines.push(context.tr_args(
            "cli-voicemail-line",
            &[
                ("id", FluentValue::from(message.id.to_string())),
                ("state", FluentValue::from(state)),
                ("time", FluentValue::from(local_time(message.received))),
                ("seconds", FluentValue::from(message.duration_seconds)),
                ("caller", FluentValue::from(caller)),
            ],
        ));
    }
    lines.join("\n")
}

/// `YYYY-MM-DD HH:MM` in the computer's time zone.
fn local_time(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| seconds.to_string())
}
