//! The main window: profile sidebar, settings form, Detected, dialogs and status line.

mod actions;
mod automation_actions;
mod call;
pub mod call_flow;
mod comparison;
mod connection;
mod damaged;
mod detected_view;
mod dialogs;
mod file_chooser;
mod form;
mod greetings;
mod history;
mod import_dialog;
mod messages;
mod modal;
mod profile_view;
mod rules;
mod scrolled;
mod server_language;
mod shortcuts;
mod sidebar;
mod sidebar_row;
mod status;
mod toolbar;

use std::collections::HashMap;

use callprofiles_core::{BuiltIn, ProfileId};

use crate::gui::backdrop;
use crate::gui::command::{Dialog, Leave, Selection, UiCommand};
use crate::gui::draft::Draft;
use crate::gui::model::Model;
use crate::gui::player::{Player, RodioSpeakers, Speakers};
use crate::gui::state::State;
use crate::gui::worker::Ticket;
use crate::text::error_text::error_text;
use crate::text::i18n::{I18n, Language};

pub use connection::ConnectionForm;
pub use file_chooser::FileChooser;
pub use status::ok_color;

/// A message for the user about the last thing that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The sentence.
    pub text: String,
    /// Whether it reports a failure (it stays until dismissed or replaced; other notices fade).
    pub error: bool,
    /// Whether it offers Undo (of a Revert).
    pub undo: bool,
}

impl Notice {
    /// A notice of something done, which fades after [`NOTICE_FADES_AFTER`] seconds.
    pub fn info(text: String) -> Self {
        Self {
            text,
            error: false,
            undo: false,
        }
    }

    /// A failure, which stays until dismissed or replaced.
    pub fn error(text: String) -> Self {
        Self {
            text,
            error: true,
            undo: false,
        }
    }
}

/// Seconds a notice of success stays in the status line (it would soon be untrue: the phone system changes).
pub const NOTICE_FADES_AFTER: f64 = 8.0;

/// What to do when a request finishes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum AfterFinish {
    /// Go on with what the user was doing before saving.
    Leave(Leave),
    /// An export or import from the open file dialog: close it when done, keep a failure in it.
    FileDialog,
    /// Saving the rules: a refusal goes under the row it is about.
    SaveRules,
}

/// The main window's app: the model plus everything only this window shows.
pub struct MainApp {
    /// The shared model (worker, snapshot).
    pub model: Model,
    i18n: I18n,
    state: State,
    forced_language: Option<Language>,
    selection: Selection,
    selection_settled: bool,
    draft: Option<Draft>,
    dialog: Option<Dialog>,
    notice: Option<Notice>,
    /// The notice shown, and since when (the window's time in seconds), for fading.
    notice_since: Option<(Notice, f64)>,
    /// The edit the last Revert threw away, for Undo.
    reverted: Option<Draft>,
    after: HashMap<Ticket, AfterFinish>,
    focused: bool,
    title: String,
    chooser: FileChooser,
    close_confirmed: bool,
    connection: Option<ConnectionForm>,
    /// The rules view (its draft lives as long as the window).
    rules: rules::RulesPanel,
    /// The "until" menu's typed time and choice of what comes after.
    until: crate::gui::automation::until::UntilForm,
    /// The next change already re-read for.
    woke_for: Option<jiff::Timestamp>,
    /// The voicemail messages and greetings as last listed, and the view's pending delete.
    messages: messages::MessagesPanel,
    /// The panel's requests in flight.
    voicemail_in_flight: messages::InFlight,
    /// Plays messages and greetings on the computer.
    player: Player,
    /// The language last told to the callprofiles server, and which server.
    told_language: server_language::Told,
}

impl MainApp {
    /// The app over a model; `forced_language` is `--lang`, which wins over the saved choice for this run.
    pub fn new(model: Model, state: State, forced_language: Option<Language>, chooser: FileChooser) -> Self {
        let language = forced_language.unwrap_or_else(|| state.language.resolve());
        Self {
            model,
            i18n: I18n::new(language),
            state,
            forced_language,
            selection: Selection::Profile(BuiltIn::Office.id()),
            selection_settled: false,
            draft: None,
            dialog: None,
            notice: None,
            notice_since: None,
            reverted: None,
            after: HashMap::new(),
            focused: true,
            title: String::new(),
            chooser,
            close_confirmed: false,
            connection: None,
            rules: rules::RulesPanel::default(),
            until: crate::gui::automation::until::UntilForm::default(),
            woke_for: None,
            messages: messages::MessagesPanel::default(),
            voicemail_in_flight: messages::InFlight::default(),
            player: Player::new(Box::new(RodioSpeakers::default())),
            told_language: None,
        }
    }

