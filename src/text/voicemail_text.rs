//! A voicemail message in words: who called, when (in the computer's time zone), how long.

use callprofiles_core::PhoneNumber;
use callprofiles_core::voicemail::VoicemailMessage;
use fluent_bundle::FluentValue;

use crate::text::i18n::I18n;

/// Who left the message: "Anna Nowak, +48 22 123 45 67", the number alone, or "Unknown caller".
pub fn caller_text(i18n: &I18n, message: &VoicemailMessage) -> String {
    let number = message
        .caller_number
        .as_deref()
        .map(|number| match PhoneNumber::parse(number) {
            Ok(parsed) => parsed.grouped(),
            Err(_) => number.to_owned(),
        });
    match (message.caller_name.as_deref(), number) {
        (Some(name), Some(number)) => format!("{name}, {number}"),
        (Some(name), None) => name.to_owned(),
        (None, Some(number)) => number,
        (None, None) => i18n.tr("vm-unknown-caller"),
    }
}

/// When the message was left, in the computer's time zone: "today 14:05", "yesterday 09:30", else the date.
pub fn received_text(i18n: &I18n, received: i64) -> String {
    let zone = jiff::tz::TimeZone::system();
    let Ok(at) = jiff::Timestamp::from_second(received).map(|t| t.to_zoned(zone.clone())) else {
        return i18n.tr("vm-unknown-time");
    };
    let today = jiff::Zoned::now().with_time_zone(zone).date();
    let time = at.strftime("%H:%M").to_string();
    let day = at.date();
    if day == today {
        i18n.tr_args("vm-today", &[("time", FluentValue::from(time))])
    } else if today.yesterday().is_ok_and(|yesterday| yesterday == day) {
        i18n.tr_args("vm-yesterday", &[("time", FluentValue::from(time))])
    } else {
        at.strftime("%Y-%m-%d %H:%M").to_string()
    }
}

/// How long the message is: "0:42".
pub fn duration_text(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
