//! `activate NAME`: apply a profile to the phone system.

use fluent_bundle::FluentValue;

use crate::cli::{Context, human, output};

/// Arguments of `activate`.
#[derive(Debug, clap::Args)]
pub struct ActivateArgs {
    /// The profile: its id or name (built-ins also by their Polish names), any case.
    name: String,
}

impl ActivateArgs {
    /// Runs `activate`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let id = context.find(app.as_mut(), &self.name)?;
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
        output::print(&lines.join("\n"))
    }
}
