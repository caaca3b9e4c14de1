//! The situations a user's devices report, combined into the one situation core's rules see. A user may
//! run callprofiles on several computers; if the last report won, a laptop left at home that locks its
//! screen after ten idle minutes would switch the user to their away profile while they work at the office
//! desktop. So each device's last report is kept (`situations.json` in the user's home, atomically), and:
//! - the user is at a computer while any device reported recently that it is in use; the network is then
//!   that of the most recent such report;
//! - they are away only when every recent report says away, with the most recent report's cause;
//! - a report is recent for [`FRESH_FOR`] (desktops repeat theirs every hour while they run), so a computer
//!   switched off without a word stops counting; with no recent report the latest one counts, as before.
//!
//! The file is derived data, rebuilt by the next reports: a damaged one is replaced, with a log line.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use callprofiles_core::automation::Situation;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// The file in a user's home.
pub const SITUATIONS_FILE: &str = "situations.json";

/// How long a device's report counts when the device says nothing more.
pub const FRESH_FOR: SignedDuration = SignedDuration::from_hours(3);

/// Reports older than this are dropped from the file.
const FORGOTTEN_AFTER: SignedDuration = SignedDuration::from_hours(7 * 24);

/// At most this many devices are kept per user (the oldest reports go first).
const MAX_DEVICES: usize = 64;

/// The most bytes read from the file (64 devices take a few KiB).
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One device's last report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Reported {
    situation: Situation,
    at: Timestamp,
}

/// Each device's last report, by device id.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceSituations {
    devices: BTreeMap<String, Reported>,
}

