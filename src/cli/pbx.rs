//! `pbx show [--json]` and `pbx set KEY=VALUE...`: the phone system itself, bypassing profiles.

use crate::cli::set::SETTING_KEYS;
use crate::cli::{Context, human, output};

/// The `pbx` commands.
#[derive(Debug, clap::Subcommand)]
pub enum PbxCommand {
    /// Show the phone system's live settings.
    Show {
        /// Print the live settings as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change the phone system directly, as a desk-phone feature code or an administrator would
    /// (saved profiles are untouched).
    #[command(after_help = SETTING_KEYS)]
    Set {
        /// The changes, e.g. routing=forward:+48221234567 call_pickup=off.
        #[arg(required = true, value_name = "KEY=VALUE")]
        pairs: Vec<String>,
    },
}

impl PbxCommand {
    /// Runs the `pbx` command.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open()?;
        let live = match self {
            Self::Show { json: true } => return output::print_json(&app.pbx_show()?),
            Self::Show { json: false } => app.pbx_show()?,
            Self::Set { pairs } => {
                app.pbx_set(&pairs)?;
                let status = app.status()?;
                let matching = match status.active_profile() {
                    Some(profile) => format!("They match profile \"{}\".", context.name_of(&profile)),
                    None => "They match no saved profile: Detected.".to_owned(),
                };
                output::print(&format!("Changed the phone system. {matching}"))?;
                status.live
            }
        };
        output::print(&format!(
            "{}\nLive settings:\n{}",
            human::phone_system(&app.phone_system()),
            human::settings_block(&live)
        ))
    }
}
