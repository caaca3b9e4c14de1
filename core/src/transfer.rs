//! Export and import files: every profile in one JSON document
//! (`{"format":"callprofiles-profiles","version":1,"profiles":[…]}`), validated whole before an import
//! replaces anything.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::error::{CoreError, Damage, ImportError, ImportProblem, InputError, RuleError, StoreError};
use crate::phone_number::{PhoneNumber, shorten};
use crate::profile::{BuiltIn, ProfileId, ProfileName};
use crate::profile_book::{CustomProfile, MAX_CUSTOM, MAX_CUSTOM_NUMBER, ProfileBook, custom_number, is_reserved_id};
use crate::settings::{Greeting, Settings};
use crate::view::KindView;

/// The `format` every export file declares.
pub const FORMAT: &str = "callprofiles-profiles";
/// The newest export version this version writes and reads.
pub const VERSION: u64 = 1;
/// Largest file `import` reads (a real export is a few kilobytes).
pub const MAX_IMPORT_BYTES: u64 = 1024 * 1024;

/// The whole export file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile<P> {
    format: String,
    version: u64,
    profiles: Vec<P>,
}

/// Only `format` and `version`, read first so a foreign or newer file gets the right message.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    version: Option<u64>,
}

/// One profile in an export file: the profile JSON of `show --json` (its `active` is ignored on import).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportedProfile {
    id: String,
    name: String,
    kind: KindView,
    #[serde(default, rename = "active", skip_serializing)]
    _active: Option<bool>,
    settings: Settings,
}

/// What an import did, for the one sentence the user reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Built-in profiles whose settings came from the file.
    pub builtin_imported: usize,
    /// Built-in profiles absent from the file, reset to their fresh defaults.
    pub builtin_reset: usize,
    /// Custom profiles the file holds (now the user's custom profiles).
    pub custom_imported: usize,
    /// Custom profiles the user had before, now replaced.
    pub custom_replaced: usize,
}

/// "1 custom profile" / "2 custom profiles".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what} profile")
    } else {
        format!("{n} {what} profiles")
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Imported {} and {}",
            count(self.builtin_imported, "built-in"),
            count(self.custom_imported, "custom")
        )?;
        if self.builtin_reset > 0 {
            write!(
                f,
                "; {} missing from the file went back to the defaults",
                count(self.builtin_reset, "built-in")
            )?;
        }
        match self.custom_replaced {
            0 => f.write_str("."),
            1 => f.write_str("; the 1 custom profile you had before was replaced."),
            n => write!(f, "; the {n} custom profiles you had before were replaced."),
        }
    }
}

/// A validated import: the book it would install and how much of it came from the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The profiles to install (custom ids as in the file).
    pub book: ProfileBook,
    /// How many built-ins the file held.
    pub builtin_present: usize,
}

impl Imported {
    /// Replaces `book` with the imported profiles, never reusing a custom id `book` has handed out,
    /// and reports what changed.
    pub fn install(&self, book: &mut ProfileBook) -> Result<ImportReport, RuleError> {
        let (builtin, custom, next_custom) = self.book.parts();
        let custom_replaced = book.custom_count();
        let next = next_custom.max(book.parts().2);
        *book = ProfileBook::from_parts(builtin.clone(), custom.to_vec(), next)?;
        Ok(ImportReport {
            builtin_imported: self.builtin_present,
            builtin_reset: BuiltIn::ALL.len().saturating_sub(self.builtin_present),
            custom_imported: custom.len(),
            custom_replaced,
        })
    }
}

/// The bytes of an export file holding every profile of `book`.
pub fn encode(book: &ProfileBook) -> Result<Vec<u8>, serde_json::Error> {
    let profiles = book
        .profiles()
        .into_iter()
        .map(|profile| ExportedProfile {
            id: profile.id.to_string(),
            name: profile.name,
            kind: profile.kind.into(),
            _active: None,
            settings: profile.settings,
        })
        .collect();
    let file = ExportFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        profiles,
    };
    let mut bytes = serde_json::to_vec_pretty(&file)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Writes every profile of `book` to `path` atomically; returns how many were written. Only a