impl DeviceSituations {
    /// The reports kept at `path`; none when there is no file, or (logged) when it cannot be used.
    pub fn load(path: &Path) -> Self {
        let bytes = match std::fs::File::open(path) {
            Ok(file) => {
                let mut bytes = Vec::new();
                match file.take(MAX_FILE_BYTES).read_to_end(&mut bytes) {
                    Ok(_) => bytes,
                    Err(error) => {
                        tracing::warn!(%error, file = %path.display(), "device situations not read: starting afresh");
                        return Self::default();
                    }
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Self::default(),
            Err(error) => {
                tracing::warn!(%error, file = %path.display(), "device situations not read: starting afresh");
                return Self::default();
            }
        };
        serde_json::from_slice(&bytes).unwrap_or_else(|error| {
            tracing::warn!(%error, file = %path.display(), "device situations damaged: starting afresh");
            Self::default()
        })
    }

    /// Writes the reports to `path` atomically, owner-only.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        crate::dir::write_private(path, &serde_json::to_vec_pretty(self)?)
    }

    /// Keeps `situation` as `device`'s last report at `now`, and forgets reports long gone.
    pub fn report(&mut self, device: &str, situation: Situation, now: Timestamp) {
        self.devices.insert(device.to_owned(), Reported { situation, at: now });
        self.devices
            .retain(|_, reported| now.duration_since(reported.at) <= FORGOTTEN_AFTER);
        while self.devices.len() > MAX_DEVICES {
            let oldest = self
                .devices
                .iter()
                .min_by_key(|(_, reported)| reported.at)
                .map(|(device, _)| device.clone());
            match oldest {
                Some(device) => self.devices.remove(&device),
                None => break,
            };
        }
    }

    /// Forgets every device but those of `enrolled` (a revoked computer's last report stops counting).
    pub fn keep_only(&mut self, enrolled: &[String]) {
        self.devices.retain(|device, _| enrolled.contains(device));
    }

    /// The one situation the rules see at `now` (see the module's comment).
    pub fn combined(&self, now: Timestamp) -> Situation {
        let latest = |reports: &mut dyn Iterator<Item = &Reported>| reports.max_by_key(|reported| reported.at).cloned();
        let fresh = || {
            self.devices
                .values()
                .filter(move |reported| now.duration_since(reported.at) <= FRESH_FOR)
        };
        latest(&mut fresh().filter(|reported| reported.situation.away.is_none()))
            .or_else(|| latest(&mut fresh()))
            .or_else(|| latest(&mut self.devices.values()))
            .map(|reported| reported.situation)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use callprofiles_core::automation::{AwayCause, NetworkObservation, WifiName};

    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn on_wifi(name: &str, away: Option<AwayCause>) -> Result<Situation, Box<dyn std::error::Error>> {
        Ok(Situation {
            network: Some(NetworkObservation {
                wifi: Some(WifiName::parse(name)?),
                ..NetworkObservation::default()
            }),
            away,
        })
    }

    fn at(text: &str) -> Result<Timestamp, jiff::Error> {
        text.parse()
    }

    #[test]
    fn a_device_in_use_outweighs_another_that_locked_itself() -> TestResult {
        let mut devices = DeviceSituations::default();
        devices.report("desk", on_wifi("Office", None)?, at("2026-12-01T08:00:00Z")?);
        // The laptop at home locks itself later: the user is still at the desk.
        devices.report(
            "laptop",
            on_wifi("Home", Some(AwayCause::Locked))?,
            at("2026-12-01T08:10:00Z")?,
        );
        assert_eq!(devices.combined(at("2026-12-01T08:10:00Z")?), on_wifi("Office", None)?);
        // The desk locks too: away, with the latest cause and network.
        devices.report(
            "desk",
            on_wifi("Office", Some(AwayCause::Asleep))?,
            at("2026-12-01T12:00:00Z")?,
        );
        assert_eq!(
            devices.combined(at("2026-12-01T12:00:00Z")?),
            on_wifi("Office", Some(AwayCause::Asleep))?
        );
        // Back at either: at the computer, on its network.
        devices.report("laptop", on_wifi("Home", None)?, at("2026-12-01T18:00:00Z")?);
        assert_eq!(devices.combined(at("2026-12-01T18:00:00Z")?), on_wifi("Home", None)?);
        Ok(())
    }

    #[test]
    fn of_two_devices_in_use_the_latest_reports_the_network() -> TestResult {
        let mut devices = DeviceSituations::default();
        devices.report("desk", on_wifi("Office", None)?, at("2026-12-01T08:00:00Z")?);
        devices.report("laptop", on_wifi("Cafe", None)?, at("2026-12-01T09:00:00Z")?);
        assert_eq!(devices.combined(at("2026-12-01T09:00:00Z")?), on_wifi("Cafe", None)?);
        Ok(())
    }

    #[test]
    fn a_device_silent_for_hours_stops_counting_but_the_latest_report_stays() -> TestResult {
        let mut devices = DeviceSituations::default();
        // The desk was switched off at 08:00 without a word; the laptop locked at 09:00.
        devices.report("desk", on_wifi("Office", None)?, at("2026-12-01T08:00:00Z")?);
        devices.report(
            "laptop",
            on_wifi("Home", Some(AwayCause::Locked))?,
            at("2026-12-01T09:00:00Z")?,
        );
        assert_eq!(devices.combined(at("2026-12-01T10:59:00Z")?), on_wifi("Office", None)?);
        assert_eq!(
            devices.combined(at("2026-12-01T11:01:00Z")?),
            on_wifi("Home", Some(AwayCause::Locked))?
        );
        // Long after every report: still the latest one (as with a single device).
        assert_eq!(
            devices.combined(at("2026-12-03T00:00:00Z")?),
            on_wifi("Home", Some(AwayCause::Locked))?
        );
        assert_eq!(
            DeviceSituations::default().combined(at("2026-12-03T00:00:00Z")?),
            Situation::default()
        );
        Ok(())
    }

    #[test]
    fn the_file_stays_bounded_and_a_damaged_one_starts_afresh() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join(SITUATIONS_FILE);
        let mut devices = DeviceSituations::default();
        let start = at("2026-12-01T00:00:00Z")?;
        for n in 0..100_i64 {
            devices.report(
                &format!("device-{n}"),
                Situation::default(),
                start + SignedDuration::from_mins(n),
            );
        }
        assert_eq!(devices.devices.len(), MAX_DEVICES);
        assert!(devices.devices.contains_key("device-99") && !devices.devices.contains_key("device-0"));
        devices.report(
            "device-new",
            Situation::default(),
            start + SignedDuration::from_hours(8 * 24),
        );
        assert_eq!(devices.devices.len(), 1, "reports a week old are forgotten");
        devices.keep_only(&["someone-else".to_owned()]);
        assert!(devices.devices.is_empty(), "a revoked device's report is forgotten");
        devices.report("desk", on_wifi("Office", None)?, start);
        devices.save(&path)?;
        assert_eq!(DeviceSituations::load(&path), devices);
        std::fs::write(&path, b"{\"devices\": {\"desk\": [")?;
        assert_eq!(DeviceSituations::load(&path), DeviceSituations::default());
        Ok(())
    }
}
