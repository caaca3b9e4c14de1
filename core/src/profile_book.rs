//! The set of saved profiles and every rule about it: three built-ins first, at most four custom,
//! unique valid names.

use crate::error::{CoreError, RuleError};
use crate::profile::{BuiltIn, DETECTED_NAMES, Profile, ProfileId, ProfileKind, ProfileName, fold};
use crate::settings::Settings;

/// Most custom profiles a user may have.
pub const MAX_CUSTOM: usize = 4;
/// The highest N of a `custom-N` id. Far above what anyone creates (ids are never reused, so this
/// is a count of every custom profile ever made), and low enough that counting never overflows.
pub const MAX_CUSTOM_NUMBER: u64 = u32::MAX as u64;

/// A custom profile as stored.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomProfile {
    /// Stable id, `custom-N`.
    pub id: ProfileId,
    /// The user's name for it.
    pub name: ProfileName,
    /// Its settings.
    pub settings: Settings,
}

/// All saved profiles. Invariants (kept by every method): the three built-ins exist in order,
/// at most [`MAX_CUSTOM`] custom profiles, every name valid and unique case-insensitively.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileBook {
    builtin: [Settings; 3],
    custom: Vec<CustomProfile>,
    next_custom: u64,
}

impl Default for ProfileBook {
    fn default() -> Self {
        Self {
            builtin: BuiltIn::ALL.map(BuiltIn::default_settings),
            custom: Vec::new(),
            next_custom: 1,
        }
    }
}

impl ProfileBook {
    /// Builds a book from stored parts, checking every rule.
    pub fn from_parts(builtin: [Settings; 3], custom: Vec<CustomProfile>, next_custom: u64) -> Result<Self, RuleError> {
        if next_custom > MAX_CUSTOM_NUMBER.saturating_add(1) {
            return Err(RuleError::IdOutOfRange {
                id: format!("custom-{next_custom}"),
                max: MAX_CUSTOM_NUMBER,
            });
        }
        let mut book = Self {
            builtin,
            custom: Vec::new(),
            next_custom: next_custom.max(1),
        };
        let mut seen_ids = std::collections::HashSet::new();
        for profile in custom {
            if book.custom.len() >= MAX_CUSTOM {
                return Err(RuleError::TooManyCustom {
                    name: profile.name.to_string(),
                });
            }
            book.check_name_free(&profile.name, None)?;
            let id_is_a_name = book.custom.iter().any(|c| c.name.folded() == fold(profile.id.as_str()));
            if is_reserved_id(&profile.id) || id_is_a_name || !seen_ids.insert(profile.id.clone()) {
                return Err(RuleError::NameTaken {
                    name: profile.id.to_string(),
                });
            }
            if let Some(number) = custom_number(&profile.id) {
                if number > MAX_CUSTOM_NUMBER {
                    return Err(RuleError::IdOutOfRange {
                        id: profile.id.to_string(),
                        max: MAX_CUSTOM_NUMBER,
                    });
                }
                book.next_custom = book.next_custom.max(number + 1);
            }
            book.custom.push(profile);
        }
        Ok(book)
    }

    /// The stored parts: built-in settings, custom profiles, next custom number.
    pub fn parts(&self) -> (&[Settings; 3], &[CustomProfile], u64) {
        (&self.builtin, &self.custom, self.next_custom)
    }

    /// Every profile in display order: built-ins, then custom in creation order.
    pub fn profiles(&self) -> Vec<Profile> {
        let builtins = BuiltIn::ALL
            .into_iter()
            .zip(self.builtin.iter())
            .map(|(builtin, settings)| Profile {
                id: builtin.id(),
                name: builtin.english_name().to_owned(),
                kind: ProfileKind::BuiltIn(builtin),
                settings: settings.clone(),
            });
        let customs = self.custom.iter().map(|custom| Profile {
            id: custom.id.clone(),
            name: custom.name.to_string(),
            kind: ProfileKind::Custom,
            settings: custom.settings.clone(),
        });
        builtins.chain(customs).collect()
    }

    /// The profile with this id.
    pub fn get(&self, id: &ProfileId) -> Option<Profile> {
        self.profiles().into_iter().find(|p| &p.id == id)
    }

    /// The profile named by an id or a name (built-ins also by their Polish names), any case.
    pub fn find(&self, query: &str) -> Result<Profile, RuleError> {
        let folded = fold(query);
        self.profiles()
            .into_iter()
            .find(|profile| match profile.kind {
                ProfileKind::BuiltIn(builtin) => builtin.answers_to(query),
                ProfileKind::Custom => fold(profile.id.as_str()) == folded || fold(&profile.name) == folded,
            })
            .ok_or_else(|| RuleError::UnknownProfile {
                name: crate::phone_number::shorten(query),
            })
    }

    /// How many custom profiles exist.
    pub fn custom_count(&self) -> usize {
        self.custom.len()
    }

    /// How many more custom profiles may be added.
    pub fn custom_slots_left(&self) -> usize {
        MAX_CUSTOM.saturating_sub(self.custom.len())
    }

