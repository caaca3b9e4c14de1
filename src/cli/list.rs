//! `list [--json]`: every profile, the active one marked, and Detected when nothing matches.

use crate::cli::{Context, human, output};

/// Arguments of `list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON: an array of profiles.
    #[arg(long)]
    json: bool,
}

impl ListArgs {
    /// Runs `list`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let overview = context.open()?.list()?;
        if let Err(error) = &overview.activity {
            output::warn(&format!("Cannot tell which profile is active: {error}"));
        }
        if self.json {
            return output::print_json(&overview.views());
        }
        let mut lines = vec!["Profiles (* = active):".to_owned()];
        for profile in &overview.profiles {
            let mark = if overview.is_active(profile) { '*' } else { ' ' };
            lines.push(format!(
                "{mark} {:<32} {:<9} {}",
                context.name_of(profile),
                human::kind(profile),
                human::summary(&profile.settings)
            ));
        }
        if let Ok(callprofiles_core::Activity::Detected(live)) = &overview.activity {
            let detected = context.detected_name();
            lines.push(format!("* {detected:<32} {:<9} {}", "", human::summary(live)));
            lines.push(format!(
                "{detected}: the phone system's settings match no saved profile; keep them with: callprofiles save-detected NAME"
            ));
        }
        lines.push(human::phone_system(&overview.phone_system));
        output::print(&lines.join("\n"))
    }
}
