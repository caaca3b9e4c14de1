//! Property test: random sequences of user operations and outside changes to the phone system never
//! break the product's invariants, and a failed operation changes no file.

use std::path::Path;

use callprofiles_core::phone_system::demo::DEMO_FILE;
use callprofiles_core::profile::DETECTED_NAMES;
use callprofiles_core::store::PROFILES_FILE;
use callprofiles_core::{
    Activity, BuiltIn, Callprofiles, Greeting, Playback, ProfileKind, ProfileName, Routing, Settings, Store, Voicemail,
};
use proptest::prelude::*;
use serde_json::json;

/// One step of a random session.
#[derive(Clone, Debug)]
enum Op {
    Create {
        name: String,
        from: Option<String>,
    },
    Rename {
        target: String,
        name: String,
    },
    Delete {
        target: String,
    },
    Set {
        target: String,
        pairs: Vec<String>,
    },
    Activate {
        target: String,
    },
    SaveDetected {
        name: String,
    },
    /// `pbx set`: someone changes the phone system behind the profiles' back.
    PbxSet {
        pairs: Vec<String>,
    },
    /// Another program rewrites the phone system's state (even with a mode lacking its number).
    OutsideWrite {
        settings: Settings,
    },
    /// Import a generated file, valid or not.
    Import {
        entries: Vec<serde_json::Value>,
    },
    /// Export, then import that export back.
    ExportImport,
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["Car", "Van", "Bus", "Tram", "Bike", "Boat"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "car", " Van ", "Office", "biurowy", "Detected", "wykryte", "custom-1", "custom-3", "", "a\nb",
            "ąęłńóśźż and more than thirty-two chars", "Komórkowy", "Home",
        ])
        .prop_map(str::to_owned),
    ]
}

fn target() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => name(),
        2 => prop::sample::select(vec![
            "office", "Mobile", "HOME", "domowy", "custom-1", "custom-2", "custom-3", "custom-5", "nope",
        ])
        .prop_map(str::to_owned),
    ]
}

fn number() -> impl Strategy<Value = Option<String>> {
    prop::sample::select(vec![None, Some("123"), Some("+48 (22) 123-45-67"), Some("600100200")])
        .prop_map(|n| n.map(str::to_owned))
}

fn settings() -> impl Strategy<Value = Settings> {
    let routing = (0..4u8, number()).prop_map(|(mode, number)| {
        let number = number.and_then(|n| callprofiles_core::PhoneNumber::parse(&n).ok());
        match mode {
            0 => Routing::DeskPhone,
            1 => Routing::Forward { number },
            2 => Routing::Twinning { number },
            _ => Routing::Telecommuter { number },
        }
    });
    let greeting = prop::sample::select(vec!["default", "1", "2"]).prop_map(|g| Greeting::parse(g).ok());
    (
        any::<bool>(),
        routing,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        greeting,
    )
        .prop_map(
            |(call_pickup, routing, enabled, ringback, notification, computer, greeting)| Settings {
                call_pickup,
                routing,
                voicemail: Voicemail {
                    enabled,
                    ringback,
                    notification,
                    playback: if computer { Playback::Computer } else { Playback::Phone },
                    greeting: greeting.unwrap_or(Greeting::Default),
                },
            },
        )
}

fn pair() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "call_pickup=on",
        "call_pickup=off",
        "routing=desk_phone",
        "routing=forward:+48 22 123",
        "routing=twinning:600100200",
        "routing=telecommuter:123",
        "routing=forward",
        "voicemail=off",
        "voicemail=on",
        "voicemail.ringback=on",
        "voicemail.notification=on",
        "voicemail.playback=computer",
        "voicemail.greeting=2",
        "voicemail.greeting=12",
        "routing=forward:12a",
        "colour=red",
    ])
    .prop_map(str::to_owned)
}

fn entry() -> impl Strategy<Value = serde_json::Value> {
    let builtin = (
        prop::sample::select(vec!["office", "mobile", "home", "desk"]),
        settings(),
    )
        .prop_map(|(id, s)| {
            let name = BuiltIn::ALL
                .into_iter()
                .find(|b| b.id_str() == id)
                .map_or("Desk", BuiltIn::english_name);
            json!({"id": id, "name": name, "kind": "builtin", "settings": s})
        });
    let custom = (
        prop::sample::select(vec!["custom-1", "custom-2", "custom-7", "custom-9", "office"]),
        name(),
        settings(),
    )
        .prop_map(|(id, name, s)| json!({"id": id, "name": name, "kind": "custom", "settings": s}));
    prop_oneof![1 => builtin, 2 => custom]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (name(), prop::option::of(target())).prop_map(|(name, from)| Op::Create { name, from }),
        1 => (target(), name()).prop_map(|(target, name)| Op::Rename { target, name }),
        2 => target().prop_map(|target| Op::Delete { target }),
        2 => (target(), prop::collection::vec(pair(), 1..4)).prop_map(|(target, pairs)| Op::Set { target, pairs }),
        3 => target().prop_map(|target| Op::Activate { target }),
        2 => name().prop_map(|name| Op::SaveDetected { name }),
        2 => prop::collection::vec(pair(), 1..3).prop_map(|pairs| Op::PbxSet { pairs }),
        1 => settings().prop_map(|settings| Op::OutsideWrite { settings }),
        1 => prop::collection::vec(entry(), 0..7).prop_map(|entries| Op::Import { entries }),
        1 => Just(Op::ExportImport),
    ]
}

