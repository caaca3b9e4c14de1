//! Every file the app opens, tried as a FIFO, a character device, a folder and a symbolic link (to a
//! FIFO where it is read, to a regular file where it is replaced), against the real binary: each is
//! refused at once with one line naming what is there, nothing waits, and the thing is left as it was
//! (`export` never turns a device or a FIFO into a regular file).

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::time::Duration;

use callprofiles_core::phone_system::asterisk::SECRET_ENV;

use crate::crash_support::{TestResult, cli, in_ci, is_root, run_ok};
use crate::hostile_support::measure::run_measured;

/// A refusal must not wait: far below any timeout the app has (the lock waits 3 s, AMI 5 s).
const QUICK: Duration = Duration::from_secs(2);
/// Past this the run is killed and the test fails as a hang.
const HANG_GUARD: Duration = Duration::from_secs(20);

/// What to plant at a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plant {
    Fifo,
    Device,
    Folder,
    /// A symbolic link to a FIFO (read) or to a regular file (replaced).
    Symlink,
}

/// Calls a libc function taking a path and a mode.
fn make_node(path: &Path, mode: libc::mode_t, device: libc::dev_t) -> std::io::Result<()> {
    let c_path = CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: a valid NUL-terminated path; mknod only creates a node there.
    if unsafe { libc::mknod(c_path.as_ptr(), mode, device) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Plants `plant` at `path` (a link's target goes next to it); `false` when it needs root and this
/// is not root (outside CI only: in CI that fails).
fn plant_at(path: &Path, plant: Plant) -> Result<bool, Box<dyn std::error::Error>> {
    match plant {
        Plant::Fifo => make_node(path, libc::S_IFIFO | 0o600, 0)?,
        Plant::Device if !is_root() => {
            if in_ci() {
                return Err("making a device node needs root (CI=true)".into());
            }
            return Ok(false);
        }
        // The same device as /dev/null (1, 3): writing to it loses data silently.
        Plant::Device => make_node(path, libc::S_IFCHR | 0o666, libc::makedev(1, 3))?,
        Plant::Folder => std::fs::create_dir(path)?,
        Plant::Symlink => {
            let target = path.with_extension("link-target");
            make_node(&target, libc::S_IFIFO | 0o600, 0)?;
            std::os::unix::fs::symlink(&target, path)?;
        }
    }
    Ok(true)
}

/// The file type at `path` (not following a link).
fn kind_at(path: &Path) -> std::io::Result<std::fs::FileType> {
    Ok(std::fs::symlink_metadata(path)?.file_type())
}

/// A short name of a file type, to compare and print.
fn type_name(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_fifo() {
        "fifo"
    } else if file_type.is_char_device() {
        "char device"
    } else if file_type.is_dir() {
        "folder"
    } else if file_type.is_symlink() {
        "symlink"
    } else if file_type.is_file() {
        "file"
    } else {
        "other"
    }
}

/// Runs `args` in `home` (with an AMI secret in the environment when `secret`): it must fail within
/// [`QUICK`] with one `error:` line holding `words`, and leave `planted` as it was.
fn assert_refused_quickly(home: &Path, args: &[String], planted: &Path, words: &[&str], what: &str) -> TestResult {
    let before = type_name(kind_at(planted)?);
    let mut command = cli(home, args);
    command.env_remove(SECRET_ENV);
    let run = run_measured(command, HANG_GUARD)?;
    eprintln!("{}", run.report(what));
    assert!(!run.success, "{what}: succeeded: {}", run.stdout);
    assert!(run.wall < QUICK, "{what}: took {:?}", run.wall);
    assert_eq!(run.stderr.lines().count(), 1, "{what}: {}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{what}: {}", run.stderr);
    for word in words {
        assert!(run.stderr.contains(word), "{what}: should say {word:?}: {}", run.stderr);
    }
    assert_eq!(
        type_name(kind_at(planted)?),
        before,
        "{what}: the planted {before} was replaced"
    );
    Ok(())
}

/// The words the error names for what was planted.
fn words_for(plant: Plant, replaced: bool) -> &'static str {
    match plant {
        Plant::Fifo => "named pipe",
        Plant::Device => "character device",
        Plant::Folder => "folder",
        Plant::Symlink if replaced => "symbolic link",
        Plant::Symlink => "named pipe",
    }
}

const PLANTS: [Plant; 4] = [Plant::Fifo, Plant::Device, Plant::Folder, Plant::Symlink];

#[test]
fn every_file_of_the_home_planted_as_something_else_is_refused_at_once() -> TestResult {
    let cases: [(&str, &[&str]); 3] = [
        ("profiles.json", &["new", "Car"]),
        ("config.json", &["status"]),
        ("phone-system.json", &["activate", "office"]),
    ];
    for (file, args) in cases {
        for plant in PLANTS {
            let dir = tempfile::tempdir()?;
            let home = dir.path().join("home");
            std::fs::create_dir_all(&home)?;
            let planted = home.join(file);
            std::fs::remove_file(&planted).ok();
            if !plant_at(&planted, plant)? {
                continue;
            }
            let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
            let words = [file, words_for(plant, false)];
            assert_refused_quickly(&home, &args, &planted, &words, &format!("{file} as {plant:?}"))?;
        }
    }
    Ok(())
}

#[test]
fn a_lock_or_a_secret_file_planted_as_something_else_is_refused_at_once() -> TestResult {
    for plant in PLANTS {
        let dir = tempfile::tempdir()?;
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home)?;
        let lock = home.join("profiles.lock");
        std::fs::remove_file(&lock).ok();
        if !plant_at(&lock, plant)? {
            continue;
        }
        let args = ["new", "Car"].map(str::to_owned);
        // Opening a FIFO to write would wait for a reader; the lock is opened without waiting.
        assert_refused_quickly(
            &home,
            &args,
            &lock,
            &["profiles.lock"],
            &format!("profiles.lock as {plant:?}"),
        )?;
    }
    for plant in PLANTS {
        let dir = tempfile::tempdir()?;
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home)?;
        // Port 9 (discard): the secret is read before any connection is tried.
        std::fs::write(
            home.join("config.json"),
            r#"{"phone_system":{"kind":"asterisk","host":"127.0.0.1","port":9,"username":"u","extension":"201","secret_file":"ami-secret"}}"#,
        )?;
        let secret = home.join("ami-secret");
        if !plant_at(&secret, plant)? {
            continue;
        }
        let args = ["status".to_owned()];
        assert_refused_quickly(
            &home,
            &args,
            &secret,
            &["ami-secret"],
            &format!("ami-secret as {plant:?}"),
        )?;
    }
    Ok(())
}

