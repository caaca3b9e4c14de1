//! Text from a file name, a file or the network made safe to show in one line: control characters and
//! invisible formatting characters (zero-width spaces, direction overrides) are written as `\u{…}`
//! escapes, so an error line cannot be split, recoloured or reordered by what it quotes.

use std::path::Path;

use unicode_general_category::{GeneralCategory, get_general_category};

/// Whether `c` is a character a reader cannot see or that changes how the text around it shows: a
/// control character, an invisible format character (Unicode category Cf: U+200B, U+202E, U+2066…),
/// or a line or paragraph separator.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            get_general_category(c),
            GeneralCategory::Format | GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
        )
}

/// `text` with every hidden character (see [`is_hidden`]) written as `\u{XXXX}`.
pub fn text(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            shown.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    shown
}

/// A path as [`text`] shows it.
pub fn path(path: &Path) -> String {
    text(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(text("a\u{1b}[31mb\nc"), "a\\u{001B}[31mb\\u{000A}c");
        assert_eq!(text("Office\u{200B}"), "Office\\u{200B}");
        assert_eq!(text("\u{202E}fdp.exe"), "\\u{202E}fdp.exe");
        assert_eq!(text("Komórkowy – dom 📞"), "Komórkowy – dom 📞");
        assert_eq!(path(Path::new("/tmp/x\ty")), "/tmp/x\\u{0009}y");
    }
}
