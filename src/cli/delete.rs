//! `delete NAME`: delete a custom profile.

use crate::cli::{Context, output};

/// Arguments of `delete`.
#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    /// The custom profile: its id or name, any case.
    name: String,
}

impl DeleteArgs {
    /// Runs `delete`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let profile = context.open()?.delete(&self.name)?;
        output::print(&format!("Deleted profile \"{}\".", profile.name))
    }
}
