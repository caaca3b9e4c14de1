//! Asterisk restarted in the middle of a session: the same phone-system object reconnects (with
//! backoff) on its next request and the app recomputes the active profile from what Asterisk now
//! holds. Its own test binary, because a restart would disturb calls of tests running alongside.

#[path = "asterisk/asterisk_support/mod.rs"]
mod asterisk_support;

use std::time::{Duration, Instant};

use asterisk_support::{TestResult, reset_extension, value, with_asterisk};
use callprofiles_core::phone_system::asterisk::AsteriskPhoneSystem;
use callprofiles_core::{Callprofiles, PhoneSystem, Settings};

#[test]
fn restart_mid_session_reconnects_and_recomputes() -> TestResult {
    with_asterisk("restart", |asterisk| {
        let mut admin = asterisk.admin()?;
        reset_extension(&mut admin, "240")?;
        let home = asterisk.home("240")?;
        let config = asterisk.config("240", None)?;
        let secret_file = home.path().join("ami-secret");
        let mut phone = AsteriskPhoneSystem::new(config.clone(), Some(secret_file.clone()));
        assert_eq!(phone.read()?, Settings::office_default());
        assert!(phone.connected());
        let mut app = Callprofiles::with_phone_system(
            home.path(),
            Box::new(AsteriskPhoneSystem::new(config, Some(secret_file))),
        );
        assert_eq!(
            app.status()?.active_profile().map(|p| p.name),
            Some("Office".to_owned())
        );

        // The answer to "core restart now" may never come: Asterisk goes away at once.
        admin.command(&value("core restart now")?).ok();
        let restarted = Instant::now();
        // Both the app's phone system and this one reconnect on their next request.
        assert_eq!(phone.read()?, Settings::office_default());
        let reconnect = restarted.elapsed();
        assert_eq!(phone.reconnects(), 1, "one reconnection after the restart");
        eprintln!(
            "restart: read again {:.2} s after 'core restart now'",
            reconnect.as_secs_f64()
        );
        assert!(reconnect < Duration::from_secs(5));

        // A change made while the app was disconnected is seen: Detected, then Office again.
        let mut admin = asterisk.admin()?;
        admin.db_put(&value("CF")?, &value("240")?, &value("0700123123")?)?;
        let status = app.status()?;
        assert!(status.activity.is_detected(), "{:?}", status.activity);
        admin.db_del(&value("CF")?, &value("240")?)?;
        assert_eq!(
            app.status()?.active_profile().map(|p| p.name),
            Some("Office".to_owned())
        );
        Ok(())
    })
}
