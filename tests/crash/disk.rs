//! Crash safety: a full disk and a read-only home give one clear error line and leave the previous
//! `profiles.json` byte for byte intact. Runs as root in a private mount namespace (`unshare --mount`):
//! a 256 KiB tmpfs filled up, and a read-only bind mount of the home.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::crash_support::{BIN, TestResult, in_ci, is_root};

/// The results of a script run in private mounts: `OUT`, kept as long as this lives.
struct Results {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

/// Runs `script` with bash in a private mount namespace, with `BIN`, `MNT` (an empty directory to mount
/// on) and `OUT` (a directory for results, outside every mount) set; fails unless it succeeds. `None`
/// when mounting is impossible (not root) outside CI, which is said on stderr; in CI that fails.
fn in_private_mounts(test: &str, script: &str) -> Result<Option<Results>, Box<dyn std::error::Error>> {
    if !is_root() {
        if in_ci() {
            return Err(format!("{test} needs root to mount a tiny file system (CI runs as root)").into());
        }
        eprintln!("{test}: skipped, not root (it mounts a tmpfs; CI runs it as root)");
        return Ok(None);
    }
    let dir = tempfile::tempdir()?;
    let (mnt, out) = (dir.path().join("mnt"), dir.path().join("out"));
    std::fs::create_dir_all(&mnt)?;
    std::fs::create_dir_all(&out)?;
    let output = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "bash", "-euo", "pipefail", "-c"])
        .arg(format!("{RECORD}{script}"))
        .env("BIN", BIN)
        .env("MNT", &mnt)
        .env("OUT", &out)
        .env_remove("CALLPROFILES_HOME")
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "the mount script failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(Some(Results { _dir: dir, out }))
}

/// Reads `OUT/name` as text.
fn text(out: &Path, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    Ok(std::fs::read_to_string(out.join(name))?)
}

/// Checks a failed command's results: non-zero exit and one `error:` line that holds `reason`.
fn assert_clear_failure(out: &Path, step: &str, reason: &str) -> TestResult {
    let status = text(out, &format!("{step}.status"))?;
    let stderr = text(out, &format!("{step}.stderr"))?;
    assert_ne!(status.trim(), "0", "{step} should fail; stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{step}: not one line: {stderr}");
    assert!(stderr.starts_with("error: "), "{step}: {stderr}");
    assert!(stderr.contains(reason), "{step} should say {reason:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{step}: {stderr}");
    Ok(())
}

/// Runs `"$BIN" --home "$home" ARGS` recording `OUT/STEP.status` and `OUT/STEP.stderr`.
const RECORD: &str = r#"
record() { local step=$1; shift; set +e; "$BIN" --home "$home" "$@" >/dev/null 2>"$OUT/$step.stderr"; echo $? >"$OUT/$step.status"; set -e; }
"#;

#[test]
fn full_disk_is_a_clear_error_and_keeps_the_previous_file() -> TestResult {
    let script = r#"
mount -t tmpfs -o size=256k tmpfs "$MNT"
home="$MNT/home"
"$BIN" --home "$home" new Car >/dev/null
"$BIN" --home "$home" set car routing=forward:123456 >/dev/null
cp "$home/profiles.json" "$OUT/before.json"
dd if=/dev/zero of="$MNT/filler" bs=4096 2>/dev/null || true
record set set office call_pickup=off
record new new Bus
record activate activate car
"$BIN" --home "$home" list >"$OUT/list.stdout"
cp "$home/profiles.json" "$OUT/after.json"
ls -A "$home" >"$OUT/listing"
rm "$MNT/filler"
record retry set office call_pickup=off
cp "$home/profiles.json" "$OUT/retried.json"
"#;
    let Some(results) = in_private_mounts("full_disk", script)? else {
        return Ok(());
    };
    let out = results.out.as_path();
    assert_clear_failure(out, "set", "No space left on device")?;
    assert_clear_failure(out, "new", "No space left on device")?;
    assert_clear_failure(out, "activate", "No space left on device")?;
    assert_eq!(
        std::fs::read(out.join("after.json"))?,
        std::fs::read(out.join("before.json"))?
    );
    let listing = text(out, "listing")?;
    assert!(!listing.contains(".tmp-"), "a failed write left a temp file: {listing}");
    assert!(
        text(out, "list.stdout")?.contains("Car"),
        "reading still works on a full disk"
    );
    assert_eq!(text(out, "retry.status")?.trim(), "0", "{}", text(out, "retry.stderr")?);
    assert_ne!(
        std::fs::read(out.join("retried.json"))?,
        std::fs::read(out.join("before.json"))?
    );
    Ok(())
}

#[test]
fn read_only_home_is_a_clear_error_and_keeps_the_previous_file() -> TestResult {
    let script = r#"
home="$MNT/home"
"$BIN" --home "$home" new Car >/dev/null
cp "$home/profiles.json" "$OUT/before.json"
mount --bind "$home" "$home"
mount -o remount,bind,ro "$home"
record set set office call_pickup=off
record new new Bus
record import import "$OUT/before.json"
record status status
"$BIN" --home "$home" export "$OUT/export.json" >/dev/null
cp "$home/profiles.json" "$OUT/after.json"
ls -A "$home" >"$OUT/listing"
"#;
    let Some(results) = in_private_mounts("read_only_home", script)? else {
        return Ok(());
    };
    let out = results.out.as_path();
    assert_clear_failure(out, "set", "Read-only file system")?;
    assert_clear_failure(out, "new", "Read-only file system")?;
    assert_clear_failure(out, "import", "")?;
    assert_eq!(
        std::fs::read(out.join("after.json"))?,
        std::fs::read(out.join("before.json"))?
    );
    assert!(!text(out, "listing")?.contains(".tmp-"));
    assert_eq!(
        text(out, "status.status")?.trim(),
        "0",
        "{}",
        text(out, "status.stderr")?
    );
    assert!(
        text(out, "export.json")?.contains("\"Car\""),
        "exporting from a read-only home works"
    );
    Ok(())
}
