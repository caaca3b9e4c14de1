//! `call NUMBER`: a telecommuter's outgoing call (the telecommuter phone rings first, then the number);
//! it waits to say whether the telecommuter answered.

use callprofiles_core::PhoneNumber;
use callprofiles_core::phone_system::call::CallOutcome;
use fluent_bundle::FluentValue;

use crate::cli::{Context, output};
use crate::text::call_text::call_outcome_text;

/// Arguments of `call`.
#[derive(Debug, clap::Args)]
pub struct CallArgs {
    /// The number to call, e.g. "+48 22 123 45 67" (spaces, dashes, dots and brackets are ignored).
    number: String,
}

impl CallArgs {
    /// Runs `call`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let number = PhoneNumber::parse(&self.number)?;
        let (placed, watch) = context.open().call(&number)?;
        output::print(&context.tr_args(
            "cli-call-placed",
            &[
                ("remote", FluentValue::from(placed.remote.as_str().to_owned())),
                ("target", FluentValue::from(placed.target.as_str().to_owned())),
            ],
        ))?;
        let outcome = watch.wait();
        let (text, bad) = call_outcome_text(&context.i18n, &placed, outcome);
        // Not knowing whether you answered is no success either: a script must not take it for one.
        if bad || outcome == CallOutcome::Unknown {
            anyhow::bail!(text);
        }
        output::print(&text)
    }
}
