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
        let mut app = context.open();
        let id = context.find(app.as_mut(), &self.name)?;
        let profile = app.delete(&id)?;
        output::print(&context.tr_args("cli-deleted", &[("name", FluentValue::from(profile.name))]))
    }
}
