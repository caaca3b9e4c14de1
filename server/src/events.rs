//! The one AMI event connection: re-reads a user when Asterisk tells of a change that may be theirs
//! (`DeviceStateChange` of the `Custom:` lamps FreePBX and core set, `UserEvent`s of the shipped
//! dialplan, `MessageWaiting`), and a safety poll of constant AMI cost in the number of users: one
//! `DBGetTree` per family (`CF`, `AMPUSER`, `CALLPROFILES`) every `poll_seconds`, diffed per
//! extension, for AstDB writes that raise no event. Losing the connection marks every user for a
//! refresh (they show `reachable: false`); getting it back does again.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use callprofiles_core::phone_system::asterisk::layout::{FORWARD_FAMILY, OWN_FAMILY, USER_FAMILY};
use callprofiles_core::phone_system::asterisk::{AmiClient, AmiValue, Message};

use crate::hub::Hub;

/// Lamps whose change may mean a user's routing changed (`Custom:CF201`, …).
const LAMP_PREFIXES: [&str; 4] = ["DEVCF", "CF", "FOLLOWME", "DND"];

/// Runs the event connection forever (a thread of its own: core's AMI client is blocking).
pub fn run(hub: Arc<Hub>, poll_every: Duration) {
    let mut client = AmiClient::new(hub.pbx().target()).with_events();
    let mut connected = false;
    let mut last_poll = Instant::now();
    let mut poll_now = false;
    let mut baseline: Option<HashMap<String, BTreeMap<String, String>>> = None;
    loop {
        if !connected {
            match client.connect() {
                Ok(()) => {
                    connected = true;
                    tracing::info!(address = client.address(), "AMI event connection up");
                    hub.pbx().set_down(false);
                    hub.mark_all_dirty();
                    hub.note_reconnected();
                    // Take the poll's baseline now, so a change right after (re)connecting is found.
                    baseline = None;
                    poll_now = true;
                }
                Err(error) => {
                    tracing::debug!(%error, "AMI event connection not up yet");
                    std::thread::sleep(Duration::from_millis(500));
                    continue;
                }
            }
        }
        match client.next_event(Duration::from_millis(500)) {
            Ok(event) => {
                if let Some(extension) = event.as_ref().and_then(extension_of) {
                    let name = event.as_ref().and_then(Message::event);
                    tracing::debug!(extension, event = ?name, "AMI event");
                    if name == Some("MessageWaiting") {
                        hub.mailbox_changed(&extension);
                    } else {
                        hub.mark_dirty(&extension);
                    }
                }
            }
            Err(error) => {
                tracing::warn!(%error, "AMI event connection lost; reconnecting");
                connected = false;
                hub.pbx().set_down(true);
                hub.mark_all_dirty();
                std::thread::sleep(Duration::from_millis(200));
                continue;
            }
        }
        if poll_now || last_poll.elapsed() >= poll_every {
            poll_now = false;
            last_poll = Instant::now();
            match poll(&mut client) {
                Ok(now) => {
                    if let Some(before) = &baseline {
                        for extension in changed(before, &now) {
                            tracing::debug!(extension, "safety poll found a change");
                            hub.mark_dirty(&extension);
                        }
                    }
                    baseline = Some(now);
                }
                Err(error) => tracing::warn!(%error, "safety poll failed"),
            }
        }
    }
}

/// The extension an event concerns, if it may change a user's state.
pub fn extension_of(event: &Message) -> Option<String> {
    let digits = |text: &str| {
        let ext: String = text.chars().take_while(char::is_ascii_digit).collect();
        (!ext.is_empty()).then_some(ext)
    };
    match event.event()? {
        "DeviceStateChange" => {
            let lamp = event.get("Device")?.strip_prefix("Custom:")?;
            let rest = LAMP_PREFIXES.iter().find_map(|prefix| lamp.strip_prefix(prefix))?;
            digits(rest)
        }
        "UserEvent" => digits(event.get("Extension")?),
        "MessageWaiting" => digits(event.get("Mailbox")?),
        _ => None,
    }
}

/// Every entry of the three families, grouped by extension (the second part of the key path).
fn poll(client: &mut AmiClient) -> Result<HashMap<String, BTreeMap<String, String>>, callprofiles_core::PhoneError> {
    let trees = [FORWARD_FAMILY, USER_FAMILY, OWN_FAMILY]
        .iter()
        .map(|family| Ok((AmiValue::new("AstDB family", *family)?, AmiValue::new("AstDB key", "")?)))
        .collect::<Result<Vec<_>, callprofiles_core::PhoneError>>()?;
    let entries = client.db_get_trees(&trees)?;
    let mut by_extension: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    for (path, value) in entries {
        if let Some(extension) = path.split('/').nth(2) {
            by_extension
                .entry(extension.to_owned())
                .or_default()
                .insert(path.clone(), value);
        }
    }
    Ok(by_extension)
}

/// Extensions whose entries differ between two polls.
fn changed(
    before: &HashMap<String, BTreeMap<String, String>>,
    now: &HashMap<String, BTreeMap<String, String>>,
) -> Vec<String> {
    before
        .keys()
        .chain(now.keys())
        .filter(|ext| before.get(*ext) != now.get(*ext))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}
