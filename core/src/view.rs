//! The JSON shapes the CLI prints for scripts (and the export file reuses): profiles and status.

use serde::{Deserialize, Serialize};

use crate::detection::Activity;
use crate::profile::{Profile, ProfileKind};
use crate::settings::Settings;

/// `"builtin"` or `"custom"` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KindView {
    /// Office, Mobile or Home.
    Builtin,
    /// A user's own profile.
    Custom,
}

impl From<ProfileKind> for KindView {
    fn from(kind: ProfileKind) -> Self {
        match kind {
            ProfileKind::BuiltIn(_) => Self::Builtin,
            ProfileKind::Custom => Self::Custom,
        }
    }
}

/// One profile: `{"id":"office","name":"Office","kind":"builtin","active":true,"settings":{…}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProfileView {
    /// Stable id.
    pub id: String,
    /// Name (English for built-ins).
    pub name: String,
    /// Built-in or custom.
    pub kind: KindView,
    /// Whether it is the active profile right now.
    pub active: bool,
    /// Its settings.
    pub settings: Settings,
}

impl ProfileView {
    /// The view of `profile`, active or not.
    pub fn new(profile: &Profile, active: bool) -> Self {
        Self {
            id: profile.id.to_string(),
            name: profile.name.clone(),
            kind: profile.kind.into(),
            active,
            settings: profile.settings.clone(),
        }
    }

    /// Views of every profile, marking the one `activity` names as active.
    pub fn all(profiles: &[Profile], activity: Option<&Activity>) -> Vec<Self> {
        let active_id = activity.and_then(Activity::active_id);
        profiles
            .iter()
            .map(|profile| Self::new(profile, Some(&profile.id) == active_id))
            .collect()
    }
}

/// `{"active":"<id>"|null,"detected":true|false,"live":<settings>,"phone_system":"<description>"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusView {
    /// The active profile's id, or `null` when Detected.
    pub active: Option<String>,
    /// Whether the live settings match no saved profile.
    pub detected: bool,
    /// The phone system's live settings.
    pub live: Settings,
    /// The phone system's description.
    pub phone_system: String,
}

impl StatusView {
    /// The view of an activity, the live settings and the phone system's one-line description.
    pub fn new(activity: &Activity, live: &Settings, phone_system: &str) -> Self {
        Self {
            active: activity.active_id().map(ToString::to_string),
            detected: activity.is_detected(),
            live: live.clone(),
            phone_system: phone_system.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::BuiltIn;
    use crate::profile_book::ProfileBook;

    #[test]
    fn profile_json_is_exactly_the_documented_shape() -> Result<(), Box<dyn std::error::Error>> {
        let book = ProfileBook::default();
        let office = book.find("office")?;
        let json = serde_json::to_string(&ProfileView::new(&office, true))?;
        assert_eq!(
            json,
            r#"{"id":"office","name":"Office","kind":"builtin","active":true,"settings":{"call_pickup":true,"routing":{"mode":"desk_phone"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}}}"#
        );
        Ok(())
    }

    #[test]
    fn custom_profile_with_number_and_inactive() -> Result<(), Box<dyn std::error::Error>> {
        let mut book = ProfileBook::default();
        let mut settings = Settings::home_default();
        settings.routing = crate::Routing::parse("forward:+48 (22) 123-45-67")?;
        book.create("Car", settings)?;
        let views = ProfileView::all(&book.profiles(), Some(&Activity::Active(BuiltIn::Mobile.id())));
        let actives: Vec<bool> = views.iter().map(|v| v.active).collect();
        assert_eq!(actives, [false, true, false, false]);
        let car = serde_json::to_value(views.get(3))?;
        assert_eq!(car["id"], "custom-1");
        assert_eq!(car["kind"], "custom");
        assert_eq!(
            car["settings"]["routing"],
            serde_json::json!({"mode":"forward","number":"+48221234567"})
        );
        Ok(())
    }

    #[test]
    fn status_json_shape() -> Result<(), Box<dyn std::error::Error>> {
        let live = Settings::mobile_default();
        let detected = StatusView::new(&Activity::Detected(live.clone()), &live, "Demo");
        assert_eq!(
            serde_json::to_string(&detected)?,
            r#"{"active":null,"detected":true,"live":{"call_pickup":true,"routing":{"mode":"twinning"},"voicemail":{"enabled":true,"ringback":false,"notification":false,"playback":"phone","greeting":"default"}},"phone_system":"Demo"}"#
        );
        let active = StatusView::new(&Activity::Active(BuiltIn::Home.id()), &live, "Demo");
        assert_eq!(serde_json::to_value(&active)?["active"], "home");
        Ok(())
    }
}
