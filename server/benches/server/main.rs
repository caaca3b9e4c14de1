//! callprofiles-server under 100, 1,000 and 2,000 simulated desktops, each holding an event stream over
//! TLS on loopback, against the real Asterisk (`scripts/bench server` starts one). For each size:
//! - AMI actions per second reaching Asterisk while idle, counted by a proxy in front of Asterisk: the
//!   server (its one connection and one event connection) beside direct mode (each desktop its own AMI
//!   login, polling live settings and voicemail every 3 s as the desktop app does);
//! - switch latency p50/p99 (`POST /users/me/activate`, one user at a time) under that load;
//! - push latency p50/p99 from an outside AstDB change (key + `Custom:CF` lamp, as FreePBX's *72) to
//!   that user's stream;
//! - the server's memory per connected desktop (resident set growth / streams).
//!
//! Settings: `CALLPROFILES_BENCH_SIZES` (`100,1000,2000`), `CALLPROFILES_BENCH_IDLE_SECONDS` (10).

#[path = "../../tests/server/support.rs"]
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use callprofiles_core::PhoneSystem;
use callprofiles_core::phone_system::asterisk::{
    AmiHost, AmiSecret, AmiUsername, AsteriskConfig, AsteriskPhoneSystem, Extension,
};
use hyper::{Method, StatusCode};
use serde_json::json;
use sha2::{Digest, Sha256};
use support::{Asterisk, Events, Res, ServerHome, block_on, value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// First extension of the simulated users.
const FIRST_EXTENSION: u32 = 3000;

/// Counts AMI actions (lines starting `Action:`) flowing from clients to Asterisk.
async fn counting_proxy(asterisk_port: u16, actions: Arc<AtomicU64>) -> Res<u16> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let actions = actions.clone();
            tokio::spawn(async move {
                let Ok(mut server) = tokio::net::TcpStream::connect(("127.0.0.1", asterisk_port)).await else {
                    return;
                };
                let (mut client_read, mut client_write) = client.split();
                let (mut server_read, mut server_write) = server.split();
                let upstream = async {
                    let mut buffer = vec![0; 16 * 1024];
                    let mut at_line_start = true;
                    let mut matched = 0usize;
                    const WORD: &[u8] = b"action:";
                    loop {
                        let n = client_read.read(&mut buffer).await?;
                        if n == 0 {
                            return Ok::<_, std::io::Error>(());
                        }
                        for &byte in &buffer[..n] {
                            if at_line_start || matched > 0 {
                                if byte.to_ascii_lowercase() == WORD[matched] {
                                    matched += 1;
                                    if matched == WORD.len() {
                                        actions.fetch_add(1, Ordering::Relaxed);
                                        matched = 0;
                                    }
                                } else {
                                    matched = 0;
                                }
                            }
                            at_line_start = byte == b'\n';
                        }
                        server_write.write_all(&buffer[..n]).await?;
                    }
                };
                let downstream = tokio::io::copy(&mut server_read, &mut client_write);
                tokio::select! { _ = upstream => {}, _ = downstream => {} }
            });
        }
    });
    Ok(port)
}

/// Enrolls `count` users (one device each) by writing `users.json` as `user add` + enroll would (a
/// benchmark's shortcut: 2,000 code exchanges would measure the CLI, not the server); their tokens.
fn enroll_directly(home: &ServerHome, count: u32) -> Res<Vec<(String, String)>> {
    let mut random = std::fs::File::open("/dev/urandom")?;
    let mut users = serde_json::Map::new();
    let mut tokens = Vec::new();
    for n in 0..count {
        let extension = (FIRST_EXTENSION + n).to_string();
        let mut bytes = [0u8; 30];
        std::io::Read::read_exact(&mut random, &mut bytes)?;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let (device, secret) = (&hex[..12], &hex[12..]);
        let hash: String = Sha256::digest(secret.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        users.insert(
            extension.clone(),
            json!({"devices": [{"id": device, "name": "bench", "token_sha256": hash, "enrolled_at": 0,
                                "expires_at": 4_000_000_000u64, "enrolled_from": "bench"}], "codes": []}),
        );
        tokens.push((extension, format!("{device}.{secret}")));
    }
    std::fs::write(
        home.dir.join("users.json"),
        serde_json::to_vec(&json!({"users": users}))?,
    )?;
    Ok(tokens)
}

/// The server process's resident memory in KiB.
fn rss_kib(pid: u32) -> Res<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| "no VmRSS".into())
}

/// The p-th percentile (0–100) of sorted durations, in ms.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let index = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

