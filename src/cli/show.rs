//! `show NAME [--json]`: one profile's settings.

use callprofiles_core::ProfileView;

use crate::cli::{Context, human, output};

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
        let (profile, overview) = context.open()?.show(&self.name)?;
        let active = overview.is_active(&profile);
        if let Err(error) = &overview.activity {
            output::warn(&format!("Cannot tell whether it is active: {error}"));
        }
        if self.json {
            return output::print_json(&ProfileView::new(&profile, active));
        }
        let state = if active { ", active now" } else { "" };
        output::print(&format!(
            "{} ({} profile, id {}{state})\n{}\nChange it with: callprofiles set {} KEY=VALUE...",
            context.name_of(&profile),
            human::kind(&profile),
            profile.id,
            human::settings_block(&profile.settings),
            profile.id
        ))
    }
}
