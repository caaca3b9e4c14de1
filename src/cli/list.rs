//! `list [--json]`: every profile, the active one marked, and Detected when nothing matches.

use fluent_bundle::FluentValue;

use crate::cli::{Context, error_line, human, output};

/// Arguments of `list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON: an array of profiles.
    #[arg(long)]
    json: bool,
}

impl ListArgs {
    /// Runs `list`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let overview = context.open().list()?;
        if let Err(error) = &overview.activity {
            let reason = error_line::phone_error_line(&context.i18n, error);
            output::warn(&context.tr_args("cli-warn-active-unknown", &[("reason", FluentValue::from(reason))]));
        }
        if self.json {
            return output::print_json(&overview.views());
        }
        let i18n = &context.i18n;
        let mut lines = vec![context.tr("cli-list-heading")];
        for profile in &overview.profiles {
            let mark = if overview.is_active(profile) { '*' } else { ' ' };
            lines.push(format!(
                "{mark} {:<32} {:<9} {}",
                context.name_of(profile),
                human::kind(i18n, profile),
                human::summary(i18n, &profile.settings)
            ));
        }
        if let Ok(callprofiles_core::Activity::Detected(live)) = &overview.activity {
            let detected = context.tr("profile-detected");
            lines.push(format!("* {detected:<32} {:<9} {}", "", human::summary(i18n, live)));
            lines.push(context.tr("cli-list-detected"));
        }
        lines.push(human::phone_system(context, &overview.phone_system));
        output::print(&lines.join("\n"))
    }
}
