//! `resume`: end your own choice (a click or "until"); the rules decide again at once.

use crate::cli::{Context, automation_words, output};

/// Runs `resume`.
pub fn resume(context: &Context) -> anyhow::Result<()> {
    let mut app = context.open();
    let view = app.automation()?;
    let now = jiff::Timestamp::now();
    let step = app.clear_hold()?;
    let book = app.book()?;
    let mut lines = vec![context.tr("cli-resumed")];
    lines.extend(automation_words::step_lines(
        context,
        &book,
        &step,
        now,
        view.rules.time_zone.time_zone(),
    ));
    output::print(&lines.join("\n"))
}
