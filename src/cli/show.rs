//! `show NAME [--json]`: one profile's settings.

use callprofiles_core::service::ProfileService;
use callprofiles_core::{CallFlow, Greeting, Profile, ProfileView, RuleError};
use fluent_bundle::FluentValue;

use crate::cli::{Context, error_line, human, output};
use crate::text::flow_text::flow_lines;

/// Arguments of `show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The profile: its id or name (built-ins also by their Polish names), any case.
    name: String,
    /// Print the profile as JSON.
    #[arg(long, conflicts_with = "flow")]
    json: bool,
    /// Print what happens to an incoming call with this profile, step by step.
    #[arg(long)]
    flow: bool,
}

impl ShowArgs {
    /// Runs `show`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let id = context.find(app.as_mut(), &self.name)?;
        let overview = app.list()?;
        let profile = overview
            .profiles
            .iter()
            .find(|profile| profile.id == id)
            .cloned()
            .ok_or_else(|| RuleError::UnknownProfile {
                name: self.name.clone(),
            })?;
        let active = overview.is_active(&profile);
        if let Err(error) = &overview.activity {
            let reason = error_line::phone_error_line(&context.i18n, error);
            output::warn(&context.tr_args("cli-warn-active-unknown-one", &[("reason", FluentValue::from(reason))]));
        }
        if self.json {
            return output::print_json(&ProfileView::new(&profile, active));
        }
        if self.flow {
            // The ring times the phone system told in the read just made (unknown where it tells none).
            let flow = CallFlow::of(&profile.settings, &app.ring_times());
            return output::print(&flow_block(context, &context.name_of(&profile), &flow));
        }
        let id = || FluentValue::from(profile.id.to_string());
        let heading = context.tr_args(
            "cli-show-heading",
            &[
                ("name", FluentValue::from(context.name_of(&profile))),
                (
                    "kind",
                    FluentValue::from(if profile.is_builtin() { "builtin" } else { "custom" }),
                ),
                ("id", id()),
                ("active", FluentValue::from(if active { "yes" } else { "no" })),
            ],
        );
        let mut lines = vec![heading, human::settings_block(&context.i18n, &profile.settings)];
        lines.extend(unrecorded_greeting_line(context, app.as_mut(), &profile));
        lines.push(context.tr_args("cli-show-change", &[("id", id())]));
        output::print(&lines.join("\n"))
    }
}

/// A line saying the profile chooses a greeting that is not recorded (callers would hear the system
/// greeting); asked only when it chooses a recorded one, and left out when the mailbox cannot be asked.
pub(crate) fn unrecorded_greeting_line(
    context: &Context,
    app: &mut dyn ProfileService,
    profile: &Profile,
) -> Option<String> {
    if profile.settings.voicemail.greeting == Greeting::Default {
        return None;
    }
    match app.unrecorded_greeting(profile) {
        Ok(Some(slot)) => Some(context.tr_args(
            "cli-show-greeting-unrecorded",
            &[("slot", FluentValue::from(slot.get()))],
        )),
        Ok(None) => None,
        Err(error) => {
            tracing::debug!(%error, "cannot learn which greetings are recorded");
            None
        }
    }
}

/// The flow as text: a heading, then each stage and its steps (each step's line is what the window's
/// picture gives screen readers for the same step).
fn flow_block(context: &Context, name: &str, flow: &CallFlow) -> String {
    let mut text = context.tr_args(
        "flow-heading-profile",
        &[("profile", FluentValue::from(name.to_owned()))],
    );
    text.push(':');
    for (_, stage, lines) in flow_lines(&context.i18n, flow) {
        text.push_str(&format!("\n{stage}:"));
        for line in lines {
            text.push_str(&format!("\n  • {line}"));
        }
    }
    text
}