/// One size's figures.
struct Figures {
    desktops: u32,
    idle_server: f64,
    idle_direct: Option<f64>,
    switch_p50: f64,
    switch_p99: f64,
    push_p50: f64,
    push_p99: f64,
    kib_per_client: f64,
    connect_seconds: f64,
}

/// AMI actions per second of `desktops` direct-mode desktops (each its own AMI login, polling live
/// settings and the voicemail count every 3 s) over `seconds`.
fn direct_mode(
    asterisk: &Asterisk,
    proxy_port: u16,
    actions: &Arc<AtomicU64>,
    desktops: u32,
    seconds: u64,
) -> Res<f64> {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut threads = Vec::new();
    for n in 0..desktops {
        let config = AsteriskConfig {
            host: AmiHost::parse("127.0.0.1")?,
            port: std::num::NonZeroU16::new(proxy_port).ok_or("port 0")?,
            username: AmiUsername::parse("callprofiles")?,
            extension: Extension::parse(&(FIRST_EXTENSION + n).to_string())?,
            secret_file: None,
        };
        let mut phone = AsteriskPhoneSystem::with_secret(config, AmiSecret::new(&asterisk.secret)?);
        let stop = stop.clone();
        let phase = Duration::from_millis(u64::from(n) * 3000 / u64::from(desktops.max(1)));
        threads.push(std::thread::Builder::new().stack_size(64 * 1024).spawn(move || {
            std::thread::sleep(phase);
            while !stop.load(Ordering::Relaxed) {
                phone.poll().ok();
                phone.new_messages().ok();
                std::thread::sleep(Duration::from_secs(3));
            }
        })?);
    }
    // Let every desktop log in and settle into its 3 s rhythm, then count.
    std::thread::sleep(Duration::from_secs(4));
    let before = actions.load(Ordering::Relaxed);
    std::thread::sleep(Duration::from_secs(seconds));
    let rate = (actions.load(Ordering::Relaxed) - before) as f64 / seconds as f64;
    stop.store(true, Ordering::Relaxed);
    for thread in threads {
        thread.join().ok();
    }
    Ok(rate)
}

