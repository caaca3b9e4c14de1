//! `rules …`: show and edit the automation's rules from a script — the weekly schedule, exceptions,
//! networks, leaving the computer, otherwise, the time zone — each edit checked whole before it is
//! saved (and then applied at once when it changes what the rules decide).

use std::path::PathBuf;

use callprofiles_core::automation::{
    AutomationView, AwayRule, ClockTime, Exception, MacAddress, NetworkLabel, NetworkRule, NetworkSignature, Rules,
    Subnet, Weekdays, WifiName, Window, Zone,
};
use callprofiles_core::{AutomationError, AutomationInput, CoreError, ProfileId, ProfileService, RuleList};
use fluent_bundle::FluentValue;

use crate::cli::{Context, automation_words, output};
use crate::text::automation_text::{next_line, profile_text};

/// `rules` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum RulesCommand {
    /// Show every rule, what decides now and what comes next.
    Show {
        /// Print the rules as JSON (what `rules replace` reads).
        #[arg(long)]
        json: bool,
    },
    /// Set the time zone of the schedule and the exceptions (an IANA name such as Europe/Warsaw).
    Zone {
        /// The zone's name.
        name: String,
    },
    /// Add a window to the weekly schedule: on DAYS from START to END use PROFILE (END before START
    /// ends the next day; 24:00 ends the day).
    AddWindow {
        /// Weekdays: mon-fri, sat,sun, daily…
        days: String,
        /// Start, HH:MM.
        start: String,
        /// End, HH:MM.
        end: String,
        /// The profile.
        profile: String,
    },
    /// Remove window N of the weekly schedule (as `rules show` numbers them).
    RemoveWindow {
        /// Its number.
        number: usize,
    },
    /// Add an exception: on DATES (YYYY-MM-DD, or FROM..TO inclusive) use PROFILE.
    AddException {
        /// A date or a range FROM..TO.
        dates: String,
        /// The profile.
        profile: String,
    },
    /// Remove exception N.
    RemoveException {
        /// Its number.
        number: usize,
    },
    /// Add a network: when the computer is on it, use PROFILE.
    AddNetwork {
        /// The default gateway's MAC address.
        #[arg(long, group = "signature", value_name = "MAC")]
        gateway: Option<String>,
        /// The Wi-Fi name (SSID).
        #[arg(long, group = "signature", value_name = "SSID")]
        wifi: Option<String>,
        /// A subnet the computer has an address in (192.168.1.0/24).
        #[arg(long, group = "signature", value_name = "CIDR")]
        subnet: Option<String>,
        /// Your name for the network.
        #[arg(long)]
        label: String,
        /// The profile.
        profile: String,
    },
    /// Remove network N.
    RemoveNetwork {
        /// Its number.
        number: usize,
    },
    /// When you leave the computer use PROFILE (`off`: never); without --lock/--sleep, both count.
    Away {
        /// The profile, or `off`.
        profile: String,
        /// The screen lock counts as leaving.
        #[arg(long)]
        lock: bool,
        /// Sleep counts as leaving.
        #[arg(long)]
        sleep: bool,
    },
    /// When no other rule applies use PROFILE (`off`: keep the profile as it is).
    Otherwise {
        /// The profile, or `off`.
        profile: String,
    },
    /// Replace every rule with those of a JSON file (as `rules show --json` prints), checked whole.
    Replace {
        /// The file.
        file: PathBuf,
    },
    /// Remove every rule (nothing switches by itself any more).
    Clear,
    /// Apply what the rules say now (what the app and the server do by themselves).
    Run {
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
}

