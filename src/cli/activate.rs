//! `activate NAME [--until TIME | --for DURATION] [--then schedule|previous]`: apply a profile to the
//! phone system, for good (until the rules' next change, when there are rules) or for a while.

use callprofiles_core::automation::{ReturnTo, Until, until_input};
use callprofiles_core::{CoreError, RuleError};
use fluent_bundle::FluentValue;

use crate::cli::{Context, human, output};
use crate::text::automation_text::{next_line, reason_text};

/// Arguments of `activate`.
#[derive(Debug, clap::Args)]
pub struct ActivateArgs {
    /// The profile: its id or name (built-ins also by their Polish names), any case.
    name: String,
    /// Keep it until this time (HH:MM: today, else tomorrow; or YYYY-MM-DD HH:MM), in the rules' time zone.
    #[arg(long, value_name = "TIME", conflicts_with = "for_")]
    until: Option<String>,
    /// Keep it for this long (2h, 90m, 1h 30m).
    #[arg(long = "for", id = "for_", value_name = "DURATION")]
    for_: Option<String>,
    /// What comes after --until/--for: what the rules say, or the profile active before.
    #[arg(long, value_enum, value_name = "WHAT", default_value = "schedule")]
    then: Then,
}

/// `--then`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Then {
    /// What the rules say (the schedule, a network…).
    Schedule,
    /// The profile active before.
    Previous,
}

impl ActivateArgs {
    /// Runs `activate`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let id = context.find(app.as_mut(), &self.name)?;
        if self.until.is_none() && self.for_.is_none() {
            let profile = app.activate(&id)?;
            let activated = context.tr_args(
                "cli-activated",
                &[
                    ("name", FluentValue::from(context.name_of(&profile))),
                    (
                        "summary",
                        FluentValue::from(human::summary(&context.i18n, &profile.settings)),
                    ),
                ],
            );
            let mut lines = vec![activated, context.phone_system_line(app.as_ref())];
            lines.extend(super::show::unrecorded_greeting_line(context, app.as_mut(), &profile));
            return output::print(&lines.join("\n"));
        }
        let view = app.automation()?;
        let zone = view.rules.time_zone.time_zone().clone();
        let now = jiff::Timestamp::now();
        let ends = match (&self.until, &self.for_) {
            (Some(until), _) => until_input::until_text(until, now, &zone).map_err(CoreError::from)?,
            (None, Some(duration)) => until_input::for_text(duration, now).map_err(CoreError::from)?,
            (None, None) => return Ok(()),
        };
        let then = match self.then {
            Then::Schedule => ReturnTo::Schedule,
            Then::Previous => ReturnTo::Previous,
        };
        let step = app.activate_until(&id, Until { ends, then })?;
        let book = app.book()?;
        let profile = book
            .get(&id)
            .ok_or_else(|| CoreError::from(RuleError::UnknownProfile { name: id.to_string() }))?;
        let reason = step
            .decision
            .as_ref()
            .map(|decision| reason_text(&context.i18n, &decision.reason, now, &zone))
            .unwrap_or_default();
        let lines = [
            context.tr_args(
                "cli-activated-until",
                &[
                    ("name", FluentValue::from(context.name_of(&profile))),
                    ("reason", FluentValue::from(reason)),
                ],
            ),
            next_line(&context.i18n, &book, step.next.as_ref(), now, &zone),
            context.phone_system_line(app.as_ref()),
        ];
        output::print(&lines.join("\n"))
    }
}
