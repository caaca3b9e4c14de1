//! The quick-access window: every profile as a large button; a click or keys 1–7 activate one, and the window
//! says so and closes once the phone system has taken it (an error stays in place); D shows Detected in the
//! main window; Esc closes.

mod entries;
mod footer;
mod header;
mod keys;

use std::path::{Path, PathBuf};

use callprofiles_core::voicemail::RecordedGreetings;
use callprofiles_core::{ApplicableSettings, Greeting, ProfileId};
use fluent_bundle::FluentValue;

use crate::gui::automation::next_line::{next_lines_ui, wake_at_next_change};
use crate::gui::automation::until::UntilForm;
use crate::gui::command::AutomationCommand;
use crate::gui::model::{Busy, Finished, Model};
use crate::gui::worker::{Outcome, PhoneWorker, Ticket, VoicemailOutcome, VoicemailRequest, WorkerCore, WorkerRequest};
use crate::text::error_text::{error_text, rule_error_text};
use crate::text::i18n::{I18n, Language};

/// The window's width in points; its height follows its content.
pub const WIDTH: f32 = 340.0;

/// The empty space around the window's content.
const MARGIN: i8 = 12;

/// Seconds the result of an activation stays in sight before the window closes.
pub const DONE_SHOWN_FOR: f64 = 1.2;

/// What the user asked for this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuickCommand {
    /// Apply a saved profile, then close.
    Activate(ProfileId),
    /// Apply the n-th saved profile (keys 1…7; 0-based), then close.
    ActivateNth(usize),
    /// Open the main window on Detected, then close.
    ShowDetected,
    /// Open the main window on the voicemail messages, then close.
    ShowMessages,
    /// Close the window.
    Close,
    /// End the hold: back to what the rules say.
    ResumeSchedule,
}

/// The request in flight: its ticket and the profile being applied.
#[derive(Clone, Debug)]
struct Applying {
    ticket: Ticket,
    id: ProfileId,
    name: String,
}

/// The quick-access window's app.
pub struct QuickApp {
    /// The shared model (worker, snapshot).
    pub model: Model,
    i18n: I18n,
    applying: Option<Applying>,
    /// The profile whose greeting is being checked before it is applied (the request asking which are recorded).
    checking: Option<Applying>,
    /// Which greetings are recorded, once asked (only when a profile choosing one is pressed).
    greetings: Option<RecordedGreetings>,
    /// The profile said to choose an unrecorded greeting: pressing it again applies it anyway.
    warned: Option<ProfileId>,
    /// What is said about it.
    warning: Option<String>,
    error: Option<String>,
    /// What the last activation did, and when (the window's time), shown until the window closes.
    done: Option<(String, f64)>,
    /// The home, for opening the main window over it (`None` in tests: nothing is started).
    home: Option<PathBuf>,
    main_window_requested: bool,
    closing: bool,
    focused: bool,
    fitted_height: f32,
    /// How long the next profile clicked holds, and what comes after.
    until: UntilForm,
    /// The next change already re-read for (see [`wake_at_next_change`]).
    woke_for: Option<jiff::Timestamp>,
}

impl QuickApp {
    /// The window over a model, in `language`.
    pub fn new(model: Model, language: Language) -> Self {
        Self {
            model,
            i18n: I18n::new(language),
            applying: None,
            checking: None,
            greetings: None,
            warned: None,
            warning: None,
            error: None,
            done: None,
            home: None,
            main_window_requested: false,
            closing: false,
            focused: true,
            fitted_height: 0.0,
            until: UntilForm::default(),
            woke_for: None,
        }
    }

    /// A window whose worker runs each request at once on the caller's thread: for tests, display-free.
    pub fn inline(home: &Path, language: Language) -> Self {
        Self::new(Model::new(PhoneWorker::inline(WorkerCore::open(home))), language)
    }

    /// Opens the main window over `home` when asked for (D on Detected).
    pub fn opening_main_window_over(mut self, home: PathBuf) -> Self {
        self.home = Some(home);
        self
    }

    /// Whether the user asked for the main window (to see Detected).
    pub fn main_window_requested(&self) -> bool {
        self.main_window_requested
    }

    /// The confirmation of the last activation, shown before the window closes.
    pub fn done(&self) -> Option<&str> {
        self.done.as_ref().map(|(text, _)| text.as_str())
    }

    /// The language shown.
    pub fn language(&self) -> Language {
        self.i18n.language()
    }

    /// The profile being applied now.
    pub fn applying(&self) -> Option<&ProfileId> {
        self.applying.as_ref().map(|applying| &applying.id)
    }

    /// The warning shown before a profile that chooses an unrecorded greeting is applied.
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// Why the last activation failed (shown in the window).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Whether the window asked to close.
    pub fn closing(&self) -> bool {
        self.closing
    }

