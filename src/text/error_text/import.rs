//! A file that cannot be imported, as a sentence naming what is wrong with it.

use callprofiles_core::error::clause;
use callprofiles_core::{Damage, ImportError, ImportProblem};
use fluent_bundle::FluentValue;

use super::{damage_text, input_error_text, rule_error_text};
use crate::text::i18n::I18n;

/// The sentence for a file that cannot be imported.
pub fn import_error_text(i18n: &I18n, error: &ImportError) -> String {
    i18n.tr_args(
        "error-import",
        &[
            ("path", FluentValue::from(callprofiles_core::shown::path(&error.path))),
            ("reason", FluentValue::from(import_problem_text(i18n, &error.problem))),
        ],
    )
}

/// What is wrong with a file to import, as a clause that follows a colon.
fn import_problem_text(i18n: &I18n, problem: &ImportProblem) -> String {
    let text = |value: &str| FluentValue::from(value.to_owned());
    let at = |position: &usize| ("position", FluentValue::from(*position));
    match problem {
        ImportProblem::NotJson {
            damage: Damage::Syntax { line, column, .. },
        } => i18n.tr_args(
            "import-not-json",
            &[
                ("line", FluentValue::from(*line)),
                ("column", FluentValue::from(*column)),
            ],
        ),
        ImportProblem::NotJson { damage } => damage_text(i18n, damage),
        ImportProblem::NotAnExport => i18n.tr("import-not-export"),
        ImportProblem::Newer { found, supported } => i18n.tr_args(
            "import-newer",
            &[
                ("found", FluentValue::from(*found)),
                ("supported", FluentValue::from(*supported)),
            ],
        ),
        ImportProblem::BadVersion => i18n.tr("import-bad-version"),
        ImportProblem::Damaged { detail } => i18n.tr_args("import-damaged", &[("detail", text(detail))]),
        ImportProblem::EntryDamaged { position, detail } => {
            i18n.tr_args("import-entry-damaged", &[at(position), ("detail", text(detail))])
        }
        ImportProblem::EntryInput { position, source } => i18n.tr_args(
            "import-entry-input",
            &[at(position), ("reason", text(&clause(&input_error_text(i18n, source))))],
        ),
        ImportProblem::BadId { position, id } => i18n.tr_args("import-bad-id", &[at(position), ("id", text(id))]),
        ImportProblem::UnknownBuiltin { position, id } => {
            i18n.tr_args("import-unknown-builtin", &[at(position), ("id", text(id))])
        }
        ImportProblem::BuiltinRenamed {
            position,
            builtin,
            name,
        } => i18n.tr_args(
            "import-builtin-renamed",
            &[
                at(position),
                ("builtin", text(&i18n.builtin_name(*builtin))),
                ("name", text(name)),
            ],
        ),
        ImportProblem::BuiltinTwice { builtin } => i18n.tr_args(
            "import-builtin-twice",
            &[("builtin", text(&i18n.builtin_name(*builtin)))],
        ),
        ImportProblem::CustomWithBuiltinId { position, id } => {
            i18n.tr_args("import-custom-builtin-id", &[at(position), ("id", text(id))])
        }
        ImportProblem::IdTwice { id } => i18n.tr_args("import-id-twice", &[("id", text(id))]),
        ImportProblem::TooManyCustom { count, limit } => i18n.tr_args(
            "import-too-many-custom",
            &[
                ("count", FluentValue::from(*count)),
                ("limit", FluentValue::from(*limit)),
            ],
        ),
        ImportProblem::NameTwice { name } => i18n.tr_args("import-name-twice", &[("name", text(name))]),
        ImportProblem::NameReserved { name } => i18n.tr_args("import-name-reserved", &[("name", text(name))]),
        ImportProblem::Rule { source } => clause(&rule_error_text(i18n, source)),
    }
}
