//! Where each setting lives in AstDB (FreePBX's keys where FreePBX has one, `CALLPROFILES/<ext>/…`
//! otherwise), how live entries read back as settings — exactly as `assets/asterisk/callprofiles.conf`
//! interprets them — and which changes turn the live entries into wanted settings.

use std::collections::BTreeMap;

use super::extension::Extension;
use super::value::AmiValue;
use crate::applicable::{ApplicableSettings, CompleteRouting};
use crate::call_flow::{RingTime, RingTimes};
use crate::error::PhoneError;
use crate::phone_number::PhoneNumber;
use crate::settings::{Greeting, GreetingSlot, Playback, Routing, Settings, Voicemail};

/// FreePBX's unconditional call forward family.
pub const FORWARD_FAMILY: &str = "CF";
/// FreePBX's per-user family (Follow Me, devices, ring time).
pub const USER_FAMILY: &str = "AMPUSER";
/// FreePBX's do-not-disturb family (`DND/<ext>=YES`, set by `*78` on the phone or in UCP).
pub const DND_FAMILY: &str = "DND";
/// Our own family for settings FreePBX has no key for.
pub const OWN_FAMILY: &str = "CALLPROFILES";
/// Follow Me ring time written when twinning is switched on and none is set.
pub const DEFAULT_GROUP_SECONDS: &str = "20";

/// Live AstDB entries, keyed by full path (`/CF/201`), as `DBGetTree` returns them.
pub type Entries = BTreeMap<String, String>;

/// A family/key pair as AstDB stores it; built only from our own constants and a validated extension,
/// so no key can carry a line break to AMI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbKey {
    /// Its family.
    pub family: &'static str,
    /// Its key inside the family, e.g. `201/followme/ddial`.
    pub key: String,
}

impl DbKey {
    /// The full path, as `DBGetTree` reports it.
    pub fn path(&self) -> String {
        format!("/{}/{}", self.family, self.key)
    }

    /// The family and key as values to send.
    pub fn values(&self) -> Result<(AmiValue, AmiValue), PhoneError> {
        Ok((
            AmiValue::new("AstDB family", self.family)?,
            AmiValue::new("AstDB key", self.key.clone())?,
        ))
    }
}

/// One change to AstDB or to a device state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Store a value.
    Put(DbKey, String),
    /// Delete a key.
    Delete(DbKey),
    /// Set a custom device state (a phone lamp), e.g. `Custom:CF201` to `BUSY`.
    DeviceState(String, &'static str),
}

/// `entries` as Asterisk holds them after `changes` succeeded (device states live elsewhere).
pub fn applied(mut entries: Entries, changes: &[Change]) -> Entries {
    for change in changes {
        match change {
            Change::Put(key, value) => {
                entries.insert(key.path(), value.clone());
            }
            Change::Delete(key) => {
                entries.remove(&key.path());
            }
            Change::DeviceState(..) => {}
        }
    }
    entries
}

/// The user's mailbox as FreePBX keeps it (`AMPUSER/<ext>/voicemail`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum UserMailbox {
    /// Unset or not a plain name: the dialplan's default context applies.
    #[default]
    Default,
    /// `novm`: the user has no mailbox.
    NoMailbox,
    /// In this voicemail context.
    Context(String),
}

/// What to do with one key.
enum Wanted {
    Value(String),
    Absent,
    /// Set this value only when the key is absent (keeps an administrator's choice).
    Default(&'static str),
    Untouched,
}

/// The AstDB layout of one extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    extension: Extension,
}

impl Layout {
    /// The layout of `extension`.
    pub fn new(extension: Extension) -> Self {
        Self { extension }
    }

    /// The extension.
    pub fn extension(&self) -> &Extension {
        &self.extension
    }

    /// The trees read to know every setting: `CF/<ext>`, `AMPUSER/<ext>`, `CALLPROFILES/<ext>`, and
    /// `DND/<ext>` (observed, not a setting).
    pub fn trees(&self) -> [DbKey; 4] {
        [FORWARD_FAMILY, USER_FAMILY, OWN_FAMILY, DND_FAMILY].map(|family| DbKey {
            family,
            key: self.extension.as_str().to_owned(),
        })
    }

