//! `ProfileBook`'s JSON, the shape of `profiles.json` without its version: `{"builtin": {"office": …,
//! "mobile": …, "home": …}, "custom": [{"id", "name", "settings"}], "next_custom": N}`. Reading it checks
//! every rule of the book, so a peer cannot hand the desktop an invalid one.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::profile_book::{CustomProfile, ProfileBook};
use crate::settings::Settings;

/// The built-ins' settings, by id.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltinShape {
    office: Settings,
    mobile: Settings,
    home: Settings,
}

/// The book as JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BookShape {
    builtin: BuiltinShape,
    custom: Vec<CustomProfile>,
    next_custom: u64,
}

impl Serialize for ProfileBook {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (builtin, custom, next_custom) = self.parts();
        let [office, mobile, home] = builtin.clone();
        BookShape {
            builtin: BuiltinShape { office, mobile, home },
            custom: custom.to_vec(),
            next_custom,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ProfileBook {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let shape = BookShape::deserialize(deserializer)?;
        let builtin = [shape.builtin.office, shape.builtin.mobile, shape.builtin.home];
        ProfileBook::from_parts(builtin, shape.custom, shape.next_custom).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_book_round_trips_and_a_broken_one_is_refused() -> Result<(), Box<dyn std::error::Error>> {
        let mut book = ProfileBook::default();
        book.create("Car", Settings::office_default())?;
        let json = serde_json::to_string(&book)?;
        assert_eq!(serde_json::from_str::<ProfileBook>(&json)?, book);
        let reserved = json.replace("\"Car\"", "\"Office\"");
        assert!(serde_json::from_str::<ProfileBook>(&reserved).is_err());
        Ok(())
    }
}
