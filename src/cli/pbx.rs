//! `pbx show [--json]` and `pbx set KEY=VALUE...`: the phone system itself, bypassing profiles.

use callprofiles_core::SettingChange;
use fluent_bundle::FluentValue;

use crate::cli::set::SETTING_KEYS;
use crate::cli::{Context, human, output};

/// Reading or changing the phone system directly, bypassing profiles.
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
        let mut app = context.open();
        let live = match self {
            Self::Show { json: true } => return output::print_json(&app.live()?),
            Self::Show { json: false } => app.live()?,
            Self::Set { pairs } => {
                app.change_live(&SettingChange::parse_all(&pairs)?)?;
                let status = app.status()?;
                let changed = match status.active_profile() {
                    Some(profile) => context.tr_args(
                        "cli-pbx-changed-profile",
                        &[("name", FluentValue::from(context.name_of(&profile)))],
                    ),
                    None => context.tr("cli-pbx-changed-detected"),
                };
                output::print(&changed)?;
                status.live
            }
        };
        output::print(&format!(
            "{}\n{}\n{}",
            context.phone_system_line(app.as_ref()),
            context.tr("cli-live-settings"),
            human::settings_block(&context.i18n, &live)
        ))
    }
}
