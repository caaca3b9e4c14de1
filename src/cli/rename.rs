//! `rename NAME NEW`: rename a custom profile.

use fluent_bundle::FluentValue;

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
        output::print(&context.tr_args(
            "cli-renamed",
            &[
                ("old", FluentValue::from(old)),
                ("new", FluentValue::from(profile.name)),
            ],
        ))
    }
}
