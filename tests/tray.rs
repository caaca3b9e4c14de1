//! The tray icon over a real, private D-Bus session bus (cargo feature `tray`): without a tray host it says why
//! once; with a stand-in host (a StatusNotifierWatcher) it registers, its menu read through
//! com.canonical.dbusmenu lists the profiles as radio items with the active one checked, and a click on an
//! item reaches the app.
#![cfg(feature = "tray")]

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use callprofiles::automation::until::TrayHold;
use callprofiles::gui::tray::{Tray, TrayMenu, TrayRequest};
use callprofiles::text::i18n::{I18n, Language};
use callprofiles_core::{BuiltIn, Callprofiles, ProfileId};
use zbus::zvariant::{OwnedValue, Value};

// The private bus the desktop tests start, shared so that one `dbus-daemon` recipe serves both.
#[path = "desktop/private_bus.rs"]
mod private_bus;
use private_bus::PrivateBus;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// One dbusmenu item: id, properties, children.
type MenuNode = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);

/// A top-level menu entry as a host shows it: its label ("(…)" when disabled, "---" for a separator), its
/// toggle state (1 checked, 0 not, -1 no toggle) and its id.
type Entry = (String, i32, i32);

/// A stand-in tray host: what a desktop's StatusNotifierWatcher does, recording who registered.
struct Watcher {
    items: Arc<Mutex<Vec<String>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    async fn register_status_notifier_item(&self, service: String) {
        if let Ok(mut items) = self.items.lock() {
            items.push(service);
        }
    }

    async fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    async fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    async fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(property)]
    async fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.lock().map(|items| items.clone()).unwrap_or_default()
    }
}

/// Whether `done` holds within 5 s.
fn wait_for(done: impl FnMut() -> bool) -> bool {
    private_bus::wait_for(Duration::from_secs(5), done)
}

/// The tray's menu as a host reads it.
fn menu_of(host: &zbus::Connection, item: &str) -> Result<Vec<Entry>, Box<dyn std::error::Error>> {
    let reply = async_io::block_on(host.call_method(
        Some(item),
        "/MenuBar",
        Some("com.canonical.dbusmenu"),
        "GetLayout",
        &(0i32, -1i32, Vec::<String>::new()),
    ))?;
    let (_revision, (_, _, children)): (u32, MenuNode) = reply.body().deserialize()?;
    let mut entries = Vec::new();
    for child in children {
        let (id, properties, _) = MenuNode::try_from(child)?;
        let text = |name: &str| properties.get(name).and_then(|v| String::try_from(v.clone()).ok());
        let number = |name: &str| properties.get(name).and_then(|v| i32::try_from(v.clone()).ok());
        let label = match text("type").as_deref() {
            Some("separator") => "---".to_owned(),
            _ => text("label").unwrap_or_default(),
        };
        let enabled = properties.get("enabled").and_then(|v| bool::try_from(v.clone()).ok());
        let label = if enabled == Some(false) {
            format!("({label})")
        } else {
            label
        };
        entries.push((label, number("toggle-state").unwrap_or(-1), id));
    }
    Ok(entries)
}

/// The id of the item a host reaches through the labels in `path` (submenu, then item), if any.
fn item_at(host: &zbus::Connection, item: &str, path: &[&str]) -> Result<Option<i32>, Box<dyn std::error::Error>> {
    let reply = async_io::block_on(host.call_method(
        Some(item),
        "/MenuBar",
        Some("com.canonical.dbusmenu"),
        "GetLayout",
        &(0i32, -1i32, Vec::<String>::new()),
    ))?;
    let (_revision, (_, _, mut children)): (u32, MenuNode) = reply.body().deserialize()?;
    let mut found = None;
    for wanted in path {
        let mut next = None;
        for child in children {
            let (id, properties, grandchildren) = MenuNode::try_from(child)?;
            let label = properties.get("label").and_then(|v| String::try_from(v.clone()).ok());
            if label.as_deref() == Some(*wanted) {
                next = Some((id, grandchildren));
                break;
            }
        }
        let Some((id, grandchildren)) = next else {
            return Ok(None);
        };
        found = Some(id);
        children = grandchildren;
    }
    Ok(found)
}

/// Clicks the menu item `id` as a host does.
fn click(host: &zbus::Connection, item: &str, id: i32) -> zbus::Result<zbus::Message> {
    async_io::block_on(host.call_method(
        Some(item),
        "/MenuBar",
        Some("com.canonical.dbusmenu"),
        "Event",
        &(id, "clicked", Value::from(0i32), 0u32),
    ))
}

/// Polls the tray (as the window does each frame) until `done` holds.
fn poll_until(tray: &mut Tray, i18n: &I18n, done: impl Fn(&Tray, &[TrayRequest]) -> bool) -> Vec<TrayRequest> {
    let mut requests = Vec::new();
    wait_for(|| {
        requests.extend(tray.poll(i18n));
        done(tray, &requests)
    });
    requests
}

