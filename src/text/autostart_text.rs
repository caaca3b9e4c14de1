//! The words of starting at login that the app itself says (core's rules have their own): autostart
//! failures.

use fluent_bundle::FluentValue;

use crate::automation::autostart::AutostartError;
use crate::text::i18n::I18n;

/// Why the login entry could not be changed, as one sentence.
pub fn autostart_error_text(i18n: &I18n, error: &AutostartError) -> String {
    match error {
        AutostartError::NoConfigDir => i18n.tr("autostart-error-no-config"),
        AutostartError::UnquotablePath(path) => i18n.tr_args(
            "autostart-error-path",
            &[("path", FluentValue::from(callprofiles_core::shown::path(path)))],
        ),
        AutostartError::Io { file, source } => i18n.tr_args(
            "autostart-error-io",
            &[
                ("file", FluentValue::from(callprofiles_core::shown::path(file))),
                ("reason", FluentValue::from(source.to_string())),
            ],
        ),
    }
}
