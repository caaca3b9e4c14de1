//! `show NAME [--json]`: one profile's settings.

use callprofiles_core::{ProfileView, RuleError};
use fluent_bundle::FluentValue;

use crate::cli::{Context, error_line, human, output};

/// Arguments of `show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The profile: its id or name (built-ins also by their Polish names), any case.
    name: String,
    /// Print the profile as JSON.
    #[arg(long)]
    json: bool,
}

impl ShowArgs {
    /// Runs `show`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let id = context.find(app.as_mut(), &self.name)?;
        let overview = app.list()?;
        let profile = overview
            .profiles
            .iter()
            .find(|profile| profile.id == id)
            .cloned()
            .ok_or_else(|| RuleError::UnknownProfile {
                name: self.name.clone(),
            })?;
        let active = overview.is_active(&profile);
        if let Err(error) = &overview.activity {
            let reason = error_line::phone_error_line(&context.i18n, error);
            output::warn(&context.tr_args("cli-warn-active-unknown-one", &[("reason", FluentValue::from(reason))]));
        }
        if self.json {
            return output::print_json(&ProfileView::new(&profile, active));
        }
        let id = || FluentValue::from(profile.id.to_string());
        let heading = context.tr_args(
            "cli-show-heading",
            &[
                ("name", FluentValue::from(context.name_of(&profile))),
                (
                    "kind",
                    FluentValue::from(if profile.is_builtin() { "builtin" } else { "custom" }),
                ),
                ("id", id()),
                ("active", FluentValue::from(if active { "yes" } else { "no" })),
            ],
        );
        output::print(&format!(
            "{heading}\n{}\n{}",
            human::settings_block(&context.i18n, &profile.settings),
            context.tr_args("cli-show-change", &[("id", id())])
        ))
    }
}
