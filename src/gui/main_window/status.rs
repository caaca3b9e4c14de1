//! The status line: the last message, which phone system is connected, its state and the last read.

use callprofiles_core::PhoneSystemKind;
use fluent_bundle::FluentValue;

use super::Notice;
use crate::gui::command::{ConnectionCommand, UiCommand};
use crate::gui::model::{Busy, Model, PhoneState};
use crate::text::error_text::error_text;
use crate::text::i18n::I18n;

/// Draws the status line.
#[must_use]
pub fn status_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    model: &Model,
    notice: Option<&Notice>,
    undo: bool,
    new_awaiting_delete: u64,
) -> Option<UiCommand> {
    let mut command = None;
    ui.add_space(2.0);
    if let Some(notice) = notice {
        ui.horizontal(|ui| {
            let dismiss = ui.small_button("×").on_hover_text(i18n.tr("button-dismiss"));
            dismiss.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, i18n.tr("button-dismiss"))
            });
            if dismiss.clicked() {
                command = Some(UiCommand::DismissNotice);
            }
            if undo && ui.button(i18n.tr("button-undo")).clicked() {
                command = Some(UiCommand::UndoRevert);
            }
            let color = if notice.error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().strong_text_color()
            };
            ui.add(egui::Label::new(egui::RichText::new(&notice.text).color(color)).wrap());
        });
        ui.separator();
    }
    if let Some(asked) = crate::gui::automation::next_line::next_row_ui(ui, i18n, model) {
        command = Some(UiCommand::Automation(asked));
    }
    ui.horizontal_wrapped(|ui| {
        let demo = model.phone_system().is_some_and(|p| p.kind == PhoneSystemKind::Demo) && model.asterisk().is_none();
        let tooltip = i18n.tr(if demo {
            "tooltip-phone-demo"
        } else {
            "tooltip-phone-system"
        });
        let phone_system = ui.link(phone_system_text(i18n, model)).on_hover_text(tooltip);
        if phone_system.clicked() {
            command = Some(UiCommand::Connection(ConnectionCommand::Open));
        }
        segment_ui(ui, state_pieces(ui, i18n, model));
        if model.worker_stopped() && ui.button(i18n.tr("button-restart-worker")).clicked() {
            command = Some(UiCommand::RestartWorker);
        }
        if model.do_not_disturb() {
            let text = i18n.tr("status-do-not-disturb");
            segment_ui(ui, vec![Piece::Whole(egui::RichText::new(text).strong().into())]);
        }
        // The phone system's count, less a message the user deleted whose Undo has not run out yet, so the
        // status line agrees with the list and the sidebar meanwhile.
        let new = model
            .new_messages()
            .map(|count| count.saturating_sub(new_awaiting_delete));
        if let Some(count) = new.filter(|count| *count > 0) {
            let text = i18n.tr_args("status-new-voicemail", &[("count", FluentValue::from(count))]);
            segment_ui(ui, vec![Piece::Whole(egui::RichText::new(text).strong().into())]);
        }
        if super::call::telecommuter_number(model).is_some() {
            ui.separator();
            if let Some(call) = super::call::call_button_ui(ui, i18n, model) {
                command = Some(call);
            }
        }
        // The demo's file is watched, so it is always up to date: only a PBX's last read says something.
        let last_read = model.last_read_secs();
        if last_read > 0 && !demo {
            let text = i18n.tr_args(
                "status-last-read",
                &[("time", FluentValue::from(clock_time(last_read)))],
            );
            segment_ui(ui, vec![Piece::Whole(egui::RichText::new(text).weak().into())]);
        }
    });
    ui.add_space(2.0);
    command
}

/// Which phone system is connected (an Asterisk with its `host:port` and extension); the demo says
/// plainly that there is no PBX.
pub fn phone_system_text(i18n: &I18n, model: &Model) -> String {
    if let Some(config) = model.asterisk() {
        return i18n.tr_args(
            "status-phone-asterisk-at",
            &[
                ("address", FluentValue::from(config.address())),
                ("extension", FluentValue::from(config.extension.to_string())),
            ],
        );
    }
    match model.phone_system() {
        None => i18n.tr("status-phone-unknown"),
        Some(description) => match description.kind {
            PhoneSystemKind::Demo => i18n.tr("status-phone-demo"),
            PhoneSystemKind::Asterisk => i18n.tr_args(
                "status-phone-asterisk",
                &[("summary", FluentValue::from(description.summary.clone()))],
            ),
            PhoneSystemKind::Server => match model.server() {
                Some(server) => i18n.tr_args(
                    "status-phone-server",
                    &[
                        ("url", FluentValue::from(server.url.to_string())),
                        ("extension", FluentValue::from(server.extension.to_string())),
                    ],
                ),
                None => i18n.tr_args(
                    "status-phone-asterisk",
                    &[("summary", FluentValue::from(description.summary.clone()))],
                ),
            },
        },
    }
}

