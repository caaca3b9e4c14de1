//! `history [--json]`: the switches made by the rules and by "until", newest first.

use fluent_bundle::FluentValue;
use serde::Serialize;

use callprofiles_core::automation::HistoryEntry;

use crate::cli::{Context, output};
use crate::text::automation_text::{profile_text, reason_text};

/// Arguments of `history`.
#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// Print JSON: `{"entries":[{"at","from","to","reason"}]}`.
    #[arg(long)]
    json: bool,
}

/// The JSON of `history --json`.
#[derive(Serialize)]
struct HistoryJson<'a> {
    entries: &'a [HistoryEntry],
}

impl HistoryArgs {
    /// Runs `history`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let entries = app.history()?;
        if self.json {
            return output::print_json(&HistoryJson { entries: &entries });
        }
        if entries.is_empty() {
            return output::print(&context.tr("cli-history-empty"));
        }
        let book = app.book()?;
        // The rules' zone when they can be read, else this computer's.
        let zone = app
            .automation()
            .map(|view| view.rules.time_zone.time_zone().clone())
            .unwrap_or_else(|_| jiff::tz::TimeZone::system());
        let i18n = &context.i18n;
        let lines: Vec<String> = entries
            .iter()
            .map(|entry| {
                let local = zone.to_datetime(entry.at);
                let from = entry
                    .from
                    .as_ref()
                    .map_or_else(|| context.tr("profile-detected"), |id| profile_text(i18n, &book, id));
                context.tr_args(
                    "cli-history-line",
                    &[
                        (
                            "when",
                            FluentValue::from(format!("{} {:02}:{:02}", local.date(), local.hour(), local.minute())),
                        ),
                        ("from", FluentValue::from(from)),
                        ("to", FluentValue::from(profile_text(i18n, &book, &entry.to))),
                        (
                            "reason",
                            FluentValue::from(reason_text(i18n, &entry.reason, entry.at, &zone)),
                        ),
                    ],
                )
            })
            .collect();
        output::print(&lines.join("\n"))
    }
}