impl RulesCommand {
    /// Runs the subcommand.
    pub fn run(self, context: &Context) -> anyhow::Result<()> {
        let mut app = context.open();
        let view = app.automation()?;
        match self {
            Self::Show { json: true } => output::print_json(&view.rules),
            Self::Show { json: false } => show(context, app.as_mut(), &view),
            Self::Run { json } => {
                let now = jiff::Timestamp::now();
                let step = app.run_automation(now)?;
                if json {
                    return output::print_json(&step);
                }
                let book = app.book()?;
                let lines = automation_words::step_lines(context, &book, &step, now, view.rules.time_zone.time_zone());
                output::print(&lines.join("\n"))
            }
            edit => {
                let mut rules = view.rules;
                edit.apply(context, app.as_mut(), &mut rules)?;
                let now = jiff::Timestamp::now();
                let step = app.save_rules(rules.clone())?;
                let book = app.book()?;
                let mut lines = vec![context.tr("cli-rules-saved")];
                lines.extend(automation_words::step_lines(
                    context,
                    &book,
                    &step,
                    now,
                    rules.time_zone.time_zone(),
                ));
                output::print(&lines.join("\n"))
            }
        }
    }

    /// Makes the edit on `rules` (checked whole when saved).
    fn apply(self, context: &Context, app: &mut dyn ProfileService, rules: &mut Rules) -> Result<(), CoreError> {
        let mut profile = |name: &str| context.find(app, name);
        match self {
            Self::Show { .. } | Self::Run { .. } => {}
            Self::Zone { name } => rules.time_zone = Zone::named(&name)?,
            Self::AddWindow {
                days,
                start,
                end,
                profile: name,
            } => rules.weekly.push(Window {
                days: Weekdays::parse(&days)?,
                start: ClockTime::parse(&start)?,
                end: ClockTime::parse(&end)?,
                profile: profile(&name)?,
            }),
            Self::RemoveWindow { number } => remove(&mut rules.weekly, number, RuleList::Windows)?,
            Self::AddException { dates, profile: name } => {
                let (from, to) = parse_dates(&dates)?;
                rules.exceptions.push(Exception {
                    from,
                    to,
                    profile: profile(&name)?,
                });
            }
            Self::RemoveException { number } => remove(&mut rules.exceptions, number, RuleList::Exceptions)?,
            Self::AddNetwork {
                gateway,
                wifi,
                subnet,
                label,
                profile: name,
            } => {
                let network = match (gateway, wifi, subnet) {
                    (Some(mac), _, _) => NetworkSignature::Gateway {
                        mac: MacAddress::parse(&mac)?,
                    },
                    (None, Some(ssid), _) => NetworkSignature::Wifi {
                        ssid: WifiName::parse(&ssid)?,
                    },
                    (None, None, Some(subnet)) => NetworkSignature::Subnet {
                        subnet: Subnet::parse(&subnet)?,
                    },
                    (None, None, None) => {
                        return Err(AutomationError::BadInput {
                            what: AutomationInput::Subnet,
                            text: String::new(),
                        }
                        .into());
                    }
                };
                rules.networks.push(NetworkRule {
                    network,
                    label: NetworkLabel::parse(&label)?,
                    profile: profile(&name)?,
                });
            }
            Self::RemoveNetwork { number } => remove(&mut rules.networks, number, RuleList::Networks)?,
            Self::Away {
                profile: name,
                lock,
                sleep,
            } => {
                rules.away = if is_off(&name) {
                    None
                } else {
                    let both = !lock && !sleep;
                    Some(AwayRule {
                        profile: profile(&name)?,
                        on_lock: lock || both,
                        on_sleep: sleep || both,
                    })
                };
            }
            Self::Otherwise { profile: name } => {
                rules.otherwise = if is_off(&name) { None } else { Some(profile(&name)?) };
            }
            Self::Replace { file } => *rules = read_rules(&file)?,
            Self::Clear => {
                *rules = Rules {
                    time_zone: rules.time_zone.clone(),
                    ..Rules::default()
                };
            }
        }
        Ok(())
    }
}

/// Whether a profile argument says "no profile".
fn is_off(name: &str) -> bool {
    name.eq_ignore_ascii_case("off") || name.eq_ignore_ascii_case("none")
}

/// Removes rule `number` (from 1) of a list.
fn remove<T>(list: &mut Vec<T>, number: usize, which: RuleList) -> Result<(), AutomationError> {
    if number == 0 || number > list.len() {
        return Err(AutomationError::NoSuchRule { list: which, number });
    }
    list.remove(number - 1);
    Ok(())
}

