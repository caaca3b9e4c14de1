//! What every command needs: the resolved home and the chosen language.

use std::path::PathBuf;

use callprofiles_core::{Callprofiles, CoreError, Profile};

use crate::gui::GuiOptions;

/// The language of built-in profile names in human output (`--lang`).
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
}

/// The resolved global options.
#[derive(Clone, Debug)]
pub struct Context {
    /// The callprofiles home directory.
    pub home: PathBuf,
    /// The language asked for, if any.
    pub lang: Option<Lang>,
}

impl Context {
    /// Opens the home's profiles and phone system.
    pub fn open(&self) -> Result<Callprofiles, CoreError> {
        Callprofiles::open(&self.home)
    }

    /// A profile's name in the chosen language (built-ins are localized; English by default).
    pub fn name_of<'a>(&self, profile: &'a Profile) -> &'a str {
        profile.name_in(self.lang == Some(Lang::Pl))
    }

    /// The Detected profile's name in the chosen language.
    pub fn detected_name(&self) -> &'static str {
        match self.lang {
            Some(Lang::Pl) => "Wykryte",
            _ => "Detected",
        }
    }

    /// The options the GUI starts with.
    pub fn gui_options(&self) -> GuiOptions {
        GuiOptions {
            home: self.home.clone(),
            lang: self.lang.map(|lang| lang.code().to_owned()),
        }
    }
}