/// One part of the status line.
enum Piece {
    /// A spinner (something is in progress).
    Spinner,
    /// A short text that moves to the next line as a whole rather than breaking between its words.
    Whole(egui::WidgetText),
    /// A long text that wraps.
    Wrapped(egui::WidgetText),
}

/// Connected, applying or the error.
fn state_pieces(ui: &egui::Ui, i18n: &I18n, model: &Model) -> Vec<Piece> {
    let whole = |text: String| Piece::Whole(text.into());
    match model.phone_state() {
        PhoneState::WorkerStopped => {
            let color = ui.visuals().error_fg_color;
            vec![Piece::Wrapped(
                egui::RichText::new(format!("✖ {}", i18n.tr("status-worker-stopped")))
                    .color(color)
                    .into(),
            )]
        }
        PhoneState::Starting => vec![Piece::Spinner, whole(i18n.tr("status-starting"))],
        // The phone system works, but the app does not until the profiles file is fixed: no green "Ready".
        PhoneState::Connected if model.store_problem().is_some() => vec![Piece::Whole(
            egui::RichText::new(format!("✖ {}", i18n.tr("status-profiles-unreadable")))
                .color(ui.visuals().error_fg_color)
                .into(),
        )],
        PhoneState::Connected => {
            // The demo has nothing to connect to: it says it works, not that it is connected.
            let demo = model.phone_system().is_some_and(|p| p.kind == PhoneSystemKind::Demo);
            let text = i18n.tr(if demo { "status-demo-ready" } else { "status-connected" });
            vec![Piece::Whole(
                egui::RichText::new(format!("✔ {text}")).color(ok_color(ui)).into(),
            )]
        }
        PhoneState::Busy(Busy::Applying(name)) => vec![
            Piece::Spinner,
            whole(i18n.tr_args("status-applying", &[("profile", FluentValue::from(name.clone()))])),
        ],
        PhoneState::Busy(Busy::Saving) => vec![Piece::Spinner, whole(i18n.tr("status-saving"))],
        PhoneState::Busy(Busy::Calling(number)) => vec![
            Piece::Spinner,
            whole(i18n.tr_args("status-calling", &[("number", FluentValue::from(number.clone()))])),
        ],
        PhoneState::Busy(Busy::Connecting(address)) => vec![
            Piece::Spinner,
            whole(i18n.tr_args("status-connecting", &[("address", FluentValue::from(address.clone()))])),
        ],
        // No spinner: the worker retries at every poll, and an idle window must not keep repainting.
        PhoneState::Reconnecting(error) => vec![
            Piece::Whole(
                egui::RichText::new(format!("⚠ {}", i18n.tr("status-reconnecting")))
                    .color(ui.visuals().warn_fg_color)
                    .into(),
            ),
            Piece::Wrapped(error_text(i18n, error).into()),
        ],
        PhoneState::Failed(error) => {
            let color = ui.visuals().error_fg_color;
            vec![
                Piece::Whole(
                    egui::RichText::new(format!("✖ {}", i18n.tr("status-error")))
                        .color(color)
                        .into(),
                ),
                Piece::Wrapped(egui::RichText::new(error_text(i18n, error)).color(color).into()),
            ]
        }
    }
}

/// A part of the status line after a separator; when its start does not fit on the current line it begins
/// the next line instead, so no separator is left hanging at the end of a line.
fn segment_ui(ui: &mut egui::Ui, pieces: Vec<Piece>) {
    let spacing = ui.spacing().item_spacing.x;
    let separator = 2.0 * spacing + 1.0;
    let mut start = 0.0;
    for piece in &pieces {
        match piece {
            Piece::Spinner => start += ui.spacing().interact_size.y + spacing,
            Piece::Whole(text) => {
                start += text
                    .clone()
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Extend),
                        f32::INFINITY,
                        egui::TextStyle::Body,
                    )
                    .size()
                    .x
                    + spacing;
            }
            Piece::Wrapped(_) => break,
        }
    }
    if separator + start <= ui.available_size_before_wrap().x {
        ui.separator();
    } else {
        ui.end_row();
    }
    for piece in pieces {
        match piece {
            Piece::Spinner => {
                ui.spinner();
            }
            Piece::Whole(text) => {
                ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
            }
            Piece::Wrapped(text) => {
                ui.add(egui::Label::new(text).wrap());
            }
        }
    }
}

/// The green of "connected" and "active", readable in light and dark themes.
pub fn ok_color(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(110, 200, 120)
    } else {
        egui::Color32::from_rgb(20, 130, 40)
    }
}

/// `HH:MM:SS` in the local time zone of a Unix time.
fn clock_time(unix_secs: u64) -> String {
    let seconds = i64::try_from(unix_secs).unwrap_or_default();
    jiff::Timestamp::from_second(seconds)
        .map(|timestamp| {
            timestamp
                .to_zoned(jiff::tz::TimeZone::system())
                .strftime("%H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}
