//! Adding a setting is guided (the app's side; core checks its own places): a setting without its label
//! in either catalog fails here. ARCHITECTURE.md lists every place.

use callprofiles_core::SettingKey;

use crate::text::i18n::{I18n, Language};
use crate::text::labels::setting_label;

#[test]
fn every_setting_has_a_label_in_both_catalogs() {
    for language in Language::ALL {
        let i18n = I18n::new(language);
        for key in SettingKey::ALL {
            let label = setting_label(&i18n, key);
            // A missing message reads as its id (lower case ASCII and dashes).
            let id_like = label.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            assert!(
                !label.is_empty() && !id_like,
                "{key} has no label in the {} catalog",
                language.code()
            );
        }
    }
}
