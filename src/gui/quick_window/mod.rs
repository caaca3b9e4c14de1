//! The quick-access window: every profile as a large button; a click or keys 1–7 activate one, and the window
//! closes once the phone system has taken it (an error stays in place); Esc closes.

mod entries;
mod footer;
mod header;
mod keys;

use std::path::Path;

use callprofiles_core::{ApplicableSettings, ProfileId};

use crate::gui::model::{Finished, Model};
use crate::gui::worker::{PhoneWorker, Ticket, WorkerCore};
use crate::text::error_text::{error_text, rule_error_text};
use crate::text::i18n::{I18n, Language};

/// The window's width in points; its height follows its content.
pub const WIDTH: f32 = 340.0;

/// The empty space around the window's content.
const MARGIN: i8 = 12;

/// What the user asked for this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuickCommand {
    /// Apply a saved profile, then close.
    Activate(ProfileId),
    /// Apply the n-th saved profile (keys 1…7; 0-based), then close.
    ActivateNth(usize),
    /// Close the window.
    Close,
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
    error: Option<String>,
    closing: bool,
    focused: bool,
    fitted_height: f32,
}

impl QuickApp {
    /// The window over a model, in `language`.
    pub fn new(model: Model, language: Language) -> Self {
        Self {
            model,
            i18n: I18n::new(language),
            applying: None,
            error: None,
            closing: false,
            focused: true,
            fitted_height: 0.0,
        }
    }

    /// A window whose worker runs each request at once on the caller's thread: for tests, display-free.
    pub fn inline(home: &Path, language: Language) -> Self {
        Self::new(Model::new(PhoneWorker::inline(WorkerCore::open(home))), language)
    }

    /// The language shown.
    pub fn language(&self) -> Language {
        self.i18n.language()
    }

    /// The profile being applied now.
    pub fn applying(&self) -> Option<&ProfileId> {
        self.applying.as_ref().map(|applying| &applying.id)
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
        self.watch_focus(ui.ctx());
        let busy = self.applying.is_some() || self.closing;
        let mut commands = keys::keys_ui(ui, busy);
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
    }

    /// The title row, the profiles and the footer.
    fn content_ui(&self, ui: &mut egui::Ui, busy: bool, commands: &mut Vec<QuickCommand>) {
        commands.extend(header::header_ui(ui, &self.i18n, busy));
        let applying = self.applying.as_ref();
        commands.extend(entries::entries_ui(
            ui,
            &self.i18n,
            &self.model,
            applying.map(|a| &a.id),
            busy,
        ));
        let applying_name = applying.map(|a| a.name.as_str());
        footer::footer_ui(ui, &self.i18n, &self.model, applying_name, self.error.as_deref());
    }

    /// Runs one command.
    fn run(&mut self, ctx: &egui::Context, command: QuickCommand) {
        if self.applying.is_some() || self.closing {
            return;
        }
        match command {
            QuickCommand::Activate(id) => self.activate(&id),
            QuickCommand::ActivateNth(index) => {
                if let Some(profile) = self.model.profiles().get(index) {
                    self.activate(&profile.id);
                }
            }
            QuickCommand::Close => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Applies a saved profile, or says at once why it cannot be applied.
    fn activate(&mut self, id: &ProfileId) {
        let Some(profile) = self.model.profile(id) else {
            return;
        };
        let name = self.i18n.profile_name(&profile);
        if let Err(error) = ApplicableSettings::check(&name, &profile.settings) {
            self.error = Some(rule_error_text(&self.i18n, &error));
            return;
        }
        self.error = None;
        let ticket = self.model.activate(id, &name);
        self.applying = Some(Applying {
            ticket,
            id: id.clone(),
            name,
        });
    }

    /// Closes once the profile is applied; keeps the window open with the reason when it failed.
    fn finish(&mut self, ctx: &egui::Context, done: Finished) {
        if self.applying.as_ref().map(|a| a.ticket) != Some(done.ticket) {
            return;
        }
        self.applying = None;
        match done.result {
            Ok(_) => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
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