    /// Checks that `name` may be given to a profile (`except` is the profile being renamed).
    pub fn check_name_free(&self, name: &ProfileName, except: Option<&ProfileId>) -> Result<(), RuleError> {
        let folded = name.folded();
        let reserved = BuiltIn::ALL
            .iter()
            .flat_map(|b| [b.english_name(), b.polish_name(), b.id_str()])
            .chain(DETECTED_NAMES)
            .any(|n| fold(n) == folded);
        if reserved {
            return Err(RuleError::NameReserved { name: name.to_string() });
        }
        let taken = self
            .custom
            .iter()
            .any(|c| Some(&c.id) != except && (c.name.folded() == folded || fold(c.id.as_str()) == folded));
        if taken {
            return Err(RuleError::NameTaken { name: name.to_string() });
        }
        Ok(())
    }

    /// Adds a custom profile; fails, changing nothing, past the limit or on a taken name.
    pub fn create(&mut self, name: &str, settings: Settings) -> Result<ProfileId, CoreError> {
        let name = ProfileName::parse(name)?;
        if self.custom.len() >= MAX_CUSTOM {
            return Err(RuleError::TooManyCustom { name: name.to_string() }.into());
        }
        self.check_name_free(&name, None)?;
        let id = self.fresh_custom_id().ok_or_else(|| RuleError::NoFreeId {
            name: name.to_string(),
            max: MAX_CUSTOM_NUMBER,
        })?;
        self.custom.push(CustomProfile {
            id: id.clone(),
            name,
            settings,
        });
        Ok(id)
    }

    /// Renames a custom profile.
    pub fn rename(&mut self, id: &ProfileId, new_name: &str) -> Result<(), CoreError> {
        let name = ProfileName::parse(new_name)?;
        let index = self.custom_index(id)?;
        self.check_name_free(&name, Some(id))?;
        if let Some(custom) = self.custom.get_mut(index) {
            custom.name = name;
        }
        Ok(())
    }

    /// Deletes a custom profile and returns it.
    pub fn delete(&mut self, id: &ProfileId) -> Result<Profile, RuleError> {
        if let Some(builtin) = BuiltIn::from_id(id) {
            return Err(RuleError::BuiltinDelete {
                name: builtin.english_name().to_owned(),
            });
        }
        let index = self
            .custom_index(id)
            .map_err(|_| RuleError::UnknownProfile { name: id.to_string() })?;
        let removed = self.custom.remove(index);
        Ok(Profile {
            id: removed.id,
            name: removed.name.to_string(),
            kind: ProfileKind::Custom,
            settings: removed.settings,
        })
    }

    /// Replaces a profile's settings.
    pub fn set_settings(&mut self, id: &ProfileId, settings: Settings) -> Result<(), RuleError> {
        if let Some(builtin) = BuiltIn::from_id(id) {
            if let Some(slot) = BuiltIn::ALL
                .iter()
                .position(|b| *b == builtin)
                .and_then(|i| self.builtin.get_mut(i))
            {
                *slot = settings;
            }
            return Ok(());
        }
        let index = self.custom_index(id)?;
        if let Some(custom) = self.custom.get_mut(index) {
            custom.settings = settings;
        }
        Ok(())
    }

    /// The position of a custom profile; built-ins cannot be renamed.
    fn custom_index(&self, id: &ProfileId) -> Result<usize, RuleError> {
        if let Some(builtin) = BuiltIn::from_id(id) {
            return Err(RuleError::BuiltinRename {
                name: builtin.english_name().to_owned(),
            });
        }
        self.custom
            .iter()
            .position(|c| &c.id == id)
            .ok_or_else(|| RuleError::UnknownProfile { name: id.to_string() })
    }

    /// A custom id never used in this book, and no custom profile's name (so lookups stay
    /// unambiguous); `None` once every number up to [`MAX_CUSTOM_NUMBER`] is used. Each custom
    /// profile can rule out at most two numbers (by id and by name), so this tries a handful.
    fn fresh_custom_id(&mut self) -> Option<ProfileId> {
        while self.next_custom <= MAX_CUSTOM_NUMBER {
            let id = ProfileId::custom(self.next_custom);
            self.next_custom += 1;
            if self
                .custom
                .iter()
                .all(|c| c.id != id && c.name.folded() != fold(id.as_str()))
            {
                return Some(id);
            }
        }
        None
    }
}

/// The N of a `custom-N` id (digits only, as [`ProfileId::custom`] writes them).
pub fn custom_number(id: &ProfileId) -> Option<u64> {
    id.as_str()
        .strip_prefix("custom-")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse().ok())
}

