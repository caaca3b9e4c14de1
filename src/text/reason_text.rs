//! Why a profile is (or will be) active, in the user's language: the "Next:" line, the hold, which rule
//! decides now, a history entry, and how a network is recognised.

use callprofiles_core::ProfileBook;
use callprofiles_core::automation::{
    AutomationView, AwayCause, Hold, NetworkSignature, NextChange, Reason, ReturnTo, Rules,
};
use fluent_bundle::FluentValue;

use super::rules_text::{WhenWords, day_flags, days_text, when_text};
use crate::text::i18n::I18n;

/// A profile's shown name by id (built-ins translated; a deleted one says so).
pub fn profile_text(i18n: &I18n, book: Option<&ProfileBook>, id: &callprofiles_core::ProfileId) -> String {
    book.and_then(|book| book.get(id)).map_or_else(
        || i18n.tr("rules-profile-missing"),
        |profile| i18n.profile_name(&profile),
    )
}

/// The short why of the "Next:" line and a history entry: "schedule", "network Office", "screen locked".
pub fn short_reason(i18n: &I18n, reason: &Reason) -> String {
    match reason {
        Reason::Manual => i18n.tr("reason-manual"),
        Reason::Until { ends, .. } => {
            let time = ends
                .to_zoned(jiff::tz::TimeZone::system())
                .strftime("%H:%M")
                .to_string();
            i18n.tr_args("reason-until", &[("time", time.into())])
        }
        Reason::Away {
            cause: AwayCause::Locked,
        } => i18n.tr("reason-locked"),
        Reason::Away {
            cause: AwayCause::Asleep,
        } => i18n.tr("reason-asleep"),
        Reason::Network { label, .. } => i18n.tr_args(
            "reason-network",
            &[("label", FluentValue::from(label.as_str().to_owned()))],
        ),
        Reason::Exception { from, to, .. } => i18n.tr_args("reason-exception", &[("dates", dates(*from, *to).into())]),
        Reason::Schedule { .. } | Reason::Otherwise => i18n.tr("reason-schedule"),
    }
}

/// The full why of the decision now: which rule, in its own words.
pub fn long_reason(i18n: &I18n, reason: &Reason, rules: &Rules, now: &jiff::Zoned) -> String {
    let number = |rule: usize| FluentValue::from(rule);
    match reason {
        Reason::Manual => i18n.tr("why-manual"),
        Reason::Until { ends, .. } => i18n.tr_args(
            "why-until",
            &[("when", when(i18n, *ends, rules, now, WhenWords::Until).into())],
        ),
        Reason::Away { .. } => i18n.tr_args("why-away", &[("how", short_reason(i18n, reason).into())]),
        Reason::Network { rule, label } => i18n.tr_args(
            "why-network",
            &[
                ("number", number(*rule)),
                ("label", FluentValue::from(label.as_str().to_owned())),
            ],
        ),
        Reason::Exception { rule, from, to } => i18n.tr_args(
            "why-exception",
            &[("number", number(*rule)), ("dates", dates(*from, *to).into())],
        ),
        Reason::Schedule { rule } => {
            let window = rules
                .weekly
                .get(rule.saturating_sub(1))
                .map(|w| format!("{} {}–{}", days_text(i18n, &day_flags(w.days)), w.start, w.end))
                .unwrap_or_default();
            i18n.tr_args("why-schedule", &[("number", number(*rule)), ("window", window.into())])
        }
        Reason::Otherwise => i18n.tr("why-otherwise"),
    }
}

/// "Next: Home at 16:00, schedule".
pub fn next_text(i18n: &I18n, next: &NextChange, view: &AutomationView, book: Option<&ProfileBook>) -> String {
    let now = view.now.to_zoned(view.rules.time_zone.time_zone().clone());
    i18n.tr_args(
        "next-line",
        &[
            ("profile", profile_text(i18n, book, &next.profile).into()),
            ("when", when(i18n, next.at, &view.rules, &now, WhenWords::At).into()),
            ("why", short_reason(i18n, &next.reason).into()),
        ],
    )
}

/// The hold now: "Office until 17:00, then the schedule", or "Office, your choice, until the schedule
/// changes".
pub fn hold_text(i18n: &I18n, hold: &Hold, view: &AutomationView, book: Option<&ProfileBook>) -> String {
    let now = view.now.to_zoned(view.rules.time_zone.time_zone().clone());
    let profile = profile_text(i18n, book, hold.profile());
    match hold {
        Hold::Manual { .. } => i18n.tr_args("hold-manual", &[("profile", profile.into())]),
        Hold::Until { until, previous, .. } => {
            let then = match (until.then, previous) {
                (ReturnTo::Previous, Some(previous)) => i18n.tr_args(
                    "hold-then-previous",
                    &[("profile", profile_text(i18n, book, previous).into())],
                ),
                _ => i18n.tr("hold-then-schedule"),
            };
            i18n.tr_args(
                "hold-until",
                &[
                    ("profile", profile.into()),
                    (
                        "when",
                        when(i18n, until.ends, &view.rules, &now, WhenWords::Until).into(),
                    ),
                    ("then", then.into()),
                ],
            )
        }
    }
}

/// How a network is recognised, readably: "router aa:bb:cc:dd:ee:ff", "Wi-Fi “Office”", "subnet 10.0.0.0/24".
pub fn signature_text(i18n: &I18n, signature: &NetworkSignature) -> String {
    match signature {
        NetworkSignature::Gateway { mac } => {
            i18n.tr_args("rules-network-gateway", &[("mac", FluentValue::from(mac.to_string()))])
        }
        NetworkSignature::Wifi { ssid } => i18n.tr_args(
            "rules-network-wifi",
            &[("name", FluentValue::from(callprofiles_core::shown::text(ssid.as_str())))],
        ),
        NetworkSignature::Subnet { subnet } => i18n.tr_args(
            "rules-network-subnet",
            &[("subnet", FluentValue::from(subnet.to_string()))],
        ),
    }
}

/// An instant as the rules' zone shows it, relative to `now` ("at 16:00", "tomorrow at 08:00"); the zone's
/// name is added when the computer's clock would show another time.
fn when(i18n: &I18n, at: jiff::Timestamp, rules: &Rules, now: &jiff::Zoned, words: WhenWords) -> String {
    let zone = rules.time_zone.time_zone();
    let text = when_text(i18n, &at.to_zoned(zone.clone()), now, words);
    if jiff::tz::TimeZone::system().to_offset(at) == zone.to_offset(at) {
        text
    } else {
        format!("{text} ({})", rules.time_zone.name())
    }
}

/// One date, or a range of dates.
fn dates(from: jiff::civil::Date, to: jiff::civil::Date) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} – {to}")
    }
}
