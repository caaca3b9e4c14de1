//! Starting at login (opt-in): an XDG autostart entry, `callprofiles.desktop` in `$XDG_CONFIG_HOME/autostart`
//! (else `~/.config/autostart`), which every freedesktop desktop runs when the user logs in. Without a
//! callprofiles server the rules run only while the app runs, so this keeps them running.

use std::io;
use std::path::{Path, PathBuf};

/// The entry's file name; the desktop's own settings show it under this name too.
pub const ENTRY_FILE: &str = "callprofiles.desktop";

/// A line only our entries carry, so [`Autostart::state`] tells ours from an entry written by hand.
const MARK: &str = "X-Callprofiles-Autostart=true";

/// Whether callprofiles starts at login.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutostartState {
    /// Our entry is there.
    On,
    /// No entry (or one the desktop was told to hide).
    Off,
}

/// Why the entry could not be written or removed.
#[derive(Debug)]
pub enum AutostartError {
    /// Neither `$XDG_CONFIG_HOME` nor a home directory is known.
    NoConfigDir,
    /// A path holds a line break, which a desktop entry cannot hold.
    UnquotablePath(PathBuf),
    /// Writing, reading or removing the file failed.
    Io {
        /// The entry's file.
        file: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// The user's autostart entry for callprofiles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Autostart {
    file: PathBuf,
}

impl Autostart {
    /// The entry in this user's autostart folder (`$XDG_CONFIG_HOME` honoured when absolute, as the
    /// specification says).
    pub fn for_user() -> Result<Self, AutostartError> {
        directories::BaseDirs::new()
            .map(|dirs| Self::at(&dirs.config_dir().join("autostart").join(ENTRY_FILE)))
            .ok_or(AutostartError::NoConfigDir)
    }

    /// The entry at `file`.
    pub fn at(file: &Path) -> Self {
        Self { file: file.to_owned() }
    }

    /// The entry's file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Whether our entry is there and not hidden.
    pub fn state(&self) -> Result<AutostartState, AutostartError> {
        let text = callprofiles_core::atomic_file::read_limited(&self.file, 64 * 1024).map_err(|source| {
            AutostartError::Io {
                file: self.file.clone(),
                source,
            }
        })?;
        let on = text.is_some_and(|bytes| {
            let text = String::from_utf8_lossy(&bytes);
            text.lines().any(|line| line.trim() == MARK) && !text.lines().any(|line| line.trim() == "Hidden=true")
        });
        Ok(if on { AutostartState::On } else { AutostartState::Off })
    }

    /// Writes the entry (atomically) so that `program` starts at login over `home`, in the background.
    pub fn enable(&self, program: &Path, home: &Path, comment: &str) -> Result<(), AutostartError> {
        let text = entry(program, home, comment)?;
        callprofiles_core::atomic_file::write(&self.file, text.as_bytes()).map_err(|source| AutostartError::Io {
            file: self.file.clone(),
            source,
        })
    }

    /// Removes the entry; nothing to do when there is none.
    pub fn disable(&self) -> Result<(), AutostartError> {
        match std::fs::remove_file(&self.file) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(AutostartError::Io {
                file: self.file.clone(),
                source,
            }),
        }
    }
}

/// One argument of `Exec=` as the Desktop Entry Specification quotes it: in double quotes, with `"`, `` ` ``,
/// `$` and `\` escaped by a backslash and `%` doubled; then every backslash doubled again, since the value
/// of a key is itself an escaped string.
fn exec_argument(argument: &Path) -> Result<String, AutostartError> {
    let text = argument.to_string_lossy();
    if text.contains(['\n', '\r']) || argument.to_str().is_none() {
        return Err(AutostartError::UnquotablePath(argument.to_owned()));
    }
    let mut quoted = String::from("\"");
    for character in text.chars() {
        match character {
            '"' | '`' | '$' | '\\' => {
                quoted.push('\\');
                quoted.push(character);
            }
            '%' => quoted.push_str("%%"),
            _ => quoted.push(character),
        }
    }
    quoted.push('"');
    Ok(quoted.replace('\\', "\\\\"))
}

/// The desktop entry's text.
fn entry(program: &Path, home: &Path, comment: &str) -> Result<String, AutostartError> {
    let comment: String = comment.chars().filter(|c| !c.is_control()).collect();
    Ok(format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=callprofiles\n\
         Comment={comment}\n\
         Exec={} --home {} --background\n\
         Icon=callprofiles\n\
         Terminal=false\n\
         X-GNOME-Autostart-enabled=true\n\
         {MARK}\n",
        exec_argument(program)?,
        exec_argument(home)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn exec_arguments_are_quoted_as_the_specification_says() -> TestResult {
        let quoted = |path: &str| exec_argument(Path::new(path)).map_err(|e| format!("{e:?}"));
        assert_eq!(quoted("/usr/bin/callprofiles")?, "\"/usr/bin/callprofiles\"");
        assert_eq!(quoted("/home/a b/100%")?, "\"/home/a b/100%%\"");
        // `$` becomes `\$` in Exec, and that backslash is doubled by the key file's own escaping.
        assert_eq!(quoted("/x/$HOME\"`")?, "\"/x/\\\\$HOME\\\\\"\\\\`\"");
        assert_eq!(quoted("/x\\y")?, "\"/x\\\\\\\\y\"");
        assert!(matches!(
            exec_argument(Path::new("/a\nExec=rm")),
            Err(AutostartError::UnquotablePath(_))
        ));
        Ok(())
    }

    #[test]
    fn on_off_and_status() -> TestResult {
        let dir = tempfile::tempdir()?;
        let autostart = Autostart::at(&dir.path().join("autostart").join(ENTRY_FILE));
        assert_eq!(autostart.state().map_err(|e| format!("{e:?}"))?, AutostartState::Off);
        autostart
            .enable(
                Path::new("/opt/cp/callprofiles"),
                Path::new("/home/u/.config/callprofiles"),
                "Profiles\n",
            )
            .map_err(|e| format!("{e:?}"))?;
        let text = std::fs::read_to_string(autostart.file())?;
        assert!(text.starts_with("[Desktop Entry]\n"), "{text}");
        assert!(
            text.contains("\nExec=\"/opt/cp/callprofiles\" --home \"/home/u/.config/callprofiles\" --background\n"),
            "{text}"
        );
        assert!(
            text.contains("\nComment=Profiles\n"),
            "a line break cannot add a key: {text}"
        );
        assert_eq!(autostart.state().map_err(|e| format!("{e:?}"))?, AutostartState::On);
        // The desktop's own switch (Hidden=true) turns it off.
        std::fs::write(autostart.file(), format!("{text}Hidden=true\n"))?;
        assert_eq!(autostart.state().map_err(|e| format!("{e:?}"))?, AutostartState::Off);
        autostart.disable().map_err(|e| format!("{e:?}"))?;
        assert!(!autostart.file().exists());
        autostart.disable().map_err(|e| format!("{e:?}"))?;
        Ok(())
    }
}
