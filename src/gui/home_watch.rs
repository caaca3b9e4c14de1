//! Watches the callprofiles home (inotify, through `notify`) so the worker re-reads as soon as one of the
//! files it reads is written, replaced or removed — by this app, the command line or an editor — instead
//! of waking every few seconds to look.

use std::ffi::OsStr;
use std::path::Path;

use callprofiles_core::config::CONFIG_FILE;
use callprofiles_core::phone_system::demo::DEMO_FILE;
use callprofiles_core::store::PROFILES_FILE;
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{Event, RecursiveMode, Watcher};

/// The files in the home whose changes the worker must see.
pub const WATCHED_FILES: [&str; 3] = [CONFIG_FILE, PROFILES_FILE, DEMO_FILE];

/// A running watch; it stops when dropped.
pub struct HomeWatch {
    _watcher: notify::RecommendedWatcher,
}

impl HomeWatch {
    /// Calls `changed` (on the watch's own thread) each time one of [`WATCHED_FILES`] in `home` changes.
    pub fn start(home: &Path, mut changed: impl FnMut() + Send + 'static) -> notify::Result<Self> {
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            if event.map_or(true, |event| concerns_watched_file(&event)) {
                changed();
            }
        })?;
        watcher.watch(home, RecursiveMode::NonRecursive)?;
        Ok(Self { _watcher: watcher })
    }
}

/// Whether an event may have changed what a watched file holds. Opening or reading one does not (the
/// worker's own reads would otherwise wake it again); an event the watch lost track with (`need_rescan`)
/// might have.
fn concerns_watched_file(event: &Event) -> bool {
    let changing = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => true,
    };
    let watched = event
        .paths
        .iter()
        .filter_map(|path| path.file_name())
        .any(|name| WATCHED_FILES.iter().any(|watched| OsStr::new(watched) == name));
    event.need_rescan() || (changing && watched)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::mpsc;
    use std::time::Duration;

    use notify::event::{CreateKind, ModifyKind, RenameMode};

    use super::*;

    fn event(kind: EventKind, name: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from("/home/u/.local/share/callprofiles").join(name))
    }

    #[test]
    fn writes_and_replacements_of_watched_files_count_reads_and_other_files_do_not() {
        let renamed_in = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        assert!(concerns_watched_file(&event(renamed_in, PROFILES_FILE)));
        assert!(concerns_watched_file(&event(
            EventKind::Create(CreateKind::File),
            CONFIG_FILE
        )));
        let written = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(concerns_watched_file(&event(written, DEMO_FILE)));
        let opened = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(!concerns_watched_file(&event(opened, PROFILES_FILE)));
        let read_done = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert!(!concerns_watched_file(&event(read_done, PROFILES_FILE)));
        assert!(!concerns_watched_file(&event(renamed_in, "profiles.lock")));
        assert!(!concerns_watched_file(&event(renamed_in, ".tmp-profiles.json-1234")));
        let lost_track = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(concerns_watched_file(&lost_track));
    }

    #[test]
    fn a_replaced_file_is_seen_and_a_read_is_not() -> Result<(), Box<dyn std::error::Error>> {
        let home = tempfile::tempdir()?;
        let (tx, rx) = mpsc::channel();
        let _watch = HomeWatch::start(home.path(), move || {
            tx.send(()).ok();
        })?;
        std::fs::write(home.path().join("unrelated.txt"), "x")?;
        std::fs::read(home.path().join("unrelated.txt"))?;
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "an unrelated file woke the watch"
        );
        std::fs::write(home.path().join(".tmp-new"), "{}")?;
        std::fs::rename(home.path().join(".tmp-new"), home.path().join(PROFILES_FILE))?;
        rx.recv_timeout(Duration::from_secs(5))?;
        while rx.recv_timeout(Duration::from_millis(300)).is_ok() {}
        std::fs::read(home.path().join(PROFILES_FILE))?;
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "reading a watched file woke the watch"
        );
        Ok(())
    }
}
