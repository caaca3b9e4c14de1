//! The computer's player above the list: what plays, Pause/Resume, Stop, position and a progress bar.

use fluent_bundle::FluentValue;

use super::MessagesPanel;
use crate::gui::command::VoicemailCommand;
use crate::gui::player::{Player, Track, minutes_seconds};
use crate::text::i18n::I18n;
use crate::text::voicemail_text::caller_text;

/// Width of the progress bar.
const PROGRESS_WIDTH: f32 = 220.0;
/// How far the arrow keys move the position while the bar has the focus.
const ARROW_STEP: std::time::Duration = std::time::Duration::from_secs(5);

/// Draws the player while something plays on the computer.
#[must_use]
pub fn player_bar_ui(ui: &mut egui::Ui, i18n: &I18n, panel: &MessagesPanel, player: &Player) -> Vec<VoicemailCommand> {
    let mut commands = Vec::new();
    let Some(now) = player.now() else {
        return commands;
    };
    let what = match &now.track {
        Track::Message(id) => panel
            .message(id)
            .map_or_else(|| id.to_string(), |message| caller_text(i18n, message)),
        Track::Greeting(slot) => i18n.tr_args("greeting-recorded", &[("number", FluentValue::from(slot.get()))]),
    };
    commands.extend(controls_ui(ui, i18n, player, &what));
    commands
}

/// The controls, the position and the bar, for any track (the form's greetings use them too).
#[must_use]
pub fn controls_ui(ui: &mut egui::Ui, i18n: &I18n, player: &Player, what: &str) -> Vec<VoicemailCommand> {
    let mut commands = Vec::new();
    let Some(now) = player.now() else {
        return commands;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(format!(
                    "🔊 {}",
                    i18n.tr_args("vm-now-playing", &[("what", FluentValue::from(what.to_owned()))])
                ))
                .strong(),
            );
            let (symbol, key) = if now.paused {
                ("▶", "vm-resume")
            } else {
                ("⏸", "vm-pause")
            };
            if ui.button(format!("{symbol} {}", i18n.tr(key))).clicked() {
                commands.push(VoicemailCommand::TogglePause);
            }
            if ui.button(format!("■ {}", i18n.tr("vm-stop"))).clicked() {
                commands.push(VoicemailCommand::Stop);
            }
            let position = player.position();
            let fraction = if now.duration.is_zero() {
                0.0
            } else {
                (position.as_secs_f32() / now.duration.as_secs_f32()).clamp(0.0, 1.0)
            };
            let shown = format!("{} / {}", minutes_seconds(position), minutes_seconds(now.duration));
            let bar = ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(PROGRESS_WIDTH.min(ui.available_width()))
                    .text(shown.clone()),
            );
            commands.extend(seek_ui(ui, i18n, &bar, now.duration));
            bar.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::accesskit::Role::ProgressIndicator,
                    true,
                    i18n.tr_args("vm-position", &[("position", FluentValue::from(shown.clone()))]),
                )
            });
        });
    });
    commands
}

/// The bar as a seek control: a click or a drag moves the position there; with the focus (Tab), the
/// arrow keys move it 5 s back or forward.
#[must_use]
fn seek_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    bar: &egui::Response,
    duration: std::time::Duration,
) -> Option<VoicemailCommand> {
    let seek = ui
        .interact(bar.rect, bar.id.with("seek"), egui::Sense::click_and_drag())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    seek.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Slider, true, i18n.tr("vm-seek")));
    if let Some(pointer) = seek.interact_pointer_pos()
        && (seek.clicked() || seek.dragged())
        && bar.rect.width() > 0.0
    {
        let fraction = ((pointer.x - bar.rect.left()) / bar.rect.width()).clamp(0.0, 1.0);
        return Some(VoicemailCommand::Seek(duration.mul_f32(fraction)));
    }
    if seek.has_focus() {
        // As egui's slider does: ← and → are this control's, not a move of the focus.
        ui.memory_mut(|memory| {
            memory.set_focus_lock_filter(
                seek.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    ..Default::default()
                },
            );
        });
        let (back, forward) = ui.input(|input| {
            (
                input.key_pressed(egui::Key::ArrowLeft),
                input.key_pressed(egui::Key::ArrowRight),
            )
        });
        if back || forward {
            return Some(VoicemailCommand::Skip(ARROW_STEP, forward));
        }
    }
    None
}
