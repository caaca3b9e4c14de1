//! The voicemail messages view: new and heard messages, newest first, each with who called, when and how
//! long, and Play (the active profile's way first, the other way beside it), Mark heard and Delete (hidden at
//! once, deleted for real only once its Undo has passed). The computer's player sits above the list.
//! [`MessagesPanel`] also keeps which greetings are recorded, for the form.

mod handling;
pub mod player_bar;
mod row;

use callprofiles_core::voicemail::{MessageId, MessageState, RecordedGreetings, VoicemailMessage};
use callprofiles_core::{CoreError, Playback};
use fluent_bundle::FluentValue;

pub use handling::InFlight;

use crate::gui::command::VoicemailCommand;
use crate::gui::model::Model;
use crate::gui::player::{Player, Track};
use crate::text::error_text::error_text;
use crate::text::i18n::I18n;
use crate::text::voicemail_text::caller_text;

/// Seconds a deleted message can still be brought back with Undo.
pub const UNDO_DELETE_SECONDS: f64 = 6.0;

/// A message deleted in the window and not yet on the phone system.
#[derive(Clone, Debug)]
struct PendingDelete {
    message: VoicemailMessage,
    /// The window's time (seconds) when it is deleted for real.
    due: f64,
}

/// When, after Record by phone, the greetings are read again (seconds after the phone system was asked to
/// ring): nothing tells the window when the recording call ends, and a caller takes from half a minute to a
/// few minutes to answer, listen to the prompt and record. A handful of wake-ups, never a timer.
pub const GREETING_RECHECK_SECONDS: [f64; 4] = [30.0, 60.0, 120.0, 240.0];

/// A greeting being recorded by phone, read again at [`GREETING_RECHECK_SECONDS`] until it is recorded.
#[derive(Clone, Copy, Debug)]
struct GreetingRecheck {
    slot: callprofiles_core::GreetingSlot,
    /// The window's time (seconds) when the call was asked for; set at the first frame after the answer.
    since: Option<f64>,
    /// Which of [`GREETING_RECHECK_SECONDS`] comes next.
    next: usize,
}

/// Why a track cannot be played on the computer, kept beside its message or greeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackProblem {
    /// Which.
    pub track: Track,
    /// The sentence.
    pub text: String,
}

/// What the phone system's mailbox holds, as far as the window knows, and what is being done with it.
#[derive(Default)]
pub struct MessagesPanel {
    /// The messages as last listed, or why they could not be.
    messages: Option<Result<Vec<VoicemailMessage>, CoreError>>,
    /// Which greetings are recorded, or why that is not known.
    greetings: Option<Result<RecordedGreetings, CoreError>>,
    /// What the listing followed, to list again on change.
    listed_for: Option<handling::ListingKey>,
    /// A listing is on its way.
    listing: bool,
    /// The message deleted last, still undoable.
    pending: Option<PendingDelete>,
    /// A track whose audio is being fetched.
    fetching: Option<Track>,
    /// Why the last track could not be played on the computer.
    problem: Option<TrackProblem>,
    /// A greeting being recorded by phone, whose list is read again a few times.
    greeting_recheck: Option<GreetingRecheck>,
}

impl MessagesPanel {
    /// The messages shown: the listed ones less the one waiting to be deleted.
    pub fn shown(&self) -> Vec<&VoicemailMessage> {
        let hidden = self.pending.as_ref().map(|p| &p.message.id);
        match &self.messages {
            Some(Ok(messages)) => messages.iter().filter(|m| Some(&m.id) != hidden).collect(),
            _ => Vec::new(),
        }
    }

    /// How many new messages are shown (`None` until listed).
    pub fn new_count(&self) -> Option<usize> {
        matches!(self.messages, Some(Ok(_)))
            .then(|| self.shown().iter().filter(|m| m.state == MessageState::New).count())
    }

    /// How many new messages are hidden because their delete waits for its Undo to run out (0 or 1): the
    /// status line takes them off the phone system's count, so it agrees with the list meanwhile.
    pub fn new_awaiting_delete(&self) -> u64 {
        u64::from(
            self.pending
                .as_ref()
                .is_some_and(|p| p.message.state == MessageState::New),
        )
    }

