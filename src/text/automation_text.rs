//! Automatic switching in words: why a profile was chosen, when the next change comes, and a profile
//! named by a rule (for the CLI, the window's "Next:" line, history and notifications).

use callprofiles_core::automation::{AwayCause, NextChange, Reason, ReturnTo};
use callprofiles_core::{ProfileBook, ProfileId};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::text::i18n::I18n;

/// Why a profile was chosen, as a short phrase: "schedule, window 1", "network “Office LAN”",
/// "until 17:00, then the schedule", "your choice".
pub fn reason_text(i18n: &I18n, reason: &Reason, now: Timestamp, zone: &TimeZone) -> String {
    let number = |n: usize| FluentValue::from(n);
    match reason {
        Reason::Manual => i18n.tr("auto-reason-manual"),
        Reason::Until { ends, then } => {
            let id = match then {
                ReturnTo::Schedule => "auto-reason-until-schedule",
                ReturnTo::Previous => "auto-reason-until-previous",
            };
            i18n.tr_args(id, &[("time", FluentValue::from(when_text(*ends, now, zone)))])
        }
        Reason::Away {
            cause: AwayCause::Locked,
        } => i18n.tr("auto-reason-locked"),
        Reason::Away {
            cause: AwayCause::Asleep,
        } => i18n.tr("auto-reason-asleep"),
        Reason::Network { rule, label } => i18n.tr_args(
            "auto-reason-network",
            &[
                ("number", number(*rule)),
                ("label", FluentValue::from(label.as_str().to_owned())),
            ],
        ),
        Reason::Exception { rule, from, to } => {
            let dates = if from == to {
                from.to_string()
            } else {
                format!("{from}–{to}")
            };
            i18n.tr_args(
                "auto-reason-exception",
                &[("number", number(*rule)), ("dates", FluentValue::from(dates))],
            )
        }
        Reason::Schedule { rule } => i18n.tr_args("auto-reason-schedule", &[("number", number(*rule))]),
        Reason::Otherwise => i18n.tr("auto-reason-otherwise"),
    }
}

/// An instant on the wall clock of `zone`, as short as is clear from `now`: "16:00" today, else
/// "2026-04-06 08:00" (for "until …").
pub fn when_text(at: Timestamp, now: Timestamp, zone: &TimeZone) -> String {
    let local = zone.to_datetime(at);
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    if local.date() == zone.to_datetime(now).date() {
        time
    } else {
        format!("{} {time}", local.date())
    }
}

/// When something happens, as a phrase: "at 16:00", "tomorrow at 08:00", "on 2026-04-06 at 08:00".
pub fn at_text(i18n: &I18n, at: Timestamp, now: Timestamp, zone: &TimeZone) -> String {
    let local = zone.to_datetime(at);
    let today = zone.to_datetime(now).date();
    let time = FluentValue::from(format!("{:02}:{:02}", local.hour(), local.minute()));
    if local.date() == today {
        i18n.tr_args("auto-when-today", &[("time", time)])
    } else if today.tomorrow().is_ok_and(|tomorrow| tomorrow == local.date()) {
        i18n.tr_args("auto-when-tomorrow", &[("time", time)])
    } else {
        i18n.tr_args(
            "auto-when-date",
            &[("date", FluentValue::from(local.date().to_string())), ("time", time)],
        )
    }
}

/// A profile a rule names, in the user's language; a deleted one by its id.
pub fn profile_text(i18n: &I18n, book: &ProfileBook, id: &ProfileId) -> String {
    book.get(id)
        .map_or_else(|| id.to_string(), |profile| i18n.profile_name(&profile))
}

/// The "Next:" line: "Next: Home at 16:00 (otherwise)", or that nothing changes by itself.
pub fn next_line(
    i18n: &I18n,
    book: &ProfileBook,
    next: Option<&NextChange>,
    now: Timestamp,
    zone: &TimeZone,
) -> String {
    match next {
        Some(next) => i18n.tr_args(
            "auto-next",
            &[
                ("profile", FluentValue::from(profile_text(i18n, book, &next.profile))),
                ("when", FluentValue::from(at_text(i18n, next.at, now, zone))),
                ("reason", FluentValue::from(reason_text(i18n, &next.reason, now, zone))),
            ],
        ),
        None => i18n.tr("auto-next-none"),
    }
}

#[cfg(test)]
mod tests {
    use callprofiles_core::BuiltIn;
    use callprofiles_core::automation::NetworkLabel;

    use super::*;
    use crate::text::i18n::Language;

    #[test]
    fn the_next_line_reads_in_both_languages() -> Result<(), Box<dyn std::error::Error>> {
        let zone = TimeZone::get("Europe/Warsaw")?;
        let now: Timestamp = "2026-03-30T09:00+02:00".parse()?;
        let next = NextChange {
            at: "2026-03-30T16:00+02:00".parse()?,
            profile: BuiltIn::Home.id(),
            reason: Reason::Otherwise,
        };
        let book = ProfileBook::default();
        let english = I18n::new(Language::English);
        assert_eq!(
            next_line(&english, &book, Some(&next), now, &zone),
            "Next: Home at 16:00 (otherwise)."
        );
        let polish = I18n::new(Language::Polish);
        assert_eq!(
            next_line(&polish, &book, Some(&next), now, &zone),
            "Następnie: Domowy o 16:00 (w pozostałym czasie)."
        );
        let tomorrow = "2026-03-31T08:00+02:00".parse()?;
        assert_eq!(at_text(&english, tomorrow, now, &zone), "tomorrow at 08:00");
        assert_eq!(at_text(&polish, tomorrow, now, &zone), "jutro o 08:00");
        assert_eq!(when_text(tomorrow, now, &zone), "2026-03-31 08:00");
        let network = Reason::Network {
            rule: 1,
            label: NetworkLabel::parse("Biuro")?,
        };
        assert_eq!(reason_text(&polish, &network, now, &zone), "sieć 1 „Biuro”");
        Ok(())
    }
}
