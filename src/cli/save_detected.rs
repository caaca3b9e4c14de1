//! `save-detected NAME`: keep the Detected settings as a new profile, or in an existing one.

use callprofiles_core::DetectedTarget;
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
        let mut app = context.open();
        let target = DetectedTarget::named(&app.book()?, &self.name)?;
        let saved = app.save_detected(&target)?;
        let message = if saved.created {
            "cli-saved-detected-new"
        } else {
            "cli-saved-detected-into"
        };
        output::print(&context.tr_args(message, &[("name", FluentValue::from(context.name_of(&saved.profile)))]))
    }
}