/// regular file is created or replaced: the rename that makes the write atomic would otherwise turn a
/// device (`/dev/null`), a FIFO, a symbolic link or a folder's place into a regular file.
pub fn export(book: &ProfileBook, path: &Path) -> Result<usize, StoreError> {
    let failed = |source: std::io::Error| match atomic_file::not_a_file(&source) {
        Some(kind) => StoreError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        None => StoreError::Io {
            action: "write",
            path: path.to_owned(),
            source,
        },
    };
    atomic_file::check_replaceable(path).map_err(failed)?;
    let bytes = encode(book).map_err(|error| StoreError::encode(path, &error))?;
    atomic_file::write(path, &bytes).map_err(failed)?;
    Ok(book.profiles().len())
}

/// Reads and validates a whole file to import (at most [`MAX_IMPORT_BYTES`]).
pub fn read(path: &Path) -> Result<Imported, CoreError> {
    let too_large = |size| StoreError::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_IMPORT_BYTES,
    };
    let io = |source| StoreError::Io {
        action: "read",
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(too_large(size).into());
    }
    let bytes = match atomic_file::read_limited(path, MAX_IMPORT_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(io(std::io::ErrorKind::NotFound.into()).into()),
        Err(error) if error.kind() == std::io::ErrorKind::InvalidData => {
            return Err(too_large(MAX_IMPORT_BYTES.saturating_add(1)).into());
        }
        Err(error) => {
            return Err(match atomic_file::not_a_file(&error) {
                Some(kind) => StoreError::NotAFile {
                    path: path.to_owned(),
                    kind,
                },
                None => io(error),
            }
            .into());
        }
    };
    Ok(decode(path, &bytes)?)
}

/// Validates the bytes of an export file (`path` is only named in errors).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Imported, ImportError> {
    let invalid = |problem: ImportProblem| ImportError {
        path: path.to_owned(),
        problem,
    };
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| {
        invalid(ImportProblem::NotJson {
            damage: Damage::syntax(&e),
        })
    })?;
    if probe.format.as_deref() != Some(FORMAT) {
        return Err(invalid(ImportProblem::NotAnExport));
    }
    match probe.version {
        Some(found) if found > VERSION => {
            return Err(invalid(ImportProblem::Newer {
                found,
                supported: VERSION,
            }));
        }
        Some(1..) => {}
        _ => return Err(invalid(ImportProblem::BadVersion)),
    }
    let file: ExportFile<serde_json::Value> =
        serde_json::from_slice(bytes).map_err(|e| invalid(ImportProblem::Damaged { detail: e.to_string() }))?;
    collect(file.profiles).map_err(invalid)
}

