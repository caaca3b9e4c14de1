//! `connect server URL --extension EXT --code CODE [--fingerprint SHA256]` and `disconnect`: join a
//! callprofiles server with a one-time code, and sign out of it.

use callprofiles_core::CoreError;
use callprofiles_core::phone_system::asterisk::Extension;
use callprofiles_core::remote::{DeviceToken, Fingerprint, FirstSync, ServerUrl, SignedOut, connect_server, sign_out};
use fluent_bundle::FluentValue;

use crate::cli::{Context, output};

/// The arguments of `connect server`.
#[derive(Debug, clap::Args)]
pub struct ServerArgs {
    /// The server's address, https://host:port (plain http is refused).
    #[arg(value_name = "URL")]
    url: String,
    /// Your extension number.
    #[arg(long)]
    extension: String,
    /// The one-time code `callprofiles-server user add EXT` printed (valid 24 h, single use).
    #[arg(long)]
    code: String,
    /// The server certificate's SHA-256 fingerprint (AB:CD:…) as the server printed it; without it
    /// the certificate must be signed by a public authority.
    #[arg(long, value_name = "SHA256")]
    fingerprint: Option<String>,
}

impl ServerArgs {
    /// Enrolls this computer, syncs the profiles once, and saves the connection.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        // Parsed here, not by clap, so that every refusal is one translated sentence.
        let url = ServerUrl::parse(&self.url).map_err(CoreError::from)?;
        let extension = Extension::parse(&self.extension).map_err(CoreError::from)?;
        let fingerprint = self
            .fingerprint
            .as_deref()
            .map(Fingerprint::parse)
            .transpose()
            .map_err(CoreError::from)?;
        let device = device_name();
        let connected = connect_server(
            &context.home,
            url.clone(),
            extension.clone(),
            &self.code,
            fingerprint,
            &device,
        )?;
        let mut lines = vec![context.tr_args(
            "cli-connect-server",
            &[
                ("url", FluentValue::from(url.to_string())),
                ("extension", FluentValue::from(extension.to_string())),
                (
                    "path",
                    FluentValue::from(DeviceToken::path_in(&context.home).display().to_string()),
                ),
            ],
        )];
        // The server writes this user's voicemail e-mail in the language of this command's output; nothing
        // the user asked for, so a failure is only logged.
        if let Err(error) = context.open().tell_language(context.i18n.language().user_language()) {
            tracing::warn!(%error, "the server was not told the language");
        }
        lines.push(match connected.profiles {
            FirstSync::Uploaded => context.tr("cli-connect-uploaded"),
            FirstSync::ServerKept { backup } => context.tr_args(
                "cli-connect-server-kept",
                &[("path", FluentValue::from(backup.display().to_string()))],
            ),
            FirstSync::ServerKeptNothingLocal => context.tr("cli-connect-server-kept-nothing"),
        });
        output::print(&lines.join("\n"))
    }
}

/// `disconnect`: revoke this computer's token on the server, forget it, use the built-in demo.
pub fn disconnect(context: &Context) -> anyhow::Result<()> {
    let id = match sign_out(&context.home)? {
        SignedOut::Revoked => "cli-disconnect-revoked",
        SignedOut::ForgottenOnly => "cli-disconnect-forgotten",
        SignedOut::NotConnected => "cli-disconnect-not-connected",
    };
    output::print(&context.tr(id))
}

/// A name for this computer in the server's `user list`: its host name, else "desktop".
fn device_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|name| {
            name.trim()
                .chars()
                .filter(|c| !c.is_control())
                .take(64)
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "desktop".to_owned())
}
