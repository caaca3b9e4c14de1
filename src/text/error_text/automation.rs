//! Refused automation rules and requests as sentences.

use callprofiles_core::{AutomationError, AutomationInput, RuleList};
use fluent_bundle::FluentValue;

use crate::text::i18n::I18n;

/// The sentence for a refused rule or request of the automation.
pub fn automation_error_text(i18n: &I18n, error: &AutomationError) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    let number = |value: usize| FluentValue::from(value);
    match error {
        AutomationError::BadInput { what, text: input } => {
            i18n.tr_args(bad_input_message(*what), &[("input", text(input))])
        }
        AutomationError::UnknownZone { name } => i18n.tr_args("error-auto-unknown-zone", &[("name", text(name))]),
        AutomationError::NoDays { window } => i18n.tr_args("error-auto-no-days", &[("window", number(*window))]),
        AutomationError::EmptyWindow { window, time } => i18n.tr_args(
            "error-auto-empty-window",
            &[("window", number(*window)), ("time", text(time))],
        ),
        AutomationError::OverlappingWindows {
            first,
            first_text,
            second,
            second_text,
            day,
        } => i18n.tr_args(
            "error-auto-overlapping-windows",
            &[
                ("first", number(*first)),
                ("first_text", text(first_text)),
                ("second", number(*second)),
                ("second_text", text(second_text)),
                ("day", FluentValue::from(i18n.tr(&format!("auto-day-{day}")))),
            ],
        ),
        AutomationError::ExceptionBackwards { exception, from, to } => i18n.tr_args(
            "error-auto-exception-backwards",
            &[
                ("exception", number(*exception)),
                ("from", text(from)),
                ("to", text(to)),
            ],
        ),
        AutomationError::OverlappingExceptions {
            first,
            first_text,
            second,
            second_text,
            day,
        } => i18n.tr_args(
            "error-auto-overlapping-exceptions",
            &[
                ("first", number(*first)),
                ("first_text", text(first_text)),
                ("second", number(*second)),
                ("second_text", text(second_text)),
                ("day", text(day)),
            ],
        ),
        AutomationError::DuplicateNetwork { first, second, network } => i18n.tr_args(
            "error-auto-duplicate-network",
            &[
                ("first", number(*first)),
                ("second", number(*second)),
                ("network", text(network)),
            ],
        ),
        AutomationError::TooMany { list, limit } => {
            let id = match list {
                RuleList::Windows => "error-auto-too-many-windows",
                RuleList::Exceptions => "error-auto-too-many-exceptions",
                RuleList::Networks => "error-auto-too-many-networks",
            };
            i18n.tr_args(id, &[("limit", number(*limit))])
        }
        AutomationError::AwayWithoutTrigger => i18n.tr("error-auto-away-without-trigger"),
        AutomationError::NoSuchRule { list, number: n } => {
            let id = match list {
                RuleList::Windows => "error-auto-no-such-window",
                RuleList::Exceptions => "error-auto-no-such-exception",
                RuleList::Networks => "error-auto-no-such-network",
            };
            i18n.tr_args(id, &[("number", number(*n))])
        }
        AutomationError::UntilPassed { ends } => i18n.tr_args("error-auto-until-passed", &[("ends", text(ends))]),
        AutomationError::UntilTooFar { ends } => i18n.tr_args("error-auto-until-too-far", &[("ends", text(ends))]),
        AutomationError::UnknownProfile { id } => i18n.tr_args("error-auto-unknown-profile", &[("id", text(id))]),
        AutomationError::Unavailable => i18n.tr("error-auto-unavailable"),
    }
}

/// The message for input that is not what it was meant to be.
fn bad_input_message(what: AutomationInput) -> &'static str {
    match what {
        AutomationInput::Time => "error-auto-bad-time",
        AutomationInput::Days => "error-auto-bad-days",
        AutomationInput::Date => "error-auto-bad-date",
        AutomationInput::Duration => "error-auto-bad-duration",
        AutomationInput::MacAddress => "error-auto-bad-mac",
        AutomationInput::WifiName => "error-auto-bad-wifi",
        AutomationInput::Subnet => "error-auto-bad-subnet",
        AutomationInput::Label => "error-auto-bad-label",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::Language;

    /// One of each refusal.
    fn every_refusal() -> Vec<AutomationError> {
        let inputs = [
            AutomationInput::Time,
            AutomationInput::Days,
            AutomationInput::Date,
            AutomationInput::Duration,
            AutomationInput::MacAddress,
            AutomationInput::WifiName,
            AutomationInput::Subnet,
            AutomationInput::Label,
        ];
        let lists = [RuleList::Windows, RuleList::Exceptions, RuleList::Networks];
        let mut all: Vec<AutomationError> = inputs
            .into_iter()
            .map(|what| AutomationError::BadInput {
                what,
                text: "x".to_owned(),
            })
            .collect();
        all.extend(lists.iter().map(|&list| AutomationError::TooMany { list, limit: 3 }));
        all.extend(
            lists
                .iter()
                .map(|&list| AutomationError::NoSuchRule { list, number: 9 }),
        );
        all.extend([
            AutomationError::UnknownZone {
                name: "Mars".to_owned(),
            },
            AutomationError::NoDays { window: 1 },
            AutomationError::EmptyWindow {
                window: 1,
                time: "09:00".to_owned(),
            },
            AutomationError::OverlappingWindows {
                first: 1,
                first_text: "mon-fri 08:00-16:00".to_owned(),
                second: 2,
                second_text: "mon 15:00-17:00".to_owned(),
                day: "mon".to_owned(),
            },
            AutomationError::ExceptionBackwards {
                exception: 1,
                from: "2026-12-27".to_owned(),
                to: "2026-12-20".to_owned(),
            },
            AutomationError::OverlappingExceptions {
                first: 1,
                first_text: "2026-12-24".to_owned(),
                second: 2,
                second_text: "2026-12-24".to_owned(),
                day: "2026-12-24".to_owned(),
            },
            AutomationError::DuplicateNetwork {
                first: 1,
                second: 2,
                network: "wifi=Biuro".to_owned(),
            },
            AutomationError::AwayWithoutTrigger,
            AutomationError::UntilPassed {
                ends: "2026-01-01T00:00:00Z".to_owned(),
            },
            AutomationError::UntilTooFar {
                ends: "2030-01-01T00:00:00Z".to_owned(),
            },
            AutomationError::UnknownProfile {
                id: "custom-9".to_owned(),
            },
            AutomationError::Unavailable,
        ]);
        all
    }

    #[test]
    fn every_refusal_reads_in_both_languages_like_the_core_sentence() {
        let english = I18n::new(Language::English);
        let polish = I18n::new(Language::Polish);
        for error in every_refusal() {
            let en = automation_error_text(&english, &error);
            let pl = automation_error_text(&polish, &error);
            assert_eq!(
                en.replace(['“', '”'], "\"").replace('–', "-"),
                error.to_string(),
                "{error:?}"
            );
            assert_ne!(en, pl, "{error:?} has no Polish sentence");
            assert!(!pl.contains("error-") && !pl.contains("auto-day"), "{pl}");
        }
    }
}
