//! `activate NAME`: apply a profile to the phone system.

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
        let mut app = context.open()?;
        let profile = app.activate(&self.name)?;
        output::print(&format!(
            "Activated \"{}\": {}.\n{}",
            context.name_of(&profile),
            human::summary(&profile.settings),
            human::phone_system(&app.phone_system())
        ))
    }
}