/// The tray menu of a main window over `home`.
fn menu_for(home: &Path, i18n: &I18n) -> TrayMenu {
    let mut app = callprofiles::gui::inline_main_app(home, i18n.language());
    app.model.poll();
    TrayMenu::new(&app.model, i18n)
}

#[test]
fn the_tray_over_a_real_session_bus() -> TestResult {
    let bus = match PrivateBus::start() {
        Ok(bus) => bus,
        Err(reason) if std::env::var("CI").as_deref() == Ok("true") => return Err(reason.into()),
        Err(reason) => {
            eprintln!("skipped: {reason}");
            return Ok(());
        }
    };
    // SAFETY: the only test in this binary sets it before any thread that reads the environment exists.
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &bus.address) };
    let home = tempfile::tempdir()?;
    let mut service = Callprofiles::open(home.path())?;
    service.set("Mobile", &["routing=twinning:600100200"])?;
    service.create("Car_1", None)?;
    let i18n = I18n::new(Language::English);
    let ctx = egui::Context::default();

    // A session bus but no tray host: said once, and the app goes on.
    let mut lonely = Tray::start(menu_for(home.path(), &i18n), &ctx);
    poll_until(&mut lonely, &i18n, |tray, _| !tray.starting());
    assert!(!lonely.running());
    let problem = lonely.problem().unwrap_or_default().to_owned();
    assert!(problem.starts_with("No system tray is available"), "{problem}");
    assert!(problem.contains("StatusNotifierWatcher"), "{problem}");

    // A tray host appears: the icon registers with it.
    let items = Arc::new(Mutex::new(Vec::new()));
    let watcher = Watcher {
        items: Arc::clone(&items),
    };
    let host = async_io::block_on(
        zbus::connection::Builder::address(bus.address.as_str())?
            .name("org.kde.StatusNotifierWatcher")?
            .serve_at("/StatusNotifierWatcher", watcher)?
            .build(),
    )?;
    let mut tray = Tray::start(menu_for(home.path(), &i18n), &ctx);
    poll_until(&mut tray, &i18n, |tray, _| tray.running());
    assert!(tray.running());
    assert_eq!(tray.problem(), None);
    let registered: Vec<String> = items.lock().map(|items| items.clone()).unwrap_or_default();
    let [item] = registered.as_slice() else {
        return Err(format!("registered: {registered:?}").into());
    };
    assert!(item.starts_with("org.kde.StatusNotifierItem-"), "{item}");

    // Its menu: the profiles as radio items, Office checked; then the two windows.
    let menu = menu_of(&host, item)?;
    let shown: Vec<(&str, i32)> = menu.iter().map(|(label, state, _)| (label.as_str(), *state)).collect();
    assert_eq!(
        shown,
        [
            ("Office", 1),
            ("Mobile", 0),
            ("Home", 0),
            ("Car__1", 0),
            ("Until…", -1),
            ("---", -1),
            ("Open main window", -1),
            ("Quick switch", -1),
            ("Quit", -1)
        ]
    );

    // Clicking Mobile reaches the app as a request to activate it.
    let id_of = |label: &str| menu.iter().find(|(l, _, _)| l == label).map(|(_, _, id)| *id);
    click(&host, item, id_of("Mobile").ok_or("no Mobile")?)?;
    click(&host, item, id_of("Quick switch").ok_or("no Quick switch")?)?;
    let requests = poll_until(&mut tray, &i18n, |_, requests| requests.len() >= 2);
    assert_eq!(
        requests,
        [TrayRequest::Activate(BuiltIn::Mobile.id()), TrayRequest::QuickSwitch]
    );

    // "Until…" → Car_1 → "For 2 hours" asks for Car_1 for two hours.
    let two_hours = item_at(&host, item, &["Until…", "Car__1", "For 2 hours"])?.ok_or("no Until… → Car_1 → 2 h")?;
    click(&host, item, two_hours)?;
    let requests = poll_until(&mut tray, &i18n, |_, requests| !requests.is_empty());
    assert_eq!(
        requests,
        [TrayRequest::ActivateFor(ProfileId::custom(1), TrayHold::Hours(2))]
    );

    // Once Mobile is active (and then settings change elsewhere), the menu follows.
    Callprofiles::open(home.path())?.activate("Mobile")?;
    tray.show(menu_for(home.path(), &i18n));
    assert!(wait_for(
        || menu_of(&host, item).is_ok_and(|m| m.get(1).is_some_and(|(_, state, _)| *state == 1))
    ));
    Callprofiles::open(home.path())?.pbx_set(&["voicemail=off"])?;
    tray.show(menu_for(home.path(), &i18n));
    let detected = |menu: &[Entry]| {
        menu.iter().all(|(_, state, _)| *state != 1)
            && menu
                .iter()
                .any(|(label, _, _)| label == "(Detected (changed elsewhere))")
    };
    assert!(wait_for(|| menu_of(&host, item).is_ok_and(|m| detected(&m))));
    Ok(())
}
