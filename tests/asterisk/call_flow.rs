//! `show NAME --flow` against a real Asterisk: the ring times it prints are the ones the PBX holds for the
//! extension (AMPUSER ringtimer and Follow Me grptime, as the shipped dialplan reads them), and where the
//! extension sets none it says the PBX's default applies instead of inventing a number.

use crate::asterisk_support::{Res, TestResult, reset_extension, value, with_asterisk};

/// The extension this test owns (the other tests use theirs, so they run in parallel).
const EXTENSION: &str = "240";

/// Runs `callprofiles --home HOME --lang en show NAME --flow`; returns stdout, failing on a non-zero exit.
fn flow(home: &std::path::Path, name: &str) -> Res<String> {
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_callprofiles"))
        .arg("--home")
        .arg(home)
        .args(["--lang", "en", "show", name, "--flow"])
        .env_remove("CALLPROFILES_AMI_SECRET")
        .output()?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned().into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

#[test]
fn the_flow_says_the_ring_times_the_pbx_holds() -> TestResult {
    with_asterisk("call_flow", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, EXTENSION)?;
        let home = asterisk.home(EXTENSION)?;
        let office = flow(home.path(), "office")?;
        assert!(
            office.contains("  • Your desk phone rings — for the phone system's default ring time\n"),
            "{office}"
        );
        // Twinning without a Follow Me ring time rings for the 20 s that switching to it writes.
        let mobile = flow(home.path(), "mobile")?;
        assert!(mobile.contains("ring together — for 20 seconds\n"), "{mobile}");
        admin.db_put(
            &value("AMPUSER")?,
            &value(format!("{EXTENSION}/ringtimer"))?,
            &value("7")?,
        )?;
        admin.db_put(
            &value("AMPUSER")?,
            &value(format!("{EXTENSION}/followme/grptime"))?,
            &value("1")?,
        )?;
        let office = flow(home.path(), "office")?;
        assert!(
            office.contains("  • Your desk phone rings — for 7 seconds\n"),
            "{office}"
        );
        let mobile = flow(home.path(), "mobile")?;
        assert!(mobile.contains("ring together — for 1 second\n"), "{mobile}");
        // A value the dialplan ignores falls back as the dialplan does.
        admin.db_put(
            &value("AMPUSER")?,
            &value(format!("{EXTENSION}/followme/grptime"))?,
            &value("soon")?,
        )?;
        let mobile = flow(home.path(), "mobile")?;
        assert!(mobile.contains("ring together — for 7 seconds\n"), "{mobile}");
        reset_extension(&mut admin, EXTENSION)?;
        Ok(())
    })
}
