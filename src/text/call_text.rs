//! What became of a telecommuter's call, as one sentence in the user's language (windows and CLI).

use callprofiles_core::PlacedCall;
use callprofiles_core::phone_system::call::CallOutcome;
use fluent_bundle::FluentValue;

use crate::text::i18n::I18n;

/// The sentence for `outcome`, and whether it is bad news (the number was not called).
pub fn call_outcome_text(i18n: &I18n, placed: &PlacedCall, outcome: CallOutcome) -> (String, bool) {
    let (id, bad) = match outcome {
        CallOutcome::Answered => ("call-answered", false),
        CallOutcome::NotAnswered => ("call-not-answered", true),
        CallOutcome::Busy => ("call-busy", true),
        CallOutcome::Failed => ("call-failed", true),
        CallOutcome::Unknown => ("call-unknown", false),
    };
    let text = i18n.tr_args(
        id,
        &[
            ("remote", FluentValue::from(placed.remote.as_str().to_owned())),
            ("target", FluentValue::from(placed.target.as_str().to_owned())),
        ],
    );
    (text, bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::Language;

    #[test]
    fn every_outcome_has_a_sentence_naming_the_numbers() -> Result<(), Box<dyn std::error::Error>> {
        let placed = PlacedCall {
            remote: callprofiles_core::PhoneNumber::parse("0222333444")?,
            target: callprofiles_core::PhoneNumber::parse("0600700800")?,
        };
        for language in [Language::English, Language::Polish] {
            let i18n = I18n::new(language);
            for outcome in [
                CallOutcome::Answered,
                CallOutcome::NotAnswered,
                CallOutcome::Busy,
                CallOutcome::Failed,
                CallOutcome::Unknown,
            ] {
                let (text, bad) = call_outcome_text(&i18n, &placed, outcome);
                assert!(text.contains("0600700800") && !text.contains('{'), "{text}");
                assert_eq!(
                    bad,
                    matches!(
                        outcome,
                        CallOutcome::NotAnswered | CallOutcome::Busy | CallOutcome::Failed
                    )
                );
            }
        }
        let (polish, _) = call_outcome_text(&I18n::new(Language::Polish), &placed, CallOutcome::Busy);
        assert!(
            polish.starts_with("Twój telefon telepracownika (0222333444) był zajęty"),
            "{polish}"
        );
        Ok(())
    }
}
