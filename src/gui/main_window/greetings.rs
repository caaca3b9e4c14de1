//! The form's active-greeting choice: the system greeting and 1–9, each marked recorded or not (as the
//! phone system says); a chosen greeting that is not recorded is flagged (callers would hear the system
//! greeting), and the chosen slot can be recorded by phone, listened to on the computer or uploaded.

use callprofiles_core::{Greeting, PhoneSystemKind};
use fluent_bundle::FluentValue;

use super::messages::{MessagesPanel, disabled_because};
use crate::gui::command::{UiCommand, VoicemailCommand};
use crate::gui::draft::Draft;
use crate::gui::model::Model;
use crate::gui::player::{Player, Track};
use crate::text::i18n::I18n;
use crate::text::labels::greeting_label;

/// What the greeting choice needs besides the draft.
pub struct GreetingsView<'a> {
    /// Which greetings are recorded (from the messages panel's listing).
    pub panel: &'a MessagesPanel,
    /// The computer's player (Listen).
    pub player: &'a Player,
}

/// A greeting's name in the list, with whether it is recorded when that is known.
fn choice_label(i18n: &I18n, view: &GreetingsView<'_>, greeting: Greeting) -> String {
    let name = greeting_label(i18n, greeting);
    match (greeting, view.panel.greetings()) {
        (Greeting::Recorded(_), Some(recorded)) if recorded.has(greeting) => {
            format!("{name} — {}", i18n.tr("vm-greeting-recorded"))
        }
        (Greeting::Recorded(_), Some(_)) => format!("{name} — {}", i18n.tr("vm-greeting-not-recorded")),
        _ => name,
    }
}

/// Draws the choice and, for a chosen slot, what can be done with it.
#[must_use]
pub fn greeting_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    draft: &mut Draft,
    view: &GreetingsView<'_>,
) -> Option<UiCommand> {
    let mut command = None;
    // Wrapped: in a narrow (or zoomed) window the menu moves under its label rather than widening the form.
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(i18n.tr("field-greeting"));
        egui::ComboBox::from_id_salt("greeting")
            .selected_text(choice_label(i18n, view, draft.voicemail.greeting))
            .show_ui(ui, |ui| {
                for greeting in Draft::greetings() {
                    ui.selectable_value(
                        &mut draft.voicemail.greeting,
                        greeting,
                        choice_label(i18n, view, greeting),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
    let Greeting::Recorded(slot) = draft.voicemail.greeting else {
        return None;
    };
    let recorded = view
        .panel
        .greetings()
        .map(|recorded| recorded.has(draft.voicemail.greeting));
    if recorded == Some(false) {
        let text = i18n.tr_args(
            "vm-greeting-unrecorded-warning",
            &[("number", FluentValue::from(slot.get()))],
        );
        let warning = egui::RichText::new(format!("⚠ {text}")).color(ui.visuals().warn_fg_color);
        // In a row of its own: the form's column would stretch the words of a wrapped label apart.
        ui.horizontal(|ui| ui.add(egui::Label::new(warning).wrap()));
    }
    let demo = model.phone_system().is_some_and(|p| p.kind == PhoneSystemKind::Demo);
    let computer_audio = model.computer_audio();
    let no_audio_reason = i18n.tr("vm-greeting-audio-unavailable");
    ui.horizontal_wrapped(|ui| {
        let number = FluentValue::from(slot.get());
        let record = ui
            .add_enabled(
                !demo,
                egui::Button::new(format!("📞 {}", i18n.tr("vm-record-by-phone"))),
            )
            .on_hover_text(i18n.tr_args("vm-record-by-phone-tooltip", &[("number", number.clone())]))
            .on_disabled_hover_text(i18n.tr("error-record-by-phone-unsupported"));
        if record.clicked() {
            command = Some(VoicemailCommand::RecordGreeting(slot));
        }
        let track = Track::Greeting(slot);
        let listen = ui.add_enabled(
            computer_audio && recorded != Some(false) && !view.panel.fetching(&track),
            egui::Button::new(format!("🔊 {}", i18n.tr("vm-listen"))),
        );
        let listen = if computer_audio {
            listen.on_disabled_hover_text(i18n.tr("vm-listen-unrecorded"))
        } else {
            disabled_because(listen, &no_audio_reason)
        }
        .on_hover_text(i18n.tr_args("vm-listen-tooltip", &[("number", number.clone())]));
        if listen.clicked() {
            command = Some(VoicemailCommand::ListenGreeting(slot));
        }
        let upload = ui.add_enabled(computer_audio, egui::Button::new(i18n.tr("vm-upload-wav")));
        let upload = disabled_because(upload, &no_audio_reason)
            .on_hover_text(i18n.tr_args("vm-upload-wav-tooltip", &[("number", number)]));
        if upload.clicked() {
            command = Some(VoicemailCommand::ChooseGreetingFile(slot));
        }
    });
    if let Some(problem) = view.panel.problem(&Track::Greeting(slot)) {
        ui.add(egui::Label::new(egui::RichText::new(format!("✖ {problem}")).color(ui.visuals().error_fg_color)).wrap());
    }
    if view.player.now().is_some_and(|now| now.track == Track::Greeting(slot)) {
        let what = greeting_label(i18n, draft.voicemail.greeting);
        command = super::messages::player_bar::controls_ui(ui, i18n, view.player, &what)
            .into_iter()
            .next()
            .or(command);
    }
    command.map(UiCommand::Voicemail)
}
