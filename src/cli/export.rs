//! `export FILE`: write every profile to a file.

use std::path::PathBuf;

use fluent_bundle::FluentValue;

use crate::cli::{Context, output};

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The file to write (replaced if it exists).
    file: PathBuf,
}

impl ExportArgs {
    /// Runs `export`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let count = context.open().export(&self.file)?;
        output::print(&context.tr_args(
            "cli-exported",
            &[
                ("count", FluentValue::from(count)),
                ("path", FluentValue::from(callprofiles_core::shown::path(&self.file))),
            ],
        ))
    }
}