    /// Which greetings are recorded, when known.
    pub fn greetings(&self) -> Option<&RecordedGreetings> {
        self.greetings.as_ref().and_then(|g| g.as_ref().ok())
    }

    /// The message with this id, when listed.
    fn message(&self, id: &MessageId) -> Option<&VoicemailMessage> {
        match &self.messages {
            Some(Ok(messages)) => messages.iter().find(|m| &m.id == id),
            _ => None,
        }
    }

    /// Why playing a track on the computer failed, if it was this one.
    pub fn problem(&self, track: &Track) -> Option<&str> {
        self.problem
            .as_ref()
            .filter(|p| &p.track == track)
            .map(|p| p.text.as_str())
    }

    /// Whether a track's audio is being fetched.
    pub fn fetching(&self, track: &Track) -> bool {
        self.fetching.as_ref() == Some(track)
    }

    /// Draws the view.
    #[must_use]
    pub fn ui(&self, ui: &mut egui::Ui, i18n: &I18n, model: &Model, player: &Player) -> Vec<VoicemailCommand> {
        let mut commands = Vec::new();
        let computer_audio = model.computer_audio();
        // Without audio on the computer, the phone is the way offered first.
        let playback = match model.live().map(|live| live.voicemail.playback) {
            Some(Playback::Computer) if computer_audio => Playback::Computer,
            _ => Playback::Phone,
        };
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(egui::RichText::new(i18n.tr("vm-heading")).strong());
            if let Some(summary) = self.summary(i18n) {
                ui.weak(summary);
            }
            let refresh = ui
                .add_enabled(!self.listing, egui::Button::new(format!("⟳ {}", i18n.tr("vm-refresh"))))
                .on_hover_text(i18n.tr("vm-refresh-tooltip"));
            if refresh.clicked() {
                commands.push(VoicemailCommand::Refresh);
            }
        });
        ui.weak(i18n.tr(match playback {
            Playback::Phone => "vm-playback-phone-hint",
            Playback::Computer => "vm-playback-computer-hint",
        }));
        ui.add_space(4.0);
        commands.extend(player_bar::player_bar_ui(ui, i18n, self, player));
        if let Some(pending) = &self.pending {
            ui.horizontal_wrapped(|ui| {
                ui.label(i18n.tr_args(
                    "vm-deleted",
                    &[("caller", FluentValue::from(caller_text(i18n, &pending.message)))],
                ));
                if ui.button(format!("⟲ {}", i18n.tr("vm-undo"))).clicked() {
                    commands.push(VoicemailCommand::UndoDelete);
                }
            });
        }
        ui.separator();
        match &self.messages {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(i18n.tr("vm-listing"));
                });
            }
            Some(Err(error)) => {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!("✖ {}", error_text(i18n, error)))
                            .color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
            }
            Some(Ok(_)) => {
                let shown = self.shown();
                if shown.is_empty() {
                    ui.weak(i18n.tr("vm-empty"));
                }
                super::scrolled::scrolled_ui(ui, "messages", |ui| {
                    for message in shown {
                        commands.extend(row::message_row_ui(
                            ui,
                            i18n,
                            self,
                            player,
                            message,
                            playback,
                            computer_audio,
                        ));
                    }
                });
            }
        }
        commands
    }

    /// "2 new, 1 heard".
    fn summary(&self, i18n: &I18n) -> Option<String> {
        let shown = self.shown();
        let new = self.new_count()?;
        Some(i18n.tr_args(
            "vm-summary",
            &[
                ("new", FluentValue::from(new)),
                ("old", FluentValue::from(shown.len() - new)),
            ],
        ))
    }
}

/// A control disabled for `reason`: said on hover and, for screen readers, as its description.
pub fn disabled_because(response: egui::Response, reason: &str) -> egui::Response {
    if !response.enabled() {
        response
            .ctx
            .accesskit_node_builder(response.id, |node| node.set_description(reason));
    }
    response.on_disabled_hover_text(reason)
}
