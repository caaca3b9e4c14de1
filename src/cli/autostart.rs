//! `autostart on|off|status`: start callprofiles when you log in (an XDG autostart entry), so the rules run
//! without a callprofiles server.

use anyhow::anyhow;
use fluent_bundle::FluentValue;

use crate::automation::autostart::{Autostart, AutostartState};
use crate::cli::{Context, output};
use crate::text::autostart_text::autostart_error_text;

/// What to do with the autostart entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AutostartChoice {
    /// Start callprofiles (in the background, with its tray icon) when you log in.
    On,
    /// Do not start it at login.
    Off,
    /// Say whether it starts at login.
    Status,
}

/// Arguments of `autostart`.
#[derive(Debug, clap::Args)]
pub struct AutostartArgs {
    /// on, off or status.
    choice: AutostartChoice,
}

impl AutostartArgs {
    /// Runs `autostart`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let failed = |error| anyhow!(autostart_error_text(&context.i18n, &error));
        let autostart = Autostart::for_user().map_err(failed)?;
        let file = FluentValue::from(callprofiles_core::shown::path(autostart.file()));
        match self.choice {
            AutostartChoice::On => {
                let program = std::env::current_exe()?;
                autostart
                    .enable(&program, &context.home, &context.tr("autostart-comment"))
                    .map_err(failed)?;
                output::print(&context.tr_args("autostart-now-on", &[("file", file)]))
            }
            AutostartChoice::Off => {
                autostart.disable().map_err(failed)?;
                output::print(&context.tr("autostart-now-off"))
            }
            AutostartChoice::Status => match autostart.state().map_err(failed)? {
                AutostartState::On => output::print(&context.tr_args("autostart-is-on", &[("file", file)])),
                AutostartState::Off => output::print(&context.tr("autostart-is-off")),
            },
        }
    }
}
