//! The commands: `init`, `run`, `user add|email|language|list|revoke`, `mail set|test|off`.

use std::net::SocketAddr;
use std::num::NonZeroU16;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use callprofiles_core::phone_system::asterisk::{AmiHost, AmiSecret, AmiUsername, Extension};
use callprofiles_core::wire::UserLanguage;
use clap::{Parser, Subcommand};

use crate::audit::Audit;
use crate::dir::{ServerConfig, ServerDir, create_private_dir, write_private};
use crate::mail::{DEFAULT_ATTEMPTS, DEFAULT_RETRY_SECONDS, Security, SmtpConfig, SmtpPassword};
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
    /// Voicemail e-mail: the SMTP relay it is sent through (takes effect when the server restarts).
    Mail {
        #[command(subcommand)]
        command: MailCommand,
    },
}

#[derive(Debug, Subcommand)]
enum MailCommand {
    /// E-mails each new voicemail message, while the user's notification is on, through this relay.
    Set {
        /// The relay's host name or address.
        #[arg(long)]
        host: String,
        /// Its port (587 for STARTTLS, 465 for TLS, 25 for a local relay).
        #[arg(long)]
        port: u16,
        /// none (only to a relay on this machine), starttls or tls.
        #[arg(long, value_enum)]
        security: Security,
        /// The sender, e.g. "Voicemail <pbx@example.com>".
        #[arg(long)]
        from: String,
        /// The relay's login, if it wants one.
        #[arg(long, requires = "password_file")]
        username: Option<String>,
        /// An owner-only (0600) file holding the relay's password; copied into the directory.
        #[arg(long, requires = "username")]
        password_file: Option<PathBuf>,
        /// A PEM file of the authority that signed an internal relay's certificate.
        #[arg(long)]
        ca_file: Option<PathBuf>,
        /// Attempts per e-mail before giving up (1-10).
        #[arg(long, default_value_t = DEFAULT_ATTEMPTS)]
        attempts: u32,
        /// Seconds before the first retry (doubled after each).
        #[arg(long, default_value_t = DEFAULT_RETRY_SECONDS)]
        retry_seconds: u64,
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Sends a test e-mail through the relay now (one attempt) and says whether it took it.
    Test {
        /// Where to send it.
        #[arg(long)]
        to: String,
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
    /// No voicemail e-mail.
    Off {
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Prints a one-time enrollment code for EXT (single use, 24 h) and the fingerprint, as the last two lines.
    Add {
        /// The extension.
        extension: String,
        /// Where its new voicemail is e-mailed (default: the mailbox's address in Asterisk).
        #[arg(long)]
        email: Option<String>,
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Sets where EXT's new voicemail is e-mailed, or with --clear goes back to the mailbox's address in
    /// Asterisk.
    Email {
        /// The extension.
        extension: String,
        /// The address.
        #[arg(required_unless_present = "clear", conflicts_with = "clear")]
        address: Option<String>,
        /// Use the mailbox's address in Asterisk again.
        #[arg(long)]
        clear: bool,
        /// The server directory.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Sets the language EXT's voicemail e-mail is written in (its desktop sets it too, at each start
    /// and change); `none`: unknown again, the e-mail in Polish then English.
    Language {
        /// The extension.
        extension: String,
        /// `pl`, `en` or `none`.
        #[arg(value_parser = ["pl", "en", "none"])]
        language: String,
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
                smtp: None,
            };
            let secret = AmiSecret::from_file(&ami_secret_file)?;
            init(&ServerDir::new(&dir), &config, &secret, cert.zip(key), names)
        }
        Command::Run { dir } => crate::run::run(&ServerDir::new(&dir)),
        Command::User { command } => user(command),
        Command::Mail { command } => mail(command),
    }
}

/// `mail …`.
fn mail(command: MailCommand) -> Result<()> {
    match command {
        MailCommand::Set {
            host,
            port,
            security,
            from,
            username,
            password_file,
            ca_file,
            attempts,
            retry_seconds,
            dir,
        } => {
            let dir = ServerDir::new(&dir);
            let mut config = dir.load_config()?;
            let smtp = SmtpConfig {
                host: AmiHost::parse(&host)?,
                port: NonZeroU16::new(port).context("The SMTP port cannot be 0")?,
                security,
                username,
                from,
                ca_file: ca_file.map(|path| std::path::absolute(&path)).transpose()?,
                attempts,
                retry_seconds,
            };
            smtp.check()?;
            let password = password_file.map(|path| SmtpPassword::from_file(&path)).transpose()?;
            // Checked whole (TLS set-up, CA file) before anything is written.
            match password {
                Some(password) => {
                    password.save_to(&dir.smtp_password_file())?;
                    smtp.transport(Some(password))?;
                }
                None => {
                    smtp.transport(None)?;
                    if dir.smtp_password_file().exists() {
                        std::fs::remove_file(dir.smtp_password_file())?;
                    }
                }
            }
            let relay = smtp.host.with_port(smtp.port.get());
            config.smtp = Some(smtp);
            dir.save_config(&config)?;
            Audit::new(dir.audit_file()).record("cli", &format!("mail set relay {relay}"), "local");
            println!("Voicemail e-mail goes through {relay}; restart the server for it to take effect.");
            Ok(())
        }
        MailCommand::Test { to, dir } => {
            let dir = ServerDir::new(&dir);
            let result = crate::mail::send_test(&dir, &to);
            let outcome = match &result {
                Ok(_) => "sent".to_owned(),
                Err(error) => format!("failed: {error:#}"),
            };
            Audit::new(dir.audit_file()).record("cli", &format!("mail test: {outcome}"), "local");
            let relay = result?;
            println!("The relay {relay} took a test e-mail for {to}.");
            Ok(())
        }
        MailCommand::Off { dir } => {
            let dir = ServerDir::new(&dir);
            let mut config = dir.load_config()?;
            config.smtp = None;
            dir.save_config(&config)?;
            if dir.smtp_password_file().exists() {
                std::fs::remove_file(dir.smtp_password_file())?;
            }
            Audit::new(dir.audit_file()).record("cli", "mail off", "local");
            println!("Voicemail e-mail is off; restart the server for it to take effect.");
            Ok(())
        }
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
        UserCommand::Add { extension, email, dir } => {
            let dir = ServerDir::new(&dir);
            dir.load_config()?;
            let extension = Extension::parse(&extension)?;
            let users = Users::new(&dir);
            if let Some(email) = &email {
                users.set_email(extension.as_str(), Some(email))?;
                Audit::new(dir.audit_file()).record("cli", &format!("e-mail address of {extension} set"), "local");
            }
            let code = users.add_code(extension.as_str())?;
            Audit::new(dir.audit_file()).record("cli", &format!("new enrollment code for {extension}"), "local");
            println!("Enrollment code for extension {extension} (single use, expires in 24 hours), then the");
            println!("server's certificate fingerprint; enter both in callprofiles (Connect to server):");
            println!("{code}");
            println!("{}", tls::fingerprint_of(&dir.cert_file())?);
            Ok(())
        }
        UserCommand::Email {
            extension,
            address,
            clear: _,
            dir,
        } => {
            let dir = ServerDir::new(&dir);
            dir.load_config()?;
            let extension = Extension::parse(&extension)?;
            Users::new(&dir).set_email(extension.as_str(), address.as_deref())?;
            let what = if address.is_some() { "set" } else { "cleared" };
            Audit::new(dir.audit_file()).record("cli", &format!("e-mail address of {extension} {what}"), "local");
            match address {
                Some(address) => {
                    println!("New voicemail of {extension} is e-mailed to {address} (while its notification is on).");
                }
                None => println!(
                    "New voicemail of {extension} is e-mailed to the mailbox's address in Asterisk, if it has one."
                ),
            }
            Ok(())
        }
        UserCommand::Language {
            extension,
            language,
            dir,
        } => {
            let dir = ServerDir::new(&dir);
            dir.load_config()?;
            let extension = Extension::parse(&extension)?;
            let language = match language.as_str() {
                "none" => None,
                code => Some(
                    code.parse::<UserLanguage>()
                        .map_err(|_| anyhow::anyhow!("{code:?} is not pl, en or none"))?,
                ),
            };
            Users::new(&dir).set_language(extension.as_str(), language)?;
            let code = language.map_or("none", UserLanguage::code);
            Audit::new(dir.audit_file()).record("cli", &format!("language of {extension} set to {code}"), "local");
            match language {
                Some(UserLanguage::Polish) => println!("Voicemail e-mail of {extension} is written in Polish."),
                Some(UserLanguage::English) => println!("Voicemail e-mail of {extension} is written in English."),
                None => println!(
                    "Voicemail e-mail of {extension} is written in Polish then English until its desktop says its language."
                ),
            }
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
                let email = entry.email.as_deref().map_or_else(
                    || "e-mail: the mailbox's in Asterisk".to_owned(),
                    |email| format!("e-mail: {email}"),
                );
                let language = entry.language.map_or("unknown", UserLanguage::code);
                println!(
                    "{extension}: {} device(s), {pending} unused code(s), {email}, language: {language}",
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
