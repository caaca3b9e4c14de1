//! Translations: Fluent catalogs for English and Polish, embedded in the binary, and the language choice.

use std::borrow::Cow;

use callprofiles_core::{BuiltIn, Profile, ProfileKind};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// The English catalog.
pub const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The Polish catalog.
pub const PL_FTL: &str = include_str!("../../assets/i18n/pl.ftl");

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English: the product's English names (Office, Mobile, Home).
    English,
    /// Polish: the vendor's Polish words (Biurowy, Komórkowy, Domowy).
    Polish,
}

impl Language {
    /// Every language, in the order the language menu lists them.
    pub const ALL: [Language; 2] = [Self::English, Self::Polish];

    /// The same language in the words a callprofiles server keeps for its user (it writes their voicemail
    /// e-mail in it).
    pub fn user_language(self) -> callprofiles_core::wire::UserLanguage {
        match self {
            Self::Polish => callprofiles_core::wire::UserLanguage::Polish,
            Self::English => callprofiles_core::wire::UserLanguage::English,
        }
    }

    /// The two-letter code (`en`, `pl`).
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Polish => "pl",
        }
    }

    /// The language's own name, shown the same in every language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Polish => "Polski",
        }
    }

    /// Parses `en` or `pl` (also a locale such as `pl-PL` or `pl_PL.UTF-8`); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Self::ALL.into_iter().find(|language| language.code() == primary)
    }

    /// The language of the system locale; English when it is neither English nor Polish.
    pub fn from_system() -> Self {
        sys_locale::get_locale()
            .and_then(|locale| Self::from_code(&locale))
            .unwrap_or(Self::English)
    }

    /// The Fluent catalog of this language.
    fn catalog(self) -> &'static str {
        match self {
            Self::English => EN_FTL,
            Self::Polish => PL_FTL,
        }
    }
}

/// Which language the user chose in the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LanguageChoice {
    /// Follow the system locale.
    #[default]
    System,
    /// Always this language.
    Fixed(Language),
}

impl LanguageChoice {
    /// The language this choice means now.
    pub fn resolve(self) -> Language {
        match self {
            Self::System => Language::from_system(),
            Self::Fixed(language) => language,
        }
    }
}

/// The translations of one language.
pub struct I18n {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("language", &self.language).finish()
    }
}

impl I18n {
    /// Loads the catalog of `language`.
    pub fn new(language: Language) -> Self {
        let langid: LanguageIdentifier = language.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        // egui shows the Unicode isolation marks as boxes; our arguments are short and never mixed-direction.
        bundle.set_use_isolating(false);
        // A broken catalog is caught by the catalog tests; at run time keep whatever parsed.
        let resource = FluentResource::try_new(language.catalog().to_owned()).unwrap_or_else(|(resource, _)| resource);
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!("the {} catalog has {} problem(s)", language.code(), errors.len());
        }
        Self { language, bundle }
    }

    /// The language of these translations.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The text of message `id` (the id itself if the catalog lacks it, so a gap is visible, never a crash).
    pub fn tr(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The text of message `id` with arguments, e.g. `[("count", 2.into())]`.
    pub fn tr_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    /// Formats a message, logging catalog problems.
    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|message| message.value()) else {
            tracing::warn!("message {id} is missing from the {} catalog", self.language.code());
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text: Cow<'_, str> = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!("message {id} in the {} catalog: {errors:?}", self.language.code());
        }
        text.into_owned()
    }

    /// A profile's name in this language (built-ins are translated, custom names are the user's).
    pub fn profile_name(&self, profile: &Profile) -> String {
        match profile.kind {
            ProfileKind::BuiltIn(builtin) => self.builtin_name(builtin),
            ProfileKind::Custom => profile.name.clone(),
        }
    }

    /// A built-in profile's name in this language.
    pub fn builtin_name(&self, builtin: BuiltIn) -> String {
        self.tr(match builtin {
            BuiltIn::Office => "profile-office",
            BuiltIn::Mobile => "profile-mobile",
            BuiltIn::Home => "profile-home",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_parse_from_locales() {
        assert_eq!(Language::from_code("pl-PL"), Some(Language::Polish));
        assert_eq!(Language::from_code("pl_PL.UTF-8"), Some(Language::Polish));
        assert_eq!(Language::from_code("EN"), Some(Language::English));
        assert_eq!(Language::from_code("de-DE"), None);
        assert_eq!(Language::from_code(""), None);
    }

    #[test]
    fn polish_plurals_follow_polish_rules() {
        let pl = I18n::new(Language::Polish);
        let count = |n: usize| pl.tr_args("profile-count", &[("count", n.into())]);
        assert_eq!(count(1), "1 profil");
        assert_eq!(count(2), "2 profile");
        assert_eq!(count(4), "4 profile");
        assert_eq!(count(5), "5 profili");
        assert_eq!(count(12), "12 profili");
        assert_eq!(count(22), "22 profile");
        assert_eq!(count(25), "25 profili");
        assert_eq!(count(0), "0 profili");
        let slots = |n: usize| pl.tr_args("slots-left", &[("count", n.into())]);
        assert_eq!(slots(1), "Możesz dodać jeszcze 1 profil.");
        assert_eq!(slots(3), "Możesz dodać jeszcze 3 profile.");
        let en = I18n::new(Language::English);
        assert_eq!(en.tr_args("profile-count", &[("count", 1.into())]), "1 profile");
        assert_eq!(en.tr_args("profile-count", &[("count", 5.into())]), "5 profiles");
    }

    #[test]
    fn built_in_names_are_localized() {
        let pl = I18n::new(Language::Polish);
        assert_eq!(pl.builtin_name(BuiltIn::Office), "Biurowy");
        assert_eq!(pl.builtin_name(BuiltIn::Mobile), "Komórkowy");
        assert_eq!(pl.builtin_name(BuiltIn::Home), "Domowy");
        assert_eq!(pl.tr("profile-detected"), "Wykryte");
        let en = I18n::new(Language::English);
        assert_eq!(en.builtin_name(BuiltIn::Office), "Office");
        assert_eq!(en.tr("profile-detected"), "Detected");
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(I18n::new(Language::English).tr("no_such_message"), "no_such_message");
    }
}