#[test]
fn import_from_and_export_to_anything_but_a_regular_file_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    run_ok(&home, &["new", "Car"])?;
    for plant in PLANTS {
        let source = dir.path().join(format!("import-{plant:?}.json"));
        if !plant_at(&source, plant)? {
            continue;
        }
        let args = ["import".to_owned(), source.display().to_string()];
        let words = ["import-", words_for(plant, false)];
        assert_refused_quickly(&home, &args, &source, &words, &format!("import from {plant:?}"))?;
    }
    for plant in PLANTS {
        let target = dir.path().join(format!("export-{plant:?}.json"));
        if plant == Plant::Symlink {
            // A link to a regular file: export would replace the link, not write through it.
            let real = dir.path().join("real.json");
            std::fs::write(&real, "keep")?;
            std::os::unix::fs::symlink(&real, &target)?;
        } else if !plant_at(&target, plant)? {
            continue;
        }
        let args = ["export".to_owned(), target.display().to_string()];
        let words = ["export-", words_for(plant, true), "regular file"];
        assert_refused_quickly(&home, &args, &target, &words, &format!("export to {plant:?}"))?;
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("real.json"))?, "keep");
    Ok(())
}

#[test]
fn export_never_overwrites_a_file_the_app_owns() -> TestResult {
    let dir = tempfile::tempdir()?;
    let home = dir.path().join("home");
    run_ok(&home, &["new", "Car"])?;
    let outside = dir.path().join("secrets");
    std::fs::create_dir_all(&outside)?;
    std::fs::write(home.join("ami-secret"), "typed-secret\n")?;
    std::fs::write(outside.join("pbx.secret"), "named-secret\n")?;
    std::fs::write(
        home.join("config.json"),
        format!(
            r#"{{"phone_system":{{"kind":"asterisk","host":"127.0.0.1","port":9,"username":"u","extension":"201","secret_file":"{}"}}}}"#,
            outside.join("pbx.secret").display()
        ),
    )?;
    std::fs::hard_link(home.join("ami-secret"), outside.join("linked"))?;
    let targets = [
        home.join("ami-secret"),
        home.join("profiles.json"),
        home.join("profiles.lock"),
        home.join("config.json"),
        home.join("..").join("home").join("phone-system.json"),
        outside.join("pbx.secret"),
        outside.join("linked"),
    ];
    for target in targets {
        let before = std::fs::read(&target).ok();
        let args = ["export".to_owned(), target.display().to_string()];
        let mut command = cli(&home, &args);
        command.env_remove(SECRET_ENV);
        let run = run_measured(command, HANG_GUARD)?;
        assert!(!run.success, "export to {} succeeded", target.display());
        assert!(run.stderr.contains("own files"), "{}: {}", target.display(), run.stderr);
        assert_eq!(std::fs::read(&target).ok(), before, "{} changed", target.display());
    }
    Ok(())
}
