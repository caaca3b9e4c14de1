//! The command line: `callprofiles [--home DIR] [--lang en|pl] <command>`; with no command, the main window.
//!
//! Each command lives in its own file as a clap `Args` struct with a `run(self, &Context)` method. To add
//! one: add the file, a `mod` line, a variant to [`Command`] and its arm in [`Command::run`].

mod activate;
mod automation_words;
mod autostart;
mod call;
mod connect;
mod connect_server;
mod context;
mod delete;
mod error_line;
mod export;
mod history;
mod human;
mod import;
mod list;
mod network;
mod new;
mod next;
mod output;
mod pbx;
mod rename;
mod resume;
mod rules;
mod save_detected;
mod set;
mod show;
mod status;
mod voicemail;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use context::{Context, Lang, output_language};

use crate::launch::{GuiOptions, OpenWindow, Window};
use crate::text::i18n::I18n;

/// Switch where your phone calls go: profiles of phone-system settings (call pickup, mobility,
/// voicemail). With no command, opens the main window.
#[derive(Debug, Parser)]
#[command(name = "callprofiles", version, about, long_about = None)]
pub struct Cli {
    /// The directory holding profiles.json and the phone system settings
    /// [default: $CALLPROFILES_HOME, else ~/.config/callprofiles].
    #[arg(long, global = true, value_name = "DIR", value_parser = non_empty_path)]
    pub home: Option<PathBuf>,
    /// Language of the output and the windows [default: the system locale].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// With no command: start with the main window hidden behind the tray icon, as at login (shown when no
    /// tray is available).
    #[arg(long)]
    pub background: bool,
    /// What to do (none: open the main window).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every profile and mark the active one (or Detected).
    List(list::ListArgs),
    /// Show one profile's settings.
    Show(show::ShowArgs),
    /// Show the active profile (or Detected), the live settings and the phone system.
    Status(status::StatusArgs),
    /// Apply a profile to the phone system.
    Activate(activate::ActivateArgs),
    /// Call a number as a telecommuter: your telecommuter phone rings first; answer it to be connected.
    Call(call::CallArgs),
    /// Create a custom profile (at most 4).
    New(new::NewArgs),
    /// Rename a custom profile.
    Rename(rename::RenameArgs),
    /// Delete a custom profile.
    Delete(delete::DeleteArgs),
    /// Change settings of a saved profile (the phone system is not touched).
    Set(set::SetArgs),
    /// Save the Detected settings as a new profile, or into an existing one.
    SaveDetected(save_detected::SaveDetectedArgs),
    /// Write every profile to a file.
    Export(export::ExportArgs),
    /// Replace every profile with those of an exported file (all or nothing).
    Import(import::ImportArgs),
    /// Read or change the phone system directly, bypassing profiles.
    #[command(subcommand, arg_required_else_help = false)]
    Pbx(pbx::PbxCommand),
    /// Open the small quick-switch window.
    Quick,
    /// Open the main window on your voicemail messages.
    Messages,
    /// Your voicemail messages: list them, play one on your phone, mark one heard, delete one.
    #[command(subcommand)]
    Voicemail(voicemail::VoicemailCommand),
    /// Choose the phone system: a callprofiles server, an Asterisk/FreePBX over AMI, or the built-in demo.
    #[command(subcommand)]
    Connect(connect::ConnectCommand),
    /// The network this computer is on, as "use this profile on this network" recognises it.
    #[command(subcommand)]
    Network(network::NetworkCommand),
    /// Start callprofiles when you log in (on), or not (off), or say whether it does (status).
    Autostart(autostart::AutostartArgs),
    /// Show or edit the rules that switch profiles by themselves: weekly schedule, exceptions, networks,
    /// leaving the computer.
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// What the rules decide now and when the profile changes next.
    Next(next::NextArgs),
    /// The switches made by the rules and by "until", newest first.
    History(history::HistoryArgs),
    /// End your own choice (a click or --until/--for): the rules decide again at once.
    Resume,
    /// Sign this computer out of its callprofiles server (the server revokes its token) and switch back
    /// to the built-in demo phone system.
    Disconnect,
}

impl Command {
    /// Runs the command.
    pub fn run(self, context: &Context, open_window: OpenWindow) -> anyhow::Result<()> {
        match self {
            Self::List(args) => args.run(context),
            Self::Show(args) => args.run(context),
            Self::Status(args) => args.run(context),
            Self::Activate(args) => args.run(context),
            Self::Call(args) => args.run(context),
            Self::New(args) => args.run(context),
            Self::Rename(args) => args.run(context),
            Self::Delete(args) => args.run(context),
            Self::Set(args) => args.run(context),
            Self::SaveDetected(args) => args.run(context),
            Self::Export(args) => args.run(context),
            Self::Import(args) => args.run(context),
            Self::Pbx(command) => command.run(context),
            Self::Quick => open_window(Window::Quick, context.gui_options()),
            Self::Messages => open_window(Window::Messages, context.gui_options()),
            Self::Connect(command) => command.run(context),
            Self::Disconnect => connect_server::disconnect(context),
            Self::Voicemail(command) => command.run(context),
            Self::Network(command) => command.run(context),
            Self::Autostart(args) => args.run(context),
            Self::Rules(command) => command.run(context),
            Self::Next(args) => args.run(context),
            Self::History(args) => args.run(context),
            Self::Resume => resume::resume(context),
        }
    }
}

/// Sends log messages to stderr: warnings and errors unless `RUST_LOG` says otherwise.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::builder()
        .with_default_directive(tracing_subscriber::filter::LevelFilter::WARN.into())
        .from_env_lossy();
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init()
        .ok();
}

/// Rejects `--home ""`.
fn non_empty_path(text: &str) -> Result<PathBuf, String> {
    if text.trim().is_empty() {
        Err("--home needs a directory".to_owned())
    } else {
        Ok(PathBuf::from(text))
    }
}

impl Cli {
    /// Resolves the home and runs the command, or the main window when there is none.
    pub fn run(self, open_window: OpenWindow) -> anyhow::Result<()> {
        let home = callprofiles_core::home::resolve_home(self.home)?;
        let context = Context::new(home, self.lang);
        match self.command {
            Some(command) => command.run(&context, open_window),
            None => open_window(
                Window::Main,
                GuiOptions {
                    background: self.background,
                    ..context.gui_options()
                },
            ),
        }
    }
}

/// Parses the command line and runs it (a window through `open_window`); every failure is one `error:`
/// line on stderr and a non-zero exit.
pub fn main(open_window: OpenWindow) -> ExitCode {
    init_logging();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if error.use_stderr() => {
            eprintln!("error: {}", output::usage_error_line(&error.render().to_string()));
            return ExitCode::from(2);
        }
        Err(help_or_version) => {
            help_or_version.print().ok();
            return ExitCode::SUCCESS;
        }
    };
    let lang = cli.lang;
    match cli.run(open_window) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let i18n = I18n::new(output_language(lang));
            eprintln!("error: {}", error_line::error_line(&i18n, &error));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