/// The bytes of a file, or `None` if it does not exist.
fn bytes(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// Runs one step; `Ok(true)` if it succeeded, `Ok(false)` if the app refused it.
fn run(app: &mut Callprofiles, home: &Path, op: &Op) -> Result<bool, TestCaseError> {
    let before = app.store().load()?;
    let succeeded = match op {
        Op::Create { name, from } => app.create(name, from.as_deref()).is_ok(),
        Op::Rename { target, name } => app.rename(target, name).is_ok(),
        Op::Delete { target } => match app.delete(target) {
            Ok(deleted) => {
                let after = app.store().load()?;
                prop_assert_eq!(after.book.custom_count() + 1, before.book.custom_count());
                prop_assert!(after.last_applied.as_ref() != Some(&deleted.id));
                true
            }
            Err(_) => false,
        },
        Op::Set { target, pairs } => app.set(target, pairs).is_ok(),
        Op::Activate { target } => match app.activate(target) {
            Ok(profile) => {
                let status = app.status()?;
                prop_assert_eq!(status.activity, Activity::Active(profile.id));
                true
            }
            Err(_) => false,
        },
        Op::SaveDetected { name } => match app.save_detected(name) {
            Ok(saved) => {
                let status = app.status()?;
                prop_assert_eq!(status.activity, Activity::Active(saved.profile.id));
                true
            }
            Err(_) => false,
        },
        Op::PbxSet { pairs } => app.pbx_set(pairs).is_ok(),
        Op::OutsideWrite { settings } => {
            let file = json!({"schema_version": 1, "settings": settings});
            std::fs::write(home.join(DEMO_FILE), serde_json::to_vec(&file)?)?;
            true
        }
        Op::Import { entries } => {
            let path = home.join("generated-import.json");
            let file = json!({"format": "callprofiles-profiles", "version": 1, "profiles": entries});
            std::fs::write(&path, serde_json::to_vec(&file)?)?;
            match app.import(&path) {
                Ok(report) => {
                    let customs = entries.iter().filter(|e| e["kind"] == "custom").count();
                    prop_assert_eq!(report.custom_imported, customs);
                    prop_assert_eq!(app.store().load()?.book.custom_count(), customs);
                    true
                }
                Err(_) => false,
            }
        }
        Op::ExportImport => {
            let path = home.join("export.json");
            app.export(&path)?;
            app.import(&path)?;
            prop_assert_eq!(app.store().load()?.book.profiles(), before.book.profiles());
            true
        }
    };
    Ok(succeeded)
}

/// Every invariant of the product, checked on the files as they are now.
fn check_invariants(app: &mut Callprofiles, home: &Path) -> Result<(), TestCaseError> {
    let state = app.store().load()?;
    let profiles = state.book.profiles();
    let ids: Vec<&str> = profiles.iter().take(3).map(|p| p.id.as_str()).collect();
    prop_assert_eq!(ids, ["office", "mobile", "home"]);
    prop_assert!(profiles.iter().take(3).all(|p| p.is_builtin()));
    let customs: Vec<_> = profiles.iter().skip(3).collect();
    prop_assert!(customs.len() <= 4);
    prop_assert!(customs.iter().all(|p| p.kind == ProfileKind::Custom));
    let mut folded: Vec<String> = profiles.iter().map(|p| p.name.to_lowercase()).collect();
    let count = folded.len();
    folded.sort();
    folded.dedup();
    prop_assert_eq!(folded.len(), count, "names must be unique: {:?}", profiles);
    for (a, b) in profiles.iter().flat_map(|a| profiles.iter().map(move |b| (a, b))) {
        let clash = a.id != b.id && a.name.to_lowercase() == b.id.as_str().to_lowercase();
        prop_assert!(!clash, "a name equals another profile's id: {:?}", profiles);
    }
    for custom in &customs {
        let parsed = ProfileName::parse(&custom.name)?;
        prop_assert_eq!(parsed.as_str(), custom.name.as_str());
        let reserved = BuiltIn::ALL
            .iter()
            .flat_map(|b| [b.english_name(), b.polish_name()])
            .chain(DETECTED_NAMES);
        prop_assert!(
            reserved
                .into_iter()
                .all(|r| r.to_lowercase() != custom.name.to_lowercase())
        );
    }

    // The store round-trips exactly: saving what was loaded writes the same bytes.
    let copy = tempfile::tempdir()?;
    let copy_store = Store::new(copy.path());
    copy_store.save(&state)?;
    prop_assert_eq!(copy_store.load()?, state.clone());
    if let Some(original) = bytes(&home.join(PROFILES_FILE)) {
        prop_assert_eq!(bytes(&copy.path().join(PROFILES_FILE)), Some(original));
    }

    // Detected iff no saved profile equals the live settings; an active profile equals them.
    let status = app.status()?;
    let any_equal = profiles.iter().any(|p| p.settings == status.live);
    prop_assert_eq!(status.activity.is_detected(), !any_equal);
    if let Some(active) = status.active_profile() {
        prop_assert_eq!(&active.settings, &status.live);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_sessions_keep_every_invariant(ops in prop::collection::vec(op(), 1..24)) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let home = dir.path();
        let mut app = Callprofiles::open(home).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for op in &ops {
            let files_before = (bytes(&home.join(PROFILES_FILE)), bytes(&home.join(DEMO_FILE)));
            let succeeded = run(&mut app, home, op).map_err(|e| TestCaseError::fail(format!("{op:?}: {e}")))?;
            if !succeeded {
                let files_after = (bytes(&home.join(PROFILES_FILE)), bytes(&home.join(DEMO_FILE)));
                prop_assert!(files_before == files_after, "a refused {:?} changed a file", op);
            }
            check_invariants(&mut app, home).map_err(|e| TestCaseError::fail(format!("after {op:?}: {e}")))?;
        }
    }
}
