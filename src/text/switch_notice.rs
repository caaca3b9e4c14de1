//! The desktop notification of an automatic switch: "Switched to Home (schedule)", and what was active
//! before, in the user's language.

use callprofiles_core::ProfileBook;
use callprofiles_core::automation::{AwayCause, Reason, Switch};
use fluent_bundle::FluentValue;

use crate::text::i18n::I18n;

/// The notification's title and body for `switch` (`book` names the profiles; a profile it lacks is shown
/// by its id).
pub fn switch_notice(i18n: &I18n, switch: &Switch, book: Option<&ProfileBook>) -> (String, String) {
    let name = |id: &callprofiles_core::ProfileId| {
        book.and_then(|book| book.get(id))
            .map_or_else(|| id.to_string(), |profile| i18n.profile_name(&profile))
    };
    let summary = i18n.tr_args(
        "notify-switched",
        &[
            ("profile", FluentValue::from(name(&switch.to))),
            ("reason", FluentValue::from(reason_words(i18n, &switch.reason))),
        ],
    );
    let body = match &switch.from {
        Some(from) => i18n.tr_args("notify-switched-from", &[("profile", FluentValue::from(name(from)))]),
        None => i18n.tr("notify-switched-from-detected"),
    };
    (summary, body)
}

/// Why, in a few words (what the parentheses of the title hold).
fn reason_words(i18n: &I18n, reason: &Reason) -> String {
    match reason {
        Reason::Manual => i18n.tr("notify-reason-manual"),
        Reason::Until { .. } => i18n.tr("notify-reason-until"),
        Reason::Away {
            cause: AwayCause::Locked,
        } => i18n.tr("notify-reason-locked"),
        Reason::Away {
            cause: AwayCause::Asleep,
        } => i18n.tr("notify-reason-asleep"),
        Reason::Network { label, .. } => i18n.tr_args(
            "notify-reason-network",
            &[(
                "label",
                FluentValue::from(callprofiles_core::shown::text(label.as_str())),
            )],
        ),
        Reason::Exception { .. } => i18n.tr("notify-reason-exception"),
        Reason::Schedule { .. } | Reason::Otherwise => i18n.tr("notify-reason-schedule"),
    }
}

#[cfg(test)]
mod tests {
    use callprofiles_core::BuiltIn;
    use callprofiles_core::automation::NetworkLabel;

    use super::*;
    use crate::text::i18n::Language;

    #[test]
    fn a_switch_reads_as_the_issue_says_in_both_languages() -> Result<(), Box<dyn std::error::Error>> {
        let book = ProfileBook::default();
        let switch = Switch {
            from: Some(BuiltIn::Office.id()),
            to: BuiltIn::Home.id(),
            reason: Reason::Schedule { rule: 1 },
        };
        let english = I18n::new(Language::English);
        assert_eq!(
            switch_notice(&english, &switch, Some(&book)),
            ("Switched to Home (schedule)".to_owned(), "Before: Office.".to_owned())
        );
        let polish = I18n::new(Language::Polish);
        let network = Switch {
            from: None,
            to: BuiltIn::Office.id(),
            reason: Reason::Network {
                rule: 1,
                label: NetworkLabel::parse("Biuro")?,
            },
        };
        assert_eq!(
            switch_notice(&polish, &network, Some(&book)),
            (
                "Przełączono na Biurowy (sieć Biuro)".to_owned(),
                "Wcześniej: Wykryte.".to_owned()
            )
        );
        Ok(())
    }
}
