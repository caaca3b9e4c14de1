//! `import FILE`: replace every profile with those of an exported file, all or nothing.

use std::path::PathBuf;

use crate::cli::{Context, output};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A file written by `callprofiles export`.
    file: PathBuf,
}

impl ImportArgs {
    /// Runs `import`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let report = context.open()?.import(&self.file)?;
        output::print(&report.to_string())
    }
}
