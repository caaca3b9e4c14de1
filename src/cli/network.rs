//! `network show|watch`: the network this computer is on as callprofiles recognises it (default gateway's MAC
//! address, Wi-Fi name, addresses) — what "use Office on this network" learns — and each change as it happens.

use std::sync::mpsc;
use std::time::Duration;

use fluent_bundle::FluentValue;

use crate::automation::network::{NetworkProbe, ObservedNetwork};
use crate::cli::{Context, output};

/// The `network` commands.
#[derive(Debug, clap::Subcommand)]
pub enum NetworkCommand {
    /// Show the network this computer is on now.
    Show(NetworkArgs),
    /// Show the network, then again each time it changes (until interrupted).
    Watch(NetworkArgs),
}

/// Options of the `network` commands.
#[derive(Debug, clap::Args)]
pub struct NetworkArgs {
    /// Print JSON: {"interface", "gateway_mac", "ssid", "addresses"} (null when unknown).
    #[arg(long)]
    json: bool,
}

impl NetworkCommand {
    /// Runs the command.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut probe = NetworkProbe::default();
        match self {
            Self::Show(args) => print(context, &probe.observe(), args.json),
            Self::Watch(args) => watch(context, &mut probe, args.json),
        }
    }
}

/// Prints the network, then each change the kernel reports (the thread sleeps in between).
#[cfg(target_os = "linux")]
fn watch(context: &Context, probe: &mut NetworkProbe, json: bool) -> anyhow::Result<()> {
    let (changed_tx, changed) = mpsc::channel();
    crate::automation::network::watch_network(move || changed_tx.send(()).is_ok())?;
    let mut shown = probe.observe();
    print(context, &shown, json)?;
    while changed.recv().is_ok() {
        crate::automation::network::settle(&changed, Duration::from_millis(200));
        let now = probe.observe();
        if now != shown {
            print(context, &now, json)?;
            shown = now;
        }
    }
    Ok(())
}

/// Without netlink (not Linux) there is nothing to watch: the network once.
#[cfg(not(target_os = "linux"))]
fn watch(context: &Context, probe: &mut NetworkProbe, json: bool) -> anyhow::Result<()> {
    let _ = (mpsc::channel::<()>, Duration::ZERO);
    print(context, &probe.observe(), json)
}

/// Prints one observation.
fn print(context: &Context, network: &ObservedNetwork, json: bool) -> anyhow::Result<()> {
    if json {
        return output::print_json(network);
    }
    output::print(&network_lines(context, network).join("\n"))
}

/// The observation in the output's language.
fn network_lines(context: &Context, network: &ObservedNetwork) -> Vec<String> {
    let Some(interface) = &network.interface else {
        return vec![context.tr("network-offline")];
    };
    let unknown = || context.tr("network-unknown");
    let addresses: Vec<String> = network.addresses.iter().map(ToString::to_string).collect();
    vec![
        context.tr_args(
            "network-interface",
            &[(
                "interface",
                FluentValue::from(callprofiles_core::shown::text(interface)),
            )],
        ),
        context.tr_args(
            "network-gateway",
            &[(
                "mac",
                FluentValue::from(network.gateway_mac.map_or_else(unknown, |mac| mac.to_string())),
            )],
        ),
        context.tr_args(
            "network-ssid",
            &[(
                "ssid",
                FluentValue::from(
                    network
                        .ssid
                        .as_deref()
                        .map_or_else(|| context.tr("network-no-wifi"), callprofiles_core::shown::text),
                ),
            )],
        ),
        context.tr_args(
            "network-addresses",
            &[(
                "addresses",
                FluentValue::from(if addresses.is_empty() {
                    unknown()
                } else {
                    addresses.join(", ")
                }),
            )],
        ),
    ]
}
