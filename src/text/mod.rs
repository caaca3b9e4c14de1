//! The app's words in the user's language, for the CLI and the windows alike: the Fluent catalogs
//! (`i18n`), settings and their values (`labels`), core errors as sentences (`error_text`), a
//! telecommuter's call outcome (`call_text`) and the steps of a call flow (`flow_text`). Nothing here draws.

pub mod automation_text;
pub mod autostart_text;
pub mod call_text;
pub mod error_text;
pub mod flow_text;
pub mod i18n;
pub mod labels;
pub mod reason_text;
pub mod rules_text;
#[cfg(test)]
mod setting_places;
pub mod switch_notice;
#[cfg(test)]
mod vendor_words;
pub mod voicemail_text;