/// Measures one size.
async fn measure(asterisk: &Asterisk, desktops: u32, idle_seconds: u64) -> Res<Figures> {
    let actions = Arc::new(AtomicU64::new(0));
    let proxy_port = counting_proxy(asterisk.port, actions.clone()).await?;
    let home = asterisk.init_at(proxy_port, 15, 1_000_000)?;
    let tokens = enroll_directly(&home, desktops)?;
    let server = home.start()?;
    let pid = server.child.id();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_before = rss_kib(pid)?;

    // Every desktop opens its stream and gets its first state.
    let connect_started = Instant::now();
    let semaphore = Arc::new(tokio::sync::Semaphore::new(64));
    let mut opening = Vec::new();
    for (_, token) in &tokens {
        let client = server.client.clone();
        let token = token.clone();
        let semaphore = semaphore.clone();
        opening.push(tokio::spawn(async move {
            let _permit = semaphore.acquire_owned().await.ok()?;
            let mut events = client.events(&token).await.ok()?;
            events.next_state(Duration::from_secs(60)).await.ok()??;
            Some(events)
        }));
    }
    let mut streams: Vec<Events> = Vec::new();
    for task in opening {
        streams.push(task.await?.ok_or("a desktop could not open its stream")?);
    }
    let connect_seconds = connect_started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_after = rss_kib(pid)?;
    let kib_per_client = (rss_after.saturating_sub(rss_before)) as f64 / f64::from(desktops);

    // Idle: nothing happens; count what reaches Asterisk (the safety poll runs every 15 s: count a
    // whole period).
    let before = actions.load(Ordering::Relaxed);
    tokio::time::sleep(Duration::from_secs(idle_seconds.max(15))).await;
    let idle_server = (actions.load(Ordering::Relaxed) - before) as f64 / idle_seconds.max(15) as f64;

    // Switches under load: 100 activations by 10 users, one at a time.
    let settings_path = "/api/v1/users/me/profiles/mobile/settings";
    let mobile = json!({"call_pickup": true, "routing": {"mode": "twinning", "number": "600700800"},
                        "voicemail": {"enabled": true, "ringback": false, "notification": false,
                                      "playback": "phone", "greeting": "default"}});
    let switchers = &tokens[..10.min(tokens.len())];
    for (_, token) in switchers {
        let (status, _) = server
            .client
            .json(Method::PUT, settings_path, Some(token), Some(&mobile))
            .await?;
        assert_eq!(status, StatusCode::OK);
    }
    let mut switches = Vec::new();
    for round in 0..10 {
        for (_, token) in switchers {
            let profile = if round % 2 == 0 { "mobile" } else { "office" };
            let started = Instant::now();
            let (status, state) = server
                .client
                .json(
                    Method::POST,
                    "/api/v1/users/me/activate",
                    Some(token),
                    Some(&json!({"profile": profile})),
                )
                .await?;
            switches.push(started.elapsed());
            if status != StatusCode::OK {
                return Err(format!("switch failed: {state}").into());
            }
        }
    }
    switches.sort();

    // Pushes: an outside change to one user's forwarding (key + lamp), timed to that user's stream.
    let mut admin = asterisk.admin()?;
    let mut pushes = Vec::new();
    let step = (desktops as usize / 50).max(1);
    for index in (0..tokens.len()).step_by(step).take(50) {
        let extension = &tokens[index].0;
        let stream = &mut streams[index];
        // Drain what this stream may still hold (the switchers' own pushes).
        while let Ok(Some(_)) = stream.next_state(Duration::from_millis(1)).await {}
        let started = Instant::now();
        admin.db_put(&value("CF")?, &value(extension.clone())?, &value("0700100200")?)?;
        admin.setvar(&value(format!("DEVICE_STATE(Custom:CF{extension})"))?, &value("BUSY")?)?;
        let pushed = stream
            .next_state(Duration::from_secs(10))
            .await?
            .ok_or("stream ended")?;
        pushes.push(started.elapsed());
        if pushed["live"]["routing"]["number"] != "0700100200" {
            return Err(format!("push without the change: {pushed}").into());
        }
        admin.db_del(&value("CF")?, &value(extension.clone())?)?;
        admin.setvar(
            &value(format!("DEVICE_STATE(Custom:CF{extension})"))?,
            &value("NOT_INUSE")?,
        )?;
    }
    pushes.sort();
    drop(streams);
    drop(server);

    // Direct mode beside it: every desktop its own AMI login polling every 3 s.
    let direct = {
        let asterisk = asterisk.clone();
        let actions = actions.clone();
        tokio::task::spawn_blocking(move || direct_mode(&asterisk, proxy_port, &actions, desktops, 9)).await?
    };
    let idle_direct = match direct {
        Ok(rate) => Some(rate),
        Err(error) => {
            eprintln!("direct mode with {desktops} desktops failed: {error}");
            None
        }
    };
    Ok(Figures {
        desktops,
        idle_server,
        idle_direct,
        switch_p50: percentile(&switches, 50.0),
        switch_p99: percentile(&switches, 99.0),
        push_p50: percentile(&pushes, 50.0),
        push_p99: percentile(&pushes, 99.0),
        kib_per_client,
        connect_seconds,
    })
}

fn main() -> std::process::ExitCode {
    let result = (|| -> Res<Vec<Figures>> {
        let asterisk = support::asterisk()?.ok_or("no test Asterisk: run scripts/bench server")?;
        let sizes: Vec<u32> = std::env::var("CALLPROFILES_BENCH_SIZES")
            .unwrap_or_else(|_| "100,1000,2000".to_owned())
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect();
        let idle_seconds = std::env::var("CALLPROFILES_BENCH_IDLE_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(15);
        let mut all = Vec::new();
        for desktops in sizes {
            let started = Instant::now();
            let figures = block_on(measure(&asterisk, desktops, idle_seconds))?;
            eprintln!(
                "{desktops} desktops measured in {:.0} s",
                started.elapsed().as_secs_f64()
            );
            all.push(figures);
        }
        Ok(all)
    })();
    match result {
        Ok(all) => {
            println!(
                "| desktops | AMI actions/s idle: server | direct | switch p50 / p99 | push p50 / p99 | server memory per desktop | all streams open after |"
            );
            println!("|---:|---:|---:|---:|---:|---:|---:|");
            for f in all {
                let direct = f.idle_direct.map_or("failed".to_owned(), |rate| format!("{rate:.0}"));
                println!(
                    "| {} | {:.2} | {} | {:.1} / {:.1} ms | {:.1} / {:.1} ms | {:.1} KiB | {:.1} s |",
                    f.desktops,
                    f.idle_server,
                    direct,
                    f.switch_p50,
                    f.switch_p99,
                    f.push_p50,
                    f.push_p99,
                    f.kib_per_client,
                    f.connect_seconds
                );
            }
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("server benchmark failed: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