/// Checks every profile entry and builds the book; an error names the entry.
fn collect(entries: Vec<serde_json::Value>) -> Result<Imported, ImportProblem> {
    let mut builtin: [Option<Settings>; 3] = [None, None, None];
    let mut custom: Vec<CustomProfile> = Vec::new();
    for (index, value) in entries.into_iter().enumerate() {
        let position = index.saturating_add(1);
        let entry: ExportedProfile = match serde_json::from_value(value.clone()) {
            Ok(entry) => entry,
            Err(error) => {
                return Err(match input_cause(&value) {
                    Some(source) => ImportProblem::EntryInput { position, source },
                    None => ImportProblem::EntryDamaged {
                        position,
                        detail: error.to_string(),
                    },
                });
            }
        };
        match entry.kind {
            KindView::Builtin => {
                let (slot, which) = BuiltIn::ALL
                    .into_iter()
                    .enumerate()
                    .find(|(_, b)| b.id_str() == entry.id)
                    .ok_or_else(|| ImportProblem::UnknownBuiltin {
                        position,
                        id: shorten(&entry.id),
                    })?;
                if !which.answers_to(&entry.name) {
                    return Err(ImportProblem::BuiltinRenamed {
                        position,
                        builtin: which,
                        name: shorten(&entry.name),
                    });
                }
                match builtin.get_mut(slot) {
                    Some(Some(_)) => return Err(ImportProblem::BuiltinTwice { builtin: which }),
                    Some(place) => *place = Some(entry.settings),
                    None => {}
                }
            }
            KindView::Custom => custom.push(custom_entry(position, entry, &custom)?),
        }
    }
    if custom.len() > MAX_CUSTOM {
        return Err(ImportProblem::TooManyCustom {
            count: custom.len(),
            limit: MAX_CUSTOM,
        });
    }
    let builtin_present = builtin.iter().filter(|s| s.is_some()).count();
    let mut slots = builtin.into_iter();
    let settings = BuiltIn::ALL.map(|b| slots.next().flatten().unwrap_or_else(|| b.default_settings()));
    let book = ProfileBook::from_parts(settings, custom, 1).map_err(|error| match error {
        RuleError::NameTaken { name } => ImportProblem::NameTwice { name },
        RuleError::NameReserved { name } => ImportProblem::NameReserved { name },
        source => ImportProblem::Rule { source },
    })?;
    Ok(Imported { book, builtin_present })
}

/// Checks one custom entry's id and name (`earlier` are the custom entries before it).
fn custom_entry(
    position: usize,
    entry: ExportedProfile,
    earlier: &[CustomProfile],
) -> Result<CustomProfile, ImportProblem> {
    let id = ProfileId::parse(&entry.id).map_err(|_| ImportProblem::BadId {
        position,
        id: shorten(&entry.id),
    })?;
    let digits = entry
        .id
        .strip_prefix("custom-")
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()));
    let out_of_range = digits.is_some() && custom_number(&id).is_none_or(|number| number > MAX_CUSTOM_NUMBER);
    if out_of_range {
        return Err(ImportProblem::BadId {
            position,
            id: shorten(&entry.id),
        });
    }
    // `OFFICE` or `Biurowy` would be found as the built-in, and the profile could no longer be named.
    if is_reserved_id(&id) {
        return Err(ImportProblem::CustomWithBuiltinId {
            position,
            id: id.to_string(),
        });
    }
    if earlier.iter().any(|c| c.id == id) {
        return Err(ImportProblem::IdTwice { id: id.to_string() });
    }
    let name = ProfileName::parse(&entry.name).map_err(|source| ImportProblem::EntryInput { position, source })?;
    Ok(CustomProfile {
        id,
        name,
        settings: entry.settings,
    })
}

