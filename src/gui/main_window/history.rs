//! The history of automatic switches: when, what and why, newest first, in the user's language and the
//! computer's local time.

use fluent_bundle::FluentValue;

use crate::gui::command::UiCommand;
use crate::gui::model::Model;
use crate::text::i18n::I18n;
use crate::text::reason_text::{profile_text, short_reason};

/// Draws the history view.
#[must_use]
pub fn history_ui(ui: &mut egui::Ui, i18n: &I18n, model: &Model) -> Option<UiCommand> {
    ui.add_space(4.0);
    ui.heading(egui::RichText::new(i18n.tr("history-title")).strong());
    ui.add_space(4.0);
    let history = model.history();
    if history.is_empty() {
        ui.weak(i18n.tr("history-empty"));
        return None;
    }
    let book = model.book();
    let zone = jiff::tz::TimeZone::system();
    super::scrolled::scrolled_ui(ui, "history", |ui| {
        egui::Grid::new("history_grid")
            .num_columns(3)
            .striped(true)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.strong(i18n.tr("history-when"));
                ui.strong(i18n.tr("history-what"));
                ui.strong(i18n.tr("history-why"));
                ui.end_row();
                // Newest first, whatever order they were kept in.
                let mut entries: Vec<_> = history.iter().collect();
                entries.sort_by_key(|entry| std::cmp::Reverse(entry.at));
                for entry in entries {
                    let when = entry.at.to_zoned(zone.clone()).strftime("%Y-%m-%d %H:%M").to_string();
                    let to = profile_text(i18n, book, &entry.to);
                    let what = match &entry.from {
                        Some(from) => i18n.tr_args(
                            "history-switch",
                            &[
                                ("from", FluentValue::from(profile_text(i18n, book, from))),
                                ("to", FluentValue::from(to)),
                            ],
                        ),
                        None => i18n.tr_args("history-switch-to", &[("to", FluentValue::from(to))]),
                    };
                    ui.label(when);
                    ui.label(what);
                    ui.add(egui::Label::new(short_reason(i18n, &entry.reason)).wrap());
                    ui.end_row();
                }
            });
    });
    None
}
