//! `delete NAME`: delete a custom profile.

use fluent_bundle::FluentValue;

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
        output::print(&context.tr_args("cli-deleted", &[("name", FluentValue::from(profile.name))]))
    }
}