/// Whether a custom profile may not have `id`: it names a built-in (its id, English or Polish name)
/// or Detected in any case, so a lookup by it would find that one instead.
pub fn is_reserved_id(id: &ProfileId) -> bool {
    BuiltIn::ALL.iter().any(|b| b.answers_to(id.as_str()))
        || DETECTED_NAMES.iter().any(|n| fold(n) == fold(id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(book: &ProfileBook) -> Vec<String> {
        book.profiles().into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn fresh_book_has_builtins_in_order() {
        let book = ProfileBook::default();
        assert_eq!(names(&book), ["Office", "Mobile", "Home"]);
        assert_eq!(book.custom_slots_left(), 4);
    }

    #[test]
    fn fifth_custom_fails_and_changes_nothing() -> Result<(), CoreError> {
        let mut book = ProfileBook::default();
        for name in ["A", "B", "C", "D"] {
            book.create(name, Settings::office_default())?;
        }
        let before = book.clone();
        let error = book.create("E", Settings::office_default());
        assert!(matches!(error, Err(CoreError::Rule(RuleError::TooManyCustom { .. }))));
        assert_eq!(book, before);
        Ok(())
    }

    #[test]
    fn names_are_unique_and_not_reserved() -> Result<(), CoreError> {
        let mut book = ProfileBook::default();
        let car = book.create("  Car ", Settings::office_default())?;
        assert_eq!(book.get(&car).map(|p| p.name), Some("Car".to_owned()));
        assert!(matches!(
            book.create("CAR", Settings::office_default()),
            Err(CoreError::Rule(RuleError::NameTaken { .. }))
        ));
        for reserved in ["office", "BIUROWY", "Komórkowy", "detected", "Wykryte", "home"] {
            assert!(
                matches!(
                    book.create(reserved, Settings::office_default()),
                    Err(CoreError::Rule(RuleError::NameReserved { .. }))
                ),
                "{reserved}"
            );
        }
        book.rename(&car, "car")?;
        assert!(book.rename(&BuiltIn::Office.id(), "Work").is_err());
        assert!(book.delete(&BuiltIn::Home.id()).is_err());
        Ok(())
    }

    #[test]
    fn find_by_id_name_and_polish_name() -> Result<(), CoreError> {
        let mut book = ProfileBook::default();
        let id = book.create("Car", Settings::office_default())?;
        assert_eq!(book.find("komórkowy")?.id, BuiltIn::Mobile.id());
        assert_eq!(book.find("HOME")?.id, BuiltIn::Home.id());
        assert_eq!(book.find("car")?.id, id);
        assert_eq!(book.find(id.as_str())?.id, id);
        assert!(book.find("nope").is_err());
        Ok(())
    }

    #[test]
    fn ids_never_equal_a_name() -> Result<(), CoreError> {
        let mut book = ProfileBook::default();
        let first = book.create("Custom-2", Settings::office_default())?;
        let second = book.create("B", Settings::office_default())?;
        assert_eq!((first.as_str(), second.as_str()), ("custom-1", "custom-3"));
        assert_eq!(book.find("custom-2")?.id, first);
        let (builtin, custom, _) = book.parts();
        let mut clash = custom.to_vec();
        if let Some(b) = clash.get_mut(1) {
            b.id = ProfileId::custom(2);
        }
        assert!(ProfileBook::from_parts(builtin.clone(), clash, 1).is_err());
        Ok(())
    }

    #[test]
    fn id_allocation_is_total_and_never_reuses_an_id() -> Result<(), CoreError> {
        let fresh = ProfileBook::default();
        let (builtin, _, _) = fresh.parts();
        let highest = |number: u64| -> Result<CustomProfile, CoreError> {
            Ok(CustomProfile {
                id: ProfileId::custom(number),
                name: ProfileName::parse("Last")?,
                settings: Settings::office_default(),
            })
        };
        assert!(matches!(
            ProfileBook::from_parts(builtin.clone(), vec![highest(u64::MAX)?], 1),
            Err(RuleError::IdOutOfRange { .. })
        ));
        assert!(ProfileBook::from_parts(builtin.clone(), Vec::new(), u64::MAX).is_err());
        let mut book = ProfileBook::from_parts(builtin.clone(), vec![highest(MAX_CUSTOM_NUMBER)?], 1)?;
        assert!(matches!(
            book.create("Next", Settings::office_default()),
            Err(CoreError::Rule(RuleError::NoFreeId { .. }))
        ));
        book.delete(&ProfileId::custom(MAX_CUSTOM_NUMBER))?;
        assert!(book.create("Again", Settings::office_default()).is_err());
        let office = CustomProfile {
            id: ProfileId::parse("OFFICE").map_err(|_| RuleError::UnknownProfile { name: "OFFICE".into() })?,
            name: ProfileName::parse("Work")?,
            settings: Settings::office_default(),
        };
        assert!(ProfileBook::from_parts(builtin.clone(), vec![office], 1).is_err());
        Ok(())
    }

    #[test]
    fn ids_are_never_reused() -> Result<(), CoreError> {
        let mut book = ProfileBook::default();
        let first = book.create("A", Settings::office_default())?;
        book.delete(&first)?;
        let second = book.create("B", Settings::office_default())?;
        assert_ne!(first, second);
        Ok(())
    }
}
