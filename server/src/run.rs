//! `run`: load the directory, start the AMI event thread and the refresher, serve HTTPS.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use callprofiles_core::phone_system::asterisk::AmiSecret;

use crate::audit::Audit;
use crate::automation::{Scheduler, ServerRunner, ServerScheduler, SystemClock};
use crate::dir::ServerDir;
use crate::http::{AppState, router};
use crate::hub::Hub;
use crate::limits::Limiter;
use crate::pbx::Pbx;
use crate::users::Users;

/// Serves until killed.
pub fn run(dir: &ServerDir) -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = dir.load_config()?;
    let secret = AmiSecret::from_file(&dir.secret_file())?;
    let tls = crate::tls::server_config(&dir.cert_file(), &dir.key_file())?;
    callprofiles_core::atomic_file::remove_stale_temps(dir.root(), Duration::from_secs(60));
    let pbx = Arc::new(Pbx::new(dir, &config, secret));
    let hub = Hub::new(pbx);
    let audit = Audit::new(dir.audit_file());
    let scheduler = Scheduler::new(ServerRunner::new(hub.clone(), audit.clone()), Arc::new(SystemClock));
    let state = AppState {
        hub: hub.clone(),
        users: Arc::new(Users::new(dir)),
        audit,
        scheduler: scheduler.clone(),
        enroll_limits: Arc::new(Limiter::new(config.failure_limit)),
        auth_limits: Arc::new(Limiter::new(config.failure_limit)),
    };
    let users = state.users.clone();
    let poll = Duration::from_secs(config.poll_seconds.max(1));
    let events_hub = hub.clone();
    std::thread::Builder::new()
        .name("ami-events".to_owned())
        .spawn(move || crate::events::run(events_hub, poll))
        .context("Cannot start the AMI event thread")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("Cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("Cannot listen on {}", config.listen))?;
        let address = listener.local_addr()?;
        tracing::info!(%address, fingerprint = %crate::tls::fingerprint_of(&dir.cert_file())?, "serving HTTPS");
        println!("listening on https://{address}");
        watch_automated_users(&scheduler, &hub, &users)?;
        let mut reconnections = hub.reconnections();
        let retrying = scheduler.clone();
        tokio::spawn(async move {
            // A switch that failed while Asterisk was down is made as soon as it answers again.
            while reconnections.changed().await.is_ok() {
                retrying.retry_failed();
            }
        });
        tokio::spawn(hub.run_refresher());
        crate::serve::serve(listener, tls, router(state)).await
    })
}

/// Starts the rules of every user of `users.json` who has any: the first run of each is at once, so a
/// boundary passed while the server was down is applied now.
fn watch_automated_users(scheduler: &ServerScheduler, hub: &Hub, users: &Users) -> Result<()> {
    let enrolled = users.current()?;
    // Revoking a user's computers does not stop their rules: the extension is still theirs.
    for extension in enrolled.users.keys() {
        if hub.pbx().has_automation(extension) {
            scheduler.watch(extension);
        }
    }
    tracing::info!(users = scheduler.watched(), "automatic switching started");
    Ok(())
}
