//! What every command needs: the resolved home and the language of its output.

use std::path::PathBuf;

use callprofiles_core::{CoreError, Profile, ProfileId, ProfileService, open_home};
use fluent_bundle::FluentValue;

use crate::launch::GuiOptions;
use crate::text::i18n::{I18n, Language};

/// The language asked for with `--lang` (without it: the system locale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English: Office, Mobile, Home.
    En,
    /// Polish: Biurowy, Komórkowy, Domowy.
    Pl,
}

impl Lang {
    /// The language code.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Pl => "pl",
        }
    }

    /// The language it names.
    pub fn language(self) -> Language {
        match self {
            Self::En => Language::English,
            Self::Pl => Language::Polish,
        }
    }
}

/// The language of the output: `--lang` when given, else the system locale (as the windows do).
pub fn output_language(lang: Option<Lang>) -> Language {
    lang.map_or_else(Language::from_system, Lang::language)
}

/// The resolved global options.
#[derive(Debug)]
pub struct Context {
    /// The callprofiles home directory.
    pub home: PathBuf,
    /// The language asked for, if any.
    pub lang: Option<Lang>,
    /// The translations human-readable output is written in.
    pub i18n: I18n,
}

impl Context {
    /// The context of a command run in `home` with `--lang` (or the system locale).
    pub fn new(home: PathBuf, lang: Option<Lang>) -> Self {
        Self {
            home,
            lang,
            i18n: I18n::new(output_language(lang)),
        }
    }

    /// Opens the home's profiles and phone system (`config.json` decides which; a configuration that
    /// cannot be used fails the command's first verb).
    pub fn open(&self) -> Box<dyn ProfileService> {
        open_home(&self.home)
    }

    /// The id of the profile `query` names: its id or name (built-ins also by their Polish names), any case.
    pub fn find(&self, service: &mut dyn ProfileService, query: &str) -> Result<ProfileId, CoreError> {
        Ok(service.book()?.find(query)?.id)
    }

    /// The phone system's line of `status`, `activate` and `pbx`.
    pub fn phone_system_line(&self, service: &dyn ProfileService) -> String {
        match service.phone_system() {
            Some(description) => super::human::phone_system(self, &description),
            None => self.tr("status-phone-unknown"),
        }
    }

    /// A profile's name in the output's language (built-ins are localized, custom names are the user's).
    pub fn name_of(&self, profile: &Profile) -> String {
        self.i18n.profile_name(profile)
    }

    /// The text of message `id`.
    pub fn tr(&self, id: &str) -> String {
        self.i18n.tr(id)
    }

    /// The text of message `id` with arguments.
    pub fn tr_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.tr_args(id, args)
    }

    /// The options the GUI starts with.
    pub fn gui_options(&self) -> GuiOptions {
        GuiOptions {
            home: self.home.clone(),
            lang: self.lang.map(|lang| lang.code().to_owned()),
            background: false,
        }
    }
}
