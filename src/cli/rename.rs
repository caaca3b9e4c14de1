//! `rename NAME NEW`: rename a custom profile.

use callprofiles_core::ProfileName;
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
        let mut app = context.open();
        let id = context.find(app.as_mut(), &self.name)?;
        let (old, profile) = app.rename(&id, &ProfileName::parse(&self.new_name)?)?;
        output::print(&context.tr_args(
            "cli-renamed",
            &[
                ("old", FluentValue::from(old)),
                ("new", FluentValue::from(profile.name)),
            ],
        ))
    }
}
