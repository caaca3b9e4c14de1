//! The connection form's text fields, checked as typed by core's types (host, port, user name,
//! extension, secret), with each reason in the user's language.

use std::num::NonZeroU16;
use std::path::PathBuf;

use callprofiles_core::phone_system::asterisk::value::MAX_VALUE_BYTES;
use callprofiles_core::phone_system::asterisk::{AmiHost, AmiSecret, AmiUsername, AsteriskConfig, Extension};
use fluent_bundle::FluentValue;

use crate::text::i18n::I18n;

/// Asterisk's default AMI port, offered in a new form.
pub const DEFAULT_PORT: u16 = 5038;

/// One field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The AMI host.
    Host,
    /// The AMI port.
    Port,
    /// The AMI user name.
    Username,
    /// The user's extension.
    Extension,
    /// The AMI secret.
    Secret,
}

/// Where the secret of a connection comes from when the secret field is left empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedSecret {
    /// `CALLPROFILES_AMI_SECRET` is set: it wins, the field is not used.
    Environment,
    /// The configured secret file (kept as it is).
    File(PathBuf),
    /// Nowhere: the field must be filled in.
    Nothing,
}

/// What the user typed. The secret is never shown again, logged or `Debug`-formatted.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ConnectionFields {
    /// AMI host name or address.
    pub host: String,
    /// AMI port.
    pub port: String,
    /// AMI user name.
    pub username: String,
    /// The extension whose settings the profiles change.
    pub extension: String,
    /// The secret typed (masked on screen).
    pub secret: String,
}

impl std::fmt::Debug for ConnectionFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionFields")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("extension", &self.extension)
            .field("secret", &"<hidden>")
            .finish()
    }
}

/// A problem of one field: whether it is only empty, and the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Which field it is under.
    pub field: Field,
    /// The field is empty (its sentence says what to enter, rather than what is wrong).
    pub empty: bool,
    /// One sentence.
    pub text: String,
}

/// The fields checked: the connection when all are valid, else every problem.
#[derive(Debug)]
pub struct Checked {
    /// The connection and the typed secret (if any), when every field is valid.
    pub connection: Option<(AsteriskConfig, Option<AmiSecret>)>,
    /// The problems, in the order of the fields.
    pub problems: Vec<Problem>,
}

impl Checked {
    /// The problem of `field`, if any.
    pub fn problem(&self, field: Field) -> Option<&Problem> {
        self.problems.iter().find(|problem| problem.field == field)
    }
}

impl ConnectionFields {
    /// The fields of a configured connection, or a new form's (default port, nothing else).
    pub fn from_config(config: Option<&AsteriskConfig>) -> Self {
        match config {
            Some(config) => Self {
                host: config.host.as_str().to_owned(),
                port: config.port.get().to_string(),
                username: config.username.as_str().to_owned(),
                extension: config.extension.as_str().to_owned(),
                secret: String::new(),
            },
            None => Self {
                port: DEFAULT_PORT.to_string(),
                ..Self::default()
            },
        }
    }

    /// Checks every field with core's types; `saved` says where the secret comes from when none is typed.
    pub fn check(&self, i18n: &I18n, saved: &SavedSecret) -> Checked {
        let host = AmiHost::parse(&self.host).map_err(|_| {
            if self.host.trim().is_empty() {
                Problem::missing(Field::Host, i18n.tr("conn-missing-host"))
            } else {
                Problem::invalid(Field::Host, i18n.tr("conn-invalid-host"))
            }
        });
        let port = self.port.trim().parse::<NonZeroU16>().map_err(|_| Problem {
            field: Field::Port,
            empty: self.port.trim().is_empty(),
            text: i18n.tr("conn-invalid-port"),
        });
        let username = AmiUsername::parse(&self.username).map_err(|_| {
            if self.username.is_empty() {
                Problem::missing(Field::Username, i18n.tr("conn-missing-username"))
            } else {
                let max = FluentValue::from(AmiUsername::MAX_LEN);
                Problem::invalid(Field::Username, i18n.tr_args("conn-invalid-username", &[("max", max)]))
            }
        });
        let extension = Extension::parse(&self.extension).map_err(|_| {
            if self.extension.trim().is_empty() {
                Problem::missing(Field::Extension, i18n.tr("conn-missing-extension"))
            } else {
                let args = [
                    ("min", FluentValue::from(Extension::MIN_DIGITS)),
                    ("max", FluentValue::from(Extension::MAX_DIGITS)),
                ];
                Problem::invalid(Field::Extension, i18n.tr_args("conn-invalid-extension", &args))
            }
        });
        let secret = self.secret_of(i18n, saved);
        let problems = [
            host.as_ref().err(),
            port.as_ref().err(),
            username.as_ref().err(),
            extension.as_ref().err(),
            secret.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        let connection = match (host, port, username, extension, secret) {
            (Ok(host), Ok(port), Ok(username), Ok(extension), Ok(secret)) => {
                let secret_file = match saved {
                    SavedSecret::File(file) => Some(file.clone()),
                    SavedSecret::Environment | SavedSecret::Nothing => None,
                };
                let config = AsteriskConfig {
                    host,
                    port,
                    username,
                    extension,
                    secret_file,
                };
                Some((config, secret))
            }
            _ => None,
        };
        Checked { connection, problems }
    }

    /// The typed secret; `Ok(None)` when none is needed (the saved one is kept, or the environment's is used).
    fn secret_of(&self, i18n: &I18n, saved: &SavedSecret) -> Result<Option<AmiSecret>, Problem> {
        match saved {
            SavedSecret::Environment => Ok(None),
            SavedSecret::File(_) if self.secret.is_empty() => Ok(None),
            SavedSecret::Nothing if self.secret.is_empty() => {
                Err(Problem::missing(Field::Secret, i18n.tr("conn-missing-secret")))
            }
            SavedSecret::File(_) | SavedSecret::Nothing => AmiSecret::new(&self.secret).map(Some).map_err(|_| {
                let max = FluentValue::from(MAX_VALUE_BYTES);
                Problem::invalid(Field::Secret, i18n.tr_args("conn-invalid-secret", &[("max", max)]))
            }),
        }
    }
}

impl Problem {
    /// An empty field: the sentence says what to enter.
    fn missing(field: Field, text: String) -> Self {
        Self {
            field,
            empty: true,
            text,
        }
    }

