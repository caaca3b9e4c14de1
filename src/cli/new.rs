//! `new NAME [--from NAME]`: create a custom profile.

use callprofiles_core::{MAX_CUSTOM, ProfileName};
use fluent_bundle::FluentValue;

use crate::cli::{Context, output};

/// Arguments of `new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The new profile's name (1–32 characters, unique, not a built-in's or Detected's name).
    name: String,
    /// Copy the settings of this profile (default: the fresh Office settings: desk phone, voicemail
    /// on, call pickup on). To keep the phone system's current settings, use save-detected.
    #[arg(long, value_name = "NAME")]
    from: Option<String>,
}

impl NewArgs {
    /// Runs `new`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let from = match &self.from {
            Some(query) => Some(context.find(app.as_mut(), query)?),
            None => None,
        };
        let profile = app.create(&ProfileName::parse(&self.name)?, from.as_ref())?;
        let origin = match &self.from {
            Some(from) => context.tr_args(
                "cli-origin-from",
                &[("name", FluentValue::from(output::one_line(from)))],
            ),
            None => context.tr("cli-origin-default"),
        };
        let used = app.book()?.custom_count();
        output::print(&context.tr_args(
            "cli-created",
            &[
                ("name", FluentValue::from(profile.name)),
                ("id", FluentValue::from(profile.id.to_string())),
                ("origin", FluentValue::from(origin)),
                ("used", FluentValue::from(used)),
                ("max", FluentValue::from(MAX_CUSTOM)),
            ],
        ))
    }
}
