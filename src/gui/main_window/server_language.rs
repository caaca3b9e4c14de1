//! Tells a callprofiles server the language the window shows, so what the server writes to the user on
//! its own (the e-mail of new voicemail) is in that language alone: once per server the window is
//! connected to (at start, after joining one, and each time the server is back after being out of
//! reach) and again whenever the user switches the language. Nothing
//! the user asked for: no busy spinner, and a failure is only logged (the e-mail stays in the language
//! last told, or in both while none was).

use callprofiles_core::remote::ServerConfig;

use super::MainApp;
use crate::gui::worker::WorkerRequest;
use crate::text::i18n::Language;

/// What was last told, and to which server (another server, or another extension on it, is told anew).
pub type Told = Option<(ServerConfig, Language)>;

impl MainApp {
    /// Sends the language when the server or the language differs from what was last told.
    pub(super) fn tell_server_language(&mut self) {
        if !self.model.loaded() {
            return;
        }
        let Some(server) = self.model.server() else {
            self.told_language = None;
            return;
        };
        if self.model.live().is_none() {
            // Not reachable now: told again once it is back, so a send that failed meanwhile, or a server
            // restored from an older backup, learns the language too.
            self.told_language = None;
            return;
        }
        let language = self.language();
        if self
            .told_language
            .as_ref()
            .is_some_and(|(told_server, told)| told_server == server && *told == language)
        {
            return;
        }
        self.told_language = Some((server.clone(), language));
        self.model
            .request(WorkerRequest::TellLanguage(language.user_language()), None);
    }
}
