//! `save-detected NAME`: keep the Detected settings as a new profile, or in an existing one.

use fluent_bundle::FluentValue;

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
        let message = if saved.created {
            "cli-saved-detected-new"
        } else {
            "cli-saved-detected-into"
        };
        output::print(&context.tr_args(message, &[("name", FluentValue::from(context.name_of(&saved.profile)))]))
    }
}
