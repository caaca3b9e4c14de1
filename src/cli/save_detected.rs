//! `save-detected NAME`: keep the Detected settings as a new profile, or in an existing one.

use crate::cli::{Context, output};

/// Arguments of `save-detected`.
#[derive(Debug, clap::Args)]
pub struct SaveDetectedArgs {
    /// A new profile's name, or an existing profile (id or name) to overwrite.
    name: String,
}

impl SaveDetectedArgs {
    /// Runs `save-detected`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let saved = context.open()?.save_detected(&self.name)?;
        let how = if saved.created {
            "as the new profile"
        } else {
            "into the profile"
        };
        output::print(&format!(
            "Saved the detected settings {how} \"{}\"; it is now the active profile.",
            context.name_of(&saved.profile)
        ))
    }
}
