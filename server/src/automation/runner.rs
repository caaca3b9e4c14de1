//! The scheduler's runs on the server: core's `run_automation` for the user's home, and for a switch
//! the same after-math as an HTTP activate (an audit line, the fresh state pushed to the user's
//! desktops).

use std::sync::Arc;

use callprofiles_core::CoreError;
use callprofiles_core::automation::{AutomationStep, Reason, ReturnTo};

use super::scheduler::{Ran, Runner};
use crate::audit::Audit;
use crate::hub::Hub;

/// Runs users' rules through the hub's PBX.
pub struct ServerRunner {
    hub: Arc<Hub>,
    audit: Audit,
}

impl ServerRunner {
    /// A runner over the hub, auditing to `audit`.
    pub fn new(hub: Arc<Hub>, audit: Audit) -> Arc<Self> {
        Arc::new(Self { hub, audit })
    }
}

impl Runner for ServerRunner {
    type Error = CoreError;

    fn run(&self, extension: &str, now: jiff::Timestamp) -> Result<Ran, CoreError> {
        let step = self.hub.pbx().run_automation(extension, now)?;
        if audit_switch(&self.audit, extension, &step) {
            self.hub.refresh_now(extension)?;
        } else {
            // A boundary may change what the rules decide next without a switch: the desktops' "Next:"
            // line follows (only for users someone is watching).
            self.hub.mark_dirty(extension);
        }
        Ok(Ran {
            next_at: step.next.map(|next| next.at),
        })
    }
}

/// Writes the audit line of the switch `step` made, if any (`automatic: office → home (schedule
/// window 1)`); whether there was one.
pub fn audit_switch(audit: &Audit, extension: &str, step: &AutomationStep) -> bool {
    let Some(switch) = &step.switched else { return false };
    let from = switch.from.as_ref().map_or("detected", |id| id.as_str());
    audit.record(
        &format!("{extension}/automation"),
        &format!("automatic: {from} → {} ({})", switch.to, reason_words(&switch.reason)),
        "local",
    );
    true
}

/// A reason in the audit log's words (English, ids and numbers only).
pub fn reason_words(reason: &Reason) -> String {
    match reason {
        Reason::Manual => "manual".to_owned(),
        Reason::Until { ends, then } => {
            let then = match then {
                ReturnTo::Schedule => "the rules",
                ReturnTo::Previous => "the previous profile",
            };
            format!("until {ends}, then {then}")
        }
        Reason::Away { cause } => format!("away: {cause:?}").to_lowercase(),
        Reason::Network { rule, .. } => format!("network rule {rule}"),
        Reason::Exception { rule, from, to } => format!("exception {rule}, {from} to {to}"),
        Reason::Schedule { rule } => format!("schedule window {rule}"),
        Reason::Otherwise => "otherwise".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_ids_and_numbers() -> Result<(), jiff::Error> {
        assert_eq!(reason_words(&Reason::Schedule { rule: 2 }), "schedule window 2");
        let until = Reason::Until {
            ends: "2026-12-01T17:00:00Z".parse()?,
            then: ReturnTo::Schedule,
        };
        assert_eq!(reason_words(&until), "until 2026-12-01T17:00:00Z, then the rules");
        assert_eq!(reason_words(&Reason::Otherwise), "otherwise");
        Ok(())
    }
}