/// The typed reason an entry that failed to deserialize was refused, when it is a value that does not
/// parse (a phone number or a greeting) rather than the entry's shape.
fn input_cause(entry: &serde_json::Value) -> Option<InputError> {
    let settings = entry.get("settings")?;
    let number = settings
        .get("routing")
        .and_then(|routing| routing.get("number"))
        .and_then(serde_json::Value::as_str)
        .and_then(|number| PhoneNumber::parse(number).err());
    let greeting = || {
        let greeting = settings.get("voicemail")?.get("greeting")?;
        let text = match greeting {
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Number(number) => number.to_string(),
            _ => return None,
        };
        Greeting::parse(&text).err()
    };
    number.or_else(greeting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Routing;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn reason(bytes: &str) -> String {
        decode(Path::new("in.json"), bytes.as_bytes())
            .err()
            .map(|e| e.problem.to_string())
            .unwrap_or_default()
    }

    fn wrap(profiles: &str) -> String {
        format!(r#"{{"format":"callprofiles-profiles","version":1,"profiles":[{profiles}]}}"#)
    }

    const OFFICE: &str = r#"{"call_pickup":true,"routing":{"mode":"desk_phone"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}}"#;

    fn custom(id: &str, name: &str) -> String {
        format!(r#"{{"id":"{id}","name":"{name}","kind":"custom","settings":{OFFICE}}}"#)
    }

    #[test]
    fn export_round_trips_through_import() -> TestResult {
        let mut book = ProfileBook::default();
        let mut settings = Settings::home_default();
        settings.routing = Routing::parse("forward:+48 22 123")?;
        book.create("Car", settings.clone())?;
        book.set_settings(&BuiltIn::Mobile.id(), settings)?;
        let bytes = encode(&book)?;
        let text = String::from_utf8(bytes.clone())?;
        assert!(
            text.starts_with("{\n  \"format\": \"callprofiles-profiles\",\n  \"version\": 1,"),
            "{text}"
        );
        assert!(!text.contains("active"));
        let imported = decode(Path::new("x"), &bytes)?;
        assert_eq!(imported.builtin_present, 3);
        assert_eq!(imported.book.profiles(), book.profiles());
        Ok(())
    }

    #[test]
    fn install_reports_and_never_reuses_ids() -> TestResult {
        let mut current = ProfileBook::default();
        for name in ["A", "B", "C"] {
            current.create(name, Settings::office_default())?;
        }
        let imported = decode(Path::new("x"), wrap(&custom("custom-1", "Car")).as_bytes())?;
        let report = imported.install(&mut current)?;
        assert_eq!(
            report,
            ImportReport {
                builtin_imported: 0,
                builtin_reset: 3,
                custom_imported: 1,
                custom_replaced: 3
            }
        );
        assert_eq!(
            report.to_string(),
            "Imported 0 built-in profiles and 1 custom profile; 3 built-in profiles missing from the file went back to the defaults; the 3 custom profiles you had before were replaced."
        );
        let fresh = current.create("New", Settings::office_default())?;
        assert_eq!(fresh.as_str(), "custom-4");
        Ok(())
    }

    #[test]
    fn accepts_show_json_with_active_and_polish_builtin_name() -> TestResult {
        let entry =
            format!(r#"{{"id":"mobile","name":"Komórkowy","kind":"builtin","active":true,"settings":{OFFICE}}}"#);
        let imported = decode(Path::new("x"), wrap(&entry).as_bytes())?;
        assert_eq!(imported.builtin_present, 1);
        assert_eq!(imported.book.find("mobile")?.settings, Settings::office_default());
        assert_eq!(imported.book.find("home")?.settings, Settings::home_default());
        Ok(())
    }

    #[test]
    fn rejects_foreign_newer_and_damaged_files() {
        assert!(reason("[1,2").contains("not valid JSON"));
        assert!(reason(r#"{"schema_version":1}"#).contains("not a callprofiles export"));
        assert!(reason(r#"{"format":"callprofiles-profiles","version":2,"x":1}"#).contains("newer version"));
        assert!(reason(r#"{"format":"callprofiles-profiles","version":0,"profiles":[]}"#).contains("version"));
        assert!(
            reason(r#"{"format":"callprofiles-profiles","version":1,"profiles":[],"extra":1}"#).contains("damaged")
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!(
            r#"{{"format":"callprofiles-profiles","version":1,"profiles":{}{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(reason(&deep).contains("recursion limit"), "{}", reason(&deep));
    }

    #[test]
    fn rejects_rule_breaking_profiles_naming_them() {
        let five = ["A", "B", "C", "D", "E"]
            .iter()
            .enumerate()
            .map(|(i, n)| custom(&format!("custom-{}", i + 1), n))
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            reason(&wrap(&five)),
            "it holds 5 custom profiles, but at most 4 are allowed"
        );
        let dup = [custom("custom-1", "Car"), custom("custom-2", "CAR")].join(",");
        assert!(reason(&wrap(&dup)).contains("two profiles are named \"CAR\""));
        let dup_id = [custom("custom-1", "Car"), custom("custom-1", "Bus")].join(",");
        assert!(reason(&wrap(&dup_id)).contains("two profiles have the id \"custom-1\""));
        assert!(reason(&wrap(&custom("custom-1", "Wykryte"))).contains("reserved"));
        assert!(reason(&wrap(&custom("office", "Car"))).contains("built-in id"));
        assert!(reason(&wrap(&custom("OFFICE", "Car"))).contains("built-in id"));
        assert!(reason(&wrap(&custom("Biurowy", "Car"))).contains("built-in id"));
        assert!(reason(&wrap(&custom("custom-18446744073709551615", "Car"))).contains("profile 1"));
        assert!(reason(&wrap(&custom("custom-99999999999999999999", "Car"))).contains("profile 1"));
        assert!(reason(&wrap(&custom("custom-1", " "))).contains("profile 1: a profile name cannot be empty"));
        assert!(reason(&wrap(&custom("bad id", "Car"))).contains("profile 1"));
        let bad_number = wrap(
            &custom("custom-1", "Car").replace(r#"{"mode":"desk_phone"}"#, r#"{"mode":"forward","number":"12x"}"#),
        );
        assert!(reason(&bad_number).contains("'x'"), "{}", reason(&bad_number));
        let office = format!(r#"{{"id":"office","name":"Office","kind":"builtin","settings":{OFFICE}}}"#);
        assert!(reason(&wrap(&[office.clone(), office.clone()].join(","))).contains("appears twice"));
        assert!(reason(&wrap(&office.replace("\"Office\"", "\"Work\""))).contains("cannot change"));
        assert!(reason(&wrap(&office.replace("\"office\"", "\"desk\""))).contains("not office, mobile or home"));
    }

    #[test]
    fn problems_are_typed_so_windows_can_translate_them() {
        let problem = |bytes: &str| decode(Path::new("in.json"), bytes.as_bytes()).err().map(|e| e.problem);
        assert!(matches!(
            problem("{\n  [1,"),
            Some(ImportProblem::NotJson {
                damage: Damage::Syntax { line: 2, column: 3, .. }
            })
        ));
        assert!(matches!(
            problem("{\"format\": \"callprofiles-pro"),
            Some(ImportProblem::NotJson {
                damage: Damage::Truncated { .. }
            })
        ));
        let bad_number =
            wrap(&custom("custom-1", "Car").replace(r#"{"mode":"desk_phone"}"#, r#"{"mode":"twinning","number":"1"}"#));
        assert_eq!(
            problem(&bad_number),
            Some(ImportProblem::EntryInput {
                position: 1,
                source: InputError::NumberTooShort { input: "1".into() },
            })
        );
        let bad_greeting = wrap(&custom("custom-1", "Car").replace(r#""greeting":"default""#, r#""greeting":12"#));
        assert!(matches!(
            problem(&bad_greeting),
            Some(ImportProblem::EntryInput {
                position: 1,
                source: InputError::UnknownGreeting { .. },
            })
        ));
        let extra_field = wrap(&custom("custom-1", "Car").replace(r#""kind""#, r#""colour":1,"kind""#));
        assert!(matches!(
            problem(&extra_field),
            Some(ImportProblem::EntryDamaged { position: 1, .. })
        ));
        let office = format!(r#"{{"id":"office","name":"Office","kind":"builtin","settings":{OFFICE}}}"#);
        assert_eq!(
            problem(&wrap(&[office.clone(), office].join(","))),
            Some(ImportProblem::BuiltinTwice {
                builtin: BuiltIn::Office
            })
        );
    }

    #[test]
    fn read_enforces_the_size_limit() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("big.json");
        std::fs::write(&path, vec![b' '; 1024 * 1024 + 1])?;
        assert!(matches!(
            read(&path),
            Err(CoreError::Store(StoreError::TooLarge { size: 1_048_577, .. }))
        ));
        assert!(matches!(
            read(&dir.path().join("none.json")),
            Err(CoreError::Store(StoreError::Io { .. }))
        ));
        Ok(())
    }
}