    /// The start-at-login checkbox the rules view shows (none: not shown).
    #[must_use]
    pub fn with_autostart(mut self, autostart: crate::gui::autostart_setting::AutostartSetting) -> Self {
        self.rules.autostart = Some(autostart);
        self
    }

    /// Opens on the voicemail messages rather than the active profile.
    #[must_use]
    pub fn showing_messages(mut self) -> Self {
        self.selection = Selection::Messages;
        self.selection_settled = true;
        self
    }

    /// Plays on these speakers instead of the computer's sound device (tests).
    #[must_use]
    pub fn with_speakers(mut self, speakers: Box<dyn Speakers>) -> Self {
        self.player = Player::new(speakers);
        self
    }

    /// The computer's player.
    pub fn player(&self) -> &Player {
        &self.player
    }

    /// The persisted state (language choice).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The language shown now.
    pub fn language(&self) -> Language {
        self.i18n.language()
    }

    /// The entry shown in the form.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The edit in progress.
    pub fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }

    /// The open dialog.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The last message shown to the user.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The phone-system connection form, when open.
    pub fn connection_form(&self) -> Option<&ConnectionForm> {
        self.connection.as_ref()
    }

    /// The window title now (e.g. "callprofiles — Office is active").
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Asks the worker to re-read now (as when the window gains focus).
    pub fn refresh(&mut self) {
        self.model.refresh();
    }

    /// Draws one frame of the whole window and runs what the user asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let finished = self.model.poll();
        for done in finished {
            let Some(done) = self.voicemail_finished(done) else {
                continue;
            };
            let shown_in_form = self.connection_finished(&done);
            self.finish(ui.ctx(), done, shown_in_form);
        }
        if self.model.take_outside_change() {
            self.notice = Some(Notice::info(self.outside_change_text()));
        }
        if let Some(waiting) = self.model.take_voicemail_arrival() {
            self.notice = Some(Notice::info(
                self.i18n.tr_args("notice-new-voicemail", &[("count", waiting.into())]),
            ));
            // The desktop's own way to draw the eye to a window in the background (a blinking task entry).
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(
                egui::UserAttentionType::Informational,
            ));
        }
        self.watch_focus(ui.ctx());
        self.sync_selection();
        self.voicemail_frame(ui.ctx());
        let mut commands = Vec::new();
        commands.extend(self.guard_close(ui.ctx()));
        if let Some(action) = self.chooser.poll() {
            commands.push(action);
        }
        if self.connection.is_none() {
            commands.extend(shortcuts::shortcuts_ui(ui, self));
        }
        commands.extend(self.panels_ui(ui));
        if let Some(dialog) = self.dialog.as_mut() {
            commands.extend(dialogs::dialog_ui(
                ui,
                &self.i18n,
                &self.model,
                self.draft.as_ref(),
                self.rules.draft.dirty(),
                dialog,
            ));
        }
        if let Some(form) = self.connection.as_mut() {
            commands.extend(connection::connection_ui(ui, &self.i18n, &self.model, form));
        }
        let ran_any = !commands.is_empty();
        for command in commands {
            self.run(ui.ctx(), command);
        }
        if ran_any {
            // Show the result of what was just done (an inline worker has already answered).
            ui.ctx().request_repaint();
        }
        self.tell_server_language();
        self.fade_notice(ui.ctx());
        self.update_title(ui.ctx());
        crate::gui::automation::next_line::wake_at_next_change(ui.ctx(), &mut self.model, &mut self.woke_for);
    }

    /// Removes a notice of success once it has been shown for [`NOTICE_FADES_AFTER`] seconds (one repaint
    /// is scheduled for then, so an idle window stays idle until it).
    fn fade_notice(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        let Some(notice) = self.notice.as_ref() else {
            self.notice_since = None;
            return;
        };
        let since = match &self.notice_since {
            Some((shown, since)) if shown == notice => *since,
            _ => {
                self.notice_since = Some((notice.clone(), now));
                now
            }
        };
        if notice.error {
            return;
        }
        let left = since + NOTICE_FADES_AFTER - now;
        if left <= 0.0 {
            self.notice = None;
            self.notice_since = None;
            ctx.request_repaint();
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
    }

    /// What a change of the phone system's settings by someone else led to.
    fn outside_change_text(&self) -> String {
        match self.model.active_id() {
            Some(id) => self.i18n.tr_args(
                "notice-changed-outside-profile",
                &[("profile", self.shown_name(&id).into())],
            ),
            None => self.i18n.tr("notice-changed-outside-detected"),
        }
    }

    /// The panels: toolbar, status line, sidebar and the central form.
    fn panels_ui(&mut self, ui: &mut egui::Ui) -> Vec<UiCommand> {
        let mut commands = Vec::new();
        egui::Panel::top("toolbar")
            .frame(backdrop::side_panel_frame(ui.style()))
            .show(ui, |ui| {
                commands.extend(toolbar::toolbar_ui(
                    ui,
                    &self.i18n,
                    &self.model,
                    &self.state,
                    self.forced_language,
                ));
            });
        egui::Panel::bottom("status")
            .frame(backdrop::side_panel_frame(ui.style()))
            .show(ui, |ui| {
                let notice = self.notice.as_ref();
                let undo = notice.is_some_and(|n| n.undo) && self.reverted.is_some();
                commands.extend(status::status_ui(
                    ui,
                    &self.i18n,
                    &self.model,
                    notice,
                    undo,
                    self.messages.new_awaiting_delete(),
                ));
            });
        if self.model.detected().is_some() && self.selection != Selection::Detected {
            egui::Panel::top("detected_banner")
                .frame(backdrop::side_panel_frame(ui.style()).inner_margin(egui::Margin::symmetric(6, 4)))
                .show(ui, |ui| {
                    commands.extend(detected_view::banner_ui(ui, &self.i18n, &self.model));
                });
        }
        if let Some(problem) = self.model.store_problem() {
            egui::CentralPanel::default()
                .frame(backdrop::central_panel_frame(ui.style()))
                .show(ui, |ui| {
                    commands.extend(damaged::damaged_ui(ui, &self.i18n, problem));
                });
            return commands;
        }
        egui::Panel::left("profiles")
            .frame(backdrop::side_panel_frame(ui.style()))
            .resizable(true)
            .default_size(230.0)
            .size_range(190.0..=360.0)
            .show(ui, |ui| {
                commands.extend(sidebar::sidebar_ui(
                    ui,
                    &self.i18n,
                    &self.model,
                    &self.selection,
                    self.messages.new_count(),
                ));
            });
        // Each view scrolls its own form, keeping its heading and buttons in sight.
        egui::CentralPanel::default()
            .frame(backdrop::central_panel_frame(ui.style()))
            .show(ui, |ui| {
                let command = match &self.selection {
                    Selection::Detected => detected_view::detected_ui(ui, &self.i18n, &self.model),
                    Selection::Rules => match self.model.automation_problem() {
                        Some(problem) => {
                            ui.add_space(4.0);
                            ui.heading(self.i18n.tr("rules-title"));
                            ui.colored_label(ui.visuals().error_fg_color, error_text(&self.i18n, problem));
                            None
                        }
                        None => self.rules.ui(ui, &self.i18n, &self.model),
                    },
                    Selection::History => history::history_ui(ui, &self.i18n, &self.model),
                    Selection::Messages => {
                        let asked = self.messages.ui(ui, &self.i18n, &self.model, &self.player);
                        commands.extend(asked.into_iter().map(UiCommand::Voicemail));
                        None
                    }
                    Selection::Profile(_) => match self.draft.as_mut() {
                        Some(draft) => {
                            let voicemail = greetings::GreetingsView {
                                panel: &self.messages,
                                player: &self.player,
                            };
                            profile_view::profile_ui(ui, &self.i18n, &self.model, draft, &voicemail, &mut self.until)
                        }
                        None => {
                            ui.label(self.i18n.tr("status-starting"));
                            None
                        }
                    },
                };
                commands.extend(command);
            });
        commands
    }

    /// Re-reads when the window gains focus.
    fn watch_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|input| input.focused);
        if focused && !self.focused {
            self.model.refresh();
            // Messages may have been heard on the phone, a greeting recorded meanwhile.
            self.messages.list_again();
        }
        self.focused = focused;
    }

    /// Keeps the selection on something that exists and the draft on the selected profile.
    fn sync_selection(&mut self) {
        if !self.model.loaded() {
            return;
        }
        if let Some(view) = self.model.automation() {
            let rules = view.rules.clone();
            self.rules.sync(&rules, &self.model.profiles());
        }
        if !self.selection_settled && self.model.live().is_some() {
            self.selection = match self.model.active_id() {
                Some(id) => Selection::Profile(id),
                None if self.model.detected().is_some() => Selection::Detected,
                None => Selection::Profile(BuiltIn::Office.id()),
            };
            self.selection_settled = true;
        }
        match &self.selection {
            Selection::Detected if self.model.detected().is_none() && self.model.live().is_some() => {
                self.selection = Selection::Profile(self.model.active_id().unwrap_or_else(|| BuiltIn::Office.id()));
            }
            Selection::Profile(id) if self.model.profile(id).is_none() && self.model.book().is_some() => {
                self.selection = Selection::Profile(BuiltIn::Office.id());
            }
            _ => {}
        }
        self.sync_draft();
    }

    /// Starts, rebases or keeps the draft of the selected profile.
    fn sync_draft(&mut self) {
        let Selection::Profile(id) = &self.selection else {
            self.draft = None;
            return;
        };
        let Some(profile) = self.model.profile(id) else {
            return;
        };
        let saved = &profile.settings;
        match self.draft.as_mut().filter(|draft| &draft.id == id) {
            // Untouched since the last sync, or edited by the user over the same saved settings.
            Some(draft) if &draft.base == saved => {}
            // A save that landed, or a change elsewhere to exactly what the form shows.
            Some(draft) if draft.settings().is_ok_and(|s| &s == saved) => draft.base = saved.clone(),
            // Edits in progress over settings changed elsewhere: the user's edits win until saved or reverted.
            Some(draft) if draft.dirty() => {}
            _ => self.draft = Some(Draft::new(id.clone(), saved)),
        }
    }

    /// Whether the form holds unsaved changes.
    pub fn has_unsaved_changes(&self) -> bool {
        self.draft.as_ref().is_some_and(Draft::dirty)
    }

    /// Asks before closing the window with unsaved changes.
    fn guard_close(&mut self, ctx: &egui::Context) -> Option<UiCommand> {
        let asked = ctx.input(|input| input.viewport().close_requested());
        if asked && !self.close_confirmed && !self.has_unsaved_changes() && self.rules.draft.dirty() {
            // Unsaved rules are not lost to a close: the window stays on them and says why.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.selection = Selection::Rules;
            self.notice = Some(Notice::error(self.i18n.tr("rules-unsaved-close")));
            return None;
        }
        if !asked || self.close_confirmed || !self.has_unsaved_changes() {
            return None;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        Some(UiCommand::Open(Dialog::Unsaved {
            then: Leave::CloseWindow,
        }))
    }

    /// Sets the window title when it changes ("callprofiles — Office active").
    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match (self.model.active_id(), self.model.detected()) {
            (Some(id), _) => {
                let name = self
                    .model
                    .profile(&id)
                    .map(|p| self.i18n.profile_name(&p))
                    .unwrap_or_default();
                self.i18n.tr_args("window-title-active", &[("profile", name.into())])
            }
            (None, Some(_)) => self.i18n.tr("window-title-detected"),
            (None, None) => self.i18n.tr("window-title"),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The shown name of a saved profile.
    fn shown_name(&self, id: &ProfileId) -> String {
        self.model
            .profile(id)
            .map(|profile| self.i18n.profile_name(&profile))
            .unwrap_or_else(|| id.to_string())
    }
}

impl eframe::App for MainApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let _bench_frame = crate::gui::bench_report::frame();
        self.frame_ui(ui);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        backdrop::clear_color(visuals)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.save(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.commit_deletes_before_quitting();
    }
}