    /// `CF/<ext>`.
    pub fn forward(&self) -> DbKey {
        DbKey {
            family: FORWARD_FAMILY,
            key: self.extension.as_str().to_owned(),
        }
    }

    /// `AMPUSER/<ext>/<leaf>`.
    pub fn user(&self, leaf: &str) -> DbKey {
        DbKey {
            family: USER_FAMILY,
            key: format!("{}/{leaf}", self.extension),
        }
    }

    /// `CALLPROFILES/<ext>/<leaf>`.
    pub fn own(&self, leaf: &str) -> DbKey {
        DbKey {
            family: OWN_FAMILY,
            key: format!("{}/{leaf}", self.extension),
        }
    }

    /// Whether do-not-disturb is on (FreePBX's dialplan treats any value of `DND/<ext>` as on).
    pub fn do_not_disturb(&self, entries: &Entries) -> bool {
        entries
            .get(&format!("/{DND_FAMILY}/{}", self.extension))
            .is_some_and(|value| !value.is_empty())
    }

    /// The user's mailbox as FreePBX keeps it (`AMPUSER/<ext>/voicemail`), read as the dialplan reads it.
    pub fn mailbox(&self, entries: &Entries) -> UserMailbox {
        match entries.get(&self.user("voicemail").path()) {
            Some(context) if context == "novm" => UserMailbox::NoMailbox,
            Some(context)
                if !context.is_empty()
                    && context
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') =>
            {
                UserMailbox::Context(context.clone())
            }
            _ => UserMailbox::Default,
        }
    }

    /// The settings the shipped dialplan acts on, given the live entries.
    pub fn settings_from(&self, entries: &Entries) -> Settings {
        let get = |key: DbKey| entries.get(&key.path()).map(String::as_str).filter(|v| !v.is_empty());
        let routing = if let Some(number) = get(self.forward()) {
            Routing::Forward {
                number: exact_number(number),
            }
        } else if let Some(number) = get(self.user("followme/ddial"))
            .filter(|ddial| *ddial == "DIRECT")
            .and(get(self.user("followme/grplist")))
            .and_then(|list| first_external(list, entries))
        {
            Routing::Twinning {
                number: exact_number(number),
            }
        } else if let Some(number) = get(self.own("telecommuter")) {
            Routing::Telecommuter {
                number: exact_number(number),
            }
        } else {
            Routing::DeskPhone
        };
        let greeting = get(self.own("greeting"))
            .filter(|text| text.len() == 1)
            .and_then(|text| text.parse::<u8>().ok())
            .and_then(|slot| GreetingSlot::new(slot).ok())
            .map_or(Greeting::Default, Greeting::Recorded);
        Settings {
            call_pickup: get(self.own("pickup")) != Some("off"),
            routing,
            voicemail: Voicemail {
                enabled: get(self.own("voicemail")) != Some("off"),
                ringback: get(self.own("ringback")) == Some("on"),
                notification: get(self.own("notification")) == Some("on"),
                playback: if get(self.own("playback")) == Some("computer") {
                    Playback::Computer
                } else {
                    Playback::Phone
                },
                greeting,
            },
        }
    }

