//! Refused rules of automatic switching, and "until" times, as one sentence in the user's language.

use callprofiles_core::automation::Weekdays;
use callprofiles_core::error::{AutomationError, AutomationInput, RuleList};
use fluent_bundle::FluentValue;

use crate::text::automation_text::{days_text, weekday_on};
use crate::text::i18n::I18n;
use crate::text::reason_text::day_flags;

/// The sentence for a refused rule or request.
pub fn automation_error_text(i18n: &I18n, error: &AutomationError) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    let number = |value: usize| FluentValue::from(value);
    match error {
        AutomationError::BadInput { what, text: input } => {
            let id = match what {
                AutomationInput::Time => "auto-error-bad-time",
                AutomationInput::Days => "auto-error-bad-days",
                AutomationInput::Date => "auto-error-bad-date",
                AutomationInput::Duration => "auto-error-bad-duration",
                AutomationInput::MacAddress => "auto-error-bad-mac",
                AutomationInput::WifiName => "auto-error-bad-wifi",
                AutomationInput::Subnet => "auto-error-bad-subnet",
                AutomationInput::Label => "auto-error-bad-label",
            };
            i18n.tr_args(id, &[("text", text(input))])
        }
        AutomationError::UnknownZone { name } => i18n.tr_args("problem-time-zone", &[("zone", text(name))]),
        AutomationError::NoDays { window } => i18n.tr_args("auto-error-no-days", &[("window", number(*window))]),
        AutomationError::EmptyWindow { window, time } => i18n.tr_args(
            "auto-error-empty-window",
            &[("window", number(*window)), ("time", text(time))],
        ),
        AutomationError::OverlappingWindows {
            first,
            first_text,
            second,
            second_text,
            day,
        } => i18n.tr_args(
            "auto-error-overlap",
            &[
                ("first", number(*first)),
                ("first_text", window_text(i18n, first_text).into()),
                ("second", number(*second)),
                ("second_text", window_text(i18n, second_text).into()),
                ("day", day_text(i18n, day).into()),
            ],
        ),
        AutomationError::ExceptionBackwards { exception, from, to } => i18n.tr_args(
            "auto-error-exception-backwards",
            &[("exception", number(*exception)), ("from", text(from)), ("to", text(to))],
        ),
        AutomationError::OverlappingExceptions {
            first,
            first_text,
            second,
            second_text,
            day,
        } => i18n.tr_args(
            "auto-error-exceptions-overlap",
            &[
                ("first", number(*first)),
                ("first_text", text(&first_text.replace("..", " – "))),
                ("second", number(*second)),
                ("second_text", text(&second_text.replace("..", " – "))),
                ("day", text(day)),
            ],
        ),
        AutomationError::DuplicateNetwork { first, second, .. } => i18n.tr_args(
            "auto-error-duplicate-network",
            &[("first", number(*first)), ("second", number(*second))],
        ),
        AutomationError::TooMany { list, limit } => {
            let id = match list {
                RuleList::Windows => "auto-error-too-many-windows",
                RuleList::Exceptions => "auto-error-too-many-exceptions",
                RuleList::Networks => "auto-error-too-many-networks",
            };
            i18n.tr_args(id, &[("limit", number(*limit))])
        }
        AutomationError::AwayWithoutTrigger => i18n.tr("auto-error-away-trigger"),
        AutomationError::NoSuchRule { list, number: n } => {
            let id = match list {
                RuleList::Windows => "auto-error-no-such-window",
                RuleList::Exceptions => "auto-error-no-such-exception",
                RuleList::Networks => "auto-error-no-such-network",
            };
            i18n.tr_args(id, &[("number", number(*n))])
        }
        AutomationError::UntilPassed { ends } => {
            i18n.tr_args("auto-error-until-passed", &[("ends", local_time(ends).into())])
        }
        AutomationError::UntilTooFar { ends } => {
            i18n.tr_args("auto-error-until-far", &[("ends", local_time(ends).into())])
        }
        AutomationError::UnknownProfile { id } => i18n.tr_args("auto-error-unknown-profile", &[("id", text(id))]),
        AutomationError::Unavailable => i18n.tr("auto-error-unavailable"),
    }
}

/// A window as `rules show` writes it (`mon-fri 08:00-16:00`), in the user's words ("Mon–Fri 08:00–16:00").
fn window_text(i18n: &I18n, written: &str) -> String {
    match written.split_once(' ') {
        Some((days, times)) => match Weekdays::parse(days) {
            Ok(days) => format!("{} {}", days_text(i18n, &day_flags(days)), times.replace('-', "–")),
            Err(_) => written.to_owned(),
        },
        None => written.to_owned(),
    }
}

/// "on Monday" for a short day name (`mon`).
fn day_text(i18n: &I18n, short: &str) -> String {
    Weekdays::parse(short)
        .ok()
        .and_then(|days| day_flags(days).iter().position(|on| *on))
        .map_or_else(|| short.to_owned(), |index| weekday_on(i18n, index))
}

/// An RFC 3339 instant in the computer's zone, `YYYY-MM-DD HH:MM` (as given when it does not parse).
fn local_time(rfc3339: &str) -> String {
    rfc3339
        .parse::<jiff::Timestamp>()
        .map(|at| at.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_owned())
}
