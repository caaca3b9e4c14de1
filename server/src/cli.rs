//! The commands: `init`, `run`, `user add|list|revoke`.

use std::net::SocketAddr;
use std::num::NonZeroU16;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use callprofiles_core::phone_system::asterisk::{AmiHost, AmiSecret, AmiUsername, Extension};
use clap::{Parser, Subcommand};

use crate::audit::Audit;
use crate::dir::{ServerConfig, ServerDir, create_private_dir, write_private};
use crate::tls;
use crate::users::{Users, now};

/// The PBX-side service of callprofiles.
#[derive(Debug, Parser)]
#[command(name = "callprofiles-server", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Writes a server directory: config, AMI secret, TLS certificate (self-signed unless given).
    Init {
        /// The server directory (created owner-only).
        #[arg(long)]
        dir: PathBuf,
        /// Asterisk's AMI host.
        #[arg(long)]
        ami_host: String,
        /// Asterisk's AMI port.
        #[arg(long, default_value_t = 5038)]
        ami_port: u16,
        /// The AMI user of manager.conf (see README: the server's entry).
        #[arg(long)]
        ami_username: String,
        /// A file holding the AMI secret (owner-only); copied into the directory.
        #[arg(long)]
        ami_secret_file: PathBuf,
        /// The HTTPS address, e.g. 0.0.0.0:8443.
        #[arg(long)]
        listen: SocketAddr,
        /// A certificate chain (PEM) to serve instead of a self-signed one.
        #[arg(long, requires = "key")]
        cert: Option<PathBuf>,
        /// Its private key (PEM).
        #[arg(long, requires = "cert")]
        key: Option<PathBuf>,
        /// Extra names (DNS or IP) the self-signed certificate covers, besides localhost and the listen address.
        #[arg(long = "name")]
        names: Vec<String>,
        /// Seconds between safety polls of AstDB (one DBGetTree per family, whatever the number of users).
        #[arg(long, default_value_t = crate::dir::DEFAULT_POLL_SECONDS)]
        poll_seconds: u64,
        /// Failed enrollments or authentications allowed per minute, per address and per extension.
        #[arg(long, default_value_t = crate::limits::MAX_FAILURES)]
        failure_limit: u32,
        /// Asterisk's voicemail spool (`astspooldir`/voicemail), read for playing messages on the
        /// computer and written for uploaded greetings.
        #[arg(long, default_value = callprofiles_core::phone_system::asterisk::DEFAULT_SPOOL_DIR)]
        spool_dir: PathBuf,
    },
    /// Serves HTTPS (only) from a server directory.
    Run {
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Users (extensions) and their devices.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Prints a one-time enrollment code for EXT (single use, 24 h) and the fingerprint, as the last two lines.
    Add {
        /// The extension.
        extension: String,
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Lists extensions, their devices and pending codes.
    List {
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Revokes every device of EXT (and its pending codes), or one device.
    Revoke {
        /// The extension.
        extension: String,
        /// Only this device (see `user list`).
        #[arg(long)]
        device: Option<String>,
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
}

/// Runs a command.
pub fn execute(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Init {
            dir,
            ami_host,
            ami_port,
            ami_username,
            ami_secret_file,
            listen,
            cert,
            key,
            names,
            poll_seconds,
            failure_limit,
            spool_dir,
        } => {
            let config = ServerConfig {
                ami_host: AmiHost::parse(&ami_host)?,
                ami_port: NonZeroU16::new(ami_port).context("The AMI port cannot be 0")?,
                ami_username: AmiUsername::parse(&ami_username)?,
                listen,
                poll_seconds,
                failure_limit,
                spool_dir,
            };
            let secret = AmiSecret::from_file(&ami_secret_file)?;
            init(&ServerDir::new(&dir), &config, &secret, cert.zip(key), names)
        }
        Command::Run { dir } => crate::run::run(&ServerDir::new(&dir)),
        Command::User { command } => user(command),
    }
}

/// `init`.
fn init(
    dir: &ServerDir,
    config: &ServerConfig,
    secret: &AmiSecret,
    given: Option<(PathBuf, PathBuf)>,
    mut names: Vec<String>,
) -> Result<()> {
    if dir.config_file().exists() {
        bail!(
            "{} already holds a server (server.json exists); choose another directory",
            dir.root().display()
        );
    }
    create_private_dir(dir.root())?;
    create_private_dir(&dir.root().join("users"))?;
    secret.save_to_file(&dir.secret_file())?;
    match given {
        Some((cert, key)) => {
            tls::load_chain(&cert)?;
            tls::load_key(&key)?;
            write_private(&dir.cert_file(), &std::fs::read(&cert)?)?;
            write_private(&dir.key_file(), &std::fs::read(&key)?)?;
        }
        None => {
            names.push("localhost".to_owned());
            if !config.listen.ip().is_unspecified() {
                names.push(config.listen.ip().to_string());
            }
            names.dedup();
            let (cert, key) = tls::self_signed(names)?;
            write_private(&dir.cert_file(), cert.as_bytes())?;
            write_private(&dir.key_file(), key.as_bytes())?;
        }
    }
    tls::server_config(&dir.cert_file(), &dir.key_file())?;
    dir.save_config(config)?;
    Audit::new(dir.audit_file()).record("cli", "init", "local");
    println!("Server directory ready: {}", dir.root().display());
    println!("Start it with: callprofiles-server run --dir {}", dir.root().display());
    println!("Certificate SHA-256 fingerprint (desktops pin it):");
    println!("{}", tls::fingerprint_of(&dir.cert_file())?);
    Ok(())
}

/// `user …`.
fn user(command: UserCommand) -> Result<()> {
    match command {
        UserCommand::Add { extension, dir } => {
            let dir = ServerDir::new(&dir);
            dir.load_config()?;
            let extension = Extension::parse(&extension)?;
            let code = Users::new(&dir).add_code(extension.as_str())?;
            Audit::new(dir.audit_file()).record("cli", &format!("new enrollment code for {extension}"), "local");
            println!("Enrollment code for extension {extension} (single use, expires in 24 hours), then the");
            println!("server's certificate fingerprint; enter both in callprofiles (Connect to server):");
            println!("{code}");
            println!("{}", tls::fingerprint_of(&dir.cert_file())?);
            Ok(())
        }
        UserCommand::List { dir } => {
            let dir = ServerDir::new(&dir);
            let file = Users::new(&dir).current()?;
            if file.users.is_empty() {
                println!("No users yet: add one with callprofiles-server user add EXT --dir DIR");
            }
            for (extension, entry) in &file.users {
                let pending = entry.codes.iter().filter(|c| c.expires_at > now()).count();
                println!(
                    "{extension}: {} device(s), {pending} unused code(s)",
                    entry.devices.len()
                );
                for device in &entry.devices {
                    println!(
                        "  {}  {:?}  enrolled {} from {}  expires {}",
                        device.id, device.name, device.enrolled_at, device.enrolled_from, device.expires_at
                    );
                }
            }
            Ok(())
        }
        UserCommand::Revoke { extension, device, dir } => {
            let dir = ServerDir::new(&dir);
            let removed = Users::new(&dir).revoke(&extension, device.as_deref())?;
            let what = match &device {
                Some(id) => format!("revoke device {id} of {extension}"),
                None => format!("revoke every device of {extension}"),
            };
            Audit::new(dir.audit_file()).record("cli", &format!("{what}: {removed} removed"), "local");
            println!("Revoked {removed} device(s) of extension {extension}.");
            Ok(())
        }
    }
}
