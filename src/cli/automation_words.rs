//! What the automation commands share: the lines that say what a step did and what comes next.

use callprofiles_core::ProfileBook;
use callprofiles_core::automation::{AutomationStep, Decision};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::cli::Context;
use crate::text::automation_text::{next_line, profile_text, reason_text};

/// The lines saying what a step did: the switch if any, what decides now, and the next change.
pub fn step_lines(
    context: &Context,
    book: &ProfileBook,
    step: &AutomationStep,
    now: Timestamp,
    zone: &TimeZone,
) -> Vec<String> {
    let i18n = &context.i18n;
    let mut lines = Vec::new();
    if let Some(switch) = &step.switched {
        lines.push(context.tr_args(
            "cli-auto-switched",
            &[
                ("profile", FluentValue::from(profile_text(i18n, book, &switch.to))),
                (
                    "reason",
                    FluentValue::from(reason_text(i18n, &switch.reason, now, zone)),
                ),
            ],
        ));
    }
    lines.push(now_line(context, book, step.decision.as_ref(), now, zone));
    lines.push(next_line(i18n, book, step.next.as_ref(), now, zone));
    lines
}

/// "Now: Office (schedule, window 1)." or that no rule applies.
pub fn now_line(
    context: &Context,
    book: &ProfileBook,
    decision: Option<&Decision>,
    now: Timestamp,
    zone: &TimeZone,
) -> String {
    let i18n = &context.i18n;
    match decision {
        Some(decision) => context.tr_args(
            "cli-auto-now",
            &[
                (
                    "profile",
                    FluentValue::from(profile_text(i18n, book, &decision.profile)),
                ),
                (
                    "reason",
                    FluentValue::from(reason_text(i18n, &decision.reason, now, zone)),
                ),
            ],
        ),
        None => context.tr("cli-auto-now-none"),
    }
}
