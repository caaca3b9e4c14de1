//! Profile switches on a real Asterisk (run by `scripts/bench asterisk`, which starts one through
//! `scripts/asterisk/with-asterisk.sh` and passes `CALLPROFILES_TEST_AMI_PORT` / `_SECRET`):
//! 1. latency of one switch — the app's `apply` (write what differs from the entries last read, all
//!    pipelined, read back, verify) — p50/p99 over 1,000 switches, beside the app reading first every
//!    time and a naive client sending the same AMI writes one by one, each waiting for its reply, then
//!    reading back the same way;
//! 2. load — 200 clients (own connection, own extension) switching for 60 s, every switch verified;
//! 3. the same with Asterisk restarted in the middle: every client must recover.
//!
//! Settings (environment): `CALLPROFILES_BENCH_SWITCHES` (1000), `CALLPROFILES_BENCH_CLIENTS` (200; 0
//! measures only the latency), `CALLPROFILES_BENCH_LOAD_SECONDS` (60).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Barrier, OnceLock};
use std::time::{Duration, Instant};

use callprofiles_core::phone_system::asterisk::layout::{Change, Entries, Layout};
use callprofiles_core::phone_system::asterisk::{
    AmiClient, AmiHost, AmiSecret, AmiTarget, AmiUsername, AmiValue, AsteriskConfig, AsteriskPhoneSystem, Extension,
};
use callprofiles_core::{ApplicableSettings, PhoneSystem, SettingChange, Settings};

/// A failure of the benchmark itself.
type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The AMI user the app logs in as.
const APP_USER: &str = "callprofiles";
/// The AMI user allowed to restart Asterisk.
const ADMIN_USER: &str = "callprofiles-test";

/// Where the test Asterisk listens, and its secret.
struct Asterisk {
    port: u16,
    secret: String,
}

impl Asterisk {
    fn from_env() -> Res<Self> {
        let port = std::env::var("CALLPROFILES_TEST_AMI_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .ok_or("CALLPROFILES_TEST_AMI_PORT is unset: run scripts/bench asterisk (it starts Asterisk)")?;
        let secret =
            std::env::var("CALLPROFILES_TEST_AMI_SECRET").map_err(|_| "CALLPROFILES_TEST_AMI_SECRET is unset")?;
        Ok(Self { port, secret })
    }

    fn target(&self, user: &str) -> Res<AmiTarget> {
        Ok(AmiTarget::new(
            AmiHost::parse("127.0.0.1")?,
            self.port,
            &AmiUsername::parse(user)?,
            AmiSecret::new(&self.secret)?,
        ))
    }

    /// The app's phone system for `extension`.
    fn phone(&self, extension: &str) -> Res<AsteriskPhoneSystem> {
        let config = AsteriskConfig {
            host: AmiHost::parse("127.0.0.1")?,
            port: std::num::NonZeroU16::new(self.port).ok_or("port 0")?,
            username: AmiUsername::parse(APP_USER)?,
            extension: Extension::parse(extension)?,
            secret_file: None,
        };
        Ok(AsteriskPhoneSystem::with_secret(config, AmiSecret::new(&self.secret)?))
    }
}

/// The two profiles every client switches between: Office's defaults, and a forwarding profile that
/// differs in routing, pickup, voicemail and greeting.
fn profiles() -> Res<[ApplicableSettings; 2]> {
    let office = Settings::office_default();
    let changes = SettingChange::parse_all(&[
        "routing=forward:+48 600 100 200",
        "call_pickup=off",
        "voicemail=off",
        "voicemail.greeting=3",
    ])?;
    let away = SettingChange::apply_all(&changes, &office);
    Ok([
        ApplicableSettings::check("Office", &office)?,
        ApplicableSettings::check("Away", &away)?,
    ])
}

/// A naive client: one AMI connection sending the app's writes one by one, each waiting for its reply,
/// then reading the three trees back and comparing.
struct Naive {
    client: AmiClient,
    layout: Layout,
}

impl Naive {
    fn entries(&mut self) -> Res<Entries> {
        let mut entries = Entries::new();
        for tree in self.layout.trees() {
            let (family, key) = tree.values()?;
            entries.extend(self.client.db_get_tree(&family, &key)?);
        }
        Ok(entries)
    }