    /// How long calls ring, read as the shipped dialplan reads it: `ringtimer` (1–999 s) for one phone,
    /// else the PBX's default; Follow Me's `grptime` while twinning, else the one-phone time. An absent
    /// `grptime` counts as [`DEFAULT_GROUP_SECONDS`], which switching to twinning writes.
    pub fn ring_times_from(&self, entries: &Entries) -> RingTimes {
        let seconds = |text: &str| {
            text.parse::<u16>()
                .ok()
                .filter(|n| (1..=999).contains(n))
                .filter(|_| text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0'))
                .map(RingTime::Seconds)
        };
        let get = |key: DbKey| entries.get(&key.path()).map(String::as_str).filter(|v| !v.is_empty());
        let single = get(self.user("ringtimer"))
            .and_then(seconds)
            .unwrap_or(RingTime::SystemDefault);
        let together = match get(self.user("followme/grptime")) {
            None => seconds(DEFAULT_GROUP_SECONDS).unwrap_or(single),
            Some(text) => seconds(text).unwrap_or(single),
        };
        RingTimes { single, together }
    }

    /// The changes that make `entries` hold `wanted`: only keys whose value differs are written,
    /// then the device states (phone lamps) of forward and Follow Me are set.
    pub fn changes(&self, entries: &Entries, wanted: &ApplicableSettings) -> Vec<Change> {
        let ext = self.extension.as_str();
        let (forward, twin, telecommuter) = match &wanted.routing {
            CompleteRouting::DeskPhone => (None, None, None),
            CompleteRouting::Forward(n) => (Some(n), None, None),
            CompleteRouting::Twinning(n) => (None, Some(n), None),
            CompleteRouting::Telecommuter(n) => (None, None, Some(n)),
        };
        let on_off = |on: bool| Wanted::Value(if on { "on" } else { "off" }.to_owned());
        let number_or_absent = |n: Option<&PhoneNumber>| n.map_or(Wanted::Absent, |n| Wanted::Value(n.to_string()));
        let voicemail = &wanted.voicemail;
        let plan = [
            (self.forward(), number_or_absent(forward)),
            (
                self.user("followme/ddial"),
                Wanted::Value(if twin.is_some() { "DIRECT" } else { "EXTENSION" }.to_owned()),
            ),
            (
                self.user("followme/grplist"),
                twin.map_or(Wanted::Untouched, |n| {
                    let current = entries.get(&self.user("followme/grplist").path());
                    Wanted::Value(twin_list(current.map(String::as_str), ext, n.as_str(), entries))
                }),
            ),
            (
                self.user("followme/grptime"),
                twin.map_or(Wanted::Untouched, |_| Wanted::Default(DEFAULT_GROUP_SECONDS)),
            ),
            (
                self.user("followme/prering"),
                twin.map_or(Wanted::Untouched, |_| Wanted::Default("0")),
            ),
            (self.own("telecommuter"), number_or_absent(telecommuter)),
            (self.own("pickup"), on_off(wanted.call_pickup)),
            (self.own("voicemail"), on_off(voicemail.enabled)),
            (self.own("ringback"), on_off(voicemail.ringback)),
            (self.own("notification"), on_off(voicemail.notification)),
            (self.own("playback"), Wanted::Value(voicemail.playback.key().to_owned())),
            (self.own("greeting"), Wanted::Value(voicemail.greeting.to_string())),
        ];
        let mut changes: Vec<Change> = plan
            .into_iter()
            .filter_map(|(key, wanted)| {
                let current = entries.get(&key.path());
                match wanted {
                    Wanted::Value(value) if current != Some(&value) => Some(Change::Put(key, value)),
                    Wanted::Absent if current.is_some() => Some(Change::Delete(key)),
                    Wanted::Default(value) if current.is_none_or(String::is_empty) => {
                        Some(Change::Put(key, value.to_owned()))
                    }
                    _ => None,
                }
            })
            .collect();
        changes.push(Change::DeviceState(
            format!("Custom:CF{ext}"),
            if forward.is_some() { "BUSY" } else { "NOT_INUSE" },
        ));
        for device in self.devices(entries) {
            // callforward functions.inc.php: the phones' BLF keys (*72<device>) watch DEVCF<device>.
            changes.push(Change::DeviceState(
                format!("Custom:DEVCF{device}"),
                if forward.is_some() { "BUSY" } else { "NOT_INUSE" },
            ));
            changes.push(Change::DeviceState(
                format!("Custom:FOLLOWME{device}"),
                if twin.is_some() { "INUSE" } else { "NOT_INUSE" },
            ));
        }
        changes
    }

    /// The `AMPUSER/<n>` trees of the Follow Me members written `n#`: FreePBX writes `#` after outside
    /// numbers, but `n#` may also be extension n (then it rings n with n's own settings). Read with
    /// the extension's trees, they tell the one from the other (an extension has `AMPUSER/<n>/device`).
    pub fn member_trees(&self, entries: &Entries) -> Vec<DbKey> {
        entries
            .get(&self.user("followme/grplist").path())
            .map(|list| {
                list.split('-')
                    .filter_map(|item| item.strip_suffix('#'))
                    .filter(|n| (1..=20).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
                    .filter(|n| *n != self.extension.as_str())
                    .map(|n| DbKey {
                        family: USER_FAMILY,
                        key: n.to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The extension's devices (`AMPUSER/<ext>/device`, `&`-separated, FreePBX); the extension itself
    /// when none is listed. Device names that are not plain identifiers are skipped.
    pub fn devices(&self, entries: &Entries) -> Vec<String> {
        let listed: Vec<String> = entries
            .get(&self.user("device").path())
            .map(|list| {
                list.split('&')
                    .filter(|device| {
                        (1..=40).contains(&device.len())
                            && device.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
                    })
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        if listed.is_empty() {
            vec![self.extension.as_str().to_owned()]
        } else {
            listed
        }
    }
}

/// The Follow Me list that rings the desk phone `ext` and `number` at once, keeping whatever else an
/// administrator put in it (FreePBX rings every member): the first external number (`…#`) becomes
/// `number` (or `number` is added), and `ext` is put first when it is missing.
fn twin_list(current: Option<&str>, ext: &str, number: &str, entries: &Entries) -> String {
    let mut items: Vec<String> = current
        .unwrap_or_default()
        .split('-')
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect();
    let twin = format!("{number}#");
    match items
        .iter_mut()
        .find(|item| item.strip_suffix('#').is_some_and(|n| !is_extension(n, entries)))
    {
        Some(first_external) => *first_external = twin,
        None => items.push(twin),
    }
    if !items.iter().any(|item| item == ext) {
        items.insert(0, ext.to_owned());
    }
    items.join("-")
}

/// The first item of a Follow Me list that is an external number (ends in `#` and is not an
/// extension, see [`Layout::member_trees`]), without the `#`.
fn first_external<'a>(grplist: &'a str, entries: &Entries) -> Option<&'a str> {
    grplist
        .split('-')
        .filter_map(|item| item.strip_suffix('#'))
        .find(|n| !is_extension(n, entries))
}

/// Whether `n` is an extension of the PBX (FreePBX's test: it has `AMPUSER/<n>/device`).
fn is_extension(n: &str, entries: &Entries) -> bool {
    entries.contains_key(&format!("/{USER_FAMILY}/{n}/device"))
}

/// A number exactly as the dialplan accepts it (an optional `+` and 2–20 digits, nothing else).
fn exact_number(text: &str) -> Option<PhoneNumber> {
    PhoneNumber::parse(text).ok().filter(|number| number.as_str() == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn layout() -> Result<Layout, PhoneError> {
        Ok(Layout::new(Extension::parse("201")?))
    }

    fn entries(pairs: &[(&str, &str)]) -> Entries {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn empty_astdb_reads_as_office() -> TestResult {
        assert_eq!(layout()?.settings_from(&Entries::new()), Settings::office_default());
        Ok(())
    }

    #[test]
    fn every_routing_round_trips_and_uses_freepbx_keys() -> TestResult {
        let layout = layout()?;
        for routing in [
            "desk_phone",
            "forward:+48221234567",
            "twinning:600100200",
            "telecommuter:0222",
        ] {
            let mut settings = Settings::office_default();
            settings.routing = Routing::parse(routing)?;
            settings.call_pickup = false;
            settings.voicemail.greeting = Greeting::parse("7")?;
            settings.voicemail.playback = Playback::Computer;
            let wanted = ApplicableSettings::check("t", &settings)?;
            let start = entries(&[("/CF/201", "999"), ("/AMPUSER/201/followme/grptime", "35")]);
            let changes = layout.changes(&start, &wanted);
            let after = applied(start, &changes);
            assert_eq!(layout.settings_from(&after), settings, "{routing}");
            assert!(
                layout
                    .changes(&after, &wanted)
                    .iter()
                    .all(|c| matches!(c, Change::DeviceState(..)))
            );
            assert_eq!(
                after.get("/AMPUSER/201/followme/grptime").map(String::as_str),
                Some("35")
            );
        }
        let twin = ApplicableSettings::check(
            "t",
            &Settings {
                routing: Routing::parse("twinning:600100200")?,
                ..Settings::office_default()
            },
        )?;
        let after = applied(Entries::new(), &layout.changes(&Entries::new(), &twin));
        assert_eq!(
            after.get("/AMPUSER/201/followme/ddial").map(String::as_str),
            Some("DIRECT")
        );
        assert_eq!(
            after.get("/AMPUSER/201/followme/grplist").map(String::as_str),
            Some("201-600100200#")
        );
        assert_eq!(
            after.get("/AMPUSER/201/followme/prering").map(String::as_str),
            Some("0")
        );
        assert!(!after.contains_key("/CF/201"));
        Ok(())
    }

    #[test]
    fn ring_times_read_like_the_dialplan() -> TestResult {
        let layout = layout()?;
        let times = |pairs: &[(&str, &str)]| layout.ring_times_from(&entries(pairs));
        assert_eq!(
            times(&[]),
            RingTimes {
                single: RingTime::SystemDefault,
                together: RingTime::Seconds(20)
            }
        );
        let set = times(&[
            ("/AMPUSER/201/ringtimer", "25"),
            ("/AMPUSER/201/followme/grptime", "35"),
        ]);
        assert_eq!(set.single, RingTime::Seconds(25));
        assert_eq!(set.together, RingTime::Seconds(35));
        // Values the dialplan ignores fall back as it does: grptime to the ring time, ringtimer to the default.
        let odd = times(&[
            ("/AMPUSER/201/ringtimer", "015"),
            ("/AMPUSER/201/followme/grptime", "+5"),
        ]);
        assert_eq!(odd.single, RingTime::SystemDefault);
        assert_eq!(odd.together, RingTime::SystemDefault);
        assert_eq!(
            times(&[("/AMPUSER/201/ringtimer", "1000")]).single,
            RingTime::SystemDefault
        );
        Ok(())
    }

    #[test]
    fn reads_like_the_dialplan() -> TestResult {
        let layout = layout()?;
        let read = |pairs: &[(&str, &str)]| layout.settings_from(&entries(pairs));
        // Forward wins over Follow Me, Follow Me over telecommuter.
        let all = [
            ("/CF/201", "123"),
            ("/AMPUSER/201/followme/ddial", "DIRECT"),
            ("/AMPUSER/201/followme/grplist", "201-456#"),
            ("/CALLPROFILES/201/telecommuter", "789"),
        ];
        assert_eq!(read(&all).routing.to_string(), "forward:123");
        assert_eq!(read(&all[1..]).routing.to_string(), "twinning:456");
        assert_eq!(read(&all[2..]).routing.to_string(), "telecommuter:789");
        // Follow Me without an external number does not twin.
        let internal = [
            ("/AMPUSER/201/followme/ddial", "DIRECT"),
            ("/AMPUSER/201/followme/grplist", "201-202"),
        ];
        assert_eq!(read(&internal).routing, Routing::DeskPhone);
        // A number the dialplan would not dial shows as the mode without a number.
        assert_eq!(read(&[("/CF/201", "12 34")]).routing, Routing::Forward { number: None });
        // Only exact words switch; empty values count as absent.
        let odd = read(&[
            ("/CALLPROFILES/201/pickup", "OFF"),
            ("/CALLPROFILES/201/voicemail", "off"),
            ("/CALLPROFILES/201/ringback", "yes"),
            ("/CALLPROFILES/201/greeting", "10"),
            ("/CF/201", ""),
        ]);
        assert!(odd.call_pickup && !odd.voicemail.enabled && !odd.voicemail.ringback);
        assert_eq!(odd.voicemail.greeting, Greeting::Default);
        assert_eq!(odd.routing, Routing::DeskPhone);
        Ok(())
    }

    #[test]
    fn device_states_follow_forward_and_twinning() -> TestResult {
        let layout = layout()?;
        let forward = ApplicableSettings::check(
            "t",
            &Settings {
                routing: Routing::parse("forward:600")?,
                ..Settings::office_default()
            },
        )?;
        let start = entries(&[("/AMPUSER/201/device", "201&201b&bad/device")]);
        let states: Vec<Change> = layout
            .changes(&start, &forward)
            .into_iter()
            .filter(|c| matches!(c, Change::DeviceState(..)))
            .collect();
        assert_eq!(
            states,
            [
                Change::DeviceState("Custom:CF201".to_owned(), "BUSY"),
                Change::DeviceState("Custom:DEVCF201".to_owned(), "BUSY"),
                Change::DeviceState("Custom:FOLLOWME201".to_owned(), "NOT_INUSE"),
                Change::DeviceState("Custom:DEVCF201b".to_owned(), "BUSY"),
                Change::DeviceState("Custom:FOLLOWME201b".to_owned(), "NOT_INUSE"),
            ]
        );
        Ok(())
    }
    #[test]
    fn dnd_and_the_voicemail_context_are_observed_as_freepbx_keeps_them() -> TestResult {
        let layout = layout()?;
        assert!(!layout.do_not_disturb(&Entries::new()));
        assert!(layout.do_not_disturb(&entries(&[("/DND/201", "YES")])));
        assert!(!layout.do_not_disturb(&entries(&[("/DND/2010", "YES")])));
        assert_eq!(layout.mailbox(&Entries::new()), UserMailbox::Default);
        let novm = entries(&[("/AMPUSER/201/voicemail", "novm")]);
        assert_eq!(layout.mailbox(&novm), UserMailbox::NoMailbox);
        let sales = entries(&[("/AMPUSER/201/voicemail", "sales")]);
        assert_eq!(layout.mailbox(&sales), UserMailbox::Context("sales".to_owned()));
        let odd = entries(&[("/AMPUSER/201/voicemail", "a/b")]);
        assert_eq!(layout.mailbox(&odd), UserMailbox::Default);
        // Settings are the same with or without DND: it is an observation, not a setting.
        assert_eq!(
            layout.settings_from(&entries(&[("/DND/201", "YES")])),
            Settings::office_default()
        );
        Ok(())
    }

    #[test]
    fn an_extension_written_with_hash_in_follow_me_is_not_the_twin_number() -> TestResult {
        let layout = layout()?;
        let mut live = entries(&[
            ("/AMPUSER/201/followme/ddial", "DIRECT"),
            ("/AMPUSER/201/followme/grplist", "201-105#-600100200#"),
        ]);
        assert_eq!(
            layout.member_trees(&live),
            [
                DbKey {
                    family: USER_FAMILY,
                    key: "105".to_owned()
                },
                DbKey {
                    family: USER_FAMILY,
                    key: "600100200".to_owned()
                }
            ]
        );
        // Without knowing 105, it reads as the twin number; once AMPUSER/105/device is read, not.
        assert_eq!(layout.settings_from(&live).routing.to_string(), "twinning:105");
        live.insert("/AMPUSER/105/device".to_owned(), "105".to_owned());
        assert_eq!(layout.settings_from(&live).routing.to_string(), "twinning:600100200");
        // A new twin number replaces the outside number and keeps extension 105.
        let wanted = ApplicableSettings::check(
            "t",
            &Settings {
                routing: Routing::parse("twinning:700")?,
                ..Settings::office_default()
            },
        )?;
        let after = applied(live.clone(), &layout.changes(&live, &wanted));
        assert_eq!(
            after.get("/AMPUSER/201/followme/grplist").map(String::as_str),
            Some("201-105#-700#")
        );
        Ok(())
    }

    #[test]
    fn twinning_keeps_the_other_members_of_an_administrators_follow_me_list() -> TestResult {
        let layout = layout()?;
        let list_after = |grplist: &str, number: &str| -> Result<Option<String>, Box<dyn std::error::Error>> {
            let settings = Settings {
                routing: Routing::parse(&format!("twinning:{number}"))?,
                ..Settings::office_default()
            };
            let wanted = ApplicableSettings::check("t", &settings)?;
            let start = entries(&[
                ("/AMPUSER/201/followme/ddial", "EXTENSION"),
                ("/AMPUSER/201/followme/grplist", grplist),
            ]);
            let after = applied(start.clone(), &layout.changes(&start, &wanted));
            Ok(after.get("/AMPUSER/201/followme/grplist").cloned())
        };
        // Same first number: the list is left exactly as it is (the second number still rings).
        assert_eq!(
            list_after("201-555111#-555222#", "555111")?.as_deref(),
            Some("201-555111#-555222#")
        );
        // Another number replaces only the first external one; colleagues' extensions stay.
        assert_eq!(
            list_after("201-202-555111#-555222#", "600")?.as_deref(),
            Some("201-202-600#-555222#")
        );
        // No external number yet: it is added; the desk phone is put first when missing.
        assert_eq!(list_after("202", "600")?.as_deref(), Some("201-202-600#"));
        assert_eq!(list_after("", "600")?.as_deref(), Some("201-600#"));
        Ok(())
    }
}
