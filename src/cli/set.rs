//! `set NAME KEY=VALUE...`: change a saved profile's settings, every pair checked before anything is written.

use callprofiles_core::SettingChange;
use fluent_bundle::FluentValue;

use crate::cli::{Context, human, output};

/// Arguments of `set`.
#[derive(Debug, clap::Args)]
#[command(after_help = SETTING_KEYS)]
pub struct SetArgs {
    /// The profile: its id or name (built-ins also by their Polish names), any case.
    name: String,
    /// The changes, e.g. routing=forward:+48221234567 voicemail=off.
    #[arg(required = true, value_name = "KEY=VALUE")]
    pairs: Vec<String>,
}

/// The keys `set` and `pbx set` take, for their help.
pub const SETTING_KEYS: &str = "Keys and values:
  call_pickup=on|off
  routing=desk_phone|forward:NUMBER|twinning:NUMBER|telecommuter:NUMBER
  voicemail=on|off
  voicemail.ringback=on|off
  voicemail.notification=on|off
  voicemail.playback=phone|computer
  voicemail.greeting=default|1..9
Numbers may contain spaces, dashes, dots and brackets; they are stored as digits with an optional leading +.";

impl SetArgs {
    /// Runs `set`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let changes = SettingChange::parse_all(&self.pairs)?;
        let mut app = context.open();
        let id = context.find(app.as_mut(), &self.name)?;
        let profile = app.change_settings(&id, &changes)?;
        let saved = context.tr_args(
            "cli-set-saved",
            &[
                ("name", FluentValue::from(context.name_of(&profile))),
                (
                    "summary",
                    FluentValue::from(human::summary(&context.i18n, &profile.settings)),
                ),
            ],
        );
        let hint = context.tr_args("cli-set-hint", &[("id", FluentValue::from(profile.id.to_string()))]);
        output::print(&format!("{saved}\n{hint}"))
    }
}
