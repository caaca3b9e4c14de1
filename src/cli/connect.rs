//! `connect asterisk …` and `connect builtin`: choose the phone system (tested before it is saved).

use std::num::NonZeroU16;
use std::path::PathBuf;

use callprofiles_core::config::PhoneSystemConfig;
use callprofiles_core::phone_system::asterisk::{AmiHost, AmiUsername, AsteriskConfig, Extension, SECRET_ENV};

use fluent_bundle::FluentValue;

use crate::cli::{Context, human, output};

/// Choosing the phone system: an Asterisk over AMI, or the built-in demo.
#[derive(Debug, clap::Subcommand)]
pub enum ConnectCommand {
    /// Connect to an Asterisk or FreePBX over AMI: log in, read the extension's settings, then save.
    #[command(after_help = format!(
        "The AMI secret comes from the environment variable {SECRET_ENV} or from --secret-file \
         (a file readable by its owner only: chmod 600). It is never printed or saved in config.json."
    ))]
    Asterisk {
        /// AMI host name or IP address.
        #[arg(long, value_parser = parse_host)]
        host: AmiHost,
        /// AMI port.
        #[arg(long, default_value = "5038")]
        port: NonZeroU16,
        /// AMI user name (a [user] section of manager.conf).
        #[arg(long, value_parser = parse_username)]
        username: AmiUsername,
        /// Your extension number.
        #[arg(long, value_parser = parse_extension)]
        extension: Extension,
        /// A file holding the AMI secret (mode 0600).
        #[arg(long, value_name = "FILE")]
        secret_file: Option<PathBuf>,
    },
    /// Switch back to the built-in demo phone system (signing out of a callprofiles server first).
    Builtin,
    /// Connect to a callprofiles server with the one-time code your administrator gave you
    /// (`callprofiles-server user add EXT`): no PBX password is kept on this computer.
    Server(super::connect_server::ServerArgs),
}

impl ConnectCommand {
    /// Runs the `connect` command.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        match self {
            Self::Server(args) => args.run(context),
            Self::Builtin => {
                context.open().connect(PhoneSystemConfig::Builtin, None)?;
                output::print(&context.tr("cli-connect-builtin"))
            }
            Self::Asterisk {
                host,
                port,
                username,
                extension,
                secret_file,
            } => {
                let secret_file = secret_file.map(|file| absolute(context, &file)).transpose()?;
                let config = AsteriskConfig {
                    host,
                    port,
                    username,
                    extension,
                    secret_file,
                };
                let summary = context.tr_args(
                    "cli-connect-asterisk",
                    &[
                        ("address", FluentValue::from(config.address())),
                        ("user", FluentValue::from(config.username.as_str().to_owned())),
                        (
                            "path",
                            FluentValue::from(callprofiles_core::shown::path(
                                &context.home.join(callprofiles_core::config::CONFIG_FILE),
                            )),
                        ),
                    ],
                );
                let connected = context.open().connect(PhoneSystemConfig::Asterisk(config), None)?;
                let live = connected.live.map(|live| {
                    format!(
                        "\n{}\n{}",
                        context.tr("cli-connect-live"),
                        human::settings_block(&context.i18n, &live)
                    )
                });
                output::print(&format!("{summary}{}", live.unwrap_or_default()))
            }
        }
    }
}

/// The secret file as an absolute path, so the saved configuration works from any directory.
fn absolute(context: &Context, file: &std::path::Path) -> anyhow::Result<PathBuf> {
    std::path::absolute(file).map_err(|e| {
        anyhow::anyhow!(context.tr_args(
            "cli-error-secret-file",
            &[
                ("path", FluentValue::from(callprofiles_core::shown::path(file))),
                ("reason", FluentValue::from(e.to_string())),
            ],
        ))
    })
}

/// `--host`.
fn parse_host(text: &str) -> Result<AmiHost, String> {
    AmiHost::parse(text).map_err(|e| e.to_string())
}

/// `--username`.
fn parse_username(text: &str) -> Result<AmiUsername, String> {
    AmiUsername::parse(text).map_err(|e| e.to_string())
}

/// `--extension`.
fn parse_extension(text: &str) -> Result<Extension, String> {
    Extension::parse(text).map_err(|e| e.to_string())
}
