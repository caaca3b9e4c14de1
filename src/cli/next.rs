//! `next [--json]`: what the rules decide now and when the profile changes next.

use serde::Serialize;

use callprofiles_core::automation::{Decision, NextChange};

use crate::cli::{Context, automation_words, output};
use crate::text::automation_text::next_line;

/// Arguments of `next`.
#[derive(Debug, clap::Args)]
pub struct NextArgs {
    /// Print JSON: `{"now","decision","next"}`.
    #[arg(long)]
    json: bool,
}

/// The JSON of `next --json`.
#[derive(Serialize)]
struct NextJson<'a> {
    now: jiff::Timestamp,
    decision: Option<&'a Decision>,
    next: Option<&'a NextChange>,
}

impl NextArgs {
    /// Runs `next`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let view = app.automation()?;
        if self.json {
            return output::print_json(&NextJson {
                now: view.now,
                decision: view.decision.as_ref(),
                next: view.next.as_ref(),
            });
        }
        let book = app.book()?;
        let zone = view.rules.time_zone.time_zone();
        let lines = [
            automation_words::now_line(context, &book, view.decision.as_ref(), view.now, zone),
            next_line(&context.i18n, &book, view.next.as_ref(), view.now, zone),
        ];
        output::print(&lines.join("\n"))
    }
}
