//! The desktop notification of an automatic switch: "Switched to Home (schedule, window 1)", and what was
//! active before, in the user's language (the reason in the same words as the history's).

use callprofiles_core::ProfileBook;
use callprofiles_core::automation::Switch;
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::text::automation_text::{profile_text, reason_text};
use crate::text::i18n::I18n;

/// The notification's title and body for `switch` made at `now` (`book` names the profiles; `zone`, the
/// rules' zone, places an "until" in time).
pub fn switch_notice(
    i18n: &I18n,
    switch: &Switch,
    book: &ProfileBook,
    now: Timestamp,
    zone: &TimeZone,
) -> (String, String) {
    let summary = i18n.tr_args(
        "notify-switched",
        &[
            ("profile", FluentValue::from(profile_text(i18n, book, &switch.to))),
            (
                "reason",
                FluentValue::from(reason_text(i18n, &switch.reason, now, zone)),
            ),
        ],
    );
    let body = match &switch.from {
        Some(from) => i18n.tr_args(
            "notify-switched-from",
            &[("profile", FluentValue::from(profile_text(i18n, book, from)))],
        ),
        None => i18n.tr("notify-switched-from-detected"),
    };
    (summary, body)
}

#[cfg(test)]
mod tests {
    use callprofiles_core::BuiltIn;
    use callprofiles_core::automation::{NetworkLabel, Reason};

    use super::*;
    use crate::text::i18n::Language;

    #[test]
    fn a_switch_reads_as_the_issue_says_in_both_languages() -> Result<(), Box<dyn std::error::Error>> {
        let book = ProfileBook::default();
        let now = Timestamp::now();
        let switch = Switch {
            from: Some(BuiltIn::Office.id()),
            to: BuiltIn::Home.id(),
            reason: Reason::Schedule { rule: 1 },
        };
        let english = I18n::new(Language::English);
        assert_eq!(
            switch_notice(&english, &switch, &book, now, &TimeZone::UTC),
            (
                "Switched to Home (schedule, window 1)".to_owned(),
                "Before: Office.".to_owned()
            )
        );
        let polish = I18n::new(Language::Polish);
        let network = Switch {
            from: None,
            to: BuiltIn::Office.id(),
            reason: Reason::Network {
                rule: 2,
                label: NetworkLabel::parse("Biuro")?,
            },
        };
        assert_eq!(
            switch_notice(&polish, &network, &book, now, &TimeZone::UTC),
            (
                "Przełączono na Biurowy (sieć 2 „Biuro”)".to_owned(),
                "Wcześniej: Wykryte.".to_owned()
            )
        );
        Ok(())
    }
}
