//! Running the messages view's commands and taking in the worker's answers: listing when the count of new
//! messages or the phone system changes, the delayed delete and its Undo, playing on the phone or the
//! computer, and the greetings' requests.

use std::time::{Duration, Instant};

use callprofiles_core::voicemail::MessageState;
use callprofiles_core::{AudioError, CoreError, Greeting, PhoneError, Playback, Routing};
use fluent_bundle::FluentValue;

use super::{
    GREETING_RECHECK_SECONDS, GreetingRecheck, MessagesPanel, PendingDelete, TrackProblem, UNDO_DELETE_SECONDS,
};
use crate::gui::command::{FileAction, Selection, VoicemailCommand};
use crate::gui::main_window::{MainApp, Notice};
use crate::gui::model::Finished;
use crate::gui::player::{DecodeProblem, OutputProblem, Track};
use crate::gui::worker::{Outcome, Ticket, VoicemailOutcome, VoicemailRequest, WorkerRequest};
use crate::text::error_text::error_text;
use crate::text::i18n::I18n;
use crate::text::voicemail_text::caller_text;

/// How long quitting waits for a delete to reach the phone system.
const QUIT_WAIT: Duration = Duration::from_secs(5);

/// What the listing was read for: new messages, the server's mailbox revision, the phone system.
pub(super) type ListingKey = (Option<u64>, Option<u64>, Option<String>);

/// The panel's requests in flight, by ticket.
#[derive(Default)]
pub struct InFlight(std::collections::HashMap<Ticket, VoicemailRequest>);

impl MessagesPanel {
    /// What the listing follows now: the count of new messages, the server's mailbox revision (a
    /// change made on another device that leaves the count as it was) and the phone system.
    fn listing_key(model: &crate::gui::model::Model) -> ListingKey {
        (
            model.new_messages(),
            model.mailbox_revision(),
            model.phone_system().map(|p| p.summary.clone()),
        )
    }

    /// Lists again at the next frame (after a change made here, or when the window gains focus).
    pub fn list_again(&mut self) {
        self.listed_for = None;
    }
}

