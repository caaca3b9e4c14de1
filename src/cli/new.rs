//! `new NAME [--from NAME]`: create a custom profile.

use callprofiles_core::MAX_CUSTOM;

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
        let mut app = context.open()?;
        let profile = app.create(&self.name, self.from.as_deref())?;
        let origin = match &self.from {
            Some(from) => format!("the settings of \"{}\"", output::one_line(from)),
            None => "the Office defaults".to_owned(),
        };
        let used = app.store().load()?.book.custom_count();
        output::print(&format!(
            "Created profile \"{}\" (id {}) with {origin}; {used} of {MAX_CUSTOM} custom profiles used.",
            profile.name, profile.id
        ))
    }
}
