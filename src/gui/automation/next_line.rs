//! "Next: Home at 16:00, schedule", and the hold now ("Office until 17:00, then the schedule") with
//! *Resume schedule*. Drawn without a timer: one repaint is scheduled for the next change, none before.

use crate::gui::command::AutomationCommand;
use crate::gui::model::Model;
use crate::text::i18n::I18n;
use crate::text::reason_text::{hold_text, long_reason, next_text, profile_text};

/// Draws the lines (with which rule decides now when `detailed`); returns *Resume schedule* when clicked.
/// Nothing is drawn while no rule is set and nothing is held.
#[must_use]
pub fn next_lines_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model, detailed: bool) -> Option<AutomationCommand> {
    let view = model.automation()?;
    if view.rules.is_empty() && view.hold.is_none() && !detailed {
        return None;
    }
    let book = model.book();
    let mut command = None;
    if detailed {
        let now = view.now.to_zoned(view.rules.time_zone.time_zone().clone());
        let text = match &view.decision {
            Some(decision) => i18n.tr_args(
                "now-line",
                &[
                    ("profile", profile_text(i18n, book, &decision.profile).into()),
                    ("why", long_reason(i18n, &decision.reason, &view.rules, &now).into()),
                ],
            ),
            None => i18n.tr("now-none"),
        };
        ui.add(egui::Label::new(egui::RichText::new(text).strong()).wrap());
    }
    if let Some(hold) = &view.hold {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("⏱ {}", hold_text(i18n, hold, view, book)));
            if ui
                .button(i18n.tr("resume-schedule"))
                .on_hover_text(i18n.tr("resume-schedule-tooltip"))
                .clicked()
            {
                command = Some(AutomationCommand::ResumeSchedule);
            }
        });
    }
    match &view.next {
        Some(next) => {
            ui.add(egui::Label::new(next_text(i18n, next, view, book)).wrap());
        }
        None if detailed => {
            ui.weak(i18n.tr("next-none"));
        }
        None => {}
    }
    command
}

/// Schedules one repaint for the next change (and none before it); once it has come, asks the worker to
/// re-read so that the lines move on. `asked_for` remembers the change already re-read for.
pub fn wake_at_next_change(ctx: &egui::Context, model: &mut Model, asked_for: &mut Option<jiff::Timestamp>) {
    let Some(at) = model
        .automation()
        .and_then(|view| view.next.as_ref())
        .map(|next| next.at)
    else {
        return;
    };
    let left = at.duration_since(jiff::Timestamp::now());
    if left.is_positive() {
        let wait = std::time::Duration::try_from(left).unwrap_or(std::time::Duration::from_secs(60));
        ctx.request_repaint_after(wait);
    } else if *asked_for != Some(at) {
        *asked_for = Some(at);
        model.refresh();
    }
}

/// The status line's one row: the hold with *Resume schedule*, then "Next: …" (nothing while no rule is
/// set and nothing is held).
#[must_use]
pub fn next_row_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<AutomationCommand> {
    let view = model.automation()?;
    if view.rules.is_empty() && view.hold.is_none() {
        return None;
    }
    let book = model.book();
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if let Some(hold) = &view.hold {
            ui.label(format!("⏱ {}", hold_text(i18n, hold, view, book)));
            if ui
                .small_button(i18n.tr("resume-schedule"))
                .on_hover_text(i18n.tr("resume-schedule-tooltip"))
                .clicked()
            {
                command = Some(AutomationCommand::ResumeSchedule);
            }
            ui.separator();
        }
        match &view.next {
            Some(next) => ui.label(next_text(i18n, next, view, book)),
            None => ui.weak(i18n.tr("next-none")),
        };
    });
    command
}