    /// Sends `changes` one by one, reads back and checks the result is `wanted`.
    fn switch(&mut self, changes: &[Change], wanted: &ApplicableSettings) -> Res<()> {
        for change in changes {
            match change {
                Change::Put(key, value) => {
                    let (family, key) = key.values()?;
                    self.client
                        .db_put(&family, &key, &AmiValue::new("value", value.clone())?)?;
                }
                Change::Delete(key) => {
                    let (family, key) = key.values()?;
                    self.client.db_del(&family, &key)?;
                }
                Change::DeviceState(device, state) => {
                    let variable = AmiValue::new("device", format!("DEVICE_STATE({device})"))?;
                    self.client.setvar(&variable, &AmiValue::new("state", *state)?)?;
                }
            }
        }
        let entries = self.entries()?;
        let live = self.layout.settings_from(&entries);
        if live != wanted.to_settings() {
            return Err("the naive client's switch did not verify".into());
        }
        Ok(())
    }
}

/// Percentiles of latencies, in ms.
struct Summary {
    count: usize,
    p50: f64,
    p90: f64,
    p99: f64,
    max: f64,
    mean: f64,
}

impl Summary {
    fn of(mut latencies: Vec<Duration>) -> Self {
        latencies.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let at = |q: f64| {
            let index = ((latencies.len() as f64 * q).ceil() as usize).saturating_sub(1);
            latencies.get(index).copied().map_or(f64::NAN, ms)
        };
        let total: Duration = latencies.iter().sum();
        Self {
            count: latencies.len(),
            p50: at(0.50),
            p90: at(0.90),
            p99: at(0.99),
            max: latencies.last().copied().map_or(f64::NAN, ms),
            mean: ms(total) / latencies.len().max(1) as f64,
        }
    }

