//! Building rules and instants for the tests.

use jiff::Timestamp;

use crate::automation::{ClockTime, Rules, Weekdays, Window, Zone};
use crate::profile::{BuiltIn, ProfileId};

/// The boxed error of a test.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Office, Mobile, Home.
pub fn office() -> ProfileId {
    BuiltIn::Office.id()
}
/// Mobile.
pub fn mobile() -> ProfileId {
    BuiltIn::Mobile.id()
}
/// Home.
pub fn home() -> ProfileId {
    BuiltIn::Home.id()
}

/// A window, parsed.
pub fn window(days: &str, start: &str, end: &str, profile: ProfileId) -> Result<Window, Box<dyn std::error::Error>> {
    Ok(Window {
        days: Weekdays::parse(days)?,
        start: ClockTime::parse(start)?,
        end: ClockTime::parse(end)?,
        profile,
    })
}

/// Mon–Fri 08:00–16:00 Office, otherwise Home, in Europe/Warsaw.
pub fn office_hours() -> Result<Rules, Box<dyn std::error::Error>> {
    Ok(Rules {
        time_zone: Zone::named("Europe/Warsaw")?,
        weekly: vec![window("mon-fri", "08:00", "16:00", office())?],
        otherwise: Some(home()),
        ..Rules::default()
    })
}

/// An instant from RFC 3339 text with an offset (`2026-03-30T08:00+02:00`).
pub fn at(text: &str) -> Result<Timestamp, jiff::Error> {
    text.parse()
}
