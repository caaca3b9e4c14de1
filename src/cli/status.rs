//! `status [--json]`: the active profile (or Detected), the live settings and the phone system.

use callprofiles_core::SettingKey;
use fluent_bundle::FluentValue;

use crate::cli::{Context, human, output};

/// Arguments of `status`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Print JSON: {"active", "detected", "live", "phone_system"}.
    #[arg(long)]
    json: bool,
}

impl StatusArgs {
    /// Runs `status`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let status = app.status()?;
        if self.json {
            return output::print_json(&status.view());
        }
        let mut lines = Vec::new();
        match (status.active_profile(), status.nearest()) {
            (Some(profile), _) => lines.push(context.tr_args(
                "cli-status-active",
                &[("name", FluentValue::from(context.name_of(&profile)))],
            )),
            (None, nearest) => {
                lines.push(context.tr("cli-status-detected"));
                if let Some((profile, differing)) = nearest {
                    let keys: Vec<&str> = differing.iter().map(|key| SettingKey::key(*key)).collect();
                    lines.push(context.tr_args(
                        "cli-status-nearest",
                        &[
                            ("name", FluentValue::from(context.name_of(&profile))),
                            ("keys", FluentValue::from(keys.join(", "))),
                        ],
                    ));
                }
                lines.push(context.tr("cli-status-keep"));
            }
        }
        lines.push(human::phone_system(context, &status.phone_system));
        if app.do_not_disturb() {
            lines.push(context.tr("cli-status-do-not-disturb"));
        }
        // The mailbox is extra: when it cannot be asked, the status above still stands.
        match app.new_messages() {
            Ok(Some(count)) => {
                lines.push(context.tr_args("cli-status-voicemail", &[("count", FluentValue::from(count))]));
            }
            Ok(None) => {}
            Err(error) => tracing::debug!(%error, "cannot count new voicemail messages"),
        }
        lines.push(context.tr("cli-live-settings"));
        lines.push(human::settings_block(&context.i18n, &status.live));
        output::print(&lines.join("\n"))
    }
}
