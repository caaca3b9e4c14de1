//! `import FILE`: replace every profile with those of an exported file, all or nothing.

use std::path::PathBuf;

use callprofiles_core::transfer::ImportReport;
use fluent_bundle::FluentValue;

use crate::cli::{Context, output};
use crate::text::i18n::I18n;

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A file written by `callprofiles export`.
    file: PathBuf,
}

impl ImportArgs {
    /// Runs `import`.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let report = context.open().import(&self.file)?;
        output::print(&report_text(&context.i18n, &report))
    }
}

/// What an import did, with the plurals of the output's language.
pub fn report_text(i18n: &I18n, report: &ImportReport) -> String {
    i18n.tr_args(
        "cli-imported",
        &[
            ("builtin", FluentValue::from(report.builtin_imported)),
            ("custom", FluentValue::from(report.custom_imported)),
            ("reset", FluentValue::from(report.builtin_reset)),
            ("replaced", FluentValue::from(report.custom_replaced)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::Language;

    fn report(
        builtin_imported: usize,
        builtin_reset: usize,
        custom_imported: usize,
        custom_replaced: usize,
    ) -> ImportReport {
        ImportReport {
            builtin_imported,
            builtin_reset,
            custom_imported,
            custom_replaced,
        }
    }

    #[test]
    fn english_report_reads_as_the_core_writes_it() {
        let en = I18n::new(Language::English);
        for sample in [
            report(3, 0, 1, 0),
            report(1, 2, 0, 1),
            report(2, 1, 4, 3),
            report(0, 3, 2, 2),
        ] {
            assert_eq!(report_text(&en, &sample), sample.to_string());
        }
    }

    #[test]
    fn polish_report_has_polish_plurals() {
        let pl = I18n::new(Language::Polish);
        assert_eq!(
            report_text(&pl, &report(3, 0, 1, 0)),
            "Zaimportowano 3 profile wbudowane i 1 profil własny."
        );
        assert_eq!(
            report_text(&pl, &report(1, 2, 0, 1)),
            "Zaimportowano 1 profil wbudowany i 0 profili własnych; 2 profile wbudowane, których brakowało w pliku, \
             wróciły do ustawień domyślnych; 1 profil własny, który był wcześniej, został zastąpiony."
        );
        assert_eq!(
            report_text(&pl, &report(2, 1, 4, 3)),
            "Zaimportowano 2 profile wbudowane i 4 profile własne; 1 profil wbudowany, którego brakowało w pliku, \
             wrócił do ustawień domyślnych; 3 profile własne, które były wcześniej, zostały zastąpione."
        );
    }
}
