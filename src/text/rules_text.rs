//! The words of the rules editor and its lines: weekdays, days as "Mon–Fri", and when something happens
//! ("at 16:00", "tomorrow at 08:00", "until 17:00"), in the user's language.

use callprofiles_core::automation::Weekdays;

use crate::text::i18n::I18n;

/// Message ids of the weekdays, Monday first.
const WEEKDAYS: [&str; 7] = [
    "weekday-mon",
    "weekday-tue",
    "weekday-wed",
    "weekday-thu",
    "weekday-fri",
    "weekday-sat",
    "weekday-sun",
];

/// Message ids of the weekdays' short names, Monday first.
const WEEKDAYS_SHORT: [&str; 7] = [
    "weekday-short-mon",
    "weekday-short-tue",
    "weekday-short-wed",
    "weekday-short-thu",
    "weekday-short-fri",
    "weekday-short-sat",
    "weekday-short-sun",
];

/// Message ids of "on Monday"…, Monday first (Polish needs its own case here).
const WEEKDAYS_ON: [&str; 7] = [
    "weekday-on-mon",
    "weekday-on-tue",
    "weekday-on-wed",
    "weekday-on-thu",
    "weekday-on-fri",
    "weekday-on-sat",
    "weekday-on-sun",
];

/// The name of a weekday (0 = Monday).
pub fn weekday_name(i18n: &I18n, day: usize) -> String {
    WEEKDAYS.get(day).map_or_else(String::new, |id| i18n.tr(id))
}

/// "on Monday" (0 = Monday).
pub fn weekday_on(i18n: &I18n, day: usize) -> String {
    WEEKDAYS_ON.get(day).map_or_else(String::new, |id| i18n.tr(id))
}

/// The short name of a weekday (0 = Monday).
pub fn weekday_short(i18n: &I18n, day: usize) -> String {
    WEEKDAYS_SHORT.get(day).map_or_else(String::new, |id| i18n.tr(id))
}

/// Which words a time is said with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhenWords {
    /// "at 16:00", "tomorrow at 08:00".
    At,
    /// "until 17:00", "until tomorrow, 08:00".
    Until,
}

/// When something happens, relative to `now`: "16:00", "tomorrow at 08:00", "Monday at 08:00", or
/// "2026-12-24 at 08:00" beyond a week — both in the same time zone.
pub fn when_text(i18n: &I18n, at: &jiff::Zoned, now: &jiff::Zoned, words: WhenWords) -> String {
    let time = at.strftime("%H:%M").to_string();
    let days = (at.date() - now.date()).get_days();
    if words == WhenWords::Until {
        let index = usize::from(at.weekday().to_monday_zero_offset().unsigned_abs());
        return match days {
            ..=0 => i18n.tr_args("until-when-today", &[("time", time.into())]),
            1 => i18n.tr_args("until-when-tomorrow", &[("time", time.into())]),
            2..=6 => i18n.tr_args(
                "until-when-day",
                &[("day", weekday_short(i18n, index).into()), ("time", time.into())],
            ),
            _ => i18n.tr_args(
                "until-when-date",
                &[
                    ("date", at.strftime("%Y-%m-%d").to_string().into()),
                    ("time", time.into()),
                ],
            ),
        };
    }
    let time_arg = [("time", time.clone().into())];
    match days {
        ..=0 => i18n.tr_args("when-today", &time_arg),
        1 => i18n.tr_args("when-tomorrow", &time_arg),
        2..=6 => {
            let index = usize::from(at.weekday().to_monday_zero_offset().unsigned_abs());
            let day = WEEKDAYS_ON.get(index).map_or_else(String::new, |id| i18n.tr(id));
            i18n.tr_args("when-weekday", &[("day", day.into()), ("time", time.into())])
        }
        _ => i18n.tr_args(
            "when-date",
            &[
                ("date", at.strftime("%Y-%m-%d").to_string().into()),
                ("time", time.into()),
            ],
        ),
    }
}

/// The days of a window, Monday first, runs of three or more as ranges: "Mon–Fri", "Sat, Sun".
pub fn days_text(i18n: &I18n, days: &[bool; 7]) -> String {
    if days.iter().all(|on| *on) {
        return i18n.tr("days-every");
    }
    let mut parts = Vec::new();
    let mut day = 0;
    while day < 7 {
        if !days.get(day).copied().unwrap_or(false) {
            day += 1;
            continue;
        }
        let start = day;
        while days.get(day + 1).copied().unwrap_or(false) {
            day += 1;
        }
        match day - start {
            0 => parts.push(weekday_short(i18n, start)),
            1 => {
                parts.push(weekday_short(i18n, start));
                parts.push(weekday_short(i18n, day));
            }
            _ => parts.push(format!("{}–{}", weekday_short(i18n, start), weekday_short(i18n, day))),
        }
        day += 1;
    }
    parts.join(", ")
}

/// The weekdays, Monday first (the order of a window's toggles).
pub const WEEK: [jiff::civil::Weekday; 7] = [
    jiff::civil::Weekday::Monday,
    jiff::civil::Weekday::Tuesday,
    jiff::civil::Weekday::Wednesday,
    jiff::civil::Weekday::Thursday,
    jiff::civil::Weekday::Friday,
    jiff::civil::Weekday::Saturday,
    jiff::civil::Weekday::Sunday,
];

/// A window's days as its seven toggles, Monday first.
pub fn day_flags(days: Weekdays) -> [bool; 7] {
    WEEK.map(|day| days.contains(day))
}

/// A window as the command line writes it (`mon-fri 08:00-16:00`) in the window's words ("Mon–Fri
/// 08:00–16:00"); as written when it does not read as one.
pub fn window_words(i18n: &I18n, written: &str) -> String {
    let Some((days, times)) = written.split_once(' ') else {
        return written.to_owned();
    };
    match Weekdays::parse(days) {
        Ok(days) => format!("{} {}", days_text(i18n, &day_flags(days)), times.replace('-', "–")),
        Err(_) => written.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::Language;

    #[test]
    fn windows_read_in_the_users_words() {
        let en = I18n::new(Language::English);
        assert_eq!(window_words(&en, "mon-fri 08:00-16:00"), "Mon–Fri 08:00–16:00");
        assert_eq!(window_words(&en, "mon,wed 08:00-24:00"), "Mon, Wed 08:00–24:00");
        assert_eq!(window_words(&en, "daily 22:00-06:00"), "every day 22:00–06:00");
        let pl = I18n::new(Language::Polish);
        assert_eq!(window_words(&pl, "sat,sun 09:00-13:00"), "So, Nd 09:00–13:00");
        assert_eq!(window_words(&pl, "nonsense"), "nonsense");
    }
}