    fn row(&self, name: &str) -> String {
        format!(
            "| {name:<34} | {:>6} | {:>7.2} | {:>7.2} | {:>7.2} | {:>8.2} | {:>7.2} |",
            self.count, self.p50, self.p90, self.p99, self.max, self.mean
        )
    }
}

/// Prints the header of a latency table.
fn header() {
    println!(
        "| {:<34} | {:>6} | {:>7} | {:>7} | {:>7} | {:>8} | {:>7} |",
        "what", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms"
    );
    println!(
        "|{:-<36}|{:->8}|{:->9}|{:->9}|{:->9}|{:->10}|{:->9}|",
        "", "", "", "", "", "", ""
    );
}

/// Part 1: the app's switch against the naive client's, interleaved one by one.
fn latency(asterisk: &Asterisk, switches: usize) -> Res<()> {
    let [office, away] = profiles()?;
    let wanted = [&office, &away];
    let mut app = asterisk.phone("3901")?;
    let mut app_reading = asterisk.phone("3902")?.reusing_reads_for(Duration::ZERO);
    let mut naive = Naive {
        client: AmiClient::new(asterisk.target(APP_USER)?),
        layout: Layout::new(Extension::parse("3900")?),
    };
    // The naive client's writes: exactly what the app computes for each direction, found once on the
    // naive client's own extension. Afterwards both extensions hold `away`.
    let mut setup = asterisk.phone("3900")?;
    let mut plans = Vec::new();
    for (from, to) in [(&away, &office), (&office, &away)] {
        setup.apply(from)?;
        let entries = naive.entries()?;
        plans.push(naive.layout.changes(&entries, to));
    }
    setup.apply(&away)?;
    app.apply(&away)?;
    app_reading.apply(&away)?;
    // Times of the app, the app reading first, and the naive client. Who goes first rotates each round,
    // so that each follows the others' writes (and Asterisk's AstDB syncing after them) equally often.
    let mut times: [Vec<Duration>; 3] = Default::default();
    let warm_up = 51;
    for round in 0..switches + warm_up {
        let (target, plan) = (wanted[round % 2], &plans[round % 2]);
        for turn in 0..3 {
            let who = (round + turn) % 3;
            let started = Instant::now();
            match who {
                0 => app.apply(target).map(|_| ())?,
                1 => app_reading.apply(target).map(|_| ())?,
                _ => naive.switch(plan, target)?,
            }
            if round >= warm_up
                && let Some(list) = times.get_mut(who)
            {
                list.push(started.elapsed());
            }
        }
    }
    let [app_times, reading_times, naive_times] = times;
    let rewrites = app.rewrites();
    let writes = plans.iter().map(Vec::len).collect::<Vec<_>>();
    let (app, reading, naive) = (
        Summary::of(app_times),
        Summary::of(reading_times),
        Summary::of(naive_times),
    );
    println!(
        "\nProfile switch latency, activate → verified read-back ({} switches each, interleaved; {:?} AMI writes per switch)",
        app.count, writes
    );
    header();
    println!("{}", app.row("app (known entries, pipelined)"));
    println!("{}", reading.row("app reading first (pipelined)"));
    println!("{}", naive.row("naive (same writes, read back)"));
    println!("app switches that found AstDB changed since their last read and wrote again: {rewrites}");
    println!(
        "app / naive: p50 {:.2}×, p99 {:.2}×; reading first / naive: p50 {:.2}×, p99 {:.2}× (target ≤ 1.0×; p99 < 10 ms)",
        app.p50 / naive.p50,
        app.p99 / naive.p99,
        reading.p50 / naive.p50,
        reading.p99 / naive.p99
    );
    Ok(())
}

/// What one load client saw.
#[derive(Default)]
struct ClientReport {
    latencies: Vec<Duration>,
    failures: usize,
    first_error: Option<String>,
    /// When the first verified switch after the restart ended.
    recovered_at: Option<Instant>,
    /// Whether the live settings at the end equal the last verified switch.
    consistent: bool,
    /// Failed attempts to connect before the timed phase.
    connect_failures: usize,
    /// The first of them.
    connect_error: Option<String>,
}

/// What the load clients and the main thread share.
struct Shared {
    /// Every client has connected (or given up): the timed phase starts.
    ready: Barrier,
    /// The timed phase is over.
    stop: AtomicBool,
    /// When Asterisk was told to restart.
    restarted: OnceLock<Instant>,
}

/// Connects (one read), waits for every other client, then switches back and forth until `stop`,
/// verifying each switch.
fn client_loop(asterisk: &Asterisk, index: usize, shared: &Shared) -> ClientReport {
    let mut report = ClientReport::default();
    let setup = profiles().and_then(|p| Ok((p, asterisk.phone(&format!("{}", 4000 + index))?)));
    let connect_by = Instant::now() + Duration::from_secs(60);
    let (profiles, mut phone) = match setup {
        Ok((profiles, mut phone)) => {
            while let Err(error) = phone.read() {
                report.connect_failures += 1;
                report.connect_error.get_or_insert_with(|| error.to_string());
                if Instant::now() > connect_by {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            shared.ready.wait();
            (profiles, phone)
        }
        Err(error) => {
            report.first_error = Some(error.to_string());
            shared.ready.wait();
            return report;
        }
    };
    let (stop, restarted) = (&shared.stop, &shared.restarted);
    let mut last_ok = None;
    let mut turn = 0;
    while !stop.load(Ordering::Relaxed) {
        let wanted = &profiles[turn % 2];
        let started = Instant::now();
        match phone.apply(wanted) {
            Ok(_) => {
                let ended = Instant::now();
                report.latencies.push(ended - started);
                last_ok = Some(turn % 2);
                if report.recovered_at.is_none() && restarted.get().is_some_and(|at| started > *at) {
                    report.recovered_at = Some(ended);
                }
            }
            Err(error) => {
                report.failures += 1;
                report.first_error.get_or_insert_with(|| error.to_string());
                last_ok = None;
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        turn += 1;
    }
    report.consistent = match last_ok {
        Some(which) => phone
            .read()
            .is_ok_and(|live| profiles.get(which).is_some_and(|p| live == p.to_settings())),
        None => false,
    };
    report
}

/// Part 2 and 3: `clients` clients for `seconds`, optionally restarting Asterisk half-way.
fn load(asterisk: &Asterisk, clients: usize, seconds: u64, restart: bool) -> Res<()> {
    let shared = Shared {
        ready: Barrier::new(clients + 1),
        stop: AtomicBool::new(false),
        restarted: OnceLock::new(),
    };
    let spawned = Instant::now();
    let mut began = spawned;
    let reports: Vec<ClientReport> = std::thread::scope(|scope| -> Res<Vec<ClientReport>> {
        let handles: Vec<_> = (0..clients)
            .map(|index| {
                let shared = &shared;
                std::thread::Builder::new()
                    .stack_size(256 * 1024)
                    .spawn_scoped(scope, move || client_loop(asterisk, index, shared))
            })
            .collect::<Result<_, _>>()?;
        shared.ready.wait();
        began = Instant::now();
        if restart {
            std::thread::sleep(Duration::from_secs(seconds / 2));
            let mut admin = AmiClient::new(asterisk.target(ADMIN_USER)?);
            admin.command(&AmiValue::new("command", "core restart now")?).ok();
            shared.restarted.set(Instant::now()).ok();
            std::thread::sleep(Duration::from_secs(seconds - seconds / 2));
        } else {
            std::thread::sleep(Duration::from_secs(seconds));
        }
        shared.stop.store(true, Ordering::Relaxed);
        Ok(handles.into_iter().map(|h| h.join().unwrap_or_default()).collect())
    })?;
    let elapsed = began.elapsed().as_secs_f64();
    let connect_failures: usize = reports.iter().map(|r| r.connect_failures).sum();
    let switches: usize = reports.iter().map(|r| r.latencies.len()).sum();
    let failures: usize = reports.iter().map(|r| r.failures).sum();
    let idle_clients = reports.iter().filter(|r| r.latencies.is_empty()).count();
    let inconsistent = reports.iter().filter(|r| !r.consistent).count();
    let title = if restart {
        "with Asterisk restarted half-way"
    } else {
        "steady"
    };
    println!(
        "\nLoad, {title}: {clients} clients (own connection and extension; all connected in {:.1} s, {connect_failures} \
         failed connection attempts first) switching for {seconds} s: {switches} verified switches \
         ({:.0}/s), {failures} failed attempts, {idle_clients} clients without a switch, {inconsistent} clients whose final \
         state differs from their last verified switch",
        (began - spawned).as_secs_f64(),
        switches as f64 / elapsed
    );
    header();
    println!(
        "{}",
        Summary::of(reports.iter().flat_map(|r| r.latencies.iter().copied()).collect()).row("every verified switch")
    );
    if let Some(error) = reports.iter().find_map(|r| r.connect_error.as_deref()) {
        println!("first connection error: {error}");
    }
    if let Some(error) = reports.iter().find_map(|r| r.first_error.as_deref()) {
        println!("first switch error: {error}");
    }
    if let Some(at) = shared.restarted.get() {
        let recovered: Vec<Duration> = reports.iter().filter_map(|r| r.recovered_at.map(|t| t - *at)).collect();
        let summary = Summary::of(recovered.clone());
        println!(
            "restart: {}/{clients} clients recovered (verified switch after the restart); time to recover: first \
             {:.0} ms, p50 {:.0} ms, p90 {:.0} ms, max {:.0} ms",
            recovered.len(),
            recovered.iter().min().map_or(f64::NAN, |d| d.as_secs_f64() * 1e3),
            summary.p50,
            summary.p90,
            summary.max
        );
        if recovered.len() < clients {
            return Err(format!(
                "{} clients never recovered after the restart",
                clients - recovered.len()
            )
            .into());
        }
    }
    if inconsistent > 0 || idle_clients > 0 {
        return Err("some clients lost a switch or never switched".into());
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let setting = |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let result = Asterisk::from_env().and_then(|asterisk| {
        latency(&asterisk, setting("CALLPROFILES_BENCH_SWITCHES", 1000) as usize)?;
        let clients = setting("CALLPROFILES_BENCH_CLIENTS", 200) as usize;
        let seconds = setting("CALLPROFILES_BENCH_LOAD_SECONDS", 60);
        if clients == 0 {
            return Ok(());
        }
        load(&asterisk, clients, seconds, false)?;
        load(&asterisk, clients, seconds, true)
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("asterisk benchmark failed: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