impl MainApp {
    /// Each frame: lists when needed, deletes for real once an Undo has passed, and keeps the player's
    /// progress bar moving (repaints only while something plays).
    pub(in crate::gui::main_window) fn voicemail_frame(&mut self, ctx: &egui::Context) {
        if self.model.loaded() && !self.messages.listing && !self.model.worker_stopped() {
            let key = MessagesPanel::listing_key(&self.model);
            if self.messages.listed_for.as_ref() != Some(&key) {
                self.messages.listed_for = Some(key);
                self.messages.listing = true;
                self.voicemail_request(VoicemailRequest::List);
                self.voicemail_request(VoicemailRequest::Greetings);
                // Take the answer in at the next frame (a threaded worker wakes the window itself).
                ctx.request_repaint();
            }
        }
        let now = ctx.input(|input| input.time);
        self.recheck_greeting(ctx, now);
        if let Some(pending) = &self.messages.pending {
            let left = pending.due - now;
            if left <= 0.0 {
                self.commit_pending_delete();
                ctx.request_repaint();
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(left));
            }
        }
        // Sound plays only while its controls are in sight: the messages view for a message, a profile's
        // form for a greeting.
        let shown = match self.player.now().map(|now| &now.track) {
            Some(Track::Message(_)) => self.selection == Selection::Messages,
            Some(Track::Greeting(_)) => matches!(self.selection, Selection::Profile(_)),
            None => true,
        };
        if !shown {
            self.player.stop();
        }
        if let Some(next) = self.player.tick() {
            ctx.request_repaint_after(next);
        }
    }

    /// After Record by phone: reads the greetings again when the next of [`GREETING_RECHECK_SECONDS`] has come,
    /// and asks for one repaint at that instant meanwhile.
    fn recheck_greeting(&mut self, ctx: &egui::Context, now: f64) {
        let Some(recheck) = self.messages.greeting_recheck.as_mut() else {
            return;
        };
        let since = *recheck.since.get_or_insert(now);
        let Some(after) = GREETING_RECHECK_SECONDS.get(recheck.next) else {
            self.messages.greeting_recheck = None;
            return;
        };
        let left = since + after - now;
        if left > 0.0 {
            ctx.request_repaint_after(Duration::from_secs_f64(left));
            return;
        }
        recheck.next += 1;
        if recheck.next >= GREETING_RECHECK_SECONDS.len() {
            self.messages.greeting_recheck = None;
        }
        self.voicemail_request(VoicemailRequest::Greetings);
        ctx.request_repaint();
    }

    /// Sends a voicemail request, noting it for its answer.
    fn voicemail_request(&mut self, request: VoicemailRequest) -> Ticket {
        let ticket = self.model.request(WorkerRequest::Voicemail(request.clone()), None);
        self.voicemail_in_flight.0.insert(ticket, request);
        ticket
    }

    /// Runs a command of the messages view or the form's greetings.
    pub(in crate::gui::main_window) fn voicemail_command(&mut self, ctx: &egui::Context, command: VoicemailCommand) {
        match command {
            VoicemailCommand::Refresh => self.messages.list_again(),
            VoicemailCommand::Play(id, Playback::Phone) => {
                self.voicemail_request(VoicemailRequest::PlayOnPhone(id));
            }
            VoicemailCommand::Play(id, Playback::Computer) => self.fetch_audio(Track::Message(id)),
            VoicemailCommand::ListenGreeting(slot) => self.fetch_audio(Track::Greeting(slot)),
            VoicemailCommand::TogglePause => self.player.toggle_pause(),
            VoicemailCommand::Stop => self.player.stop(),
            VoicemailCommand::Seek(position) => self.player.seek(position),
            VoicemailCommand::Skip(by, forward) => self.player.skip(by, forward),
            VoicemailCommand::MarkHeard(id) => {
                // Shown heard at once; the listing after the answer says what the phone system did.
                if let Some(Ok(messages)) = self.messages.messages.as_mut()
                    && let Some(message) = messages.iter_mut().find(|m| m.id == id)
                {
                    message.state = MessageState::Old;
                }
                self.voicemail_request(VoicemailRequest::MarkHeard(id));
            }
            VoicemailCommand::Delete(id) => {
                self.commit_pending_delete();
                if let Some(message) = self.messages.message(&id).cloned() {
                    if self
                        .player
                        .now()
                        .is_some_and(|now| now.track == Track::Message(id.clone()))
                    {
                        self.player.stop();
                    }
                    let due = ctx.input(|input| input.time) + UNDO_DELETE_SECONDS;
                    self.messages.pending = Some(PendingDelete { message, due });
                }
            }
            VoicemailCommand::UndoDelete => self.messages.pending = None,
            VoicemailCommand::RecordGreeting(slot) => {
                self.voicemail_request(VoicemailRequest::RecordGreeting(slot));
            }
            VoicemailCommand::ChooseGreetingFile(slot) => {
                if let Some(dialog) = self.chooser.start(ctx, &self.i18n, FileAction::UploadGreeting(slot)) {
                    self.dialog = Some(dialog);
                }
            }
            VoicemailCommand::UploadGreeting(slot, path) => {
                self.dialog = None;
                self.voicemail_request(VoicemailRequest::UploadGreeting(slot, path));
            }
        }
    }

    /// Asks the worker for a track's audio (it plays when it arrives).
    fn fetch_audio(&mut self, track: Track) {
        self.player.stop();
        self.messages.problem = None;
        self.messages.fetching = Some(track.clone());
        let request = match track {
            Track::Message(id) => VoicemailRequest::MessageAudio(id),
            Track::Greeting(slot) => VoicemailRequest::GreetingAudio(slot),
        };
        self.voicemail_request(request);
    }

    /// Deletes for real the message whose Undo is still offered (its time has come, another is deleted, or
    /// the window closes); returns the request's ticket.
    fn commit_pending_delete(&mut self) -> Option<Ticket> {
        let pending = self.messages.pending.take()?;
        Some(self.voicemail_request(VoicemailRequest::Delete(pending.message.id)))
    }

    /// Deletes at once the message whose Undo is still offered, and waits (at most a few seconds) until
    /// the phone system has done it: the window is closing, and a message the user deleted must not stay.
    pub fn commit_deletes_before_quitting(&mut self) {
        let Some(ticket) = self.commit_pending_delete() else {
            return;
        };
        let started = Instant::now();
        while started.elapsed() < QUIT_WAIT {
            if self.model.poll().iter().any(|done| done.ticket == ticket) || self.model.worker_stopped() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        tracing::warn!("the deleted voicemail message may not be deleted: the phone system did not answer in time");
    }

    /// Takes in a finished request of the panel's; returns it back when it is not one.
    pub(in crate::gui::main_window) fn voicemail_finished(&mut self, done: Finished) -> Option<Finished> {
        let Some(request) = self.voicemail_in_flight.0.remove(&done.ticket) else {
            return Some(done);
        };
        match done.result {
            Ok(Outcome::Voicemail(outcome)) => self.voicemail_done(outcome),
            Ok(_) => {}
            Err(error) => self.voicemail_failed(&request, &error),
        }
        None
    }

    /// A voicemail request that worked.
    fn voicemail_done(&mut self, outcome: VoicemailOutcome) {
        let i18n = &self.i18n;
        match outcome {
            VoicemailOutcome::Messages(messages) => {
                self.messages.listing = false;
                self.messages.messages = Some(Ok(messages));
            }
            VoicemailOutcome::Greetings(greetings) => {
                let recorded =
                    |recheck: &GreetingRecheck| greetings.missing(Greeting::Recorded(recheck.slot)).is_none();
                if self.messages.greeting_recheck.as_ref().is_some_and(recorded) {
                    self.messages.greeting_recheck = None;
                }
                self.messages.greetings = Some(Ok(greetings));
            }
            VoicemailOutcome::MarkedHeard(_) | VoicemailOutcome::Deleted(_) => self.messages.list_again(),
            VoicemailOutcome::PlayingOnPhone(id) => {
                let caller = self.messages.message(&id).map(|message| caller_text(i18n, message));
                let text = i18n.tr_args(
                    "vm-phone-rings",
                    &[
                        ("phone", FluentValue::from(self.ringing_phone())),
                        ("caller", FluentValue::from(caller.unwrap_or_else(|| id.to_string()))),
                    ],
                );
                self.notice = Some(Notice::info(text));
            }
            VoicemailOutcome::RecordingGreeting(slot) => {
                self.messages.greeting_recheck = Some(GreetingRecheck {
                    slot,
                    since: None,
                    next: 0,
                });
                let text = i18n.tr_args(
                    "vm-phone-records",
                    &[
                        ("phone", FluentValue::from(self.ringing_phone())),
                        ("number", FluentValue::from(slot.get())),
                    ],
                );
                self.notice = Some(Notice::info(text));
            }
            VoicemailOutcome::GreetingUploaded(slot) => {
                let text = i18n.tr_args("vm-greeting-uploaded", &[("number", FluentValue::from(slot.get()))]);
                self.notice = Some(Notice::info(text));
                self.voicemail_request(VoicemailRequest::Greetings);
            }
            VoicemailOutcome::Audio(track, audio) => {
                if self.messages.fetching.as_ref() != Some(&track) {
                    return; // Another track was asked for meanwhile.
                }
                self.messages.fetching = None;
                let played = audio
                    .map_err(|problem| decode_problem_text(i18n, problem))
                    .and_then(|audio| {
                        self.player
                            .play(track.clone(), &audio)
                            .map_err(|problem| output_problem_text(i18n, problem))
                    });
                if let Err(text) = played {
                    self.messages.problem = Some(TrackProblem { track, text });
                }
            }
        }
    }

    /// A voicemail request that failed: where its sentence shows.
    fn voicemail_failed(&mut self, request: &VoicemailRequest, error: &CoreError) {
        let text = error_text(&self.i18n, error);
        match request {
            VoicemailRequest::List => {
                self.messages.listing = false;
                self.messages.messages = Some(Err(error.clone()));
            }
            VoicemailRequest::Greetings => self.messages.greetings = Some(Err(error.clone())),
            VoicemailRequest::MessageAudio(id) => {
                self.messages.fetching = None;
                // Say what works instead (the sentence for a missing server already says it): the phone.
                let needs_server = matches!(error, CoreError::Phone(PhoneError::Audio(AudioError::NeedsServer)));
                let text = if needs_server {
                    text
                } else {
                    format!("{text} {}", self.i18n.tr("vm-play-on-phone-instead"))
                };
                self.messages.problem = Some(TrackProblem {
                    track: Track::Message(id.clone()),
                    text,
                });
            }
            VoicemailRequest::GreetingAudio(slot) => {
                self.messages.fetching = None;
                self.messages.problem = Some(TrackProblem {
                    track: Track::Greeting(*slot),
                    text,
                });
            }
            VoicemailRequest::Delete(_) | VoicemailRequest::MarkHeard(_) => {
                // The listing shows the message again as it really is.
                self.messages.list_again();
                self.notice = Some(Notice::error(text));
            }
            VoicemailRequest::PlayOnPhone(_)
            | VoicemailRequest::RecordGreeting(_)
            | VoicemailRequest::UploadGreeting(..) => self.notice = Some(Notice::error(text)),
        }
    }

    /// Which phone the phone system rings to play or record: the telecommuter number while telecommuting,
    /// else the desk phone (as the shipped dialplan does).
    fn ringing_phone(&self) -> String {
        match self.model.live().map(|live| &live.routing) {
            Some(Routing::Telecommuter { number: Some(number) }) => self.i18n.tr_args(
                "vm-phone-telecommuter",
                &[("number", FluentValue::from(number.grouped()))],
            ),
            _ => self.i18n.tr("vm-phone-desk"),
        }
    }
}

/// Why audio could not be decoded, as a sentence.
fn decode_problem_text(i18n: &I18n, problem: DecodeProblem) -> String {
    i18n.tr(match problem {
        DecodeProblem::NotWav => "vm-audio-not-wav",
        DecodeProblem::TooLarge => "vm-audio-too-large",
        DecodeProblem::Empty => "vm-audio-empty",
    })
}

/// Why nothing can be played on the computer, as a sentence.
fn output_problem_text(i18n: &I18n, problem: OutputProblem) -> String {
    i18n.tr(match problem {
        OutputProblem::NoDevice => "vm-no-sound-device",
    })
}
