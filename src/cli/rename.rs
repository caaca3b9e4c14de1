//! `rename NAME NEW`: rename a custom profile.

use crate::cli::{Context, output};

/// Arguments of `rename`.
#[derive(Debug, clap::Args)]
pub struct RenameArgs {
    /// The custom profile: its id or name, any case.
    name: String,
    /// Its new name.
    new_name: String,
}

impl RenameArgs {
    /// Runs `rename`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let (old, profile) = context.open()?.rename(&self.name, &self.new_name)?;
        output::print(&format!("Renamed \"{old}\" to \"{}\".", profile.name))
    }
}
