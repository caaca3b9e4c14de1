//! `status [--json]`: the active profile (or Detected), the live settings and the phone system.

use callprofiles_core::SettingKey;

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
        let status = context.open()?.status()?;
        if self.json {
            return output::print_json(&status.view());
        }
        let mut lines = Vec::new();
        match (status.active_profile(), status.nearest()) {
            (Some(profile), _) => lines.push(format!("Active profile: {}", context.name_of(&profile))),
            (None, nearest) => {
                lines.push(format!(
                    "Active profile: {} (the phone system's settings match no saved profile)",
                    context.detected_name()
                ));
                if let Some((profile, differing)) = nearest {
                    let keys: Vec<&str> = differing.iter().map(|key| SettingKey::key(*key)).collect();
                    lines.push(format!(
                        "Closest saved profile: {} (differs in {})",
                        context.name_of(&profile),
                        keys.join(", ")
                    ));
                }
                lines.push("Keep these settings with: callprofiles save-detected NAME".to_owned());
            }
        }
        lines.push(human::phone_system(&status.phone_system));
        lines.push("Live settings:".to_owned());
        lines.push(human::settings_block(&status.live));
        output::print(&lines.join("\n"))
    }
}