    /// A field whose text cannot be used: the sentence says why.
    fn invalid(field: Field, text: String) -> Self {
        Self {
            field,
            empty: false,
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::worker::SECRET_FILE;
    use crate::text::i18n::Language;

    fn filled() -> ConnectionFields {
        ConnectionFields {
            host: "pbx.example.com".into(),
            port: "5038".into(),
            username: "callprofiles".into(),
            extension: "201".into(),
            secret: "s3cret".into(),
        }
    }

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn valid_fields_make_a_connection_with_the_typed_secret() -> TestResult {
        let checked = filled().check(&I18n::new(Language::English), &SavedSecret::Nothing);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        let (config, secret) = checked.connection.ok_or("no connection")?;
        assert_eq!(config.address(), "pbx.example.com:5038");
        assert_eq!(config.extension.as_str(), "201");
        assert_eq!(secret, Some(AmiSecret::new("s3cret")?));
        Ok(())
    }

    #[test]
    fn each_invalid_field_has_its_reason_and_blocks_the_connection() {
        let i18n = I18n::new(Language::English);
        let cases = [
            (
                Field::Host,
                ConnectionFields {
                    host: "pbx:5038".into(),
                    ..filled()
                },
            ),
            (
                Field::Port,
                ConnectionFields {
                    port: "70000".into(),
                    ..filled()
                },
            ),
            (
                Field::Port,
                ConnectionFields {
                    port: "0".into(),
                    ..filled()
                },
            ),
            (
                Field::Username,
                ConnectionFields {
                    username: "a b".into(),
                    ..filled()
                },
            ),
            (
                Field::Extension,
                ConnectionFields {
                    extension: "20x".into(),
                    ..filled()
                },
            ),
            (
                Field::Secret,
                ConnectionFields {
                    secret: "x\r\nAction: Command".into(),
                    ..filled()
                },
            ),
        ];
        for (field, fields) in cases {
            let checked = fields.check(&i18n, &SavedSecret::Nothing);
            assert!(checked.connection.is_none(), "{field:?}");
            let problem = checked.problem(field).map(|p| p.text.clone()).unwrap_or_default();
            // A sentence, not a missing message's id.
            assert!(problem.ends_with('.'), "{field:?}: {problem}");
            assert_eq!(checked.problems.len(), 1, "{field:?}");
        }
    }

    #[test]
    fn an_empty_secret_keeps_the_saved_one_or_is_missing() -> TestResult {
        let i18n = I18n::new(Language::Polish);
        let empty = ConnectionFields {
            secret: String::new(),
            ..filled()
        };
        let kept = empty.check(&i18n, &SavedSecret::File(PathBuf::from(SECRET_FILE)));
        let (config, secret) = kept.connection.ok_or("no connection")?;
        assert_eq!(config.secret_file, Some(PathBuf::from(SECRET_FILE)));
        assert_eq!(secret, None);
        assert!(empty.check(&i18n, &SavedSecret::Environment).connection.is_some());
        let missing = empty.check(&i18n, &SavedSecret::Nothing);
        assert!(missing.problem(Field::Secret).is_some_and(|p| p.empty));
        // The environment wins even over a typed secret, so the typed one is not used.
        let typed = filled().check(&i18n, &SavedSecret::Environment);
        assert!(matches!(typed.connection, Some((_, None))));
        Ok(())
    }

    #[test]
    fn debug_hides_the_secret() {
        let text = format!("{:?}", filled());
        assert!(!text.contains("s3cret") && text.contains("<hidden>"), "{text}");
    }
}