/// `YYYY-MM-DD` or `FROM..TO`.
fn parse_dates(text: &str) -> Result<(jiff::civil::Date, jiff::civil::Date), AutomationError> {
    let date = |part: &str| {
        part.trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| AutomationError::BadInput {
                what: AutomationInput::Date,
                text: part.trim().to_owned(),
            })
    };
    match text.split_once("..") {
        Some((from, to)) => Ok((date(from)?, date(to)?)),
        None => {
            let day = date(text)?;
            Ok((day, day))
        }
    }
}

/// Reads rules from a JSON file (regular files only, bounded), as `rules show --json` writes them.
fn read_rules(path: &std::path::Path) -> Result<Rules, CoreError> {
    let bytes = callprofiles_core::atomic_file::read_limited(path, 1024 * 1024)
        .map_err(|source| callprofiles_core::StoreError::Io {
            action: "read",
            path: path.to_owned(),
            source,
        })?
        .ok_or_else(|| callprofiles_core::StoreError::Io {
            action: "read",
            path: path.to_owned(),
            source: std::io::ErrorKind::NotFound.into(),
        })?;
    serde_json::from_slice(&bytes).map_err(|error| {
        callprofiles_core::StoreError::Corrupt {
            path: path.to_owned(),
            reason: callprofiles_core::Damage::syntax(&error),
        }
        .into()
    })
}

/// `rules show`: every rule numbered, disabled ones marked, then now and next.
fn show(context: &Context, app: &mut dyn ProfileService, view: &AutomationView) -> anyhow::Result<()> {
    let book = app.book()?;
    let i18n = &context.i18n;
    let zone = view.rules.time_zone.time_zone();
    let name = |id: &ProfileId| {
        let text = profile_text(i18n, &book, id);
        if book.get(id).is_some() {
            text
        } else {
            context.tr_args("cli-rules-disabled", &[("profile", FluentValue::from(text))])
        }
    };
    let none = || format!("  {}", context.tr("cli-rules-none"));
    let mut lines = vec![context.tr_args(
        "cli-rules-zone",
        &[("zone", FluentValue::from(view.rules.time_zone.name().to_owned()))],
    )];
    lines.push(context.tr("cli-rules-weekly"));
    lines.extend(
        (1..)
            .zip(&view.rules.weekly)
            .map(|(n, w)| format!("  {n}. {:<24} {}", w.to_string(), name(&w.profile))),
    );
    if view.rules.weekly.is_empty() {
        lines.push(none());
    }
    lines.push(context.tr("cli-rules-exceptions"));
    lines.extend(
        (1..)
            .zip(&view.rules.exceptions)
            .map(|(n, e)| format!("  {n}. {:<24} {}", e.to_string(), name(&e.profile))),
    );
    if view.rules.exceptions.is_empty() {
        lines.push(none());
    }
    lines.push(context.tr("cli-rules-networks"));
    lines.extend((1..).zip(&view.rules.networks).map(|(n, rule)| {
        format!(
            "  {n}. {:<24} “{}” {}",
            rule.network.to_string(),
            callprofiles_core::shown::text(rule.label.as_str()),
            name(&rule.profile)
        )
    }));
    if view.rules.networks.is_empty() {
        lines.push(none());
    }
    lines.push(match &view.rules.away {
        Some(away) => {
            let id = match (away.on_lock, away.on_sleep) {
                (true, true) => "cli-rules-away-both",
                (true, false) => "cli-rules-away-lock",
                _ => "cli-rules-away-sleep",
            };
            context.tr_args(id, &[("profile", FluentValue::from(name(&away.profile)))])
        }
        None => context.tr("cli-rules-away-off"),
    });
    lines.push(match &view.rules.otherwise {
        Some(id) => context.tr_args("cli-rules-otherwise", &[("profile", FluentValue::from(name(id)))]),
        None => context.tr("cli-rules-otherwise-off"),
    });
    lines.push(automation_words::now_line(
        context,
        &book,
        view.decision.as_ref(),
        view.now,
        zone,
    ));
    lines.push(next_line(i18n, &book, view.next.as_ref(), view.now, zone));
    output::print(&lines.join("\n"))
}
