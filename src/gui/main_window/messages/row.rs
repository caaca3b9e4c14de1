//! One message of the list: new or heard, who called, when, how long; Play the profile's way and the other
//! way, Mark heard, Delete. Each button's accessible name says which message it acts on.

use callprofiles_core::Playback;
use callprofiles_core::voicemail::{MessageState, VoicemailMessage};
use fluent_bundle::FluentValue;

use super::MessagesPanel;
use crate::gui::command::VoicemailCommand;
use crate::gui::player::{Player, Track};
use crate::text::i18n::I18n;
use crate::text::voicemail_text::{caller_text, duration_text, received_text};

/// Draws one message.
#[must_use]
pub fn message_row_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    panel: &MessagesPanel,
    player: &Player,
    message: &VoicemailMessage,
    playback: Playback,
    computer_audio: bool,
) -> Vec<VoicemailCommand> {
    let mut commands = Vec::new();
    let new = message.state == MessageState::New;
    let caller = caller_text(i18n, message);
    let when = received_text(i18n, message.received);
    let length = duration_text(message.duration_seconds);
    let state = i18n.tr(if new { "vm-state-new" } else { "vm-state-old" });
    // What a screen reader says of the message, and what each of its buttons acts on.
    let spoken = i18n.tr_args(
        "vm-message-spoken",
        &[
            ("state", FluentValue::from(state.clone())),
            ("caller", FluentValue::from(caller.clone())),
            ("time", FluentValue::from(when.clone())),
            ("length", FluentValue::from(length.clone())),
        ],
    );
    let named = |ui: &egui::Ui, response: egui::Response, action: String| {
        let name = format!("{action}: {caller}, {when}");
        let enabled = ui.is_enabled() && response.enabled();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, enabled, &name));
        response
    };
    ui.add_space(4.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let badge = if new {
                egui::RichText::new(format!("⏺ {state}"))
                    .strong()
                    .color(ui.visuals().warn_fg_color)
            } else {
                egui::RichText::new(state).weak()
            };
            ui.label(badge);
            let caller_text = egui::RichText::new(&caller);
            ui.label(if new { caller_text.strong() } else { caller_text })
                .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &spoken));
        });
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("🕓 {when}"));
            ui.weak(format!("⏱ {length}"));
        });
        ui.horizontal_wrapped(|ui| {
            let track = Track::Message(message.id.clone());
            let other = match playback {
                Playback::Phone => Playback::Computer,
                Playback::Computer => Playback::Phone,
            };
            for (way, main) in [(playback, true), (other, false)] {
                let (label, key) = match way {
                    Playback::Phone => ("📞", "vm-play-phone"),
                    Playback::Computer => ("🔊", "vm-play-computer"),
                };
                let text = format!("{label} {}", i18n.tr(key));
                let button = if main {
                    egui::Button::new(egui::RichText::new(text).strong())
                } else {
                    egui::Button::new(text)
                };
                let busy = way == Playback::Computer && panel.fetching(&track);
                let unavailable = way == Playback::Computer && !computer_audio;
                let response = ui.add_enabled(!busy && !unavailable, button);
                let response = named(ui, response, i18n.tr(key));
                let response = if unavailable {
                    super::disabled_because(response, &i18n.tr("vm-computer-audio-unavailable"))
                } else {
                    response
                };
                if response.clicked() {
                    commands.push(VoicemailCommand::Play(message.id.clone(), way));
                }
                if busy {
                    ui.spinner();
                }
            }
            if new {
                let response = ui.button(format!("✔ {}", i18n.tr("vm-mark-heard")));
                if named(ui, response, i18n.tr("vm-mark-heard")).clicked() {
                    commands.push(VoicemailCommand::MarkHeard(message.id.clone()));
                }
            }
            let delete = egui::Button::new(
                egui::RichText::new(format!("🗑 {}", i18n.tr("vm-delete"))).color(ui.visuals().error_fg_color),
            );
            let response = ui.add(delete);
            if named(ui, response, i18n.tr("vm-delete")).clicked() {
                commands.push(VoicemailCommand::Delete(message.id.clone()));
            }
            if player.now().is_some_and(|now| now.track == track) {
                ui.colored_label(
                    crate::gui::main_window::ok_color(ui),
                    format!("🔊 {}", i18n.tr("vm-playing")),
                );
            }
        });
        if let Some(problem) = panel.problem(&Track::Message(message.id.clone())) {
            ui.add(
                egui::Label::new(egui::RichText::new(format!("✖ {problem}")).color(ui.visuals().error_fg_color)).wrap(),
            );
        }
    });
    commands
}