    /// Asks the worker to re-read now (as when the window gains focus).
    pub fn refresh(&mut self) {
        self.model.refresh();
    }

    /// Draws one frame of the window and runs what the user asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        for done in self.model.poll() {
            self.finish(ui.ctx(), done);
        }
        if self.model.take_outside_change() {
            // An error about the state before is no longer true.
            self.error = None;
        }
        self.close_when_done(ui.ctx());
        self.watch_focus(ui.ctx());
        fit_tooltips(ui.ctx());
        let busy = self.busy();
        let mut commands = keys::keys_ui(ui, busy, self.model.detected().is_some());
        let frame = crate::gui::backdrop::central_panel_frame(ui.style())
            .inner_margin(MARGIN)
            .stroke(ui.visuals().window_stroke());
        let margins = frame.total_margin().sum().y;
        let content_height = egui::CentralPanel::default()
            .frame(frame)
            .show(ui, |ui| {
                // A panel fills the window: measure what is drawn inside it instead.
                ui.vertical(|ui| self.content_ui(ui, busy, &mut commands))
                    .response
                    .rect
                    .height()
            })
            .inner;
        let ran_any = !commands.is_empty();
        for command in commands {
            self.run(ui.ctx(), command);
        }
        if ran_any {
            // Show the result of what was just done (an inline worker has already answered).
            ui.ctx().request_repaint();
        }
        self.fit(ui.ctx(), content_height + margins);
        wake_at_next_change(ui.ctx(), &mut self.model, &mut self.woke_for);
    }

    /// The title row, the profiles and the footer.
    fn content_ui(&mut self, ui: &mut egui::Ui, busy: bool, commands: &mut Vec<QuickCommand>) {
        commands.extend(header::header_ui(ui, &self.i18n, busy));
        let applying = self.applying.as_ref();
        commands.extend(entries::entries_ui(
            ui,
            &self.i18n,
            &self.model,
            applying.map(|a| &a.id),
            busy,
        ));
        if self.model.automation().is_some() {
            ui.add_space(2.0);
            let rules_set = self.model.automation().is_some_and(|view| !view.rules.is_empty());
            ui.add_enabled_ui(!busy, |ui| self.until.quick_ui(ui, &self.i18n, rules_set));
            let asked = next_lines_ui(ui, &self.i18n, &self.model, false);
            if matches!(asked, Some(AutomationCommand::ResumeSchedule)) {
                commands.push(QuickCommand::ResumeSchedule);
            }
        }
        let applying = self.applying.as_ref().or(self.checking.as_ref());
        let applying_name = applying.map(|a| a.name.as_str());
        let status = footer::Status {
            applying: applying_name,
            warning: self.warning.as_deref(),
            error: self.error.as_deref(),
            done: self.done(),
        };
        commands.extend(footer::footer_ui(ui, &self.i18n, &self.model, &status));
    }

    /// Runs one command.
    fn run(&mut self, ctx: &egui::Context, command: QuickCommand) {
        if self.busy() {
            return;
        }
        match command {
            QuickCommand::Activate(id) => self.activate(&id, true),
            QuickCommand::ActivateNth(index) => {
                if let Some(profile) = self.model.profiles().get(index) {
                    self.activate(&profile.id, true);
                }
            }
            QuickCommand::ShowDetected | QuickCommand::ShowMessages => {
                self.main_window_requested = true;
                if let Some(home) = &self.home {
                    open_main_window(home, self.i18n.language(), command == QuickCommand::ShowMessages);
                }
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            QuickCommand::Close => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            QuickCommand::ResumeSchedule => {
                self.error = None;
                self.model.request(WorkerRequest::ClearHold, None);
            }
        }
    }

    /// Closes once the confirmation of an activation has been in sight for [`DONE_SHOWN_FOR`] seconds.
    fn close_when_done(&mut self, ctx: &egui::Context) {
        let Some((_, since)) = &self.done else {
            return;
        };
        let left = since + DONE_SHOWN_FOR - ctx.input(|input| input.time);
        if left <= 0.0 {
            self.done = None;
            self.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
    }

    /// Whether a profile is being checked or applied, or the window is closing.
    fn busy(&self) -> bool {
        self.applying.is_some() || self.checking.is_some() || self.closing || self.done.is_some()
    }

    /// Applies a saved profile, or says at once why it cannot be applied. With `ask_greeting`, a profile
    /// choosing a greeting that is not recorded is first said so (as the main window's dialog does), and
    /// applied when pressed again — the same click or key, so it stays one keystroke away.
    fn activate(&mut self, id: &ProfileId, ask_greeting: bool) {
        let Some(profile) = self.model.profile(id) else {
            return;
        };
        let name = self.i18n.profile_name(&profile);
        if let Err(error) = ApplicableSettings::check(&name, &profile.settings) {
            self.error = Some(rule_error_text(&self.i18n, &error));
            return;
        }
        let Some(hold) = self.until.quick_hold() else {
            self.error = Some(self.i18n.tr("problem-time"));
            return;
        };
        self.error = None;
        let confirmed = self.warned.take().as_ref() == Some(id);
        self.warning = None;
        if ask_greeting
            && !confirmed
            && let Greeting::Recorded(_) = profile.settings.voicemail.greeting
        {
            let Some(recorded) = &self.greetings else {
                // Asked only now, so a window whose profiles choose no recorded greeting never asks.
                let request = WorkerRequest::Voicemail(VoicemailRequest::Greetings);
                let ticket = self.model.request(request, None);
                self.checking = Some(Applying {
                    ticket,
                    id: id.clone(),
                    name,
                });
                return;
            };
            if let Some(slot) = recorded.missing(profile.settings.voicemail.greeting) {
                let args = [
                    ("profile", FluentValue::from(name)),
                    ("number", FluentValue::from(slot.get())),
                ];
                self.warning = Some(self.i18n.tr_args("quick-unrecorded-greeting", &args));
                self.warned = Some(id.clone());
                return;
            }
        }
        let ticket = match hold {
            None => self.model.activate(id, &name),
            Some(hold) => {
                let Some(until) = self.model.until(hold, self.until.afterwards) else {
                    return;
                };
                self.model.request(
                    WorkerRequest::ActivateUntil(id.clone(), until),
                    Some(Busy::Applying(name.clone())),
                )
            }
        };
        self.applying = Some(Applying {
            ticket,
            id: id.clone(),
            name,
        });
    }

    /// Says so once the profile is applied (and closes a moment later); keeps the window open with the
    /// reason when it failed.
    fn finish(&mut self, ctx: &egui::Context, done: Finished) {
        if let Some(checking) = self.checking.take_if(|c| c.ticket == done.ticket) {
            match done.result {
                Ok(Outcome::Voicemail(VoicemailOutcome::Greetings(recorded))) => {
                    self.greetings = Some(recorded);
                    self.activate(&checking.id, true);
                }
                // Not known (the main window then asks nothing either): apply what was pressed.
                _ => self.activate(&checking.id, false),
            }
            ctx.request_repaint();
            return;
        }
        let Some(applying) = self.applying.take_if(|a| a.ticket == done.ticket) else {
            return;
        };
        match done.result {
            Ok(_) => {
                let text = self.i18n.tr_args("quick-done", &[("profile", applying.name.into())]);
                self.done = Some((text, ctx.input(|input| input.time)));
                ctx.request_repaint();
            }
            Err(error) => self.error = Some(error_text(&self.i18n, &error)),
        }
    }

    /// Re-reads when the window gains focus.
    fn watch_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|input| input.focused);
        if focused && !self.focused {
            self.model.refresh();
        }
        self.focused = focused;
    }

    /// Makes the window as tall as its content (asked only when the content's height changes).
    fn fit(&mut self, ctx: &egui::Context, height: f32) {
        let height = height.ceil();
        if (height - self.fitted_height).abs() >= 1.0 {
            self.fitted_height = height;
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(egui::vec2(WIDTH, height)));
        }
    }
}

/// Starts the main window over `home` as its own process; it opens on Detected when the phone system's
/// settings match no profile, or on the voicemail messages when `messages`.
fn open_main_window(home: &Path, language: Language, messages: bool) {
    let started = std::env::current_exe().and_then(|exe| {
        let mut command = std::process::Command::new(exe);
        command.arg("--home").arg(home).args(["--lang", language.code()]);
        if messages {
            command.arg("messages");
        }
        command.spawn()
    });
    if let Err(error) = started {
        tracing::warn!("the main window could not be opened: {error}");
    }
}

/// Keeps hover texts (why a profile cannot be applied) within this small window: egui wraps them at 500
/// points, wider than the window, so a long sentence was cut off at its edge.
fn fit_tooltips(ctx: &egui::Context) {
    let fitting = (ctx.content_rect().width() - 2.0 * f32::from(MARGIN)).clamp(160.0, 500.0);
    if ctx.global_style().spacing.tooltip_width != fitting {
        ctx.global_style_mut(|style| style.spacing.tooltip_width = fitting);
    }
}

impl eframe::App for QuickApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let _bench_frame = crate::gui::bench_report::frame();
        self.frame_ui(ui);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        crate::gui::backdrop::clear_color(visuals)
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }
}
